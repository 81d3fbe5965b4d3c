"""The in-memory index of non-public records costs about its own size: each file is kept once
(no compound copy, no copy when a reader opens it), the writer's spilled runs are compressed, and
the sealed form opens without holding the whole plaintext twice."""

from __future__ import annotations

import io
import pickle
import random
import tracemalloc

import pytest

from kmdesk.core import index_writer, private_index, vault
from kmdesk.core.search import SearchIndex, record_to_doc

WORDS = [f"w{i}ord" for i in range(4000)]


def rec(i: int, rng: random.Random) -> dict:
    return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": 1,
            "title": {"en": " ".join(rng.choices(WORDS, k=8))}, "body": {"en": " ".join(rng.choices(WORDS, k=120))},
            "keywords": [], "gbf_targets": [], "access": {"level": "restricted", "protocols": ["Healers"]}}


@pytest.fixture
def memory_index() -> SearchIndex:
    rng = random.Random(3)
    ix = SearchIndex.in_memory()
    ix.update(record_to_doc(rec(i, rng)) for i in range(1, 301))
    return ix


def hits(ix: SearchIndex, query: str) -> list[str]:
    return [hit.id for hit in ix.search(query, limit=400).hits]


def test_each_file_of_an_in_memory_index_is_kept_once(memory_index):
    """Whoosh assembled a committed segment into one compound file, a second copy of the whole
    index held at the commit; an in-memory segment stays as its files."""
    files = memory_index._ix.storage.files
    assert not [name for name in files if name.endswith(".seg")]
    assert any(name.endswith(".trm") for name in files)


def test_reading_an_in_memory_index_does_not_copy_its_files(memory_index):
    """Whoosh's RamStorage copied a file whole into a BytesIO each time a reader opened it."""
    storage = memory_index._ix.storage
    name = max(storage.files, key=lambda n: len(storage.files[n]))
    size = len(storage.files[name])
    tracemalloc.start()
    try:
        opened = storage.open_file(name)
        allocated = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert opened.read(16) == bytes(storage.files[name][:16])
    assert allocated < size / 10


def test_the_pools_runs_are_kept_compressed_and_read_back_whole(monkeypatch):
    """A spilled run holds its postings compressed (in RAM for an in-memory index); the index
    written through runs answers as one written without them."""
    written: list[int] = []
    real = index_writer.TermPool._write_block

    def counting(pool, f, chunk):
        written.append(len(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)))
        before = f.tell()
        real(pool, f, chunk)
        written.append(-(f.tell() - before))

    rng = random.Random(5)
    records = [rec(i, rng) for i in range(1, 301)]
    whole = SearchIndex.in_memory()
    whole.update(record_to_doc(r) for r in records)
    monkeypatch.setattr(index_writer.TermPool, "_write_block", counting)
    monkeypatch.setattr(SearchIndex, "LIMIT_MB", 0.5)
    spilled = SearchIndex.in_memory()
    spilled.update(record_to_doc(r) for r in records)
    plain, packed = sum(n for n in written if n > 0), -sum(n for n in written if n < 0)
    assert plain and packed < plain / 2
    for word in ("w7ord", "w123ord", "w3999ord"):
        assert hits(spilled, word) == hits(whole, word)


def test_a_sealed_index_opens_as_it_is_decrypted_with_the_same_hits(tmp_path):
    """The sealed file was read whole, decrypted whole and then cut into copies of its files:
    three times the index at every unlock. Now it is decrypted a chunk at a time into its files
    (the index is large enough here for the chunks' megabyte to be small beside it)."""
    rng = random.Random(4)
    memory_index = SearchIndex.in_memory()
    memory_index.update(record_to_doc(rec(i, rng)) for i in range(1, 1201))
    key = bytes(range(32))
    where = tmp_path / "profile-1.sealed"
    private_index.save(memory_index, where, key, "Keeper")
    size = sum(len(content) for content in memory_index._ix.storage.files.values())
    tracemalloc.start()
    try:
        opened = private_index.load(where, key, "Keeper")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert opened is not None and opened.doc_count() == 1200
    for word in ("w7ord", "w123ord", "w3999ord"):
        assert hits(opened, word) == hits(memory_index, word)
    assert peak < 1.5 * size


@pytest.mark.parametrize("damage", [lambda b: b[:-1], lambda b: b[:len(b) // 2],
                                    lambda b: b[:100] + bytes([b[100] ^ 1]) + b[101:], lambda b: b[:20]])
def test_a_damaged_or_cut_sealed_index_does_not_open(memory_index, tmp_path, damage):
    key = bytes(range(32))
    where = tmp_path / "profile-1.sealed"
    private_index.save(memory_index, where, key, "Keeper")
    where.write_bytes(damage(where.read_bytes()))
    assert private_index.load(where, key, "Keeper") is None


def test_an_index_sealed_as_one_compound_segment_still_opens(tmp_path):
    """Indexes sealed before this change hold a compound segment; they open as they are."""
    rng = random.Random(9)
    ix = SearchIndex.in_memory()
    writer = index_writer.Writer(ix._ix, SearchIndex.LIMIT_MB, compound=True)
    for i in range(1, 41):
        writer.add_document(**record_to_doc(rec(i, rng)))
    writer.commit()
    assert any(name.endswith(".seg") for name in ix._ix.storage.files)
    key = bytes(range(32))
    private_index.save(ix, tmp_path / "old.sealed", key, "Keeper")
    opened = private_index.load(tmp_path / "old.sealed", key, "Keeper")
    assert opened is not None and opened.doc_count() == 40
    assert hits(opened, "w7ord") == hits(ix, "w7ord")


def test_open_chunks_gives_back_what_seal_chunks_sealed_and_refuses_a_changed_byte():
    key, aad = bytes(range(32)), b"kmdesk/test"
    data = bytes(range(256)) * 40
    sealed = io.BytesIO()
    vault.seal_chunks([data[:1000], memoryview(data)[1000:]], key, aad, sealed.write)
    blob = sealed.getvalue()
    assert b"".join(vault.open_chunks(io.BytesIO(blob), key, aad, size=777)) == data
    assert vault.open_bytes(blob, key, aad) == data  # the same format as a whole
    for where in (0, 12, len(blob) // 2, len(blob) - 1):
        changed = blob[:where] + bytes([blob[where] ^ 1]) + blob[where + 1:]
        with pytest.raises(vault.TamperedData):
            list(vault.open_chunks(io.BytesIO(changed), key, aad, size=777))
    with pytest.raises(vault.TamperedData):
        list(vault.open_chunks(io.BytesIO(blob), key, b"another", size=777))
