"""Development records (发展/维系量): the channels' daily business records imported from
the operator's system (CSV/XLSX), validated like the partner import (every row checked
first; nothing saved unless all are valid), phones encrypted at rest (``app.services.pii``)
and purged after HQ's retention period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select

from app.domain import devrecord_rows
from app.domain import duties as rules
from app.domain.ids import uuid7
from app.domain.sheet_columns import (
    columns_missing,
    file_names,
    header_row,
    rows_refused,
)
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.duty_rules import duty_rules
from app.services.partner_io import RowError, data_rows, read_table
from app.services.pii import encrypt_phone, keyed_digest, record_key
from app.services.progress import Progress
from db.base import utcnow, values_held


@dataclass
class DevImportReport:
    rows: int = 0
    created: int = 0
    skipped: int = 0
    purged: int = 0
    changes: Changes = field(default_factory=Changes)

    def to_json(self) -> dict[str, int]:
        return {"rows": self.rows, "created": self.created, "skipped": self.skipped}


def _header_map(header: list[str], path: Path) -> dict[str, int]:
    mapping, missing = devrecord_rows.header_columns(header)
    if missing:
        raise columns_missing(path.name, missing)
    return mapping


def _parse_row(
    row_no: int, cells: dict[str, str], partners: dict[str, str]
) -> tuple[dict[str, Any] | None, list[RowError]]:
    values, problems = devrecord_rows.parse_record(cells, partners)
    return values, [RowError(row_no, column, message) for column, message in problems]


def import_dev_records(
    ctx: AppContext, path: Path, *, progress: Progress | None = None, source: str = "import"
) -> DevImportReport:
    """Validate every row, then store the new ones in one transaction (rows already held
    — same date, partner, product, customer, phone, kind and amount — are skipped).

    Raises ``ValidationError`` with ``row N, column NAME: message`` lines when any row is
    invalid; nothing is imported then."""
    from db.models import DevRecord, Partner

    path = Path(path)
    table = read_table(path)
    mapping = _header_map(list(header_row(table, path.name)), path)
    with ctx.read_session() as s:
        partners = dict(
            s.execute(select(Partner.code, Partner.id).where(Partner.voided.is_(False))).all()
        )
    report = DevImportReport()
    parsed: list[dict[str, Any]] = []
    errors: list[RowError] = []
    for row_no, cells in data_rows(table, mapping, strip=True):
        report.rows += 1
        values, problems = _parse_row(row_no, cells, partners)
        errors.extend(problems)
        if values is not None:
            parsed.append(values)
        if progress is not None and row_no % 1000 == 0:
            progress(row_no, len(table) * 2, tr("import", "Checking rows…"))
    if errors:
        raise rows_refused(path.name, errors, file_names(table[0], mapping), file_in_details=False)
    key = record_key(ctx)
    assert key is not None
    now = utcnow()
    with ctx.session() as s:
        report.purged = purge_expired(s, ctx, dt.date.today())
        seen: set[str] = set()
        new_rows: list[dict[str, Any]] = []
        for index, v in enumerate(parsed):
            digest = keyed_digest(key, *devrecord_rows.digest_parts(v))
            if digest in seen:
                report.skipped += 1
                continue
            seen.add(digest)
            new_rows.append(_stored_row(key, v, uuid7(), digest, source, now))
            if progress is not None and index % 1000 == 0:
                progress(len(parsed) + index, len(parsed) * 2, tr("import", "Importing…"))
        held = values_held(s, DevRecord.dedup_key, [r["dedup_key"] for r in new_rows])
        fresh = [r for r in new_rows if r["dedup_key"] not in held]
        report.skipped += len(new_rows) - len(fresh)
        if fresh:
            s.execute(insert(DevRecord), fresh)
        report.created = len(fresh)
    report.changes = Changes.of("dev_record")
    return report


def purge_expired(s: Any, ctx: AppContext, today: dt.date) -> int:
    """Delete, in session ``s``, the records older than HQ's retention period."""
    from db.models import DevRecord

    days = int(duty_rules(ctx, s)["devrecord_retention_days"])
    cutoff = today - dt.timedelta(days=days)
    return int(s.execute(delete(DevRecord).where(DevRecord.record_date < cutoff)).rowcount or 0)


@dataclass(frozen=True)
class Purged:
    """How many development records a purge deleted, and the change to announce (none
    when nothing was deleted)."""

    count: int
    changes: Changes | None


def purge_expired_records(ctx: AppContext, today: dt.date | None = None) -> Purged:
    """Delete the records older than HQ's retention period (default 90 days): personal
    information is kept no longer than the callbacks need it."""
    with ctx.session() as s:
        count = purge_expired(s, ctx, today or dt.date.today())
    return Purged(count, Changes.of("dev_record") if count else None)


def record_counts(ctx: AppContext, start: dt.date, end: dt.date) -> dict[str, int]:
    """Records per partner id with ``start <= date < end``."""
    from db.models import DevRecord

    with ctx.read_session() as s:
        return dict(
            s.execute(
                select(DevRecord.partner_id, func.count())
                .where(DevRecord.record_date >= start, DevRecord.record_date < end)
                .group_by(DevRecord.partner_id)
            ).all()
        )


def open_published(
    ctx: AppContext, manifest: dict[str, Any], lines: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The development records of an HQ down-bundle (``dev_record`` lines, already
    checked against their schema) with their customers' phones opened with this device's
    X25519 key (``app.sync.sealed``), in memory only. Anything that does not open — no
    envelope, an envelope for another key, a garbled value, a value that is no phone —
    refuses the whole bundle (``BundleRejected``, one translated line); nothing is written."""
    from app.domain.duties import normalise_phone
    from app.errors import BundleRejected
    from app.services.pii import exchange_private_key
    from app.sync.sealed import SealError, opener_for

    def refuse(reason: str) -> BundleRejected:
        return BundleRejected(tr("sync", "HQ bundle refused: {reason}").format(reason=reason))

    if not lines:
        return []
    header = manifest.get("sealed")
    if header is None:
        raise refuse(tr("sync", "its development records carry no envelope for their phones"))
    private = exchange_private_key(ctx, create=False)
    if private is None:
        raise refuse(
            tr(
                "sync",
                "this device has no encryption key for the customers' phone numbers; export its "
                "key file (device export-key) and have HQ register it",
            )
        )
    try:
        opener = opener_for(header, private)
    except SealError as exc:
        if exc.args and exc.args[0] == "another recipient":
            raise refuse(
                tr(
                    "sync",
                    "the customers' phone numbers are sealed to another key of this device; "
                    "export its key file again (device export-key) and have HQ register it",
                )
            ) from exc
        raise refuse(tr("sync", "the envelope of the customers' phone numbers is damaged")) from exc
    opened: list[dict[str, Any]] = []
    for line in lines:
        try:
            text = opener.open(line["data"]["phone_sealed"], line["id"].encode("ascii"))
            phone = normalise_phone(text.decode("ascii"))
        except (SealError, UnicodeDecodeError) as exc:
            raise refuse(
                tr("sync", "dev_record {id}: the sealed phone number does not open").format(
                    id=line["id"]
                )
            ) from exc
        if phone is None:
            raise refuse(
                tr("sync", "dev_record {id}: the sealed value is not a phone number").format(
                    id=line["id"]
                )
            )
        d = line["data"]
        opened.append(
            {
                "id": line["id"],
                "partner_id": d["partner_id"],
                "record_date": dt.date.fromisoformat(d["record_date"]),
                "product": d["product"],
                "customer_ref": d["customer_ref"],
                "amount_fen": int(d["amount_fen"]),
                "kind": d["kind"],
                "phone": phone,
            }
        )
    return opened


def store_published(s: Any, ctx: AppContext, opened: list[dict[str, Any]]) -> int:
    """Store, in session ``s``, HQ's development records this laptop does not hold: the
    phone encrypted again under the device's record key; a record already imported here
    (same keyed digest) or of a partner the laptop lacks is skipped, as is one older than
    the retention period. Returns how many were added."""
    from db.models import DevRecord, Partner

    if not opened:
        return 0
    key = record_key(ctx)
    assert key is not None
    days = int(duty_rules(ctx, s)["devrecord_retention_days"])
    cutoff = dt.date.today() - dt.timedelta(days=days)
    codes = dict(
        s.execute(
            select(Partner.id, Partner.code).where(
                Partner.id.in_({v["partner_id"] for v in opened})
            )
        ).all()
    )
    now = utcnow()
    fresh: dict[str, dict[str, Any]] = {}
    for v in opened:
        code = codes.get(v["partner_id"])
        if code is None or v["record_date"] < cutoff:
            continue
        digest = keyed_digest(key, *devrecord_rows.digest_parts({**v, "partner_code": code}))
        if digest not in fresh:
            fresh[digest] = _stored_row(key, v, v["id"], digest, "hq", now)
    held = values_held(s, DevRecord.dedup_key, list(fresh))
    taken = values_held(s, DevRecord.id, [r["id"] for d, r in fresh.items() if d not in held])
    rows = [r for d, r in fresh.items() if d not in held and r["id"] not in taken]
    if rows:
        s.execute(insert(DevRecord), rows)
    return len(rows)


def _stored_row(
    key: bytes, v: dict[str, Any], record_id: str, digest: str, source: str, now: dt.datetime
) -> dict[str, Any]:
    """A development record as the laptop stores it: the phone encrypted under the record
    key and masked, never in clear; ``digest`` (the keyed HMAC) finds it again."""
    return {
        "id": record_id,
        "partner_id": v["partner_id"],
        "record_date": v["record_date"],
        "product": v["product"],
        "customer_ref": v["customer_ref"],
        "phone_cipher": encrypt_phone(key, v["phone"]),
        "phone_masked": rules.mask_phone(v["phone"]),
        "amount_fen": v["amount_fen"],
        "kind": v["kind"],
        "dedup_key": digest,
        "source": source,
        "imported_at": now,
    }
