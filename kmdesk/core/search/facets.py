"""Facet counts over every hit of a query, counted by Tantivy from the one ``facet`` column."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import tantivy

from kmdesk.core.search.document import FACETS
from kmdesk.core.search.fields import FACET_JOIN
from kmdesk.core.search.query import Query

Counts = dict[str, list[tuple[str, int]]]
_BESIDE = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kmdesk-facets")


def counted(searcher: tantivy.Searcher, q: Query) -> Counts:
    """Each facet value's count among every document ``q`` matches, counted by Tantivy."""
    answer = searcher.aggregate(q, {"facet": {"terms": {"field": "facet", "size": 100_000}}})
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    for bucket in (answer.get("facet") or {}).get("buckets") or []:
        name, _, value = str(bucket["key"]).partition(FACET_JOIN)
        if name in counts and value and bucket["doc_count"]:
            counts[name][value] = int(bucket["doc_count"])
    return {name: sorted(values.items(), key=lambda kv: (-kv[1], kv[0])) for name, values in counts.items()}


def subtracted(everything: Counts, rest: Counts) -> Counts:
    """The counts of ``everything`` less those of ``rest`` (the documents a query misses)."""
    out = {}
    for name, values in everything.items():
        missed = dict(rest.get(name, ()))
        kept = [(value, count - missed.get(value, 0)) for value, count in values]
        out[name] = sorted(((v, c) for v, c in kept if c > 0), key=lambda kv: (-kv[1], kv[0]))
    return out


def beside(searcher: tantivy.Searcher, q: Query) -> Future[Counts]:
    """``counted`` on another thread while the caller searches ``q`` for its hits: Tantivy lets
    go of the GIL, so a phrase, whose matches both walk (positions read for every candidate),
    is waited for once instead of twice (the same CPU, on two cores)."""
    return _BESIDE.submit(counted, searcher, q)
