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

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from kmdesk.core.hub import local, merge, payloads
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import Record
from kmdesk.core.trust import vault

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

STATE_FIELD = "hub-state"
PATCH_FIELD = "hub-patch"


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
    if found is None:
        return None
    return Shadow(found.kind, found.key, found.hub_seq, found.device, found.digest,
                  json.loads(found.row) if found.row else None, found.state, bool(found.deleted), bool(found.conflicted))


def write(session: Session, shadow: Shadow) -> None:
    s = local.shadow.c
    session.execute(delete(local.shadow).where(s.kind == shadow.kind, s.key == shadow.key))
    session.execute(insert(local.shadow).values(
        kind=shadow.kind, key=shadow.key, hub_seq=shadow.hub_seq, device=shadow.device, digest=shadow.digest,
        row=json.dumps(shadow.row) if shadow.row is not None else None, state=shadow.state,
        deleted=int(shadow.deleted), conflicted=int(shadow.conflicted)))


def opened_content(library: Library, session: Session, row: Record) -> tuple[dict[str, Any] | None, bytes | None]:
    """(the mergeable fields, the record key) of a row, local or built from a payload; (None,
    None) when the unlocked profile cannot open it. Raises ``vault.TamperedData`` when its
    sealed content does not match its access block."""
    revealed, key = library.access.opened(session, row)
    if row.sealed is not None and revealed is None:
        return None, None
    return merge.content_of(rec.row_to_dict(row, revealed if row.sealed is not None else None)), key


def open_state(library: Library, session: Session, shadow: Shadow) -> merge.State | None:
    """The record's folded state as this device last left it (None: it cannot be opened here)."""
    if shadow.row is None:
        return merge.State(None, deleted=True)
    row = payloads.transient_record(shadow.row)
    if shadow.state is None:
        try:
            content, _key = opened_content(library, session, row)
        except vault.TamperedData:
            return None
        if content is None:
            return None
        return merge.State(content, origins={"*": [shadow.device, shadow.hub_seq]}, deleted=shadow.deleted)
    if row.sealed is None:
        state = merge.State.from_json(json.loads(shadow.state))
    else:
        key = library.access.record_key(session, row)
        if key is None:
            return None
        state = merge.State.from_json(vault.open_json(shadow.state, key, row.id, STATE_FIELD))
    state.deleted = shadow.deleted
    return state


def seal_state(state: merge.State, row: Record, key: bytes | None) -> str:
    """A folded state as the shadow keeps it: plain for a public row, sealed under its key else."""
    if row.sealed is None:
        return json.dumps(state.to_json())
    assert key is not None
    return vault.seal_json(state.to_json(), key, row.id, STATE_FIELD)
