"""``kmdesk show`` reads with ``sqlite3`` alone (issue 11: < 0.6 s, which SQLAlchemy's import
alone exceeds), and says exactly what the store says: the same text, JSON, refusals and exit
codes, for public, sealed, sacred, deleted and tampered records (``core.reader``, ``core.reads``)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from conftest import run_reading

from kmdesk.core.store.engine import make_engine, migrate, stored_revision
from kmdesk.core.store.library import Library
from kmdesk.core.store.reader import Reader
from kmdesk.core.store.revisions import SCHEMA_HEAD
from kmdesk.core.store.seed import seed_demo

CUSTODIAN = ("Demo Custodian", "kmdesk demo custodian")
STATE = "record_id, target, status, remote_revision, pushed_revision, message, updated_at"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo library (profiles, communities, protocols, consents, targets), with a shared
    and a sent record, a deleted one, a backup, and records changed in the file by an outsider."""
    directory = tmp_path_factory.mktemp("show") / "lib"
    with Library.open(directory) as library:
        seed_demo(library)
        library.unlock(*CUSTODIAN)
        items = sorted(library.records.iter_all(), key=lambda r: r["id"])
        public = [r for r in items if r["access"]["level"] == "public"]
        sealed = [r for r in items if r["access"]["level"] in ("community", "restricted")]
        targets = [t["name"] for t in library.sync.targets()]
        library.sync.share([public[0]["id"], public[1]["id"], sealed[0]["id"]], targets[0])
        deleted = library.records.add({"type": "resource", "title": {"en": "Gone but remembered"}})["id"]
        library.records.update(deleted, {"keywords": ["kept"]})
        library.records.delete(deleted)
    (directory / "backups").mkdir(exist_ok=True)
    with sqlite3.connect(directory / "backups" / "library-0005.db") as backup:  # an old copy holding one record
        backup.execute("CREATE TABLE records (id TEXT)")
        backup.execute("INSERT INTO records VALUES (?)", (sealed[1]["id"],))
    backup.close()
    with sqlite3.connect(directory / "library.db") as db:  # the outsider, with no passphrase
        db.execute(f"INSERT OR REPLACE INTO remote_state ({STATE}) VALUES (?, ?, 'sent', 'r1', 1, NULL, '2026-01-01T00:00:00+00:00')",
                   (public[1]["id"], targets[0]))
        db.execute(f"INSERT OR REPLACE INTO remote_state ({STATE}) VALUES (?, ?, 'sent', 'r2', 1, NULL, '2026-01-01T00:00:00+00:00')",
                   (sealed[1]["id"], targets[1]))
        db.execute("UPDATE records SET access_level = 'public' WHERE id = ?", (sealed[1]["id"],))
        db.execute("UPDATE records SET access_level = 'secret' WHERE id = ?", (sealed[2]["id"],))
        db.execute("UPDATE records SET sealed = NULL WHERE id = ?", (sealed[3]["id"],))
        db.execute("INSERT INTO consent_events (record_id, consent_id, kind, at, by, data) VALUES "
                   "(?, 'forged', 'grant', '2026-01-01', 'nobody', ?)",
                   (public[2]["id"], json.dumps({"granted_by": "nobody", "scope": ["share_chm"], "given_on": "2026-01-01"})))
        db.execute("UPDATE records SET title = 'not json' WHERE id = ?", (public[3]["id"],))
    db.close()
    return directory, [r["id"] for r in items], deleted, public[2]["id"]


def show(monkeypatch, capsys, directory, argv, *, store: bool) -> tuple[int, str, str, str]:
    """``kmdesk show`` through the reader, or with ``store`` through the store (``run_reading``)."""
    return run_reading(monkeypatch, capsys, directory, "show", argv, store=store)


@pytest.mark.parametrize("flags", [[], ["--history"], ["--json"], ["--history", "--json"]])
def test_show_says_what_the_store_says_for_every_record(demo, monkeypatch, capsys, flags):
    directory, ids, deleted, _forged = demo
    codes = []
    for record_id in [*ids, deleted, deleted[:8], ids[0][:8], "abcdefgh", "1"]:
        code, out, err, by = show(monkeypatch, capsys, directory, [record_id, *flags], store=False)
        expected = show(monkeypatch, capsys, directory, [record_id, *flags], store=True)
        assert (code, out, err) == expected[:3], record_id
        assert (by, expected[3]) == ("Reader", "Library")  # the reader answered, compared with the store
        codes.append(code)
    assert codes.count(0) > len(ids) // 2 and set(codes) > {0}  # most are shown; sacred, tampered, unknown refused


def test_the_cases_are_the_ones_that_matter(demo, monkeypatch, capsys):
    """The comparison above covers each kind of answer: a public record with its sharing and
    remote state, a sealed stub, a sacred record not found, a deleted record's history, and each
    tampering refused and named, with the other copies (a backup, a target) it was found in."""
    directory, ids, deleted, forged_id = demo
    answers = [show(monkeypatch, capsys, directory, [record_id, "--history"], store=False) for record_id in [*ids, deleted]]
    out = "\n".join(a[1] for a in answers)
    err = "\n".join(a[2] for a in answers)
    assert "at Local reference" in out and "sharing to Local reference" in out
    assert "Restricted knowledge held by" in out and "deleted record" in out
    assert "a sealed record is marked public" in err and "library-0005.db, target Local reference" in err
    assert "unknown access level 'secret'" in err and "a non-public record has no sealed content" in err
    assert "no record with id" in err  # sacred: invisible while locked
    forged = json.loads(show(monkeypatch, capsys, directory, [forged_id, "--json"], store=False)[1])
    assert forged["access"]["level"] == "public" and all(c["id"] != "forged" for c in forged["consents"])


def test_show_loads_no_sqlalchemy(demo):
    directory, ids, _deleted, _forged = demo
    script = ("import contextlib, io, json, sys\nfrom kmdesk.cli import main\n"
              f"for argv in ([{ids[0]!r}], [{ids[0]!r}, '--history', '--json']):\n"
              "    with contextlib.redirect_stdout(io.StringIO()):\n"
              f"        assert main(['--data-dir', {str(directory)!r}, 'show', *argv]) == 0\n"
              "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True,
                            stdin=subprocess.DEVNULL)
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert not loaded & {"sqlalchemy", "alembic", "tantivy", "PySide6", "requests"}


def test_show_with_a_profile_opens_the_store(demo, monkeypatch, capsys):
    directory, ids, _deleted, _forged = demo
    monkeypatch.setenv("KMDESK_PASSPHRASE", CUSTODIAN[1])
    code, out, _err, by = show(monkeypatch, capsys, directory, [ids[0], "--profile", CUSTODIAN[0]], store=False)
    assert code == 0 and by == "Library" and "Restricted knowledge held by" not in out


def test_a_library_behind_the_schema_is_upgraded_by_the_store(tmp_path, monkeypatch, capsys):
    db = tmp_path / "lib" / "library.db"
    db.parent.mkdir()
    engine = make_engine(db)
    migrate(engine, "0001")
    engine.dispose()
    assert Reader.open(db.parent) is None
    code, _out, err, by = show(monkeypatch, capsys, db.parent, ["abcdefgh"], store=False)
    assert code == 2 and "no record with id abcdefgh" in err and by == "Library"
    engine = make_engine(db)
    with engine.connect() as connection:
        assert stored_revision(connection) == SCHEMA_HEAD
    engine.dispose()


def test_a_reader_answers_from_one_state_of_the_library(tmp_path):
    """What ``show`` prints comes from one state, even if the window saves meanwhile: the record
    and its history read after a concurrent edit are still those of the moment it opened."""
    with Library.open(tmp_path / "lib") as library:
        record_id = library.records.add({"type": "resource", "title": {"en": "Before"}})["id"]
        with Reader.open(tmp_path / "lib") as reader:
            assert reader.records.get(record_id)["title"] == {"en": "Before"}
            library.records.update(record_id, {"title": {"en": "After"}})
            assert reader.records.get(record_id)["title"] == {"en": "Before"}
            assert [h["action"] for h in reader.history.of(record_id)] == ["create"]
        with Reader.open(tmp_path / "lib") as reader:
            assert reader.records.get(record_id)["title"] == {"en": "After"}
