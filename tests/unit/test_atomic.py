"""``app.atomic`` (issue 17): a write killed half-way leaves the old file whole, and the
writers that replace a file (spreadsheets, the media store, the key store, backups, the
photo caches) go through it: a failure at the rename leaves the old file and no temporary
one; what a killed writer left is a temporary the start-up sweep knows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app import atomic
from app.atomic import Durability, atomic_path, atomic_write, temporary_sibling
from app.errors import UserError
from app.services.datadir import _is_temporary
from tests.conftest import EXIF_DIR, ROOT

KILLED_WRITER = """
import sys, time
from pathlib import Path
from app.atomic import Durability, atomic_path
with atomic_path(Path(sys.argv[1]), Durability.SYNC) as tmp, open(tmp, "wb") as fh:
    fh.write(b"new, half written")
    fh.flush()
    print("writing", flush=True)
    time.sleep(60)
"""


def test_a_killed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "writing"
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(timeout=30)
    assert target.read_bytes() == b"old"
    (left,) = [p for p in tmp_path.iterdir() if p != target]
    assert left.name == f".settings.json.{child.pid}.part" and _is_temporary(left.name)


def _killed_writer(target: Path, *, kill: bool = True) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    if kill:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    return child


def test_the_next_write_of_a_target_sweeps_what_a_killed_writer_left(tmp_path: Path) -> None:
    """A report or spreadsheet saved with ``-o`` outside the data dir: the temporary of a
    killed write is removed by the next write of the same target; a running writer's
    temporary and other files' temporaries stay."""
    target = tmp_path / "report.pdf"
    other = tmp_path / "other.pdf"
    dead = _killed_writer(target)
    dead_other = _killed_writer(other)
    running = _killed_writer(target, kill=False)
    try:
        atomic_write(target, b"new", Durability.SYNC)
        assert target.read_bytes() == b"new"
        left = sorted(p.name for p in tmp_path.iterdir())
        assert left == sorted(
            [
                f".other.pdf.{dead_other.pid}.part",
                f".report.pdf.{running.pid}.part",
                "report.pdf",
            ]
        ), left
        assert not temporary_sibling(target).exists()
        assert dead.pid not in {int(n.split(".")[-2]) for n in left if n.endswith(".part")}
    finally:
        running.kill()
        running.wait(timeout=30)
        for child in (dead, dead_other, running):
            assert child.stdout is not None
            child.stdout.close()


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_path(target, Durability.RENAME) as tmp:
        tmp.write_text("new", encoding="utf-8")
        raise RuntimeError("stop")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(tmp_path.iterdir()) == [target]
    atomic_write(target, "new", Durability.SYNC, private=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.fixture
def failing_rename(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """``os.replace`` in app.atomic fails (a full disk at the last moment); the targets
    it was asked for are noted (the data dir's holder records among them)."""
    asked: list[Path] = []

    def replace(src: Any, dst: Any) -> None:
        asked.append(Path(dst))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", replace)
    return asked


def _no_temporary(folder: Path) -> None:
    assert not [p for p in folder.rglob("*") if _is_temporary(p.name)]


def test_a_spreadsheet_keeps_the_old_file(tmp_path: Path, failing_rename: list[Path]) -> None:
    from app.services.sheet_write import write_table

    target = tmp_path / "partners.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UserError):
        write_table(target, ["code"], [["P1"]], {0})
    assert target in failing_rename and target.read_text(encoding="utf-8") == "old"
    _no_temporary(tmp_path)


def test_the_media_store_and_the_key_store_go_through_atomic(
    ctx: Any, failing_rename: list[Path]
) -> None:
    from app.services import pii
    from app.services.media import store_file

    photo = sorted(EXIF_DIR.glob("Landscape_*.jpg"))[0]
    with pytest.raises(UserError):
        store_file(ctx.paths, photo, "ab" * 32)
    with pytest.raises(UserError):
        pii.record_key(ctx)
    assert {ctx.paths.media_file("ab" * 32), ctx.paths.record_key} <= set(failing_rename)
    assert not ctx.paths.media_file("ab" * 32).exists() and not ctx.paths.record_key.exists()
    _no_temporary(ctx.paths.root)


def test_a_backup_keeps_the_old_one(ctx: Any, tmp_path: Path, failing_rename: list[Path]) -> None:
    from app.services.backup import create_backup

    target = tmp_path / "out" / "backup.zip"
    target.parent.mkdir()
    target.write_bytes(b"old backup")
    with pytest.raises(UserError):
        create_backup(ctx, target)
    assert target in failing_rename and target.read_bytes() == b"old backup"
    _no_temporary(tmp_path / "out")


def test_the_device_key_file_and_hq_private_key_go_through_atomic(
    ctx: Any, tmp_path: Path, failing_rename: list[Path]
) -> None:
    """The exported device key (what HQ registers) and HQ's private key were written in
    place: a failed write left a truncated file, and a half-written HQ key passed for one
    at the next ``hq init``. They go through ``atomic_write``: the old file stays."""
    from app.services.device import export_public_key, initialise_device
    from app.sync import signing

    initialise_device(ctx, user="lap", territory=["3101"])
    exported = tmp_path / "lap.key"
    exported.write_text("old key file", encoding="utf-8")
    with pytest.raises(UserError):
        export_public_key(ctx, exported)
    assert exported in failing_rename and exported.read_text(encoding="utf-8") == "old key file"
    hq_key = tmp_path / "hq" / "hq_ed25519.pem"
    with pytest.raises(OSError):
        signing.write_private_key(hq_key)
    assert hq_key in failing_rename and not hq_key.exists()
    _no_temporary(tmp_path)


def test_the_photo_caches_go_through_atomic(ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services import media, reports

    photo = sorted(EXIF_DIR.glob("Landscape_*.jpg"))[0]
    sha = media.import_photo(ctx, photo).sha256
    written: list[Path] = []
    real = atomic.atomic_path

    def noting(target: Path, durability: Durability, **kw: Any) -> Any:
        written.append(Path(target))
        assert durability is Durability.RENAME  # caches: made again on demand
        return real(target, durability, **kw)

    monkeypatch.setattr(media, "atomic_path", noting)
    monkeypatch.setattr(atomic, "atomic_path", noting)  # atomic_write's own use
    thumb = media.thumbnail(ctx.paths, sha)
    assert thumb is not None and written == [thumb]
    assert reports.scaled_photo(ctx, sha) is not None
    assert written[1] == ctx.paths.scaled_image_file(sha, ctx.settings.photo_report_max_px)
    _no_temporary(ctx.paths.root)


def test_the_data_dir_sweep_removes_a_half_written_holder_record(tmp_path: Path) -> None:
    from app.paths import DataPaths
    from app.services.opening import open_context

    paths = DataPaths.resolve(tmp_path / "data")
    open_context(paths.root).close()
    left = paths.lock_holders / temporary_sibling(paths.lock_holders / "4242-1.json").name
    left.write_text("{", encoding="utf-8")
    open_context(paths.root).close()
    assert not left.exists()


KILLED_BATCH = """
import sys, time
from pathlib import Path
from app import atomic
from app.sync.blob_stage import BlobStage

stage = BlobStage(Path(sys.argv[1]))
for sha in ("ab" * 32, "cd" * 32, "ce" * 32):
    with stage.open(sha) as fh:
        fh.write(b"photo " + sha.encode())

def stuck(path):
    print("flushing", flush=True)
    time.sleep(60)

atomic.fsync_file = stuck
atomic.replace_together(stage.staged, atomic.Durability.SYNC, threads=1)
"""


def test_a_batch_killed_while_flushing_publishes_nothing(tmp_path: Path) -> None:
    """HQ's blob store publishes a bundle's photos together (``replace_together``): a
    process killed before the renames leaves only temporaries, which the next ingest's
    sweep removes, and no file under a blob's name."""
    from app.hq.files import TEMPORARY_BLOB, sweep_temporary_blobs

    with subprocess.Popen(
        [sys.executable, "-c", KILLED_BATCH, str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "flushing"
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(timeout=30)
    left = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len(left) == 3 and all(TEMPORARY_BLOB.fullmatch(p.name) for p in left)
    assert sweep_temporary_blobs(tmp_path) == 3
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_a_batch_is_flushed_before_any_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``replace_together`` with ``SYNC``: every file flushed, then renamed, then each
    folder flushed once; with ``RENAME`` only the renames."""
    events: list[tuple[str, str]] = []
    real_replace = os.replace
    monkeypatch.setattr(atomic, "fsync_file", lambda p: events.append(("file", Path(p).name)))
    monkeypatch.setattr(atomic, "fsync_folder", lambda p: events.append(("folder", p.name)))

    def replace(src: Any, dst: Any) -> None:
        events.append(("rename", Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    pairs = []
    for folder, name in (("ab", "one"), ("ab", "two"), ("cd", "three")):
        target = tmp_path / folder / name
        target.parent.mkdir(exist_ok=True)
        tmp = temporary_sibling(target, suffix=".tmp")
        tmp.write_bytes(name.encode())
        pairs.append((tmp, target))
    atomic.replace_together(pairs, Durability.SYNC, threads=2)
    kinds = [kind for kind, _name in events]
    assert kinds == ["file"] * 3 + ["rename"] * 3 + ["folder"] * 2
    assert {name for kind, name in events if kind == "folder"} == {"ab", "cd"}
    assert [t.read_bytes() for _tmp, t in pairs] == [b"one", b"two", b"three"]
    assert not [p for p in tmp_path.rglob("*.tmp")]

    events.clear()
    again = tmp_path / "ab" / "four"
    tmp = temporary_sibling(again, suffix=".tmp")
    tmp.write_bytes(b"four")
    atomic.replace_together([(tmp, again)], Durability.RENAME)
    assert events == [("rename", "four")] and again.read_bytes() == b"four"


# Hand-made renames, replacements and flushes allowed outside ``app.atomic``, each for its
# reason (file → what it does by hand).
BY_HAND = {
    # the bundle (written and flushed by app.sync.bundle_file) renamed to its name inside
    # the transaction that registers it, its folder flushed with app.atomic.fsync_folder
    "app/services/sync.py": {"os.replace"},
    # a restore swaps whole data folders (the kept copy, then the restored one)
    "app/services/backup.py": {"os.replace"},
    # the bundle writer's own file descriptor, flushed when it closes (no replacement)
    "app/sync/bundle_file.py": {"os.fsync"},
    # the ingest lock file's process id, flushed (no replacement)
    "app/hq/files.py": {"os.fsync"},
}


def _by_hand(tree: Any) -> set[str]:
    """The calls of a module that rename, replace or flush a file by hand: ``os.replace``,
    ``os.rename``, ``os.fsync``, ``shutil.move`` and a path's ``.replace(target)`` or
    ``.rename(target)`` (one argument: ``str.replace`` takes two)."""
    import ast

    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        func = node.func
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        if (owner, func.attr) in {
            ("os", "replace"),
            ("os", "rename"),
            ("os", "fsync"),
            ("shutil", "move"),
        }:
            found.add(f"{owner}.{func.attr}")
        elif (
            func.attr in {"replace", "rename"}
            and owner not in {"os", "dataclasses"}
            and len(node.args) == 1
            and not node.keywords
        ):
            found.add(f"Path.{func.attr}")
    return found


def test_files_are_replaced_only_through_app_atomic() -> None:
    """One ``atomic_write`` helper with an explicit durability, used everywhere (issue 17):
    no module of ``app``, ``db`` or ``tools`` renames, replaces or flushes a file by hand
    apart from the reasoned exceptions in ``BY_HAND`` (``tools/translations.py`` wrote
    the catalogues through a ``.tmp`` and ``Path.replace``)."""
    import ast

    found = {}
    for folder in ("app", "db", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name == "app/atomic.py":
                continue
            calls = _by_hand(ast.parse(path.read_text(encoding="utf-8")))
            if calls - BY_HAND.get(name, set()):
                found[name] = sorted(calls - BY_HAND.get(name, set()))
    assert found == {}, f"write these through app.atomic (atomic_write, atomic_path): {found}"
