"""Matchmaking (CHM work programme 1.2.C): for a need, the offers, organizations and people
that could support it, local or pulled from the CHM; for an offer (or an organization or a
person), the needs it could answer.

Ranking is the search engine's: the record's key terms (Bo1 key terms, as Lucene's
``more_like_this``) OR-ed with its GBF targets, CBD subjects, countries and languages as boosted
terms (``SearchIndex.like``), over the public index and, while unlocked, the non-public one.
The reasons shown are the overlaps themselves: the targets, subjects, countries and languages
both records hold and the words they share. A non-public record is matched from its text opened
in memory; the matches are returned, never stored or indexed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from kmdesk.core.chm.pull import withdrawn_ids
from kmdesk.core.errors import AccessDenied, InvalidRecord
from kmdesk.core.search import Like, record_to_doc

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

# what each kind of record is matched with
PARTNERS = {"need": ("offer", "organization", "person"), "offer": ("need",), "organization": ("need",), "person": ("need",)}
# how much a shared value weighs against the key terms of the text (engine boosts)
FACET_BOOSTS = {"gbf_targets": 3.0, "subjects": 2.0, "countries": 1.5, "languages": 0.5}
MAX_WORDS = 5  # shared words shown in a reason


@dataclass
class Match:
    id: str
    type: str
    title: dict[str, str]
    score: float
    source: str  # "library" or "chm" (pulled from the central CHM)
    reasons: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def reasons(record: dict[str, Any], other: dict[str, Any], words: list[str]) -> list[dict[str, Any]]:
    """What two records share, strongest first: ``{"code": "target"|"subject"|"country"|
    "language"|"words", "values": [...]}``."""
    out = []
    for code, field in (("target", "gbf_targets"), ("subject", "subjects"), ("country", "countries"), ("language", "languages")):
        shared = [v for v in record.get(field) or [] if v in (other.get(field) or [])]
        if shared:
            out.append({"code": code, "values": shared})
    if words:
        out.append({"code": "words", "values": words[:MAX_WORDS]})
    return out


def reason_text(reason: dict[str, Any]) -> str:
    """A reason in plain English, for the command line ("same target 10", "speaks es")."""
    values = ", ".join(str(v) for v in reason["values"])
    return {"target": f"same target {values}", "subject": f"same subject {values}", "country": f"same country {values}",
            "language": f"speaks {values}", "words": f"shares the words {values}"}.get(reason["code"], values)


def matches(library: Library, record_id: str, *, limit: int = 10) -> list[Match]:
    """The best partners of a record, each with its reasons (see the module docstring)."""
    record = library.records.get(record_id)
    if record.get("sealed"):
        raise AccessDenied("unlock a profile that may read this record to match it")
    partners = PARTNERS.get(record["type"])
    if partners is None:
        raise InvalidRecord(f"a record of type {record['type']} is not matched: needs, offers, organizations and people are",
                            field="type", value=record["type"])
    likes = similar(library, record, {"type": list(partners)}, limit)
    found = library.records.get_many([like.id for like in likes])
    out = []
    for like in likes:
        other = found.get(like.id)
        if other is None or other.get("sealed"):
            continue
        source = "chm" if "chm" in (other.get("identifiers") or {}) else "library"
        out.append(Match(like.id, other["type"], other.get("title") or {}, round(like.score, 3), source,
                         reasons(record, other, like.words)))
    return out


def similar(library: Library, record: dict[str, Any], only: dict[str, list[str]], limit: int,
            facets: dict[str, float] | None = None) -> list[Like]:
    """Records like ``record`` among those ``only`` allows, from every index this profile may
    search, best first; the record itself and withdrawn CHM records left out."""
    doc = record_to_doc(record)
    exclude = {record["id"]} | withdrawn_ids(library)
    likes: list[Like] = []
    for index in (library.index.public, library.index.private):
        if index is not None:
            likes += index.like(doc, FACET_BOOSTS if facets is None else facets, only=only, exclude=exclude, limit=limit)
    return sorted(likes, key=lambda like: -like.score)[:limit]
