"""CHM ``resource`` documents (JSON) as the Clearing-House documents API returns them: one
document, a list of them, or a list response (``{"Items": [...]}``). The export reuses the sync
adapter's mapping (``sync.chm_document.to_document``), so a file and a push say the same thing;
labels travel in ``relevantInformation`` as the adapter writes them and are read back from it.

A file kmdesk exports also ends ``relevantInformation`` with one line, ``kmdesk: {...}``: the
fields the ``resource`` schema has no property for (the record's type, community, keywords,
places, languages, GBF goals, other subjects, creators with their roles, identifiers, body, the
exact date), as JSON, so that export -> import gives back the same record: a traditional
knowledge record stays one (and keeps needing consent), the community does not become an
author. A push to the CHM (``sync``) does not add that line.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from kmdesk.core import vocab
from kmdesk.core.io.source import (
    ImportFileError,
    Source,
    SourceRow,
    load_json,
    place,
    read_text,
    utf8_problem,
)

_LABELS = re.compile(r"Local Contexts labels: (.*?)\.(?:\s|$)")
EXTRA_PREFIX = "kmdesk: "
# What the document's own properties carry; the rest goes in the ``kmdesk:`` line.
_EXTRA_FIELDS = ("type", "resource_kind", "community", "keywords", "places", "languages", "gbf_goals", "subjects",
                 "creators", "identifiers", "body", "date")


def read(path: Path) -> Source:
    path = Path(path)
    text = read_text(path)
    problem = utf8_problem(text)
    if problem:
        raise ImportFileError(f"{path}: {problem.message}", path=str(path))
    data = load_json(text, str(path))
    documents = _documents(data)
    if documents is None:
        raise ImportFileError(f"{path}: not a CHM document: expected a document with header.schema \"resource\", "
                              "a list of them, or an API list response with \"Items\"", path=str(path))
    rows = [_row(number, document) for number, document in enumerate(documents, start=1)]
    return Source(path, "chm", [], {}, lambda: iter(rows), fixed=True)


def _documents(data: Any) -> list[Any] | None:
    if isinstance(data, dict):
        for key in ("Items", "items", "documents", "docs"):
            if isinstance(data.get(key), list):
                return [d.get("body", d) if isinstance(d, dict) and "body" in d and "header" not in d else d
                        for d in data[key]]
        if isinstance(data.get("header"), dict):
            return [data]
        return None
    if isinstance(data, list) and data and all(isinstance(d, dict) and "header" in d for d in data):
        return data
    return None


def _row(number: int, document: Any) -> SourceRow:
    header = document.get("header") if isinstance(document, dict) else None
    header = header if isinstance(header, dict) else {}
    identifier = str(header.get("identifier") or "")
    row = SourceRow(number, place("identified_document", document=number, identifier=identifier) if identifier
                    else place("document", document=number))
    if header.get("schema") != "resource":
        schema = header.get("schema")
        return row.fail("not_resource", f"not a CHM resource document (schema is {schema!r}, expected \"resource\")",
                        schema=str(schema))
    try:
        row.record = to_record(document)
    except (TypeError, AttributeError, KeyError, ValueError) as exc:
        detail = f"{type(exc).__name__}: {exc}"
        return row.fail("unexpected_shape", f"unexpected shape ({detail})", detail=detail)
    return row


def _lstring(value: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (value or {}).items() if v}


def _ids(terms: Any) -> list[str]:
    return [str(t["identifier"]) for t in terms or [] if isinstance(t, dict) and t.get("identifier")]


def to_record(document: dict[str, Any]) -> dict[str, Any]:
    """A record dict from a ``resource`` document (validated later by ``records.normalize``)."""
    identifier = str(document["header"].get("identifier") or "")
    record: dict[str, Any] = {"type": "resource", "resource_kind": "document",
                              "title": _lstring(document.get("title")), "summary": _lstring(document.get("summary")),
                              "access": {"level": "public"}}  # what the CHM holds is public
    try:
        record["id"] = str(uuid.UUID(identifier))
    except ValueError:
        pass
    if identifier:
        record["identifiers"] = {"chm": identifier}
    creators = []
    for field, role in (("authors", "author"), ("publisher", "publisher")):
        names = next(iter(_lstring(document.get(field)).values()), "")
        creators += [{"name": n.strip(), "role": role} for n in names.split(";") if n.strip()]
    record["creators"] = creators
    rights = _lstring(document.get("rights"))
    if rights:
        record["licence"] = next(iter(rights.values()))
    if document.get("publicationDate"):
        record["date"] = str(document["publicationDate"])[:10]
    record["countries"] = [c.lower() for c in _ids(document.get("countryRegions")) if len(c) == 2]
    record["gbf_targets"] = _ids(document.get("gbfTargets"))
    record["subjects"] = _ids(document.get("cbdSubjects"))
    links = [link.get("url") for link in document.get("resourceLinks") or [] if isinstance(link, dict) and link.get("url")]
    if links:
        record["source_url"] = links[0]
    known = vocab.label_vocab()
    notes = _lstring(document.get("relevantInformation"))
    for note in notes.values():
        match = _LABELS.search(note)
        if match:
            codes = [part.split(" (")[0].strip() for part in re.split(r",\s*(?=[A-Z])", match.group(1))]
            record["labels"] = [c for c in codes if c in known]
            break
    extras = _extras(notes)
    if extras:
        document_subjects = record.get("subjects") or []
        for field in _EXTRA_FIELDS:
            record[field] = extras.get(field)
        record["subjects"] = list(record["subjects"] or []) + [s for s in document_subjects
                                                               if s not in (record["subjects"] or [])]
        if "summary" not in (extras.get("has") or []):
            record["summary"] = {}  # the document's summary was the record's body
    return record


def _extras(notes: dict[str, str]) -> dict[str, Any]:
    """The ``kmdesk:`` line of a file kmdesk exported, or {}."""
    for note in notes.values():
        for line in note.splitlines():
            if line.startswith(EXTRA_PREFIX):
                try:
                    extras = json.loads(line[len(EXTRA_PREFIX):])
                except (ValueError, RecursionError):
                    return {}
                return extras if isinstance(extras, dict) else {}
    return {}


def write(records: Iterable[dict[str, Any]], fh: TextIO) -> int:
    from kmdesk.core.chm.chm_document import TargetSettings, to_document

    documents = []
    for record in records:
        document = to_document(record, TargetSettings())
        extras = {field: record.get(field) for field in _EXTRA_FIELDS if record.get(field)}
        extras["subjects"] = list(record.get("subjects") or [])
        extras["identifiers"] = dict(record.get("identifiers") or {})
        extras["has"] = ["summary"] if record.get("summary") else []
        notes = document.setdefault("relevantInformation", {})
        lang = next(iter(record.get("title") or {}), "en")
        line = EXTRA_PREFIX + json.dumps(extras, ensure_ascii=False, sort_keys=True)
        notes[lang] = f"{notes[lang]}\n{line}" if notes.get(lang) else line
        if lang not in document["header"]["languages"]:
            document["header"]["languages"].append(lang)
        documents.append(document)
    json.dump(documents, fh, ensure_ascii=False, indent=1)
    return len(documents)


def dropped(record: dict[str, Any]) -> list[str]:
    """What of ``record`` a CHM document file cannot carry: its consents (the document only
    names the latest in a sentence) and texts outside the six UN languages (the CHM's own)."""
    from kmdesk.core.chm.chm_document import not_sent

    return (["consents"] if record.get("consents") else []) + [f"text in {part}" for part in not_sent(record)]

