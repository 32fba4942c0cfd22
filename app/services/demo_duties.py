"""Demo data of the manager's duties: two weeks of development records (phones encrypted
like imported ones), each day's callbacks drawn and mostly answered (a few problems that
raise warnings and one escalation), one missed day, closed daily logs with notes and
plans, and today's work under way."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from sqlalchemy import insert, update

from app.domain import duties as rules
from app.domain.ids import uuid7
from app.services.context import AppContext
from db.base import utcnow

PRODUCTS = ["宽带新装", "5G套餐", "融合套餐", "号卡新入网", "预存送机", "宽带续费"]
NOTES = [
    "上午走访3家渠道，下午完成回访。",
    "回访发现一户预存款未到账，已要求渠道限期退还。",
    "协助新网点布置宣传物料。",
    "与代理商核对本月发展量。",
    "处理一件服务态度投诉，客户表示满意。",
]
PLANS = [
    "走访城区A类渠道，检查促销物料。",
    "约谈问题渠道店长。",
    "完成本周发展量通报。",
    "复查整改单。",
    "培训新入职营业员。",
]
DAYS = 14
MISSED_DAY = 4  # days back: its callbacks were left undone


def _phone(rng: random.Random) -> str:
    return (
        rng.choice(["138", "139", "135", "150", "186", "177", "199"])
        + f"{rng.randrange(10**8):08d}"
    )


def generate_duties(
    ctx: AppContext, rng: random.Random, partners: list[Any], today: dt.date
) -> None:
    """Records, callbacks, warnings and logs for up to 30 active partners (a constant
    cost whatever the demo's size)."""
    from app.services import callbacks, daily_log
    from app.services.pii import encrypt_phone, keyed_digest, record_key
    from db.models import CallbackDraw, DevRecord

    chosen = [p for p in partners if p.status == "active"][:30]
    if not chosen:
        return
    key = record_key(ctx)
    assert key is not None
    now = utcnow()
    records: list[dict[str, Any]] = []
    for back in range(DAYS, 0, -1):
        day = today - dt.timedelta(days=back)
        for partner in chosen:
            for _ in range(rng.choice((0, 1, 1, 2, 3, 4))):
                phone, product = _phone(rng), rng.choice(PRODUCTS)
                kind = "new" if rng.random() < 0.7 else "served"
                amount = rng.choice((0, 5000, 10000, 20000, 30000))
                ref = f"KH{rng.randrange(10**7):07d}"
                records.append(
                    {
                        "id": uuid7(),
                        "partner_id": partner.id,
                        "record_date": day,
                        "product": product,
                        "customer_ref": ref,
                        "phone_cipher": encrypt_phone(key, phone),
                        "phone_masked": rules.mask_phone(phone),
                        "amount_fen": amount,
                        "kind": kind,
                        "dedup_key": keyed_digest(
                            key,
                            day.isoformat(),
                            partner.code,
                            product,
                            ref,
                            phone,
                            kind,
                            str(amount),
                        ),
                        "source": "demo",
                        "imported_at": now,
                    }
                )
    with ctx.session() as s:
        s.execute(insert(DevRecord), records)
    problem_partner = chosen[0].id  # repeated problems: its warnings escalate
    local = dt.datetime.now().astimezone().tzinfo
    for back in range(DAYS - 1, -1, -1):
        day = today - dt.timedelta(days=back)
        draw = callbacks.draw_callbacks(ctx, day)
        for index, call in enumerate(draw.calls):
            if (back == MISSED_DAY and index > 0) or (back == 0 and index % 2):
                continue
            roll = rng.random()
            outcome = "confirmed"
            if call.partner_id == problem_partner and back in (6, 3, 1) and index % 3 == 0:
                outcome = rng.choice(("fake", "deposit_withheld"))
            elif roll < 0.015:
                outcome = rng.choice(("fake", "deposit_withheld", "unauthorised_connection"))
            elif roll < 0.04:
                outcome = rng.choice(("unreachable", "refused"))
            when = dt.datetime.combine(
                day, dt.time(10 + index % 7, rng.randrange(60)), local
            ).astimezone(dt.UTC)
            callbacks.record_outcome(
                ctx,
                call.id,
                outcome,
                note="客户确认本人办理" if outcome == "confirmed" else "",
                today=day,
                at=min(when, utcnow()),
            )
        with ctx.session() as s:  # the draw was made that morning
            s.execute(
                update(CallbackDraw)
                .where(CallbackDraw.draw_date == day)
                .values(
                    created_at=min(
                        dt.datetime.combine(day, dt.time(8, 30), local).astimezone(dt.UTC), utcnow()
                    )
                )
            )
        if back > 0 and back != MISSED_DAY:
            daily_log.close_log(ctx, day, note=rng.choice(NOTES), plan=rng.choice(PLANS))
    daily_log.save_log_notes(ctx, today, note="上午完成一半回访。", plan=rng.choice(PLANS))
    _training_and_promotions(ctx, rng, chosen, today)


def _training_and_promotions(
    ctx: AppContext, rng: random.Random, chosen: list[Any], today: dt.date
) -> None:
    """Two trainings held, one planned; a promotion running for a few partners (their
    visits check its materials) and one that ended."""
    from app.services import training

    topics = ["5G套餐营销话术", "宽带装维服务规范", "实名制登记要求", "促销活动执行标准"]
    for n, partner in enumerate(chosen[:3]):
        day = today + dt.timedelta(days=3) if n == 2 else today - dt.timedelta(days=7 * (n + 1))
        tid = training.plan_training(
            ctx, partner.code, topics[n], day, trainer="渠道部讲师", materials="培训手册、考试题"
        ).id
        if n < 2:
            training.record_training(ctx, tid, ["店长", "营业员A", "营业员B"][: 2 + n], held_on=day)
    codes = [p.code for p in chosen[:6]]
    training.add_promotion(
        ctx,
        "冬季宽带续费送好礼",
        today - dt.timedelta(days=5),
        today + dt.timedelta(days=20),
        codes,
        ["活动海报", "台卡", "礼品展示"],
        "续费一年送智能音箱",
    )
    training.add_promotion(
        ctx,
        "国庆5G升级",
        today - dt.timedelta(days=70),
        today - dt.timedelta(days=60),
        codes[:3],
        ["门头横幅"],
    )
