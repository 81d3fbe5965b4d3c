"""Who changed what and when: the history kept of every record, sealed with a non-public
record's own key (the plain column keeps only the names of the fields that changed)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import TamperedData
from kmdesk.core.store import bulk
from kmdesk.core.store.model import HistoryEntry, Record, RecordManifest
from kmdesk.core.trust import consent, reads, rows, sealing

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


class HistoryManager:
    """``library.history``: the history of each record, deleted ones included."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def of(self, record_id: str) -> list[dict[str, Any]]:
        """A record's history, oldest first; contact details withheld as ``records.get`` does."""
        with self.library.reading() as session:
            row = session.get(Record, record_id)
            try:
                key = self.library.access.keys.record_key(session, row) if row is not None else None
            except TamperedData:
                key = None
            entries = session.scalars(select(HistoryEntry).where(HistoryEntry.record_id == record_id)
                                      .order_by(HistoryEntry.id)).all()
            missing = rows.missing_history(self.library.access.verifier(session), record_id,
                                           session.get(RecordManifest, record_id), (entry.id for entry in entries))
            found = reads.history_entries(record_id, entries, key,
                                          partial(self.library.access.row_check, session, "record_history"), missing)
            if self.library.access.unlocked:
                return found
            shown = {"consents": self.library.consent.folded(session, record_id, key)} if row is not None else None
            return consent.withhold_history_contacts(shown, found, reads.today())

    def add(self, session: Session, row: Record, key: bytes | None, by: str | None, action: str,
            changes: dict[str, Any], at: str) -> None:
        """One history entry in the caller's transaction."""
        session.add(HistoryEntry(**self.values(row, key, by, action, changes, at)))

    def values(self, row: Record | bulk.NewRow, key: bytes | None, by: str | None, action: str,
               changes: dict[str, Any], at: str) -> dict[str, Any]:
        """Who changed what, as a history row's columns. For a sealed record the values are
        sealed with the record's key; the plain column keeps what a locked reader may see of
        them (``reads.plain_history``)."""
        record_id: str = row.id
        values = {"record_id": record_id, "at": at, "by": by or self.library.access.actor, "action": action,
                  "changes": changes, "sealed": None}
        level = row.access_level
        if level != "public":
            values["changes"] = reads.plain_history(level, changes)
            if key is not None:
                values["sealed"] = sealing.seal_json(changes, key, record_id, "history")
        return values

    def reseal(self, session: Session, row: Record, old_key: bytes | None, new_key: bytes | None) -> None:
        """After a record got a new key (or became public or private), its history's values move
        into or out of the sealed envelope so no old plaintext is left behind."""
        for entry in session.scalars(select(HistoryEntry).where(HistoryEntry.record_id == row.id)):
            if entry.sealed is not None:
                if old_key is None:  # its values stay sealed; what shows outside follows the new level
                    entry.changes = reads.plain_history(row.access_level, entry.changes)
                    continue
                values = sealing.open_json(entry.sealed, old_key, row.id, "history")
            else:
                values = entry.changes
            if new_key is not None:
                entry.changes = reads.plain_history(row.access_level, values)
                entry.sealed = sealing.seal_json(values, new_key, row.id, "history")
            else:
                entry.changes, entry.sealed = values, None
