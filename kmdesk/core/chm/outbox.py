"""Sharing choices and the outbox: what should be on each CHM target, and what is still to do.

``queue`` is called inside the transaction of every change that can move a record on or off a
target (edit, access change, consent grant or withdrawal, share, unshare, delete), so the
outbox can never miss a change that committed. It holds at most one row per record and target;
a newer change replaces the row (with a new id), so a push that was in flight when the record
changed does not clear the newer work when it completes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kmdesk.core import vocab
from kmdesk.core.chm.status import last_sync_key, thesaurus_key
from kmdesk.core.errors import InvalidRecord, NotFound
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import (
    AuditEvent,
    Meta,
    OutboxEntry,
    Record,
    RecordManifest,
    RemoteState,
    Share,
    SyncTarget,
)
from kmdesk.core.trust import consent, reads, rows
from kmdesk.core.trust.reads import today

# what the sync audits of each operation done: whether the target holds the record after it
SYNC_ACTIONS = ("sync_sent", "sync_retracted", "sync_not_eligible")

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

KINDS = ("chm", "bioland")
log = logging.getLogger(__name__)


@dataclass
class Pending:
    """One outbox row as the sync runner sees it."""

    id: int
    record_id: str
    target: str
    op: str
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    problem: str | None = None  # the entry's row failed its check (``rows``): named, never pushed


class Outbox:
    def __init__(self, library: Library) -> None:
        self.library = library

    # -- targets ----------------------------------------------------------------------------
    def add_target(self, session: Session, name: str, kind: str, url: str, settings: dict[str, Any],
                   sealed_credentials: str | None) -> None:
        if kind not in KINDS:
            raise InvalidRecord(f"a target kind is one of {', '.join(KINDS)}, not '{kind}'", field="kind")
        if not url.startswith(("http://", "https://")):
            raise InvalidRecord(f"'{url}' is not an http(s) address", field="url")
        if session.get(SyncTarget, name) is not None:
            raise InvalidRecord(f"a target named {name} already exists", field="name")
        session.add(SyncTarget(name=name, kind=kind, url=url.rstrip("/"), settings=settings,
                               credentials=sealed_credentials, created_at=rec.now()))

    def edit_target(self, session: Session, name: str, *, url: str | None, settings: dict[str, Any],
                    sealed_credentials: str | None) -> None:
        """Change a target's address, settings (merged: an empty value removes one) or
        credentials. Records it refused are queued again, since a refusal may have been the
        target's settings' fault (a missing organisation, a wrong country)."""
        target = self.target(session, name)
        if url is not None:
            if not url.startswith(("http://", "https://")):
                raise InvalidRecord(f"'{url}' is not an http(s) address", field="url")
            target.url = url.rstrip("/")
        merged = {**target.settings, **settings}
        target.settings = {k: v for k, v in merged.items() if v not in (None, "", [])}
        if sealed_credentials is not None:
            target.credentials = sealed_credentials
        session.flush()
        refused = session.scalars(select(RemoteState.record_id).where(RemoteState.target == name, RemoteState.status == "failed"))
        for record_id in list(refused):
            self.queue(session, record_id)

    def remove_target(self, session: Session, name: str, *, force: bool) -> None:
        """Forget a target with its shares, queue and remote states. Unless ``force``, refused
        while it still holds records sent from here or work waits for it: removing it would
        leave documents on the CHM that no later change could take down."""
        target = self.target(session, name)
        if not force:
            sent = session.scalar(select(func.count()).select_from(RemoteState)
                                  .where(RemoteState.target == name, RemoteState.remote_revision.is_not(None)))
            waiting = session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.target == name))
            if sent or waiting:
                raise InvalidRecord(f"{name} still holds {sent} record(s) sent from here and {waiting} waiting: unshare and "
                                    "sync them first, or remove it anyway (force)", field="name", sent=sent, waiting=waiting)
        for model in (OutboxEntry, RemoteState):
            session.execute(delete(model).where(model.target == name))
        for share in session.scalars(select(Share).where(Share.target == name)):
            session.delete(share)  # through the session: each record's manifest lets it go (``manifests``)
        session.execute(delete(Meta).where(Meta.key.in_([last_sync_key(name), thesaurus_key(name)])))
        session.delete(target)

    def target(self, session: Session, name: str | None) -> SyncTarget:
        if name is None:
            targets = session.scalars(select(SyncTarget)).all()
            if len(targets) != 1:
                raise NotFound("name a target (--target NAME)" if targets else "no sync target yet: add one with 'kmdesk target add'")
            return targets[0]
        target = session.get(SyncTarget, name)
        if target is None:
            raise NotFound(f"no sync target named {name}", name=name)
        return target

    # -- choices ----------------------------------------------------------------------------
    def share(self, session: Session, record_id: str, target: str, by: str) -> None:
        if session.get(Share, (record_id, target)) is None:
            session.add(Share(record_id=record_id, target=target, selected_by=by, selected_at=rec.now()))
            session.flush()
        self.queue(session, record_id)

    def unshare(self, session: Session, record_id: str, target: str) -> None:
        share = session.get(Share, (record_id, target))
        if share is not None:
            session.delete(share)  # through the session: the record's manifest lets it go (``manifests``)
        session.flush()
        self.queue(session, record_id)

    def is_shared(self, session: Session, record_id: str, target: str) -> bool:
        """Whether a person chose to share the record with ``target``: a choice whose row fails
        its check (``rows``), or that its record's manifest does not list, is no choice."""
        found = session.get(Share, (record_id, target))
        return found is not None and self._chosen(session, found)

    def shared_targets(self, session: Session, record_id: str) -> set[str]:
        """The targets a person chose to share the record with (``is_shared``, for all at once)."""
        return {share.target for share in session.scalars(select(Share).where(Share.record_id == record_id))
                if self._chosen(session, share)}

    def _chosen(self, session: Session, share: Share) -> bool:
        if not self._holds(session, "shares", share):
            return False
        problem = rows.unlisted_share(self.library.access.verifier(session), share,
                                      session.get(RecordManifest, share.record_id))
        if problem:
            log.warning("%s", problem)
        return problem is None

    def _holds(self, session: Session, table: str, row: Any) -> bool:
        """Whether a row of the outbox's tables passes its check; one that fails is named in the log."""
        problem = self.library.access.row_check(session, table, row)
        if problem:
            log.warning("%s", problem)
        return problem is None

    # -- the rule, applied ------------------------------------------------------------------
    def eligibility(self, session: Session, record: dict[str, Any] | None, target: str, when: date | None = None) -> consent.Eligibility:
        selected = record is not None and self.is_shared(session, record["id"], target)
        return consent.sharing_eligibility(record or {"access": {"level": "public"}}, selected=selected,
                                           today=when or today(), label_vocab=vocab.label_vocab())

    def queue(self, session: Session, record_id: str) -> None:
        """Bring the outbox in line with what should be on each target for this record."""
        names = session.scalars(select(SyncTarget.name)).all()
        if not names:
            return
        row = session.get(Record, record_id)
        record = None
        if row is not None:
            record = rec.row_to_dict(row)
            record["consents"] = self.library.consent.folded(session, record_id)
        for target in names:
            pending = session.scalar(select(OutboxEntry).where(OutboxEntry.record_id == record_id, OutboxEntry.target == target))
            remote = session.get(RemoteState, (record_id, target))
            # a state or an entry whose row fails its check may hide a copy on the target: assume one
            maybe_remote = (remote is not None and (remote.remote_revision is not None or not self._holds(session, "remote_state", remote))) \
                or (pending is not None and (pending.attempts > 0 or not self._holds(session, "outbox", pending)))
            if record is not None and self.eligibility(session, record, target).eligible:
                op = "push"
            elif maybe_remote:
                op = "retract"
            else:
                op = None
            if pending is not None:
                session.delete(pending)
                session.flush()
            if op is not None:
                session.add(OutboxEntry(record_id=record_id, target=target, op=op, created_at=rec.now(), attempts=0))
                self._set_state(session, record_id, target, "queued", message=None)

    def lost_retractions(self, session: Session, target: str) -> list[str]:
        """Records the audit log says were sent to ``target`` and not taken back since, that may
        not stay there now (deleted, failing their check, or no longer eligible) and for which
        no entry waits: a retraction, or the sync state that would have queued one, was deleted
        outside kmdesk. The audit log is hash-chained and checkpointed, so what went out is
        known even when the outbox and the sync states are not."""
        on: dict[str, bool] = {}
        for record_id, action, details in session.execute(
                select(AuditEvent.target, AuditEvent.action, AuditEvent.details).where(AuditEvent.action.in_(SYNC_ACTIONS))
                .order_by(AuditEvent.seq)):
            if isinstance(details, dict) and details.get("target") == target:
                on[record_id] = action == "sync_sent"
        waiting = set(session.scalars(select(OutboxEntry.record_id).where(OutboxEntry.target == target)))
        lost = []
        for record_id in sorted(r for r, held in on.items() if held and r not in waiting):
            row = session.get(Record, record_id)
            if row is not None and self.library.access.keys.record_problem(session, row) is None:
                record = {**rec.row_to_dict(row), "consents": self.library.consent.folded(session, record_id)}
                if self.eligibility(session, record, target).eligible:
                    continue
            lost.append(record_id)
        return lost

    def retract(self, session: Session, record_id: str, target: str) -> None:
        """Queue a retraction (``lost_retractions``)."""
        session.add(OutboxEntry(record_id=record_id, target=target, op="retract", created_at=rec.now(), attempts=0))
        self._set_state(session, record_id, target, "queued", message=None)

    # -- what the sync runner uses --------------------------------------------------------
    def pending(self, session: Session, target: str) -> list[Pending]:
        """What waits for ``target``. An entry whose row fails its check is named in ``problem``:
        the runner retracts on such an entry and never pushes (the record's own verdict decides
        again at send time)."""
        rows = session.scalars(select(OutboxEntry).where(OutboxEntry.target == target).order_by(OutboxEntry.id)).all()
        return [Pending(r.id, r.record_id, r.target, r.op, r.attempts, r.next_attempt_at, r.last_error,
                        self.library.access.row_check(session, "outbox", r)) for r in rows]

    def finish(self, session: Session, entry_id: int, record_id: str, target: str, status: str, *,
               message: str | None = None, remote_revision: str | None = None, pushed_revision: int | None = None) -> None:
        """An operation is done (pushed, retracted, rejected or dropped): the row goes, unless a
        newer change replaced it meanwhile (its id differs), and the remote state says why."""
        entry = session.get(OutboxEntry, entry_id)
        if entry is not None:
            session.delete(entry)
        self._set_state(session, record_id, target, status, message=message, remote_revision=remote_revision,
                        pushed_revision=pushed_revision, keep_queued=entry is None)

    def retry_later(self, session: Session, entry_id: int, error: str, next_attempt_at: str) -> None:
        """A try failed for the network's reasons. ``note_attempt`` already counted it: counting
        again made the backoff grow fourfold per failure."""
        entry = session.get(OutboxEntry, entry_id)
        if entry is not None:
            entry.last_error = error
            entry.next_attempt_at = next_attempt_at
            self._set_state(session, entry.record_id, entry.target, "queued", message=error)

    def note_attempt(self, session: Session, entry_id: int) -> None:
        """Count an attempt before sending: if the process dies mid-request, the next run knows
        the document may have reached the target (and retracts rather than forgets)."""
        entry = session.get(OutboxEntry, entry_id)
        if entry is not None:
            entry.attempts += 1

    def _set_state(self, session: Session, record_id: str, target: str, status: str, *, message: str | None,
                   remote_revision: str | None = None, pushed_revision: int | None = None, keep_queued: bool = False) -> None:
        """``status`` is what the person sees; ``remote_revision`` is what the target holds
        (None: nothing), which decides whether a later change must retract."""
        state = session.get(RemoteState, (record_id, target))
        if state is None:
            state = RemoteState(record_id=record_id, target=target, status=status, updated_at=rec.now())
            session.add(state)
        if status == "sent":
            state.remote_revision = remote_revision or "sent"
            state.pushed_revision = pushed_revision
        elif status in ("retracted", "not_eligible"):
            state.remote_revision = None
        state.message = message
        state.updated_at = rec.now()
        if not keep_queued:  # when a newer change is waiting, the row stays "queued"
            state.status = status

    def failures(self, session: Session, target: str) -> list[dict[str, Any]]:
        rows = session.scalars(select(RemoteState).where(RemoteState.target == target, RemoteState.status == "failed")
                               .order_by(RemoteState.updated_at)).all()
        return [{"record": r.record_id, "message": r.message, "updated_at": r.updated_at} for r in rows]

    def states(self, session: Session, record_id: str) -> list[dict[str, Any]]:
        rows = session.scalars(select(RemoteState).where(RemoteState.record_id == record_id)).all()
        shared = {s.target for s in session.scalars(select(Share).where(Share.record_id == record_id))}
        return reads.sync_states(rows, shared)

