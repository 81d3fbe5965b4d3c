"""The import at scale: each record's text is indexed once, where it belongs, in one pass after
the one transaction, and what a large import holds stays bounded."""

from __future__ import annotations

from conftest import KEEPER_PASSPHRASE as PASS
from conftest import write_csv

from kmdesk.core.io import importer

CANARY = "qwyxzzcanary"


def test_a_first_import_indexes_its_restricted_records_in_the_private_index(keeper, tmp_path):
    rows = [(f"Grazing rules {i}", "open pasture", "public", "") for i in range(3)]
    rows.append((f"Healing plant {CANARY}", "bark tea", "restricted", "Healers"))
    report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    assert report["counts"] == {"imported": 4}
    assert keeper.index.search(CANARY).total == 1  # searchable now, not only after the next unlock
    assert keeper.index.search("pasture").total == 3
    keeper.lock()
    keeper.unlock("Keeper", PASS)
    assert keeper.index.search(CANARY).total == 1


def _docs() -> list[dict]:
    """120 documents in six languages: frequent words, and words of one or two documents."""
    from kmdesk.core.search import record_to_doc

    langs = ("en", "fr", "ar", "zh", "ru", "qu")
    words = ["seed", "graines", "بذور", "种子交换", "семена", "muju", "bank", "forêt", "mangrove", "rain"]
    return [record_to_doc({"id": f"r{i:03}", "title": {langs[i % 6]: " ".join(words[(i + k) % 10] for k in range(4))},
                           "body": {langs[i % 6]: " ".join(words[(i * k) % 10] for k in range(30)) + f" rare{i} rare{i // 3}"},
                           "keywords": [words[i % 10]], "gbf_targets": [i % 23 + 1], "access": {"level": "public"}})
            for i in range(120)]


def test_restricted_records_do_not_flush_the_session_one_by_one(keeper, tmp_path):
    """Checking a record's protocols reads the database; that must not flush the records
    pending before it (a flush per restricted record was a tenth of a large import)."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    flushes: list[int] = []
    listener = lambda session, *_: flushes.append(len(session.new))  # noqa: E731
    event.listen(Session, "before_flush", listener)
    try:
        rows = [(f"Healing plant {i}", "bark tea", "restricted", "Healers") for i in range(40)]
        report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", rows)))
    finally:
        event.remove(Session, "before_flush", listener)
    assert report["counts"] == {"imported": 40}
    assert len([n for n in flushes if n]) <= 2, flushes  # the import's own flush (and the audit's)
    assert keeper.index.search("healing").total == 40


def test_private_index_is_sealed_to_disk_as_it_streams_not_copied_whole(tmp_path, monkeypatch):
    """Sealing the in-memory index (at lock, after an import) must not join its documents in
    one buffer and seal that into another: they are sealed a chunk at a time; the same sealed
    index opens, without plaintext."""
    import os
    import tracemalloc

    from kmdesk.core.search import SearchIndex, private_index

    index = SearchIndex.in_memory(sealable=True)
    with index.batch() as batch:
        for doc in _docs():
            batch.add({**doc, "content": doc["content"] + f" {CANARY} " + os.urandom(4000).hex()})
    size = sum(len(chunk) for chunk in index.to_chunks())
    key, where = os.urandom(32), tmp_path / "sealed"
    tracemalloc.start()
    private_index.save(index, where, key, "Keeper")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert size > 500_000 and peak < size / 2
    assert CANARY.encode() not in where.read_bytes()
    opened = private_index.load(where, key, "Keeper")
    assert opened is not None and opened.doc_count() == 120
    assert private_index.load(where, os.urandom(32), "Keeper") is None


def test_an_ascii_title_folds_as_the_unicode_path_folds_it():
    """The import's duplicate keys: the ASCII shortcut gives what the full folding gives."""
    import random
    import string
    import unicodedata

    from kmdesk.core.io.importer import title_key

    def folded(title: str) -> str:
        text = unicodedata.normalize("NFKD", title.casefold())
        return " ".join("".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c)).split())

    rng = random.Random(4)
    for _ in range(20000):
        title = "".join(rng.choice(string.printable) for _ in range(rng.randint(0, 30)))
        assert title_key.__wrapped__(title) == folded(title), title
    assert title_key("Café  Seeds") == folded("Café  Seeds") == "cafe seeds"
