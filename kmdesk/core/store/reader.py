"""A library opened for reading with the standard library's ``sqlite3``, no profile unlocked.

``kmdesk show ID`` must answer in a fraction of a second, and ``kmdesk search WORD`` at 100,000
records in less than one; importing SQLAlchemy alone would take most of that second
(bench/README.md, "kmdesk search without SQLAlchemy"). A ``Reader`` answers the reads ``show`` makes (``records.resolve_id``,
``records.get``, ``history.of``, ``sync.eligibility``, ``sync.states``, ``sync.targets``,
``sync.outgoing``, ``meta``) and ``index.search`` (once ``searchable``) with the same names,
signatures and answers as ``store.Library`` and its managers, locked: its SQL fetches plain
rows (``rows``, of classes written from ``model``) and every decision about them is made by the functions the store uses too
(``reads``, ``trust``, ``records``, ``consent``). What a locked store cannot open, it cannot
either (it holds no key), and a record whose access block was changed outside kmdesk is refused
and named in the same words. It never writes. A library whose schema is not at ``SCHEMA_HEAD``
(``revisions``) is not read here: the store upgrades it first (``Reader.open`` answers None).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from kmdesk.core.store import records as rec
from kmdesk.core.store.revisions import SCHEMA_HEAD
from kmdesk.core.store.row_classes import (
    ConsentEventRow,
    HistoryRow,
    ManifestRow,
    ProfileRow,
    RecordRow,
    RemoteStateRow,
    ShareRow,
    SyncTargetRow,
)
from kmdesk.core.store.rows import select, stored_json
from kmdesk.core.trust import consent, reads, rows, witness
from kmdesk.core.trust import signing as trust

if TYPE_CHECKING:
    from kmdesk.core.search import SearchIndex
    from kmdesk.core.search.results import SearchResults

_LIKE_ESCAPE = "/"


def _starting_with(prefix: str) -> str:
    """A LIKE pattern for ids starting with ``prefix``, its wildcards taken literally (as the
    store's ``startswith(prefix, autoescape=True)``)."""
    for char in (_LIKE_ESCAPE, "%", "_"):
        prefix = prefix.replace(char, _LIKE_ESCAPE + char)
    return prefix + "%"


def connect_read_only(db_path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection to ``db_path``. SQLite reads a WAL database through a shared-memory
    file beside it, which it cannot create on a read-only medium (a DVD, a write-protected
    stick): there the file is opened ``immutable``, when no WAL file with content is beside it
    (nothing committed waits there, and nobody can change a file on such a medium anyway)."""
    uri = f"file:{quote(str(db_path))}?mode=ro"

    def connect(target: str) -> sqlite3.Connection:
        return sqlite3.connect(target, uri=True, timeout=30, isolation_level=None, check_same_thread=check_same_thread)

    connection = connect(uri)
    try:
        connection.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        return connection
    except sqlite3.OperationalError:
        connection.close()
        wal = db_path.with_name(db_path.name + "-wal")
        if wal.exists() and wal.stat().st_size:
            raise
    return connect(uri + "&immutable=1")


class Reader:
    """The read half of a locked library over one read-only ``sqlite3`` connection, in one read
    transaction for its whole life: all it answers comes from one state of the library, even
    while the window writes to it."""

    def __init__(self, data_dir: Path, connection: sqlite3.Connection) -> None:
        self.data_dir = data_dir
        self._db = connection
        self._verifier_value: rows.Verifier | None = None
        self._index: SearchIndex | None = None
        self.records = ReaderRecords(self)
        self.history = ReaderHistory(self)
        self.sync = ReaderSync(self)
        self.index = ReaderIndex(self)
        self.rollback: list[str] = []  # what went back since this user last saw the library (``witness``)

    @classmethod
    def open(cls, data_dir: Path) -> Reader | None:
        """The library in ``data_dir`` for reading; None when its schema is not at
        ``SCHEMA_HEAD`` (or it has none yet): then only the store may open it, upgrading it."""
        connection = connect_read_only(data_dir / "library.db")
        try:
            connection.execute("BEGIN")
            has_version = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
            current = connection.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
        except BaseException:
            connection.close()
            raise
        if current is None or current[0] != SCHEMA_HEAD:
            connection.close()
            return None
        reader = cls(data_dir, connection)
        reader.rollback = witness.observe(reader.meta(rows.LIBRARY_ID), witness.read(reader._query, reader._verifier()))
        return reader

    def _query(self, sql: str) -> list[dict[str, Any]]:
        cursor = self._db.execute(sql)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- what the locked store would tell ----------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        found = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return found[0] if found else default

    def _verifier(self) -> rows.Verifier:
        """What checks rows while locked (``Access.verifier``): the library key as the file says
        and the profiles it certifies, read once."""
        if self._verifier_value is None:
            self._verifier_value = rows.Verifier(self.meta(rows.LIBRARY_ID), trust.unb64(self.meta(trust.LIBRARY_KEY)),
                                                 select(self._db, ProfileRow), self.meta(rows.ROWS_SIGNED),
                                                 self.meta(rows.MANIFESTS))
        return self._verifier_value

    @staticmethod
    def _may_view(row: RecordRow) -> bool:
        """``Access.may_view`` with no profile unlocked: the policy with no viewer (public
        records only, whatever the protocols' kinds)."""
        return consent.can_view(None, rec.row_to_dict(row)["access"], row.community)

    def _record_row(self, record_id: str) -> RecordRow | None:
        return next(select(self._db, RecordRow, "id = ?", (record_id,)), None)

    def _row(self, record_id: str) -> RecordRow:
        return reads.visible_row(self._record_row(record_id), record_id, self._may_view)

    def _opened(self, row: RecordRow) -> reads.Opened:
        return reads.opened(row, self._verifier(), lambda: (None, None))  # no profile: no key opens a sealed row

    def _consents(self, record_id: str, key: bytes | None = None, *, find_deleted: bool = False) -> list[dict[str, Any]]:
        """``ConsentManager.events``' consents: with ``find_deleted`` the audit log says which
        of this record's events it saw (a lost withdrawal still withdraws)."""
        return self._folded(record_id, key, find_deleted)[0]

    def _folded(self, record_id: str, key: bytes | None, find_deleted: bool) -> tuple[list[dict[str, Any]], list[str]]:
        """``ConsentManager.events``: the consents and the problems found."""
        events = list(select(self._db, ConsentEventRow, "record_id = ?", (record_id,), "ORDER BY id"))
        audited = [(seq, action, stored_json(details)) for seq, action, details in self._db.execute(
            f"SELECT seq, action, details FROM audit_events WHERE target = ? AND action IN ({','.join('?' * len(reads.CONSENT_ACTIONS))})",
            (record_id, *reads.CONSENT_ACTIONS))] if find_deleted else []
        return reads.fold_consents(record_id, events, key, self._verifier(), audited)

    def _shared(self, record_id: str) -> set[str]:
        """The targets a person chose to share the record with, by rows that pass their check and
        that the record's manifest lists (``Outbox.is_shared``)."""
        shares = [share for share in select(self._db, ShareRow, "record_id = ?", (record_id,))
                  if self._verifier().problem("shares", share) is None]
        manifest = next(select(self._db, ManifestRow, "record_id = ?", (record_id,)), None) if shares else None
        return {share.target for share in shares if rows.unlisted_share(self._verifier(), share, manifest) is None}

    # -- search ------------------------------------------------------------------------------
    def searchable(self) -> bool:
        """Whether the on-disk index answers for this state of the store as the store's own
        would: an index of this schema that opens, nothing in the index queue (left by a crash,
        or a rebuild not finished yet), and not empty while public records exist. Otherwise only
        the store may search, once it has indexed what waits (``IndexManager.catch_up``)."""
        from kmdesk.core.search import SearchIndex

        if self._db.execute("SELECT 1 FROM index_queue LIMIT 1").fetchone() is not None:
            return False
        owner = self.meta(trust.INDEX_OWNER)
        if owner is None:  # the store has not made its index yet
            return False
        try:
            self._index = SearchIndex.open(self.data_dir / "index", create=False, owner=owner)
        except FileNotFoundError:  # none, of another schema or library, or damaged: the store rebuilds it
            return False
        return self._index.doc_count() > 0 or self._db.execute(
            "SELECT 1 FROM records WHERE access_level = 'public' LIMIT 1").fetchone() is None


class ReaderRecords:
    """``reader.records``: the reads of ``library.records`` while locked."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def resolve_id(self, prefix: str, *, deleted: bool = False) -> str:
        """``RecordManager.resolve_id``: a full id from a unique prefix of at least
        ``reads.MIN_ID_PREFIX`` characters (with ``deleted``, of deleted records too); an exact id
        of any length first."""
        exact = reads.typed_id(prefix)
        row = self.reader._record_row(exact) if exact else None
        if row is not None and reads.visible(row, self.reader._may_view):
            return exact
        if row is None and exact and deleted and self.reader._db.execute(
                "SELECT 1 FROM record_history WHERE record_id = ? LIMIT 1", (exact,)).fetchone() is not None:
            return exact
        prefix = reads.id_prefix(prefix)
        pattern = _starting_with(prefix)
        rows = select(self.reader._db, RecordRow, f"id LIKE ? ESCAPE '{_LIKE_ESCAPE}'", (pattern,), "LIMIT 3")
        ids = {row.id for row in rows if reads.visible(row, self.reader._may_view)}
        if deleted:
            ids.update(found for (found,) in self.reader._db.execute(
                f"SELECT DISTINCT record_id FROM record_history WHERE record_id LIKE ? ESCAPE '{_LIKE_ESCAPE}' "
                "AND NOT EXISTS (SELECT 1 FROM records WHERE records.id = record_history.record_id) LIMIT 3", (pattern,)))
        return reads.one_id(prefix, ids)

    def failing(self, record_ids: Iterable[str]) -> dict[str, str]:
        """``RecordManager.failing`` while locked."""
        ids = list(dict.fromkeys(record_ids))
        verifier, found = self.reader._verifier(), {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for row in select(self.reader._db, RecordRow, f"id IN ({','.join('?' * len(chunk))})", chunk):
                if problem := reads.record_problem(row, verifier):
                    found[row.id] = problem
        return found

    def pulled(self, record_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """``RecordManager.pulled``: of ``record_ids``, those pulled from the CHM, with their CHM
        identifier and whether the CHM withdrew them."""
        ids = list(dict.fromkeys(record_ids))
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for record_id, chm_id, target, withdrawn in self.reader._db.execute(
                    f"SELECT record_id, chm_id, target, withdrawn FROM chm_records WHERE record_id IN ({','.join('?' * len(chunk))})",
                    chunk):
                found[record_id] = {"chm_id": chm_id, "target": target, "withdrawn": bool(withdrawn)}
        return found

    def get(self, record_id: str) -> dict[str, Any]:
        """``RecordManager.get`` while locked: a sealed record is a stub; a damaged one is refused,
        naming its other copies. No sealed record opens, so no view is audited."""
        record = reads.record_dict(self.reader._row(record_id), self.reader._opened,
                                   lambda found, key: self.reader._consents(found, key, find_deleted=True))
        if record.get("damaged"):
            raise reads.damaged(record_id, record["damaged"], self.other_copies(record_id))
        return consent.withhold_contacts(record, reads.today())  # locked: contacts only with consent to be listed

    def problems(self, record_id: str) -> list[str]:
        """``RecordManager.problems`` while locked."""
        reader = self.reader
        return reads.row_problems(reader._verifier(), record_id, reader._folded(record_id, None, True)[1], {
            "shares": select(reader._db, ShareRow, "record_id = ?", (record_id,)),
            "remote_state": select(reader._db, RemoteStateRow, "record_id = ?", (record_id,)),
            "record_history": select(reader._db, HistoryRow, "record_id = ?", (record_id,))},
            next(select(reader._db, ManifestRow, "record_id = ?", (record_id,)), None),
            (key for (key,) in reader._db.execute("SELECT id FROM attachments WHERE record_id = ?", (record_id,))))

    def in_conflict(self, record_id: str) -> list[str]:
        """``RecordManager.in_conflict`` while locked."""
        db = self.reader._db
        if db.execute(reads.HUB_CONFLICTS_TABLE).fetchone() is None:
            return []
        return [field for (field,) in db.execute(reads.HUB_CONFLICTS, (record_id,))]

    def other_copies(self, record_id: str) -> list[str]:
        """``RecordManager.other_copies``: the backups that hold the record and the targets it was sent to."""
        sent = self.reader._db.execute("SELECT target FROM remote_state WHERE record_id = ? AND status = 'sent'", (record_id,))
        return reads.backup_copies(self.reader.data_dir, record_id) + [f"target {name}" for (name,) in sent]


class ReaderHistory:
    """``reader.history``: ``library.history`` while locked."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def of(self, record_id: str) -> list[dict[str, Any]]:
        """``HistoryManager.of`` while locked: a sealed record's entries name only the fields, and
        contact details recorded in it show only with a consent to be listed."""
        reader = self.reader
        found = list(select(reader._db, HistoryRow, "record_id = ?", (record_id,), "ORDER BY id"))
        manifest = next(select(reader._db, ManifestRow, "record_id = ?", (record_id,)), None)
        missing = rows.missing_history(reader._verifier(), record_id, manifest, (entry.id for entry in found))
        entries = reads.history_entries(record_id, found, None,
                                        lambda entry: reader._verifier().check("record_history", entry), missing)
        shown = {"consents": reader._consents(record_id)} if reader._record_row(record_id) is not None else None
        return consent.withhold_history_contacts(shown, entries, reads.today())


class ReaderSync:
    """``reader.sync``: the reads of ``library.sync`` while locked."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def eligibility(self, record_id: str, target: str | None = None) -> dict[str, Any]:
        row = self.reader._row(record_id)
        record = {**rec.row_to_dict(row), "damaged": reads.record_problem(row, self.reader._verifier())}
        record["consents"] = self.reader._consents(record_id, find_deleted=True)
        names = [target] if target else [name for (name,) in self.reader._db.execute("SELECT name FROM sync_targets")]
        return reads.verdicts(record, names, self.reader._shared(record_id), reads.today())

    def states(self, record_id: str) -> list[dict[str, Any]]:
        states = select(self.reader._db, RemoteStateRow, "record_id = ?", (record_id,))
        return reads.sync_states(states, self.reader._shared(record_id))

    def targets(self) -> list[dict[str, Any]]:
        count = "SELECT count(*) FROM outbox WHERE target = ?"
        return [reads.target_dict(t, self.reader._db.execute(count, (t.name,)).fetchone()[0])
                for t in select(self.reader._db, SyncTargetRow, tail="ORDER BY name")]

    def outgoing(self, record_id: str, target: str) -> tuple[dict[str, Any] | None, consent.Eligibility | None]:
        row = self.reader._record_row(record_id)
        if row is None:
            return None, None
        return reads.outgoing(row, self.reader._verifier(), lambda: self.reader._consents(record_id, find_deleted=True),
                              lambda: target in self.reader._shared(record_id), reads.today())


class ReaderIndex:
    """``reader.index``: ``library.index.search`` while locked, once ``Reader.searchable``."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def search(self, query: str, *, limit: int = 50, page: int = 1, snippets: bool = True,
               **options: Any) -> SearchResults:
        """``IndexManager.search`` while locked, once ``searchable``: the public index alone (no key
        opens the other). A reader meets no record on the way, so it has quarantined none, as
        a store just opened has not."""
        if self.reader._index is None:
            raise RuntimeError("search only after searchable() said yes")
        return self.reader._index.search(query, limit=limit, page=page, snippets=snippets, **options)
