"""Every signed row of a library checked, for ``kmdesk check``: what fails, named by its record.

Records and consent events are checked record by record where they are read (``reads``), and so
by ``Library.integrity``; this walks the other signed tables (profiles, communities, protocols,
memberships, history, attachments, sharing choices, the outbox, sync states and targets) with
``rows.Verifier``, a batch at a time in rowid order, so a library of any size is checked in
bounded memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Integer, literal_column, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from kmdesk.core.store.model import Base
from kmdesk.core.trust import rows

BATCH = 500
BY_RECORD = ("records", "consent_events")  # checked where a record is read (``Library.integrity``)


def untrusted(session: Session, verifier: rows.Verifier) -> Iterator[dict[str, Any]]:
    """Each row of the signed tables but ``BY_RECORD`` that fails its check: its table, the record
    it belongs to (None: it belongs to none) and the problem, the row named."""
    if not verifier.active:
        return
    rowid: ColumnClause[int] = literal_column("rowid", Integer)
    for name in rows.SIGNED:
        if name in BY_RECORD:
            continue
        table = Base.metadata.tables[name]
        last = 0
        while batch := session.execute(select(table, rowid.label("k_rowid")).where(rowid > last)
                                       .order_by(rowid).limit(BATCH)).all():
            last = batch[-1].k_rowid
            for row in batch:
                problem = verifier.check(name, row)
                if problem:
                    yield {"table": name, "record": rows.record_of(name, row), "problem": problem}
