"""Search: boosts, facets, filters, snippets, fuzzy matching, did-you-mean, scripts, rebuild."""

from __future__ import annotations

import pytest

from kmdesk.core.errors import Cancelled
from kmdesk.core.search import SearchIndex, record_to_doc


def rec(i, title, body="", **extra):
    return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": extra.pop("type", "practice"), "revision": 1,
            "title": title, "body": {"en": body} if body else {}, "keywords": extra.pop("keywords", []),
            "gbf_targets": extra.pop("gbf_targets", []), "access": {"level": "public"}, **extra}


@pytest.fixture
def index(tmp_path):
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc(r) for r in [
        rec(1, {"en": "Mangrove replanting"}, "Fishers replant seedlings.", gbf_targets=[2, 11], community="Lamu fishers"),
        rec(2, {"en": "Coastal fisheries note"}, "Mangrove roots shelter juvenile fish.", gbf_targets=[10], type="resource"),
        rec(3, {"es": "Cultivo de papa nativa"}, keywords=["Quechua"], gbf_targets=[13]),
        rec(4, {"fr": "Pêche à pied"}),
        rec(5, {"zh": "生物多样性保护与可持续利用"}),
        rec(6, {"ar": "الحِمى: إدارة المراعي"}),
    ])
    return ix


def ids(results):
    return [h.id[-1] for h in results.hits]


def test_title_match_ranks_above_body_match(index):
    assert ids(index.search("mangrove"))[:2] == ["1", "2"]


def test_facets_and_filters(index):
    results = index.search("")
    assert results.total == 6
    assert dict(results.facets["type"]) == {"practice": 5, "resource": 1}
    assert ("Lamu fishers", 1) in results.facets["community"]
    assert ids(index.search("mangrove", filters={"gbf_targets": ["10"]})) == ["2"]
    assert ids(index.search("", filters={"type": ["resource"]})) == ["2"]


def test_snippets_are_highlighted_and_escaped(index):
    snippet = index.search("seedlings").hits[0].snippet
    assert "<b>" in snippet and "seedlings" in snippet.lower()


def test_a_snippet_reads_only_the_words_its_terms_could_match():
    """A Latin query's highlights skip Arabic and Chinese words (no analyzer turns them into a
    Latin term) but still read words of other scripts; an Arabic query reads the Arabic words
    that hold its term's first letter anywhere, in any spelling that folds to it (its article
    is stripped, so initials do not tell); one highlighter serves a query's asks."""
    from kmdesk.core.search import snippets

    text = "Seeds بذور 种子 σπόρος and seed"
    latin = snippets.highlighter(frozenset({("text", "seed"), ("text_ar", "seed"), ("text_en", "seed")}))
    assert [m.group() for m in latin.words(text)] == ["Seeds", "σπόρος", "seed"]
    assert latin.snippet(text) == "<b>Seeds</b> بذور 种子 σπόρος and <b>seed</b>"
    assert latin is snippets.highlighter(frozenset({("text", "seed"), ("text_ar", "seed"), ("text_en", "seed")}))
    arabic = snippets.Highlighter([("text_ar", "بذور")])
    assert "بذور" in [m.group() for m in arabic.words(text)]
    assert arabic.snippet("في البذور") == "في <b>البذور</b>"
    assert [m.group() for m in arabic.words("في البذور وبذورها من تربة")] == ["البذور", "وبذورها", "تربة"]
    trace = snippets.Highlighter([("text_ar", "اثر")])  # alef: also written with hamza or madda
    assert [m.group() for m in trace.words("في أثر وإثر من")] == ["أثر", "وإثر"]
    assert trace.snippet("في أثر وإثر من") == "في <b>أثر</b> <b>وإثر</b> من"


def test_every_query_s_highlighter_shares_one_pattern_for_the_words_of_other_scripts():
    """The classes of other scripts' letters take ``re`` milliseconds to compile (it walks every
    code point of Chinese's ranges): they are compiled once, not into each query's pattern."""
    from kmdesk.core.search import snippets

    snippets._script_words.cache_clear()
    made = [snippets.Highlighter([("text", f"{letter}eed")]) for letter in "abcdefghijklmnopqrstuvwxyz"]
    assert snippets._script_words.cache_info().misses == 1
    assert all(made[0].candidates[-1] is h.candidates[-1] for h in made)
    assert [m.group() for m in made[18].words("Seeds σπόρος 种子 seed")] == ["Seeds", "σπόρος", "seed"]


def test_fuzzy_prefix_and_did_you_mean(index):
    assert ids(index.search("Quechau")) == ["3"]
    assert "1" in ids(index.search("mangr", as_you_type=True))
    assert index.search("mangrovx", fuzzy=False).suggestion == "mangrove"


def test_languages_accents_chinese_and_arabic(index):
    assert ids(index.search("cultivos")) == ["3"]
    assert ids(index.search("peche")) == ["4"]
    assert ids(index.search("保护")) == ["5"]
    assert ids(index.search("الحمى")) == ["6"]


def test_rebuild_with_progress_and_cancel_keeps_old(index):
    with pytest.raises(Cancelled):
        index.rebuild([record_to_doc(rec(9, {"en": "x"}))], total=1, cancel=lambda: True)
    assert index.doc_count() == 6
    seen = []
    index.rebuild([record_to_doc(rec(9, {"en": "Fire management"}))], total=1, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 1)] and index.doc_count() == 1 and index.versions() == {rec(9, {})["id"]: "1"}


def test_in_memory_index_writes_no_files(tmp_path):
    ix = SearchIndex.in_memory()
    ix.update([record_to_doc(rec(1, {"en": "Secret grove"}))])
    assert ids(ix.search("grove")) == ["1"]
    assert list(tmp_path.iterdir()) == []
