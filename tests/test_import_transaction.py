"""The import's one transaction does each thing once: a row is normalised once (by the
importer, which finds duplicates on the tidy values), the protocols are read once per import
rather than once per restricted record, and records, keys, history and the index queue go in by
bulk inserts whose rows are the ones the per-record path writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from kmdesk.core import records as rec
from kmdesk.core.io import importer
from kmdesk.core.store import Library

PASS = "keeper passphrase long"


def write_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """A catalogue: (title, body, access, protocols) per row."""
    lines = ["title:en,body:en,access,protocols"] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def keeper(tmp_path: Path):
    with Library.open(tmp_path / "lib") as library:
        library.create_profile("Keeper", PASS, ["custodian"])
        library.unlock("Keeper", PASS)
        library.add_protocol("Healers")
        library.add_protocol("Fishers")
        yield library


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
    assert keeper.count() == 1


def test_protocols_are_read_once_per_import_not_per_restricted_record(tmp_path):
    def protocol_queries(count: int) -> int:
        """Queries of the protocols in the transaction of a first import of ``count`` restricted records."""
        rows = [(f"Healing plant {count} {i}", "bark tea", "restricted", "Healers;Fishers") for i in range(count)]
        statements: list[str] = []
        committed: list[bool] = []

        def seen(_conn, _cursor, statement, *_args):
            if not committed:  # the import's transaction, not the indexing after it
                statements.append(statement)

        with Library.open(tmp_path / f"lib{count}") as library:
            library.create_profile("Keeper", PASS, ["custodian"])
            library.unlock("Keeper", PASS)
            library.add_protocol("Healers")
            library.add_protocol("Fishers")
            event.listen(library.engine, "before_cursor_execute", seen)
            event.listen(library.engine, "commit", lambda _conn: committed.append(True))
            report = importer.run(library, importer.open_source(write_csv(tmp_path / f"in{count}.csv", rows)))
        assert report["counts"] == {"imported": count}
        return sum(1 for s in statements if "FROM protocols" in s)

    assert protocol_queries(3) == protocol_queries(30)
