"""Where this laptop stands with HQ, read with plain sqlite3 (``ctx.read_sql``, no ORM):
the acknowledged watermark, the time of the last acknowledgement and how many changes the
next bundle would hold. ``sync status``, the status bar and the reminders answer from here
without importing SQLAlchemy; the export (``app.services.sync``) walks the acks the same way.

The pending count is the count of exactly the rows ``sync_records.pending_selects`` selects
for an export (a test holds the two together, and ``SYNC_ENTITIES`` to the models)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from app.services.context import AppContext
from app.services.sql_values import parse_datetime

ACKED = ("accepted", "duplicate")
HQ_TARGET_SOURCE = "hq"  # the source of HQ's published targets, which never go up

VISIT_CHILDREN = frozenset(
    {"visit_answer", "visit_photo", "visit_amendment", "finding", "material_count"}
)
# rows that wait for their visit's seal: a visit's children, and the rectification orders
# and events made on a visit while it was a draft (``add_finding``); all go with the visit
VISIT_GATED = VISIT_CHILDREN | {"rectification_order", "rectification_event"}

SYNC_ENTITIES = (
    "partner",
    "contact",
    "contract",
    "grade_change",
    "grade_request",
    "inventory_limit",
    "lifecycle_event",
    "complaint",
    "competitor_observation",
    "attachment",
    "visit",
    "visit_answer",
    "visit_photo",
    "visit_amendment",
    "finding",
    "rectification_order",
    "rectification_event",
    "material_ledger_entry",
    "material_count",
    "actual",
    "target",
    "invoice",
    "payment",
    "kpi_score",
    "callback_draw",
    "callback_call",
    "partner_warning",
    "daily_log",
    "training_session",
    "promotion",
)
"""The synced tables (``db.base.SYNC_TABLES``, which needs the models imported)."""


@dataclass
class SyncStatus:
    last_synced_at: dt.datetime | None
    pending_changes: int
    oldest_unacked: dt.datetime | None


def follow_acks(acked: Iterable[tuple[str | None, str]]) -> str:
    """The highest HLC HQ is known to hold ('' before the first ack), from the acknowledged
    bundles' (``since_hlc``, ``high_hlc``) in sequence order, followed from the start as a
    chain: a bundle counts once the watermark has reached the HLC its selection began at,
    so the ack of a later part of a backlog waits for the ack of the part before it."""
    bundles = list(acked)
    mark, grew = "", True
    while grew:
        grew = False
        for since, high in bundles:
            if (since or "") <= mark < high:
                mark, grew = high, True
    return mark


def read_watermark(ctx: AppContext) -> str:
    """``follow_acks`` over the committed acknowledged bundles."""
    marks = ", ".join("?" * len(ACKED))
    return follow_acks(
        ctx.read_sql(
            f"SELECT since_hlc, high_hlc FROM exported_bundle WHERE ack_status IN ({marks}) "
            "ORDER BY seq",
            ACKED,
        )
    )


_SEALED_VISITS = "SELECT id FROM visit WHERE status = 'submitted' AND hlc <= :upto"


def _pending_sql(entity: str) -> list[str]:
    """``pending_selects`` of ``entity`` as counting SQL (parameters ``since``, ``upto``,
    ``node``)."""
    where = "hlc > :since AND hlc <= :upto AND hlc LIKE :node"
    if entity == "visit":
        where += " AND status = 'submitted'"
    if entity == "target":  # HQ's published targets are HQ's: only the manager's go up
        where += f" AND source != '{HQ_TARGET_SOURCE}'"
    if entity in VISIT_CHILDREN:
        where += f" AND visit_id IN ({_SEALED_VISITS})"
    elif entity in VISIT_GATED:  # orders and events: a visit is optional
        where += f" AND (visit_id IN ({_SEALED_VISITS}) OR visit_id IS NULL)"
    counts = [f"SELECT count(*) FROM {entity} WHERE {where}"]
    if entity in VISIT_GATED:  # older children of a visit sealed since the watermark
        counts.append(
            f"SELECT count(*) FROM {entity} WHERE hlc <= :since AND visit_id IN "
            "(SELECT id FROM visit WHERE status = 'submitted' AND hlc > :since AND hlc <= :upto)"
        )
    return counts


def pending_count(ctx: AppContext, since: str, upto: str = "~") -> int:
    """How many of this device's changes after ``since`` an export up to ``upto`` sends
    ("~" sorts after every HLC)."""
    node = ctx.device_id or "local"
    counts = [sql for entity in SYNC_ENTITIES for sql in _pending_sql(entity)]
    row = ctx.read_sql(
        "SELECT " + " + ".join(f"({sql})" for sql in counts),
        {"since": since, "upto": upto, "node": f"%:{node}"},
    )
    return int(row[0][0] or 0)


def sync_status(ctx: AppContext) -> SyncStatus:
    """The last acknowledgement, the changes the next bundle would hold and the oldest
    bundle HQ has not acknowledged."""
    pending = pending_count(ctx, read_watermark(ctx))
    last, oldest = ctx.read_sql(
        "SELECT (SELECT max(acked_at) FROM exported_bundle), "
        "(SELECT min(created_at) FROM exported_bundle WHERE acked_at IS NULL)"
    )[0]
    return SyncStatus(parse_datetime(last), pending, parse_datetime(oldest))
