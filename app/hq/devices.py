"""HQ's device registry: reading a laptop's public-key file, registering and revoking
devices, reassigning a device's territory; the list of devices with their syncs and a
device's sync history."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.ids import is_uuid
from app.entities import Changes, Created
from app.errors import UserError
from app.i18n import tr
from db.hq.models import Device, ImportedBundle

if TYPE_CHECKING:
    from app.hq.server import Hq


def read_device_key_file(path: Path) -> tuple[str, str, dict[str, Any]]:
    """A laptop's public-key file (``device export-key``): device id, base64 public key
    (32 raw bytes) and the rest (``user``, ``territory`` as a list of codes). Anything
    else raises ``UserError`` with one translated line saying what is wrong."""

    def bad(reason: str) -> UserError:
        return UserError(
            tr("hq", "{file} is not a device public-key file: {reason}").format(
                file=path, reason=reason
            )
        )

    if path.is_dir():
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=path))
    if not path.exists():
        raise UserError(tr("import", "File not found: {file}").format(file=path))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise bad(tr("hq", "it is not JSON text")) from exc
    except OSError as exc:
        raise UserError(
            tr("hq", "Cannot read {file}: {error}").format(file=path, error=exc.strerror or exc)
        ) from exc
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise bad(tr("hq", "it is not JSON text")) from exc
    if not isinstance(data, dict):
        raise bad(tr("hq", "it is not a JSON object"))
    for key in ("device_id", "public_key"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise bad(tr("hq", "{key} is missing").format(key=key))
    device_id, public_key = data["device_id"], data["public_key"]
    if (
        not is_uuid(device_id) or str(uuid.UUID(device_id)) != device_id
    ):  # canonical: HLCs end with it
        raise bad(tr("hq", "device_id is not a UUID"))
    try:
        raw = base64.b64decode(public_key, validate=True)
    except ValueError as exc:
        raise bad(tr("hq", "public_key is not base64")) from exc
    if len(raw) != 32:
        raise bad(tr("hq", "the public key must be 32 bytes, not {count}").format(count=len(raw)))
    user = data.get("user", "")
    if not isinstance(user, str) or len(user) > 100:
        raise bad(tr("hq", "user is not a text of at most 100 characters"))
    territory = data.get("territory", [])
    if isinstance(territory, str):
        territory = [c.strip() for c in territory.split(",") if c.strip()]
    if not isinstance(territory, list) or not all(
        isinstance(c, str) and c.isdigit() and c.isascii() for c in territory
    ):
        raise bad(tr("hq", "territory is not a list of region codes"))
    exchange = data.get("x25519_public_key")  # absent from a file of an older build
    if exchange is not None:
        try:
            exchange_raw = (
                base64.b64decode(exchange, validate=True) if isinstance(exchange, str) else b""
            )
        except ValueError as exc:
            raise bad(tr("hq", "x25519_public_key is not base64")) from exc
        if len(exchange_raw) != 32:
            raise bad(tr("hq", "x25519_public_key must be 32 bytes of base64"))
    return (
        device_id,
        public_key,
        {"user": user, "territory": territory, "x25519_public_key": exchange},
    )


def register_device(
    sessions: sessionmaker[Session],
    key_file: Path,
    user: str | None = None,
    territory: list[str] | None = None,
) -> Created:
    """Register (or update the user, territory and encryption key of) the device of a
    public-key file; returns its id and the change. A file without ``x25519_public_key`` (an older build) registers the
    device all the same; HQ then publishes no development records to it until the
    device's current key file is registered."""
    device_id, public_key, data = read_device_key_file(Path(key_file))
    if territory is None:
        territory = data["territory"]
    with sessions.begin() as s:
        device = s.get(Device, device_id)
        if device is None:
            device = Device(
                device_id=device_id, public_key=public_key, registered_at=dt.datetime.now(dt.UTC)
            )
            s.add(device)
        elif device.public_key != public_key:
            raise UserError(
                tr("hq", "Device {id} is already registered with another key.").format(id=device_id)
            )
        if data["x25519_public_key"] is not None:
            device.x25519_public_key = data["x25519_public_key"]
        device.user = user if user is not None else data["user"]
        device.territory = ",".join(territory)
    return Created(device_id, Changes.of("device", ids={device_id}))


def revoke_device(sessions: sessionmaker[Session], device_id: str) -> Changes:
    """Mark a device revoked: its later bundles are rejected."""
    with sessions.begin() as s:
        device = s.get(Device, device_id)
        if device is None:
            raise UserError(tr("hq", "Unknown device {id}.").format(id=device_id))
        device.revoked = True
    return Changes.of("device", ids={device_id})


@dataclass(frozen=True)
class TerritorySet:
    """What reassigning a device's territory returns: the region codes kept (empty:
    everywhere) and the change."""

    codes: list[str]
    changes: Changes


def set_territory(sessions: sessionmaker[Session], device_id: str, text: str) -> TerritorySet:
    """HQ reassigns a device's territory: region codes separated by commas, spaces or
    、 (any accepted form, kept shortest; empty = everywhere). The next down-bundle
    carries the partners of the new territory. Returns the codes kept and the change."""
    from app.domain.regions import regions

    codes: list[str] = []
    for part in re.split(r"[,，、\s]+", text.strip()):
        if not part:
            continue
        code = regions().normalise(part)
        if code is None:
            raise UserError(tr("hq", "Unknown region code {code}.").format(code=part))
        if code not in codes:
            codes.append(code)
    with sessions.begin() as s:
        device = s.get(Device, device_id)
        if device is None:
            raise UserError(tr("hq", "Unknown device {id}.").format(id=device_id))
        device.territory = ",".join(codes)
    return TerritorySet(codes, Changes.of("device", ids={device_id}))


def device_list(hq: Hq) -> list[dict[str, Any]]:
    """Registered devices: ``device_id``, ``user``, ``territory``, ``revoked``,
    ``registered_at``, ``bundles``, ``last_seq``, ``last_sync`` (ISO text or None),
    ``x25519`` (HQ holds its encryption key: development records can be published to it)."""
    with hq.sessions() as s:
        synced = {
            d: (int(n), int(seq or 0), last)
            for d, n, seq, last in s.execute(
                select(
                    ImportedBundle.device_id,
                    func.count(),
                    func.max(ImportedBundle.seq),
                    func.max(ImportedBundle.imported_at),
                ).group_by(ImportedBundle.device_id)
            )
        }
        rows = []
        for d in s.scalars(select(Device).order_by(Device.user, Device.device_id)):
            n, seq, last = synced.get(d.device_id, (0, 0, None))
            rows.append(
                {
                    "device_id": d.device_id,
                    "user": d.user,
                    "territory": [c for c in d.territory.split(",") if c],
                    "revoked": d.revoked,
                    "registered_at": d.registered_at.isoformat() if d.registered_at else None,
                    "bundles": n,
                    "last_seq": seq,
                    "x25519": d.x25519_public_key is not None,
                    "last_sync": (last if last.tzinfo else last.replace(tzinfo=dt.UTC)).isoformat()
                    if last
                    else None,
                }
            )
    return rows


def sync_history(hq: Hq, device_id: str) -> list[dict[str, Any]]:
    """The bundles HQ accepted from a device, newest first: ``seq``, ``imported_at``, ``counts``."""
    with hq.sessions() as s:
        return [
            {
                "seq": b.seq,
                "imported_at": b.imported_at.isoformat() if b.imported_at else None,
                "counts": dict(b.counts or {}),
            }
            for b in s.scalars(
                select(ImportedBundle)
                .where(ImportedBundle.device_id == device_id)
                .order_by(ImportedBundle.seq.desc())
            )
        ]
