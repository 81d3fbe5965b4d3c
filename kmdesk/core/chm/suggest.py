"""Suggested GBF targets and CBD subjects for a record (CHM work programme 3.2.H), each with
its evidence; nothing is applied here: the editor or ``kmdesk edit`` applies what a person chose.

Three kinds of evidence, each worth what it shows, on one scale:
- the thematic terms the record names in any of the six UN languages (``evidence``): each term
  proposes its targets and subjects with a full vote (a term's further targets with half, a
  cross-cutting term's with less);
- the library's tagged records most like this one (public and, while unlocked, non-public),
  found by the search engine (``SearchIndex.like``, key terms): each votes for its targets and
  subjects with the share of the record's key terms its text holds (0 to 1), so one weakly
  similar record weighs little;
- the vocabularies' own titles in the six UN languages, indexed in memory once: the targets
  and subjects whose titles hold the record's key terms, with half that share.
Suggestions are computed in memory and returned, never stored.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kmdesk.core import vocab
from kmdesk.core.chm.evidence import evidence_of, term, weight
from kmdesk.core.chm.match import similar
from kmdesk.core.errors import AccessDenied
from kmdesk.core.search import SearchIndex, record_to_doc

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

NEIGHBOURS = 10  # similar records that vote
TEXT_ONLY: dict[str, float] = {}  # no facet terms: the record's tags are what is being guessed
TERM_VOTE, FURTHER_TARGET_VOTE = 1.0, 0.5  # a term's first target and its subjects; its other targets
TITLE_VOTE = 0.5  # times the share of the record's key terms a vocabulary title holds


@dataclass
class Suggestion:
    kind: str  # "gbf_target" or "subject"
    value: Any  # a target number or a subject identifier
    score: float
    records: list[dict[str, Any]] = field(default_factory=list)  # similar records holding it: id, title
    words: list[str] = field(default_factory=list)  # the record's words naming it, or shared with its title
    terms: list[str] = field(default_factory=list)  # keys of the thematic terms that propose it

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


def _add_words(suggestion: Suggestion, words: list[str]) -> None:
    """``words`` added to a suggestion's evidence, each once whatever its case."""
    seen = {w.casefold() for w in suggestion.words}
    for word in words:
        if word.casefold() not in seen:
            seen.add(word.casefold())
            suggestion.words.append(word)


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

    for key, words in evidence_of({**record, "gbf_targets": [], "subjects": []}).terms.items():
        entry, worth = term(key), weight(key)
        votes = [("gbf_target", t, TERM_VOTE if i == 0 else FURTHER_TARGET_VOTE) for i, t in enumerate(entry["gbf_targets"])]
        for kind, value, vote in votes + [("subject", s, TERM_VOTE) for s in entry["subjects"]]:
            suggestion = add(kind, value, vote * worth)
            suggestion.terms.append(key)
            _add_words(suggestion, words)
    neighbours = similar(library, record, {}, NEIGHBOURS, facets=TEXT_ONLY)
    tagged = library.records.get_many([n.id for n in neighbours])
    for neighbour in neighbours:
        other = tagged.get(neighbour.id)
        if other is None or other.get("sealed") or not neighbour.share:
            continue
        evidence = {"id": other["id"], "title": other.get("title") or {}}
        for kind, values in (("gbf_target", other.get("gbf_targets") or []), ("subject", other.get("subjects") or [])):
            for value in values:
                add(kind, value, neighbour.share).records.append(evidence)
    for hit in _vocabulary_index().like(record_to_doc(record), TEXT_ONLY, limit=2 * limit):
        kind, _, value = hit.id.partition(":")
        suggestion = add(kind, int(value) if kind == "gbf_target" else value, TITLE_VOTE * hit.share)
        _add_words(suggestion, hit.words)
    have = {("gbf_target", t) for t in record.get("gbf_targets") or []} | {("subject", s) for s in record.get("subjects") or []}
    ranked = sorted((s for key, s in found.items() if key not in have), key=lambda s: -s.score)
    for item in ranked:
        item.score = round(item.score, 3)
    return ([s for s in ranked if s.kind == "gbf_target"][:limit] + [s for s in ranked if s.kind == "subject"][:limit])
