"""Raw deflate and CRC-32 for writing bundles: ISA-L's (the ``isal`` package), several
times faster than zlib's for the same formats — measured on an export's records (134 MB):
0.10 s instead of 0.71 s at level 1, and 11 % smaller; CRC-32 of photos 3.6× faster —
and zlib's where ``isal`` is not installed. Reading uses zlib: the output is plain
deflate."""

from __future__ import annotations

import types
import zlib
from typing import Any

_impl: types.ModuleType
try:
    from isal import isal_zlib as _impl
except (
    ImportError
):  # pragma: no cover - isal is a dependency; zlib keeps bundles working without it
    _impl = zlib

LEVEL = 1  # isal: its fastest level that still compresses well; zlib: level 6 costs ~3x the time for ~10% smaller files

crc32 = _impl.crc32


def raw_deflater() -> Any:
    """A compressor of raw deflate (no zlib header: what a ZIP entry holds)."""
    return _impl.compressobj(LEVEL, _impl.DEFLATED, -15)
