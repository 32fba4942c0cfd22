"""HQ's overview of a month or an ISO week per manager (device) and region: visits done
against the visit-frequency rules (a week: channels against the weekly rule), distinct
channels per ISO week, average score (amended scores count), open and overdue
rectification orders, evidence warnings and the last sync. One pass over the period's
visits; the rest are small lookups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, text

from app.domain import compliance as comp
from app.domain.reference import DEFAULT_FREQUENCY_RULES
from app.hq.record_query import (
    check_week,
    month_days,
    newest_scored,
    parse_time,
    utc_bound,
)
from app.hq.record_query import field as json_field
from db.hq.models import Device, ImportedBundle, Record

if TYPE_CHECKING:
    from app.hq.server import Hq

OPEN_ORDER_STATES = ("open", "overdue", "escalated", "reported_fixed")


@dataclass
class ManagerRow:
    device_id: str
    manager: str
    territory: list[str]
    visits: int = 0
    required: int = 0
    done: int = 0  # visits that count towards the partners' minimum (at most the minimum each)
    channels: int = 0  # distinct partners visited
    score_sum: float = 0.0
    scored: int = 0
    weeks: dict[str, int] = field(default_factory=dict)  # ISO week → distinct channels
    weekly_minimum: int = 0
    open_orders: int = 0
    overdue_orders: int = 0
    evidence_warnings: int = 0
    last_sync: str | None = None
    visit_ids: list[str] = field(default_factory=list)

    @property
    def average_score(self) -> float | None:
        return round(self.score_sum / self.scored, 1) if self.scored else None

    @property
    def weeks_met(self) -> int:
        return sum(1 for n in self.weeks.values() if n >= self.weekly_minimum)

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "manager": self.manager,
            "territory": self.territory,
            "visits": self.visits,
            "required": self.required,
            "done": self.done,
            "channels": self.channels,
            "average_score": self.average_score,
            "weeks": [{"week": w, "channels": n} for w, n in sorted(self.weeks.items())],
            "weekly_minimum": self.weekly_minimum,
            "weeks_met": self.weeks_met,
            "open_orders": self.open_orders,
            "overdue_orders": self.overdue_orders,
            "evidence_warnings": self.evidence_warnings,
            "last_sync": self.last_sync,
        }


def frequency_rules(hq: Hq) -> list[comp.Rule]:
    """The visit-frequency rules HQ publishes (``app.hq.authoring``)."""
    from app.hq.authoring import frequency_rules_for_publish

    return [
        comp.Rule(r["scope"], r["grade"], r["period"], int(r["min_visits"]))
        for r in frequency_rules_for_publish(hq)
    ]


def month_overview(hq: Hq, month: str, today: dt.date | None = None) -> dict[str, Any]:
    """``month``, ``weeks`` (ISO week labels), ``managers`` (``ManagerRow.to_json`` rows,
    by manager) and ``regions`` (the same figures summed per territory)."""
    comp.check_month(month)
    start, end = month_days(month)
    data = _overview(hq, start, end, comp.weeks_of_month(month), None, today)
    return {"kind": "month", "period": month, "month": month, **data}


def week_overview(hq: Hq, week: str, today: dt.date | None = None) -> dict[str, Any]:
    """The same figures for one ISO week (按周通报): visits, channels, score, orders and
    warnings of the week's local days; a manager's ``required`` is the weekly rule
    (channels to inspect per week) and ``done`` the distinct channels visited, at most
    that many."""
    check_week(week)
    start, end = comp.week_bounds(week)
    data = _overview(hq, start, end, [week], week, today)
    return {"kind": "week", "period": week, "week": week, **data}


def period_overview(hq: Hq, kind: str, period: str) -> dict[str, Any]:
    """``month_overview`` or ``week_overview`` by ``kind``."""
    return week_overview(hq, period) if kind == "week" else month_overview(hq, period)


def _overview(
    hq: Hq,
    start: dt.date,
    end: dt.date,
    weeks: list[str],
    week: str | None,
    today: dt.date | None,
) -> dict[str, Any]:
    today = today or dt.date.today()
    rules = (
        frequency_rules(hq) if hq is not None else [comp.Rule(*r) for r in DEFAULT_FREQUENCY_RULES]
    )
    weekly = max(
        (r.min_visits for r in rules if r.scope == "manager" and r.period == "week"), default=0
    )
    started = json_field("started_at")
    with hq.sessions() as s:
        devices = {
            d.device_id: ManagerRow(
                d.device_id, d.user, [c for c in d.territory.split(",") if c], weekly_minimum=weekly
            )
            for d in s.scalars(select(Device).order_by(Device.user, Device.device_id))
        }
        for device_id, last in s.execute(
            select(ImportedBundle.device_id, func.max(ImportedBundle.imported_at)).group_by(
                ImportedBundle.device_id
            )
        ):
            if device_id in devices and last is not None:
                devices[device_id].last_sync = (
                    last if last.tzinfo else last.replace(tzinfo=dt.UTC)
                ).isoformat()
        if (
            s.get_bind().dialect.name == "postgresql"
        ):  # the generated columns of HQ migration hq0003, from its covering index
            visits = list(
                s.execute(
                    text(
                        "SELECT id, device_id, visit_partner, visit_started, visit_score FROM "
                        "record WHERE entity = 'visit' AND visit_started >= :a "
                        "AND visit_started < :b AND visit_status = 'submitted' AND NOT voided"
                    ),
                    {"a": utc_bound(start), "b": utc_bound(end)},
                )
            )
        else:
            visits = list(
                s.execute(
                    select(
                        Record.id,
                        Record.device_id,
                        json_field("partner_id"),
                        started,
                        json_field("score"),
                    ).where(
                        Record.entity == "visit",
                        Record.voided.is_(False),
                        json_field("status") == "submitted",
                        started >= utc_bound(start),
                        started < utc_bound(end),
                    )
                )
            )
        amended = newest_scored(
            s.scalars(
                select(Record).where(Record.entity == "visit_amendment", Record.voided.is_(False))
            )
        )
        partners = list(
            s.execute(
                select(
                    Record.id,
                    json_field("grade"),
                    json_field("district_code"),
                    json_field("city_code"),
                    json_field("province_code"),
                ).where(
                    Record.entity == "partner",
                    Record.voided.is_(False),
                    json_field("status") == "active",
                )
            )
        )
        orders = list(
            s.execute(
                select(Record.device_id, json_field("status"), json_field("deadline")).where(
                    Record.entity == "rectification_order",
                    Record.voided.is_(False),
                    json_field("status").in_(OPEN_ORDER_STATES),
                )
            )
        )
        warnings = list(
            s.execute(
                select(Record.device_id, func.count())
                .where(
                    Record.entity == "partner_warning",
                    Record.voided.is_(False),
                    json_field("source") == "evidence",
                    json_field("warned_on") >= start.isoformat(),
                    json_field("warned_on") < end.isoformat(),
                )
                .group_by(Record.device_id)
            )
        )
    per_partner: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    week_channels: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for vid, device_id, partner_id, when, score in visits:
        row = devices.get(device_id)
        if row is None:
            continue
        row.visits += 1
        row.visit_ids.append(vid)
        per_partner[device_id][partner_id] += 1
        local = parse_time(when)
        if local is not None:
            week_channels[device_id][comp.iso_week_label(local.astimezone().date())].add(partner_id)
        value = amended[vid].data.get("score") if vid in amended else score
        if value is not None:
            row.score_sum += float(value)
            row.scored += 1
    minimum = {grade: comp.partner_requirement(rules, grade) for grade in ("A", "B", "C", "D")}
    by_prefix: dict[str, list[tuple[str, int]]] = defaultdict(
        list
    )  # region code → (partner, visits required) inside it
    everyone: list[tuple[str, int]] = []
    for pid, grade, district, city, province in partners:
        code = str(district or city or province or "")
        entry = (pid, minimum.get(grade or "", 0))
        everyone.append(entry)
        for size in range(2, len(code) + 1, 2):
            by_prefix[code[:size]].append(entry)
    for row in devices.values():
        counts = per_partner.get(row.device_id, {})
        row.channels = len(counts)
        row.weeks = {w: len(week_channels[row.device_id].get(w, ())) for w in weeks}
        if week is not None:
            row.required = weekly
            row.done = min(row.channels, weekly)
            continue
        inside = (
            {pid: need for code in row.territory for pid, need in by_prefix.get(code, ())}
            if row.territory
            else dict(everyone)
        )
        for pid, need in inside.items():
            row.required += need
            row.done += min(counts.get(pid, 0), need)
    for device_id, status, deadline in orders:
        if device_id in devices:
            devices[device_id].open_orders += 1
            if status == "overdue" or (
                deadline and str(deadline) < today.isoformat() and status == "open"
            ):
                devices[device_id].overdue_orders += 1
    for device_id, count in warnings:
        if device_id in devices:
            devices[device_id].evidence_warnings = int(count)
    managers = list(devices.values())
    regions: dict[str, dict[str, Any]] = {}
    for row in managers:
        key = ",".join(row.territory) or "-"
        agg = regions.setdefault(
            key,
            {
                "territory": row.territory,
                "managers": 0,
                "visits": 0,
                "required": 0,
                "done": 0,
                "score_sum": 0.0,
                "scored": 0,
                "open_orders": 0,
                "overdue_orders": 0,
                "evidence_warnings": 0,
            },
        )
        agg["managers"] += 1
        for k in (
            "visits",
            "required",
            "done",
            "score_sum",
            "scored",
            "open_orders",
            "overdue_orders",
            "evidence_warnings",
        ):
            agg[k] += getattr(row, k)
    region_rows = []
    for agg in regions.values():
        scored, total = agg.pop("scored"), agg.pop("score_sum")
        region_rows.append({**agg, "average_score": round(total / scored, 1) if scored else None})
    return {
        "weeks": weeks,
        "managers": [r.to_json() for r in managers],
        "regions": sorted(region_rows, key=lambda r: r["territory"]),
        "visit_ids": {r.device_id: r.visit_ids for r in managers},
    }


def ranking(overview: dict[str, Any]) -> list[dict[str, Any]]:
    """The managers ranked for the monthly assessment: share of required visits done,
    then weeks meeting the weekly rule, then average score."""
    rows = []
    for m in overview["managers"]:
        share = round(100.0 * m["done"] / m["required"], 1) if m["required"] else None
        rows.append({**m, "done_percent": share})
    rows.sort(
        key=lambda r: (
            -(r["done_percent"] or 0),
            -r["weeks_met"],
            -(r["average_score"] or 0),
            r["manager"],
        )
    )
    for place, row in enumerate(rows, 1):
        row["place"] = place
    return rows
