"""Consent (FPIC), access and sharing policy: pure functions, no I/O, no clock.

"Today" is always a parameter, so the same rules give the same answer in the GUI, the CLI, the
outbox and the sync runner, and tests can stand on any date. Where a rule could be read two
ways, it is read the way that shares less: a community can always widen what it allowed, but
knowledge that left cannot be called back.

Consent over time (``consent_state``):

- A consent record is the community's whole decision at the time it was given; a newer one
  replaces an older one (a renewal restates its scope). So the *latest* consent given on or
  before today decides; a consent whose ``given_on`` is in the future does not count yet, and
  one without a ``given_on`` counts as the oldest.
- A withdrawal takes effect on its ``withdrawn_on`` (a withdrawal without a readable date, from
  the moment it is recorded) and revokes *every* consent given on or before that day, not only
  the one it names: the community has said no, and only a consent given after the withdrawal
  speaks again. A consent given on the same day as a withdrawal does not beat it.
- A consent with ``expires_on`` is no longer valid on that day; within ``soon_days`` before it
  the state is ``expiring_soon`` (still valid). Unreadable dates count against sharing.

Who needs consent to share (``needs_consent``): a record of type ``traditional_knowledge``, a
record that names a ``community`` (a practice, a place or a person of a community is the
community's to share), and any record carrying a Traditional Knowledge label (``TK ...``).
Other records (a published guide, a tool) need none.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.store import text as txt

SCOPES = ("view_community", "share_chm", "publish_open", "research", "commercial", "list_in_directory")
DIRECTORY_SCOPE = "list_in_directory"  # a person or organization may be listed, contacts shown (``directory``)
FORMS = ("written", "oral_recorded", "community_assembly", "other")
SHARE_SCOPE = "share_chm"
LEVELS = ("public", "community", "restricted", "sacred")
WRITER_ROLES = frozenset({"custodian", "contributor"})

_DATE_KEYS = ("informed_on", "given_on", "expires_on", "withdrawn_on")
_TEXT_KEYS = ("id", "granted_by", "community", "process", "recipient", "informed_language", "informed_method",
              "form", "conditions", "withdrawn_by", "withdrawal_reason")
# Kept when present: the store's bookkeeping and an evidence attachment reference.
_OPTIONAL_KEYS = ("recorded_at", "recorded_by", "evidence")


class ConsentState(str, Enum):
    NONE = "none"
    VALID = "valid"
    EXPIRING_SOON = "expiring_soon"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


# -- consent events at rest ------------------------------------------------------------------
# A consent event of a non-public record keeps only its dates in the clear (they decide the
# state shown while locked); every other field is sealed with the record. Each event is signed
# by the profile that recorded it over a salted digest of its whole content, so the signature
# can be checked without opening it and survives re-sealing under a new record key.
PLAIN_KEYS = ("given_on", "expires_on", "withdrawn_on")


def plain_part(data: Mapping[str, Any]) -> dict[str, Any]:
    """What of a consent event stays readable while locked: its dates."""
    return {key: data[key] for key in PLAIN_KEYS if data.get(key) is not None}


def event_digest(salt: str, record_id: str, consent_id: str, kind: str, at: str, by: str,
                 data: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of a random ``salt`` (kept inside the sealed part; empty for an event that
    was recorded in the clear) and the event's whole content."""
    body = json.dumps({"salt": salt, "record": record_id, "consent": consent_id, "kind": kind, "at": at, "by": by,
                       "data": dict(data)}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def signed_message(record_id: str, consent_id: str, kind: str, at: str, by: str, digest: str,
                   dates: Mapping[str, Any]) -> bytes:
    """The bytes a consent event's signature covers: its identity, digest and clear dates."""
    body = json.dumps({"record": record_id, "consent": consent_id, "kind": kind, "at": at, "by": by, "digest": digest,
                       "dates": plain_part(dates)}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return b"kmdesk/v1/consent-event" + body.encode("utf-8")


# -- dates ----------------------------------------------------------------------------------
class _Unreadable:
    """Marks a date that is present but cannot be read: each rule treats it the safe way."""


_UNREADABLE = _Unreadable()


def _day(value: Any) -> date | _Unreadable | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return _UNREADABLE


# -- consent records ------------------------------------------------------------------------
def normalize_consent(data: Mapping[str, Any]) -> dict[str, Any]:
    """A consent record checked and in canonical shape (every record-format key present, dates
    as ``YYYY-MM-DD``), or ``InvalidRecord`` naming the field. Unknown keys are refused rather
    than dropped: silently losing part of a community's decision is worse than a clear error."""
    if not isinstance(data, Mapping):
        raise InvalidRecord("a consent is an object", field="consent")
    known = set(_DATE_KEYS) | set(_TEXT_KEYS) | set(_OPTIONAL_KEYS) | {"scope", "witnesses"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InvalidRecord(f"consent: unknown field(s) {', '.join(unknown)}", field=f"consent.{unknown[0]}")
    out: dict[str, Any] = {}
    for key in _TEXT_KEYS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise InvalidRecord(f"consent: {key} must be text", field=f"consent.{key}")
        out[key] = (txt.clean(value, f"consent.{key}").strip() or None) if isinstance(value, str) else None
    if not out["granted_by"]:
        raise InvalidRecord("consent: who granted it (granted_by) is required", field="consent.granted_by")
    if out["form"] is not None and out["form"] not in FORMS:
        raise InvalidRecord(f"consent: form must be one of {', '.join(FORMS)}", field="consent.form", value=out["form"])
    out["scope"] = _scope(data.get("scope"))
    out["witnesses"] = _witnesses(data.get("witnesses"))
    for key in _DATE_KEYS:
        day = _day(data.get(key))
        if isinstance(day, _Unreadable):
            raise InvalidRecord(f"consent: {key} must be a date YYYY-MM-DD", field=f"consent.{key}", value=data.get(key))
        out[key] = day.isoformat() if day else None
    if out["given_on"] and out["expires_on"] and out["expires_on"] <= out["given_on"]:
        raise InvalidRecord("consent: it must expire after the day it was given", field="consent.expires_on")
    if out["withdrawn_by"] and not out["withdrawn_on"]:
        raise InvalidRecord("consent: a withdrawal needs its date (withdrawn_on)", field="consent.withdrawn_on")
    for key in _OPTIONAL_KEYS:
        if data.get(key) is not None:
            out[key] = data[key]
    return out


def _scope(value: Any) -> list[str]:
    """The uses a consent covers, in ``SCOPES`` order; at least one, each a known scope."""
    if isinstance(value, (str, Mapping)) or not isinstance(value, Iterable) or not (scope := list(value)):
        raise InvalidRecord("consent: scope lists at least one use", field="consent.scope")
    bad = [s for s in scope if s not in SCOPES]
    if bad:
        raise InvalidRecord(f"consent: unknown scope {bad[0]!r}; scopes are {', '.join(SCOPES)}", field="consent.scope", value=bad[0])
    return [s for s in SCOPES if s in scope]


def _witnesses(value: Any) -> list[str]:
    """The witnesses' names, cleaned, the empty ones left out."""
    witnesses = value or []
    if isinstance(witnesses, str) or not all(isinstance(w, str) for w in witnesses):
        raise InvalidRecord("consent: witnesses is a list of names", field="consent.witnesses")
    return [w.strip() for w in (txt.clean(w, "consent.witnesses") for w in witnesses) if w.strip()]


@dataclass(frozen=True)
class _Standing:
    """What the consents say today: the state, the consent that decides it (if any) and the
    withdrawal that ended it (if that is the state)."""

    state: ConsentState
    consent: Mapping[str, Any] | None = None
    withdrawn_on: date | None = None


def _standing(consents: Sequence[Mapping[str, Any]], today: date, soon_days: int) -> _Standing:
    latest_withdrawal: date | None = None
    for item in consents:
        withdrawn = _day(item.get("withdrawn_on"))
        if isinstance(withdrawn, _Unreadable) or (withdrawn is None and item.get("withdrawn_by")):
            withdrawn = today
        if withdrawn is not None and withdrawn <= today and (latest_withdrawal is None or withdrawn > latest_withdrawal):
            latest_withdrawal = withdrawn
    given: list[tuple[date, int, Mapping[str, Any]]] = []
    for index, item in enumerate(consents):
        day = _day(item.get("given_on"))
        if isinstance(day, _Unreadable):
            continue
        day = day or date.min
        if day <= today and (latest_withdrawal is None or day > latest_withdrawal):
            given.append((day, index, item))
    if not given:
        if latest_withdrawal is not None:
            return _Standing(ConsentState.WITHDRAWN, withdrawn_on=latest_withdrawal)
        return _Standing(ConsentState.NONE)
    current = max(given, key=lambda g: (g[0], g[1]))[2]
    expires = _day(current.get("expires_on"))
    if isinstance(expires, _Unreadable) or (expires is not None and expires <= today):
        return _Standing(ConsentState.EXPIRED, current)
    if expires is not None and (expires - today).days <= soon_days:
        return _Standing(ConsentState.EXPIRING_SOON, current)
    return _Standing(ConsentState.VALID, current)


def consent_state(consents: Sequence[Mapping[str, Any]], today: date, soon_days: int = 30) -> ConsentState:
    """The consent state of a record on ``today`` (see the module docstring for the rules)."""
    return _standing(consents, today, soon_days).state


def current_scopes(consents: Sequence[Mapping[str, Any]], today: date) -> set[str]:
    """What the consent in force allows today; empty when none is in force."""
    standing = _standing(consents, today, 0)
    if standing.state not in (ConsentState.VALID, ConsentState.EXPIRING_SOON) or standing.consent is None:
        return set()
    return set(standing.consent.get("scope") or [])


# -- who may see and edit -------------------------------------------------------------------
@dataclass(frozen=True)
class Viewer:
    """The unlocked profile as the policy sees it. ``protocols`` are protocol names the
    profile is a member of; ``communities`` those whose members protocol it belongs to."""

    name: str
    roles: frozenset[str] = frozenset()
    protocols: frozenset[str] = frozenset()
    communities: frozenset[str] = frozenset()
    id: int | None = None

    def is_custodian_of(self, custodians: Iterable[str] | None) -> bool:
        """Named as a custodian of a sacred record *and* still holding the custodian role:
        a profile whose role was taken away loses sacred access at once."""
        return "custodian" in self.roles and self.name in set(custodians or ())


def _names(value: Any) -> list[str]:
    """A list of protocol or custodian names; anything else (a number written into the file by
    hand) names nobody, so the rule fails closed."""
    return list(value) if isinstance(value, (list, tuple)) else []


def _passes(viewer: Viewer, protocol: str, protocol_kinds: Mapping[str, str]) -> bool:
    # an unknown protocol is treated as strict
    return protocol in viewer.protocols or protocol_kinds.get(protocol) == "open"


def can_view(viewer: Viewer | None, access: Mapping[str, Any], community: str | None,
             protocol_kinds: Mapping[str, str] | None = None) -> bool:
    """May ``viewer`` (None: locked) see a record with this ``access`` (``level``,
    ``protocols``, ``sharing``, ``custodians``) and ``community``?

    public: anyone. community: members of the record's community, or its named custodians.
    restricted: per protocol, a member, or anyone with a profile when the protocol is ``open``
    (``protocol_kinds`` maps names to ``strict``/``open``); ``all`` needs every protocol, ``any``
    one; no protocol means nobody. sacred: named custodians only. Unknown level: nobody."""
    level = access.get("level")
    if level == "public":
        return True
    if viewer is None:
        return False
    kinds = protocol_kinds or {}
    custodians = _names(access.get("custodians"))
    if level == "community":
        return (community is not None and community in viewer.communities) or viewer.is_custodian_of(custodians)
    if level == "restricted":
        protocols = _names(access.get("protocols"))
        if not protocols:
            return False
        passes = [_passes(viewer, p, kinds) for p in protocols]
        return any(passes) if access.get("sharing") == "any" else all(passes)
    if level == "sacred":
        return viewer.is_custodian_of(custodians)
    return False


def can_edit(viewer: Viewer | None, access: Mapping[str, Any], community: str | None,
             protocol_kinds: Mapping[str, str] | None = None) -> bool:
    """A contributor or custodian who may view the record, and for a restricted record is a
    real member of its protocols (an ``open`` protocol lets everyone read, not everyone
    edit); sacred records only by their named custodians."""
    if viewer is None or not viewer.roles & WRITER_ROLES:
        return False
    if not can_view(viewer, access, community, protocol_kinds):
        return False
    if access.get("level") == "restricted":
        return can_view(viewer, access, community, {})
    return True


def protocols_editor_may_drop(viewer: Viewer | None, current_protocols: Iterable[str]) -> set[str]:
    """The protocols an editor may take off a record: those they are a member of. A protocol
    they cannot see, or could not apply again, stays (Mukurtu lost records this way)."""
    if viewer is None:
        return set()
    return set(current_protocols) & set(viewer.protocols)


def check_protocol_change(viewer: Viewer | None, old_protocols: Iterable[str], new_protocols: Iterable[str]) -> list[str]:
    """What is wrong with changing a record's protocols from ``old`` to ``new`` (English, one
    line each, sorted); empty when the change is allowed."""
    old, new = set(old_protocols), set(new_protocols)
    if viewer is None:
        return ["unlock a profile to change protocols"] if old != new else []
    problems = [f"cannot remove protocol {p!r}: {viewer.name} is not a member" for p in old - new - protocols_editor_may_drop(viewer, old)]
    problems += [f"cannot apply protocol {p!r}: {viewer.name} is not a member" for p in new - old - set(viewer.protocols)]
    return sorted(problems)


# -- labels ---------------------------------------------------------------------------------
def label_blocks_sharing(codes: Iterable[str], label_vocab: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The label codes that forbid sharing, in the record's order. ``label_vocab`` maps a code
    to an entry whose ``sharing`` is ``forbids``, ``restricts`` (conditions apply, sharing is
    allowed) or ``allows``. A code missing from the vocabulary, or an entry without a known
    ``sharing``, blocks: we cannot vouch for what an unknown label says."""
    blocked = []
    for code in codes:
        sharing = (label_vocab.get(code) or {}).get("sharing")
        if sharing not in ("allows", "restricts") and code not in blocked:
            blocked.append(code)
    return blocked


# -- the sharing rule -----------------------------------------------------------------------
@dataclass(frozen=True)
class Reason:
    """Why a record may not be shared: a stable ``code`` and ``params`` for the GUI/CLI wording.

    Codes: ``not_selected``, ``not_public`` (level), ``sacred_never``, ``needs_consent``,
    ``consent_expired`` (expires_on), ``consent_withdrawn`` (withdrawn_on),
    ``consent_not_covering`` (scopes; ``sealed`` when the scope is unknown to a locked reader),
    ``label_forbids`` (label)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: list[Reason]


def needs_consent(record: Mapping[str, Any]) -> bool:
    """Whether sharing this record needs a consent covering ``share_chm`` (module docstring)."""
    return (record.get("type") == "traditional_knowledge" or bool(record.get("community"))
            or any(str(code).startswith("TK ") for code in record.get("labels") or []))


def sharing_eligibility(record: Mapping[str, Any], *, selected: bool, today: date,
                        label_vocab: Mapping[str, Mapping[str, Any]]) -> Eligibility:
    """THE rule (DESIGN §3): a record goes to the national CHM only if a person selected it,
    its access level is public, a current unwithdrawn consent covers ``share_chm`` (or it needs
    none), and no label forbids it. Every failing condition is listed, so the UI can say all
    that stands in the way at once; a sacred record says ``sacred_never`` instead of
    ``not_public``."""
    reasons: list[Reason] = []
    if not selected:
        reasons.append(Reason("not_selected"))
    level = (record.get("access") or {}).get("level")
    if level == "sacred":
        reasons.append(Reason("sacred_never"))
    elif level != "public":
        reasons.append(Reason("not_public", {"level": level}))
    if needs_consent(record):
        standing = _standing(list(record.get("consents") or []), today, 0)
        scopes = sorted((standing.consent or {}).get("scope") or [])
        if standing.state is ConsentState.NONE:
            reasons.append(Reason("needs_consent"))
        elif standing.state is ConsentState.WITHDRAWN:
            reasons.append(Reason("consent_withdrawn", {"withdrawn_on": str(standing.withdrawn_on)}))
        elif standing.state is ConsentState.EXPIRED:
            reasons.append(Reason("consent_expired", {"expires_on": str((standing.consent or {}).get("expires_on"))}))
        elif SHARE_SCOPE not in scopes:
            # A locked reader's stub carries only the consent's dates (``PLAIN_KEYS``): its scope
            # is sealed, not empty, and the words must not say it allows nothing.
            sealed = bool((standing.consent or {}).get("sealed")) and not scopes
            reasons.append(Reason("consent_not_covering", {"scopes": scopes, **({"sealed": True} if sealed else {})}))
    reasons += [Reason("label_forbids", {"label": code}) for code in label_blocks_sharing(record.get("labels") or [], label_vocab)]
    return Eligibility(eligible=not reasons, reasons=reasons)


# -- contact details ------------------------------------------------------------------------
# A person's or organization's contact details live in its ``identifiers`` (``directory``). They
# are that person's to give: shown only where their consent to be listed (``list_in_directory``)
# is in force today, or to an unlocked profile (who keeps them up to date). Every way a record
# leaves (a locked read, the search index, an export, the report, a sync document) passes it
# through ``withhold_contacts`` first; an expired or withdrawn consent withholds them again at
# once, because the rule is asked each time, never remembered.
CONTACT_KEYS = ("email", "phone", "website")


def contacts_allowed(record: Mapping[str, Any], today: date) -> bool:
    """Whether ``record``'s contact details may be shown outside an unlocked view: its consents
    (as the record carries them) allow ``list_in_directory`` today. Whatever the record's type:
    a contact key anywhere is someone's contact."""
    return listing_consent(record, today) is not None


def listing_consent(record: Mapping[str, Any], today: date) -> Mapping[str, Any] | None:
    """The consent in force that allows showing ``record``'s contact details (to name who gave
    it, and when), or None."""
    standing = _standing(list(record.get("consents") or []), today, 0)
    if standing.state not in (ConsentState.VALID, ConsentState.EXPIRING_SOON) or standing.consent is None:
        return None
    return standing.consent if DIRECTORY_SCOPE in (standing.consent.get("scope") or []) else None


def has_contacts(record: Mapping[str, Any]) -> bool:
    identifiers = record.get("identifiers")
    return isinstance(identifiers, Mapping) and any(key in identifiers for key in CONTACT_KEYS)


def _no_contacts(identifiers: Any) -> Any:
    if not isinstance(identifiers, Mapping):
        return identifiers
    return {key: value for key, value in identifiers.items() if key not in CONTACT_KEYS}


def without_contacts(record: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``record`` without contact details (its other identifiers kept); the record
    itself when it has none."""
    if not has_contacts(record):
        return record  # type: ignore[return-value]
    return {**record, "identifiers": _no_contacts(record["identifiers"])}


def withhold_contacts(record: Mapping[str, Any], today: date) -> dict[str, Any]:
    """THE contact rule: ``record`` as it may leave an unlocked view, its contact details kept
    only when ``contacts_allowed``."""
    if not has_contacts(record) or contacts_allowed(record, today):
        return record  # type: ignore[return-value]
    return without_contacts(record)


def history_without_contacts(entries: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """History entries (``changes``: field -> [old, new]) with contact details taken out of
    every ``identifiers`` value they record."""
    out = []
    for entry in entries:
        changes = entry.get("changes")
        if isinstance(changes, Mapping) and isinstance(changes.get("identifiers"), (list, tuple)):
            changes = {**changes, "identifiers": [_no_contacts(value) for value in changes["identifiers"]]}
            entry = {**entry, "changes": changes}
        out.append(dict(entry))
    return out


def withhold_history_contacts(record: Mapping[str, Any] | None, entries: list[dict[str, Any]],
                              today: date) -> list[dict[str, Any]]:
    """A record's history as it may leave an unlocked view (``record`` with its consents; None
    when it was deleted: nothing allows its contacts then)."""
    if record is not None and contacts_allowed(record, today):
        return entries
    return history_without_contacts(entries)
