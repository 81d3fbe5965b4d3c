"""Consent (FPIC) of each record: an append-only log of signed events, folded into consent records.

A grant or a withdrawal is one event, signed by the profile that recorded it, whose key the
library key certifies; a non-public record's consent text is sealed with the record's key,
only the dates stay readable. An event that fails its check is no consent, and is named by
``problems``. What depends on consent (the outbox, the index) follows in the same transaction.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, NotFound, TamperedData
from kmdesk.core.store import records as rec
from kmdesk.core.store import rows
from kmdesk.core.store.chunked import chunks
from kmdesk.core.store.model import AuditEvent, ConsentEvent, IndexQueue, Profile, Record
from kmdesk.core.store.row_classes import ConsentEventRow
from kmdesk.core.trust import consent, reads, sealing, signatures

if TYPE_CHECKING:
    from kmdesk.core.store.bulk import NewRow
    from kmdesk.core.store.library import Library


class ConsentManager:
    """``library.consent``: grant, withdraw and read the consent of records."""

    def __init__(self, library: Library) -> None:
        self.library = library

    # -- what a face asks -------------------------------------------------------------------------
    def grant(self, record_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """Append an FPIC consent record (custodians only: it is the community's decision).
        Without ``given_on`` it was given today: the consent sentence always has its date."""
        clean = consent.normalize_consent(data)
        clean["given_on"] = clean.get("given_on") or rec.now()[:10]
        with self.library.writing() as session:
            self.library.access.require("custodian")
            row, key = self._opened_row(session, record_id)
            consent_id = clean.pop("id", None) or rec.new_id()
            digest = self.add_event(session, row, key, consent_id, "grant", rec.now(), self.library.access.actor, clean)
            details = {"consent": consent_id, "event": digest}
            if row.access_level == "public":  # a sealed consent's scope is part of its sealed text
                details["scope"] = clean["scope"]
            self.library.audit.record(session, "consent_grant", record_id, details)
            self.after_change(session, record_id)
        return next(c for c in self.of(record_id) if c["id"] == consent_id)

    def withdraw(self, record_id: str, *, by: str, reason: str | None = None, on: str | None = None,
                 consent_id: str | None = None) -> list[str]:
        """Withdraw one consent, or every consent still standing; returns the ids withdrawn."""
        with self.library.writing() as session:
            self.library.access.require("custodian")
            row, key = self._opened_row(session, record_id)
            standing = [c for c in self.folded(session, record_id, key) if not c.get("withdrawn_on")]
            chosen = [c for c in standing if consent_id in (None, c["id"])]
            if not chosen:
                raise NotFound(f"no standing consent {consent_id or ''} on record {record_id}".replace("  ", " "))
            stamp = rec.now()
            for item in chosen:
                digest = self.add_event(session, row, key, item["id"], "withdraw", stamp, self.library.access.actor,
                                        {"withdrawn_on": on or stamp[:10], "withdrawn_by": by, "withdrawal_reason": reason})
                self.library.audit.record(session, "consent_withdraw", record_id, {"consent": item["id"], "event": digest})
            self.after_change(session, record_id)
            return [c["id"] for c in chosen]

    def of(self, record_id: str) -> list[dict[str, Any]]:
        """The consent records of a record, oldest first (none while it fails its check)."""
        with self.library.reading() as session:
            row = self.library.records.row(session, record_id)
            try:
                _, key = self.library.access.keys.opened(session, row)
            except TamperedData:
                return []
            return self.folded(session, record_id, key)

    def problems(self, record_id: str) -> list[str]:
        """Consent events of this record that fail their check (forged, altered or deleted)."""
        with self.library.reading() as session:
            row = self.library.records.row(session, record_id)
            try:
                _, key = self.library.access.keys.opened(session, row)
            except TamperedData:
                key = None
            return self.events(session, record_id, key, find_deleted=True)[1]

    def _opened_row(self, session: Session, record_id: str) -> tuple[Record, bytes | None]:
        row = self.library.records.row(session, record_id)
        try:
            revealed, key = self.library.access.keys.opened(session, row)
        except TamperedData as exc:
            raise self.library.records.damaged(record_id, str(exc)) from None
        if revealed is None:
            raise AccessDenied(f"you cannot change the consent of record {record_id}: you cannot open it")
        return row, key

    def after_change(self, session: Session, record_id: str) -> None:
        """What depends on consent follows in the same transaction: the outbox and the index."""
        session.merge(IndexQueue(record_id=record_id))
        session.flush()
        self.library.sync.outbox.queue(session, record_id)

    # -- in the caller's session --------------------------------------------------------------------
    def folded(self, session: Session, record_id: str, key: bytes | None = None) -> list[dict[str, Any]]:
        """Fold the append-only consent events into consent records, oldest first. Events that
        fail their signature are left out (a forged grant is no consent) and reported by
        ``problems``. Without the record's key a sealed consent shows only its dates and state
        (``sealed`` true). A withdrawal the audit log saw and the table lost still withdraws
        (``find_deleted``): what one record shows is what its sync would decide."""
        return self.events(session, record_id, key, find_deleted=True)[0]

    def events(self, session: Session, record_id: str, key: bytes | None,
               *, find_deleted: bool = False) -> tuple[list[dict[str, Any]], list[str]]:
        """(consents folded from the events that pass their check, problems found:
        ``reads.fold_consents``). With ``find_deleted`` the audit log is also asked which of
        this record's events it saw."""
        verifier = self.library.access.verifier(session)
        events = session.scalars(select(ConsentEvent).where(ConsentEvent.record_id == record_id).order_by(ConsentEvent.id)).all()
        audited = [(seq, action, details) for seq, action, details in session.execute(
            select(AuditEvent.seq, AuditEvent.action, AuditEvent.details).where(
                AuditEvent.target == record_id, AuditEvent.action.in_(reads.CONSENT_ACTIONS)))] \
            if verifier.active and find_deleted else []
        return reads.fold_consents(record_id, events, key, verifier, audited)

    def events_of(self, session: Session, record_ids: list[str]) -> dict[str, list[ConsentEventRow]]:
        """The consent events of these records by record, each record's in the order
        ``events`` reads them (by id), in one read per chunk of ids. Plain rows, which the
        checks and the fold take as they take the ORM's: building the ORM's objects was most
        of this read, a millisecond of each page of the window's list."""
        session.flush()  # what the ORM's query did first: the session's own new events are read too
        events: dict[str, list[ConsentEventRow]] = {}
        for chunk in chunks(record_ids):
            found = session.connection().exec_driver_sql(
                f"{ConsentEventRow.SELECT} WHERE consent_events.record_id IN ({', '.join('?' * len(chunk))}) "
                "ORDER BY consent_events.id", tuple(chunk))
            for item in rows.made(ConsentEventRow, found):
                events.setdefault(item.record_id, []).append(item)
        return events

    def add_event(self, session: Session, row: Record | NewRow, key: bytes | None, consent_id: str, kind: str,
                  at: str, by: str, data: dict[str, Any]) -> str:
        """Append one signed consent event; a non-public record's consent text is sealed with
        its key, only the dates stay readable. Returns the event's digest (audited)."""
        me = self.library.access.current
        record_id: str = row.id
        salt = secrets.token_hex(16) if row.access_level != "public" else ""
        digest = consent.event_digest(salt, record_id, consent_id, kind, at, by, data)
        event = ConsentEvent(record_id=record_id, consent_id=consent_id, kind=kind, at=at, by=by, digest=digest, data=dict(data))
        if row.access_level != "public":
            if key is None:
                raise AccessDenied(f"you cannot record consent on record {record_id}: you cannot open it")
            event.data = consent.plain_part(data)
            event.sealed = sealing.seal_json({"salt": salt, "data": data}, key, record_id, f"consent/{digest}")
        if me is not None:
            profile = session.get(Profile, me.profile_id)
            if profile is None or profile.verify_key != me.verify_key:
                raise AccessDenied(f"{me.name} has no certified signing key (a profile made before kmdesk signed consent): "
                                   "a custodian records this consent")
            event.signature = signatures.sign(me.signing_key, consent.signed_message(record_id, consent_id, kind, at, by,
                                                                                     digest, data))
            event.signed_by = me.name
        session.add(event)
        return digest

    def reseal(self, session: Session, row: Record, old_key: bytes | None, new_key: bytes | None) -> None:
        """Move consent text to the record's new key, or into the clear when it became public;
        the signed digest is unchanged (its salt moves with the text)."""
        for item in session.scalars(select(ConsentEvent).where(ConsentEvent.record_id == row.id)):
            if item.sealed is not None:
                if old_key is None:
                    raise AccessDenied(f"record {row.id} has sealed consent this profile cannot open")
                opened = sealing.open_json(item.sealed, old_key, row.id, f"consent/{item.digest}")
                salt, data = opened["salt"], opened["data"]
            else:
                data = dict(item.data or {})
                salt = str(data.pop("_salt", ""))
            if new_key is not None:
                item.data = consent.plain_part(data)
                item.sealed = sealing.seal_json({"salt": salt, "data": data}, new_key, row.id, f"consent/{item.digest}")
            else:
                item.data = {**data, "_salt": salt} if salt else data
                item.sealed = None

    def upgrade_trust(self, session: Session) -> None:
        """Bring a library up to date with what the profile just unlocked can do: the custodian
        who just made the library key (first unlock of a new library's first profile, or of a
        library from before revision 0005) signs the consent events already there (as they
        stand: trust on first use), and any profile seals the consent text of the non-public
        records it can open."""
        access = self.library.access
        me = access.current
        assert me is not None
        if me.fresh_library_key:
            for item in session.scalars(select(ConsentEvent).where(ConsentEvent.signature.is_(None))):
                data = dict(item.data or {})
                item.digest = consent.event_digest("", item.record_id, item.consent_id, item.kind, item.at, item.by, data)
                item.signature = signatures.sign(me.signing_key, consent.signed_message(
                    item.record_id, item.consent_id, item.kind, item.at, item.by, item.digest, data))
                item.signed_by = me.name
                self.library.audit.record(session, "consent_attest", item.record_id,
                                          {"consent": item.consent_id, "event": item.digest})
            self.library.audit.record(session, "trust_upgrade", me.name)
        if me.library_key is None:  # before any custodian signed what is there: leave it for them
            return
        # IN, not a JOIN with DISTINCT: the DISTINCT compared whole record rows, sealed text and
        # all, and read every row at each unlock of a large library that had nothing to seal
        plain = session.scalars(select(Record).where(
            Record.access_level != "public",
            Record.id.in_(select(ConsentEvent.record_id).where(ConsentEvent.sealed.is_(None))))).all()
        for row in plain:
            try:
                _, key = access.keys.opened(session, row)
            except TamperedData:
                continue
            if key is not None:
                self.reseal(session, row, key, key)
