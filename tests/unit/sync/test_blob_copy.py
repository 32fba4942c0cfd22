"""Export with the photos copied by a child process (``app.sync.blob_copy``) while the
records are deflated here: the bundle is the same valid bundle HQ accepts, a photo whose
bytes changed fails the export cleanly (no partial file, nothing marked), a cancel stops
the child, and a child whose parent died removes its partial file. The records files are
appended to the ZIP as finished deflate streams: zipfile reads them back intact."""
# ruff: noqa: F811  (pytest fixtures imported from another test module)

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import UserError
from app.hq.server import Hq
from app.services.progress import Cancelled, Progress
from app.services.sync import apply_ack, export_bundle, sync_status
from app.sync import blob_copy
from app.sync.blob_copy import child_command
from app.sync.zip_stream import ZipStream
from db.models import ExportedBundle
from tests.unit.services.test_sync import make_laptop, seed
from tests.unit.services.test_sync_capping import _visit, hq  # noqa: F401 (the HQ fixture)


@pytest.fixture
def in_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every photo copy goes through the child process, however small."""
    monkeypatch.setattr(blob_copy, "CHILD_MIN_BYTES", 0)


def _laptop_with_photos(tmp_path: Path, server: Hq):  # type: ignore[no-untyped-def]
    ctx = make_laptop(tmp_path, "lap", server)
    seed(ctx, tmp_path)
    for n in range(1, 4):
        _visit(ctx, tmp_path / "photos", "P001", n, photos=3)
    return ctx


def _nothing_left(ctx, folder: Path, keep: frozenset[str] | set[str] = frozenset()) -> None:  # type: ignore[no-untyped-def]
    """A failed export left no bundle, partial file or records work folder in ``folder``,
    and registered no bundle (nothing can be marked as sent)."""
    assert {p.name for p in folder.iterdir()} == set(keep)
    with ctx.read_session() as s:
        assert s.scalar(select(func.count()).select_from(ExportedBundle)) == 0


def test_a_child_copied_export_is_accepted_by_hq(hq: Hq, tmp_path: Path, in_child: None) -> None:
    ctx = _laptop_with_photos(tmp_path, hq)
    seen: list[tuple[int, int]] = []
    result = export_bundle(
        ctx,
        tmp_path / "a.cdsync",
        progress=Progress(lambda done, total, _m: seen.append((done, total))),
    )
    with zipfile.ZipFile(result.path) as zf:
        assert zf.testzip() is None  # every entry's CRC, the deflated records files included
        manifest = json.loads(zf.read("manifest.json"))
        blobs = [f for f in manifest["files"] if f["path"].startswith("blobs/")]
        assert len(blobs) >= 12 and all(
            zf.getinfo(f["path"]).compress_type == zipfile.ZIP_STORED for f in blobs
        )
        for entry in manifest["files"]:
            if entry["path"].startswith("records/"):
                info = zf.getinfo(entry["path"])
                assert (
                    info.compress_type == zipfile.ZIP_DEFLATED and info.file_size == entry["size"]
                )
                assert len(zf.read(entry["path"]).splitlines()) == entry["records"]
    assert seen[0] == (0, 0)  # choosing what fits: a busy bar
    assert seen[1:] and all(total == len(blobs) for _done, total in seen[1:])
    ingested = hq.ingest(result.path, tmp_path / "acks")
    assert ingested.status == "accepted", ingested.reason
    assert hq.stats()["blobs"]["count"] == len(blobs)
    apply_ack(ctx, ingested.ack_path)
    assert sync_status(ctx).pending_changes == 0
    ctx.close()


def test_a_changed_photo_fails_the_export_cleanly(hq: Hq, tmp_path: Path, in_child: None) -> None:
    ctx = _laptop_with_photos(tmp_path, hq)
    media = sorted(p for p in (ctx.paths.root / "media").rglob("*") if p.is_file())
    media[0].write_bytes(b"not the photo it was")
    (tmp_path / "out").mkdir()
    with pytest.raises(UserError, match="Nothing was marked as sent"):
        export_bundle(ctx, tmp_path / "out" / "a.cdsync")
    _nothing_left(ctx, tmp_path / "out")
    ctx.close()


def test_cancel_stops_the_child(hq: Hq, tmp_path: Path, in_child: None) -> None:
    ctx = _laptop_with_photos(tmp_path, hq)
    progress = Progress(lambda *_a: progress.cancel())
    (tmp_path / "out").mkdir()
    with pytest.raises(Cancelled):
        export_bundle(ctx, tmp_path / "out" / "a.cdsync", progress=progress)
    _nothing_left(ctx, tmp_path / "out")
    ctx.close()


def test_an_orphaned_child_removes_its_partial_file(tmp_path: Path) -> None:
    photo = tmp_path / "photo"
    photo.write_bytes(b"x" * 1000)
    import hashlib

    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    target = tmp_path / "bundle.part"
    not_my_parent = 1 if os.getppid() != 1 else 2
    root = str(Path(blob_copy.__file__).resolve().parent.parent.parent)
    done = subprocess.run(
        child_command(),
        input=f"{target}\n{not_my_parent}\n{sha}\t{photo}\n".encode(),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": root},
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and not target.exists()


@pytest.mark.parametrize("buffer", [4096, 5000, 1 << 20])
def test_photos_larger_than_the_buffer_are_streamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, buffer: int
) -> None:
    """Photos smaller than, exactly as large as, and larger than the copy buffer."""
    import hashlib

    monkeypatch.setattr(blob_copy, "BLOB_BUFFER", buffer)
    blobs = []
    for n, size in enumerate((100, 4096, 5000, 12_345)):
        path = tmp_path / f"p{n}"
        path.write_bytes(os.urandom(size))
        blobs.append((hashlib.sha256(path.read_bytes()).hexdigest(), str(path)))
    with open(tmp_path / "b.zip", "wb") as fh:
        zf = ZipStream(fh)
        assert blob_copy.copy_blobs(zf, blobs) == [100, 4096, 5000, 12_345]
        zf.close()
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        assert zf.testzip() is None
        assert all(zf.read(f"blobs/{sha}") == Path(path).read_bytes() for sha, path in blobs)
    Path(blobs[2][1]).write_bytes(b"changed")
    with open(tmp_path / "c.zip", "wb") as fh, pytest.raises(blob_copy.BlobChanged):
        blob_copy.copy_blobs(ZipStream(fh), blobs)


def test_a_photo_whose_file_is_gone_is_left_out(hq: Hq, tmp_path: Path, in_child: None) -> None:
    """As before the child process: the record goes, the missing bytes do not."""
    ctx = _laptop_with_photos(tmp_path, hq)
    media = sorted(p for p in (ctx.paths.root / "media").rglob("*") if p.is_file())
    media[0].unlink()
    result = export_bundle(ctx, tmp_path / "a.cdsync")
    with zipfile.ZipFile(result.path) as zf:
        names = set(zf.namelist())
        assert f"blobs/{media[0].name}" not in names and f"blobs/{media[1].name}" in names
        listed = {f["path"] for f in json.loads(zf.read("manifest.json"))["files"]}
    assert listed == names - {"manifest.json", "manifest.sig"}
    ctx.close()


def test_a_child_left_without_its_finishing_order_removes_the_file(tmp_path: Path) -> None:
    """The parent died (or gave up) after the photos were copied: the input ends."""
    import hashlib

    photo = tmp_path / "photo"
    photo.write_bytes(b"y" * 1000)
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    target = tmp_path / "bundle.part"
    root = str(Path(blob_copy.__file__).resolve().parent.parent.parent)
    done = subprocess.run(
        child_command(),
        input=f"{target}\n{os.getpid()}\n{sha}\t{photo}\n\n".encode(),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": root},
        timeout=60,
        check=False,
    )
    assert (
        done.returncode == 0
        and done.stdout.decode().splitlines()[-1] == "D 1000"
        and not target.exists()
    )


def test_the_estimate_matches_what_the_export_writes(hq: Hq, tmp_path: Path) -> None:
    from app.services.sync import estimate_export

    ctx = _laptop_with_photos(tmp_path, hq)
    estimate = estimate_export(ctx)
    result = export_bundle(ctx, tmp_path / "a.cdsync")
    with zipfile.ZipFile(result.path) as zf:
        photos = sum(1 for name in zf.namelist() if name.startswith("blobs/"))
    assert estimate.changes == sync_status(ctx).pending_changes == sum(result.counts.values())
    assert estimate.photos == photos and not estimate.capped
    assert result.size <= estimate.size <= 3 * result.size  # on the safe side, same order
    ctx.close()


def test_too_little_free_space_is_refused_before_writing(
    hq: Hq,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil
    from collections import namedtuple

    ctx = _laptop_with_photos(tmp_path, hq)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _folder: usage(10**9, 10**9 - 1000, 1000))
    (tmp_path / "out").mkdir()
    with pytest.raises(UserError, match="Not enough free space") as caught:
        export_bundle(ctx, tmp_path / "out" / "a.cdsync")
    assert "Nothing was written" in caught.value.message
    _nothing_left(ctx, tmp_path / "out")
    ctx.close()


def test_a_disk_that_fills_up_while_the_child_copies(
    hq: Hq,
    tmp_path: Path,
    in_child: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Space taken by something else after the export checked it: the child's write fails,
    the export says so in one line, and nothing is left on the disk or marked as sent."""
    from app.services import sync as sync_svc
    from tests.e2e.test_full_disk import _fill

    disk = tmp_path / "disk"
    disk.mkdir()
    if (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True
        ).returncode
        != 0
    ):
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        ctx = _laptop_with_photos(tmp_path, hq)
        filler = _fill(disk)
        with filler.open("r+b") as fh:
            fh.truncate(filler.stat().st_size - 64 * 1024)  # room for the records, not the photos
        monkeypatch.setattr(sync_svc, "_check_free_space", lambda _folder, _needed: None)
        with pytest.raises(UserError, match="Nothing was marked as sent") as caught:
            export_bundle(ctx, disk / "a.cdsync")
        assert "\n" not in caught.value.message and "No space left" in caught.value.message, (
            caught.value.message
        )
        _nothing_left(ctx, disk, keep={"filler"})
        ctx.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.mark.parametrize("fail_at", ["piece", "tail"])
def test_a_records_file_that_cannot_be_written_fails_cleanly(fail_at: str) -> None:
    """The deflating thread's write fails (a full disk) in the middle, or at the very end
    after the last piece: the error reaches the caller and nothing waits forever."""
    from app.sync import bundle_write

    class Failing:
        def write(self, data: bytes) -> int:
            if fail_at == "piece":
                raise OSError(28, "No space left on device")
            return len(data)

        def flush(self) -> None:
            raise OSError(28, "No space left on device")

    deflater = bundle_write._Deflater(Failing())  # type: ignore[arg-type]
    with pytest.raises(OSError, match="No space"):
        try:
            for _ in range(20):
                deflater.put(os.urandom(1 << 16))
        finally:
            deflater.close()
    assert not deflater._thread.is_alive()
