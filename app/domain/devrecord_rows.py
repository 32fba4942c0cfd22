"""One row of a development-records file (CSV/XLSX from the operator's system), checked
the same way on the laptop (``devrecords import``) and at HQ (``hq devrecords import``):
column names in English or Chinese, the date, partner code, phone, kind and amount, and
the fields whose keyed digest (HMAC) recognises a record again on either side."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from app.domain import duties as rules
from app.domain.partners import parse_money_to_fen
from app.domain.sheet_columns import canonical_key
from app.domain.vocabulary import BUSINESS_RECORD_KIND
from app.i18n import tr

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


def header_columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Column key → index of a header row (first occurrence), and the required keys it
    lacks."""
    mapping: dict[str, int] = {}
    for index, name in enumerate(header):
        key = canonical_key(name, ALIASES)
        if key in COLUMNS and key not in mapping:
            mapping[key] = index
    return mapping, [c for c in REQUIRED if c not in mapping]


def parse_date(text: str) -> dt.date | None:
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?", text.strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_record(
    cells: dict[str, str], partners: dict[str, str]
) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """The row's values (``record_date``, ``partner_id``, ``partner_code``, ``product``,
    ``customer_ref``, ``phone`` (digits), ``amount_fen``, ``kind``), or None and its
    problems as (column, translated message). ``partners``: code → id. A phone is
    personal information: never repeated in a message."""
    errors: list[tuple[str, str]] = []
    day = parse_date(cells.get("date", ""))
    if day is None:
        errors.append(
            (
                "date",
                tr("import", "not a date (YYYY-MM-DD): {value}").format(
                    value=cells.get("date", "")
                ),
            )
        )
    code = cells.get("partner_code", "").strip()
    partner_id = partners.get(code)
    if not code:
        errors.append(("partner_code", tr("import", "missing")))
    elif partner_id is None:
        errors.append(
            ("partner_code", tr("import", "unknown partner code {code}").format(code=code))
        )
    phone = rules.normalise_phone(cells.get("phone", ""))
    if phone is None:
        errors.append(("phone", tr("import", "not a phone number")))
    kind_text = cells.get("kind", "").strip()
    kind = BUSINESS_RECORD_KIND.key_for(kind_text) or KIND_ALIASES.get(kind_text)
    if kind is None:
        errors.append(
            (
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
        errors.append(("amount", tr("import", "not an amount: {value}").format(value=amount_text)))
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


def digest_parts(values: dict[str, Any]) -> tuple[str, ...]:
    """What the keyed digest of a record covers, in order: the same record imported on
    the laptop and published by HQ gives the same digest under the laptop's key."""
    return (
        values["record_date"].isoformat(),
        values["partner_code"],
        values["product"],
        values["customer_ref"],
        values["phone"],
        values["kind"],
        str(values["amount_fen"]),
    )
