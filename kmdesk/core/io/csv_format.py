"""CSV as spreadsheet programs write it: a header row, ``,`` or ``;`` or tab, an optional BOM,
Windows line ends, UTF-8 or (old Excel on Windows) cp1252, sometimes UTF-16.

The file is streamed line by line (a 1 GB file never sits in memory) and every problem is
reported on its row: invalid bytes, a line longer than ``MAX_LINE``, a quote left open, a row
with the wrong number of cells. The export writes UTF-8 with a BOM and ``\\r\\n`` so that Excel
opens it in the right encoding, one column per field and language.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kmdesk.core.io import mapping
from kmdesk.core.io.source import ImportFileError, Problem, Source, SourceRow, check_header, place, problem

MAX_LINE = 4 * 1024 * 1024
_SAMPLE = 64 * 1024
csv.field_size_limit(MAX_LINE)

def _encoding(sample: bytes) -> tuple[str, int]:
    """(encoding, BOM length) from the first bytes: a BOM decides; else UTF-8 when the sample
    is UTF-8 (or mostly so: the bad rows are then reported), cp1252 when nothing in it is."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if sample.startswith(bom):
            return name, len(bom)
    try:
        sample.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 3:  # a character cut by the sample's end
            return "utf-8", 0
        valid_multibyte = any(b >= 0xC2 for b in sample[:exc.start])
        return ("utf-8" if valid_multibyte else "cp1252"), 0

class _Lines:
    """Decoded physical lines; remembers which ones were bad so the row holding them fails."""

    def __init__(self, fh: BinaryIO, encoding: str, cr_only: bool = False) -> None:
        self.fh = fh
        self.encoding = encoding
        self.cr_only = cr_only  # old Mac line ends: lines end in '\r' alone
        self.problems: dict[int, Problem] = {}
        self.number = 0

    def _physical(self) -> Iterator[bytes | None]:
        """Raw lines ending in ``\n``; None for a line longer than ``MAX_LINE`` (skipped)."""
        if not self.cr_only:
            while True:
                raw = self.fh.readline(MAX_LINE + 1)
                if not raw:
                    return
                if len(raw) > MAX_LINE and not raw.endswith(b"\n"):
                    while raw and not raw.endswith(b"\n"):  # skip the rest of the monster line
                        raw = self.fh.readline(MAX_LINE)
                    yield None
                    continue
                yield raw
        buffer, skipping = b"", False
        while chunk := self.fh.read(_SAMPLE):
            *lines, buffer = (buffer + chunk).split(b"\r")
            for line in lines:
                yield None if skipping else line + b"\n"
                skipping = False
            if skipping or len(buffer) > MAX_LINE:
                buffer, skipping = b"", True
        if skipping or buffer:
            yield None if skipping else buffer

    def __iter__(self) -> Iterator[str]:
        if self.encoding.startswith("utf-16"):
            reader = codecs.getreader(self.encoding)(self.fh, "replace")  # errors: undecodable bytes become U+FFFD
            for line in reader:
                self.number += 1
                yield line
            return
        for raw in self._physical():
            self.number += 1
            if raw is None:
                self.problems[self.number] = problem("line_too_long", f"line longer than {MAX_LINE // 2**20} MB (the limit)",
                                                     limit_mb=MAX_LINE // 2**20)
                yield "\n"
                continue
            try:
                yield raw.decode(self.encoding)
            except UnicodeDecodeError as exc:
                byte, at = f"{raw[exc.start]:02x}", exc.start + 1
                self.problems[self.number] = problem(
                    "not_encoding", f"not valid {self.encoding.upper()} (byte 0x{byte} at position {at}); save the file as UTF-8",
                    encoding=self.encoding.upper(), byte=byte, at=at)
                yield raw.decode(self.encoding, "replace")

class _Spreadsheet(csv.excel):
    """Excel's quoting (``""`` inside quotes) with the separator the file uses."""


def _dialect(first_line: str) -> type[csv.Dialect]:
    """The separator is whichever of ``,`` ``;`` tab appears most in the header (outside
    quotes): Excel writes ``;`` where the decimal separator is a comma."""
    outside = "".join(part for i, part in enumerate(first_line.split('"')) if i % 2 == 0)
    delimiter = max(",;\t", key=outside.count)
    return type("_Detected", (_Spreadsheet,), {"delimiter": delimiter if outside.count(delimiter) else ","})


def read(path: Path, *, encoding: str | None = None) -> Source:
    path = Path(path)
    try:
        with path.open("rb") as fh:
            sample = fh.read(_SAMPLE)
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read the file ({exc.strerror})", path=str(path)) from None
    if not sample.strip():
        raise ImportFileError(f"{path}: the file is empty", path=str(path))
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(f"{path}: this is not a text file (it holds NUL bytes); is it a spreadsheet saved "
                              "in another format?", path=str(path))
    found, bom = _encoding(sample)
    encoding = encoding or found
    cr_only = b"\r" in sample and b"\n" not in sample and not encoding.startswith("utf-16")
    header, dialect = _header(path, encoding, bom, cr_only)

    def rows() -> Iterator[SourceRow]:
        with path.open("rb") as fh:
            fh.seek(bom)
            lines = _Lines(fh, encoding, cr_only)
            reader = csv.reader(iter(lines), dialect)
            try:
                next(reader)
            except (StopIteration, csv.Error):
                return
            while True:
                start = lines.number + 1
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield SourceRow(start, place("row", row=start)).fail("csv_quotes", f"{exc} (check the quotes)",
                                                                         detail=str(exc))
                    continue
                row = _row(start, lines.number, cells, header, lines.problems)
                if row.error or row.fields:  # a wholly empty row is no row
                    yield row

    return Source(path, "csv", header, mapping.default_mapping(header), rows, extra={"encoding": encoding})

def _header(path: Path, encoding: str, bom: int, cr_only: bool) -> tuple[list[str], type[csv.Dialect]]:
    with path.open("rb") as fh:
        fh.seek(bom)
        lines = _Lines(fh, encoding, cr_only)
        first = next(iter(lines), "")
        if 1 in lines.problems:
            raise ImportFileError(f"{path}: row 1 (the header): {lines.problems[1].message}", path=str(path), row=1)
    dialect = _dialect(first)
    try:
        header = next(csv.reader([first], dialect), [])
    except csv.Error as exc:
        raise ImportFileError(f"{path}: row 1 (the header): {exc}", path=str(path), row=1) from None
    header = [h.strip() for h in header]
    if not any(header):
        raise ImportFileError(f"{path}: row 1 should name the columns, and it is empty", path=str(path), row=1)
    check_header(header, "row 1", path)
    return header, dialect

def _row(start: int, end: int, cells: list[str], header: list[str], problems: dict[int, Problem]) -> SourceRow:
    row = SourceRow(start, place("row", row=start) if start == end else place("rows", row=start, last=end))
    bad = next((problems[n] for n in range(start, end + 1) if n in problems), None) if problems else None
    if bad:
        return row.fail(bad.code, bad.message, **bad.params)
    if len(cells) != len(header):
        if len(cells) > len(header) and not any(c.strip() for c in cells[len(header):]):
            cells = cells[:len(header)]  # trailing empty cells, as spreadsheets often add
        else:
            hint = " (a quote is probably left open)" if end > start else " (check the quotes and separators)"
            return row.fail("cell_count", f"expected {len(header)} cells, found {len(cells)}{hint}",
                            expected=len(header), found=len(cells), open_quote=end > start)
    # here a row has as many cells as the header names
    row.fields = {name: [unguard(cell)] for name, cell in zip(header, cells, strict=True) if name and cell.strip()}
    return row

# -- export ---------------------------------------------------------------------------------
def columns_for(records: list[dict[str, Any]]) -> list[str]:
    """One column per field; text fields once per language present (``title:en``, ``title:es``),
    creators once per role present. ``access`` carries the level, so that a traditional-knowledge
    record exported as public is imported as public, not given its community's default."""
    langs = {f: sorted({lang for r in records for lang in (r.get(f) or {})}) for f in mapping.TEXT_TARGETS}
    roles = [role for role in ("author", "knowledge_holder", "contributor", "editor", "publisher")
             if any(c["role"] == role for r in records for c in r.get("creators") or [])]
    schemes = sorted({s for r in records for s in (r.get("identifiers") or {})})
    return (["id", "type", "resource_kind"] + [f"{f}:{lang}" for f in mapping.TEXT_TARGETS for lang in langs[f]]
            + [f"creators:{role}" for role in roles] + [f"identifiers:{s}" for s in schemes]
            + ["keywords", "subjects", "countries", "places", "languages", "gbf_goals", "gbf_targets", "labels",
               "community", "access", "date", "licence", "source_url"])

def _cell(record: dict[str, Any], column: str) -> str:
    field, _, qualifier = column.partition(":")
    if field in mapping.TEXT_TARGETS:
        texts: dict[str, str] = record.get(field) or {}
        return texts.get(qualifier, "")
    if field == "creators":
        return "; ".join(c["name"] for c in record.get("creators") or [] if c["role"] == qualifier)
    if field == "identifiers":
        identifiers: dict[str, str] = record.get("identifiers") or {}
        return identifiers.get(qualifier, "")
    value = record.get(field)
    if field == "access":
        return str((value or {}).get("level", ""))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)

# OWASP's advice against CSV injection: a cell a spreadsheet would read as a formula (or that
# starts with a tab or carriage return, which some read past) is written behind a single quote,
# so it shows as text; kmdesk's own import takes that quote off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(value: str) -> str:
    """A formula behind one more quote; so is a text whose own quotes lead to a formula start
    ("'=" is written "''="), or ``unguard`` would take its quote for the guard's."""
    return "'" + value if value.lstrip("'").startswith(FORMULA_STARTS) else value


def unguard(value: str) -> str:
    return value[1:] if value.startswith("'") and value.lstrip("'").startswith(FORMULA_STARTS) else value


def write(records: Iterable[dict[str, Any]], fh: io.TextIOBase) -> int:
    items = list(records)
    columns = columns_for(items)
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(columns)
    for record in items:
        writer.writerow([guard(_cell(record, c)) for c in columns])
    return len(items)

ENCODING = "utf-8-sig"
