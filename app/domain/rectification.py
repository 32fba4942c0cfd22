"""Rectification orders (限期整改): the state machine open → reported_fixed → verified (with
an after-photo, at a re-inspection), overdue automatically past the deadline, escalated."""

from __future__ import annotations

import datetime as dt

from app.domain.vocabulary import RECTIFICATION_STATUS
from app.i18n import tr

OPEN_STATES = ("open", "reported_fixed", "overdue", "escalated")
_TRANSITIONS = {
    "open": {"reported_fixed", "verified", "escalated"},
    "reported_fixed": {"verified", "open", "escalated"},
    "overdue": {"reported_fixed", "verified", "escalated"},
    "escalated": {"reported_fixed", "verified"},
    "verified": set(),
}


def effective_status(status: str, deadline: dt.date, today: dt.date) -> str:
    """``open`` past its deadline reads as ``overdue``."""
    if status == "open" and today > deadline:
        return "overdue"
    return status


def transition_problem(current: str, target: str, after_photo: str | None) -> str | None:
    if target not in _TRANSITIONS.get(current, set()):
        return tr(
            "visits", "A rectification order that is {current} cannot become {target}."
        ).format(
            current=RECTIFICATION_STATUS.label(current), target=RECTIFICATION_STATUS.label(target)
        )
    if target == "verified" and not after_photo:
        return tr("visits", "Verifying a rectification needs an after-photo.")
    return None
