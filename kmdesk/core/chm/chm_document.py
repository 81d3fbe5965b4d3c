"""A record as a CBD Clearing-House ``resource`` (Virtual Library Record) document.

Pure functions, no I/O: the same mapping feeds the client (what is sent), the GUI and CLI (what
is still missing before sending) and the tests. A target's settings fill what a community's
record rarely carries itself (the country, the organisation that publishes, resource types,
subjects, a fallback link), so a record is complete without asking each time.

Labels and the consent summary go into ``relevantInformation`` (an lstring the schema has),
never into new properties: the CHM answers ``Error.InvalidProperty`` to those.

The CHM's lstrings take only the six UN languages (``Error.UnspecifiedLocale title.quz``,
``Error.InvalidValue header.languages`` otherwise): a document carries the UN-language parts
of a record's texts, and a record with none is reported before it is sent (``NoUnLanguage``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kmdesk.core import vocab
from kmdesk.core.store.records import base_language

SCHEMA = "resource"
UN_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
TEXT_FIELDS = ("title", "summary", "body")
MANDATORY = ("title", "resourceTypes", "authors", "organizations", "publicationDate", "resourceLinks", "summary", "cbdSubjects")
LSTRING_FIELDS = ("title", "summary", "authors", "publisher", "source", "rights", "relevantInformation")
TERM_FIELDS = ("resourceTypes", "countryRegions", "gbfTargets", "cbdSubjects")
LINK_FIELDS = ("resourceLinks", "relevantDocuments")
PROPERTIES = ("header",) + LSTRING_FIELDS + TERM_FIELDS + LINK_FIELDS + ("publicationDate", "organizations")
SUMMARY_MAX_WORDS = 300
# Thesaurus domains the client refreshes and the checks below use, by document property.
DOMAINS = {"gbfTargets": "GBF-TARGETS", "cbdSubjects": "CBD-SUBJECTS", "countryRegions": "countries"}
_REFERENCE = re.compile(r"^[^@\s]+@[^@\s]+$")
# The identifiers the CHM accepts (header.identifier and the documents API's path). A record id
# (1-36 letters, digits, '.', '_', '-') may be shorter or hold a '.'.
CHM_IDENTIFIER = re.compile(r"^[A-Za-z0-9\-_]{11,128}$")
# What an id the CHM cannot take is sent as: this prefix, then the id with every character other
# than a letter, digit or '-' written as '_' and its UTF-8 bytes in hex ('.' -> '_2e', '_' -> '_5f').
# Reversible, so a pull recognises the library's own record, and the same for every send, so
# retries, updates and retractions reach the same remote document. An id that already starts
# with the prefix is encoded too, so no two ids can be sent as one.
MAPPED_PREFIX = "kmdesk-id_"

_AUTHOR_ROLES = ("author", "knowledge_holder", "contributor", "editor")


@dataclass(frozen=True)
class TargetSettings:
    """What a CHM target adds to every document, and how to talk to it."""

    country: str | None = None
    organization: str | None = None
    resource_types: tuple[str, ...] = ()
    cbd_subjects: tuple[str, ...] = ()
    link: str | None = None
    publisher: str | None = None
    auth_prefix: str = "Bearer"
    realm: str = "CHM"

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TargetSettings:
        """From a target's stored settings (``kmdesk target add`` writes them)."""
        return cls(country=(data.get("country") or None) and str(data["country"]).lower(),
                   organization=data.get("organization") or None,
                   resource_types=tuple(data.get("resource_types") or ()),
                   cbd_subjects=tuple(data.get("cbd_subjects") or ()),
                   link=data.get("link") or None, publisher=data.get("publisher") or None,
                   auth_prefix=data.get("auth_prefix") or "Bearer", realm=data.get("realm") or "CHM")


def chm_identifier(record_id: str) -> str:
    """The identifier a record is known by on the CHM: its id when the CHM accepts it, else a
    CHM-safe spelling of it (``MAPPED_PREFIX``); stable, so every send reaches one document."""
    if CHM_IDENTIFIER.match(record_id) and not record_id.startswith(MAPPED_PREFIX):
        return record_id
    encoded = MAPPED_PREFIX + "".join(c if c.isascii() and (c.isalnum() or c == "-") else
                                      "".join(f"_{b:02x}" for b in c.encode("utf-8", "surrogatepass")) for c in record_id)
    if len(encoded) <= 128:
        return encoded
    # never a record id of this library (36 characters at most): an id from elsewhere, hashed
    return MAPPED_PREFIX + "_h" + hashlib.sha256(record_id.encode("utf-8", "surrogatepass")).hexdigest()


def record_id_of(identifier: str) -> str | None:
    """The record id a CHM identifier was spelt from by ``chm_identifier`` (None: it is not one
    of those, or a hashed one that cannot be read back)."""
    if not identifier.startswith(MAPPED_PREFIX) or identifier.startswith(MAPPED_PREFIX + "_h"):
        return None
    body = identifier[len(MAPPED_PREFIX):]
    raw = bytearray()
    i = 0
    while i < len(body):
        if body[i] == "_":
            try:
                raw.append(int(body[i + 1:i + 3], 16))
            except ValueError:
                return None
            i += 3
        else:
            raw += body[i].encode()
            i += 1
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _terms(identifiers: Iterable[str]) -> list[dict[str, str]]:
    seen: list[str] = []
    for identifier in identifiers:
        if identifier and identifier not in seen:
            seen.append(identifier)
    return [{"identifier": i} for i in seen]


def truncate_words(text: str, limit: int = SUMMARY_MAX_WORDS) -> str:
    words = text.split()
    return text if len(words) <= limit else " ".join(words[:limit]) + " …"


def primary_language(record: Mapping[str, Any]) -> str:
    """The language the record's title comes first in: names and notes are written in it."""
    return next(iter(record.get("title") or {}), "en")


def un_texts(texts: Mapping[str, str] | None) -> dict[str, str]:
    """The UN-language parts of a multilingual text, keyed by the CHM's locale (``es-PE`` ->
    ``es``; the first of two tags for one language wins)."""
    out: dict[str, str] = {}
    for tag, text in (texts or {}).items():
        lang = base_language(tag)
        if lang in UN_LANGUAGES and text and lang not in out:
            out[lang] = text
    return out


def not_sent(record: Mapping[str, Any]) -> list[str]:
    """The parts of a record's texts the CHM cannot take, as ``field[tag]`` (said before sending)."""
    return [f"{name}[{tag}]" for name in TEXT_FIELDS for tag in (record.get(name) or {})
            if base_language(tag) not in UN_LANGUAGES]


def document_language(record: Mapping[str, Any]) -> str | None:
    """The UN language names and notes are written in: the record's first one, title first."""
    for name in TEXT_FIELDS:
        for tag in record.get(name) or {}:
            if base_language(tag) in UN_LANGUAGES:
                return base_language(tag)
    return None


def _publication_date(record: Mapping[str, Any]) -> str | None:
    """CHM wants ``YYYY-MM``: a full date is cut to its month; a year alone becomes January of
    that year; no date at all falls back to the month the record was written down."""
    value = record.get("date") or ""
    if re.match(r"^\d{4}-\d{2}", value):
        return value[:7]
    if re.match(r"^\d{4}$", value):
        return f"{value}-01"
    created = record.get("created_at") or ""
    return created[:7] if re.match(r"^\d{4}-\d{2}", created) else None


def _consent_note(record: Mapping[str, Any]) -> str | None:
    """One sentence naming who gave consent to share, and when: the CHM reader sees that the
    record travels with the community's free, prior and informed consent."""
    current = [c for c in record.get("consents") or [] if not c.get("withdrawn_on") and "share_chm" in (c.get("scope") or [])]
    if not current:
        return None
    latest = max(current, key=lambda c: str(c.get("given_on") or ""))
    who = latest.get("granted_by") or "the community"
    behalf = f" on behalf of {record['community']}" if record.get("community") else ""
    return f"Shared with the free, prior and informed consent of {who}{behalf}, given on {latest.get('given_on')}."


def _labels_note(labels: Iterable[str]) -> str | None:
    known = vocab.label_vocab()
    names = [f"{code} ({known[code]['name']})" if known.get(code, {}).get("name") else code for code in labels]
    return ("Local Contexts labels: " + ", ".join(names) + ".") if names else None


def to_document(record: Mapping[str, Any], settings: TargetSettings) -> dict[str, Any]:
    """The ``resource`` document for a public record. ``header.languages`` is exactly the set
    of languages the document's lstrings use (the CHM answers ``Error.UnspecifiedLocale``
    otherwise)."""
    lang = document_language(record) or "en"
    title = un_texts(record.get("title"))
    doc: dict[str, Any] = {"header": {"identifier": chm_identifier(record["id"]), "schema": SCHEMA, "languages": []}}
    doc.update(_texts(record, settings, lang, title))
    doc.update(_classification(record, settings))
    link = record.get("source_url") or settings.link
    if link:
        doc["resourceLinks"] = [{"url": link, "name": title.get(lang, ""), "language": lang}]
    doc["header"]["languages"] = _lstring_languages(doc)
    return doc


def _texts(record: Mapping[str, Any], settings: TargetSettings, lang: str, title: dict[str, str]) -> dict[str, Any]:
    """The document's lstrings (title, summary, authors, publisher, rights, notes) and its
    publication date, those the record has."""
    summary = un_texts(record.get("summary")) or un_texts(record.get("body"))
    creators = record.get("creators") or []
    authors = [c["name"] for c in creators if c.get("role") in _AUTHOR_ROLES] or ([record["community"]] if record.get("community") else [])
    publishers = [c["name"] for c in creators if c.get("role") == "publisher"] or ([settings.publisher] if settings.publisher else [])
    notes = [n for n in (_consent_note(record), _labels_note(record.get("labels") or [])) if n]
    parts: dict[str, Any] = {"title": title or None,
                             "summary": {k: truncate_words(v) for k, v in summary.items()} if summary else None,
                             "authors": {lang: "; ".join(authors)} if authors else None,
                             "publisher": {lang: "; ".join(publishers)} if publishers else None,
                             "rights": {lang: record["licence"]} if record.get("licence") else None,
                             "relevantInformation": {lang: " ".join(notes)} if notes else None,
                             "publicationDate": _publication_date(record) or None}
    return {name: value for name, value in parts.items() if value is not None}


def _classification(record: Mapping[str, Any], settings: TargetSettings) -> dict[str, Any]:
    """The document's thesaurus terms (resource types, countries, GBF targets, CBD subjects) and
    its publishing organisation, those the record or the target's settings give."""
    countries = [c.lower() for c in record.get("countries") or []] + ([settings.country] if settings.country else [])
    targets = record.get("gbf_targets") or []
    subjects = [s for s in record.get("subjects") or [] if s.startswith("CBD-SUBJECT-")] + list(settings.cbd_subjects)
    parts: dict[str, Any] = {"resourceTypes": _terms(settings.resource_types) if settings.resource_types else None,
                             "countryRegions": _terms(countries) if countries else None,
                             "gbfTargets": _terms(f"GBF-TARGET-{n:02d}" for n in targets) if targets else None,
                             "cbdSubjects": _terms(subjects) if subjects else None,
                             "organizations": [{"identifier": settings.organization}] if settings.organization else None}
    return {name: value for name, value in parts.items() if value is not None}


def _lstring_languages(doc: Mapping[str, Any]) -> list[str]:
    """The languages the document's lstrings use, in their first appearance's order."""
    languages: list[str] = []
    for name in LSTRING_FIELDS:
        for tag in doc.get(name, {}):
            if tag not in languages:
                languages.append(tag)
    return languages


def missing(document: Mapping[str, Any]) -> list[str]:
    """The mandatory properties the document still lacks, in the documentation's order."""
    return [name for name in MANDATORY if not document.get(name)]


def shipped_vocabularies() -> dict[str, set[str]]:
    """Term identifiers known without a network: the GBF targets and CBD subjects shipped with
    kmdesk. Countries are only known once refreshed from the CHM thesaurus."""
    return {"GBF-TARGETS": {t["identifier"] for t in vocab.gbf()["targets"]},
            "GBF-GOALS": {g["identifier"] for g in vocab.gbf()["goals"]},
            "CBD-SUBJECTS": {s["identifier"] for s in vocab.cbd_subjects()}}


def problems(document: Mapping[str, Any], vocabularies: Mapping[str, Iterable[str]] | None = None) -> list[dict[str, str]]:
    """Everything the CHM would refuse, found locally and in its own error codes: missing
    mandatory properties, term identifiers absent from the cached thesaurus, a malformed
    organisation reference or date. An empty list means "ready to send"."""
    errors = [{"code": "Error.Mandatory", "property": name} for name in missing(document)]
    known = {k: set(v) for k, v in (vocabularies or shipped_vocabularies()).items()}
    for prop, domain in DOMAINS.items():
        if domain not in known:
            continue
        for term in document.get(prop) or []:
            if term["identifier"] not in known[domain]:
                errors.append({"code": "Error.UnexpectedTerm", "property": prop, "value": term["identifier"]})
    for ref in document.get("organizations") or []:
        if not _REFERENCE.match(ref.get("identifier", "")):
            errors.append({"code": "Error.InvalidValue", "property": "organizations", "value": ref.get("identifier", "")})
    date = document.get("publicationDate")
    if date and not re.match(r"^\d{4}-(0[1-9]|1[0-2])$", date):
        errors.append({"code": "Error.InvalidValue", "property": "publicationDate", "value": date})
    return errors


def record_problems(record: Mapping[str, Any], settings: TargetSettings,
                    vocabularies: Mapping[str, Iterable[str]] | None = None) -> list[dict[str, str]]:
    """What stands between this record and a complete CHM document (shown before sending). A
    title in no UN language is named as such, not only as a missing title."""
    found = problems(to_document(record, settings), vocabularies)
    if record.get("title") and not un_texts(record.get("title")):
        found.insert(0, {"code": "NoUnLanguage", "property": "title", "value": ", ".join(record["title"])})
    return found
