"""What every importer yields: a ``Source`` of numbered rows of raw fields, so the pipeline can
preview, map columns, find duplicates and report by row or entry the same way for every format.

A reader never raises for one bad row: it yields a ``SourceRow`` carrying the error (naming the
row or entry) and goes on. It raises ``ImportFileError`` only when the whole file is unusable.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kmdesk.core.errors import KmdeskError

# Formats read whole into memory refuse files larger than this; CSV streams and has no limit.
MAX_WHOLE_FILE = 200 * 1024 * 1024


class ImportFileError(KmdeskError):
    """The file as a whole cannot be imported (not the format, too large, a zip bomb ...)."""

    code = "import_file"


@dataclass
class SourceRow:
    """One row (CSV/XLSX), entry (RIS/BibTeX) or document (CHM JSON, archive).

    ``fields`` maps a column or tag to its values (a list: RIS and BibTeX repeat tags). Formats
    that carry whole kmdesk records (archive, CHM JSON) put the record in ``record`` instead."""

    number: int
    label: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    record: dict[str, Any] | None = None


@dataclass
class Source:
    """An opened import file. ``rows`` is re-iterable (preview, then the import itself)."""

    path: Path
    format: str
    columns: list[str]
    mapping: dict[str, str]
    rows: Callable[[], Iterator[SourceRow]]
    fixed: bool = False  # the format maps itself (archive, CHM JSON): no column mapping
    extra: dict[str, Any] = field(default_factory=dict)


def check_size(path: Path, limit: int = MAX_WHOLE_FILE) -> None:
    """Refuse, with a clear message, a file too large for a format that is read whole."""
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read the file ({exc.strerror})", path=str(path)) from None
    if size > limit:
        raise ImportFileError(f"{path}: the file is {size / 2**20:.0f} MB; this format is read whole and the limit is "
                              f"{limit // 2**20} MB (split it, or export it as CSV)", path=str(path))


def read_text(path: Path, limit: int = MAX_WHOLE_FILE) -> str:
    """A whole text file as UTF-8 (BOM dropped). Invalid bytes are kept as surrogate escapes so
    that only the row or entry holding them is rejected (``utf8_problem``), not the file."""
    check_size(path, limit)
    data = Path(path).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", "surrogateescape")


def utf8_problem(text: str) -> str | None:
    """Why ``text`` (decoded with surrogate escapes) is not valid UTF-8, or None."""
    for column, char in enumerate(text, start=1):
        if "\udc80" <= char <= "\udcff":
            return f"not valid UTF-8 (byte 0x{ord(char) - 0xDC00:02x} at character {column}); save the file as UTF-8"
    return None
