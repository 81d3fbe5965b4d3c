"""Translated words for where a row is in an imported file and what is wrong with it: the
import preview's and report's counterpart of the English ``label`` and ``error`` the core gives
beside them (``kmdesk.core.io.source.Place`` and ``Problem``, as data), through
``QCoreApplication.translate`` in one context ("import").

A code this module does not know is shown in the core's English words, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kmdesk.gui.qt import QCoreApplication


def place_words(place: Mapping[str, Any] | None, english: str) -> str:
    """Where a row is ("row 2", "sheet 'Data' row 4", "entry 3 (line 12)" ...) in the
    interface's language; ``english`` (the core's ``label``) for a place it does not know."""
    if not place:
        return english
    params = {key: value for key, value in place.items() if key != "kind"}
    words = {
        "row": QCoreApplication.translate("import", "row {row}"),
        "rows": QCoreApplication.translate("import", "rows {row}–{last}"),
        "sheet_row": QCoreApplication.translate("import", "sheet “{sheet}” row {row}"),
        "entry": QCoreApplication.translate("import", "entry {entry} (line {line})"),
        "keyed_entry": QCoreApplication.translate("import", "entry {entry} “{key}” (line {line})"),
        "string": QCoreApplication.translate("import", "@string (line {line})"),
        "line": QCoreApplication.translate("import", "line {line}"),
        "document": QCoreApplication.translate("import", "document {document}"),
        "identified_document": QCoreApplication.translate("import", "document {document} ({identifier})"),
        "record": QCoreApplication.translate("import", "record {record}"),
        "sealed_record": QCoreApplication.translate("import", "sealed record {record}"),
    }.get(str(place.get("kind")))
    return _format(words, params, english)


def problem_words(problem: Mapping[str, Any] | None, english: str | None,
                  field_label: Callable[[str], str] = str) -> str:
    """What is wrong with a row, or why it was skipped or merged, in the interface's language
    (without its place: the preview and the report show that beside it). ``english`` is the
    core's message, shown for a code this module does not know; ``field_label`` names a field."""
    if not problem:
        return english or ""
    params = dict(problem.get("params") or {})
    code = str(problem.get("code"))
    if code == "invalid_record":
        field = str(params.get("field") or "")
        detail = str(params.get("detail") or "")
        params["detail"] = detail.removeprefix(f"{field}: ")  # the field is named in the reader's language
        params["field"] = field_label(field)
    words = _file_problems(code, params) or _record_problems(code, params) or _notes(code)
    return _format(words, params, params.get("detail") or english or code)


def note_words(note: Mapping[str, Any]) -> str:
    """What was noticed about a row that did not stop it (a RIS tag ignored ...)."""
    return problem_words(note, str(note.get("code")))


def _format(words: str | None, params: Mapping[str, Any], english: str) -> str:
    if words is None:
        return english
    try:
        return words.format(**params)
    except (KeyError, IndexError, ValueError):
        return english


def _file_problems(code: str, params: Mapping[str, Any]) -> str | None:
    """Problems a file's reader finds in a row (its bytes, its cells, its syntax)."""
    if code == "not_utf8":
        if "line" in params:
            return QCoreApplication.translate("import", "line {line}: not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8")
        return QCoreApplication.translate("import", "not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8")
    if code == "cell_count":
        if params.get("open_quote"):
            return QCoreApplication.translate("import", "expected {expected} cells, found {found} (a quote is probably left open)")
        return QCoreApplication.translate("import", "expected {expected} cells, found {found} (check the quotes and separators)")
    return {
        "not_encoding": QCoreApplication.translate("import", "not valid {encoding} (byte 0x{byte} at position {at}); save the file as UTF-8"),
        "line_too_long": QCoreApplication.translate("import", "a line longer than {limit_mb} MB (the limit)"),
        "csv_quotes": QCoreApplication.translate("import", "cannot be read as CSV; check the quotes ({detail})"),
        "cell_unreadable": QCoreApplication.translate("import", "a cell cannot be read ({detail}); this row and the rest of the sheet were not read"),
        "unnamed_columns": QCoreApplication.translate("import", "{count} value(s) in columns without a name in row 1"),
        "macro_refused": QCoreApplication.translate("import", "the macro was refused and not defined ({detail})"),
        "entry_start": QCoreApplication.translate("import", "expected “@type{{key,” after “@”"),
        "entry_broken": QCoreApplication.translate("import", "the entry cannot be read and was skipped ({detail})"),
        "value_too_long": QCoreApplication.translate("import", "line {line}: the {tag} value is longer than {limit_kb} KB (the limit); the entry "
                              "was not imported"),
        "no_ris_entry": QCoreApplication.translate("import", "no RIS entry found (an entry starts with “TY  - ”)"),
        "not_resource": QCoreApplication.translate("import", "not a CHM resource document (its schema is “{schema}”)"),
        "unexpected_shape": QCoreApplication.translate("import", "the document has an unexpected shape ({detail})"),
        "needs_passphrase": QCoreApplication.translate("import", "sealed for transfer: give the archive passphrase to import it"),
        "envelope_shape": QCoreApplication.translate("import", "the sealed envelope has an unexpected shape"),
    }.get(code)


def _record_problems(code: str, params: Mapping[str, Any]) -> str | None:
    """What the import decided about a row's record: refused, a duplicate, merged."""
    if code == "duplicate":
        return {
            "same_id": QCoreApplication.translate("import", "duplicate of {existing} (the same identifier)"),
            "same_doi": QCoreApplication.translate("import", "duplicate of {existing} (the same DOI {doi})"),
            "same_title": QCoreApplication.translate("import", "duplicate of {existing} (the same title and year)"),
            "near_title": QCoreApplication.translate("import", "duplicate of {existing} (a nearly identical title, the same year)"),
        }.get(str(params.get("why")))
    return {
        "invalid_record": QCoreApplication.translate("import", "{field} cannot be imported as it is ({detail})"),
        "would_merge": QCoreApplication.translate("import", "would be merged into {existing}"),
        "merged": QCoreApplication.translate("import", "merged with {existing}"),
        "already_in_library": QCoreApplication.translate("import", "a record with this identifier is already in the library"),
        "not_stored": QCoreApplication.translate("import", "the library refused it ({detail})"),
    }.get(code)


def _notes(code: str) -> str | None:
    """What a RIS reader noticed about an entry that did not stop it."""
    return {
        "no_end_before_next": QCoreApplication.translate("import", "no ER line before the next entry (line {line})"),
        "stray_text": QCoreApplication.translate("import", "text outside any entry ignored on line(s) {lines}"),
        "unknown_tag": QCoreApplication.translate("import", "unknown tag {tag} (line {line}) ignored"),
        "no_end": QCoreApplication.translate("import", "the file ended without an ER line"),
    }.get(code)
