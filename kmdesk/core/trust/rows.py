"""Whole rows, signed: the one place that says what of each table is signed, how a row is encoded
for its signature, who may sign it, and whether a row read back may be used.

The rule (``docs/security.md``): every row whose content decides who can read, who is a member,
what consent says, what may be shared or what the audit says is signed over its whole canonical
content: its table, the library's id and every column (its id and ordering fields included), by
the Ed25519 key of the member who wrote it, which the library key certifies. A profile's public
parts are certified by the library key itself (``profiles.certificate``), and so is each
membership's grant (``memberships.signature``: who holds which protocol's key, as member or
reader, at which key version). A row that is unsigned, wrongly signed or signed by someone the
library does not certify (or whose role may not sign it) fails closed: each read path asks
``Verifier.check`` and gets the row named with what failed, never the row used silently.

Pure functions over rows read by their column attributes (an ORM row of ``store.model`` and a
plain row of ``store.rows`` alike), with no SQLAlchemy: ``kmdesk show`` checks rows the same way.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from kmdesk.core.trust import aead, signatures
from kmdesk.core.trust.verified import Verified

LIBRARY_ID = "library_id"    # meta key: the library's id, part of every signed form
ROWS_SIGNED = "rows_signed"  # meta key: the library key's word that this library's rows are signed
MANIFESTS = "manifests"  # meta key: the library key's word that every record has its manifest (``manifests``)
CHECKPOINT_TABLE = "audit_checkpoint"

WRITERS = frozenset({"custodian", "contributor"})
CUSTODIANS = frozenset({"custodian"})
ANYONE = frozenset({"custodian", "contributor", "viewer"})

# The signed form of each signed table: every column but those ``UNSIGNED`` names.
SIGNED: dict[str, tuple[str, ...]] = {
    "profiles": ("id", "name", "roles", "public_key", "verify_key", "created_at", "key_version", "previous"),
    "communities": ("id", "name", "country", "description"),
    "protocols": ("id", "name", "community", "kind", "is_community", "description", "key_version"),
    "memberships": ("id", "protocol_id", "profile_id", "wrapped_key", "reader", "key_version", "signature"),
    "records": ("id", "type", "resource_kind", "title", "summary", "body", "keywords", "gbf_goals", "gbf_targets",
                "subjects", "countries", "places", "languages", "creators", "identifiers", "community", "date",
                "licence", "source_url", "revision", "created_at", "updated_at", "access_level", "access_protocols",
                "access_sharing", "custodians", "labels", "sealed", "access_signature"),
    "record_history": ("id", "record_id", "at", "by", "action", "changes", "sealed"),
    "consent_events": ("id", "record_id", "consent_id", "kind", "at", "by", "data", "sealed", "digest", "signature",
                       "signed_by"),
    "attachments": ("id", "record_id", "sha256", "filename", "media_type", "size", "sealed", "sealed_meta", "text",
                    "created_at"),
    "shares": ("record_id", "target", "selected_by", "selected_at"),
    "outbox": ("id", "record_id", "target", "op", "created_at", "attempts"),
    "remote_state": ("record_id", "target", "remote_revision", "pushed_revision"),
    "sync_targets": ("name", "kind", "url", "settings", "credentials", "created_at"),
    "record_manifests": ("record_id", "history", "attachments", "shares"),
}

# Who may sign a row of each table (besides the library key's own certificates and grants).
MAY_SIGN: dict[str, frozenset[str]] = {
    "communities": CUSTODIANS, "protocols": CUSTODIANS, "sync_targets": CUSTODIANS,
    "memberships": CUSTODIANS,  # or the member itself, re-wrapping its key (``allowed``)
    "records": WRITERS, "record_history": WRITERS, "attachments": WRITERS, "shares": WRITERS,
    # consent text is re-sealed by whoever opens it; its author's signature covers its content
    "consent_events": ANYONE,
    "outbox": ANYONE, "remote_state": ANYONE,  # a sync run; an unsigned state only ever retracts
    # whoever writes a record's rows here, a viewer applying the hub's history too; it only lists them
    "record_manifests": ANYONE,
}

# Every column of the schema that is in no signed form, with why (a test walks the schema).
# ``table.*``: the whole table.
UNSIGNED: dict[str, str] = {
    "records.row_sig": "the row's signature itself",
    "records.row_signer": "who signed the row: a wrong name fails the signature",
    "profiles.kdf": "the passphrase's key-derivation parameters, bounds-checked on read: a change only fails the unwrap",
    "profiles.wrapped_key": "the private key under AES-GCM with the passphrase key, bound to the profile's name",
    "profiles.trust": "the trust anchor, sealed under the profile's own private key",
    "profiles.certificate": "the library key's signature over the public parts (or the previous key pair's, "
                            "while a passphrase change waits for a custodian)",
    "meta.*": "settings and tokens; what decides anything there carries the library key's signature "
              "(audit checkpoint, rows_signed) or is checked against each profile's own trust anchor (library key)",
    "index_queue.*": "derived: records whose index entry is out of date; the index is rebuilt from signed rows",
    "record_keys.*": "each wrapped key is bound by its associated data to its record, holder and reference: "
                     "one moved or added does not open, one removed only denies",
    "audit_events.*": "hash-chained; the head is checkpointed under the library key (meta audit_checkpoint)",
    "label_texts.*": "a community's wording of a label, shown with it; the labels a record carries are signed with it",
    "hub_projects.*": "a cached copy of a Local Contexts Hub project, shown as it came",
    "chm_records.*": "where a pulled public record came from on the CHM, refreshed by every pull: it only keeps the "
                     "record read-only here",
    "outbox.next_attempt_at": "when the runner tries again: it decides when, never whether or what",
    "outbox.last_error": "the last failure's words, shown to the person",
    "remote_state.status": "what the person is shown of the last attempt; what decides a retraction "
                           "(remote_revision) is signed",
    "remote_state.message": "the target's words about the last attempt, shown to the person",
    "remote_state.updated_at": "when the state was last shown to change",
    "trash.record_id": "names the entry; the record's own id is in its signed row, and an entry filed under "
                       "another id is refused",
    "trash.record": "the deleted record's row and wrapped keys as they were, with its writer's whole-row "
                    "signature: checked as a records row before it is shown or restored, never re-signed",
    "trash.files": "the deleted record's attachment rows, each with its own whole-row signature, checked "
                   "before it is restored",
    "trash.deleted_at": "shown only; the deletion itself is in the record's signed history",
    "trash.deleted_by": "shown only; the deletion itself is in the record's signed history",
}
for _table in SIGNED:
    if _table != "profiles":
        UNSIGNED[f"{_table}.row_sig"] = "the row's signature itself"
        UNSIGNED[f"{_table}.row_signer"] = "who signed the row: a wrong name fails the signature"

_NOUNS = {"communities": "communities", "protocols": "protocols", "sync_targets": "sync targets",
          "memberships": "memberships", "records": "records", "record_history": "history",
          "attachments": "attachments", "shares": "sharing choices", "consent_events": "consent",
          "outbox": "the outbox", "remote_state": "sync states", "record_manifests": "manifests"}


# -- the signed form ---------------------------------------------------------------------------
def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str | None) -> bytes | None:
    """Bytes from base64 text; None for nothing, or for what is not base64 (a damaged value)."""
    try:
        return base64.b64decode(text or "", validate=True) or None
    except ValueError:
        return None


_AS_IS = frozenset({str, int, float, dict, list, type(None)})  # what ``_plain`` returns unchanged


def _plain(value: Any) -> Any:
    """A column's value as signed: bytes tagged (never confused with text), booleans as SQLite
    keeps them (an ORM row says True where a plain row says 1)."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$b64": b64(bytes(value))}
    if isinstance(value, bool):
        return int(value)
    return value


def values_of(table: str, row: Any) -> dict[str, Any]:
    """The signed columns of ``row`` (read by attribute)."""
    return {name: getattr(row, name) for name in SIGNED[table]}


def canonical(table: str, library_id: str | None, values: Mapping[str, Any]) -> bytes:
    """The bytes a row's signature covers: its table, the library's id and every signed column."""
    row = {name: values.get(name) for name in SIGNED[table]}
    for name, value in row.items():  # most values are signed as they are: only the others are made plain
        if type(value) not in _AS_IS:
            row[name] = _plain(value)
    return b"kmdesk/v1/row\n" + aead.canonical({"table": table, "library": library_id, "row": row})


def grant_message(library_id: str | None, values: Mapping[str, Any]) -> bytes:
    """What the library key signs of a membership: who holds which protocol's key, how, which version."""
    body = {"table": "membership-grant", "library": library_id,
            "row": {name: _plain(values.get(name)) for name in ("id", "protocol_id", "profile_id", "reader", "key_version")}}
    return b"kmdesk/v1/row\n" + aead.canonical(body)


def meta_message(library_id: str | None, key: str, value: Mapping[str, Any]) -> bytes:
    """What the library key signs of a meta value that decides something (audit checkpoint, rows_signed)."""
    return b"kmdesk/v1/row\n" + aead.canonical({"table": "meta", "library": library_id, "key": key, "row": dict(value)})


def sign(table: str, values: Mapping[str, Any], library_id: str | None, signing_key: bytes) -> bytes:
    return signatures.sign(signing_key, canonical(table, library_id, values))


# -- naming a row ------------------------------------------------------------------------------
def name_of(table: str, row: Any) -> str:
    """A row as a person can find it: the record it belongs to, or its own name and id."""
    names = {
        "records": lambda: f"record {row.id}",
        "record_history": lambda: f"history entry {row.id} of record {row.record_id}",
        "consent_events": lambda: f"consent event {row.id} ({row.kind}) of record {row.record_id}",
        "attachments": lambda: f"attachment {row.id} of record {row.record_id}",
        "shares": lambda: f"the sharing of record {row.record_id} with {row.target}",
        "outbox": lambda: f"outbox entry {row.id} ({row.op} record {row.record_id} to {row.target})",
        "remote_state": lambda: f"the sync state of record {row.record_id} on {row.target}",
        "record_manifests": lambda: f"the manifest of record {row.record_id}",
        "protocols": lambda: f"protocol {row.name!r} (id {row.id})",
        "communities": lambda: f"community {row.name!r} (id {row.id})",
        "memberships": lambda: f"membership {row.id} (profile {row.profile_id} in protocol {row.protocol_id})",
        "sync_targets": lambda: f"sync target {row.name}",
        "profiles": lambda: f"profile {row.name}",
    }
    return names[table]()


def record_of(table: str, row: Any) -> str | None:
    """The id of the record a row belongs to (None: it belongs to none)."""
    if table == "records":
        return str(row.id)
    return str(row.record_id) if hasattr(row, "record_id") else None


# -- profiles: certified by the library key ---------------------------------------------------
@dataclass(frozen=True)
class Certified:
    """A profile whose public parts the library key certifies: who may sign what."""

    id: int
    name: str
    verify_key: bytes
    roles: frozenset[str]


MAX_ROTATIONS = 8  # passphrase changes one profile may make before a custodian certifies the last


def previous_link(row: Any) -> dict[str, Any] | None:
    """The key pair a profile row replaced (``profiles.previous``), as a row of its own."""
    link = row.previous
    if not isinstance(link, Mapping):
        return None
    decoded = {name: link.get(name) for name in SIGNED["profiles"]}
    for name in ("public_key", "verify_key", "certificate"):
        decoded[name] = unb64(link.get(name)) if isinstance(link.get(name), str) else None
    return decoded


def link_of(row: Any) -> dict[str, Any]:
    """A profile row as the ``previous`` link of the row that replaces it."""
    link = {name: getattr(row, name) for name in SIGNED["profiles"]}
    for name in ("public_key", "verify_key"):
        link[name] = b64(bytes(link[name] or b""))
    link["certificate"] = b64(bytes(row.certificate or b""))
    return link


def profile_problem(row: Any, anchor: bytes | None, library_id: str | None, depth: int = 0) -> str | None:
    """What is wrong with a profile row's certificate (None: the library key certifies it,
    directly or through the passphrase changes it made since a custodian last certified it:
    each new key pair signed by the one it replaced, the same profile with the same roles)."""
    message = canonical("profiles", library_id, values_of("profiles", row))
    if row.previous is None:
        if signatures.verify(anchor, row.certificate, message):
            return None
        return "has a certificate that does not match (its name, roles or keys were changed outside kmdesk)"
    link = previous_link(row)
    if link is None or depth >= MAX_ROTATIONS:
        return "has a damaged record of a passphrase change"
    older = SimpleNamespace(**link)
    same = all(getattr(older, name) == getattr(row, name) for name in ("id", "name", "created_at")) \
        and sorted(older.roles or []) == sorted(row.roles or []) and older.key_version == row.key_version - 1
    if not same or not signatures.verify(older.verify_key, row.certificate, message):
        return "has a passphrase change the key it replaced did not sign (changed outside kmdesk)"
    return profile_problem(older, anchor, library_id, depth + 1)


# -- checking rows -------------------------------------------------------------------------------
class Verifier:
    """Checks rows against the library key ``anchor`` (the unlocked profile's own trust anchor,
    or while locked the key the file holds) and the profiles it certifies. None as ``anchor``:
    a library from before its library key, where nothing can be checked (and nothing is).
    ``verified`` remembers the row signatures that passed (``trust.verified``; by default in
    memory, for this verifier alone)."""

    def __init__(self, library_id: str | None, anchor: bytes | None, profiles: Iterable[Any],
                 rows_signed: str | None = None, manifests: str | None = None,
                 verified: Verified | None = None) -> None:
        self.library_id = library_id
        self.anchor = anchor
        self.signers: dict[str, Certified] = {}
        self.untrusted: dict[str, str] = {}  # profile name -> why its certificate fails
        for profile in profiles:
            problem = profile_problem(profile, anchor, library_id)
            if problem is None and profile.verify_key:
                self.signers[profile.name] = Certified(profile.id, profile.name, bytes(profile.verify_key),
                                                       frozenset(profile.roles or ()))
            elif problem is not None:
                self.untrusted[profile.name] = problem
        self.signed = signatures.verify(anchor, unb64(rows_signed), meta_message(library_id, ROWS_SIGNED, {}))
        self.manifests = signatures.verify(anchor, unb64(manifests), meta_message(library_id, MANIFESTS, {}))
        self.verified = verified or Verified(None)

    @property
    def active(self) -> bool:
        return self.anchor is not None

    def signer_key(self, name: str) -> bytes | None:
        """The Ed25519 key of profile ``name`` if the library key certifies it."""
        found = self.signers.get(name)
        return found.verify_key if found else None

    def _signer(self, table: str, row: Any) -> Certified | str:
        """The certified member who signed ``row`` and may sign it, or what is wrong."""
        signature, signer = row.row_sig, row.row_signer
        if not signature or not signer:
            return "is not signed (added or changed outside kmdesk)" if self.signed else \
                "is not signed yet: a custodian's first unlock since the upgrade signs it"
        who = self.signers.get(signer)
        if who is None:
            return f"is signed by {signer}, whom the library key does not certify"
        if not (who.roles & MAY_SIGN[table] or (table == "memberships" and who.id == row.profile_id)):
            return f"is signed by {signer}, who may not sign {_NOUNS[table]}"
        return who

    def trusted_key(self, table: str, row: Any) -> bytes | None:
        """The key of the member who signed ``row``, if the library key certifies that member
        and the member may sign it (None: not, or nothing is checked here). Whether the
        signature itself holds is ``problem``'s to say, or a memory of its check (``verified``)."""
        who = self._signer(table, row) if self.anchor is not None else None
        return who.verify_key if isinstance(who, Certified) else None

    def problem(self, table: str, row: Any) -> str | None:
        """What is wrong with ``row`` of ``table`` (None: it may be used)."""
        if self.anchor is None:
            return None
        if table == "profiles":
            return profile_problem(row, self.anchor, self.library_id)
        who = self._signer(table, row)
        if isinstance(who, str):
            return who
        if not self.verified.passed(who.verify_key, row.row_sig, canonical(table, self.library_id, values_of(table, row))):
            return "does not match its signature (changed outside kmdesk)"
        if table == "memberships" and not signatures.verify(self.anchor, row.signature, grant_message(
                self.library_id, values_of(table, row))):
            return "was not granted by the library key (written outside kmdesk)"
        return None

    def check(self, table: str, row: Any) -> str | None:
        """``problem`` with the row named: what ``show``, ``list``, ``check`` and ``sync`` say."""
        problem = self.problem(table, row)
        return f"{name_of(table, row)} {problem}" if problem else None


# -- manifests: what a record holds, so a row deleted is missed -------------------------------
NO_MANIFEST = "record {} has no manifest (deleted outside kmdesk): its history, attachments and sharing choices cannot be vouched for"
_PARTS = {"history": "history entry {} of record {}", "attachments": "attachment {} of record {}",
          "shares": "the sharing of record {1} with {0}"}


def manifest_gaps(record_id: str, manifest: Any, held: Mapping[str, Any]) -> list[str]:
    """What differs between a record's manifest (checked) and what the tables ``held``
    (``exists``, and the ids of its ``history``, ``attachments`` and the targets of its
    ``shares``): each listed row that is gone, each row it does not list. A record in the trash
    is compared by its history only (its attachments and choices went with it)."""
    out = []
    for part, name in _PARTS.items():
        if part != "history" and not held.get("exists"):
            continue
        listed, now = set(getattr(manifest, part) or ()), set(held.get(part) or ())
        out += [f"{name.format(key, record_id)} was deleted outside kmdesk (the record's manifest lists it)"
                for key in sorted(listed - now, key=str)]
        out += [f"{name.format(key, record_id)} is not in the record's manifest (written or put back outside kmdesk)"
                for key in sorted(now - listed, key=str)]
    return out


def record_gaps(verifier: Verifier, record_id: str, manifest: Any | None, held: Mapping[str, Any]) -> list[str]:
    """``manifest_gaps`` for one record as ``show`` says it: also a manifest that fails its
    check, or none where the library key says every record has one."""
    if not verifier.active:
        return []
    if manifest is None:
        return [NO_MANIFEST.format(record_id)] if verifier.manifests else []
    problem = verifier.check("record_manifests", manifest)
    return [problem] if problem else manifest_gaps(record_id, manifest, held)


def unlisted_share(verifier: Verifier, share: Any, manifest: Any | None) -> str | None:
    """Why a sharing choice whose row passes its check is still no choice (None: it is one): its
    record's manifest does not list it (a choice dropped and written back from an older copy of
    the file), fails its check, or is missing where the library key says every record has one."""
    if not verifier.active:
        return None
    if manifest is None:
        return NO_MANIFEST.format(share.record_id) if verifier.manifests else None
    problem = verifier.check("record_manifests", manifest)
    if problem is None and share.target not in (manifest.shares or ()):
        problem = (f"the sharing of record {share.record_id} with {share.target} is not in the record's manifest "
                   "(written or put back outside kmdesk)")
    return problem


def missing_history(verifier: Verifier, record_id: str, manifest: Any | None, ids: Iterable[int]) -> dict[int, str]:
    """The history entries a record's manifest lists that are gone, by id, with what
    ``show --history`` says in their place (none when the manifest itself fails: ``show`` says so)."""
    if not verifier.active or manifest is None or verifier.problem("record_manifests", manifest) is not None:
        return {}
    gone = set(manifest.history or ()) - set(ids)
    return {key: f"history entry {key} of record {record_id} was deleted outside kmdesk: the history is incomplete"
            for key in sorted(gone)}
