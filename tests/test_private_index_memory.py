"""The sealed form of the in-memory index of non-public records: it opens with the same hits, as
it is decrypted (never holding the plaintext twice), and a damaged or cut one never opens."""

from __future__ import annotations

import io
import random
import tracemalloc

import pytest

from kmdesk.core.errors import TamperedData
from kmdesk.core.search import SearchIndex, private_index, record_to_doc
from kmdesk.core.trust import streams

WORDS = [f"w{i}ord" for i in range(4000)]


def rec(i: int, rng: random.Random) -> dict:
    return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": 1,
            "title": {"en": " ".join(rng.choices(WORDS, k=8))}, "body": {"en": " ".join(rng.choices(WORDS, k=120))},
            "keywords": [], "gbf_targets": [], "access": {"level": "restricted", "protocols": ["Healers"]}}


@pytest.fixture
def memory_index() -> SearchIndex:
    rng = random.Random(3)
    ix = SearchIndex.in_memory(sealable=True)
    ix.update(record_to_doc(rec(i, rng)) for i in range(1, 301))
    return ix


def hits(ix: SearchIndex, query: str) -> list[tuple[float, str]]:
    """The ranked hits, equal scores by id: they come in index order, which depends on how many
    threads indexed the documents."""
    return sorted((-hit.score, hit.id) for hit in ix.search(query, limit=400).hits)


def test_a_sealed_index_opens_as_it_is_decrypted_with_the_same_hits(tmp_path):
    """The sealed documents are decrypted a chunk at a time and indexed as they come (their
    lines then wait for the next seal in the index's spool, ``test_search_spool``): never the
    sealed file, its plaintext and the documents in memory at once."""
    rng = random.Random(4)
    memory_index = SearchIndex.in_memory(sealable=True)
    memory_index.update(record_to_doc(rec(i, rng)) for i in range(1, 1201))
    key = bytes(range(32))
    where = tmp_path / "profile-1.sealed"
    private_index.save(memory_index, where, key, "Keeper")
    size = sum(len(chunk) for chunk in memory_index.to_chunks())
    tracemalloc.start()
    try:
        opened = private_index.load(where, key, "Keeper")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert opened is not None and opened.doc_count() == 1200
    for word in ("w7ord", "w123ord", "w3999ord"):
        assert hits(opened, word) == hits(memory_index, word)
    assert peak < size + 5 * 2**20  # the documents, and a few chunks being decrypted


@pytest.mark.parametrize("damage", [lambda b: b[:-1], lambda b: b[:len(b) // 2],
                                    lambda b: b[:100] + bytes([b[100] ^ 1]) + b[101:], lambda b: b[:20]])
def test_a_damaged_or_cut_sealed_index_does_not_open(memory_index, tmp_path, damage):
    key = bytes(range(32))
    where = tmp_path / "profile-1.sealed"
    private_index.save(memory_index, where, key, "Keeper")
    where.write_bytes(damage(where.read_bytes()))
    assert private_index.load(where, key, "Keeper") is None


def test_open_chunks_gives_back_what_seal_chunks_sealed_and_refuses_a_changed_byte():
    key, aad = bytes(range(32)), b"kmdesk/test"
    data = bytes(range(256)) * 40
    sealed = io.BytesIO()
    streams.seal_chunks([data[:1000], memoryview(data)[1000:]], key, aad, sealed.write)
    blob = sealed.getvalue()
    assert b"".join(streams.open_chunks(io.BytesIO(blob), key, aad, size=777)) == data
    assert streams.open_bytes(blob, key, aad) == data  # the same format as a whole
    for where in (0, 12, len(blob) // 2, len(blob) - 1):
        changed = blob[:where] + bytes([blob[where] ^ 1]) + blob[where + 1:]
        with pytest.raises(TamperedData):
            list(streams.open_chunks(io.BytesIO(changed), key, aad, size=777))
    with pytest.raises(TamperedData):
        list(streams.open_chunks(io.BytesIO(blob), key, b"another", size=777))
