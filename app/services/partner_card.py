"""The partner card (每户一卡) as plain report data: master data, contacts, contracts,
licence, grade and lifecycle history, complaints, competitors nearby and receivable,
printed by ``reports.write_period_report``."""

from __future__ import annotations

from app.domain import formats as fmt
from app.domain.regions import regions
from app.domain.vocabulary import (
    GRADE,
    LIFECYCLE_EVENT,
    PARTNER_STATUS,
    PARTNER_TYPE,
    transition,
)
from app.i18n import tr
from app.reports.data import (
    PeriodReportData,
    Table,
)
from app.services.context import AppContext


def partner_card_data(ctx: AppContext, code: str) -> PeriodReportData:
    from app.services.partner_read import partner_detail

    d = partner_detail(ctx, code)
    p = d.partner
    region = p.district_code or p.city_code or p.province_code or ""
    return PeriodReportData(
        company=ctx.settings.company_name,
        title=tr("reports", "Partner card"),
        subtitle=f"{p.code} · {p.name}",
        figures=[
            (tr("reports", "Name"), p.name),
            (tr("reports", "Code"), p.code),
            (tr("reports", "Type"), PARTNER_TYPE.label(p.type)),
            (tr("reports", "Status"), PARTNER_STATUS.label(p.status)),
            (tr("reports", "Grade"), GRADE.label(p.grade)),
            (tr("reports", "Region"), regions().full_name(region)),
            (tr("reports", "Address"), p.address),
            (tr("reports", "Licence no."), p.licence_no),
            (tr("reports", "Credit rating"), p.credit_rating),
            (tr("reports", "Credit limit"), fmt.money_fen(p.credit_limit_fen)),
            (tr("reports", "Receivable"), fmt.money_fen(d.receivable_fen)),
            (tr("reports", "Manager"), p.manager),
            (tr("reports", "Merged into"), d.survivor_code or "—"),
            (tr("reports", "Tags"), "、".join(p.tags or [])),
        ],
        tables=[
            Table(
                tr("reports", "Contacts"),
                [tr("reports", "Name"), tr("reports", "Role"), tr("reports", "Phone")],
                [[("★ " if c.is_primary else "") + c.name, c.role, c.phone] for c in d.contacts],
            ),
            Table(
                tr("reports", "Contracts"),
                [
                    tr("reports", "Number"),
                    tr("reports", "Type"),
                    tr("reports", "Start"),
                    tr("reports", "End"),
                ],
                [
                    [c.number, c.type, fmt.date_text(c.start_date), fmt.date_text(c.end_date)]
                    for c in d.contracts
                ],
            ),
            Table(
                tr("reports", "Grade history"),
                [
                    tr("reports", "Date"),
                    tr("reports", "From"),
                    tr("reports", "To"),
                    tr("reports", "Reason"),
                ],
                [
                    [fmt.date_text(g.effective_date), g.old_grade or "—", g.new_grade, g.reason]
                    for g in d.grade_history
                ],
            ),
            Table(
                tr("reports", "Lifecycle"),
                [
                    tr("reports", "Date"),
                    tr("reports", "Event"),
                    tr("reports", "Status"),
                    tr("reports", "Reason"),
                ],
                [
                    [
                        fmt.date_text(e.effective_date),
                        LIFECYCLE_EVENT.label(e.kind),
                        transition("partner_status", e.old_status, e.new_status),
                        e.reason,
                    ]
                    for e in d.lifecycle
                ],
            ),
            Table(
                tr("reports", "Complaints"),
                [tr("reports", "Date"), tr("reports", "Category"), tr("reports", "Description")],
                [[fmt.date_text(c.received_date), c.category, c.description] for c in d.complaints],
            ),
            Table(
                tr("reports", "Competitors nearby"),
                [tr("reports", "Date"), tr("reports", "Brand"), tr("reports", "Observation")],
                [
                    [
                        fmt.date_text(c.observed_date),
                        c.brand,
                        f"{c.outlet_name} {c.prices} {c.promotions}",
                    ]
                    for c in d.competitors
                ],
            ),
        ],
    )
