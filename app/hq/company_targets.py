"""The company's targets HQ authors (``hq targets import``, the console's Targets): the
rows of a targets table checked and stored in HQ's ``record`` store under HQ's own
device id (ids stable per metric, period and scope), published to every laptop with
``hq publish``; beside them the targets the managers sent up in their bundles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain import targets as target_rules
from app.domain.reference import DEFAULT_METRICS
from app.domain.sheet_columns import (
    canonical_key,
    data_rows,
    file_names,
    header_map,
    header_row,
    rows_refused,
)
from app.domain.target_rows import (
    TARGET_ALIASES,
    TARGET_COLUMNS,
    TARGET_REQUIRED,
    TargetKey,
    check_target_row,
    default_scope_kind,
)
from app.hq.authoring import ImportSummary, stable_id, write_own_records
from app.hq.publish import HQ_BUNDLE, own_targets
from app.hq.record_query import field as json_field
from db.hq.models import Record

if TYPE_CHECKING:
    from app.hq.server import Hq


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
    header = [canonical_key(c, TARGET_ALIASES) for c in header_row(table, name)]
    mapping = header_map(header, TARGET_REQUIRED, TARGET_COLUMNS, name)
    names = file_names(table[0], mapping)
    default_kind = default_scope_kind(table[0][mapping["scope"]])
    decimals = {code: target_rules.decimals_of(unit) for code, _label, unit in DEFAULT_METRICS}
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
    parsed: dict[TargetKey, int] = {}  # the amount of each good row
    first_rows: dict[TargetKey, int] = {}
    for row_no, cells in data_rows(table, mapping, strip=True):
        summary.rows += 1
        row, errors = check_target_row(row_no, cells, default_kind, decimals, partners, first_rows)
        if errors:
            summary.errors.extend(errors)
            continue
        first_rows[row.key] = row_no
        parsed[row.key] = row.amount
    if summary.errors:
        raise rows_refused(name, summary.errors, names, file_in_details=True)
    changed: list[tuple[str, dict[str, Any]]] = []
    for (metric, period, kind, scope), amount in parsed.items():
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
