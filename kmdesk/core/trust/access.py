"""Who is here and what they may do: profiles, communities, cultural protocols and memberships.

Each profile has an X25519 key pair whose private key is wrapped by a key derived from its
passphrase; each protocol (and each community's implicit members protocol) has a random data
key wrapped to every member's public key (``memberships``); each non-public record has its own
key, wrapped for the record's holders (``record_keys``). Locking forgets every key; the policy
in ``consent`` decides what the code lets a profile do, and the keys decide what it can read
even if that code were bypassed. A profile's own life (creation, passphrase, unlocking, its
trust anchor) is in ``profiles``.

Since revision 0005 whatever decides who can read is authenticated (``signing``): a protocol
key is wrapped only to a profile whose key the library signing key certified, each membership
is signed, a record's access block is bound to its ciphertext, and a profile trusts only the
library key in its own sealed trust anchor.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, InvalidRecord, NotFound, TamperedData
from kmdesk.core.errors import UntrustedKey as UntrustedKey  # raised here; imported from here too
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import Community, Membership, Meta, Profile, Protocol, Record, RecordKey
from kmdesk.core.trust import (
    consent,
    memberships,
    profiles,
    rotation,
    row_signing,
    rows,
    signatures,
    upgrade,
    wrapping,
)
from kmdesk.core.trust import signing as trust
from kmdesk.core.trust.profiles import Session_, member_aad
from kmdesk.core.trust.record_keys import RecordKeys
from kmdesk.core.trust.verified import Verified

if TYPE_CHECKING:
    from kmdesk.core.store.bulk import NewRow
    from kmdesk.core.store.library import Library

SYNC_PROTOCOL = "kmdesk: sync credentials"
_PROTOCOLS = "kmdesk.protocols"  # Session.info key of the protocols read once (``protocols_read_once``)
_KINDS = "kmdesk.protocol_kinds"  # and of their kinds, once checked


class Access:
    """``library.access``: the unlocked profile, and the profiles, communities, protocols and
    memberships of the library; ``keys`` opens and seals records with what it holds."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.current: Session_ | None = None
        self.keys = RecordKeys(self)
        self._verifier: rows.Verifier | None = None
        self._verified: Verified | None = None
        self._library_id: str | None = None
        self._signer: row_signing.Signer | None = None  # the unlocked member's, its key loaded once

    # -- signed rows (``rows``) -------------------------------------------------------------------
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
            values = {key: value for key, value in session.execute(select(Meta.key, Meta.value).where(
                Meta.key.in_((trust.LIBRARY_KEY, rows.ROWS_SIGNED, rows.MANIFESTS))))}
            anchor = self.current.library_key if self.current else trust.unb64(values.get(trust.LIBRARY_KEY))
            found = self._verifier = rows.Verifier(self.library_id(), anchor, session.scalars(select(Profile)),
                                                   values.get(rows.ROWS_SIGNED), values.get(rows.MANIFESTS),
                                                   self.verified())
        return found

    def verified(self) -> Verified:
        """The row signatures that passed, remembered across runs (``trust.verified``): kept
        through locks and profile changes: a tag says only that a key signed some bytes, never
        whom the library trusts (the verifier decides that at every read)."""
        if self._verified is None:
            self._verified = Verified(self.library_id())
        return self._verified

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
        if not (me and me.signing_key):
            return None
        found = self._signer
        if found is None or (found.name, found.signing_key) != (me.name, me.signing_key) or found.library_id != self.library_id():
            found = self._signer = row_signing.Signer(me.name, me.signing_key, self.library_id(), self.verified())
        return found

    # -- who is here ------------------------------------------------------------------------------
    @property
    def unlocked(self) -> bool:
        return self.current is not None

    @property
    def actor(self) -> str:
        """Who the log and the history name: the unlocked profile, else the system's user."""
        return self.current.name if self.current else self.library.system_actor

    def viewer(self) -> consent.Viewer | None:
        if self.current is None:
            return None
        return consent.Viewer(name=self.current.name, roles=frozenset(self.current.roles),
                              protocols=frozenset(self.current.protocol_ids), communities=frozenset(self.current.communities))

    def unlocked_profile(self) -> dict[str, Any] | None:
        """Who is unlocked (name, roles, protocols held, communities), None when locked: what
        a face shows and offers, read from memory (no keys leave ``Access``)."""
        viewer = self.viewer()
        if viewer is None:
            return None
        return {"name": viewer.name, "roles": sorted(viewer.roles), "protocols": sorted(viewer.protocols),
                "communities": sorted(viewer.communities)}

    def require(self, *roles: str) -> Session_:
        if self.current is None:
            raise AccessDenied("this needs an unlocked profile: unlock first")
        if roles and not self.current.roles & set(roles):
            raise AccessDenied(f"this needs the role {' or '.join(roles)}; {self.current.name} has "
                               f"{', '.join(sorted(self.current.roles)) or 'none'}")
        return self.current

    def require_writer(self, session: Session) -> None:
        """A library without profiles is a single person's open library; once a profile exists,
        every change needs an unlocked contributor or custodian."""
        if profiles.any_exist(session):
            self.require("custodian", "contributor")

    def unlock(self, session: Session, name: str, passphrase: str) -> Session_:
        """Open a profile's keys in the caller's writing session (``Library.unlock``)."""
        return profiles.unlock(self, session, name, passphrase)

    def settle(self, session: Session, profile: Profile, private: bytes, anchor: profiles.Anchor) -> None:
        """At a custodian's unlock (``profiles.unlock``): sign a library's rows after its upgrade
        (``upgrade.settle``) and certify the profiles rotated since (``rotation``)."""
        upgrade.settle(self, session, profile, private, anchor)
        rotation.certify_rotations(self, session)

    def lock(self) -> None:
        if self.current is not None:
            self.current.forget()
        self.current = None
        self._verifier = None
        self._signer = None

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

    # -- profiles ---------------------------------------------------------------------------------
    def create_profile(self, name: str, passphrase: str, roles: list[str]) -> None:
        with self.library.writing() as session:
            profiles.create_profile(self, session, name, passphrase, roles)
            self.library.audit.record(session, "profile_create", name, {"roles": roles})

    def change_passphrase(self, name: str, old: str, new: str) -> None:
        with self.library.writing() as session:
            rotation.change_passphrase(self, session, name, old, new)
            self.library.audit.record(session, "passphrase_change", name)

    def profiles(self) -> list[dict[str, Any]]:
        with self.library.reading() as session:
            return [{"name": p.name, "roles": list(p.roles), "created_at": p.created_at,
                     "protocols": sorted(m.protocol.name for m in p.memberships if not m.reader
                                         and not self.row_check(session, "memberships", m)),
                     "problem": self.row_check(session, "profiles", p)}
                    for p in session.scalars(select(Profile).order_by(Profile.name))]

    def has_profiles(self) -> bool:
        with self.library.reading() as session:
            return profiles.any_exist(session)

    def check_profile(self, profile: Profile) -> None:
        """Refuse to give a key to a profile whose row is not what the library key signed."""
        me = self.require()
        if not me.library_key or rows.profile_problem(profile, me.library_key, self.library_id()) is not None:
            if me.library_key and signatures.verify(me.library_key, profile.certificate, trust.profile_message(
                    profile.name, list(profile.roles), profile.public_key, profile.verify_key)):
                raise UntrustedKey(f"the certificate of profile {profile.name} predates signed rows: the first unlock of a "
                                   "custodian holding the library key since the upgrade certifies it", profile=profile.name)
            raise UntrustedKey(f"the key of profile {profile.name} is not signed by this library (changed outside kmdesk); "
                               "no key was given to it", profile=profile.name)

    def certify(self, profile: Profile) -> None:
        """The library key's certificate over a profile's public parts (custodians)."""
        profile.previous = None
        profile.certificate = signatures.sign(self.signing(), rows.canonical("profiles", self.library_id(),
                                                                             rows.values_of("profiles", profile)))

    def grant(self, membership: Membership) -> None:
        """The library key's grant of a membership (custodians); its id must be known (flushed)."""
        membership.signature = signatures.sign(self.signing(), rows.grant_message(self.library_id(),
                                                                                   rows.values_of("memberships", membership)))

    def profile_named(self, session: Session, name: str) -> Profile:
        profile = session.scalar(select(Profile).where(Profile.name == name))
        if profile is None:
            raise NotFound(f"no profile named {name}", name=name)
        return profile

    # -- communities, protocols and members ------------------------------------------------------
    def add_community(self, name: str, country: str | None = None, description: dict[str, str] | None = None) -> None:
        with self.library.writing() as session:
            memberships.add_community(self, session, name, country, description)
            self.library.audit.record(session, "community_add", name)

    def communities(self) -> list[dict[str, Any]]:
        with self.library.reading() as session:
            return [{"name": c.name, "country": c.country, "description": c.description,
                     "problem": self.row_check(session, "communities", c)}
                    for c in session.scalars(select(Community).order_by(Community.name))]

    def add_protocol(self, name: str, *, community: str | None = None, kind: str = "strict",
                     description: dict[str, str] | None = None) -> None:
        with self.library.writing() as session:
            memberships.add_protocol(self, session, name, community=community, kind=kind, description=description)
            self.library.audit.record(session, "protocol_add", name, {"kind": kind})

    def protocols(self) -> list[dict[str, Any]]:
        """Every protocol with its members and how many records it holds (what removing a
        member re-seals); names are not secret, keys are."""
        with self.library.reading() as session:
            holding: dict[str, set[str]] = {}
            for record_id, ref in session.execute(select(RecordKey.record_id, RecordKey.holder_ref)
                                                  .where(RecordKey.holder.in_(("protocol", "all")))):
                for protocol_id in ref.split(","):
                    holding.setdefault(protocol_id, set()).add(record_id)
            return [{"name": p.name, "community": p.community, "kind": p.kind, "is_community": p.is_community,
                     "description": p.description, "key_version": p.key_version,
                     "members": sorted(m.profile.name for m in p.members if not m.reader
                                       and not self.row_check(session, "memberships", m)),
                     "records": len(holding.get(str(p.id), ())), "problem": self.row_check(session, "protocols", p)}
                    for p in session.scalars(select(Protocol).order_by(Protocol.name))]

    def add_member(self, protocol: str, profile: str) -> None:
        with self.library.writing() as session:
            memberships.add_member(self, session, protocol, profile)
            self.library.audit.record(session, "member_add", protocol, {"profile": profile})
        self.library.index.refresh_private()

    def remove_member(self, protocol: str, profile: str) -> int:
        """Remove a member; the protocol key is rotated and its records re-sealed."""
        with self.library.writing() as session:
            resealed = memberships.remove_member(self, session, protocol, profile)
            self.library.audit.record(session, "member_remove", protocol, {"profile": profile, "resealed": resealed})
        self.library.index.refresh_private()
        return resealed

    def protocol(self, session: Session, name: str) -> Protocol:
        cached = self._cached_protocols(session)
        if cached is not None:
            protocol = cached.get(name)
        else:
            protocol = session.scalar(select(Protocol).where(Protocol.name == name))
        if protocol is None:
            raise NotFound(f"no protocol named {name}", name=name)
        if cached is not None and name in self.protocol_kinds(session):
            return protocol  # its row was checked once for this block (``protocol_kinds``)
        problem = self.row_check(session, "protocols", protocol)
        if problem:
            raise TamperedData(problem, protocol=name)
        return protocol

    def protocol_kinds(self, session: Session) -> dict[str, str]:
        """Each protocol's kind, of the protocols whose rows hold (an unknown one is strict);
        within ``protocols_read_once``, checked once for the block, not once per sealed row."""
        cached = self._cached_protocols(session)
        kinds: dict[str, str] | None = session.info.get(_KINDS) if cached is not None else None
        if kinds is None:
            found = cached.values() if cached is not None else session.scalars(select(Protocol))
            verifier = self.verifier(session)
            kinds = {protocol.name: protocol.kind for protocol in found if verifier.problem("protocols", protocol) is None}
            if cached is not None:
                session.info[_KINDS] = kinds
        return dict(kinds)

    @contextmanager
    def protocols_read_once(self, session: Session) -> Iterator[None]:
        """Within this block (one import's transaction, or one page of a list, which change no
        protocol) the protocols are read once, not once or twice per restricted record (a query
        each). The copy is kept in the session's ``info``, so only that session reads it: a page
        read in the window's read pool during an import neither uses nor drops the import's
        copy. Nested blocks share the outer one's copy."""
        if _PROTOCOLS in session.info:
            yield
            return
        session.info[_PROTOCOLS] = {protocol.name: protocol for protocol in session.scalars(select(Protocol))}
        try:
            yield
        finally:
            session.info.pop(_PROTOCOLS, None)
            session.info.pop(_KINDS, None)

    @staticmethod
    def _cached_protocols(session: Session) -> dict[str, Protocol] | None:
        cached: dict[str, Protocol] | None = session.info.get(_PROTOCOLS)
        return cached

    def held_key(self, protocol: Protocol) -> bytes:
        me = self.require()
        key = me.protocol_keys.get(protocol.id)
        if key is None:
            raise AccessDenied(f"{me.name} is not a member of {protocol.name}")
        return key

    def wrap_membership(self, session: Session, protocol: Protocol, profile: Profile, key: bytes, *,
                        reader: bool = False) -> None:
        """Give ``profile`` the protocol's ``key``, wrapped to its public key and granted."""
        self.check_profile(profile)
        wrapped = wrapping.wrap_for(key, profile.public_key, member_aad(protocol.id, profile.id))
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

    # -- decisions on records ---------------------------------------------------------------------
    def may_view(self, session: Session, row: Record | NewRow) -> bool:
        if row.access_level == "public":  # anyone (``consent.can_view``): no protocol need be checked
            return True
        return consent.can_view(self.viewer(), rec.access_of(row), row.community, self.protocol_kinds(session))

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
