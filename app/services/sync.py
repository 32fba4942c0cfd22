"""Laptop side of sync, up to HQ: export a signed bundle of everything changed since the
last acknowledged bundle (streamed; never marks anything synced) and apply HQ's signed
ack; the status shown in the status bar is re-exported from ``sync_state``. HQ's
down-bundles are imported by ``sync_down``, conflicts listed and resolved by
``sync_conflicts``."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    func,
    select,
)

from app.atomic import fsync_folder
from app.domain.ids import uuid7
from app.errors import UserError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.device import load_private_key, require_device_id, require_hq_key
from app.services.export_plan import ExportPlan, plan_export
from app.services.export_sizes import bundle_overhead, fits_caps, pending_blobs, pending_totals
from app.services.progress import Progress
from app.services.sync_records import (
    Tally,
    record_lines,
)
from app.services.sync_state import ACKED, follow_acks
from app.services.sync_state import SyncStatus as SyncStatus  # re-exported
from app.services.sync_state import sync_status as sync_status  # re-exported
from app.sync import signing
from app.sync.bundle_write import OverCaps, write_bundle
from app.sync.caps import ExportCaps
from db.base import utcnow
from db.models import (
    SYNC_TABLES,
    ExportedBundle,
)

VOID, UPSERT = '"void"', '"upsert"'


class NothingToSend(UserError):
    """``sync export --next`` with no change after the newest bundle: no bundle is written.
    Not a failure (exit 0): the message tells the user that everything has gone."""

    exit_code = 0


def watermark(ctx: AppContext) -> str:
    """The highest HLC HQ is known to hold ('' before the first ack): ``follow_acks`` over
    the acknowledged bundles, read in this context's session."""
    with ctx.read_session() as s:
        acked = s.execute(
            select(ExportedBundle.since_hlc, ExportedBundle.high_hlc)
            .where(ExportedBundle.ack_status.in_(ACKED))
            .order_by(ExportedBundle.seq)
        ).all()
    return follow_acks(acked)


def _next_part_since(ctx: AppContext, acked: str) -> str:
    """Where the next part of a backlog begins: the cut of the newest bundle, when HQ has
    not acknowledged it yet (else ``acked``: an ordinary export)."""
    with ctx.read_session() as s:
        latest = s.scalar(select(ExportedBundle).order_by(ExportedBundle.seq.desc()).limit(1))
    if latest is None or latest.ack_status in ACKED:
        return acked
    if latest.ack_status == "rejected":
        raise UserError(
            tr(
                "sync",
                'HQ rejected bundle {seq}; export everything again (without "next part") after fixing the cause.',
            ).format(seq=latest.seq)
        )
    return max(latest.high_hlc, acked)


# the database's estimate of the records is ~12x their deflated size on the demo: 6 errs on
# the large side
RECORDS_DEFLATE = 6


@dataclass(frozen=True)
class ExportEstimate:
    """What ``export_bundle`` would write now: pending changes, photos, about how many
    bytes, and whether HQ's size limits will leave part of it for a later bundle."""

    changes: int
    photos: int
    size: int
    capped: bool


def estimate_export(ctx: AppContext, next_part: bool = False) -> ExportEstimate:
    """The size of the next bundle (``export_bundle`` with the same ``next_part``), before
    writing it (shown while the export runs)."""
    node = require_device_id(ctx)
    acked, caps = watermark(ctx), ExportCaps()
    since = _next_part_since(ctx, acked) if next_part else acked
    with ctx.read_session() as s:
        sizes = pending_blobs(ctx, s, since, "~", node)  # "~" sorts after every HLC
        pending, per_entity = pending_totals(
            s, since, "~", node, s.get_bind().dialect.name, caps.records_bytes, exact=True
        )
    records = sum(per_entity.values())
    photos = sum(sizes.values())
    capped = not fits_caps(caps, len(sizes), len(per_entity), records + photos, per_entity)
    size = photos + records // RECORDS_DEFLATE + bundle_overhead(len(sizes), len(per_entity))
    return ExportEstimate(
        pending, len(sizes), min(size, caps.bundle_bytes) if capped else size, capped
    )


def _check_free_space(folder: Path, needed: int) -> None:
    """Refuse before writing when ``folder``'s disk cannot hold ``needed`` bytes."""
    import shutil

    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # the write itself reports what is wrong with the folder
    if free < needed:
        raise UserError(
            tr(
                "sync",
                "Not enough free space in {folder}: the bundle needs about {need:.0f} MB, "
                "{free:.0f} MB are free. Nothing was written.",
            ).format(folder=folder, need=needed / 1e6, free=free / 1e6)
        )


@dataclass
class ExportResult:
    bundle_id: str
    seq: int
    path: Path
    counts: dict[str, int]
    size: int
    remaining: int = 0  # pending changes left for the next bundle (HQ's size limits)
    over_hq_caps: bool = False  # one visit (or group) alone is larger than HQ accepts

    @property
    def changes(self) -> Changes:
        """What the export changed: a bundle was recorded (the UI's op runner announces it)."""
        return Changes.of("exported_bundle")

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle_id": self.bundle_id,
            "seq": self.seq,
            "path": str(self.path),
            "counts": self.counts,
            "remaining": self.remaining,
        }

    def messages(self) -> list[str]:
        """Translated notes for the user about a capped bundle (none when all fitted)."""
        notes = []
        if self.remaining:
            notes.append(
                tr(
                    "sync",
                    "{count} changes did not fit in this bundle (HQ's size limits): export the "
                    "next part now with 'sync export --next' to hand both over together, or "
                    "export again after HQ has acknowledged this one.",
                ).format(count=self.remaining)
            )
        if self.over_hq_caps:
            notes.append(
                tr(
                    "sync",
                    "This bundle holds a single visit (or group of changes) that is larger than "
                    "HQ accepts by default; ask HQ to raise its limits.",
                )
            )
        return notes


def export_bundle(
    ctx: AppContext,
    target: Path | None = None,
    progress: Progress | None = None,
    caps: ExportCaps | None = None,
    next_part: bool = False,
) -> ExportResult:
    """Everything pending since the last acknowledged bundle, or — when that is over the
    export caps (``ExportCaps``, below HQ's) — a prefix of it in HLC order whose
    ``high_hlc`` is the cut: the ack then covers exactly what the bundle holds. With
    ``next_part``, what comes after the newest bundle while HQ has not acknowledged it
    yet (the next part of a large backlog, to hand over together)."""
    node = require_device_id(ctx)
    acked = watermark(ctx)
    since = _next_part_since(ctx, acked) if next_part else acked
    # the export reads exactly the changes stamped before it began: a change made while
    # it runs has a later HLC, so it is neither half in this bundle nor skipped by the ack.
    # The stamp is taken under SQLite's write lock (``tick_committed``): no other process
    # is then midway through a transaction whose earlier stamps this read would miss.
    upto = ctx.tick_committed()
    if next_part:
        _refuse_empty_next_part(ctx, since, upto, node)
    caps = caps or ExportCaps()
    choosing = tr("sync", "Choosing which changes fit into this bundle…")
    if progress is not None:  # (a backlog over the caps takes seconds here: a busy bar)
        progress(0, 0, choosing)
    plan = plan_export(ctx, since, upto, node, caps, defer=True)
    try:
        return _write_export(ctx, target, progress, since, acked, upto, plan, caps)
    except OverCaps:  # the records did not fit beside the photos: plan the cut, then write
        if progress is not None:
            progress(0, 0, choosing)
        return _write_export(
            ctx,
            target,
            progress,
            since,
            acked,
            upto,
            plan_export(ctx, since, upto, node, caps, optimistic=False, defer=True),
            caps,
        )


def _refuse_empty_next_part(ctx: AppContext, since: str, upto: str, node: str) -> None:
    """The next part holds nothing (every change is in a bundle already): say so instead
    of writing an empty bundle."""
    with ctx.read_session() as s:
        pending, _sizes = pending_totals(
            s, since, upto, node, s.get_bind().dialect.name, 0, counts_only=True
        )
    if not pending:
        raise NothingToSend(nothing_left_message())


def nothing_left_message() -> str:
    """What a next part with nothing in it answers (CLI and Sync → Export next part)."""
    return tr(
        "sync",
        "Nothing left to send: every change is already in a bundle for HQ. No bundle was written.",
    )


def _write_export(
    ctx: AppContext,
    target: Path | None,
    progress: Progress | None,
    since: str,
    acked: str,
    upto: str,
    plan: ExportPlan,
    caps: ExportCaps,
) -> ExportResult:
    """Write the bundle of ``plan`` (changes after ``since``; ``acked`` is what HQ is known
    to hold, the records' ``base_hlc``) and register it. A cut still to be chosen is
    chosen while the photos it takes are already being copied (seconds for a large
    backlog), before the records are read."""
    node = ctx.device_id
    assert node is not None
    with ctx.read_session() as s:
        seq = int(s.scalar(select(func.coalesce(func.max(ExportedBundle.seq), 0))) or 0) + 1
        base_ack = int(
            s.scalar(
                select(func.coalesce(func.max(ExportedBundle.seq), 0)).where(
                    ExportedBundle.ack_status.in_(ACKED)
                )
            )
            or 0
        )
    bundle_id = uuid7()
    if target is None:
        ctx.paths.outbox.mkdir(parents=True, exist_ok=True)
        target = (
            ctx.paths.outbox
            / f"{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}-seq{seq}-{bundle_id[:8]}.cdsync"
        )
    target = Path(target)
    counts: dict[str, int] = {}
    high = [since]
    base_hlc = acked or None
    chosen = [plan]  # a deferred cut is chosen by ``choose``, before any records are read

    def records_of(entity: str) -> Iterator[list[str]]:
        final = chosen[0]
        tally = Tally(top=high[0])
        yield from record_lines(
            ctx,
            entity,
            since,
            upto,
            node,
            base_hlc,
            final.high,
            (final.extra or {}).get(entity),
            tally,
        )
        high[0] = tally.top
        counts[entity] = tally.count

    def all_records() -> dict[str, Any]:
        return {entity: records_of(entity) for entity in SYNC_TABLES}

    key = load_private_key(ctx)
    manifest = {
        "kind": "field",
        "bundle_id": bundle_id,
        "device_id": node,
        "user": ctx.user_name,
        "territory": ctx.territory,
        "created_at": utcnow().isoformat(),
        "created_hlc": upto,
        "seq": seq,
        "base_ack_seq": base_ack,
        "app_version": __import__("app").__version__,
    }

    photo_bytes = sum(plan.blobs.values())
    if (
        plan.walk is not None
    ):  # (``blobs``: every pending photo, of which at most a bundle's worth goes)
        photo_bytes = min(photo_bytes, caps.bundle_bytes)
    _check_free_space(
        target.parent, photo_bytes + 16 * 1024 * 1024
    )  # photos, and room for the records
    choose = None
    if plan.walk is None:
        shas = sorted(plan.blobs)
        blobs = list(zip(shas, ctx.paths.media_file_names(shas), strict=True))
    else:
        blobs = []

        def choose(feed: Any) -> None:
            chosen[0] = plan.walk(
                lambda shas: feed(list(zip(shas, ctx.paths.media_file_names(shas), strict=True)))
            )

    # Written (``atomic_path``, flushed) under a temporary name and renamed in the
    # transaction that registers it: an export that fails (a full disk, a database locked by
    # another process) leaves no bundle and consumes no seq, so HQ never sees two bundles of
    # one seq.
    pending = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    moved = committed = False
    try:
        with ctx.temporary(pending):
            try:
                write_bundle(
                    pending,
                    manifest,
                    all_records(),
                    blobs,
                    lambda body: signing.sign(key, body),
                    progress=(lambda d, t, m: progress(d, t, m)) if progress is not None else None,
                    blob_bytes=photo_bytes,
                    records_room=plan.records_room,
                    records_cap=plan.records_cap,
                    choose_blobs=choose,
                )
            except OSError as exc:
                raise _not_written(target, exc) from exc
            plan = chosen[0]
            counts = {k: v for k, v in counts.items() if v}
            with ctx.session() as s:
                if (
                    int(s.scalar(select(func.coalesce(func.max(ExportedBundle.seq), 0))) or 0) + 1
                    != seq
                ):
                    raise UserError(
                        tr(
                            "sync",
                            "Another export was made meanwhile; nothing was marked as sent. Export again.",
                        )
                    )
                s.add(
                    ExportedBundle(
                        bundle_id=bundle_id,
                        seq=seq,
                        base_ack_seq=base_ack,
                        high_hlc=plan.high or high[0],
                        since_hlc=since,
                        path=str(target),
                        counts=counts,
                    )
                )
                s.flush()
                try:
                    os.replace(pending, target)
                except OSError as exc:
                    raise _not_written(target, exc) from exc
                moved = True
            committed = True
        fsync_folder(target.parent)  # the rename to its name survives a power cut too
    finally:
        if not committed:
            pending.unlink(missing_ok=True)
            if moved:
                target.unlink(missing_ok=True)
    return ExportResult(
        bundle_id, seq, target, counts, target.stat().st_size, plan.remaining, plan.over_hq_caps
    )


def _not_written(target: Path, exc: OSError) -> UserError:
    """The bundle could not be written or moved to its name (nothing is marked sent)."""
    return UserError(
        tr("sync", "Cannot write the bundle {path}: {error}. Nothing was marked as sent.").format(
            path=target, error=exc.strerror or exc
        )
    )


def apply_ack(ctx: AppContext, path: Path) -> Changes:
    """Verify HQ's signature and mark everything up to the acknowledged seq as synced."""
    hq = require_hq_key(ctx)
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise UserError(
            tr("sync", "Cannot read {file}: {error}. Nothing was changed.").format(
                file=path, error=exc.strerror or exc
            )
        ) from exc
    except UnicodeDecodeError as exc:
        raise UserError(
            tr(
                "sync",
                "{file} is not an HQ acknowledgement (not a text file); nothing was changed.",
            ).format(file=path)
        ) from exc
    try:
        ack = json.loads(text)
    except ValueError:
        ack = None
    if not isinstance(ack, dict):
        raise UserError(
            tr(
                "sync",
                "{file} is not an HQ acknowledgement (not a JSON document); nothing was changed.",
            ).format(file=path)
        )
    if not signing.verify_document(hq["public_key"], ack):
        raise UserError(
            tr(
                "sync",
                "The acknowledgement's signature does not match the trusted HQ key; nothing was changed.",
            )
        )
    if ack.get("device_id") != ctx.device_id:
        raise UserError(
            tr(
                "sync", "This acknowledgement is for another device ({id}); nothing was changed."
            ).format(id=ack.get("device_id"))
        )
    with ctx.session() as s:
        bundle = s.get(ExportedBundle, ack.get("bundle_id"))
        if bundle is None or bundle.seq != ack.get("seq"):
            raise UserError(
                tr("sync", "This acknowledgement is for a bundle this device did not export.")
            )
        if ack.get("status") not in ACKED:
            bundle.ack_status = "rejected"
            raise UserError(
                tr(
                    "sync",
                    "HQ rejected bundle {seq}: {reason}. Export again after fixing the cause.",
                ).format(seq=bundle.seq, reason=ack.get("reason", ""))
            )
        bundle.ack_status, bundle.acked_at = ack["status"], utcnow()
    return Changes.of("exported_bundle")
