"""The SQLite engine of a library and its schema's migrations: how library.db is opened,
created private, found writable or not, and upgraded (backed up first) to ``SCHEMA_HEAD``.

The folder is made 0700 and library.db 0600 (SQLite gives its -wal and -shm files the same):
a library holds what a community entrusted to it. A library kmdesk cannot write to (a DVD, a
write-protected stick, a folder of another user) is opened ``mode=ro``, and a write that gets
that far is refused with ``ReadOnlyLibrary``, whose message says so.
"""

from __future__ import annotations

import logging
import os
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine

from kmdesk.core import paths
from kmdesk.core.errors import ReadOnlyLibrary, StoreError
from kmdesk.core.store import backups
from kmdesk.core.store.revisions import KNOWN_REVISIONS, SCHEMA_HEAD
from kmdesk.core.store.rows import json_text, stored_json

log = logging.getLogger(__name__)


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


def create_private(db_path: Path) -> None:
    """Make the folder (0700) and an empty library.db (0600) for SQLite to fill: created so,
    not tightened after, so no other account could ever open them."""
    db_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        return
    os.chmod(db_path.parent, 0o700)  # a new library: its folder too, whatever the umask made it


def upgrade(engine: Engine, db_path: Path, *, read_only: bool = False) -> Path | None:
    """Migrate an older library to ``SCHEMA_HEAD``, backed up first (``core.backups``); the
    backup's path, for the log and the window's status bar (None: nothing to upgrade)."""
    with engine.connect() as connection:
        current = stored_revision(connection)
    if current == SCHEMA_HEAD:
        return None
    if current is not None and current not in KNOWN_REVISIONS:
        raise StoreError(f"the library at {db_path.parent} was made by a newer kmdesk (revision {current}; this one "
                         f"knows up to {SCHEMA_HEAD}): update kmdesk to open it; nothing was changed",
                         revision=current, path=str(db_path.parent))
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
