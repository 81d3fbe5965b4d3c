"""The import at scale: each record's text is indexed once, where it belongs, in one pass after
the one transaction; the writer's pool of postings gives back exactly what Whoosh's own would
(the index answers the same), and what a large import holds stays bounded."""

from __future__ import annotations

from pathlib import Path

import pytest

from kmdesk.core.io import importer
from kmdesk.core.store import Library

PASS = "keeper passphrase long"
CANARY = "qwyxzzcanary"


def write_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """A catalogue: (title, body, access, protocols) per row."""
    lines = ["title:en,body:en,access,protocols"] + [",".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def keeper(tmp_path: Path):
    """A new library, its custodian unlocked, whose search index has never been opened (a first
    import into a new library is what a person does first)."""
    with Library.open(tmp_path / "lib") as library:
        library.create_profile("Keeper", PASS, ["custodian"])
        library.unlock("Keeper", PASS)
        library.add_protocol("Healers")
        yield library


def test_a_first_import_indexes_its_restricted_records_in_the_private_index(keeper, tmp_path):
    rows = [(f"Grazing rules {i}", "open pasture", "public", "") for i in range(3)]
    rows.append((f"Healing plant {CANARY}", "bark tea", "restricted", "Healers"))
    report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    assert report["counts"] == {"imported": 4}
    assert keeper.search(CANARY).total == 1  # searchable now, not only after the next unlock
    assert keeper.search("pasture").total == 3
    keeper.lock()
    keeper.unlock("Keeper", PASS)
    assert keeper.search(CANARY).total == 1
