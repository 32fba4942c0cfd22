"""The monthly assessment (月度考核) and the weekly bulletin (按周通报) of the managers as
a PDF: HQ's month or week overview ranked by visits done against the rules, weeks
meeting the weekly rule and average score."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.domain import formats as fmt
from app.hq.overview import period_overview, ranking
from app.i18n import tr
from app.reports.data import PeriodReportData, Table

if TYPE_CHECKING:
    from app.hq.server import Hq


def ranking_data(hq: Hq, period: str, kind: str = "month") -> PeriodReportData:
    """The ranking of ``period``, a month ``YYYY-MM`` or (``kind="week"``) an ISO week."""
    overview = period_overview(hq, kind, period)
    rows = ranking(overview)
    week = kind == "week"
    return PeriodReportData(
        company=tr("reports", "Headquarters"),
        title=tr("reports", "Weekly bulletin of the managers")
        if week
        else tr("reports", "Monthly assessment of the managers"),
        subtitle=fmt.week_text(period) if week else fmt.month_text(period),
        figures=[
            (tr("reports", "Inspections"), str(sum(r["visits"] for r in rows))),
            (tr("reports", "Managers"), str(len(rows))),
        ],
        tables=[
            Table(
                tr("reports", "Ranking"),
                [
                    tr("reports", "Place"),
                    tr("reports", "Manager"),
                    tr("reports", "Visits"),
                    tr("reports", "Done / required"),
                    tr("reports", "Weeks meeting the weekly rule"),
                    tr("reports", "Average score"),
                    tr("reports", "Open rectifications"),
                ],
                [
                    [
                        str(r["place"]),
                        r["manager"] or r["device_id"][:8],
                        str(r["visits"]),
                        f"{r['done']}/{r['required']}",
                        f"{r['weeks_met']}/{len(r['weeks'])}",
                        fmt.number(r["average_score"], 1),
                        str(r["open_orders"]),
                    ]
                    for r in rows
                ],
                tr("reports", "No devices are registered."),
            )
        ],
        empty_message=""
        if rows
        else tr("reports", "No data for this week.")
        if week
        else tr("reports", "No data for this month."),
    )


def write_ranking_report(hq: Hq, period: str, target: Path, kind: str = "month") -> Path:
    from app.reports.builders import build_period_report
    from app.reports.output import write_pdf

    return write_pdf(build_period_report, ranking_data(hq, period, kind), target)
