"""Staging: the rows this device changed (``hubsync_dirty``), turned into signed changes waiting
for the hub (``hubsync_outgoing``), in one local transaction.

Each change is compared with what the hub already has of its row (the shadow, or this
device's own change still on its way), and only a real difference is staged. A record change
carries its row as stored (sealed where it is sealed), its wrapped keys, and a patch of the
fields it changed with the hash of each value it replaced, sealed with the record's key when the
record is not public (``merge``). What may not travel is never staged: a sacred record, a
record pulled from the CHM, a row that fails its own check (held, and named). Structure
(communities, profiles, protocols, memberships) is signed only by a custodian; a change waits,
named, until one syncs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.orm import Session, selectinload

from kmdesk.core.errors import TamperedData
from kmdesk.core.hub import local, merge, payloads, schema, shadow
from kmdesk.core.hub.envelope import KINDS, Change, sign
from kmdesk.core.hub.report import Report
from kmdesk.core.store.files import FileStore
from kmdesk.core.store.model import (
    Attachment,
    ChmRecord,
    Community,
    ConsentEvent,
    HistoryEntry,
    Membership,
    Profile,
    Protocol,
    Record,
)
from kmdesk.core.trust import sealing
from kmdesk.core.trust.profiles import Session_

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

STRUCTURE = frozenset({"community", "profile", "protocol", "membership"})
WRITERS = frozenset({"custodian", "contributor"})

Built = list[tuple[str, str, dict[str, Any]]]  # (hub key, operation, data)


class Held(Exception):
    """A changed row that is not staged now (it stays marked), with the reason."""


@dataclass
class Outgoing:
    device_seq: int
    op: str
    data: dict[str, Any]


def latest_outgoing(session: Session, kind: str, key: str) -> Outgoing | None:
    """This device's newest change of a row that the hub has not given back yet."""
    o = local.outgoing.c
    found = session.execute(select(o.device_seq, o.op, o.body).where(o.kind == kind, o.key == key)
                            .order_by(o.device_seq.desc()).limit(1)).first()
    return Outgoing(found.device_seq, found.op, json.loads(found.body)["data"]) if found else None


def _chunked(items: list[Any], size: int = 500) -> list[list[Any]]:
    return [items[start:start + size] for start in range(0, len(items), size)]


def file_digest(path: Any) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class Staging:
    """One staging run for the unlocked profile ``me``, who signs every change. The rows behind
    the marks are read a kind at a time (a query per table and chunk, not per row)."""

    def __init__(self, library: Library, session: Session, device_id: str, library_id: str, me: Session_,
                 report: Report) -> None:
        self.library, self.session, self.device_id, self.library_id = library, session, device_id, library_id
        self.me, self.report = me, report
        self.seq = int(local.get(session, "device_seq", "0") or 0)
        self.builders: dict[str, Callable[[str], Built]] = {
            "community": self._community, "profile": self._profile, "protocol": self._protocol,
            "membership": self._membership, "record": self._record, "attachment": self._attachment,
            "history": self._history, "consent": self._consent}
        self.loaded: list[Any] = []  # keeps what was read at once in the session's (weak) identity map
        self.read_ids: set[str] = set()  # records read (or looked for) at once
        self.known = shadow.Known(session, set(), 0)
        self.pending: dict[str, list[Any]] = {}
        self.pulled: set[str] = set()
        self.attachments: dict[tuple[str, str], Attachment] = {}
        self.hub_keys: dict[tuple[str, str], str] = {}
        self.emitted: list[dict[str, Any]] = []
        self.mapped: list[dict[str, Any]] = []  # history rows given their hub key in this run

    def run(self) -> None:
        d = local.dirty.c
        marks = sorted(self.session.execute(select(d.kind, d.key)).all(), key=lambda m: (KINDS.index(m[0]), m[1]))
        self._read(marks)
        done: list[dict[str, str]] = []
        waiting: dict[str, list[Any]] = {}  # kind -> [how many, why]: what only another role may send
        for kind, key in marks:
            try:
                built = self.builders[kind](key)
                if built:
                    self._allowed(kind)
            except Held as reason:
                if kind in waiting or str(reason).startswith("waits"):
                    waiting.setdefault(kind, [0, str(reason)])[0] += 1
                else:
                    self.report.held.append(f"{kind} {key}: {reason}")
                continue
            for hub_key, op, data in built:
                self._emit(kind, hub_key, op, data)
            if kind == "record" and self.pending.get(key):  # its bases and resolutions went with it
                self.session.execute(delete(local.pending).where(local.pending.c.record_id == key))
            done.append({"k": kind, "v": key})
        self.report.held += [f"{count} {kind} change(s) {reason}" for kind, (count, reason) in waiting.items()]
        if self.mapped:
            self.session.execute(insert(local.rowmap).prefix_with("OR REPLACE"), self.mapped)
        if self.emitted:
            self.session.execute(insert(local.outgoing), self.emitted)
        if done:
            self.session.execute(delete(local.dirty).where(d.kind == bindparam("k"), d.key == bindparam("v")), done)
        local.put(self.session, "device_seq", str(self.seq))

    def _read(self, marks: list[Any]) -> None:
        """Everything the marks will need, read at once."""
        keys: dict[str, list[str]] = {}
        for kind, key in marks:
            keys.setdefault(kind, []).append(key)
        p = local.pending.c
        for mark in self.session.execute(select(p.record_id, p.field, p.base, p.resolved)):
            self.pending.setdefault(mark.record_id, []).append(mark)
        record_ids = set(keys.get("record", ())) | {key.split("/", 1)[0] for key in keys.get("attachment", ())}
        for chunk in _chunked(sorted(record_ids)):
            rows = self.session.scalars(select(Record).where(Record.id.in_(chunk)).options(selectinload(Record.keys))).all()
            self.loaded += rows
            self.read_ids.update(chunk)
            for row in self.session.scalars(select(Attachment).where(Attachment.record_id.in_(chunk))):
                self.attachments[(row.record_id, row.sha256)] = row
        m = local.rowmap.c
        for chunk in _chunked([int(key) for key in keys.get("history", ())]):
            entries = self.session.scalars(select(HistoryEntry).where(HistoryEntry.id.in_(chunk))).all()
            self._owners([entry.record_id for entry in entries])
            self.loaded += entries
            mapped = {local_id: key for key, local_id in self.session.execute(
                select(m.key, m.local_id).where(m.kind == "history", m.local_id.in_(chunk)))}
            for entry in entries:
                key = mapped.get(entry.id)
                if key is None:
                    key = payloads.history_key(entry)
                    self.mapped.append({"kind": "history", "key": key, "local_id": entry.id})
                self.hub_keys[("history", str(entry.id))] = key
        for chunk in _chunked([int(key) for key in keys.get("consent", ())]):
            events = self.session.scalars(select(ConsentEvent).where(ConsentEvent.id.in_(chunk))).all()
            self._owners([event.record_id for event in events])
            self.loaded += events
            self.hub_keys.update((("consent", str(event.id)), event.digest) for event in events if event.digest)
        for chunk in _chunked(sorted(self.read_ids)):  # of the records read, the CHM's read-only copies
            self.pulled.update(self.session.scalars(select(ChmRecord.record_id).where(ChmRecord.record_id.in_(chunk))))
        pairs = {(kind, key) for kind, key in marks if kind not in ("history", "consent")}
        pairs |= {(kind, key) for (kind, _local), key in self.hub_keys.items()}
        self.known = shadow.Known(self.session, pairs, 0)

    def _owners(self, record_ids: list[str]) -> None:
        """The records these rows belong to, read at once (whether each may travel)."""
        missing = set(record_ids) - self.read_ids
        if missing:
            self.loaded += self.session.scalars(select(Record).where(Record.id.in_(missing))).all()
            self.read_ids.update(missing)

    def _allowed(self, kind: str) -> None:
        roles = self.me.roles
        if kind in STRUCTURE and "custodian" not in roles:
            raise Held(f"waits for a custodian to sync ({self.me.name} is not one)")
        if not roles & WRITERS:
            raise Held(f"waits for a contributor or custodian to sync ({self.me.name} is a viewer)")

    def _emit(self, kind: str, key: str, op: str, data: dict[str, Any]) -> None:
        self.seq += 1
        change = Change(self.library_id, self.device_id, self.seq, kind, key, op, self.me.name, data)
        body, signature = sign(change, self.me.signing_key)
        self.emitted.append({"device_seq": self.seq, "kind": kind, "key": key, "op": op, "signer": self.me.name,
                             "body": body, "signature": signature, "pushed": 0})
        self.known.outgoing.setdefault((kind, key), set()).add(self.seq)
        self.report.staged += 1

    # -- what the hub already has -----------------------------------------------------------
    def _known(self, kind: str, key: str) -> tuple[shadow.Shadow | None, Outgoing | None]:
        """The hub's state of a row as last applied here, and this device's newest change of it
        still on its way (staged in this run, or before)."""
        last = None
        if self.known.outgoing.get((kind, key)):
            staged = [row for row in self.emitted if (row["kind"], row["key"]) == (kind, key)]
            last = Outgoing(staged[-1]["device_seq"], staged[-1]["op"], json.loads(staged[-1]["body"])["data"]) \
                if staged else latest_outgoing(self.session, kind, key)
        return self.known.shadow(kind, key), last

    def _simple(self, kind: str, key: str, row: Any, payload: Callable[[Any], dict[str, Any]]) -> Built:
        """A row replicated whole: a put when it differs from what the hub has, a deletion when
        it is gone from here but the hub has it."""
        known, last = self._known(kind, key)
        if row is None:
            present = (known is not None and not known.deleted) if last is None else last.op == "put"
            return [(key, "delete", {})] if present else []
        data = {"row": payload(row)}
        before = last.data.get("row") if last is not None else None
        if last is None and known is not None and not known.deleted and known.digest == payloads.digest(data["row"]):
            return []
        if before is not None and payloads.digest(before) == payloads.digest(data["row"]):
            return []
        return [(key, "put", data)]

    def _skipped_record(self, record_id: str) -> bool:
        """A record whose rows never travel: sacred, or pulled from the CHM (each device pulls it)."""
        row = self.session.get(Record, record_id)
        return record_id in self.pulled or (row is not None and row.access_level == "sacred")

    # -- each kind ---------------------------------------------------------------------------------
    def _community(self, name: str) -> Built:
        row = self.session.scalar(select(Community).where(Community.name == name))
        return self._simple("community", name, row, payloads.community_payload)

    def _protocol(self, name: str) -> Built:
        row = self.session.scalar(select(Protocol).where(Protocol.name == name))
        return self._simple("protocol", name, row, payloads.protocol_payload)

    def _profile(self, name: str) -> Built:
        row = self.session.scalar(select(Profile).where(Profile.name == name))
        if row is not None and not row.certificate:
            raise Held("the library key has not certified this profile yet (a custodian unlocks first)")
        return self._simple("profile", name, row, payloads.profile_payload)

    def _membership(self, key: str) -> Built:
        protocol_id, profile_id = (int(part) for part in key.split(":"))
        row = self.session.scalar(select(Membership).where(Membership.protocol_id == protocol_id,
                                                           Membership.profile_id == profile_id))
        return self._simple("membership", key, row, payloads.membership_payload)

    def _history(self, local_id: str) -> Built:
        entry = self.session.get(HistoryEntry, int(local_id))
        if entry is None or self._skipped_record(entry.record_id):
            return []
        return self._simple("history", self.hub_keys[("history", local_id)], entry, payloads.history_payload)

    def _consent(self, local_id: str) -> Built:
        event = self.session.get(ConsentEvent, int(local_id))
        if event is None or self._skipped_record(event.record_id):
            return []
        if not event.digest or not event.signature:
            raise Held(f"consent {event.consent_id} of record {event.record_id} is not signed (recorded before kmdesk "
                       "signed consent): a custodian unlocks first")
        return self._simple("consent", event.digest, event, payloads.consent_payload)

    def _attachment(self, key: str) -> Built:
        record_id, blob = key.split("/", 1)
        if self._skipped_record(record_id):
            return []
        row = self.attachments.get((record_id, blob))
        built = self._simple("attachment", key, row, payloads.attachment_payload)
        if not built or built[0][1] == "delete":
            return built
        assert row is not None
        path = FileStore(self.library.data_dir / "files").path(blob, row.sealed)
        if not path.exists():
            raise Held(f"the file of attachment {row.id} of record {record_id} is missing from this library")
        sha, size = file_digest(path)
        chunks = max(1, -(-size // schema.CHUNK))
        built[0][2]["blob"] = {"device": self.device_id, "sha256": sha, "size": size, "chunks": chunks}
        return built

    def _record(self, record_id: str) -> Built:
        known, last = self._known("record", record_id)
        base_seq = known.hub_seq if known is not None else 0
        chained = last is not None
        row = self.session.get(Record, record_id)
        marks = self.pending.get(record_id, [])
        resolved = sorted(m.field for m in marks if m.resolved)
        bases = {m.field: m.base for m in marks if m.base}
        if row is None:
            present = (known is not None and not known.deleted) if last is None else last.op == "put"
            return [(record_id, "delete", {"base_seq": base_seq, "chained": chained, "resolved": resolved})] if present else []
        if self._skipped_record(record_id):
            return []
        payload = payloads.record_row(row)
        if last is not None:
            before = last.data.get("payload") if last.op == "put" else None
        else:
            before = known.row if known is not None and not known.deleted else None
        if before == payload and not resolved and not bases:
            return []
        try:
            content, key = shadow.opened_content(self.library, self.session, row)
        except TamperedData as exc:
            raise Held(f"not sent: {exc}") from None
        bases = {name: self._base(base, key, record_id) for name, base in bases.items()}
        patch = self._patch(content, known, last, {name: base for name, base in bases.items() if base})
        sealed_patch: Any = patch
        if patch is not None and row.sealed is not None:
            assert key is not None
            sealed_patch = sealing.seal_json(patch, key, record_id, shadow.PATCH_FIELD)
        # made on another base than the hub's state here (after this device's own unsent change, or
        # edited before a concurrent change came in): never a fast-forward, always merged by field
        chained = chained or bool(bases)
        return [(record_id, "put", {"payload": payload, "base_seq": base_seq, "chained": chained, "resolved": resolved,
                                    "patch": sealed_patch})]

    @staticmethod
    def _base(stored: str, key: bytes | None, record_id: str) -> str:
        """A field's kept base as ``_rebase`` stored it (sealed under the record key for a sealed
        record); empty when it no longer opens (the record has a new key since): the field then
        takes the hub's state as its base."""
        if key is None or stored == "deleted":
            return stored
        try:
            return sealing.open_text(stored, key, record_id, shadow.BASE_FIELD)
        except TamperedData:
            return ""

    def _patch(self, content: dict[str, Any] | None, known: shadow.Shadow | None, last: Outgoing | None,
               bases: dict[str, str]) -> dict[str, Any] | None:
        """The fields changed since what the hub has (all of them for a new record, or one made
        again after a deletion); None when this device cannot read the record or what the hub
        has of it (its content then goes whole)."""
        if content is None:
            return None
        base: dict[str, Any] | None = None
        if last is not None and last.op == "put":
            base, _key = shadow.opened_content(self.library, self.session,
                                               payloads.transient_record(last.data["payload"]))
            if base is None:
                return None
        elif last is None and known is not None:  # a deleted record's last state is kept too
            state = shadow.open_state(self.library, self.session, known)
            if state is None:
                return None
            base = state.content
        return merge.make_patch(base, content, bases)
