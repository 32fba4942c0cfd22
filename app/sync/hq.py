"""Headquarters: key pair, device registry, bundle ingest (validate everything, then apply
in one transaction with the ``imported_bundle`` entry), signed acks, stats, conflicts and
down-bundles for laptops."""

from __future__ import annotations

import base64
import datetime as dt
import gc
import hashlib
import json
import logging
import os
import re
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.domain.hlc import HybridLogicalClock, Timestamp
from app.domain.ids import is_uuid, uuid7
from app.domain.regions import in_territory
from app.errors import BundleRejected, UserError
from app.i18n import tr
from app.sync import signing
from app.sync.bundle import (
    HLC_RE,
    OPS,
    RECORD_KEYS,
    UUID_RE,
    BlobStage,
    Bundle,
    Caps,
    ParsedLines,
    read_bundle,
    reject,
    validate_record,
)
from app.sync.bundle_write import write_bundle
from app.sync.merge import (
    APPEND_ONLY,
    META_KEYS,
    PER_FIELD,
    Conflict,
    merge_fields,
    same_writer,
    unset_hlc,
)
from db.hq.engine import hq_engine, upgrade_hq
from db.hq.models import Blob, Device, HqConflict, HqMeta, ImportedBundle, Record
from db.models import SYNC_TABLES

log = logging.getLogger(__name__)
BATCH = 2000  # records merged and written per statement
LOOKUP = 500  # ids per IN (...) lookup on SQLite
PG_FLUSH = 100_000  # merged records buffered for one COPY on PostgreSQL
FSYNC_THREADS = 16
PARENT_KEYS = {"partner_id": "partner", "visit_id": "visit", "order_id": "rectification_order", "invoice_id": "invoice", "finding_id": "finding"}
PARENT_KEY_SET = frozenset(PARENT_KEYS)


@dataclass
class IngestResult:
    status: str  # accepted | duplicate | rejected
    reason: str = ""
    bundle_id: str = ""
    ack_path: Path | None = None
    counts: dict[str, int] | None = None


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a bundle is read and applied: its records
    are hundreds of thousands of new dicts and lists (none in a cycle), and every few
    hundred allocations would start a collection that walks them all again (~0.4 s of an
    ingest of 100 000 records). Restored afterwards, also on errors."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# a temporary copy of a blob (BlobStage): ``.<sha256>.<pid>.tmp`` beside its place
TEMPORARY_BLOB = re.compile(r"\.[0-9a-f]{64}\.[0-9]+\.tmp")


@contextmanager
def _ingest_lock(folder: Path) -> Iterator[bool]:
    """One ingest at a time per key dir (an exclusive lock on ``hq-ingest.lock``, held
    until the ingest ends, released by the system when its process dies). Yields True
    when the previous ingest did not finish (killed: the file still holds its process
    id) or the lock file is new, so the caller sweeps the temporary blobs it may have
    left; they cannot belong to a running ingest while the lock is held."""
    path = folder / "hq-ingest.lock"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        existed = path.exists()
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise UserError(tr("hq", "Cannot lock {file} for the ingest: {error}").format(file=path, error=exc.strerror or exc)) from exc
    try:
        _lock_file(fd)
        unfinished = not existed or os.fstat(fd).st_size > 0
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        os.fsync(fd)
        yield unfinished
        os.ftruncate(fd, 0)
    finally:
        os.close(fd)


def _lock_file(fd: int) -> None:
    """Block until this process holds an exclusive lock on the open file ``fd``."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
                return
            except OSError:  # LK_LOCK gives up after ~10 s: keep waiting
                continue
    fcntl.flock(fd, fcntl.LOCK_EX)


def sweep_temporary_blobs(root: Path) -> int:
    """Remove the temporary blob copies (``TEMPORARY_BLOB``) a killed ingest left in the
    blob store ``root/ab/…``; returns how many. Only under the ingest lock."""
    removed = 0
    try:
        folders = [entry.path for entry in os.scandir(root) if len(entry.name) == 2 and entry.is_dir(follow_symlinks=False)]
    except FileNotFoundError:
        return 0
    for folder in folders:
        with os.scandir(folder) as entries:
            leftovers = [entry.path for entry in entries if TEMPORARY_BLOB.fullmatch(entry.name)]
        for leftover in leftovers:
            try:
                os.unlink(leftover)
                removed += 1
            except FileNotFoundError:
                pass
    if removed:
        log.info("removed %d temporary blob(s) left by an unfinished ingest", removed)
    return removed


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
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


def _not_serialisable(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


# one C encoder for every value (``JSONEncoder.encode`` builds a new one per call); the
# values come from parsed JSON, so they cannot be circular
_ENCODE = json.encoder.c_make_encoder(None, _not_serialisable, json.encoder.encode_basestring, None, ":", ",",  # type: ignore[attr-defined]
                                      False, False, False) if json.encoder.c_make_encoder is not None else None  # type: ignore[attr-defined]
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False)


def _dump_json(value: Any) -> str:
    """Compact JSON text (UTF-8, no NaN) of a value to store in a JSON column."""
    if _ENCODE is None:
        return _ENCODER.encode(value)
    return "".join(_ENCODE(value, 0))


def _json_value(value: Any) -> Any:
    """A JSON column as read by the driver: text on SQLite, parsed on PostgreSQL."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def entities_with_records(s: Session) -> set[str]:
    """The sync entities HQ holds at least one record of (one query; an index probe per
    entity). ``find_records`` looks nothing up in the others."""
    raw: Any = s.connection().connection.driver_connection
    names = sorted(SYNC_TABLES)
    if s.get_bind().dialect.name == "postgresql":
        with raw.cursor() as cur:
            cur.execute("SELECT e FROM unnest(%s::text[]) AS e WHERE EXISTS (SELECT 1 FROM record WHERE entity = e)", (names,))
            return {e for (e,) in cur.fetchall()}
    return {e for e in names if raw.execute("SELECT 1 FROM record WHERE entity = ? LIMIT 1", (e,)).fetchone() is not None}


def find_records(s: Session, entity: str, ids: Iterable[str], columns: str, populated: set[str] | None = None) -> list[tuple[Any, ...]]:
    """Rows (``columns`` of ``record``) of the given ids of one entity, on the session's
    connection: ``id = ANY(array)`` on PostgreSQL (the ids sent as one JSON text: psycopg
    quotes a list of strings element by element, ~0.35 s per 100 000 ids), ``IN (?, …)``
    in chunks on SQLite. Nothing is looked up when HQ has no record of the entity yet
    (one probe, or ``populated``, from ``entities_with_records`` on this transaction)."""
    if populated is not None and entity not in populated:
        return []
    raw: Any = s.connection().connection.driver_connection
    if s.get_bind().dialect.name == "postgresql":
        with raw.cursor() as cur:
            cur.execute("SELECT 1 FROM record WHERE entity = %s LIMIT 1", (entity,))
            wanted = sorted(set(ids)) if cur.fetchone() is not None else []
            if not wanted:
                return []
            cur.execute(f"SELECT {columns} FROM record WHERE entity = %s AND id = ANY(ARRAY(SELECT json_array_elements_text(%s::json)))",
                        (entity, json.dumps(wanted)))
            return list(cur.fetchall())
    wanted = sorted(set(ids)) if raw.execute("SELECT 1 FROM record WHERE entity = ? LIMIT 1", (entity,)).fetchone() is not None else []
    found: list[tuple[Any, ...]] = []
    for chunk in _chunks(wanted, LOOKUP):
        marks = ", ".join("?" * len(chunk))
        found.extend(raw.execute(f"SELECT {columns} FROM record WHERE entity = ? AND id IN ({marks})", (entity, *chunk)).fetchall())
    return found


RECORD_COLUMNS = ("entity", "id", "hlc", "device_id", "voided", "data", "field_hlc", "bundle_id")


# one merged record: id, hlc, voided, data, field_hlc, and the JSON text of data when it
# is the bundle's own (None: encode data)
_Upsert = tuple[str, str, bool, dict[str, Any], dict[str, Any], str | None]


@dataclass
class _Carry:
    """Per entity during one ingest: the records that existed before it, the ids that
    occur more than once in the bundle, and their latest merged values."""

    existing: dict[str, tuple[str, bool, dict[str, Any], dict[str, Any]]]
    repeated: set[str]
    merged: dict[str, _Upsert] = field(default_factory=dict)


class _RecordWriter:
    """Bulk writes into ``record`` on the session's own connection and transaction:
    ``executemany`` of ``INSERT … ON CONFLICT DO UPDATE`` on SQLite; on PostgreSQL
    ``COPY`` into a temporary staging table, then ``INSERT … SELECT … ON CONFLICT``."""

    def __init__(self, s: Session, dialect: str) -> None:
        self.s = s
        self.dialect = dialect
        self.raw: Any = s.connection().connection.driver_connection
        self.staged = False
        self.new: list[tuple[Any, ...]] = []  # PostgreSQL rows not yet written (see upsert)
        self.changed: dict[tuple[str, str], tuple[Any, ...]] = {}
        # one ingest at a time: the merge reads, then writes, the same records
        if dialect == "postgresql":
            s.execute(text("LOCK TABLE record IN SHARE ROW EXCLUSIVE MODE"))
        elif not self.raw.in_transaction:
            self.raw.execute("BEGIN IMMEDIATE")
        update = ", ".join(f"{c} = excluded.{c}" for c in RECORD_COLUMNS[2:])
        columns = ", ".join(RECORD_COLUMNS)
        if dialect == "postgresql":
            self.sql = (f"INSERT INTO record ({columns}) SELECT {columns} FROM record_stage "
                        f"ON CONFLICT (entity, id) DO UPDATE SET {update}")
        else:
            marks = ", ".join("?" for _ in RECORD_COLUMNS)
            self.sql = f"INSERT INTO record ({columns}) VALUES ({marks}) ON CONFLICT (entity, id) DO UPDATE SET {update}"

    def existing(self, entity: str, ids: set[str], populated: set[str] | None = None) -> dict[str, tuple[str, bool, dict[str, Any], dict[str, Any]]]:
        found: dict[str, tuple[str, bool, dict[str, Any], dict[str, Any]]] = {}
        for rid, hlc, voided, data, field_hlc in find_records(self.s, entity, ids, "id, hlc, voided, data, field_hlc", populated):
            found[rid] = (hlc, bool(voided), _json_value(data), _json_value(field_hlc) or {})
        return found

    def upsert(self, entity: str, device_id: str, bundle_id: str, rows: Iterable[_Upsert], fresh: set[str]) -> None:
        """Write merged records. ``fresh`` ids did not exist before this ingest (looked up
        under the table lock, and not written by an earlier chunk): on PostgreSQL they are
        copied straight into ``record``; the others go through the staging table and
        ``INSERT … ON CONFLICT``. A row's ``data`` is stored as the bundle's own text when
        the merge kept it unchanged, else encoded."""
        dump = _dump_json
        values = [(entity, rid, hlc, device_id, voided, data_text if data_text is not None else dump(data), dump(fh) if fh else "{}", bundle_id)
                  for rid, hlc, voided, data, fh, data_text in rows]
        self.write(entity, values, fresh)

    def write(self, entity: str, values: list[tuple[Any, ...]], fresh: set[str] | None) -> None:
        """Write rows in ``RECORD_COLUMNS`` order; ``fresh`` as for ``upsert`` (None: all
        of them are)."""
        if not values:
            return
        if self.dialect != "postgresql":
            self.raw.cursor().executemany(self.sql, values)
            return
        # PostgreSQL: buffered, so that one long COPY streams while the server inserts
        # (one COPY per chunk waited for the server each time); the merge reads nothing
        # back from the table, so writing later changes nothing. A record written again
        # replaces its buffered value (the later merge includes the earlier one).
        if fresh is None:
            self.new.extend(values)
        else:
            for value in values:
                if value[1] in fresh:
                    self.new.append(value)
                else:
                    self.changed[(entity, value[1])] = value
        if len(self.new) + len(self.changed) >= PG_FLUSH:
            self.flush()

    def flush(self) -> None:
        """Write what PostgreSQL rows are buffered: new records straight into ``record``,
        then the others through the staging table and ``INSERT … ON CONFLICT``."""
        if not self.new and not self.changed:
            return
        with self.raw.cursor() as cur:
            if self.new:
                with cur.copy(f"COPY record ({', '.join(RECORD_COLUMNS)}) FROM STDIN") as copy:
                    write = copy.write_row
                    for value in self.new:
                        write(value)
                self.new = []
            if not self.changed:
                return
            if not self.staged:
                cur.execute("CREATE TEMPORARY TABLE record_stage (entity text, id text, hlc text, device_id text, voided boolean, "
                            "data json, field_hlc json, bundle_id text) ON COMMIT DROP")
                self.staged = True
            else:
                cur.execute("TRUNCATE record_stage")
            with cur.copy(f"COPY record_stage ({', '.join(RECORD_COLUMNS)}) FROM STDIN") as copy:
                write = copy.write_row
                for value in self.changed.values():
                    write(value)
            self.changed = {}
            cur.execute(self.sql)

    def conflicts(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.s.execute(insert(HqConflict), rows)


class _NewRecordStream:
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

    def __init__(self, hq: Hq, check: Session) -> None:
        self.hq = hq
        self.check = check
        self.session: Session | None = None
        self.writer: _RecordWriter | None = None
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
            if any(_imported_before(self.check, manifest)):  # a duplicate or a replay: decided once the bundle is read
                self.off = True
                return
            from psycopg.copy import QueuedLibpqWriter  # (PostgreSQL only)

            self.device_id, self.bundle_id = manifest["device_id"], manifest["bundle_id"]
            self.populated = entities_with_records(self.check)
            self.session = self.hq.sessions()
            self.writer = _RecordWriter(self.session, "postgresql")
            cursor = self.writer.raw.cursor()
            block = cursor.copy(f"COPY record ({', '.join(RECORD_COLUMNS)}) FROM STDIN", writer=QueuedLibpqWriter(cursor))
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
            for row, data_text in zip(rows[start:stop], texts[start:stop], strict=True):
                if data_text is None or type(data := row["data"]) is not dict or "field_hlc" in data or (rid := row["id"]) in seen:
                    self.abandon()
                    return
                seen.add(rid)
                values.append((entity, rid, row["hlc"], device, row["op"] == "void", data_text, "{}", bundle_id))
            if find_records(self.check, entity, [v[1] for v in values], "id", self.populated):
                self.abandon()
                return
            write = self.copy.write_row
            for value in values:
                write(value)
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


def _imported_before(s: Session, manifest: dict[str, Any]) -> tuple[ImportedBundle | None, ImportedBundle | None]:
    """The bundles HQ already imported with this manifest's bundle id, and with its
    device and seq (a re-send, or a replay when the content differs)."""
    same_id = s.get(ImportedBundle, manifest["bundle_id"])
    same_seq = s.scalar(select(ImportedBundle).where(ImportedBundle.device_id == manifest["device_id"], ImportedBundle.seq == manifest["seq"]))
    return same_id, same_seq


@contextmanager
def _committing(session: Session) -> Iterator[Session]:
    """The session, committed when the block ends without an exception."""
    yield session
    session.commit()


def read_device_key_file(path: Path) -> tuple[str, str, dict[str, Any]]:
    """A laptop's public-key file (``device export-key``): device id, base64 public key
    (32 raw bytes) and the rest (``user``, ``territory`` as a list of codes). Anything
    else raises ``UserError`` with one translated line saying what is wrong."""

    def bad(reason: str) -> UserError:
        return UserError(tr("hq", "{file} is not a device public-key file: {reason}").format(file=path, reason=reason))

    if path.is_dir():
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=path))
    if not path.exists():
        raise UserError(tr("import", "File not found: {file}").format(file=path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise bad(tr("hq", "it is not JSON text")) from exc
    except OSError as exc:
        raise UserError(tr("hq", "Cannot read {file}: {error}").format(file=path, error=exc.strerror or exc)) from exc
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise bad(tr("hq", "it is not JSON text")) from exc
    if not isinstance(data, dict):
        raise bad(tr("hq", "it is not a JSON object"))
    for key in ("device_id", "public_key"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise bad(tr("hq", "{key} is missing").format(key=key))
    device_id, public_key = data["device_id"], data["public_key"]
    if not is_uuid(device_id) or str(uuid.UUID(device_id)) != device_id:  # canonical: HLCs end with it
        raise bad(tr("hq", "device_id is not a UUID"))
    try:
        raw = base64.b64decode(public_key, validate=True)
    except ValueError as exc:
        raise bad(tr("hq", "public_key is not base64")) from exc
    if len(raw) != 32:
        raise bad(tr("hq", "the public key must be 32 bytes, not {count}").format(count=len(raw)))
    user = data.get("user", "")
    if not isinstance(user, str) or len(user) > 100:
        raise bad(tr("hq", "user is not a text of at most 100 characters"))
    territory = data.get("territory", [])
    if isinstance(territory, str):
        territory = [c.strip() for c in territory.split(",") if c.strip()]
    if not isinstance(territory, list) or not all(isinstance(c, str) and c.isdigit() and c.isascii() for c in territory):
        raise bad(tr("hq", "territory is not a list of region codes"))
    return device_id, public_key, {"user": user, "territory": territory}


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL (None for other databases, in-memory ones or URLs that
    are not understood; opening those reports its own error)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:" or parsed.query.get("uri"):
        return None
    return Path(parsed.database).expanduser()


def _shown_url(url: str) -> str:
    """``url`` for a message: its password masked."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def default_key_dir(url: str) -> Path:
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url[len("sqlite:///"):]).expanduser().absolute().parent
    return Path.cwd()


class Hq:
    """One HQ database (SQLite or PostgreSQL URL) and its key directory."""

    def __init__(self, url: str, key_dir: Path | None = None, caps: Caps | None = None, *, create: bool = True) -> None:
        """``create=False`` (every command but ``hq init``): an SQLite file that does not
        exist is refused instead of created empty (a mistyped ``--db``)."""
        self.url = url
        if not create:
            missing = sqlite_file(url)
            if missing is not None and not missing.exists():
                raise UserError(tr("hq", "The HQ database {file} does not exist; check --db, or run 'channeldesk hq init' to create it.").format(file=missing))
        try:
            self.engine = hq_engine(url)
            upgrade_hq(self.engine)
        except Exception as exc:
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(exc, (SQLAlchemyError, OSError)):
                # the driver's own first line (not SQLAlchemy's wrapper and link); no password
                detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
                raise UserError(tr("hq", "Cannot open the HQ database {url}: {error}").format(
                    url=_shown_url(url), error=detail[0] if detail else type(exc).__name__)) from exc
            raise
        self.sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        stored = self.meta("key_dir")
        self.key_dir = Path(key_dir).absolute() if key_dir else Path(stored) if stored else default_key_dir(url)
        self.caps = caps or Caps()

    def close(self) -> None:
        self.engine.dispose()

    # -- metadata and keys -----------------------------------------------------------
    def meta(self, key: str) -> str | None:
        with self.sessions() as s:
            row = s.get(HqMeta, key)
            return row.value if row else None

    def _set_meta(self, s: Session, key: str, value: str) -> None:
        s.merge(HqMeta(key=key, value=value))

    @property
    def private_key_path(self) -> Path:
        return self.key_dir / "hq_ed25519.pem"

    @property
    def blob_dir(self) -> Path:
        return self.key_dir / "hq_blobs"

    def init(self) -> dict[str, str]:
        """Create the HQ key pair (once) and record the key dir; returns the public key file."""
        self.key_dir.mkdir(parents=True, exist_ok=True)
        key = signing.load_private(self.private_key_path) if self.private_key_path.exists() else signing.write_private_key(self.private_key_path)
        raw = signing.public_raw(key)
        with self.sessions.begin() as s:
            hq_id = (s.get(HqMeta, "hq_id").value if s.get(HqMeta, "hq_id") else uuid7())  # type: ignore[union-attr]
            self._set_meta(s, "hq_id", hq_id)
            self._set_meta(s, "key_dir", str(self.key_dir))
        public = {"hq_id": hq_id, "public_key": signing.b64(raw), "fingerprint": signing.fingerprint(raw)}
        (self.key_dir / "hq_public.key").write_text(json.dumps(public, indent=2), encoding="utf-8")
        return public

    def _key(self):  # type: ignore[no-untyped-def]
        if not self.private_key_path.exists():
            raise UserError(tr("hq", "HQ keys not found in {dir}; run 'channeldesk hq init' first.").format(dir=self.key_dir))
        return signing.load_private(self.private_key_path)

    def hq_id(self) -> str:
        value = self.meta("hq_id")
        if value is None:
            raise UserError(tr("hq", "This HQ database is not initialised; run 'channeldesk hq init'."))
        return value

    # -- devices ---------------------------------------------------------------------------
    def register_device(self, key_file: Path, user: str | None = None, territory: list[str] | None = None) -> Device:
        device_id, public_key, data = read_device_key_file(Path(key_file))
        if territory is None:
            territory = data["territory"]
        with self.sessions.begin() as s:
            device = s.get(Device, device_id)
            if device is None:
                device = Device(device_id=device_id, public_key=public_key, registered_at=dt.datetime.now(dt.UTC))
                s.add(device)
            elif device.public_key != public_key:
                raise UserError(tr("hq", "Device {id} is already registered with another key.").format(id=device_id))
            device.user = user if user is not None else data["user"]
            device.territory = ",".join(territory)
        return device

    def revoke_device(self, device_id: str) -> None:
        with self.sessions.begin() as s:
            device = s.get(Device, device_id)
            if device is None:
                raise UserError(tr("hq", "Unknown device {id}.").format(id=device_id))
            device.revoked = True

    # -- ingest ------------------------------------------------------------------------------
    def ingest(self, path: Path, ack_dir: Path | None = None) -> IngestResult:
        path = Path(path)
        with _ingest_lock(self.key_dir) as unfinished, _gc_paused():
            if unfinished:
                sweep_temporary_blobs(self.blob_dir)
            stage = BlobStage(self.blob_dir)  # new blobs, copied while they are validated
            return self._ingest(path, stage, ack_dir)

    def _ingest(self, path: Path, stage: BlobStage, ack_dir: Path | None) -> IngestResult:
        stream: _NewRecordStream | None = None
        try:
            try:
                with self.sessions() as check:
                    if self.engine.dialect.name == "postgresql":
                        stream = _NewRecordStream(self, check)
                    bundle, device = self._validate(path, check, stage, stream)
            except BundleRejected as exc:
                self._log_rejection(path, exc.message)
                return IngestResult("rejected", exc.message)
            manifest = bundle.manifest
            with self.sessions() as s:
                previous = s.get(ImportedBundle, manifest["bundle_id"])
            if previous is not None:
                result = IngestResult("duplicate", bundle_id=manifest["bundle_id"], counts=dict(previous.counts))
            else:
                counts, conflicts = self._apply(bundle, device, stream)
                result = IngestResult("accepted", bundle_id=manifest["bundle_id"], counts=counts)
                self._conflict_ids = conflicts
        finally:
            if stream is not None:
                stream.abandon()  # rolls back unless the apply committed it
            stage.discard()  # copies not published: all of them unless accepted
        result.ack_path = self._write_ack(bundle, result, ack_dir or path.parent)
        return result

    def _log_rejection(self, path: Path, reason: str) -> None:
        try:
            with (self.key_dir / "hq-rejections.log").open("a", encoding="utf-8") as fh:
                fh.write(f"{dt.datetime.now(dt.UTC).isoformat()}\t{path}\t{reason}\n")
        except OSError:
            pass

    def _validate(self, path: Path, s: Session, stage: BlobStage | None = None, stream: _NewRecordStream | None = None) -> tuple[Bundle, Device]:
        """Every rejection rule, on the session ``s`` (HQ as it was before this ingest).
        ``stream`` writes new records while the bundle is read; whatever it wrote is
        rolled back when this raises."""
        found: dict[str, Device] = {}

        def public_key_for(manifest: dict[str, Any]) -> str:
            device = s.get(Device, manifest["device_id"])
            if device is None:
                raise reject(tr("sync", "unknown device {id}; register it with 'hq register-device'").format(id=manifest["device_id"]))
            if device.revoked:
                raise reject(tr("sync", "device {id} is revoked").format(id=device.device_id))
            found["device"] = device
            return device.public_key

        bundle = read_bundle(path, self.caps, public_key_for, stage=stage, sink=stream)
        device = found["device"]
        manifest = bundle.manifest
        same_id, same_seq = _imported_before(s, manifest)
        if same_id is not None and same_id.manifest_sha256 != bundle.manifest_sha256:
            raise reject(tr("sync", "bundle {id} was already imported with different content").format(id=manifest["bundle_id"]))
        if same_seq is not None and same_seq.manifest_sha256 != bundle.manifest_sha256:
            raise reject(tr("sync", "seq {seq} of this device was already imported with different content (replay)").format(seq=manifest["seq"]))
        if same_id is None:
            self._validate_records(s, bundle, device)
        return bundle, device

    def _validate_records(self, s: Session, bundle: Bundle, device: Device) -> None:
        """Rule 7 of the spec for every record, before anything is written. Lookups of
        existing records, referenced parents and blobs are set-based (one query per
        entity or chunk of ids), never one query per record: references that are not in
        the bundle are collected in one pass and looked up at the end, and the first
        that HQ does not have either is the one reported."""
        territory = [c for c in device.territory.split(",") if c]
        known = set(SYNC_TABLES)
        node = device.device_id
        for entity in bundle.records:
            if entity not in known:
                raise reject(tr("sync", "unknown record type {entity}").format(entity=entity))
        in_bundle: dict[str, set[str]] = {e: {rid for r in rows if type(r) is dict and type(rid := r.get("id")) is str}
                                          for e, rows in bundle.records.items()}
        bundle.ids = in_bundle  # for the apply, which only follows a validation that accepted every record
        populated = entities_with_records(s)
        # (parent entity or "blob", referenced id) → the message for the first record citing it
        outside: dict[tuple[str, str], str] = {}
        unknown_parent = tr("sync", "{entity} {id} refers to an unknown {parent} {ref}")
        missing_photo = tr("sync", "{entity} {id} refers to a photo that is not in the bundle")
        different = tr("sync", "{entity} {id} is sealed and arrived with different content")
        blobs = bundle.blobs
        uuid_match, hlc_match, suffix = UUID_RE.match, HLC_RE.match, ":" + node
        for entity, rows in bundle.records.items():
            photo = entity in ("visit_photo", "attachment")
            is_partner, is_visit = entity == "partner", entity == "visit"
            stored: dict[str, Any] = {}
            # sealed content is compared only when HQ has some of these records, or the
            # bundle holds one of them twice
            sealed = False
            if entity in APPEND_ONLY:
                for rid, data in find_records(s, entity, in_bundle[entity], "id, data", populated):
                    stored[rid] = _json_value(data)
                # (fewer distinct ids than records: one repeats, or a record has no id,
                # which validate_record refuses below)
                sealed = bool(stored) or len(in_bundle[entity]) != len(rows)
            first_seen: dict[str, dict[str, Any]] = {}
            for row in rows:
                # validate_record's checks for the usual case inline; anything else (or
                # anything wrong) through validate_record itself, which names the fault
                if (type(row) is not dict or row.keys() != RECORD_KEYS or type(rid := row["id"]) is not str or uuid_match(rid) is None
                        or type(hlc := row["hlc"]) is not str or hlc_match(hlc) is None or not hlc.endswith(suffix)
                        or row["base_hlc"] is not None or type(data := row["data"]) is not dict or row["op"] not in OPS or "field_hlc" in data):
                    problem = validate_record(entity, row, node)
                    if problem:
                        raise reject(problem)
                    data = row["data"]
                if is_partner:
                    district = data.get("district_code") or data.get("city_code") or data.get("province_code")
                    if not isinstance(data.get("code"), str) or not data.get("code"):
                        raise reject(tr("sync", "partner {id}: the code is missing").format(id=row["id"]))
                    if territory and not in_territory(district if isinstance(district, str) else None, territory):
                        raise reject(tr("sync", "partner {code} lies outside the device's territory").format(code=data.get("code")))
                elif is_visit and row["op"] == "upsert" and data.get("status") != "submitted":
                    raise reject(tr("sync", "visit {id} is not submitted").format(id=row["id"]))
                for key in PARENT_KEY_SET.intersection(data):
                    ref = data[key]
                    if ref is None:
                        continue
                    parent = PARENT_KEYS[key]
                    if type(ref) is not str:
                        raise reject(unknown_parent.format(entity=entity, id=row["id"], parent=parent, ref=ref))
                    if ref not in in_bundle.get(parent, ()) and (parent, ref) not in outside:
                        outside[(parent, ref)] = unknown_parent.format(entity=entity, id=row["id"], parent=parent, ref=ref)
                if photo:
                    sha = data.get("sha256")
                    if type(sha) is not str:
                        raise reject(missing_photo.format(entity=entity, id=row["id"]))
                    if sha not in blobs and ("blob", sha) not in outside:
                        outside[("blob", sha)] = missing_photo.format(entity=entity, id=row["id"])
                if sealed:
                    rid = row["id"]
                    current = stored.get(rid)
                    if current is not None and current != data:
                        raise reject(different.format(entity=entity, id=rid))
                    earlier = first_seen.setdefault(rid, data)
                    if earlier is not data and earlier != data:
                        raise reject(different.format(entity=entity, id=rid))
        if outside:
            wanted: dict[str, set[str]] = defaultdict(set)
            for kind, ref in outside:
                wanted[kind].add(ref)
            present: set[tuple[str, str]] = set()
            for kind, refs in wanted.items():
                if kind == "blob":
                    for chunk in _chunks(sorted(refs), LOOKUP):
                        present.update(("blob", sha) for sha in s.scalars(select(Blob.sha256).where(Blob.sha256.in_(chunk))))
                else:
                    present.update((kind, rid) for (rid,) in find_records(s, kind, refs, "id", populated))
            for item, message in outside.items():  # in the order the records cite them
                if item not in present:
                    raise reject(message)

    def _store_blobs(self, bundle: Bundle) -> None:
        """Publish the bundle's new blobs, copied (and hash-checked) by the reader: flush
        them all, several at once (concurrent fsyncs share the file system's journal
        commits; one after the other, 20 000 photos took ~3 s more), then rename them
        into the content-addressed store."""
        staged = bundle.staged
        if not staged:
            return
        with ThreadPoolExecutor(max_workers=min(FSYNC_THREADS, len(staged))) as pool:
            list(pool.map(_fsync_file, [tmp for tmp, _target in staged]))
        for tmp, target in staged:
            os.replace(tmp, target)
        for folder in {target.parent for _tmp, target in staged}:
            _fsync_dir(folder)

    def _apply(self, bundle: Bundle, device: Device, stream: _NewRecordStream | None = None) -> tuple[dict[str, int], int]:
        """Write the validated bundle in one transaction: blobs, merged records, the
        ``imported_bundle`` entry. With a ``stream`` that holds, its transaction goes on:
        the entities it wrote whole are done, the others are merged here."""
        manifest = bundle.manifest
        self._store_blobs(bundle)
        counts: dict[str, int] = {}
        conflicts = 0
        streamed: set[str] = set()
        if stream is not None and stream.finish():
            assert stream.session is not None and stream.writer is not None
            transaction: Any = _committing(stream.session)
            writer: _RecordWriter | None = stream.writer
            streamed = set(stream.streamed)
        else:
            transaction, writer = self.sessions.begin(), None
        with transaction as s:
            writer = writer or _RecordWriter(s, self.engine.dialect.name)
            shas = list(bundle.blobs)
            present: set[str] = set()
            for chunk in _chunks(shas, LOOKUP):
                present.update(s.scalars(select(Blob.sha256).where(Blob.sha256.in_(chunk))))
            new_blobs = [{"sha256": sha, "size": bundle.blobs[sha]} for sha in shas if sha not in present]
            if new_blobs:
                s.execute(insert(Blob), new_blobs)
            entities = [e for e in SYNC_TABLES if e in bundle.records]
            # every lookup before the first record is written: the planner still sees the
            # table as it was (a growing table with stale statistics invites scans)
            # (the streamed entities were new to HQ, each id once: nothing to merge)
            merged = [e for e in entities if e not in streamed]
            ids = {entity: bundle.ids[entity] if entity in bundle.ids else {r["id"] for r in bundle.records[entity]} for entity in merged}
            populated = entities_with_records(s)  # under the table lock, before any write of these entities
            existing = {entity: writer.existing(entity, ids[entity], populated) for entity in merged}
            for entity in entities:
                rows = bundle.records[entity]
                counts[entity] = len(rows)
                if entity in streamed:
                    continue
                repeated: set[str] = set()
                if len(ids[entity]) != len(rows):
                    repeated = {rid for rid, n in Counter(r["id"] for r in rows).items() if n > 1}
                carry = _Carry(existing[entity], repeated)
                for start in range(0, len(rows), BATCH):
                    conflicts += self._merge_batch(writer, entity, rows[start:start + BATCH], bundle.data_texts(entity, start, start + BATCH),
                                                   device.device_id, manifest["bundle_id"], carry)
            writer.flush()
            s.add(ImportedBundle(bundle_id=manifest["bundle_id"], device_id=device.device_id, seq=manifest["seq"],
                                 manifest_sha256=bundle.manifest_sha256, imported_at=dt.datetime.now(dt.UTC), counts=counts))
        return counts, conflicts

    def _merge_batch(self, writer: _RecordWriter, entity: str, rows: Sequence[dict[str, Any]], texts: Sequence[str | None], device_id: str,
                     bundle_id: str, carry: _Carry) -> int:
        """Merge one chunk in memory against the records that existed before the bundle
        (looked up set-based beforehand), then one bulk upsert (and the conflict rows).
        A record that appears twice in the bundle merges with its earlier version, in
        this chunk or (through ``carry``) an earlier one. ``texts`` are the bundle's own
        JSON texts of the rows' ``data`` (or None), stored as they are for new records."""
        if entity not in PER_FIELD and not carry.existing and not carry.repeated and not any("field_hlc" in row["data"] for row in rows):
            # every record new and unique, merged whole, none with per-field HLCs to take
            # out of its data: stored as it came (what the loop below gives, in one go)
            dump = _dump_json
            writer.write(entity, [(entity, row["id"], row["hlc"], device_id, row["op"] == "void", text if text is not None else dump(row["data"]),
                                   "{}", bundle_id) for row, text in zip(rows, texts, strict=True)], None)
            return 0
        existing = carry.existing
        for rid in carry.repeated.intersection(carry.merged):
            existing[rid] = carry.merged[rid][1:5]  # type: ignore[assignment]
        upserts: dict[str, _Upsert] = {}
        conflicts: list[dict[str, Any]] = []
        fresh: set[str] = set()  # ids not in the database before this chunk
        per_field = entity in PER_FIELD
        sealed = entity in APPEND_ONLY
        for row, data_text in zip(rows, texts, strict=True):
            rid, hlc, op = row["id"], row["hlc"], row["op"]
            data = row["data"]
            if "field_hlc" in data:
                data = dict(data)
                incoming_fh = data.pop("field_hlc") or {}
                data_text = None  # the stored data leaves field_hlc out
                if incoming_fh and per_field:
                    # a field the sender holds no HLC for is one it never wrote (a default
                    # of a card it learnt from HQ): it must not overwrite anyone's value
                    unset = unset_hlc(device_id)
                    incoming_fh = {k: incoming_fh.get(k, unset) for k in data if k not in META_KEYS}
            else:
                incoming_fh = {}
            prev = upserts.get(rid)
            if prev is not None:
                _, cur_hlc, cur_void, cur_data, cur_fh, _text = prev
            elif rid in existing:
                cur_hlc, cur_void, cur_data, cur_fh = existing[rid]
            else:
                # a new record: what merge_fields(None, ...) gives, without the call
                # per-field entities keep each field's HLC; the others merge whole
                # records, every field at the record's HLC, which an empty map means
                fh = {k: incoming_fh.get(k, hlc) for k in data if k not in META_KEYS} if per_field else {}
                upserts[rid] = (rid, hlc, op == "void", data, fh, data_text)
                fresh.add(rid)
                continue
            if sealed:
                continue  # sealed: identical content is a no-op
            if per_field:
                # what this device had already seen of the record: its newest foreign field HLC
                seen = [h for h in incoming_fh.values() if isinstance(h, str) and not h.endswith(":" + device_id)]
                base = max(seen) if seen else row["base_hlc"]
                merged = merge_fields(cur_data, cur_fh, cur_hlc, cur_void, data, incoming_fh, hlc, base, op)
            else:
                newer = hlc > cur_hlc
                winner, loser = (data, cur_data) if newer else (cur_data, data)
                merged = merge_fields(None, {}, "", False, winner, {}, max(hlc, cur_hlc), None, "void" if (op == "void" and newer) or (cur_void and not newer) else "upsert")
                if cur_void and op != "void":
                    merged.voided = True
                if row["base_hlc"] is not None and cur_hlc > row["base_hlc"] and loser != winner and not same_writer(cur_hlc, hlc):
                    merged.conflicts.append(Conflict("*", winner, loser, max(hlc, cur_hlc), min(hlc, cur_hlc)))
            for c in merged.conflicts:
                conflicts.append({"entity": entity, "record_id": rid, "field": c.field, "winner_value": c.winner_value, "loser_value": c.loser_value,
                                  "winner_hlc": c.winner_hlc, "loser_hlc": c.loser_hlc, "resolved": False})
            upserts[rid] = (rid, merged.hlc, merged.voided, merged.data, merged.field_hlc if per_field else {}, None)
        for rid in carry.repeated.intersection(upserts):
            carry.merged[rid] = upserts[rid]
        writer.upsert(entity, device_id, bundle_id, upserts.values(), fresh)
        writer.conflicts(conflicts)
        return len(conflicts)

    def _write_ack(self, bundle: Bundle, result: IngestResult, ack_dir: Path) -> Path:
        manifest = bundle.manifest
        with self.sessions() as s:
            # (the lookup of 5 000 ids is skipped while HQ has no conflict at all)
            any_conflict = bundle.records and s.scalar(select(HqConflict.id).limit(1)) is not None
            conflict_rows = [{"entity": c.entity, "id": c.record_id, "field": c.field} for c in s.scalars(
                select(HqConflict).where(HqConflict.record_id.in_([r["id"] for rows in bundle.records.values() for r in rows][:5000])))] if any_conflict else []
        ack = {"bundle_id": manifest["bundle_id"], "device_id": manifest["device_id"], "seq": manifest["seq"], "status": result.status,
               "counts": result.counts or {}, "conflicts": conflict_rows, "hq_time": dt.datetime.now(dt.UTC).isoformat(), "hq_id": self.hq_id()}
        if result.reason:
            ack["reason"] = result.reason
        signed = signing.sign_document(self._key(), ack)
        ack_dir.mkdir(parents=True, exist_ok=True)
        target = ack_dir / f"{manifest['bundle_id']}.cdack"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(signed, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)
        return target

    # -- reading -------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        tables: dict[str, Any] = {}
        with self.sessions() as s:
            grouped: dict[str, list[str]] = defaultdict(list)
            for entity, rid, hlc in s.execute(select(Record.entity, Record.id, Record.hlc)):
                grouped[entity].append(f"{rid}:{hlc}")
            for entity in sorted(set(SYNC_TABLES) | set(grouped)):
                lines = sorted(grouped.get(entity, []))
                tables[entity] = {"rows": len(lines), "digest": hashlib.sha256("\n".join(lines).encode()).hexdigest()}
            count, size = s.execute(select(func.count(Blob.sha256), func.coalesce(func.sum(Blob.size), 0))).one()
            devices = []
            for d in s.scalars(select(Device).order_by(Device.device_id)):
                last_seq, bundles = s.execute(select(func.coalesce(func.max(ImportedBundle.seq), 0), func.count(ImportedBundle.bundle_id))
                                              .where(ImportedBundle.device_id == d.device_id)).one()
                devices.append({"device_id": d.device_id, "user": d.user, "territory": [c for c in d.territory.split(",") if c],
                                "last_seq": int(last_seq), "bundles": int(bundles), "revoked": d.revoked})
        return {"tables": tables, "blobs": {"count": int(count), "bytes": int(size)}, "devices": devices}

    def conflicts(self) -> list[dict[str, Any]]:
        with self.sessions() as s:
            return [{"id": c.id, "entity": c.entity, "record_id": c.record_id, "field": c.field, "winner_value": c.winner_value,
                     "loser_value": c.loser_value, "winner_hlc": c.winner_hlc, "loser_hlc": c.loser_hlc}
                    for c in s.scalars(select(HqConflict).where(HqConflict.resolved.is_(False)).order_by(HqConflict.id))]

    def records(self, entity: str) -> list[Record]:
        with self.sessions() as s:
            return list(s.scalars(select(Record).where(Record.entity == entity)))

    # -- publishing -------------------------------------------------------------------------------
    def _clock(self, s: Session) -> HybridLogicalClock:
        node = self.hq_id()
        last = s.get(HqMeta, "hlc_last")
        clock = HybridLogicalClock(node=node, last=Timestamp.parse(last.value) if last else None)
        return clock

    def publish(self, device_id: str, target: Path, reference: dict[str, list[dict[str, Any]]]) -> Path:
        """Down-bundle for one laptop: templates, frequency rules, targets, partner master
        data (HQ-owned fields) and revocations, signed by HQ. ``reference`` carries the
        templates and rules HQ publishes (entity → list of data dicts with stable ids)."""
        key = self._key()
        with self.sessions.begin() as s:
            device = s.get(Device, device_id)
            if device is None:
                raise UserError(tr("hq", "Unknown device {id}.").format(id=device_id))
            territory = [c for c in device.territory.split(",") if c]
            clock = self._clock(s)
            records: dict[str, list[dict[str, Any]]] = {}
            for entity, items in reference.items():
                records[entity] = [{"id": item.pop("id"), "hlc": clock.tick(), "op": "upsert", "base_hlc": None, "data": item} for item in items]
            partners = []
            for rec in s.scalars(select(Record).where(Record.entity == "partner")):
                district = rec.data.get("district_code") or rec.data.get("city_code") or rec.data.get("province_code")
                if territory and not in_territory(district, territory):
                    continue
                owned = {k: rec.data.get(k) for k in ("code", "name", "grade", "credit_limit_fen", "status", "type", "province_code", "city_code", "district_code", "address")}
                # every published field with its HLC: a laptop that edits the card sends
                # them back with their writers, not as its own writes
                owned["field_hlc"] = {k: (rec.field_hlc or {}).get(k, rec.hlc) for k in owned}
                partners.append({"id": rec.id, "hlc": rec.hlc, "op": "void" if rec.voided else "upsert", "base_hlc": None, "data": owned})
            records["partner"] = partners
            targets = [{"id": rec.id, "hlc": rec.hlc, "op": "upsert", "base_hlc": None, "data": rec.data} for rec in s.scalars(select(Record).where(Record.entity == "target"))]
            if targets:
                records["target"] = targets
            revoked = list(s.scalars(select(Device.device_id).where(Device.revoked.is_(True))))
            self._set_meta(s, "hlc_last", str(clock.last) if clock.last else "")
            seq_key = f"publish_seq:{device_id}"
            seq = int(s.get(HqMeta, seq_key).value if s.get(HqMeta, seq_key) else "0") + 1  # type: ignore[union-attr]
            self._set_meta(s, seq_key, str(seq))
        manifest = {"kind": "hq", "bundle_id": uuid7(), "device_id": device_id, "hq_id": self.hq_id(), "user": device.user,
                    "territory": territory, "created_at": dt.datetime.now(dt.UTC).isoformat(), "created_hlc": str(clock.last) if clock.last else "",
                    "seq": seq, "base_ack_seq": 0, "app_version": __version__, "revoked_devices": revoked}
        write_bundle(Path(target), manifest, records, [], lambda body: signing.sign(key, body))
        return Path(target)


def stable_id(*parts: str) -> str:
    """A stable UUID for HQ reference rows (templates, rules) published to many laptops."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "channeldesk:" + ":".join(parts)))
