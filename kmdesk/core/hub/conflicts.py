"""Records in conflict: a field two devices changed at once, both values kept, for a person to
choose. Choosing is an ordinary edit (with its history and this library's rules) plus a
resolution that travels with the next sync, so every device drops the conflict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select

from kmdesk.core.errors import InvalidRecord, NotFound
from kmdesk.core.hub import device, local, merge, shadow

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


def _entries(library: Library, record_id: str) -> dict[str, list[dict[str, Any]]] | None:
    """The record's conflicts with their values (None: this profile cannot open them)."""
    with library.reading() as session:
        known = shadow.read(session, "record", record_id)
        state = shadow.open_state(library, session, known) if known is not None else None
    return state.conflicts if state is not None else None


def list_conflicts(library: Library) -> list[dict[str, Any]]:
    """Each field in conflict: its record, and its values with the device that wrote each
    (``mine``: written on this device), or ``sealed`` when this profile cannot open them."""
    me = device.joined(library).device_id
    with library.reading() as session:
        c = local.conflicts.c
        rows = session.execute(select(c.record_id, c.field).order_by(c.record_id, c.field)).all()
    titles = library.records.titles({row.record_id for row in rows})
    out = []
    for record_id, name in rows:
        conflicts = _entries(library, record_id)
        values = None
        if conflicts is not None and name in conflicts:
            values = [{"value": e["value"], "device": e["device"], "hub_seq": e["hub_seq"], "mine": e["device"] == me}
                      for e in conflicts[name]]
        out.append({"record": record_id, "title": titles.get(record_id) or {}, "field": name, "values": values,
                    "sealed": values is None})
    return out


def _chosen(entries: list[dict[str, Any]], take: str, me: str) -> dict[str, Any]:
    if take.isdigit():
        number = int(take)
        if not 1 <= number <= len(entries):
            raise InvalidRecord(f"there are {len(entries)} values to choose from (1-{len(entries)})", field="take")
        return entries[number - 1]
    if take not in ("mine", "theirs"):
        raise InvalidRecord("take 'mine', 'theirs' or the number of a value", field="take")
    matching = [e for e in entries if (e["device"] == me) == (take == "mine")]
    if len(matching) != 1:
        raise InvalidRecord(f"'{take}' does not name one value here ({len(matching)} match): take a value by its number",
                            field="take")
    return matching[0]


def resolve(library: Library, record_id: str, name: str, take: str) -> dict[str, Any]:
    """Keep one value of a field in conflict (``mine``, ``theirs`` or its number, from 1):
    the record is edited to it here, and the resolution goes to every device with the next sync."""
    me = device.joined(library).device_id
    with library.reading() as session:  # what is flagged here decides, as in ``list_conflicts``: until the next
        p, c = local.pending.c, local.conflicts.c  # sync the folded state still holds a field resolved here
        flagged = session.execute(select(c.field).where(c.record_id == record_id, c.field == name)).first() is not None
        resolved = session.execute(select(p.field).where(p.record_id == record_id, p.field == name,
                                                         p.resolved == 1)).first() is not None
    if not flagged:
        told = " (resolved here: the next 'kmdesk hub sync' tells the other devices)" if resolved else ""
        raise NotFound(f"record {record_id} has no conflict in {name}{told}", id=record_id, field=name)
    conflicts = _entries(library, record_id)
    if conflicts is None:
        raise NotFound(f"record {record_id}: its conflicts cannot be opened by this profile (unlock one that may read it)")
    if name not in conflicts:
        raise NotFound(f"record {record_id} has no conflict in {name}", id=record_id, field=name)
    chosen = _chosen(conflicts[name], take, me)
    if name == merge.DELETED:
        if chosen["value"] == "deleted":
            library.records.delete(record_id)
    else:
        library.records.update(record_id, {name: chosen["value"]})
    with library.writing() as session:
        p, c = local.pending.c, local.conflicts.c
        session.execute(delete(local.pending).where(p.record_id == record_id, p.field == name))
        session.execute(insert(local.pending).values(record_id=record_id, field=name, resolved=1))
        session.execute(delete(local.conflicts).where(c.record_id == record_id, c.field == name))
        session.execute(delete(local.dirty).where(local.dirty.c.kind == "record", local.dirty.c.key == record_id))
        session.execute(insert(local.dirty).values(kind="record", key=record_id))
    return {"record": record_id, "field": name, "value": chosen["value"], "device": chosen["device"]}
