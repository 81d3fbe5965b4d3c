"""Search relevance on the demo library, judged by people, kept from falling.

``tests/data/relevance.json`` holds queries in the six UN languages, in languages of the demo
communities and misspelt, each with the records a reader judged relevant (by reading them, not
by asking the search). The search is run as the CLI and ``--search`` run it (``library.index.search``,
no interface language, a locked library: the public records). Two figures are kept:

- precision@10: the share of the first (up to) 10 hits that are judged relevant, averaged over
  the queries that have judged records and found something;
- zero-result rate: the share of queries with judged records the search can reach (``must_find``:
  a public judged record sharing a word, stem, spelling slip or name with the query) that find
  nothing.

Queries marked ``known_gap`` are ones the search currently gets clearly wrong: they still count
in both figures, are printed on their own, and their per-query check is a strict xfail, so
fixing one tells whoever fixed it to drop the mark.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data" / "relevance.json"
DEMO = Path(__file__).parents[1] / "resources" / "demo" / "library.json"
QUERIES: list[dict[str, Any]] = json.loads(DATA.read_text(encoding="utf-8"))["queries"]
TOP = 10

# Measured (pytest tests/test_relevance.py -s): precision@10 = 0.813 with fuzzy matching whenever
# fewer than 3 were found; 0.845 over 78 queries once fuzzy runs only when nothing was found and
# Russian short stems stay whole (graines and семена no longer known gaps); zero-result rate 0.000
# (0 of 78); 0.947 once a query of several words asks for all of them when some record has them all
# (any of them otherwise). The bars sit just under them.
MIN_PRECISION = 0.94
MAX_ZERO_RESULT_RATE = 0.0


@pytest.fixture(scope="module")
def top_hits(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> dict[str, list[str]]:
    """The ids of the first ten hits of every query, from one fresh copy of the demo library."""
    from kmdesk.core.store.library import Library

    folder = tmp_path_factory.mktemp("relevance") / "demo"
    shutil.copytree(_demo_template, folder)
    with Library.open(folder) as library:
        return {q["query"]: [hit.id for hit in library.index.search(q["query"], limit=TOP).hits] for q in QUERIES}


def _problems(q: dict[str, Any], hits: list[str]) -> list[str]:
    """What a query gets wrong: no judged record in the top ten when one must be found, or (for
    a noise query) a hit nobody judged relevant."""
    problems = []
    if q["must_find"] and not set(hits) & set(q["relevant"]):
        problems.append("no judged record in the top ten")
    if q["noise"] and (stray := [i for i in hits if i not in q["relevant"]]):
        problems.append(f"unrelated hits {stray}")
    return problems


def _ids(selected: list[dict[str, Any]]) -> list[Any]:
    return [pytest.param(q, id=q["query"]) for q in selected]


def test_the_set_covers_the_six_languages() -> None:
    """At least 60 queries, six or more in each UN language, every judged id a demo record."""
    demo_ids = {r["id"] for r in json.loads(DEMO.read_text(encoding="utf-8"))["records"]}
    assert len(QUERIES) >= 60
    for lang in ("ar", "en", "es", "fr", "ru", "zh"):
        assert sum(q["lang"] == lang for q in QUERIES) >= 6, lang
    assert len({q["query"] for q in QUERIES}) == len(QUERIES)
    for q in QUERIES:
        assert set(q["relevant"]) <= demo_ids, q["query"]


def test_precision_and_zero_result_rate(top_hits: dict[str, list[str]]) -> None:
    judged = [q for q in QUERIES if q["relevant"] and top_hits[q["query"]]]
    precision = sum(len(set(top_hits[q["query"]]) & set(q["relevant"])) / len(top_hits[q["query"]])
                    for q in judged) / len(judged)
    reachable = [q for q in QUERIES if q["must_find"]]
    empty = [q["query"] for q in reachable if not top_hits[q["query"]]]
    zero_rate = len(empty) / len(reachable)
    print(f"\nprecision@{TOP} = {precision:.3f} over {len(judged)} queries that found something; "
          f"zero-result rate = {zero_rate:.3f} ({len(empty)} of {len(reachable)}: {empty})")
    for q in (q for q in QUERIES if q["known_gap"]):
        print(f"known gap {q['query']!r}: {_problems(q, top_hits[q['query']])}")
    assert precision >= MIN_PRECISION
    assert zero_rate <= MAX_ZERO_RESULT_RATE


@pytest.mark.parametrize("q", _ids([q for q in QUERIES if (q["must_find"] or q["noise"]) and not q["known_gap"]]))
def test_query_finds_judged_records_and_no_noise(q: dict[str, Any], top_hits: dict[str, list[str]]) -> None:
    """must_find: a judged record in the top ten; noise: fuzzy matching in the wrong language
    or script brings nothing unrelated."""
    assert not _problems(q, top_hits[q["query"]]), q["why"]


@pytest.mark.xfail(strict=True, reason="a known gap of the current search (see its 'why' in relevance.json)")
@pytest.mark.parametrize("q", _ids([q for q in QUERIES if q["known_gap"]]))
def test_known_gap_is_still_open(q: dict[str, Any], top_hits: dict[str, list[str]]) -> None:
    """Passes (and so fails, being a strict xfail) once search.py is fixed: then drop the mark."""
    assert not _problems(q, top_hits[q["query"]]), q["why"]
