"""More like this: records like an index document, for matchmaking and suggestions."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from math import log2
from typing import Any

import tantivy

from kmdesk.core.search.analysis import CJK, TOKEN, forms, simplified, text_fields
from kmdesk.core.search.document import Like
from kmdesk.core.search.fields import SCHEMA, filters
from kmdesk.core.search.query import Occur, Query, either
from kmdesk.core.search.stopwords import is_stop_word

# characters that make a Chinese bigram straddle two words ("们需" of "我们需要"): never a key term
_CHINESE_FUNCTION = frozenset("的了们我你他她它这那把被让给是在和与及也都就而或着过对从为于之其")
Expansion = tuple[float, Sequence[tuple[str, str]]]  # a boost, and the (field, text) phrases any of which counts


def like(searcher: tantivy.Searcher, doc: dict[str, Any], facets: dict[str, float], *,
         only: dict[str, list[str]] | None = None, exclude: Iterable[str] = (), limit: int = 20,
         numterms: int = 10, expand: Sequence[Expansion] = ()) -> list[Like]:
    """Records like the index document ``doc`` (matchmaking, suggestions): the key terms of
        its texts, weighed against this index's own statistics (Bo1, as Lucene's and Whoosh's
        more-like-this do), OR-ed with its values of the facet fields in ``facets`` (each with
        that boost) and with ``expand``: phrases in other fields (a term's labels in every
        language), each group counted once. ``only`` keeps records with these facet values,
        ``exclude`` leaves ids out. The document is analysed in memory; nothing is written.
        Each answer's ``words`` are the words of its own text that a key term found, as written
        there (never a stem), and ``share`` the part of the key terms' weight they carry."""
    if not searcher.num_docs:
        return []
    keys = key_terms(searcher, doc, numterms)
    clauses = [Query.boost_query(Query.term_query(SCHEMA, field, term), weight) for field, term, weight in keys]
    for name, boost in facets.items():
        clauses += [Query.boost_query(Query.term_query(SCHEMA, name, value), boost)
                    for value in str(doc.get(name) or "").split(",") if value]
    for boost, phrases in expand:
        alternatives = [q for field, text in phrases if (q := phrase(field, text)) is not None]
        if alternatives:
            clauses.append(Query.boost_query(Query.disjunction_max_query(alternatives), boost))
    if not clauses:
        return []
    parts: list[tuple[Any, Query]] = [(Occur.Must, either(clauses))]
    if (allowed := filters(only)) is not None:
        parts.append((Occur.Must, allowed))
    parts += [(Occur.MustNot, Query.term_query(SCHEMA, "id", record_id)) for record_id in exclude]
    found = searcher.search(Query.boolean_query(parts), limit).hits
    weights = {(field, term): weight for field, term, weight in keys}
    total = sum(weights.values()) or 1.0
    out = []
    for score, address in found:
        stored = searcher.doc(address)
        content = bytes(stored["content"][0]).decode("utf-8")
        words, present = words_found(content, set(weights))
        out.append(Like(stored["id"][0], float(score), words, sum(weights[key] for key in present) / total))
    return out


def phrase(field: str, text: str) -> Query | None:
    """``text`` as a query on ``field``: its one term, or the phrase of its terms."""
    terms = forms(field, text)
    if not terms:
        return None
    if len(terms) == 1:
        return Query.term_query(SCHEMA, field, terms[0])
    return Query.phrase_query(SCHEMA, field, list(terms))


def field_language(field: str) -> str | None:
    """The language of a text field (``text_es`` -> ``es``), None for the language-neutral ones."""
    return field[len("text_"):] if field.startswith("text_") else None


def chinese_words(run: str) -> list[str]:
    """The bigrams of a run of Chinese characters that can be part of a word."""
    run = simplified(run)
    return [run[i:i + 2] for i in range(len(run) - 1) if not _CHINESE_FUNCTION & set(run[i:i + 2])]


def telling(word: str, lang: str | None) -> bool:
    """Whether a word as written may be a key term: no function word, no number (a date, a
    coordinate), at least three letters."""
    return len(word) > 2 and not any(ch.isdigit() for ch in word) and not is_stop_word(word, lang)


def terms_of(field: str, text: str) -> list[str]:
    """The key-term candidates of ``text`` in ``field``: each telling word's term there, and a
    Chinese run's bigrams that stay inside words."""
    lang = field_language(field)
    out: list[str] = []
    for match in TOKEN.finditer(unicodedata.normalize("NFC", text)):
        word = match.group()
        if CJK.search(word):
            out += [term for gram in chinese_words(word) for term in forms(field, gram)]
        elif telling(word, lang):
            out += forms(field, word)
    return out


def key_terms(searcher: tantivy.Searcher, doc: dict[str, Any], numterms: int) -> list[tuple[str, str, float]]:
    """The ``numterms`` most telling terms of each text field of ``doc`` (Bo1 weights against
    this index's document frequencies): no function word of the field's language, no number,
    no single Chinese character."""
    total = max(int(searcher.num_docs), 1)
    out = []
    for field in text_fields():
        if not (text := doc.get(field)):
            continue
        weighed = []
        for term, tf in Counter(terms_of(field, text)).items():
            df = int(searcher.doc_freq(field, term))
            if not df:
                continue
            f = df / total
            weighed.append((tf * log2((1 + f) / f) + log2(1 + f), term))
        out += [(field, term, weight) for weight, term in sorted(weighed, reverse=True)[:numterms]]
    return out


def words_found(content: str, terms: set[tuple[str, str]]) -> tuple[list[str], set[tuple[str, str]]]:
    """The words of ``content``, as written, that analyse to one of ``terms`` in their field (a
    Chinese word: the longest stretch of its characters whose bigrams were found), and which
    of ``terms`` they are."""
    by_field: dict[str, set[str]] = {}
    for field, term in terms:
        by_field.setdefault(field, set()).add(term)
    words: set[str] = set()
    present: set[tuple[str, str]] = set()
    for match in TOKEN.finditer(content):
        word = match.group()
        if CJK.search(word):
            words.update(_chinese_found(word, by_field, present))
            continue
        if not telling(word, None):
            continue
        for field, wanted in by_field.items():
            hit = set(forms(field, word.lower())) & wanted
            if hit:
                words.add(word.lower())
                present.update((field, term) for term in hit)
    return sorted(words), present


def _chinese_found(run: str, by_field: dict[str, set[str]], present: set[tuple[str, str]]) -> list[str]:
    """The stretches of a Chinese run made of found bigrams, each as one word."""
    plain = simplified(run)
    found = []
    for i in range(len(plain) - 1):
        gram = plain[i:i + 2]
        fields = [field for field, wanted in by_field.items() if gram in wanted]
        present.update((field, gram) for field in fields)
        found.append(bool(fields))
    words, start = [], None
    for i, hit in enumerate([*found, False]):
        if hit and start is None:
            start = i
        elif not hit and start is not None:
            words.append(run[start:i + 1])
            start = None
    return words
