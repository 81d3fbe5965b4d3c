"""BibTeX, as Zotero, Mendeley and JabRef write it, read by a small tolerant parser.

Each entry is parsed on its own: the text is cut at every line that starts with ``@``, so an
entry with broken braces or quotes is reported (naming its key and line) and the next one is
read normally. ``@string`` macros, ``#`` concatenation, bare numbers and month macros work;
common LaTeX accents and escapes become Unicode. (The available libraries either stop at the
first error or rewrite the input; a few dozen lines keep every entry's fate visible.)

kmdesk's own export adds ``kmdesk_*`` fields for what BibTeX has no field for (id, type, kind,
community, access level, countries, places, GBF goals and targets, subjects, knowledge holders,
contributors) and ``lc_labels``. Lists are joined by ``; `` (a value holding ``;`` is read as a ``;`` list,
else as a ``,`` list, as reference managers write keywords). What BibTeX still cannot carry is
named by ``dropped`` and listed in the export's report.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from kmdesk.core.io import mapping
from kmdesk.core.io.source import MAX_VALUE, Source, SourceRow, place, read_text, utf8_problem

_START = re.compile(r"^[ \t]*@", re.MULTILINE)
_HEAD = re.compile(r"@\s*([A-Za-z]+)\s*([{(])", re.DOTALL)
_NAME = re.compile(r"\s*([A-Za-z][\w\-:.+/]*)\s*=\s*", re.DOTALL)
_KEY = re.compile(r"\s*([^,\s]*)")  # an entry's key, read back to name a broken entry
MONTHS = {m: f"{i:02d}" for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                                 "nov", "dec"), start=1)}
MAPPING = {
    "title": "title", "abstract": "summary", "note": "body", "annote": "body", "keywords": "keywords",
    "author": "creators:author", "editor": "creators:editor", "publisher": "creators:publisher", "year": "year",
    "date": "date", "doi": "identifiers:doi", "isbn": "identifiers:isbn", "issn": "identifiers:issn",
    "url": "source_url", "langid": "languages", "language": "languages", "kmdesk_id": "id",
    "kmdesk_type": "type", "kmdesk_kind": "resource_kind", "lc_labels": "labels", "kmdesk_countries": "countries",
    "kmdesk_targets": "gbf_targets", "copyright": "licence", "kmdesk_community": "community",
    "kmdesk_access": "access.level", "kmdesk_places": "places", "kmdesk_goals": "gbf_goals", "kmdesk_subjects": "subjects",
    "kmdesk_holders": "creators:knowledge_holder", "kmdesk_contributors": "creators:contributor",
}
_LISTS = ("keywords", "lc_labels", "kmdesk_countries", "kmdesk_targets", "langid", "language", "kmdesk_places",
          "kmdesk_goals", "kmdesk_subjects")
_NAMES = ("author", "editor", "kmdesk_holders", "kmdesk_contributors")
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "c": "\u0327", "v": "\u030c",
            "=": "\u0304", ".": "\u0307", "u": "\u0306", "H": "\u030b", "r": "\u030a", "k": "\u0328"}
_SYMBOLS = {"ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
            "l": "ł", "L": "Ł", "i": "ı", "textendash": "–", "textemdash": "—", "textquoteright": "’",
            "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”", "textbackslash": "\\",
            "textasciitilde": "~"}


_VERBATIM = ("url", "doi", "kmdesk_id")
# A value (a field or an @string macro) may not grow longer than ``MAX_VALUE`` by expanding
# macros and '#' concatenation: a few hundred bytes of nested @string lines would otherwise
# take gigabytes. RIS values have the same limit.


class _Broken(Exception):
    pass


def read(path: Path) -> Source:
    path = Path(path)
    text = read_text(path)
    entries = list(_entries(text))
    columns = sorted({name for entry in entries for name in entry.fields})
    base = {column: MAPPING.get(column, column if ":" in column and mapping.valid_target(column) else mapping.IGNORE)
            for column in columns}
    return Source(path, "bibtex", columns, base, lambda: iter(entries), extra={"split": False})


def _entries(text: str) -> Iterator[SourceRow]:
    starts = [m.start() for m in _START.finditer(text)]
    macros: dict[str, str] = dict(MONTHS)
    # @string macros that were refused, by name -> why: a value using one is refused too. Read as
    # an undefined macro, its name would become the literal text (a title "a9"), and a bomb's
    # next level would build on that instead of stopping.
    refused: dict[str, str] = {}
    number = 0
    for i, start in enumerate(starts):
        chunk = text[start:starts[i + 1] if i + 1 < len(starts) else len(text)]
        line = text.count("\n", 0, start) + 1
        head = _HEAD.match(chunk.lstrip())
        kind = head.group(1).lower() if head else ""
        if kind in ("comment", "preamble"):
            continue
        if head is not None and kind == "string":
            body = chunk.lstrip()[head.end():]
            try:
                name, value = _parse_string(body, macros, refused)
                macros[name] = value
                refused.pop(name, None)
            except _Broken as exc:
                number += 1
                named = _NAME.match(body)
                if named:
                    macros.pop(named.group(1).lower(), None)  # a refused redefinition leaves no stale value
                    refused[named.group(1).lower()] = f"refused at line {line}: {exc}"
                yield SourceRow(number, place("string", line=line)).fail(
                    "macro_refused", f"{exc}; the macro was not defined", detail=str(exc))
            continue
        number += 1
        not_utf8 = utf8_problem(chunk)
        if head is None:
            yield SourceRow(number, place("entry", entry=number, line=line)).fail(
                "entry_start", "expected '@type{key,' after '@'")
            continue
        try:
            key, fields = _parse_body(chunk.lstrip()[head.end():], head.group(2), macros, refused)
        except _Broken as exc:
            key = found.group(1) if (found := _KEY.match(chunk.lstrip()[head.end():])) else ""
            yield SourceRow(number, place("keyed_entry", entry=number, key=key, line=line)).fail(
                "entry_broken", f"{exc}; the entry was skipped", detail=str(exc))
            continue
        row = SourceRow(number, place("keyed_entry", entry=number, key=key, line=line))
        if not_utf8:
            yield row.fail(not_utf8.code, not_utf8.message, **not_utf8.params)
            continue
        fields["entrytype"] = [kind]
        language = fields.pop("kmdesk_lang", [""])[0]
        if language and mapping.valid_target(f"title:{language}"):  # kmdesk said which language the text is in
            for name, target in (("title", "title"), ("abstract", "summary"), ("note", "body")):
                if name in fields:
                    fields[f"{target}:{language}"] = fields.pop(name)
        row.fields = {k: v for k, v in fields.items() if v and v[0]}
        _split_lists(row)
        yield row


def _braced(text: str, pos: int, close: str) -> tuple[str, int]:
    """The text up to the matching ``close`` from ``pos`` (just after the opening), nesting braces."""
    depth = 0
    i = pos
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                if close == "}":
                    return text[pos:i], i + 1
                raise _Broken(f"unbalanced '}}' at character {i}")
            depth -= 1
        elif char == close and depth == 0 and close != "}":
            return text[pos:i], i + 1
        i += 1
    raise _Broken("a brace or quote is never closed")


def _value(text: str, pos: int, macros: dict[str, str], refused: dict[str, str]) -> tuple[str, int]:
    parts = []
    length = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            raise _Broken("a field has no value")
        char = text[pos]
        if char == "{":
            part, pos = _braced(text, pos + 1, "}")
        elif char == '"':
            part, pos = _braced(text, pos + 1, '"')
        else:
            match = re.match(r"[\w\-:.+/]+", text[pos:])
            if not match:
                raise _Broken(f"unexpected {char!r} where a value should be")
            word = match.group(0)
            if word.lower() in refused:
                raise _Broken(f"it uses the macro {word!r}, which was {refused[word.lower()]}")
            part = macros.get(word.lower(), word)
            pos += len(word)
        parts.append(part)
        length += len(part)
        if length > MAX_VALUE:
            raise _Broken(f"a value longer than {MAX_VALUE // 1024} KB once its macros are expanded (the limit)")
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos < len(text) and text[pos] == "#":
            pos += 1
            continue
        return "".join(parts), pos


def _parse_body(body: str, opener: str, macros: dict[str, str],
                refused: dict[str, str]) -> tuple[str, dict[str, list[str]]]:
    close = "}" if opener == "{" else ")"
    key_match = re.match(r"\s*([^,\s{}()]*)\s*,", body)
    if not key_match:
        raise _Broken("the citation key is missing or not followed by ','")
    key, pos = key_match.group(1), key_match.end()
    fields: dict[str, list[str]] = {}
    while True:
        while pos < len(body) and (body[pos].isspace() or body[pos] == ","):
            pos += 1
        if pos < len(body) and body[pos] == close:
            if body[pos + 1:].strip() and not body[pos + 1:].lstrip().startswith("%"):
                raise _Broken(f"text after the closing '{close}'")
            return key, fields
        name = _NAME.match(body, pos)
        if not name:
            if pos >= len(body):
                raise _Broken(f"the entry is never closed with '{close}'")
            raise _Broken(f"expected 'name = value' at {body[pos:pos + 20]!r}")
        value, pos = _value(body, name.end(), macros, refused)
        field = name.group(1).lower()
        fields[field] = [" ".join(value.split()) if field in _VERBATIM else delatex(value)]


def _parse_string(body: str, macros: dict[str, str], refused: dict[str, str]) -> tuple[str, str]:
    name = _NAME.match(body)
    if not name:
        raise _Broken("bad @string")
    value, _ = _value(body, name.end(), macros, refused)
    return name.group(1).lower(), value


def delatex(value: str) -> str:
    r"""``{\'e}`` -> é, ``\&`` -> &, protective braces dropped, whitespace collapsed."""
    def accent(match: re.Match[str]) -> str:
        return unicodedata.normalize("NFC", match.group(2) + _ACCENTS[match.group(1)])

    value = re.sub(r"(\\[`'^\"~=.])\s*\{?\\([ij])\}?", r"\1{\2}", value)  # {\'\i}: an accent on a dotless i
    value = re.sub(r"\\([`'^\"~=.])\s*\{?([A-Za-z])\}?", accent, value)
    value = re.sub(r"\\([cvuHrk])\s*\{([A-Za-z])\}", accent, value)
    value = re.sub(r"\\([cvuHrk]) ([A-Za-z])", accent, value)
    value = value.replace("~", "\u00a0")  # a tie; an escaped tilde comes from the symbol below
    value = re.sub(r"\\([A-Za-z]+)\b\s*(?:\{\})?", lambda m: _SYMBOLS.get(m.group(1), m.group(0)), value)
    value = re.sub(r"\\([&%$#_])", r"\1", value).replace("\\{", "\x00").replace("\\}", "\x01")
    value = value.replace("--", "–").replace("{", "").replace("}", "")
    value = value.replace("\x00", "{").replace("\x01", "}")
    return " ".join(value.split())


def _split_lists(row: SourceRow) -> None:
    for name in _NAMES:
        if name in row.fields:
            row.fields[name] = [_name(n) for n in re.split(r"\s+and\s+", row.fields[name][0]) if n.strip()]
    for name in _LISTS:
        if name in row.fields:
            value = row.fields[name][0]
            row.fields[name] = [v.strip() for v in value.split(";" if ";" in value else ",") if v.strip()]


def _name(text: str) -> str:
    return " ".join(text.split())


# -- export ---------------------------------------------------------------------------------
_ESCAPE = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
           "~": r"\textasciitilde{}"}


def escape(text: str) -> str:
    """``text`` as BibTeX reads it back: specials escaped, ``--`` kept from becoming a dash,
    whitespace on one line (a value's line breaks mean nothing in BibTeX, and a line starting
    with ``@`` would begin an entry)."""
    return "-{}-".join("".join(_ESCAPE.get(char, char) for char in part) for part in " ".join(text.split()).split("--"))


def _fields(record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """The entry's fields: BibTeX's own, then kmdesk's, which bring the record back whole."""
    lang = next(iter(record.get("title") or {}), "en")
    yield from _bibtex_fields(record, lang)
    yield from _kmdesk_fields(record, lang)


def _bibtex_fields(record: dict[str, Any], lang: str) -> Iterator[tuple[str, str]]:
    """The fields every BibTeX reader knows, the texts in the first title's language ``lang``."""
    yield "title", (record.get("title") or {}).get(lang, "")
    for role, name in (("author", "author"), ("editor", "editor")):
        names = [c["name"] for c in record.get("creators") or [] if c["role"] == role]
        if names:
            yield name, " and ".join(names)
    publishers = [c["name"] for c in record.get("creators") or [] if c["role"] == "publisher"]
    if publishers:
        yield "publisher", publishers[0]
    if record.get("date"):
        yield "year", record["date"][:4]
        yield "date", record["date"]
    for name, field in (("abstract", "summary"), ("note", "body")):
        if (record.get(field) or {}).get(lang):
            yield name, record[field][lang]
    if record.get("keywords"):
        yield "keywords", "; ".join(record["keywords"])
    for scheme in ("doi", "isbn", "issn"):
        if (record.get("identifiers") or {}).get(scheme):
            yield scheme, record["identifiers"][scheme]
    if record.get("source_url"):
        yield "url", record["source_url"]
    if record.get("languages"):
        yield "langid", ", ".join(record["languages"])
    if record.get("licence"):
        yield "copyright", record["licence"]


def _kmdesk_fields(record: dict[str, Any], lang: str) -> Iterator[tuple[str, str]]:
    """kmdesk's own fields (id, language, type, classification, community, holders), which
    other readers ignore and kmdesk's import reads back."""
    yield "kmdesk_id", record["id"]
    yield "kmdesk_lang", lang
    yield "kmdesk_type", record["type"]
    if record.get("resource_kind"):
        yield "kmdesk_kind", record["resource_kind"]
    for name, field in (("kmdesk_countries", "countries"), ("kmdesk_targets", "gbf_targets"),
                        ("kmdesk_goals", "gbf_goals"), ("kmdesk_subjects", "subjects"), ("kmdesk_places", "places"),
                        ("lc_labels", "labels")):
        if record.get(field):
            yield name, "; ".join(str(v) for v in record[field])
    if record.get("community"):
        yield "kmdesk_community", record["community"]
    if (record.get("access") or {}).get("level"):  # so that public traditional knowledge stays public
        yield "kmdesk_access", record["access"]["level"]
    for name, role in (("kmdesk_holders", "knowledge_holder"), ("kmdesk_contributors", "contributor")):
        names = [c["name"] for c in record.get("creators") or [] if c["role"] == role]
        if names:
            yield name, " and ".join(names)


def dropped(record: dict[str, Any]) -> list[str]:
    """What of ``record`` a BibTeX entry cannot carry: text in languages other than the first
    title's, identifiers other than DOI/ISBN/ISSN, a second publisher, and consents."""
    lang = next(iter(record.get("title") or {}), "en")
    lost = [f"{field} in a second language" for field in ("title", "summary", "body")
            if any(tag != lang for tag in record.get(field) or {})]
    lost += [f"identifier {scheme}" for scheme in record.get("identifiers") or {} if scheme not in ("doi", "isbn", "issn")]
    if sum(1 for c in record.get("creators") or [] if c["role"] == "publisher") > 1:
        lost.append("a second publisher")
    return lost + (["consents"] if record.get("consents") else [])


def write(records: Iterable[dict[str, Any]], fh: TextIO) -> int:
    count = 0
    for record in records:
        entry = "book" if record.get("identifiers", {}).get("isbn") else "misc"
        fh.write(f"@{entry}{{{record['id']},\n")
        for name, value in _fields(record):
            fh.write(f"  {name} = {{{escape(value) if name not in _VERBATIM else value}}},\n")
        fh.write("}\n\n")
        count += 1
    return count
