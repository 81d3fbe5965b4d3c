"""Sync targets, what is shared with them, and what the sync runner asks of the library.

A target's credentials are sealed under the library's sync-credentials protocol, whose key
the custodians who sync hold. Whether a shared record goes is computed by the consent rules,
never ticked; the ``outbox`` keeps what is still to do, in the transaction of each change.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.chm.outbox import Outbox, Pending
from kmdesk.core.errors import TamperedData
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import Protocol, Record, SyncTarget
from kmdesk.core.trust import memberships, reads, sealing
from kmdesk.core.trust.access import SYNC_PROTOCOL

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

# audit problems that put every consent in doubt (a forged consent event is one record's, named there)
DOUBTFUL = frozenset({"edited", "deleted", "reordered", "no_checkpoint", "checkpoint_forged", "truncated", "recomputed",
                      "consent_deleted"})


class SyncManager:
    """``library.sync``: targets, sharing choices, and the outbox the runner drains."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.outbox = Outbox(library)

    # -- targets ----------------------------------------------------------------------------------
    def add_target(self, name: str, kind: str, url: str, *, settings: dict[str, Any] | None = None,
                   credentials: dict[str, str] | None = None) -> None:
        """Add a CHM target; its credentials are sealed under the library's sync-credentials
        protocol, whose key the custodians who sync hold."""
        with self.library.writing() as session:
            self.library.access.require("custodian")
            sealed = self._seal_credentials(session, name, credentials) if credentials else None
            self.outbox.add_target(session, name, kind, url, settings or {}, sealed)
            self.library.audit.record(session, "target_add", name, {"kind": kind, "url": url})

    def _seal_credentials(self, session: Session, target: str, credentials: dict[str, str]) -> str:
        access = self.library.access
        protocol = session.scalar(select(Protocol).where(Protocol.name == SYNC_PROTOCOL)) or \
            memberships.add_protocol(access, session, SYNC_PROTOCOL, kind="strict")
        return sealing.seal_json(credentials, access.held_key(protocol), f"target:{target}", "credentials")

    def edit_target(self, name: str, *, url: str | None = None, settings: dict[str, Any] | None = None,
                    credentials: dict[str, str] | None = None) -> None:
        """Change a target (custodians). Given credentials are merged into the stored ones."""
        with self.library.writing() as session:
            self.library.access.require("custodian")
            sealed = None
            if credentials:
                sealed = self._seal_credentials(session, name, {**self.target(name)["credentials"], **credentials})
            self.outbox.edit_target(session, name, url=url, settings=settings or {}, sealed_credentials=sealed)
            self.library.audit.record(session, "target_edit", name, {"url": url, "settings": sorted(settings or {}),
                                                                     "credentials": sorted(credentials or {})})

    def remove_target(self, name: str, *, force: bool = False) -> None:
        """Forget a target (custodians); see ``Outbox.remove_target`` for what it refuses."""
        with self.library.writing() as session:
            self.library.access.require("custodian")
            self.outbox.remove_target(session, name, force=force)
            self.library.audit.record(session, "target_remove", name, {"force": force})

    def targets(self) -> list[dict[str, Any]]:
        with self.library.reading() as session:
            return [reads.target_dict(t, len(self.outbox.pending(session, t.name)))
                    for t in session.scalars(select(SyncTarget).order_by(SyncTarget.name))]

    def target(self, name: str | None = None) -> dict[str, Any]:
        """A target with its credentials opened (needs an unlocked member of the sync protocol)."""
        access = self.library.access
        with self.library.reading() as session:
            target = self.outbox.target(session, name)
            if problem := access.row_check(session, "sync_targets", target):
                raise TamperedData(problem, target=target.name)
            credentials: dict[str, str] = {}
            if target.credentials:
                protocol = access.protocol(session, SYNC_PROTOCOL)
                credentials = sealing.open_json(target.credentials, access.held_key(protocol), f"target:{target.name}",
                                                "credentials")
            return {"name": target.name, "kind": target.kind, "url": target.url, "settings": dict(target.settings),
                    "credentials": credentials}

    # -- sharing ----------------------------------------------------------------------------------
    def share(self, record_ids: Iterable[str], target: str | None = None) -> None:
        """Select records for sharing with a target; whether they go is still computed."""
        with self.library.writing() as session:
            self.library.access.require_writer(session)
            name = self.outbox.target(session, target).name
            for record_id in record_ids:
                self.library.records.row(session, record_id)
                self.outbox.share(session, record_id, name, self.library.access.actor)
                self.library.audit.record(session, "share", record_id, {"target": name})

    def unshare(self, record_ids: Iterable[str], target: str | None = None) -> None:
        with self.library.writing() as session:
            self.library.access.require_writer(session)
            name = self.outbox.target(session, target).name
            for record_id in record_ids:
                self.outbox.unshare(session, record_id, name)
                self.library.audit.record(session, "unshare", record_id, {"target": name})

    def eligibility(self, record_id: str, target: str | None = None) -> dict[str, Any]:
        """The consent rules' verdict for one record and target, with every reason."""
        with self.library.reading() as session:
            row = self.library.records.row(session, record_id)
            record = {**rec.row_to_dict(row), "damaged": self.library.access.keys.record_problem(session, row)}
            # unlocked, a consent's scope is read, not "sealed"; a damaged row is opened by nobody
            key = None if record["damaged"] else self.library.access.keys.opened(session, row)[1]
            record["consents"] = self.library.consent.events(session, record_id, key, find_deleted=True)[0]
            names = [target] if target else list(session.scalars(select(SyncTarget.name)))
            return reads.verdicts(record, names, self.outbox.shared_targets(session, record_id), reads.today())

    def entries(self, target: str | None = None) -> list[Pending]:
        """What waits in the outbox, for one target or all."""
        with self.library.reading() as session:
            names = [target] if target else list(session.scalars(select(SyncTarget.name)))
            return [entry for name in names for entry in self.outbox.pending(session, name)]

    def states(self, record_id: str) -> list[dict[str, Any]]:
        """Where a record stands on each target."""
        with self.library.reading() as session:
            return self.outbox.states(session, record_id)

    # -- what the sync runner calls ---------------------------------------------------------------
    def outgoing(self, record_id: str, target: str) -> tuple[dict[str, Any] | None, Any]:
        """The record as it should go out now, and the consent rules' verdict re-checked at send
        time (consent may have expired while the laptop was offline). None when deleted."""
        with self.library.reading() as session:
            row = session.get(Record, record_id)
            if row is None:
                return None, None
            return reads.outgoing(row, self.library.access.verifier(session),
                                  lambda: self.library.consent.events(session, record_id, None, find_deleted=True)[0],
                                  lambda: self.outbox.is_shared(session, record_id, target), reads.today())

    def doubt(self) -> str | None:
        """Why no consent of this library can be trusted now (None: it can): the audit log, which
        witnesses every consent event, fails its check, or consent or the log went back since this
        user last saw them (``Library.rollback``). A withdrawal erased together with its audit
        event and a re-computed chain leaves no trace in the record's own rows: then nothing is
        pushed (retractions still go) until a custodian looks (``kmdesk check``)."""
        back = [line for line in self.library.rollback if line.startswith(("consent:", "audit log:"))]
        if back:
            return "consent may have been put back to an older state (" + "; ".join(back) + ")"
        result = self.library.audit.verify()
        if not result.ok and result.problem in DOUBTFUL:
            where = f" at event {result.first_bad_seq}" if result.first_bad_seq else ""
            return f"the audit log that witnesses consent fails its check ({result.problem}{where}): a withdrawal may have been erased"
        return None

    def lost_retractions(self, target: str | None = None) -> list[dict[str, str]]:
        """Each record a target holds that must come down, whose retraction is missing
        (``Outbox.lost_retractions``), named: what ``check`` reports and ``restore_retractions`` queues."""
        with self.library.reading() as session:
            names = [target] if target else list(session.scalars(select(SyncTarget.name)))
            return [{"record": record_id, "target": name, "problem": f"record {record_id} was sent to {name} and may not stay "
                     "there, but no retraction waits (an outbox entry or sync state was deleted outside kmdesk)"}
                    for name in names for record_id in self.outbox.lost_retractions(session, name)]

    def restore_retractions(self, target: str) -> list[dict[str, str]]:
        """Queue every retraction ``lost_retractions`` finds for ``target`` (the sync runner, first)."""
        with self.library.writing() as session:
            lost = self.outbox.lost_retractions(session, target)
            for record_id in lost:
                self.outbox.retract(session, record_id, target)
        return [{"record": record_id, "problem": f"record {record_id}: its retraction from {target} was missing "
                 "(deleted outside kmdesk): queued again"} for record_id in lost]

    def note_attempt(self, entry_id: int) -> None:
        """Count an attempt before sending (``Outbox.note_attempt``)."""
        with self.library.writing() as session:
            self.outbox.note_attempt(session, entry_id)

    def finish(self, entry: Pending, status: str, *, message: str | None = None,
               remote_revision: str | None = None, pushed_revision: int | None = None) -> None:
        """An operation is done (``Outbox.finish``), audited."""
        with self.library.writing() as session:
            self.outbox.finish(session, entry.id, entry.record_id, entry.target, status, message=message,
                               remote_revision=remote_revision, pushed_revision=pushed_revision)
            self.library.audit.record(session, f"sync_{status}", entry.record_id, {"target": entry.target, "op": entry.op})

    def retry_later(self, entry: Pending, error: str, next_attempt_at: str) -> None:
        with self.library.writing() as session:
            self.outbox.retry_later(session, entry.id, error, next_attempt_at)

    def failures(self, target: str) -> list[dict[str, Any]]:
        """Records the target rejected, with its reasons (shown until the record changes)."""
        with self.library.reading() as session:
            return self.outbox.failures(session, target)
