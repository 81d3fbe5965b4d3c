"""What one search answers: fuzzy matching and "did you mean" only when the exact and stemmed
query finds nothing, suggestions that find more and stay in their script, Chinese in
either script, typing that never shows fewer than the full query, exact facet counts, pages."""

from __future__ import annotations

import random

import pytest

from kmdesk.core.search import SearchIndex, record_to_doc


def rec(i, title, summary=None, **extra):
    return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": extra.pop("type", "practice"), "revision": 1,
            "title": title, "summary": summary or {}, "access": {"level": "public"}, **extra}


RECORDS = [
    rec(1, {"fr": "Conservation des graines paysannes"}),
    rec(2, {"en": "Trains and training for grasses"}),
    rec(3, {"en": "Grasses of the dry season"}),
    rec(4, {"ru": "Семена и почва"}),
    rec(5, {"ru": "Семинар в семье"}),
    rec(6, {"en": "Storing seeds"}, {"en": "Air humidity decides how long seeds keep."}),
    rec(7, {"zh": "传统种子保存"}),
    rec(8, {"en": "Seed fairs"}),
    rec(9, {"en": "The seed bank of the village"}),
]


@pytest.fixture
def index(tmp_path):
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc(r) for r in RECORDS)
    return ix


def found(results):
    return {int(h.id[-3:]) for h in results.hits}


def test_fuzzy_runs_only_when_the_exact_query_finds_too_little(index):
    assert found(index.search("graines")) == {1}  # not trains, training, grasses
    assert found(index.search("семена")) == {4}  # not семье or семинар
    assert index.search("семена").suggestion is None


def test_a_misspelling_still_finds_and_suggests(index):
    results = index.search("humdity")
    assert found(results) == {6} and results.corrected
    assert results.suggestion == "humidity"


def test_did_you_mean_only_when_nothing_was_found(index):
    assert index.search("seeds").suggestion is None
    assert index.search("graines").suggestion is None  # one record found: no second-guessing
    assert index.search("se").suggestion is None  # fewer than four letters: never "corrected"


def test_a_suggestion_stays_in_its_script_and_finds_more(index):
    suggestion = index.search("семеня", fuzzy=False).suggestion
    assert suggestion is None or all("\u0400" <= ch <= "\u04ff" for ch in suggestion)
    assert index.search("xqzvbnmw").suggestion is None  # nothing near: nothing offered


@pytest.mark.parametrize("query", ["種子", "种子"])
def test_traditional_and_simplified_chinese_find_each_other(index, query):
    assert found(index.search(query)) == {7}


@pytest.mark.parametrize("query", ["seed", "seed ba", "grass", "graines pay", "Семена п"])
def test_typing_shows_the_full_query_and_maybe_more(index, query):
    full = found(index.search(query, fuzzy=False, limit=100))
    typed = found(index.search(query, as_you_type=True, limit=100))
    assert full <= typed


def test_facet_counts_are_exact(tmp_path):
    rng = random.Random(3)
    records = [rec(i, {"en": f"river {rng.choice(['seed', 'soil', 'fish'])}"}, gbf_targets=rng.sample(range(1, 24), 3),
                   countries=[rng.choice(["pe", "ke", "fj"])], type=rng.choice(["practice", "resource"]))
               for i in range(1, 301)]
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc(r) for r in records)
    ix.delete([records[0]["id"]])  # a deleted document counts nowhere
    live = records[1:]
    for query, keep in (("", lambda r: True), ("seed", lambda r: "seed" in r["title"]["en"])):
        results = ix.search(query, limit=5)
        wanted = [r for r in live if keep(r)]
        assert results.total == len(wanted)
        targets = dict(results.facets["gbf_targets"])
        for target in range(1, 24):
            assert targets.get(str(target), 0) == sum(target in r["gbf_targets"] for r in wanted)
        assert dict(results.facets["type"]) == {t: n for t in ("practice", "resource")
                                                if (n := sum(r["type"] == t for r in wanted))}


def test_pages_follow_each_other(index):
    every = [h.id for h in index.search("", limit=100).hits]
    pages = [h.id for page in (1, 2, 3) for h in index.search("", limit=3, page=page).hits]
    assert pages == every[:9]


def test_a_phrase_is_counted_as_written(index):
    results = index.search('"seed bank"')
    assert found(results) == {9} and results.total == 1
    assert index.search('"bank seed"', fuzzy=False).total == 0
    assert found(index.search('"seed bank" fairs')) == {8, 9}  # no record has both: either


def test_near_spellings_come_from_titles_and_names_before_summaries(tmp_path):
    """A misspelt word is corrected from titles and keywords when they hold a near spelling; the
    summaries' larger vocabulary (here "humility", two edits away) is walked only when they hold none."""
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc(r) for r in [rec(1, {"en": "Humidity of the air"}),
                                         rec(2, {"en": "Elders"}, {"en": "Humility before the land."})])
    results = ix.search("humdity")
    assert found(results) == {1} and results.corrected and results.suggestion == "humidity"
    assert found(ix.search("humiliti")) == {2}  # nothing near in titles: the summaries are asked
