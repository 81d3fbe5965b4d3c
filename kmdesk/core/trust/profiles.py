"""A profile's life: creation, its passphrase, unlocking its keys, and its trust anchor.

The functions here are what ``Access`` delegates to for profiles (``Access.create_profile``,
``unlock``, ``change_passphrase``...); memberships and protocols are in ``memberships``.
A profile's X25519 private key is wrapped by a key derived from its passphrase; once the
profile has a trust anchor (the library key, sealed under its own private key) the wrap is
made under a different name, so an anchor removed from the file is noticed at the next unlock.
The upgrade to 0005 (``certify_existing``, ``share_open_protocols``) is run from a first
unlock by the custodian who created the library key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, InvalidRecord, TamperedData, WrongPassphrase
from kmdesk.core.store import records as rec
from kmdesk.core.store import text as txt
from kmdesk.core.store.model import Membership, Meta, Profile, Protocol, Record
from kmdesk.core.trust import kdf, sealing, signatures, wrapping
from kmdesk.core.trust import signing as trust
from kmdesk.core.trust.signing import context_of

if TYPE_CHECKING:
    from kmdesk.core.trust.access import Access

ROLES = ("custodian", "contributor", "viewer")
PENDING = "pending:"          # a custodian's copy of the library signing key, left by the upgrading custodian
PENDING_OWN = "pending-own:"  # a signing key made for a profile from before 0005, left by the upgrading custodian


def profile_aad(name: str, anchored: bool) -> bytes:
    """A profile's private key is wrapped under a different name once it has a trust anchor,
    so an anchor deleted from the file is missed at the next unlock instead of being made anew
    (which would trust whatever the file then says)."""
    return f"kmdesk/profile/{name}".encode() + (b"/anchored" if anchored else b"")


def member_aad(protocol_id: int, profile_id: int) -> bytes:
    """What a protocol key wrapped to a member's public key is bound to."""
    return f"kmdesk/protocol/{protocol_id}/member/{profile_id}".encode()


def pending_aad(name: str) -> bytes:
    return f"kmdesk/profile/{name}/pending-signing-key".encode()


def own_aad(name: str) -> bytes:
    return f"kmdesk/profile/{name}/pending-own-key".encode()


@dataclass
class Session_:
    """The unlocked profile: who, with which roles, and the keys it holds (memory only)."""

    profile_id: int
    name: str
    roles: set[str]
    private_key: bytes
    protocol_keys: dict[int, bytes] = field(default_factory=dict)
    protocol_ids: dict[str, int] = field(default_factory=dict)
    communities: set[str] = field(default_factory=set)
    signing_key: bytes = b""                 # the profile's own Ed25519 key (signs consent)
    verify_key: bytes = b""
    library_key: bytes | None = None         # from the profile's own trust anchor
    library_signing: bytes | None = None     # custodians only
    fresh_library_key: bool = False          # this unlock created the library key (upgrade)
    problems: list[str] = field(default_factory=list)  # memberships that gave no key, and why

    def forget(self) -> None:
        self.private_key = b""
        self.signing_key = b""
        self.library_signing = None
        self.protocol_keys.clear()


def any_exist(session: Session) -> bool:
    """Whether the library has a profile: without one it is a single person's open library."""
    return session.scalar(select(Profile.id).limit(1)) is not None


def create_profile(access: Access, session: Session, name: str, passphrase: str, roles: list[str]) -> Profile:
    """A new profile. Made by a custodian, it is certified by the library key at once and
    gets its trust anchor; the first profile of a library makes the library key at its first
    unlock instead, as a library upgraded to 0005 does (``open_trust``), and signs what the
    library already holds."""
    name = txt.clean(name, "name").strip()
    if not name:
        raise InvalidRecord("a profile needs a name", field="name")
    if not passphrase or len(passphrase) < 8:
        raise InvalidRecord("a passphrase needs at least 8 characters", field="passphrase")
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise InvalidRecord(f"roles must be among {', '.join(ROLES)}", field="roles")
    first = not any_exist(session)
    if first and "custodian" not in roles:
        raise InvalidRecord("the first profile of a library must be a custodian", field="roles")
    if not first:
        access.require("custodian")
    if session.scalar(select(Profile.id).where(Profile.name == name)):
        raise InvalidRecord(f"a profile named {name} already exists", field="name")
    private, public = wrapping.new_keypair()
    _, verify_key = signatures.profile_signing_key(private)
    params = kdf.KdfParams.default()
    wrapped = wrapping.wrap_key(private, kdf.derive_key(passphrase, params), profile_aad(name, not first))
    profile = Profile(name=name, roles=list(roles), kdf=params.to_dict(), wrapped_key=wrapped,
                      public_key=public, created_at=rec.now(), verify_key=verify_key)
    session.add(profile)
    session.flush()
    if first:
        return profile
    me = access.current
    assert me is not None and me.library_key is not None
    access.certify(profile)
    profile.trust = seal_trust(private, name, me.library_key, access.signing() if "custodian" in roles else None,
                               rows_signed=True, manifests=True)
    for protocol in session.scalars(select(Protocol).where(Protocol.kind == "open")):
        if protocol.id in me.protocol_keys:
            access.wrap_membership(session, protocol, profile, me.protocol_keys[protocol.id], reader=True)
    return profile


@dataclass(frozen=True)
class Anchor:
    """What a profile's trust anchor holds: the library key, for a custodian the signing key,
    whether this unlock created them (an upgrade), whether this profile has seen the library's
    rows signed (after which an unsigned row is never signed blindly again: ``upgrade``) and every
    record given its manifest (after which a missing one is never made again: ``manifests``)."""

    library_key: bytes | None
    signing: bytes | None
    created: bool = False
    rows_signed: bool = False
    manifests: bool = False
    own: bytes | None = None  # this profile's own signing key, when it is not derived (a profile from before 0005)


def seal_trust(private: bytes, name: str, library_key: bytes, signing: bytes | None, *, rows_signed: bool,
               manifests: bool, own: bytes | None = None) -> str:
    return sealing.seal_json({"library": trust.b64(library_key), "signing": trust.b64(signing) if signing else None,
                              "rows": rows_signed, "manifests": manifests, "own": trust.b64(own) if own else None},
                           kdf.derived_key(private, "trust"), f"profile:{name}", "trust")


def pending(trust_value: str | None) -> bool:
    """Whether a profile's ``trust`` is a key left for it, not yet its own sealed anchor."""
    return bool(trust_value) and trust_value.startswith((PENDING, PENDING_OWN))  # type: ignore[union-attr]


def open_trust(session: Session, profile: Profile, private: bytes) -> Anchor:
    """This profile's trust anchor, adopting the library key on a first unlock after the upgrade
    to 0005 (trust on first use, docs/security.md)."""
    key = kdf.derived_key(private, "trust")
    if profile.trust and not pending(profile.trust):
        data = sealing.open_json(profile.trust, key, f"profile:{profile.name}", "trust")
        return Anchor(trust.unb64(data["library"]), trust.unb64(data.get("signing")), rows_signed=bool(data.get("rows")),
                      manifests=bool(data.get("manifests")), own=trust.unb64(data.get("own")))
    created = False
    signing = own = None
    library_key: bytes | None
    if profile.trust and profile.trust.startswith(PENDING):  # a custodian's copy of the signing key
        signing = wrapping.unwrap_for(trust.unb64(profile.trust[len(PENDING):]) or b"", private, pending_aad(profile.name))
        library_key = signatures.signing_public(signing)
    else:
        if profile.trust:  # a signing key made for this profile by the upgrading custodian
            own = wrapping.unwrap_for(trust.unb64(profile.trust[len(PENDING_OWN):]) or b"", private, own_aad(profile.name))
        library_key = trust.unb64(session.scalar(select(Meta.value).where(Meta.key == trust.LIBRARY_KEY)))
        if library_key is None and "custodian" in profile.roles:
            signing, library_key = signatures.new_signing_key()
            session.merge(Meta(key=trust.LIBRARY_KEY, value=trust.b64(library_key)))
            created = True
    if library_key is not None:
        profile.trust = seal_trust(private, profile.name, library_key, signing, rows_signed=False, manifests=False,
                                   own=own)
    return Anchor(library_key, signing, created, own=own)


def certify_existing(access: Access, session: Session) -> None:
    """The upgrade to 0005, run once by the custodian who created the library key: every
    profile and membership as it stands is certified, other custodians get the signing key
    (wrapped to their public key until their next unlock), and each record sealed before its
    access block was bound gets the library's signature over that block. A contributor or viewer
    gets a signing key made for it, certified, and wrapped to its public key until its next unlock."""
    signing = access.signing()
    for profile in session.scalars(select(Profile)):
        if profile.id == access.current.profile_id:  # type: ignore[union-attr]
            profile.verify_key = access.current.verify_key  # type: ignore[union-attr]
        elif "custodian" in profile.roles and not profile.trust:
            profile.trust = PENDING + trust.b64(wrapping.wrap_for(signing, profile.public_key, pending_aad(profile.name)))
        elif not profile.trust and profile.verify_key is None:
            own, profile.verify_key = signatures.new_signing_key()
            profile.trust = PENDING_OWN + trust.b64(wrapping.wrap_for(own, profile.public_key, own_aad(profile.name)))
        access.certify(profile)
    for membership in session.scalars(select(Membership)):
        membership.key_version = membership.protocol.key_version
        access.grant(membership)
    for row in session.scalars(select(Record).where(Record.sealed.is_not(None))):
        if not row.sealed.startswith(sealing.BOUND_PREFIX):  # type: ignore[union-attr]
            row.access_signature = signatures.sign(signing, trust.legacy_message(row.id, context_of(row), row.sealed or ""))


def share_open_protocols(access: Access, session: Session) -> None:
    """Make every profile a reader of each open protocol whose key the unlocked custodian
    holds (the upgrade to 0005: "open" was policy only before)."""
    session.flush()
    me = access.current
    for protocol in session.scalars(select(Protocol).where(Protocol.kind == "open")):
        if protocol.id not in me.protocol_keys:  # type: ignore[union-attr]
            continue
        holders = {m.profile_id for m in protocol.members}
        for profile in session.scalars(select(Profile).where(Profile.id.not_in(holders))):
            access.wrap_membership(session, protocol, profile, me.protocol_keys[protocol.id], reader=True)  # type: ignore[union-attr]


def open_private_key(profile: Profile, passphrase: str) -> tuple[bytes, bool, bytes]:
    """(private key, whether the profile has a trust anchor, passphrase key)."""
    params = kdf.KdfParams.from_dict(profile.kdf)
    kek = kdf.derive_key(passphrase, params)
    try:
        return wrapping.unwrap_key(profile.wrapped_key, kek, profile_aad(profile.name, True)), True, kek
    except WrongPassphrase:
        return wrapping.unwrap_key(profile.wrapped_key, kek, profile_aad(profile.name, False)), False, kek


def unlock(access: Access, session: Session, name: str, passphrase: str) -> Session_:
    """Open a profile's keys (in a writing session: a first unlock after an upgrade settles its
    trust anchor, and a custodian's signs the library's rows: ``upgrade.settle``). A profile row
    the library key does not certify is refused; a membership or protocol row that fails its
    check gives no key and is named in ``Session_.problems``, never trusted."""
    profile = access.profile_named(session, name)
    if not profile.wrapped_key:  # the public part of a profile another device shared through a hub
        raise AccessDenied(f"profile {name} was made on another device: it unlocks there, where its private key is")
    private, anchored, kek = open_private_key(profile, passphrase)  # WrongPassphrase propagates
    if anchored and (not profile.trust or pending(profile.trust)):
        raise TamperedData(f"the trust anchor of profile {name} was removed outside kmdesk", profile=name)
    anchor = open_trust(session, profile, private)
    if anchor.library_key is not None and not anchored:
        profile.wrapped_key = wrapping.wrap_key(private, kek, profile_aad(name, True))
    signing_key, verify_key = (anchor.own, signatures.signing_public(anchor.own)) if anchor.own else signatures.profile_signing_key(private)
    state = Session_(profile_id=profile.id, name=profile.name, roles=set(profile.roles), private_key=private,
                     signing_key=signing_key, verify_key=verify_key, library_key=anchor.library_key,
                     library_signing=anchor.signing, fresh_library_key=anchor.created)
    access.current = state
    access.forget_verifier()
    try:
        if anchor.created:
            certify_existing(access, session)
        if anchor.signing:
            access.settle(session, profile, private, anchor)
        if anchor.library_key is not None:
            access.check_profile(profile)
        if anchor.signing and profile.verify_key is None:  # a custodian made before 0005 certifies its signing key once
            profile.verify_key = verify_key
            access.certify(profile)
        _open_memberships(access, session, profile, state)
        if anchor.created:
            share_open_protocols(access, session)
    except BaseException:
        access.lock()
        raise
    return state


def _open_memberships(access: Access, session: Session, profile: Profile, state: Session_) -> None:
    """The protocol keys of a profile's memberships whose rows hold (with their protocols')."""
    checked = state.library_key is not None
    for membership in profile.memberships:
        protocol = membership.protocol
        problem = (access.row_check(session, "memberships", membership) or access.row_check(session, "protocols", protocol)
                   if checked else None)
        if problem is None and checked and membership.key_version != protocol.key_version:
            problem = f"membership {membership.id} holds version {membership.key_version} of the key of protocol " \
                      f"{protocol.name!r}, which is at version {protocol.key_version}"
        if problem is None:
            try:
                state.protocol_keys[protocol.id] = wrapping.unwrap_for(membership.wrapped_key, state.private_key,
                                                                       member_aad(protocol.id, profile.id))
            except TamperedData:
                problem = f"membership {membership.id} holds a key that does not open with this profile's key"
        if problem is not None:
            state.problems.append(problem)  # a membership written outside kmdesk gives no key
            continue
        if membership.reader:
            continue
        state.protocol_ids[protocol.name] = protocol.id
        if protocol.is_community and protocol.community:
            state.communities.add(protocol.community)
