"""Sealed values in a down-bundle: personal data (the customers' phone numbers of the
development records HQ publishes) encrypted to one device's X25519 public key, so that
only that laptop can read them and a bundle on a USB stick holds them in no readable form.

A sealed-box style envelope built from ``cryptography``'s primitives, nothing hand-made:
HQ makes an ephemeral X25519 key pair per bundle; the X25519 shared secret with the
device's public key goes through HKDF-SHA256 (salt: the ephemeral and the recipient's
public keys, info: ``ALGORITHM``) to one AES-256-GCM key; each value is sealed with a
random 96-bit nonce and the record's id as associated data (a value moved to another
record fails to open). The bundle's manifest (signed by HQ) carries the envelope header:
``{"alg", "epk" (base64 of the ephemeral public key), "recipient" (fingerprint of the
device's X25519 public key)}``; a sealed value is base64 of nonce + ciphertext + tag.

The phones at rest (laptop and HQ) use the same AES-GCM under a symmetric record key
(``encrypt_phone`` / ``decrypt_phone``) and the rows' HMAC (``keyed_digest``)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass
from typing import Any

ALGORITHM = "X25519-HKDF-SHA256-AES256GCM"
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
# a sealed phone: nonce, at most 20 digits, tag → 48 bytes, 64 base64 characters
SEALED_MAX_CHARS = 200


class SealError(Exception):
    """A sealed value or envelope that cannot be opened (wrong key, garbled bytes)."""


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise SealError(f"{what} is not base64 text")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SealError(f"{what} is not base64") from exc


def key_fingerprint(public_raw: bytes) -> str:
    """First 16 hex digits of SHA-256 of a raw public key (as for the Ed25519 keys)."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def generate_private() -> bytes:
    """A new X25519 private key, 32 raw bytes."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return X25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def public_of(private_raw: bytes) -> bytes:
    """The raw 32-byte public key of a raw X25519 private key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return (
        X25519PrivateKey.from_private_bytes(private_raw)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )


def _derive(shared: bytes, epk: bytes, recipient: bytes) -> Any:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key = HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=epk + recipient,
        info=ALGORITHM.encode("ascii"),
    ).derive(shared)
    return AESGCM(key)


@dataclass(frozen=True)
class Sealer:
    """One bundle's envelope to one device: ``header`` goes into the manifest,
    ``seal`` encrypts each value."""

    header: dict[str, str]
    _aead: Any

    def seal(self, plaintext: bytes, associated: bytes) -> str:
        nonce = os.urandom(NONCE_BYTES)
        return _b64(nonce + self._aead.encrypt(nonce, plaintext, associated))


@dataclass(frozen=True)
class Opener:
    """The device's side of one bundle's envelope."""

    _aead: Any

    def open(self, sealed: Any, associated: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        raw = _unb64(sealed, "sealed value")
        if len(raw) < NONCE_BYTES + TAG_BYTES:
            raise SealError("sealed value is too short")
        try:
            return bytes(self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated))
        except InvalidTag as exc:
            raise SealError("sealed value does not open with this key") from exc


def sealer_for(recipient_public: bytes) -> Sealer:
    """A fresh envelope (new ephemeral key) to the device whose X25519 public key this is."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    if len(recipient_public) != KEY_BYTES:
        raise SealError("an X25519 public key is 32 bytes")
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    except ValueError as exc:  # a low-order point gives an all-zero secret
        raise SealError("the device's X25519 public key is unusable") from exc
    header = {
        "alg": ALGORITHM,
        "epk": _b64(epk),
        "recipient": key_fingerprint(recipient_public),
    }
    return Sealer(header, _derive(shared, epk, recipient_public))


def opener_for(header: Any, private_raw: bytes) -> Opener:
    """Open the envelope ``header`` (from a manifest) with the device's private key.
    Raises ``SealError`` when the header is malformed, for another algorithm, or sealed
    to another key (``SealError.args[0] == "another recipient"``)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    if not isinstance(header, dict) or set(header) != {"alg", "epk", "recipient"}:
        raise SealError("the envelope header is malformed")
    if header["alg"] != ALGORITHM:
        raise SealError("the envelope uses an unknown algorithm")
    epk = _unb64(header["epk"], "the ephemeral key")
    if len(epk) != KEY_BYTES:
        raise SealError("the ephemeral key is not 32 bytes")
    private = X25519PrivateKey.from_private_bytes(private_raw)
    recipient = public_of(private_raw)
    if header["recipient"] != key_fingerprint(recipient):
        raise SealError("another recipient")
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(epk))
    except ValueError as exc:
        raise SealError("the ephemeral key is unusable") from exc
    return Opener(_derive(shared, epk, recipient))


# -- at rest: a phone under a device's (or HQ's) symmetric record key ---------------------


def encrypt_phone(key: bytes, digits: str, context: bytes = b"phone") -> bytes:
    """Nonce followed by the AES-GCM ciphertext of ``digits``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, digits.encode("ascii"), context)


def decrypt_phone(key: bytes | None, blob: bytes, context: bytes = b"phone") -> str | None:
    """The phone digits, or None when this key cannot read them (another key, e.g. after
    the data was moved without its key store)."""
    if key is None:
        return None
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context).decode("ascii")
    except (InvalidTag, ValueError):
        return None


def keyed_digest(key: bytes, *parts: str) -> str:
    """HMAC-SHA256 of the parts: recognises a row again without keeping a guessable hash
    of its phone number."""
    return hmac.new(key, "\x1f".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()
