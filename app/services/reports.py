"""Gathers plain report data from the database and writes the PDFs: visit inspection
report, weekly inspection log (巡检日志), monthly assessment (月度考核报告) and the partner
card (每户一卡). Photos are scaled once (Pillow draft + thumbnail, EXIF-upright) and the
scaled JPEG cached by hash."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.atomic import Durability, atomic_write
from app.domain import compliance as comp
from app.domain import formats as fmt
from app.domain.rectification import effective_status
from app.domain.regions import regions
from app.domain.vocabulary import (
    ANSWER,
    EVIDENCE_KIND,
    GRADE,
    LIFECYCLE_EVENT,
    METRIC,
    PARTNER_STATUS,
    PARTNER_TYPE,
    RECTIFICATION_STATUS,
    VISIT_STATUS,
    answer_value_text,
    answer_words,
    transition,
)
from app.domain.vocabulary import template_label as vocab_template_label
from app.errors import ValidationError
from app.i18n import tr
from app.reports.data import (
    AmendmentLine,
    ChecklistLine,
    FindingLine,
    PeriodReportData,
    PhotoData,
    Table,
    VerifiedOrder,
    VisitReportData,
)
from app.reports.output import write_pdf
from app.services.amendments import current_score
from app.services.context import AppContext
from app.services.progress import Progress
from app.services.sql_values import db_datetime
from app.services.visit_list import CURRENT_SCORE
from db.models import (
    CompetitorObservation,
    Complaint,
    Finding,
    LifecycleEvent,
    Partner,
    RectificationOrder,
    Visit,
)

log = logging.getLogger(__name__)


def scaled_photo(
    ctx: AppContext, sha256: str, max_px: int | None = None
) -> tuple[bytes, int, int] | None:
    """Upright JPEG of at most ``max_px`` on the long side, cached; None if the original is gone."""
    from PIL import ImageOps

    from app.services.media import pillow, too_many_pixels

    Image = pillow()
    max_px = max_px or ctx.settings.photo_report_max_px
    cached = ctx.paths.scaled_image_file(sha256, max_px)
    try:
        data = cached.read_bytes()
    except FileNotFoundError:
        pass
    else:
        with Image.open(io.BytesIO(data)) as image:  # its size from the header, read once
            return data, image.width, image.height
    source = ctx.paths.media_file(sha256)
    if not source.exists():
        return None
    try:
        with Image.open(source) as image:
            if too_many_pixels(
                image
            ):  # stored by an older ChannelDesk: left out rather than gigabytes
                log.warning(
                    "photo %s is too large to decode (%d x %d)", sha256, image.width, image.height
                )
                return None
            image.draft("RGB", (max_px, max_px))  # a JPEG is decoded already scaled down
            upright = ImageOps.exif_transpose(image).convert("RGB")
            upright.thumbnail((max_px, max_px))
            buf = io.BytesIO()
            upright.save(buf, "JPEG", quality=78, optimize=True)
            width, height = upright.size
    except (OSError, Image.DecompressionBombError) as exc:
        log.warning("cannot read photo %s: %s", sha256, exc)
        return None
    data = buf.getvalue()
    cached.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(cached, data, Durability.RENAME)  # a cache, made again on demand
    return data, width, height


def _local(moment: dt.datetime | str | None) -> str:
    return fmt.datetime_text(moment)


def template_label(name: str, body: dict[str, Any] | None = None) -> str:
    """``vocabulary.template_label`` with the title taken from a template body."""
    return vocab_template_label(name, str((body or {}).get("title") or ""))


def _photo_data(ctx: AppContext, sha: str | None, caption: str) -> PhotoData | None:
    """A photo for the report by its hash (None without one; a missing original shows as missing)."""
    if not sha:
        return None
    scaled = scaled_photo(ctx, sha)
    if scaled is None:
        return PhotoData(caption, "", sha, None)
    data, width, height = scaled
    return PhotoData(caption, "", sha, data, width, height)


MONEY_METRICS = ("revenue", "collections")


def _target_label(label: str) -> tuple[str, bool]:
    """ "回款 3201" (metric name and region code) as "回款 南京市", and whether it is money."""
    name, _sep, scope = label.rpartition(" ")
    if not name:
        name, scope = label, ""
    key = METRIC.key_for(name)
    region = regions().short_name(scope) if scope.isdigit() else scope
    return f"{METRIC.label(key) if key else name} {region}".strip(), key in MONEY_METRICS


def visit_report_data(ctx: AppContext, visit_id: str) -> VisitReportData:
    from app.services.visit_read import read_visit

    detail = read_visit(ctx, visit_id)
    # the card, contacts, receivable, material counts and competitor notes: plain sqlite3
    # (a warm report of six photos spent a fifth of its time in the ORM here)
    ((body_text, partner_id),) = ctx.read_sql(
        "SELECT template_body, partner_id FROM visit WHERE id = ?", (visit_id,)
    )
    template_body = (json.loads(body_text) if isinstance(body_text, str) else body_text) or {}
    ((code, name, grade, district, city, province, address, credit_limit_fen),) = ctx.read_sql(
        "SELECT code, name, grade, district_code, city_code, province_code, address, "
        "credit_limit_fen FROM partner WHERE id = ?",
        (partner_id,),
    )
    contacts = ctx.read_sql(
        "SELECT name, phone FROM contact WHERE partner_id = ? AND voided = 0 "
        "ORDER BY is_primary DESC, created_at",
        (partner_id,),
    )
    receivable = int(
        ctx.read_sql(
            "SELECT coalesce(sum(amount_fen - paid_fen), 0) FROM invoice "
            "WHERE partner_id = ? AND voided = 0",
            (partner_id,),
        )[0][0]
        or 0
    )
    counts = ctx.read_sql(
        "SELECT item_name, book_quantity, counted_quantity FROM material_count "
        "WHERE visit_id = ? AND voided = 0 ORDER BY item_name",
        (visit_id,),
    )
    competitors = ctx.read_sql(
        "SELECT brand, outlet_name, prices, promotions FROM competitor_observation "
        "WHERE visit_id = ? ORDER BY rowid",
        (visit_id,),
    )
    section_titles = {}
    for section in template_body.get("sections", []):
        section_titles[section.get("key")] = section.get("title", "")
    checklist = []
    for item in detail.items:
        points = ""
        if item.kind in ("yesno", "score") and item.weight:
            points = f"{item.weight:g}"
        answer = answer_words(item.kind, item.answer, item.maximum)
        checklist.append(ChecklistLine(item.section, item.label, answer, points))
    photos, warnings = [], []
    for photo in detail.photos:
        scaled = scaled_photo(ctx, photo.sha256)
        if scaled is None:
            if ctx.paths.media_file(
                photo.sha256
            ).exists():  # stored, but too large (or damaged) to decode
                warnings.append(
                    tr(
                        "reports",
                        "Photo left out (hash {hash}): the image is too large or damaged to print.",
                    ).format(hash=photo.sha256[:12])
                )
            else:
                warnings.append(
                    tr(
                        "reports",
                        "Photo missing (hash {hash}); the original file is not in the media store.",
                    ).format(hash=photo.sha256[:12])
                )
            photos.append(
                PhotoData(
                    photo.original_name or photo.item_key or "",
                    _local(photo.taken_at),
                    photo.sha256,
                    None,
                )
            )
        else:
            data, width, height = scaled
            photos.append(
                PhotoData(
                    photo.original_name or photo.item_key or "",
                    _local(photo.taken_at),
                    photo.sha256,
                    data,
                    width,
                    height,
                )
            )
    verified_orders = [
        VerifiedOrder(
            o.description,
            (ANSWER.label(o.outcome) if o.outcome else "—") + (f"：{o.note}" if o.note else ""),
            _photo_data(ctx, o.before_photo, tr("reports", "Before")),
            _photo_data(ctx, o.after_photo, tr("reports", "After")),
        )
        for o in detail.orders
    ]
    region = district or city or province or ""
    over = receivable > credit_limit_fen > 0
    item_labels = {item.key: item.label for item in detail.items}
    return VisitReportData(
        company=ctx.settings.company_name,
        partner_code=code,
        partner_name=name,
        partner_grade=GRADE.label(grade),
        partner_address=f"{regions().full_name(region)} {address}".strip()
        if region and regions().full_name(region) not in address
        else address,
        partner_contacts="；".join(f"{c_name} {c_phone}" for c_name, c_phone in contacts[:3])
        or "—",
        credit_warning=tr(
            "reports", "Over credit limit: receivable {recv} exceeds limit {limit}."
        ).format(recv=fmt.money_fen(receivable), limit=fmt.money_fen(credit_limit_fen))
        if over
        else "",
        manager=detail.manager or ctx.user_name or "—",
        status=VISIT_STATUS.label(detail.status),
        checked_in=_local(detail.started_at),
        checked_out=_local(detail.checked_out_at),
        coordinates=f"{detail.latitude:.5f}, {detail.longitude:.5f}"
        if detail.latitude is not None
        else "—",
        template=template_label(detail.template, template_body),
        score="—" if detail.score is None else f"{detail.score:.1f}",
        section_scores=[
            (section_titles.get(k, k), "—" if v is None else f"{v:.0f}")
            for k, v in detail.section_scores.items()
            if v is not None
        ],
        checklist=checklist,
        findings=[
            FindingLine(
                f.description,
                fmt.date_text(f.rectification.deadline) if f.rectification else "—",
                f.rectification.responsible if f.rectification else "",
                RECTIFICATION_STATUS.label(f.rectification.status) if f.rectification else "",
            )
            for f in detail.findings
        ],
        material_differences=[(item, book, counted) for item, book, counted in counts],
        competitor_notes=[
            f"{brand} {outlet}：{prices} {promotions}"
            for brand, outlet, prices, promotions in competitors
        ],
        photos=photos,
        content_hash=detail.content_hash or "",
        amendments=[
            AmendmentLine(
                _local(a.amended_at),
                a.amended_by,
                a.reason,
                "；".join(
                    f"{item_labels.get(k, k)}：{answer_value_text(v)}" for k, v in a.changes.items()
                ),
                "—" if a.score is None else f"{a.score:.1f}",
                a.content_hash,
            )
            for a in detail.amendments
        ],
        verified_orders=verified_orders,
        evidence=[
            f"{EVIDENCE_KIND.label(e.kind)} #{e.sha256[:10]}: {e.detail}"
            + (f" — {tr('reports', 'explained')}: {e.explanation}" if e.explanation else "")
            for e in detail.evidence
        ],
        sealed_score="—" if detail.sealed_score is None else f"{detail.sealed_score:.1f}",
        warnings=warnings,
    )


def write_visit_report(ctx: AppContext, visit_id: str, target: Path) -> Path:
    from app.reports.builders import build_visit_report

    return write_pdf(build_visit_report, visit_report_data(ctx, visit_id), target)


def _day_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Local midnights, as ``visits list --month`` and ``compliance`` count days."""
    from app.services.visits import local_midnights

    lo, hi = local_midnights(start, end)
    return lo, hi


def week_label_default() -> str:
    return comp.iso_week_label(dt.date.today())


def weekly_log_data(ctx: AppContext, week: str | None = None) -> PeriodReportData:
    week = week or week_label_default()
    if not re.fullmatch(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])", week):
        raise ValidationError(
            tr("reports", "Give the week as YYYY-Www, e.g. 2026-W07 (got {value}).").format(
                value=week
            )
        )
    try:
        start, end = comp.week_bounds(week)
    except ValueError as exc:
        raise ValidationError(
            tr("reports", "{value} is not a valid ISO week.").format(value=week)
        ) from exc
    lo, hi = _day_range(start, end)
    with ctx.read_session() as s:
        visits = list(
            s.execute(
                select(Visit, Partner.code, Partner.name, current_score())
                .join(Partner, Partner.id == Visit.partner_id)
                .where(Visit.status == "submitted", Visit.started_at >= lo, Visit.started_at < hi)
                .order_by(Visit.started_at)
            )
        )
        raised = list(
            s.execute(
                select(RectificationOrder, Partner.code)
                .join(Partner, Partner.id == RectificationOrder.partner_id)
                .where(
                    RectificationOrder.created_at >= lo,
                    RectificationOrder.created_at < hi,
                    RectificationOrder.voided.is_(False),
                )
            )
        )
        closed = (
            s.scalar(
                select(func.count()).where(
                    RectificationOrder.closed_at >= lo,
                    RectificationOrder.closed_at < hi,
                    RectificationOrder.voided.is_(False),
                )
            )
            or 0
        )
        open_orders = list(
            s.execute(
                select(RectificationOrder, Partner.code, Partner.name)
                .join(Partner, Partner.id == RectificationOrder.partner_id)
                .where(
                    RectificationOrder.status.in_(
                        ("open", "reported_fixed", "overdue", "escalated")
                    ),
                    RectificationOrder.voided.is_(False),
                )
                .order_by(RectificationOrder.deadline)
            )
        )
        findings_raised = (
            s.scalar(
                select(func.count(Finding.id))
                .join(Visit, Visit.id == Finding.visit_id)
                .where(Visit.started_at >= lo, Visit.started_at < hi, Finding.voided.is_(False))
            )
            or 0
        )
        rules = [
            comp.Rule(r.scope, r.grade, r.period, r.min_visits)
            for r in s.scalars(
                select(__import__("db.models", fromlist=["FrequencyRule"]).FrequencyRule)
            )
        ]
    required = comp.manager_weekly_requirement(rules)
    # the weekly rule (seed 001: 每周至少巡检 3 个渠道) counts distinct channels this user inspected
    channels = len(
        {v.partner_id for v, _code, _name, _score in visits if v.manager == ctx.user_name}
    )
    today = dt.date.today()
    return PeriodReportData(
        company=ctx.settings.company_name,
        title=tr("reports", "Weekly inspection log"),
        subtitle=(
            f"{fmt.week_text(week)} ({fmt.date_text(start)} – "
            f"{fmt.date_text(end - dt.timedelta(days=1))}) · {ctx.user_name}"
        ),
        figures=[
            (tr("reports", "Inspections"), str(len(visits))),
            (tr("reports", "Channels you inspected"), str(channels)),
            (tr("reports", "Required per week"), str(required)),
            (
                tr("reports", "Rule met"),
                tr("reports", "Yes") if channels >= required else tr("reports", "No"),
            ),
            (tr("reports", "Findings raised"), str(findings_raised)),
            (tr("reports", "Rectifications raised"), str(len(raised))),
            (tr("reports", "Rectifications closed"), str(closed)),
        ],
        tables=[
            Table(
                tr("reports", "Visits"),
                [tr("reports", "Time"), tr("reports", "Partner"), tr("reports", "Score")],
                [
                    [
                        v.started_at.astimezone().strftime("%m-%d %H:%M"),
                        f"{code} {name}",
                        "—" if score is None else f"{score:.1f}",
                    ]
                    for v, code, name, score in visits
                ],
                tr("reports", "No inspections were recorded this week."),
            ),
            Table(
                tr("reports", "Open rectifications"),
                [
                    tr("reports", "Description"),
                    tr("reports", "Partner"),
                    tr("reports", "Deadline"),
                    tr("reports", "Status"),
                ],
                [
                    [
                        o.description,
                        f"{code} {name}",
                        fmt.date_text(o.deadline),
                        RECTIFICATION_STATUS.label(effective_status(o.status, o.deadline, today)),
                    ]
                    for o, code, name in open_orders[:200]
                ],
                tr("reports", "No open rectifications."),
            ),
        ],
        empty_message=tr("reports", "No inspections were recorded in this week.")
        if not visits
        else "",
    )


def monthly_data(
    ctx: AppContext, month: str | None = None, progress: Progress | None = None
) -> PeriodReportData:
    from app.services.visits import compliance

    month = month or dt.date.today().strftime("%Y-%m")
    data = compliance(ctx, month)
    start, end = comp.month_bounds(month)
    lo, hi = _day_range(start, end)
    if progress is not None:
        progress(1, 4, tr("reports", "Visits…"))
    with ctx.read_session() as s:
        grades = {code: grade for code, grade in s.execute(select(Partner.code, Partner.grade))}
        # one aggregate over the month's visits, walked by start time (``+status``: most
        # visits are submitted, so the status index would read nearly all of them)
        visits_n, avg = ctx.read_sql(
            f"SELECT count(*), avg({CURRENT_SCORE}) FROM visit v WHERE +v.status = 'submitted' "
            "AND v.started_at >= ? AND v.started_at < ?",
            (db_datetime(lo), db_datetime(hi)),
        )[0]
        opened = (
            s.scalar(
                select(func.count(RectificationOrder.id)).where(
                    RectificationOrder.created_at >= lo,
                    RectificationOrder.created_at < hi,
                    RectificationOrder.voided.is_(False),
                )
            )
            or 0
        )
        closed = (
            s.scalar(
                select(func.count(RectificationOrder.id)).where(
                    RectificationOrder.closed_at >= lo, RectificationOrder.closed_at < hi
                )
            )
            or 0
        )
        overdue = (
            s.scalar(
                select(func.count(RectificationOrder.id)).where(
                    RectificationOrder.status.in_(("open", "overdue")),
                    RectificationOrder.deadline < min(end, dt.date.today()),
                    RectificationOrder.voided.is_(False),
                )
            )
            or 0
        )
        lifecycle = list(
            s.execute(
                select(LifecycleEvent, Partner.code, Partner.name)
                .join(Partner, Partner.id == LifecycleEvent.partner_id)
                .where(LifecycleEvent.effective_date >= start, LifecycleEvent.effective_date < end)
                .order_by(LifecycleEvent.effective_date)
            )
        )
        complaints = list(
            s.execute(
                select(Complaint, Partner.code)
                .join(Partner, Partner.id == Complaint.partner_id)
                .where(Complaint.received_date >= start, Complaint.received_date < end)
            )
        )
        competitors = list(
            s.execute(
                select(CompetitorObservation, Partner.code)
                .join(Partner, Partner.id == CompetitorObservation.partner_id)
                .where(
                    CompetitorObservation.observed_date >= start,
                    CompetitorObservation.observed_date < end,
                )
            )
        )
    if progress is not None:
        progress(2, 4, tr("reports", "Compliance…"))
    per_grade: dict[str, list[int]] = {}
    for row in data["partners"]:
        acc = per_grade.setdefault(row["grade"], [0, 0, 0, 0])
        acc[0] += 1
        acc[1] += row["required"]
        acc[2] += row["done"]
        acc[3] += row["shortfall"] == 0
    chart: list[tuple[str, float, float]] = []
    target_rows: list[list[str]] = []
    try:
        from app.services import targets as targets_service

        summary = targets_service.month_targets_summary(ctx, month)
        for r in summary:
            label, money = _target_label(r.label)
            amount = fmt.money_yuan if money else (lambda v: fmt.number(v, 0))
            target_rows.append([label, amount(r.target), amount(r.actual), fmt.percent(r.progress)])
            if (
                money and len(chart) < 12
            ):  # the chart compares money only, in 万元 (one unit per axis)
                chart.append((label, r.target / fmt.WAN, r.actual / fmt.WAN))
    except (ImportError, AttributeError):
        pass
    if progress is not None:
        progress(3, 4, tr("reports", "Writing…"))
    shortfalls = [r for r in data["partners"] if r["shortfall"]]
    empty = visits_n == 0 and not data["partners"]
    return (
        PeriodReportData(
            company=ctx.settings.company_name,
            title=tr("reports", "Monthly assessment report"),
            subtitle=f"{fmt.month_text(month)} · {ctx.user_name}",
            figures=[
                (tr("reports", "Inspections"), str(visits_n)),
                (tr("reports", "Average score"), "—" if avg is None else f"{avg:.1f}"),
                (
                    tr("reports", "Partners meeting frequency"),
                    f"{sum(1 for r in data['partners'] if not r['shortfall'])} / {len(data['partners'])}",
                ),
                (tr("reports", "Rectifications opened"), str(opened)),
                (tr("reports", "Rectifications closed"), str(closed)),
                (tr("reports", "Rectifications overdue"), str(overdue)),
            ],
            tables=[
                Table(
                    tr("reports", "Visits vs frequency rules by grade"),
                    [
                        tr("reports", "Grade"),
                        tr("reports", "Partners"),
                        tr("reports", "Required"),
                        tr("reports", "Done"),
                        tr("reports", "Compliant"),
                    ],
                    [
                        [GRADE.label(g), str(v[0]), str(v[1]), str(v[2]), str(v[3])]
                        for g, v in sorted(per_grade.items())
                    ],
                ),
                Table(
                    tr("reports", "Partners below the visit frequency"),
                    [
                        tr("reports", "Partner"),
                        tr("reports", "Grade"),
                        tr("reports", "Required"),
                        tr("reports", "Done"),
                        tr("reports", "Shortfall"),
                    ],
                    [
                        [
                            r["partner_code"],
                            r["grade"],
                            str(r["required"]),
                            str(r["done"]),
                            str(r["shortfall"]),
                        ]
                        for r in shortfalls
                    ],
                    tr("reports", "Every partner met the rule."),
                ),
                Table(
                    tr("reports", "Weekly inspections"),
                    [
                        tr("reports", "Week"),
                        tr("reports", "Required"),
                        tr("reports", "Done"),
                        tr("reports", "Shortfall"),
                    ],
                    [
                        [
                            fmt.week_text(w["week"]),
                            str(w["required"]),
                            str(w["done"]),
                            str(w["shortfall"]),
                        ]
                        for w in data["weeks"]
                    ],
                ),
                Table(
                    tr("reports", "Targets vs actuals"),
                    [
                        tr("reports", "Metric"),
                        tr("reports", "Target"),
                        tr("reports", "Actual"),
                        tr("reports", "Progress"),
                    ],
                    target_rows,
                    tr("reports", "No targets for this month."),
                ),
                Table(
                    tr("reports", "Partner lifecycle changes"),
                    [
                        tr("reports", "Partner"),
                        tr("reports", "Event"),
                        tr("reports", "Date"),
                        tr("reports", "Reason"),
                    ],
                    [
                        [
                            f"{code} {name}",
                            LIFECYCLE_EVENT.label(e.kind),
                            fmt.date_text(e.effective_date),
                            e.reason,
                        ]
                        for e, code, name in lifecycle
                    ],
                ),
                Table(
                    tr("reports", "Complaints"),
                    [
                        tr("reports", "Partner"),
                        tr("reports", "Category"),
                        tr("reports", "Description"),
                    ],
                    [[code, c.category, c.description] for c, code in complaints],
                ),
                Table(
                    tr("reports", "Competitor notes"),
                    [
                        tr("reports", "Partner"),
                        tr("reports", "Brand"),
                        tr("reports", "Observation"),
                    ],
                    [[code, c.brand, f"{c.prices} {c.promotions}"] for c, code in competitors],
                ),
            ],
            empty_message=tr("reports", "No data for this month.") if empty else "",
            chart=chart,
            chart_title=tr("reports", "Targets vs actuals ({unit})").format(unit=fmt.wan_unit()),
        )
        if grades is not None
        else PeriodReportData(ctx.settings.company_name, "", "", [], [])
    )


def partner_card_data(ctx: AppContext, code: str) -> PeriodReportData:
    from app.services.partners import partner_detail

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


def write_period_report(data: PeriodReportData, target: Path) -> Path:
    from app.reports.builders import build_period_report

    return write_pdf(build_period_report, data, target)
