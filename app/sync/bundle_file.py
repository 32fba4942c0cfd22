"""The file a bundle is written to: sequential, write-only, durable when closed.

A bundle is written once, front to back, and read back by nobody on this machine, so it
gains nothing from the page cache. On Linux the data goes straight from this process's
buffers to the disk (``O_DIRECT``): no copy into the page cache, no dirty pages for the
kernel to write back later on the same two cores, and the closing ``fsync`` only has the
last partial block and the metadata left to do. Writing happens on a thread (``os.write``
releases the GIL), double-buffered, so the disk works while the caller hashes the next
photos. Where ``O_DIRECT`` is missing or refused (macOS, Windows, tmpfs, some USB file
systems), the same buffers are written through the page cache, and each written range is
handed to the disk at once (``posix_fadvise(DONTNEED)`` starts its writeback) where the
platform has it.

``zipfile.ZipFile`` writes into it like into a file: it only ever seeks to where it is."""

from __future__ import annotations

import errno
import mmap
import os
import queue
import threading
from typing import Any

BUFFER = 8 * 1024 * 1024  # bytes per write: a multiple of any disk's block size
WRITEBACK_STEP = 64 * 1024 * 1024  # through the page cache: bytes handed to the disk at a time
ALIGN = 4096  # O_DIRECT wants buffers, offsets and lengths aligned to the logical block size


class BundleFile:
    """``write``/``tell``/``seek`` (to the current position only)/``flush``/``close``;
    ``close`` writes what is left and syncs the file to disk. An error on the writing
    thread is raised again by the next ``write`` or by ``close``; ``abort`` stops without
    syncing (the caller removes the file)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        direct = getattr(os, "O_DIRECT", 0)
        self._fd = -1
        if direct:
            try:
                self._fd = os.open(path, flags | direct, 0o600)
            except OSError:  # the file system refuses O_DIRECT (tmpfs …): through the page cache
                self._fd = -1
        self.direct = self._fd >= 0
        if self._fd < 0:
            self._fd = os.open(path, flags, 0o600)
        self._free: queue.Queue[mmap.mmap] = queue.Queue()
        self._buffers = [mmap.mmap(-1, BUFFER) for _ in range(2)]  # page-aligned, as O_DIRECT needs
        for buffer in self._buffers:
            self._free.put(buffer)
        self._full: queue.Queue[tuple[mmap.mmap, int] | None] = queue.Queue()
        self._buffer = self._free.get()
        self._view = memoryview(self._buffer)
        self._used = 0
        self._position = 0  # bytes handed to ``write`` so far
        self._written = 0  # bytes written to the file
        self._handed = 0  # bytes whose writeback has been started (page cache only)
        self._error: BaseException | None = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="bundle-writer", daemon=True)
        self._thread.start()

    # -- the file interface zipfile uses ------------------------------------------------

    def write(self, data: Any) -> int:
        if self._closed:
            raise ValueError("write to a closed bundle file")
        if self._error is not None:
            raise self._error
        view = memoryview(data).cast("B")
        size = len(view)
        done = 0
        while done < size:
            room = BUFFER - self._used
            take = min(room, size - done)
            self._view[self._used : self._used + take] = view[done : done + take]
            self._used += take
            done += take
            if self._used == BUFFER:
                self._hand_over()
        self._position += size
        return size

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if (whence == os.SEEK_SET and offset == self._position) or (
            whence in (os.SEEK_CUR, os.SEEK_END) and offset == 0
        ):
            return self._position
        raise OSError("a bundle file is written front to back")

    def seekable(self) -> bool:
        return True

    def flush(self) -> None:
        if self._error is not None:
            raise self._error

    # -- writing -------------------------------------------------------------------------

    def _hand_over(self) -> None:
        self._full.put((self._buffer, self._used))
        self._buffer = self._free.get()
        if self._error is not None:
            raise self._error
        self._view.release()
        self._view = memoryview(self._buffer)
        self._used = 0

    def _run(self) -> None:
        while (job := self._full.get()) is not None:
            buffer, size = job
            try:
                if self._error is None:
                    self._write_all(buffer, 0, size)
            except BaseException as exc:  # handed to the caller
                self._error = exc
            finally:
                self._free.put(buffer)

    def _write_all(self, buffer: mmap.mmap, start: int, end: int) -> None:
        """Bytes ``start:end`` of ``buffer`` to the file (``start`` 0 for a direct write)."""
        view = memoryview(buffer)[start:end]
        try:
            while view:
                try:
                    got = os.write(self._fd, view)
                except OSError as exc:
                    if not (
                        self.direct and exc.errno == errno.EINVAL
                    ):  # O_DIRECT after all not for this file
                        raise
                    self._drop_direct()
                    continue
                view = view[got:]
                self._written += got
        finally:
            view.release()
        if not self.direct and self._written - self._handed >= WRITEBACK_STEP:
            _start_writeback(self._fd, self._handed, self._written - self._handed)
            self._handed = self._written

    def _drop_direct(self) -> None:
        """Go on through the page cache (for the last partial block, or when the file
        system refuses a direct write)."""
        import fcntl

        if self.direct:
            fcntl.fcntl(
                self._fd, fcntl.F_SETFL, fcntl.fcntl(self._fd, fcntl.F_GETFL) & ~os.O_DIRECT
            )
            self.direct = False

    def _finish_thread(self) -> None:
        if self._thread.is_alive():
            self._full.put(None)
            self._thread.join()

    def close(self) -> None:
        """Write the rest, wait for the thread and sync the file to disk."""
        if self._closed:
            return
        self._closed = True
        try:
            self._finish_thread()
            if self._error is not None:
                raise self._error
            tail = self._used
            aligned = tail - tail % ALIGN if self.direct else tail
            if aligned:
                self._write_all(self._buffer, 0, aligned)
            if tail > aligned:  # the last partial block
                self._drop_direct()
                self._write_all(self._buffer, aligned, tail)
            os.fsync(self._fd)
        finally:
            self._release()

    def _release(self) -> None:
        self._view.release()
        os.close(self._fd)
        for buffer in self._buffers:
            try:
                buffer.close()
            except BufferError:  # still viewed somewhere: the garbage collector frees it
                pass

    def abort(self) -> None:
        """Stop writing (after an error elsewhere); the caller removes the file."""
        if self._closed:
            return
        self._closed = True
        self._finish_thread()
        self._release()


def _start_writeback(fd: int, offset: int, length: int) -> None:
    """Start the disk writing ``length`` bytes at ``offset`` now, rather than at the
    closing ``fsync`` (Linux starts writeback for ``POSIX_FADV_DONTNEED`` on dirty pages),
    and keep the bundle out of the page cache."""
    if length and hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(fd, offset, length, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass
