"""PostgreSQL: new records streamed by ``COPY`` into the ingest's transaction while the
bundle is still read and validated (``NewRecordStream``), and the lookups of bundles HQ
imported before."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.hq.records import (
    PG_COLUMNS,
    RecordWriter,
    copy_text,
    entities_with_records,
    find_records,
    pg_tail,
)
from app.sync.bundle import Bundle
from app.sync.merge import PER_FIELD
from app.sync.record_codec import ParsedLines
from db.hq.models import ImportedBundle

log = logging.getLogger(__name__)


class NewRecordStream:
    """PostgreSQL: new records written while the bundle is still being read (a
    ``RecordSink``), so that the server stores them on its own core while this one parses
    and validates the rest; the bare ``COPY`` alone takes about as long as all of that.

    The rows go into a ``COPY`` (its network writes on psycopg's queue thread) in the
    ingest's one transaction, under the table lock, opened once the manifest's signature
    holds. Nothing is committed before the whole bundle has been read and validated: any
    rejection rolls the transaction back (``close``). Only the plain case is streamed,
    records as the exporter lays them out, each id new to HQ (looked up on the
    validation's own connection, which sees HQ as it was) and once in the bundle; per-field
    entities wait for the merge. Anything else (a repeated or existing id, a re-sent
    bundle, an error of the server) abandons the stream: the transaction is rolled back
    and the ingest goes on as without it (validate, then apply)."""

    def __init__(self, sessions: sessionmaker[Session], check: Session) -> None:
        self.sessions = sessions
        self.check = check
        self.session: Session | None = None
        self.writer: RecordWriter | None = None
        self.copy: Any = None  # psycopg's Copy, and the block that opened it
        self.copy_block: Any = None
        self.off = False
        self.device_id = self.bundle_id = ""
        self.populated: set[str] = set()
        self.seen: dict[str, set[str]] = {}
        self.streamed: set[str] = set()  # entities whose records are all written here

    @property
    def live(self) -> bool:
        return not self.off and self.copy is not None

    def manifest(self, bundle: Bundle) -> None:
        manifest = bundle.manifest
        try:
            if any(
                imported_before(self.check, manifest)
            ):  # a duplicate or a replay: decided once the bundle is read
                self.off = True
                return
            from psycopg.copy import QueuedLibpqWriter  # (PostgreSQL only)

            self.device_id, self.bundle_id = manifest["device_id"], manifest["bundle_id"]
            self.populated = entities_with_records(self.check)
            self.session = self.sessions()
            self.writer = RecordWriter(self.session, "postgresql")
            cursor = self.writer.raw.cursor()
            block = cursor.copy(
                f"COPY record ({', '.join(PG_COLUMNS)}) FROM STDIN",
                writer=QueuedLibpqWriter(cursor),
            )
            self.copy = block.__enter__()
            self.copy_block = block
        except Exception:
            log.debug("ingest: no streamed write", exc_info=True)
            self.abandon()

    def lines(self, entity: str, parsed: ParsedLines, start: int, stop: int) -> None:
        if not self.live or entity in PER_FIELD:
            return
        try:
            rows, texts = parsed.rows, parsed.data_text
            seen = self.seen.setdefault(entity, set())
            device, bundle_id = self.device_id, self.bundle_id
            values = []
            plain = pg_tail(entity)
            for row, data_text in zip(rows[start:stop], texts[start:stop], strict=True):
                if (
                    data_text is None
                    or type(data := row["data"]) is not dict
                    or "field_hlc" in data
                    or type(rid := row["id"]) is not str
                    or rid in seen
                    or type(row["hlc"]) is not str
                ):
                    self.abandon()
                    return
                seen.add(rid)
                values.append(
                    (
                        entity,
                        rid,
                        row["hlc"],
                        device,
                        row["op"] == "void",
                        data_text,
                        "{}",
                        bundle_id,
                        plain(data),
                    )
                )
            if find_records(self.check, entity, [v[1] for v in values], "id", self.populated):
                self.abandon()
                return
            self.copy.write(copy_text(values))
            self.streamed.add(entity)
        except Exception:
            log.debug("ingest: streamed write abandoned", exc_info=True)
            self.abandon()

    def finish(self) -> bool:
        """End the ``COPY`` (waiting for the server to store what is queued); False when
        the stream was abandoned or fails here (the ingest then goes on without it)."""
        if not self.live:
            self.abandon()
            return False
        try:
            block, self.copy_block, self.copy = self.copy_block, None, None
            block.__exit__(None, None, None)
            return True
        except Exception:
            log.debug("ingest: streamed write failed at its end", exc_info=True)
            self.abandon()
            return False

    def abandon(self) -> None:
        """Drop the stream: the ``COPY`` fails, the transaction is rolled back."""
        self.off = True
        self.streamed.clear()
        block, self.copy_block = self.copy_block, None
        self.copy = None
        if block is not None:
            try:
                block.__exit__(RuntimeError, RuntimeError("ingest rejected or abandoned"), None)
            except Exception:
                log.debug("ingest: ending an abandoned COPY", exc_info=True)
        self.close()

    def close(self) -> None:
        """Roll back whatever was not committed and give the connection back."""
        session, self.session = self.session, None
        if session is not None:
            try:
                session.close()
            except Exception:
                log.debug("ingest: closing the streamed transaction", exc_info=True)


def imported_before(
    s: Session, manifest: dict[str, Any]
) -> tuple[ImportedBundle | None, ImportedBundle | None]:
    """The bundles HQ already imported with this manifest's bundle id, and with its
    device and seq (a re-send, or a replay when the content differs)."""
    same_id = s.get(ImportedBundle, manifest["bundle_id"])
    same_seq = s.scalar(
        select(ImportedBundle).where(
            ImportedBundle.device_id == manifest["device_id"], ImportedBundle.seq == manifest["seq"]
        )
    )
    return same_id, same_seq


@contextmanager
def committing(session: Session) -> Iterator[Session]:
    """The session, committed when the block ends without an exception."""
    yield session
    session.commit()
