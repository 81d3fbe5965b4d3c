"""The shadow: per replicated row, the hub's state of it as last applied on this device.

For most kinds it is the payload's digest and the hub sequence that brought it (a push compares
a row with it, and skips what did not change). For a record it is also the common ancestor of
the next merge: the last payload applied (row and wrapped keys, sealed as they came) and, when
the folded fields or open conflicts are not simply that row's (after a merge), the folded
``merge.State``, kept in plain JSON for a public record and sealed under that row's own record
key otherwise, so the shadow holds nothing the library does not already hold as securely.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, literal_column, select
from sqlalchemy.orm import Session, selectinload

from kmdesk.core.errors import TamperedData
from kmdesk.core.hub import local, merge, payloads
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import ChmRecord, Record
from kmdesk.core.trust import sealing

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

STATE_FIELD = "hub-state"
PATCH_FIELD = "hub-patch"
BASE_FIELD = "hub-base"


@dataclass
class Shadow:
    kind: str
    key: str
    hub_seq: int
    device: str
    digest: str
    row: dict[str, Any] | None
    state: str | None
    deleted: bool
    conflicted: bool


def read(session: Session, kind: str, key: str) -> Shadow | None:
    s = local.shadow.c
    found = session.execute(select(local.shadow).where(s.kind == kind, s.key == key)).first()
    return _from_row(found) if found is not None else None


def _from_row(found: Any) -> Shadow:
    return Shadow(found.kind, found.key, found.hub_seq, found.device, found.digest,
                  json.loads(found.row) if found.row else None, found.state, bool(found.deleted), bool(found.conflicted))


_WRITE = insert(local.shadow).prefix_with("OR REPLACE")


def _values(shadow: Shadow) -> dict[str, Any]:
    return {"kind": shadow.kind, "key": shadow.key, "hub_seq": shadow.hub_seq, "device": shadow.device,
            "digest": shadow.digest, "row": json.dumps(shadow.row) if shadow.row is not None else None,
            "state": shadow.state, "deleted": int(shadow.deleted), "conflicted": int(shadow.conflicted)}


class Known:
    """What this device knows of one pull batch's rows, read at once (a query per table, not
    per change): their shadows, this device's changes of them still on their way, and which
    were edited here (marked before ``mark``, not by this pull's own writes)."""

    def __init__(self, session: Session, pairs: set[tuple[str, str]], mark: int) -> None:
        self.session = session
        self.shadows: dict[tuple[str, str], Shadow | None] = dict.fromkeys(pairs)
        self.outgoing: dict[tuple[str, str], set[int]] = {}
        self.edited: set[tuple[str, str]] = set()
        self.changed: set[tuple[str, str]] = set()
        self.confirmed: list[int] = []
        self.here: set[int] = set()  # this device's changes that came back in this batch
        self.records: dict[str, Record | None] = dict.fromkeys(key for kind, key in pairs if kind == "record")
        self.pulled: set[str] = set()  # of these records, the read-only copies of the CHM's
        s, o, d = local.shadow.c, local.outgoing.c, local.dirty.c
        ids = sorted(self.records)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in session.scalars(select(Record).where(Record.id.in_(chunk)).options(selectinload(Record.keys))):
                self.records[row.id] = row
            self.pulled.update(session.scalars(select(ChmRecord.record_id).where(ChmRecord.record_id.in_(chunk))))
        history = sorted(key for kind, key in pairs if kind == "history")
        self.history: dict[str, int] = {}  # a history row's hub key -> its local id
        m = local.rowmap.c
        for start in range(0, len(history), 500):
            self.history.update((key, local_id) for key, local_id in session.execute(select(m.key, m.local_id).where(
                m.kind == "history", m.key.in_(history[start:start + 500]))))
        by_kind: dict[str, list[str]] = {}
        for kind, key in sorted(pairs):
            by_kind.setdefault(kind, []).append(key)
        # by kind and key, the tables' primary key: a key alone scans the whole shadow, whose
        # size is the library's (a full scan per batch made a sync's cost grow with it)
        for kind, keys in by_kind.items():
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                for found in session.execute(select(local.shadow).where(s.kind == kind, s.key.in_(chunk))):
                    self.shadows[(found.kind, found.key)] = _from_row(found)
                for key, seq in session.execute(select(o.key, o.device_seq).where(o.kind == kind, o.key.in_(chunk))):
                    self.outgoing.setdefault((kind, key), set()).add(seq)
                self.edited.update((kind, key) for key in session.scalars(
                    select(d.key).where(d.kind == kind, d.key.in_(chunk), literal_column("rowid") <= mark)))

    def record(self, record_id: str) -> Record | None:
        if record_id in self.records:
            return self.records[record_id]
        return self.session.get(Record, record_id)

    def shadow(self, kind: str, key: str) -> Shadow | None:
        if (kind, key) in self.shadows:
            return self.shadows[(kind, key)]
        return read(self.session, kind, key)

    def write(self, shadow: Shadow) -> None:
        """Remember a row's new shadow; written with the others by ``flush``."""
        self.shadows[(shadow.kind, shadow.key)] = shadow
        self.changed.add((shadow.kind, shadow.key))

    def flush(self) -> None:
        """Write the shadows this batch changed, in one statement."""
        rows = [self.shadows[pair] for pair in sorted(self.changed)]
        if rows:
            self.session.execute(_WRITE, [_values(shadow) for shadow in rows if shadow is not None])
        self.changed.clear()
        for start in range(0, len(self.confirmed), 500):
            self.session.execute(delete(local.outgoing).where(
                local.outgoing.c.device_seq.in_(self.confirmed[start:start + 500])))
        self.confirmed.clear()

    def pending(self, kind: str, key: str) -> bool:
        """Edits of this row made here that the hub has not given back yet."""
        return bool(self.outgoing.get((kind, key))) or (kind, key) in self.edited

    def confirm(self, kind: str, key: str, seq: int) -> None:
        """This device's change ``seq`` came back from the hub: it is no longer on its way
        (its row goes with ``flush``). One this device no longer has on its way (its library
        went back in time) is applied like another device's."""
        waiting = self.outgoing.get((kind, key), set())
        if seq in waiting:
            self.here.add(seq)
            waiting.discard(seq)
        self.confirmed.append(seq)

    def is_here(self, device: str, own: str, seq: int) -> bool:
        """Whether a change is this device's own, made here and already in its library."""
        return device == own and seq in self.here


def opened_content(library: Library, session: Session, row: Record) -> tuple[dict[str, Any] | None, bytes | None]:
    """(the mergeable fields, the record key) of a row, local or built from a payload; (None,
    None) when the unlocked profile holds no key to it. Raises ``TamperedData`` when its
    access block is not one kmdesk writes or does not match its sealed content, or the row is not
    what its writer signed (``reads.record_problem``)."""
    problem = library.access.keys.record_problem(session, row)  # the record named already
    if problem:
        raise TamperedData(problem, record=row.id)
    if row.sealed is None:
        return merge.content_of(rec.row_to_dict(row)), None
    key = library.access.keys.record_key(session, row)
    if key is None:
        return None, None
    return merge.content_of(rec.row_to_dict(row, library.access.keys.open_row(session, row, key))), key


def open_state(library: Library, session: Session, shadow: Shadow) -> merge.State | None:
    """The record's folded state as this device last left it (None: it cannot be opened here)."""
    if shadow.row is None:
        return merge.State(None, deleted=True)
    row = payloads.transient_record(shadow.row)
    if shadow.state is None:
        try:
            content, _key = opened_content(library, session, row)
        except TamperedData:
            return None
        if content is None:
            return None
        return merge.State(content, origins={"*": [shadow.device, shadow.hub_seq]}, deleted=shadow.deleted)
    if row.sealed is None:
        state = merge.State.from_json(json.loads(shadow.state))
    else:
        key = library.access.keys.record_key(session, row)
        if key is None:
            return None
        state = merge.State.from_json(sealing.open_json(shadow.state, key, row.id, STATE_FIELD))
    state.deleted = shadow.deleted
    return state


def seal_state(state: merge.State, row: Record, key: bytes | None) -> str:
    """A folded state as the shadow keeps it: plain for a public row, sealed under its key else."""
    if row.sealed is None:
        return json.dumps(state.to_json())
    assert key is not None
    return sealing.seal_json(state.to_json(), key, row.id, STATE_FIELD)
