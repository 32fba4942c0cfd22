"""Autogenerate the next Alembic revision from the models: ``tools/new_migration.py MESSAGE``."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from alembic import command

from db.engine import make_engine
from db.migrate import alembic_config, head_revision


def main() -> int:
    message = " ".join(sys.argv[1:]) or "schema change"
    head = head_revision()
    next_id = f"{int(head) + 1:04d}" if head.isdigit() else None
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "gen.sqlite")
        cfg = alembic_config(engine)
        command.upgrade(cfg, "head")
        command.revision(cfg, message=message, autogenerate=True, rev_id=next_id)
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
