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
and the keys decide what it can read even if that code were bypassed. A profile's own life
(creation, passphrase, unlocking, its trust anchor) is in ``profiles``; ``Access`` delegates to it.

Since revision 0005 whatever decides who can read is authenticated (``trust``): a protocol key
is wrapped only to a profile whose key the library signing key certified, each membership is
signed, a record's access block is bound to its ciphertext, and a profile trusts only the
library key in its own sealed trust anchor. An open protocol's key is also given to every
profile as a *reader* (read, not edit or apply), which is what makes "open" true under keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, InvalidRecord, NotFound
from kmdesk.core.store import records as rec
from kmdesk.core.store import text as txt
from kmdesk.core.store.model import Community, Membership, Meta, Profile, Protocol, Record, RecordKey
from kmdesk.core.trust import consent, profiles, reads, rotation, row_signing, rows, vault
from kmdesk.core.trust import signing as trust
from kmdesk.core.trust.profiles import ROLES, Session_, member_aad  # noqa: F401 (ROLES, Session_: imported from here too)
from kmdesk.core.trust.signing import context_of

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

SYNC_PROTOCOL = "kmdesk: sync credentials"
_PROTOCOLS = "kmdesk.protocols"  # Session.info key of the protocols read once (``protocols_read_once``)


def _record_key_aad(record_id: str, holder: str, ref: str) -> bytes:
    return f"kmdesk/record/{record_id}/{holder}/{ref}".encode()


class UntrustedKey(vault.TamperedData):
    """A profile's key, roles or membership is not what the library signed: it was changed
    outside kmdesk (or predates the library key). No key is wrapped to it."""

    code = "untrusted_key"


class Access:
    """The access half of a library: used by ``Library``, never by the GUI directly."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.current: Session_ | None = None
        self._verifier: rows.Verifier | None = None
        self._library_id: str | None = None

    # -- signed rows (``rows``) -------------------------------------------------------------
    def library_id(self) -> str | None:
        """The library's id, part of every signed form (read once)."""
        if self._library_id is None:
            self._library_id = self.library.meta(rows.LIBRARY_ID)
        return self._library_id

    def verifier(self, session: Session) -> rows.Verifier:
        """What checks rows now: the unlocked profile's library key (locked: the file's) and the
        profiles it certifies, read once until the next unlock, lock or profile change."""
        found = self._verifier
        if found is None:
            values = dict(session.execute(select(Meta.key, Meta.value).where(
                Meta.key.in_((trust.LIBRARY_KEY, rows.ROWS_SIGNED)))).tuples().all())
            anchor = self.current.library_key if self.current else trust.unb64(values.get(trust.LIBRARY_KEY))
            found = self._verifier = rows.Verifier(self.library_id(), anchor, session.scalars(select(Profile)),
                                                   values.get(rows.ROWS_SIGNED))
        return found

    def forget_verifier(self) -> None:
        self._verifier = None

    def row_check(self, session: Session, table: str, row: Any) -> str | None:
        """``row`` named with what is wrong with it (None: it may be used). A signer not met yet
        (a profile made by another window since) has the profiles read again, once."""
        verifier = self.verifier(session)
        signer = getattr(row, "row_signer", None)
        if signer and signer not in verifier.signers and signer not in verifier.untrusted:
            self.forget_verifier()
            verifier = self.verifier(session)
        return verifier.check(table, row)

    def row_signer(self, _session: Session) -> row_signing.Signer | None:
        """Who signs the rows written now: the unlocked profile (``row_signing.install``)."""
        me = self.current
        return row_signing.Signer(me.name, me.signing_key, self.library_id()) if me and me.signing_key else None

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
        """Each protocol's kind, of the protocols whose rows hold (an unknown one is strict)."""
        cached = self._cached_protocols(session)
        found = cached.values() if cached is not None else session.scalars(select(Protocol))
        verifier = self.verifier(session)
        return {protocol.name: protocol.kind for protocol in found if verifier.problem("protocols", protocol) is None}

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

    # -- profiles (their life is in ``profiles``) ------------------------------------------
    def create_profile(self, session: Session, name: str, passphrase: str, roles: list[str]) -> Profile:
        return profiles.create_profile(self, session, name, passphrase, roles)

    def unlock(self, session: Session, name: str, passphrase: str) -> Session_:
        return profiles.unlock(self, session, name, passphrase)

    def change_passphrase(self, session: Session, name: str, old: str, new: str) -> None:
        rotation.change_passphrase(self, session, name, old, new)

    def signing(self) -> bytes:
        """The library signing key, held only by a custodian's unlocked profile."""
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

    def check_profile(self, profile: Profile) -> None:
        """Refuse to give a key to a profile whose row is not what the library key signed."""
        me = self.require()
        if not me.library_key or rows.profile_problem(profile, me.library_key, self.library_id()) is not None:
            if vault.verify(me.library_key, profile.certificate, trust.profile_message(
                    profile.name, list(profile.roles), profile.public_key, profile.verify_key)):
                raise UntrustedKey(f"the certificate of profile {profile.name} predates signed rows: the first unlock of a "
                                   "custodian holding the library key since the upgrade certifies it", profile=profile.name)
            raise UntrustedKey(f"the key of profile {profile.name} is not signed by this library (changed outside kmdesk); "
                               "no key was given to it", profile=profile.name)

    def certify(self, profile: Profile) -> None:
        """The library key's certificate over a profile's public parts (custodians)."""
        profile.previous = None
        profile.certificate = vault.sign(self.signing(), rows.canonical("profiles", self.library_id(),
                                                                         rows.values_of("profiles", profile)))

    def grant(self, membership: Membership) -> None:
        """The library key's grant of a membership (custodians); its id must be known (flushed)."""
        membership.signature = vault.sign(self.signing(), rows.grant_message(self.library_id(),
                                                                               rows.values_of("memberships", membership)))

    def profile_named(self, session: Session, name: str) -> Profile:
        profile = session.scalar(select(Profile).where(Profile.name == name))
        if profile is None:
            raise NotFound(f"no profile named {name}", name=name)
        return profile

    def lock(self) -> None:
        if self.current is not None:
            self.current.forget()
        self.current = None
        self._verifier = None

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
        if community:
            found = session.scalar(select(Community).where(Community.name == community))
            if found is None:
                raise NotFound(f"no community named {community}", name=community)
            problem = self.row_check(session, "communities", found)
            if problem:
                raise vault.TamperedData(problem, community=community)
        protocol = Protocol(name=name, community=community, kind=kind, is_community=is_community,
                            description=description or {}, key_version=1)
        session.add(protocol)
        session.flush()
        key = vault.new_data_key()
        me_profile = session.get(Profile, me.profile_id)
        assert me_profile is not None
        self.wrap_membership(session, protocol, me_profile, key)
        if kind == "open":  # every profile may read an open protocol's records: give it the key to
            for other in session.scalars(select(Profile).where(Profile.id != me.profile_id)):
                self.wrap_membership(session, protocol, other, key, reader=True)
        return protocol

    def wrap_membership(self, session: Session, protocol: Protocol, profile: Profile, key: bytes, *,
                         reader: bool = False) -> None:
        self.check_profile(profile)
        wrapped = vault.wrap_for(key, profile.public_key, member_aad(protocol.id, profile.id))
        membership = Membership(protocol_id=protocol.id, profile_id=profile.id, wrapped_key=wrapped, reader=reader,
                                key_version=protocol.key_version)
        session.add(membership)
        session.flush()
        self.grant(membership)
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
        problem = self.row_check(session, "protocols", protocol)
        if problem:
            raise vault.TamperedData(problem, protocol=name)
        return protocol

    def held_key(self, protocol: Protocol) -> bytes:
        me = self.require()
        key = me.protocol_keys.get(protocol.id)
        if key is None:
            raise AccessDenied(f"{me.name} is not a member of {protocol.name}")
        return key

    def add_member(self, session: Session, protocol_name: str, profile_name: str) -> None:
        self.require("custodian")
        protocol = self.protocol(session, protocol_name)
        key = self.held_key(protocol)
        profile = self.profile_named(session, profile_name)
        existing = next((m for m in protocol.members if m.profile_id == profile.id), None)
        if existing is not None and not existing.reader:
            return
        if existing is not None:  # a reader of an open protocol becomes a member
            protocol.members.remove(existing)
            session.flush()
        self.wrap_membership(session, protocol, profile, key)

    def remove_member(self, session: Session, protocol_name: str, profile_name: str) -> int:
        """Remove a member and rotate the protocol key: every record the protocol holds gets a
        new record key and is re-sealed (fields and history), so the removed member's old key
        opens nothing written from now on. Returns how many records were re-sealed."""
        me = self.require("custodian")
        protocol = self.protocol(session, protocol_name)
        self.held_key(protocol)
        profile = self.profile_named(session, profile_name)
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
        protocol.key_version += 1
        for member in protocol.members:
            self.check_profile(member.profile)
            member.wrapped_key = vault.wrap_for(new_key, member.profile.public_key, member_aad(protocol.id, member.profile_id))
            member.key_version = protocol.key_version
            self.grant(member)
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
                self.protocol(session, unknown[0])  # one whose row fails its check is refused, named
                raise NotFound(f"no protocol named {unknown[0]}", name=unknown[0])
            foreign = sorted(p for p in new["protocols"] if p not in held)
            if foreign:
                raise AccessDenied(f"you cannot apply the protocol(s) {', '.join(foreign)}: you are not a member")
        if level == "sacred":
            self.require("custodian")
            if not new["custodians"]:
                raise InvalidRecord("a sacred record names at least one custodian", field="access")
            for name in new["custodians"]:
                profile = self.profile_named(session, name)
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

    def open_row(self, session: Session, row: Record, key: bytes) -> dict[str, Any]:
        """A sealed row's protected fields, only under the access block they were sealed with."""
        problem = self.record_problem(session, row)
        if problem:
            raise vault.TamperedData(problem, record=row.id)
        if (row.sealed or "").startswith(vault.BOUND_PREFIX):
            return vault.open_record(row.sealed, key, row.id, context_of(row))
        return vault.open_json(row.sealed or "", key, row.id, "record")

    def _holders(self, session: Session, row: Record) -> list[tuple[str, str, Any]]:
        if row.access_level == "sacred":
            out = []
            for name in row.custodians:
                profile = self.profile_named(session, name)
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
        keys = [self.held_key(p) for p in protocols]
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

    def opened(self, session: Session, row: Record,
               extra: dict[int, bytes] | None = None) -> tuple[dict[str, Any] | None, bytes | None]:
        """``reveal`` and the record key it used (None for a public record or when closed)."""
        return reads.opened(row, self.verifier(session), lambda: self._open_sealed(session, row, extra))

    def record_problem(self, session: Session, row: Record) -> str | None:
        """What is wrong with a record row as far as can be told without its key (None: nothing)."""
        return reads.record_problem(row, self.verifier(session))

    def _open_sealed(self, session: Session, row: Record,
                     extra: dict[int, bytes] | None) -> tuple[dict[str, Any] | None, bytes | None]:
        """A sealed row's fields and key, when policy lets this profile see it and it holds a key."""
        if extra is None and not self.may_view(session, row):
            return None, None
        key = self.record_key(session, row, extra)
        if key is None:
            return None, None
        return self.open_row(session, row, key), key