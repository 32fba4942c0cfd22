"""HQ's staging of a bundle's new blobs: copies made while the reader hashes them, in
temporary files beside their place in the content-addressed store, published together
once the bundle is accepted (``app.atomic.replace_together``) or discarded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.atomic import temporary_sibling


class BlobStage:
    """Copies of a bundle's new blobs made while the reader hashes them (one read of each
    photo): temporary files next to their place in a content-addressed store
    (``root/ab/<sha256>``). Nothing is published here: the caller renames them into place
    once the whole bundle is valid (``Bundle.staged``, published by
    ``app.atomic.replace_together``), or calls ``discard``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.staged: list[tuple[Path, Path]] = []
        self._folders: set[Path] = set()

    def open(self, sha: str) -> Any:
        """A binary file to copy blob ``sha`` into, or None when the store has it."""
        target = self.root / sha[:2] / sha
        if target.exists():
            return None
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        tmp = temporary_sibling(target, suffix=".tmp")
        self.staged.append((tmp, target))
        return tmp.open("wb")

    def discard(self) -> None:
        for tmp, _target in self.staged:
            tmp.unlink(missing_ok=True)
        self.staged.clear()
