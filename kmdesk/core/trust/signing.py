"""What the library's signing key signs, and the checks of those signatures (pure functions).

The chain of trust (``docs/security.md``):

- the library has one Ed25519 signing key; its public half is the *library key*. Its private
  half is held by custodians only, inside each custodian's trust anchor;
- every profile keeps a **trust anchor**: the library key (and, for a custodian, the signing
  key) sealed under a key derived from the profile's own private key (``kdf.derived_key``).
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

import hashlib
from collections.abc import Callable
from typing import Any

from kmdesk.core.trust import aead, consent, rows, sealing, signatures
from kmdesk.core.trust.rows import b64 as b64
from kmdesk.core.trust.rows import unb64 as unb64

LIBRARY_KEY = "library_verify_key"  # meta key: the library key as the file says (not trusted alone)
CHECKPOINT = "audit_checkpoint"     # meta key: the signed audit head
INDEX_OWNER = "search_index_owner"  # meta key: the token the on-disk search index must carry


def _message(domain: str, body: dict[str, Any]) -> bytes:
    return b"kmdesk/v1/" + domain.encode("ascii") + b"\n" + aead.canonical(body)


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


def checkpoint_message(library_id: str | None, seq: int, head: str) -> bytes:
    """What the library key signs of the audit head: the checkpoint row, whole."""
    return rows.meta_message(library_id, CHECKPOINT, {"seq": seq, "hash": head})


def legacy_checkpoint_message(seq: int, head: str) -> bytes:
    """The audit head as signed before revision 0007 (checked once, by ``upgrade``)."""
    return _message("audit-head", {"seq": seq, "hash": head})


def context_of(row: Any) -> str:
    """The access block of a record row (ORM or plain) as bound to its sealed content
    (``sealing.access_context``)."""
    return sealing.access_context({"level": row.access_level, "protocols": row.access_protocols,
                                   "sharing": row.access_sharing, "custodians": row.custodians}, row.community)


def access_problem(row: Any, anchor: Callable[[], bytes | None]) -> str | None:
    """What is wrong with a record row's access, as far as can be told without its key (None:
    nothing). ``anchor`` gives the library key to check a legacy row's signature with (asked
    only for such a row: the locked store reads it from the file)."""
    if row.access_level not in consent.LEVELS:
        return f"unknown access level {row.access_level!r}"
    if row.access_level == "public":
        return "a sealed record is marked public" if row.sealed is not None else None
    if row.sealed is None:
        return "a non-public record has no sealed content"
    if row.sealed.startswith(sealing.BOUND_PREFIX):
        return None
    key = anchor()
    if key is not None and not signatures.verify(key, row.access_signature, legacy_message(row.id, context_of(row), row.sealed)):
        return "its access block does not match the library's signature"
    return None
