"""The plain-Python Ed25519 public key (``device show`` without ``cryptography``) equals
RFC 8032's test vectors and ``cryptography``'s answer."""

from __future__ import annotations

import os

from app.domain.ed25519 import public_key


def test_rfc8032_vectors() -> None:
    vectors = {
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60": (
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        ),
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb": (
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
        ),
    }
    for seed, public in vectors.items():
        assert public_key(bytes.fromhex(seed)).hex() == public


def test_same_as_cryptography() -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    for _ in range(20):
        seed = os.urandom(32)
        expected = (
            Ed25519PrivateKey.from_private_bytes(seed)
            .public_key()
            .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        )
        assert public_key(seed) == expected
