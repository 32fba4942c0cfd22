"""Copying a bundle's photos into its ZIP file: each photo read once through one reused
buffer, hashed while it is copied (the content-addressed name is trusted but verified),
stored (not deflated), with asynchronous writeback of finished entries.

A large set of photos is copied by a separate process (``BlobCopier``) while the
exporting process builds the records files: photo copying is system calls, hashing and
CRC in C, record building is Python, so on two cores the two overlap instead of adding
up. The child writes the blob entries and the ZIP's central directory; the writer then
appends the records files and the manifest (``bundle_write``). The child stops when its
parent dies, and removes the partial file then."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

BLOB_BUFFER = 4 * 1024 * 1024
WRITEBACK_STEP = 64 * 1024 * 1024
CHILD_MIN_BYTES = 64 * 1024 * 1024  # below this, a child's start-up costs more than it saves
REPORT_EVERY = 0.05  # seconds between the child's progress messages
ZIP_DATE = (2020, 1, 1, 0, 0, 0)


class BlobChanged(OSError):
    """A media file's bytes no longer match its SHA-256 name."""


def start_writeback(zf: zipfile.ZipFile, done: int) -> int:
    """Hand finished entries to the disk while the export goes on (Linux starts
    asynchronous writeback for ``POSIX_FADV_DONTNEED`` on dirty pages), so the closing
    fsync does not write the whole bundle at once, and the bundle does not crowd the
    page cache. Only bytes before the end of the last closed entry are final."""
    end = zf.start_dir
    if end - done < WRITEBACK_STEP or not hasattr(os, "posix_fadvise") or zf.fp is None:
        return done
    zf.fp.flush()
    try:
        os.posix_fadvise(zf.fp.fileno(), done, end - done, os.POSIX_FADV_DONTNEED)
    except OSError:
        return end
    return end


def append_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, payload: Callable[[Any], None]) -> None:
    """Append an entry whose CRC and sizes ``info`` already holds: what
    ``ZipFile.open(…, "w")`` does, without writing the local header twice (no seek back)
    and without compressing. ``payload(fp)`` writes the entry's stored or already
    deflated bytes; the central directory record is written at close."""
    info.external_attr = info.external_attr or 0o600 << 16
    fp: Any = zf.fp
    with zf._lock:  # type: ignore[attr-defined]
        fp.seek(zf.start_dir)
        info.header_offset = fp.tell()
        zf._writecheck(info)  # type: ignore[attr-defined]
        zf._didModify = True  # type: ignore[attr-defined]
        fp.write(info.FileHeader(zip64=True))
        payload(fp)
        zf.start_dir = fp.tell()
        zf.filelist.append(info)
        zf.NameToInfo[info.filename] = info


def copy_blobs(zf: zipfile.ZipFile, blobs: Sequence[tuple[str, str]], report: Callable[[int, str], None] | None = None,
               alive: Callable[[], bool] | None = None) -> list[int]:
    """Append ``blobs`` (sha256, path) to ``zf`` as stored ``blobs/<sha256>`` entries;
    the size of each. A photo that fits the buffer is read once, hashed and CRC'd, and
    written with its header in one go; a larger one is streamed. ``report(index, path)``
    is called before each photo; ``alive()`` returning False stops the copy
    (``SystemExit``)."""
    buffer = bytearray(BLOB_BUFFER)
    view = memoryview(buffer)
    sizes: list[int] = []
    written_back = zf.start_dir
    for index, (sha, path) in enumerate(blobs):
        if report is not None:
            report(index, path)
        if alive is not None and index % 64 == 0 and not alive():
            raise SystemExit(1)
        info = zipfile.ZipInfo(f"blobs/{sha}", date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_STORED
        with open(path, "rb", buffering=0) as src:
            got = src.readinto(buffer)
            whole = got < BLOB_BUFFER or not src.readinto(view[:1])
            if whole:
                piece = view[:got]
                digest = hashlib.sha256(piece).hexdigest()
                info.file_size = info.compress_size = size = got
                info.CRC = zlib.crc32(piece)
                if digest == sha:
                    append_entry(zf, info, lambda fp, piece=piece: fp.write(piece))
            else:
                src.seek(0)
                digest, size = _stream_blob(zf, info, src, buffer)
        if digest != sha:
            raise BlobChanged(0, "media file changed while exporting", path)
        sizes.append(size)
        written_back = start_writeback(zf, written_back)
    return sizes


def _stream_blob(zf: zipfile.ZipFile, info: zipfile.ZipInfo, src: Any, buffer: bytearray) -> tuple[str, int]:
    """A photo larger than the buffer, copied piece by piece; (sha256, size)."""
    view = memoryview(buffer)
    digest, size = hashlib.sha256(), 0
    with zf.open(info, "w", force_zip64=True) as out:
        while got := src.readinto(buffer):
            piece = view[:got]
            out.write(piece)
            digest.update(piece)
            size += got
    return digest.hexdigest(), size


CHILD_ARG = "--channeldesk-blob-copy"  # how the frozen app's entry point recognises the child


def child_command() -> list[str]:
    """The command line of the copying process: this interpreter running this module,
    or, in the frozen app, the app's own executable with ``CHILD_ARG``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_ARG]
    return [sys.executable, "-m", "app.sync.blob_copy"]


def child_main() -> int:
    """The copying process. stdin: the ZIP path, the parent's pid, then one
    ``sha256<TAB>path`` line per blob. stdout: ``P <index> <path>`` now and then, then
    ``D <size> <size> …`` or ``E <json [errno, message, filename]>``. Writes a ZIP of
    the blob entries (central directory included)."""
    lines = sys.stdin.buffer.read().decode("utf-8").split("\n")
    zip_path, parent = lines[0], int(lines[1])
    blobs = [tuple(line.split("\t", 1)) for line in lines[2:] if line]
    out = sys.stdout
    last = [0.0]

    def report(index: int, path: str) -> None:
        now = time.monotonic()
        if now - last[0] >= REPORT_EVERY:
            last[0] = now
            out.write(f"P {index} {os.path.basename(path)}\n")
            out.flush()

    def alive() -> bool:
        if os.getppid() == parent:
            return True
        Path(zip_path).unlink(missing_ok=True)
        return False

    try:
        with zipfile.ZipFile(zip_path, "w", allowZip64=True) as zf:
            sizes = copy_blobs(zf, blobs, report, alive)  # type: ignore[arg-type]
        out.write("D " + " ".join(map(str, sizes)) + "\n")
    except OSError as exc:
        out.write("E " + json.dumps([exc.errno or 0, exc.strerror or str(exc), exc.filename]) + "\n")
    except Exception as exc:  # anything else reaches the parent as one line, never silently
        out.write("E " + json.dumps([0, f"{type(exc).__name__}: {exc}", None]) + "\n")
    out.flush()
    return 0


class BlobCopier:
    """Writes the blob entries of a bundle's temporary ZIP file: in a child process
    started at once when there are enough bytes to gain from it, else in this process
    when ``finish`` is called. ``finish`` returns the sizes; the ZIP then holds the
    blobs and a central directory, ready for ``zipfile.ZipFile(path, "a")``."""

    def __init__(self, zip_path: Path, blobs: Sequence[tuple[str, str]], total_bytes: int) -> None:
        self.zip_path = zip_path
        self.blobs = blobs
        self.index = 0
        self.message = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._result: tuple[str, Any] | None = None
        if blobs and total_bytes >= CHILD_MIN_BYTES:
            env = dict(os.environ)
            root = str(Path(__file__).resolve().parent.parent.parent)
            env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
            self._process = subprocess.Popen(child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
            assert self._process.stdin is not None
            listing = "".join(f"{sha}\t{path}\n" for sha, path in blobs)
            self._process.stdin.write(f"{zip_path}\n{os.getpid()}\n{listing}".encode())
            self._process.stdin.close()
            self._reader = threading.Thread(target=self._read, name="blob-copy-reader", daemon=True)
            self._reader.start()

    @property
    def in_child(self) -> bool:
        return self._process is not None

    def _read(self) -> None:
        """The child's stdout, on a thread (the export's own thread builds records)."""
        assert self._process is not None and self._process.stdout is not None
        for raw in self._process.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            kind, _, rest = line.partition(" ")
            if kind == "P":
                index, _, name = rest.partition(" ")
                self.index, self.message = int(index), name
            elif kind == "D":
                self._result = ("done", [int(size) for size in rest.split()])
            elif kind == "E":
                self._result = ("error", json.loads(rest))
        if self._result is None:
            self._result = ("error", [0, "the photo copying process ended unexpectedly", None])

    def finish(self, progress: Callable[[int, int, str], None] | None = None) -> list[int]:
        """Wait for the copy (or do it here); raises ``OSError`` when it failed."""
        total = len(self.blobs)
        if self._process is None:
            if not self.blobs:
                return []
            report = (lambda index, path: progress(index, total, os.path.basename(path))) if progress is not None else None
            with zipfile.ZipFile(self.zip_path, "w", allowZip64=True) as zf:
                return copy_blobs(zf, self.blobs, report)
        assert self._reader is not None
        while self._reader.is_alive():
            if progress is not None:
                progress(self.index, total, self.message)
            self._reader.join(0.1)
        self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._process = None
        assert self._result is not None
        kind, value = self._result
        if kind == "error":
            errno, message, filename = value
            raise OSError(errno, message, filename) if errno else OSError(message)
        if progress is not None:
            progress(total, total, "")
        return list(value)

    def stop(self) -> None:
        """Stop the child (after an error or a cancel in this process)."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None


if __name__ == "__main__":
    sys.exit(child_main())
