"""A visit's report printed at HQ from HQ's records with the builder the laptop uses
(``app.reports.builders.build_visit_report``): the same layout, content hash and QR code,
photos from HQ's blob store (upright, scaled)."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import formats as fmt
from app.domain.regions import regions
from app.domain.vocabulary import (
    ANSWER,
    EVIDENCE_KIND,
    GRADE,
    RECTIFICATION_STATUS,
    VISIT_STATUS,
    answer_text,
    answer_value_text,
    template_label,
)
from app.hq.read_models import visit_detail
from app.hq.record_query import child_field
from app.i18n import tr
from app.reports.data import (
    AmendmentLine,
    ChecklistLine,
    FindingLine,
    PhotoData,
    VerifiedOrder,
    VisitReportData,
)
from db.hq.models import Record

if TYPE_CHECKING:
    from app.hq.server import Hq

log = logging.getLogger(__name__)
MAX_PX = 1200
MAX_PIXELS = 100_000_000


def _photo(hq: Hq, sha: str | None, caption: str, taken_at: str = "") -> PhotoData | None:
    if not sha:
        return None
    source = hq.blob_dir / sha[:2] / sha
    if not source.exists():
        return PhotoData(caption, taken_at, sha, None)
    from PIL import Image, ImageOps

    try:
        with Image.open(source) as image:
            if image.width * image.height > MAX_PIXELS:
                return PhotoData(caption, taken_at, sha, None)
            image.draft("RGB", (MAX_PX, MAX_PX))
            upright = ImageOps.exif_transpose(image).convert("RGB")
            upright.thumbnail((MAX_PX, MAX_PX))
            buf = io.BytesIO()
            upright.save(buf, "JPEG", quality=78, optimize=True)
    except (OSError, Image.DecompressionBombError) as exc:
        log.warning("cannot read photo %s: %s", sha, exc)
        return PhotoData(caption, taken_at, sha, None)
    return PhotoData(caption, taken_at, sha, buf.getvalue(), upright.width, upright.height)


def _live_data(s: Session, entity: str, key: str, value: str) -> list[dict[str, Any]]:
    """The data of ``entity``'s records not voided whose ``key`` field is ``value``."""
    return [
        r.data
        for r in s.scalars(
            select(Record).where(
                Record.entity == entity, Record.voided.is_(False), child_field(entity, key) == value
            )
        )
    ]


def hq_visit_report_data(hq: Hq, visit_id: str) -> VisitReportData:
    detail = visit_detail(hq, visit_id)
    with hq.sessions() as s:
        visit = s.scalar(select(Record).where(Record.entity == "visit", Record.id == visit_id))
        assert visit is not None
        partner_id = str(visit.data.get("partner_id") or "")
        partner = s.scalar(
            select(Record).where(Record.entity == "partner", Record.id == partner_id)
        )
        pdata = partner.data if partner is not None else {}
        contacts = _live_data(s, "contact", "partner_id", partner_id)
        invoices = _live_data(s, "invoice", "partner_id", partner_id)
        counts = _live_data(s, "material_count", "visit_id", visit_id)
        competitors = _live_data(s, "competitor_observation", "visit_id", visit_id)
    body = visit.data.get("template_body") or {}
    titles = {section.get("key"): section.get("title", "") for section in body.get("sections", [])}
    receivable = sum(int(i.get("amount_fen") or 0) - int(i.get("paid_fen") or 0) for i in invoices)
    limit = int(pdata.get("credit_limit_fen") or 0)
    region = str(
        pdata.get("district_code") or pdata.get("city_code") or pdata.get("province_code") or ""
    )
    address = str(pdata.get("address") or "")
    full = regions().full_name(region) if region else ""
    labels = {item["key"]: item["label"] for item in detail["items"]}
    photos = [
        _photo(
            hq,
            p["sha256"],
            p["original_name"] or p["item_key"] or "",
            fmt.datetime_text(p["taken_at"]),
        )
        for p in detail["photos"]
    ]
    return VisitReportData(
        company=tr("reports", "Headquarters"),
        partner_code=detail["partner_code"],
        partner_name=detail["partner_name"],
        partner_grade=GRADE.label(pdata.get("grade")),
        partner_address=f"{full} {address}".strip() if full and full not in address else address,
        partner_contacts="；".join(
            f"{c.get('name', '')} {c.get('phone', '')}" for c in contacts[:3]
        )
        or "—",
        credit_warning=tr(
            "reports", "Over credit limit: receivable {recv} exceeds limit {limit}."
        ).format(recv=fmt.money_fen(receivable), limit=fmt.money_fen(limit))
        if receivable > limit > 0
        else "",
        manager=detail["manager"] or "—",
        status=VISIT_STATUS.label(detail["status"]),
        checked_in=fmt.datetime_text(detail["started_at"]),
        checked_out=fmt.datetime_text(detail["checked_out_at"]),
        coordinates=f"{detail['latitude']:.5f}, {detail['longitude']:.5f}"
        if detail["latitude"] is not None and detail["longitude"] is not None
        else "—",
        template=template_label(detail["template"], str(body.get("title") or "")),
        score="—" if detail["score"] is None else f"{detail['score']:.1f}",
        section_scores=[
            (titles.get(k, k), f"{v:.0f}")
            for k, v in detail["section_scores"].items()
            if v is not None
        ],
        checklist=[
            ChecklistLine(
                i["section"],
                i["label"],
                answer_text(i),
                f"{i['weight']:g}" if i["kind"] in ("yesno", "score") and i.get("weight") else "",
            )
            for i in detail["items"]
        ],
        findings=[
            FindingLine(
                f["description"],
                fmt.date_text(f["rectification"]["deadline"]) if f["rectification"] else "—",
                f["rectification"]["responsible"] if f["rectification"] else "",
                RECTIFICATION_STATUS.label(f["rectification"]["status"])
                if f["rectification"]
                else "",
            )
            for f in detail["findings"]
        ],
        material_differences=[
            (
                str(c.get("item_name", "")),
                int(c.get("book_quantity") or 0),
                int(c.get("counted_quantity") or 0),
            )
            for c in counts
        ],
        competitor_notes=[
            f"{c.get('brand', '')} {c.get('outlet_name', '')}：{c.get('prices', '')} {c.get('promotions', '')}"
            for c in competitors
        ],
        photos=[p for p in photos if p is not None],
        content_hash=detail["content_hash"] or "",
        amendments=[
            AmendmentLine(
                fmt.datetime_text(a["amended_at"]),
                a["amended_by"],
                a["reason"],
                "；".join(
                    f"{labels.get(k, k)}：{answer_value_text(v)}" for k, v in a["changes"].items()
                ),
                "—" if a["score"] is None else f"{a['score']:.1f}",
                a["content_hash"],
            )
            for a in detail["amendments"]
        ],
        warnings=[
            tr(
                "reports",
                "Photo missing (hash {hash}); the original file is not in the media store.",
            ).format(hash=p.sha256[:12])
            for p in photos
            if p is not None and p.jpeg is None
        ],
        sealed_score="—" if detail["sealed_score"] is None else f"{detail['sealed_score']:.1f}",
        verified_orders=[
            VerifiedOrder(
                o["description"],
                ANSWER.label(o["outcome"]) if o["outcome"] else "—",
                _photo(hq, o["before_photo"], tr("reports", "Before")),
                _photo(hq, o["after_photo"], tr("reports", "After")),
            )
            for o in detail["orders"]
        ],
        evidence=[
            f"{EVIDENCE_KIND.label(e['kind'])} #{e['sha256'][:10]}: {e['detail']}"
            + (f" — {tr('reports', 'explained')}: {e['explanation']}" if e["explanation"] else "")
            for e in detail["evidence"]
        ],
    )


def write_hq_visit_report(hq: Hq, visit_id: str, target: Path) -> Path:
    from app.reports.builders import build_visit_report
    from app.reports.output import write_pdf

    return write_pdf(build_visit_report, hq_visit_report_data(hq, visit_id), target)
