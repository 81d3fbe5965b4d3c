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
from pathlib import Path

from sqlalchemy import text as sql_text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from kmdesk.core.chm.sync_manager import SyncManager
from kmdesk.core.errors import (
    NotFound,
    ReadOnlyLibrary,
    StoreError,
)
from kmdesk.core.io.import_manager import ImportManager
from kmdesk.core.io.label_manager import LabelManager
from kmdesk.core.search.index_manager import Drift, IndexManager
from kmdesk.core.store import engine as store_engine
from kmdesk.core.store.history_manager import HistoryManager
from kmdesk.core.store.model import Meta
from kmdesk.core.store.record_manager import RecordManager
from kmdesk.core.store.trash_manager import TrashManager
from kmdesk.core.trust import integrity, manifests, row_signing, unlocking, witness
from kmdesk.core.trust.access import Access
from kmdesk.core.trust.audit_log import AuditLog
from kmdesk.core.trust.consent_manager import ConsentManager
from kmdesk.core.trust.integrity import Integrity
from kmdesk.core.trust.witness import Head

log = logging.getLogger(__name__)


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
        row_signing.install(self._sessions, self.access.row_signer, self.access.forget_verifier, self.access.verifier)
        manifests.install(self._sessions)
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
            self.index.stop_warming()
            self.index.seal_if_changed()
            self.witness()
            self.access.verified().flush()
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
        unlocking.unlock(self, name, passphrase)

    def lock(self) -> None:
        """Seal the index of non-public records to disk, then forget it and every key."""
        with self.write_lock:
            try:
                self.index.close_private()
            finally:  # whatever the seal met, the keys are forgotten
                self.witness()
                self.access.lock()
                self.access.verified().flush()
                self.records.pages.forget()

    # -- the library as a whole -------------------------------------------------------------------
    def check(self) -> Drift:
        """Compare the index with the store: every public record indexed at its revision."""
        return self.index.check()

    def integrity(self) -> Integrity:
        return integrity.check(self)

    def meta(self, key: str, default: str | None = None) -> str | None:
        """A small library setting (``meta`` table)."""
        with self.reading() as session:
            row = session.get(Meta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.writing() as session:
            session.merge(Meta(key=key, value=value))
