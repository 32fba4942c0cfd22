"""The HQ console's Inbox: the bundles dropped or picked (folders: the ``.cdsync`` files in
them) ingested one after the other, each as a whole or not at all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.entities import Changes

if TYPE_CHECKING:
    from app.hq.server import Hq


@dataclass(frozen=True)
class IngestedFiles:
    """Each file's (path, status, reason) and the change, announced by the UI's op
    runner."""

    results: list[tuple[str, str, str]]
    changes: Changes


def ingest_files(
    hq: Hq,
    paths: list[Path],
    ack_dir: Path | None,
    progress: Callable[[int, int, str], None] | None = None,
) -> IngestedFiles:
    """Ingest each bundle of ``paths`` (folders: their ``.cdsync`` files, sorted), an
    acknowledgement written to ``ack_dir`` when given."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.cdsync")) if path.is_dir() else [path])
    results = []
    for index, path in enumerate(files):
        if progress is not None:
            progress(index, len(files), path.name)
        result = hq.ingest(path, ack_dir)
        results.append((str(path), result.status, result.reason))
    if progress is not None:
        progress(len(files), len(files), "")
    return IngestedFiles(results, Changes.of("record", "imported_bundle"))
