"""The one door to a library on disk: ``Library`` opens and closes it, unlocks and locks it,
gives out its sessions and transactions, and owns the managers that do the rest.

A library is a directory::

    library.db      SQLite (WAL, foreign keys on), migrated by Alembic on open (``store.engine``)
    index/          Tantivy index of public records only (derived; ``library.index.reindex`` rebuilds it)
    backups/        a copy of library.db taken before each migration (``store.backups``)

What a library holds is asked of its managers: ``records`` (``trash``: deleted ones), ``history``, ``consent``,
``audit``, ``access`` (profiles, communities, protocols, memberships; ``access.keys`` opens and
seals records), ``sync`` (targets, sharing, the outbox), ``index`` (the search indexes and their
queue), ``imports`` and ``labels`` (Local Contexts). A library kmdesk cannot write to opens
read-only: ``Library.read_only``, and every change refused with ``ReadOnlyLibrary``.
"""

from __future__ import annotations

import getpass
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from kmdesk.core.chm.sync_manager import SyncManager
from kmdesk.core.errors import (
    NotFound,
    ReadOnlyLibrary,
    StoreError,
    TamperedData,
    UntrustedKey,
    WrongPassphrase,
)
from kmdesk.core.io.import_manager import ImportManager
from kmdesk.core.io.label_manager import LabelManager
from kmdesk.core.search.index_manager import Drift, IndexManager
from kmdesk.core.store import attachments
from kmdesk.core.store import engine as store_engine
from kmdesk.core.store.history_manager import HistoryManager
from kmdesk.core.store.model import Meta, Record
from kmdesk.core.store.record_manager import RecordManager
from kmdesk.core.store.trash_manager import TrashManager
from kmdesk.core.trust import row_check, row_signing, witness
from kmdesk.core.trust.access import Access
from kmdesk.core.trust.audit_log import AuditLog
from kmdesk.core.trust.consent_manager import ConsentManager
from kmdesk.core.trust.witness import Head

log = logging.getLogger(__name__)


@dataclass
class Integrity:
    """What ``Library.integrity`` found: the records that fail their check (id, problem, other
    copies), and how many sealed records this profile cannot open: their consent and access
    level were checked, not their content nor the access block sealed with it (a locked
    ``check`` said nothing of them)."""

    damaged: list[dict[str, Any]]
    unopened: int
    rows: list[dict[str, Any]] = field(default_factory=list)  # other rows and files that fail (``row_check``)
    unsigned: bool = False  # the library's rows wait for a custodian's unlock to be signed (``upgrade``)


class Library:
    """An open library. Thread-safe for one writer at a time (``write_lock``), as SQLite and
    Tantivy both want; readers use their own sessions."""

    def __init__(self, data_dir: Path, engine: Engine) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.write_lock = threading.RLock()
        self.system_actor = getpass.getuser() or "local user"
        self.upgrade_backup: Path | None = None  # the copy taken before this open upgraded the schema
        self.read_only = False  # set by ``open`` when kmdesk cannot write to the library
        self.rollback: list[str] = []  # what went back since this user last saw the library (``witness``)
        self.access = Access(self)
        row_signing.install(self._sessions, self.access.row_signer, self.access.forget_verifier)
        self.records = RecordManager(self)
        self.trash = TrashManager(self)
        self.history = HistoryManager(self)
        self.consent = ConsentManager(self)
        self.audit = AuditLog(self)
        self.sync = SyncManager(self)
        self.index = IndexManager(self)
        self.imports = ImportManager(self)
        self.labels = LabelManager(self)

    # -- opening and closing ----------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, *, create: bool = True) -> Library:
        """Open (or, with ``create``, make) the library in ``data_dir``; read-only when kmdesk
        cannot write there (``engine.writable``)."""
        data_dir = Path(data_dir)
        db_path = data_dir / "library.db"
        if not db_path.exists() and not create:
            raise NotFound(f"no library at {data_dir}", path=str(data_dir))
        read_only = db_path.exists() and not store_engine.writable(data_dir)
        if read_only:
            log.warning("the library at %s cannot be written to: opened read-only", data_dir)
        else:
            try:
                store_engine.create_private(db_path)
            except OSError as exc:
                raise StoreError(f"cannot create a library in {data_dir}: {exc.strerror or exc}",
                                 path=str(data_dir)) from exc
        engine = store_engine.make_engine(db_path, read_only=read_only)
        upgrade_backup = store_engine.upgrade(engine, db_path, read_only=read_only)
        library = cls(data_dir, engine)
        library.upgrade_backup = upgrade_backup
        library.read_only = read_only
        library.rollback = library.witness()
        if library.rollback:
            log.warning("the library at %s is older than when it was last seen here: %s", data_dir, "; ".join(library.rollback))
        return library

    def witness(self) -> list[str]:
        """Compare this library's head with the newest one seen outside its folder, remember the
        newer, and say what went back (``trust.witness``)."""
        with self.reading() as session:
            return witness.observe(self.access.library_id(), self._head(session))

    def _head(self, session: Session) -> Head:
        return witness.read(lambda sql: [dict(row) for row in session.execute(sql_text(sql)).mappings()],
                            self.access.verifier(session))

    def rows_unsigned(self) -> bool:
        """Whether this library's rows wait for a custodian's unlock to be signed (``trust.upgrade``):
        until then they are untrusted."""
        with self.reading() as session:
            verifier = self.access.verifier(session)
            return verifier.active and not verifier.signed

    def accept_rollback(self) -> None:
        """A custodian restored an older copy on purpose: remember it as the newest state."""
        self.access.require("custodian")
        with self.reading() as session:
            witness.accept(self.access.library_id(), self._head(session))
        self.rollback = []

    def refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ReadOnlyLibrary(f"the library at {self.data_dir} is read-only (kmdesk cannot write to its folder "
                                  "or medium): it can be searched and read, not changed; copy the folder to a "
                                  "writable place to change it", path=str(self.data_dir))

    def close(self) -> None:
        with self.write_lock:
            self.index.seal_if_changed()
            self.witness()
        self.engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- sessions ---------------------------------------------------------------------------------
    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error, then index. A
        read-only library refuses it (``ReadOnlyLibrary``) before anything is read."""
        self.refuse_if_read_only()
        with self.write_lock:
            with self._sessions() as session, session.begin():
                yield session
            self.index.drain()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction, committed on success, with neither the write lock nor
        the index's drain: for what composes those itself (the index, the import transaction)."""
        with self._sessions() as session, session.begin():
            yield session

    # -- unlocking and locking --------------------------------------------------------------------
    def unlock(self, name: str, passphrase: str) -> None:
        """Open a profile's keys; a wrong passphrase is audited and raised. The first unlock
        after the upgrade to 0005 settles the library's trust (``ConsentManager.upgrade_trust``).
        Opens the index of the non-public records this profile may read. A read-only library
        unlocks without changing (nor auditing) anything. A profile whose key pair went back
        since this user last saw it (``witness.profile_went_back``) is refused."""
        went_back = witness.profile_went_back(self.rollback, name)
        if went_back:
            raise UntrustedKey(f"profile {name} is not unlocked: {went_back[len('profile: '):]}, so a passphrase change "
                               "was undone outside kmdesk; if a backup was restored on purpose, another custodian "
                               "accepts it ('kmdesk check --accept-rollback'), or remove this library's file in the "
                               "rollback witness folder of your state directory", profile=name)
        with self.write_lock:
            try:
                if self.read_only:  # opened as it is: a first unlock that must settle trust is refused at the flush
                    with self.reading() as session:
                        self.access.unlock(session, name, passphrase)
                        session.flush()
                    self.audit.record_now("unlock", name)
                else:
                    with self.writing() as session:
                        self.access.unlock(session, name, passphrase)
                        self.consent.upgrade_trust(session)
                        self.audit.record(session, "unlock", name)
            except WrongPassphrase:
                self.audit.record_now("unlock_failed", name)
                raise
            except BaseException:
                self.access.lock()
                raise
            self.index.open_private()

    def lock(self) -> None:
        """Seal the index of non-public records to disk, then forget it and every key."""
        with self.write_lock:
            self.index.close_private()
            self.witness()
            self.access.lock()
            self.records.pages.forget()

    # -- the library as a whole -------------------------------------------------------------------
    def check(self) -> Drift:
        """Compare the index with the store: every public record indexed at its revision."""
        return self.index.check()

    def integrity(self) -> Integrity:
        """Every record that fails its integrity check as far as the current profile can tell
        (locked: access blocks and consent signatures; unlocked, also what its keys open), with
        the reason and its other copies; and how many sealed records it could not open."""
        out: list[dict[str, Any]] = []
        unopened = 0
        last = ""
        while True:
            with self.reading() as session:
                rows = session.scalars(select(Record).where(Record.id > last).order_by(Record.id).limit(500)).all()
                for row in rows:
                    reason, opened = self._integrity(session, row)
                    if reason:
                        out.append({"id": row.id, "problem": reason})
                    elif not opened:
                        unopened += 1
            if not rows:
                break
            last = rows[-1].id
        for item in out:
            item["copies"] = self.records.other_copies(item["id"])
        with self.reading() as session:
            verifier = self.access.verifier(session)
            found = list(row_check.untrusted(session, verifier)) + attachments.check_files(self, session)
        found += self.trash.problems()
        found += [{"table": "outbox", "record": item["record"], "problem": item["problem"]} for item in self.sync.lost_retractions()]
        return Integrity(out, unopened, found, verifier.active and not verifier.signed)

    def _integrity(self, session: Session, row: Record) -> tuple[str | None, bool]:
        """(the row's problem or None, whether its content was checked: public, or opened)."""
        try:
            _, key = self.access.keys.opened(session, row)
        except TamperedData as exc:
            self.records.quarantine[row.id] = str(exc)  # as a read that met it would (the dashboard leaves it out)
            return str(exc), True
        problems = self.consent.events(session, row.id, key, find_deleted=True)[1]
        return ("; ".join(problems) or None), row.sealed is None or key is not None

    def meta(self, key: str, default: str | None = None) -> str | None:
        """A small library setting (``meta`` table)."""
        with self.reading() as session:
            row = session.get(Meta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.writing() as session:
            session.merge(Meta(key=key, value=value))
