"""What every importer yields: a ``Source`` of numbered rows of raw fields, so the pipeline can
preview, map columns, find duplicates and report by row or entry the same way for every format.

A reader never raises for one bad row: it yields a ``SourceRow`` carrying the error (naming the
row or entry) and goes on. It raises ``ImportFileError`` only when the whole file is unusable.

Where a row is (``Place``) and what is wrong with it (``Problem``) are data: a kind or code and
its parameters, which the GUI words in the person's language; their English words (``label``,
``error``) are the command line's and the fallback.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter
from typing import Any

from kmdesk.core.errors import KmdeskError

# Formats read whole into memory refuse files larger than this; CSV streams and has no limit.
MAX_WHOLE_FILE = 200 * 1024 * 1024
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # an undecodable byte, as surrogateescape keeps it
MAX_DEPTH = 64  # a library file nests 7 levels deep, a CHM document 5
MAX_NUMBER_DIGITS = 30  # a revision, a year, a target number: far fewer digits
MAX_RATIO = 200  # real content compresses 5-20x; zip bombs 1000x and more
_RATIO_FLOOR = 1024 * 1024  # tiny entries may compress well without harm
# Columns of a CSV or workbook header. kmdesk's own export writes some 30 plus three per extra
# language; a header far wider is not a table of records, and is refused before a row is read.
MAX_COLUMNS = 1000
# One value (a RIS tag's, a BibTeX field's once its macros are expanded): a title, an abstract,
# even a whole text pasted into a note stays far below this; a value far longer would cost many
# times its size in memory on its way into the library and its index.
MAX_VALUE = 1024 * 1024


class ImportFileError(KmdeskError):
    """The file as a whole cannot be imported (not the format, too large, a zip bomb ...)."""

    code = "import_file"


# The English words of each kind of place in a file (``Place.kind``), formatted with its params.
PLACES = {
    "row": "row {row}",
    "rows": "rows {row}-{last}",
    "sheet_row": "sheet {sheet!r} row {row}",
    "entry": "entry {entry} (line {line})",
    "keyed_entry": "entry {entry} '{key}' (line {line})",
    "string": "@string (line {line})",
    "line": "line {line}",
    "document": "document {document}",
    "identified_document": "document {document} ({identifier})",
    "record": "record {record}",
    "sealed_record": "sealed record {record}",
}


_PLACE_PARAMS = {kind: tuple(name for _text, name, _spec, _conversion in Formatter().parse(words) if name)
                 for kind, words in PLACES.items()}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a row is in its file: a kind of ``PLACES`` and its numbers and names (``values`` in
    the order the kind's words name them: a 100,000-row import keeps one per row)."""

    kind: str
    values: tuple[Any, ...]

    @property
    def params(self) -> dict[str, Any]:
        return dict(zip(_PLACE_PARAMS[self.kind], self.values, strict=True))

    def __str__(self) -> str:
        return PLACES[self.kind].format(**self.params)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.params}


def place(kind: str, **params: Any) -> Place:
    return Place(kind, tuple(params[name] for name in _PLACE_PARAMS[kind]))


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with a row, or what was noticed about it: a stable ``code`` with its
    ``params``, and ``message``, the English words (naming the place where an error does)."""

    code: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}


def problem(code: str, message: str, **params: Any) -> Problem:
    return Problem(code, message, params)


@dataclass
class SourceRow:
    """One row (CSV/XLSX), entry (RIS/BibTeX) or document (CHM JSON, archive).

    ``fields`` maps a column or tag to its values (a list: RIS and BibTeX repeat tags). Formats
    that carry whole kmdesk records (archive, CHM JSON) put the record in ``record`` instead."""

    number: int
    place: Place
    fields: dict[str, list[str]] = field(default_factory=dict)
    problem: Problem | None = None
    notes: list[Problem] = field(default_factory=list)
    record: dict[str, Any] | None = None

    @property
    def label(self) -> str:
        return str(self.place)

    @property
    def error(self) -> str | None:
        return self.problem.message if self.problem else None

    def fail(self, code: str, words: str, **params: Any) -> SourceRow:
        """This row is refused: ``words`` are the English after its place."""
        self.problem = problem(code, f"{self.label}: {words}", **params)
        return self

    def note(self, code: str, message: str, **params: Any) -> None:
        self.notes.append(problem(code, message, **params))


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


def check_header(header: list[str], where: str, path: Path) -> None:
    """Refuse a header row (already stripped) wider than ``MAX_COLUMNS`` or naming a column
    twice, in one pass over it (a count per name, not a scan per name). ``where`` names the row
    as the message should ("row 1", "sheet 'Data' row 1")."""
    if len(header) > MAX_COLUMNS:
        raise ImportFileError(f"{path}: {where} (the header) has {len(header):,} columns; the limit is {MAX_COLUMNS:,} "
                              "(is the separator right, or is this a table of records at all?)",
                              path=str(path), row=1, columns=len(header), limit=MAX_COLUMNS)
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            raise ImportFileError(f"{path}: {where}: the column {name!r} appears twice", path=str(path), row=1, column=name)
        seen.add(name)


def read_text(path: Path, limit: int = MAX_WHOLE_FILE) -> str:
    """A whole text file as UTF-8 (BOM dropped). Invalid bytes are kept as surrogate escapes so
    that only the row or entry holding them is rejected (``utf8_problem``), not the file."""
    check_size(path, limit)
    data = Path(path).read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.decode("utf-8", "surrogateescape")


def load_json(text: str, what: str) -> Any:
    """Parse JSON from a file someone else wrote, within limits that name themselves: nesting
    deeper than ``MAX_DEPTH`` (the parser would exhaust Python's stack), a number longer than
    ``MAX_NUMBER_DIGITS`` digits (Python refuses to convert some and takes quadratic time on
    others) and the non-standard ``NaN``/``Infinity`` are refused with an ``ImportFileError``
    naming ``what``."""
    def number(literal: str) -> int | float:
        if len(literal) > MAX_NUMBER_DIGITS:
            raise ImportFileError(f"{what}: a number of {len(literal)} characters; the limit is {MAX_NUMBER_DIGITS}")
        return float(literal) if any(c in literal for c in ".eE") else int(literal)

    def constant(name: str) -> Any:
        raise ImportFileError(f"{what}: {name} is not a JSON value")

    try:
        data = json.loads(text, parse_int=number, parse_float=number, parse_constant=constant)
    except RecursionError:
        data = None
        depth = MAX_DEPTH + 1
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{what}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    else:
        depth = _depth(data)
    if depth > MAX_DEPTH:
        raise ImportFileError(f"{what}: the JSON is nested more than {MAX_DEPTH} levels deep (the limit)")
    return data


def _depth(data: Any) -> int:
    """How deeply lists and objects nest in ``data`` (without recursion, so any depth is safe)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            stack.extend((item, level + 1) for item in value if isinstance(item, (dict, list)))
    return deepest


def utf8_problem(text: str) -> Problem | None:
    """Why ``text`` (decoded with surrogate escapes) is not valid UTF-8 (``not_utf8``: the
    ``byte`` in hex, ``at`` which character), or None."""
    if text.isascii():
        return None
    found = _ESCAPED_BYTE.search(text)
    if found is None:
        return None
    byte, at = f"{ord(found.group()) - 0xDC00:02x}", found.start() + 1
    return problem("not_utf8", f"not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8",
                   byte=byte, at=at)


def check_zip(path: Path, what: str, max_total: int | None) -> None:
    """Refuse what is not a zip, or would decompress to far more than it should: any entry that
    expands more than ``MAX_RATIO`` times, and (where the format has a natural size, as a
    workbook does) a total above ``max_total``. An archive of attachments has none: a library's
    videos may well add up to gigabytes."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(f"{path}: not an {what} ({exc})", path=str(path)) from None
    total = 0
    for info in entries:
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportFileError(f"{path}: entry {info.filename} would expand {info.file_size // max(info.compress_size, 1)}"
                                  f" times (to {info.file_size / 2**20:.0f} MB): refused as a zip bomb",
                                  path=str(path), entry=info.filename)
    if max_total is not None and total > max_total:
        raise ImportFileError(f"{path}: the {what} would expand to {total / 2**20:.0f} MB (limit "
                              f"{max_total // 2**20} MB): refused as a possible zip bomb", path=str(path))
