"""Invoices and payments from the ERP (``hq receivables import``): rows ``partner_code``,
``kind`` (``invoice`` / ``payment``), ``date``, ``amount`` (yuan), ``ref``. An invoice
is due ``PAYMENT_DAYS`` after its date; a payment settles the invoice whose ``ref`` it
names, else the partner's oldest open invoices first. Both are kept in HQ's ``record``
store (entities ``invoice`` and ``payment``, the laptop's columns) and published with the
partner to the laptops of its territory, whose aging and credit warnings then show them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain import targets as money
from app.domain.sheet_columns import (
    RowError,
    canonical_key,
    data_rows,
    file_names,
    header_map,
    header_row,
    rows_refused,
)
from app.domain.vocabulary import RECEIVABLE_KIND
from app.hq.authoring import ImportSummary, stable_id, write_own_records
from app.i18n import tr
from db.hq.models import Record

if TYPE_CHECKING:
    from app.hq.server import Hq

PAYMENT_DAYS = 30  # an ERP invoice is due this many days after its date
COLUMNS = ("partner_code", "kind", "date", "amount", "ref")
ALIASES = {
    "渠道编码": "partner_code",
    "合作方编码": "partner_code",
    "客户编码": "partner_code",
    "类型": "kind",
    "日期": "date",
    "金额": "amount",
    "单号": "ref",
    "凭证号": "ref",
    "发票号": "ref",
}
KINDS = {
    "invoice": "invoice",
    "payment": "payment",
    "发票": "invoice",
    "开票": "invoice",
    "回款": "payment",
    "收款": "payment",
}


def import_receivables(hq: Hq, table: list[list[str]], name: str) -> ImportSummary:
    """Check every row first (nothing is stored if one is wrong), then add the new
    invoices and payments; a row HQ already holds (same partner, kind and ref) is
    unchanged, so importing the same file again changes nothing."""
    header = [canonical_key(c, ALIASES) for c in header_row(table, name)]
    mapping = header_map(header, COLUMNS, COLUMNS, name)
    names = file_names(table[0], mapping)
    with hq.sessions() as s:
        partners = {
            str(r.data.get("code")): r.id
            for r in s.scalars(
                select(Record).where(Record.entity == "partner", Record.voided.is_(False))
            )
        }
        invoices = {
            r.id: dict(r.data)
            for r in s.scalars(
                select(Record).where(Record.entity == "invoice", Record.voided.is_(False))
            )
        }
        paid_keys = {
            str(r.data.get("erp_key"))
            for r in s.scalars(select(Record).where(Record.entity == "payment"))
        }
    summary = ImportSummary()
    rows: list[tuple[int, str, str, dt.date, int, str]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row_no, cells in data_rows(table, mapping, strip=True):
        summary.rows += 1
        errors = []
        code = cells["partner_code"]
        if code not in partners:
            errors.append(
                RowError(
                    row_no,
                    "partner_code",
                    tr("targets", "unknown partner {code}").format(code=code or "—"),
                )
            )
        kind = RECEIVABLE_KIND.key_for(cells["kind"]) or KINDS.get(cells["kind"].lower())
        if kind is None:
            errors.append(
                RowError(
                    row_no,
                    "kind",
                    tr("hq", "kind must be invoice or payment (got {value})").format(
                        value=cells["kind"] or "—"
                    ),
                )
            )
        try:
            day = dt.date.fromisoformat(cells["date"].replace("/", "-"))
        except ValueError:
            errors.append(
                RowError(
                    row_no,
                    "date",
                    tr("hq", "give the date as YYYY-MM-DD (got {value})").format(
                        value=cells["date"] or "—"
                    ),
                )
            )
            day = dt.date.min
        try:
            amount = money.parse_amount(cells["amount"].replace(",", ""), 2)
            if amount == 0:
                raise ValueError
        except ValueError:
            errors.append(
                RowError(
                    row_no,
                    "amount",
                    tr(
                        "hq", "not a positive amount in yuan with at most 2 decimals: {value}"
                    ).format(value=cells["amount"] or "—"),
                )
            )
            amount = 0
        ref = cells["ref"]
        if not ref or len(ref) > 60:
            errors.append(
                RowError(row_no, "ref", tr("hq", "give the ERP reference (at most 60 characters)"))
            )
        key = (code, kind or "", ref)
        if not errors and key in seen:
            errors.append(
                RowError(
                    row_no,
                    "ref",
                    tr("targets", "duplicate row (also row {first})").format(first=seen[key]),
                )
            )
        if errors:
            summary.errors.extend(errors)
            continue
        seen[key] = row_no
        rows.append((row_no, code, kind or "", day, amount, ref))
    if summary.errors:
        raise rows_refused(name, summary.errors, names, file_in_details=True)
    new_invoices: list[tuple[str, dict[str, Any]]] = []
    for _row, code, kind, day, amount, ref in rows:
        if kind != "invoice":
            continue
        rid = stable_id("invoice", code, ref)
        if rid in invoices:
            summary.unchanged += 1
            continue
        data = {
            "partner_id": partners[code],
            "number": ref,
            "issue_date": day.isoformat(),
            "due_date": (day + dt.timedelta(days=PAYMENT_DAYS)).isoformat(),
            "amount_fen": amount,
            "paid_fen": 0,
        }
        invoices[rid] = data
        new_invoices.append((rid, data))
        summary.created += 1
    changed: dict[str, dict[str, Any]] = {}
    payments: list[tuple[str, dict[str, Any]]] = []
    for _row, code, _kind, day, amount, ref in sorted(
        (r for r in rows if r[2] == "payment"), key=lambda r: (r[3], r[0])
    ):
        erp_key = stable_id("payment", code, ref)
        if erp_key in paid_keys:
            summary.unchanged += 1
            continue
        summary.created += 1
        for invoice_id, part in allocate(invoices, partners[code], ref, amount):
            inv = invoices[invoice_id]
            inv["paid_fen"] = int(inv["paid_fen"]) + part
            changed[invoice_id] = inv
            payments.append(
                (
                    stable_id("payment", code, ref, invoice_id),
                    {
                        "invoice_id": invoice_id,
                        "paid_date": day.isoformat(),
                        "amount_fen": part,
                        "note": ref,
                        "erp_key": erp_key,
                    },
                )
            )
    with hq.sessions.begin() as s:
        fresh = dict(new_invoices)
        write_own_records(
            hq,
            s,
            "invoice",
            [*new_invoices, *((rid, d) for rid, d in changed.items() if rid not in fresh)],
        )
        write_own_records(hq, s, "payment", payments)
    return summary


def allocate(
    invoices: dict[str, dict[str, Any]], partner_id: str, ref: str, amount: int
) -> list[tuple[str, int]]:
    """How a payment of ``amount`` fen settles the partner's open invoices: the one its
    ``ref`` names first, then the oldest due; what no invoice is open for stays unapplied."""
    open_ones = sorted(
        (
            (rid, d)
            for rid, d in invoices.items()
            if d["partner_id"] == partner_id and int(d["paid_fen"]) < int(d["amount_fen"])
        ),
        key=lambda item: (item[1]["number"] != ref, item[1]["due_date"], item[1]["number"]),
    )
    parts: list[tuple[str, int]] = []
    left = amount
    for rid, d in open_ones:
        if left <= 0:
            break
        part = min(left, int(d["amount_fen"]) - int(d["paid_fen"]))
        parts.append((rid, part))
        left -= part
    return parts


def receivables_by_partner(hq: Hq, today: dt.date | None = None) -> list[dict[str, Any]]:
    """Per partner with receivables: ``partner_code``, ``partner_name``, ``open_fen``,
    ``credit_limit_fen`` and the open amount per aging bucket (``0-30`` … ``90+``)."""
    today = today or dt.date.today()
    with hq.sessions() as s:
        partners = {
            r.id: r.data for r in s.scalars(select(Record).where(Record.entity == "partner"))
        }
        invoices = [
            r.data
            for r in s.scalars(
                select(Record).where(Record.entity == "invoice", Record.voided.is_(False))
            )
        ]
    rows: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"open_fen": 0, **dict.fromkeys(money.AGING_BUCKETS, 0)}
    )
    for inv in invoices:
        left = int(inv.get("amount_fen") or 0) - int(inv.get("paid_fen") or 0)
        if left <= 0:
            continue
        row = rows[str(inv.get("partner_id"))]
        row["open_fen"] += left
        bucket = money.aging_bucket(dt.date.fromisoformat(str(inv["due_date"])), today)
        if bucket:
            row[bucket] += left
    result = []
    for pid, row in rows.items():
        p = partners.get(pid, {})
        result.append(
            {
                "partner_code": p.get("code", ""),
                "partner_name": p.get("name", ""),
                "credit_limit_fen": int(p.get("credit_limit_fen") or 0),
                **row,
            }
        )
    return sorted(result, key=lambda r: r["partner_code"])
