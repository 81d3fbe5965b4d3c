"""What a search answers, apart from the engine that found it: a command that only reads a
record (``kmdesk show``) never loads the search engine, and neither do the faces that only show results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Source(Protocol):
    """Where the hits one search shows from one index are read, when asked (``engine``)."""

    def id(self, at: int) -> str: ...

    def read(self, at: int) -> tuple[str, dict[str, str]]: ...


class Hit:
    """One record a search found. Its id, when not given, and its title are read from its
    ``source`` only when asked: most hits of a merged page are never shown, and the hits of a
    page shown in the window are never read whole."""

    __slots__ = ("score", "snippet", "sort_key", "_id", "_title", "_source", "_at")

    def __init__(self, id: str | None = None, score: float = 0.0, title: dict[str, str] | None = None,
                 snippet: str = "", sort_key: str = "", source: Source | None = None, at: int = 0) -> None:
        self.score, self.snippet, self.sort_key = score, snippet, sort_key
        self._id, self._title, self._source, self._at = id, title if title is not None else {}, source, at

    def _read(self) -> None:
        if self._source is not None:
            self._id, self._title = self._source.read(self._at)
            self._source = None

    @property
    def id(self) -> str:
        if self._id is None and self._source is not None:
            self._id = self._source.id(self._at)
        return self._id or ""

    @property
    def title(self) -> dict[str, str]:
        self._read()
        return self._title

    def __repr__(self) -> str:
        return f"Hit(id={self.id!r}, score={self.score!r})"


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    suggestion: str | None = None
    corrected: bool = False  # fuzzy matching was needed to find anything

    def merged(self, other: SearchResults, limit: int = 50, page: int = 1) -> SearchResults:
        """Hits of two indexes by score (or by title, for a listing), facet counts summed;
        ``other`` is the private index's, whose shown hits are read now (ids, titles)."""
        facets: dict[str, dict[str, int]] = {}
        for source in (self.facets, other.facets):
            for name, values in source.items():
                for value, count in values:
                    facets.setdefault(name, {})[value] = facets.get(name, {}).get(value, 0) + count
        ranked = any(h.score for h in self.hits + other.hits)
        hits = sorted(self.hits + other.hits, key=(lambda h: -h.score) if ranked else (lambda h: h.sort_key))
        start = (page - 1) * limit
        shown = hits[start:start + limit]
        theirs = {id(hit) for hit in other.hits}
        for hit in shown:  # ``other`` is the private index: its hits keep nothing of it past a lock
            if id(hit) in theirs:
                hit._read()
        return SearchResults(self.total + other.total, shown,
                             {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for k, v in facets.items()},
                             self.suggestion or other.suggestion, self.corrected or other.corrected)
