"""The company's targets HQ authors (``hq targets import``, the console's Targets): the
rows of a targets table checked and stored in HQ's ``record`` store under HQ's own
device id (ids stable per metric, period and scope), published to every laptop with
``hq publish``; beside them the targets the managers sent up in their bundles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain import targets as target_rules
from app.domain.reference import DEFAULT_METRICS
from app.domain.regions import regions
from app.domain.sheet_columns import (
    canonical_key,
    file_names,
    metric_choices,
    metric_key,
    named,
    scope_kind_key,
)
from app.errors import ValidationError
from app.hq.authoring import ImportSummary, stable_id, write_own_records
from app.hq.publish import HQ_BUNDLE, own_targets
from app.hq.record_query import field as json_field
from app.hq.sheet_rows import SheetRowError, data_rows, header_map
from app.i18n import tr, trn
from db.hq.models import Record

if TYPE_CHECKING:
    from app.hq.server import Hq


UNIT_DECIMALS = {"fen": 2, "unit": 0, "count": 0, "permille": 1}


TARGET_COLUMNS = ("metric", "period", "scope_kind", "scope", "amount")


TARGET_REQUIRED = ("metric", "period", "scope", "amount")


TARGET_ALIASES = {
    "指标": "metric",
    "期间": "period",
    "范围类型": "scope_kind",
    "范围": "scope",
    "目标": "amount",
    "金额": "amount",
    "partner_code": "scope",
    "渠道编码": "scope",
    "合作方编码": "scope",
    "合作伙伴编码": "scope",
    "客户编码": "scope",
    "region": "scope",
    "地区": "scope",
    "区划代码": "scope",
    "target": "amount",
}


REGION_HEADERS = ("region", "地区", "区划代码")


def hq_targets(hq: Hq) -> list[dict[str, Any]]:
    """HQ's targets: ``metric``, ``period``, ``scope_kind``, ``scope``, ``amount`` (smallest unit)."""
    with hq.sessions() as s:
        rows = [dict(rec.data) for rec in s.scalars(own_targets().where(Record.voided.is_(False)))]
    return sorted(rows, key=lambda r: (r["period"], r["metric"], r["scope_kind"], r["scope"]))


def manager_targets(hq: Hq) -> list[dict[str, Any]]:
    """The targets managers set on their laptops (decomposed or imported there) as their
    bundles brought them: ``metric``, ``period``, ``scope_kind``, ``scope``, ``amount``,
    ``source`` (``local`` / ``import``), ``device_id`` and ``user`` (the manager)."""
    from db.hq.models import Device

    with hq.sessions() as s:
        users = {d: u for d, u in s.execute(select(Device.device_id, Device.user))}
        rows = [
            {**rec.data, "device_id": rec.device_id, "user": users.get(rec.device_id, "")}
            for rec in s.scalars(
                select(Record).where(
                    Record.entity == "target",
                    Record.bundle_id != HQ_BUNDLE,
                    Record.voided.is_(False),
                )
            )
        ]
    return sorted(
        rows,
        key=lambda r: (
            r["user"],
            r["device_id"],
            r["period"],
            r["metric"],
            r["scope_kind"],
            r["scope"],
        ),
    )


def import_targets(hq: Hq, table: list[list[str]], name: str) -> ImportSummary:
    """HQ's targets from a table read from a CSV/XLSX file (the columns of the laptop's
    ``targets import``: ``metric,period,scope_kind,scope,amount``). Every row is checked
    first and nothing is stored if one is wrong; a row replaces HQ's target of the same
    metric, period and scope; importing the same file again changes nothing."""
    if not table or not any(c.strip() for c in table[0]):
        raise ValidationError(tr("targets", "{file}: the file is empty.").format(file=name))
    header = [canonical_key(c, TARGET_ALIASES) for c in table[0]]
    mapping = header_map(header, TARGET_REQUIRED, TARGET_COLUMNS, name)
    names = file_names(table[0], mapping)
    default_kind = (
        "region" if table[0][mapping["scope"]].strip().lower() in REGION_HEADERS else "partner"
    )
    units = {code: unit for code, _label, unit in DEFAULT_METRICS}
    with hq.sessions() as s:
        partners = {
            str(c)
            for c in s.scalars(
                select(json_field("code")).where(
                    Record.entity == "partner", Record.voided.is_(False)
                )
            )
        }
        existing = {
            (r.data["metric"], r.data["period"], r.data["scope_kind"], r.data["scope"]): r.data.get(
                "amount"
            )
            for r in s.scalars(own_targets())
        }
    summary = ImportSummary()
    parsed: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    for row_no, cells in data_rows(table, mapping):
        summary.rows += 1
        kind = scope_kind_key(cells.get("scope_kind", "")) or default_kind
        if kind == "region":
            cells["scope"] = regions().normalise(cells["scope"]) or cells["scope"]
        errors: list[SheetRowError] = []
        cells["metric"] = metric_key(cells["metric"], units)
        unit = units.get(cells["metric"])
        if unit is None:
            errors.append(
                SheetRowError(
                    row_no,
                    "metric",
                    tr("targets", "unknown metric {metric}; use one of {known}").format(
                        metric=cells["metric"] or "—", known=metric_choices(units)
                    ),
                )
            )
        try:
            target_rules.parse_period(cells["period"])
        except ValueError:
            errors.append(
                SheetRowError(
                    row_no,
                    "period",
                    tr(
                        "targets", "give the period as YYYY, YYYY-Qn or YYYY-MM (got {value})"
                    ).format(value=cells["period"] or "—"),
                )
            )
        if kind not in ("partner", "region"):
            errors.append(
                SheetRowError(
                    row_no,
                    "scope_kind",
                    tr("targets", "scope_kind must be partner or region (got {value})").format(
                        value=kind
                    ),
                )
            )
        elif kind == "partner" and cells["scope"] not in partners:
            errors.append(
                SheetRowError(
                    row_no,
                    "scope",
                    tr("targets", "unknown partner {code}").format(code=cells["scope"] or "—"),
                )
            )
        elif kind == "region" and regions().normalise(cells["scope"]) is None:
            errors.append(
                SheetRowError(
                    row_no,
                    "scope",
                    tr(
                        "targets", "unknown region code {value}: no such province, city or district"
                    ).format(value=cells["scope"] or "—"),
                )
            )
        amount = 0
        if unit is not None:
            decimals = UNIT_DECIMALS.get(unit, 2)
            try:
                amount = target_rules.parse_amount(cells["amount"], decimals)
            except ValueError:
                errors.append(
                    SheetRowError(
                        row_no,
                        "amount",
                        tr(
                            "targets",
                            "not a non-negative amount with at most {d} decimals: {value}",
                        ).format(d=decimals, value=cells["amount"] or "—"),
                    )
                )
        key = (cells["metric"], cells["period"], kind, cells["scope"])
        if not errors and key in parsed:
            errors.append(
                SheetRowError(
                    row_no,
                    "scope",
                    tr("targets", "duplicate row (also row {first})").format(first=parsed[key][0]),
                )
            )
        if errors:
            summary.errors.extend(errors)
            continue
        parsed[key] = (row_no, amount)
    if summary.errors:
        raise ValidationError(
            trn(
                "targets", "{file}: %n problem(s) found; nothing was imported.", len(summary.errors)
            ).format(file=name),
            details=[f"{name}, {named(e, names)}" for e in summary.errors],
        )
    changed: list[tuple[str, dict[str, Any]]] = []
    for (metric, period, kind, scope), (_row, amount) in parsed.items():
        old = existing.get((metric, period, kind, scope))
        if old is None:
            summary.created += 1
        elif old != amount:
            summary.updated += 1
        else:
            summary.unchanged += 1
            continue
        changed.append(
            (
                stable_id("target", metric, period, kind, scope),
                {
                    "metric": metric,
                    "period": period,
                    "scope_kind": kind,
                    "scope": scope,
                    "amount": amount,
                },
            )
        )
    if changed:
        with hq.sessions.begin() as s:
            write_own_records(hq, s, "target", changed)
    return summary
