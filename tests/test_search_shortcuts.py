"""The shortcuts a search takes at 100,000 records give the answers of the long way: near
spellings by bit vectors, a few documents looked up in a long posting list, phrases asked only
where their words meet."""

from __future__ import annotations

import random

import pytest
from whoosh.query import Or, Term

from kmdesk.core import search as S
from kmdesk.core.search import SearchIndex, record_to_doc


def _table_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def test_the_bit_vector_distance_is_levenshtein():
    rng = random.Random(5)
    for _ in range(20000):
        a = "".join(rng.choice("abcéاب种") for _ in range(rng.randint(0, 11)))
        b = "".join(rng.choice("abcéاب种") for _ in range(rng.randint(0, 11)))
        assert S._distance(a, b) == _table_distance(a, b), (a, b)
        limit = rng.randint(0, 3)
        assert min(S._distance(a, b, limit), limit + 1) == min(_table_distance(a, b), limit + 1)


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """Two segments; "soil" in most records, "lekagition" and "tersed" in a few (and their keywords)."""
    ix = SearchIndex.open(tmp_path_factory.mktemp("shortcuts") / "ix")
    rng = random.Random(11)
    filler = "water seed river forest grass stone cloud".split()

    def record(i: int) -> dict:
        words = rng.choices(filler, k=12) + ["soil"] * (i % 10 != 0)
        if i % 97 == 0:
            words[3:3] = ["lekagition", "soil"]
        if i % 89 == 0:
            words.append("tersed")
        return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": 1,
                "title": {"en": " ".join(rng.choices(filler, k=4))}, "body": {"en": " ".join(words)},
                "keywords": [w for w in ("lekagition", "tersed") if w in words],
                "access": {"level": "public"}}
    ix.update(record_to_doc(record(i)) for i in range(0, 1500))
    ix.update(record_to_doc(record(i)) for i in range(1500, 3000))
    return ix


def test_a_few_documents_looked_up_in_a_long_list_are_the_bitsets_answer(index, monkeypatch):
    monkeypatch.setattr(S._Masks, "PROBE_RATIO", 8)  # a list 8 times longer: this index is small
    with index._current() as (searcher, masks):
        assert len(searcher.leaf_searchers()) > 1
        rare, = S._Builder(searcher, masks, "en").analyse("text_en", "lekagition")
        few = masks.term("text_en", rare)
        assert 0 < few.bit_count() * masks.PROBE_RATIO < searcher.reader().doc_frequency("text_en", "soil")
        looked_up = masks.held(few, "text_en", "soil")
        assert ("text_en", "soil") not in masks._terms  # the long list was not read whole
        assert looked_up == few & masks.term("text_en", "soil")
        assert masks.held(few, "text_en", "soil") == looked_up  # and again, from what it kept
        some = masks.term("text_en", "tersed")
        assert masks.held(some, "text_en", rare) == some & few


def test_a_phrase_is_found_from_the_positions_of_its_rare_words_blocks(index, monkeypatch):
    monkeypatch.setattr(S._Masks, "PROBE_RATIO", 8)  # a list 8 times longer: this index is small
    fresh = SearchIndex.open(index.path)  # nothing read yet
    with fresh._current() as (searcher, masks):
        q = S._Builder(searcher, masks, "en").query([("lekagition", "soil")], prefix=False)
        assert masks.of(q) == S._Masks.from_ids(searcher.docs_for_query(q))
        assert ("text_en", "soil") not in masks._terms  # "soil"'s long list was not read whole
        assert ("text_en", "soil") not in masks.postings._kept
        assert masks.scores.top(q, masks.of(q), 50) == [(hit.docnum, pytest.approx(hit.score, rel=1e-9))
                                                        for hit in searcher.search(q, limit=50)]
        assert ("text_en", "soil") not in masks.postings._kept  # nor to rank the phrase
    found = index.search('"lekagition soil"', limit=100, snippets=False)
    assert found.total == len(range(0, 3000, 97)) == len(found.hits)
    assert index.search('"soil lekagition"', snippets=False).total == 0


@pytest.fixture(scope="module")
def phrases(tmp_path_factory):
    """Three segments, one document deleted: few words, so phrases repeat ("a a", "a b a");
    "z" and "y" in a few documents (their postings kept inline), "a" in long lists."""
    ix = SearchIndex.open(tmp_path_factory.mktemp("phrases") / "ix")
    rng = random.Random(7)

    def record(i: int) -> dict:
        body = rng.choices("a b c d a b a".split(), k=rng.randint(1, 40))
        if i % 150 == 0:
            body[rng.randrange(len(body)):0] = ["z", "y"] if i % 300 else ["y", "z"]
        return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": 1,
                "title": {"en": " ".join(rng.choices("a b c".split(), k=rng.randint(1, 6)))},
                "body": {"en": " ".join(body)}, "access": {"level": "public"}}
    for start in (0, 600, 1200):
        ix.update(record_to_doc(record(i)) for i in range(start, start + 600))
    ix.delete([record(3)["id"]])
    return ix


@pytest.mark.parametrize("words", [("a", "a"), ("a", "b"), ("b", "a", "a"), ("a", "b", "a", "b"), ("z", "y"),
                                   ("y", "z"), ("a", "z"), ("c", "d", "c"), ("d", "d", "d")])
def test_phrases_from_positions_match_and_rank_as_whooshs_phrase_matcher(phrases, words):
    with phrases._current() as (searcher, masks):
        assert len(searcher.leaf_searchers()) > 1 and searcher.reader().has_deletions()
        q = S._Builder(searcher, masks, "en").query([words], prefix=False)
        whooshs = searcher.search(q, limit=None)
        assert masks.of(q) == S._Masks.from_ids(hit.docnum for hit in whooshs)
        ours = masks.scores.top(q, masks.of(q), 25)
        assert [docnum for docnum, _ in ours] == [hit.docnum for hit in whooshs][:25]
        assert [score for _, score in ours] == pytest.approx([hit.score for hit in whooshs][:25], rel=1e-9)
        mixed = Or([q, Term("text_en", "c")])  # a phrase beside a word, scored at the candidates
        whooshs = searcher.search(mixed, limit=None)
        ours = masks.scores.top(mixed, masks.of(mixed), 25)
        assert [score for _, score in ours] == pytest.approx([hit.score for hit in whooshs][:25], rel=1e-9)
        assert [docnum for docnum, _ in ours] == [hit.docnum for hit in whooshs][:25]


def test_a_misspelling_is_corrected_as_before(index):
    results = index.search("tersaed", snippets=False)
    assert results.corrected and results.total == len(range(0, 3000, 89))
    assert index.search("lekagitoin", fuzzy=False, snippets=False).suggestion == "lekagition"


def test_the_first_listing_counts_facets_from_the_dictionary_and_sorts_by_title(tmp_path):
    ix = SearchIndex.open(tmp_path / "ix")
    kinds = ("practice", "resource", "event")
    records = [{"id": f"00000000-0000-4000-8000-{i:012d}", "type": kinds[i % 3], "revision": 1,
                "title": {"en": f"Title {(i * 7919) % 500:03d}"}, "gbf_targets": [i % 23 + 1, 1],
                "access": {"level": "public"}} for i in range(300)]
    ix.update(record_to_doc(r) for r in records)
    with ix._current() as (searcher, masks):
        assert not searcher.reader().has_deletions()
        from_dictionary = masks.facets(masks.live())
        from_bitsets = {name: sorted(((value, (masks.live() & masks.term(name, value)).bit_count())
                                      for value in masks._facets[name]), key=lambda kv: (-kv[1], kv[0]))
                        for name in S.FACETS}
        assert from_dictionary["type"] == [("event", 100), ("practice", 100), ("resource", 100)]
        assert dict(from_dictionary["gbf_targets"])["1"] == 300
    listing = ix.search("", limit=300, snippets=False)
    assert [h.title["en"] for h in listing.hits] == sorted(r["title"]["en"] for r in records)
    ix.delete([records[0]["id"], records[3]["id"]])  # two practices, deleted but not merged away
    with ix._current() as (searcher, masks):
        assert searcher.reader().has_deletions()
        assert dict(masks.facets(masks.live())["type"])["practice"] == 98
    assert ix.search("", snippets=False).total == 298
    assert from_bitsets == from_dictionary
    assert from_bitsets["gbf_targets"] and from_bitsets["type"]


@pytest.mark.parametrize("where", ["disk", "memory"])
def test_terms_read_from_the_dictionary_in_bulk_are_whooshs(tmp_path, where, monkeypatch):
    """Every prefix of the terms of a multi-segment index with deletions, on disk and in memory,
    with pieces read small enough that entries straddle them: the terms and document counts
    Whoosh's own ``iter_prefix`` walks."""
    monkeypatch.setattr(S.lexicon, "FIRST_READ", 64)
    ix = SearchIndex.open(tmp_path / "ix") if where == "disk" else SearchIndex.in_memory()
    rng = random.Random(3)
    letters = "aabcdeéسلم种子"

    def record(i: int) -> dict:
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(rng.randint(1, 9))]
        return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": 1,
                "title": {"en": " ".join(words)}, "keywords": words[:2], "access": {"level": "public"}}
    for start in (0, 200, 400):
        ix.update(record_to_doc(record(i)) for i in range(start, start + 200))
    ix.delete([record(0)["id"], record(250)["id"]])
    with ix._current() as (searcher, masks):
        reader = searcher.reader()
        assert len(searcher.leaf_searchers()) > 1 and reader.has_deletions()
        for fieldname in ("title", "keywords", "nothing"):
            terms = [t.decode("utf-8") for t in reader.lexicon(fieldname)] if fieldname in reader.schema else []
            prefixes = {""} | {t[:n] for t in terms for n in (1, 2, 3)}
            for prefix in sorted(prefixes):
                whooshs = [(t.decode("utf-8"), info.doc_frequency()) for t, info in reader.iter_prefix(fieldname, prefix)] \
                    if fieldname in reader.schema else []
                assert list(S.lexicon.prefixed(reader, fieldname, prefix)) == whooshs, (fieldname, prefix)
        assert masks.completions("title", "a") == [t for _, t in sorted(
            ((info.doc_frequency(), t.decode("utf-8")) for t, info in reader.iter_prefix("title", "a")), reverse=True)][:S.PREFIX_TERMS]


def test_an_empty_index_answers_words_and_phrases_with_nothing(tmp_path):
    ix = SearchIndex.open(tmp_path / "ix")
    for query in ("grazing", '"seed bank"', "grazng", "gr"):
        assert ix.search(query, snippets=False, as_you_type=True).total == 0
