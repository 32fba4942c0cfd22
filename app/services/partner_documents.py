"""A partner's documents: contracts (with their scan), the contracts about to end
(the reminders' 90/30/7-day warnings) and files attached to the card (licence scans,
signed contracts), stored by SHA-256 in the media store."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes, Created
from app.services.partner_rows import get_partner
from db.models import Contract, Partner


def save_contract(
    ctx: AppContext,
    partner_key: str,
    number: str,
    type_: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    key_clauses: str = "",
    confidentiality: str = "",
    termination: str = "",
    scan_sha256: str | None = None,
    contract_id: str | None = None,
) -> Changes:
    if not number.strip():
        raise ValidationError(tr("partners", "The contract number is required."))
    if start and end and end < start:
        raise ValidationError(tr("partners", "The contract ends before it starts."))
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        contract = s.get(Contract, contract_id) if contract_id else None
        if contract is None:
            contract = Contract(partner_id=partner.id, number=number)
            s.add(contract)
        contract.number, contract.type, contract.start_date, contract.end_date = (
            number.strip(),
            type_,
            start,
            end,
        )
        contract.key_clauses, contract.confidentiality_clause, contract.termination_clause = (
            key_clauses,
            confidentiality,
            termination,
        )
        contract.scan_sha256 = scan_sha256
    return Changes.of("contract")


@dataclass(frozen=True)
class ContractWarning:
    partner_code: str
    partner_name: str
    contract_number: str
    end_date: dt.date
    days_left: int
    level: int  # 90, 30 or 7


def expiring_contracts(
    ctx: AppContext, today: dt.date | None = None, thresholds: tuple[int, ...] = (90, 30, 7)
) -> list[ContractWarning]:
    """Contracts ending within the largest threshold, tagged with the tightest one reached."""
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=max(thresholds))
    with ctx.read_session() as s:
        rows = s.execute(
            select(Partner.code, Partner.name, Contract.number, Contract.end_date)
            .join(Partner, Partner.id == Contract.partner_id)
            .where(
                Contract.voided.is_(False),
                Contract.end_date.is_not(None),
                Contract.end_date >= today,
                Contract.end_date <= horizon,
                Partner.status.in_(("active", "suspended", "prospect")),
            )
            .order_by(Contract.end_date)
        ).all()
    result = []
    for code, name, number, end in rows:
        days = (end - today).days
        level = min(t for t in thresholds if days <= t)
        result.append(ContractWarning(code, name, number, end, days, level))
    return result


def attach_file(ctx: AppContext, partner_key: str, source: Path, kind: str = "other") -> Created:
    """Store a licence scan, signed contract or other file by SHA-256; returns its hash (as
    ``id``) and the change (the attachment's partner named in ``ids``)."""
    import hashlib

    from app.services.media import store_file
    from db.models import Attachment, MediaFile

    source = Path(source)
    if not source.is_file():
        raise ValidationError(tr("partners", "File not found: {file}").format(file=source))
    size = source.stat().st_size
    if size > ctx.settings.photo_max_mb * 1024 * 1024:
        raise ValidationError(
            tr("partners", "{file} is larger than {limit} MB.").format(
                file=source.name, limit=ctx.settings.photo_max_mb
            )
        )
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    store_file(ctx.paths, source, sha)
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        if s.get(MediaFile, sha) is None:
            s.add(MediaFile(sha256=sha, size=size, mime="application/octet-stream"))
        s.add(
            Attachment(
                partner_id=partner.id, sha256=sha, filename=source.name, kind=kind, size=size
            )
        )
        partner_id = partner.id
    return Created(sha, Changes.of("attachment", "partner", ids={partner_id}))


def save_contract_with_scan(
    ctx: AppContext,
    partner_key: str,
    number: str,
    type_: str,
    start: dt.date | None,
    end: dt.date | None,
    key_clauses: str,
    confidentiality: str,
    termination: str,
    scan_file: str = "",
) -> Changes:
    """The contract dialog's save: its scan (a file path, optional) stored first, then the contract."""
    scan = attach_file(ctx, partner_key, Path(scan_file), "contract").id if scan_file else None
    return save_contract(
        ctx, partner_key, number, type_, start, end, key_clauses, confidentiality, termination, scan
    )
