"""Matchmaking (CHM work programme 1.2.C): for a need, the offers, organizations and people
that could support it, local or pulled from the CHM; for an offer (or an organization or a
person), the needs it could answer, whatever language each is written in.

The search engine finds the candidates (``SearchIndex.like``): the record's key terms OR-ed with
its GBF targets, CBD subjects, countries and languages as boosted terms, and with the labels, in
all six UN languages, of the thematic terms it names (``evidence``), so a Spanish need for
"manglares" reaches an English "mangrove" offer. The candidates are then ranked by what the two
records share: the part of the record's key terms the other's text holds, and the language-neutral
evidence (terms, targets, subjects), then country and spoken language. A candidate that shares
nothing but a country or a language is no match.

The reasons are structured (``kind`` and ``params``: term keys, target numbers, subject
identifiers, country and language codes, words as written); the GUI and the command line word
them. A country or language every match shares is left out of the reasons: it tells none apart.
A non-public record is matched from its text opened in memory; nothing is stored or indexed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from kmdesk.core.chm.evidence import Evidence, evidence_of, expansions, weight
from kmdesk.core.chm.pull import withdrawn_ids
from kmdesk.core.errors import AccessDenied, InvalidRecord
from kmdesk.core.search import Like, record_to_doc

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

# what each kind of record is matched with
PARTNERS = {"need": ("offer", "organization", "person"), "offer": ("need",), "organization": ("need",), "person": ("need",)}
# how much a shared value weighs against the key terms of the text in finding candidates (engine boosts)
FACET_BOOSTS = {"gbf_targets": 3.0, "subjects": 2.0, "countries": 1.5, "languages": 0.5}
TERM_BOOST = 3.0  # engine boost of a thematic term's labels in every language
CANDIDATES = 50  # candidates the engine proposes for ranking
# in the ranking, beside the share of the record's key terms found in the other's text (0 to 1):
# each kind of evidence as the share of the record's own that the other holds (terms by their
# weight, cross-cutting ones less), times this weight
WEIGHTS = {"term": 1.0, "target": 0.5, "subject": 0.3}
COUNTRY, LANGUAGE = 0.2, 0.1  # a shared country, a shared spoken language
MIN_SHARE = 0.05  # a text share below this, with no term, target or subject shared, is no match
MAX_WORDS = 5  # shared words shown in a reason


@dataclass
class Match:
    id: str
    type: str
    title: dict[str, str]
    score: float
    source: str  # "library" or "chm" (pulled from the central CHM)
    reasons: list[dict[str, Any]]  # {"kind": ..., "params": {...}}, strongest first

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Shared:
    terms: list[str]
    targets: list[int]
    subjects: list[str]
    countries: list[str]
    languages: list[str]


def _shared(mine: Evidence, record: dict[str, Any], theirs: Evidence, other: dict[str, Any]) -> _Shared:
    def both(field: str) -> list[str]:
        return [v for v in record.get(field) or [] if v in (other.get(field) or [])]

    return _Shared([k for k in mine.terms if k in theirs.terms], sorted(mine.all_targets & theirs.all_targets),
                   sorted(mine.all_subjects & theirs.all_subjects), both("countries"), both("languages"))


def _score(like: Like, mine: Evidence, shared: _Shared) -> float:
    def part(found: list[Any], own: set[Any]) -> float:
        return len(found) / len(own) if own else 0.0

    terms = sum(weight(k) for k in shared.terms) / (sum(weight(k) for k in mine.terms) or 1.0)
    return (like.share + WEIGHTS["term"] * terms
            + WEIGHTS["target"] * part(shared.targets, mine.all_targets)
            + WEIGHTS["subject"] * part(shared.subjects, mine.all_subjects)
            + COUNTRY * bool(shared.countries) + LANGUAGE * bool(shared.languages))


def reasons(shared: _Shared, words: list[str]) -> list[dict[str, Any]]:
    """What two records share, strongest first, as ``{"kind", "params"}``."""
    out = []
    for kind, key, values in (("term", "keys", shared.terms), ("target", "numbers", shared.targets),
                              ("subject", "ids", shared.subjects), ("country", "codes", shared.countries),
                              ("language", "codes", shared.languages), ("words", "words", words[:MAX_WORDS])):
        if values:
            out.append({"kind": kind, "params": {key: list(values)}})
    return out


def telling_apart(found: list[Match]) -> list[Match]:
    """The matches with the countries and languages that every one of them shares left out of
    their reasons: such a value tells none apart."""
    if len(found) < 2:
        return found
    for kind in ("country", "language"):
        held: list[list[str]] = [next((r["params"]["codes"] for r in m.reasons if r["kind"] == kind), [])
                                 for m in found]
        common = set(held[0]).intersection(*held[1:])
        for m in found:
            for reason in [r for r in m.reasons if r["kind"] == kind]:
                reason["params"]["codes"] = [c for c in reason["params"]["codes"] if c not in common]
            m.reasons = [r for r in m.reasons if r["kind"] != kind or r["params"]["codes"]]
    return found


def matches(library: Library, record_id: str, *, limit: int = 10) -> list[Match]:
    """The best partners of a record, each with its reasons (see the module docstring)."""
    record = library.records.get(record_id)
    if record.get("sealed"):
        raise AccessDenied("unlock a profile that may read this record to match it")
    partners = PARTNERS.get(record["type"])
    if partners is None:
        raise InvalidRecord(f"a record of type {record['type']} is not matched: needs, offers, organizations and people are",
                            field="type", value=record["type"])
    mine = evidence_of(record)
    likes = similar(library, record, {"type": list(partners)}, max(CANDIDATES, limit), evidence=mine)
    found = library.records.get_many([like.id for like in likes])
    ranked = []
    for like in likes:
        other = found.get(like.id)
        if other is None or other.get("sealed"):
            continue
        theirs = evidence_of(other)
        shared = _shared(mine, record, theirs, other)
        if like.share < MIN_SHARE and not (shared.terms or shared.targets or shared.subjects):
            continue
        named = {word.casefold() for words in theirs.terms.values() for word in words}
        words = [w for w in like.words if w.casefold() not in named]
        source = "chm" if "chm" in (other.get("identifiers") or {}) else "library"
        ranked.append(Match(like.id, other["type"], other.get("title") or {}, round(_score(like, mine, shared), 3), source,
                            reasons(shared, words)))
    ranked.sort(key=lambda m: -m.score)
    return telling_apart(ranked[:limit])


def similar(library: Library, record: dict[str, Any], only: dict[str, list[str]], limit: int,
            facets: dict[str, float] | None = None, evidence: Evidence | None = None) -> list[Like]:
    """Records like ``record`` among those ``only`` allows, from every index this profile may
    search, best first; the record itself and withdrawn CHM records left out. With ``evidence``,
    the targets and subjects its terms imply count as the record's own, and each term's labels
    in every language are asked for."""
    tagged = record if evidence is None else {**record, "gbf_targets": sorted(evidence.all_targets),
                                              "subjects": sorted(evidence.all_subjects)}
    doc = record_to_doc(tagged)
    expand = expansions(evidence.terms, TERM_BOOST) if evidence is not None else []
    exclude = {record["id"]} | withdrawn_ids(library)
    likes: list[Like] = []
    for index in (library.index.public, library.index.private):
        if index is not None:
            likes += index.like(doc, FACET_BOOSTS if facets is None else facets, only=only, exclude=exclude, limit=limit,
                                expand=expand)
    return sorted(likes, key=lambda like: -like.score)[:limit]
