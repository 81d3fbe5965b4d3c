"""An import and a re-index run with the cyclic garbage collector asleep (it walked millions of
postings and rows for nothing: 13 % of an import), and wake it again however they end."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from conftest import write_csv

from kmdesk.core import search
from kmdesk.core.errors import Cancelled
from kmdesk.core.io import importer
from kmdesk.core.store import bulk, collector


@pytest.fixture
def collecting() -> Iterator[None]:
    """The collector on, as in a process that runs one command (the window turns it off)."""
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


def test_an_import_runs_with_the_collector_asleep_and_wakes_it(keeper, tmp_path, monkeypatch, collecting):
    seen: list[bool] = []
    real = bulk.Pending.write
    monkeypatch.setattr(bulk.Pending, "write", lambda pending, session: seen.append(gc.isenabled()) or real(pending, session))
    rows = [(f"Grazing rules {i}", "open pasture", "public", "") for i in range(3)]
    report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    assert report["counts"] == {"imported": 3}
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_cancelled_import_and_a_reindex_wake_it_too(keeper, tmp_path, monkeypatch, collecting):
    rows = [(f"Grazing rules {i}", "open pasture", "public", "") for i in range(3)]
    with pytest.raises(Cancelled):
        importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)), cancel=lambda: True)
    assert gc.isenabled() and keeper.index.search("pasture").total == 0
    importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    seen: list[bool] = []
    real = search.SearchIndex.rebuild
    monkeypatch.setattr(search.SearchIndex, "rebuild", lambda index, docs, **kw: seen.append(gc.isenabled()) or real(index, docs, **kw))
    assert keeper.index.reindex() == 3
    assert seen == [False] and gc.isenabled()


def test_a_collector_already_off_stays_off(collecting):
    gc.disable()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
