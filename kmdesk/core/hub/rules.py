"""A device's own rules, applied to changes that come from the hub: who signed, and whether this
library would have let that profile make the change.

The signer's key and roles are believed only through its certificate, checked against the
library key in the unlocked profile's own trust anchor (``rows.profile_problem``); its protocols
only through memberships whose grant the library key signed (``rows.grant_message``). A row that
comes whole is checked like a row read here (``rows.Verifier``: its writer's signature over the
row as the writer stored it). A change its signer could not have made here is refused like a
forgery.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.hub.errors import Refused
from kmdesk.core.store.model import Membership, Profile, Protocol
from kmdesk.core.trust import consent, rows, signatures

WRITERS = frozenset({"custodian", "contributor"})


class Rules:
    """The checks of one pull, with the signers read once each."""

    def __init__(self, session: Session, anchor: bytes, library_id: str | None) -> None:
        self.session = session
        self.anchor = anchor
        self.library_id = library_id
        self._verifier: rows.Verifier | None = None
        self._viewers: dict[str, consent.Viewer | None] = {}
        self._keys: dict[str, bytes | None] = {}
        self._kinds: dict[str, str] | None = None

    def forget(self, name: str | None = None) -> None:
        """A profile, protocol or membership changed: read signers (or this one) again."""
        if name is None:
            self._viewers.clear()
            self._keys.clear()
            self._kinds = None
            self._verifier = None
        else:
            self._verifier = None
            self._viewers.pop(name, None)
            self._keys.pop(name, None)

    def verify_key(self, name: str) -> bytes | None:
        """The profile's Ed25519 key if the library key certifies it (read once per pull)."""
        if name not in self._keys:
            profile = self.session.scalar(select(Profile).where(Profile.name == name))
            self._keys[name] = bytes(profile.verify_key) if profile is not None and profile.verify_key and \
                rows.profile_problem(profile, self.anchor, self.library_id) is None else None
        return self._keys[name]

    def row_problem(self, table: str, row: Any) -> str | None:
        """What this library's own checks say of a row as its writer signed it (None: it may be
        used): its signer certified and allowed to sign such rows, its signature over every
        signed column (a membership's grant too)."""
        if self._verifier is None:
            self._verifier = rows.Verifier(self.library_id, self.anchor, self.session.scalars(select(Profile)))
        return self._verifier.problem(table, row)

    def viewer(self, name: str) -> consent.Viewer:
        """The signer as this library's policy sees it: certified roles, signed memberships."""
        if name not in self._viewers:
            self._viewers[name] = self._read_viewer(name)
        found = self._viewers[name]
        if found is None:
            raise Refused(f"{name} is not a profile this library certifies")
        return found

    def _read_viewer(self, name: str) -> consent.Viewer | None:
        profile = self.session.scalar(select(Profile).where(Profile.name == name))
        if profile is None or self.verify_key(name) is None:
            return None
        protocols, communities = set(), set()
        for membership, protocol in self.session.execute(select(Membership, Protocol).join(Protocol).where(
                Membership.profile_id == profile.id, Membership.reader.is_(False))):
            if signatures.verify(self.anchor, membership.signature, rows.grant_message(
                    self.library_id, rows.values_of("memberships", membership))):
                protocols.add(protocol.name)
                if protocol.is_community and protocol.community:
                    communities.add(protocol.community)
        return consent.Viewer(name=profile.name, roles=frozenset(profile.roles), protocols=frozenset(protocols),
                              communities=frozenset(communities), id=profile.id)

    def require(self, name: str, roles: frozenset[str], what: str) -> consent.Viewer:
        viewer = self.viewer(name)
        if not viewer.roles & roles:
            raise Refused(f"{name} ({', '.join(sorted(viewer.roles)) or 'no role'}) may not {what} in this library")
        return viewer

    def kinds(self) -> dict[str, str]:
        if self._kinds is None:
            self._kinds = {name: kind for name, kind in self.session.execute(select(Protocol.name, Protocol.kind))}
        return self._kinds

    def may_edit(self, name: str, access: dict[str, Any], community: str | None, what: str) -> None:
        """The signer may write a record with this access (its own rules: ``consent.can_edit``);
        sacred knowledge never travels, so none is taken from the hub."""
        if access.get("level") == "sacred":
            raise Refused("it is a sacred record, which never leaves the device it is kept on")
        viewer = self.require(name, WRITERS, what)
        if not consent.can_edit(viewer, access, community, self.kinds()):
            raise Refused(f"{name} may not {what}: not a member of its protocols or community")
