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
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, delete, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from kmdesk.core import records as rec
from kmdesk.core.errors import Cancelled, NotFound, StoreError
from kmdesk.core.model import HistoryEntry, IndexQueue, Meta, Record
from kmdesk.core.search import SearchIndex, SearchResults, record_to_doc

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
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
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
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
        self.actor = getpass.getuser() or "local user"

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
        if row is None:
            raise NotFound(f"no record with id {record_id}", id=record_id)
        return row

    def get(self, record_id: str) -> dict[str, Any]:
        with self.reading() as session:
            return self._to_dict(session, self._row(session, record_id))

    def resolve_id(self, prefix: str) -> str:
        """A full id from a unique prefix, as people type ids at a command line."""
        with self.reading() as session:
            ids = session.scalars(select(Record.id).where(Record.id.startswith(prefix)).limit(2)).all()
        if len(ids) != 1:
            raise NotFound(f"no record with id {prefix}" if not ids else f"id prefix {prefix} is ambiguous", id=prefix)
        return ids[0]

    def add(self, data: dict[str, Any], *, by: str | None = None) -> dict[str, Any]:
        clean = rec.normalize(data)
        record_id = data.get("id") or rec.new_id()
        stamp = rec.now()
        with self.writing() as session:
            if session.get(Record, record_id) is not None:
                raise StoreError(f"a record with id {record_id} already exists", id=record_id)
            row = Record(id=record_id, revision=1, created_at=stamp, updated_at=stamp)
            rec.apply_to_row(row, clean)
            session.add(row)
            self._history(session, record_id, by, "create", rec.diff({}, clean), stamp)
            session.add(IndexQueue(record_id=record_id))
        return self.get(record_id)

    def update(self, record_id: str, changes: dict[str, Any], *, by: str | None = None) -> dict[str, Any]:
        clean = rec.normalize(changes, partial=True)
        with self.writing() as session:
            row = self._row(session, record_id)
            before = self._to_dict(session, row)
            changed = rec.diff(before, clean)
            if not changed:
                return before
            stamp = rec.now()
            rec.apply_to_row(row, clean)
            row.revision += 1
            row.updated_at = stamp
            self._history(session, record_id, by, "edit", changed, stamp)
            session.merge(IndexQueue(record_id=record_id))
        return self.get(record_id)

    def delete(self, record_id: str, *, by: str | None = None) -> None:
        with self.writing() as session:
            row = self._row(session, record_id)
            self._history(session, record_id, by, "delete", {"title": [row.title, None]}, rec.now())
            session.delete(row)
            session.merge(IndexQueue(record_id=record_id))

    def history(self, record_id: str) -> list[dict[str, Any]]:
        with self.reading() as session:
            rows = session.scalars(
                select(HistoryEntry).where(HistoryEntry.record_id == record_id).order_by(HistoryEntry.id)
            ).all()
            return [{"at": h.at, "by": h.by, "action": h.action, "changes": h.changes} for h in rows]

    def _history(self, session: Session, record_id: str, by: str | None, action: str,
                 changes: dict[str, Any], at: str) -> None:
        session.add(HistoryEntry(record_id=record_id, at=at, by=by or self.actor, action=action, changes=changes))

    def _to_dict(self, session: Session, row: Record) -> dict[str, Any]:
        return rec.row_to_dict(row)

    def iter_records(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every record, in id order, a batch of rows in memory at a time."""
        last = ""
        while True:
            with self.reading() as session:
                rows = session.scalars(select(Record).where(Record.id > last).order_by(Record.id).limit(batch)).all()
                items = [self._to_dict(session, row) for row in rows]
            if not items:
                return
            yield from items
            last = items[-1]["id"]

    def count(self) -> int:
        with self.reading() as session:
            return session.scalar(select(func.count()).select_from(Record)) or 0

    def counts_by_type(self) -> dict[str, int]:
        with self.reading() as session:
            return dict(session.execute(select(Record.type, func.count()).group_by(Record.type)).all())

    # -- import / export of kmdesk's own format ------------------------------------------
    def import_records(self, items: Iterable[dict[str, Any]], *, total: int | None = None,
                       progress: Progress | None = None, cancel: CancelToken = _never,
                       by: str | None = None) -> list[dict[str, Any]]:
        """Insert records exactly as given (ids, timestamps, history) in ONE transaction: a
        cancel or an error in the middle leaves the library as it was. Returns one report row
        per item: ``{"index", "id", "status": imported|skipped|error, "reason"}``."""
        report: list[dict[str, Any]] = []
        with self.writing() as session:
            existing = set(session.scalars(select(Record.id)).all())
            for index, item in enumerate(items):
                if cancel():
                    raise Cancelled()
                report.append(self._import_one(session, index, item, existing, by))
                if progress:
                    progress(index + 1, total)
        return report

    def _import_one(self, session: Session, index: int, item: dict[str, Any], existing: set[str],
                    by: str | None) -> dict[str, Any]:
        record_id = item.get("id") or rec.new_id()
        if record_id in existing:
            return {"index": index, "id": record_id, "status": "skipped", "reason": "a record with this id is already in the library"}
        try:
            clean = rec.normalize(item)
        except Exception as exc:  # report the row, keep going
            return {"index": index, "id": record_id, "status": "error", "reason": str(exc)}
        stamp = rec.now()
        row = Record(id=record_id, revision=int(item.get("revision") or 1),
                     created_at=item.get("created_at") or stamp, updated_at=item.get("updated_at") or stamp)
        rec.apply_to_row(row, clean)
        session.add(row)
        history = item.get("history") or [{"at": stamp, "by": by or self.actor, "action": "import", "changes": {}}]
        for entry in history:
            session.add(HistoryEntry(record_id=record_id, at=entry["at"], by=entry["by"], action=entry["action"],
                                     changes=entry.get("changes") or {}))
        session.add(IndexQueue(record_id=record_id))
        existing.add(record_id)
        return {"index": index, "id": record_id, "status": "imported", "reason": None}

    def import_library(self, data: dict[str, Any], *, progress: Progress | None = None,
                       cancel: CancelToken = _never) -> dict[str, Any]:
        """Import a library file (``library_file.read``): its records, with a row-by-row report."""
        items = data["records"]
        rows = self.import_records(items, total=len(items), progress=progress, cancel=cancel)
        counts: dict[str, int] = {}
        for row in rows:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        return {"rows": rows, "counts": counts}

    def export_records(self) -> Iterator[dict[str, Any]]:
        """Every record with its history, in kmdesk's own format."""
        for record in self.iter_records():
            record = dict(record)
            record["history"] = self.history(record["id"])
            yield record

    # -- search index ---------------------------------------------------------------------
    def _indexable(self, record: dict[str, Any]) -> bool:
        """Only public records reach the on-disk index (DESIGN §3)."""
        return record["access"]["level"] == "public"

    def _drain_index_queue(self) -> None:
        with self._write_lock:
            with self.reading() as session:
                ids = session.scalars(select(IndexQueue.record_id)).all()
                if not ids:
                    return
                rows = {row.id: row for row in session.scalars(select(Record).where(Record.id.in_(ids)))}
                docs = [record_to_doc(self._to_dict(session, row)) for row in rows.values()
                        if self._indexable(rec.row_to_dict(row))]
            gone = [i for i in ids if i not in rows or not self._indexable(rec.row_to_dict(rows[i]))]
            self.index.delete(gone)
            self.index.update(docs)
            with self._sessions() as session, session.begin():
                session.execute(delete(IndexQueue).where(IndexQueue.record_id.in_(ids)))

    def _recover_index(self) -> None:
        """Finish indexing left over by a crash; an empty index over a non-empty store is
        rebuilt (the index directory may have been deleted by hand)."""
        if self.index.doc_count() == 0 and self.count() > 0:
            self.reindex()
        else:
            self._drain_index_queue()

    def search(self, query: str, **options: Any) -> SearchResults:
        return self.index.search(query, **options)

    def check(self) -> Drift:
        """Compare the index with the store: every public record indexed at its revision."""
        self._drain_index_queue()
        with self.reading() as session:
            truth = {row.id: str(row.revision) for row in session.scalars(select(Record))
                     if self._indexable(rec.row_to_dict(row))}
            queued = session.scalar(select(func.count()).select_from(IndexQueue)) or 0
        indexed = {key: str(value) for key, value in self.index.versions().items()}
        return Drift(
            missing=sorted(set(truth) - set(indexed)),
            stale=sorted(i for i in truth.keys() & indexed.keys() if truth[i] != indexed[i]),
            orphans=sorted(set(indexed) - set(truth)),
            queued=queued,
        )

    def reindex(self, progress: Progress | None = None, cancel: CancelToken = _never) -> int:
        """Rebuild the index from the store; a cancel keeps the old index."""
        with self._write_lock:
            docs = (record_to_doc(r) for r in self.iter_records() if self._indexable(r))
            total = sum(1 for r in self.iter_records() if self._indexable(r))
            self.index.rebuild(docs, total=total, progress=progress, cancel=cancel)
            with self._sessions() as session, session.begin():
                session.execute(delete(IndexQueue))
            return total

    # -- small library settings -----------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        with self.reading() as session:
            row = session.get(Meta, key)
            return row.value if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.writing() as session:
            session.merge(Meta(key=key, value=value))
