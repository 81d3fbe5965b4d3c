"""A cold ``kmdesk search`` does only the work its answer needs (issue 10, "CLI cold"): no facet
counts (the command shows none), no snippets unless ``--json`` prints them, no count over every
row of the store when the index is open, no walk over every document to know which are live.
What it finds stays what the window finds (issue 11, "one answer"). Behaviour, not time: the
figures are ``bench/cli_bench.py``'s."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from sqlalchemy import event

from kmdesk.cli import main
from kmdesk.core.search import SearchIndex, facets, record_to_doc, snippets
from kmdesk.core.store.library import Library


def record(title: str, body: str, **extra):
    return {"type": "practice", "title": {"en": title}, "body": {"en": body}, **extra}


@pytest.fixture
def library_dir(tmp_path):
    directory = tmp_path / "lib"
    with Library.open(directory) as library:
        library.records.add(record("Mangrove replanting", "Fishers replant mangrove seedlings.", gbf_targets=[2, 11]))
        library.records.add(record("Coastal fisheries", "Mangrove roots shelter juvenile fish.", keywords=["coast"]))
        library.records.add(record("Seed fair", "Farmers swap seeds of native maize."))
        library.index.catch_up()  # the index exists before the command runs, as in a library in use
    return directory


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


def test_cli_search_gives_the_window_answer_without_facets_or_snippets(library_dir, monkeypatch):
    with Library.open(library_dir) as library:
        window = library.index.search("mangrove", limit=20)
    assert window.total == 2 and window.facets  # the window's own search still counts facets

    def no_work(*_args, **_kwargs):
        raise AssertionError("kmdesk search made something it does not show")

    monkeypatch.setattr(facets, "counted", no_work)
    monkeypatch.setattr(SearchIndex, "fill_snippets", no_work)
    monkeypatch.setattr(snippets, "snippet", no_work)
    code, out = run("--data-dir", str(library_dir), "search", "mangrove")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == [hit.id[:8] for hit in window.hits]
    assert lines[-1] == f"{window.total} match(es)"


def test_cli_search_json_still_has_snippets(library_dir):
    code, out = run("--data-dir", str(library_dir), "search", "seeds", "--json")
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 1 and "<b>" in hits[0]["snippet"].lower()


def test_an_open_index_does_not_count_the_store(library_dir):
    """Opening a filled index asks the store nothing that reads every row; an emptied one is
    still rebuilt from the store."""
    with Library.open(library_dir) as library:
        statements: list[str] = []
        event.listen(library.engine, "before_cursor_execute", lambda *a: statements.append(a[2].lower()))
        assert library.index.search("mangrove").total == 2
        assert not [s for s in statements if "count(" in s]
    with Library.open(library_dir) as library:
        library.index.public.rebuild([], total=0)
    with Library.open(library_dir) as library:
        assert library.index.search("mangrove").total == 2  # the empty index was rebuilt on opening


def test_a_reader_does_not_copy_the_index_into_memory(tmp_path):
    """Whoosh reads a memory-mapped segment's parts through copies of them; the index is read
    as a file instead, so a search holds only what it reads, not the whole index."""
    import random
    import tracemalloc

    words = [f"word{n}" for n in range(5000)]
    draw = random.Random(7)
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc({"id": f"00000000-0000-4000-8000-{i:012d}", "revision": 1, "type": "practice",
                             "title": {"en": f"mangrove {i}"}, "body": {"en": " ".join(draw.choices(words, k=3000))},
                             "access": {"level": "public"}}) for i in range(300))
    size = sum(f.stat().st_size for f in (tmp_path / "ix").iterdir())
    assert size > 4_000_000
    fresh = SearchIndex.open(tmp_path / "ix")
    tracemalloc.start()
    try:
        assert fresh.search("mangrove", limit=5, snippets=False, facets=False).total == 300
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < size / 4, (peak, size)
