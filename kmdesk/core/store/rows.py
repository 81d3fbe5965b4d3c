"""Plain rows: the library's tables as the standard library's ``sqlite3`` reads them.

The functions that decide what a reader sees (``reads``, ``trust``, ``records``) take rows by
their column attributes, so an ORM row (``model``) and a plain row here are the same to them.
These classes let a command that only reads (``kmdesk show``) open a library without
SQLAlchemy, whose import alone costs more than such a command may take (bench/README.md).
Each class holds the columns of its table that the reads use, by the model's names; JSON
columns are decoded as the store's engine decodes them (``stored_json``). A test keeps the
names and the JSON columns in step with ``model``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any, ClassVar, TypeVar

# The newest migration's revision id, known without importing alembic or SQLAlchemy: a library
# at it is read as it is; one behind it is upgraded by the store first. Bump it with each
# migration (a test keeps it equal to the scripts' head).
SCHEMA_HEAD = "0007"


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
    try:
        return json.loads(raw)
    except ValueError:
        return raw


@dataclass(slots=True)
class RecordRow:
    TABLE: ClassVar[str] = "records"
    JSON: ClassVar[frozenset[str]] = frozenset({
        "title", "summary", "body", "keywords", "gbf_goals", "gbf_targets", "subjects", "countries", "places",
        "languages", "creators", "identifiers", "access_protocols", "custodians", "labels"})

    id: str
    type: str
    resource_kind: str | None
    title: dict[str, Any]
    summary: dict[str, Any]
    body: dict[str, Any]
    keywords: list[Any]
    gbf_goals: list[Any]
    gbf_targets: list[Any]
    subjects: list[Any]
    countries: list[Any]
    places: list[Any]
    languages: list[Any]
    creators: list[Any]
    identifiers: dict[str, Any]
    community: str | None
    date: str | None
    licence: str | None
    source_url: str | None
    revision: int
    created_at: str
    updated_at: str
    access_level: str
    access_protocols: list[Any]
    access_sharing: str
    custodians: list[Any]
    labels: list[Any]
    sealed: str | None
    access_signature: bytes | None
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class HistoryRow:
    TABLE: ClassVar[str] = "record_history"
    JSON: ClassVar[frozenset[str]] = frozenset({"changes"})

    id: int
    record_id: str
    at: str
    by: str
    action: str
    changes: dict[str, Any]
    sealed: str | None
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class ConsentEventRow:
    TABLE: ClassVar[str] = "consent_events"
    JSON: ClassVar[frozenset[str]] = frozenset({"data"})

    id: int
    record_id: str
    consent_id: str
    kind: str
    at: str
    by: str
    data: dict[str, Any]
    sealed: str | None
    digest: str | None
    signature: bytes | None
    signed_by: str | None
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class ProfileRow:
    """What checking a profile's certificate needs; never its wrapped private key."""

    TABLE: ClassVar[str] = "profiles"
    JSON: ClassVar[frozenset[str]] = frozenset({"roles", "previous"})

    id: int
    name: str
    roles: list[Any]
    public_key: bytes
    verify_key: bytes | None
    certificate: bytes | None
    created_at: str
    key_version: int
    previous: dict[str, Any] | None


@dataclass(slots=True)
class SyncTargetRow:
    """A target without its (sealed) credentials, which only say whether there are some."""

    TABLE: ClassVar[str] = "sync_targets"
    JSON: ClassVar[frozenset[str]] = frozenset({"settings"})

    name: str
    kind: str
    url: str
    settings: dict[str, Any]
    credentials: str | None
    created_at: str
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class RemoteStateRow:
    TABLE: ClassVar[str] = "remote_state"
    JSON: ClassVar[frozenset[str]] = frozenset()

    record_id: str
    target: str
    status: str
    remote_revision: str | None
    pushed_revision: int | None
    message: str | None
    updated_at: str
    row_sig: bytes | None
    row_signer: str | None


@dataclass(slots=True)
class ShareRow:
    TABLE: ClassVar[str] = "shares"
    JSON: ClassVar[frozenset[str]] = frozenset()

    record_id: str
    target: str
    selected_by: str
    selected_at: str
    row_sig: bytes | None
    row_signer: str | None


Row = TypeVar("Row", RecordRow, HistoryRow, ConsentEventRow, ProfileRow, SyncTargetRow, RemoteStateRow, ShareRow)


def select(connection: sqlite3.Connection, cls: type[Row], where: str = "", params: Sequence[Any] = (),
           tail: str = "") -> Iterator[Row]:
    """``cls`` rows of its table ``WHERE where`` (SQL with ``?`` parameters) ``tail`` (ORDER BY,
    LIMIT); a JSON column that is SQL NULL is None, as the ORM gives it."""
    names = [f.name for f in fields(cls)]
    decode = [name in cls.JSON for name in names]
    sql = f"SELECT {', '.join(names)} FROM {cls.TABLE}" + (f" WHERE {where}" if where else "") + (f" {tail}" if tail else "")
    for values in connection.execute(sql, tuple(params)):
        yield cls(*(stored_json(v) if json_column and v is not None else v for v, json_column in zip(values, decode)))
