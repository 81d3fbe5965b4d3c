"""A batch of changes to one index, and what an index kept to be sealed holds of each document."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import tantivy

from kmdesk.core.search.fields import analysed, prepared, tantivy_document
from kmdesk.core.search.spool import Place, Spool


class Kept(NamedTuple):
    """A document of an index kept to be sealed: its revision, its titles (JSON: a hit's title
    without a read of its stored document) and where the document's JSON line (what is sealed)
    waits in the index's spool."""

    version: str
    titles: str
    line: Place


class Batch:
    """Changes to one index, committed together (``SearchIndex.batch``)."""

    def __init__(self, writer: tantivy.IndexWriter, docs: dict[str, Kept] | None, spool: Spool | None) -> None:
        self._writer = writer
        self._docs = docs  # an index kept to be sealed keeps its analysed documents, their lines in ``spool``
        self._spool = spool

    def add(self, doc: dict[str, Any]) -> None:
        self.add_ready(analysed(doc) if self._docs is not None else prepared(doc))

    def add_ready(self, ready: dict[str, Any], line: bytes | None = None) -> None:
        """Index a document ``prepared`` or ``analysed`` as the index takes it; ``line`` is its
        JSON (UTF-8) when it was read as such."""
        self._writer.add_document(tantivy_document(ready))
        if self._docs is not None and self._spool is not None:
            place = self._spool.add(line or json.dumps(ready, ensure_ascii=False).encode("utf-8"))
            self._forget(ready["id"])
            self._docs[ready["id"]] = Kept(str(ready.get("version", "1")), ready.get("titles", "{}"), place)

    def update(self, doc: dict[str, Any]) -> None:
        self.delete(doc["id"])
        self.add(doc)

    def delete(self, record_id: str) -> None:
        self._writer.delete_documents_by_term("id", record_id)
        self._forget(record_id)

    def _forget(self, record_id: str) -> None:
        kept = self._docs.pop(record_id, None) if self._docs is not None else None
        if kept is not None and self._spool is not None:
            self._spool.discard(kept.line)
