"""Communities, cultural protocols and their members, with the keys each membership carries.

Each protocol (and each community's implicit members protocol) has a random data key, wrapped
to every member's public key and signed by the library key; an open protocol's key is also
given to every profile as a *reader* (read, not edit or apply), which is what makes "open" true
under keys. Removing a member rotates the protocol's key and re-seals every record it holds.
These run in the caller's transaction; ``Access`` wraps them for the faces, audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, InvalidRecord, NotFound, TamperedData
from kmdesk.core.store import text as txt
from kmdesk.core.store.model import Community, Profile, Protocol, Record, RecordKey
from kmdesk.core.trust import wrapping
from kmdesk.core.trust.aead import new_data_key
from kmdesk.core.trust.profiles import member_aad

if TYPE_CHECKING:
    from kmdesk.core.trust.access import Access


def community_protocol_name(community: str) -> str:
    """The name of a community's implicit members protocol."""
    return f"{community}: members"


def add_community(access: Access, session: Session, name: str, country: str | None = None,
                  description: dict[str, str] | None = None) -> Community:
    """A new community and its members protocol (custodians only)."""
    access.require("custodian")
    name = txt.clean(name, "name")
    if session.scalar(select(Community.id).where(Community.name == name)):
        raise InvalidRecord(f"a community named {name} already exists", field="name")
    community = Community(name=name, country=country, description=description or {})
    session.add(community)
    add_protocol(access, session, community_protocol_name(name), community=name, kind="strict", is_community=True)
    return community


def add_protocol(access: Access, session: Session, name: str, *, community: str | None = None, kind: str = "strict",
                 description: dict[str, str] | None = None, is_community: bool = False) -> Protocol:
    """A new protocol with a fresh key, its creator its first member (custodians only)."""
    me = access.require("custodian")
    name = txt.clean(name, "name")
    if kind not in ("strict", "open"):
        raise InvalidRecord("a protocol is 'strict' or 'open'", field="kind")
    if session.scalar(select(Protocol.id).where(Protocol.name == name)):
        raise InvalidRecord(f"a protocol named {name} already exists", field="name")
    if community:
        found = session.scalar(select(Community).where(Community.name == community))
        if found is None:
            raise NotFound(f"no community named {community}", name=community)
        problem = access.row_check(session, "communities", found)
        if problem:
            raise TamperedData(problem, community=community)
    protocol = Protocol(name=name, community=community, kind=kind, is_community=is_community,
                        description=description or {}, key_version=1)
    session.add(protocol)
    session.flush()
    key = new_data_key()
    me_profile = session.get(Profile, me.profile_id)
    assert me_profile is not None
    access.wrap_membership(session, protocol, me_profile, key)
    if kind == "open":  # every profile may read an open protocol's records: give it the key to
        for other in session.scalars(select(Profile).where(Profile.id != me.profile_id)):
            access.wrap_membership(session, protocol, other, key, reader=True)
    return protocol


def add_member(access: Access, session: Session, protocol_name: str, profile_name: str) -> None:
    """Give a profile a protocol's key as a member (a reader of an open one becomes one)."""
    access.require("custodian")
    protocol = access.protocol(session, protocol_name)
    key = access.held_key(protocol)
    profile = access.profile_named(session, profile_name)
    existing = next((m for m in protocol.members if m.profile_id == profile.id), None)
    if existing is not None and not existing.reader:
        return
    if existing is not None:  # a reader of an open protocol becomes a member
        protocol.members.remove(existing)
        session.flush()
    access.wrap_membership(session, protocol, profile, key)


def remove_member(access: Access, session: Session, protocol_name: str, profile_name: str) -> int:
    """Remove a member and rotate the protocol key: every record the protocol holds gets a
    new record key and is re-sealed (fields and history), so the removed member's old key
    opens nothing written from now on. Returns how many records were re-sealed."""
    me = access.require("custodian")
    protocol = access.protocol(session, protocol_name)
    access.held_key(protocol)
    profile = access.profile_named(session, profile_name)
    membership = next((m for m in protocol.members if m.profile_id == profile.id), None)
    if membership is None:
        raise NotFound(f"{profile_name} is not a member of {protocol_name}")
    affected = records_holding(session, protocol.id)
    opened = []
    for row in affected:
        key = access.keys.record_key(session, row)
        if key is None:
            raise AccessDenied(f"cannot rotate {protocol_name}: record {row.id} also needs keys {me.name} does not hold")
        opened.append((row, access.keys.open_row(session, row, key), key))
    protocol.members.remove(membership)
    session.flush()
    new_key = new_data_key()
    protocol.key_version += 1
    for member in protocol.members:
        access.check_profile(member.profile)
        member.wrapped_key = wrapping.wrap_for(new_key, member.profile.public_key, member_aad(protocol.id, member.profile_id))
        member.key_version = protocol.key_version
        access.grant(member)
    me.protocol_keys[protocol.id] = new_key
    for row, fields, old_record_key in opened:
        access.library.records.reseal(session, row, old_record_key, access.keys.seal(session, row, fields))
    return len(affected)


def records_holding(session: Session, protocol_id: int) -> list[Record]:
    """The records whose key is wrapped under this protocol's (alone or with others)."""
    keys = session.scalars(select(RecordKey).where(RecordKey.holder.in_(("protocol", "all")))).all()
    ids = {k.record_id for k in keys if str(protocol_id) in k.holder_ref.split(",")}
    return list(session.scalars(select(Record).where(Record.id.in_(ids)))) if ids else []
