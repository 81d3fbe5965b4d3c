"""An import's rows written by bulk inserts instead of ORM objects.

A new record is built as a plain ``NewRow`` (the attributes sealing, the access context and the
history read and write, as on a ``model.Record``) and its rows (record, wrapped keys, history,
index queue, then the records' manifests) wait in ``Pending`` until 500 records are ready, then
go in as one executemany per table inside the import's one transaction, so an import pays for
no ORM objects, unit-of-work bookkeeping or flushes (bench/README.md, "Import, fourth round",
has what they cost); the rows written are the same values the ORM wrote.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Table, func, select
from sqlalchemy.orm import Session

from kmdesk.core.store import row_tags
from kmdesk.core.store.model import HistoryEntry, IndexQueue, Record, RecordKey
from kmdesk.core.store.rows import json_text
from kmdesk.core.trust import manifests, row_signing

if TYPE_CHECKING:
    from kmdesk.core.search import Batch

RECORD_COLUMNS = tuple(column.key for column in Record.__table__.columns)
BATCH = 500


class NewRow:
    """A record being imported, as plain attributes named as ``model.Record``'s columns, with
    the ``keys`` that sealing wraps for it (``RecordKey`` objects never added to a session)."""

    # the columns sealing, history and consent read and write (set by ``__init__``, as all others)
    id: str
    access_level: str
    access_protocols: list[str]
    access_sharing: str
    custodians: list[str]
    community: str | None
    sealed: str | None
    access_signature: bytes | None

    def __init__(self, **columns: Any) -> None:
        self.__dict__.update(dict.fromkeys(RECORD_COLUMNS), **columns)
        self.keys: list[RecordKey] = []

    if TYPE_CHECKING:  # the columns are set by name in ``__init__``
        def __getattr__(self, name: str) -> Any: ...

    def columns(self) -> dict[str, Any]:
        values = self.__dict__
        return {name: values[name] for name in RECORD_COLUMNS}


class Pending:
    """Rows of imported records not yet written; ``write`` sends them, one insert per table.
    With ``public`` (the on-disk index's writer, committed after the transaction) each public
    record is indexed from its own row as it is accepted (``index``), not read back from the
    store after the commit, and with ``private`` (the unlocked profile's in-memory index) each
    record it may open, from the fields it was sealed with, not read back, checked and opened
    again; ``indexed`` names them (their queue rows go after the index commit)."""

    def __init__(self, public: Batch | None = None, private: Batch | None = None) -> None:
        self.records: list[dict[str, Any]] = []
        self.keys: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []
        self.public = public
        self.private = private
        self.indexed: list[str] = []

    def add(self, row: NewRow, history: list[dict[str, Any]]) -> None:
        self.records.append(row.columns())
        self.keys.extend({"record_id": key.record_id, "holder": key.holder, "holder_ref": key.holder_ref,
                          "wrapped_key": key.wrapped_key} for key in row.keys)
        self.history.extend(history)

    def index(self, row: NewRow, record: dict[str, Any] | None) -> None:
        """A record that stays in the import, as the record dict it was stored from (None: a
        sealed one the importer's profile may not open, see ``ImportManager``): a public one goes
        to the on-disk index now, a sealed one to the private index. The dict is the one the row
        was written from, so it is not read back from the row. Others wait in the queue (for an
        unlock)."""
        batch = self.public if row.access_level == "public" else self.private
        if batch is None or record is None:
            return
        from kmdesk.core.search import record_to_doc  # the engine loads only where it indexes

        batch.add(record_to_doc(record))  # a new id: nothing to replace
        self.indexed.append(row.id)

    def full(self) -> bool:
        return len(self.records) >= BATCH

    def write(self, session: Session) -> None:
        """Insert what waits (records first: keys refer to them) and forget it, each record and
        history row signed by the member importing (``row_signing``): a history row gets its id
        here, as the signature covers it."""
        queue = [{"record_id": values["id"]} for values in self.records]
        signer = row_signing.signer_of(session)
        for values in self.records:
            row_signing.sign_values(session, "records", values)
            if signer is not None:
                row_tags.remember_written(signer, values)
        if self.history:
            session.flush()  # history rows the ORM holds take their ids first
            last = session.connection().execute(select(func.max(HistoryEntry.id))).scalar() or 0
            for number, values in enumerate(self.history, start=last + 1):
                values["id"] = number
                row_signing.sign_values(session, "record_history", values)
        made = [values["id"] for values in self.records]
        for model, rows in ((Record, self.records), (RecordKey, self.keys), (HistoryEntry, self.history),
                            (IndexQueue, queue)):
            if rows:
                _insert(session, model.metadata.tables[model.__tablename__], rows)
                rows.clear()
        manifests.refresh(session, made, made=made)


def _insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """One executemany of ``rows`` (dicts with the same keys, columns of ``table``) as the
    driver's own SQL: the values are what SQLAlchemy's insert binds (a JSON column as the
    engine's ``json_text`` writes it, None as ``null``; the others as they are), without its
    compilation and per-value type processing (a tenth of an import's time)."""
    names = list(rows[0])
    columns = ", ".join(f'"{name}"' for name in names)
    sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({", ".join("?" * len(names))})'
    get = itemgetter(*names)
    as_json = [i for i, name in enumerate(names) if isinstance(table.c[name].type, JSON)]
    values: list[tuple[Any, ...]] = []
    for row in rows:
        line = list(get(row)) if len(names) > 1 else [get(row)]
        for i in as_json:
            line[i] = json_text(line[i])
        values.append(tuple(line))
    session.connection().exec_driver_sql(sql, values)
