"""The hits one search shows from one index, read only as a face asks for them (``results.Hit``)."""

from __future__ import annotations

import json
from typing import Any

import tantivy

from kmdesk.core.search import fields
from kmdesk.core.search.batch import Kept


class Shown:
    """The hits one search shows from one index (``results.Source``): their ids from the UUID
    columns, all read at the first asked; a title from the titles an index kept to be sealed
    holds (the hits it shows are read at once, ``SearchResults.merged``, and a stored
    document's read is most of a short query's time), else from the stored document, as is an
    id that is no UUID."""

    __slots__ = ("_searcher", "_addresses", "_kept", "_ids")

    def __init__(self, searcher: tantivy.Searcher, addresses: list[Any], kept: dict[str, Kept] | None) -> None:
        self._searcher, self._addresses, self._kept = searcher, addresses, kept
        self._ids: list[str | None] | None = None

    def _id(self, at: int) -> str | None:
        if self._ids is None:
            self._ids = fields.ids(self._searcher, self._addresses)
        return self._ids[at]

    def id(self, at: int) -> str:
        found = self._id(at)
        return found if found is not None else self.read(at)[0]

    def read(self, at: int) -> tuple[str, dict[str, str]]:
        record_id = self._id(at)
        kept = self._kept.get(record_id) if self._kept is not None and record_id is not None else None
        if kept is not None:
            return record_id or "", json.loads(kept.titles)
        stored = self._searcher.doc(self._addresses[at])
        return stored["id"][0], json.loads(bytes(stored["titles"][0]))
