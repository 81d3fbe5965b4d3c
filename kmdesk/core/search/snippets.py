"""Highlights: the words of a record's text that a query's terms matched, as typed or as a
language's rules matched them (a stemmed "forêts" marks "forêt"), in bold, HTML-escaped."""

from __future__ import annotations

import heapq
import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kmdesk.core.search.analysis import (
    CJK,
    LETTER,
    arabic_spellings,
    forms,
    is_arabic,
    normalise_arabic,
    simplified,
)

FRAGMENT = 200  # characters a fragment holds at most
SURROUND = 40  # characters of context before and after a match
FRAGMENTS = 3


# Fields whose analyzers are one and the same: a word is analysed once for all of them.
_ANALYSED_AS = {"title": "text", "keywords": "text"}


# Latin and Cyrillic letters keep their first letter through every analyzer (case and
# accents aside); Arabic light stemming strips prefixes, so its words are read whole (below).
_KEEPS_INITIAL = ((0x00C0, 0x0250), (0x1E00, 0x1F00), (0x0400, 0x0500))
_OTHER_SCRIPT = "[^\\W\\d_\\u0000-\\u024f\\u1e00-\\u1eff\\u0400-\\u04ff]"
# Words of other scripts but Arabic's and Chinese's: read even when no term needs those two,
# which a Latin or Cyrillic term never matches (Chinese terms are found as written).
_RARE_SCRIPT = ("[^\\W\\d_\\u0000-\\u024f\\u1e00-\\u1eff\\u0400-\\u04ff\\u0600-\\u06ff\\u0750-\\u077f"
                "\\u08a0-\\u08ff\\ufb50-\\ufdff\\ufe70-\\ufeff\\u3400-\\u9fff\\uf900-\\ufaff]")
# The letters (and marks) of words that begin with a Latin, Cyrillic or Arabic letter: each
# query's own pattern holds this class thrice, and ``re`` compiles the whole of ``LETTER`` (every
# script's marks) in 0.7 ms more; the words of other scripts have ``LETTER`` (``_script_words``).
_NEAR_LETTER = ("[\\w\u200c\u200d\u0300-\u036f\u0483-\u0489\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
                "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_ARABIC_LETTER = "[\\u0600-\\u06ff]"  # as ``analysis.is_arabic`` tells an Arabic word
_ARABIC_ONLY = re.compile(f"{_ARABIC_LETTER}+")


def _initial(word: str) -> str:
    """A word's first letter as an analyzer begins its term (lower case, accents off)."""
    return unicodedata.normalize("NFKD", word[:1].lower())[:1]


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Every Latin or Cyrillic letter with case or accents, by the initial it analyses to."""
    out: dict[str, str] = {}
    for low, high in _KEEPS_INITIAL:
        for code in range(low, high):
            letter = chr(code)
            if letter.isalpha():
                out[_initial(letter)] = out.get(_initial(letter), "") + letter
    return out


@lru_cache(maxsize=512)
def _initial_words(initial: str) -> re.Pattern[str]:
    """The words beginning with ``initial`` in any case or accent: one pattern an initial, not
    one a query (``re`` compiles a class of letters beyond Latin-1 in half a ms, and a query's
    snippets cost a few)."""
    return _word_from(f"[{re.escape(''.join(sorted({initial, initial.upper(), *_spellings().get(initial, '')})))}]",
                      _NEAR_LETTER)


@lru_cache(maxsize=64)
def _arabic_words(letters: str) -> re.Pattern[str]:
    """The Arabic words that hold one of ``letters`` (an Arabic term is a word's letters less its
    article and suffixes, folded: ``Highlighter``)."""
    return _word_from(f"(?={_NEAR_LETTER}*?[{re.escape(letters)}]){_ARABIC_LETTER}", _NEAR_LETTER)


@lru_cache(maxsize=2)
def _script_words(other_scripts: bool) -> re.Pattern[str]:
    """Every word of a script that does not keep initials (``other_scripts``), else of the
    scripts but Arabic's and Chinese's. Compiled once, not with each query's initials: ``re``
    walks every code point of a class's ranges as it compiles, 2-4 ms for these (Chinese's)."""
    return _word_from(_OTHER_SCRIPT if other_scripts else _RARE_SCRIPT, LETTER)


def _word_from(first: str, letter: str) -> re.Pattern[str]:
    """Whole words whose first letter matches ``first`` (one letter), the letter before checked
    after it: a pattern that begins with its first letter's class lets ``re`` skip in native code
    to the places it can start, where one that begins with a look-behind tries every place."""
    return re.compile(rf"(?:{first})(?<!{letter}.){letter}*(?:\.{letter}+)*")


def _keeps_initial(initial: str) -> bool:
    return initial.isascii() or any(chr(low) <= initial < chr(high) for low, high in _KEEPS_INITIAL)


@lru_cache(maxsize=16)
def highlighter(terms: frozenset[tuple[str, str]]) -> Highlighter:
    """The ``Highlighter`` of these terms, kept while its query is asked again: both indexes'
    hits, and the window's later asks for the same query, reuse the words it judged."""
    return Highlighter(terms)


class Highlighter:
    """The matches of one query's ``terms`` (field, term) in the texts of its hits: a word is
    judged once for all the hits (a language's common words recur in every text)."""

    def __init__(self, terms: Iterable[tuple[str, str]]) -> None:
        self.by_field: dict[str, set[str]] = {}
        self.chinese: set[str] = set()
        for field, term in terms:
            if CJK.search(term):
                self.chinese.add(term)
            else:
                self.by_field.setdefault(_ANALYSED_AS.get(field, field), set()).add(term)
        self._wanted = tuple(self.by_field.items())
        initials = {_initial(term) for wanted in self.by_field.values() for term in wanted}
        arabic = {i for i in initials if is_arabic(i)}
        # Latin and Cyrillic terms keep their initials, and no Arabic or Chinese word analyses
        # to one: those texts are read only for terms of other scripts. An Arabic term is a
        # word's letters less its article and suffixes, folded (``light_stem_arabic``), so only
        # the Arabic words that hold its first letter, in any spelling that folds to it, are read
        other_scripts = not all(_keeps_initial(i) for i in initials - arabic)
        arabic_letters = "" if other_scripts else arabic_spellings(arabic)
        self.candidates = [*map(_initial_words, sorted(initials - arabic)),
                           *([_arabic_words(arabic_letters)] if arabic_letters else []), _script_words(other_scripts)]
        self.judged: dict[str, bool] = {}
        self._arabic = tuple({term for wanted in self.by_field.values() for term in wanted if is_arabic(term)})

    def _matched(self, word: str) -> bool:
        found = self.judged.get(word)
        if found is None:
            found = False
            if not CJK.search(word) and self._may_hold(word):
                for field, wanted in self._wanted:
                    if not wanted.isdisjoint(forms(field, word)):
                        found = True
                        break
            self.judged[word] = found
        return found

    def _may_hold(self, word: str) -> bool:
        """False for an Arabic word that holds none of the Arabic terms once folded: every term
        it analyses to is a piece of it so (its article and suffixes cut off). Most Arabic words
        of a text hold a term's first letter, which is all the candidates' pattern asks."""
        if not _ARABIC_ONLY.fullmatch(word):
            return True
        folded = normalise_arabic(unicodedata.normalize("NFC", word))
        return any(term in folded for term in self._arabic)

    def words(self, content: str) -> Iterator[re.Match[str]]:
        """The words of ``content`` worth analysing for these terms (``candidates``), in order:
        sorted only when more than one pattern finds any, each word once."""
        found = [pattern for pattern in self.candidates if pattern.search(content)]
        if len(found) == 1:
            return found[0].finditer(content)
        starts = {match.start(): match for pattern in found for match in pattern.finditer(content)}
        return iter([starts[start] for start in sorted(starts)])

    def matches(self, content: str) -> Iterator[tuple[int, int]]:
        """The spans of ``content``, in order and merged, whose words analyse in some field to
        a term; Chinese terms (bigrams and characters) are found as written. Lazy: a snippet
        stops reading the text once its fragments are full."""
        words = (m.span() for m in self.words(content) if self._matched(m.group())) if self.by_field else iter(())
        found: list[tuple[int, int]] = []
        if self.chinese:
            folded = simplified(content)
            for term in self.chinese:
                start = folded.find(term)
                while start >= 0:
                    found.append((start, start + len(term)))
                    start = folded.find(term, start + 1)
        last: tuple[int, int] | None = None
        for start, end in heapq.merge(words, sorted(found)) if found else words:
            if last is not None and start <= last[1]:
                last = (last[0], max(end, last[1]))
                continue
            if last is not None:
                yield last
            last = (start, end)
        if last is not None:
            yield last

    def snippet(self, content: str) -> str:
        """Up to ``FRAGMENTS`` fragments of ``content`` around its matches, matches in ``<b>``."""
        fragments: list[list[tuple[int, int]]] = []
        for span in self.matches(content) if content else ():
            if fragments and span[1] - fragments[-1][0][0] <= FRAGMENT - 2 * SURROUND:
                fragments[-1].append(span)
            elif len(fragments) < FRAGMENTS:
                fragments.append([span])
            else:
                break
        return " ".join(_fragment(content, group) for group in fragments)


def snippet(content: str, terms: Iterable[tuple[str, str]]) -> str:
    """The snippet of one text (``Highlighter`` serves the hits of a search)."""
    return Highlighter(terms).snippet(content)


def _fragment(content: str, spans: list[tuple[int, int]]) -> str:
    """The text around ``spans``, cut at spaces (never inside a word), with "…" where cut."""
    start, end = max(0, spans[0][0] - SURROUND), min(len(content), spans[-1][1] + SURROUND)
    if start > 0 and (space := content.find(" ", start, spans[0][0])) >= 0:
        start = space + 1
    if end < len(content) and (space := content.rfind(" ", spans[-1][1], end)) >= 0:
        end = space
    out, at = ["…" if start > 0 else ""], start
    for left, right in spans:
        out.append(html.escape(content[at:left]))
        out.append(f"<b>{html.escape(content[left:right])}</b>")
        at = right
    out.append(html.escape(content[at:end]))
    out.append("…" if end < len(content) else "")
    return " ".join("".join(out).split())
