"""The import transaction: records inserted exactly as given (ids, timestamps, history,
consents) in ONE transaction, so a cancel or an error in the middle leaves the library as it was.

New records go in by bulk inserts (``store.bulk``), public ones to the index writer as they are
accepted; the index writer commits after the transaction (and is cancelled if it fails).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, Cancelled
from kmdesk.core.malloc_arenas import give_back
from kmdesk.core.store import bulk, collector
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import Community, Protocol, Record
from kmdesk.core.trust import consent, memberships

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
Merge = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def _never() -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Outcome:
    """One item's line of an import's report (``ImportManager.records``): slotted, not a dict,
    since an import of 100,000 rows keeps one per row to its end."""

    index: int
    id: str
    status: str  # imported | skipped | merged | error
    reason: str | None


class ImportManager:
    """``library.imports``: records and library files brought into the library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def records(self, items: Iterable[dict[str, Any]], *, total: int | None = None,
                progress: Progress | None = None, cancel: CancelToken = _never,
                by: str | None = None, merges: dict[int, tuple[str, Merge]] | None = None,
                finish: Callable[[Session, list[Outcome]], None] | None = None,
                structure: dict[str, Any] | None = None, normalized: bool = False) -> list[Outcome]:
        """Insert records exactly as given (ids, timestamps, history, consents) in ONE
        transaction: a cancel or an error in the middle leaves the library as it was. Returns
        one ``Outcome`` per item (index, id, status: imported|skipped|merged|error, reason).
        ``merges`` maps an item's index to (existing id, function of (existing record, item) ->
        changes): that item is merged into the existing record instead. ``structure`` (a library
        file's ``communities`` and ``protocols``, a custodian's job) is created first, in the same
        transaction. ``finish`` runs in it after the last item (an archive adds its attachments there)."""
        library = self.library
        library.refuse_if_read_only()
        report: list[Outcome] = []
        with library.write_lock, collector.paused():
            # The index writer is open through the transaction and committed after it (cancelled
            # if it fails): public records are indexed from the rows as they are written, never
            # read back. An archive's attachments come after its records (``finish``), and their
            # text is indexed with them: that import is indexed from the queue after the commit.
            with (library.index.batches() if finish is None else nullcontext((None, None))) as (public, private), \
                    library.transaction() as session:
                library.access.require_writer(session)
                if structure:
                    self._structure(session, structure)
                existing = set(session.scalars(select(Record.id)).all())
                pending = bulk.Pending(public, private)
                with library.access.protocols_read_once(session):
                    for index, item in enumerate(items):
                        if cancel():
                            raise Cancelled()
                        if merges and index in merges:
                            pending.write(session)  # it may merge into a record of this same file
                            report.append(self._merge_one(session, index, item, *merges[index], by))
                        else:
                            report.append(self._import_one(session, index, item, existing, by, normalized, pending))
                        if pending.full():
                            pending.write(session)
                            give_back()  # what Tantivy's writers freed (a segment's flush): not kept to the end
                        if progress:
                            progress(index + 1, total)
                pending.write(session)
                if finish:
                    session.flush()  # the records exist before what refers to them (attachments)
                    finish(session, report)
                library.audit.record(session, "import", "", {"records": sum(1 for r in report if r.status == "imported")})
            library.index.dequeue(pending.indexed)  # only now: after a crash before the index commit they are indexed again
            library.index.drain()
        return report

    def _import_one(self, session: Session, index: int, item: dict[str, Any], existing: set[str],
                    by: str | None, normalized: bool, pending: bulk.Pending) -> Outcome:
        """One new record: everything that can refuse it (validation, access rules, sealing) runs
        before its rows join ``pending`` (written by bulk inserts), so a refused record leaves
        nothing behind without a savepoint per record."""
        library = self.library
        record_id = item.get("id") or rec.new_id()
        if record_id in existing:
            return Outcome(index, record_id, "skipped", "a record with this id is already in the library")
        try:
            clean = {name: item[name] for name in rec.EDITABLE_FIELDS} if normalized else rec.normalize(item)
            consents = [consent.normalize_consent(c) for c in item.get("consents") or []]
            stamp = rec.now()
            row = bulk.NewRow(id=record_id, revision=int(item.get("revision") or 1),
                              created_at=item.get("created_at") or stamp, updated_at=item.get("updated_at") or stamp)
            rec.apply_to_row(row, {k: v for k, v in clean.items() if k not in rec.PROTECTED_FIELDS})
            library.access.check_access_change(session, None, clean["access"])
            key = library.access.keys.seal(session, row, rec.protected_part(clean))
            history = item.get("history") or [{"at": stamp, "by": by or library.access.actor, "action": "import",
                                               "changes": {}}]
            entries = [library.history.values(row, key, entry["by"], entry["action"], entry.get("changes") or {},
                                              entry["at"]) for entry in history]
            if consents:  # sealing and signing consent can refuse: then the record goes with it
                pending.write(session)
                with session.begin_nested():
                    pending.add(row, entries)
                    pending.write(session)
                    for data in consents:
                        self._import_consent(session, row, key, data)
                    session.flush()
            else:
                pending.add(row, entries)
        except Exception as exc:  # report the row, keep going
            return Outcome(index, record_id, "error", str(exc))
        pending.index(row, {**clean, "id": record_id, "revision": row.revision} if self._may_open(session, row, pending)
                      else None)
        existing.add(record_id)
        return Outcome(index, record_id, "imported", None)

    def _may_open(self, session: Session, row: bulk.NewRow, pending: bulk.Pending) -> bool:
        """Whether a new record may be indexed from the fields it was stored from: a public one
        always; a sealed one when this profile may open it as a read would (``RecordKeys.reveal``:
        policy, then a key it can unwrap) and its private index is open."""
        if row.sealed is None:
            return True
        keys = self.library.access.keys
        return pending.private is not None and self.library.access.may_view(session, row) \
            and keys.record_key(session, row) is not None

    def _structure(self, session: Session, data: dict[str, Any]) -> None:
        """A library file's communities and protocols that this library lacks."""
        access = self.library.access
        for item in data.get("communities") or []:
            if not session.scalar(select(Community.id).where(Community.name == item["name"])):
                memberships.add_community(access, session, item["name"], item.get("country"), item.get("description"))
        for item in data.get("protocols") or []:
            if not session.scalar(select(Protocol.id).where(Protocol.name == item["name"])):
                memberships.add_protocol(access, session, item["name"], community=item.get("community"),
                                         kind=item.get("kind", "strict"), description=item.get("description"))

    def _merge_one(self, session: Session, index: int, item: dict[str, Any], target: str, merge: Merge,
                   by: str | None) -> Outcome:
        records = self.library.records
        try:
            with session.begin_nested():
                row = records.row(session, target)
                before = records.to_dict(session, row)
                if before.get("sealed"):
                    raise AccessDenied("you cannot merge into a record you cannot open")
                changes = rec.normalize(merge(before, item), partial=True)
                changed = records.change(session, row, before, changes, by, "merge")
        except Exception as exc:  # report the row, keep going
            return Outcome(index, target, "error", str(exc))
        return Outcome(index, target, "merged", f"merged into {target}" if changed else f"nothing new for {target}")

    def _import_consent(self, session: Session, row: bulk.NewRow, key: bytes | None, data: dict[str, Any]) -> None:
        consent_id = data.get("id") or rec.new_id()
        withdrawal = {k: data.pop(k, None) for k in ("withdrawn_on", "withdrawn_by", "withdrawal_reason")}
        grant = {k: v for k, v in data.items() if k not in ("id", "recorded_at", "recorded_by")}
        at = data.get("recorded_at") or rec.now()
        by = data.get("recorded_by") or self.library.access.actor
        events = [("grant", grant)] + ([("withdraw", withdrawal)] if withdrawal["withdrawn_on"] else [])
        for kind, values in events:
            digest = self.library.consent.add_event(session, row, key, consent_id, kind, at, by, values)
            self.library.audit.record(session, "consent_import", row.id, {"consent": consent_id, "event": digest})

    def library_file(self, data: dict[str, Any], *, progress: Progress | None = None,
                     cancel: CancelToken = _never) -> dict[str, Any]:
        """Import a library file (``library_file.read``): communities and protocols first (a
        custodian's job), then its records, with a row-by-row report, all in one transaction."""
        items = data["records"]
        rows = [dataclasses.asdict(row) for row in self.records(items, total=len(items), progress=progress,
                                                                 cancel=cancel, structure=data)]
        counts: dict[str, int] = {}
        for row in rows:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        return {"rows": rows, "counts": counts}
