"""``kmdesk search`` without a profile reads with ``sqlite3`` and the public index alone (issue 10:
a cold search at 100,000 records in < 1 s, which SQLAlchemy's import alone would take most of),
and answers exactly what the locked store answers. Where the index is not ready to answer for
the store (a crash left records to index, the index is gone, of another schema or damaged), the
store opens the library and repairs the index first, as before."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys

import pytest
from conftest import run_reading

from kmdesk.core.search import SearchIndex
from kmdesk.core.store.library import Library
from kmdesk.core.store.reader import Reader
from kmdesk.core.store.seed import seed_demo

CUSTODIAN = ("Demo Custodian", "kmdesk demo custodian")
QUERIES = [["seed"], ["seed", "--json"], ["medicinal plants"], ['"seed bank"'], ["mangrov"], ["种子"], ["semillas"],
           ["seed", "--target", "13"], ["water", "--type", "practice"], ["nothingmatcheshere"], ["sed"],
           ["forest", "--limit", "2", "--json"], ["seed", "--language", "es"]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    directory = tmp_path_factory.mktemp("search") / "lib"
    with Library.open(directory) as library:
        seed_demo(library)
    return directory


def search(monkeypatch, capsys, directory, argv, *, store: bool) -> tuple[int, str, str, str]:
    """``kmdesk search`` through the reader, or with ``store`` through the store (``run_reading``)."""
    return run_reading(monkeypatch, capsys, directory, "search", argv, store=store)


@pytest.mark.parametrize("argv", QUERIES, ids=[" ".join(q) for q in QUERIES])
def test_search_says_what_the_locked_store_says(demo, monkeypatch, capsys, argv):
    code, out, err, by = search(monkeypatch, capsys, demo, argv, store=False)
    expected = search(monkeypatch, capsys, demo, argv, store=True)
    assert (code, out, err) == expected[:3]
    assert (by, expected[3]) == ("Reader", "Library")


def test_the_queries_find_what_matters(demo, monkeypatch, capsys):
    """The comparison above covers hits, a phrase, a Chinese word, filters, a prefix-free
    misspelling corrected or suggested, no hit, and snippets in JSON."""
    outs = {" ".join(q): search(monkeypatch, capsys, demo, q, store=False)[1] for q in QUERIES}
    assert "match(es)" in outs["seed"] and "match(es)" in outs["种子"]
    assert "no matches" in outs["nothingmatcheshere"]
    hits = json.loads(outs["seed --json"])
    assert hits and any("<b>" in (h["snippet"] or "") for h in hits)
    assert len(json.loads(outs["forest --limit 2 --json"])) <= 2


def test_search_loads_no_sqlalchemy_and_shows_no_restricted_record(demo):
    script = ("import contextlib, io, json, sys\nfrom kmdesk.cli import main\nout = io.StringIO()\n"
              "with contextlib.redirect_stdout(out):\n"
              f"    assert main(['--data-dir', {str(demo)!r}, 'search', 'seed', '--json']) == 0\n"
              "print(json.dumps([sorted({m.split('.')[0] for m in sys.modules}), json.loads(out.getvalue())]))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True,
                            stdin=subprocess.DEVNULL)
    loaded, hits = json.loads(result.stdout.strip().splitlines()[-1])
    assert not set(loaded) & {"sqlalchemy", "alembic", "PySide6", "requests"}
    with Library.open(demo) as library:
        public = {r["id"] for r in library.records.iter_all() if r["access"]["level"] == "public"}
    assert hits and {h["id"] for h in hits} <= public


def test_a_profile_searches_through_the_store(demo, monkeypatch, capsys):
    monkeypatch.setenv("KMDESK_PASSPHRASE", CUSTODIAN[1])
    code, _out, _err, by = search(monkeypatch, capsys, demo, ["seed", "--profile", CUSTODIAN[0]], store=False)
    assert code == 0 and by == "Library"


def _library_with(tmp_path, title: str) -> tuple:
    directory = tmp_path / "lib"
    with Library.open(directory) as library:
        library.records.add({"type": "resource", "title": {"en": "Ordinary seed notes"}})
        record_id = library.records.add({"type": "resource", "title": {"en": title}})["id"]
    return directory, record_id


def _left_unindexed(directory, record_id: str) -> None:
    """What a crash between the store's commit and the index's leaves: the record queued, not indexed."""
    SearchIndex.open(directory / "index", create=False).delete([record_id])
    with sqlite3.connect(directory / "library.db") as db:
        db.execute("INSERT INTO index_queue (record_id) VALUES (?)", (record_id,))
    db.close()


@pytest.mark.parametrize("harm", ["crash", "deleted", "old schema", "damaged"])
def test_an_index_not_ready_is_repaired_by_the_store_then_searched(tmp_path, monkeypatch, capsys, harm):
    directory, record_id = _library_with(tmp_path, "Quillwort harvest calendar")
    if harm == "crash":
        _left_unindexed(directory, record_id)
    elif harm == "deleted":
        shutil.rmtree(directory / "index")
    elif harm == "old schema":
        (directory / "index" / "kmdesk-schema-version").write_text("0", encoding="ascii")
    else:
        for part in (directory / "index").iterdir():
            if part.suffix in (".term", ".idx", ".store", ".fast"):
                part.write_bytes(b"not a segment")
    with Reader.open(directory) as reader:
        assert not reader.searchable()
    code, out, _err, by = search(monkeypatch, capsys, directory, ["quillwort"], store=False)
    assert code == 0 and by == "Library" and record_id[:8] in out
    code, out, _err, by = search(monkeypatch, capsys, directory, ["quillwort"], store=False)
    assert code == 0 and by == "Reader" and record_id[:8] in out  # repaired: the reader answers again


def test_an_empty_library_is_searched_by_the_reader_once_its_index_exists(tmp_path, monkeypatch, capsys):
    """A new library has no index until the store first uses it; then the reader answers."""
    Library.open(tmp_path / "lib").close()
    answers = [search(monkeypatch, capsys, tmp_path / "lib", ["seed"], store=False) for _ in range(2)]
    assert [(code, by) for code, _out, _err, by in answers] == [(0, "Library"), (0, "Reader")]
    assert all("no matches" in out for _code, out, _err, _by in answers)
