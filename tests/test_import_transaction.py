"""The import's one transaction does each thing once: a row is normalised once (by the
importer, which finds duplicates on the tidy values), the protocols are read once per import
rather than once per restricted record, and records, keys, history and the index queue go in by
bulk inserts whose rows are the ones the per-record path writes."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from conftest import KEEPER_PASSPHRASE as PASS
from conftest import open_as_custodian, write_csv
from sqlalchemy import event

from kmdesk.core.errors import AccessDenied, Cancelled
from kmdesk.core.io import importer
from kmdesk.core.store import records as rec
from kmdesk.core.store.library import Library
from kmdesk.core.trust import rows, sealing


def test_each_row_is_normalised_once(keeper, tmp_path, monkeypatch):
    calls = []
    real = rec.normalize

    def counted(data, **kw):
        calls.append(data.get("title"))
        return real(data, **kw)

    monkeypatch.setattr(rec, "normalize", counted)
    rows = [(f"Pasture rule {i}", "open grazing", "public", "") for i in range(4)]
    rows.append(("Healing bark", "tea", "restricted", "Healers"))
    report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    assert report["counts"] == {"imported": 5}
    assert len(calls) == 5


def test_a_row_the_store_refuses_is_still_reported_with_its_reason(keeper, tmp_path):
    rows = [("Pasture rule", "open grazing", "public", ""), ("Unknown circle", "x", "restricted", "Nobody")]
    report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    assert report["counts"] == {"imported": 1, "error": 1}
    assert "no protocol named Nobody" in report["rows"][1]["reason"]
    assert keeper.records.count() == 1


def test_protocols_are_read_once_per_import_not_per_restricted_record(tmp_path):
    def protocol_queries(count: int) -> int:
        """Queries of the protocols in the transaction of a first import of ``count`` restricted records."""
        rows = [(f"Healing plant {count} {i}", "bark tea", "restricted", "Healers;Fishers") for i in range(count)]
        statements: list[str] = []
        committed: list[bool] = []

        def seen(_conn, _cursor, statement, *_args):
            if not committed:  # the import's transaction, not the indexing after it
                statements.append(statement)

        with open_as_custodian(tmp_path / f"lib{count}", PASS) as library:
            library.access.add_protocol("Healers")
            library.access.add_protocol("Fishers")
            event.listen(library.engine, "before_cursor_execute", seen)
            event.listen(library.engine, "commit", lambda _conn: committed.append(True))
            report = importer.run(library, importer.open_source(write_csv(tmp_path / f"in{count}.csv", rows)))
        assert report["counts"] == {"imported": count}
        return sum(1 for s in statements if "FROM protocols" in s)

    assert protocol_queries(3) == protocol_queries(30)


def test_protocol_rows_are_checked_once_per_import_not_per_restricted_record(tmp_path, monkeypatch):
    """Whether a restricted record may be imported and opened asks each protocol's kind, whose
    row is checked against its signature: once per import, not once or twice per record."""
    checked: list[str] = []
    real = rows.Verifier.problem

    def counted(self, table, row):
        if table == "protocols":
            checked.append(row.name)
        return real(self, table, row)

    monkeypatch.setattr(rows.Verifier, "problem", counted)

    def checks(count: int) -> int:
        del checked[:]
        lines = [(f"Healing plant {count} {i}", "bark tea", "restricted", "Healers;Fishers") for i in range(count)]
        with open_as_custodian(tmp_path / f"lib{count}", PASS) as library:
            library.access.add_protocol("Healers")
            library.access.add_protocol("Fishers")
            del checked[:]
            report = importer.run(library, importer.open_source(write_csv(tmp_path / f"in{count}.csv", lines)))
            assert report["counts"] == {"imported": count}
            assert library.index.search("healing", limit=50).total == count  # each one opened and indexed
        return len(checked)

    assert checks(3) == checks(30)


def _raw_rows(library: Library, table: str, record_id: str) -> list[dict]:
    column = "id" if table == "records" else "record_id"
    with library.engine.connect() as conn:
        result = conn.exec_driver_sql(f"SELECT * FROM {table} WHERE {column} = ? ORDER BY id", (record_id,))
        return [dict(row._mapping) for row in result]


def _same_but(a: dict, b: dict, *differ: str) -> None:
    assert {k: v for k, v in a.items() if k not in differ} == {k: v for k, v in b.items() if k not in differ}


@pytest.mark.parametrize("access", [{"level": "public"}, {"level": "restricted", "protocols": ["Healers", "Fishers"]},
                                    {"level": "restricted", "protocols": ["Healers", "Fishers"], "sharing": "any"}])
def test_a_bulk_imported_record_is_stored_as_one_added_by_hand(keeper, access):
    """Same columns, bytes for bytes where they are not random (ids, times, ciphertexts), the
    same wrapped keys and history; sealed ones open to the same fields and pass the integrity
    check, and a change to the access block is still caught."""
    data = {"type": "practice", "title": {"en": "Bark tea", "fr": "Tisane"}, "body": {"en": "steep the bark"},
            "keywords": ["bark", "tea"], "gbf_targets": [22], "identifiers": {"doi": "10.1/x"}, "access": access}
    added = keeper.records.add(data)["id"]
    report = keeper.imports.records([{**data, "id": "imported-1"}])
    assert [r.status for r in report] == ["imported"]
    mine, theirs = _raw_rows(keeper, "records", added)[0], _raw_rows(keeper, "records", "imported-1")[0]
    _same_but(mine, theirs, "id", "created_at", "updated_at", "sealed", "row_sig")  # signed over its id and times
    assert (mine["sealed"] is None) == (theirs["sealed"] is None) == (access["level"] == "public")
    keys_mine, keys_theirs = _raw_rows(keeper, "record_keys", added), _raw_rows(keeper, "record_keys", "imported-1")
    assert [(k["holder"], k["holder_ref"]) for k in keys_mine] == [(k["holder"], k["holder_ref"]) for k in keys_theirs]
    history = _raw_rows(keeper, "record_history", "imported-1")
    assert [(h["action"], h["sealed"] is None) for h in history] == [("import", access["level"] == "public")]
    assert keeper.history.of("imported-1")[0]["action"] == "import"
    _same_but(keeper.records.get(added), keeper.records.get("imported-1"), "id", "created_at", "updated_at")
    assert keeper.integrity().damaged == []
    if access["level"] != "public":
        with keeper.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE records SET access_protocols = '[\"Healers\"]' WHERE id = 'imported-1'")
        assert [d["id"] for d in keeper.integrity().damaged] == ["imported-1"]


def test_a_refused_consent_takes_its_record_with_it_and_the_rest_are_written(keeper, monkeypatch):
    """Sealing or signing a consent can refuse it inside the import (a savepoint): the record
    goes with it, the records written in bulk before and after it stay."""
    real = sealing.seal_json

    def refusing(value, *args):
        if isinstance(value, dict) and (value.get("data") or {}).get("granted_by") == "Refuser":
            raise AccessDenied("refused for the test")  # as sealing a consent's text can refuse
        return real(value, *args)

    monkeypatch.setattr(sealing, "seal_json", refusing)

    def item(i: int, granted_by: str | None = None) -> dict:
        consents = [{"granted_by": granted_by, "scope": ["view_community"], "given_on": "2024-01-01"}] if granted_by else []
        return {"type": "practice", "title": {"en": f"Rule {i}"}, "consents": consents,
                "access": {"level": "restricted", "protocols": ["Healers"]}}

    items = [item(i, "Elders" if i == 3 else None) for i in range(700)]
    items.insert(600, item(600, "Refuser"))
    report = keeper.imports.records(items)
    assert [r.status for r in report].count("imported") == 700
    assert report[600].status == "error" and "refused for the test" in report[600].reason
    assert keeper.records.count() == 700
    assert _raw_rows(keeper, "record_history", report[600].id) == []
    assert keeper.integrity().damaged == []
    assert len(keeper.consent.of(report[3].id)) == 1
    assert len(keeper.history.of(report[650].id)) == 1


def test_records_are_indexed_from_the_transaction_not_read_back(keeper, tmp_path):
    """Public records go to the on-disk index, and a restricted one the importer may open to its
    private index, from the rows the import writes: none is read back, checked and opened again."""
    keeper.records.add({"type": "practice", "title": {"en": "Old pasture"}})  # an index in use, not a first import
    read_back: list[str] = []  # the ids of the whole record rows read after the import's transaction
    committed: list[bool] = []

    def seen(_conn, _cursor, statement, parameters, *_args):
        if committed and statement.startswith("SELECT records.id, records.type"):
            read_back.extend(p for p in parameters if isinstance(p, str))

    event.listen(keeper.engine, "commit", lambda _conn: committed.append(True))
    event.listen(keeper.engine, "before_cursor_execute", seen)
    rows = [(f"Pasture rule {i}", "open grazing", "public", "") for i in range(5)]
    rows.append(("Healing bark", "tea", "restricted", "Healers"))
    report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    event.remove(keeper.engine, "before_cursor_execute", seen)
    assert report["counts"] == {"imported": 6}
    restricted = report["rows"][5]["id"]
    assert read_back == []
    assert [hit.id for hit in keeper.index.search("Healing").hits] == [restricted]
    assert keeper.index.search("grazing").total == 5
    assert keeper.index.search("pasture").total == 6
    assert keeper.index.search("Healing").total == 1
    assert keeper.check().ok


def test_a_cancelled_import_leaves_the_index_as_it_was(keeper, tmp_path):
    keeper.records.add({"type": "practice", "title": {"en": "Old pasture"}})
    rows = [(f"Pasture rule {i}", "open grazing", "public", "") for i in range(30)]
    calls = iter(range(1000))
    with pytest.raises(Cancelled):
        importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)),
                     cancel=lambda: next(calls) > 40)
    assert keeper.records.count() == 1
    assert keeper.index.search("grazing").total == 0
    assert keeper.index.search("pasture").total == 1
    assert keeper.check().ok


def test_a_cancelled_import_leaves_no_restricted_record_in_the_private_index(keeper, tmp_path):
    """The private index is filled during the transaction; a cancel rolls it back, and what it
    seals at the lock holds nothing of the records that were never written."""
    rows = [(f"Healing rule {i}", "bark tea", "restricted", "Healers") for i in range(30)]
    calls = iter(range(1000))
    with pytest.raises(Cancelled):
        importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)),
                     cancel=lambda: next(calls) > 20)
    assert keeper.index.search("healing").total == 0
    keeper.lock()
    keeper.unlock("Keeper", PASS)
    assert keeper.records.count() == 0
    assert keeper.index.search("healing").total == 0


def test_an_index_commit_that_fails_after_the_transaction_is_made_good_from_the_queue(tmp_path, monkeypatch):
    """As a kill between the store's commit and the index's: the records are kept, their queue
    rows too, and the next open indexes them."""
    from kmdesk.core.search import SearchIndex

    with Library.open(tmp_path / "lib") as library:
        library.records.add({"type": "practice", "title": {"en": "Old pasture"}})
        real = SearchIndex.batch

        @contextmanager
        def dying(index):
            with real(index) as batch:
                yield batch
                raise OSError("killed before the index commit")  # the writer rolls back

        monkeypatch.setattr(SearchIndex, "batch", dying)
        rows = [(f"Pasture rule {i}", "open grazing", "public", "") for i in range(7)]
        with pytest.raises(OSError):
            importer.run(library, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
        monkeypatch.undo()
    with Library.open(tmp_path / "lib") as library:
        assert library.records.count() == 8
        assert library.index.search("grazing").total == 7
        assert library.check().ok


def test_the_duplicate_finder_keeps_little_per_title_and_still_finds_near_titles():
    """It is held to the end of an import: per title one string and a dict entry, plus a bucket
    entry (the tuple-keyed dict per bucket it kept before took ~560 bytes a row)."""
    import tracemalloc

    def word(i: int) -> str:  # most titles start differently, as in a real catalogue
        return "".join(chr(97 + (i // 26 ** k) % 26) for k in range(4)) + "a"

    records = [{"id": f"id-{i:06d}", "title": {"en": f"{word(i)} grazing rules of the upper valley number {i}"},
                "date": str(1990 + i % 30)} for i in range(3000)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        known = importer.Duplicates()
        for record in records:
            known.add(record)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held / len(records) < 400
    near = {"title": {"en": "Aaaaa grazing rules of the uper valley number 0"}, "date": "1990"}
    assert known.find(near) == ("id-000000", "near_title", {})
    assert known.find({**near, "date": "1991"}) is None
    assert known.find({"title": {"en": f"{word(120)} grazing rules of the upper valley number 120"}, "date": "1990"}) == \
        ("id-000120", "same_title", {})
    known.add({"id": "id-x", "title": {"en": "aaaaa grazing rules of the upper valley number 12"}, "date": "1990"})
    assert known.find({"title": {"en": "aaaaa grazing rules of the upper valley number 1"}, "date": "1990"}) is None
    assert known.find({"title": {"en": "aaaaa grazing rules of the upper valey number 12"}, "date": "1990"}) == \
        ("id-x", "near_title", {})


def test_an_import_gives_back_what_its_index_writers_freed_batch_by_batch(keeper, tmp_path, monkeypatch):
    """A writer whose heap fills flushes a segment and frees what that took, in its thread's
    arena, which glibc keeps until asked: the import asks after each batch of rows it writes, not
    only at the commit (bench/README.md, stop 25: RSS at 100,000 records 298 -> 269 MB)."""
    from kmdesk.core.io import import_manager

    asked: list[int] = []
    monkeypatch.setattr(import_manager, "give_back", lambda: asked.append(keeper.index.search("grazing").total))
    rows = [(f"Pasture rule {i}", "open grazing", "public", "") for i in range(1100)]
    report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    assert report["counts"] == {"imported": 1100}
    assert asked == [0, 0]  # after the first and the second 500 rows, before the index's commit
    assert keeper.index.search("grazing").total == 1100
