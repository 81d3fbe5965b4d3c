"""Terms read from an index's term dictionary, kept for as long as the index does not change:
the completions of a word being typed, and the terms near spellings are looked for among.

tantivy-py's ``terms_with_prefix`` visits and counts every term sharing the prefix whatever its
``limit`` (about 0.7 µs a term at 100,000 records), and a common two-letter prefix holds
thousands: a misspelling's walks were most of the engine's p95 (bench/README.md, "Issue 25,
stop 19: the engine's query"). So each two-letter prefix is walked once per generation of the
index, and the longer prefixes a crowded one needs are cut from that walk, not walked again.

A window keeps its indexes' dictionaries warm (``warm``), as Lucene warms a new searcher before
it serves: once an index stops changing, every two-letter prefix of the letters people type is
walked ahead on a thread, one first letter at a time, so the first misspelling of a session
waits for no walk and no walk holds the interpreter long (the longest, one letter's terms: a
few ms at 100,000 records).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

import tantivy

PREFIX_TERMS = 20  # a typed prefix expands to at most this many of its most frequent terms
NEAR_SCAN = 500  # near spellings are looked for among at most this many terms sharing the first letters
_HELD = 200_000  # terms kept at most per index (about 15 MB) before they start over
_CUT_WEIGHT = 8  # a list cut from a shorter prefix's holds only pointers to its strings: an eighth of their memory
# the first letters of the words walked ahead (``Dictionary.warm``), as the neutral fields fold
# them: Latin without accents, digits, Cyrillic, Arabic (Chinese is neither completed nor respelt)
WARM_LETTERS = ("abcdefghijklmnopqrstuvwxyz0123456789"
                + "".join(map(chr, range(0x430, 0x450))) + "ё" + "".join(map(chr, range(0x621, 0x64B))))


class Dictionary:
    """One index's cached walks, for one generation of it (``at`` starts over when the
    generation differs; the index calls ``forget`` at its own commits)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation: object = None
        self._walks: dict[tuple[str, str], list[str]] = {}
        self._held = 0
        self._warmed: object = None  # the generation ``warm`` walked whole

    def forget(self) -> None:
        with self._lock:
            self._generation = None
            self._clear()

    def _clear(self) -> None:
        self._walks.clear()
        self._held = 0
        self._warmed = None

    def at(self, searcher: tantivy.Searcher, generation: object) -> Terms:
        """The terms of ``searcher``, whose index is at ``generation``."""
        with self._lock:
            if generation != self._generation:
                self._clear()
                self._generation = generation
        return Terms(self, searcher, generation)

    def warm(self, searcher: tantivy.Searcher, generation: object, fields: Iterable[str],
             stop: Callable[[], bool] = lambda: False) -> None:
        """Walk ahead, for ``searcher`` at ``generation``, the two-letter prefixes of
        ``fields`` that begin with ``WARM_LETTERS``: each letter's terms, most frequent first,
        split by their first two letters (the lists ``Terms`` would walk, in the same order),
        and the longer prefixes a crowded one is cut into (``_cut_ahead``). Stops when the index
        moves on, when ``stop`` says so, or with a quarter of the memory left for the lists cut
        from these."""
        with self._lock:
            if self._generation is None:  # nothing asked since the last change: this is the newest
                self._generation = generation
            if self._warmed == generation:
                return
        for field in fields:
            for letter in WARM_LETTERS:
                with self._lock:
                    if generation != self._generation or stop() or self._held > _HELD * 3 // 4:
                        return
                lists: dict[str, list[str]] = {}
                for term, _count in searcher.terms_with_prefix(field, letter):
                    if len(term) >= 2:
                        lists.setdefault(term[:2], []).append(term)
                for prefix, terms in lists.items():
                    if self._get((field, prefix)) is None:
                        self._keep(generation, (field, prefix), terms)
                    self._cut_ahead(generation, field, prefix, terms)
        with self._lock:
            if generation == self._generation:
                self._warmed = generation

    def _cut_ahead(self, generation: object, field: str, prefix: str, terms: list[str]) -> None:
        """While more than ``NEAR_SCAN`` terms share ``prefix``, the list of each prefix a letter
        longer, cut from them as ``Terms._walk`` cuts it: the lists a misspelling's
        neighbourhood asks for (a crowded prefix's cut was a few tenths of a ms at its first ask)."""
        if len(terms) <= NEAR_SCAN:
            return
        size = len(prefix) + 1
        longer: dict[str, list[str]] = {}
        for term in terms:
            if len(term) >= size:
                longer.setdefault(term[:size], []).append(term)
        for cut, found in longer.items():
            if self._get((field, cut)) is None:
                self._keep(generation, (field, cut), found)
            self._cut_ahead(generation, field, cut, found)

    def _get(self, key: tuple[str, str]) -> list[str] | None:
        with self._lock:
            return self._walks.get(key)

    def _keep(self, generation: object, key: tuple[str, str], terms: list[str]) -> None:
        """Keep a walk, unless the index moved on while it was read (a stale one is dropped)."""
        held = len(terms) if len(key[1]) <= 2 else len(terms) // _CUT_WEIGHT + 1
        with self._lock:
            if generation != self._generation:
                return
            if self._held + held > _HELD:
                self._clear()
            self._held += held
            self._walks[key] = terms


class Terms:
    """The term lists of one searcher, through its index's ``Dictionary``."""

    def __init__(self, dictionary: Dictionary, searcher: tantivy.Searcher, generation: object) -> None:
        self._dictionary = dictionary
        self._searcher = searcher
        self._generation = generation

    def completions(self, field: str, prefix: str) -> list[str]:
        """The ``PREFIX_TERMS`` most frequent terms of ``field`` beginning with ``prefix``: each
        keystroke after the second cuts them from the walk the first two letters made, and a
        misspelling of the word typed finds its candidates there too."""
        return self._walk(field, prefix)[:PREFIX_TERMS]

    def neighbourhood(self, field: str, form: str) -> list[str]:
        """The terms beginning with ``form``'s first two letters, or more letters while over
        ``NEAR_SCAN`` terms share them (Arabic's article "ال" alone begins a third of all
        words); at most ``NEAR_SCAN`` of the most frequent, most frequent first."""
        terms = self._walk(field, form[:2])
        for length in range(3, max(len(form) - 1, 3)):
            if len(terms) <= NEAR_SCAN:
                break
            terms = self._walk(field, form[:length])
        return terms[:NEAR_SCAN]

    def _walk(self, field: str, prefix: str) -> list[str]:
        """Every term of ``field`` beginning with ``prefix``, most frequent first (ties in
        alphabetical order, as Tantivy sorts them): a prefix longer than two letters is cut
        from its shorter one's list, which keeps that order."""
        key = (field, prefix)
        found = self._dictionary._get(key)
        if found is None:
            if len(prefix) <= 2:
                found = [term for term, _ in self._searcher.terms_with_prefix(field, prefix)]
            else:
                found = [term for term in self._walk(field, prefix[:-1]) if term.startswith(prefix)]
            self._dictionary._keep(self._generation, key, found)
        return found
