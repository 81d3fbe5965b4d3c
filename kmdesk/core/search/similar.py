"""More like this: records like an index document, for matchmaking and suggestions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from math import log2
from typing import Any

import tantivy

from kmdesk.core.search import analysis
from kmdesk.core.search.analysis import CJK, TOKEN, forms, is_function_word, prepare, text_fields
from kmdesk.core.search.document import Like
from kmdesk.core.search.fields import SCHEMA, filters
from kmdesk.core.search.query import Occur, Query, either


def like(searcher: tantivy.Searcher, doc: dict[str, Any], facets: dict[str, float], *,
         only: dict[str, list[str]] | None = None, exclude: Iterable[str] = (), limit: int = 20,
         numterms: int = 10) -> list[Like]:
    """Records like the index document ``doc`` (matchmaking, suggestions): the key terms of
        its texts, weighed against this index's own statistics (Bo1, as Lucene's and Whoosh's
        more-like-this do), OR-ed with its values of the facet fields in ``facets`` (each with
        that boost). ``only`` keeps records with these facet values, ``exclude`` leaves ids out.
        The document is analysed in memory; nothing is written. Each answer's ``words`` are the
        words of its own text that a key term found, as written there (never a stem)."""
    if not searcher.num_docs:
        return []
    keys = key_terms(searcher, doc, numterms)
    clauses = [Query.boost_query(Query.term_query(SCHEMA, field, term), weight) for field, term, weight in keys]
    for name, boost in facets.items():
        clauses += [Query.boost_query(Query.term_query(SCHEMA, name, value), boost)
                    for value in str(doc.get(name) or "").split(",") if value]
    if not clauses:
        return []
    parts: list[tuple[Any, Query]] = [(Occur.Must, either(clauses))]
    if (allowed := filters(only)) is not None:
        parts.append((Occur.Must, allowed))
    parts += [(Occur.MustNot, Query.term_query(SCHEMA, "id", record_id)) for record_id in exclude]
    found = searcher.search(Query.boolean_query(parts), limit).hits
    terms = {(field, term) for field, term, _weight in keys}
    out = []
    for score, address in found:
        stored = searcher.doc(address)
        content = bytes(stored["content"][0]).decode("utf-8")
        out.append(Like(stored["id"][0], float(score), words_found(content, terms)))
    return out


def key_terms(searcher: tantivy.Searcher, doc: dict[str, Any], numterms: int) -> list[tuple[str, str, float]]:
    """The ``numterms`` most telling terms of each text field of ``doc`` (Bo1 weights against
    this index's document frequencies), function words and two-letter terms left out."""
    total = max(int(searcher.num_docs), 1)
    out = []
    for field in text_fields():
        if not (text := doc.get(field)):
            continue
        counts = Counter(analysis.analyzer(field).analyze(prepare(text, field)))
        weighed = []
        for term, tf in counts.items():
            if (len(term) <= 2 and not CJK.search(term)) or is_function_word(term):
                continue
            df = int(searcher.doc_freq(field, term))
            if not df:
                continue
            f = df / total
            weighed.append((tf * log2((1 + f) / f) + log2(1 + f), term))
        out += [(field, term, weight) for weight, term in sorted(weighed, reverse=True)[:numterms]]
    return out


def words_found(content: str, terms: set[tuple[str, str]]) -> list[str]:
    """The words of ``content``, as written, that analyse to one of ``terms`` in their field."""
    by_field: dict[str, set[str]] = {}
    for field, term in terms:
        by_field.setdefault(field, set()).add(term)
    words = set()
    for match in TOKEN.finditer(content):
        word = match.group().lower()
        if any(set(forms(field, word)) & wanted for field, wanted in by_field.items()):
            words.add(word)
    return sorted(words)
