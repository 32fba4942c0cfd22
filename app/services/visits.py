"""Store-inspection actions: start a visit (check-in), answer checklist items (each answer
is committed at once, so a crash loses at most the field being typed), attach photos,
raise findings → rectification orders, count promotion materials, submit (seal with a
content hash), amend a sealed visit. Materials counting is in ``visit_materials``, orders in
``rectifications``, reading in ``visit_read`` (re-exported here)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import checklist as cl
from app.domain.partners import can_be_visited
from app.domain.sealing import visit_content_hash
from app.domain.vocabulary import PARTNER_STATUS
from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.evidence import record_warnings as record_evidence_warnings
from app.services.media import import_photo
from app.services.progress import Progress
from app.services.rectifications import count_overdue_rectifications as count_overdue_rectifications
from app.services.rectifications import open_rectifications as open_rectifications
from app.services.rectifications import rectification_orders as rectification_orders
from app.services.rectifications import update_rectification as update_rectification
from app.services.reinspection import apply_outcomes as apply_reinspection
from app.services.reinspection import reinspection_body
from app.services.reinspection import unanswered_problem as reinspection_unanswered
from app.services.training import promotion_body
from app.services.visit_list import compliance as compliance
from app.services.visit_list import list_visits as list_visits
from app.services.visit_list import local_midnights as local_midnights
from app.services.visit_materials import MATERIAL_FINDING_PREFIX as MATERIAL_FINDING_PREFIX
from app.services.visit_materials import MATERIAL_KINDS as MATERIAL_KINDS
from app.services.visit_materials import MATERIAL_NAME_MAX as MATERIAL_NAME_MAX
from app.services.visit_materials import MaterialLine as MaterialLine
from app.services.visit_materials import check_material_name as check_material_name
from app.services.visit_materials import count_material as count_material
from app.services.visit_materials import material_book as material_book
from app.services.visit_materials import visit_materials as visit_materials
from app.services.visit_read import DraftSummary as DraftSummary
from app.services.visit_read import drafts as drafts
from app.services.visit_read import live_score as live_score
from app.services.visit_read import partner_names as partner_names
from app.services.visit_read import read_visit
from app.services.visit_rows import _create_finding, _item, _require_draft, _visit
from db.base import utcnow
from db.models import (
    ChecklistTemplate,
    Finding,
    Partner,
    Visit,
    VisitAnswer,
    VisitPhoto,
)

SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def status_label(status: str) -> str:
    """A partner status for people (the same words as the partner list)."""
    return PARTNER_STATUS.label(status)


def _template(s: Session, name: str | None) -> ChecklistTemplate:
    stmt = select(ChecklistTemplate).where(ChecklistTemplate.voided.is_(False))
    stmt = (
        stmt.where(ChecklistTemplate.name == name)
        if name
        else stmt.where(ChecklistTemplate.is_default.is_(True))
    )
    template = s.scalar(stmt.order_by(ChecklistTemplate.version.desc()).limit(1))
    if template is None:
        raise NotFoundError(
            tr("visits", "No checklist template named {name}.").format(name=name or "default")
        )
    return template


def templates(ctx: AppContext) -> list[tuple[str, str, int]]:
    with ctx.read_session() as s:
        return [
            (t.name, t.title, t.version)
            for t in s.scalars(
                select(ChecklistTemplate)
                .where(ChecklistTemplate.voided.is_(False))
                .order_by(ChecklistTemplate.name, ChecklistTemplate.version)
            )
        ]


def _require_visitable(partner: Partner, reinspection: bool) -> None:
    """Prospects and active partners are inspected; a suspended one only re-inspected
    (its open rectification orders must be able to close)."""
    if can_be_visited(partner.status) or (reinspection and partner.status == "suspended"):
        return
    if partner.status == "suspended":
        raise UserError(
            tr(
                "visits",
                "Partner {code} is suspended: only a re-inspection of its rectification orders is possible "
                "(template reinspection).",
            ).format(code=partner.code)
        )
    raise UserError(
        tr("visits", "Partner {code} ({status}) cannot be visited.").format(
            code=partner.code, status=status_label(partner.status)
        )
    )


@dataclass(frozen=True)
class StartedVisit:
    """A visit just started or planned (``start_visit``); ``changes`` for the UI."""

    visit_id: str

    @property
    def changes(self) -> Changes:
        return Changes.of("visit", ids={self.visit_id})


def start_visit(
    ctx: AppContext,
    partner_code: str,
    template: str | None = None,
    *,
    planned_for: dt.date | None = None,
    reinspection: bool = False,
) -> StartedVisit:
    """``new_visit`` as a user action: the new visit's id with what changed."""
    return StartedVisit(
        new_visit(ctx, partner_code, template, planned_for=planned_for, reinspection=reinspection)
    )


def new_visit(
    ctx: AppContext,
    partner_code: str,
    template: str | None = None,
    *,
    planned_for: dt.date | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    reinspection: bool = False,
) -> str:
    """Start a draft visit checked in now (or a planned one when ``planned_for`` is given)."""
    with ctx.session() as s:
        partner = s.scalar(select(Partner).where(Partner.code == partner_code))
        if partner is None:
            raise NotFoundError(
                tr("visits", "No partner with code {code}.").format(code=partner_code)
            )
        tmpl = _template(s, template or ("reinspection" if reinspection else None))
        reinspection = reinspection or tmpl.name == "reinspection"
        _require_visitable(partner, reinspection)
        body = reinspection_body(s, partner, tmpl.body) if reinspection else tmpl.body
        body = promotion_body(s, partner.code, planned_for or dt.date.today(), body)
        visit = Visit(
            partner_id=partner.id,
            template_id=tmpl.id,
            template_name=tmpl.name,
            template_version=tmpl.version,
            template_body=body,
            manager=ctx.user_name,
            is_reinspection=reinspection,
            latitude=latitude,
            longitude=longitude,
        )
        if planned_for is not None:
            visit.status, visit.planned_for = "planned", planned_for
        else:
            visit.status, visit.started_at = "draft", utcnow()
        s.add(visit)
        s.flush()
        return visit.id


def check_in(
    ctx: AppContext, visit_id: str, latitude: float | None = None, longitude: float | None = None
) -> Changes:
    """Turn a planned visit into a draft checked in now."""
    with ctx.session() as s:
        visit = _visit(s, visit_id)
        if visit.status != "planned":
            raise UserError(tr("visits", "Visit {id} is already checked in.").format(id=visit_id))
        partner = s.get(Partner, visit.partner_id)
        if partner is not None:
            _require_visitable(partner, visit.is_reinspection)
        visit.status, visit.started_at = "draft", utcnow()
        visit.latitude, visit.longitude = latitude, longitude
    return Changes.of("visit", ids={visit_id})


def answer(
    ctx: AppContext, visit_id: str, item_key: str, value_text: str, comment: str | None = None
) -> Changes:
    """Answer one item of a draft visit; committed immediately (autosave). Anything but a
    photo file is checked and written in one write session; a photo file is attached
    first (its own session)."""
    with ctx.session() as s:
        visit = _visit(s, visit_id)
        _require_draft(visit)
        item = _item(visit, item_key)
        text = value_text.strip()
        if item.kind != "photo":
            try:
                value = cl.parse_answer(item, value_text)
            except cl.AnswerError as exc:
                raise ValidationError(str(exc)) from exc
            return _write_answer(s, visit, item_key, value, comment)
        if SHA_RE.match(text.lower()):
            sha = text.lower()
            if (
                s.scalar(
                    select(VisitPhoto.id).where(
                        VisitPhoto.visit_id == visit_id,
                        VisitPhoto.sha256 == sha,
                        VisitPhoto.voided.is_(False),
                    )
                )
                is None
            ):
                raise ValidationError(
                    tr(
                        "visits", "{item}: no photo with SHA-256 {sha} is attached to this visit."
                    ).format(item=item_key, sha=sha[:12])
                )
            return _write_photo_answer(s, visit, item_key, sha, comment)
    path = Path(text)
    if not path.is_file():
        raise ValidationError(
            tr(
                "visits", "{item}: {value} is neither an attached photo's SHA-256 nor a photo file."
            ).format(item=item_key, value=text)
        )
    sha = attach_photos(ctx, visit_id, [path], item_key=item_key)[0].sha256
    with ctx.session() as s:
        visit = _visit(s, visit_id)
        _require_draft(visit)
        return _write_photo_answer(s, visit, item_key, sha, comment)


def _write_photo_answer(
    s: Session, visit: Visit, item_key: str, sha: str, comment: str | None
) -> Changes:
    """A photo item's answer is the list of its photos: ``sha`` is added to it."""
    existing = s.scalar(
        select(VisitAnswer).where(
            VisitAnswer.visit_id == visit.id, VisitAnswer.item_key == item_key
        )
    )
    value: list[str] = [sha]
    if existing is not None and isinstance(existing.value, list):
        value = existing.value if sha in existing.value else [*existing.value, sha]
    return _write_answer(s, visit, item_key, value, comment)


def _write_answer(
    s: Session, visit: Visit, item_key: str, value: Any, comment: str | None
) -> Changes:
    """Write one parsed answer of a draft visit in the session ``s``."""
    row = s.scalar(
        select(VisitAnswer).where(
            VisitAnswer.visit_id == visit.id, VisitAnswer.item_key == item_key
        )
    )
    if row is None:
        row = VisitAnswer(visit_id=visit.id, item_key=item_key)
        s.add(row)
    row.value = value
    if comment is not None:
        row.comment = comment
    visit.updated_at = utcnow()
    return Changes.of("visit_answer", "visit", ids={visit.id})


def attach_photos(
    ctx: AppContext,
    visit_id: str,
    files: Iterable[Path],
    item_key: str | None = None,
    progress: Progress | None = None,
) -> list[Any]:
    """Verify, store (once by SHA-256) and attach photos to a draft visit or one item; a
    photo item is answered with them (each photo once)."""
    files = [Path(f) for f in files]
    with ctx.read_session() as s:
        visit = _visit(s, visit_id)
        _require_draft(visit)
        if item_key is not None:
            _item(visit, item_key)
    infos = []
    for index, path in enumerate(files):
        if progress is not None:
            progress(index, len(files), path.name)
        infos.append(import_photo(ctx, path))
    with ctx.session() as s:
        for path, info in zip(files, infos, strict=True):
            s.add(
                VisitPhoto(
                    visit_id=visit_id,
                    item_key=item_key,
                    sha256=info.sha256,
                    width=info.width,
                    height=info.height,
                    taken_at=info.taken_at,
                    latitude=info.latitude,
                    longitude=info.longitude,
                    original_name=path.name,
                )
            )
            visit = _visit(s, visit_id)
            if visit.latitude is None and info.latitude is not None:
                visit.latitude, visit.longitude = info.latitude, info.longitude
        if item_key is not None and _item(_visit(s, visit_id), item_key).kind == "photo":
            _answer_photos(s, visit_id, item_key, [i.sha256 for i in infos])
    if progress is not None:
        progress(len(files), len(files), "")
    return infos


def _answer_photos(s: Session, visit_id: str, item_key: str, shas: list[str]) -> None:
    """A photo item's answer: the photos attached to it, each once, in attaching order."""
    row = s.scalar(
        select(VisitAnswer).where(
            VisitAnswer.visit_id == visit_id, VisitAnswer.item_key == item_key
        )
    )
    if row is None:
        row = VisitAnswer(visit_id=visit_id, item_key=item_key, value=[])
        s.add(row)
    current = list(row.value) if isinstance(row.value, list) else []
    row.value = current + [sha for sha in dict.fromkeys(shas) if sha not in current]


def add_finding(
    ctx: AppContext,
    visit_id: str,
    description: str,
    *,
    item_key: str | None = None,
    deadline: dt.date | None = None,
    responsible: str = "",
    before_photo: str | None = None,
    category: str = "free",
) -> Changes:
    """A finding on a draft visit, with its rectification order (限期整改)."""
    if not description.strip():
        raise ValidationError(tr("visits", "Describe the finding."))
    with ctx.session() as s:
        visit = _visit(s, visit_id)
        _require_draft(visit)
        _create_finding(
            s, visit, description, item_key, deadline, responsible, before_photo, category
        )
    return Changes.of("finding", "rectification_order", ids={visit_id})


def _answers(s: Session, visit_id: str) -> dict[str, Any]:
    return {
        a.item_key: a.value
        for a in s.scalars(
            select(VisitAnswer).where(
                VisitAnswer.visit_id == visit_id, VisitAnswer.voided.is_(False)
            )
        )
    }


def _seal_hash(s: Session, visit: Visit) -> str:
    photos = [
        {"sha256": p.sha256, "item_key": p.item_key}
        for p in s.scalars(
            select(VisitPhoto).where(VisitPhoto.visit_id == visit.id, VisitPhoto.voided.is_(False))
        )
    ]
    findings = [
        {"item_key": f.item_key, "description": f.description}
        for f in s.scalars(
            select(Finding).where(Finding.visit_id == visit.id, Finding.voided.is_(False))
        )
    ]
    head = {
        "id": visit.id,
        "partner_id": visit.partner_id,
        "template": f"{visit.template_name}@{visit.template_version}",
        "started_at": visit.started_at.isoformat() if visit.started_at else None,
    }
    return visit_content_hash(head, _answers(s, visit.id), photos, findings)


def submit(ctx: AppContext, visit_id: str) -> Changes:
    """Seal a draft visit: required items answered, failed items become findings with
    rectification orders, score and content hash stored, check-out time recorded."""
    with ctx.session() as s:
        visit = _visit(s, visit_id)
        if visit.status == "submitted":
            raise UserError(tr("visits", "Visit {id} is already submitted.").format(id=visit_id))
        if visit.status == "planned":
            raise UserError(
                tr("visits", "Visit {id} is only planned; check in first.").format(id=visit_id)
            )
        answers = _answers(s, visit_id)
        missing = cl.missing_required(visit.template_body, answers)
        if missing:
            # the label for people, the key for the command line (visits answer KEY=VALUE);
            # the visit editor outlines the items itself and never shows this line
            labels = "、".join(f"{i.label} ({i.key})" for i in missing)
            raise ValidationError(
                tr("visits", "Required items are unanswered: {keys}.").format(keys=labels)
            )
        existing = {
            f.item_key for f in s.scalars(select(Finding).where(Finding.visit_id == visit_id))
        }
        for item in cl.template_items(visit.template_body):
            if cl.is_failure(item, answers.get(item.key)) and item.key not in existing:
                _create_finding(
                    s,
                    visit,
                    f"{item.section_title}：{item.label}",
                    item.key,
                    None,
                    "",
                    None,
                    "checklist",
                )
        if visit.is_reinspection:
            problem = reinspection_unanswered(visit.template_body, answers)
            if problem:
                raise ValidationError(problem)
            comments = {
                a.item_key: a.comment
                for a in s.scalars(
                    select(VisitAnswer).where(
                        VisitAnswer.visit_id == visit_id, VisitAnswer.voided.is_(False)
                    )
                )
            }
            apply_reinspection(s, visit, answers, comments)
        visit.score = cl.score(visit.template_body, answers).total
        visit.checked_out_at = utcnow()
        visit.submitted_at = visit.checked_out_at
        s.flush()
        record_evidence_warnings(ctx, s, visit)
        visit.content_hash = _seal_hash(s, visit)
        visit.status = "submitted"
    return Changes.of("visit", "finding", "rectification_order", ids={visit_id})


def amend(ctx: AppContext, visit_id: str, reason: str, changes: dict[str, str]) -> Changes:
    """Correct a sealed visit (``app.services.amendments.amend``)."""
    from app.services.amendments import amend as amend_visit

    return amend_visit(ctx, visit_id, reason, changes)


# -- reading -----------------------------------------------------------------------------


def visit_detail(ctx: AppContext, visit_id: str) -> dict[str, Any]:
    """Everything about one visit as plain JSON-ready data (``visits show --json``); the
    typed form is ``visit_read.read_visit``."""
    return read_visit(ctx, visit_id).as_json()


def attach_photos_to_item(
    ctx: AppContext,
    visit_id: str,
    files: Iterable[Path],
    item_key: str | None = None,
    progress: Progress | None = None,
) -> Changes:
    """Attach photos to a draft visit and, with ``item_key``, answer that photo item with
    them: the editor's one operation for a drop or a file pick."""
    infos = attach_photos(ctx, visit_id, files, item_key=item_key, progress=progress)
    if item_key is not None:
        for info in infos:
            answer(ctx, visit_id, item_key, info.sha256)
    return Changes.of("visit_photo", "visit_answer", "visit", ids={visit_id})
