"""Device identity (``init``): data dir, database, Ed25519 key pair, UUIDv7 device id,
user, territory and the trusted HQ key; ``device show`` / ``export-key``."""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.atomic import Durability, atomic_write
from app.domain.ids import uuid7
from app.domain.regions import regions
from app.errors import NotInitialised, UserError, ValidationError
from app.i18n import tr
from app.paths import write_private

if TYPE_CHECKING:
    from app.services.context import AppContext


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    public_key: str
    fingerprint: str
    user: str
    territory: list[str]

    def to_json(self) -> dict[str, object]:
        return {
            "device_id": self.device_id,
            "public_key": self.public_key,
            "fingerprint": self.fingerprint,
            "user": self.user,
            "territory": self.territory,
        }


def parse_territory(text: str | None) -> list[str]:
    """Comma-separated region codes, each validated against the admin divisions; 2-, 4- and
    6-digit forms are accepted (``320000`` = ``32``, ``320100`` = ``3201``) and the shortest
    form is kept."""
    if not text:
        return []
    codes = [c.strip() for c in text.replace("，", ",").split(",") if c.strip()]
    table = regions()
    bad = [c for c in codes if table.normalise(c) is None]
    if bad:
        raise ValidationError(
            tr(
                "errors",
                "Unknown region code(s): {codes}. Use 2-, 4- or 6-digit codes such as 31, 3101 or 310101.",
            ).format(codes=", ".join(bad))
        )
    shortest = [table.normalise(c) or c for c in codes]
    return list(
        dict.fromkeys(shortest)
    )  # official forms (320100) kept in their shortest form (3201)


def fingerprint_of(raw_public_key: bytes) -> str:
    return hashlib.sha256(raw_public_key).hexdigest()[:16]


def _write_private_key(path: Path) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, pem)
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def load_private_key(ctx: AppContext):  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import serialization

    try:
        data = ctx.paths.device_private_key.read_bytes()
    except OSError as exc:
        raise UserError(
            tr("errors", "The device key {path} is missing: {error}").format(
                path=ctx.paths.device_private_key, error=exc
            )
        ) from exc
    return serialization.load_pem_private_key(data, password=None)


# PKCS#8 of an unencrypted Ed25519 key (RFC 8410): this prefix, then the 32-byte seed
_ED25519_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")


def public_key_raw(ctx: AppContext) -> bytes:
    """The device's raw public key. The key file as ``init`` writes it is read without the
    ``cryptography`` package (``device show`` stays quick); any other form goes through it."""
    try:
        text = ctx.paths.device_private_key.read_text(encoding="ascii")
        lines = text.strip().splitlines()
        if lines[0] == "-----BEGIN PRIVATE KEY-----" and lines[-1] == "-----END PRIVATE KEY-----":
            der = base64.b64decode("".join(lines[1:-1]), validate=True)
            if len(der) == 48 and der.startswith(_ED25519_PKCS8_PREFIX):
                from app.domain.ed25519 import public_key

                return public_key(der[16:])
    except (OSError, ValueError, IndexError):
        pass  # load_private_key gives the one clear message
    from cryptography.hazmat.primitives import serialization

    return (
        load_private_key(ctx)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def initialise_device(
    ctx: AppContext,
    *,
    user: str | None = None,
    territory: list[str] | None = None,
    hq_key_file: Path | None = None,
) -> DeviceInfo:
    """Create what is missing (idempotent); given values update user/territory/HQ key."""
    from app.services.reference_data import seed_reference_data

    hq_key = read_hq_key_file(hq_key_file) if hq_key_file else None
    with ctx.session() as s:
        device_id = ctx.meta("device_id")
        if device_id is None:
            device_id = uuid7()
            ctx.set_meta("device_id", device_id, s)
            ctx.clock = None
        if user is not None:
            ctx.set_meta("user", user, s)
        elif ctx.meta("user") is None:
            ctx.set_meta("user", os.environ.get("USER", "") or "", s)
        if territory is not None:
            ctx.set_meta("territory", ",".join(territory), s)
        elif ctx.meta("territory") is None:
            ctx.set_meta("territory", "", s)
    if not ctx.paths.device_private_key.exists():
        _write_private_key(ctx.paths.device_private_key)
    from app.services.pii import exchange_private_key

    exchange_private_key(ctx)  # the key HQ seals published customers' phones to
    if hq_key is not None:
        write_private(
            ctx.paths.hq_public_key, json.dumps(hq_key, ensure_ascii=False).encode("utf-8")
        )
    ctx.clock = None
    seed_reference_data(ctx)
    return device_info(ctx)


def read_hq_key_file(path: Path) -> dict[str, str]:
    """HQ's public-key JSON (``hq_id``, ``public_key``, ``fingerprint``), validated."""
    path = Path(path)
    if path.is_dir():
        raise ValidationError(tr("import", "{file} is a folder, not a file.").format(file=path))
    if not path.exists():
        raise ValidationError(tr("import", "File not found: {file}").format(file=path))
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            tr("errors", "{path} is not an HQ public-key file: {error}").format(
                path=path, error=tr("errors", "it is not JSON")
            )
        ) from exc
    except OSError as exc:
        raise ValidationError(
            tr("errors", "{path} is not an HQ public-key file: {error}").format(
                path=path, error=exc.strerror or exc
            )
        ) from exc
    if not isinstance(data, dict) or "public_key" not in data:
        raise ValidationError(
            tr("errors", "{path} is not an HQ public-key file: {error}").format(
                path=path, error=tr("errors", "it has no {key}").format(key="public_key")
            )
        )
    try:
        raw = base64.b64decode(data["public_key"], validate=True)
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            tr("errors", "{path} is not an HQ public-key file: the key must be 32 bytes").format(
                path=path
            )
        ) from exc
    if len(raw) != 32:
        raise ValidationError(
            tr("errors", "{path} is not an HQ public-key file: the key must be 32 bytes").format(
                path=path
            )
        )
    if data.get("fingerprint") and data["fingerprint"] != fingerprint_of(raw):
        raise ValidationError(
            tr("errors", "{path}: the fingerprint does not match the key").format(path=path)
        )
    return {
        "hq_id": str(data.get("hq_id", "")),
        "public_key": data["public_key"],
        "fingerprint": fingerprint_of(raw),
    }


def trusted_hq_key(ctx: AppContext) -> dict[str, str] | None:
    path = ctx.paths.hq_public_key
    if not path.exists():
        return None
    return read_hq_key_file(path)


class NoTrustedHqKey(UserError):
    """No HQ public key is trusted yet, so a down-bundle or an acknowledgement cannot be
    checked. The message names the CLI's ``init --hq-key``; the GUI words it for its own
    Settings instead (``app.ui.sync_actions``)."""


def require_hq_key(ctx: AppContext) -> dict[str, str]:
    """The trusted HQ key (``sync import`` and ``sync ack`` check HQ's signature with it);
    ``NoTrustedHqKey`` when there is none."""
    hq = trusted_hq_key(ctx)
    if hq is None:
        raise NoTrustedHqKey(
            tr(
                "sync",
                "No trusted HQ key is set; import HQ's public key first (init --hq-key or Settings).",
            )
        )
    return hq


def require_device_id(ctx: AppContext) -> str:
    """This laptop's device id; ``NotInitialised`` when the data dir has none."""
    device_id = ctx.device_id
    if device_id is None:
        raise NotInitialised(
            tr("errors", "This data directory is not initialised; run 'channeldesk init'.")
        )
    return device_id


def device_info(ctx: AppContext) -> DeviceInfo:
    device_id = require_device_id(ctx)
    raw = public_key_raw(ctx)
    return DeviceInfo(
        device_id=device_id,
        public_key=base64.b64encode(raw).decode("ascii"),
        fingerprint=fingerprint_of(raw),
        user=ctx.user_name,
        territory=ctx.territory,
    )


def export_public_key(ctx: AppContext, target: Path) -> Path:
    """The public-key file HQ registers: the device's identity and Ed25519 key, and its
    X25519 key (``x25519_public_key``), to which HQ seals the customers' phones of the
    development records it publishes (made now on a device set up before it existed)."""
    from app.services.pii import exchange_public_key

    info = device_info(ctx)
    body = {
        **info.to_json(),
        "x25519_public_key": base64.b64encode(exchange_public_key(ctx)).decode("ascii"),
    }
    try:  # a failed write leaves the file that was there
        atomic_write(target, json.dumps(body, ensure_ascii=False, indent=2), Durability.SYNC)
    except OSError as exc:
        raise UserError(
            tr("errors", "Cannot write {path}: {error}").format(
                path=target, error=exc.strerror or exc
            )
        ) from exc
    return target
