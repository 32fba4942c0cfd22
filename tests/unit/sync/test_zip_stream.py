"""``ZipStream`` (issue 17): the bundle's ZIP is written with public APIs only. For stored
entries its bytes are exactly those ``zipfile`` writes through its public
``ZipFile.open(info, "w", force_zip64=True)``; a pre-deflated entry reads back through
``zipfile``; past 65 535 entries or 2 GiB of offsets the ZIP64 end records are written
and read."""

from __future__ import annotations

import functools
import io
import zipfile
import zlib

import pytest

from app.sync.fast_zlib import crc32
from app.sync.zip_stream import ZipStream

DATE = (2020, 1, 1, 0, 0, 0)


def _info(name: str, body: bytes, method: int = zipfile.ZIP_STORED) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=DATE)
    info.compress_type = method
    info.file_size, info.CRC = len(body), crc32(body)
    info.compress_size = len(body)
    return info


def _write(fp: object, data: bytes) -> None:
    fp.write(data)  # type: ignore[attr-defined]


ENTRIES = [
    ("blobs/" + "ab" * 32, b"\xff\xd8photo" * 300),
    ("manifest.json", b"{}"),
    ("清单.txt", b"x"),
]


def test_stored_entries_are_the_bytes_zipfile_writes() -> None:
    ours = io.BytesIO()
    stream = ZipStream(ours)
    for name, body in ENTRIES:
        stream.append(_info(name, body), functools.partial(_write, data=body))
    stream.close()
    theirs = io.BytesIO()
    with zipfile.ZipFile(theirs, "w") as zf:
        for name, body in ENTRIES:
            info = zipfile.ZipInfo(name, date_time=DATE)
            info.external_attr = 0o600 << 16
            with zf.open(info, "w", force_zip64=True) as fh:
                fh.write(body)
    assert ours.getvalue() == theirs.getvalue()


def test_a_deflated_entry_and_a_duplicate() -> None:
    body = "门店巡检 records\n".encode() * 1000
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    packed = packer.compress(body) + packer.flush()
    out = io.BytesIO()
    stream = ZipStream(out)
    info = _info("records/visit.jsonl", body, zipfile.ZIP_DEFLATED)
    info.compress_size = len(packed)
    stream.append(info, functools.partial(_write, data=packed))
    with pytest.raises(ValueError):
        stream.append(_info("records/visit.jsonl", b""), functools.partial(_write, data=b""))
    stream.close()
    with zipfile.ZipFile(out) as zf:
        assert zf.testzip() is None and zf.read("records/visit.jsonl") == body


def test_zip64_end_records_past_65535_entries() -> None:
    out = io.BytesIO()
    stream = ZipStream(out)
    for n in range(70_000):
        stream.append(_info(f"b/{n}", b"%d" % n), functools.partial(_write, data=b"%d" % n))
    stream.close()
    with zipfile.ZipFile(out) as zf:
        assert len(zf.infolist()) == 70_000 and zf.read("b/69999") == b"69999"


def test_offsets_past_2_gib_use_zip64_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if 2 GiB of photos came first: the offsets and the directory's place go in
    ZIP64 fields (the limit lowered so the test writes kilobytes)."""
    from app.sync import zip_stream

    monkeypatch.setattr(zip_stream, "ZIP64_LIMIT", 100)
    out = io.BytesIO()
    stream = ZipStream(out)
    for n in range(3):
        body = bytes(80)
        stream.append(_info(f"b/{n}", body), functools.partial(_write, data=body))
    stream.close()
    data = out.getvalue()
    assert b"PK\x06\x06" in data and b"PK\x06\x07" in data
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 100)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None and [i.header_offset for i in zf.infolist()][2] > 100
