"""Realistic, deterministic Chinese demo data (``channeldesk demo``, first run, benchmarks):
partners of every grade/type/status in real regions (inside the device's territory when
set), contacts, contracts (some expiring), grade history, lifecycle events, complaints,
competitor outlets, the materials ledger, months of submitted visits with answers,
photos, findings and rectifications (some overdue), targets, actuals and receivables.
Bulk Core inserts keep 100 000 partners well under a minute."""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select

from app.domain import checklist as cl
from app.domain.ids import uuid7
from app.domain.region_centres import demo_point
from app.domain.regions import regions
from app.domain.sealing import visit_content_hash
from app.errors import UserError
from app.i18n import tr, trn
from app.services.context import AppContext, Changes, partner_lww_fields
from app.services.progress import Progress
from db.base import utcnow
from db.models import (
    ChecklistTemplate,
    CompetitorObservation,
    Complaint,
    Contact,
    Contract,
    Finding,
    GradeChange,
    LifecycleEvent,
    MaterialCount,
    MaterialLedgerEntry,
    MediaFile,
    Partner,
    RectificationEvent,
    RectificationOrder,
    Visit,
    VisitAnswer,
    VisitPhoto,
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建红文辉力鹏飞宇浩凯俊峰晨阳雪梅琳慧颖婷欣怡佳晓东海波宁"
ROADS = [
    "人民路",
    "解放路",
    "中山路",
    "建设路",
    "和平路",
    "新华路",
    "文化路",
    "胜利路",
    "长江路",
    "黄河路",
    "金桥路",
    "世纪大道",
    "南京路",
    "淮海路",
    "光明街",
    "幸福街",
    "朝阳路",
    "东风路",
    "青年路",
    "花园路",
]
BUSINESS = [
    "通信器材",
    "手机卖场",
    "数码",
    "电子产品",
    "通讯",
    "移动业务",
    "宽带服务",
    "智能终端",
    "家电通讯",
    "信息服务",
]
SUFFIX = {
    "agent": "代理有限公司",
    "dealer": "经营部",
    "franchise": "加盟店",
    "own_store": "自营厅",
    "special": "校园服务中心",
}
COMPETITORS = ["华信通讯", "联众数码", "天翼优选", "迅捷电子", "众诚通信"]
MATERIALS = ["门头灯箱", "海报", "台卡", "易拉宝", "价签夹", "宣传单页"]
PRODUCT_LINES = ["手机终端", "宽带套餐", "智能家居", "配件"]
FALLBACK_PROVINCES = ["31", "11", "44", "33", "32"]


@dataclass(frozen=True)
class DemoPartner:
    id: str
    code: str
    grade: str
    status: str
    district_code: str
    manager: str


def is_data_dir_empty(ctx: AppContext) -> bool:
    """Empty means no partners and no visits (what ``init`` made does not count)."""
    with ctx.read_session() as s:
        return not s.scalar(select(func.count(Partner.id))) and not s.scalar(
            select(func.count(Visit.id))
        )


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _phone(rng: random.Random) -> str:
    return (
        rng.choice(["138", "139", "135", "136", "150", "151", "186", "187", "177", "199"])
        + f"{rng.randrange(10**8):08d}"
    )


def _short(name: str) -> str:
    for tail in ("新区", "区", "县", "市"):
        if name.endswith(tail) and len(name) > len(tail) + 1:
            return name[: -len(tail)]
    return name


def _road_stem(road: str) -> str:
    for tail in ("大道", "路", "街"):
        if road.endswith(tail):
            return road[: -len(tail)]
    return road


def _months_back(first_of_month: dt.date, count: int) -> dt.date:
    """The first day of the month ``count`` months before ``first_of_month`` (negative: after)."""
    index = first_of_month.year * 12 + first_of_month.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def _base_row(ctx: AppContext, now: dt.datetime) -> dict[str, Any]:
    return {"id": uuid7(), "hlc": ctx.tick(), "created_at": now, "updated_at": now, "voided": False}


def _bulk(s: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), 5000):
        s.execute(insert(model), rows[start : start + 5000])


def _demo_photos(ctx: AppContext, rng: random.Random, count: int) -> list[tuple[str, int, int]]:
    """Small generated store photos (JPEG) in the media store: (sha256, width, height)."""
    import hashlib

    from PIL import Image, ImageDraw

    from app.services.media import store_file

    result = []
    for index in range(count):
        image = Image.new(
            "RGB",
            (640, 480),
            (rng.randrange(150, 230), rng.randrange(150, 230), rng.randrange(150, 230)),
        )
        draw = ImageDraw.Draw(image)
        for _ in range(6):
            x, y = rng.randrange(600), rng.randrange(440)
            draw.rectangle(
                (x, y, x + rng.randrange(40, 200), y + rng.randrange(30, 120)),
                fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
            )
        draw.text((20, 20), f"STORE {index:04d}", fill=(20, 20, 20))
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=70)
        data = buf.getvalue()
        sha = hashlib.sha256(data).hexdigest()
        tmp = ctx.paths.tmp / f"demo-{sha}.jpg"
        tmp.write_bytes(data)
        store_file(ctx.paths, tmp, sha)
        tmp.unlink(missing_ok=True)
        result.append((sha, 640, 480))
    return result


def _visit_photo(ctx: AppContext, base_sha: str, visit_id: str) -> tuple[str, int]:
    """A photo of its own for one demo visit, cheaply: a pool photo with the visit's id in
    a JPEG comment segment (other bytes, so another hash; the same pixels), stored in the
    media store. Without it every demo visit carried a "photo used before" warning.
    Returns (sha256, size)."""
    import hashlib

    from app.atomic import Durability, atomic_write

    base = ctx.paths.media_file(base_sha).read_bytes()
    comment = f"ChannelDesk demo visit {visit_id}".encode("ascii")
    data = base[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + base[2:]
    sha = hashlib.sha256(data).hexdigest()
    target = ctx.paths.media_file(sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data, Durability.RENAME)  # demo data, made again by a new demo
    return sha, len(data)


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
    managers = [user] + [_person(rng) for _ in range(3)]
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
            name = f"{_short(district.name)}{_road_stem(rng.choice(ROADS))}{rng.choice(BUSINESS)}{SUFFIX[ptype]}"
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
                        **_base_row(ctx, now),
                        "partner_id": pid,
                        "name": _person(rng),
                        "role": ["店长", "老板", "财务", "店员"][c % 4],
                        "phone": _phone(rng),
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
                    **_base_row(ctx, now),
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
                    **_base_row(ctx, now),
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
                    **_base_row(ctx, now),
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
                        **_base_row(ctx, now),
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
                        **_base_row(ctx, now),
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
                        **_base_row(ctx, now),
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
                        **_base_row(ctx, now),
                        "partner_id": pid,
                        "visit_id": None,
                        "brand": rng.choice(COMPETITORS),
                        "outlet_name": f"{rng.choice(COMPETITORS)}{_short(district.name)}店",
                        "prices": "主推机型比我方低100元",
                        "promotions": "充值送话费",
                        "observed_date": today - dt.timedelta(days=rng.randrange(1, 60)),
                        "source": "巡检",
                    }
                )
            for item in rng.sample(MATERIALS, 3):
                rows[MaterialLedgerEntry].append(
                    {
                        **_base_row(ctx, now),
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
            _bulk(s, model, model_rows)
        report(40, 100, tr("demo", "Creating visits…"))
        visit_count = _generate_visits(ctx, s, rng, demo_partners, months, today, now, user)
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


def _generate_visits(
    ctx: AppContext,
    s: Any,
    rng: random.Random,
    partners: list[DemoPartner],
    months: int,
    today: dt.date,
    now: dt.datetime,
    user: str,
) -> int:
    if months <= 0:
        return 0
    template = s.scalar(
        select(ChecklistTemplate)
        .where(ChecklistTemplate.is_default.is_(True))
        .order_by(ChecklistTemplate.version.desc())
    )
    if template is None:
        return 0
    items = cl.template_items(template.body)
    photos = _demo_photos(ctx, rng, min(60, max(6, len(partners) // 10)))
    for sha, width, height in photos:
        s.execute(
            insert(MediaFile).values(
                sha256=sha,
                size=ctx.paths.media_file(sha).stat().st_size,
                mime="image/jpeg",
                width=width,
                height=height,
                orientation=1,
                added_at=now,
            )
        )
    photo_pool = list(photos)
    rng.shuffle(photo_pool)
    visits, answers, vphotos, findings, orders, events, counts = [], [], [], [], [], [], []
    media: list[dict[str, Any]] = []
    first_month = _months_back(
        today.replace(day=1), months - 1
    )  # ``months`` calendar months, the current one included
    # Nothing happens after this moment: the current month holds only the visits of its
    # days so far, and none of today's visits ends in the future.
    cutoff = (
        min(now, dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), dt.UTC))
        if today >= now.date()
        else dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), dt.UTC)
    )
    visitable = [p for p in partners if p.status in ("active", "suspended", "terminated")]
    for partner in visitable:
        per_month = {"A": 5, "B": 5, "C": 2, "D": 2}[partner.grade]
        month = first_month
        while month <= today:
            next_month = _months_back(month, -1)
            days = (min(next_month, today + dt.timedelta(days=1)) - month).days
            n = (
                max(0, per_month + rng.choice((-2, -1, 0, 0, 1)))
                if partner.status == "active"
                else rng.choice((0, 1))
            )
            n = int(
                n * days / (next_month - month).days + rng.random()
            )  # a month under way: its share so far
            for _ in range(min(n, days)):
                day = month + dt.timedelta(days=rng.randrange(days))
                started = dt.datetime.combine(
                    day, dt.time(rng.randrange(1, 9), rng.randrange(60)), dt.UTC
                )
                ended = started + dt.timedelta(minutes=rng.randrange(20, 90))
                if ended > cutoff:
                    continue
                at = {"created_at": started, "updated_at": ended}
                vid = uuid7()
                values: dict[str, Any] = {}
                for item in items:
                    if item.kind == "yesno":
                        good = rng.random() < 0.88
                        values[item.key] = (
                            item.pass_value
                            if good
                            else ("no" if item.pass_value == "yes" else "yes")
                        )
                        if rng.random() < 0.03 and not item.required:
                            values[item.key] = "na"
                    elif item.kind == "score":
                        values[item.key] = rng.choices(
                            range((item.max or 5) + 1), weights=(1, 1, 3, 8, 14, 10)
                        )[0]
                    elif item.kind == "number":
                        values[item.key] = rng.randrange(5, 120)
                    elif item.kind == "choice":
                        values[item.key] = rng.choice(item.options)
                    elif item.kind == "text":
                        values[item.key] = rng.choice(
                            ["门店整体良好。", "陈列需加强。", "店员积极配合。", ""]
                        )
                    elif item.kind == "photo":
                        if vphotos and rng.random() < 0.02:
                            # meant: now and then a manager hands in an earlier photo
                            sha = vphotos[-1]["sha256"]
                        else:
                            sha, size = _visit_photo(
                                ctx, photo_pool[len(vphotos) % len(photo_pool)][0], vid
                            )
                            media.append(
                                {
                                    "sha256": sha,
                                    "size": size,
                                    "mime": "image/jpeg",
                                    "width": 640,
                                    "height": 480,
                                    "orientation": 1,
                                    "added_at": now,
                                }
                            )
                        values[item.key] = [sha]
                        vphotos.append(
                            {
                                **_base_row(ctx, now),
                                **at,
                                "visit_id": vid,
                                "item_key": item.key,
                                "sha256": sha,
                                "width": 640,
                                "height": 480,
                                "taken_at": started,
                                "latitude": None,
                                "longitude": None,
                                "original_name": f"IMG_{len(vphotos):05d}.jpg",
                                "caption": "",
                            }
                        )
                for key, value in values.items():
                    answers.append(
                        {
                            **_base_row(ctx, now),
                            **at,
                            "visit_id": vid,
                            "item_key": key,
                            "value": value,
                            "comment": "",
                        }
                    )
                visit_findings = []
                for item in items:
                    if cl.is_failure(item, values.get(item.key)):
                        fid = uuid7()
                        text = f"{item.section_title}：{item.label}"
                        visit_findings.append({"item_key": item.key, "description": text})
                        findings.append(
                            {
                                **_base_row(ctx, now),
                                **at,
                                "id": fid,
                                "visit_id": vid,
                                "partner_id": partner.id,
                                "item_key": item.key,
                                "description": text,
                                "severity": "normal",
                                "category": "checklist",
                            }
                        )
                        deadline = day + dt.timedelta(days=7)
                        status = "verified" if deadline < today and rng.random() < 0.7 else "open"
                        oid = uuid7()
                        orders.append(
                            {
                                **_base_row(ctx, now),
                                **at,
                                "id": oid,
                                "partner_id": partner.id,
                                "finding_id": fid,
                                "visit_id": vid,
                                "description": text,
                                "responsible": _person(rng),
                                "deadline": deadline,
                                "status": status,
                                "before_photo_sha256": None,
                                "after_photo_sha256": photo_pool[0][0]
                                if status == "verified"
                                else None,
                                "verified_visit_id": None,
                                "closed_at": started + dt.timedelta(days=6)
                                if status == "verified"
                                else None,
                            }
                        )
                        events.append(
                            {
                                **_base_row(ctx, now),
                                **at,
                                "order_id": oid,
                                "status": "open",
                                "at": started,
                                "note": text,
                                "photo_sha256": None,
                                "visit_id": vid,
                            }
                        )
                head = {
                    "id": vid,
                    "partner_id": partner.id,
                    "template": f"{template.name}@{template.version}",
                    "started_at": started.isoformat(),
                }
                photos_of = [
                    {"sha256": p["sha256"], "item_key": p["item_key"]}
                    for p in vphotos[-1:]
                    if p["visit_id"] == vid
                ]
                visits.append(
                    {
                        **_base_row(ctx, now),
                        **at,
                        "id": vid,
                        "partner_id": partner.id,
                        "template_id": template.id,
                        "template_name": template.name,
                        "template_version": template.version,
                        "template_body": template.body,
                        "status": "submitted",
                        "planned_for": None,
                        "started_at": started,
                        "checked_out_at": ended,
                        "submitted_at": ended,
                        "latitude": None,
                        "longitude": None,
                        "manager": partner.manager,
                        "is_reinspection": False,
                        "notes": "",
                        "score": cl.score(template.body, values).total,
                        "content_hash": visit_content_hash(head, values, photos_of, visit_findings),
                    }
                )
                if rng.random() < 0.2:
                    counts.append(
                        {
                            **_base_row(ctx, now),
                            **at,
                            "visit_id": vid,
                            "partner_id": partner.id,
                            "item_name": MATERIALS[0],
                            "book_quantity": 4,
                            "counted_quantity": rng.choice((4, 4, 3)),
                        }
                    )
            month = next_month
    for model, model_rows in (
        (MediaFile, media),
        (Visit, visits),
        (VisitAnswer, answers),
        (VisitPhoto, vphotos),
        (Finding, findings),
        (RectificationOrder, orders),
        (RectificationEvent, events),
        (MaterialCount, counts),
    ):
        _bulk(s, model, model_rows)
    return len(visits)
