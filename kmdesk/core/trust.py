"""What the library's signing key signs, and the checks of those signatures (pure functions).

The chain of trust (``docs/security.md``):

- the library has one Ed25519 signing key; its public half is the *library key*. Its private
  half is held by custodians only, inside each custodian's trust anchor;
- every profile keeps a **trust anchor**: the library key (and, for a custodian, the signing
  key) sealed under a key derived from the profile's own private key (``vault.derived_key``).
  Nobody without that profile's passphrase can make or change it, so a library key swapped in
  the file is not believed;
- the signing key certifies each profile (name, roles, X25519 and Ed25519 public keys), each
  membership (who holds which protocol's key, as member or reader), the access block of each
  record sealed before revision 0005, and the audit log's head;
- each profile signs the consent events it records with its own Ed25519 key.

Every message starts with its own domain string, so a signature of one kind never verifies as
another.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from kmdesk.core import vault

LIBRARY_KEY = "library_verify_key"  # meta key: the library key as the file says (not trusted alone)
CHECKPOINT = "audit_checkpoint"     # meta key: the signed audit head


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str | None) -> bytes | None:
    try:
        return base64.b64decode(text or "", validate=True) or None
    except ValueError:
        return None


def _message(domain: str, body: dict[str, Any]) -> bytes:
    return b"kmdesk/v1/" + domain.encode("ascii") + b"\n" + vault.canonical(body)


def profile_message(name: str, roles: list[str], public_key: bytes, verify_key: bytes | None) -> bytes:
    return _message("profile", {"name": name, "roles": sorted(roles), "public": b64(bytes(public_key)),
                                "verify": b64(bytes(verify_key)) if verify_key else None})


def membership_message(protocol_id: int, profile_id: int, wrapped_key: bytes, reader: bool) -> bytes:
    return _message("membership", {"protocol": protocol_id, "profile": profile_id, "reader": bool(reader),
                                   "wrapped": hashlib.sha256(bytes(wrapped_key)).hexdigest()})


def legacy_message(record_id: str, context: str, sealed: str) -> bytes:
    """A record sealed before its access block was bound: the block and the ciphertext, signed."""
    return _message("legacy-record", {"record": record_id, "access": context,
                                      "sealed": hashlib.sha256(sealed.encode("utf-8")).hexdigest()})


def checkpoint_message(seq: int, head: str) -> bytes:
    return _message("audit-head", {"seq": seq, "hash": head})
