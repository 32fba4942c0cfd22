"""Realistic, deterministic Chinese demo data (``channeldesk demo``, first run, benchmarks):
partners of every grade/type/status in real regions (inside the device's territory when
set), contacts, contracts (some expiring), grade history, lifecycle events, complaints,
competitor outlets, the materials ledger, months of submitted visits with answers,
photos, findings and rectifications (some overdue), targets, actuals and receivables.
Bulk Core inserts keep 100 000 partners well under a minute. The partners and their
records are made here; the visits by ``demo_visits``, targets, actuals and receivables by
``demo_targets``, the manager's duties by ``demo_duties`` (shared words and row helpers:
``demo_base``)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import func, select

from app.domain.ids import uuid7
from app.domain.region_centres import demo_point
from app.domain.regions import regions
from app.errors import UserError
from app.i18n import tr, trn
from app.services.context import AppContext, Changes, partner_lww_fields
from app.services.demo_base import (
    BUSINESS,
    COMPETITORS,
    FALLBACK_PROVINCES,
    MATERIALS,
    ROADS,
    SUFFIX,
    DemoPartner,
    base_row,
    bulk,
    person,
    phone,
    road_stem,
    short_place,
)
from app.services.demo_visits import generate_visits
from app.services.progress import Progress
from db.base import utcnow
from db.models import (
    CompetitorObservation,
    Complaint,
    Contact,
    Contract,
    GradeChange,
    LifecycleEvent,
    MaterialLedgerEntry,
    Partner,
    Visit,
)


def is_data_dir_empty(ctx: AppContext) -> bool:
    """Empty means no partners and no visits (what ``init`` made does not count)."""
    with ctx.read_session() as s:
        return not s.scalar(select(func.count(Partner.id))) and not s.scalar(
            select(func.count(Visit.id))
        )


def generate_demo(
    ctx: AppContext,
    partners: int = 200,
    months: int = 6,
    seed: int = 1,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> Changes:
    if partners < 1 or partners > 1_000_000:
        raise UserError(tr("demo", "Give between 1 and 1 000 000 partners."))
    if months < 0 or months > 60:
        raise UserError(tr("demo", "Give between 0 and 60 months."))
    if not is_data_dir_empty(ctx):
        raise UserError(
            tr(
                "demo",
                "This data directory already holds partners or visits; demo data only goes into an empty one.",
            )
        )
    rng = random.Random(seed)
    today = today or dt.date.today()
    now = utcnow()
    report = progress or Progress()
    table = regions()
    districts = table.districts_within(ctx.territory) if ctx.territory else []
    districts = districts or [
        d for d in table.districts.values() if d.code[:2] in FALLBACK_PROVINCES
    ]
    districts.sort(key=lambda d: d.code)
    user = ctx.user_name or "渠道经理"
    managers = [user] + [person(rng) for _ in range(3)]
    rows: dict[Any, list[dict[str, Any]]] = {
        m: []
        for m in (
            Partner,
            Contact,
            Contract,
            GradeChange,
            LifecycleEvent,
            Complaint,
            CompetitorObservation,
            MaterialLedgerEntry,
        )
    }
    demo_partners: list[DemoPartner] = []
    types = ["agent", "dealer", "dealer", "franchise", "own_store", "special"]
    # The first partners cover every grade, type and status (CLI.md: "partners of every
    # grade/type/status"); the rest are drawn with realistic weights.
    first_types = ["agent", "dealer", "franchise", "own_store", "special"]
    first_statuses = ["active", "prospect", "suspended", "terminated", "merged"]
    survivors: list[DemoPartner] = []
    # every stamp is taken under the write lock (``ctx.session``): commit order is HLC order
    with ctx.session() as s:
        report(0, 100, tr("demo", "Creating partners…"))
        for index in range(partners):
            district = rng.choice(districts)
            grade = (
                rng.choices("ABCD", weights=(15, 30, 35, 20))[0] if index >= 4 else "ABCD"[index]
            )
            status = (
                rng.choices(first_statuses, weights=(85, 5, 6, 4, 2))[0]
                if index >= 5
                else first_statuses[index]
            )
            ptype = rng.choice(types) if index >= 5 else first_types[index]
            survivor = rng.choice(survivors) if status == "merged" and survivors else None
            if status == "merged" and survivor is None:
                status = "active"
            code = f"QD{district.code}{index + 1:06d}"
            name = f"{short_place(district.name)}{road_stem(rng.choice(ROADS))}{rng.choice(BUSINESS)}{SUFFIX[ptype]}"
            pid = uuid7()
            hlc = ctx.tick()
            point = demo_point(
                district.code, rng
            )  # inside the partner's district (app/domain/region_centres.py)
            fields = dict(
                code=code,
                name=name,
                type=ptype,
                status=status,
                grade=grade,
                province_code=district.code[:2],
                city_code=district.code[:4],
                district_code=district.code,
                address=f"{table.full_name(district.code)}{rng.choice(ROADS)}{rng.randrange(1, 999)}号",
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
                licence_no=f"91{district.code}{rng.randrange(10**9):09d}X",
                credit_rating=rng.choice(["AAA", "AA", "A", "BBB"]),
                credit_limit_fen=rng.choice([5, 10, 20, 50, 100]) * 10_000_00,
                bank_info="",
                tags=rng.sample(["核心", "社区", "校园", "商圈", "新开"], 2),
                notes="",
                manager=rng.choice(managers) if rng.random() < 0.2 else user,
                merged_into_id=survivor.id if survivor is not None else None,
            )
            rows[Partner].append(
                {
                    "id": pid,
                    "hlc": hlc,
                    "created_at": now,
                    "updated_at": now,
                    "voided": False,
                    "field_hlc": {k: hlc for k in partner_lww_fields()},
                    **fields,
                }
            )
            demo_partners.append(
                DemoPartner(pid, code, grade, status, district.code, fields["manager"])
            )
            if status == "active":
                survivors.append(demo_partners[-1])
            for c in range(rng.choice((1, 1, 2, 3))):
                rows[Contact].append(
                    {
                        **base_row(ctx, now),
                        "partner_id": pid,
                        "name": person(rng),
                        "role": ["店长", "老板", "财务", "店员"][c % 4],
                        "phone": phone(rng),
                        "email": "",
                        "is_primary": c == 0,
                    }
                )
            start = today - dt.timedelta(days=rng.randrange(200, 1500))
            end = today + dt.timedelta(
                days=rng.choice(
                    [
                        rng.randrange(3, 8),
                        rng.randrange(20, 31),
                        rng.randrange(60, 90),
                        rng.randrange(120, 700),
                    ]
                )
            )
            rows[Contract].append(
                {
                    **base_row(ctx, now),
                    "partner_id": pid,
                    "number": f"HT-{start.year}-{index + 1:06d}",
                    "type": "渠道合作协议",
                    "start_date": start,
                    "end_date": end,
                    "key_clauses": "授权区域内销售；月度结算；保证金五万元。",
                    "confidentiality_clause": "双方对合作中知悉的商业秘密负有保密义务。",
                    "termination_clause": "严重违规（窜货、虚假业务）可单方解除。",
                    "scan_sha256": None,
                }
            )
            rows[GradeChange].append(
                {
                    **base_row(ctx, now),
                    "partner_id": pid,
                    "old_grade": None,
                    "new_grade": grade,
                    "reason": "初次评级",
                    "effective_date": start,
                    "changed_by": user,
                }
            )
            rows[LifecycleEvent].append(
                {
                    **base_row(ctx, now),
                    "partner_id": pid,
                    "kind": "open",
                    "reason": "签约开通",
                    "effective_date": start,
                    "note": "",
                    "approver": "渠道部",
                    "old_status": "prospect",
                    "new_status": "active",
                    "survivor_id": None,
                    "from_manager": None,
                    "to_manager": None,
                    "from_region": None,
                    "to_region": None,
                    "recorded_by": user,
                }
            )
            if status in ("suspended", "terminated"):
                rows[LifecycleEvent].append(
                    {
                        **base_row(ctx, now),
                        "partner_id": pid,
                        "kind": "suspend" if status == "suspended" else "terminate",
                        "reason": rng.choice(
                            ["连续三个月未达标", "存在窜货行为", "经营者申请", "营业执照过期"]
                        ),
                        "effective_date": today - dt.timedelta(days=rng.randrange(5, 90)),
                        "note": "",
                        "approver": "渠道部",
                        "old_status": "active",
                        "new_status": status,
                        "survivor_id": None,
                        "from_manager": None,
                        "to_manager": None,
                        "from_region": None,
                        "to_region": None,
                        "recorded_by": user,
                    }
                )
            if survivor is not None:
                rows[LifecycleEvent].append(
                    {
                        **base_row(ctx, now),
                        "partner_id": pid,
                        "kind": "merge",
                        "reason": f"并入{survivor.code}（同商圈整合）",
                        "effective_date": today - dt.timedelta(days=rng.randrange(5, 90)),
                        "note": "",
                        "approver": "渠道部",
                        "old_status": "active",
                        "new_status": "merged",
                        "survivor_id": survivor.id,
                        "from_manager": None,
                        "to_manager": None,
                        "from_region": None,
                        "to_region": None,
                        "recorded_by": user,
                    }
                )
            if rng.random() < 0.15:
                rows[Complaint].append(
                    {
                        **base_row(ctx, now),
                        "partner_id": pid,
                        "visit_id": None,
                        "channel": rng.choice(["热线", "门店", "网络"]),
                        "category": rng.choice(["服务态度", "价格", "业务办理"]),
                        "description": "客户反映办理业务等待时间过长。",
                        **_demo_complaint_steps(rng, today, now),
                    }
                )
            if rng.random() < 0.2:
                rows[CompetitorObservation].append(
                    {
                        **base_row(ctx, now),
                        "partner_id": pid,
                        "visit_id": None,
                        "brand": rng.choice(COMPETITORS),
                        "outlet_name": f"{rng.choice(COMPETITORS)}{short_place(district.name)}店",
                        "prices": "主推机型比我方低100元",
                        "promotions": "充值送话费",
                        "observed_date": today - dt.timedelta(days=rng.randrange(1, 60)),
                        "source": "巡检",
                    }
                )
            for item in rng.sample(MATERIALS, 3):
                rows[MaterialLedgerEntry].append(
                    {
                        **base_row(ctx, now),
                        "partner_id": pid,
                        "item_name": item,
                        "kind": "issued",
                        "quantity": rng.randrange(2, 10),
                        "entry_date": today - dt.timedelta(days=rng.randrange(30, 200)),
                        "note": "",
                    }
                )
            if index % 2000 == 0:
                report(index * 40 // partners, 100, tr("demo", "Creating partners…"))
        for model, model_rows in rows.items():
            bulk(s, model, model_rows)
        report(40, 100, tr("demo", "Creating visits…"))
        visit_count = generate_visits(ctx, s, rng, demo_partners, months, today, now, user)
    report(80, 100, tr("demo", "Creating targets and receivables…"))
    if months > 0:  # targets, actuals and receivables need a history
        from app.services import demo_targets

        demo_targets.generate_targets(ctx, rng, demo_partners, months, today)
        from app.services import demo_duties

        demo_duties.generate_duties(ctx, rng, demo_partners, today)
    report(100, 100, "")
    return Changes.of(
        "partner",
        "visit",
        "target",
        note=trn("demo", "%n partner(s)", partners)
        + tr("demo", ", ")
        + trn("demo", "%n visit(s)", visit_count),
    )


def _demo_complaint_steps(rng: random.Random, today: dt.date, now: dt.datetime) -> dict[str, Any]:
    """A complaint's workflow so far: older ones closed with satisfaction, recent ones in
    every state (one in ten answered late)."""
    days = rng.randrange(0, 120)
    received = min(now - dt.timedelta(days=days, hours=rng.randrange(0, 8)), now)
    status = (
        "closed"
        if days > 10
        else rng.choice(["received", "assigned", "responded", "resolved", "closed"])
    )
    steps: dict[str, Any] = {
        "received_date": received.astimezone().date(),
        "received_at": received,
        "status": status,
        "assignee": "",
        "assigned_at": None,
        "responded_at": None,
        "resolved_at": None,
        "closed_at": None,
        "closed_date": None,
        "satisfaction": None,
        "handling": "",
    }
    late = rng.random() < 0.1
    times = {
        "assigned_at": received + dt.timedelta(minutes=20),
        "responded_at": received + dt.timedelta(hours=3 if late else 1),
        "resolved_at": received + dt.timedelta(hours=30),
        "closed_at": received + dt.timedelta(hours=40),
    }
    order = ["assigned_at", "responded_at", "resolved_at", "closed_at"]
    reached = ["received", "assigned", "responded", "resolved", "closed"].index(status)
    for key in order[:reached]:
        steps[key] = min(times[key], now)
    if reached >= 1:
        steps["assignee"] = "店长"
        steps["handling"] = "已约谈店长并培训。"
    if reached >= 3:
        steps["satisfaction"] = rng.choice([3, 4, 5, 5])
    if status == "closed":
        steps["closed_date"] = steps["closed_at"].astimezone().date()
    return steps
