"""Callbacks (回访): the daily reproducible sample of the previous day's development
records, the call list, outcomes, and the warnings (with escalation) that outcomes other
than ``confirmed`` raise on the partner."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from app.domain import duties as rules
from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.devrecords import purge_expired
from app.services.duty_rules import duty_rules
from db.base import utcnow


@dataclass(frozen=True)
class CallRow:
    id: str
    partner_id: str
    partner_code: str
    partner_name: str
    phone_masked: str
    product: str
    kind: str
    amount_fen: int
    record_date: dt.date
    outcome: str | None
    note: str
    attempts: int

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "partner_code": self.partner_code,
            "phone_masked": self.phone_masked,
            "outcome": self.outcome,
            "product": self.product,
            "kind": self.kind,
            "record_date": self.record_date.isoformat(),
            "note": self.note,
        }


@dataclass(frozen=True)
class DrawResult:
    date: dt.date
    population: int
    seed: str
    calls: list[CallRow]
    changes: Changes = field(default_factory=Changes)

    @property
    def drawn(self) -> int:
        return len(self.calls)

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "population": self.population,
            "drawn": self.drawn,
            "seed": self.seed,
            "calls": [
                {"id": c.id, "partner_code": c.partner_code, "phone_masked": c.phone_masked}
                for c in self.calls
            ],
        }


@dataclass(frozen=True)
class DayProgress:
    """A day's callback duty: drawn, answered, and whether ≥ the HQ share has an outcome."""

    date: dt.date
    population: int
    drawn: int
    answered: int
    met: bool


def parse_day(text: str | None) -> dt.date:
    """``YYYY-MM-DD`` (default today) or a clear error."""
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(
            tr("duties", "Give the date as YYYY-MM-DD, e.g. 2026-03-05 (got {value}).").format(
                value=text
            )
        ) from exc


def _calls(s: Any, draw_id: str) -> list[CallRow]:
    from db.models import CallbackCall, DevRecord, Partner

    rows = s.execute(
        select(CallbackCall, Partner.code, Partner.name, DevRecord.phone_masked)
        .join(Partner, Partner.id == CallbackCall.partner_id)
        .outerjoin(DevRecord, DevRecord.id == CallbackCall.record_id)
        .where(CallbackCall.draw_id == draw_id, CallbackCall.voided.is_(False))
        .order_by(CallbackCall.position)
    )
    return [
        CallRow(
            c.id,
            c.partner_id,
            code,
            name,
            masked or tr("duties", "(purged)"),
            c.product,
            c.kind,
            c.amount_fen,
            c.record_date,
            c.outcome,
            c.note,
            c.attempts,
        )
        for c, code, name, masked in rows
    ]


def draw_callbacks(ctx: AppContext, day: dt.date | None = None) -> DrawResult:
    """The callback sample for ``day`` from the previous day's records: drawn once (seed
    and drawn records kept for audit); drawing again returns the same sample. A day whose
    previous day has no records is not saved (records may still be imported)."""
    from db.models import CallbackCall, CallbackDraw, DevRecord

    day = day or dt.date.today()
    source = day - dt.timedelta(days=1)
    with ctx.session() as s:
        draw = s.scalar(
            select(CallbackDraw).where(
                CallbackDraw.draw_date == day, CallbackDraw.voided.is_(False)
            )
        )
        if draw is not None:
            return DrawResult(day, draw.population, draw.seed, _calls(s, draw.id))
        # the records past HQ's retention period go first (views showing them refresh)
        gone = Changes.of("dev_record") if purge_expired(s, ctx, dt.date.today()) else Changes()
        percent = int(duty_rules(ctx, s)["callback_percent"])
        records = [
            tuple(r)
            for r in s.execute(
                select(DevRecord.partner_id, DevRecord.id)
                .where(DevRecord.record_date == source)
                .order_by(DevRecord.partner_id, DevRecord.id)
            )
        ]
        if not records:  # nothing saved; the same (empty) answer each time
            return DrawResult(
                day,
                0,
                hashlib.sha256(f"{ctx.device_id}/{day.isoformat()}".encode()).hexdigest()[:32],
                [],
                gone,
            )
        seed = secrets.token_hex(16)
        chosen = rules.draw_sample(records, seed, percent)
        draw = CallbackDraw(
            draw_date=day,
            source_date=source,
            seed=seed,
            rate=percent / 100,
            population=len(records),
            drawn=len(chosen),
            drawn_by=ctx.user_name,
        )
        s.add(draw)
        s.flush()
        by_id = {
            r.id: r for r in s.scalars(select(DevRecord).where(DevRecord.record_date == source))
        }
        for position, record_id in enumerate(chosen):
            r = by_id[record_id]
            s.add(
                CallbackCall(
                    draw_id=draw.id,
                    partner_id=r.partner_id,
                    record_id=r.id,
                    record_date=r.record_date,
                    product=r.product,
                    kind=r.kind,
                    amount_fen=r.amount_fen,
                    position=position,
                )
            )
        s.flush()
        return DrawResult(
            day,
            len(records),
            seed,
            _calls(s, draw.id),
            Changes.of("callback_draw", "callback_call") | gone,
        )


def list_callbacks(ctx: AppContext, day: dt.date | None = None) -> list[CallRow]:
    """The call list of ``day`` (empty when it was not drawn)."""
    from db.models import CallbackDraw

    day = day or dt.date.today()
    with ctx.read_session() as s:
        draw_id = s.scalar(
            select(CallbackDraw.id).where(
                CallbackDraw.draw_date == day, CallbackDraw.voided.is_(False)
            )
        )
        return _calls(s, draw_id) if draw_id else []


def reveal_phone(ctx: AppContext, call_id: str) -> str | None:
    """The full number of a call's record, to dial it (None when purged or unreadable)."""
    from app.services.pii import decrypt_phone, record_key
    from db.models import CallbackCall, DevRecord

    with ctx.read_session() as s:
        call = s.get(CallbackCall, call_id)
        if call is None:
            raise NotFoundError(tr("duties", "No callback {id}.").format(id=call_id))
        blob = s.scalar(select(DevRecord.phone_cipher).where(DevRecord.id == call.record_id))
    return decrypt_phone(record_key(ctx, create=False), blob) if blob else None


def record_outcome(
    ctx: AppContext,
    call_id: str,
    outcome: str,
    note: str = "",
    today: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Changes:
    """Record a call's outcome. Any outcome but ``confirmed`` raises a warning on the
    partner — ``unreachable`` only once the customer could not be reached in HQ's number
    of tries (``callback_max_attempts``, each recording is a try); a changed outcome
    voids the warning of the previous one; repeated warnings escalate by HQ's rule."""
    from db.models import CallbackCall, PartnerWarning

    if outcome not in rules.OUTCOMES:
        raise ValidationError(
            tr("duties", "Unknown outcome {value}; use one of: {choices}.").format(
                value=outcome, choices=", ".join(rules.OUTCOMES)
            )
        )
    today = today or dt.date.today()
    changes = Changes.of("callback_call", ids={call_id})
    with ctx.session() as s:
        call = s.get(CallbackCall, call_id)
        if call is None or call.voided:
            raise NotFoundError(tr("duties", "No callback {id}.").format(id=call_id))
        previous = call.outcome
        call.attempts += 1
        call.called_at = at or utcnow()
        call.note = note.strip() or call.note
        call.outcome = outcome
        active = list(
            s.scalars(
                select(PartnerWarning).where(
                    PartnerWarning.ref_id == call.id, PartnerWarning.voided.is_(False)
                )
            )
        )
        if previous != outcome:
            for old in active:
                old.voided, old.void_reason = True, "outcome changed"
            active = []
        tries = int(duty_rules(ctx, s)["callback_max_attempts"])
        warns = outcome != "confirmed" and (outcome != "unreachable" or call.attempts >= tries)
        if warns and not active:
            warning = PartnerWarning(
                partner_id=call.partner_id,
                kind=outcome,
                source="callback",
                ref_id=call.id,
                warned_on=today,
                evidence=_evidence(call, note),
            )
            s.add(warning)
            s.flush()
            _escalate(ctx, s, warning)
        changes |= Changes.of("partner_warning", "rectification_order", "rectification_event")
    return changes


def _evidence(call: Any, note: str) -> str:
    from app.domain.vocabulary import BUSINESS_RECORD_KIND

    text = tr("duties", "Callback of the record of {day} ({kind}, {product})").format(
        kind=BUSINESS_RECORD_KIND.label(call.kind),
        day=call.record_date.isoformat(),
        product=call.product or "-",
    )
    return f"{text}: {note.strip()}" if note.strip() else text


def _escalate(ctx: AppContext, s: Any, warning: Any) -> None:
    """Count the partner's warnings in HQ's window; a repeat leads to a rectification
    order, more to a suspension proposal (each once per window)."""
    from db.models import PartnerWarning, RectificationEvent, RectificationOrder

    rule = duty_rules(ctx, s)
    since = warning.warned_on - dt.timedelta(days=int(rule["warning_window_days"]) - 1)
    # photo-evidence warnings question the visit's photos, not the partner's business: they do not escalate
    window = (
        PartnerWarning.partner_id == warning.partner_id,
        PartnerWarning.voided.is_(False),
        PartnerWarning.warned_on >= since,
        PartnerWarning.source != "evidence",
    )
    count = int(s.scalar(select(func.count()).where(*window)) or 0)
    already = list(
        s.scalars(
            select(PartnerWarning.escalation).where(*window, PartnerWarning.escalation.is_not(None))
        )
    )
    step = rules.escalation_for(count, already, rule)
    if step is None:
        return
    warning.escalation = step.kind
    if step.kind == "rectification_order":
        text = tr(
            "duties", "Callbacks found {count} problems within {days} days; rectify and report."
        ).format(count=count, days=int(rule["warning_window_days"]))
        order = RectificationOrder(
            partner_id=warning.partner_id,
            description=text,
            deadline=warning.warned_on + dt.timedelta(days=7),
            status="open",
            responsible="",
        )
        s.add(order)
        s.flush()
        s.add(RectificationEvent(order_id=order.id, status="open", at=utcnow(), note=text))
        warning.rectification_id = order.id


@dataclass(frozen=True)
class WarningRow:
    id: str
    partner_code: str
    partner_name: str
    kind: str
    source: str
    evidence: str
    at: dt.datetime
    warned_on: dt.date
    escalation: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "partner_code": self.partner_code,
            "kind": self.kind,
            "source": self.source,
            "at": self.at.isoformat(timespec="seconds"),
            "date": self.warned_on.isoformat(),
            "evidence": self.evidence,
            "escalation": self.escalation,
        }


def list_warnings(ctx: AppContext, partner_code: str | None = None) -> list[WarningRow]:
    """The partners' warnings, newest first (of one partner when ``partner_code``)."""
    from db.models import Partner, PartnerWarning

    with ctx.read_session() as s:
        stmt = (
            select(PartnerWarning, Partner.code, Partner.name)
            .join(Partner, Partner.id == PartnerWarning.partner_id)
            .where(PartnerWarning.voided.is_(False))
            .order_by(PartnerWarning.created_at.desc(), PartnerWarning.id.desc())
        )
        if partner_code is not None:
            if s.scalar(select(Partner.id).where(Partner.code == partner_code)) is None:
                raise NotFoundError(
                    tr("duties", "No partner with code {code}.").format(code=partner_code)
                )
            stmt = stmt.where(Partner.code == partner_code)
        return [
            WarningRow(
                w.id,
                code,
                name,
                w.kind,
                w.source,
                w.evidence,
                w.created_at,
                w.warned_on,
                w.escalation,
            )
            for w, code, name in s.execute(stmt)
        ]


def day_progress(ctx: AppContext, day: dt.date) -> DayProgress:
    """The callback duty of ``day``: met when ≥ HQ's share of the previous day's records
    has an outcome (a day without records is met)."""
    from db.models import CallbackCall, CallbackDraw, DevRecord

    with ctx.read_session() as s:
        percent = int(duty_rules(ctx, s)["callback_percent"])
        draw = s.scalar(
            select(CallbackDraw).where(
                CallbackDraw.draw_date == day, CallbackDraw.voided.is_(False)
            )
        )
        if draw is None:
            population = int(
                s.scalar(
                    select(func.count()).where(DevRecord.record_date == day - dt.timedelta(days=1))
                )
                or 0
            )
            return DayProgress(day, population, 0, 0, population == 0)
        answered = int(
            s.scalar(
                select(func.count()).where(
                    CallbackCall.draw_id == draw.id,
                    CallbackCall.voided.is_(False),
                    CallbackCall.outcome.is_not(None),
                )
            )
            or 0
        )
        return DayProgress(
            day,
            draw.population,
            draw.drawn,
            answered,
            rules.duty_met(draw.drawn, answered, percent, draw.population),
        )


def missed_days(ctx: AppContext, today: dt.date | None = None, days: int = 14) -> list[dt.date]:
    """Past days (within ``days``) whose previous day had records but whose callback duty
    was not met."""
    today = today or dt.date.today()
    return [
        d
        for d in (today - dt.timedelta(days=n) for n in range(days, 0, -1))
        if not day_progress(ctx, d).met
    ]
