"""Ranking from posting arrays (``core/ranking.py``) gives Whoosh's own BM25F ranking."""

from __future__ import annotations

import json
import random

import pytest
from whoosh.collectors import TopCollector
from whoosh.query import Or

from kmdesk.core import search as S
from kmdesk.core.search import SearchIndex, record_to_doc

SYLLABLES = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to".split()


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    return sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(size)})


def _records(rng: random.Random, words: list[str], first: int, count: int) -> list[dict]:
    weights = [1 / (rank + 1) for rank in range(len(words))]  # a Zipf curve, as in natural text
    def text(n: int) -> str:
        return " ".join(rng.choices(words, weights, k=n))
    return [{"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": 1,
             "title": {"en": text(rng.randint(2, 8))}, "summary": {rng.choice(("en", "fr", "qu")): text(12)},
             "body": {"en": text(rng.randint(10, 80))}, "keywords": rng.sample(words[:60], 2),
             "access": {"level": "public"}} for i in range(first, first + count)]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """An index of several segments, with documents replaced (deleted, not yet merged away)."""
    rng = random.Random(7)
    words = _vocabulary(rng, 400)
    ix = SearchIndex.open(tmp_path_factory.mktemp("ranking") / "ix")
    for first in (0, 300, 600):
        ix.update(record_to_doc(r) for r in _records(rng, words, first, 300))
    ix.update(record_to_doc(r) for r in _records(rng, words, 100, 40))  # new revisions of 40 records
    return ix, words


def _whoosh_top(searcher, q, limit):
    """Whoosh's collector over its plain union trees, every document scored (no block skipping)."""
    def plain(node):
        if isinstance(node, Or):
            node.matcher_type = Or.DEFAULT_MATCHER
        for sub in getattr(node, "subqueries", ()):
            plain(sub)
    plain(q)
    top = TopCollector(limit=limit, usequality=False)
    searcher.search_with_collector(q, top)
    return [(r.docnum, r.score) for r in top.results()]


def test_scores_are_whooshs_scores_in_whooshs_order(index):
    ix, words = index
    rng = random.Random(3)
    typed = [w for w in rng.sample(words, 25)] + [f"{a} {b}" for a, b in zip(rng.sample(words, 15), rng.sample(words, 15))]
    with ix._current() as (searcher, masks):
        assert len(searcher.leaf_searchers()) > 1 and searcher.reader().has_deletions()
        builder = S._Builder(searcher, masks, "en")
        compared = 0
        for text in typed:
            for prefix, every in ((False, False), (True, False), (False, True)):
                q = builder.query(S._query_parts(text), prefix=prefix, every=every)
                candidates = masks.of(q) & masks.live()
                if not candidates:
                    continue
                ours = masks.scores.top(q, candidates, 30)
                theirs = _whoosh_top(searcher, q, 30)
                assert ours is not None
                assert len(ours) == len(theirs)
                for (doc, score), (their_doc, their_score) in zip(ours, theirs):
                    assert score == pytest.approx(their_score, rel=1e-12)
                    if doc != their_doc:  # only a tie (to the last bits) may order differently
                        assert dict(theirs).get(doc, 0) == pytest.approx(score, rel=1e-12)
                compared += 1
        assert compared > 60


def test_a_search_ranks_the_best_documents_first(index):
    """The hits of a typed prefix are the documents that score highest, none left out (Whoosh's
    preloaded union under a union tree lost some of the best at 100,000 records)."""
    ix, words = index
    with ix._current() as (searcher, masks):
        q = S._Builder(searcher, masks, None).query(S._query_parts(f"{words[5]} {words[1][:2]}"), prefix=True)
        best = [doc for doc, _ in _whoosh_top(searcher, q, 20)]
        expected = [searcher.stored_fields(doc)["id"] for doc in best]
    hits = ix.search(f"{words[5]} {words[1][:2]}", as_you_type=True, limit=20, snippets=False).hits
    assert [h.id for h in hits][:10] == expected[:10]


def test_a_phrase_is_ranked_from_its_positions_as_whoosh_ranks_it(index):
    ix, words = index
    with ix._current() as (searcher, masks):
        record_id, title = next((fields["id"], json.loads(fields["titles"])["en"])
                                for fields in (searcher.stored_fields(n) for n in range(50))
                                if len(json.loads(fields["titles"])["en"].split()) > 3)
        first, second = title.split()[:2]
        q = S._Builder(searcher, masks, None).query([(first, second)], prefix=False)
        whooshs = searcher.search(q, limit=10)
        assert masks.scores.top(q, masks.of(q), 10) == [(hit.docnum, pytest.approx(hit.score, rel=1e-9)) for hit in whooshs]
    found = ix.search(f'"{first} {second}"', limit=1000, snippets=False)
    assert record_id in [h.id for h in found.hits]
