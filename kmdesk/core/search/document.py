"""A record as the search index sees it: its texts by field and its facet values."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kmdesk.core.search.analysis import language_field
from kmdesk.core.trust.consent import without_contacts

FACETS = ("type", "resource_kind", "gbf_targets", "gbf_goals", "community", "languages", "countries", "access_level",
          "collection", "subjects")


def record_to_doc(record: dict[str, Any], extra_text: Iterable[str] = ()) -> dict[str, Any]:
    """The index document of a record dict; ``extra_text`` (the text of attached files) is
    searched with the record's own words. Each text lands in the field of its language
    (``text_fr`` ...) and, unstemmed, in the neutral fields (titles, names, summaries).

    Contact details (``consent.CONTACT_KEYS``) are never indexed nor stored, whatever the
    record's consent: the on-disk index answers locked searches, and a consent to be listed
    that expires or is withdrawn must withhold them at once, without a re-index."""
    record = without_contacts(record)
    def joined(values: Iterable[Any]) -> str:
        return ",".join(str(v).replace(",", " ") for v in values if v not in (None, ""))

    titles = record.get("title") or {}
    languages = sorted(set(record.get("languages") or []) | set(titles) | set(record.get("summary") or {}))
    by_language: dict[str, list[str]] = {}
    neutral: list[str] = [*(record.get("summary") or {}).values(), *extra_text]
    for name in ("title", "summary", "body"):
        for tag, value in (record.get(name) or {}).items():
            field_name = language_field(tag)
            if not value:
                continue
            if field_name:
                by_language.setdefault(field_name, []).append(value)
            elif name == "body":  # no analyzer of its own: its words are found as written
                neutral.append(value)
    names = [*(record.get("keywords") or []), *(record.get("places") or []),
             *(c["name"] for c in record.get("creators") or [])]
    return {
        **{name: "\n".join(values) for name, values in by_language.items()},
        "id": record["id"],
        "version": str(record.get("revision", 1)),
        "titles": json.dumps(titles, ensure_ascii=False),
        "content": "\n".join([*titles.values(), *(record.get("summary") or {}).values(),
                              *(record.get("body") or {}).values(), *extra_text]),
        "display": (next(iter(titles.values()), "")).casefold(),
        "title": "\n".join(titles.values()),
        "keywords": "\n".join(names),
        "text": "\n".join(neutral),
        "type": record.get("type") or "",
        "resource_kind": record.get("resource_kind") or "",
        "gbf_targets": joined(record.get("gbf_targets") or []),
        "gbf_goals": joined(record.get("gbf_goals") or []),
        "community": joined([record.get("community")]),
        "languages": joined(languages),
        "countries": joined(record.get("countries") or []),
        "access_level": (record.get("access") or {}).get("level", "public"),
        "collection": collection(record),
        "subjects": joined(record.get("subjects") or []),
    }


def collection(record: dict[str, Any]) -> str:
    """``chm`` for a record pulled from the central CHM (it carries the CHM's identifier, see
    ``sync.pull``), ``library`` for the library's own."""
    return "chm" if "chm" in (record.get("identifiers") or {}) else "library"


@dataclass
class Like:
    """A record like another (``SearchIndex.like``): its score, the words of its texts that the
    query's key terms found (what the two records share, shown as a reason) and the share of the
    key terms' weight those words carry (0 to 1: how much of the query's text it holds)."""

    id: str
    score: float
    words: list[str]
    share: float = 0.0
