"""A ZIP file written front to back (never seeking back), from entries whose CRC and sizes
are known before their bytes are written: stored photos hashed and CRC'd as they were
read, and records files already deflated. Only ``struct`` and the documented
``zipfile.ZipInfo`` fields are used (no ``ZipFile`` internals); every local header carries
a ZIP64 extra field (so an entry may pass 4 GiB) and the end records switch to ZIP64 when
the archive needs it, as ``zipfile`` writes them, so ``zipfile`` reads the result."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Callable
from typing import IO, Any

ZIP64_LIMIT = (1 << 31) - 1  # as zipfile: past this, sizes and offsets go in ZIP64 fields
FILECOUNT_LIMIT = (1 << 16) - 1
ZIP64_VERSION = 45
LOCAL = struct.Struct("<4s2B4HL2L2H")
CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
END = struct.Struct("<4s4H2LH")
END64 = struct.Struct("<4sQ2H2L4Q")
END64_LOCATOR = struct.Struct("<4sLQL")
UTF8_NAME = 0x800


def _dos_time(info: zipfile.ZipInfo) -> tuple[int, int]:
    y, mo, d, h, mi, s = info.date_time
    return h << 11 | mi << 5 | s // 2, (y - 1980) << 9 | mo << 5 | d


def _name(info: zipfile.ZipInfo) -> tuple[bytes, int]:
    try:
        return info.filename.encode("ascii"), 0
    except UnicodeEncodeError:
        return info.filename.encode("utf-8"), UTF8_NAME


class ZipStream:
    """Entries appended to ``fp`` one after the other; ``close`` writes the central
    directory. ``fp`` needs ``write`` only; the offsets are counted here."""

    def __init__(self, fp: IO[bytes] | Any) -> None:
        self.fp: Any = fp
        self.offset = 0
        self.entries: list[zipfile.ZipInfo] = []
        self.names: set[str] = set()

    def _write(self, data: bytes) -> None:
        self.fp.write(data)
        self.offset += len(data)

    def append(self, info: zipfile.ZipInfo, payload: Callable[[Any], None]) -> None:
        """Append an entry whose ``CRC``, ``file_size``, ``compress_size`` and
        ``compress_type`` ``info`` already holds; ``payload(fp)`` writes its stored or
        already deflated bytes, exactly ``compress_size`` of them."""
        if info.filename in self.names:
            raise ValueError(f"duplicate ZIP entry {info.filename}")
        info.external_attr = info.external_attr or 0o600 << 16
        info.header_offset = self.offset
        info.extract_version = info.create_version = ZIP64_VERSION
        name, flags = _name(info)
        dos_time, dos_date = _dos_time(info)
        extra = struct.pack("<HHQQ", 1, 16, info.file_size, info.compress_size)
        self._write(
            LOCAL.pack(
                b"PK\x03\x04",
                ZIP64_VERSION,
                0,
                flags,
                info.compress_type,
                dos_time,
                dos_date,
                info.CRC,
                0xFFFFFFFF,
                0xFFFFFFFF,
                len(name),
                len(extra),
            )
            + name
            + extra
        )
        payload(self.fp)
        self.offset += info.compress_size
        self.entries.append(info)
        self.names.add(info.filename)

    def close(self) -> None:
        """Write the central directory and the end records (ZIP64 ones when needed)."""
        start = self.offset
        for info in self.entries:
            self._write(self._central(info))
        count, size = len(self.entries), self.offset - start
        if count > FILECOUNT_LIMIT or start > ZIP64_LIMIT or size > ZIP64_LIMIT:
            end64 = self.offset
            self._write(
                END64.pack(
                    b"PK\x06\x06", 44, ZIP64_VERSION, ZIP64_VERSION, 0, 0, count, count, size, start
                )
            )
            self._write(END64_LOCATOR.pack(b"PK\x06\x07", 0, end64, 1))
            count, size, start = min(count, 0xFFFF), min(size, 0xFFFFFFFF), min(start, 0xFFFFFFFF)
        self._write(END.pack(b"PK\x05\x06", 0, 0, count, count, size, start, 0))
        self.fp.flush()

    @staticmethod
    def _central(info: zipfile.ZipInfo) -> bytes:
        wide: list[int] = []
        file_size, compress_size, offset = info.file_size, info.compress_size, info.header_offset
        if file_size > ZIP64_LIMIT or compress_size > ZIP64_LIMIT:
            wide += [file_size, compress_size]
            file_size = compress_size = 0xFFFFFFFF
        if offset > ZIP64_LIMIT:
            wide.append(offset)
            offset = 0xFFFFFFFF
        extra = struct.pack(f"<HH{len(wide)}Q", 1, 8 * len(wide), *wide) if wide else b""
        name, flags = _name(info)
        dos_time, dos_date = _dos_time(info)
        return (
            CENTRAL.pack(
                b"PK\x01\x02",
                ZIP64_VERSION,
                info.create_system,
                ZIP64_VERSION,
                0,
                flags,
                info.compress_type,
                dos_time,
                dos_date,
                info.CRC,
                compress_size,
                file_size,
                len(name),
                len(extra),
                0,
                0,
                info.internal_attr,
                info.external_attr,
                offset,
            )
            + name
            + extra
        )
