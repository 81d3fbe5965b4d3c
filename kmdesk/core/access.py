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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core import consent, records as rec, text as txt, vault
from kmdesk.core.errors import AccessDenied, InvalidRecord, NotFound
from kmdesk.core.model import Community, Membership, Profile, Protocol, Record, RecordKey

if TYPE_CHECKING:
    from kmdesk.core.store import Library

ROLES = ("custodian", "contributor", "viewer")
SYNC_PROTOCOL = "kmdesk: sync credentials"


def _profile_aad(name: str) -> bytes:
    return f"kmdesk/profile/{name}".encode()


def _member_aad(protocol_id: int, profile_id: int) -> bytes:
    return f"kmdesk/protocol/{protocol_id}/member/{profile_id}".encode()


def _record_key_aad(record_id: str, holder: str, ref: str) -> bytes:
    return f"kmdesk/record/{record_id}/{holder}/{ref}".encode()


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

    def forget(self) -> None:
        self.private_key = b""
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
        return dict(session.execute(select(Protocol.name, Protocol.kind)).all())

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
        params = vault.KdfParams.default()
        wrapped = vault.wrap_key(private, vault.derive_key(passphrase, params), _profile_aad(name))
        profile = Profile(name=name, roles=list(roles), kdf=params.to_dict(), wrapped_key=wrapped,
                          public_key=public, created_at=rec.now())
        session.add(profile)
        session.flush()
        return profile

    def _profile(self, session: Session, name: str) -> Profile:
        profile = session.scalar(select(Profile).where(Profile.name == name))
        if profile is None:
            raise NotFound(f"no profile named {name}", name=name)
        return profile

    def open_private_key(self, profile: Profile, passphrase: str) -> bytes:
        params = vault.KdfParams.from_dict(profile.kdf)
        return vault.unwrap_key(profile.wrapped_key, vault.derive_key(passphrase, params), _profile_aad(profile.name))

    def unlock(self, session: Session, name: str, passphrase: str) -> Session_:
        profile = self._profile(session, name)
        private = self.open_private_key(profile, passphrase)  # WrongPassphrase propagates
        state = Session_(profile_id=profile.id, name=profile.name, roles=set(profile.roles), private_key=private)
        for membership in profile.memberships:
            protocol = membership.protocol
            state.protocol_keys[protocol.id] = vault.unwrap_for(membership.wrapped_key, private, _member_aad(protocol.id, profile.id))
            state.protocol_ids[protocol.name] = protocol.id
            if protocol.is_community and protocol.community:
                state.communities.add(protocol.community)
        self.current = state
        return state

    def lock(self) -> None:
        if self.current is not None:
            self.current.forget()
        self.current = None

    def change_passphrase(self, session: Session, name: str, old: str, new: str) -> None:
        if len(new) < 8:
            raise InvalidRecord("a passphrase needs at least 8 characters", field="passphrase")
        profile = self._profile(session, name)
        private = self.open_private_key(profile, old)
        params = vault.KdfParams.default()
        profile.wrapped_key = vault.wrap_key(private, vault.derive_key(new, params), _profile_aad(profile.name))
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
        return protocol

    def _wrap_membership(self, session: Session, protocol: Protocol, profile: Profile, key: bytes) -> None:
        session.add(Membership(protocol_id=protocol.id, profile_id=profile.id,
                               wrapped_key=vault.wrap_for(key, profile.public_key, _member_aad(protocol.id, profile.id))))
        if self.current and profile.id == self.current.profile_id:
            self.current.protocol_keys[protocol.id] = key
            self.current.protocol_ids[protocol.name] = protocol.id
            if protocol.is_community and protocol.community:
                self.current.communities.add(protocol.community)

    def protocol(self, session: Session, name: str) -> Protocol:
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
        if any(m.profile_id == profile.id for m in protocol.members):
            return
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
            opened.append((row, vault.open_json(row.sealed or "", key, row.id, "record"), key))
        protocol.members.remove(membership)
        session.flush()
        new_key = vault.new_data_key()
        for member in protocol.members:
            member.wrapped_key = vault.wrap_for(new_key, member.profile.public_key, _member_aad(protocol.id, member.profile_id))
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
            unknown = sorted(p for p in new["protocols"] if p not in self.protocol_kinds(session))
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

    def seal(self, session: Session, row: Record, protected: dict[str, Any]) -> bytes | None:
        """Put a non-public record's protected fields under a fresh record key, wrapped for its
        holders, and return that key (the caller seals the history entry with it). A public
        record keeps its fields in plain columns and holds no keys."""
        row.keys.clear()
        session.flush()
        if row.access_level == "public":
            row.sealed = None
            rec.apply_to_row(row, protected)
            return None
        record_key = vault.new_data_key()
        for holder, ref, wrap_with in self._holders(session, row):
            wrapped = wrap_with(record_key, _record_key_aad(row.id, holder, ref))
            row.keys.append(RecordKey(record_id=row.id, holder=holder, holder_ref=ref, wrapped_key=wrapped))
        row.sealed = vault.seal_json(protected, record_key, row.id, "record")
        rec.apply_to_row(row, rec.EMPTY_PROTECTED)
        return record_key

    def _holders(self, session: Session, row: Record) -> list[tuple[str, str, Any]]:
        if row.access_level == "sacred":
            out = []
            for name in row.custodians:
                public = self._profile(session, name).public_key
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
        """The protected fields of a non-public record, or None when policy or keys say no."""
        if row.sealed is None:
            return rec.protected_part(rec.row_to_dict(row))
        if extra is None and not self.may_view(session, row):
            return None
        key = self.record_key(session, row, extra)
        if key is None:
            return None
        return vault.open_json(row.sealed, key, row.id, "record")

