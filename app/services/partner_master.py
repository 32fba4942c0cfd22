"""HQ's partner master data in a down-bundle, applied on the laptop.

HQ owns a partner's ``code``, ``grade`` and ``credit_limit_fen`` (``HQ_OWNED_FIELDS``);
each published card is merged field by field (newer HLC wins, a concurrent loser kept as
a conflict). Partner codes are unique on the laptop, and one down-bundle may permute them
(HQ swapped two partners' codes, or moved a code to another partner): the cards whose code
changes first take a temporary code, so no intermediate state of the permutation meets the
unique key; new cards are added after the known ones took their final codes. It all runs
in the caller's transaction, so the bundle still applies whole or not at all.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.domain.partners import HQ_OWNED_FIELDS
from app.errors import BundleRejected
from app.i18n import tr
from app.sync.merge import merge_fields
from db.models import Partner, PartnerPublished, SyncConflict


def _parking_code(partner_id: str) -> str:
    """A code no real card can hold (codes are printable and at most 40 characters) that
    a card holds while a bundle's codes are being permuted."""
    return f"\x00{partner_id}"[:40]


def apply_partner_master(s: Any, rows: list[dict[str, Any]]) -> None:
    """Apply HQ's published partner cards ``rows`` in session ``s``."""
    known: dict[str, Partner] = {}
    for row in rows:
        partner = s.get(Partner, row["id"])
        if partner is not None:
            known[row["id"]] = partner
    # park every known card whose code this bundle changes, then give the final codes
    originals: dict[str, str] = {}
    for row in rows:
        partner = known.get(row["id"])
        code = row["data"].get("code")
        if partner is not None and code is not None and code != partner.code:
            originals[partner.id] = partner.code
            partner.code = _parking_code(partner.id)
    if originals:
        s.flush()
    for row in rows:
        if row["id"] in known:
            _apply_known(s, known[row["id"]], row, originals.get(row["id"]))
    try:
        s.flush()
    except IntegrityError as exc:  # a card kept its newer code that HQ gave another one
        raise BundleRejected(
            tr("sync", "HQ bundle refused: it gives two partners one code")
        ) from exc
    for row in rows:
        if row["id"] not in known:
            _add_new(s, row)


def _add_new(s: Any, row: dict[str, Any]) -> None:
    data = dict(row["data"])
    fh = data.pop("field_hlc", {}) or {}
    if (
        row["op"] == "void"
        or s.scalar(select(Partner.id).where(Partner.code == data.get("code"))) is not None
    ):
        return
    s.add(
        Partner(
            id=row["id"],
            hlc=row["hlc"],
            field_hlc=fh,
            **{k: v for k, v in data.items() if k in {c.key for c in Partner.__table__.columns}},
        )
    )
    s.flush()
    # HQ owns its code, grade and credit limit now
    s.merge(PartnerPublished(partner_id=row["id"], hlc=row["hlc"]))


def _apply_known(s: Any, partner: Partner, row: dict[str, Any], original_code: str | None) -> None:
    data = dict(row["data"])
    fh = data.pop("field_hlc", {}) or {}
    s.merge(PartnerPublished(partner_id=partner.id, hlc=row["hlc"]))
    owned = {k: data[k] for k in HQ_OWNED_FIELDS if k in data}
    current = {k: getattr(partner, k) for k in HQ_OWNED_FIELDS}
    if original_code is not None:
        current["code"] = original_code
    merged = merge_fields(
        current,
        dict(partner.field_hlc or {}),
        partner.hlc,
        partner.voided,
        owned,
        fh,
        row["hlc"],
        None,
        row["op"],
    )
    for c in merged.conflicts:
        s.add(
            SyncConflict(
                entity="partner",
                record_id=partner.id,
                field=c.field,
                winner_value=c.winner_value,
                loser_value=c.loser_value,
                winner_hlc=c.winner_hlc,
                loser_hlc=c.loser_hlc,
            )
        )
    for key in HQ_OWNED_FIELDS:
        if merged.data.get(key) != getattr(partner, key):
            setattr(partner, key, merged.data[key])
    partner.field_hlc = {
        **(partner.field_hlc or {}),
        **{k: v for k, v in merged.field_hlc.items() if k in HQ_OWNED_FIELDS},
    }
    partner.hlc = max(partner.hlc, row["hlc"])
    if merged.voided and not partner.voided:
        partner.voided, partner.void_reason = True, "voided by HQ"
