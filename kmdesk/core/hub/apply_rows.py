"""Applying other devices' changes of the rows replicated whole: communities, profiles (public
part), protocols, memberships, history entries, consent events and attachments.

Each is checked first by this library's own rules: structure only from a custodian, a profile
only with a certificate of the library key (``rows.profile_problem``), and every other row as
its writer signed it (``Rules.row_problem``: a certified writer who may sign it, a membership
with the library key's grant), a consent event also with its own valid signature
(``reads.check_consent_event``), an attachment only with the bytes its signed change names.
Communities, protocols and memberships keep their ids and their writer's signature
(``row_signing.carry``); history, consent events and attachments get local ids and are signed
again by the unlocked member. A row whose identity collides with a
different local one is refused, never overwritten. A consent change queues what depends on it
(the CHM outbox: a withdrawal retracts the record on the device that syncs with the CHM).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, event, func, insert, select, update
from sqlalchemy.orm import Session

from kmdesk.core.errors import TamperedData
from kmdesk.core.hub import local, payloads, shadow
from kmdesk.core.hub.envelope import Change
from kmdesk.core.hub.errors import Refused
from kmdesk.core.hub.rules import WRITERS, Rules
from kmdesk.core.store.files import FileStore
from kmdesk.core.store.model import (
    Attachment,
    Community,
    ConsentEvent,
    HistoryEntry,
    IndexQueue,
    Membership,
    Profile,
    Protocol,
    Record,
)
from kmdesk.core.trust import manifests, reads, row_signing, rows, wrapping
from kmdesk.core.trust.profiles import member_aad

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

CUSTODIAN = frozenset({"custodian"})


def as_signed(table: str, values: dict[str, Any]) -> SimpleNamespace:
    """A payload's row as ``rows`` reads it: every signed column (missing ones None) and its signature."""
    return SimpleNamespace(**{name: values.get(name) for name in (*rows.SIGNED[table], "row_sig", "row_signer")},
                           certificate=values.get("certificate"))


class RowApplier:
    """Applies one pull's whole-row changes in the pull's local transaction."""

    def __init__(self, library: Library, session: Session, rules: Rules, device_id: str, known: shadow.Known,
                 fetched: dict[str, Path]) -> None:
        self.library, self.session, self.rules, self.device_id = library, session, rules, device_id
        self.known = known
        self.new_history: dict[str, dict[str, Any]] = {}
        self.fetched = fetched  # attachment files already fetched from the hub, by blob name
        self._candidates: dict[tuple[Any, ...], list[HistoryEntry]] = {}  # of the change being applied

    def apply(self, change: Change) -> bool:
        """Apply another device's change (this device's own is already here), then remember
        what the hub has of the row; whether it changed anything here (one this library held
        already, as it came, did not: a copy of the library meets its own rows)."""
        changed = False
        self._candidates.clear()
        if not self.known.is_here(change.device, self.device_id, change.seq):
            changed = not self._held(change)
            getattr(self, f"_{change.kind}")(change)
        row = change.data.get("row")
        self.known.write(shadow.Shadow(change.kind, change.key, change.hub_seq, change.device,
                                                 payloads.digest(row) if row is not None else "",
                                                 change.data if change.kind == "attachment" else None, None,
                                                 change.op == "delete", False))
        return changed

    def _held(self, change: Change) -> bool:
        """Whether this library holds the change's row already, as it comes (or, for a
        deletion, does not hold it): applying it changes nothing here."""
        data = change.data.get("row") or {}
        row: Any
        if change.kind in BY_NAME:
            model = BY_NAME[change.kind]
            row = self.session.scalar(select(model).where(model.name == change.key))
            return row is None if change.op == "delete" else row is not None and _same(row, payloads.values(model, data))
        if change.kind == "membership":
            protocol_id, profile_id = (int(part) for part in change.key.split(":"))
            row = self.session.scalar(select(Membership).where(Membership.protocol_id == protocol_id,
                                                               Membership.profile_id == profile_id))
            return row is None if change.op == "delete" else row is not None and _same(row, payloads.values(Membership, data))
        if change.kind == "history":
            signed = payloads.local_values(payloads.values(HistoryEntry, data))
            local_id = self.known.history.get(change.key)
            row = self.session.get(HistoryEntry, local_id) if local_id is not None else None
            if row is None:  # this library's own copy, not yet mapped (``_same_history``)
                return any(payloads.history_key(entry) == change.key and _same(entry, signed)
                           for entry in self._history_candidates(signed))
            return _same(row, signed)
        if change.kind == "consent":
            row = self.session.scalar(select(ConsentEvent).where(ConsentEvent.digest == change.key))
            return row is not None and _same(row, payloads.local_values(payloads.values(ConsentEvent, data)))
        if change.kind == "attachment":
            record_id, blob = change.key.split("/", 1)
            row = self.session.scalar(select(Attachment).where(Attachment.record_id == record_id, Attachment.sha256 == blob))
            return row is None if change.op == "delete" else \
                row is not None and _same(row, payloads.local_values(payloads.values(Attachment, data)))
        return False

    # -- structure ------------------------------------------------------------------------------
    def _by_name(self, model: Any, change: Change, row_data: dict[str, Any] | None = None) -> Any:
        row = self.session.scalar(select(model).where(model.name == change.key))
        data = payloads.values(model, row_data or change.data.get("row") or {})
        if change.op == "delete":
            if row is not None:
                self.session.delete(row)
            return None
        if data.get("name") != change.key:
            raise Refused("its row does not carry the name it is filed under")
        table = model.__tablename__
        if table != "profiles":
            problem = self.rules.row_problem(table, as_signed(table, data))
            if problem:
                raise Refused(f"its row {problem}")
        other = self.session.get(model, data.get("id"))
        if other is not None and other is not row:
            raise Refused(f"its id {data.get('id')} is {other.name!r} in this library (made on two devices at once): "
                          "this device keeps its own; a custodian renames one and syncs again")
        if row is None:
            row = model(**data)
            self.session.add(row)
        else:
            for name, value in data.items():
                setattr(row, name, value)
        if table != "profiles":
            row_signing.carry(self.session, row)
        self.session.flush()
        return row

    def _community(self, change: Change) -> None:
        self.rules.require(change.signer, CUSTODIAN, "change communities")
        self._by_name(Community, change)

    def _protocol(self, change: Change) -> None:
        self.rules.require(change.signer, CUSTODIAN, "change protocols")
        self._by_name(Protocol, change)
        self.rules.forget()

    def _profile(self, change: Change) -> None:
        self.rules.require(change.signer, CUSTODIAN, "change profiles")
        data = change.data.get("row") or {}
        if change.op == "put":
            values = payloads.values(Profile, data)
            problem = rows.profile_problem(as_signed("profiles", values), self.rules.anchor, self.rules.library_id)
            if problem:
                raise Refused(f"its profile {problem}")
            mine = self.session.scalar(select(Profile).where(Profile.name == change.key))
            if mine is not None and mine.wrapped_key and bytes(mine.public_key) != values.get("public_key"):
                raise Refused("its key is not the key of this device's copy of the profile; this device keeps its own")
            if mine is None:  # another device's profile: its public part only, it unlocks where it was made
                data = {**data, "wrapped_key": "", "kdf": {}}
        self._by_name(Profile, change, data)
        self.rules.forget(change.key)

    def _membership(self, change: Change) -> None:
        self.rules.require(change.signer, CUSTODIAN, "change memberships")
        protocol_id, profile_id = (int(part) for part in change.key.split(":"))
        row = self.session.scalar(select(Membership).where(Membership.protocol_id == protocol_id,
                                                           Membership.profile_id == profile_id))
        me = self.library.access.current
        if change.op == "delete":
            if row is not None:
                self.session.delete(row)
            if me is not None and me.profile_id == profile_id:  # removed: no key, no longer a member here
                me.protocol_keys.pop(protocol_id, None)
                me.protocol_ids = {name: held for name, held in me.protocol_ids.items() if held != protocol_id}
            self.rules.forget()
            return
        values = payloads.values(Membership, change.data.get("row") or {})
        if (values.get("protocol_id"), values.get("profile_id")) != (protocol_id, profile_id):
            raise Refused("its row does not carry the protocol and profile it is filed under")
        protocol, profile = self.session.get(Protocol, protocol_id), self.session.get(Profile, profile_id)
        if protocol is None or profile is None:
            raise Refused(f"its protocol {protocol_id} or profile {profile_id} is not in this library")
        problem = self.rules.row_problem("memberships", as_signed("memberships", values))
        if problem:
            raise Refused(f"its row {problem}")
        other = self.session.get(Membership, values.get("id"))
        if other is not None and other is not row:
            raise Refused(f"its id {values.get('id')} is another membership in this library (granted on two devices at "
                          "once): this device keeps its own; a custodian grants it again and syncs")
        key = None
        if me is not None and me.profile_id == profile_id:  # a key given to the profile at the keyboard
            key = wrapping.unwrap_for(values["wrapped_key"], me.private_key, member_aad(protocol_id, profile_id))
        if row is None:
            row = Membership(**values)
            self.session.add(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
        row_signing.carry(self.session, row)
        if me is not None and key is not None:
            me.protocol_keys[protocol_id] = key
            if not values.get("reader"):
                me.protocol_ids[protocol.name] = protocol_id
                if protocol.is_community and protocol.community:
                    me.communities.add(protocol.community)
        self.session.flush()
        self.rules.forget()

    # -- history and consent ----------------------------------------------------------------------
    def _history(self, change: Change) -> None:
        self.rules.require(change.signer, WRITERS, "write history")
        signed = payloads.values(HistoryEntry, change.data.get("row") or {})
        if not change.key.startswith(f"{signed.get('record_id')}/"):
            raise Refused("its row does not belong to the record it is filed under")
        problem = self.rules.row_problem("record_history", as_signed("record_history", signed))
        if problem:
            raise Refused(f"its row {problem}")
        values = payloads.local_values(signed)
        as_written = {**values, "row_sig": signed.get("row_sig"), "row_signer": signed.get("row_signer")}
        may_sign = self._may_sign("record_history")
        local_id = self.known.history.get(change.key)
        if local_id is None:
            local_id = self._same_history(change.key, values)
        if local_id is not None and self.session.get(HistoryEntry, local_id) is not None:
            if not may_sign and local_id != signed.get("id"):
                raise Refused(self._cannot_sign("history"))
            self.session.connection().execute(update(HistoryEntry).where(HistoryEntry.id == local_id)
                                              .values(values if may_sign else as_written))
            if may_sign:
                self._sign_history([{**values, "id": local_id}])
            return
        if may_sign:
            self.new_history[change.key] = values  # written with the batch's others (``finish``)
            return
        if self.session.get(HistoryEntry, signed.get("id")) is not None or \
                any(other.get("id") == signed.get("id") for other in self.new_history.values()):
            raise Refused(self._cannot_sign("history"))
        self.new_history[change.key] = {**as_written, "id": signed.get("id")}  # as its writer signed it

    def _same_history(self, key: str, values: dict[str, Any]) -> int | None:
        """This library's own copy of a history entry the hub carries under ``key`` (its identity
        on every copy of the library, ``payloads.history_key``) and not yet mapped to it: a copy of
        the library holds the entries of the library it was copied from, which its first pull
        meets before its own are staged. Mapped now, so the entry is not written twice."""
        m = local.rowmap.c
        entries = self._history_candidates(values)
        if not entries:
            return None
        mapped = set(self.session.scalars(select(m.local_id).where(m.kind == "history",
                                                                   m.local_id.in_([entry.id for entry in entries]))))
        for entry in entries:
            if entry.id not in mapped and payloads.history_key(entry) == key:
                self.session.execute(insert(local.rowmap).prefix_with("OR REPLACE"),
                                     [{"kind": "history", "key": key, "local_id": entry.id}])
                self.known.history[key] = entry.id
                return entry.id
        return None

    def _history_candidates(self, values: dict[str, Any]) -> list[HistoryEntry]:
        """This library's entries of the record, time, author and action of ``values``: read once
        per change (``_held`` asks, then ``_same_history``), not once per asker."""
        key = tuple(values.get(name) for name in ("record_id", "at", "by", "action"))
        if key not in self._candidates:
            h = HistoryEntry
            self._candidates[key] = list(self.session.scalars(select(h).where(
                h.record_id == key[0], h.at == key[1], h.by == key[2], h.action == key[3])))
        return self._candidates[key]

    def finish(self) -> None:
        """Write the batch's new history rows at once (Core, in the hub's order) and map their
        hub keys to their new local ids."""
        if not self.new_history:
            return
        groups = {kept: [key for key, values in self.new_history.items() if ("id" in values) == kept]
                  for kept in (False, True)}
        for kept, keys in groups.items():  # signed here under new local ids; kept as their writer signed them
            if not keys:
                continue
            if not kept:  # never an id a record's manifest still lists (``manifests.first_free``)
                start = manifests.first_free(self.session.connection(), HistoryEntry, "history",
                                             {self.new_history[key]["record_id"] for key in keys})
                for number, key in enumerate(keys, start=start):
                    self.new_history[key]["id"] = number
            ids = self.session.connection().execute(
                insert(HistoryEntry).returning(HistoryEntry.id, sort_by_parameter_order=True),
                [self.new_history[key] for key in keys]).scalars().all()
            self.session.execute(insert(local.rowmap).prefix_with("OR REPLACE"), [
                {"kind": "history", "key": key, "local_id": local_id} for key, local_id in zip(keys, ids, strict=True)])
            self.known.history.update(zip(keys, ids, strict=True))
            if not kept:
                self._sign_history([{**self.new_history[key], "id": local_id}
                                    for key, local_id in zip(keys, ids, strict=True)])
        manifests.refresh(self.session, {values["record_id"] for values in self.new_history.values()})
        self.new_history.clear()

    def _may_sign(self, table: str) -> bool:
        """Whether the unlocked member may sign rows of ``table`` here (else a row it would
        sign under a local id is one its own checks refuse)."""
        me = self.library.access.current
        return me is not None and bool(me.roles & rows.MAY_SIGN[table])

    def _cannot_sign(self, what: str) -> str:
        me = self.library.access.current
        return (f"its id is taken here, and {me.name if me else 'nobody unlocked'} may not sign {what} under another "
                "(a viewer): a contributor or custodian syncs it here")

    def _sign_history(self, written: list[dict[str, Any]]) -> None:
        """History rows written by SQL under their local ids, signed by the unlocked member
        (their writer's signature, checked before, covers the id they had on its device)."""
        for values in written:
            row_signing.sign_values(self.session, "record_history", values)
        self.session.connection().execute(
            update(HistoryEntry).where(HistoryEntry.id == bindparam("local_id"))
            .values(row_sig=bindparam("sig"), row_signer=bindparam("signer")),
            [{"local_id": v["id"], "sig": v["row_sig"], "signer": v["row_signer"]} for v in written])

    def _consent(self, change: Change) -> None:
        self.rules.require(change.signer, WRITERS, "record consent")
        signed = payloads.values(ConsentEvent, change.data.get("row") or {})
        if signed.get("digest") != change.key:
            raise Refused("its row does not carry the digest it is filed under")
        problem = self.rules.row_problem("consent_events", as_signed("consent_events", signed))
        if problem:
            raise Refused(f"its row {problem}")
        values = payloads.local_values(signed)  # anyone may sign consent rows: signed again here
        record = self.session.get(Record, values.get("record_id"))
        if record is not None and record.access_level == "sacred":
            raise Refused("it is the consent of a sacred record, which never leaves the device it is kept on")
        event = ConsentEvent(**values)
        key = None
        if record is not None and record.sealed is not None:
            try:
                key = self.library.access.keys.opened(self.session, record)[1]
            except TamperedData:
                key = None
        _data, problem = reads.check_consent_event(event, key, self.rules.anchor, self.rules.verify_key)
        if problem:
            raise Refused(f"consent {event.consent_id} ({event.kind}) {problem}")
        mine = self.session.scalar(select(ConsentEvent).where(ConsentEvent.digest == change.key))
        if mine is None:
            self.session.add(event)
        else:  # the same event re-sealed under a new record key: only its sealed part moves
            mine.data, mine.sealed = event.data, event.sealed
        self.session.flush()
        self.library.consent.after_change(self.session, event.record_id)

    # -- attachments ---------------------------------------------------------------------------------
    def _attachment(self, change: Change) -> None:
        record_id, blob = change.key.split("/", 1)
        row = self.session.scalar(select(Attachment).where(Attachment.record_id == record_id, Attachment.sha256 == blob))
        record = self.session.get(Record, record_id)
        if record is not None:
            self.rules.may_edit(change.signer, {"level": record.access_level, "protocols": record.access_protocols,
                                                "sharing": record.access_sharing, "custodians": record.custodians},
                                record.community, "change its files")
        if change.op == "delete":
            if row is not None:
                sealed = row.sealed
                self.session.delete(row)
                self.session.flush()
                self.session.merge(IndexQueue(record_id=record_id))
                drop_blob_after_commit(self.library, self.session, blob, sealed)
            return
        if record is None:
            raise Refused(f"its record {record_id} is not in this library")
        signed = payloads.values(Attachment, change.data.get("row") or {})
        if (signed.get("record_id"), signed.get("sha256")) != (record_id, blob):
            raise Refused("its row does not carry the record and file it is filed under")
        problem = self.rules.row_problem("attachments", as_signed("attachments", signed))
        if problem:
            raise Refused(f"its row {problem}")
        values = payloads.local_values(signed)
        if blob not in self.fetched:
            raise Refused(f"its file ({blob[:12]}) could not be fetched whole from the hub")
        keep = not self._may_sign("attachments")  # kept as its writer signed it, id and all
        if keep and ((row is not None and row.id != signed.get("id")) or (
                row is None and self.session.get(Attachment, signed.get("id")) is not None)):
            raise Refused(self._cannot_sign("files"))
        if keep:
            values = {**values, "id": signed.get("id"), "row_sig": signed.get("row_sig"),
                      "row_signer": signed.get("row_signer")}
        if row is None:
            row = Attachment(**values)
            self.session.add(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
        if keep:
            row_signing.carry(self.session, row)
        self.session.flush()
        self.session.merge(IndexQueue(record_id=record_id))


BY_NAME: dict[str, Any] = {"community": Community, "protocol": Protocol, "profile": Profile}


def _same(row: Any, values: dict[str, Any]) -> bool:
    """Whether ``row`` holds ``values`` in its columns already."""
    return all(getattr(row, name) == value for name, value in values.items())


def drop_blob_after_commit(library: Library, session: Session, blob: str, sealed: bool) -> None:
    """Once the transaction commits, remove a stored file no attachment uses any more."""
    def drop(_session: Session) -> None:
        with library.reading() as reading:
            used = reading.scalar(select(func.count()).select_from(Attachment).where(Attachment.sha256 == blob))
        if not used:
            FileStore(library.data_dir / "files").remove(blob, sealed)

    event.listen(session, "after_commit", drop, once=True)


def store_blob(library: Library, chunks: Iterable[bytes], blob: str, sealed: bool, expected: dict[str, Any]) -> Path:
    """Write an attachment's bytes fetched from the hub into the file store, if they are what
    the signed change names (digest and size; a public file's name is its own SHA-256)."""
    path = FileStore(library.data_dir / "files").path(blob, sealed)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".incoming")
    digest, size = hashlib.sha256(), 0
    try:
        with tmp.open("wb") as fh:
            for chunk in chunks:
                digest.update(chunk)
                size += len(chunk)
                fh.write(chunk)
        sha = digest.hexdigest()
        if sha != expected.get("sha256") or size != expected.get("size") or (not sealed and sha != blob):
            raise Refused(f"its file ({blob[:12]}) on the hub is not the file that was signed")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
