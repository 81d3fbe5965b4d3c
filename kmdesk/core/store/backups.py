"""The copy of a library taken before its schema is upgraded, and the way back to it.

A new kmdesk opening a library made by an older one migrates it. Before that, the database is
copied into ``backups/`` with ``VACUUM INTO``: one consistent file (what is still in the WAL
included, no free pages), holding exactly what the library holds, sealed the same way (sealed
fields stay ciphertext; nothing is decrypted to copy it), created 0600 in a 0700 folder. It
covers the database only, not the attached files in ``files/`` (a migration changes the schema,
never those files); the log, the error of a failed upgrade and ``backups/README.txt`` say so.
If the migration fails, the database is put back from that copy, so the person is never left
with a half-upgraded library. A backup folder that cannot be made stops the upgrade, in words,
before anything is changed.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import Engine

from kmdesk.core.errors import StoreError

log = logging.getLogger(__name__)

FOLDER = "backups"
COVERS = "the database (library.db) only, not the attached files in files/, which an upgrade does not change"
README = f"""These are copies of library.db, each taken before kmdesk upgraded the library's schema:
library-<revision>.db is the library as it was at that revision. Each copy holds {COVERS}.
To go back, close kmdesk and put a copy in place of library.db (with the kmdesk release that
made it).
"""


def take(db_path: Path, revision: str) -> Path:
    """Copy the library at ``revision`` into ``backups/library-<revision>.db`` (its own
    connection: VACUUM cannot run inside the transaction SQLAlchemy would open). A library is
    at a revision once, so the name is taken only by the copy of a migration that failed and
    was restored: the same state, replaced whole (written aside, then renamed)."""
    folder = db_path.parent / FOLDER
    target = folder / f"library-{revision}.db"
    fresh = folder / f"library-{revision}.db.new"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        (folder / "README.txt").write_text(README, encoding="utf-8")
        fresh.unlink(missing_ok=True)  # left by a copy that was cut short
        # made empty and 0600 first: VACUUM INTO fills it, and it is never readable by others
        os.close(os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise StoreError(f"could not make the backup folder {folder} to keep the library's previous state before "
                         f"upgrading it ({exc.strerror or exc}); the library was not changed: make room or fix "
                         "the folder's permissions, then open it again", path=str(folder)) from exc
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("VACUUM INTO ?", (str(fresh),))
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
