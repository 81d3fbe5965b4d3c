"""Records: reading them as the current profile may see them, adding, changing and deleting them.

Every change runs in one transaction that also queues the record for the index and the outbox;
a record that fails its integrity check joins ``quarantine`` (the "damaged" facet) and is
refused, named, with the other places it may still be whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, delete, exists, func, select
from sqlalchemy.orm import Session, selectinload

from kmdesk.core.errors import AccessDenied, DamagedRecord, PulledRecord, StoreError, TamperedData
from kmdesk.core.store import attachments
from kmdesk.core.store import records as rec
from kmdesk.core.store.chunked import IN_CHUNK, chunks
from kmdesk.core.store.model import (
    Attachment,
    ChmRecord,
    HistoryEntry,
    IndexQueue,
    Record,
    RecordManifest,
    RemoteState,
    Share,
)
from kmdesk.core.store.summaries import Summaries
from kmdesk.core.trust import consent, reads
from kmdesk.core.trust.signing import context_of

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

# what a refused change to a pulled record would have done (``RecordManager.require_own``)
_REFUSED = {"edit": "edited", "merge": "merged with an imported record", "delete": "deleted", "attach": "given files",
            "detach": "stripped of its files"}


class RecordManager:
    """``library.records``: the records of one library, as its current profile may see them."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.quarantine: dict[str, str] = {}  # damaged records met so far: id -> why (the "damaged" facet)
        self.pages = Summaries(self)  # what the window's list shows of its records, checked rows remembered

    # -- reading one ------------------------------------------------------------------------------
    def row(self, session: Session, record_id: str) -> Record:
        """The row of a record this profile may know of (``NotFound`` otherwise)."""
        row: Record = reads.visible_row(session.get(Record, record_id), record_id,
                                        partial(self.library.access.may_view, session))
        return row

    def visible(self, session: Session, row: Record) -> bool:
        return reads.visible(row, partial(self.library.access.may_view, session))

    def get(self, record_id: str, *, for_edit: bool = False) -> dict[str, Any]:
        """The record as the current profile may see it (``shown``). ``for_edit``: as an editor
        changes it, contact details withheld from readers included (it needs a writer: in a
        library with profiles, an unlocked contributor or custodian)."""
        with self.library.reading() as session:
            if for_edit:
                self.library.access.require_writer(session)
            row = self.row(session, record_id)
            record = self.to_dict(session, row)
        if record.get("damaged"):
            raise self.damaged(record_id, record["damaged"])
        if row.sealed is not None and not record["sealed"]:
            self.library.audit.record_now("view", record_id, {"access": row.access_level})
        return record if for_edit else self.shown(record)

    def shown(self, record: dict[str, Any]) -> dict[str, Any]:
        """What a read hands out: while no profile is unlocked, contact details only with a
        consent to be listed (``consent.withhold_contacts``); an unlocked profile sees them, to
        keep them. Never used on the way to a write (``to_dict``), so a locked edit keeps them."""
        return record if self.library.access.unlocked else consent.withhold_contacts(record, reads.today())

    def resolve_id(self, prefix: str, *, deleted: bool = False) -> str:
        """A full id from a unique prefix of at least ``reads.MIN_ID_PREFIX`` characters, as people
        type ids at a command line: a shorter one (``delete 1``) could pick a record nobody
        meant. With ``deleted``, the ids of deleted records (whose history is kept) count too.
        A record this profile may not know of is never found, nor makes a prefix ambiguous.
        An exact id is taken first, whatever its length: a record whose id is short, or is the
        beginning of another's ("CHM-NEED-PE-1", "CHM-NEED-PE-10"), is reached by its id."""
        exact = reads.typed_id(prefix)
        with self.library.reading() as session:
            row = session.get(Record, exact) if exact else None
            if row is not None and self.visible(session, row):
                return exact
            if row is None and exact and deleted and session.scalar(
                    select(HistoryEntry.record_id).where(HistoryEntry.record_id == exact).limit(1)) is not None:
                return exact
        prefix = reads.id_prefix(prefix)
        with self.library.reading() as session:
            rows = session.scalars(select(Record).where(Record.id.startswith(prefix, autoescape=True)).limit(3)).all()
            ids = {row.id for row in rows if self.visible(session, row)}
            if deleted:
                gone = (select(HistoryEntry.record_id).distinct()
                        .where(HistoryEntry.record_id.startswith(prefix, autoescape=True),
                               ~exists().where(Record.id == HistoryEntry.record_id)).limit(3))
                ids.update(session.scalars(gone))
        return reads.one_id(prefix, ids)

    # -- changing ---------------------------------------------------------------------------------
    def add(self, data: dict[str, Any], *, by: str | None = None) -> dict[str, Any]:
        clean = rec.normalize(data)
        record_id = data.get("id") or rec.new_id()
        stamp = rec.now()
        with self.library.writing() as session:
            self.library.access.require_writer(session)
            if session.get(Record, record_id) is not None:
                raise StoreError(f"a record with id {record_id} already exists", id=record_id)
            self.library.access.check_access_change(session, None, clean["access"])
            row = Record(id=record_id, revision=1, created_at=stamp, updated_at=stamp)
            session.add(row)
            key = self._write_fields(session, row, clean, rec.protected_part(clean))
            self.library.history.add(session, row, key, by, "create", rec.diff({}, clean), stamp)
            session.add(IndexQueue(record_id=record_id))
        return self.get(record_id)

    def _write_fields(self, session: Session, row: Record, clean: dict[str, Any],
                      protected: dict[str, Any]) -> bytes | None:
        """Plain fields to their columns, protected ones through ``RecordKeys.seal``; returns the
        record key of a sealed record."""
        rec.apply_to_row(row, {k: v for k, v in clean.items() if k not in rec.PROTECTED_FIELDS})
        session.flush()
        return self.library.access.keys.seal(session, row, protected)

    def update(self, record_id: str, changes: dict[str, Any], *, by: str | None = None) -> dict[str, Any]:
        clean = rec.normalize(changes, partial=True)
        with self.library.writing() as session:
            self.library.access.require_writer(session)
            row = self.row(session, record_id)
            before = self.to_dict(session, row)
            if before.get("damaged"):
                raise self.damaged(record_id, before["damaged"])
            if before.get("sealed"):
                raise AccessDenied("you cannot change a record you cannot open")
            if not self.change(session, row, before, clean, by, "edit"):
                return self.shown(before)
        if before["access"]["level"] == "public" and clean.get("access", {}).get("level", "public") != "public":
            self.library.index.reindex()  # the old public text must leave the on-disk index's segments
        return self.get(record_id)

    def change(self, session: Session, row: Record, before: dict[str, Any], clean: dict[str, Any],
               by: str | None, action: str) -> bool:
        """Apply normalised changes to an opened record in the caller's transaction (an edit or
        an import's merge): new revision, re-sealing, history, index and outbox."""
        access = self.library.access
        self.require_own(session, row.id, action)
        changed = rec.diff(before, clean)
        if not changed:
            return False
        viewer = access.viewer()
        if viewer is not None and not consent.can_edit(viewer, before["access"], before.get("community"),
                                                       access.protocol_kinds(session)):
            raise AccessDenied(f"{viewer.name} may read record {row.id} but not change it")
        if "access" in clean:
            access.check_access_change(session, before["access"], clean["access"])
        stamp = rec.now()
        protected = {**rec.protected_part(before), **{k: v for k, v in clean.items() if k in rec.PROTECTED_FIELDS}}
        row.revision += 1
        row.updated_at = stamp
        old_key = access.keys.record_key(session, row)
        old_context = context_of(row)
        rec.apply_to_row(row, {k: v for k, v in clean.items() if k not in rec.PROTECTED_FIELDS})
        session.flush()
        same_access = old_key is not None and context_of(row) == old_context
        key = access.keys.seal(session, row, protected, keep=old_key if same_access else None)
        if not same_access:
            self.reseal(session, row, old_key, key)
        if before["access"]["level"] != row.access_level:
            self.library.audit.record(session, "access_change", row.id,
                                      {"from": before["access"]["level"], "to": row.access_level})
        self.library.history.add(session, row, key, by, action, changed, stamp)
        session.merge(IndexQueue(record_id=row.id))
        session.flush()
        self.library.sync.outbox.queue(session, row.id)
        return True

    def reseal(self, session: Session, row: Record, old_key: bytes | None, new_key: bytes | None) -> None:
        """After a record got a new key (or became public or private), bring its history, its
        consent and its attachments along, so no old plaintext is left behind."""
        self.library.history.reseal(session, row, old_key, new_key)
        self.library.consent.reseal(session, row, old_key, new_key)
        attachments.reseal(self.library, session, row, old_key, new_key)

    def require_own(self, session: Session, record_id: str, action: str) -> None:
        """The one check before any change to a record (an edit, an import's merge, a deletion,
        adding or removing a file): one pulled from the CHM is read-only here (``PulledRecord``,
        ``action`` says what was refused). Its changes come with the next pull, and one deleted
        here would never come back: the pull keeps its CHM revision and finds it unchanged."""
        origin = session.get(ChmRecord, record_id)
        if origin is not None:
            raise PulledRecord(f"record {record_id} was pulled from the CHM ({origin.chm_id}) and is read-only here: "
                               f"it cannot be {_REFUSED.get(action, action)}; the next pull brings its changes",
                               id=record_id, chm_id=origin.chm_id, action=action)

    def check_own(self, record_id: str, action: str) -> None:
        """``require_own`` on its own, for a face to refuse before it asks anything (``kmdesk
        delete`` before its confirmation)."""
        with self.library.reading() as session:
            self.require_own(session, record_id, action)

    def failing(self, record_ids: Iterable[str]) -> dict[str, str]:
        """Of ``record_ids``, those whose row fails its check (``quarantined``), with the problem:
        what ``search`` names in place of a title the index may still hold."""
        with self.library.reading() as session:
            return {row.id: self.quarantine[row.id] for chunk in chunks(dict.fromkeys(record_ids))
                    for row in session.scalars(select(Record).where(Record.id.in_(chunk))) if self.quarantined(session, row)}

    def pulled(self, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Of ``record_ids``, those pulled from the CHM: their CHM identifier and whether the
        CHM withdrew them (what ``show``, ``list`` and ``search`` mark)."""
        ids = list(dict.fromkeys(record_ids))
        found: dict[str, dict[str, Any]] = {}
        with self.library.reading() as session:
            for start in range(0, len(ids), IN_CHUNK):
                for row in session.scalars(select(ChmRecord).where(ChmRecord.record_id.in_(ids[start:start + IN_CHUNK]))):
                    found[row.record_id] = {"chm_id": row.chm_id, "target": row.target, "withdrawn": bool(row.withdrawn)}
        return found

    def in_conflict(self, record_id: str) -> list[str]:
        """The fields of this record a hub sync flagged in conflict (changed on two devices at
        once, both values kept for a person to choose: ``core.hub.conflicts``); none when the
        library never joined a hub. What ``show`` and the record view flag."""
        with self.library.reading() as session:
            connection = session.connection()
            if connection.exec_driver_sql(reads.HUB_CONFLICTS_TABLE).first() is None:
                return []
            return [field for (field,) in connection.exec_driver_sql(reads.HUB_CONFLICTS, (record_id,))]

    def delete(self, record_id: str, *, by: str | None = None) -> None:
        with self.library.writing() as session:
            self.library.access.require_writer(session)
            row = self.row(session, record_id)
            self.require_own(session, row.id, "delete")
            before = self.to_dict(session, row)
            if before.get("damaged"):
                self.library.access.require("custodian")  # removing a quarantined record is a custodian's call
            elif before.get("sealed"):
                raise AccessDenied("you cannot delete a record you cannot open")
            # the record's key goes with it: a sealed record's deletion entry keeps field names only
            self.library.history.add(session, row, None, by, "delete", {"title": [before["title"], None]}, rec.now())
            self.library.trash.put(session, row, by)  # restorable until the trash is emptied
            self.quarantine.pop(record_id, None)
            session.merge(IndexQueue(record_id=record_id))
            session.flush()
            self.library.sync.outbox.queue(session, record_id)
            session.execute(delete(Share).where(Share.record_id == record_id))

    # -- as dicts ---------------------------------------------------------------------------------
    def to_dict(self, session: Session, row: Record,
                consents: Callable[[str, bytes | None], list[dict[str, Any]]] | None = None) -> dict[str, Any]:
        """The record as the current profile may see it (``reads.record_dict``); a damaged row
        joins the quarantine (the "damaged" facet). ``consents``: what a page of rows read once
        for all of them (``to_dicts``), else each is read for this row."""
        record = reads.record_dict(row, partial(self.library.access.keys.opened, session),
                                   consents or partial(self.library.consent.folded, session))
        if record.get("damaged"):
            self.quarantine[row.id] = record["damaged"]
        else:
            self.quarantine.pop(row.id, None)
        return record

    def to_dicts(self, session: Session, rows: Iterable[Record]) -> list[dict[str, Any]]:
        """``to_dict`` of each row the profile may know of, in order, with the same number of
        queries for any number of rows (read per row, a page of the window's list cost some 100
        queries): the protocols and the library key are read once, and the consent events of
        every row at once, then folded per record by ``reads.fold_consents`` as one record's are.
        A record some of whose consent events fail their check carries them in ``problems``."""
        rows = list(rows)
        if not rows:
            return []
        access, consents = self.library.access, self.library.consent
        with access.protocols_read_once(session):
            shown = [row for row in rows if self.visible(session, row)]
            verifier = access.verifier(session)
            events = consents.events_of(session, [row.id for row in shown])

            problems: dict[str, list[str]] = {}

            def folded(record_id: str, key: bytes | None) -> list[dict[str, Any]]:
                consents, found = reads.fold_consents(record_id, events.get(record_id, ()), key, verifier)
                if found:
                    problems[record_id] = found
                return consents

            records = [self.to_dict(session, row, folded) for row in shown]
            return [{**record, "problems": problems[record["id"]]} if record["id"] in problems else record
                    for record in records]

    def damaged(self, record_id: str, reason: str) -> DamagedRecord:
        """The error that names a damaged record and where else it may still be whole."""
        return reads.damaged(record_id, reason, self.other_copies(record_id))

    def problems(self, record_id: str) -> list[str]:
        """What failed among this record's own rows, each named (``reads.row_problems``): its
        consent events (deleted ones found through the audit log), sharing choices, sync
        states and history; the record row itself is refused by ``get``."""
        with self.library.reading() as session:
            row = self.row(session, record_id)
            try:
                key = self.library.access.keys.opened(session, row)[1]
            except TamperedData:
                key = None
            found = self.library.consent.events(session, record_id, key, find_deleted=True)[1]
            return reads.row_problems(self.library.access.verifier(session), record_id, found, {
                "shares": session.scalars(select(Share).where(Share.record_id == record_id)),
                "remote_state": session.scalars(select(RemoteState).where(RemoteState.record_id == record_id)),
                "record_history": session.scalars(select(HistoryEntry).where(HistoryEntry.record_id == record_id))},
                session.get(RecordManifest, record_id),
                session.scalars(select(Attachment.id).where(Attachment.record_id == record_id)))

    def other_copies(self, record_id: str) -> list[str]:
        """Where else this record may still be whole: the library's own backups that hold it and
        the targets it was sent to."""
        found = reads.backup_copies(self.library.data_dir, record_id)
        with self.library.reading() as session:
            found += [f"target {name}" for name in session.scalars(
                select(RemoteState.target).where(RemoteState.record_id == record_id, RemoteState.status == "sent"))]
        return found

    # -- reading many -----------------------------------------------------------------------------
    def iter_all(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every record the current profile may know of, in id order, a batch at a time.
        Records it may not open come as sealed stubs (``sealed`` true, no text)."""
        last = ""
        while True:
            with self.library.reading() as session:
                rows = session.scalars(self.with_keys(select(Record)).where(Record.id > last)
                                       .order_by(Record.id).limit(batch)).all()
                items = self.to_dicts(session, rows)
                last = rows[-1].id if rows else last
            if not rows:
                return
            yield from (self.shown(item) for item in items)

    def get_many(self, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """These records as ``iter_all`` gives them, in a constant number of reads however
        many there are (``to_dicts``): a page of a list. As for ``iter_all``, listing is not
        reading, so no view is audited. Deleted and hidden records are absent."""
        with self.library.reading() as session:
            return {record["id"]: self.shown(record) for record in self.to_dicts(session, self.rows_of(session, record_ids))}

    def summaries(self, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """What the window's list shows of these records (``summaries.Summaries.read``): their
        rows checked whole as ``get_many`` checks them, without building whole records."""
        return self.pages.read(record_ids)

    def titles(self, record_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """The titles of these records as the current profile may see them (sealed stubs: none),
        in one read, to name them in a list; as for the library's own list, naming is not reading,
        so no view is audited. Deleted and hidden records are absent."""
        with self.library.reading() as session:
            return {record["id"]: record.get("title") or {}
                    for record in self.to_dicts(session, self.rows_of(session, record_ids))}

    def with_keys(self, query: Select[Record]) -> Select[Record]:
        """``query`` loading its rows' record keys in one more read for all of them when a profile
        is unlocked (only it can use them: ``RecordKeys.record_key``), not one read per sealed row."""
        return query.options(selectinload(Record.keys)) if self.library.access.unlocked else query

    def rows_of(self, session: Session, record_ids: Iterable[str]) -> list[Record]:
        """The rows of these ids (those that exist), a chunk of ids per ``IN (...)``."""
        query = self.with_keys(select(Record))
        return [row for chunk in chunks(dict.fromkeys(record_ids)) for row in session.scalars(query.where(Record.id.in_(chunk)))]

    def count(self) -> int:
        """How many records the current profile may know of (sacred ones only for custodians)."""
        with self.library.reading() as session:
            others = session.scalar(select(func.count()).select_from(Record).where(Record.access_level != "sacred")) or 0
            sacred = session.scalars(select(Record).where(Record.access_level == "sacred")).all()
            return others + sum(1 for row in sacred if self.visible(session, row))

    def for_index(self, ids: list[str]) -> list[dict[str, Any]]:
        """The dicts of the records ``ids`` that this profile may see, sealed fields opened where
        it holds the key; without consents (what the index needs). A record that fails its
        integrity check is quarantined and comes as a damaged stub, indexed nowhere. The rows'
        keys and the protocols are read once for all of them, not per sealed row."""
        out = []
        access = self.library.access
        with self.library.reading() as session, access.protocols_read_once(session):
            for row in session.scalars(self.with_keys(select(Record).where(Record.id.in_(ids)))):
                if not self.visible(session, row):
                    continue
                try:
                    revealed = access.keys.reveal(session, row) if row.sealed is not None else None
                except TamperedData as exc:
                    self.quarantine[row.id] = str(exc)
                    out.append({**rec.row_to_dict(row, None), "sealed": True, "damaged": str(exc)})
                    continue
                out.append(rec.row_to_dict(row, revealed))
        return out

    def public(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every public record as a dict, in id order, read ``batch`` rows at a time."""
        last = ""
        while True:
            with self.library.reading() as session:
                rows = session.scalars(select(Record).where(Record.id > last, Record.access_level == "public")
                                       .order_by(Record.id).limit(batch)).all()
                items = [rec.row_to_dict(row) for row in rows if not self.quarantined(session, row)]
            if not rows:
                return
            yield from items
            last = rows[-1].id

    def quarantined(self, session: Session, row: Record) -> bool:
        """Whether a row fails its check (``RecordKeys.record_problem``); it then joins the quarantine."""
        problem = self.library.access.keys.record_problem(session, row)
        if problem:
            self.quarantine[row.id] = problem
        return problem is not None

    def count_public(self) -> int:
        with self.library.reading() as session:
            return session.scalar(select(func.count()).select_from(Record).where(Record.access_level == "public")) or 0

    def has_public(self) -> bool:
        with self.library.reading() as session:
            return session.scalar(select(Record.id).where(Record.access_level == "public").limit(1)) is not None
