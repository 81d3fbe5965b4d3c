"""Profiles, communities, cultural protocols and the keys that make access control real.

The key scheme (see ``vault`` for the primitives):

- each profile has an X25519 key pair; the private key is wrapped by a key derived from the
  passphrase (Argon2id or scrypt, parameters stored with it). A custodian can therefore give a
  protocol key to a member who is not at the keyboard (wrap to the public key), and changing a
  passphrase re-wraps one small value;
- each protocol (and each community's implicit members protocol) has a random data key, wrapped
  to every member's public key (``memberships``);
- each non-public record has its own random key sealing its protected fields and history; that
  key is wrapped for the record's holders (``record_keys``): the community's members protocol,
  each listed protocol (sharing ``any``), a key combined from all listed protocols (sharing
  ``all``, so every key is needed), or each named custodian's public key (``sacred``).

Locking forgets every key; the policy in ``consent`` decides what the code lets a profile do,
and the keys decide what it can read even if that code were bypassed.

Since revision 0005 whatever decides who can read is authenticated (``trust``): a protocol key
is wrapped only to a profile whose key the library signing key certified, each membership is
signed, a record's access block is bound to its ciphertext, and a profile trusts only the
library key in its own sealed trust anchor. An open protocol's key is also given to every
profile as a *reader* (read, not edit or apply), which is what makes "open" true under keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core import consent, reads, records as rec, text as txt, trust, vault
from kmdesk.core.errors import AccessDenied, InvalidRecord, NotFound
from kmdesk.core.model import Community, Membership, Meta, Profile, Protocol, Record, RecordKey
from kmdesk.core.trust import context_of

if TYPE_CHECKING:
    from kmdesk.core.store import Library

ROLES = ("custodian", "contributor", "viewer")
SYNC_PROTOCOL = "kmdesk: sync credentials"
_PROTOCOLS = "kmdesk.protocols"  # Session.info key of the protocols read once (``protocols_read_once``)


def _profile_aad(name: str, anchored: bool) -> bytes:
    """A profile's private key is wrapped under a different name once it has a trust anchor,
    so an anchor deleted from the file is missed at the next unlock instead of being made anew
    (which would trust whatever the file then says)."""
    return f"kmdesk/profile/{name}".encode() + (b"/anchored" if anchored else b"")


def _member_aad(protocol_id: int, profile_id: int) -> bytes:
    return f"kmdesk/protocol/{protocol_id}/member/{profile_id}".encode()


def _record_key_aad(record_id: str, holder: str, ref: str) -> bytes:
    return f"kmdesk/record/{record_id}/{holder}/{ref}".encode()


def _pending_aad(name: str) -> bytes:
    return f"kmdesk/profile/{name}/pending-signing-key".encode()


PENDING = "pending:"


class UntrustedKey(vault.TamperedData):
    """A profile's key, roles or membership is not what the library signed: it was changed
    outside kmdesk (or predates the library key). No key is wrapped to it."""

    code = "untrusted_key"


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

    def forget(self) -> None:
        self.private_key = b""
        self.signing_key = b""
        self.library_signing = None
        self.protocol_keys.clear()


class Access:
    """The access half of a library: used by ``Library``, never by the GUI directly."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.current: Session_ | None = None

    # -- who is here ----------------------------------------------------------------------
    @property
    def unlocked(self) -> bool:
        return self.current is not None

    @property
    def actor(self) -> str:
        return self.current.name if self.current else self.library.system_actor

    def viewer(self) -> consent.Viewer | None:
        if self.current is None:
            return None
        return consent.Viewer(name=self.current.name, roles=frozenset(self.current.roles),
                              protocols=frozenset(self.current.protocol_ids), communities=frozenset(self.current.communities))

    def protocol_kinds(self, session: Session) -> dict[str, str]:
        cached = self._cached_protocols(session)
        if cached is not None:
            return {name: protocol.kind for name, protocol in cached.items()}
        return dict(session.execute(select(Protocol.name, Protocol.kind)).all())

    @contextmanager
    def protocols_read_once(self, session: Session) -> Iterator[None]:
        """Within this block (one import's transaction, or one page of a list, which change no
        protocol) the protocols are read once, not once or twice per restricted record (a query
        each: 5 % of an import's transaction). The copy is kept in the session's ``info``, so only
        that session reads it: a page read in the window's read pool during an import neither
        uses nor drops the import's copy. Nested blocks share the outer one's copy."""
        if _PROTOCOLS in session.info:
            yield
            return
        session.info[_PROTOCOLS] = {protocol.name: protocol for protocol in session.scalars(select(Protocol))}
        try:
            yield
        finally:
            session.info.pop(_PROTOCOLS, None)

    @staticmethod
    def _cached_protocols(session: Session) -> dict[str, Protocol] | None:
        return session.info.get(_PROTOCOLS)

    def require(self, *roles: str) -> Session_:
        if self.current is None:
            raise AccessDenied("this needs an unlocked profile: unlock first")
        if roles and not self.current.roles & set(roles):
            raise AccessDenied(f"this needs the role {' or '.join(roles)}; {self.current.name} has {', '.join(sorted(self.current.roles)) or 'none'}")
        return self.current

    def has_profiles(self, session: Session) -> bool:
        return session.scalar(select(Profile.id).limit(1)) is not None

    def require_writer(self, session: Session) -> None:
        """A library without profiles is a single person's open library; once a profile exists,
        every change needs an unlocked contributor or custodian."""
        if self.has_profiles(session):
            self.require("custodian", "contributor")

    # -- profiles -------------------------------------------------------------------------
    def create_profile(self, session: Session, name: str, passphrase: str, roles: list[str]) -> Profile:
        """A new profile. Made by a custodian, it is certified by the library key at once and
        gets its trust anchor; the first profile of a library makes the library key at its first
        unlock instead, as a library upgraded to 0005 does (``_open_trust``), and signs what the
        library already holds."""
        name = txt.clean(name, "name").strip()
        if not name:
            raise InvalidRecord("a profile needs a name", field="name")
        if not passphrase or len(passphrase) < 8:
            raise InvalidRecord("a passphrase needs at least 8 characters", field="passphrase")
        bad = [r for r in roles if r not in ROLES]
        if bad or not roles:
            raise InvalidRecord(f"roles must be among {', '.join(ROLES)}", field="roles")
        first = not self.has_profiles(session)
        if first and "custodian" not in roles:
            raise InvalidRecord("the first profile of a library must be a custodian", field="roles")
        if not first:
            self.require("custodian")
        if session.scalar(select(Profile.id).where(Profile.name == name)):
            raise InvalidRecord(f"a profile named {name} already exists", field="name")
        private, public = vault.new_keypair()
        _, verify_key = vault.profile_signing_key(private)
        params = vault.KdfParams.default()
        wrapped = vault.wrap_key(private, vault.derive_key(passphrase, params), _profile_aad(name, not first))
        profile = Profile(name=name, roles=list(roles), kdf=params.to_dict(), wrapped_key=wrapped,
                          public_key=public, created_at=rec.now(), verify_key=verify_key)
        session.add(profile)
        session.flush()
        if first:
            return profile
        me = self.current
        assert me is not None and me.library_key is not None
        signing = self._signing()
        profile.certificate = vault.sign(signing, trust.profile_message(name, list(roles), public, verify_key))
        profile.trust = self._seal_trust(private, name, me.library_key, signing if "custodian" in roles else None)
        for protocol in session.scalars(select(Protocol).where(Protocol.kind == "open")):
            if protocol.id in me.protocol_keys:
                self._wrap_membership(session, protocol, profile, me.protocol_keys[protocol.id], reader=True)
        return profile

    # -- the trust anchor -----------------------------------------------------------------
    @staticmethod
    def _seal_trust(private: bytes, name: str, library_key: bytes, signing: bytes | None) -> str:
        return vault.seal_json({"library": trust.b64(library_key), "signing": trust.b64(signing) if signing else None},
                               vault.derived_key(private, "trust"), f"profile:{name}", "trust")

    def _signing(self) -> bytes:
        me = self.require("custodian")
        if not me.library_signing:
            raise AccessDenied(f"{me.name} does not hold the library's signing key yet: "
                               "a custodian who holds it must unlock first")
        return me.library_signing

    def anchor(self, session: Session) -> bytes | None:
        """The library key to check signatures with: the unlocked profile's own anchor, else
        (locked) what the file says, which catches every forgery made without a passphrase
        except a swap of the library key itself."""
        if self.current is not None:
            return self.current.library_key
        return trust.unb64(session.scalar(select(Meta.value).where(Meta.key == trust.LIBRARY_KEY)))

    def _open_trust(self, session: Session, profile: Profile, private: bytes) -> tuple[bytes | None, bytes | None, bool]:
        """(library key, signing key, created now) for this profile, adopting the library key
        on a first unlock after the upgrade to 0005 (trust on first use, docs/security.md)."""
        key = vault.derived_key(private, "trust")
        if profile.trust and not profile.trust.startswith(PENDING):
            data = vault.open_json(profile.trust, key, f"profile:{profile.name}", "trust")
            return trust.unb64(data["library"]), trust.unb64(data.get("signing")), False
        created = False
        signing = None
        if profile.trust:  # a custodian's copy of the signing key left by the upgrading custodian
            signing = vault.unwrap_for(trust.unb64(profile.trust[len(PENDING):]) or b"", private, _pending_aad(profile.name))
            library_key = vault.signing_public(signing)
        else:
            library_key = trust.unb64(session.scalar(select(Meta.value).where(Meta.key == trust.LIBRARY_KEY)))
            if library_key is None and "custodian" in profile.roles:
                signing, library_key = vault.new_signing_key()
                session.merge(Meta(key=trust.LIBRARY_KEY, value=trust.b64(library_key)))
                created = True
        if library_key is not None:
            profile.trust = self._seal_trust(private, profile.name, library_key, signing)
        return library_key, signing, created

    def certify_existing(self, session: Session) -> None:
        """The upgrade to 0005, run once by the custodian who created the library key: every
        profile and membership as it stands is certified, other custodians get the signing key
        (wrapped to their public key until their next unlock), and each record sealed before its
        access block was bound gets the library's signature over that block."""
        signing = self._signing()
        for profile in session.scalars(select(Profile)):
            if profile.id == self.current.profile_id:  # type: ignore[union-attr]
                profile.verify_key = self.current.verify_key  # type: ignore[union-attr]
            elif "custodian" in profile.roles and not profile.trust:
                profile.trust = PENDING + trust.b64(vault.wrap_for(signing, profile.public_key, _pending_aad(profile.name)))
            profile.certificate = vault.sign(signing, trust.profile_message(profile.name, list(profile.roles), profile.public_key,
                                                                             profile.verify_key))
        for membership in session.scalars(select(Membership)):
            membership.signature = vault.sign(signing, trust.membership_message(
                membership.protocol_id, membership.profile_id, membership.wrapped_key, membership.reader))
        for row in session.scalars(select(Record).where(Record.sealed.is_not(None))):
            if not row.sealed.startswith(vault.BOUND_PREFIX):  # type: ignore[union-attr]
                row.access_signature = vault.sign(signing, trust.legacy_message(row.id, context_of(row), row.sealed or ""))

    def share_open_protocols(self, session: Session) -> None:
        """Make every profile a reader of each open protocol whose key the unlocked custodian
        holds (the upgrade to 0005: "open" was policy only before)."""
        session.flush()
        me = self.current
        for protocol in session.scalars(select(Protocol).where(Protocol.kind == "open")):
            if protocol.id not in me.protocol_keys:  # type: ignore[union-attr]
                continue
            holders = {m.profile_id for m in protocol.members}
            for profile in session.scalars(select(Profile).where(Profile.id.not_in(holders))):
                self._wrap_membership(session, protocol, profile, me.protocol_keys[protocol.id], reader=True)  # type: ignore[union-attr]

    def check_profile(self, profile: Profile) -> None:
        """Refuse to give a key to a profile whose row is not what the library key signed."""
        me = self.require()
        message = trust.profile_message(profile.name, list(profile.roles), profile.public_key, profile.verify_key)
        if not me.library_key or not vault.verify(me.library_key, profile.certificate, message):
            raise UntrustedKey(f"the key of profile {profile.name} is not signed by this library (changed outside kmdesk); "
                               "no key was given to it", profile=profile.name)

    def _profile(self, session: Session, name: str) -> Profile:
        profile = session.scalar(select(Profile).where(Profile.name == name))
        if profile is None:
            raise NotFound(f"no profile named {name}", name=name)
        return profile

    def open_private_key(self, profile: Profile, passphrase: str) -> tuple[bytes, bool, bytes]:
        """(private key, whether the profile has a trust anchor, passphrase key)."""
        params = vault.KdfParams.from_dict(profile.kdf)
        kek = vault.derive_key(passphrase, params)
        try:
            return vault.unwrap_key(profile.wrapped_key, kek, _profile_aad(profile.name, True)), True, kek
        except vault.WrongPassphrase:
            return vault.unwrap_key(profile.wrapped_key, kek, _profile_aad(profile.name, False)), False, kek

    def unlock(self, session: Session, name: str, passphrase: str) -> Session_:
        """Open a profile's keys (in a writing session: a first unlock after the upgrade to 0005
        settles its trust anchor). A profile row or membership the library key did not sign is
        refused or skipped, never trusted."""
        profile = self._profile(session, name)
        private, anchored, kek = self.open_private_key(profile, passphrase)  # WrongPassphrase propagates
        if anchored and (not profile.trust or profile.trust.startswith(PENDING)):
            raise vault.TamperedData(f"the trust anchor of profile {name} was removed outside kmdesk", profile=name)
        library_key, signing, created = self._open_trust(session, profile, private)
        if library_key is not None and not anchored:
            profile.wrapped_key = vault.wrap_key(private, kek, _profile_aad(name, True))
        signing_key, verify_key = vault.profile_signing_key(private)
        state = Session_(profile_id=profile.id, name=profile.name, roles=set(profile.roles), private_key=private,
                         signing_key=signing_key, verify_key=verify_key, library_key=library_key,
                         library_signing=signing, fresh_library_key=created)
        self.current = state
        if created:
            self.certify_existing(session)
        try:
            if library_key is not None:
                self.check_profile(profile)
            if signing and profile.verify_key is None:  # a custodian made before 0005 certifies its signing key once
                profile.verify_key = verify_key
                profile.certificate = vault.sign(signing, trust.profile_message(profile.name, list(profile.roles),
                                                                                 profile.public_key, verify_key))
            for membership in profile.memberships:
                protocol = membership.protocol
                if library_key is not None and not vault.verify(library_key, membership.signature, trust.membership_message(
                        protocol.id, profile.id, membership.wrapped_key, membership.reader)):
                    continue  # a membership written outside kmdesk gives no key
                state.protocol_keys[protocol.id] = vault.unwrap_for(membership.wrapped_key, private, _member_aad(protocol.id, profile.id))
                if membership.reader:
                    continue
                state.protocol_ids[protocol.name] = protocol.id
                if protocol.is_community and protocol.community:
                    state.communities.add(protocol.community)
            if created:
                self.share_open_protocols(session)
        except BaseException:
            self.lock()
            raise
        return state

    def lock(self) -> None:
        if self.current is not None:
            self.current.forget()
        self.current = None

    def change_passphrase(self, session: Session, name: str, old: str, new: str) -> None:
        if len(new) < 8:
            raise InvalidRecord("a passphrase needs at least 8 characters", field="passphrase")
        profile = self._profile(session, name)
        private, anchored, _ = self.open_private_key(profile, old)
        params = vault.KdfParams.default()
        profile.wrapped_key = vault.wrap_key(private, vault.derive_key(new, params), _profile_aad(profile.name, anchored))
        profile.kdf = params.to_dict()

    # -- communities and protocols --------------------------------------------------------
    def add_community(self, session: Session, name: str, country: str | None = None,
                      description: dict[str, str] | None = None) -> Community:
        self.require("custodian")
        name = txt.clean(name, "name")
        if session.scalar(select(Community.id).where(Community.name == name)):
            raise InvalidRecord(f"a community named {name} already exists", field="name")
        community = Community(name=name, country=country, description=description or {})
        session.add(community)
        self.add_protocol(session, self.community_protocol_name(name), community=name, kind="strict", is_community=True)
        return community

    @staticmethod
    def community_protocol_name(community: str) -> str:
        return f"{community}: members"

    def add_protocol(self, session: Session, name: str, *, community: str | None = None, kind: str = "strict",
                     description: dict[str, str] | None = None, is_community: bool = False) -> Protocol:
        me = self.require("custodian")
        name = txt.clean(name, "name")
        if kind not in ("strict", "open"):
            raise InvalidRecord("a protocol is 'strict' or 'open'", field="kind")
        if session.scalar(select(Protocol.id).where(Protocol.name == name)):
            raise InvalidRecord(f"a protocol named {name} already exists", field="name")
        if community and not session.scalar(select(Community.id).where(Community.name == community)):
            raise NotFound(f"no community named {community}", name=community)
        protocol = Protocol(name=name, community=community, kind=kind, is_community=is_community,
                            description=description or {}, key_version=1)
        session.add(protocol)
        session.flush()
        key = vault.new_data_key()
        me_profile = session.get(Profile, me.profile_id)
        assert me_profile is not None
        self._wrap_membership(session, protocol, me_profile, key)
        if kind == "open":  # every profile may read an open protocol's records: give it the key to
            for other in session.scalars(select(Profile).where(Profile.id != me.profile_id)):
                self._wrap_membership(session, protocol, other, key, reader=True)
        return protocol

    def _wrap_membership(self, session: Session, protocol: Protocol, profile: Profile, key: bytes, *,
                         reader: bool = False) -> None:
        signing = self._signing()
        self.check_profile(profile)
        wrapped = vault.wrap_for(key, profile.public_key, _member_aad(protocol.id, profile.id))
        session.add(Membership(protocol_id=protocol.id, profile_id=profile.id, wrapped_key=wrapped, reader=reader,
                               signature=vault.sign(signing, trust.membership_message(protocol.id, profile.id, wrapped, reader))))
        if self.current and profile.id == self.current.profile_id:
            self.current.protocol_keys[protocol.id] = key
            if not reader:
                self.current.protocol_ids[protocol.name] = protocol.id
                if protocol.is_community and protocol.community:
                    self.current.communities.add(protocol.community)

    def protocol(self, session: Session, name: str) -> Protocol:
        cached = self._cached_protocols(session)
        if cached is not None:
            protocol = cached.get(name)
        else:
            protocol = session.scalar(select(Protocol).where(Protocol.name == name))
        if protocol is None:
            raise NotFound(f"no protocol named {name}", name=name)
        return protocol

    def _held_key(self, protocol: Protocol) -> bytes:
        me = self.require()
        key = me.protocol_keys.get(protocol.id)
        if key is None:
            raise AccessDenied(f"{me.name} is not a member of {protocol.name}")
        return key

    def add_member(self, session: Session, protocol_name: str, profile_name: str) -> None:
        self.require("custodian")
        protocol = self.protocol(session, protocol_name)
        key = self._held_key(protocol)
        profile = self._profile(session, profile_name)
        existing = next((m for m in protocol.members if m.profile_id == profile.id), None)
        if existing is not None and not existing.reader:
            return
        if existing is not None:  # a reader of an open protocol becomes a member
            protocol.members.remove(existing)
            session.flush()
        self._wrap_membership(session, protocol, profile, key)

    def remove_member(self, session: Session, protocol_name: str, profile_name: str) -> int:
        """Remove a member and rotate the protocol key: every record the protocol holds gets a
        new record key and is re-sealed (fields and history), so the removed member's old key
        opens nothing written from now on. Returns how many records were re-sealed."""
        me = self.require("custodian")
        protocol = self.protocol(session, protocol_name)
        self._held_key(protocol)
        profile = self._profile(session, profile_name)
        membership = next((m for m in protocol.members if m.profile_id == profile.id), None)
        if membership is None:
            raise NotFound(f"{profile_name} is not a member of {protocol_name}")
        affected = self._records_holding(session, protocol.id)
        opened = []
        for row in affected:
            key = self.record_key(session, row)
            if key is None:
                raise AccessDenied(f"cannot rotate {protocol_name}: record {row.id} also needs keys {me.name} does not hold")
            opened.append((row, self.open_row(session, row, key), key))
        protocol.members.remove(membership)
        session.flush()
        new_key = vault.new_data_key()
        signing = self._signing()
        for member in protocol.members:
            self.check_profile(member.profile)
            member.wrapped_key = vault.wrap_for(new_key, member.profile.public_key, _member_aad(protocol.id, member.profile_id))
            member.signature = vault.sign(signing, trust.membership_message(protocol.id, member.profile_id,
                                                                            member.wrapped_key, member.reader))
        protocol.key_version += 1
        me.protocol_keys[protocol.id] = new_key
        for row, fields, old_record_key in opened:
            self.library._reseal_history(session, row, old_record_key, self.seal(session, row, fields))
        return len(affected)

    def _records_holding(self, session: Session, protocol_id: int) -> list[Record]:
        keys = session.scalars(select(RecordKey).where(RecordKey.holder.in_(("protocol", "all")))).all()
        ids = {k.record_id for k in keys if str(protocol_id) in k.holder_ref.split(",")}
        return list(session.scalars(select(Record).where(Record.id.in_(ids)))) if ids else []

    # -- sealing records ------------------------------------------------------------------
    def check_access_change(self, session: Session, old: dict[str, Any] | None, new: dict[str, Any]) -> None:
        """Refuse what a careful community would refuse: applying a protocol you are not in,
        dropping one you cannot see (Mukurtu lost data this way), or sealing sacred knowledge
        without naming custodians."""
        level = new["level"]
        if level == "public":
            dropped = set((old or {}).get("protocols") or [])
        else:
            dropped = set((old or {}).get("protocols") or []) - set(new["protocols"])
        me = self.current
        held = set(me.protocol_ids) if me else set()
        unseen = sorted(p for p in dropped if p not in held)
        if unseen:
            raise AccessDenied(f"you cannot remove the protocol(s) {', '.join(unseen)}: you are not a member")
        if level == "restricted":
            kinds = self.protocol_kinds(session)
            unknown = sorted(p for p in new["protocols"] if p not in kinds)
            if unknown:
                raise NotFound(f"no protocol named {unknown[0]}", name=unknown[0])
            foreign = sorted(p for p in new["protocols"] if p not in held)
            if foreign:
                raise AccessDenied(f"you cannot apply the protocol(s) {', '.join(foreign)}: you are not a member")
        if level == "sacred":
            self.require("custodian")
            if not new["custodians"]:
                raise InvalidRecord("a sacred record names at least one custodian", field="access")
            for name in new["custodians"]:
                profile = self._profile(session, name)
                if "custodian" not in profile.roles:
                    raise InvalidRecord(f"{name} is not a custodian", field="access")

    def seal(self, session: Session, row: Record, protected: dict[str, Any], keep: bytes | None = None) -> bytes | None:
        """Put a non-public record's protected fields under its record key, bound to its id and
        access block, and return that key (the caller seals history and consent with it). A
        fresh key wrapped for the record's holders, unless ``keep`` (the record's current key,
        its access unchanged): then its wraps stay, so a member of one protocol of a record
        shared ``any`` can edit it without the other protocols' keys. A public record keeps its
        fields in plain columns and holds no keys."""
        row.access_signature = None
        if row.access_level == "public":
            if row.keys:  # a record made public: its old wraps go first (a new row has none, and a
                row.keys.clear()  # flush per imported record was a tenth of an import's time)
                session.flush()
            row.sealed = None
            rec.apply_to_row(row, protected)
            return None
        record_key = keep
        if record_key is None:
            if row.keys:  # the old keys go first (a new row has none: nothing to flush)
                row.keys.clear()
                session.flush()
            record_key = vault.new_data_key()
            for holder, ref, wrap_with in self._holders(session, row):
                wrapped = wrap_with(record_key, _record_key_aad(row.id, holder, ref))
                row.keys.append(RecordKey(record_id=row.id, holder=holder, holder_ref=ref, wrapped_key=wrapped))
        row.sealed = vault.seal_record(protected, record_key, row.id, context_of(row))
        rec.apply_to_row(row, rec.EMPTY_PROTECTED)
        return record_key

    def integrity_problem(self, session: Session, row: Record) -> str | None:
        """What is wrong with a row's access, as far as can be told without its key (None: nothing)."""
        return trust.access_problem(row, lambda: self.anchor(session))

    def open_row(self, session: Session, row: Record, key: bytes) -> dict[str, Any]:
        """A sealed row's protected fields, only under the access block they were sealed with."""
        problem = self.integrity_problem(session, row)
        if problem:
            raise vault.TamperedData(f"record {row.id}: {problem}", record=row.id)
        if (row.sealed or "").startswith(vault.BOUND_PREFIX):
            return vault.open_record(row.sealed, key, row.id, context_of(row))
        return vault.open_json(row.sealed or "", key, row.id, "record")

    def _holders(self, session: Session, row: Record) -> list[tuple[str, str, Any]]:
        if row.access_level == "sacred":
            out = []
            for name in row.custodians:
                profile = self._profile(session, name)
                self.check_profile(profile)
                public = profile.public_key
                out.append(("profile", name, lambda key, aad, public=public: vault.wrap_for(key, public, aad)))
            return out
        if row.access_level == "community":
            if not row.community:
                raise InvalidRecord("a community record names its community", field="community")
            names = [self.community_protocol_name(row.community)]
            sharing = "any"
        else:
            names, sharing = list(row.access_protocols), row.access_sharing
        protocols = [self.protocol(session, name) for name in names]
        keys = [self._held_key(p) for p in protocols]
        if sharing == "all" and len(protocols) > 1:
            combined = vault.combine_keys(keys)
            ref = ",".join(str(p.id) for p in sorted(protocols, key=lambda p: p.id))
            return [("all", ref, lambda key, aad: vault.wrap_key(key, combined, aad))]
        return [("protocol", str(p.id), lambda key, aad, k=k: vault.wrap_key(key, k, aad)) for p, k in zip(protocols, keys)]

    def record_key(self, session: Session, row: Record, extra: dict[int, bytes] | None = None) -> bytes | None:
        """The record's key if the unlocked profile holds a way to it, else None."""
        me = self.current
        if me is None or row.sealed is None:
            return None
        keys = {**me.protocol_keys, **(extra or {})}
        for wrapped in row.keys:
            aad = _record_key_aad(row.id, wrapped.holder, wrapped.holder_ref)
            if wrapped.holder == "profile" and wrapped.holder_ref == me.name:
                return vault.unwrap_for(wrapped.wrapped_key, me.private_key, aad)
            if wrapped.holder == "protocol" and int(wrapped.holder_ref) in keys:
                return vault.unwrap_key(wrapped.wrapped_key, keys[int(wrapped.holder_ref)], aad)
            if wrapped.holder == "all":
                ids = [int(i) for i in wrapped.holder_ref.split(",")]
                if all(i in keys for i in ids):
                    return vault.unwrap_key(wrapped.wrapped_key, vault.combine_keys([keys[i] for i in ids]), aad)
        return None

    def may_view(self, session: Session, row: Record) -> bool:
        return consent.can_view(self.viewer(), rec.row_to_dict(row)["access"], row.community, self.protocol_kinds(session))

    def reveal(self, session: Session, row: Record, extra: dict[int, bytes] | None = None) -> dict[str, Any] | None:
        """The protected fields of a non-public record, or None when policy or keys say no.
        Raises ``vault.TamperedData`` naming the record when its row was changed outside kmdesk."""
        return self.opened(session, row, extra)[0]

    def opened(self, session: Session, row: Record, extra: dict[int, bytes] | None = None, *,
               anchor: Callable[[], bytes | None] | None = None) -> tuple[dict[str, Any] | None, bytes | None]:
        """``reveal`` and the record key it used (None for a public record or when closed).
        ``anchor`` gives the library key a page of rows read once (else ``Access.anchor`` is
        asked, which reads the file while locked: a query per row)."""
        return reads.opened(row, anchor or (lambda: self.anchor(session)), lambda: self._open_sealed(session, row, extra))

    def _open_sealed(self, session: Session, row: Record,
                     extra: dict[int, bytes] | None) -> tuple[dict[str, Any] | None, bytes | None]:
        """A sealed row's fields and key, when policy lets this profile see it and it holds a key."""
        if extra is None and not self.may_view(session, row):
            return None, None
        key = self.record_key(session, row, extra)
        if key is None:
            return None, None
        return self.open_row(session, row, key), key
