"""RIS, as Zotero, Mendeley and EndNote write it: ``TAG  - value`` lines, ``TY`` opens an entry
and ``ER`` closes it, long values continue on untagged lines, tags repeat (``AU``, ``KW``).

Tolerant where exporters are sloppy (a BOM, ``\\r\\n``, missing ``ER`` before the next ``TY``,
one space instead of two before the dash, dates like ``2019///``); strict where data would be
lost: an entry with invalid UTF-8 or text outside any entry is reported, the rest goes on.
Tags kmdesk does not know are kept out of the record and named in that entry's report.

kmdesk's own export adds ``ID`` (the record's id), ``M3  - kmdesk:TYPE[/KIND]``, one
``C8  - Local Contexts label: CODE`` line per label, and the fields RIS has no tag for in the
custom tags C1-C7, each value behind a prefix naming it (``C1  - Community: ...``, see
``EXTRA_TAGS``), so a round trip keeps them and another tool's own use of C1-C7 is left alone.
What RIS still cannot carry (text in a second language, other identifiers, consents) is
named by ``dropped`` and listed in the export's report.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from kmdesk.core.io import mapping
from kmdesk.core.io.source import MAX_VALUE, Source, SourceRow, place, problem, read_text, utf8_problem

_LINE = re.compile(r"^([A-Z][A-Z0-9])  ?-(?: (.*)|)$")
LABEL_PREFIX = "Local Contexts label: "
TYPE_PREFIX = "kmdesk:"
KNOWN_TAGS = {
    "TY", "ER", "ID", "T1", "TI", "T2", "T3", "BT", "JO", "JF", "JA", "J1", "J2", "A1", "AU", "A2", "A3", "A4", "ED",
    "AB", "N1", "N2", "KW", "PY", "Y1", "Y2", "DA", "DO", "UR", "L1", "L2", "L3", "L4", "LA", "SN", "PB", "CY",
    "VL", "IS", "SP", "EP", "ET", "M1", "M2", "M3", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "CA", "CN",
    "DB", "DP", "AN", "AD", "LB", "NV", "OP", "RI", "RN", "RP", "SE", "ST", "TT", "TA", "U1", "U2", "U3", "U4", "U5",
    "Y3", "AV", "H1", "H2", "SV", "CR", "OL",
}
MAPPING = {
    "TI": "title", "T1": "title", "AB": "summary", "N2": "summary", "N1": "body", "KW": "keywords",
    "AU": "creators:author", "A1": "creators:author", "A2": "creators:editor", "ED": "creators:editor",
    "A3": "creators:contributor", "PB": "creators:publisher", "PY": "year", "Y1": "year", "DA": "date",
    "DO": "identifiers:doi", "UR": "source_url", "LA": "languages", "SN": "identifiers:isbn",
    "kmdesk-id": "id", "kmdesk-type": "type", "kmdesk-kind": "resource_kind", "kmdesk-labels": "labels",
    "issn": "identifiers:issn",
}
# kmdesk fields without a RIS tag: (tag, prefix of the value) -> mapping target
EXTRA_TAGS = {
    ("C1", "Community: "): "community",
    ("C2", "Country: "): "countries",
    ("C3", "GBF target: "): "gbf_targets",
    ("C4", "GBF goal: "): "gbf_goals",
    ("C5", "Subject: "): "subjects",
    ("C6", "Place: "): "places",
    ("C7", "Licence: "): "licence",
    ("C7", "Knowledge holder: "): "creators:knowledge_holder",
    ("C7", "Access: "): "access.level",
}
MAPPING.update({f"kmdesk-{target}": target for target in EXTRA_TAGS.values()})
TEXT_LANGUAGE = "Text language: "  # a C7 value: the language of TI, AB and N1
_TEXT_TAGS = {"TI": "title", "T1": "title", "AB": "summary", "N2": "summary", "N1": "body"}
_IDENTIFIERS = ("doi", "isbn", "issn")
# RIS reference types -> kmdesk resource kind; everything a reference manager holds is a resource.
_KINDS = {"COMP": "tool", "ELEC": "document", "CASE": "case_study"}
_TYPES_OUT = {"document": "RPRT", "tool": "COMP", "guide": "GEN", "case_study": "CASE", "best_practice": "GEN",
              "lesson_learned": "GEN", None: "GEN"}
_ISSN = re.compile(r"^\d{4}-?\d{3}[\dXx]$")


def read(path: Path) -> Source:
    path = Path(path)
    text = read_text(path)
    entries = list(_entries(text))
    columns = sorted({tag for entry in entries for tag in entry.fields})
    base = {column: MAPPING.get(column, column if ":" in column and mapping.valid_target(column) else mapping.IGNORE)
            for column in columns}
    return Source(path, "ris", columns, base, lambda: iter(entries), extra={"split": False})


def _entries(text: str) -> Iterator[SourceRow]:
    reader = _EntryReader()
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.match(line.rstrip())
        if match is None:
            reader.untagged(number, line)
        else:
            yield from reader.tagged(number, line, match.group(1), (match.group(2) or "").strip())
    yield from reader.end()


class _EntryReader:
    """What reading RIS carries from one line to the next: the open entry, its last tag, and
    that value's continuation lines, joined once the value ends (linear time)."""

    def __init__(self) -> None:
        self.current: SourceRow | None = None
        self.last_tag: str | None = None
        self.continued: list[str] = []  # the parts of the last value after its first line
        self.size = 0  # characters of the last value so far, continuation lines included
        self.too_long = False  # the last value passed MAX_VALUE: it was dropped, its continuation lines are skipped
        self.count = 0
        self.stray: list[int] = []

    def untagged(self, number: int, line: str) -> None:
        """A line without a tag: the last value's continuation inside an entry, stray text outside."""
        current = self.current
        if current is not None and self.last_tag and line.strip():
            if not self.too_long:
                part = line.strip()
                self.continued.append(part)
                self.size += len(part) + 1
                if self.size > MAX_VALUE:
                    self._refuse_long(current, self.last_tag, number)
        elif line.strip():
            self.stray.append(number)
        if current is not None:
            not_utf8(current, line, number)

    def tagged(self, number: int, line: str, tag: str, value: str) -> Iterator[SourceRow]:
        """A ``TAG  - value`` line; yields the entry it closes, if any."""
        self._close_value()
        if tag == "TY":
            yield from self._open(number, value)
            return
        current = self.current
        if current is None:
            self.stray.append(number)
            return
        not_utf8(current, line, number)
        if tag == "ER":
            yield self._finish(current)
            self.current, self.last_tag = None, None
            return
        if tag not in KNOWN_TAGS:
            current.note("unknown_tag", f"unknown tag {tag} (line {number}) ignored", tag=tag, line=number)
        current.fields.setdefault(tag, []).append(value)
        self._start_value(current, tag, value, number)

    def end(self) -> Iterator[SourceRow]:
        """The entry left open at the end of the file, or the report that the file held none."""
        if self.current is not None:
            self.current.note("no_end", "the file ended without an ER line")
            yield self._finish(self.current)
        elif self.stray and self.count == 0:
            yield SourceRow(1, place("line", line=self.stray[0])).fail(
                "no_ris_entry", "no RIS entry found (an entry starts with 'TY  - ')")

    def _open(self, number: int, value: str) -> Iterator[SourceRow]:
        """A ``TY`` line opens an entry, closing the one before when its ``ER`` is missing."""
        if self.current is not None:
            self.current.note("no_end_before_next", f"no ER line before the next entry (line {number})", line=number)
            yield self._finish(self.current)
        self.count += 1
        current = self.current = SourceRow(self.count, place("entry", entry=self.count, line=number), {"TY": [value]})
        if self.stray:
            lines = ", ".join(map(str, self.stray[:5]))
            current.note("stray_text", f"text outside any entry ignored on line(s) {lines}", lines=lines)
            self.stray = []
        self._start_value(current, "TY", value, number)

    def _start_value(self, entry: SourceRow, tag: str, value: str, number: int) -> None:
        self.last_tag = tag
        self.size = len(value)
        if self.size > MAX_VALUE:
            self._refuse_long(entry, tag, number)

    def _close_value(self) -> None:
        if self.continued and self.current is not None and self.last_tag and not self.too_long:
            values = self.current.fields[self.last_tag]
            values[-1] = " ".join([values[-1], *self.continued])
        self.continued.clear()
        self.size, self.too_long = 0, False

    def _refuse_long(self, entry: SourceRow, tag: str, number: int) -> None:
        """The value just read is over the limit: drop it (never held whole, never imported) and
        fail its entry, naming the tag, the line and the limit."""
        self.too_long = True
        entry.fields[tag].pop()
        self.continued.clear()
        if not entry.error:
            entry.problem = problem("value_too_long", f"{entry.label}, line {number}: the {tag} value is longer than "
                                    f"{MAX_VALUE // 1024} KB (the limit); the entry was not imported",
                                    line=number, tag=tag, limit_kb=MAX_VALUE // 1024)

    def _finish(self, entry: SourceRow) -> SourceRow:
        self._close_value()
        _derive(entry)
        return entry


def not_utf8(entry: SourceRow, line: str, number: int) -> None:
    """The entry's first problem, if it has none yet: ``line`` (its ``number``) is not UTF-8."""
    found = utf8_problem(line)
    if found and not entry.error:
        entry.problem = problem(found.code, f"{entry.label}, line {number}: {found.message}", line=number, **found.params)


def _derive(entry: SourceRow) -> None:
    """kmdesk's own tags and the RIS type become mappable fields."""
    fields = entry.fields
    kind = _KINDS.get((fields.get("TY") or [""])[0].upper(), "document")
    for value in fields.get("M3", []):
        if value.startswith(TYPE_PREFIX):
            rtype, _, kind_out = value[len(TYPE_PREFIX):].partition("/")
            fields["kmdesk-type"] = [rtype]
            kind = kind_out or ""
    fields["kmdesk-kind"] = [kind] if fields.get("kmdesk-type", ["resource"])[0] == "resource" and kind else []
    for value in fields.get("ID", []):
        try:
            fields["kmdesk-id"] = [str(uuid.UUID(value))]
        except ValueError:
            if "kmdesk-type" in fields:  # kmdesk's own entry: its id whatever its form
                fields["kmdesk-id"] = [value]
    for (tag, prefix), target in EXTRA_TAGS.items():
        values = [v[len(prefix):] for v in fields.get(tag, []) if v.startswith(prefix)]
        if values:
            fields[f"kmdesk-{target}"] = values
    language = next((v[len(TEXT_LANGUAGE):] for v in fields.get("C7", []) if v.startswith(TEXT_LANGUAGE)), None)
    if language and mapping.valid_target(f"title:{language}"):  # kmdesk said which language the text is in
        for tag, target in _TEXT_TAGS.items():
            if tag in fields:
                fields.setdefault(f"{target}:{language}", []).extend(fields.pop(tag))
    labels = [v[len(LABEL_PREFIX):] for v in fields.get("C8", []) if v.startswith(LABEL_PREFIX)]
    if labels:
        fields["kmdesk-labels"] = labels
    serials = fields.pop("SN", [])
    isbn = [s for s in serials if not _ISSN.match(s)]
    issn = [s for s in serials if _ISSN.match(s)]
    if isbn:
        fields["SN"] = isbn
    if issn:
        fields["issn"] = issn
    for name in [n for n, v in fields.items() if not v]:
        del fields[name]


# -- export ---------------------------------------------------------------------------------
def _lines(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    kind = record.get("resource_kind")
    lang = next(iter(record.get("title") or {}), "en")
    yield "TY", _TYPES_OUT.get(kind, "GEN")
    yield "ID", record["id"]
    yield "M3", f"{TYPE_PREFIX}{record['type']}" + (f"/{kind}" if kind else "")
    yield from _reference_lines(record, lang)
    yield from _kmdesk_lines(record, lang)
    yield "ER", ""


def _reference_lines(record: dict[str, Any], lang: str) -> Iterator[tuple[str, str]]:
    """The tags every reference manager reads, the texts in the first title's language ``lang``."""
    yield "TI", (record.get("title") or {}).get(lang, "")
    tags = {"author": "AU", "editor": "A2", "contributor": "A3", "publisher": "PB"}
    for creator in record.get("creators") or []:
        if creator["role"] in tags:
            yield tags[creator["role"]], creator["name"]
    if (record.get("summary") or {}).get(lang):
        yield "AB", record["summary"][lang]
    if (record.get("body") or {}).get(lang):
        yield "N1", record["body"][lang]
    for keyword in record.get("keywords") or []:
        yield "KW", keyword
    if record.get("date"):
        yield "PY", record["date"][:4]
        yield "DA", record["date"].replace("-", "/")
    identifiers = record.get("identifiers") or {}
    if identifiers.get("doi"):
        yield "DO", identifiers["doi"]
    for scheme in ("isbn", "issn"):
        if identifiers.get(scheme):
            yield "SN", identifiers[scheme]
    if record.get("source_url"):
        yield "UR", record["source_url"]
    for language in record.get("languages") or []:
        yield "LA", language


def _kmdesk_lines(record: dict[str, Any], lang: str) -> Iterator[tuple[str, str]]:
    """kmdesk's labels, text language and fields without a RIS tag, in C1-C8 behind their prefixes."""
    for code in record.get("labels") or []:
        yield "C8", LABEL_PREFIX + code
    yield "C7", TEXT_LANGUAGE + lang
    for (tag, prefix), target in EXTRA_TAGS.items():
        name, _, role = target.partition(":")
        if role:
            values = [c["name"] for c in record.get("creators") or [] if c["role"] == role]
        elif target == "access.level":  # so that public traditional knowledge stays public
            values = [level] if (level := (record.get("access") or {}).get("level")) else []
        else:
            value = record.get(name)
            values = value if isinstance(value, list) else [value] if value else []
        for value in values:
            yield tag, f"{prefix}{value}"


def dropped(record: dict[str, Any]) -> list[str]:
    """What of ``record`` a RIS entry cannot carry: text in languages other than the first
    title's, identifiers other than DOI/ISBN/ISSN, and consents."""
    lang = next(iter(record.get("title") or {}), "en")
    lost = [f"{field} in a second language" for field in ("title", "summary", "body")
            if any(tag != lang for tag in record.get(field) or {})]
    lost += [f"identifier {scheme}" for scheme in record.get("identifiers") or {} if scheme not in _IDENTIFIERS]
    return lost + (["consents"] if record.get("consents") else [])


def write(records: Iterable[dict[str, Any]], fh: TextIO) -> int:
    count = 0
    for record in records:
        for tag, value in _lines(record):
            value = " ".join(value.split())  # RIS values are one line
            fh.write(f"{tag}  - {value}".rstrip() + "\r\n" if tag == "ER" else f"{tag}  - {value}\r\n")
        fh.write("\r\n")
        count += 1
    return count
