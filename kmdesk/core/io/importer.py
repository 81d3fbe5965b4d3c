"""The import pipeline every format shares: open (by extension or content), preview the first
rows mapped to fields, then import with a row-by-row report, duplicate handling and one
transaction (``library.imports.records``): a cancel, an error or a crash leaves the library as
it was.

Duplicates are found against the library and earlier rows of the same file by the record id,
the DOI, or a near-identical title with the same year (titles compared after folding case,
accents and punctuation; near means ``difflib`` ratio >= 0.92 among titles sharing their first
letters, numbers and year). The person chooses: ``skip`` it, ``merge`` it into the existing record
(missing languages, list values and empty fields are added; nothing is overwritten), or
``keep`` both (the newcomer gets a fresh id).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.core.errors import Cancelled, InvalidRecord, KmdeskError
from kmdesk.core.io import bibtex_format, chm_json, csv_format, library_file, mapping, ris_format, xlsx_format
from kmdesk.core.io.import_report import ReportRows, located
from kmdesk.core.io.source import ImportFileError, Place, Problem, Source, SourceRow, place, problem
from kmdesk.core.malloc_arenas import give_back
from kmdesk.core.store import records as rec
from kmdesk.core.store import text as txt

if TYPE_CHECKING:
    from kmdesk.core.io.import_manager import Outcome
    from kmdesk.core.store.library import Library

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
FORMATS = ("csv", "xlsx", "ris", "bibtex", "chm", "kmd", "json")
_EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".ris": "ris", ".bib": "bibtex", ".bibtex": "bibtex",
               ".kmd": "kmd", ".json": "json", ".chm": "chm"}
DUPLICATE_CHOICES = ("skip", "merge", "keep")
_NEAR = 0.92


def _never() -> bool:
    return False


def detect(path: Path) -> str:
    """The format of ``path``: by extension; a ``.json`` is a kmdesk library file when it says
    so and a CHM document otherwise."""
    fmt = _EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ImportFileError(f"{path}: unknown file type; pass the format ({', '.join(FORMATS)})", path=str(path))
    if fmt == "json":
        with Path(path).open("rb") as fh:
            head = fh.read(4096)
        if b'"kmdesk-library"' not in head:
            return "chm"
    return fmt


def open_source(path: Path, fmt: str | None = None, *, passphrase: str | None = None) -> Source:
    """Open an import file; ``passphrase`` opens the records a custodian sealed into an archive."""
    path = Path(path)
    if not path.exists():
        raise ImportFileError(f"{path}: no such file", path=str(path))
    fmt = fmt or detect(path)
    if fmt == "csv":
        return csv_format.read(path)
    if fmt == "xlsx":
        return xlsx_format.read(path)
    if fmt == "ris":
        return ris_format.read(path)
    if fmt == "bibtex":
        return bibtex_format.read(path)
    if fmt == "chm":
        return chm_json.read(path)
    if fmt == "json":
        data = library_file.read(path)
        rows = [SourceRow(i, place("record", record=i), record=r) for i, r in enumerate(data["records"], start=1)]
        return Source(path, "json", [], {}, lambda: iter(rows), fixed=True, extra={"library": data})
    if fmt == "kmd":
        from kmdesk.core.io import archive

        return archive.read(path, passphrase)
    raise ImportFileError(f"unknown import format {fmt!r} (one of {', '.join(FORMATS)})")


def load_mapping(path: Path) -> dict[str, str]:
    """A column mapping file: ``{"Column header": "target", ...}`` (targets as in ``mapping``)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImportFileError(f"{path}: not a readable JSON mapping ({exc})", path=str(path)) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ImportFileError(f"{path}: a mapping is a JSON object of column -> field", path=str(path))
    bad = [v for v in data.values() if v and not mapping.valid_target(v)]
    if bad:
        raise ImportFileError(f"{path}: {bad[0]!r} is not a field to map to", path=str(path))
    return data


def candidate(source: Source, row: SourceRow, column_map: dict[str, str], lang: str) -> dict[str, Any]:
    """The record a row becomes under ``column_map`` (not yet validated)."""
    if row.record is not None:
        if not isinstance(row.record, dict):
            raise InvalidRecord(f"expected a record object, found {type(row.record).__name__}")
        _check_carried(row.record)
        return dict(row.record)
    return mapping.to_record(row.fields, column_map, lang=lang, split=source.extra.get("split", True))


def _check_carried(record: dict[str, Any]) -> None:
    """What a kmdesk file carries beside the fields (revision, timestamps, history) has the
    shape the store writes, and its text passes the text boundary; else a row error."""
    revision = record.get("revision")
    if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int) or revision < 1):
        raise InvalidRecord("revision: expected a whole number from 1", field="revision")
    for name in ("created_at", "updated_at"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise InvalidRecord(f"{name}: expected a date and time", field=name)
    history = record.get("history")
    if history is None:
        return
    if not isinstance(history, list):
        raise InvalidRecord("history: expected a list of changes", field="history")
    for number, entry in enumerate(history, start=1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("at", "by", "action")) \
                or not isinstance(entry.get("changes") or {}, dict):
            raise InvalidRecord(f"history: change {number} needs \"at\", \"by\", \"action\" and \"changes\"",
                                field="history")
        if txt.repair(entry) is not entry:
            raise InvalidRecord(f"history: change {number} holds text that cannot be stored (a lone surrogate or "
                                "a control character)", field="history")


def refused(row_place: Place, exc: KmdeskError) -> Problem:
    """A row the core refused, as a row's problem: ``exc``'s code and params (e.g. the
    ``field``), and its English words as ``detail``."""
    return problem(exc.code, f"{row_place}: {exc}", **{**exc.params, "detail": str(exc)})


def preview(source: Source, column_map: dict[str, str] | None = None, *, limit: int = 10,
            lang: str = "en") -> list[dict[str, Any]]:
    """The first ``limit`` rows as records under the mapping, each with its problem if any."""
    column_map = source.mapping if column_map is None else column_map
    out: list[dict[str, Any]] = []
    for row in source.rows():
        if len(out) >= limit:
            break
        found = row.problem
        record = None
        if found is None:
            try:
                made = candidate(source, row, column_map, lang)
                record = {**rec.normalize(made), **({"id": made["id"]} if made.get("id") else {})}
            except KmdeskError as exc:
                found = refused(row.place, exc)
        entry = {**located(row.number, row.place, found, row.notes), "fields": row.fields}
        if record is not None:
            entry["record"] = record
        out.append(txt.readable(entry))  # a bad byte in a file is shown as U+FFFD, never printed raw
    return out


_ASCII_GAPS = re.compile(r"[^0-9a-z]+")
_FOLD_HELD = 65_536


class _TitleFold(dict[int, str | None]):
    """``str.translate``'s table for ``title_key``, filled as characters are met (up to
    ``_FOLD_HELD`` of them): a combining mark goes, a letter or digit stays, anything else is a gap."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = None if unicodedata.combining(char) else char if char.isalnum() else " "
        if len(self) < _FOLD_HELD:
            self[code] = value
        return value


_TITLE_FOLD = _TitleFold()


@lru_cache(maxsize=256)
def title_key(title: str) -> str:
    """A title folded for comparison; cached, as ``find`` and then ``add`` fold the same titles.
    An ASCII title (most of them) needs no Unicode folding: a regex does what the table does."""
    if title.isascii():
        return _ASCII_GAPS.sub(" ", title.lower()).strip()
    return " ".join(unicodedata.normalize("NFKD", title.casefold()).translate(_TITLE_FOLD).split())


def _numbers(key: str) -> list[str]:
    return re.findall(r"\d+", key)


def _closest(key: str, entries: list[str], skip: int) -> str | None:
    """``difflib``'s closest to ``key`` at ``_NEAR`` or more of the keys in ``entries`` (each
    after its first ``skip`` characters) with the same numbers ("Report 1" and "Report 10" are
    different works). difflib's own first two tests (lengths, then characters shared) are made
    here first, the second with ``Counter``s rather than difflib's loop over characters in
    Python: a year's bucket of titles grows with the file, and with none left difflib is not asked."""
    lengths = _near_lengths(len(key))
    keys = [entry[skip:] for entry in entries if len(entry) - skip in lengths]
    numbers, letters = _numbers(key), _letters(key)
    fit = [k for k in keys if 2.0 * _shared(letters, k) / (len(k) + len(key)) >= _NEAR and _numbers(k) == numbers]
    close = difflib.get_close_matches(key, fit, n=1, cutoff=_NEAR) if fit else []
    return close[0] if close else None


@lru_cache(maxsize=512)
def _near_lengths(length: int) -> frozenset[int]:
    """The lengths a key may have to reach ``_NEAR`` with a key of ``length`` (difflib's
    ``real_quick_ratio``)."""
    return frozenset(n for n in range(1, 2 * length + 2) if 2.0 * min(n, length) / (n + length) >= _NEAR)


def _shared(letters: Counter[str], text: str) -> int:
    """How many characters ``text`` shares with the text counted in ``letters``, repeats
    included: the matches of difflib's ``quick_ratio``."""
    counts = _letters(text)
    return sum(map(min, counts.values(), map(letters.get, counts, repeat(0))))


@lru_cache(maxsize=1024)
def _letters(text: str) -> Counter[str]:
    """The characters of a title key, counted; cached, as the titles of a crowded bucket (a year's
    titles that begin with a common word) are compared with every newcomer to it."""
    return Counter(text)


@dataclass
class Duplicates:
    """What the library (and the file so far) already holds, by id, DOI and title+year.

    It is held to the end of an import, one entry per title: a title is kept once, as
    ``"year|key"`` mapped to its record's id, and listed in its bucket (``"year|first four
    letters"``) for near matches: most buckets hold one title, kept as that same string, so a
    100,000-row file costs a few hundred bytes a row (bench/README.md, "Import, fourth round")."""

    ids: set[str] = field(default_factory=set)
    dois: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    buckets: dict[str, str | list[str]] = field(default_factory=dict)

    def add(self, record: dict[str, Any], record_id: str | None = None) -> None:
        """Know ``record`` (under ``record_id`` when given: the id it is imported as)."""
        record_id = record_id or record["id"]
        self.ids.add(record_id)
        doi = (record.get("identifiers") or {}).get("doi")
        if doi:
            self.dois.setdefault(mapping.normalise_doi(doi), record_id)
        year = self._year(record)
        for title in (record.get("title") or {}).values():
            key = title_key(title)
            entry = f"{year}{key}"
            if key and entry not in self.titles:
                self.titles[entry] = record_id
                # most buckets hold one title: that title's own string, a list only from the second
                bucket = self.buckets.setdefault(f"{year}{key[:4]}", entry)
                if bucket is not entry:
                    if isinstance(bucket, str):
                        self.buckets[f"{year}{key[:4]}"] = bucket = [bucket]
                    bucket.append(entry)

    def forget(self) -> None:
        """Know nothing more: once the file is read, its keys would only stay alive through the
        indexing and the sealing of the private index, the import's peak of memory."""
        self.ids, self.dois, self.titles, self.buckets = set(), {}, {}, {}

    @staticmethod
    def _year(record: dict[str, Any]) -> str:
        """The prefix of a title's entries: its record's year and a separator."""
        return str(record.get("date") or "")[:4] + "|"

    def find(self, record: dict[str, Any]) -> tuple[str, str, dict[str, str]] | None:
        """(existing id, why, its params) when ``record`` duplicates one already known; why is
        a key of ``DUPLICATE_WHY``."""
        if record.get("id") in self.ids:
            return record["id"], "same_id", {}
        doi = (record.get("identifiers") or {}).get("doi")
        if doi and mapping.normalise_doi(doi) in self.dois:
            return self.dois[mapping.normalise_doi(doi)], "same_doi", {"doi": mapping.normalise_doi(doi)}
        year = self._year(record)
        for title in (record.get("title") or {}).values():
            key = title_key(title)
            if not key:
                continue
            if f"{year}{key}" in self.titles:
                return self.titles[f"{year}{key}"], "same_title", {}
            found = self.buckets.get(f"{year}{key[:4]}", [])
            bucket = [found] if isinstance(found, str) else found
            close = _closest(key, bucket, len(year)) if len(bucket) < 500 else None
            if close:
                return self.titles[f"{year}{close}"], "near_title", {}
        return None

    @classmethod
    def of(cls, library: Library) -> Duplicates:
        found = cls()
        for record in library.records.iter_all():
            found.add(record)
        return found


def merge_fields(existing: dict[str, Any], incoming: dict[str, Any]) -> dict[str, Any]:
    """The changes that merge ``incoming`` into ``existing`` without overwriting anything:
    new languages of text fields, new list values, identifiers and empty fields filled."""
    incoming = rec.normalize(incoming)
    changes: dict[str, Any] = {}
    for name in mapping.TEXT_TARGETS:
        merged = {**incoming.get(name, {}), **(existing.get(name) or {})}
        if merged != existing.get(name):
            changes[name] = merged
    for name in rec.LIST_FIELDS + ("creators",):
        current = list(existing.get(name) or [])
        added = [v for v in incoming.get(name) or [] if v not in current]
        if added:
            changes[name] = current + added
    identifiers = {**incoming.get("identifiers", {}), **(existing.get("identifiers") or {})}
    if identifiers != existing.get("identifiers"):
        changes["identifiers"] = identifiers
    for name in ("resource_kind", "community", "date", "licence", "source_url"):
        if not existing.get(name) and incoming.get(name):
            changes[name] = incoming[name]
    return changes


# Why a row is a duplicate (``Duplicates.find``), in English.
DUPLICATE_WHY = {"same_id": "same id", "same_doi": "same DOI {doi}", "same_title": "same title and year",
                 "near_title": "near-identical title and same year"}


def _outcome_problem(where: Place, status: str, record_id: str, reason: str | None) -> Problem | None:
    """What the store said of a row (``library.imports.records``), as the row's problem."""
    if status == "error":
        return problem("not_stored", f"{where}: {reason}", detail=reason or "")
    if status == "merged":
        return problem("merged", reason or "", existing=record_id)
    if status == "skipped":
        return problem("already_in_library", reason or "", existing=record_id)
    return None


def run(library: Library, source: Source, *, column_map: dict[str, str] | None = None, on_duplicate: str = "skip",
        lang: str = "en", dry_run: bool = False, progress: Progress | None = None,
        cancel: CancelToken = _never) -> dict[str, Any]:
    """Import ``source``; returns ``{"file", "format", "dry_run", "rows": [...], "counts": {...}}``
    with one row per row or entry: imported / merged / skipped (with the reason) / error.

    Rows stream from the file into the store's one transaction as they are read and checked, so
    a 100,000-row file never sits in memory as records (``progress`` then has no total)."""
    if on_duplicate not in DUPLICATE_CHOICES:
        raise ImportFileError(f"on duplicate: choose one of {', '.join(DUPLICATE_CHOICES)}")
    column_map = source.mapping if column_map is None else column_map
    library_data = source.extra.get("library") or {}  # a library file's communities and protocols
    known = Duplicates.of(library)
    rows = ReportRows()
    slots = array("q")  # position in ``rows`` of each item given to the store
    merges: dict[int, tuple[str, Any]] = {}

    def items() -> Iterator[dict[str, Any]]:
        for row in source.rows():
            if cancel():
                raise Cancelled()
            line = rows.add(row.number, row.place, row.problem, row.notes)
            if row.problem:
                continue
            try:
                record = candidate(source, row, column_map, lang)
                record = {**record, **rec.normalize(record)}  # duplicates are found on the tidy values
            except KmdeskError as exc:
                rows.settle(line, "error", refused(row.place, exc))
                continue
            if "id" not in record:  # a fresh id made only for a row without one (not setdefault)
                record["id"] = rec.new_id()
            record_id = record["id"]
            duplicate = known.find(record)
            if duplicate:
                existing, why, params = duplicate
                if on_duplicate == "skip":
                    rows.settle(line, "skipped", problem("duplicate", f"duplicate of {existing} "
                                                         f"({DUPLICATE_WHY[why].format(**params)})",
                                                         existing=existing, why=why, **params), record_id)
                    continue
                if on_duplicate == "merge":
                    merges[len(slots)] = (existing, merge_fields)
                    record_id = existing
                elif existing == record["id"] or record["id"] in known.ids:
                    record["id"] = record_id = rec.new_id()
            known.add(record, record_id)
            rows.settle(line, "imported", None, record_id)
            slots.append(line)
            yield record
        known.forget()  # the file is read: its keys need not stay while its records are indexed
        give_back()  # nor their memory: the commit's native work comes next, in arenas of its own

    if not dry_run:
        finish = source.extra["finish"](library) if "finish" in source.extra else None
        outcome = library.imports.records(items(), progress=progress, cancel=cancel, merges=merges,
                                          finish=finish, structure=library_data, normalized=True)
        _report_outcome(rows, slots, outcome)
    else:
        for _ in items():
            pass
        _report_merges(rows, slots, merges)
    return {"file": str(source.path), "format": source.format, "dry_run": dry_run, "rows": rows,
            "counts": rows.counts()}


def _report_outcome(rows: ReportRows, slots: array[int], outcome: list[Outcome]) -> None:
    """Write what the store did with each item given to it into that item's line of the report."""
    for slot, result in zip(slots, outcome, strict=True):
        rows.settle(slot, result.status, _outcome_problem(rows.place(slot), result.status, result.id, result.reason),
                    result.id)


def _report_merges(rows: ReportRows, slots: array[int], merges: dict[int, tuple[str, Any]]) -> None:
    """Mark the rows a dry run would merge into an existing record, naming that record."""
    for index, slot in enumerate(slots):
        if index in merges:
            rows.settle(slot, "merged", problem("would_merge", f"would merge into {merges[index][0]}",
                                                existing=merges[index][0]))
