"""AES-256-GCM with associated data: the one cipher under every sealed value, wrapped key and file.

Every ciphertext is bound to where it belongs (record id, field, kind, chunk position) through
its associated data (``aad``), so moving a token to another record or field, reordering or
truncating file chunks, is detected like any other tampering. A failed GCM tag is never
returned as data, and no raw ``cryptography`` exception reaches a caller: the modules above
this one raise the typed errors of ``core.errors`` (``TamperedData``, ``WrongPassphrase``).
"""

from __future__ import annotations

import base64
import json
import os
import struct
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16


def b64(data: bytes) -> str:
    """URL-safe base64 without padding: the text form of every sealed token."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    """What ``b64`` wrote (raises ``binascii.Error`` or ``ValueError`` on anything else)."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_data_key() -> bytes:
    """A random 256-bit AES key (protocol data key or record key)."""
    return os.urandom(KEY_SIZE)


def check_key(key: bytes) -> None:
    """Refuse anything that is not a 256-bit key before it reaches the cipher."""
    if not isinstance(key, (bytes, bytearray)) or len(key) != KEY_SIZE:
        raise ValueError(f"a key is {KEY_SIZE} bytes")


# One encoder for every canonical form: ``json.dumps`` with these options builds a new one per call,
# which cost a third of the encoding of a record's row (an import signs two rows per record).
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def canonical(obj: Any) -> bytes:
    """The one JSON encoding that is signed or bound as associated data (sorted keys, no
    spaces, UTF-8), so the same value gives the same bytes after a trip through the database."""
    return _CANONICAL.encode(obj).encode("utf-8")


def aad(kind: str, *parts: str) -> bytes:
    """Associated data as length-prefixed parts, so ("a/b", "c") and ("a", "b/c") differ."""
    out = [b"kmdesk/v1/" + kind.encode("ascii")]
    for part in parts:
        data = part.encode("utf-8")
        out.append(struct.pack(">I", len(data)) + data)
    return b"".join(out)


def encrypt(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    """nonce || ciphertext || tag of ``plaintext`` under ``key``, bound to ``associated``."""
    check_key(key)
    nonce = os.urandom(NONCE_SIZE)
    return nonce + AESGCM(bytes(key)).encrypt(nonce, plaintext, associated)


def decrypt(key: bytes, blob: bytes, associated: bytes) -> bytes | None:
    """The plaintext, or None when authentication fails (the caller picks the error)."""
    check_key(key)
    if len(blob) < NONCE_SIZE + TAG_SIZE:
        return None
    try:
        return AESGCM(bytes(key)).decrypt(blob[:NONCE_SIZE], blob[NONCE_SIZE:], associated)
    except InvalidTag:
        return None
