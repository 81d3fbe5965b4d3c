"""What a search answers, apart from the engine that found it: a command that only reads a
record (``kmdesk show``) never loads the search engine, and neither do the faces that only show results."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Hit:
    id: str
    score: float
    title: dict[str, str]
    snippet: str = ""
    sort_key: str = ""  # the title's sort form, when results are listed by title


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    suggestion: str | None = None
    corrected: bool = False  # fuzzy matching was needed to find anything

    def merged(self, other: SearchResults, limit: int = 50, page: int = 1) -> SearchResults:
        """Hits of two indexes by score (or by title, for a listing), facet counts summed."""
        facets: dict[str, dict[str, int]] = {}
        for source in (self.facets, other.facets):
            for name, values in source.items():
                for value, count in values:
                    facets.setdefault(name, {})[value] = facets.get(name, {}).get(value, 0) + count
        ranked = any(h.score for h in self.hits + other.hits)
        hits = sorted(self.hits + other.hits, key=(lambda h: -h.score) if ranked else (lambda h: h.sort_key))
        start = (page - 1) * limit
        return SearchResults(self.total + other.total, hits[start:start + limit],
                             {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for k, v in facets.items()},
                             self.suggestion or other.suggestion, self.corrected or other.corrected)
