"""Copying a bundle's photos into its ZIP file: each photo read once through one reused
buffer, hashed while it is copied (the content-addressed name is trusted but verified),
stored (not deflated). The ZIP is written front to back, never seeking back, into a
``BundleFile`` (straight to the disk where the platform allows it; durable when closed).

A large set of photos is copied by a separate process (``BlobCopier``) while the
exporting process builds the records files: photo copying is system calls, hashing and
CRC in C, record building is SQLite and Python, so on two cores the two overlap instead
of adding up. The child writes the blob entries, then — on the writer's order — appends
the records files (already deflated), the manifest and the signature, closes the ZIP and
its ``BundleFile``, which syncs it to disk (``bundle_write``). When its parent dies, it removes the partial file."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.sync import BLOB_COPY_CHILD_ARG
from app.sync.bundle_file import BundleFile
from app.sync.fast_zlib import crc32
from app.sync.zip_stream import ZipStream

BLOB_BUFFER = 4 * 1024 * 1024
CHILD_MIN_BYTES = 64 * 1024 * 1024  # below this, a child's start-up costs more than it saves
REPORT_EVERY = 0.05  # seconds between the child's progress messages
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
MISSING = -1  # the size ``copy_blobs`` gives a photo whose file is gone


class BlobChanged(OSError):
    """A media file's bytes no longer match its SHA-256 name."""


def _write_bytes(data: bytes | memoryview, fp: Any) -> None:
    fp.write(data)


def _copy_file(source: Any, fp: Any) -> None:
    shutil.copyfileobj(source, fp, 1024 * 1024)


def append_entry(zf: ZipStream, info: zipfile.ZipInfo, payload: Callable[[Any], None]) -> None:
    """Append an entry whose CRC and sizes ``info`` already holds (``ZipStream.append``):
    its local header written once, no seek back, no compression. ``payload(fp)`` writes
    the entry's stored or already deflated bytes; the central directory comes at close."""
    zf.append(info, payload)


def copy_blobs(
    zf: ZipStream,
    blobs: Iterable[tuple[str, str]],
    report: Callable[[int, str], None] | None = None,
    alive: Callable[[], bool] | None = None,
) -> list[int]:
    """Append ``blobs`` (sha256, path) to ``zf`` as stored ``blobs/<sha256>`` entries;
    the size of each (``MISSING`` for a file that is gone). A photo that fits the buffer
    is read once, hashed and CRC'd, and written with its header in one go; a larger one is
    streamed. ``report(index, path)``
    is called before each photo; ``alive()`` returning False stops the copy
    (``SystemExit``)."""
    buffer = bytearray(BLOB_BUFFER)
    view = memoryview(buffer)
    sizes: list[int] = []
    for index, (sha, path) in enumerate(blobs):
        if report is not None:
            report(index, path)
        if alive is not None and index % 64 == 0 and not alive():
            raise SystemExit(1)
        info = zipfile.ZipInfo(f"blobs/{sha}", date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_STORED
        try:
            src = open(path, "rb", buffering=0)  # noqa: SIM115 (closed by the with below)
        except FileNotFoundError:  # a photo whose file is gone goes without its bytes
            sizes.append(MISSING)
            continue
        with src:
            got = src.readinto(buffer)
            whole = got < BLOB_BUFFER or not src.readinto(view[:1])
            if whole:
                piece = view[:got]
                digest = hashlib.sha256(piece).hexdigest()
                info.file_size = info.compress_size = size = got
                info.CRC = crc32(piece)
                if digest == sha:
                    append_entry(zf, info, functools.partial(_write_bytes, piece))
            else:
                src.seek(0)
                digest, size = _stream_blob(zf, info, src, buffer, sha)
        if digest != sha:
            raise BlobChanged(0, "media file changed while exporting", path)
        sizes.append(size)
    return sizes


def _stream_blob(
    zf: ZipStream, info: zipfile.ZipInfo, src: Any, buffer: bytearray, sha: str
) -> tuple[str, int]:
    """A photo larger than the buffer, in two passes (the ZIP is never sought back to fill
    in a header): its hash, CRC and size, then its bytes, hashed again; (sha256, size)."""
    view = memoryview(buffer)
    digest, size, crc = hashlib.sha256(), 0, 0
    while got := src.readinto(buffer):
        digest.update(view[:got])
        crc = crc32(view[:got], crc)
        size += got
    if digest.hexdigest() != sha:
        return digest.hexdigest(), size
    info.file_size = info.compress_size = size
    info.CRC = crc
    again = hashlib.sha256()

    def payload(fp: Any) -> None:
        src.seek(0)
        left = size
        while left and (got := src.readinto(view[: min(left, len(buffer))])):
            fp.write(view[:got])
            again.update(view[:got])
            left -= got
        if left or again.hexdigest() != sha:
            raise BlobChanged(0, "media file changed while exporting", src.name)

    append_entry(zf, info, payload)
    return again.hexdigest(), size


CHILD_ARG = BLOB_COPY_CHILD_ARG  # how the frozen app's entry point recognises the child


def child_command() -> list[str]:
    """The command line of the copying process: this interpreter running this module,
    or, in the frozen app, the app's own executable with ``CHILD_ARG``."""
    if getattr(sys, "frozen", False):
        console = Path(sys.executable).with_name(
            "channeldesk-cli.exe"
        )  # Windows: the windowed build has no stdio
        return [
            str(console) if sys.platform == "win32" and console.exists() else sys.executable,
            CHILD_ARG,
        ]
    return [sys.executable, "-m", "app.sync.blob_copy"]


@dataclass(frozen=True)
class RecordsEntry:
    """A records file deflated into a temporary file, ready to be appended as is."""

    name: str
    path: str
    size: int
    compressed: int
    crc: int


def finish_zip(
    zf: ZipStream, records: Sequence[RecordsEntry], manifest: bytes, signature: str
) -> None:
    """Append the records files (their finished deflate streams), ``manifest.json`` and
    ``manifest.sig`` to a bundle's ZIP that holds its blobs; the caller closes it."""
    for entry in records:
        info = zipfile.ZipInfo(entry.name, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size, info.compress_size, info.CRC = entry.size, entry.compressed, entry.crc
        with open(entry.path, "rb") as raw:
            append_entry(zf, info, functools.partial(_copy_file, raw))
    for name, body in (("manifest.json", manifest), ("manifest.sig", signature.encode("utf-8"))):
        info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_STORED
        info.file_size = info.compress_size = len(body)
        info.CRC = crc32(body)
        append_entry(zf, info, functools.partial(_write_bytes, body))


def open_zip(path: str | Path) -> tuple[BundleFile, ZipStream]:
    """A new bundle ZIP over its ``BundleFile``."""
    return (file := BundleFile(path)), ZipStream(file)


def close_zip(file: BundleFile, zf: ZipStream) -> None:
    """Write the central directory, the rest of the file, and sync it to disk."""
    zf.close()
    file.close()


def discard_zip(file: BundleFile, zf: ZipStream) -> None:
    """Stop writing a ZIP that will be removed (no central directory for it)."""
    file.abort()


def child_main() -> int:
    """The copying process. stdin: the ZIP path, the parent's pid, one
    ``sha256<TAB>path`` line per blob and an empty line; later one JSON line (records
    files, manifest in base64, signature) to finish the bundle, or nothing (end of
    input: give up). stdout: ``P <index> <path>`` now and then, ``D <size> <size> …``
    when the blobs are copied, ``F`` when the bundle is complete and synced to disk, or
    ``E <json [errno, message, filename]>``."""
    stdin = sys.stdin.buffer
    zip_path, parent = stdin.readline().decode().rstrip("\n"), int(stdin.readline())

    def listing() -> Iterator[
        tuple[str, str]
    ]:  # copied as it comes: the parent may still be choosing
        while line := stdin.readline().decode("utf-8").rstrip("\n"):
            sha, _, path = line.partition("\t")
            yield sha, path

    out = sys.stdout
    last = [0.0]

    def report(index: int, path: str) -> None:
        now = time.monotonic()
        if now - last[0] >= REPORT_EVERY:
            last[0] = now
            out.write(f"P {index} {os.path.basename(path)}\n")
            out.flush()

    def alive() -> bool:
        return os.getppid() == parent  # (when the parent is gone, the partial file goes too)

    opened: tuple[BundleFile, ZipStream] | None = None
    finished = False
    try:
        opened = file, zf = open_zip(
            zip_path
        )  # (a refused file, too, reaches the parent as an "E" line)
        sizes = copy_blobs(zf, listing(), report, alive)
        out.write("D " + " ".join(map(str, sizes)) + "\n")
        out.flush()
        command = stdin.readline()
        if not command:  # the parent gave up, or died: no half bundle stays behind
            return 0
        job = json.loads(command)
        records = [RecordsEntry(*entry) for entry in job["records"]]
        finish_zip(zf, records, base64.b64decode(job["manifest"]), job["signature"])
        close_zip(file, zf)
        finished = True
        out.write("F\n")
    except OSError as exc:
        out.write(
            "E " + json.dumps([exc.errno or 0, exc.strerror or str(exc), exc.filename]) + "\n"
        )
    except Exception as exc:  # anything else reaches the parent as one line, never silently
        out.write("E " + json.dumps([0, f"{type(exc).__name__}: {exc}", None]) + "\n")
    finally:
        if not finished:
            if opened is not None:
                discard_zip(*opened)
            Path(zip_path).unlink(missing_ok=True)
    out.flush()
    return 0


class BlobCopier:
    """Writes a bundle's temporary ZIP file around the records: the blob entries first —
    in a child process started at once when there are enough bytes to gain from it,
    else in this process when ``sizes`` is called —, then ``complete`` appends the
    records files, manifest and signature, closes and syncs the file. In the child case
    the child, which holds the ZIP's directory, does that too (no re-reading it here)."""

    def __init__(
        self,
        zip_path: Path,
        blobs: Sequence[tuple[str, str]],
        total_bytes: int,
        streamed: bool = False,
    ) -> None:
        """With ``streamed``, more blobs follow (``feed``, then ``end_feed``): a child
        copies each as it comes, while this process still chooses them."""
        self.zip_path = zip_path
        self.blobs = list(blobs)
        self._listing: queue.Queue[bytes | None] = queue.Queue()
        self.index = 0
        self.message = ""
        self._process: subprocess.Popen[bytes] | None = None
        self._threads: list[threading.Thread] = []
        self._sizes: list[int] | None = None
        self._error: list[Any] | None = None
        self._finished = threading.Event()
        self._zip: tuple[BundleFile, ZipStream] | None = None  # written here (no child)
        if (blobs or streamed) and total_bytes >= CHILD_MIN_BYTES:
            env = dict(os.environ)
            root = str(Path(__file__).resolve().parent.parent.parent)
            env["PYTHONPATH"] = root + (
                os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else ""
            )
            self._process = subprocess.Popen(
                child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env
            )
            self._listing.put(f"{zip_path}\n{os.getpid()}\n".encode())
            self._enqueue(self.blobs)
            # written by a thread: the pipe takes ~64 KiB at a time
            self._threads = [
                threading.Thread(target=self._send, name="blob-copy-writer", daemon=True),
                threading.Thread(target=self._read, name="blob-copy-reader", daemon=True),
            ]
            for thread in self._threads:
                thread.start()
        if not streamed:
            self.end_feed()

    def _enqueue(self, blobs: Sequence[tuple[str, str]]) -> None:
        if self._process is not None and blobs:
            self._listing.put("".join(f"{sha}\t{path}\n" for sha, path in blobs).encode())

    def feed(self, blobs: Sequence[tuple[str, str]]) -> None:
        """More blobs to copy (``streamed``)."""
        self.blobs.extend(blobs)
        self._enqueue(blobs)

    def end_feed(self) -> None:
        """No more blobs: the child ends its copy with the last one fed."""
        self._listing.put(b"\n")
        self._listing.put(None)

    @property
    def in_child(self) -> bool:
        return self._process is not None

    def _send(self) -> None:
        assert self._process is not None and self._process.stdin is not None
        broken = False
        while (data := self._listing.get()) is not None:
            if broken:
                continue
            try:
                self._process.stdin.write(data)
                self._process.stdin.flush()
            except OSError:  # the child died; the reader reports it
                broken = True

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
                self._sizes = [int(size) for size in rest.split()]
            elif kind == "E":
                self._error = json.loads(rest)
            elif kind == "F":
                self._finished.set()
        if not self._finished.is_set() and self._error is None:
            self._error = [0, "the photo copying process ended unexpectedly", None]
        self._finished.set()

    def _raise(self) -> None:
        if self._error is not None:
            errno, message, filename = self._error
            raise OSError(errno, message, filename) if errno else OSError(message)

    def sizes(self, progress: Callable[[int, int, str], None] | None = None) -> list[int]:
        """The size of each blob once copied (here, when there is no child); raises
        ``OSError`` when the copy failed."""
        total = len(self.blobs)
        if self._process is None:
            self._zip = open_zip(self.zip_path)
            report = (
                (lambda index, path: progress(index, total, os.path.basename(path)))
                if progress is not None
                else None
            )
            return copy_blobs(self._zip[1], self.blobs, report)
        while self._sizes is None and self._error is None and not self._finished.is_set():
            if progress is not None:
                progress(self.index, total, self.message)
            self._finished.wait(0.05)
        self._raise()
        assert self._sizes is not None
        if progress is not None:
            progress(total, total, "")
        return self._sizes

    def complete(self, records: Sequence[RecordsEntry], manifest: bytes, signature: str) -> None:
        """Append the records files, manifest and signature; close and sync the file."""
        if self._process is None:
            if self._zip is None:
                self._zip = open_zip(self.zip_path)
            file, zf = self._zip
            finish_zip(zf, records, manifest, signature)
            close_zip(file, zf)
            self._zip = None
            return
        self._threads[0].join()
        assert self._process.stdin is not None
        job = {
            "records": [[r.name, r.path, r.size, r.compressed, r.crc] for r in records],
            "manifest": base64.b64encode(manifest).decode("ascii"),
            "signature": signature,
        }
        try:
            self._process.stdin.write(json.dumps(job).encode() + b"\n")
            self._process.stdin.close()
        except OSError:  # the child died; the reader has its last words
            pass
        self._finished.wait()
        self._close()
        self._raise()

    def stop(self) -> None:
        """Stop the child (after an error or a cancel in this process)."""
        if self._zip is not None:
            discard_zip(*self._zip)
            self._zip = None
        if self._process is not None:
            self._process.kill()
        self._close()

    def _close(self) -> None:
        if self._process is None:
            return
        self._listing.put(None)  # (the writer thread may still wait for blobs)
        self._process.wait()
        for thread in self._threads:
            thread.join()
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                stream.close()
        self._process = None


if __name__ == "__main__":
    sys.exit(child_main())
