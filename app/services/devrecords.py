"""Development records (发展/维系量): the channels' daily business records imported from
the operator's system (CSV/XLSX), validated like the partner import (every row checked
first; nothing saved unless all are valid), phones encrypted at rest (``app.services.pii``)
and purged after HQ's retention period."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select

from app.domain import duties as rules
from app.domain.ids import uuid7
from app.domain.partners import parse_money_to_fen
from app.domain.sheet_columns import canonical_key, column_label, file_names, missing_text, named
from app.domain.vocabulary import BUSINESS_RECORD_KIND
from app.errors import ValidationError
from app.i18n import tr, trn
from app.services.context import AppContext, Changes
from app.services.duty_rules import duty_rules
from app.services.partner_io import RowError, data_rows, read_table
from app.services.pii import encrypt_phone, keyed_digest, record_key
from app.services.progress import Progress
from db.base import utcnow

COLUMNS = ["date", "partner_code", "product", "customer_ref", "phone", "amount", "kind"]
REQUIRED = ("date", "partner_code", "phone", "kind")
ALIASES = {
    "日期": "date",
    "业务日期": "date",
    "渠道编码": "partner_code",
    "合作方编码": "partner_code",
    "代理商编码": "partner_code",
    "产品": "product",
    "业务": "product",
    "客户编号": "customer_ref",
    "客户编码": "customer_ref",
    "用户编号": "customer_ref",
    "电话": "phone",
    "手机号": "phone",
    "号码": "phone",
    "用户号码": "phone",
    "金额": "amount",
    "预存款": "amount",
    "预存金额": "amount",
    "类型": "kind",
    "业务类型": "kind",
}
KIND_ALIASES = {"发展": "new", "新增": "new", "新装": "new", "维系": "served", "服务": "served"}


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
    mapping: dict[str, int] = {}
    for index, name in enumerate(header):
        key = canonical_key(name, ALIASES)
        if key in COLUMNS and key not in mapping:
            mapping[key] = index
    missing = [c for c in REQUIRED if c not in mapping]
    if missing:
        raise ValidationError(
            tr("import", "{file}: missing required column(s): {columns}.").format(
                file=path.name, columns=missing_text(missing)
            ),
            details=[str(RowError(1, column_label(c), tr("import", "missing"))) for c in missing],
        )
    return mapping


def _parse_date(text: str) -> dt.date | None:
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?", text.strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _parse_row(
    row_no: int, cells: dict[str, str], partners: dict[str, str]
) -> tuple[dict[str, Any] | None, list[RowError]]:
    errors: list[RowError] = []
    day = _parse_date(cells.get("date", ""))
    if day is None:
        errors.append(
            RowError(
                row_no,
                "date",
                tr("import", "not a date (YYYY-MM-DD): {value}").format(
                    value=cells.get("date", "")
                ),
            )
        )
    code = cells.get("partner_code", "").strip()
    partner_id = partners.get(code)
    if not code:
        errors.append(RowError(row_no, "partner_code", tr("import", "missing")))
    elif partner_id is None:
        errors.append(
            RowError(
                row_no,
                "partner_code",
                tr("import", "unknown partner code {code}").format(code=code),
            )
        )
    phone = rules.normalise_phone(cells.get("phone", ""))
    if phone is None:  # the value is personal information: not repeated in the message
        errors.append(RowError(row_no, "phone", tr("import", "not a phone number")))
    kind_text = cells.get("kind", "").strip()
    kind = BUSINESS_RECORD_KIND.key_for(kind_text) or KIND_ALIASES.get(kind_text)
    if kind is None:
        errors.append(
            RowError(
                row_no,
                "kind",
                tr("import", "must be one of {choices} (got {value})").format(
                    choices=BUSINESS_RECORD_KIND.accepted(), value=kind_text
                ),
            )
        )
    amount_text = cells.get("amount", "").strip()
    try:
        amount = parse_money_to_fen(amount_text) if amount_text else 0
        if amount < 0:
            raise ValueError(amount_text)
    except ValueError:
        errors.append(
            RowError(
                row_no, "amount", tr("import", "not an amount: {value}").format(value=amount_text)
            )
        )
        amount = 0
    if errors:
        return None, errors
    return {
        "record_date": day,
        "partner_id": partner_id,
        "partner_code": code,
        "product": cells.get("product", "").strip()[:100],
        "customer_ref": cells.get("customer_ref", "").strip()[:100],
        "phone": phone,
        "amount_fen": amount,
        "kind": kind,
    }, []


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
    if not table or not any(cell.strip() for cell in table[0]):
        raise ValidationError(
            tr("import", "{file}: the file is empty (no header row).").format(file=path.name)
        )
    mapping = _header_map(table[0], path)
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
        raise ValidationError(
            trn("import", "{file}: %n problem(s) found; nothing was imported.", len(errors)).format(
                file=path.name
            ),
            details=[str(named(e, file_names(table[0], mapping))) for e in errors],
        )
    key = record_key(ctx)
    assert key is not None
    now = utcnow()
    with ctx.session() as s:
        report.purged = purge_expired(s, ctx, dt.date.today())
        seen: set[str] = set()
        new_rows: list[dict[str, Any]] = []
        for index, v in enumerate(parsed):
            digest = keyed_digest(
                key,
                v["record_date"].isoformat(),
                v["partner_code"],
                v["product"],
                v["customer_ref"],
                v["phone"],
                v["kind"],
                str(v["amount_fen"]),
            )
            if digest in seen:
                report.skipped += 1
                continue
            seen.add(digest)
            new_rows.append(
                {
                    "id": uuid7(),
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
            )
            if progress is not None and index % 1000 == 0:
                progress(len(parsed) + index, len(parsed) * 2, tr("import", "Importing…"))
        held: set[str] = set()
        digests = [r["dedup_key"] for r in new_rows]
        for start in range(0, len(digests), 500):
            held.update(
                s.scalars(
                    select(DevRecord.dedup_key).where(
                        DevRecord.dedup_key.in_(digests[start : start + 500])
                    )
                )
            )
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


def purge_expired_records(ctx: AppContext, today: dt.date | None = None) -> int:
    """Delete the records older than HQ's retention period (default 90 days): personal
    information is kept no longer than the callbacks need it. Returns how many."""
    with ctx.session() as s:
        return purge_expired(s, ctx, today or dt.date.today())


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
