"""The index's fields, and a record's index document as Tantivy takes it: one description of
the schema for every index kmdesk writes or reads (on disk, in memory, sealed)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import tantivy

from kmdesk.core.search import analysis
from kmdesk.core.search.analysis import analyzer, prepare, text_fields
from kmdesk.core.search.document import FACETS
from kmdesk.core.search.query import Query, either, every

_LOW = (1 << 64) - 1
FACET_JOIN = "\x1f"  # between a facet's name and its value in the one ``facet`` column


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("version", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_bytes_field("titles", stored=True, indexed=False)
    builder.add_bytes_field("content", stored=True, indexed=False)
    builder.add_text_field("display", tokenizer_name="raw", index_option="basic", fast=True)
    # a UUID id's two halves as columns: a page of hits gets its ids without reading a stored
    # document each (the texts beside them make that most of a query's time); others are read
    builder.add_unsigned_field("uuid_high", fast=True)
    builder.add_unsigned_field("uuid_low", fast=True)
    for field in text_fields():
        builder.add_text_field(field, tokenizer_name=analysis.tokenizer_name(field), index_option="position")
    for name in FACETS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    # every facet value as "name=value" in one column: one aggregation counts them all
    builder.add_text_field("facet", tokenizer_name="raw", index_option="basic", fast=True)
    return builder.build()


SCHEMA = schema()


def prepared(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` with its texts as Python prepares them for Tantivy's analyzers: an in-memory index
    keeps (and seals) this form, so reopening it runs no Python analysis."""
    return {**doc, **{field: prepare(doc[field], field) for field in text_fields() if doc.get(field)}}


def analysed(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` with each text as the terms its field's analyzer makes of it, space-separated: an
    index kept to be sealed holds this form, so that opening it again (every unlock) runs no
    analysis but Tantivy's split on spaces, with the same terms at the same positions."""
    return {**doc, **{field: " ".join(analyzer(field).analyze(prepare(doc[field], field)))
                      for field in text_fields() if doc.get(field)}}


def tantivy_document(prepared: dict[str, Any]) -> tantivy.Document:
    """The Tantivy document of a ``prepared`` (or ``analysed``) index document."""
    out = tantivy.Document()
    out.add_text("id", prepared["id"])
    out.add_text("version", str(prepared.get("version", "1")))
    out.add_bytes("titles", prepared.get("titles", "{}").encode("utf-8"))
    out.add_bytes("content", prepared.get("content", "").encode("utf-8"))
    out.add_text("display", prepared.get("display", ""))
    if (number := uuid_number(prepared["id"])) is not None:
        out.add_unsigned("uuid_high", number >> 64)
        out.add_unsigned("uuid_low", number & _LOW)
    for field in text_fields():
        if text := prepared.get(field):
            out.add_text(field, text)
    for name in FACETS:
        for value in str(prepared.get(name) or "").split(","):
            if value:
                out.add_text(name, value)
                out.add_text("facet", f"{name}{FACET_JOIN}{value}")
    return out


_UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # as ``str(uuid.UUID)`` writes it


def uuid_number(record_id: str) -> int | None:
    """The 128-bit number of an id written as ``str(uuid.UUID(...))`` writes it, else None."""
    if not isinstance(record_id, str) or not _UUID_TEXT.fullmatch(record_id):
        return None
    return int(record_id.replace("-", ""), 16)


def ids(searcher: tantivy.Searcher, addresses: list[Any]) -> list[str | None]:
    """The ids of these hits from their UUID columns; None where an id is no UUID (its stored
    document tells)."""
    if not addresses:
        return []
    high, low = searcher.fast_field_values("uuid_high", addresses), searcher.fast_field_values("uuid_low", addresses)
    return [None if h is None or lo is None else uuid_text(int(h), int(lo)) for h, lo in zip(high, low, strict=True)]


def uuid_text(high: int, low: int) -> str:
    """The id whose number's halves these are, as ``str(uuid.UUID(...))`` writes it, without
    building a ``UUID`` (half of the cost of a hit's id, and a page has a hundred hits)."""
    digits = f"{high:016x}{low:016x}"
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def open_index(path: Path | None, *, analysed: bool = False) -> tantivy.Index:
    """The index at ``path`` (None: in memory); ``analysed``: its documents come ``analysed``."""
    ix = tantivy.Index(SCHEMA, path=str(path) if path is not None else None, reuse=True)
    analysis.register(ix, analysed=analysed)
    return ix


def filters(filters: dict[str, list[str]] | None) -> Query | None:
    clauses = [either([Query.term_query(SCHEMA, name, str(v)) for v in values])
               for name, values in (filters or {}).items() if values]
    return Query.const_score_query(every(clauses), 0.0) if clauses else None
