"""The visit inspection report's plain data (``visit_report_data``) and the writing of
every report PDF (the visit report; the period reports of ``period_reports`` and the
partner card of ``partner_card`` through ``write_period_report``). Photos are scaled
once (Pillow draft + thumbnail, EXIF-upright) and the scaled JPEG cached by hash."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from pathlib import Path
from typing import Any

from app.atomic import Durability, atomic_write
from app.domain import formats as fmt
from app.domain.regions import regions
from app.domain.vocabulary import (
    ANSWER,
    EVIDENCE_KIND,
    GRADE,
    RECTIFICATION_STATUS,
    VISIT_STATUS,
    answer_value_text,
    answer_words,
)
from app.domain.vocabulary import template_label as vocab_template_label
from app.i18n import tr
from app.reports.data import (
    AmendmentLine,
    ChecklistLine,
    FindingLine,
    PeriodReportData,
    PhotoData,
    VerifiedOrder,
    VisitReportData,
)
from app.reports.output import write_pdf
from app.services.context import AppContext

log = logging.getLogger(__name__)


def scaled_photo(
    ctx: AppContext, sha256: str, max_px: int | None = None
) -> tuple[bytes, int, int] | None:
    """Upright JPEG of at most ``max_px`` on the long side, cached; None if the original is
    gone. A cached copy's size is read from its frame header (no Pillow); one whose header
    cannot be read is made again."""
    max_px = max_px or ctx.settings.photo_report_max_px
    cached = ctx.paths.scaled_image_file(sha256, max_px)
    try:
        data = cached.read_bytes()
    except FileNotFoundError:
        pass
    else:
        size = jpeg_size(data)
        if size is not None:
            return data, size[0], size[1]
        log.warning("cached scaled photo %s is damaged: made again", cached.name)
    from PIL import ImageOps

    from app.services.media import pillow, too_many_pixels

    Image = pillow()
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


# JPEG markers that start a frame header (SOF0-SOF15 less DHT, JPG and DAC)
_FRAME_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_STANDALONE_MARKERS = frozenset([0x01, *range(0xD0, 0xD9)])  # TEM, RSTn, SOI: no length


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a JPEG's frame header, or None when ``data`` has none (not
    a JPEG, or cut off before it). Walks the marker segments by their lengths."""
    if data[:2] != b"\xff\xd8":
        return None
    at, end = 2, len(data)
    while at + 4 <= end:
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte before a marker
            at += 1
            continue
        if marker in _STANDALONE_MARKERS:
            at += 2
            continue
        if marker in _FRAME_MARKERS:
            if at + 9 > end:
                return None
            height = int.from_bytes(data[at + 5 : at + 7], "big")
            width = int.from_bytes(data[at + 7 : at + 9], "big")
            return (width, height) if width and height else None
        if marker == 0xD9:  # end of image before any frame
            return None
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return None


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


def write_period_report(data: PeriodReportData, target: Path) -> Path:
    from app.reports.builders import build_period_report

    return write_pdf(build_period_report, data, target)
