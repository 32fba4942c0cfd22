"""Writing a built PDF: into memory first, then atomically into place, with one clear
message when the path cannot be written."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.atomic import Durability, atomic_write
from app.errors import UserError
from app.i18n import tr


def write_pdf(builder: Callable[[Any, Any], None], data: Any, target: Path) -> Path:
    """Build into memory, then write atomically; clear message for unwritable paths."""
    target = Path(target)
    buf = io.BytesIO()
    builder(data, buf)
    try:
        atomic_write(target, buf.getvalue(), Durability.SYNC)
    except OSError as exc:  # e.g. its folder is a file: the error below says so
        raise UserError(
            tr("reports", "Cannot write the report to {path}: {error}").format(
                path=target, error=exc.strerror or exc
            )
        ) from exc
    return target
