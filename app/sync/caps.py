"""What a bundle may hold: HQ's limits on what it reads (``Caps``, rules 1–6 of
SYNC_FORMAT.md) and the laptop's export limits below them (``ExportCaps``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Caps:
    bundle_bytes: int = 4 * 1024**3
    entries: int = 200_000
    manifest_bytes: int = 4 * 1024**2
    records_bytes: int = 256 * 1024**2
    blob_bytes: int = 100 * 1024**2
    ratio: int = 200
    total_bytes: int = 8 * 1024**3


@dataclass(frozen=True)
class ExportCaps:
    """What one exported bundle may hold: below HQ's default ``Caps`` with a margin
    (each blob is one entry and one ~171-byte manifest line — measured: 20 000 photos make
    a 3.43 MB manifest —, so 22 000 blobs ≈ 3.6 MiB of the 4 MiB manifest). An export over
    them holds a prefix in HLC order (SYNC_FORMAT.md)."""

    bundle_bytes: int = 3584 * 1024**2
    entries: int = 150_000
    blobs: int = 22_000
    records_bytes: int = 200 * 1024**2
