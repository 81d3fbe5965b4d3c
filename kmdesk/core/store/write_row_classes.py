"""Writes ``row_classes.py``, the plain rows a ``reader`` reads with ``sqlite3``, from ``model``.

The reader may not import SQLAlchemy (its import alone costs more than ``kmdesk show`` may
take, bench/README.md), so the model's tables are compiled here, ahead of time, into typed
classes and SELECT statements, and the result is kept in the package. Run
``python -m kmdesk.core.store.write_row_classes`` after changing ``model``; a test fails while
``row_classes.py`` is not what this writes.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import JSON, Column, Table, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import DeclarativeBase

from kmdesk.core.store import model

TARGET = Path(__file__).with_name("row_classes.py")
WIDTH = 110  # the project's line length (pyproject.toml)

# Each plain row: the model class it reads, the columns it leaves out and why. Every other
# column of the table is read, the ones added later too.
ROWS: dict[str, tuple[str, frozenset[str], str]] = {
    "RecordRow": ("Record", frozenset(), ""),
    "HistoryRow": ("HistoryEntry", frozenset(), ""),
    "ConsentEventRow": ("ConsentEvent", frozenset(), ""),
    "ProfileRow": ("Profile", frozenset({"kdf", "wrapped_key", "trust"}),
                   "what checking its certificate needs; never its wrapped private key nor what that key seals"),
    "SyncTargetRow": ("SyncTarget", frozenset(), "its credentials as stored, sealed, which say only whether there are some"),
    "RemoteStateRow": ("RemoteState", frozenset(), ""),
    "ShareRow": ("Share", frozenset(), ""),
    "ManifestRow": ("RecordManifest", frozenset(), ""),
}

HEADER = '''"""The plain rows a ``reader`` reads with ``sqlite3``: one class per table, its columns by the
model's names and types, the SELECT that reads them and which of them hold JSON.

Written by ``python -m kmdesk.core.store.write_row_classes`` from ``model``: do not edit; run it
after changing the model (a test fails while this file is behind it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar
'''

_MAPPED = re.compile(r"^Mapped\[(.+)\]$")


def read_columns(table: Table, left_out: frozenset[str]) -> list[Column[Any]]:
    """The columns of ``table`` a plain row holds, in the table's order."""
    unknown = left_out - set(table.columns.keys())
    if unknown:
        raise ValueError(f"{table.name} has no column {', '.join(sorted(unknown))}")
    return [column for column in table.columns if column.key not in left_out]


def _field_type(mapped: type[DeclarativeBase], key: str) -> str:
    """The Python type of column ``key`` as the model class annotates it (``Mapped[...]``)."""
    annotation = next((cls.__annotations__[key] for cls in mapped.__mro__  # a mixin's columns too (``model.Signed``)
                       if key in getattr(cls, "__annotations__", {})), "")
    found = _MAPPED.match(str(annotation))
    if found is None:
        raise ValueError(f"{mapped.__name__}.{key} is not annotated 'Mapped[...]'")
    return found.group(1)


def _pack(pieces: list[str], indent: str, *, joined: bool) -> list[str]:
    """``pieces`` laid out on lines of at most ``WIDTH``: with ``joined``, the pieces of one string
    written as adjacent literals; else string literals separated by commas."""
    lines: list[str] = []
    current: list[str] = []

    def line(items: list[str]) -> str:
        return indent + (json.dumps("".join(items)) if joined else ", ".join(json.dumps(item) for item in items))

    for piece in pieces:
        if current and len(line([*current, piece])) + 2 > WIDTH:
            lines.append(line(current) + ("" if joined else ","))
            current = []
        current.append(piece)
    return [*lines, line(current)]


def _class_source(name: str, mapped: type[DeclarativeBase], left_out: frozenset[str], note: str) -> list[str]:
    """The source of plain-row class ``name`` for the model class ``mapped``."""
    table = mapped.metadata.tables[mapped.__tablename__]
    columns = read_columns(table, left_out)
    sql = " ".join(str(select(*columns).compile(dialect=sqlite.dialect())).split())
    json_keys = sorted(column.key for column in columns if isinstance(column.type, JSON))
    doc = f"``model.{mapped.__name__}`` (table ``{table.name}``)" + (f": {note}" if note else "") + "."
    lines = ["", "", "@dataclass(slots=True)", f"class {name}:",
             *textwrap.wrap(f'"""{doc}"""', WIDTH, initial_indent="    ", subsequent_indent="    "),
             "", "    SELECT: ClassVar[str] = ("]
    lines += _pack(re.split(r"(?<=, )", sql), " " * 8, joined=True)
    lines[-1] += ")"
    json_line = "    JSON: ClassVar[frozenset[str]] = frozenset("
    one_line = json_line + ("{" + ", ".join(json.dumps(key) for key in json_keys) + "})" if json_keys else ")")
    if len(one_line) <= WIDTH:
        lines.append(one_line)
    else:
        lines += [json_line + "{", *_pack(json_keys, " " * 8, joined=False)]
        lines[-1] += "})"
    lines.append("")
    return lines + [f"    {column.key}: {_field_type(mapped, column.key)}" for column in columns]


def render(models: ModuleType = model) -> str:
    """The text of ``row_classes.py`` for the tables of ``models`` (``model``, or a test's copy)."""
    lines = HEADER.splitlines()
    for name, (mapped_name, left_out, note) in ROWS.items():
        lines += _class_source(name, getattr(models, mapped_name), left_out, note)
    lines += ["", "", f'Row = TypeVar("Row", {", ".join(ROWS)})', ""]
    return "\n".join(lines)


def main() -> int:
    """Write ``row_classes.py``; say whether it changed."""
    text = render()
    if TARGET.exists() and TARGET.read_text(encoding="utf-8") == text:
        print(f"{TARGET} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
