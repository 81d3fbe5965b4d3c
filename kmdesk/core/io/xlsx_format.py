"""Excel workbooks (``.xlsx``): the first sheet, a header row, one record per row.

An ``.xlsx`` is a zip, so a hostile one can be a zip bomb: before openpyxl sees it, the zip
directory's declared uncompressed sizes are checked against a total and a per-entry ratio
limit (the sizes that count are the ones the decompressor will produce; zipfile refuses to
read past a declared size, so a lying directory cannot smuggle more).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kmdesk.core.io import mapping
from kmdesk.core.io.source import (
    MAX_COLUMNS,
    ImportFileError,
    Source,
    SourceRow,
    check_header,
    check_size,
    check_zip,
    place,
)

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # a workbook's sheets and styles; far more is a bomb


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read(path: Path) -> Source:
    from openpyxl import load_workbook  # heavy; only when a workbook is imported

    path = Path(path)
    check_size(path)
    check_zip(path, "Excel .xlsx workbook", MAX_UNCOMPRESSED)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise ImportFileError(f"{path}: cannot open the workbook ({type(exc).__name__}: {exc})", path=str(path)) from None
    try:
        sheet = book.worksheets[0]
        sheet_name = sheet.title
        # one column past the limit is enough to refuse: a 100,000-column sheet is never read whole
        first = next(sheet.iter_rows(max_row=1, max_col=MAX_COLUMNS + 1, values_only=True), None)
    except Exception as exc:  # openpyxl's cell parsing raises ValueError, KeyError ... on a damaged sheet
        raise ImportFileError(f"{path}: sheet row 1 (the header) cannot be read ({type(exc).__name__}: {exc})",
                              path=str(path), row=1) from None
    finally:
        book.close()
    header = [_text(v).strip() for v in first or ()]
    while header and not header[-1]:
        header.pop()  # read-only sheets pad rows to the widest row
    if not any(header):
        raise ImportFileError(f"{path}: sheet {sheet_name!r} row 1 should name the columns, and it is empty",
                              path=str(path), row=1)
    check_header(header, f"sheet {sheet_name!r} row 1", path)

    def rows() -> Iterator[SourceRow]:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet_rows = book.worksheets[0].iter_rows(min_row=2, values_only=True)
            number = 1
            while True:
                number += 1
                try:
                    values = next(sheet_rows)
                except StopIteration:
                    return
                except Exception as exc:  # a cell openpyxl cannot parse ends the sheet's reading
                    detail = f"{type(exc).__name__}: {exc}"
                    yield SourceRow(number, place("sheet_row", sheet=sheet_name, row=number)).fail(
                        "cell_unreadable", f"a cell cannot be read ({detail}); this row and the rest of the sheet "
                        "were not read", detail=detail)
                    return
                cells = [_text(v) for v in values]
                if not any(c.strip() for c in cells):
                    continue
                row = SourceRow(number, place("sheet_row", sheet=sheet_name, row=number))
                extra = [c for i, c in enumerate(cells) if c.strip() and (i >= len(header) or not header[i])]
                if extra:
                    yield row.fail("unnamed_columns", f"{len(extra)} value(s) in columns without a name in row 1",
                                   count=len(extra))
                    continue
                row.fields = {h: [c] for h, c in zip(header, cells, strict=False) if h and c.strip()}
                yield row
        finally:
            book.close()

    return Source(path, "xlsx", header, mapping.default_mapping(header), rows)
