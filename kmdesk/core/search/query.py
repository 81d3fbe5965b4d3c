"""Tantivy queries from the words people type: each word analysed once per field, phrases,
prefixes while typing, near spellings for the misspelling fallback and "did you mean"."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import tantivy
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from kmdesk.core.search.analysis import CJK, LANGUAGES, TOKEN, forms, language_field, text_fields
from kmdesk.core.search.dictionary import Terms

Query = tantivy.Query
Occur = tantivy.Occur
Part = str | tuple[str, ...]
BOOSTS = {"title": 3.0, "keywords": 2.0}
PREFIX_FIELDS = ("title", "keywords")  # where a word being typed is completed
# Near spellings (the fuzzy fallback, "did you mean") are looked for in titles and keywords
# (people's and places' names) first, where a misspelt word is worth finding; in summaries and
# untagged texts only when those have none.
NEAR_FIELDS = (("title", "keywords"), ("text",))
_WORDS_KEPT = 4096  # words whose queries are kept (``Words``): a session's typing and more
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')


def query_parts(query: str) -> list[Part]:
    """Words, and phrases (quoted) as tuples of words."""
    parts: list[Part] = []
    for phrase, bare in _QUERY_PART.findall(query):
        if phrase:
            words = tuple(TOKEN.findall(phrase))
            if len(words) > 1:
                parts.append(words)
            elif words:
                parts.append(words[0])
        else:
            parts.extend(TOKEN.findall(bare))
    return parts


def either(clauses: list[Query]) -> Query:
    return clauses[0] if len(clauses) == 1 else Query.boolean_query([(Occur.Should, q) for q in clauses])


def every(clauses: list[Query]) -> Query:
    return clauses[0] if len(clauses) == 1 else Query.boolean_query([(Occur.Must, q) for q in clauses])


def _script(word: str) -> str:
    """The script of a word's first letter (LATIN, CYRILLIC, ARABIC, CJK ...)."""
    for ch in word:
        if ch.isalpha():
            return unicodedata.name(ch, "?").split(" ")[0]
    return ""


class Words:
    """Each word's query over every text field, made once for a schema: a search asks for the
    same words in the public and the private index, and each keystroke asks again for the words
    typed before it (a word is eighteen fields' clauses: a sixth of a short query's own cost)."""

    def __init__(self, schema: tantivy.Schema) -> None:
        self.schema = schema
        self.of = lru_cache(maxsize=_WORDS_KEPT)(self._made)

    def _made(self, word: str, preferred: str | None) -> tuple[Query, frozenset[tuple[str, str]]]:
        """The word's query, ``preferred`` (a language's field) boosted, and the terms it holds."""
        clauses: list[Query] = []
        terms: set[tuple[str, str]] = set()
        for field in text_fields():
            found = forms(field, word)
            if not found:
                continue
            terms.update((field, t) for t in found)
            boost = BOOSTS.get(field, 1.0) * (1.5 if field == preferred else 1.0)
            # a Chinese word is the phrase of its bigrams
            q = Query.term_query(self.schema, field, found[0]) if len(found) == 1 \
                else Query.phrase_query(self.schema, field, list(found))
            clauses.append(Query.boost_query(q, boost) if boost != 1.0 else q)
        return (either(clauses) if clauses else Query.empty_query()), frozenset(terms)


class Builder:
    """The queries of one search, on one searcher; the terms each word and field became are
    kept (``terms``): snippets mark them."""

    def __init__(self, searcher: tantivy.Searcher, words: Words, lang: str | None, dictionary: Terms) -> None:
        self.searcher = searcher
        self.words = words
        self.schema = words.schema
        self.preferred = language_field(lang) if lang else None
        self.dictionary = dictionary  # completions and near spellings' candidates, walked once per index generation
        self.terms: set[tuple[str, str]] = set()
        self._near_cache: dict[tuple[str, str], list[tuple[str, int]]] = {}

    def _term(self, field: str, text: str, boost: float = 1.0) -> Query:
        self.terms.add((field, text))
        q = Query.term_query(self.schema, field, text)
        return Query.boost_query(q, boost) if boost != 1.0 else q

    def word(self, word: str) -> Query:
        q, terms = self.words.of(word, self.preferred)
        self.terms.update(terms)
        return q

    def phrase(self, words: tuple[str, ...]) -> Query:
        clauses = []
        for field in ("title", "text", *(f"text_{code}" for code in LANGUAGES)):
            found = [forms(field, w) for w in words]
            # a word the field's tokenizer cut ("U.N.") is its pieces in a row; a Chinese word's
            # bigrams are not, beside another word's (the bigram across them sits between)
            if all(len(f) == 1 or (f and not CJK.search(w)) for w, f in zip(words, found, strict=True)):
                terms: list[str | tuple[int, str]] = [t for f in found for t in f]
                self.terms.update((field, t) for f in found for t in f)
                clauses.append(Query.phrase_query(self.schema, field, terms))
        return either(clauses) if clauses else every([self.word(w) for w in words])

    def prefix(self, word: str) -> Query | None:
        """The most frequent terms of titles, keywords and names that begin with what was
        typed: few fields with short texts, so a keystroke costs little at any library size."""
        if len(word) < 2 or CJK.search(word):
            return None
        found = forms("title", word)
        if len(found) != 1:
            return None
        clauses = [self._term(field, text, 0.8) for field in PREFIX_FIELDS for text in self.dictionary.completions(field, found[0])]
        return either(clauses) if clauses else None

    def query(self, parts: list[Part], *, prefix: bool, all_parts: bool = False) -> Query:
        """Records with every part (``all_parts``), or with any of them (more parts rank higher)."""
        clauses: list[Query] = []
        for i, part in enumerate(parts):
            if isinstance(part, tuple):
                clauses.append(self.phrase(part))
                continue
            q = self.word(part)
            if prefix and i == len(parts) - 1 and (grown := self.prefix(part)) is not None:
                q = either([q, grown])
            clauses.append(q)
        return every(clauses) if all_parts else either(clauses)

    def fuzzy(self, parts: list[Part]) -> Query | None:
        """Misspellings of words of five letters or more (two edits from seven), among the
        ``NEAR_FIELDS``' terms sharing the word's first letters."""
        clauses = []
        for part in parts:
            if isinstance(part, tuple) or len(part) < 5 or CJK.search(part):
                continue
            found = forms("title", part)
            if len(found) != 1:
                continue
            maxdist = 2 if len(part) >= 7 else 1
            for fields in NEAR_FIELDS:
                near = [self._term(field, term) for field in fields for term, _ in self._near(field, found[0], maxdist)]
                clauses.extend(near)
                if near:
                    break
        return either(clauses) if clauses else None

    def _near(self, field: str, form: str, maxdist: int) -> list[tuple[str, int]]:
        """Terms of ``field`` within ``maxdist`` (1 or 2) edits of ``form`` sharing its first
        letters, with their distance, found once per word and field (the fallback and "did you
        mean" both ask); RapidFuzz compares the hundreds of candidates in native code."""
        key = (field, form)
        if key not in self._near_cache:
            found = process.extract(form, self.dictionary.neighbourhood(field, form), scorer=Levenshtein.distance,
                                    score_cutoff=2, limit=None)
            self._near_cache[key] = [(term, int(dist)) for term, dist, _ in found if term != form]
        return [(term, dist) for term, dist in self._near_cache[key] if dist <= maxdist]

    def suggestion(self, parts: list[Part], count: Callable[[Query], int], found: int) -> str | None:
        """A spelling that finds more than the query did: only for words of four letters or
        more that the index does not know, from terms of the same script."""
        fixed, changed = [], False
        for part in parts:
            if isinstance(part, tuple):
                fixed.append('"' + " ".join(part) + '"')
                continue
            better = self._respelt(part)
            fixed.append(better or part)
            changed = changed or better is not None
        if not changed:
            return None
        suggestion = " ".join(fixed)
        return suggestion if count(self.query(query_parts(suggestion), prefix=False)) > found else None

    def _respelt(self, word: str) -> str | None:
        if len(word) < 4 or CJK.search(word):
            return None
        found = forms("title", word)
        if len(found) != 1 or self._known(word):
            return None
        script, best = _script(word), None
        for fields in NEAR_FIELDS:
            for field in fields:
                for candidate, dist in self._near(field, found[0], 2):
                    if _script(candidate) != script:
                        continue
                    rank = (dist, -self.searcher.doc_freq(field, candidate))
                    if best is None or rank < best[0]:
                        best = (rank, candidate)
            if best:
                return best[1]
        return None

    def _known(self, word: str) -> bool:
        """Known when any field holds all its forms (pêche -> peche, أرض -> ارض, forêts -> forêt)."""
        for field in text_fields():
            found = forms(field, word)
            if found and all(self.searcher.doc_freq(field, f) > 0 for f in found):
                return True
        return False

