"""A batch of changes to one index, and what an index kept to be sealed holds of each document."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import tantivy

from kmdesk.core.search.fields import analysed, prepared, tantivy_document


class Kept(NamedTuple):
    """A document of an index kept to be sealed: its revision, its titles (JSON: a hit's title
    without a read of its stored document) and the document's JSON line (what is sealed)."""

    version: str
    titles: str
    line: str


class Batch:
    """Changes to one index, committed together (``SearchIndex.batch``)."""

    def __init__(self, writer: tantivy.IndexWriter, docs: dict[str, Kept] | None) -> None:
        self._writer = writer
        self._docs = docs  # an index kept to be sealed keeps its analysed documents

    def add(self, doc: dict[str, Any]) -> None:
        self.add_ready(analysed(doc) if self._docs is not None else prepared(doc))

    def add_ready(self, ready: dict[str, Any], line: str | None = None) -> None:
        """Index a document ``prepared`` or ``analysed`` as the index takes it; ``line`` is its
        JSON when it was read as such."""
        self._writer.add_document(tantivy_document(ready))
        if self._docs is not None:
            self._docs[ready["id"]] = Kept(str(ready.get("version", "1")), ready.get("titles", "{}"),
                                           line or json.dumps(ready, ensure_ascii=False))

    def update(self, doc: dict[str, Any]) -> None:
        self.delete(doc["id"])
        self.add(doc)

    def delete(self, record_id: str) -> None:
        self._writer.delete_documents_by_term("id", record_id)
        if self._docs is not None:
            self._docs.pop(record_id, None)
