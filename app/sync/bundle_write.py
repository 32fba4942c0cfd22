"""Writing a ``*.cdsync`` file (SYNC_FORMAT.md): blobs stored, records files deflated,
manifest with sizes, hashes and counts, Ed25519 signature; atomic (temporary file, then
rename), the partial file removed on any failure.

The photos are copied by ``blob_copy.BlobCopier`` (a child process for large sets)
while this process deflates the records files (on a thread) into a work folder next to
the target; those are then appended to the ZIP as finished deflate streams, so nothing
is compressed twice and the two halves of the work overlap."""

from __future__ import annotations

import hashlib
import itertools
import json
import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.atomic import Durability, atomic_path
from app.sync.blob_copy import MISSING, BlobCopier, RecordsEntry
from app.sync.bundle import CHUNK, FORMAT, FORMAT_VERSION, SCHEMA_VERSION
from app.sync.fast_zlib import crc32, raw_deflater
from app.sync.record_codec import encode_line


class OverCaps(Exception):
    """The records files turned out larger than the room left for them (an optimistic
    export: the caller plans a cut and writes again). Nothing was written."""


@dataclass
class _RecordsFile:
    """One entity's records, deflated into a temporary file."""

    entry: RecordsEntry
    sha256: str
    count: int


STALE_WORK = 24 * 3600  # seconds after which a crashed export's work folder is swept


def _work_folder(folder: Path) -> Path:
    """A private folder for the records files next to the bundle (so a full disk shows up
    here, not in /tmp); a crashed export's older ones are removed."""
    now = time.time()
    for old in folder.glob(".cdsync-work-*"):
        try:
            if now - old.stat().st_mtime > STALE_WORK:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
    return Path(tempfile.mkdtemp(prefix=".cdsync-work-", dir=folder))


def write_bundle(
    target: Path,
    manifest: dict[str, Any],
    records: Mapping[str, Iterable[dict[str, Any] | str | list[str]]],
    blobs: Sequence[tuple[str, Path | str]],
    sign: Callable[[bytes], str],
    progress: Callable[[int, int, str], None] | None = None,
    blob_bytes: int | None = None,
    records_room: int | None = None,
    records_cap: int | None = None,
    choose_blobs: Callable[[Callable[[Sequence[tuple[str, Path | str]]], None]], None]
    | None = None,
) -> dict[str, Any]:
    """Stream ``records`` (entity → dicts, lines as ``encode_line`` gives them, or lists
    of such lines) and ``blobs`` ((sha256, path) of each photo) into ``target``; returns
    the manifest written. ``blob_bytes`` (the photos' total size, when known) lets a
    large copy run in a child process while the records are built.
    ``progress(done, total, message)`` counts photos. With ``records_room`` /
    ``records_cap`` (bytes all deflated records files / one records file may take),
    ``OverCaps`` is raised as soon as the records do not fit. ``choose_blobs(feed)``,
    when given, is called once the copy has started and ``feed``s more blobs while it
    chooses them (a child copies them meanwhile); the records are read after it returns."""
    target = Path(target)
    blob_list = [(sha, str(path)) for sha, path in blobs]
    copier: BlobCopier | None = None
    work = _work_folder(target.parent)
    try:
        # SYNC: the bundle file is flushed as it is written (bundle_file); the rename is
        # made durable with its folder
        with atomic_path(target, Durability.SYNC) as tmp:
            try:
                copier = BlobCopier(
                    tmp,
                    blob_list,
                    blob_bytes if blob_bytes is not None else 0,
                    streamed=choose_blobs is not None,
                )
                running = copier
                if choose_blobs is not None:
                    choose_blobs(
                        lambda more: running.feed([(sha, str(path)) for sha, path in more])
                    )
                    copier.end_feed()
                    blob_list = copier.blobs

                def poll() -> None:  # between records pieces: the child's progress, and a cancel
                    if progress is not None:
                        progress(running.index, len(blob_list), running.message)

                room = [records_room if records_room is not None else -1]
                written: list[_RecordsFile] = []
                for entity, rows in records.items():
                    done = _deflate_records(
                        f"records/{entity}.jsonl",
                        rows,
                        work,
                        poll if copier.in_child and progress is not None else None,
                        records_cap,
                        room,
                    )
                    if done is not None:
                        written.append(done)
                sizes = copier.sizes(progress)
                files: list[dict[str, Any]] = [
                    {
                        "path": r.entry.name,
                        "size": r.entry.size,
                        "sha256": r.sha256,
                        "records": r.count,
                    }
                    for r in written
                ]
                files += [
                    {"path": f"blobs/{sha}", "size": size, "sha256": sha}
                    for (sha, _path), size in zip(blob_list, sizes, strict=True)
                    if size != MISSING
                ]
                full = {
                    **manifest,
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "schema_version": SCHEMA_VERSION,
                    "files": files,
                }
                body = json.dumps(
                    full, ensure_ascii=True, sort_keys=True, separators=(",", ":")
                ).encode("ascii")
                copier.complete([r.entry for r in written], body, sign(body))
            except BaseException:
                if copier is not None:
                    copier.stop()
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return full


class _Deflater:
    """Hashes, CRCs and deflates pieces of a records file into ``raw`` on its own thread:
    the deflater and hashlib release the GIL, so this runs beside the Python that builds the
    lines. At most ``DEPTH`` pieces wait (memory stays bounded); an error on the thread
    is raised again in the caller."""

    DEPTH = 4

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = self.compressed = self.crc = 0
        self.error: BaseException | None = None
        self._deflate = raw_deflater()
        self._queue: queue.Queue[bytes | None] = queue.Queue(self.DEPTH)
        self._thread = threading.Thread(target=self._run, name="records-deflate", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        ended = False  # the producer's end mark (None) has been taken
        try:
            while (piece := self._queue.get()) is not None:
                self.digest.update(piece)
                self.crc = crc32(piece, self.crc)
                self.size += len(piece)
                out = self._deflate.compress(piece)
                self.raw.write(out)
                self.compressed += len(out)
            ended = True
            tail = self._deflate.flush()
            self.raw.write(tail)
            self.compressed += len(tail)
            self.raw.flush()
        except BaseException as exc:  # handed to the caller
            self.error = exc
            while not ended:  # let the producer finish (it blocks on a full queue)
                ended = self._queue.get() is None

    def put(self, piece: bytes) -> None:
        if self.error is not None:
            raise self.error
        self._queue.put(piece)

    def close(self) -> None:
        """Wait for the last piece; raises what failed on the thread."""
        self._queue.put(None)
        self._thread.join()
        if self.error is not None:
            raise self.error


def _deflate_records(
    name: str,
    rows: Iterable[dict[str, Any] | str | list[str]],
    folder: Path,
    poll: Callable[[], None] | None,
    cap: int | None = None,
    room: list[int] | None = None,
) -> _RecordsFile | None:
    """Deflate one records file into a temporary file in ``folder`` (the target's, so a
    full disk shows up here and nothing lands in /tmp); lines are joined in ~1 MiB
    pieces and deflated on a ``_Deflater`` thread. None when there are no rows.
    ``OverCaps`` when the file grows over ``cap`` or the deflated bytes over ``room[0]``
    (which is decreased by what this file takes; -1: no limit)."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return None
    path = folder / name.replace("/", "-")
    raw = path.open("wb")
    deflater = _Deflater(raw)
    closed = False
    limited = room is not None and room[0] >= 0
    try:
        size, count = 0, 0
        pending: list[str] = []
        pending_chars = 0
        for row in itertools.chain((first,), iterator):
            if type(row) is list:  # a block of lines
                text = "\n".join(row)
                count += len(row)
            else:
                text = row if isinstance(row, str) else encode_line(row)
                count += 1
            pending.append(text)
            pending_chars += len(text)
            if pending_chars >= CHUNK:
                piece = "\n".join(pending).encode() + b"\n"
                pending, pending_chars = [], 0
                size += len(piece)
                deflater.put(piece)
                if (cap is not None and size > cap) or (limited and deflater.compressed > room[0]):  # type: ignore[index]
                    raise OverCaps(name)
                if poll is not None:
                    poll()
        if pending:
            piece = "\n".join(pending).encode() + b"\n"
            size += len(piece)
            deflater.put(piece)
        closed = True
        deflater.close()
        if (cap is not None and size > cap) or (limited and deflater.compressed > room[0]):  # type: ignore[index]
            raise OverCaps(name)
        if limited:
            room[0] -= deflater.compressed  # type: ignore[index]
    except BaseException:
        if not closed:
            try:
                deflater.close()
            except BaseException:  # the first error is the one to report
                pass
        raw.close()
        raise
    raw.close()
    return _RecordsFile(
        RecordsEntry(name, str(path), deflater.size, deflater.compressed, deflater.crc),
        deflater.digest.hexdigest(),
        count,
    )
