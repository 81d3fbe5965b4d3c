"""Plain rows: the library's tables as the standard library's ``sqlite3`` reads them.

The functions that decide what a reader sees (``reads``, ``trust``, ``records``) take rows by
their column attributes, so an ORM row (``model``) and a plain row (``row_classes``, written
from ``model``) are the same to them. They let a command that only reads (``kmdesk show``) open
a library without SQLAlchemy, whose import alone costs more than such a command may take
(bench/README.md). JSON columns are decoded here as the store's engine decodes them
(``stored_json``), with the encoder the store writes them with (``json_text``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import Any

from kmdesk.core.store.row_classes import Row


def json_text(value: Any) -> str:
    """A JSON column's text exactly as ``json.dumps`` writes it; the empty list and object (half
    the values an import writes) without building an encoder for each."""
    if type(value) is list and not value:
        return "[]"
    if type(value) is dict and not value:
        return "{}"
    return json.dumps(value)


def stored_json(raw: str) -> Any:
    """A JSON column's value; one that is not JSON (a damaged or altered file) is kept as its
    text, so only what reads that value fails (clearly: it expects an object), not every
    query that loads its row."""
    if not isinstance(raw, (str, bytes, bytearray)):
        return raw  # a number SQLite keeps as one (a hand-edited file), as SQLAlchemy reads it
    if raw == "[]":  # as ``json_text`` writes the empty ones: half of a row's JSON columns
        return []
    if raw == "{}":
        return {}
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def select(connection: sqlite3.Connection, cls: type[Row], where: str = "", params: Sequence[Any] = (),
           tail: str = "") -> Iterator[Row]:
    """``cls`` rows of its table ``WHERE where`` (SQL with ``?`` parameters) ``tail`` (ORDER BY,
    LIMIT); a JSON column that is SQL NULL is None, as the ORM gives it."""
    sql = cls.SELECT + (f" WHERE {where}" if where else "") + (f" {tail}" if tail else "")
    yield from made(cls, connection.execute(sql, tuple(params)))


def made(cls: type[Row], found: Iterable[Sequence[Any]]) -> Iterator[Row]:
    """``cls`` rows of the values ``cls.SELECT`` read, by any connection (a session's too)."""
    decode = [f.name in cls.JSON for f in fields(cls)]
    for values in found:
        yield cls(*(stored_json(v) if json_column and v is not None else v for v, json_column in zip(values, decode, strict=True)))
