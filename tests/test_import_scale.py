"""The import at scale: each record's text is indexed once, where it belongs, in one pass after
the one transaction; the writer's pool of postings gives back exactly what Whoosh's own would
(the index answers the same), and what a large import holds stays bounded."""

from __future__ import annotations

import pytest
from conftest import KEEPER_PASSPHRASE as PASS
from conftest import write_csv

from kmdesk.core.io import importer

CANARY = "qwyxzzcanary"


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


def _postings(ix) -> list[tuple]:
    """Every (field, term, document, weight, value) of an index with its term's and block's
    length bounds, each document's field lengths, its stored fields and its columns' values."""
    with ix.reader() as top:
        out: list[tuple] = []
        for reader, base in top.leaf_readers():  # per segment: block bounds are a segment's
            for fieldname, text in reader.all_terms():
                info = reader.term_info(fieldname, text)
                matcher = reader.postings(fieldname, text)
                block = getattr(matcher, "child", matcher)  # under the filter of deleted documents
                while matcher.is_active():
                    out.append((fieldname, text, base + matcher.id(), matcher.weight(), matcher.value(),
                                info.min_length(), info.max_length(), block.block_min_length(),
                                block.block_max_length()))
                    matcher.next()
        names = sorted(name for name, field in top.schema.items() if field.scorable)
        out += [tuple(top.doc_field_length(docnum, name) for name in names) for docnum in top.all_doc_ids()]
        columns = [list(top.column_reader(name)) for name, field in sorted(top.schema.items()) if field.column_type]
        return out + [tuple(sorted(fields.items())) for fields in top.all_stored_fields()] + columns


def _build(where, docs: list[dict]) -> object:
    """An index written as an import then an edit write one: two writers, the second updating."""
    from kmdesk.core.search import SearchIndex

    built = SearchIndex.open(where) if where else SearchIndex.in_memory()
    with built.batch() as batch:
        for doc in docs[:60]:
            batch.add(doc)
    with built.batch() as batch:  # a second segment; Whoosh merges the first into this writer
        for doc in docs[60:] + docs[:5]:
            batch.update(doc)
    return built._ix


def _docs() -> list[dict]:
    """120 documents in six languages: frequent words, and words of one or two documents."""
    from kmdesk.core.search import record_to_doc

    langs = ("en", "fr", "ar", "zh", "ru", "qu")
    words = ["seed", "graines", "بذور", "种子交换", "семена", "muju", "bank", "forêt", "mangrove", "rain"]
    return [record_to_doc({"id": f"r{i:03}", "title": {langs[i % 6]: " ".join(words[(i + k) % 10] for k in range(4))},
                           "body": {langs[i % 6]: " ".join(words[(i * k) % 10] for k in range(30)) + f" rare{i} rare{i // 3}"},
                           "keywords": [words[i % 10]], "gbf_targets": [i % 23 + 1], "access": {"level": "public"}})
            for i in range(120)]


@pytest.mark.parametrize("in_memory", [False, True])
def test_kmdesk_writer_writes_the_index_whoosh_own_writer_writes(tmp_path, monkeypatch, in_memory):
    """The same postings, field lengths, stored fields and columns as Whoosh's ``add_document``
    and pool write, with posting blocks of five; the pool spilling to many runs (a pool of a
    few kilobytes, runs merged three at a time, run blocks of two terms)."""
    from whoosh.codec.whoosh3 import W3Codec

    from kmdesk.core import index_writer
    from kmdesk.core.search import SearchIndex

    docs = _docs()
    monkeypatch.setattr(index_writer.Codec, "__init__",  # posting blocks of 5: a term's postings fill several
                        lambda codec: W3Codec.__init__(codec, blocklimit=5, inlinelimit=index_writer.Codec.INLINE_LIMIT))
    monkeypatch.setattr(index_writer, "_CHUNK", 2)
    monkeypatch.setattr(index_writer, "_MAX_RUNS", 3)
    monkeypatch.setattr(SearchIndex, "LIMIT_MB", 0.02)
    ours = _build(None if in_memory else tmp_path / "ours", docs)
    monkeypatch.setattr(SearchIndex, "_writer", classmethod(
        lambda cls, ix: ix.writer(limitmb=cls.LIMIT_MB, codec=index_writer.Codec())))
    theirs = _build(None if in_memory else tmp_path / "theirs", docs)
    assert _postings(ours) == _postings(theirs)


def _pool():
    from whoosh.filedb.filestore import RamStorage

    from kmdesk.core import index_writer

    return index_writer.TermPool(RamStorage(), None, limitmb=1)


def test_the_pool_gives_each_term_its_postings_in_document_order():
    """Words of documents added (``add_positions``) and postings of a merged segment (``add``)
    come out sorted by field and term (UTF-8 order), each term's postings flat, documents in order."""
    pool = _pool()
    pool.add(("text", "bank".encode(), 0, 1.0, b"v0"))  # a segment merged before the writer's documents
    pool.add(("type", b"practice", 0, 1.0, None))
    pool.add_positions("text", 1, {"seed": [0, 2], "bank": [1], "种子": [3]}, 1.0, 1.0)
    pool.add_positions("text", 2, {"seed": [0], "édition": [1]}, 2.0, 1.5)
    pool.add(("text", b"seed", 3, 1.0, b"v3"))  # one merged after them
    terms = list(pool.terms())
    assert [key for key, _ in terms] == [("text", b"bank"), ("text", b"seed"), ("text", "édition".encode()),
                                         ("text", "种子".encode()), ("type", b"practice")]
    postings = dict(terms)
    assert postings["text", b"bank"][0::3] == [0, 1] and postings["text", b"seed"][0::3] == [1, 2, 3]
    assert postings["text", b"seed"][1::3] == [2.0, 3.0, 1.0]  # count x field boost x document boost


def test_the_pool_refuses_postings_out_of_document_order():
    """The pool never sorts a term's postings: what would need it is refused, and named."""
    pool = _pool()
    pool.add(("id", b"r1", 5, 1.0, None))
    with pytest.raises(ValueError, match="document 3 after document 5"):
        pool.add(("id", b"r1", 3, 1.0, None))
    pool = _pool()
    pool.add_positions("text", 0, {"seed": [0]}, 1.0, 1.0)
    pool.add(("text", b"seed", 1, 1.0, b"v"))
    pool.add_positions("text", 2, {"seed": [0]}, 1.0, 1.0)
    with pytest.raises(ValueError, match="interleave"):
        list(pool.terms())


def test_rare_terms_inlined_read_back_as_whoosh_own_codec_wrote_them(tmp_path, monkeypatch):
    """kmdesk's codec keeps the postings of rare terms in the term dictionary and leaves small
    blocks uncompressed (a Zipf vocabulary's per-term cost, bench/README.md): the index holds
    the same postings, lengths and stored fields as Whoosh's own codec writes, and ranks alike."""
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.query import Or, Phrase, Term

    from kmdesk.core import index_writer
    from kmdesk.core.search import SearchIndex

    docs = _docs()
    ours = _build(tmp_path / "ours", docs)
    monkeypatch.setattr(SearchIndex, "_writer", classmethod(lambda cls, ix: ix.writer(limitmb=cls.LIMIT_MB, codec=W3Codec())))
    theirs = _build(tmp_path / "theirs", docs)
    with ours.reader() as top:
        inlined = [term for reader, _ in top.leaf_readers() for term in reader.all_terms()
                   if reader.term_info(*term).is_inlined()]
    assert ("text", b"rare7") in inlined and ("text", b"muju") not in inlined
    assert len(inlined) > 100
    assert _postings(ours) == _postings(theirs)
    queries = [Term("text", "rare7"), Term("text", "muju"), Or([Term("text", "rare3"), Term("text", "rare40"), Term("title", "bank")]),
               Phrase("text", ["muju", "rare5"]), Phrase("text", ["bank", "rain"])]
    found = []
    for q in queries:
        with ours.searcher() as mine, theirs.searcher() as whoosh:
            found.append(sorted(hit["id"] for hit in mine.search(q, limit=None)))
            assert [(hit["id"], round(hit.score, 6)) for hit in mine.search(q, limit=None)] == \
                [(hit["id"], round(hit.score, 6)) for hit in whoosh.search(q, limit=None)], q
    assert all(found) and index_writer.PostingsWriter.COMPRESS_FROM > 1
    ours.optimize()  # Whoosh's own writer merges kmdesk's segments (a purge): it reads the inlined terms
    with ours.searcher() as mine:
        assert [sorted(hit["id"] for hit in mine.search(q, limit=None)) for q in queries] == found


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
    assert keeper.search("healing").total == 40


def test_term_dictionary_writer_holds_two_numbers_per_term_and_writes_what_whoosh_writes():
    """The term dictionary's hash slots are kept until a segment is written: a million terms at
    100,000 records. kmdesk's codec keeps them in arrays; the file is byte for byte Whoosh's."""
    import tracemalloc

    from whoosh.filedb.filestore import RamStorage
    from whoosh.filedb.filetables import OrderedHashWriter

    from kmdesk.core import index_writer

    def write(compact: bool) -> tuple[bytes, int]:
        storage = RamStorage()
        tracemalloc.start()
        writer = OrderedHashWriter(storage.create_file("terms"))
        if compact:
            writer.buckets = [index_writer._Slots() for _ in writer.buckets]
        for n in range(20_000):
            writer.add(b"term%06d" % n, b"v")
        held = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        writer.close()
        return storage.files["terms"], held

    ours, ours_held = write(True)
    theirs, theirs_held = write(False)
    assert ours == theirs
    assert ours_held < theirs_held / 3


def test_private_index_is_sealed_to_disk_as_it_streams_not_copied_whole(tmp_path, monkeypatch):
    """Sealing the in-memory index (at lock, after an import) wrote it joined in one buffer and
    sealed that into another: two copies of an index of 75 MB at 100,000 records on top of the
    index itself. It is sealed a file at a time; the same sealed index opens, without plaintext."""
    import os
    import tracemalloc
    from functools import partialmethod

    from kmdesk.core import private_index
    from kmdesk.core.search import SearchIndex

    index = SearchIndex.in_memory()
    with index.batch() as batch:
        for doc in _docs():
            batch.add({**doc, "content": doc["content"] + f" {CANARY} " + os.urandom(4000).hex()})
    size = sum(len(content) for content in index._ix.storage.files.values())
    key, where = os.urandom(32), tmp_path / "sealed"
    monkeypatch.setattr(SearchIndex, "to_chunks", partialmethod(SearchIndex.to_chunks, size=50_000))
    tracemalloc.start()
    private_index.save(index, where, key, "Keeper")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert size > 500_000 and peak < size / 2
    assert CANARY.encode() not in where.read_bytes()
    opened = private_index.load(where, key, "Keeper")
    assert opened is not None and opened.doc_count() == 120
    assert private_index.load(where, os.urandom(32), "Keeper") is None
