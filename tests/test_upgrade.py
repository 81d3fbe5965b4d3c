"""Upgrades keep the data: a library made by the previous release's schema (0004,
``fixtures/library-0004.sql``) is copied into ``backups/`` before it is migrated, the copy is
named in the log and on the Library, and a migration that fails puts the library back. An index
of the previous engine (Whoosh) is rebuilt from the index queue in committed batches, with
progress; a cancel or a kill leaves the rest queued and the next open resumes there."""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import UPGRADED_RECORDS as RECORDS
from sqlalchemy import event

from kmdesk.core.errors import Cancelled, StoreError
from kmdesk.core.store import engine as store
from kmdesk.core.store.library import Library
from kmdesk.core.store.reader import Reader
from kmdesk.core.store.revisions import SCHEMA_HEAD

FIXTURE = Path(__file__).parent / "fixtures" / "library-0004.sql"
PUBLIC = "00000000-0000-4000-8000-000000000002"


@pytest.fixture
def old_library(tmp_path) -> Path:
    """A library folder as the previous release left it, readable by its owner only."""
    folder = tmp_path / "lib"
    folder.mkdir()
    with closing(sqlite3.connect(folder / "library.db")) as connection:
        connection.executescript(FIXTURE.read_text(encoding="utf-8"))
    os.chmod(folder / "library.db", 0o600)
    return folder


def _state(db: Path) -> tuple[str, list[tuple]]:
    """The schema revision and every record row of a database file."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        return revision, connection.execute("SELECT * FROM records ORDER BY id").fetchall()


def test_the_first_open_after_an_upgrade_backs_up_then_migrates(old_library, caplog):
    before = _state(old_library / "library.db")
    with caplog.at_level(logging.WARNING, logger="kmdesk.core.store.library"):
        library = Library.open(old_library)
    try:
        backup = library.upgrade_backup
        assert backup is not None and backup.parent == old_library / "backups"
        assert str(backup) in caplog.text  # the log names it
        assert _state(backup) == before  # the previous state, whole, at the previous revision
        assert before[0] == "0004"
        assert backup.stat().st_mode & 0o777 == 0o600  # no more readable than the library
        with library.engine.connect() as connection:
            assert store.stored_revision(connection) == SCHEMA_HEAD
        assert library.records.get(PUBLIC)["id"] == PUBLIC  # the data came through
    finally:
        library.close()

    again = Library.open(old_library)  # up to date: no second backup
    assert again.upgrade_backup is None
    assert sorted((old_library / "backups").iterdir()) == sorted([backup, old_library / "backups" / "README.txt"])
    again.close()


def test_the_backup_says_what_it_covers_and_is_private(old_library, caplog):
    """The copy holds the database, not files/: the log and backups/README.txt say so; the
    folder is 0700 and the copy 0600 even where the old library file was more open."""
    os.chmod(old_library / "library.db", 0o644)
    with caplog.at_level(logging.WARNING, logger="kmdesk.core.store.library"):
        Library.open(old_library).close()
    folder = old_library / "backups"
    assert "not the attached files in files/" in caplog.text
    assert "not the attached files in files/" in (folder / "README.txt").read_text(encoding="utf-8")
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "library-0004.db").stat().st_mode & 0o777 == 0o600


def test_a_backup_folder_that_cannot_be_made_is_said_in_words(old_library):
    """A file where the folder should be (or no room, no permission): the upgrade stops before
    anything is changed, with an error that names the folder; never a traceback."""
    (old_library / "backups").write_text("not a folder")
    before = _state(old_library / "library.db")
    with pytest.raises(StoreError, match=r"could not make the backup folder .*backups.*the library was not changed"):
        Library.open(old_library)
    assert _state(old_library / "library.db") == before


def test_a_failed_migration_restores_the_backup_and_says_so(old_library, monkeypatch):
    before = _state(old_library / "library.db")

    def failing(engine, revision="head"):
        """A migration that has already changed the file when it fails (as one that is not one
        transaction, or a disk that fills up, would)."""
        with engine.begin() as connection:
            connection.exec_driver_sql("DELETE FROM records")
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(store, "migrate", failing)
    with pytest.raises(StoreError) as failure:
        Library.open(old_library)
    backup = failure.value.params["backup"]
    assert "restored" in str(failure.value) and backup in str(failure.value) and "disk I/O error" in str(failure.value)
    assert _state(old_library / "library.db") == before

    monkeypatch.undo()  # the next start, with a migration that works, upgrades the restored library
    library = Library.open(old_library)
    assert library.records.get(PUBLIC)["id"] == PUBLIC
    library.close()


def test_a_new_library_needs_no_backup(tmp_path):
    library = Library.open(tmp_path / "new")
    assert library.upgrade_backup is None and not (tmp_path / "new" / "backups").exists()
    library.close()


def test_the_window_names_the_backup_in_its_status_bar(old_library, make_window):
    from kmdesk.app import announce_upgrade

    with Library.open(old_library) as library:
        window = make_window(library, shown=False)
        announce_upgrade(window, library)
        assert str(library.upgrade_backup) in window.statusBar().currentMessage()


def cancel_after(count: int) -> tuple[list[tuple[int, int | None]], object]:
    """A progress callback that records what it is told, and a cancel token that says stop
    once ``count`` records are done."""
    seen: list[tuple[int, int | None]] = []
    return seen, lambda: bool(seen) and seen[-1][0] >= count


def test_a_cancelled_rebuild_resumes_where_it_stopped_on_the_next_open(upgraded_library):
    with Library.open(upgraded_library) as library:
        assert library.index.backlog() == RECORDS  # every public record, queued in one statement
        seen, cancel = cancel_after(10)
        with pytest.raises(Cancelled):
            library.index.catch_up(lambda done, total: seen.append((done, total)), cancel, batch=5)
        assert seen == [(5, RECORDS), (10, RECORDS)]
        assert library.index.search("quinoa").total == 10  # what is indexed is found meanwhile
    with Reader.open(upgraded_library) as reader:
        assert not reader.searchable()  # the command line asks the store, which finishes first
    with Library.open(upgraded_library) as library:
        assert library.index.backlog() == RECORDS - 10  # not queued again: resumed
        seen = []
        assert library.index.catch_up(lambda done, total: seen.append((done, total)), batch=5) == RECORDS - 10
        assert seen[-1] == (RECORDS - 10, RECORDS - 10)
        assert library.index.backlog() == 0
        assert library.index.search("quinoa").total == RECORDS  # the record that is not public stays out
        assert library.check().ok
    with Reader.open(upgraded_library) as reader:
        assert reader.searchable() and reader.index.search("quinoa").total == RECORDS


def test_a_kill_between_the_index_commit_and_the_queue_indexes_that_batch_again(upgraded_library):
    with Library.open(upgraded_library) as library:
        library.index.backlog()

        def killed(_conn, _cursor, statement, *_args) -> None:
            if statement.startswith("DELETE FROM index_queue"):  # the batch is in the index, not yet dequeued
                raise SystemExit("killed")

        event.listen(library.engine, "before_cursor_execute", killed)
        with pytest.raises(SystemExit):
            library.index.catch_up(batch=5)
        event.remove(library.engine, "before_cursor_execute", killed)
    with Library.open(upgraded_library) as library:
        assert library.index.backlog() == RECORDS  # the batch committed to the index was not dequeued
        assert library.index.catch_up(batch=7) == RECORDS
        assert library.check().ok and library.index.search("quinoa").total == RECORDS


def test_without_a_face_the_first_search_catches_up_by_itself(upgraded_library):
    """A caller that does not ask ``index_backlog`` first (a script, ``kmdesk.core`` used as a
    library) gets a complete index at its first search, as before."""
    with Library.open(upgraded_library) as library:
        assert library.index.search("quinoa").total == RECORDS
        assert library.index.backlog() == 0 and library.check().ok
