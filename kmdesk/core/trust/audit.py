"""The audit log's arithmetic: a hash chain that makes edits, deletions and reordering visible.

The store keeps the rows (append-only, with triggers); this module says what each row's hash
is and whether a sequence of rows still holds together. Each event's hash covers the previous
event's hash and a canonical JSON encoding of the event, so changing any field of any event, or
removing one, breaks every hash from there on and ``verify_chain`` names the first bad ``seq``.

The chain alone cannot stop someone who can write the database from recomputing it or cutting
events off its end, and a keyed chain (HMAC) would not help, because events are written while
no profile is unlocked (a failed unlock is audited). So the head is **checkpointed**: while a
custodian is unlocked, each new event's sequence and hash are signed with the library's
signing key (``Checkpoint``). ``check_checkpoint`` then finds a cut (the checkpointed event is
gone), a recomputed chain (its hash differs) and a removed or forged checkpoint. Events written
after the last checkpoint (while locked) are covered by the chain only.

``details`` must never carry record plaintext (titles, text, consent conditions): the log is
readable by every profile and outlives the record. Only ids, codes, names of profiles,
protocols and targets, and counts go in; ``event_hash`` refuses nested objects (a multilingual
text field is one) to keep it that way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

GENESIS = "0" * 64
_SCALARS = (str, int, float, bool, type(None))


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class VerifyResult:
    """``problem`` is ``edited`` (an event or its hash changed), ``deleted`` (a ``seq`` is
    missing; ``first_bad_seq`` is the first missing one) or ``reordered`` (``seq`` went back or
    repeated); against the checkpoint ``no_checkpoint``, ``checkpoint_forged``, ``truncated``
    (the checkpointed event is gone) or ``recomputed`` (its hash differs); ``consent_deleted``
    (an audited consent event is gone) or ``consent_forged`` (``detail`` names the record and
    consent), for the first problem met; None when ``ok``."""

    ok: bool
    first_bad_seq: int | None = None
    problem: str | None = None
    detail: str | None = None


@dataclass(frozen=True)
class Checkpoint:
    """The audit head as signed by the library key (``signature`` in base64)."""

    seq: int
    head: str
    signature: str

    def dump(self) -> str:
        return json.dumps({"seq": self.seq, "hash": self.head, "signature": self.signature}, sort_keys=True)

    @classmethod
    def parse(cls, text: str) -> Checkpoint | None:
        """None for a value that is not a checkpoint (changed outside kmdesk)."""
        try:
            data = json.loads(text)
            return cls(int(data["seq"]), str(data["hash"]), str(data["signature"]))
        except (ValueError, TypeError, KeyError):
            return None


def _canonical(prev_hash: str, event: AuditEvent) -> bytes:
    return json.dumps({"prev": prev_hash, "seq": event.seq, "at": event.at, "actor": event.actor, "action": event.action,
                       "target": event.target, "details": event.details},
                      sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def _check_details(details: dict[str, Any]) -> None:
    for key, value in details.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        if not isinstance(key, str) or not all(isinstance(v, _SCALARS) for v in values):
            raise ValueError(f"audit details hold ids, codes and counts only, not {type(value).__name__} under {key!r}")


def event_hash(prev_hash: str, event: AuditEvent) -> str:
    """SHA-256 (hex) of the previous hash and the event, canonically encoded (sorted keys, no
    spaces, UTF-8) so it is the same after a trip through the database's JSON column."""
    _check_details(event.details)
    return hashlib.sha256(_canonical(prev_hash, event)).hexdigest()


def verify_chain(events: Iterable[tuple[AuditEvent, str]]) -> VerifyResult:
    """Walk (event, stored hash) pairs in the order given (the store gives them by ``seq``,
    starting at 1) and report the first thing that does not hold."""
    prev_hash, expected = GENESIS, 1
    pairs = iter(events)
    for event, stored in pairs:
        if event.seq < expected:
            return VerifyResult(False, event.seq, "reordered")
        if event.seq > expected:
            # missing here: gone, or only moved further down? (reads on, holds nothing)
            moved = any(later.seq == expected for later, _ in pairs)
            return VerifyResult(False, expected, "reordered" if moved else "deleted")
        try:
            digest = hashlib.sha256(_canonical(prev_hash, event)).hexdigest()
        except (TypeError, ValueError):  # details no longer JSON-encodable: changed outside kmdesk
            return VerifyResult(False, event.seq, "edited")
        if digest != stored:
            return VerifyResult(False, event.seq, "edited")
        prev_hash, expected = stored, expected + 1
    return VerifyResult(True)


def check_checkpoint(checkpoint: Checkpoint | None, hashes: dict[int, str],
                     signed: Callable[[Checkpoint], bool]) -> VerifyResult:
    """Does the log (``hashes``: seq -> stored hash, already chain-verified) still hold the
    checkpointed head? ``signed`` checks the checkpoint's signature with the library key."""
    if checkpoint is None:
        return VerifyResult(False, None, "no_checkpoint")
    if not signed(checkpoint):
        return VerifyResult(False, checkpoint.seq, "checkpoint_forged")
    if checkpoint.seq not in hashes:
        return VerifyResult(False, checkpoint.seq, "truncated")
    if hashes[checkpoint.seq] != checkpoint.head:
        return VerifyResult(False, checkpoint.seq, "recomputed")
    return VerifyResult(True)
