"""Each record's manifest: the ids of its history entries and attachments and the targets it is
shared with, in a row signed whole (``record_manifests``), so a row deleted outside kmdesk is
missed by name.

A row's own signature says who wrote it, not that it is still there. The manifest is written in
the flush that adds or removes one of a record's rows (``install``; SQL writes that bypass the
ORM call ``refresh``), by the unlocked member. It only grows by what was written and shrinks by
what kmdesk removed: what is missing from the table stays listed, so the next write never
blesses a deletion, and a manifest that fails its own check is never signed over. A record made
here gets its manifest in the flush that makes it; the records of a library from before
revision 0009 get theirs at a custodian's first unlock since the upgrade (``make_missing``,
trust on first use). ``kmdesk check`` compares every manifest with the tables (``gaps``);
``show`` and ``show --history`` compare one record's (``rows.manifest_gaps``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, event, func, insert, inspect, select, update
from sqlalchemy.orm import Session, sessionmaker

from kmdesk.core.store.model import Attachment, Base, HistoryEntry, Record, RecordManifest, Share, TrashEntry
from kmdesk.core.trust import row_signing, rows

CHUNK = 500
Removed = Mapping[str, Mapping[str, Collection[Any]]]  # record id -> part -> what kmdesk removed
_ROWS = ((HistoryEntry, "history", "id"), (Attachment, "attachments", "id"), (Share, "shares", "target"))


def install(sessions: sessionmaker[Session]) -> None:
    """Keep the manifests of what every session of ``sessions`` flushes."""
    event.listen(sessions, "before_flush", _fresh_ids)
    event.listen(sessions, "after_flush", _flushed)


def first_free(connection: Connection, model: type[HistoryEntry] | type[Attachment], part: str,
               record_ids: Collection[str]) -> int:
    """The first id a new row of ``model`` (history entries or attachments) of these records may
    take: above every row of its table and every id their manifests list. SQLite gives a new row
    the largest id + 1: when the last row was deleted outside kmdesk, that is its id, which its
    record's manifest still lists, and the record's next edit or attachment would take its place
    there unseen (the deletion blessed)."""
    top: int = connection.execute(select(func.max(model.id))).scalar() or 0
    ids = sorted(set(record_ids))
    for start in range(0, len(ids), CHUNK):
        for listed in connection.execute(select(getattr(RecordManifest, part)).where(
                RecordManifest.record_id.in_(ids[start:start + CHUNK]))).scalars():
            numbers = [value for value in listed if type(value) is int] if isinstance(listed, list) else []
            top = max([top, *numbers])
    return top + 1


def _fresh_ids(session: Session, _context: Any, _instances: Any) -> None:
    """Each new history entry and attachment gets its id here, never one its record's manifest
    lists (``first_free``), in the order they were added."""
    for model, part, _key in _ROWS[:2]:
        new = sorted((obj for obj in session.new if isinstance(obj, model) and obj.id is None),
                     key=lambda obj: inspect(obj).insert_order)
        if new:
            start = first_free(session.connection(), model, part, {obj.record_id for obj in new})
            for number, obj in enumerate(new, start=start):
                obj.id = number


def _flushed(session: Session, _context: Any) -> None:
    made: set[str] = set()
    touched: set[str] = set()
    removed: dict[str, dict[str, set[Any]]] = {}
    for obj in session.new:
        if isinstance(obj, Record):
            made.add(obj.id)
            touched.add(obj.id)
        elif isinstance(obj, (HistoryEntry, Attachment, Share)):
            touched.add(obj.record_id)
    for obj in session.deleted:
        if isinstance(obj, Record):
            touched.add(obj.id)
        for model, part, key in _ROWS:
            if isinstance(obj, model):
                touched.add(obj.record_id)
                removed.setdefault(obj.record_id, {}).setdefault(part, set()).add(getattr(obj, key))
    if touched:
        refresh(session, touched, removed, made, session.connection())


def refresh(session: Session, record_ids: Iterable[str], removed: Removed | None = None,
            made: Collection[str] = (), connection: Connection | None = None) -> None:
    """Bring the manifests of ``record_ids`` up to what the tables hold now, less what kmdesk
    ``removed``; a record without one gets one only if it was ``made`` in this transaction (one
    missing otherwise stays missing: ``gaps`` names it), and one that fails its check is left
    as it is. The rows of a record that is gone (in the trash) are its history only."""
    removed = removed or {}
    if connection is None:
        session.flush()
        connection = session.connection()
    who, verifier = row_signing.signer_of(session), row_signing.verifier_of(session)
    ids = sorted(set(record_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        stored = {row.record_id: row for row in connection.execute(
            select(Base.metadata.tables["record_manifests"]).where(RecordManifest.record_id.in_(chunk)))}
        now = holdings(connection, chunk)
        new: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for record_id in chunk:
            old = stored.get(record_id)
            if old is None and record_id not in made:
                continue
            if old is not None and verifier is not None and verifier.problem("record_manifests", old) is not None:
                continue  # never signed over: ``check`` names it
            held = now[record_id]
            values: dict[str, Any] = {"record_id": record_id}
            for part in ("history", "attachments", "shares"):
                gone = set(removed.get(record_id, {}).get(part, ()))
                kept = set(getattr(old, part) or ()) if old is not None else set()
                values[part] = sorted((kept | held[part]) - gone) if part == "history" or held["exists"] else []
            if old is not None and all(values[part] == list(getattr(old, part) or ()) for part in values):
                continue
            values["row_sig"] = who.sign("record_manifests", values) if who else None
            values["row_signer"] = who.name if who else None
            (new if old is None else changed).append(values)
        table = Base.metadata.tables["record_manifests"]
        if new:
            connection.execute(insert(table), new)
        if changed:
            connection.execute(update(table).where(table.c.record_id == bindparam("key")).values(
                {name: bindparam(name) for name in ("history", "attachments", "shares", "row_sig", "row_signer")}),
                [{**values, "key": values["record_id"]} for values in changed])


def holdings(connection: Connection, record_ids: list[str]) -> dict[str, dict[str, Any]]:
    """What the tables hold now of each record: whether its row exists, its history entries'
    and attachments' ids and the targets it is shared with (one query per table)."""
    found: dict[str, dict[str, Any]] = {record_id: {"exists": False, "history": set(), "attachments": set(),
                                                    "shares": set()} for record_id in record_ids}
    for record_id in connection.execute(select(Record.id).where(Record.id.in_(record_ids))).scalars():
        found[record_id]["exists"] = True
    for model, part, key in _ROWS:
        column = getattr(model, key)
        for record_id, value in connection.execute(select(model.record_id, column).where(model.record_id.in_(record_ids))):
            found[record_id][part].add(value)
    return found


def _vanished(connection: Connection, gone: list[str]) -> set[str]:
    """Of the records in ``gone`` (no row), those neither in the trash nor whose latest history
    entry is a deletion: kmdesk deletes a record into the trash, with its history saying so."""
    if not gone:
        return set()
    trashed = set(connection.execute(select(TrashEntry.record_id).where(TrashEntry.record_id.in_(gone))).scalars())
    latest = select(HistoryEntry.record_id, func.max(HistoryEntry.id).label("last")).where(
        HistoryEntry.record_id.in_(gone)).group_by(HistoryEntry.record_id).subquery()
    deleted = set(connection.execute(select(HistoryEntry.record_id).join(latest, HistoryEntry.id == latest.c.last)
                                     .where(HistoryEntry.action == "delete")).scalars())
    return set(gone) - trashed - deleted


def make_missing(session: Session) -> None:
    """Every record without a manifest gets one of what it holds now: the first unlock of a
    custodian since the upgrade to 0009 (trust on first use, docs/security.md)."""
    for chunk in _without(session):
        refresh(session, chunk, made=chunk)


def _without(session: Session) -> Iterator[list[str]]:
    """The ids of the records that have no manifest, a batch at a time."""
    last = ""
    while chunk := list(session.scalars(select(Record.id).where(
            Record.id > last, ~select(RecordManifest.record_id).where(RecordManifest.record_id == Record.id).exists())
            .order_by(Record.id).limit(CHUNK))):
        last = chunk[-1]
        yield chunk


def gaps(session: Session, verifier: rows.Verifier) -> Iterator[dict[str, Any]]:
    """For ``kmdesk check``: each row a manifest lists that is gone, each row of a record that its
    manifest does not list, a record gone but neither in the trash nor deleted by its history,
    and (once the library key says every record has one) each record without a manifest; a
    batch of manifests at a time. A manifest that fails its own check is
    named by ``row_check``, not compared."""
    if not verifier.active:
        return
    connection = session.connection()
    last = ""
    table = Base.metadata.tables["record_manifests"]
    while batch := connection.execute(select(table).where(table.c.record_id > last)
                                      .order_by(table.c.record_id).limit(CHUNK)).all():
        last = batch[-1].record_id
        now = holdings(connection, [row.record_id for row in batch])
        vanished = _vanished(connection, [row.record_id for row in batch if not now[row.record_id]["exists"]])
        for row in batch:
            if verifier.problem("record_manifests", row) is None:
                found = rows.manifest_gaps(row.record_id, row, now[row.record_id])
                if row.record_id in vanished:
                    found.insert(0, f"record {row.record_id} was deleted outside kmdesk: it is not in the trash, and its "
                                    "history says no deletion (its manifest remains)")
                for problem in found:
                    yield {"table": "record_manifests", "record": row.record_id, "problem": problem}
    if not verifier.manifests:
        return
    for chunk in _without(session):
        for record_id in chunk:
            yield {"table": "record_manifests", "record": record_id, "problem": rows.NO_MANIFEST.format(record_id)}
