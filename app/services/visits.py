"""Store-inspection actions: start a visit (check-in), answer checklist items (each answer
is committed at once, so a crash loses at most the field being typed), attach photos,
raise findings → rectification orders, count promotion materials, submit (seal with a
content hash), amend a sealed visit, and the visit-frequency compliance report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.domain import checklist as cl
from app.domain.partners import can_be_visited
from app.domain.rectification import OPEN_STATES, effective_status, transition_problem
from app.domain.sealing import visit_content_hash
from app.domain.vocabulary import PARTNER_STATUS
from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import tr
from app.services.amendments import current_scores
from app.services.context import AppContext, Changes
from app.services.evidence import record_warnings as record_evidence_warnings
from app.services.media import import_photo
from app.services.progress import Progress
from app.services.reinspection import apply_outcomes as apply_reinspection
from app.services.reinspection import reinspection_body
from app.services.reinspection import unanswered_problem as reinspection_unanswered
from app.services.training import promotion_body
from app.services.visit_list import compliance as compliance
from app.services.visit_list import list_visits as list_visits
from app.services.visit_list import local_midnights as local_midnights
from app.services.visit_read import read_visit
from app.services.visit_rows import _create_finding, _item, _visit
from db.base import utcnow
from db.models import (
    ChecklistTemplate,
    Finding,
    MaterialCount,
    MaterialLedgerEntry,
    Partner,
    RectificationEvent,
    RectificationOrder,
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


def _require_draft(visit: Visit) -> None:
    if visit.status == "submitted":
        raise UserError(
            tr(
                "visits", "Visit {id} is submitted and sealed; record a change as an amendment."
            ).format(id=visit.id)
        )


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


MATERIAL_KINDS = ("issued", "installed", "returned")
MATERIAL_FINDING_PREFIX = "material:"
MATERIAL_NAME_MAX = 60


def count_material(ctx: AppContext, visit_id: str, item_name: str, counted: int) -> Changes:
    """Count a promotion material at the visit against the ledger (账实相符); a
    difference becomes a finding. Counting the same item again at the same draft visit
    replaces the earlier count (voided): a remaining difference rewrites the finding it
    raised, a count that now matches the book voids that finding."""
    item_name = check_material_name(item_name)
    if counted < 0:
        raise ValidationError(tr("visits", "A count cannot be negative."))
    with ctx.session() as s:
        visit = _visit(s, visit_id)
        _require_draft(visit)
        previous = s.scalars(
            select(MaterialCount).where(
                MaterialCount.visit_id == visit_id,
                MaterialCount.item_name == item_name,
                MaterialCount.voided.is_(False),
            )
        ).all()
        if len(previous) == 1 and previous[0].counted_quantity == counted:
            return Changes.of(
                "material_count", ids={visit_id}
            )  # the same count again: nothing to change
        for old in previous:
            old.voided, old.void_reason = True, "recounted"
        book = material_book(s, visit.partner_id).get(item_name, 0)
        s.add(
            MaterialCount(
                visit_id=visit_id,
                partner_id=visit.partner_id,
                item_name=item_name,
                book_quantity=book,
                counted_quantity=counted,
            )
        )
        description = (
            None
            if book == counted
            else tr("visits", "Promotion material {item}: book {book}, counted {counted}.").format(
                item=item_name, book=book, counted=counted
            )
        )
        if (
            not _rewrite_material_finding(s, visit_id, item_name, description)
            and description is not None
        ):
            _create_finding(
                s,
                visit,
                description,
                MATERIAL_FINDING_PREFIX + item_name,
                None,
                "",
                None,
                "materials",
            )
    return Changes.of("material_count", "finding", "rectification_order", ids={visit_id})


def check_material_name(name: str) -> str:
    """A promotion material's name, stripped; empty or overlong names are refused."""
    name = name.strip()
    if not name:
        raise ValidationError(tr("visits", "Give the name of the promotion material."))
    if len(name) > MATERIAL_NAME_MAX:
        raise ValidationError(
            tr("visits", "The material name is too long (at most {max} characters).").format(
                max=MATERIAL_NAME_MAX
            )
        )
    return name


def _rewrite_material_finding(
    s: Session, visit_id: str, item_name: str, description: str | None
) -> bool:
    """The finding an earlier count of ``item_name`` raised at this draft visit (never
    synced yet): give it the new ``description``, or void it with its rectification order
    when the recount matches the book (``None``). False when there was none."""
    found = False
    for finding in s.scalars(
        select(Finding).where(
            Finding.visit_id == visit_id,
            Finding.item_key == MATERIAL_FINDING_PREFIX + item_name,
            Finding.voided.is_(False),
        )
    ):
        found = True
        orders = list(
            s.scalars(
                select(RectificationOrder).where(
                    RectificationOrder.finding_id == finding.id,
                    RectificationOrder.voided.is_(False),
                )
            )
        )
        events = [
            e
            for o in orders
            for e in s.scalars(
                select(RectificationEvent).where(
                    RectificationEvent.order_id == o.id, RectificationEvent.voided.is_(False)
                )
            )
        ]
        if description is not None:
            finding.description = description
            for order in orders:
                order.description = description
            for event in events:
                event.note = description
            continue
        for row in (finding, *orders, *events):
            row.voided, row.void_reason = True, "recounted"
    return found


def material_book(s: Session, partner_id: str) -> dict[str, int]:
    """Book quantity per item: issued adds, returned subtracts (installing an issued item
    does not change how many the partner holds)."""
    book: dict[str, int] = {}
    for name, kind, qty in s.execute(
        select(
            MaterialLedgerEntry.item_name, MaterialLedgerEntry.kind, MaterialLedgerEntry.quantity
        ).where(MaterialLedgerEntry.partner_id == partner_id, MaterialLedgerEntry.voided.is_(False))
    ):
        if kind == "installed":
            continue
        book[name] = book.get(name, 0) + (-qty if kind == "returned" else qty)
    return book


@dataclass(frozen=True)
class MaterialLine:
    """One promotion material at a visit: book quantity and the count made (if any)."""

    item_name: str
    book: int
    counted: int | None

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.book


def visit_materials(ctx: AppContext, visit_id: str) -> list[MaterialLine]:
    """The partner's ledger items with their book quantity and this visit's counts. A
    counted item shows the book quantity recorded with the count; the others show the
    ledger's current book quantity."""
    with ctx.read_session() as s:
        visit = _visit(s, visit_id)
        book = material_book(s, visit.partner_id)
        names = set(
            s.scalars(
                select(MaterialLedgerEntry.item_name).where(
                    MaterialLedgerEntry.partner_id == visit.partner_id,
                    MaterialLedgerEntry.voided.is_(False),
                )
            )
        )
        counts = {
            c.item_name: c
            for c in s.scalars(
                select(MaterialCount)
                .where(MaterialCount.visit_id == visit_id, MaterialCount.voided.is_(False))
                .order_by(MaterialCount.created_at)
            )
        }
    lines = []
    for name in sorted(names | set(counts)):
        count = counts.get(name)
        lines.append(
            MaterialLine(name, count.book_quantity, count.counted_quantity)
            if count is not None
            else MaterialLine(name, book.get(name, 0), None)
        )
    return lines


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


def update_rectification(
    ctx: AppContext,
    order_id: str,
    status: str,
    note: str = "",
    after_photo: str | None = None,
    visit_id: str | None = None,
) -> Changes:
    with ctx.session() as s:
        order = s.get(RectificationOrder, order_id)
        if order is None:
            raise NotFoundError(tr("visits", "No rectification order {id}.").format(id=order_id))
        current = effective_status(order.status, order.deadline, dt.date.today())
        problem = transition_problem(current, status, after_photo)
        if problem:
            raise UserError(problem)
        order.status = status
        if status == "verified":
            order.after_photo_sha256, order.verified_visit_id, order.closed_at = (
                after_photo,
                visit_id,
                utcnow(),
            )
        s.add(
            RectificationEvent(
                order_id=order.id,
                status=status,
                at=utcnow(),
                note=note,
                photo_sha256=after_photo,
                visit_id=visit_id,
            )
        )
    return Changes.of("rectification_order", "rectification_event")


def amend(ctx: AppContext, visit_id: str, reason: str, changes: dict[str, str]) -> Changes:
    """Correct a sealed visit (``app.services.amendments.amend``)."""
    from app.services.amendments import amend as amend_visit

    return amend_visit(ctx, visit_id, reason, changes)


# -- reading -----------------------------------------------------------------------------


def visit_detail(ctx: AppContext, visit_id: str) -> dict[str, Any]:
    """Everything about one visit as plain JSON-ready data (``visits show --json``); the
    typed form is ``visit_read.read_visit``."""
    return read_visit(ctx, visit_id).as_json()


def partner_names(ctx: AppContext) -> dict[str, str]:
    """Code → name of every partner (for lists that carry only codes)."""
    return dict(
        ctx.read_sql("SELECT code, name FROM partner WHERE voided = 0")
    )  # plain sqlite3: no ORM rows


def open_rectifications(ctx: AppContext, partner_code: str | None = None) -> list[dict[str, Any]]:
    today = dt.date.today()
    stmt = (
        select(RectificationOrder, Partner.code, Partner.name)
        .join(Partner, Partner.id == RectificationOrder.partner_id)
        .where(RectificationOrder.status.in_(OPEN_STATES), RectificationOrder.voided.is_(False))
        .order_by(RectificationOrder.deadline)
    )
    if partner_code:
        stmt = stmt.where(Partner.code == partner_code)
    with ctx.read_session() as s:
        return [
            {
                "id": o.id,
                "partner_code": code,
                "partner_name": name,
                "description": o.description,
                "deadline": o.deadline.isoformat(),
                "responsible": o.responsible,
                "status": effective_status(o.status, o.deadline, today),
            }
            for o, code, name in s.execute(stmt)
        ]


def rectification_orders(
    ctx: AppContext, partner_code: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    """Every rectification order (``rectifications list``), by deadline: its status as it
    reads today (``open`` past the deadline is ``overdue``), the checklist item its
    finding was raised on and the visit that raised it."""
    today = dt.date.today()
    stmt = (
        select(RectificationOrder, Partner.code, Finding.item_key)
        .join(Partner, Partner.id == RectificationOrder.partner_id)
        .outerjoin(Finding, Finding.id == RectificationOrder.finding_id)
        .where(RectificationOrder.voided.is_(False))
        .order_by(RectificationOrder.deadline, RectificationOrder.id)
    )
    if partner_code:
        stmt = stmt.where(Partner.code == partner_code)
    with ctx.read_session() as s:
        rows = [
            {
                "id": o.id,
                "partner_code": code,
                "status": effective_status(o.status, o.deadline, today),
                "deadline": o.deadline.isoformat(),
                "item": item,
                "visit_id": o.visit_id,
                "description": o.description,
                "responsible": o.responsible,
                "verified_visit_id": o.verified_visit_id,
            }
            for o, code, item in s.execute(stmt)
        ]
    return [r for r in rows if status is None or r["status"] == status]


def count_overdue_rectifications(ctx: AppContext, today: dt.date | None = None) -> int:
    """How many orders read as overdue today (stored ``overdue``, or ``open`` past the deadline)."""
    today = today or dt.date.today()
    with ctx.read_session() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(RectificationOrder)
                .where(
                    RectificationOrder.voided.is_(False),
                    or_(
                        RectificationOrder.status == "overdue",
                        and_(
                            RectificationOrder.status == "open", RectificationOrder.deadline < today
                        ),
                    ),
                )
            )
            or 0
        )


@dataclass(frozen=True)
class DraftSummary:
    id: str
    partner_code: str
    started_at: dt.datetime | None


def drafts(ctx: AppContext) -> list[DraftSummary]:
    with ctx.read_session() as s:
        return [
            DraftSummary(v.id, code, v.started_at)
            for v, code in s.execute(
                select(Visit, Partner.code)
                .join(Partner, Partner.id == Visit.partner_id)
                .where(Visit.status == "draft")
            )
        ]


def live_score(ctx: AppContext, visit_id: str) -> float | None:
    """The visit's score as it stands (a draft's from its answers, a sealed visit's with
    its amendments): the cheap call for the editor's live score, without the whole
    ``visit_detail``."""
    with ctx.read_session() as s:
        return current_scores(s, _visit(s, visit_id))[0]


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
