"""Ed25519 keys and signatures: the library's signing key and each profile's own.

A profile's signing key is derived from its X25519 private key (``profile_signing_key``), so
the passphrase that opens one opens both and it needs no second secret to keep. A signature
that is missing or malformed is simply not valid (``verify`` never raises: a damaged row is data).
"""

from __future__ import annotations

from collections.abc import Callable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kmdesk.core.trust.kdf import derived_key


def _raw_public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def new_signing_key() -> tuple[bytes, bytes]:
    """A fresh Ed25519 key pair as raw bytes: (private, public)."""
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return raw, _raw_public(private)


def profile_signing_key(x25519_private: bytes) -> tuple[bytes, bytes]:
    """A profile's Ed25519 key pair, derived from its X25519 private key: the passphrase that
    opens one opens both, and a passphrase change re-wraps one value as before."""
    seed = derived_key(x25519_private, "profile-sign")
    return seed, _raw_public(Ed25519PrivateKey.from_private_bytes(seed))


def signing_public(private_key: bytes) -> bytes:
    """The public half of an Ed25519 private key."""
    return _raw_public(Ed25519PrivateKey.from_private_bytes(bytes(private_key)))


def sign(private_key: bytes, message: bytes) -> bytes:
    """An Ed25519 signature (64 bytes) of ``message``."""
    return loaded(private_key)(message)


def loaded(private_key: bytes) -> Callable[[bytes], bytes]:
    """``sign`` with ``private_key`` loaded once, for one signer signing many messages."""
    return Ed25519PrivateKey.from_private_bytes(bytes(private_key)).sign


def verify(public_key: bytes | None, signature: bytes | None, message: bytes) -> bool:
    """True only for a well-formed signature of ``message`` by ``public_key``; anything missing
    or malformed is simply not valid (never an exception: a damaged row is data)."""
    if not public_key or not signature:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(bytes(public_key)).verify(bytes(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True
