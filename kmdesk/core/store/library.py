"""The one door to a library on disk: the SQLite database (the truth), its migrations, and the
derived search index kept in step with it.

A library is a directory::

    library.db      SQLite (WAL, foreign keys on), migrated by Alembic on open
    index/          Tantivy index of public records only (derived; ``reindex`` rebuilds it)
    backups/        a copy of library.db taken before each migration (core/backups.py)

The folder is made 0700 and library.db 0600 (SQLite gives its -wal and -shm files the same):
a library holds what a community entrusted to it. A library kmdesk cannot write to (a DVD, a
write-protected stick, a folder of another user) opens read-only: ``Library.read_only``, SQLite
opened ``mode=ro``, the search index opened as it is, and every change refused with
``ReadOnlyLibrary``, whose message says so.

Every change runs in one transaction that also writes the record's id to ``index_queue``; after
the commit the queue is drained into the index. A crash in between leaves the id queued and the
next open finishes the job, so the index can lag the truth but never silently disagree with it.
"""

from __future__ import annotations

import getpass
import logging
import os
import secrets
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Select, Text, create_engine, delete, event, exists, func, insert, select, type_coerce
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, selectinload, sessionmaker

from kmdesk.core import paths
from kmdesk.core.chm.outbox import Outbox, Pending
from kmdesk.core.errors import (
    AccessDenied,
    Cancelled,
    DamagedRecord,
    NotFound,
    PulledRecord,
    ReadOnlyLibrary,
    StoreError,
)
from kmdesk.core.io import localcontexts
from kmdesk.core.search.results import Hit, SearchResults
from kmdesk.core.store import attachments, backups, bulk, collector
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import (
    AuditEvent,
    ChmRecord,
    Community,
    ConsentEvent,
    HistoryEntry,
    HubProject,
    IndexQueue,
    LabelText,
    Meta,
    Profile,
    Protocol,
    Record,
    RecordKey,
    RemoteState,
    Share,
    SyncTarget,
)
from kmdesk.core.store.rows import SCHEMA_HEAD, json_text, stored_json
from kmdesk.core.trust import audit, consent, reads, row_check, row_signing, vault, witness
from kmdesk.core.trust import signing as trust
from kmdesk.core.trust.access import SYNC_PROTOCOL, Access, context_of
from kmdesk.core.trust.witness import Head

if TYPE_CHECKING:  # the search engine loads at the first search or index change, not at every command
    from kmdesk.core.search import Batch, SearchIndex

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
Merge = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def _never() -> bool:
    return False


CATCH_UP_BATCH = 2000  # records per index commit while catching up: what a cancel or a kill can lose
IN_CHUNK = 500  # ids bound in one ``IN (...)``: under the 999 variables older SQLite builds allow


def _chunks(ids: Iterable[str], size: int = IN_CHUNK) -> Iterator[list[str]]:
    """``ids`` a slice at a time, so no ``IN (...)`` binds more variables than SQLite allows."""
    remaining = iter(ids)
    while chunk := list(islice(remaining, size)):
        yield chunk


INTEGRITY_FACET = "integrity"  # one value, "damaged": records that failed their integrity check
# what a refused change to a pulled record would have done (``Library.require_own``)
_REFUSED = {"edit": "edited", "merge": "merged with an imported record", "delete": "deleted", "attach": "given files",
            "detach": "stripped of its files"}


def _alembic_config() -> Any:
    from alembic.config import Config  # alembic loads only when a migration is due

    config = Config()
    config.set_main_option("script_location", str(paths.migrations()))
    return config


def head_revision() -> str:
    """The newest migration's revision, as alembic reads it from the scripts (a test keeps
    ``SCHEMA_HEAD`` equal to it)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def stored_revision(connection: Connection) -> str | None:
    """The schema revision a library's database is at (None: a new, empty database)."""
    if connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").first() is None:
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision`` in one transaction (rolled back on failure)."""
    from alembic import command

    with engine.begin() as connection:
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any, *, read_only: bool = False) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINTs; SQLAlchemy emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    if not read_only:  # setting the journal mode writes the file's header
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted plaintext is overwritten, not left in free pages
    cursor.close()


def make_engine(db_path: Path, *, read_only: bool = False) -> Engine:
    """The engine of ``db_path``; ``read_only``: SQLite opens it ``mode=ro`` (and immutable on a
    read-only medium: ``reader.connect_read_only``)."""
    if read_only:
        from kmdesk.core.store.reader import connect_read_only

        engine = create_engine(f"sqlite:///{db_path}", json_deserializer=stored_json,
                               creator=lambda: connect_read_only(db_path, check_same_thread=False))
    else:
        engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False, "timeout": 30},
                               json_serializer=json_text, json_deserializer=stored_json)
    event.listen(engine, "connect", partial(_sqlite_pragmas, read_only=read_only))
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    if read_only:  # a write that got past ``writing`` (an audit line, an unlock) is refused in words too
        event.listen(engine, "handle_error", partial(_refuse_write, db_path.parent))
    return engine


def _refuse_write(folder: Path, context: Any) -> None:
    if "readonly database" in str(context.original_exception):
        raise ReadOnlyLibrary(f"the library at {folder} is read-only: it can be searched and read, not changed",
                              path=str(folder)) from context.original_exception


def writable(folder: Path) -> bool:
    """Whether kmdesk can write into ``folder`` and to its library.db: a file is made and
    removed (a read-only medium says EROFS only when written to; ``os.access`` answers from the
    permission bits, which say nothing of a write-protected stick and never stop root)."""
    db_path = folder / "library.db"
    if db_path.exists() and not os.access(db_path, os.W_OK):
        return False
    try:
        handle, probe = tempfile.mkstemp(prefix=".kmdesk-write-probe-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    os.unlink(probe)
    return True


def _create_private(db_path: Path) -> None:
    """Make the folder (0700) and an empty library.db (0600) for SQLite to fill: created so,
    not tightened after, so no other account could ever open them."""
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return
    os.chmod(db_path.parent, 0o700)  # a new library: its folder too, whatever the umask made it


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


class Outcome(NamedTuple):
    """One item's line of an import's report (``Library.import_records``): a tuple, not a dict,
    since an import of 100,000 rows keeps one per row to its end."""

    index: int
    id: str
    status: str  # imported | skipped | merged | error
    reason: str | None


class Library:
    """An open library. Thread-safe for one writer at a time (``_write_lock``), as SQLite and
    Tantivy both want; readers use their own sessions."""

    def __init__(self, data_dir: Path, engine: Engine) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self._index: SearchIndex | None = None
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_lock = threading.RLock()
        self.system_actor = getpass.getuser() or "local user"
        self.access = Access(self)
        row_signing.install(self._sessions, self.access.row_signer, self.access.forget_verifier)
        self.outbox = Outbox(self)
        self.private_index: SearchIndex | None = None  # non-public records, in memory while unlocked
        self._private_dirty = False  # changed since it was last sealed to disk
        self.quarantine: dict[str, str] = {}  # damaged records met so far: id -> why (the "damaged" facet)
        self.upgrade_backup: Path | None = None  # the copy taken before this open upgraded the schema
        self.read_only = False  # set by ``open`` when kmdesk cannot write to the library
        self.rollback: list[str] = []  # what went back since this user last saw the library (``witness``)

    @property
    def actor(self) -> str:
        return self.access.actor

    @property
    def index(self) -> SearchIndex:
        """The on-disk search index, opened at its first use (a command that only reads a record
        never loads the search engine); what waits in the queue is indexed then, unless a face
        opened it first with ``index_backlog`` to show that catch-up's progress itself."""
        if self._index is not None:  # searches take no lock: they run while a catch-up writes
            return self._index
        with self._write_lock:
            if self._index is None:
                self._open_index()
                self.catch_up_index()
            return self._open_index()

    def _open_index(self) -> SearchIndex:
        """Open the index without indexing anything. A new or emptied one (an upgrade replaced
        an index of another engine or schema, or it was deleted by hand) over a store with public
        records gets them all queued, so rebuilding it is the queue's work: done in committed
        batches, which a cancel or a kill interrupts without losing what was done. The store is
        asked only about an empty index, and only whether one public record exists: counting
        them reads every row, a second of a cold ``kmdesk search`` at 100,000 records."""
        if self._index is not None:  # no lock: the window asks while its writer may hold it
            return self._index
        with self._write_lock:
            if self._index is None:
                from kmdesk.core.search import SearchIndex

                if self.read_only:  # nothing can be queued or repaired there
                    self._index = self._read_only_index()
                    return self._index
                index = SearchIndex.open(self.data_dir / "index", create=True, owner=self._index_owner())
                if index.doc_count() == 0 and self._has_public_records():
                    self._queue_public_records()
                self._index = index
            return self._index

    def _index_owner(self) -> str:
        """The library's own token, which its on-disk index must carry (made once): an index
        folder copied from another library, or written by anyone else, is rebuilt, not searched."""
        owner = self.meta(trust.INDEX_OWNER)
        if owner is None:
            owner = secrets.token_hex(16)
            with self._sessions() as session, session.begin():
                session.merge(Meta(key=trust.INDEX_OWNER, value=owner))
        return owner

    def _queue_public_records(self) -> None:
        """Every public record into the index queue in one statement (those already there stay)."""
        public = select(Record.id).where(Record.access_level == "public")
        with self._sessions() as session, session.begin():
            session.execute(insert(IndexQueue).prefix_with("OR IGNORE").from_select(["record_id"], public))

    def _read_only_index(self) -> SearchIndex:
        """The index of a read-only library as it is on disk (nothing can be repaired there);
        when it cannot be opened, the public records are indexed in memory for this session."""
        from kmdesk.core.search import SearchIndex

        try:
            return SearchIndex.open(self.data_dir / "index", create=False, owner=self.meta(trust.INDEX_OWNER) or "none")
        except Exception:  # noqa: BLE001  missing, unreadable or not its own: derived data, made again in memory
            log.warning("the read-only library's search index cannot be opened; indexing it in memory")
        index = SearchIndex.in_memory()
        with self.reading() as session:
            total = session.scalar(select(func.count()).select_from(Record).where(Record.access_level == "public")) or 0
        index.rebuild(self._public_docs(self._public_records()), total=total)
        return index

    # -- opening --------------------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path | str, *, create: bool = True) -> Library:
        """Open (or, with ``create``, make) the library in ``data_dir``; read-only when kmdesk
        cannot write there (``writable``)."""
        data_dir = Path(data_dir)
        db_path = data_dir / "library.db"
        if not db_path.exists() and not create:
            raise NotFound(f"no library at {data_dir}", path=str(data_dir))
        read_only = db_path.exists() and not writable(data_dir)
        if read_only:
            log.warning("the library at %s cannot be written to: opened read-only", data_dir)
        else:
            try:
                _create_private(db_path)
            except OSError as exc:
                raise StoreError(f"cannot create a library in {data_dir}: {exc.strerror or exc}",
                                 path=str(data_dir)) from exc
        engine = make_engine(db_path, read_only=read_only)
        upgrade_backup = cls._upgrade(engine, db_path, read_only=read_only)
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
        return witness.read(lambda sql: [dict(row._mapping) for row in session.execute(sql_text(sql))],
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

    @staticmethod
    def _upgrade(engine: Engine, db_path: Path, *, read_only: bool = False) -> Path | None:
        """Migrate an older library to ``SCHEMA_HEAD``, backed up first (``core.backups``); the
        backup's path, for the log and the window's status bar (None: nothing to upgrade)."""
        with engine.connect() as connection:
            current = stored_revision(connection)
        if current == SCHEMA_HEAD:
            return None
        if read_only:
            raise ReadOnlyLibrary(f"the library at {db_path.parent} is read-only and was made by an older kmdesk "
                                  f"(revision {current}): copy the folder to a writable place to open it, so it "
                                  "can be upgraded", path=str(db_path.parent))
        backup = backups.take(db_path, current) if current is not None else None
        if backup is not None:
            log.warning("upgrading the library from revision %s to %s; its previous state is kept in %s (%s)",
                        current, SCHEMA_HEAD, backup, backups.COVERS)
        try:
            migrate(engine)
        except Exception as exc:  # a failed migration must say so, not leave a half library
            if backup is None:
                raise StoreError(f"could not create the library at revision {SCHEMA_HEAD}: {exc}") from exc
            backups.restore(engine, db_path, backup)
            raise StoreError(f"could not upgrade the library from revision {current} to {SCHEMA_HEAD}: {exc}; "
                             f"the library was restored from its backup {backup} ({backups.COVERS})",
                             backup=str(backup)) from exc
        return backup

    def close(self) -> None:
        with self._write_lock:
            if self._private_dirty and not self.read_only:
                self._seal_private_index()
            self.witness()
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
        """One unit of work: commit on success, roll back on any error, then index. A
        read-only library refuses it (``ReadOnlyLibrary``) before anything is read."""
        self.refuse_if_read_only()
        with self._write_lock:
            with self._sessions() as session, session.begin():
                yield session
            self._drain_index_queue()

    # -- records --------------------------------------------------------------------------
    def _row(self, session: Session, record_id: str) -> Record:
        return reads.visible_row(session.get(Record, record_id), record_id, partial(self.access.may_view, session))

    def _visible(self, session: Session, row: Record) -> bool:
        return reads.visible(row, partial(self.access.may_view, session))

    def get(self, record_id: str, *, for_edit: bool = False) -> dict[str, Any]:
        """The record as the current profile may see it (``_shown``). ``for_edit``: as an editor
        changes it, contact details withheld from readers included (it needs a writer: in a
        library with profiles, an unlocked contributor or custodian)."""
        with self.reading() as session:
            if for_edit:
                self.access.require_writer(session)
            row = self._row(session, record_id)
            record = self._to_dict(session, row)
        if record.get("damaged"):
            raise self._damaged(record_id, record["damaged"])
        if row.sealed is not None and not record["sealed"]:
            with self.writing() as session:
                self._audit(session, "view", record_id, {"access": row.access_level})
        return record if for_edit else self._shown(record)

    def _shown(self, record: dict[str, Any]) -> dict[str, Any]:
        """What a read hands out: while no profile is unlocked, contact details only with a
        consent to be listed (``consent.withhold_contacts``); an unlocked profile sees them, to
        keep them. Never used on the way to a write (``_to_dict``), so a locked edit keeps them."""
        return record if self.access.unlocked else consent.withhold_contacts(record, reads.today())

    def resolve_id(self, prefix: str, *, deleted: bool = False) -> str:
        """A full id from a unique prefix of at least ``reads.MIN_ID_PREFIX`` characters, as people
        type ids at a command line: a shorter one (``delete 1``) could pick a record nobody
        meant. With ``deleted``, the ids of deleted records (whose history is kept) count too.
        A record this profile may not know of is never found, nor makes a prefix ambiguous.
        An exact id is taken first, whatever its length: a record whose id is short, or is the
        beginning of another's ("CHM-NEED-PE-1", "CHM-NEED-PE-10"), is reached by its id."""
        exact = reads.typed_id(prefix)
        with self.reading() as session:
            row = session.get(Record, exact) if exact else None
            if row is not None and self._visible(session, row):
                return exact
            if row is None and exact and deleted and session.scalar(
                    select(HistoryEntry.record_id).where(HistoryEntry.record_id == exact).limit(1)) is not None:
                return exact
        prefix = reads.id_prefix(prefix)
        with self.reading() as session:
            rows = session.scalars(select(Record).where(Record.id.startswith(prefix, autoescape=True)).limit(3)).all()
            ids = {row.id for row in rows if self._visible(session, row)}
            if deleted:
                gone = (select(HistoryEntry.record_id).distinct()
                        .where(HistoryEntry.record_id.startswith(prefix, autoescape=True),
                               ~exists().where(Record.id == HistoryEntry.record_id)).limit(3))
                ids.update(session.scalars(gone))
        return reads.one_id(prefix, ids)

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
            if before.get("damaged"):
                raise self._damaged(record_id, before["damaged"])
            if before.get("sealed"):
                raise AccessDenied("you cannot change a record you cannot open")
            if not self._change(session, row, before, clean, by, "edit"):
                return self._shown(before)
        if before["access"]["level"] == "public" and clean.get("access", {}).get("level", "public") != "public":
            self.reindex()  # the old public text must leave the on-disk index's segments
        return self.get(record_id)

    def _change(self, session: Session, row: Record, before: dict[str, Any], clean: dict[str, Any],
                by: str | None, action: str) -> bool:
        """Apply normalised changes to an opened record in the caller's transaction (an edit or
        an import's merge): new revision, re-sealing, history, index and outbox."""
        self.require_own(session, row.id, action)
        changed = rec.diff(before, clean)
        if not changed:
            return False
        viewer = self.access.viewer()
        if viewer is not None and not consent.can_edit(viewer, before["access"], before.get("community"),
                                                       self.access.protocol_kinds(session)):
            raise AccessDenied(f"{viewer.name} may read record {row.id} but not change it")
        if "access" in clean:
            self.access.check_access_change(session, before["access"], clean["access"])
        stamp = rec.now()
        protected = {**rec.protected_part(before), **{k: v for k, v in clean.items() if k in rec.PROTECTED_FIELDS}}
        row.revision += 1
        row.updated_at = stamp
        old_key = self.access.record_key(session, row)
        old_context = context_of(row)
        rec.apply_to_row(row, {k: v for k, v in clean.items() if k not in rec.PROTECTED_FIELDS})
        session.flush()
        same_access = old_key is not None and context_of(row) == old_context
        key = self.access.seal(session, row, protected, keep=old_key if same_access else None)
        if not same_access:
            self._reseal_history(session, row, old_key, key)
        if before["access"]["level"] != row.access_level:
            self._audit(session, "access_change", row.id, {"from": before["access"]["level"], "to": row.access_level})
        self._history(session, row, key, by, action, changed, stamp)
        session.merge(IndexQueue(record_id=row.id))
        session.flush()
        self.outbox.queue(session, row.id)
        return True

    def require_own(self, session: Session, record_id: str, action: str) -> None:
        """The one check before any change to a record (an edit, an import's merge, a deletion,
        adding or removing a file): one pulled from the CHM is read-only here (``PulledRecord``,
        ``action`` says what was refused). Its changes come with the next pull, and one deleted
        here would never come back: the pull keeps its CHM revision and finds it unchanged."""
        origin = session.get(ChmRecord, record_id)
        if origin is not None:
            raise PulledRecord(f"record {record_id} was pulled from the CHM ({origin.chm_id}) and is read-only here: "
                               f"it cannot be {_REFUSED.get(action, action)}; the next pull brings its changes",
                               id=record_id, chm_id=origin.chm_id, action=action)

    def check_own(self, record_id: str, action: str) -> None:
        """``require_own`` on its own, for a face to refuse before it asks anything (``kmdesk
        delete`` before its confirmation)."""
        with self.reading() as session:
            self.require_own(session, record_id, action)

    def pulled(self, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Of ``record_ids``, those pulled from the CHM: their CHM identifier and whether the
        CHM withdrew them (what ``show``, ``list`` and ``search`` mark)."""
        ids = list(dict.fromkeys(record_ids))
        found: dict[str, dict[str, Any]] = {}
        with self.reading() as session:
            for start in range(0, len(ids), IN_CHUNK):
                for row in session.scalars(select(ChmRecord).where(ChmRecord.record_id.in_(ids[start:start + IN_CHUNK]))):
                    found[row.record_id] = {"chm_id": row.chm_id, "target": row.target, "withdrawn": bool(row.withdrawn)}
        return found

    def delete(self, record_id: str, *, by: str | None = None) -> None:
        with self.writing() as session:
            self.access.require_writer(session)
            row = self._row(session, record_id)
            self.require_own(session, row.id, "delete")
            before = self._to_dict(session, row)
            if before.get("damaged"):
                self.access.require("custodian")  # removing a quarantined record is a custodian's call
            elif before.get("sealed"):
                raise AccessDenied("you cannot delete a record you cannot open")
            # the record's key goes with it: a sealed record's deletion entry keeps field names only
            self._history(session, row, None, by, "delete", {"title": [before["title"], None]}, rec.now())
            attachments.forget(self, session, record_id)
            session.delete(row)
            self.quarantine.pop(record_id, None)
            session.merge(IndexQueue(record_id=record_id))
            session.flush()
            self.outbox.queue(session, record_id)
            session.execute(delete(Share).where(Share.record_id == record_id))

    def history(self, record_id: str) -> list[dict[str, Any]]:
        with self.reading() as session:
            row = session.get(Record, record_id)
            try:
                key = self.access.record_key(session, row) if row is not None else None
            except vault.TamperedData:
                key = None
            entries = session.scalars(select(HistoryEntry).where(HistoryEntry.record_id == record_id).order_by(HistoryEntry.id))
            found = reads.history_entries(record_id, entries, key, partial(self.access.row_check, session, "record_history"))
            if self.access.unlocked:
                return found
            shown = {"consents": self._consents(session, record_id, key)} if row is not None else None
            return consent.withhold_history_contacts(shown, found, reads.today())

    def _history(self, session: Session, row: Record, key: bytes | None, by: str | None, action: str,
                 changes: dict[str, Any], at: str) -> None:
        session.add(HistoryEntry(**self._history_values(row, key, by, action, changes, at)))

    def _history_values(self, row: Record | bulk.NewRow, key: bytes | None, by: str | None, action: str,
                        changes: dict[str, Any], at: str) -> dict[str, Any]:
        """Who changed what, as a history row's columns. For a sealed record the values are
        sealed with the record's key; the plain column keeps only the names of the fields that
        changed."""
        values = {"record_id": row.id, "at": at, "by": by or self.actor, "action": action, "changes": changes,
                  "sealed": None}
        if row.access_level != "public":
            values["changes"] = {name: None for name in changes}
            if key is not None:
                values["sealed"] = vault.seal_json(changes, key, row.id, "history")
        return values

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
        self._reseal_consents(session, row, old_key, new_key)
        attachments.reseal(self, session, row, old_key, new_key)

    def _to_dict(self, session: Session, row: Record,
                 consents: Callable[[str, bytes | None], list[dict[str, Any]]] | None = None) -> dict[str, Any]:
        """The record as the current profile may see it (``reads.record_dict``); a damaged row
        joins the quarantine (the "damaged" facet). ``consents``: what a page of
        rows read once for all of them (``_to_dicts``), else each is read for this row."""
        record = reads.record_dict(row, partial(self.access.opened, session),
                                   consents or partial(self._consents, session))
        if record.get("damaged"):
            self.quarantine[row.id] = record["damaged"]
        else:
            self.quarantine.pop(row.id, None)
        return record

    def _damaged(self, record_id: str, reason: str) -> DamagedRecord:
        return reads.damaged(record_id, reason, self.other_copies(record_id))

    def other_copies(self, record_id: str) -> list[str]:
        """Where else this record may still be whole: the library's own backups that hold it and
        the targets it was sent to."""
        found = reads.backup_copies(self.data_dir, record_id)
        with self.reading() as session:
            found += [f"target {name}" for name in session.scalars(
                select(RemoteState.target).where(RemoteState.record_id == record_id, RemoteState.status == "sent"))]
        return found

    def integrity(self) -> Integrity:
        """Every record that fails its integrity check as far as the current profile can tell
        (locked: access blocks and consent signatures; unlocked, also what its keys open), with
        the reason and its other copies; and how many sealed records it could not open."""
        out, unopened = [], 0
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
            item["copies"] = self.other_copies(item["id"])
        with self.reading() as session:
            verifier = self.access.verifier(session)
            found = list(row_check.untrusted(session, verifier)) + attachments.check_files(self, session)
        return Integrity(out, unopened, found, verifier.active and not verifier.signed)

    def _integrity(self, session: Session, row: Record) -> tuple[str | None, bool]:
        """(the row's problem or None, whether its content was checked: public, or opened)."""
        try:
            _, key = self.access.opened(session, row)
        except vault.TamperedData as exc:
            return str(exc), True
        problems = self._consent_events(session, row.id, key, find_deleted=True)[1]
        return ("; ".join(problems) or None), row.sealed is None or key is not None

    def iter_records(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every record the current profile may know of, in id order, a batch at a time.
        Records it may not open come as sealed stubs (``sealed`` true, no text)."""
        last = ""
        while True:
            with self.reading() as session:
                rows = session.scalars(self._with_keys(select(Record)).where(Record.id > last)
                                       .order_by(Record.id).limit(batch)).all()
                items = self._to_dicts(session, rows)
                last = rows[-1].id if rows else last
            if not rows:
                return
            yield from (self._shown(item) for item in items)

    def records(self, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """These records as ``iter_records`` gives them, in a constant number of reads however
        many there are (``_to_dicts``): a page of a list. As for ``iter_records``, listing is not
        reading, so no view is audited. Deleted and hidden records are absent."""
        with self.reading() as session:
            return {record["id"]: self._shown(record) for record in self._to_dicts(session, self._rows_of(session, record_ids))}

    def titles(self, record_ids: Iterable[str]) -> dict[str, dict[str, str]]:
        """The titles of these records as the current profile may see them (sealed stubs: none),
        in one read, to name them in a list; as for the library's own list, naming is not reading,
        so no view is audited. Deleted and hidden records are absent."""
        with self.reading() as session:
            return {record["id"]: record.get("title") or {}
                    for record in self._to_dicts(session, self._rows_of(session, record_ids))}

    def _with_keys(self, query: Select[tuple[Record]]) -> Select[tuple[Record]]:
        """``query`` loading its rows' record keys in one more read for all of them when a profile
        is unlocked (only it can use them: ``Access.record_key``), not one read per sealed row."""
        return query.options(selectinload(Record.keys)) if self.access.unlocked else query

    def _rows_of(self, session: Session, record_ids: Iterable[str]) -> list[Record]:
        """The rows of these ids (those that exist), a chunk of ids per ``IN (...)``."""
        query = self._with_keys(select(Record))
        return [row for chunk in _chunks(dict.fromkeys(record_ids)) for row in session.scalars(query.where(Record.id.in_(chunk)))]

    def _to_dicts(self, session: Session, rows: Iterable[Record]) -> list[dict[str, Any]]:
        """``_to_dict`` of each row the profile may know of, in order, with the same number of
        queries for any number of rows (read per row, a page of the window's list cost some 100
        queries): the protocols and the library key are read once, and the consent events of
        every row at once, then folded per record by ``reads.fold_consents`` as one record's are."""
        rows = list(rows)
        if not rows:
            return []
        with self.access.protocols_read_once(session):
            shown = [row for row in rows if self._visible(session, row)]
            verifier = self.access.verifier(session)
            events = self._consent_events_of(session, [row.id for row in shown])

            def consents(record_id: str, key: bytes | None) -> list[dict[str, Any]]:
                return reads.fold_consents(record_id, events.get(record_id, ()), key, verifier)[0]

            return [self._to_dict(session, row, consents) for row in shown]

    def count(self) -> int:
        """How many records the current profile may know of (sacred ones only for custodians)."""
        with self.reading() as session:
            others = session.scalar(select(func.count()).select_from(Record).where(Record.access_level != "sacred")) or 0
            sacred = session.scalars(select(Record).where(Record.access_level == "sacred")).all()
            return others + sum(1 for row in sacred if self._visible(session, row))

    # -- consent (FPIC) ---------------------------------------------------------------------
    def _consents(self, session: Session, record_id: str, key: bytes | None = None) -> list[dict[str, Any]]:
        """Fold the append-only consent events into consent records, oldest first. Events that
        fail their signature are left out (a forged grant is no consent) and reported by
        ``consent_problems``. Without the record's key a sealed consent shows only its dates
        and state (``sealed`` true)."""
        return self._consent_events(session, record_id, key)[0]

    def _consent_events(self, session: Session, record_id: str, key: bytes | None,
                        *, find_deleted: bool = False) -> tuple[list[dict[str, Any]], list[str]]:
        """(consents folded from the events that pass their check, problems found:
        ``reads.fold_consents``). With ``find_deleted`` the audit log is also asked which of
        this record's events it saw."""
        verifier = self.access.verifier(session)
        events = session.scalars(select(ConsentEvent).where(ConsentEvent.record_id == record_id).order_by(ConsentEvent.id)).all()
        audited = session.execute(select(AuditEvent.seq, AuditEvent.action, AuditEvent.details).where(
            AuditEvent.target == record_id, AuditEvent.action.in_(reads.CONSENT_ACTIONS))).tuples().all() \
            if verifier.active and find_deleted else []
        return reads.fold_consents(record_id, events, key, verifier, audited)

    def _consent_events_of(self, session: Session, record_ids: list[str]) -> dict[str, list[ConsentEvent]]:
        """The consent events of these records by record, each record's in the order
        ``_consent_events`` reads them (by id), in one read per chunk of ids."""
        events: dict[str, list[ConsentEvent]] = {}
        for chunk in _chunks(record_ids):
            for item in session.scalars(select(ConsentEvent).where(ConsentEvent.record_id.in_(chunk)).order_by(ConsentEvent.id)):
                events.setdefault(item.record_id, []).append(item)
        return events

    def _add_consent_event(self, session: Session, row: Record, key: bytes | None, consent_id: str, kind: str,
                           at: str, by: str, data: dict[str, Any]) -> str:
        """Append one signed consent event; a non-public record's consent text is sealed with
        its key, only the dates stay readable. Returns the event's digest (audited)."""
        me = self.access.current
        salt = secrets.token_hex(16) if row.access_level != "public" else ""
        digest = consent.event_digest(salt, row.id, consent_id, kind, at, by, data)
        event = ConsentEvent(record_id=row.id, consent_id=consent_id, kind=kind, at=at, by=by, digest=digest, data=dict(data))
        if row.access_level != "public":
            if key is None:
                raise AccessDenied(f"you cannot record consent on record {row.id}: you cannot open it")
            event.data = consent.plain_part(data)
            event.sealed = vault.seal_json({"salt": salt, "data": data}, key, row.id, f"consent/{digest}")
        if me is not None:
            profile = session.get(Profile, me.profile_id)
            if profile is None or profile.verify_key != me.verify_key:
                raise AccessDenied(f"{me.name} has no certified signing key (a profile made before kmdesk signed consent): "
                                   "a custodian records this consent")
            event.signature = vault.sign(me.signing_key, consent.signed_message(row.id, consent_id, kind, at, by, digest, data))
            event.signed_by = me.name
        session.add(event)
        return digest

    def _reseal_consents(self, session: Session, row: Record, old_key: bytes | None, new_key: bytes | None) -> None:
        """Move consent text to the record's new key, or into the clear when it became public;
        the signed digest is unchanged (its salt moves with the text)."""
        for item in session.scalars(select(ConsentEvent).where(ConsentEvent.record_id == row.id)):
            if item.sealed is not None:
                if old_key is None:
                    raise AccessDenied(f"record {row.id} has sealed consent this profile cannot open")
                opened = vault.open_json(item.sealed, old_key, row.id, f"consent/{item.digest}")
                salt, data = opened["salt"], opened["data"]
            else:
                data = dict(item.data or {})
                salt = str(data.pop("_salt", ""))
            if new_key is not None:
                item.data = consent.plain_part(data)
                item.sealed = vault.seal_json({"salt": salt, "data": data}, new_key, row.id, f"consent/{item.digest}")
            else:
                item.data = {**data, "_salt": salt} if salt else data
                item.sealed = None

    def consent_problems(self, record_id: str) -> list[str]:
        """Consent events of this record that fail their check (forged, altered or deleted)."""
        with self.reading() as session:
            row = self._row(session, record_id)
            try:
                _, key = self.access.opened(session, row)
            except vault.TamperedData:
                key = None
            return self._consent_events(session, record_id, key, find_deleted=True)[1]

    def _open_row(self, session: Session, record_id: str) -> tuple[Record, bytes | None]:
        row = self._row(session, record_id)
        try:
            revealed, key = self.access.opened(session, row)
        except vault.TamperedData as exc:
            raise self._damaged(record_id, str(exc)) from None
        if revealed is None:
            raise AccessDenied(f"you cannot change the consent of record {record_id}: you cannot open it")
        return row, key

    def grant_consent(self, record_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """Append an FPIC consent record (custodians only: it is the community's decision).
        Without ``given_on`` it was given today: the consent sentence always has its date."""
        clean = consent.normalize_consent(data)
        clean["given_on"] = clean.get("given_on") or rec.now()[:10]
        with self.writing() as session:
            self.access.require("custodian")
            row, key = self._open_row(session, record_id)
            consent_id = clean.pop("id", None) or rec.new_id()
            digest = self._add_consent_event(session, row, key, consent_id, "grant", rec.now(), self.actor, clean)
            details = {"consent": consent_id, "event": digest}
            if row.access_level == "public":  # a sealed consent's scope is part of its sealed text
                details["scope"] = clean["scope"]
            self._audit(session, "consent_grant", record_id, details)
            self.after_consent_change(session, record_id)
        return next(c for c in self.consents(record_id) if c["id"] == consent_id)

    def withdraw_consent(self, record_id: str, *, by: str, reason: str | None = None, on: str | None = None,
                         consent_id: str | None = None) -> list[str]:
        """Withdraw one consent, or every consent still standing; returns the ids withdrawn."""
        with self.writing() as session:
            self.access.require("custodian")
            row, key = self._open_row(session, record_id)
            standing = [c for c in self._consents(session, record_id, key) if not c.get("withdrawn_on")]
            chosen = [c for c in standing if consent_id in (None, c["id"])]
            if not chosen:
                raise NotFound(f"no standing consent {consent_id or ''} on record {record_id}".replace("  ", " "))
            stamp = rec.now()
            for item in chosen:
                digest = self._add_consent_event(session, row, key, item["id"], "withdraw", stamp, self.actor,
                                                 {"withdrawn_on": on or stamp[:10], "withdrawn_by": by, "withdrawal_reason": reason})
                self._audit(session, "consent_withdraw", record_id, {"consent": item["id"], "event": digest})
            self.after_consent_change(session, record_id)
            return [c["id"] for c in chosen]

    def consents(self, record_id: str) -> list[dict[str, Any]]:
        with self.reading() as session:
            row = self._row(session, record_id)
            try:
                _, key = self.access.opened(session, row)
            except vault.TamperedData:
                return []
            return self._consents(session, record_id, key)

    def after_consent_change(self, session: Session, record_id: str) -> None:
        """What depends on consent follows in the same transaction: the outbox and the index."""
        session.merge(IndexQueue(record_id=record_id))
        session.flush()
        self.outbox.queue(session, record_id)

    # -- audit log ------------------------------------------------------------------------
    def _audit(self, session: Session, action: str, target: str = "", details: dict[str, Any] | None = None) -> None:
        """Append a hash-chained event in the caller's transaction. ``details`` never carries
        record text: ids, codes and counts only. While a custodian holding the library's signing
        key is unlocked, the new head is checkpointed (``_checkpoint``)."""
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).first()
        event = audit.AuditEvent(seq=(last.seq + 1) if last else 1, at=rec.now(), actor=self.actor,
                                 action=action, target=target, details=details or {})
        digest = audit.event_hash(last.hash if last else audit.GENESIS, event)
        session.add(AuditEvent(seq=event.seq, at=event.at, actor=event.actor, action=action, target=target,
                               details=event.details, hash=digest))
        me = self.access.current
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
        signature = vault.sign(signing, trust.checkpoint_message(self.access.library_id(), seq, head))
        session.merge(Meta(key=trust.CHECKPOINT, value=audit.Checkpoint(seq, head, trust.b64(signature)).dump()))

    def _signed_checkpoint(self, session: Session, checkpoint: audit.Checkpoint) -> bool:
        """Whether a stored checkpoint carries the library key's signature (the key as the
        unlocked profile's own trust anchor holds it): a forged one is never signed over."""
        anchor = self.access.anchor(session)
        return anchor is not None and vault.verify(anchor, trust.unb64(checkpoint.signature),
                                                   trust.checkpoint_message(self.access.library_id(), checkpoint.seq,
                                                                            checkpoint.head))

    def audit_log(self) -> list[dict[str, Any]]:
        with self.reading() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            return [{"seq": r.seq, "at": r.at, "actor": r.actor, "action": r.action, "target": r.target,
                     "details": r.details, "hash": r.hash} for r in rows]

    def verify_audit(self) -> audit.VerifyResult:
        """The chain, its signed checkpoint, and every consent event's signature and presence.
        Unlocked, the library key comes from the profile's own trust anchor, so a recomputed
        chain or a cut-off end is found even when the file's library key was swapped too."""
        with self.reading() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
            result = audit.verify_chain((audit.AuditEvent(seq=r.seq, at=r.at, actor=r.actor, action=r.action,
                                                          target=r.target, details=r.details), r.hash) for r in rows)
            anchor = self.access.anchor(session)
            if not result.ok or anchor is None:
                return result
            stored = session.get(Meta, trust.CHECKPOINT)
            hashes = {r.seq: r.hash for r in rows}
            result = audit.check_checkpoint(audit.Checkpoint.parse(stored.value) if stored else None, hashes,
                                            lambda cp: vault.verify(anchor, trust.unb64(cp.signature),
                                                                    trust.checkpoint_message(self.access.library_id(),
                                                                                             cp.seq, cp.head)))
            if not result.ok:
                return result
            present = set(session.scalars(select(ConsentEvent.digest)))
            for r in rows:
                if r.action in reads.CONSENT_ACTIONS and isinstance(r.details, dict) and r.details.get("event") \
                        and r.details["event"] not in present:
                    return audit.VerifyResult(False, r.seq, "consent_deleted",
                                              f"record {r.target}: consent {r.details.get('consent')}")
            records = set(session.scalars(select(ConsentEvent.record_id).distinct()))
        for record_id in sorted(records):
            with self.reading() as session:
                row = session.get(Record, record_id)
                key = None
                if row is not None:
                    try:
                        key = self.access.opened(session, row)[1]
                    except vault.TamperedData:
                        pass
                problems = self._consent_events(session, record_id, key)[1] if row is not None else []
            if problems:
                return audit.VerifyResult(False, None, "consent_forged", problems[0])
        return result

    # -- profiles, locking ----------------------------------------------------------------
    def unlock(self, name: str, passphrase: str) -> None:
        """Open a profile's keys; a wrong passphrase is audited and raised. The first unlock
        after the upgrade to 0005 settles the library's trust (``_upgrade_trust``). Builds the
        in-memory index of the non-public records this profile may read."""
        with self._write_lock:
            try:
                with self.writing() as session:
                    self.access.unlock(session, name, passphrase)
                    self._upgrade_trust(session)
                    self._audit(session, "unlock", name)
            except vault.WrongPassphrase:
                with self.writing() as session:
                    self._audit(session, "unlock_failed", name)
                raise
            except BaseException:
                self.access.lock()
                raise
            self._open_private_index()

    def _upgrade_trust(self, session: Session) -> None:
        """Bring a library up to date with what this profile can do: the custodian who just made
        the library key (first unlock of a new library's first profile, or of a library from
        before revision 0005) signs the consent events already there (as they stand: trust on
        first use), and any profile seals the consent text of the non-public records it can open."""
        me = self.access.current
        assert me is not None
        if me.fresh_library_key:
            for item in session.scalars(select(ConsentEvent).where(ConsentEvent.signature.is_(None))):
                data = dict(item.data or {})
                item.digest = consent.event_digest("", item.record_id, item.consent_id, item.kind, item.at, item.by, data)
                item.signature = vault.sign(me.signing_key, consent.signed_message(
                    item.record_id, item.consent_id, item.kind, item.at, item.by, item.digest, data))
                item.signed_by = me.name
                self._audit(session, "consent_attest", item.record_id, {"consent": item.consent_id, "event": item.digest})
            self._audit(session, "trust_upgrade", me.name)
        if me.library_key is None:  # before any custodian signed what is there: leave it for them
            return
        # IN, not a JOIN with DISTINCT: the DISTINCT compared whole record rows, sealed text and
        # all, and took 2.4 s at every unlock of a 100,000-record library that had nothing to seal
        plain = session.scalars(select(Record).where(
            Record.access_level != "public",
            Record.id.in_(select(ConsentEvent.record_id).where(ConsentEvent.sealed.is_(None))))).all()
        for row in plain:
            try:
                _, key = self.access.opened(session, row)
            except vault.TamperedData:
                continue
            if key is not None:
                self._reseal_consents(session, row, key, key)

    def unlocked_profile(self) -> dict[str, Any] | None:
        """Who is unlocked (name, roles, protocols held, communities), None when locked: what
        a face shows and offers, read from memory (no keys leave ``Access``)."""
        viewer = self.access.viewer()
        if viewer is None:
            return None
        return {"name": viewer.name, "roles": sorted(viewer.roles), "protocols": sorted(viewer.protocols),
                "communities": sorted(viewer.communities)}

    def lock(self) -> None:
        """Seal the index of non-public records to disk, then forget it and every key."""
        with self._write_lock:
            self._seal_private_index()
            self.witness()
            self.access.lock()
            self.private_index = None

    def _private_index_place(self) -> tuple[Path, bytes, str]:
        from kmdesk.core.search import private_index

        me = self.access.require()
        return private_index.path(self.data_dir, me.profile_id), private_index.index_key(me.private_key), me.name

    def _open_private_index(self) -> None:
        """The unlocked profile's sealed index, brought up to date with the store (a new one
        when there is none), then sealed again if anything changed."""
        from kmdesk.core.search import SearchIndex, private_index

        where, key, name = self._private_index_place()
        self.private_index = private_index.load(where, key, name) or SearchIndex.in_memory()
        self._private_dirty = False
        if self._refresh_private_index():
            self._seal_private_index()

    def _seal_private_index(self) -> None:
        if self.private_index is not None and self.access.unlocked:
            from kmdesk.core.search import private_index

            where, key, name = self._private_index_place()
            private_index.save(self.private_index, where, key, name)
            self._private_dirty = False

    def _refresh_private_index(self) -> bool:
        """Re-index what changed since the private index was sealed (by revision), drop what the
        profile may no longer read; True when anything changed."""
        from kmdesk.core.search import record_to_doc

        index = self.private_index
        assert index is not None
        held = index.versions()
        readable = self._readable_revisions()
        stale = [record_id for record_id, revision in readable.items() if held.get(record_id) != revision]
        gone = [record_id for record_id in held if record_id not in readable]
        if not stale and not gone:
            return False
        with index.batch() as batch:
            for record_id in gone:
                batch.delete(record_id)
            for start in range(0, len(stale), 500):
                for record in self._records(stale[start:start + 500]):
                    if self._privately_indexable(record):
                        batch.update(record_to_doc(record))
                    else:
                        batch.delete(record["id"])
        return True

    def _readable_revisions(self) -> dict[str, str]:
        """The revision of each non-public record the unlocked profile may read. Thousands of
        records share a few accesses, so each distinct access (its columns' JSON as stored) is
        decoded and decided once; columns through the connection, not ORM rows."""
        with self.reading() as session:
            viewer, kinds = self.access.viewer(), self.access.protocol_kinds(session)
            rows = session.connection().execute(select(
                Record.id, Record.revision, Record.access_level, type_coerce(Record.access_protocols, Text),
                Record.access_sharing, type_coerce(Record.custodians, Text), Record.community,
            ).where(Record.access_level != "public")).all()
        decided: dict[tuple[Any, ...], bool] = {}
        readable = {}
        for record_id, revision, *access in rows:
            allowed = decided.get(tuple(access))
            if allowed is None:
                level, protocols, sharing, custodians, community = access
                allowed = decided[tuple(access)] = consent.can_view(viewer, {
                    "level": level, "protocols": stored_json(protocols) or [], "sharing": sharing,
                    "custodians": stored_json(custodians) or []}, community, kinds)
            if allowed:
                readable[record_id] = str(revision)
        return readable

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
                     "protocols": sorted(m.protocol.name for m in p.memberships if not m.reader
                                         and not self.access.row_check(session, "memberships", m)),
                     "problem": self.access.row_check(session, "profiles", p)}
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
            return [{"name": c.name, "country": c.country, "description": c.description,
                     "problem": self.access.row_check(session, "communities", c)}
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
                     "members": sorted(m.profile.name for m in p.members if not m.reader
                                       and not self.access.row_check(session, "memberships", m)),
                     "records": len(holding.get(str(p.id), ())), "problem": self.access.row_check(session, "protocols", p)}
                    for p in session.scalars(select(Protocol).order_by(Protocol.name))]

    def add_member(self, protocol: str, profile: str) -> None:
        with self.writing() as session:
            self.access.add_member(session, protocol, profile)
            self._audit(session, "member_add", protocol, {"profile": profile})
        self._refresh_private_index_if_unlocked()

    def remove_member(self, protocol: str, profile: str) -> int:
        """Remove a member; the protocol key is rotated and its records re-sealed."""
        with self.writing() as session:
            resealed = self.access.remove_member(session, protocol, profile)
            self._audit(session, "member_remove", protocol, {"profile": profile, "resealed": resealed})
        self._refresh_private_index_if_unlocked()
        return resealed

    def _refresh_private_index_if_unlocked(self) -> None:
        if self.private_index is not None and self._refresh_private_index():
            self._private_dirty = True

    # -- sync targets and sharing ----------------------------------------------------------
    def add_target(self, name: str, kind: str, url: str, *, settings: dict[str, Any] | None = None,
                   credentials: dict[str, str] | None = None) -> None:
        """Add a CHM target; its credentials are sealed under the library's sync-credentials
        protocol, whose key the custodians who sync hold."""
        with self.writing() as session:
            self.access.require("custodian")
            sealed = self._seal_credentials(session, name, credentials) if credentials else None
            self.outbox.add_target(session, name, kind, url, settings or {}, sealed)
            self._audit(session, "target_add", name, {"kind": kind, "url": url})

    def _seal_credentials(self, session: Session, target: str, credentials: dict[str, str]) -> str:
        protocol = session.scalar(select(Protocol).where(Protocol.name == SYNC_PROTOCOL)) or \
            self.access.add_protocol(session, SYNC_PROTOCOL, kind="strict")
        return vault.seal_json(credentials, self.access.held_key(protocol), f"target:{target}", "credentials")

    def edit_target(self, name: str, *, url: str | None = None, settings: dict[str, Any] | None = None,
                    credentials: dict[str, str] | None = None) -> None:
        """Change a target (custodians). Given credentials are merged into the stored ones."""
        with self.writing() as session:
            self.access.require("custodian")
            sealed = None
            if credentials:
                sealed = self._seal_credentials(session, name, {**self.target(name)["credentials"], **credentials})
            self.outbox.edit_target(session, name, url=url, settings=settings or {}, sealed_credentials=sealed)
            self._audit(session, "target_edit", name, {"url": url, "settings": sorted(settings or {}),
                                                       "credentials": sorted(credentials or {})})

    def remove_target(self, name: str, *, force: bool = False) -> None:
        """Forget a target (custodians); see ``Outbox.remove_target`` for what it refuses."""
        with self.writing() as session:
            self.access.require("custodian")
            self.outbox.remove_target(session, name, force=force)
            self._audit(session, "target_remove", name, {"force": force})

    def targets(self) -> list[dict[str, Any]]:
        with self.reading() as session:
            return [reads.target_dict(t, len(self.outbox.pending(session, t.name)))
                    for t in session.scalars(select(SyncTarget).order_by(SyncTarget.name))]

    def target(self, name: str | None = None) -> dict[str, Any]:
        """A target with its credentials opened (needs an unlocked member of the sync protocol)."""
        with self.reading() as session:
            target = self.outbox.target(session, name)
            if problem := self.access.row_check(session, "sync_targets", target):
                raise vault.TamperedData(problem, target=target.name)
            credentials: dict[str, str] = {}
            if target.credentials:
                protocol = self.access.protocol(session, SYNC_PROTOCOL)
                credentials = vault.open_json(target.credentials, self.access.held_key(protocol), f"target:{target.name}", "credentials")
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
            record = {**rec.row_to_dict(row), "damaged": self.access.record_problem(session, row)}
            record["consents"] = self._consent_events(session, record_id, None, find_deleted=True)[0]
            names = [target] if target else list(session.scalars(select(SyncTarget.name)))
            return reads.verdicts(record, names, self.outbox.shared_targets(session, record_id), reads.today())

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
            return reads.outgoing(row, self.access.verifier(session),
                                  lambda: self._consent_events(session, record_id, None, find_deleted=True)[0],
                                  lambda: self.outbox.is_shared(session, record_id, target), reads.today())

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
                       finish: Callable[[Session, list[Outcome]], None] | None = None,
                       structure: dict[str, Any] | None = None, normalized: bool = False) -> list[Outcome]:
        """Insert records exactly as given (ids, timestamps, history, consents) in ONE
        transaction: a cancel or an error in the middle leaves the library as it was. Returns
        one ``Outcome`` per item (index, id, status: imported|skipped|merged|error, reason).
        ``merges`` maps an item's index to (existing id, function of (existing record, item) ->
        changes): that item is merged into the existing record instead. ``structure`` (a library
        file's ``communities`` and ``protocols``, a custodian's job) is created first, in the same
        transaction. ``finish`` runs in it after the last item (an archive adds its attachments there)."""
        self.refuse_if_read_only()
        report: list[Outcome] = []
        with self._write_lock, collector.paused():
            # The index writer is open through the transaction and committed after it (cancelled
            # if it fails): public records are indexed from the rows as they are written, never
            # read back. An archive's attachments come after its records (``finish``), and their
            # text is indexed with them: that import is indexed from the queue after the commit.
            with (self.index.batch() if finish is None else nullcontext()) as public, \
                    self._sessions() as session, session.begin():
                self.access.require_writer(session)
                if structure:
                    self._import_structure(session, structure)
                existing = set(session.scalars(select(Record.id)).all())
                pending = bulk.Pending(public)
                with self.access.protocols_read_once(session):
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
                        if progress:
                            progress(index + 1, total)
                pending.write(session)
                if finish:
                    session.flush()  # the records exist before what refers to them (attachments)
                    finish(session, report)
                self._audit(session, "import", "", {"records": sum(1 for r in report if r.status == "imported")})
            self._dequeue(pending.indexed)  # only now: after a crash before the index commit they are indexed again
            self._drain_index_queue()
        return report

    def _import_one(self, session: Session, index: int, item: dict[str, Any], existing: set[str],
                    by: str | None, normalized: bool, pending: bulk.Pending) -> Outcome:
        """One new record: everything that can refuse it (validation, access rules, sealing) runs
        before its rows join ``pending`` (written by bulk inserts), so a refused record leaves
        nothing behind without a savepoint per record."""
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
            self.access.check_access_change(session, None, clean["access"])
            key = self.access.seal(session, row, rec.protected_part(clean))
            history = item.get("history") or [{"at": stamp, "by": by or self.actor, "action": "import", "changes": {}}]
            entries = [self._history_values(row, key, entry["by"], entry["action"], entry.get("changes") or {}, entry["at"])
                       for entry in history]
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
        pending.index(row)
        existing.add(record_id)
        return Outcome(index, record_id, "imported", None)

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
                   by: str | None) -> Outcome:
        try:
            with session.begin_nested():
                row = self._row(session, target)
                before = self._to_dict(session, row)
                if before.get("sealed"):
                    raise AccessDenied("you cannot merge into a record you cannot open")
                changes = rec.normalize(merge(before, item), partial=True)
                changed = self._change(session, row, before, changes, by, "merge")
        except Exception as exc:  # report the row, keep going
            return Outcome(index, target, "error", str(exc))
        return Outcome(index, target, "merged", f"merged into {target}" if changed else f"nothing new for {target}")

    def _import_consent(self, session: Session, row: Record, key: bytes | None, data: dict[str, Any]) -> None:
        consent_id = data.get("id") or rec.new_id()
        withdrawal = {k: data.pop(k, None) for k in ("withdrawn_on", "withdrawn_by", "withdrawal_reason")}
        grant = {k: v for k, v in data.items() if k not in ("id", "recorded_at", "recorded_by")}
        at = data.get("recorded_at") or rec.now()
        by = data.get("recorded_by") or self.actor
        events = [("grant", grant)] + ([("withdraw", withdrawal)] if withdrawal["withdrawn_on"] else [])
        for kind, values in events:
            digest = self._add_consent_event(session, row, key, consent_id, kind, at, by, values)
            self._audit(session, "consent_import", row.id, {"consent": consent_id, "event": digest})

    def import_library(self, data: dict[str, Any], *, progress: Progress | None = None,
                       cancel: CancelToken = _never) -> dict[str, Any]:
        """Import a library file (``library_file.read``): communities and protocols first (a
        custodian's job), then its records, with a row-by-row report, all in one transaction."""
        items = data["records"]
        rows = [row._asdict() for row in self.import_records(items, total=len(items), progress=progress, cancel=cancel,
                                                             structure=data)]
        counts: dict[str, int] = {}
        for row in rows:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        return {"rows": rows, "counts": counts}

    # -- search index ---------------------------------------------------------------------
    @staticmethod
    def _indexable(record: dict[str, Any]) -> bool:
        """Only public records reach the on-disk index (DESIGN §3); a damaged one reaches none."""
        return record["access"]["level"] == "public" and not record.get("damaged")

    @staticmethod
    def _privately_indexable(record: dict[str, Any]) -> bool:
        return record["access"]["level"] != "public" and not record.get("sealed")

    def _drain_index_queue(self, batch: int = 500) -> None:
        """Index what the queue holds with one writer per index, committed once: a commit every
        few hundred records re-merges segments, and a large import would then grow faster than
        its record count. Records are read ``batch`` at a time, so memory stays bounded. Queue
        rows go only after the commit: after a crash in between they are indexed again."""
        with self._write_lock:
            with self.reading() as session:
                if session.scalar(select(IndexQueue.record_id).limit(1)) is None:
                    return
            done: list[str] = []
            with self._index_batches() as (public, private):
                last = ""
                while True:
                    with self.reading() as session:
                        ids = session.scalars(select(IndexQueue.record_id).where(IndexQueue.record_id > last)
                                              .order_by(IndexQueue.record_id).limit(batch)).all()
                    if not ids:
                        break
                    last = ids[-1]
                    self._index_batch(ids, {record["id"]: record for record in self._records(ids)}, public, private)
                    done.extend(ids)
            self._dequeue(done)

    @contextmanager
    def _index_batches(self) -> Iterator[tuple[Batch, Batch | None]]:
        """A batch of the on-disk index and, while unlocked, of the private one, committed
        together; the private index is then due to be sealed again."""
        unlocked_index = self.private_index
        with self.index.batch() as public, \
                (unlocked_index.batch() if unlocked_index is not None else nullcontext()) as private:
            yield public, private
        if unlocked_index is not None:
            self._private_dirty = True

    def _dequeue(self, ids: list[str]) -> None:
        """Queue rows go once their records' index entries are committed."""
        with self._sessions() as session, session.begin():
            for start in range(0, len(ids), 500):
                session.execute(delete(IndexQueue).where(IndexQueue.record_id.in_(ids[start:start + 500])))

    def _records(self, ids: list[str]) -> list[dict[str, Any]]:
        """The dicts of the records ``ids`` that this profile may see, sealed fields opened where
        it holds the key; without consents (what the index needs). A record that fails its
        integrity check is quarantined and comes as a damaged stub, indexed nowhere. The rows'
        keys and the protocols are read once for all of them, not per sealed row."""
        out = []
        with self.reading() as session, self.access.protocols_read_once(session):
            for row in session.scalars(self._with_keys(select(Record).where(Record.id.in_(ids)))):
                if not self._visible(session, row):
                    continue
                try:
                    revealed = self.access.reveal(session, row) if row.sealed is not None else None
                except vault.TamperedData as exc:
                    self.quarantine[row.id] = str(exc)
                    out.append({**rec.row_to_dict(row, None), "sealed": True, "damaged": str(exc)})
                    continue
                out.append(rec.row_to_dict(row, revealed))
        return out

    def _index_batch(self, ids: list[str], found: dict[str, dict[str, Any]], public: Batch,
                     private: Batch | None) -> None:
        """Bring the index entries of ``ids`` in line with ``found`` (the caller holds the write lock)."""
        from kmdesk.core.search import record_to_doc

        for record_id in ids:
            record = found.get(record_id)
            if record is None or not self._indexable(record):
                public.delete(record_id)
            if private is not None and (record is None or not self._privately_indexable(record)):
                private.delete(record_id)
        for doc in self._public_docs(r for r in found.values() if self._indexable(r)):
            public.update(doc)
        if private is not None:
            for record in found.values():
                if self._privately_indexable(record):
                    private.update(record_to_doc(record))

    def _public_docs(self, records: Iterable[dict[str, Any]], batch: int = 500) -> Iterator[dict[str, Any]]:
        """Index documents of public records: the text extracted from their attached PDFs and
        plain-text files is searchable with them (read a batch of records at a time)."""
        from kmdesk.core.search import record_to_doc

        records = iter(records)
        while chunk := list(islice(records, batch)):
            with self.reading() as session:
                texts = attachments.public_texts(session, [record["id"] for record in chunk])
            for record in chunk:
                yield record_to_doc(record, texts.get(record["id"], ()))

    def index_backlog(self) -> int:
        """How many records wait to be indexed: every public one after an upgrade replaced the
        index. It opens the index without indexing them, so a face that asks before its first
        search can show ``catch_up_index``'s progress instead of a search waiting for it."""
        self._open_index()
        if self.read_only:
            return 0
        with self.reading() as session:
            return session.scalar(select(func.count()).select_from(IndexQueue)) or 0

    def catch_up_index(self, progress: Progress | None = None, cancel: CancelToken = _never, *,
                       batch: int = CATCH_UP_BATCH) -> int:
        """Index what the queue holds, ``batch`` records per index commit, each batch taken off
        the queue once committed: a cancel (``Cancelled``, between batches) or a kill leaves the
        rest queued and the next call resumes there, while searches find what is indexed.
        Returns how many records were indexed (none on a read-only medium: it cannot change)."""
        if self.read_only:
            return 0
        with self._write_lock, collector.paused():
            self._open_index()
            with self.reading() as session:  # nothing queued: the store is not counted
                if session.scalar(select(IndexQueue.record_id).limit(1)) is None:
                    return 0
                total = session.scalar(select(func.count()).select_from(IndexQueue)) or 0
            done, last = 0, ""
            while ids := self._queued_after(last, batch):
                if cancel():
                    raise Cancelled(f"indexing stopped after {done} of {total} records; the rest stays queued")
                self._index_committed(ids)
                done, last = done + len(ids), ids[-1]
                if progress:
                    progress(done, total)
            return done

    def _queued_after(self, last: str, batch: int) -> list[str]:
        """The next ``batch`` queued ids after ``last``, in id order."""
        with self.reading() as session:
            return list(session.scalars(select(IndexQueue.record_id).where(IndexQueue.record_id > last)
                                        .order_by(IndexQueue.record_id).limit(batch)))

    def _index_committed(self, ids: list[str]) -> None:
        """Index ``ids`` in one commit per index, then take them off the queue."""
        with self._index_batches() as (public, private):
            for chunk in _chunks(ids):
                self._index_batch(chunk, {record["id"]: record for record in self._records(chunk)}, public, private)
        self._dequeue(ids)

    def _has_public_records(self) -> bool:
        with self.reading() as session:
            return session.scalar(select(Record.id).where(Record.access_level == "public").limit(1)) is not None

    def search(self, query: str, *, limit: int = 50, page: int = 1, snippets: bool = True,
               **options: Any) -> SearchResults:
        """Search public records on disk and, while unlocked, the non-public ones this profile
        may read; hits are merged by score (by title for a listing), facet counts summed, and
        snippets made for the page shown only."""
        filters = dict(options.get("filters") or {})
        if filters.pop(INTEGRITY_FACET, None):
            return self._damaged_results()
        options["filters"] = filters or None
        private = self.private_index
        if private is None:
            results = self.index.search(query, limit=limit, page=page, snippets=snippets, **options)
        else:
            first, second = (ix.search(query, limit=page * limit, snippets=False, **options) for ix in (self.index, private))
            results = first.merged(second, limit, page)
            if snippets:
                for ix in (self.index, private):
                    ix.fill_snippets(results.hits, query, options.get("lang"), options.get("as_you_type", False))
        if self.quarantine:
            results.facets[INTEGRITY_FACET] = [("damaged", len(self.quarantine))]
        return results

    def snippet(self, record_id: str, query: str, *, lang: str | None = None, as_you_type: bool = False) -> str:
        """The highlights of ``query`` in one record's text: what the window shows beside the
        record a person opened (a page of hits is searched without snippets)."""
        return self.snippets([record_id], query, lang=lang, as_you_type=as_you_type)[record_id]

    def snippets(self, record_ids: Iterable[str], query: str, *, lang: str | None = None,
                 as_you_type: bool = False) -> dict[str, str]:
        """The highlights of ``query`` in each record's text, one lookup per index for them all."""
        hits = [Hit(id=record_id, score=0.0, title={}) for record_id in record_ids]
        for ix in (self.index, self.private_index):
            if ix is not None:
                ix.fill_snippets(hits, query, lang, as_you_type)
        return {hit.id: hit.snippet for hit in hits}

    def _damaged_results(self) -> SearchResults:
        """The quarantined records as search hits (the "damaged" facet ticked): named, no text."""
        hits = [Hit(id=record_id, score=0.0, title={}, snippet=reason) for record_id, reason in sorted(self.quarantine.items())]
        return SearchResults(len(hits), hits, {INTEGRITY_FACET: [("damaged", len(hits))]})

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
        self.refuse_if_read_only()
        with self._write_lock, collector.paused():
            with self.reading() as session:
                total = session.scalar(select(func.count()).select_from(Record).where(Record.access_level == "public")) or 0
            docs = self._public_docs(self._public_records())
            self._open_index().rebuild(docs, total=total, progress=progress, cancel=cancel)
            with self._sessions() as session, session.begin():  # non-public records wait for the private index
                session.execute(delete(IndexQueue).where(IndexQueue.record_id.not_in(
                    select(Record.id).where(Record.access_level != "public"))))
            return total

    def _quarantined(self, session: Session, row: Record) -> bool:
        """Whether a row fails its check (``Access.record_problem``); it then joins the quarantine."""
        problem = self.access.record_problem(session, row)
        if problem:
            self.quarantine[row.id] = problem
        return problem is not None

    def _public_records(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        last = ""
        while True:
            with self.reading() as session:
                rows = session.scalars(select(Record).where(Record.id > last, Record.access_level == "public")
                                       .order_by(Record.id).limit(batch)).all()
                items = [rec.row_to_dict(row) for row in rows if not self._quarantined(session, row)]
            if not rows:
                return
            yield from items
            last = rows[-1].id

    # -- small library settings -----------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        with self.reading() as session:
            row = session.get(Meta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.writing() as session:
            session.merge(Meta(key=key, value=value))
