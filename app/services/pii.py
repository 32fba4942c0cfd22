"""Customers' personal information on the laptop: phone numbers are encrypted at rest
with AES-GCM under a key kept in the device's key store (``keystore/records.key``, mode
0600, never in a backup or a bundle); people see only the masked form (138****1234).
The key store also holds the device's X25519 private key (``keystore/device_x25519.key``),
with which the laptop opens the phones HQ seals to it in a down-bundle."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.atomic import Durability, atomic_write
from app.errors import UserError
from app.i18n import tr
from app.sync.sealed import decrypt_phone, encrypt_phone, keyed_digest

__all__ = [
    "decrypt_phone",
    "encrypt_phone",
    "exchange_private_key",
    "exchange_public_key",
    "keyed_digest",
    "record_key",
]

if TYPE_CHECKING:
    from app.services.context import AppContext

KEY_BYTES = 32
_lock = threading.Lock()


def _keystore_secret(
    path: Path, make: Callable[[], bytes], create: bool, name: str
) -> bytes | None:
    """The 32 secret bytes of a key-store file (made by ``make`` on first use when
    ``create``; written 0600 through a temporary file and a rename)."""
    with _lock:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            if not create:
                return None
            data = make()
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                atomic_write(path, data, Durability.SYNC, private=True)
            except OSError as exc:
                raise UserError(
                    tr("errors", "Cannot write the {name} {path}: {error}").format(
                        name=name, path=path, error=exc.strerror or exc
                    )
                ) from exc
        except OSError as exc:
            raise UserError(
                tr("errors", "Cannot read the {name} {path}: {error}").format(
                    name=name, path=path, error=exc.strerror or exc
                )
            ) from exc
    if len(data) != KEY_BYTES:
        raise UserError(tr("errors", "The {name} {path} is damaged.").format(name=name, path=path))
    return data


def record_key(ctx: AppContext, create: bool = True) -> bytes | None:
    """The device's record key (made on first use when ``create``)."""
    return _keystore_secret(
        ctx.paths.record_key, lambda: os.urandom(KEY_BYTES), create, tr("errors", "record key")
    )


def exchange_private_key(ctx: AppContext, create: bool = True) -> bytes | None:
    """The device's X25519 private key, HQ's sealed phones are opened with it (made on
    first use when ``create``; a data dir made before it existed gets it then)."""
    from app.sync.sealed import generate_private

    return _keystore_secret(
        ctx.paths.exchange_key, generate_private, create, tr("errors", "device encryption key")
    )


def exchange_public_key(ctx: AppContext) -> bytes:
    """The raw X25519 public key HQ seals to (the private key is made when missing)."""
    from app.sync.sealed import public_of

    private = exchange_private_key(ctx)
    assert private is not None
    return public_of(private)
