"""Writing a built PDF: into memory first, then atomically into place, with one clear
message when the path cannot be written."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import UserError
from app.i18n import tr


def write_pdf(builder: Callable[[Any, Any], None], data: Any, target: Path) -> Path:
    """Build into memory, then write atomically; clear message for unwritable paths."""
    target = Path(target)
    buf = io.BytesIO()
    builder(data, buf)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        tmp.write_bytes(buf.getvalue())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):  # e.g. its folder is a file: the error below says so
            tmp.unlink(missing_ok=True)
        raise UserError(tr("reports", "Cannot write the report to {path}: {error}").format(path=target, error=exc.strerror or exc)) from exc
    return target
