"""What each kind of replicated row carries to the hub, and back into a local row.

A payload is the row as the device stores it: sealed columns stay sealed, keys stay wrapped,
bytes travel as base64. What never travels: a profile's wrapped private key, its passphrase
parameters and its trust anchor (the profile's public part only). A row travels with its
writer's whole-row signature (``row_sig``, ``row_signer``) and every column it covers, its id
included, so the receiving device checks the row as its writer signed it. Rows whose ids are
local (history, consent events, attachments: a history row is known by its content, a consent
event by its signed digest, an attachment by its record and stored file) are written under a
local id and signed again there by the unlocked member; the others keep their ids and signatures.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from sqlalchemy import LargeBinary, inspect
from sqlalchemy.orm import Session

from kmdesk.core.store.model import (
    Attachment,
    Base,
    Community,
    ConsentEvent,
    HistoryEntry,
    Membership,
    Profile,
    Protocol,
    Record,
    RecordKey,
)
from kmdesk.core.trust import aead

PROFILE_PUBLIC = ("id", "name", "roles", "public_key", "verify_key", "certificate", "created_at", "key_version",
                  "previous")
LOCAL = ("id", "row_sig", "row_signer")  # what of a history, consent or attachment row is not written as it came


def _plain(value: Any, binary: bool) -> Any:
    return base64.b64encode(bytes(value)).decode("ascii") if binary and value is not None else value


def _binary(value: Any) -> bytes | None:
    return base64.b64decode(value) if isinstance(value, str) else None


def columns(row: Any, model: type[Base], skip: tuple[str, ...] = (), only: tuple[str, ...] | None = None) -> dict[str, Any]:
    """A row's columns as JSON values (bytes as base64)."""
    return {column.key: _plain(getattr(row, column.key), isinstance(column.type, LargeBinary))
            for column in inspect(model).columns if column.key not in skip and (only is None or column.key in only)}


def values(model: type[Base], data: dict[str, Any]) -> dict[str, Any]:
    """A payload's columns as the ORM takes them (base64 back to bytes); unknown keys are left out."""
    out = {}
    for column in inspect(model).columns:
        if column.key in data:
            value = data[column.key]
            out[column.key] = _binary(value) if isinstance(column.type, LargeBinary) else value
    return out


def digest(data: Any) -> str:
    return hashlib.sha256(aead.canonical(data)).hexdigest()


# -- records ----------------------------------------------------------------------------------
def record_row(row: Record) -> dict[str, Any]:
    """A record's row and its wrapped keys (the hub's copy of what this device stores)."""
    keys = sorted(({"holder": k.holder, "holder_ref": k.holder_ref, "wrapped_key": _plain(k.wrapped_key, True)}
                   for k in row.keys), key=lambda k: (k["holder"], k["holder_ref"]))
    return {"row": columns(row, Record), "keys": keys}


def transient_record(payload: dict[str, Any]) -> Record:
    """A record row built from a payload, never added to a session: to open or compare it."""
    row = Record(**values(Record, payload["row"]))
    row.keys = [RecordKey(record_id=row.id, holder=k["holder"], holder_ref=k["holder_ref"],
                          wrapped_key=_binary(k["wrapped_key"])) for k in payload.get("keys") or []]
    return row


def write_record(session: Session, payload: dict[str, Any], row: Record | None, built: Record | None = None) -> Record:
    """Make the local ``row`` exactly the payload's row and keys; when there is none, the row
    ``built`` from the payload (``transient_record``) is added, or a new one made."""
    if row is None and built is not None:
        session.add(built)
        return built
    data = values(Record, payload["row"])
    if row is None:
        row = Record(id=data["id"])
        session.add(row)
    for name, value in data.items():
        setattr(row, name, value)
    wanted = [(k["holder"], k["holder_ref"], _binary(k["wrapped_key"])) for k in payload.get("keys") or []]
    if [(k.holder, k.holder_ref, k.wrapped_key) for k in row.keys] != wanted:
        if row.keys:  # the old wraps go first (a new row has none: nothing to flush)
            row.keys.clear()
            session.flush()
        row.keys.extend(RecordKey(record_id=row.id, holder=h, holder_ref=r, wrapped_key=w) for h, r, w in wanted)
    return row


# -- history, consent, attachments ---------------------------------------------------------------
def history_key(entry: HistoryEntry) -> str:
    """A history entry's identity on the hub: its record, time, author, action and what its
    plain column says, the same on every copy of the library that holds it."""
    return entry.record_id + "/" + digest([entry.record_id, entry.at, entry.by, entry.action, entry.changes])[:32]


def history_payload(entry: HistoryEntry) -> dict[str, Any]:
    return columns(entry, HistoryEntry)


def consent_payload(event: ConsentEvent) -> dict[str, Any]:
    return columns(event, ConsentEvent)


def attachment_payload(attachment: Attachment) -> dict[str, Any]:
    return columns(attachment, Attachment)


# -- profiles, protocols, communities, memberships --------------------------------------------------
def profile_payload(profile: Profile) -> dict[str, Any]:
    return columns(profile, Profile, only=PROFILE_PUBLIC)


def protocol_payload(protocol: Protocol) -> dict[str, Any]:
    return columns(protocol, Protocol)


def community_payload(community: Community) -> dict[str, Any]:
    return columns(community, Community)


def membership_payload(membership: Membership) -> dict[str, Any]:
    return columns(membership, Membership)


def local_values(data: dict[str, Any]) -> dict[str, Any]:
    """A history, consent or attachment row's columns as written here (``LOCAL`` left out)."""
    return {name: value for name, value in data.items() if name not in LOCAL}
