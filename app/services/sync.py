"""Laptop side of sync: export a signed bundle of everything changed since the last
acknowledged bundle (streamed; never marks anything synced), apply HQ's signed ack,
import HQ down-bundles (templates, rules, targets, partner master data, development
records with their phones sealed to this device) with the same merge rules, and the
status shown in the status bar."""

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
from app.domain.checklist import validate_template
from app.domain.hlc import Timestamp
from app.domain.ids import uuid7
from app.errors import BundleRejected, UserError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.device import load_private_key, trusted_hq_key
from app.services.devrecords import open_published, store_published
from app.services.duty_rules import apply_published_rules
from app.services.export_plan import (
    ExportPlan,
    bundle_overhead,
    fits_caps,
    pending_blobs,
    pending_totals,
    plan_export,
)
from app.services.grade_requests import apply_decisions
from app.services.partner_master import apply_partner_master
from app.services.progress import Progress
from app.services.sync_records import (
    Tally,
    record_lines,
)
from app.services.sync_state import ACKED, follow_acks
from app.services.sync_state import SyncStatus as SyncStatus  # re-exported
from app.services.sync_state import sync_status as sync_status  # re-exported
from app.sync import signing
from app.sync.bundle import read_bundle, reject
from app.sync.bundle_write import OverCaps, write_bundle
from app.sync.caps import Caps, ExportCaps
from app.sync.record_check import check_records
from app.sync.record_codec import validate_record
from db.base import utcnow
from db.models import (
    SYNC_TABLES,
    ChecklistTemplate,
    ExportedBundle,
    FrequencyRule,
    Partner,
    SyncConflict,
    Target,
)

VOID, UPSERT = '"void"', '"upsert"'


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
    node = ctx.device_id
    if node is None:
        raise UserError(
            tr("sync", "This data directory is not initialised; run 'channeldesk init'.")
        )
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
    node = ctx.device_id
    if node is None:
        raise UserError(
            tr("sync", "This data directory is not initialised; run 'channeldesk init'.")
        )
    acked = watermark(ctx)
    since = _next_part_since(ctx, acked) if next_part else acked
    # the export reads exactly the changes stamped before it began: a change made while
    # it runs has a later HLC, so it is neither half in this bundle nor skipped by the ack.
    # The stamp is taken under SQLite's write lock (``tick_committed``): no other process
    # is then midway through a transaction whose earlier stamps this read would miss.
    upto = ctx.tick_committed()
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
                raise UserError(
                    tr(
                        "sync",
                        "Cannot write the bundle {path}: {error}. Nothing was marked as sent.",
                    ).format(path=target, error=exc.strerror or exc)
                ) from exc
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
                    raise UserError(
                        tr(
                            "sync",
                            "Cannot write the bundle {path}: {error}. Nothing was marked as sent.",
                        ).format(path=target, error=exc.strerror or exc)
                    ) from exc
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


def apply_ack(ctx: AppContext, path: Path) -> Changes:
    """Verify HQ's signature and mark everything up to the acknowledged seq as synced."""
    hq = trusted_hq_key(ctx)
    if hq is None:
        raise UserError(
            tr(
                "sync",
                "No trusted HQ key is set; import HQ's public key first (init --hq-key or Settings).",
            )
        )
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


def import_hq_bundle(ctx: AppContext, path: Path) -> Changes:
    """Apply a down-bundle signed by the trusted HQ key, with the same merge rules."""
    hq = trusted_hq_key(ctx)
    if hq is None:
        raise UserError(
            tr(
                "sync",
                "No trusted HQ key is set; import HQ's public key first (init --hq-key or Settings).",
            )
        )

    def key_for(manifest: dict[str, Any]) -> str:
        if manifest.get("device_id") != ctx.device_id:
            raise reject(tr("sync", "this HQ bundle is for another device"))
        return hq["public_key"]

    try:
        bundle = read_bundle(path, Caps(), key_for, expected_kind="hq")
    except BundleRejected as exc:
        raise BundleRejected(
            tr("sync", "HQ bundle refused: {reason}").format(reason=exc.message)
        ) from exc
    hq_node = str(bundle.manifest.get("hq_id", ""))
    if hq["hq_id"] and hq_node != hq["hq_id"]:
        raise BundleRejected(tr("sync", "HQ bundle refused: it names another HQ"))
    for entity, rows in bundle.records.items():
        for row in rows:
            problem = validate_record(entity, row, None)
            if problem:
                raise BundleRejected(
                    tr("sync", "HQ bundle refused: {reason}").format(reason=problem)
                )
        # the same schemas as HQ's ingest (app/sync/schema.py)
        parsed = bundle.lines.get(entity)
        found = check_records(
            entity,
            [row["data"] for row in rows],
            [row["id"] for row in rows],
            parsed.data_text if parsed is not None else None,
        )
        if found is not None:
            raise BundleRejected(
                tr("sync", "HQ bundle refused: {reason}").format(reason=found.message)
            )
    for row in bundle.records.get("checklist_template", []):
        # a template's body is what the visits run: it must be one this build can run
        try:
            problems = validate_template(row["data"]["body"])
        except (AttributeError, TypeError, KeyError, ValueError):
            problems = [tr("sync", "the body is malformed")]
        if problems:
            raise BundleRejected(
                tr("sync", "HQ bundle refused: checklist template {id}: {problem}").format(
                    id=row["id"], problem=problems[0]
                )
            )
    # HQ's development records: their customers' phones open with this device's key, in
    # memory, before anything is written (a wrong or garbled envelope refuses the bundle)
    published_records = open_published(ctx, bundle.manifest, bundle.records.get("dev_record", []))
    with ctx.session() as s:
        s.info["keep_hlc"] = True
        clock = ctx.get_clock()
        for rows in bundle.records.values():
            for row in rows:
                clock.observe(row["hlc"])
        for row in bundle.records.get("checklist_template", []):
            d = row["data"]
            # a template is immutable once known, by its id or its name and version
            existing = s.get(ChecklistTemplate, row["id"]) or s.scalar(
                select(ChecklistTemplate).where(
                    ChecklistTemplate.name == d["name"],
                    ChecklistTemplate.version == int(d["version"]),
                )
            )
            if existing is None:
                s.add(
                    ChecklistTemplate(
                        id=row["id"],
                        hlc=row["hlc"],
                        name=d["name"],
                        version=int(d["version"]),
                        title=d.get("title", d["name"]),
                        body=d["body"],
                        source="hq",
                        is_default=bool(d.get("is_default")),
                    )
                )
        if bundle.records.get("frequency_rule"):
            for rule in s.scalars(select(FrequencyRule).where(FrequencyRule.voided.is_(False))):
                rule.voided, rule.void_reason, rule.hlc = True, "replaced by HQ", ctx.tick()
            for row in bundle.records["frequency_rule"]:
                d = row["data"]
                s.add(
                    FrequencyRule(
                        hlc=row["hlc"],
                        scope=d["scope"],
                        grade=d.get("grade"),
                        period=d["period"],
                        min_visits=int(d["min_visits"]),
                    )
                )
        for row in bundle.records.get("target", []):
            d = row["data"]
            existing = s.get(Target, row["id"]) or s.scalar(
                select(Target).where(
                    Target.metric == d["metric"],
                    Target.period == d["period"],
                    Target.scope_kind == d["scope_kind"],
                    Target.scope == d["scope"],
                )
            )
            if existing is None:
                s.add(
                    Target(
                        id=row["id"],
                        hlc=row["hlc"],
                        metric=d["metric"],
                        period=d["period"],
                        scope_kind=d["scope_kind"],
                        scope=d["scope"],
                        amount=int(d["amount"]),
                        source="hq",
                    )
                )
            elif (
                existing.hlc < row["hlc"] or existing.source != "hq"
            ):  # HQ's publication replaces a local entry
                existing.amount, existing.hlc, existing.source, existing.voided = (
                    int(d["amount"]),
                    row["hlc"],
                    "hq",
                    False,
                )
        apply_partner_master(s, bundle.records.get("partner", []))
        apply_decisions(s, bundle.records.get("grade_request", []))
        apply_published_rules(s, [row["data"] for row in bundle.records.get("duty_rule", [])])
        _apply_receivables(s, bundle.records.get("invoice", []), bundle.records.get("payment", []))
        store_published(s, ctx, published_records)
    ctx.set_meta("hlc_last", str(ctx.get_clock().last))
    return Changes.of(
        "partner",
        "target",
        "checklist_template",
        "frequency_rule",
        "sync_conflict",
        "duty_rule",
        "grade_request",
        "invoice",
        "payment",
        "dev_record",
    )


def _apply_receivables(
    s: Any, invoices: list[dict[str, Any]], payments: list[dict[str, Any]]
) -> None:
    """HQ's invoices and payments from the ERP (the newer HLC wins; rows of a partner
    this laptop does not hold are skipped)."""
    from db.models import Invoice, Payment

    known: set[str] = set()
    for row in invoices:
        d, existing = row["data"], s.get(Invoice, row["id"])
        if existing is None and s.get(Partner, d.get("partner_id")) is None:
            continue
        known.add(row["id"])
        values = {
            "partner_id": d["partner_id"],
            "number": str(d["number"]),
            "issue_date": dt.date.fromisoformat(d["issue_date"]),
            "due_date": dt.date.fromisoformat(d["due_date"]),
            "amount_fen": int(d["amount_fen"]),
            "paid_fen": int(d["paid_fen"]),
        }
        if existing is None:
            s.add(Invoice(id=row["id"], hlc=row["hlc"], **values))
        elif existing.hlc < row["hlc"]:
            for key, value in values.items():
                setattr(existing, key, value)
            existing.hlc = row["hlc"]
    s.flush()
    for row in payments:
        d = row["data"]
        if s.get(Payment, row["id"]) is None and (
            d.get("invoice_id") in known or s.get(Invoice, d.get("invoice_id")) is not None
        ):
            s.add(
                Payment(
                    id=row["id"],
                    hlc=row["hlc"],
                    invoice_id=d["invoice_id"],
                    paid_date=dt.date.fromisoformat(d["paid_date"]),
                    amount_fen=int(d["amount_fen"]),
                    note=str(d.get("note") or ""),
                )
            )


def hlc_wall(hlc: str) -> int:
    return Timestamp.parse(hlc).wall_ms


@dataclass(frozen=True)
class ConflictRow:
    id: str
    entity: str
    record_id: str
    label: str
    field: str
    kept: Any
    lost: Any


def open_conflicts(ctx: AppContext) -> list[ConflictRow]:
    """Unresolved conflicts with both values, for the Conflicts list."""
    with ctx.read_session() as s:
        rows = list(
            s.scalars(
                select(SyncConflict)
                .where(SyncConflict.resolved.is_(False))
                .order_by(SyncConflict.created_at)
            )
        )
        labels = {
            p.id: f"{p.code} {p.name}"
            for p in s.scalars(select(Partner).where(Partner.id.in_([r.record_id for r in rows])))
        }
    return [
        ConflictRow(
            r.id,
            r.entity,
            r.record_id,
            labels.get(r.record_id, r.record_id[:8]),
            r.field,
            r.winner_value,
            r.loser_value,
        )
        for r in rows
    ]


def resolve_conflict(ctx: AppContext, conflict_id: str, take_lost_value: bool) -> Changes:
    """Keep the current value, or take the value that lost — which is then a new change
    of this device and syncs to HQ like any edit."""
    with ctx.session() as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved:
            raise UserError(tr("sync", "This conflict was already resolved."))
        if take_lost_value and conflict.entity == "partner":
            partner = s.get(Partner, conflict.record_id)
            if partner is not None and conflict.field in {c.key for c in Partner.__table__.columns}:
                setattr(partner, conflict.field, conflict.loser_value)
        conflict.resolved, conflict.resolution = True, "theirs" if take_lost_value else "kept"
    return Changes.of("sync_conflict", "partner")
