"""The sealed-box envelope of a down-bundle's personal data (app/sync/sealed.py): a value
sealed to a device's X25519 key opens with its private key only, for the record it was
sealed for only; a garbled value or header fails with ``SealError``. The device's key
pair lives in its key store and reaches HQ in its public-key file; a key file of an older
build (no X25519 key) still registers."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from app.sync import sealed
from app.sync.sealed import SealError


def _pair() -> tuple[bytes, bytes]:
    private = sealed.generate_private()
    return private, sealed.public_of(private)


def test_round_trip_and_a_new_ephemeral_key_per_bundle() -> None:
    private, public = _pair()
    sealer = sealed.sealer_for(public)
    token = sealer.seal(b"13912345678", b"record-1")
    assert b"13912345678" not in base64.b64decode(token)
    assert sealed.opener_for(sealer.header, private).open(token, b"record-1") == b"13912345678"
    assert sealer.header["recipient"] == sealed.key_fingerprint(public)
    assert sealer.header["alg"] == sealed.ALGORITHM
    other = sealed.sealer_for(public)
    assert other.header["epk"] != sealer.header["epk"]  # one ephemeral key per bundle
    assert other.seal(b"13912345678", b"record-1") != token


def test_wrong_key_another_record_and_garbled_bytes_fail() -> None:
    private, public = _pair()
    stranger, _ = _pair()
    sealer = sealed.sealer_for(public)
    token = sealer.seal(b"13912345678", b"record-1")
    with pytest.raises(SealError, match="another recipient"):
        sealed.opener_for(sealer.header, stranger)
    # a header claiming the stranger's fingerprint still cannot open the value
    forged = {**sealer.header, "recipient": sealed.key_fingerprint(sealed.public_of(stranger))}
    with pytest.raises(SealError):
        sealed.opener_for(forged, stranger).open(token, b"record-1")
    opener = sealed.opener_for(sealer.header, private)
    with pytest.raises(SealError):
        opener.open(token, b"record-2")  # moved to another record
    raw = bytearray(base64.b64decode(token))
    raw[-1] ^= 1
    for bad in (base64.b64encode(bytes(raw)).decode(), "not base64!", "", 42, token[:20]):
        with pytest.raises(SealError):
            opener.open(bad, b"record-1")
    epk = bytearray(base64.b64decode(sealer.header["epk"]))
    epk[0] ^= 1
    with pytest.raises(SealError):  # another ephemeral key: another AES key
        sealed.opener_for(
            {**sealer.header, "epk": base64.b64encode(bytes(epk)).decode()}, private
        ).open(token, b"record-1")
    for header in (
        None,
        {},
        {**sealer.header, "alg": "ROT13"},
        {**sealer.header, "epk": "AAAA"},
        {**sealer.header, "extra": 1},
    ):
        with pytest.raises(SealError):
            sealed.opener_for(header, private)


def test_the_device_key_pair_is_kept_and_exported(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.device import export_public_key, initialise_device
    from app.services.pii import exchange_private_key

    initialise_device(ctx, user="lap", territory=["3101"])
    private = exchange_private_key(ctx, create=False)
    assert private is not None and len(private) == 32
    assert oct(ctx.paths.exchange_key.stat().st_mode & 0o777) == "0o600"
    body = json.loads(export_public_key(ctx, tmp_path / "k.json").read_text(encoding="utf-8"))
    assert base64.b64decode(body["x25519_public_key"]) == sealed.public_of(private)
    assert exchange_private_key(ctx) == private  # made once
    # a data dir made before the key existed gets one when its key file is exported
    ctx.paths.exchange_key.unlink()
    again = json.loads(export_public_key(ctx, tmp_path / "k2.json").read_text(encoding="utf-8"))
    assert again["x25519_public_key"] != body["x25519_public_key"]


def test_registration_with_and_without_the_encryption_key(tmp_path: Path, ctx) -> None:  # type: ignore[no-untyped-def]
    from app.errors import UserError
    from app.hq.server import Hq
    from app.services.device import export_public_key, initialise_device
    from db.hq.models import Device

    initialise_device(ctx, user="lap", territory=["3101"])
    path = export_public_key(ctx, tmp_path / "k.json")
    body = json.loads(path.read_text(encoding="utf-8"))
    old = {k: v for k, v in body.items() if k != "x25519_public_key"}
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    hq = Hq(f"sqlite:///{tmp_path / 'hq.sqlite'}", tmp_path / "hqkeys")
    try:
        hq.init()
        hq.register_device(tmp_path / "old.json")
        with hq.sessions() as s:
            assert s.get(Device, body["device_id"]).x25519_public_key is None  # type: ignore[union-attr]
        hq.register_device(path)  # the current key file adds the key
        hq.register_device(tmp_path / "old.json")  # an older file again does not remove it
        with hq.sessions() as s:
            device = s.get(Device, body["device_id"])
            assert device is not None and device.x25519_public_key == body["x25519_public_key"]
        for bad in ("AAAA", "not base64", 7):
            (tmp_path / "bad.json").write_text(
                json.dumps({**body, "x25519_public_key": bad}), encoding="utf-8"
            )
            with pytest.raises(UserError, match="x25519_public_key"):
                hq.register_device(tmp_path / "bad.json")
    finally:
        hq.close()
