"""Suggested GBF targets and CBD subjects for a record (CHM work programme 3.2.H), each with
its evidence; nothing is applied here: the editor or ``kmdesk edit`` applies what a person chose.

Two sources, both through the search engine (``SearchIndex.like``, key terms):
- the library's tagged records most like this one (public and, while unlocked, non-public):
  each votes for its targets and subjects with its score;
- the vocabularies' own titles in the six UN languages, indexed in memory once: the targets and
  subjects whose words the record shares.
Each source's scores are scaled to its best, then added. Suggestions are computed in memory
and returned, never stored.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kmdesk.core import vocab
from kmdesk.core.chm.match import similar
from kmdesk.core.errors import AccessDenied
from kmdesk.core.search import SearchIndex, record_to_doc

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

NEIGHBOURS = 10  # similar records that vote
TEXT_ONLY: dict[str, float] = {}  # no facet terms: the record's tags are what is being guessed


@dataclass
class Suggestion:
    kind: str  # "gbf_target" or "subject"
    value: Any  # a target number or a subject identifier
    score: float
    records: list[dict[str, Any]] = field(default_factory=list)  # similar records holding it: id, title
    words: list[str] = field(default_factory=list)  # words shared with the vocabulary's description

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def _vocabulary_index() -> SearchIndex:
    """GBF targets and CBD subjects as in-memory index documents (their titles in six languages)."""
    index = SearchIndex.in_memory()
    items = [({"id": f"gbf_target:{t['number']}", "title": t["title"]}) for t in vocab.gbf()["targets"]]
    items += [({"id": f"subject:{s['identifier']}", "title": s["title"]}) for s in vocab.cbd_subjects()]
    index.update(record_to_doc({**item, "summary": item["title"]}) for item in items)
    return index


def suggest(library: Library, record_id: str, *, limit: int = 5) -> list[Suggestion]:
    """The best ``limit`` targets and ``limit`` subjects the record does not carry yet."""
    record = library.records.get(record_id)
    if record.get("sealed"):
        raise AccessDenied("unlock a profile that may read this record to get suggestions for it")
    return suggest_for(library, record, limit=limit)


def suggest_for(library: Library, record: dict[str, Any], *, limit: int = 5) -> list[Suggestion]:
    """Suggestions for a record dict (also one being edited, not saved yet)."""
    found: dict[tuple[str, Any], Suggestion] = {}

    def add(kind: str, value: Any, score: float) -> Suggestion:
        item = found.setdefault((kind, value), Suggestion(kind, value, 0.0))
        item.score += score
        return item

    neighbours = similar(library, record, {}, NEIGHBOURS, facets=TEXT_ONLY)
    tagged = library.records.get_many([n.id for n in neighbours])
    best = max((n.score for n in neighbours if n.id in tagged), default=0.0) or 1.0
    for neighbour in neighbours:
        other = tagged.get(neighbour.id)
        if other is None or other.get("sealed"):
            continue
        evidence = {"id": other["id"], "title": other.get("title") or {}}
        for kind, values in (("gbf_target", other.get("gbf_targets") or []), ("subject", other.get("subjects") or [])):
            for value in values:
                add(kind, value, neighbour.score / best).records.append(evidence)
    from_vocabulary = _vocabulary_index().like(record_to_doc(record), TEXT_ONLY, limit=2 * limit)
    best = max((v.score for v in from_vocabulary), default=0.0) or 1.0
    for hit in from_vocabulary:
        kind, _, value = hit.id.partition(":")
        add(kind, int(value) if kind == "gbf_target" else value, hit.score / best).words = hit.words
    have = {("gbf_target", t) for t in record.get("gbf_targets") or []} | {("subject", s) for s in record.get("subjects") or []}
    ranked = sorted((s for key, s in found.items() if key not in have), key=lambda s: -s.score)
    for item in ranked:
        item.score = round(item.score, 3)
    return ([s for s in ranked if s.kind == "gbf_target"][:limit] + [s for s in ranked if s.kind == "subject"][:limit])
