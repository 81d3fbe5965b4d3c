"""Column mapping: from the raw fields of a row (a column, RIS tag or BibTeX field -> values) to
a kmdesk record dict. One table of targets serves every tabular and bibliographic format, so a
person adjusting the mapping in the import dialog sees the same choices everywhere.

A target is a record field (``keywords``), a text field in a language (``title:es``; ``title``
alone means the import's language), a creator role (``creators:editor``) or an identifier
scheme (``identifiers:doi``); the empty target ignores the column.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kmdesk.core import vocab
from kmdesk.core.store import text

TEXT_TARGETS = ("title", "summary", "body")
LIST_TARGETS = ("keywords", "subjects", "countries", "places", "languages", "labels", "gbf_goals", "gbf_targets",
                "access.protocols")
SCALAR_TARGETS = ("id", "type", "resource_kind", "community", "date", "year", "licence", "source_url", "access.level")
IDENTIFIER_SCHEMES = ("doi", "isbn", "issn", "url")
IGNORE = ""
# Values of a list field in one spreadsheet cell are separated by ';' (or '|', as some tools do).
_SPLIT = re.compile(r"\s*[;|]\s*")
_YEAR = re.compile(r"\b(\d{4})\b")
_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)


def targets() -> list[str]:
    """Every mapping target, in the order the import dialog lists them."""
    roles = [f"creators:{role}" for role in vocab.keys("creator_roles")]
    return [IGNORE, *TEXT_TARGETS, *SCALAR_TARGETS, *LIST_TARGETS, *roles,
            *(f"identifiers:{s}" for s in IDENTIFIER_SCHEMES)]


def valid_target(target: str) -> bool:
    if target in targets():
        return True
    field, _, lang = target.partition(":")
    return field in TEXT_TARGETS and bool(re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", lang))


# Header spellings a spreadsheet or reference manager uses, normalised (lower case, no spaces,
# underscores or dots) -> target. Unknown headers map to nothing until the person chooses.
_GUESSES = {
    "id": "id", "uuid": "id", "identifier": "id", "type": "type", "recordtype": "type", "kind": "resource_kind",
    "resourcekind": "resource_kind", "title": "title", "name": "title", "summary": "summary", "abstract": "summary",
    "description": "summary", "body": "body", "notes": "body", "note": "body", "text": "body",
    "keywords": "keywords", "keyword": "keywords", "tags": "keywords", "subjects": "subjects",
    "countries": "countries", "country": "countries", "places": "places", "place": "places", "location": "places",
    "languages": "languages", "language": "languages", "labels": "labels", "localcontextslabels": "labels",
    "gbfgoals": "gbf_goals", "goals": "gbf_goals", "gbftargets": "gbf_targets", "targets": "gbf_targets",
    "community": "community", "date": "date", "year": "year", "publicationyear": "year", "licence": "licence",
    "license": "licence", "rights": "licence", "url": "source_url", "sourceurl": "source_url", "link": "source_url",
    "doi": "identifiers:doi", "isbn": "identifiers:isbn", "issn": "identifiers:issn",
    "author": "creators:author", "authors": "creators:author", "creator": "creators:author",
    "creators": "creators:author", "editor": "creators:editor", "editors": "creators:editor",
    "knowledgeholder": "creators:knowledge_holder", "knowledgeholders": "creators:knowledge_holder",
    "contributor": "creators:contributor", "contributors": "creators:contributor",
    "publisher": "creators:publisher", "access": "access.level", "accesslevel": "access.level",
    "protocols": "access.protocols",
}


def guess(column: str) -> str:
    """The target a header most likely means (``Title``, ``title:es``, ``Publication Year``)."""
    name = column.strip()
    field, sep, lang = name.partition(":")
    if sep and field.lower() in TEXT_TARGETS and valid_target(f"{field.lower()}:{lang}"):
        return f"{field.lower()}:{lang}"
    if sep and field.lower() == "creators" and f"creators:{lang}" in targets():
        return f"creators:{lang}"
    if sep and field.lower() == "identifiers" and lang.lower() in IDENTIFIER_SCHEMES:
        return f"identifiers:{lang.lower()}"
    return _GUESSES.get(re.sub(r"[\s_.\-]", "", name.lower()), IGNORE)


def default_mapping(columns: list[str]) -> dict[str, str]:
    return {column: guess(column) for column in columns}


def split_cell(value: str) -> list[str]:
    return [part for part in _SPLIT.split(value.strip()) if part]


def _items(values: list[str], split: bool) -> list[str]:
    """The values of a list target: split only where a list is filled, never a long text cell."""
    return [part for v in values for part in split_cell(v)] if split else values


def to_record(fields: dict[str, list[str]], mapping: dict[str, str], *, lang: str = "en",
              default_type: str = "resource", split: bool = True) -> dict[str, Any]:
    """A record dict (not yet validated: ``records.normalize`` does that and names the field)
    from one row's raw fields. With ``split`` a cell holding ``a; b`` fills a list with two
    values (spreadsheets); RIS and BibTeX give one value per repeated tag instead."""
    record: dict[str, Any] = {}
    access: dict[str, Any] = {}
    # unqualified text is in the row's language when it names exactly one, else the import's
    languages = [language_tag(v) for column, values in fields.items() if mapping.get(column) == "languages"
                 for value in values for v in (split_cell(value) if split else [value])]
    if len(set(languages)) == 1:
        lang = languages[0]
    for column, values in fields.items():
        target = mapping.get(column, IGNORE)
        if target and (values := [v for v in map(str.strip, values) if v]):
            _fill(record, access, target, values, lang, split)
    if access:
        record["access"] = access
    return _tidied(record, default_type)


def _fill(record: dict[str, Any], access: dict[str, Any], target: str, values: list[str], lang: str,
          split: bool) -> None:
    """Put one column's non-empty ``values`` where its ``target`` says (``name:qualifier``), in
    ``record`` or, for the access targets, in ``access``."""
    name, _, qualifier = target.partition(":")
    if name in TEXT_TARGETS:
        record.setdefault(name, {})[qualifier or lang] = "\n".join(values)
    elif name == "creators":
        record.setdefault("creators", []).extend({"name": n, "role": qualifier} for n in _items(values, split))
    elif name == "identifiers":
        record.setdefault("identifiers", {})[qualifier] = values[0]
    elif target == "access.level":
        access["level"] = values[0].lower()
    elif target == "access.protocols":
        access.setdefault("protocols", []).extend(_items(values, split))
    elif target == "year":
        match = _YEAR.search(values[0])
        if match and not record.get("date"):
            record["date"] = match.group(1)
    elif target == "date":
        record["date"] = normalise_date(values[0])
    elif name in LIST_TARGETS:
        record.setdefault(name, []).extend(_items(values, split))
    else:
        record[name] = values[0]


def _tidied(record: dict[str, Any], default_type: str) -> dict[str, Any]:
    """``record`` with its DOI, type, resource kind, language tags and country codes written the
    one way the store keeps them."""
    if "identifiers" in record and "doi" in record["identifiers"]:
        record["identifiers"]["doi"] = normalise_doi(record["identifiers"]["doi"])
    record.setdefault("type", default_type)
    record["type"] = str(record["type"]).strip().lower().replace(" ", "_")
    if record.get("resource_kind"):
        record["resource_kind"] = str(record["resource_kind"]).strip().lower().replace(" ", "_")
    if record.get("languages"):
        record["languages"] = [language_tag(v) for v in record["languages"]]
    if record.get("countries"):
        record["countries"] = [c.lower() for c in record["countries"]]
    return record


def normalise_date(value: str) -> str:
    """``2019/06/01/``, ``2019-06-01T00:00:00``, ``2019///`` (RIS), ``2019`` -> ISO prefix."""
    match = re.match(r"^\s*(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?", value)
    if not match:
        return value.strip()
    year, month, day = match.groups()
    out = year
    if month:
        out += f"-{int(month):02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


def normalise_doi(value: str) -> str:
    """A bare lower-case DOI from ``https://doi.org/10.1/X``, ``doi:10.1/X`` or ``10.1/X``."""
    match = _DOI.search(value)
    return match.group(0).lower() if match else value.strip().lower()


@lru_cache(maxsize=4096)
def language_tag(value: str) -> str:
    """A BCP 47 tag from a tag or a language's name (reference managers write ``English``);
    cached, as a file names the same few languages on every row."""
    import langcodes

    if text.problem(value) is not None:  # langcodes' C lookup fails on NUL; the record check names it
        return value
    if langcodes.tag_is_valid(value):
        return value
    try:
        return langcodes.find(value).to_tag()
    except LookupError:
        return value
