"""The term dictionary's walks (``core/search/dictionary.py``): a two-letter prefix walked once
per generation of the index, the completions of longer prefixes and a crowded prefix's near
spellings cut from that walk with the very terms and order Tantivy's own walks give, and a
commit, here or by another process, seen at the next search."""

from __future__ import annotations

import random
import string
import time

import pytest

from kmdesk.core.search import SearchIndex, analysis, record_to_doc, warmer
from kmdesk.core.search.dictionary import NEAR_SCAN, PREFIX_TERMS, Dictionary
from kmdesk.core.search.fields import open_index


def rec(i: int, title: str) -> dict:
    return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": 1,
            "title": {"en": title}, "access": {"level": "public"}}


class Walks:
    """A real searcher that notes each walk of its term dictionary."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self.prefixes: list[str] = []

    def terms_with_prefix(self, field: str, prefix: str, **options):
        self.prefixes.append(prefix)
        return self.searcher.terms_with_prefix(field, prefix, **options)


def tantivy_near(searcher, field: str, form: str) -> list[str]:
    """The near spellings' candidates as Tantivy's walks give them: the first two letters, or
    more while over ``NEAR_SCAN`` terms share them (what the search walked before the cache)."""
    terms = []
    for length in range(2, max(len(form) - 1, 3)):
        terms = searcher.terms_with_prefix(field, form[:length], limit=NEAR_SCAN + 1)
        if len(terms) <= NEAR_SCAN:
            break
    return [term for term, _ in terms[:NEAR_SCAN]]


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """Over ``NEAR_SCAN`` title words begin with "st", fewer with "sta"; a few are frequent."""
    rng = random.Random(3)
    words = sorted({"st" + rng.choice("aeiou" * 3 + "bcdr") + "".join(rng.choices(string.ascii_lowercase, k=5))
                    for _ in range(1400)})
    assert len([w for w in words if w.startswith("st")]) > NEAR_SCAN > len([w for w in words if w.startswith("sta")])
    ix = SearchIndex.open(path := tmp_path_factory.mktemp("crowded") / "ix")
    ix.update(record_to_doc(rec(i, f"{word} {words[i % 7]}")) for i, word in enumerate(words))
    return open_index(path).searcher(), words


def test_a_prefix_is_walked_once_and_longer_ones_cut_from_it(crowded):
    searcher, words = crowded
    walks = Walks(searcher)
    terms = Dictionary().at(walks, 1)
    for form in ("stamenes", "stanbury", "stelloran", words[5]):
        assert terms.neighbourhood("title", form) == tantivy_near(searcher, "title", form)
    for typed in ("st", "sta", "stam", "ste", "stel", "stell"):
        assert terms.completions("title", typed) == [t for t, _ in searcher.terms_with_prefix(
            "title", typed, limit=PREFIX_TERMS)]
    assert walks.prefixes == ["st"]  # Tantivy walked "st" (over NEAR_SCAN terms), then "sta", "ste" ... each search


def test_a_commit_here_or_by_another_process_is_seen_at_the_next_search(tmp_path):
    here = SearchIndex.open(tmp_path / "ix")
    here.update(record_to_doc(rec(i, f"lekagition {word}")) for i, word in enumerate(("river", "seed", "soil")))
    assert here.search("lekagitoin", fuzzy=False, snippets=False).suggestion == "lekagition"
    here.update([record_to_doc(rec(10 + i, "lekagitoim forest")) for i in range(5)])  # one edit nearer
    assert here.search("lekagitoin", fuzzy=False, snippets=False).suggestion == "lekagitoim"
    elsewhere = SearchIndex.open(tmp_path / "ix")  # another process's view of the same folder
    assert elsewhere.search("lekagitoin", fuzzy=False, snippets=False).suggestion == "lekagitoim"
    elsewhere.update([record_to_doc(rec(20 + i, "lekagitoen grass")) for i in range(9)])  # as near, more often
    deadline = time.monotonic() + 10  # Tantivy's reader takes another process's commit within about a second
    while here.search("lekagitoin", fuzzy=False, snippets=False).suggestion != "lekagitoen":
        assert time.monotonic() < deadline, "the walks of the index before that commit were still used"
        time.sleep(0.05)


def test_a_dictionary_walked_ahead_holds_the_very_lists_the_searches_would_walk(crowded):
    """``warm`` walks one letter at a time and splits each letter's terms by their first two:
    a search then walks nothing, and finds the terms, in the order, Tantivy's walks give."""
    searcher, words = crowded
    walks = Walks(searcher)
    dictionary = Dictionary()
    dictionary.warm(walks, 1, ["title"])
    assert walks.prefixes and all(len(prefix) == 1 for prefix in walks.prefixes)
    walked = len(walks.prefixes)
    dictionary.warm(walks, 1, ["title"])
    assert len(walks.prefixes) == walked  # walked whole for this generation: not again
    st = dictionary._get(("title", "st")) or []
    assert len(st) > NEAR_SCAN  # a crowded prefix is cut ahead into the lists a misspelling asks for
    assert all(dictionary._get(("title", cut)) == [t for t in st if t.startswith(cut)] for cut in ("sta", "ste", "std"))
    assert dictionary._get(("title", words[5][:4])) is None  # not a crowded one
    terms = dictionary.at(walks, 1)
    cut: list[tuple[str, str]] = []
    keep = dictionary._keep
    dictionary._keep = lambda generation, key, found: cut.append(key) or keep(generation, key, found)  # type: ignore[method-assign]
    for form in ("stamenes", "stanbury", "stelloran", words[5], words[700]):
        assert terms.neighbourhood("title", form) == tantivy_near(searcher, "title", form)
    assert cut == []  # nor cut anything
    for typed in ("st", "sta", "stell", words[9][:2], words[9][:4]):
        assert terms.completions("title", typed) == [t for t, _ in searcher.terms_with_prefix(
            "title", typed, limit=PREFIX_TERMS)]
    assert len(walks.prefixes) == walked  # every search above was answered from the walks ahead
    dictionary.warm(walks, 2, ["title"])  # an older generation's walk, after a search saw a newer one:
    assert len(walks.prefixes) == walked  # nothing walked, nothing kept


def test_a_window_s_index_is_walked_ahead_again_once_it_stops_changing(tmp_path, monkeypatch):
    """The warmer walks at once, and after a change once the index is quiet; stopped, it walks
    no more (a lock: the private index's words stay out of memory)."""
    monkeypatch.setattr(warmer, "QUIET", 0.05)
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc(rec(i, f"lekagition {word}")) for i, word in enumerate(("river", "seed", "soil")))

    def holds(prefix: str, term: str) -> bool:
        return term in (ix._dictionary._get(("title", prefix)) or [])

    def wait_for(ready) -> None:
        deadline = time.monotonic() + 10
        while not ready():
            assert time.monotonic() < deadline
            time.sleep(0.01)

    analysis._traditional_to_simplified.cache_clear()
    analysis._russian.cache_clear()
    ix.warmer.start()
    wait_for(lambda: holds("le", "lekagition") and holds("so", "soil"))
    assert analysis._traditional_to_simplified.cache_info().currsize == 1  # read before a Chinese word needs it
    assert analysis._russian.cache_info().currsize == 1  # and the stemmer, before the first word not in ASCII
    ix.update([record_to_doc(rec(10, "quolbrin forest"))])
    wait_for(lambda: holds("qu", "quolbrin"))  # the commit forgot the walks; the quiet index is walked again
    ix.warmer.stop()
    ix.update([record_to_doc(rec(11, "zaiplot grass"))])
    time.sleep(0.3)
    assert ix._dictionary._get(("title", "za")) is None and ix._dictionary._get(("title", "qu")) is None
    assert ix.search("zaiplat", fuzzy=False, snippets=False).suggestion == "zaiplot"  # a search still walks
