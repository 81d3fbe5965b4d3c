"""The one door to a library on disk: the SQLite database (the truth), its migrations, and the
derived search index kept in step with it.

A library is a directory::

    library.db      SQLite (WAL, foreign keys on), migrated by Alembic on open
    index/          Whoosh index of public records only (derived; ``reindex`` rebuilds it)
    backups/        a copy of library.db taken before each migration

Every change runs in one transaction that also writes the record's id to ``index_queue``; after
the commit the queue is drained into the index. A crash in between leaves the id queued and the
next open finishes the job, so the index can lag the truth but never silently disagree with it.
"""

from __future__ import annotations

import getpass
import logging
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from kmdesk.core import attachments, audit, consent, localcontexts, records as rec, vault, vocab
from kmdesk.core.access import SYNC_PROTOCOL, Access
from kmdesk.core.outbox import Outbox, Pending, today as outbox_today
from kmdesk.core.errors import AccessDenied, Cancelled, NotFound, StoreError
from kmdesk.core.model import (AuditEvent, Community, ConsentEvent, HistoryEntry, HubProject, IndexQueue, LabelText, Meta,
                               Profile, Protocol, Record, RecordKey, Share, SyncTarget)
from kmdesk.core.search import SearchIndex, SearchResults, record_to_doc

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
Merge = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]
MIGRATIONS = Path(__file__).with_name("migrations")


def _never() -> bool:
    return False


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` in one transaction (rolled back on failure)."""
    with engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINTs; SQLAlchemy emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted plaintext is overwritten, not left in free pages
    cursor.close()


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    return engine


@dataclass
class Drift:
    """What ``check`` found between the store and the index."""

    missing: list[str] = field(default_factory=list)   # in the store, not in the index
    stale: list[str] = field(default_factory=list)     # in both, index holds an older version
    orphans: list[str] = field(default_factory=list)   # in the index, not (or not public) in the store
    queued: int = 0

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.orphans)


class Library:
    """An open library. Thread-safe for one writer at a time (``_write_lock``), as SQLite and
    Whoosh both want; readers use their own sessions."""

    def __init__(self, data_dir: Path, engine: Engine, index: SearchIndex) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self.index = index
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self.system_actor = getpass.getuser() or "local user"
        self.access = Access(self)
        self.outbox = Outbox(self)
        self.private_index: SearchIndex | None = None  # non-public records, in memory while unlocked

    @property
    def actor(self) -> str:
        return self.access.actor

    # -- opening --------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, *, create: bool = True) -> Library:
        data_dir = Path(data_dir)
        db_path = data_dir / "library.db"
        if not db_path.exists() and not create:
            raise NotFound(f"no library at {data_dir}", path=str(data_dir))
        data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(db_path)
        cls._upgrade(engine, db_path)
        library = cls(data_dir, engine, SearchIndex.open(data_dir / "index", create=True))
        library._recover_index()
        return library

    @staticmethod
    def _upgrade(engine: Engine, db_path: Path) -> None:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        head = head_revision()
        if current == head:
            return
        if current is not None:
            backups = db_path.parent / "backups"
            backups.mkdir(exist_ok=True)
            shutil.copy2(db_path, backups / f"library-{current}.db")
        try:
            migrate(engine)
        except Exception as exc:  # a failed migration must say so, not leave a half library
            raise StoreError(f"could not upgrade the library from revision {current} to {head}: {exc}") from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- sessions -------------------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error, then index."""
        with self._write_lock:
            with self._sessions() as session, session.begin():
                yield session
            self._drain_index_queue()

    # -- records --------------------------------------------------------------------------
    def _row(self, session: Session, record_id: str) -> Record:
        row = session.get(Record, record_id)
        if row is None or not self._visible(session, row):
            raise NotFound(f"no record with id {record_id}", id=record_id)
        return row

    def _visible(self, session: Session, row: Record) -> bool:
        """Sacred records are invisible to all but their custodians; other non-public records a
        profile may not open appear as sealed stubs ("restricted knowledge held by ...")."""
        return row.access_level != "sacred" or self.access.may_view(session, row)

    def get(self, record_id: str) -> dict[str, Any]:
        with self.reading() as session:
            row = self._row(session, record_id)
            record = self._to_dict(session, row)
        if row.sealed is not None and not record["sealed"]:
            with self.writing() as session:
                self._audit(session, "view", record_id, {"access": row.access_level})
        return record

    def resolve_id(self, prefix: str) -> str:
        """A full id from a unique prefix, as people type ids at a command line."""
        with self.reading() as session:
            rows = session.scalars(select(Record).where(Record.id.startswith(prefix)).limit(3)).all()
            ids = [row.id for row in rows if self._visible(session, row)]
        if len(ids) != 1:
            raise NotFound(f"no record with id {prefix}" if not ids else f"id prefix {prefix} is ambiguous", id=prefix)
        return ids[0]

    def add(self, data: dict[str, Any], *, by: str | None = None) -> dict[str, Any]:
        clean = rec.normalize(data)
        record_id = data.get("id") or rec.new_id()
        stamp = rec.now()
        with self.writing() as session:
            self.access.require_writer(session)
            if session.get(Record, record_id) is not None:
                raise StoreError(f"a record with id {record_id} already exists", id=record_id)
            self.access.check_access_change(session, None, clean["access"])
            row = Record(id=record_id, revision=1, created_at=stamp, updated_at=stamp)
            session.add(row)
            key = self._write_fields(session, row, clean, rec.protected_part(clean))
            self._history(session, row, key, by, "create", rec.diff({}, clean), stamp)
            session.add(IndexQueue(record_id=record_id))
        return self.get(record_id)

    def _write_fields(self, session: Session, row: Record, clean: dict[str, Any],
                      protected: dict[str, Any]) -> bytes | None:
        """Plain fields to their columns, protected ones through ``Access.seal``; returns the
        record key of a sealed record."""
        rec.apply_to_row(row, {k: v for k, v in clean.items() if k not in rec.PROTECTED_FIELDS})
        session.flush()
        return self.access.seal(session, row, protected)

    def update(self, record_id: str, changes: dict[str, Any], *, by: str | None = None) -> dict[str, Any]:
        clean = rec.normalize(changes, partial=True)
        with self.writing() as session:
            self.access.require_writer(session)
            row = self._row(session, record_id)
            before = self._to_dict(session, row)
            if before.get("sealed"):
                raise AccessDenied("you cannot change a record you cannot open")
            if not self._change(session, row, before, clean, by, "edit"):
                return before
        if before["access"]["level"] == "public" and clean.get("access", {}).get("level", "public") != "public":
            self.index.purge()  # the old public text must leave the on-disk index's segments
        return self.get(record_id)

    def _change(self, session: Session, row: Record, before: dict[str, Any], clean: dict[str, Any],
                by: str | None, action: str) -> bool:
        """Apply normalised changes to an opened record in the caller's transaction (an edit or
        an import's merge): new revision, re-sealing, history, index and outbox."""
        changed = rec.diff(before, clean)
        if not changed:
            return False
        if "access" in clean:
            self.access.check_access_change(session, before["access"], clean["access"])
        stamp = rec.now()
        protected = {**rec.protected_part(before), **{k: v for k, v in clean.items() if k in rec.PROTECTED_FIELDS}}
        row.revision += 1
        row.updated_at = stamp
        old_key = self.access.record_key(session, row)
        key = self._write_fields(session, row, clean, protected)
        self._reseal_history(session, row, old_key, key)
        self._history(session, row, key, by, action, changed, stamp)
        session.merge(IndexQueue(record_id=row.id))
        session.flush()
        self.outbox.queue(session, row.id)
        return True

    def delete(self, record_id: str, *, by: str | None = None) -> None:
        with self.writing() as session:
            self.access.require_writer(session)
            row = self._row(session, record_id)
            before = self._to_dict(session, row)
            if before.get("sealed"):
                raise AccessDenied("you cannot delete a record you cannot open")
            # the record's key goes with it: a sealed record's deletion entry keeps field names only
            self._history(session, row, None, by, "delete", {"title": [before["title"], None]}, rec.now())
            attachments.forget(self, session, record_id)
            session.delete(row)
            session.merge(IndexQueue(record_id=record_id))
            session.flush()
            self.outbox.queue(session, record_id)
            session.execute(delete(Share).where(Share.record_id == record_id))

    def history(self, record_id: str) -> list[dict[str, Any]]:
        with self.reading() as session:
            row = session.get(Record, record_id)
            key = self.access.record_key(session, row) if row is not None else None
            entries = session.scalars(
                select(HistoryEntry).where(HistoryEntry.record_id == record_id).order_by(HistoryEntry.id)
            ).all()
            out = []
            for h in entries:
                changes = h.changes
                if h.sealed is not None and key is not None:
                    changes = vault.open_json(h.sealed, key, record_id, "history")
                out.append({"at": h.at, "by": h.by, "action": h.action, "changes": changes, "sealed": h.sealed is not None and key is None})
            return out

    def _history(self, session: Session, row: Record, key: bytes | None, by: str | None, action: str,
                 changes: dict[str, Any], at: str) -> None:
        """Record who changed what. For a sealed record the values are sealed with the record's
        key; the plain column keeps only the names of the fields that changed."""
        entry = HistoryEntry(record_id=row.id, at=at, by=by or self.actor, action=action, changes=changes)
        if row.access_level != "public":
            entry.changes = {name: None for name in changes}
            if key is not None:
                entry.sealed = vault.seal_json(changes, key, row.id, "history")
        session.add(entry)

    def _reseal_history(self, session: Session, row: Record, old_key: bytes | None, new_key: bytes | None) -> None:
        """After a record got a new key (or became public or private), bring its history and its
        attachments along: values move into or out of the sealed envelope so no old plaintext is
        left behind."""
        for entry in session.scalars(select(HistoryEntry).where(HistoryEntry.record_id == row.id)):
            if entry.sealed is not None:
                if old_key is None:
                    continue
                values = vault.open_json(entry.sealed, old_key, row.id, "history")
            else:
                values = entry.changes
            if new_key is not None:
                entry.changes = {name: None for name in values}
                entry.sealed = vault.seal_json(values, new_key, row.id, "history")
            else:
                entry.changes, entry.sealed = values, None
        attachments.reseal(self, session, row, old_key, new_key)

    def _to_dict(self, session: Session, row: Record) -> dict[str, Any]:
        revealed = self.access.reveal(session, row) if row.sealed is not None else None
        record = rec.row_to_dict(row, revealed)
        record["consents"] = self._consents(session, row.id)
        return record

    def iter_records(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every record the current profile may know of, in id order, a batch at a time.
        Records it may not open come as sealed stubs (``sealed`` true, no text)."""
        last = ""
        while True:
            with self.reading() as session:
                rows = session.scalars(select(Record).where(Record.id > last).order_by(Record.id).limit(batch)).all()
                items = [self._to_dict(session, row) for row in rows if self._visible(session, row)]
                last = rows[-1].id if rows else last
            if not rows:
                return
            yield from items

    def records(self, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """These records as ``iter_records`` gives them, in one read: a page of a list. As for
        ``iter_records``, listing is not reading, so no view is audited. Deleted and hidden
        records are absent."""
        with self.reading() as session:
            rows = session.scalars(select(Record).where(Record.id.in_(set(record_ids)))).all()
            return {row.id: self._to_dict(session, row) for row in rows if self._visible(session, row)}

    def titles(self, record_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """The titles of these records as the current profile may see them (sealed stubs: none),
        in one read, to name them in a list; as for the library's own list, naming is not reading,
        so no view is audited. Deleted and hidden records are absent."""
        with self.reading() as session:
            rows = session.scalars(select(Record).where(Record.id.in_(set(record_ids)))).all()
            return {row.id: rec.row_to_dict(row, self.access.reveal(session, row)).get("title") or {}
                    for row in rows if self._visible(session, row)}

    def count(self) -> int:
        """How many records the current profile may know of (sacred ones only for custodians)."""
        with self.reading() as session:
            others = session.scalar(select(func.count()).select_from(Record).where(Record.access_level != "sacred")) or 0
            sacred = session.scalars(select(Record).where(Record.access_level == "sacred")).all()
            return others + sum(1 for row in sacred if self._visible(session, row))

    # -- consent (FPIC) ---------------------------------------------------------------------
    def _consents(self, session: Session, record_id: str) -> list[dict[str, Any]]:
        """Fold the append-only consent events into consent records, oldest first."""
        consents: dict[str, dict[str, Any]] = {}
        for item in session.scalars(select(ConsentEvent).where(ConsentEvent.record_id == record_id).order_by(ConsentEvent.id)):
            if item.kind == "grant":
                consents[item.consent_id] = {**item.data, "id": item.consent_id, "recorded_at": item.at, "recorded_by": item.by}
            elif item.consent_id in consents:
                consents[item.consent_id].update(item.data)
        return list(consents.values())

    def grant_consent(self, record_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """Append an FPIC consent record (custodians only: it is the community's decision)."""
        clean = consent.normalize_consent(data)
        with self.writing() as session:
            self.access.require("custodian")
            self._row(session, record_id)
            consent_id = clean.pop("id", None) or rec.new_id()
            session.add(ConsentEvent(record_id=record_id, consent_id=consent_id, kind="grant", at=rec.now(), by=self.actor, data=clean))
            self._audit(session, "consent_grant", record_id, {"consent": consent_id, "scope": clean["scope"]})
            self.after_consent_change(session, record_id)
        return next(c for c in self.consents(record_id) if c["id"] == consent_id)

    def withdraw_consent(self, record_id: str, *, by: str, reason: str | None = None, on: str | None = None,
                         consent_id: str | None = None) -> list[str]:
        """Withdraw one consent, or every consent still standing; returns the ids withdrawn."""
        with self.writing() as session:
            self.access.require("custodian")
            self._row(session, record_id)
            standing = [c for c in self._consents(session, record_id) if not c.get("withdrawn_on")]
            chosen = [c for c in standing if consent_id in (None, c["id"])]
            if not chosen:
                raise NotFound(f"no standing consent {consent_id or ''} on record {record_id}".replace("  ", " "))
            stamp = rec.now()
            for item in chosen:
                session.add(ConsentEvent(record_id=record_id, consent_id=item["id"], kind="withdraw", at=stamp, by=self.actor,
                                         data={"withdrawn_on": on or stamp[:10], "withdrawn_by": by, "withdrawal_reason": reason}))
                self._audit(session, "consent_withdraw", record_id, {"consent": item["id"]})
            self.after_consent_change(session, record_id)
            return [c["id"] for c in chosen]

    def consents(self, record_id: str) -> list[dict[str, Any]]:
        with self.reading() as session:
            self._row(session, record_id)
            return self._consents(session, record_id)

    def after_consent_change(self, session: Session, record_id: str) -> None:
        """What depends on consent follows in the same transaction: the outbox and the index."""
        session.merge(IndexQueue(record_id=record_id))
        session.flush()
        self.outbox.queue(session, record_id)

    # -- audit log ------------------------------------------------------------------------
    def _audit(self, session: Session, action: str, target: str = "", details: dict[str, Any] | None = None) -> None:
        """Append a hash-chained event in the caller's transaction. ``details`` never carries
        record text: ids, codes and counts only."""
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
        event = audit.AuditEvent(seq=(last.seq + 1) if last else 1, at=rec.now(), actor=self.actor,
                                 action=action, target=target, details=details or {})
        digest = audit.event_hash(last.hash if last else audit.GENESIS, event)
        session.add(AuditEvent(seq=event.seq, at=event.at, actor=event.actor, action=action, target=target,
                               details=event.details, hash=digest))

    def audit_log(self) -> list[dict[str, Any]]:
        with self.reading() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            return [{"seq": r.seq, "at": r.at, "actor": r.actor, "action": r.action, "target": r.target,
                     "details": r.details, "hash": r.hash} for r in rows]

    def verify_audit(self) -> audit.VerifyResult:
        with self.reading() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            return audit.verify_chain((audit.AuditEvent(seq=r.seq, at=r.at, actor=r.actor, action=r.action,
                                                        target=r.target, details=r.details), r.hash) for r in rows)

    # -- profiles, locking ----------------------------------------------------------------
    def unlock(self, name: str, passphrase: str) -> None:
        """Open a profile's keys; a wrong passphrase is audited and raised. Builds the in-memory
        index of the non-public records this profile may read."""
        with self._write_lock:
            try:
                with self.reading() as session:
                    self.access.unlock(session, name, passphrase)
            except vault.WrongPassphrase:
                with self.writing() as session:
                    self._audit(session, "unlock_failed", name)
                raise
            with self.writing() as session:
                self._audit(session, "unlock", name)
            self._build_private_index()

    def unlocked_profile(self) -> dict[str, Any] | None:
        """Who is unlocked (name, roles, protocols held, communities), None when locked: what
        a face shows and offers, read from memory (no keys leave ``Access``)."""
        viewer = self.access.viewer()
        if viewer is None:
            return None
        return {"name": viewer.name, "roles": sorted(viewer.roles), "protocols": sorted(viewer.protocols),
                "communities": sorted(viewer.communities)}

    def lock(self) -> None:
        """Forget every key and the in-memory index of non-public records."""
        with self._write_lock:
            self.access.lock()
            self.private_index = None

    def _build_private_index(self) -> None:
        index = SearchIndex.in_memory()
        index.update(record_to_doc(r) for r in self.iter_records() if self._privately_indexable(r))
        self.private_index = index

    def create_profile(self, name: str, passphrase: str, roles: list[str]) -> None:
        with self.writing() as session:
            self.access.create_profile(session, name, passphrase, roles)
            self._audit(session, "profile_create", name, {"roles": roles})

    def change_passphrase(self, name: str, old: str, new: str) -> None:
        with self.writing() as session:
            self.access.change_passphrase(session, name, old, new)
            self._audit(session, "passphrase_change", name)

    def profiles(self) -> list[dict[str, Any]]:
        with self.reading() as session:
            return [{"name": p.name, "roles": list(p.roles), "created_at": p.created_at,
                     "protocols": sorted(m.protocol.name for m in p.memberships)}
                    for p in session.scalars(select(Profile).order_by(Profile.name))]

    def has_profiles(self) -> bool:
        with self.reading() as session:
            return self.access.has_profiles(session)

    def add_community(self, name: str, country: str | None = None, description: dict[str, str] | None = None) -> None:
        with self.writing() as session:
            self.access.add_community(session, name, country, description)
            self._audit(session, "community_add", name)

    def communities(self) -> list[dict[str, Any]]:
        with self.reading() as session:
            return [{"name": c.name, "country": c.country, "description": c.description}
                    for c in session.scalars(select(Community).order_by(Community.name))]

    def add_protocol(self, name: str, *, community: str | None = None, kind: str = "strict",
                     description: dict[str, str] | None = None) -> None:
        with self.writing() as session:
            self.access.add_protocol(session, name, community=community, kind=kind, description=description)
            self._audit(session, "protocol_add", name, {"kind": kind})

    def protocols(self) -> list[dict[str, Any]]:
        """Every protocol with its members and how many records it holds (what removing a
        member re-seals); names are not secret, keys are."""
        with self.reading() as session:
            holding: dict[str, set[str]] = {}
            for record_id, ref in session.execute(select(RecordKey.record_id, RecordKey.holder_ref)
                                                  .where(RecordKey.holder.in_(("protocol", "all")))):
                for protocol_id in ref.split(","):
                    holding.setdefault(protocol_id, set()).add(record_id)
            return [{"name": p.name, "community": p.community, "kind": p.kind, "is_community": p.is_community,
                     "description": p.description, "key_version": p.key_version,
                     "members": sorted(m.profile.name for m in p.members),
                     "records": len(holding.get(str(p.id), ()))}
                    for p in session.scalars(select(Protocol).order_by(Protocol.name))]

    def add_member(self, protocol: str, profile: str) -> None:
        with self.writing() as session:
            self.access.add_member(session, protocol, profile)
            self._audit(session, "member_add", protocol, {"profile": profile})
        self._rebuild_private_index_if_unlocked()

    def remove_member(self, protocol: str, profile: str) -> int:
        """Remove a member; the protocol key is rotated and its records re-sealed."""
        with self.writing() as session:
            resealed = self.access.remove_member(session, protocol, profile)
            self._audit(session, "member_remove", protocol, {"profile": profile, "resealed": resealed})
        self._rebuild_private_index_if_unlocked()
        return resealed

    def _rebuild_private_index_if_unlocked(self) -> None:
        if self.access.unlocked:
            self._build_private_index()

    # -- sync targets and sharing ----------------------------------------------------------
    def add_target(self, name: str, kind: str, url: str, *, settings: dict[str, Any] | None = None,
                   credentials: dict[str, str] | None = None) -> None:
        """Add a CHM target; its credentials are sealed under the library's sync-credentials
        protocol, whose key the custodians who sync hold."""
        with self.writing() as session:
            self.access.require("custodian")
            sealed = None
            if credentials:
                protocol = session.scalar(select(Protocol).where(Protocol.name == SYNC_PROTOCOL)) or \
                    self.access.add_protocol(session, SYNC_PROTOCOL, kind="strict")
                sealed = vault.seal_json(credentials, self.access._held_key(protocol), f"target:{name}", "credentials")
            self.outbox.add_target(session, name, kind, url, settings or {}, sealed)
            self._audit(session, "target_add", name, {"kind": kind, "url": url})

    def targets(self) -> list[dict[str, Any]]:
        with self.reading() as session:
            return [{"name": t.name, "kind": t.kind, "url": t.url, "settings": t.settings,
                     "has_credentials": t.credentials is not None, "pending": len(self.outbox.pending(session, t.name))}
                    for t in session.scalars(select(SyncTarget).order_by(SyncTarget.name))]

    def target(self, name: str | None = None) -> dict[str, Any]:
        """A target with its credentials opened (needs an unlocked member of the sync protocol)."""
        with self.reading() as session:
            target = self.outbox.target(session, name)
            credentials: dict[str, str] = {}
            if target.credentials:
                protocol = self.access.protocol(session, SYNC_PROTOCOL)
                credentials = vault.open_json(target.credentials, self.access._held_key(protocol), f"target:{target.name}", "credentials")
            return {"name": target.name, "kind": target.kind, "url": target.url, "settings": dict(target.settings),
                    "credentials": credentials}

    def share(self, record_ids: Iterable[str], target: str | None = None) -> None:
        """Select records for sharing with a target; whether they go is still computed."""
        with self.writing() as session:
            self.access.require_writer(session)
            name = self.outbox.target(session, target).name
            for record_id in record_ids:
                self._row(session, record_id)
                self.outbox.share(session, record_id, name, self.actor)
                self._audit(session, "share", record_id, {"target": name})

    def unshare(self, record_ids: Iterable[str], target: str | None = None) -> None:
        with self.writing() as session:
            self.access.require_writer(session)
            name = self.outbox.target(session, target).name
            for record_id in record_ids:
                self.outbox.unshare(session, record_id, name)
                self._audit(session, "unshare", record_id, {"target": name})

    def eligibility(self, record_id: str, target: str | None = None) -> dict[str, Any]:
        """The consent rules' verdict for one record and target, with every reason."""
        with self.reading() as session:
            row = self._row(session, record_id)
            record = rec.row_to_dict(row)
            record["consents"] = self._consents(session, record_id)
            names = [target] if target else list(session.scalars(select(SyncTarget.name)))
            out = {}
            for name in names or [None]:
                verdict = self.outbox.eligibility(session, record, name) if name else \
                    consent.sharing_eligibility(record, selected=False, today=outbox_today(), label_vocab=vocab.label_vocab())
                out[name or ""] = {"eligible": verdict.eligible,
                                   "reasons": [{"code": r.code, "params": dict(r.params)} for r in verdict.reasons]}
            return out

    def outbox_entries(self, target: str | None = None) -> list[Pending]:
        with self.reading() as session:
            names = [target] if target else list(session.scalars(select(SyncTarget.name)))
            return [entry for name in names for entry in self.outbox.pending(session, name)]

    def sync_states(self, record_id: str) -> list[dict[str, Any]]:
        with self.reading() as session:
            return self.outbox.states(session, record_id)

    # -- what the sync runner calls --------------------------------------------------------
    def sync_record(self, record_id: str, target: str) -> tuple[dict[str, Any] | None, Any]:
        """The record as it should go out now, and the consent rules' verdict re-checked at send
        time (consent may have expired while the laptop was offline). None when deleted."""
        with self.reading() as session:
            row = session.get(Record, record_id)
            if row is None:
                return None, None
            record = rec.row_to_dict(row)
            record["consents"] = self._consents(session, record_id)
            return record, self.outbox.eligibility(session, record, target)

    def sync_attempt(self, entry_id: int) -> None:
        with self.writing() as session:
            self.outbox.note_attempt(session, entry_id)

    def sync_done(self, entry: Pending, status: str, *, message: str | None = None,
                  remote_revision: str | None = None, pushed_revision: int | None = None) -> None:
        with self.writing() as session:
            self.outbox.finish(session, entry.id, entry.record_id, entry.target, status, message=message,
                               remote_revision=remote_revision, pushed_revision=pushed_revision)
            self._audit(session, f"sync_{status}", entry.record_id, {"target": entry.target, "op": entry.op})

    def sync_retry_later(self, entry: Pending, error: str, next_attempt_at: str) -> None:
        with self.writing() as session:
            self.outbox.retry_later(session, entry.id, error, next_attempt_at)

    def sync_failures(self, target: str) -> list[dict[str, Any]]:
        """Records the target rejected, with its reasons (shown until the record changes)."""
        with self.reading() as session:
            return self.outbox.failures(session, target)

    # -- Local Contexts Hub projects ---------------------------------------------------------
    def import_hub_project(self, data: dict[str, Any]) -> localcontexts.HubProject:
        """Cache a Hub project (from a file or fetched online) with the community's own label
        wording and language, for offline use."""
        project = localcontexts.parse_project(data)
        with self.writing() as session:
            self.access.require_writer(session)
            session.merge(HubProject(unique_id=project.unique_id, title=project.title, fetched_at=rec.now(), data=data))
            session.execute(delete(LabelText).where(LabelText.project_id == project.unique_id))
            for label in project.labels + project.notices:
                session.add(LabelText(project_id=project.unique_id, code=label.code, name=label.name, text=label.text,
                                      language=label.language, community=label.community))
            self._audit(session, "labels_import", project.unique_id, {"labels": project.codes})
        return project

    def hub_projects(self) -> list[dict[str, Any]]:
        with self.reading() as session:
            out = []
            for project in session.scalars(select(HubProject).order_by(HubProject.title)):
                texts = session.scalars(select(LabelText).where(LabelText.project_id == project.unique_id)).all()
                out.append({"unique_id": project.unique_id, "title": project.title, "fetched_at": project.fetched_at,
                            "codes": [t.code for t in texts],
                            "labels": [{"code": t.code, "name": t.name, "text": t.text, "language": t.language,
                                        "community": t.community} for t in texts]})
            return out

    # -- import / export of kmdesk's own format ------------------------------------------
    def import_records(self, items: Iterable[dict[str, Any]], *, total: int | None = None,
                       progress: Progress | None = None, cancel: CancelToken = _never,
                       by: str | None = None, merges: dict[int, tuple[str, Merge]] | None = None,
                       finish: Callable[[Session, list[dict[str, Any]]], None] | None = None,
                       structure: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Insert records exactly as given (ids, timestamps, history, consents) in ONE
        transaction: a cancel or an error in the middle leaves the library as it was. Returns
        one report row per item: ``{"index", "id", "status": imported|skipped|merged|error, "reason"}``.
        ``merges`` maps an item's index to (existing id, function of (existing record, item) ->
        changes): that item is merged into the existing record instead. ``structure`` (a library
        file's ``communities`` and ``protocols``, a custodian's job) is created first, in the same
        transaction. ``finish`` runs in it after the last item (an archive adds its attachments there)."""
        report: list[dict[str, Any]] = []
        with self.writing() as session:
            self.access.require_writer(session)
            if structure:
                self._import_structure(session, structure)
            existing = set(session.scalars(select(Record.id)).all())
            for index, item in enumerate(items):
                if cancel():
                    raise Cancelled()
                if merges and index in merges:
                    report.append(self._merge_one(session, index, item, *merges[index], by))
                else:
                    report.append(self._import_one(session, index, item, existing, by))
                if progress:
                    progress(index + 1, total)
            if finish:
                finish(session, report)
            self._audit(session, "import", "", {"records": sum(1 for r in report if r["status"] == "imported")})
        return report

    def _import_one(self, session: Session, index: int, item: dict[str, Any], existing: set[str],
                    by: str | None) -> dict[str, Any]:
        record_id = item.get("id") or rec.new_id()
        if record_id in existing:
            return {"index": index, "id": record_id, "status": "skipped", "reason": "a record with this id is already in the library"}
        try:
            clean = rec.normalize(item)
            consents = [consent.normalize_consent(c) for c in item.get("consents") or []]
            with session.begin_nested():  # one bad record rolls back alone
                self.access.check_access_change(session, None, clean["access"])
                stamp = rec.now()
                row = Record(id=record_id, revision=int(item.get("revision") or 1),
                             created_at=item.get("created_at") or stamp, updated_at=item.get("updated_at") or stamp)
                session.add(row)
                key = self._write_fields(session, row, clean, rec.protected_part(clean))
                history = item.get("history") or [{"at": stamp, "by": by or self.actor, "action": "import", "changes": {}}]
                for entry in history:
                    self._history(session, row, key, entry["by"], entry["action"], entry.get("changes") or {}, entry["at"])
                for data in consents:
                    self._import_consent(session, record_id, data)
                session.add(IndexQueue(record_id=record_id))
        except Exception as exc:  # report the row, keep going
            return {"index": index, "id": record_id, "status": "error", "reason": str(exc)}
        existing.add(record_id)
        return {"index": index, "id": record_id, "status": "imported", "reason": None}

    def _import_structure(self, session: Session, data: dict[str, Any]) -> None:
        """A library file's communities and protocols that this library lacks."""
        for item in data.get("communities") or []:
            if not session.scalar(select(Community.id).where(Community.name == item["name"])):
                self.access.add_community(session, item["name"], item.get("country"), item.get("description"))
        for item in data.get("protocols") or []:
            if not session.scalar(select(Protocol.id).where(Protocol.name == item["name"])):
                self.access.add_protocol(session, item["name"], community=item.get("community"),
                                         kind=item.get("kind", "strict"), description=item.get("description"))

    def _merge_one(self, session: Session, index: int, item: dict[str, Any], target: str, merge: Merge,
                   by: str | None) -> dict[str, Any]:
        try:
            with session.begin_nested():
                row = self._row(session, target)
                before = self._to_dict(session, row)
                if before.get("sealed"):
                    raise AccessDenied("you cannot merge into a record you cannot open")
                changes = rec.normalize(merge(before, item), partial=True)
                changed = self._change(session, row, before, changes, by, "merge")
        except Exception as exc:  # report the row, keep going
            return {"index": index, "id": target, "status": "error", "reason": str(exc)}
        return {"index": index, "id": target, "status": "merged",
                "reason": f"merged into {target}" if changed else f"nothing new for {target}"}

    def _import_consent(self, session: Session, record_id: str, data: dict[str, Any]) -> None:
        consent_id = data.get("id") or rec.new_id()
        withdrawal = {k: data.pop(k, None) for k in ("withdrawn_on", "withdrawn_by", "withdrawal_reason")}
        grant = {k: v for k, v in data.items() if k not in ("id", "recorded_at", "recorded_by")}
        at = data.get("recorded_at") or rec.now()
        by = data.get("recorded_by") or self.actor
        session.add(ConsentEvent(record_id=record_id, consent_id=consent_id, kind="grant", at=at, by=by, data=grant))
        if withdrawal["withdrawn_on"]:
            session.add(ConsentEvent(record_id=record_id, consent_id=consent_id, kind="withdraw", at=at, by=by, data=withdrawal))

    def import_library(self, data: dict[str, Any], *, progress: Progress | None = None,
                       cancel: CancelToken = _never) -> dict[str, Any]:
        """Import a library file (``library_file.read``): communities and protocols first (a
        custodian's job), then its records, with a row-by-row report, all in one transaction."""
        items = data["records"]
        rows = self.import_records(items, total=len(items), progress=progress, cancel=cancel, structure=data)
        counts: dict[str, int] = {}
        for row in rows:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        return {"rows": rows, "counts": counts}

    # -- search index ---------------------------------------------------------------------
    @staticmethod
    def _indexable(record: dict[str, Any]) -> bool:
        """Only public records reach the on-disk index (DESIGN §3)."""
        return record["access"]["level"] == "public"

    @staticmethod
    def _privately_indexable(record: dict[str, Any]) -> bool:
        return record["access"]["level"] != "public" and not record.get("sealed")

    def _drain_index_queue(self, batch: int = 500) -> None:
        """Index what the queue holds, ``batch`` records at a time, so a 10,000-record import
        never holds every record and its index document in memory at once."""
        with self._write_lock:
            while True:
                with self.reading() as session:
                    ids = session.scalars(select(IndexQueue.record_id).limit(batch)).all()
                    if not ids:
                        return
                    found = {row.id: self._to_dict(session, row) for row in
                             session.scalars(select(Record).where(Record.id.in_(ids))) if self._visible(session, row)}
                self._index_batch(ids, found)

    def _index_batch(self, ids: list[str], found: dict[str, dict[str, Any]]) -> None:
        """Bring the index entries of ``ids`` in line with ``found`` (the caller holds the write lock)."""
        public = [r for r in found.values() if self._indexable(r)]
        self.index.delete([i for i in ids if i not in found or not self._indexable(found[i])])
        self.index.update(self._public_docs(public))
        if self.private_index is not None:
            private = [r for r in found.values() if self._privately_indexable(r)]
            self.private_index.delete([i for i in ids if i not in found or not self._privately_indexable(found[i])])
            self.private_index.update(record_to_doc(r) for r in private)
        with self._sessions() as session, session.begin():
            session.execute(delete(IndexQueue).where(IndexQueue.record_id.in_(ids)))

    def _public_docs(self, records: Iterable[dict[str, Any]], batch: int = 500) -> Iterator[dict[str, Any]]:
        """Index documents of public records: the text extracted from their attached PDFs and
        plain-text files is searchable with them (read a batch of records at a time)."""
        records = iter(records)
        while chunk := list(islice(records, batch)):
            with self.reading() as session:
                texts = attachments.public_texts(session, [record["id"] for record in chunk])
            for record in chunk:
                doc = record_to_doc(record)
                if record["id"] in texts:
                    doc["text"] = "\n".join([doc["text"], *texts[record["id"]]])
                yield doc

    def _recover_index(self) -> None:
        """Finish indexing left over by a crash; an empty index over a store that has public
        records is rebuilt (the index directory may have been deleted by hand)."""
        with self.reading() as session:
            public = session.scalar(select(func.count()).select_from(Record).where(Record.access_level == "public")) or 0
        if self.index.doc_count() == 0 and public:
            self.reindex()
        else:
            self._drain_index_queue()

    def search(self, query: str, **options: Any) -> SearchResults:
        """Search public records on disk and, while unlocked, the non-public ones this profile
        may read (held only in memory); hits and facet counts are merged by score."""
        results = self.index.search(query, **options)
        if self.private_index is None:
            return results
        return results.merged(self.private_index.search(query, **options), limit=options.get("limit", 50))

    def check(self) -> Drift:
        """Compare the index with the store: every public record indexed at its revision."""
        self._drain_index_queue()
        with self.reading() as session:
            truth = dict(session.execute(select(Record.id, Record.revision).where(Record.access_level == "public")).all())
            queued = session.scalar(select(func.count()).select_from(IndexQueue)) or 0
        truth = {key: str(value) for key, value in truth.items()}
        indexed = {key: str(value) for key, value in self.index.versions().items()}
        return Drift(
            missing=sorted(set(truth) - set(indexed)),
            stale=sorted(i for i in truth.keys() & indexed.keys() if truth[i] != indexed[i]),
            orphans=sorted(set(indexed) - set(truth)),
            queued=queued,
        )

    def reindex(self, progress: Progress | None = None, cancel: CancelToken = _never) -> int:
        """Rebuild the on-disk index from the store's public records; a cancel keeps the old one."""
        with self._write_lock:
            with self.reading() as session:
                total = session.scalar(select(func.count()).select_from(Record).where(Record.access_level == "public")) or 0
            docs = self._public_docs(self._public_records())
            self.index.rebuild(docs, total=total, progress=progress, cancel=cancel)
            with self._sessions() as session, session.begin():
                session.execute(delete(IndexQueue))
            return total

    def _public_records(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        last = ""
        while True:
            with self.reading() as session:
                rows = session.scalars(select(Record).where(Record.id > last, Record.access_level == "public")
                                       .order_by(Record.id).limit(batch)).all()
                items = [rec.row_to_dict(row) for row in rows]
            if not items:
                return
            yield from items
            last = items[-1]["id"]

    # -- small library settings -----------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        with self.reading() as session:
            row = session.get(Meta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.writing() as session:
            session.merge(Meta(key=key, value=value))
