"""The trash: a deleted record leaves every list, search, index, export and sync as before, but
waits here until it is restored or the trash is emptied.

An entry keeps the record's row and wrapped keys exactly as they were (``hub.payloads``: the
sealed payload stays sealed, the writer's whole-row signature stays with it) and its attachment
rows with theirs; the stored files stay until the entry is emptied. Every read checks the row as
a ``records`` row (``RecordKeys.record_problem``): a changed entry is named and never restored,
and a restored row is the signed row itself, never signed again. Who may restore or empty is who
may delete: a writer, who can open the record (a damaged one: a custodian).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, NotFound, StoreError, TamperedData
from kmdesk.core.hub import payloads
from kmdesk.core.store import attachments
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import Attachment, IndexQueue, Record, TrashEntry
from kmdesk.core.trust import reads, row_signing

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


def _blobs(entry: TrashEntry) -> list[tuple[str, bool]]:
    return [(str(item.get("sha256")), bool(item.get("sealed"))) for item in entry.files or [] if isinstance(item, dict)]


class TrashManager:
    """``library.trash``: deleted records, as far as the current profile's access allows."""

    def __init__(self, library: Library) -> None:
        self.library = library

    # -- in a deletion's transaction ----------------------------------------------------------------
    def put(self, session: Session, row: Record, by: str | None) -> None:
        """Move ``row`` (with its keys and attachment rows) into the trash, in the caller's
        transaction; a record deleted again replaces its older entry."""
        older = session.get(TrashEntry, row.id)
        if older is not None:
            attachments.release(self.library, session, _blobs(older))
            session.delete(older)
            session.flush()
        files = [payloads.attachment_payload(item) for item in
                 session.scalars(select(Attachment).where(Attachment.record_id == row.id).order_by(Attachment.id))]
        session.add(TrashEntry(record_id=row.id, deleted_at=rec.now(), deleted_by=by or self.library.access.actor,
                               record=payloads.record_row(row), files=files))
        session.delete(row)

    def came_back(self, session: Session, record_id: str) -> None:
        """The record was written again (restored on another device, through the hub): its entry
        here goes, and the files only it kept."""
        entry = session.get(TrashEntry, record_id)
        if entry is not None:
            attachments.release(self.library, session, _blobs(entry))
            session.delete(entry)

    # -- reading --------------------------------------------------------------------------------------
    def entries(self) -> list[dict[str, Any]]:
        """What is in the trash, newest deletion first, as far as this profile may know of it:
        a record it cannot open comes without its title (``restricted``), a sacred one it may
        not see not at all, a changed entry without anything of its content (``damaged``)."""
        access = self.library.access
        with self.library.reading() as session, access.protocols_read_once(session):
            found = (self._shown(session, entry) for entry in
                     session.scalars(select(TrashEntry).order_by(TrashEntry.deleted_at.desc(), TrashEntry.record_id)))
            return [item for item in found if item is not None]

    def problems(self) -> list[dict[str, Any]]:
        """The entries that fail their check, as ``check`` reports rows (table, record, problem)."""
        return [{"table": "trash", "record": item["id"], "problem": item["damaged"]}
                for item in self.entries() if item["damaged"]]

    def count(self) -> int:
        """How many entries this profile may know of (nothing is opened to count them)."""
        access = self.library.access
        with self.library.reading() as session, access.protocols_read_once(session):
            rows = (self._row(entry) for entry in session.scalars(select(TrashEntry)))
            return sum(1 for row in rows if row is None or self._visible(session, row))

    def resolve_id(self, prefix: str) -> str:
        """A trashed record's full id from its exact id or a unique prefix (``RecordManager.resolve_id``)."""
        exact = reads.typed_id(prefix)
        ids = {item["id"] for item in self.entries()}
        if exact in ids:
            return exact
        start = reads.id_prefix(prefix)
        return reads.one_id(start, {found for found in ids if found.startswith(start)})

    # -- restoring and emptying -------------------------------------------------------------------
    def restore(self, record_id: str, *, by: str | None = None) -> dict[str, Any]:
        """Put the record back as it was signed, with its keys and files, index it again and say
        so in its history and the audit log. A changed entry is refused, named, and stays."""
        with self.library.writing() as session:
            entry, row, record = self._removable(session, record_id, "restore")
            if row is None or record.get("damaged"):
                raise TamperedData(f"{record['damaged']}; it stays in the trash", id=record_id)
            if session.get(Record, record_id) is not None:
                raise StoreError(f"a record with id {record_id} exists again: it stays in the trash", id=record_id)
            files = [self._file(session, record_id, item) for item in entry.files or []]
            session.add(row)
            row_signing.carry(session, row)
            session.flush()
            for attachment, kept in files:
                session.add(attachment)
                if kept:
                    row_signing.carry(session, attachment)
            key = self.library.access.keys.record_key(session, row) if row.sealed is not None else None
            self.library.history.add(session, row, key, by, "restore", {"title": [None, record["title"]]}, rec.now())
            self.library.audit.record(session, "restore", record_id, {"access": row.access_level, "files": len(files)})
            session.delete(entry)
            session.merge(IndexQueue(record_id=record_id))
            session.flush()
            self.library.sync.outbox.queue(session, record_id)
        return self.library.records.get(record_id)

    def empty(self, record_id: str | None = None) -> list[str]:
        """Forget one record for good (``record_id``), or every one this profile may forget; its
        stored files leave the disk. Each is audited. Returns the ids forgotten."""
        gone: list[str] = []
        with self.library.writing() as session:
            self.library.access.require_writer(session)
            if record_id is not None:
                chosen = [self._removable(session, record_id, "empty")[0]]
            else:
                chosen = [entry for entry in session.scalars(select(TrashEntry).order_by(TrashEntry.record_id))
                          if self._may_remove(session, entry)]
            for entry in chosen:
                attachments.release(self.library, session, _blobs(entry))
                self.library.audit.record(session, "trash_empty", entry.record_id, {"files": len(entry.files or [])})
                session.delete(entry)
                gone.append(entry.record_id)
        return gone

    # -- one entry ------------------------------------------------------------------------------------
    @staticmethod
    def _row(entry: TrashEntry) -> Record | None:
        """The entry's record row, never added to a session by itself (None: not a record row)."""
        try:
            return payloads.transient_record(entry.record)
        except (TypeError, ValueError, KeyError, AttributeError):
            return None

    def _visible(self, session: Session, row: Record) -> bool:
        return reads.visible(row, partial(self.library.access.may_view, session))

    def _opened(self, session: Session, entry: TrashEntry, row: Record | None) -> dict[str, Any]:
        """The record as this profile may see it (``reads.record_dict``), or a damaged stub."""
        problem = "its trash entry is not a record row" if row is None else \
            f"its trash entry holds record {row.id}" if row.id != entry.record_id else \
            self.library.access.keys.record_problem(session, row)
        if problem or row is None:
            return {"id": entry.record_id, "title": {}, "sealed": True,
                    "damaged": f"record {entry.record_id} in the trash: {problem}" if row is None else problem}
        return reads.record_dict(row, partial(self.library.access.keys.opened, session), lambda *_: [])

    def _shown(self, session: Session, entry: TrashEntry) -> dict[str, Any] | None:
        row = self._row(entry)
        if row is not None and not self._visible(session, row):
            return None
        record = self._opened(session, entry, row)
        damaged = record.get("damaged")
        return {"id": entry.record_id, "title": {} if damaged or record.get("sealed") else record.get("title") or {},
                "type": None if damaged else record.get("type"),
                "level": None if damaged or row is None else row.access_level,
                "restricted": bool(record.get("sealed")) and not damaged, "damaged": damaged,
                "deleted_at": entry.deleted_at, "deleted_by": entry.deleted_by, "files": len(entry.files or [])}

    def _removable(self, session: Session, record_id: str,
                   action: str) -> tuple[TrashEntry, Record | None, dict[str, Any]]:
        """The entry, its row and record, once this profile may ``action`` it: as for a deletion,
        a writer who can open it (a damaged entry: a custodian, and only to empty it)."""
        self.library.access.require_writer(session)
        entry = session.get(TrashEntry, record_id)
        row = self._row(entry) if entry is not None else None
        if entry is None or (row is not None and not self._visible(session, row)):
            raise NotFound(f"no record with id {record_id} in the trash", id=record_id)
        record = self._opened(session, entry, row)
        if record.get("damaged"):
            if action == "empty":
                self.library.access.require("custodian")  # forgetting a damaged record is a custodian's call
        elif record.get("sealed"):
            raise AccessDenied(f"you cannot {action} a record you cannot open")
        return entry, row, record

    def _may_remove(self, session: Session, entry: TrashEntry) -> bool:
        try:
            self._removable(session, entry.record_id, "empty")
        except (AccessDenied, NotFound):
            return False
        return True

    def _file(self, session: Session, record_id: str, data: Any) -> tuple[Attachment, bool]:
        """An attachment row as it was kept, checked as its writer signed it; it keeps its id (and
        so its signature) unless another file took that id meanwhile, then it is signed anew."""
        try:
            attachment = Attachment(**payloads.values(Attachment, data))
        except (TypeError, ValueError, AttributeError):
            attachment = None
        if attachment is None or attachment.record_id != record_id:
            raise TamperedData(f"an attachment of record {record_id} in the trash is not one of its attachment rows; "
                               "the record stays in the trash", id=record_id)
        problem = self.library.access.row_check(session, "attachments", attachment)
        if problem:
            raise TamperedData(f"{problem}; the record stays in the trash", id=attachment.record_id)
        kept = session.get(Attachment, attachment.id) is None
        if not kept:
            attachment.id = None  # type: ignore[assignment]
        return attachment, kept
