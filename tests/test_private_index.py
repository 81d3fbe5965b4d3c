"""The index of non-public records is kept sealed on disk per profile: an unlock reuses it and
re-indexes only what changed, its plaintext never reaches the disk, a damaged or foreign file is
rebuilt from the store, and a profile that lost access loses the records from its index."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_as_custodian

from kmdesk.core import search
from kmdesk.core.search import private_index
from kmdesk.core.store.library import Library

PASS = {"Keeper": "keeper passphrase long", "Helper": "helper passphrase long"}
CANARY = "qwyxzzcanary"


@pytest.fixture
def lib(tmp_path: Path):
    with open_as_custodian(tmp_path / "lib", PASS["Keeper"]) as library:
        library.access.create_profile("Helper", PASS["Helper"], ["contributor"])
        library.access.add_protocol("Healers")
        library.access.add_member("Healers", "Helper")
        for i in range(5):
            library.records.add({"type": "practice", "title": {"en": f"Healing plant {i} {CANARY}"},
                                 "access": {"level": "restricted", "protocols": ["Healers"]}})
        library.records.add({"type": "practice", "title": {"en": "Open grazing rules"}})
        library.lock()
        yield library


def sealed_files(library: Library) -> list[Path]:
    return sorted((library.data_dir / private_index.FOLDER).glob("*.sealed"))


def count_indexed(monkeypatch) -> list[str]:
    seen: list[str] = []
    original = search.record_to_doc

    def spy(record, *args):
        seen.append(record["id"])
        return original(record, *args)

    monkeypatch.setattr("kmdesk.core.search.index_manager.record_to_doc", spy)
    return seen


def test_sealed_on_disk_without_plaintext_and_reused_at_the_next_unlock(lib, monkeypatch):
    files = sealed_files(lib)
    assert files, "locking leaves the private index sealed on disk"
    for path in lib.data_dir.rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), path
    seen = count_indexed(monkeypatch)
    lib.unlock("Keeper", PASS["Keeper"])
    assert seen == []  # nothing re-indexed: the sealed index was current
    assert lib.index.search(CANARY).total == 5


def test_only_what_changed_while_locked_is_indexed_again(lib, monkeypatch):
    lib.unlock("Helper", PASS["Helper"])
    first = lib.index.search(CANARY).hits[0].id
    lib.records.update(first, {"title": {"en": "Healing bark, renamed"}})
    lib.lock()
    seen = count_indexed(monkeypatch)
    lib.unlock("Keeper", PASS["Keeper"])  # Keeper's sealed index predates Helper's edit
    assert seen == [first]
    assert lib.index.search("renamed").total == 1 and lib.index.search(CANARY).total == 4


def test_a_damaged_sealed_index_is_rebuilt_from_the_store(lib):
    for path in sealed_files(lib):
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0x01
        path.write_bytes(bytes(data))
    lib.unlock("Keeper", PASS["Keeper"])
    assert lib.index.search(CANARY).total == 5


def test_a_sealed_index_of_the_format_before_is_rebuilt_once_then_reused(lib, monkeypatch):
    """Before stop 21 a sealed index held its texts as written, analysed at every unlock; it
    now holds their terms. A file of the earlier format is not read as terms: the store
    rebuilds it at the next unlock, seals it anew, and the unlock after reuses that."""
    from kmdesk.core.trust import streams

    lib.unlock("Keeper", PASS["Keeper"])
    where, key, name = lib.index._private_place()
    lib.lock()
    aad = private_index._aad(name)
    with where.open("rb") as sealed:
        plain = b"".join(streams.open_chunks(sealed, key, aad))
    header, _, rest = plain.partition(b"\n")
    assert header == b"tantivy-4/analysed"
    with where.open("wb") as fh:
        streams.seal_chunks([b"tantivy-3/analysed\n" + rest], key, aad, fh.write)
    seen = count_indexed(monkeypatch)
    lib.unlock("Keeper", PASS["Keeper"])
    assert len(seen) == 5 and lib.index.search(CANARY).total == 5
    lib.lock()
    seen.clear()
    lib.unlock("Keeper", PASS["Keeper"])
    assert seen == [] and lib.index.search(CANARY).total == 5


def test_another_profiles_sealed_index_does_not_open(lib):
    lib.unlock("Helper", PASS["Helper"])
    lib.lock()
    keeper, helper = (private_index.path(lib.data_dir, n) for n in (1, 2))
    helper.write_bytes(keeper.read_bytes())  # swapped files: the key and the bound name differ
    lib.unlock("Helper", PASS["Helper"])
    assert lib.index.search(CANARY).total == 5  # rebuilt, not read


def test_a_member_removed_loses_the_records_from_their_index(lib):
    lib.unlock("Helper", PASS["Helper"])
    assert lib.index.search(CANARY).total == 5
    lib.lock()
    lib.unlock("Keeper", PASS["Keeper"])
    lib.access.remove_member("Healers", "Helper")
    lib.lock()
    lib.unlock("Helper", PASS["Helper"])
    assert lib.index.search(CANARY).total == 0
    assert lib.index.search("grazing").total == 1


def test_the_snippet_of_the_record_opened_comes_from_the_index_that_holds_it(lib):
    """The window lists pages without snippets and asks for the opened record's one: a public
    record's from the disk index, a restricted one's from the unlocked private index only."""
    lib.unlock("Keeper", PASS["Keeper"])
    page = lib.index.search("healing grazing", snippets=False)
    assert page.total == 6 and all(hit.snippet == "" for hit in page.hits)
    ids = {hit.title["en"]: hit.id for hit in page.hits}
    assert lib.index.snippet(ids["Open grazing rules"], "grazing") == "Open <b>grazing</b> rules"
    assert "<b>Healing</b>" in lib.index.snippet(ids[f"Healing plant 0 {CANARY}"], "healing")
    lib.lock()
    assert lib.index.snippet(ids[f"Healing plant 0 {CANARY}"], "healing") == ""


def test_a_window_s_walks_ahead_stop_with_the_lock_and_start_again_at_the_unlock(lib):
    """A window keeps the dictionaries walked ahead: the private index's words too while
    unlocked, and none of them once locked (its warmer is stopped before it is sealed)."""
    import time

    lib.index.keep_warm()
    lib.unlock("Keeper", PASS["Keeper"])
    private = lib.index.private
    deadline = time.monotonic() + 10
    while not private._dictionary._get(("title", "he")):  # "healing"
        assert time.monotonic() < deadline, "the private index was not walked ahead"
        time.sleep(0.01)
    lib.lock()
    assert lib.index.private is None and not private.warmer._on and private.warmer._timer is None
    lib.unlock("Keeper", PASS["Keeper"])
    assert lib.index.private is not private and lib.index.private.warmer._on


def test_a_page_keeps_nothing_of_the_private_index_past_a_lock(lib):
    """A page's hits from the private index have their ids and titles read when the page is
    made: no hit holds a way back into that index (its plaintext goes at lock); public hits read
    their titles from the on-disk index only when asked."""
    import gc

    lib.unlock("Keeper", PASS["Keeper"])
    page = lib.index.search("healing grazing", snippets=False)
    public = lib.index.public.search("grazing").hits[0].id
    restricted = [hit for hit in page.hits if hit.id != public]
    lib.lock()
    assert len(restricted) == 5
    for hit in restricted:
        assert not any((callable(held) or hasattr(held, "read")) and held is not type(hit) for held in gc.get_referents(hit))
        assert CANARY in hit.title["en"]


def test_a_misspelling_is_respelt_in_the_private_index_only_when_the_public_one_has_no_spelling(lib, monkeypatch):
    """Both indexes are searched, and "did you mean" is one spelling: the private index looks
    for one only when the public index offered none."""
    from kmdesk.core.search.query import Builder

    asked: list[str] = []
    monkeypatch.setattr(Builder, "suggestion", lambda self, parts, *rest, original=Builder.suggestion:
                        asked.append(self.searcher.num_docs) or original(self, parts, *rest))
    lib.unlock("Keeper", PASS["Keeper"])
    assert lib.index.search("grazinq", fuzzy=False, snippets=False).suggestion == "grazing"
    assert asked == [1]  # the public index's one record
    asked.clear()
    assert lib.index.search("healinq", fuzzy=False, snippets=False).suggestion == "healing"
    assert asked == [1, 5]


def test_an_unlock_finds_the_non_public_records_without_reading_every_record(lib):
    """The unlock's catch-up of the sealed index asks for the non-public records: with no index
    to find them SQLite read every record's row (0.6 s of an unlock at 100,000 records)."""
    from sqlalchemy import event

    plans: list[str] = []

    def plan(connection, _cursor, statement, parameters, _context, executemany) -> None:
        if not executemany and statement.lstrip().upper().startswith("SELECT") and "access_level !=" in statement:
            plans.extend(detail for *_ids, detail in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                                                                parameters).fetchall())

    event.listen(lib.engine, "before_cursor_execute", plan)
    try:
        lib.unlock("Keeper", PASS["Keeper"])
    finally:
        event.remove(lib.engine, "before_cursor_execute", plan)
    assert "SCAN records USING INDEX ix_records_not_public" in plans and "SCAN records" not in plans, plans
    assert lib.index.search(CANARY).total == 5


def test_a_spool_changed_on_disk_stops_neither_the_lock_nor_the_next_unlock(lib, caplog):
    """Someone who reaches the private index's spool (through /proc, as the same user) and flips a
    byte: the seal refuses the block, says so, keeps the sealed file as it was, and the lock still
    forgets every key; the next unlock finds the restricted records as before."""
    lib.unlock("Keeper", PASS["Keeper"])
    lib.records.add({"type": "practice", "title": {"en": f"Healing plant 5 {CANARY}"},
                     "access": {"level": "restricted", "protocols": ["Healers"]}})
    before = sealed_files(lib)[0].read_bytes()
    spool = lib.index.private._spool
    with spool._lock:
        spool._seal()  # the open block to the file, as 64 KB of lines would
    spool._opened = None
    with open(f"/proc/self/fd/{spool._file.fileno()}", "r+b") as fh:
        fh.seek(40)
        flipped = bytes([fh.read(1)[0] ^ 1])
        fh.seek(40)
        fh.write(flipped)
    lib.lock()
    assert not lib.access.unlocked
    assert "was not sealed" in caplog.text and "changed on disk" in caplog.text
    assert sealed_files(lib)[0].read_bytes() == before
    lib.unlock("Keeper", PASS["Keeper"])
    assert lib.index.search(CANARY, limit=10).total == 6


def test_a_word_s_query_is_made_once_for_both_indexes_and_the_keystrokes_after(lib):
    """Each word is eighteen fields' clauses: made once, whichever index and keystroke asks."""
    from kmdesk.core.search import engine

    lib.unlock("Keeper", PASS["Keeper"])
    lib.records.add({"type": "practice", "title": {"en": "Quorbin vyrtle zalmery"},
                     "access": {"level": "restricted", "protocols": ["Healers"]}})
    made = engine._WORDS.of.cache_info().misses  # the words' first search anywhere in this run
    assert lib.index.search("quorbin vyrtle", snippets=False).total == 1
    assert engine._WORDS.of.cache_info().misses == made + 2
    assert lib.index.search("quorbin vyrtle zalmery", snippets=False, as_you_type=True).total == 1
    assert engine._WORDS.of.cache_info().misses == made + 3
