"""``BundleFile``: what goes in comes out, byte for byte, written directly to the disk or
through the page cache; errors on its writing thread reach the caller; it never seeks
back."""

from __future__ import annotations

import errno
import os
import zipfile
from pathlib import Path

import pytest

from app.sync import bundle_file
from app.sync.bundle_file import BundleFile

SIZES = [0, 1, 4095, 4096, 4097, 8191, 8192, 8193, 3 * 8192 + 123]


@pytest.fixture(params=["direct", "page cache"])
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(bundle_file, "BUFFER", 8192)  # small buffers: every edge is crossed
    if request.param == "page cache":
        monkeypatch.delattr(os, "O_DIRECT", raising=False)
    return str(request.param)


@pytest.mark.parametrize("size", SIZES)
def test_what_is_written_is_what_the_file_holds(tmp_path: Path, mode: str, size: int) -> None:
    data = os.urandom(size)
    target = tmp_path / "b.bin"
    out = BundleFile(target)
    if mode == "page cache":
        assert not out.direct
    for start in range(0, size, 1000):  # uneven pieces
        out.write(data[start : start + 1000])
    assert out.tell() == size
    out.close()
    assert target.read_bytes() == data
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_zip_written_into_it_is_whole(
    tmp_path: Path, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Photos that fit the copy buffer and photos streamed in two passes, records,
    manifest and signature: a ZIP every entry of which checks out."""
    import hashlib

    from app.sync import blob_copy
    from app.sync.blob_copy import close_zip, copy_blobs, finish_zip, open_zip

    monkeypatch.setattr(blob_copy, "BLOB_BUFFER", 6000)
    blobs = []
    for index, size in enumerate((0, 10, 5999, 6000, 6001, 20_000)):
        body = os.urandom(size) + bytes([index])
        sha = hashlib.sha256(body).hexdigest()
        (tmp_path / sha).write_bytes(body)
        blobs.append((sha, str(tmp_path / sha)))
    target = tmp_path / "b.zip"
    file, zf = open_zip(target)
    assert copy_blobs(zf, blobs) == [len((tmp_path / sha).read_bytes()) for sha, _ in blobs]
    finish_zip(zf, [], b'{"files":[]}', "c2ln")
    close_zip(file, zf)
    with zipfile.ZipFile(target) as z:
        assert z.testzip() is None
        assert z.read("manifest.json") == b'{"files":[]}' and z.read("manifest.sig") == b"c2ln"
        for sha, path in blobs:
            assert z.read(f"blobs/{sha}") == Path(path).read_bytes()


def test_it_never_seeks_back(tmp_path: Path) -> None:
    out = BundleFile(tmp_path / "b.bin")
    out.write(b"abc")
    assert out.seek(3) == 3 and out.seek(0, os.SEEK_CUR) == 3
    with pytest.raises(OSError):
        out.seek(0)
    out.close()
    with pytest.raises(ValueError):
        out.write(b"more")


def test_an_error_on_the_writing_thread_reaches_the_caller(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle_file, "BUFFER", 8192)
    real_write = os.write
    calls = []

    def full_disk(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(bundle_file.os, "write", full_disk)
    out = BundleFile(tmp_path / "b.bin")
    with pytest.raises(OSError) as failed:
        for _ in range(20):
            out.write(b"x" * 4096)
        out.close()
    assert failed.value.errno == errno.ENOSPC
    out.abort()  # what the caller does next: no error, no thread left behind


def test_a_file_system_that_refuses_direct_writes_gets_them_through_the_page_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not hasattr(os, "O_DIRECT"):
        pytest.skip("no O_DIRECT here")
    monkeypatch.setattr(bundle_file, "BUFFER", 8192)
    real_write = os.write
    refused = []

    def picky(fd: int, data: bytes) -> int:
        import fcntl

        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_DIRECT:
            refused.append(len(data))
            raise OSError(errno.EINVAL, "Invalid argument")
        return real_write(fd, data)

    monkeypatch.setattr(bundle_file.os, "write", picky)
    data = os.urandom(3 * 8192 + 5)
    out = BundleFile(tmp_path / "b.bin")
    if not out.direct:
        out.abort()
        pytest.skip("this file system refuses O_DIRECT when the file is opened")
    out.write(data)
    out.close()
    assert (tmp_path / "b.bin").read_bytes() == data
    assert refused and not out.direct
