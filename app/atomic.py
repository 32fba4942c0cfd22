"""Replacing a file atomically, with the durability said out loud.

Every writer of a user-visible or trusted file goes through here: the bytes are written
to a temporary ``.<name>.<pid>.part`` beside the target, then renamed over the target, so a reader
sees the old file or the new one, never half of one. ``Durability`` says what survives:

- ``Durability.RENAME`` — the rename only: survives a crash of this process; after a
  power cut the file may be the old one. For caches and files made again on demand.
- ``Durability.SYNC`` — the file is flushed to the disk before the rename and the folder
  after it: survives a power cut. For keys, settings, acks, reports the user saves,
  backups and bundles.

A killed process leaves its temporary behind. Inside the data dir the start-up sweep
removes it; anywhere (a report or spreadsheet saved with ``-o``) the next durable write of
the same target removes the temporaries of that target whose process no longer runs.

``private=True`` creates the file 0600 whatever the umask (keys, backups, bundles).

Many files replaced together (HQ's blob store publishing an accepted bundle's photos,
``app/hq/apply.store_blobs``) go through ``replace_together``: the caller writes every
temporary in full, then one pass flushes them (several at once), renames them and
flushes each folder once.

One rename is made by hand on purpose: the laptop's export renames its bundle (written
here) to its name inside the transaction that registers it
(``app/services/sync.export_bundle``).
"""

from __future__ import annotations

import contextlib
import enum
import os
from collections.abc import Iterator, Sequence
from pathlib import Path


class Durability(enum.Enum):
    RENAME = "rename"
    SYNC = "sync"


def temporary_sibling(target: Path, *, suffix: str = ".part") -> Path:
    """The temporary file a write of ``target`` goes through (``.<name>.<pid><suffix>``;
    HQ's blob store uses ``.tmp``, swept under its ingest lock)."""
    return target.with_name(f".{target.name}.{os.getpid()}{suffix}")


def _running(pid: int) -> bool:
    """Whether process ``pid`` runs (unknown is taken as running: its file stays)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def sweep_stale_temporaries(target: Path) -> None:
    """Remove the temporaries of ``target`` (``.<name>.<pid>.part``) left by processes
    that no longer run, e.g. a killed ``report -o``; a running writer's stays."""
    prefix, suffix = f".{target.name}.", ".part"
    try:
        names = [e.name for e in os.scandir(target.parent)]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix) : -len(suffix)]
        stale = name.startswith(prefix) and name.endswith(suffix) and pid.isdigit()
        if stale and not _running(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush the content of file ``path`` to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_path(target: Path, durability: Durability, *, private: bool = False) -> Iterator[Path]:
    """Yield the temporary path to write ``target``'s new content to (for writers that
    want a path, e.g. openpyxl or a ZIP); on a clean exit it is made durable as
    ``durability`` says and renamed over ``target``; on an error it is removed."""
    target = Path(target)
    tmp = temporary_sibling(target)
    if durability is Durability.SYNC:  # caches live in the data dir, swept at start-up
        sweep_stale_temporaries(target)
    if private:  # created 0600 before anything is written into it
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    try:
        yield tmp
        if private:
            os.chmod(tmp, 0o600)
        if durability is Durability.SYNC:
            fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    if durability is Durability.SYNC:
        fsync_folder(target.parent)


def atomic_write(
    target: Path,
    data: bytes | str,
    durability: Durability,
    *,
    private: bool = False,
    encoding: str = "utf-8",
) -> None:
    """Replace ``target`` with ``data`` (text is encoded with ``encoding``)."""
    payload = data.encode(encoding) if isinstance(data, str) else data
    with atomic_path(target, durability, private=private) as tmp, open(tmp, "wb") as fh:
        fh.write(payload)


def replace_together(
    pairs: Sequence[tuple[Path, Path]], durability: Durability, *, threads: int = 16
) -> None:
    """The batched ``atomic_path``: each ``(temporary, target)`` pair is a file the caller
    wrote in full beside its target (``temporary_sibling``). One pass makes them all
    durable as ``durability`` says — with ``SYNC`` flushed several at once on ``threads``
    threads (concurrent fsyncs share the file system's journal commits; one after the
    other, 20 000 photos took ~3 s more) —, then renames each over its target, then
    (``SYNC``) flushes each folder once. A process killed on the way leaves temporaries
    (for the caller's sweep) and targets that are whole, never half a file."""
    if not pairs:
        return
    if durability is Durability.SYNC:
        from concurrent.futures import ThreadPoolExecutor  # here: not needed to start

        with ThreadPoolExecutor(max_workers=min(threads, len(pairs))) as pool:
            list(pool.map(fsync_file, [tmp for tmp, _target in pairs]))
    for tmp, target in pairs:
        os.replace(tmp, target)
    if durability is Durability.SYNC:
        for folder in {target.parent for _tmp, target in pairs}:
            fsync_folder(folder)
