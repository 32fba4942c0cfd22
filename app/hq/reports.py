"""HQ's consolidated reports over the records of every device (the monthly report)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.formats import month_text
from app.domain.vocabulary import WARNING_KIND
from app.errors import ValidationError
from app.i18n import tr
from app.reports.data import PeriodReportData, Table

if TYPE_CHECKING:
    from app.hq.server import Hq


def _amended_scores(hq: Hq) -> dict[str, Any]:
    """Visit id → the score its newest amendment gives (amendments made before amendments
    carried their score are left out)."""
    newest: dict[str, tuple[str, str, Any]] = {}
    for rec in hq.records("visit_amendment"):
        data = rec.data
        if rec.voided or data.get("section_scores") is None:
            continue
        key = (str(data.get("amended_at") or ""), rec.id)
        visit_id = str(data.get("visit_id") or "")
        if visit_id not in newest or key > newest[visit_id][:2]:
            newest[visit_id] = (*key, data.get("score"))
    return {vid: entry[2] for vid, entry in newest.items()}


def hq_month_data(hq: Hq, month: str) -> PeriodReportData:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise ValidationError(
            tr("reports", "Give the month as YYYY-MM, e.g. 2026-03 (got {value}).").format(
                value=month
            )
        )
    partners = {r.id: r.data for r in hq.records("partner")}
    devices = {d["device_id"]: d for d in hq.stats()["devices"]}
    per_device: dict[str, list[float]] = defaultdict(list)
    per_partner: dict[str, int] = defaultdict(int)
    amended = _amended_scores(hq)
    for rec in hq.records("visit"):
        started = str(rec.data.get("started_at") or "")
        if not started.startswith(month):
            continue
        score = amended[rec.id] if rec.id in amended else rec.data.get("score")
        per_device[rec.device_id].append(float(score or 0))
        per_partner[rec.data.get("partner_id", "")] += 1
    orders = [
        r
        for r in hq.records("rectification_order")
        if str(r.data.get("deadline", "")).startswith(month)
    ]
    open_orders = [
        r
        for r in orders
        if r.data.get("status") in ("open", "overdue", "escalated", "reported_fixed")
    ]
    total = sum(len(v) for v in per_device.values())
    calls = [
        r
        for r in hq.records("callback_call")
        if str(r.data.get("called_at") or "").startswith(month) and not r.voided
    ]
    warnings = [
        r
        for r in hq.records("partner_warning")
        if str(r.data.get("warned_on", "")).startswith(month) and not r.voided
    ]
    logs = [
        r
        for r in hq.records("daily_log")
        if str(r.data.get("log_date", "")).startswith(month) and r.data.get("closed")
    ]
    per_partner_warnings: dict[str, list[str]] = defaultdict(list)
    for w in warnings:
        per_partner_warnings[w.data.get("partner_id", "")].append(str(w.data.get("kind", "")))
    return PeriodReportData(
        company=tr("reports", "Headquarters"),
        title=tr("reports", "Consolidated monthly report"),
        subtitle=month_text(month),
        figures=[
            (tr("reports", "Inspections"), str(total)),
            (tr("reports", "Devices reporting"), str(len(per_device))),
            (tr("reports", "Partners visited"), str(len(per_partner))),
            (tr("reports", "Rectifications due"), str(len(orders))),
            (tr("reports", "Still open"), str(len(open_orders))),
            (tr("reports", "Callbacks recorded"), str(len(calls))),
            (tr("reports", "Warnings raised"), str(len(warnings))),
            (tr("reports", "Daily logs closed"), str(len(logs))),
        ],
        tables=[
            Table(
                tr("reports", "Inspections per manager"),
                [
                    tr("reports", "Manager"),
                    tr("reports", "Device"),
                    tr("reports", "Visits"),
                    tr("reports", "Average score"),
                ],
                [
                    [
                        devices.get(d, {}).get("user", ""),
                        d[:8],
                        str(len(scores)),
                        f"{sum(scores) / len(scores):.1f}",
                    ]
                    for d, scores in sorted(per_device.items())
                ],
                tr("reports", "No inspections were received for this month."),
            ),
            Table(
                tr("reports", "Visits per partner"),
                [tr("reports", "Partner"), tr("reports", "Visits")],
                [
                    [
                        f"{partners.get(pid, {}).get('code', pid[:8])} {partners.get(pid, {}).get('name', '')}",
                        str(n),
                    ]
                    for pid, n in sorted(per_partner.items(), key=lambda kv: -kv[1])
                ],
            ),
            Table(
                tr("reports", "Warnings per partner"),
                [tr("reports", "Partner"), tr("reports", "Warnings"), tr("reports", "Kinds")],
                [
                    [
                        f"{partners.get(pid, {}).get('code', pid[:8])} {partners.get(pid, {}).get('name', '')}",
                        str(len(kinds)),
                        "、".join(sorted({WARNING_KIND.label(k) for k in kinds})),
                    ]
                    for pid, kinds in sorted(
                        per_partner_warnings.items(), key=lambda kv: -len(kv[1])
                    )
                ],
                tr("reports", "No warnings."),
            ),
        ],
        empty_message=tr("reports", "No data for this month.") if total == 0 else "",
    )


def write_hq_month_report(hq: Hq, month: str, target: Path) -> Path:
    from app.reports.builders import build_period_report
    from app.reports.output import write_pdf

    return write_pdf(build_period_report, hq_month_data(hq, month), target)
