"""Importing HQ's down-bundles on the laptop: a bundle signed by the trusted HQ key,
checked against the shared schemas, applied with the same merge rules (templates,
rules, targets, partner master data, grade decisions, receivables, development records
with their phones sealed to this device)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.domain.checklist import validate_template
from app.errors import BundleRejected
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.device import require_hq_key
from app.services.devrecords import open_published, store_published
from app.services.duty_rules import apply_published_rules
from app.services.grade_requests import apply_decisions
from app.services.partner_master import apply_partner_master
from app.sync.bundle import read_bundle, reject
from app.sync.caps import Caps
from app.sync.record_check import check_records
from app.sync.record_codec import validate_record
from db.models import (
    ChecklistTemplate,
    FrequencyRule,
    Partner,
    Target,
)


def import_hq_bundle(ctx: AppContext, path: Path) -> Changes:
    """Apply a down-bundle signed by the trusted HQ key, with the same merge rules."""
    hq = require_hq_key(ctx)

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
            if row["op"] == "void":  # HQ dropped its target (a re-decomposition)
                if existing is not None and existing.source == "hq" and existing.hlc < row["hlc"]:
                    existing.voided, existing.void_reason, existing.hlc = (
                        True,
                        d.get("void_reason") or "voided by HQ",
                        row["hlc"],
                    )
                continue
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
