"""The library's audit log: an append-only, hash-chained event for every view of restricted
content, consent change, export and sync, its head checkpointed under the library key.

``audit`` holds the chain's pure rules (hashing, checking, the checkpoint's form); this is the
log as it is kept in a library: appended in the caller's transaction, read, and verified with
every consent event's signature and presence.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import TamperedData
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import AuditEvent, ConsentEvent, Meta, Record
from kmdesk.core.trust import audit, reads, signatures
from kmdesk.core.trust import signing as trust

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

log = logging.getLogger(__name__)


class AuditLog:
    """``library.audit``: append to the log, read it, verify it."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def record_now(self, action: str, target: str = "", details: dict[str, Any] | None = None) -> None:
        """Audit, in a unit of work of its own, an event that changes nothing else (a view of
        restricted content, an export, an unlock). A library on a read-only medium cannot keep
        the line: the event goes ahead and the log says it went unaudited (refusing it would make such a copy unreadable, and whoever
        holds the medium holds the file anyway; what is sealed stays sealed to their keys)."""
        if self.library.read_only:
            log.warning("not audited (the library is read-only): %s %s", action, target)
            return
        with self.library.writing() as session:
            self.record(session, action, target, details)

    def record(self, session: Session, action: str, target: str = "", details: dict[str, Any] | None = None) -> None:
        """Append a hash-chained event in the caller's transaction. ``details`` never carries
        record text: ids, codes and counts only. While a custodian holding the library's signing
        key is unlocked, the new head is checkpointed (``_checkpoint``)."""
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
        event = audit.AuditEvent(seq=(last.seq + 1) if last else 1, at=rec.now(), actor=self.library.access.actor,
                                 action=action, target=target, details=details or {})
        digest = audit.event_hash(last.hash if last else audit.GENESIS, event)
        session.add(AuditEvent(seq=event.seq, at=event.at, actor=event.actor, action=action, target=target,
                               details=event.details, hash=digest))
        me = self.library.access.current
        if me is not None and me.library_signing:
            self._checkpoint(session, me.library_signing, event.seq, digest, first=me.fresh_library_key)

    def _checkpoint(self, session: Session, signing: bytes, seq: int, head: str, *, first: bool = False) -> None:
        """Sign the audit head (sequence and hash) with the library key. A checkpoint that no
        longer matches the log is never replaced, nor a missing one made anew (except when the
        library key was just made): that would bless a cut or recomputed chain."""
        stored = session.get(Meta, trust.CHECKPOINT)
        if stored is None and not first:
            return
        if stored is not None:
            old = audit.Checkpoint.parse(stored.value)
            row = session.get(AuditEvent, old.seq) if old else None
            if old is None or row is None or row.hash != old.head or not self._signed_checkpoint(session, old):
                return
        signature = signatures.sign(signing, trust.checkpoint_message(self.library.access.library_id(), seq, head))
        session.merge(Meta(key=trust.CHECKPOINT, value=audit.Checkpoint(seq, head, trust.b64(signature)).dump()))

    def _signed_checkpoint(self, session: Session, checkpoint: audit.Checkpoint) -> bool:
        """Whether a stored checkpoint carries the library key's signature (the key as the
        unlocked profile's own trust anchor holds it): a forged one is never signed over."""
        anchor = self.library.access.anchor(session)
        message = trust.checkpoint_message(self.library.access.library_id(), checkpoint.seq, checkpoint.head)
        return anchor is not None and signatures.verify(anchor, trust.unb64(checkpoint.signature), message)

    def events(self) -> list[dict[str, Any]]:
        """The whole log, oldest first."""
        with self.library.reading() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            return [{"seq": r.seq, "at": r.at, "actor": r.actor, "action": r.action, "target": r.target,
                     "details": r.details, "hash": r.hash} for r in rows]

    def verify(self) -> audit.VerifyResult:
        """The chain, its signed checkpoint, and every consent event's signature and presence.
        Unlocked, the library key comes from the profile's own trust anchor, so a recomputed
        chain or a cut-off end is found even when the file's library key was swapped too."""
        with self.library.reading() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            result = audit.verify_chain((audit.AuditEvent(seq=r.seq, at=r.at, actor=r.actor, action=r.action,
                                                          target=r.target, details=r.details), r.hash) for r in rows)
            anchor = self.library.access.anchor(session)
            if not result.ok or anchor is None:
                return result
            stored = session.get(Meta, trust.CHECKPOINT)
            hashes = {r.seq: r.hash for r in rows}
            library_id = self.library.access.library_id()
            result = audit.check_checkpoint(audit.Checkpoint.parse(stored.value) if stored else None, hashes,
                                            lambda cp: signatures.verify(anchor, trust.unb64(cp.signature),
                                                                         trust.checkpoint_message(library_id, cp.seq, cp.head)))
            if not result.ok:
                return result
            present = set(session.scalars(select(ConsentEvent.digest)))
            for r in rows:
                if r.action in reads.CONSENT_ACTIONS and isinstance(r.details, dict) and r.details.get("event") \
                        and r.details["event"] not in present:
                    return audit.VerifyResult(False, r.seq, "consent_deleted",
                                              f"record {r.target}: consent {r.details.get('consent')}")
            records = set(session.scalars(select(ConsentEvent.record_id).distinct()))
        forged = self._consent_forged(sorted(records))
        return forged if forged is not None else result

    def _consent_forged(self, record_ids: list[str]) -> audit.VerifyResult | None:
        """The first consent event, among these records', that fails its signature."""
        for record_id in record_ids:
            with self.library.reading() as session:
                row = session.get(Record, record_id)
                key = None
                if row is not None:
                    try:
                        key = self.library.access.keys.opened(session, row)[1]
                    except TamperedData:
                        pass
                problems = self.library.consent.events(session, record_id, key)[1] if row is not None else []
            if problems:
                return audit.VerifyResult(False, None, "consent_forged", problems[0])
        return None
