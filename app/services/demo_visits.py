"""Demo visits: months of submitted visits per partner with answers, generated store
photos, findings and rectification orders (some overdue), materials counted, each
visit sealed (bulk inserts)."""

from __future__ import annotations

import datetime as dt
import io
import random
from typing import Any

from sqlalchemy import insert, select

from app.domain import checklist as cl
from app.domain.ids import uuid7
from app.domain.sealing import visit_content_hash
from app.services.context import AppContext
from app.services.demo_base import MATERIALS, DemoPartner, base_row, bulk, months_back, person
from db.models import (
    ChecklistTemplate,
    Finding,
    MaterialCount,
    MediaFile,
    RectificationEvent,
    RectificationOrder,
    Visit,
    VisitAnswer,
    VisitPhoto,
)


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


def generate_visits(
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
    first_month = months_back(
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
            next_month = months_back(month, -1)
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
                                **base_row(ctx, now),
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
                            **base_row(ctx, now),
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
                                **base_row(ctx, now),
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
                                **base_row(ctx, now),
                                **at,
                                "id": oid,
                                "partner_id": partner.id,
                                "finding_id": fid,
                                "visit_id": vid,
                                "description": text,
                                "responsible": person(rng),
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
                                **base_row(ctx, now),
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
                        **base_row(ctx, now),
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
                            **base_row(ctx, now),
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
        bulk(s, model, model_rows)
    return len(visits)
