"""The private index's documents wait for their seal out of memory, in a spool of ciphertext:
read back whole and in order, never in plaintext on disk, refused when changed under the
process, and copied into a new spool once most of it is of documents replaced."""

from __future__ import annotations

import os
import random
import tracemalloc

import pytest

from kmdesk.core.errors import TamperedData
from kmdesk.core.search import SearchIndex, engine, record_to_doc
from kmdesk.core.search.spool import Spool

CANARY = "CANARY-spooled-healing-song-7f3a"
WORDS = [f"w{i}ord" for i in range(3000)]


def rec(i: int, rng: random.Random, revision: int = 1) -> dict:
    return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": revision,
            "title": {"en": f"{CANARY} " + " ".join(rng.choices(WORDS, k=8))},
            "body": {"en": " ".join(rng.choices(WORDS, k=300))}, "keywords": [], "gbf_targets": [],
            "access": {"level": "restricted", "protocols": ["Healers"]}}


def hits(ix: SearchIndex, query: str) -> list[tuple[float, str]]:
    """Ranked hits, equal scores by id (their order follows the threads that indexed them)."""
    return sorted((-round(hit.score, 4), hit.id) for hit in ix.search(query, limit=400).hits)


def on_disk(spool: Spool) -> bytes:
    """Every byte the spool's anonymous file holds."""
    spool._file.flush()
    return os.pread(spool._file.fileno(), 1 << 30, 0)


def test_lines_come_back_whole_in_any_order_and_the_file_holds_only_ciphertext():
    spool = Spool()
    lines = [f"{CANARY} line {i} ".encode() * (1 + i % 700) for i in range(400)]  # many 64 KB blocks, one open
    places = [spool.add(line) for line in lines]
    order = list(range(len(lines)))
    random.Random(1).shuffle(order)
    assert list(spool.read(places[i] for i in order)) == [lines[i] for i in order]
    written = on_disk(spool)
    assert len(written) > 1_000_000 and CANARY.encode() not in written


def test_a_block_changed_on_disk_is_refused_not_read():
    spool = Spool()
    places = [spool.add(f"{CANARY} {i}".encode() * 400) for i in range(50)]
    spool._file.flush()
    fd = spool._file.fileno()
    os.pwrite(fd, bytes([os.pread(fd, 1, 100)[0] ^ 1]), 100)
    spool._opened = None
    with pytest.raises(TamperedData, match="changed on disk"):
        list(spool.read(places[:1]))


def test_a_sealable_index_keeps_its_documents_lines_out_of_memory():
    """3,000 documents of about 3 KB: kept in memory, their lines were 9 MB of Python strings."""
    rng = random.Random(2)
    docs = [record_to_doc(rec(i, rng)) for i in range(1, 3001)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        ix = SearchIndex.in_memory(sealable=True)
        ix.update(docs)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    lines = sum(len(chunk) for chunk in ix.to_chunks())
    assert lines > 8_000_000
    assert held < lines / 4
    assert CANARY.encode() not in on_disk(ix._spool)
    opened = SearchIndex.from_chunks(ix.to_chunks())
    assert opened is not None and opened.doc_count() == 3000
    assert hits(opened, "w17ord") == hits(ix, "w17ord")


def test_a_spool_mostly_of_replaced_documents_is_copied_and_seals_only_what_is_kept(monkeypatch):
    monkeypatch.setattr(engine, "_SPOOL_SLACK", 0)
    rng = random.Random(3)
    ix = SearchIndex.in_memory(sealable=True)
    ix.update(record_to_doc(rec(i, rng)) for i in range(1, 201))
    first = ix._spool
    ix.update(record_to_doc(rec(i, rng, revision=2)) for i in range(1, 151))  # 150 of 200 replaced
    assert ix._spool is first  # 150 replaced, 200 kept: not yet
    ix.update(record_to_doc(rec(i, rng, revision=3)) for i in range(1, 101))  # 250 replaced, 200 kept
    copied = ix._spool
    assert copied is not first and copied.dead == 0
    ix.delete(f"00000000-0000-4000-8000-{i:012d}" for i in range(190, 201))
    assert ix._spool is copied and 0 < copied.dead < copied.live
    opened = SearchIndex.from_chunks(ix.to_chunks())
    assert opened is not None
    assert opened.versions() == ix.versions()
    assert sorted(set(opened.versions().values())) == ["1", "2", "3"] and len(opened.versions()) == 189


def test_the_spool_is_made_in_the_users_state_folder_or_where_it_can_be(tmp_path, monkeypatch):
    """Not in the library's folder (a stick written through) nor first in the temporary one."""
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    spool = Spool()
    where = os.readlink(f"/proc/self/fd/{spool._file.fileno()}")  # Linux: the folder, then "#inode (deleted)"
    assert where.startswith(str(tmp_path / "state" / "spool") + os.sep) and where.endswith("(deleted)")
    (tmp_path / "file").write_text("not a folder")  # below it, no folder can be made: the system's temporary one
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "file" / "below"))
    unwritable = Spool()
    place = unwritable.add(b"kept all the same")
    assert list(unwritable.read([place])) == [b"kept all the same"]


def test_a_seal_read_while_documents_are_replaced_and_the_spool_copied_is_whole(monkeypatch):
    """Sealing reads the spool outside the index's lock: documents replaced on another thread
    meanwhile, and the spool copied under it, leave each seal a whole set of documents."""
    import json
    import threading

    monkeypatch.setattr(engine, "_SPOOL_SLACK", 0)
    rng = random.Random(5)
    ix = SearchIndex.in_memory(sealable=True)
    ix.update(record_to_doc(rec(i, rng)) for i in range(1, 121))
    everyone = set(ix.versions())
    stop = threading.Event()

    def replace() -> None:
        revision = 2
        while not stop.is_set():
            ix.update(record_to_doc(rec(i, random.Random(revision), revision)) for i in range(1, 61))
            revision += 1

    worker = threading.Thread(target=replace)
    worker.start()
    try:
        spools = set()
        for _ in range(15):
            spools.add(id(ix._spool))
            lines = b"".join(ix.to_chunks()).splitlines()[1:]
            docs = [json.loads(line) for line in lines]
            assert len(docs) == 120 and {doc["id"] for doc in docs} == everyone
    finally:
        stop.set()
        worker.join()
    assert len(spools) > 1  # the spool was copied while seals read it


def test_a_full_disk_keeps_the_sealed_blocks_in_memory(monkeypatch):
    """An unlock or an import does not fail for a spool the disk cannot take."""
    import errno
    import io
    import tempfile

    class Full(io.BytesIO):
        def write(self, data: object) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    lines = [f"{CANARY} {i} ".encode() * 300 for i in range(300)]
    spool = Spool()
    spool._file = Full()
    places = [spool.add(line) for line in lines]
    assert list(spool.read(places)) == lines and len(spool._held) > 10
    assert all(CANARY.encode() not in block for block in spool._held.values())  # held sealed

    def no_file(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "TemporaryFile", no_file)
    nowhere = Spool()
    places = [nowhere.add(line) for line in lines]
    assert list(nowhere.read(reversed(places))) == lines[::-1]
