"""The data dir lock, and tidying what killed processes left behind.

Every process that opens a data dir holds ``channeldesk.lock`` (``flock``) *shared* for as
long as it has it open (the GUI, every CLI command); restore, a schema migration and
``init`` over existing data hold it *exclusively*, so none of them can pull the data away
from under a process that is writing into it. Each holder leaves a small record in
``run/`` (its pid and command line), so a refusal can say which process is in the way;
a clean exit removes it.

A process that gets the lock exclusively at start (no other ChannelDesk has the dir open)
removes what killed processes left: ``tmp/``, half-written ``*.part`` / ``*.tmp`` files in
the data dir, and the temporary files they noted outside it (``note_temporary``: a
backup's ``*.part`` beside its target).

On systems without ``fcntl`` (Windows) the lock is not taken; the records are still
written and tidied.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.atomic import Durability, atomic_write
from app.errors import DataDirError
from app.i18n import tr
from app.paths import DataPaths

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

VERIFIED_NAME = (
    "verified.json"  # in run/: the database file as a quick_check passed it (not a holder's record)
)
SHARED_WAIT_S = 5.0  # another process's start-up tidying or migration is brief
EXCLUSIVE_WAIT_S = 2.0
_POLL_S = 0.05
RECORD = re.compile(r"[0-9]+-[0-9]+\.json")  # ``run/<pid>-<n>.json``, one per lock held
WORK_FOLDER = ".cdsync-work-"  # an export's records being deflated (``app.sync.bundle_write``)
_counter = iter(range(1, 1 << 62))
_counter_lock = threading.Lock()


@dataclass(frozen=True)
class Holder:
    """A process that has the data dir open (from its record in ``run/``)."""

    pid: int
    command: str

    def describe(self) -> str:
        return tr("errors", "pid {pid}: {command}").format(
            pid=self.pid, command=self.command or "?"
        )


def _command_line() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "channeldesk"
    if name in ("__main__.py", "-m", "-c", ""):
        name = "channeldesk"
    return " ".join([name, *sys.argv[1:]])[:300]


def _alive(pid: int) -> bool:
    if os.name != "posix":  # pragma: no cover - os.kill(pid, 0) would terminate it on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def holders(paths: DataPaths) -> list[Holder]:
    """Processes that recorded holding the lock and are still running (own pid included)."""
    found: list[Holder] = []
    try:
        records = sorted(p for p in paths.lock_holders.iterdir() if RECORD.fullmatch(p.name))
    except OSError:
        return found
    for record in records:
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            pid = int(data["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if _alive(pid) and all(h.pid != pid for h in found):
            found.append(Holder(pid, str(data.get("command", ""))))
    return found


def busy_error(paths: DataPaths, action: str | None = None) -> DataDirError:
    """The refusal naming the other processes that have the data dir open."""
    others = [h for h in holders(paths) if h.pid != os.getpid()] or holders(paths)
    who = "; ".join(h.describe() for h in others) or tr("errors", "another ChannelDesk process")
    if action:
        return DataDirError(
            tr(
                "errors",
                "Cannot {action}: the data directory {path} is in use by {who}. Close it and try "
                "again; nothing was changed.",
            ).format(action=action, path=paths.root, who=who)
        )
    return DataDirError(
        tr(
            "errors",
            "The data directory {path} is in use by {who}, which needs it alone right now. Try "
            "again when it has finished; nothing was changed.",
        ).format(path=paths.root, who=who)
    )


class DataDirLock:
    """This process's hold on one data dir (see the module docstring)."""

    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths
        self.exclusive = False
        self._fd: int | None = None
        with _counter_lock:
            self._record = paths.lock_holders / f"{os.getpid()}-{next(_counter)}.json"
        self._temporary: list[str] = []

    @property
    def held(self) -> bool:
        return self._fd is not None

    # -- taking and giving back ----------------------------------------------------
    def _open(self) -> int:
        path = self.paths.lock_file
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES) and path.exists():
                return os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            raise

    def _try(self, exclusive: bool) -> bool:
        """One non-blocking attempt; True when held (and the file is still the one at the path)."""
        if fcntl is None:  # pragma: no cover - Windows
            if self._fd is None:
                self._fd = self._open()
            self.exclusive = exclusive
            return True
        if self._fd is not None:  # convert the lock we hold
            try:
                fcntl.flock(
                    self._fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
                )
            except BlockingIOError:
                return False
            self.exclusive = exclusive
            return True
        try:
            fd = self._open()
        except FileNotFoundError:  # the data dir is being swapped by a restore
            return False
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
            same = (
                os.stat(self.paths.lock_file).st_ino == os.fstat(fd).st_ino
            )  # not moved away meanwhile
        except (BlockingIOError, FileNotFoundError):
            same = False
        if not same:
            os.close(fd)
            return False
        self._fd, self.exclusive = fd, exclusive
        return True

    def acquire(
        self, exclusive: bool, wait: float | None = None, action: str | None = None
    ) -> None:
        """Hold the lock shared or exclusively, waiting up to ``wait`` seconds; a
        ``DataDirError`` naming the other process when it cannot be had."""
        if self._fd is not None and self.exclusive == exclusive:
            return
        if self._fd is not None and exclusive:
            # flock converts by unlocking first; two converters would each wait for the
            # other, so give the shared lock back and queue like anyone else.
            self.release()
        wait = (EXCLUSIVE_WAIT_S if exclusive else SHARED_WAIT_S) if wait is None else wait
        deadline = time.monotonic() + wait
        while not self._try(exclusive):
            if time.monotonic() >= deadline:
                raise busy_error(self.paths, action)
            time.sleep(_POLL_S)
        self._write_record()

    def try_exclusive(self) -> bool:
        """Exclusive without waiting (start-up tidying); False when anyone else holds it."""
        if self._try(True):
            self._write_record()
            return True
        return False

    def downgrade(self) -> None:
        """Exclusive → shared (others may open the data dir again)."""
        if self._fd is not None and self.exclusive:
            if fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_SH)
            self.exclusive = False

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self._record.unlink(missing_ok=True)
        fd, self._fd, self.exclusive = self._fd, None, False
        os.close(fd)  # closing the descriptor gives the flock back

    # -- the record of this process --------------------------------------------------
    def _write_record(self) -> None:
        data = {
            "pid": os.getpid(),
            "command": _command_line(),
            "since": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "temporary": self._temporary,
        }
        try:
            self.paths.lock_holders.mkdir(mode=0o700, exist_ok=True)
            # RENAME: the record lives as long as this process, a power cut ends both
            atomic_write(
                self._record,
                json.dumps(data, ensure_ascii=False),
                Durability.RENAME,
                private=True,
            )
        except OSError:  # a full or read-only disk: the lock still holds, the record is a courtesy
            pass

    @contextlib.contextmanager
    def temporary(self, path: Path) -> Iterator[None]:
        """Note ``path`` (a half-written output outside the data dir) so that it is removed
        at the next start should this process be killed before it is done."""
        name = str(Path(path).absolute())
        self._temporary.append(name)
        if self.held:
            self._write_record()
        try:
            yield
        finally:
            with contextlib.suppress(ValueError):
                self._temporary.remove(name)
            if self.held:
                self._write_record()


def _is_temporary(name: str) -> bool:
    return name.endswith((".part", ".tmp", ".new"))


def _remove(path: Path) -> int:
    """Remove a file or folder; the bytes it held (0 when it could not be removed)."""
    try:
        if path.is_dir() and not path.is_symlink():
            size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
            shutil.rmtree(path)
            return size
        size = path.stat().st_size
        path.unlink()
        return size
    except OSError:
        return 0


def _half_written_record(name: str) -> bool:
    """``.*.json.*.part`` or ``*.json.new`` (as ``fnmatch`` reads them)."""
    return name.endswith(".json.new") or (
        name.startswith(".") and name.endswith(".part") and ".json." in name[1:-5]
    )


def tidy(paths: DataPaths, lock: DataDirLock) -> int:
    """Remove what killed processes left behind (call only while holding the lock
    exclusively: then no other process is writing any of it). Returns the bytes freed."""
    assert lock.exclusive or fcntl is None
    if fcntl is None and any(
        h.pid != os.getpid() for h in holders(paths)
    ):  # pragma: no cover - no flock: trust live records
        return 0
    freed = 0
    if paths.tmp.is_dir():
        for entry in paths.tmp.iterdir():
            freed += _remove(entry)
    staging = paths.root.with_name(f".{paths.root.name}.restoring")
    if staging.exists():
        freed += _remove(staging)
    dead: list[Path] = []
    with contextlib.suppress(OSError):
        dead = [
            p
            for p in paths.lock_holders.iterdir()
            if RECORD.fullmatch(p.name) and p.name != lock._record.name
        ]
        # a record half-written when its process was killed (``atomic_write``'s temporary
        # ``.<pid>-<n>.json.<pid>.part``; ``*.json.new`` from before it)
        for leftover in paths.lock_holders.iterdir():  # not glob: no pattern to compile
            if _half_written_record(leftover.name) and not leftover.name.lstrip(".").startswith(
                lock._record.name
            ):
                leftover.unlink(missing_ok=True)
    if not dead:
        return freed
    # Someone was killed: its half-written files may be anywhere it writes.
    for record in dead:  # outputs outside the data dir: only what the dead process noted
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
            for name in json.loads(record.read_text(encoding="utf-8")).get("temporary", []):
                noted = Path(name)
                if not _is_temporary(noted.name):
                    continue
                for entry in noted.parent.iterdir():
                    ours = entry.name == noted.name or (
                        entry.name.startswith("." + noted.name) and _is_temporary(entry.name)
                    )
                    if (ours and entry.is_file()) or (
                        entry.name.startswith(WORK_FOLDER) and entry.is_dir()
                    ):
                        freed += _remove(
                            entry
                        )  # the file, its own temporary, an export's work folder
    for folder in (paths.root, paths.keys, paths.backups, paths.outbox, paths.drafts):
        with contextlib.suppress(OSError):
            for entry in folder.iterdir():
                if (_is_temporary(entry.name) and entry.is_file()) or (
                    entry.name.startswith(WORK_FOLDER) and entry.is_dir()
                ):
                    freed += _remove(entry)
    for tree in (paths.media, paths.root / "cache"):
        with contextlib.suppress(OSError):
            for dirpath, _dirs, files in os.walk(tree):
                for name in files:
                    if _is_temporary(name) and name.startswith("."):
                        freed += _remove(Path(dirpath) / name)
    for record in dead:
        with contextlib.suppress(OSError):
            record.unlink()
    return freed
