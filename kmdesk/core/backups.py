"""The copy of a library taken before its schema is upgraded, and the way back to it.

A new kmdesk opening a library made by an older one migrates it. Before that, the database is
copied into ``backups/`` with ``VACUUM INTO``: one consistent file (what is still in the WAL
included, no free pages), holding exactly what the library holds, sealed the same way (sealed
fields stay ciphertext; nothing is decrypted to copy it) and with the library file's
permissions. If the migration fails, the database is put back from that copy, so the person
is never left with a half-upgraded library.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

FOLDER = "backups"


def take(db_path: Path, revision: str) -> Path:
    """Copy the library at ``revision`` into ``backups/library-<revision>.db`` (its own
    connection: VACUUM cannot run inside the transaction SQLAlchemy would open). A library is
    at a revision once, so the name is taken only by the copy of a migration that failed and
    was restored: the same state, replaced whole (written aside, then renamed)."""
    folder = db_path.parent / FOLDER
    folder.mkdir(exist_ok=True)
    target = folder / f"library-{revision}.db"
    fresh = folder / f"library-{revision}.db.new"
    fresh.unlink(missing_ok=True)  # left by a copy that was cut short
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("VACUUM INTO ?", (str(fresh),))
    shutil.copymode(db_path, fresh)
    os.replace(fresh, target)
    return target


def restore(engine: Engine, db_path: Path, backup: Path) -> None:
    """Put the database back as ``backup`` holds it: every connection closed, the WAL and
    shared-memory files removed (they belong to the failed state), the copy renamed into place."""
    engine.dispose()
    for leftover in (db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    fresh = db_path.with_name(db_path.name + ".restoring")
    shutil.copy2(backup, fresh)
    os.replace(fresh, db_path)
    log.warning("the library was restored from %s", backup)
