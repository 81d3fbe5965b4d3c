"""The rollback witness: the newest state of a library this user has seen, kept outside its folder.

Signatures say that a row was written by a member; they cannot say that it is the newest row.
Someone who can write the folder can put back an older copy of the whole file, or of some of its
tables (the consent events and the audit log with their checkpoint, a profile row from before a
passphrase change), and every signature in it still holds. So each time a library is opened,
locked or closed, the head it shows is compared with the head remembered for its id in the
user's state directory (``paths.state_dir``, which that person alone writes): the audit log's
last event and signed checkpoint, how many consent events there are, each protocol's key
version and each profile's key pair. A head older than the one remembered is named (what went
back: consent, membership, profile, the audit log) and is never remembered over the newer one;
a custodian who restored a backup on purpose accepts it (``accept``). Only rows that pass their
check count, so a forged row cannot raise the remembered head and make the true one look old.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from kmdesk.core import paths
from kmdesk.core.store.rows import stored_json
from kmdesk.core.trust import audit, rows, signatures
from kmdesk.core.trust import signing as trust


@dataclass
class Head:
    """What a library shows of its newest state."""

    audit: int = 0                                       # the last audit event's sequence
    checkpoint: int = 0                                  # the sequence the library key last signed
    consent: int = 0                                     # consent events (append-only)
    protocols: dict[str, int] = field(default_factory=dict)       # protocol -> key version
    profiles: dict[str, list[Any]] = field(default_factory=dict)  # profile -> [key version, hash of its keys]


Query = Callable[[str], list[dict[str, Any]]]  # SQL -> rows as {column: value}, as stored


def read(query: Query, verifier: rows.Verifier) -> Head:
    """The head of the library ``query`` reads (the store's session or ``kmdesk show``'s
    ``sqlite3`` connection alike), counting only rows that pass ``verifier``."""
    head = Head(audit=query("SELECT max(seq) AS n FROM audit_events")[0]["n"] or 0,
                consent=query("SELECT count(*) AS n FROM consent_events")[0]["n"] or 0)
    stored = query(f"SELECT value FROM meta WHERE key = '{trust.CHECKPOINT}'")
    checkpoint = audit.Checkpoint.parse(stored[0]["value"]) if stored else None
    if checkpoint and signatures.verify(verifier.anchor, trust.unb64(checkpoint.signature),
                                        trust.checkpoint_message(verifier.library_id, checkpoint.seq, checkpoint.head)):
        head.checkpoint = checkpoint.seq
    for protocol in _decoded(query("SELECT * FROM protocols"), ("description",)):
        if verifier.problem("protocols", protocol) is None:
            head.protocols[protocol.name] = protocol.key_version
    for profile in _decoded(query("SELECT * FROM profiles"), ("roles", "previous")):
        if verifier.problem("profiles", profile) is None:
            keys = hashlib.sha256(bytes(profile.public_key or b"") + bytes(profile.verify_key or b"")).hexdigest()
            head.profiles[profile.name] = [profile.key_version, keys]
    return head


def _decoded(found: list[dict[str, Any]], json_columns: tuple[str, ...]) -> list[SimpleNamespace]:
    """Rows by attribute, their JSON columns decoded as the store decodes them."""
    return [SimpleNamespace(**{name: stored_json(value) if name in json_columns and value is not None else value
                               for name, value in row.items()}) for row in found]


def went_back(remembered: Head, head: Head) -> list[str]:
    """What of ``head`` is older than ``remembered``, in words (empty: nothing)."""
    out = []
    if head.consent < remembered.consent:
        out.append(f"consent: {head.consent} consent events where {remembered.consent} were seen")
    for name, version in sorted(remembered.protocols.items()):
        if name in head.protocols and head.protocols[name] < version:
            out.append(f"membership: the key of protocol {name!r} is at version {head.protocols[name]}, "
                       f"where version {version} was seen")
    for name, (version, keys) in sorted(remembered.profiles.items()):
        current = head.profiles.get(name)
        if current and current[0] < version:
            out.append(f"profile: {name}'s key pair is older than the one seen (version {current[0]}, seen {version})")
        elif current and current[0] == version and current[1] != keys:
            out.append(f"profile: {name}'s key pair is not the one seen at version {version}")
    if head.audit < remembered.audit or head.checkpoint < remembered.checkpoint:
        out.append(f"audit log: it ends at event {head.audit} (checkpoint {head.checkpoint}) where event "
                   f"{remembered.audit} (checkpoint {remembered.checkpoint}) was seen")
    return out


def _newest(remembered: Head, head: Head) -> Head:
    """The newer of the two, field by field: nothing seen is ever forgotten."""
    profiles = dict(remembered.profiles)
    for name, (version, keys) in head.profiles.items():
        if name not in profiles or version > profiles[name][0]:
            profiles[name] = [version, keys]
    return Head(max(remembered.audit, head.audit), max(remembered.checkpoint, head.checkpoint),
                max(remembered.consent, head.consent),
                {name: max(remembered.protocols.get(name, 0), version) for name, version in head.protocols.items()}
                | {name: version for name, version in remembered.protocols.items() if name not in head.protocols},
                profiles)


def _place(library_id: str) -> Path:
    return paths.state_dir() / "witness" / f"{library_id}.json"


def _load(library_id: str) -> Head | None:
    try:
        data = json.loads(_place(library_id).read_text(encoding="utf-8"))
        return Head(int(data["audit"]), int(data["checkpoint"]), int(data["consent"]), dict(data["protocols"]),
                    {name: list(value) for name, value in data["profiles"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _save(library_id: str, head: Head) -> None:
    """Written whole (aside, then renamed), 0600 in a 0700 folder: it is this person's alone."""
    place = _place(library_id)
    place.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fresh = place.with_suffix(".json.new")
    handle = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(asdict(head), out, sort_keys=True)
    os.replace(fresh, place)


def observe(library_id: str | None, head: Head) -> list[str]:
    """Compare ``head`` with the one remembered for ``library_id``, remember the newer of the
    two, and say what went back (empty: nothing). A state directory that cannot be written
    only loses the witness, never the library."""
    if not library_id:
        return []
    remembered = _load(library_id)
    found = went_back(remembered, head) if remembered else []
    try:
        _save(library_id, _newest(remembered, head) if remembered else head)
    except OSError:
        pass
    return found


def profile_went_back(went: list[str], name: str) -> str | None:
    """What ``went_back`` said of profile ``name``'s key pair (None: nothing). Such a profile is
    not unlocked: an old profile row put back with its old memberships would open with the old
    passphrase the protocol keys that seal what was written since the change."""
    return next((line for line in went if line.startswith(f"profile: {name}'s key pair is older")), None)


def accept(library_id: str | None, head: Head) -> None:
    """Remember ``head`` as the newest state (a custodian restored an older copy on purpose)."""
    if library_id:
        _save(library_id, head)
