"""The reference server's stand-in for the CHM's search index (``GET /api/v2013/index/select``),
the Solr endpoint Bioland portals query for a country's page: ``q`` (clauses joined by
``AND``: ``field:value``, ``field:(a OR b)``, ``field:[from TO to]`` with ``*`` open, ``*:*``),
``fl`` (fields), ``sort`` (``field asc|desc``, comma-separated), ``start`` and ``rows``; the answer
is Solr's ``{"response": {"numFound", "start", "docs"}}``.

It indexes the central records a test or demo seeds (``central_put``/``central_withdraw``
control actions) and the resource documents the library pushed once the national authority
published them, in the same document shape, so a pull meets its own pushes as the real one does.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import datetime, timezone
from typing import Any

MAX_ROWS = 1000
_CLAUSE = re.compile(r"^(?P<field>[\w*]+):(?:\[(?P<lo>\S+) TO (?P<hi>\S+)\]|\((?P<any>[^)]*)\)|(?P<value>\S+))$")
UN_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")


def stamp() -> str:
    """Solr's date form (UTC, ``Z``), which sorts as text."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def create_tables(db: sqlite3.Connection) -> None:
    db.execute("""CREATE TABLE IF NOT EXISTS central (identifier TEXT PRIMARY KEY, revision INTEGER NOT NULL,
                                                       updated TEXT NOT NULL, doc TEXT NOT NULL)""")


def put(db: sqlite3.Connection, docs: list[dict[str, Any]], base_url: str) -> int:
    """Add or change central records (each needs ``identifier_s`` and ``schema_s``): a change
    raises the revision and the modification date, as the CHM's own publishing does."""
    for doc in docs:
        identifier, schema = str(doc["identifier_s"]), str(doc["schema_s"])
        row = db.execute("SELECT revision FROM central WHERE identifier=?", (identifier,)).fetchone()
        revision, updated = (row[0] + 1 if row else 1), stamp()
        full = {"realm_ss": ["CHM"], "url_ss": [f"{base_url}/database/{schema}/{identifier}"], **doc,
                "_revision_i": revision, "updatedDate_dt": updated}
        full.setdefault("createdDate_dt", updated)
        db.execute("INSERT OR REPLACE INTO central VALUES (?, ?, ?, ?)", (identifier, revision, updated, json.dumps(full)))
    return len(docs)


def seed(db: sqlite3.Connection, docs: list[dict[str, Any]], base_url: str) -> int:
    """``put`` the records not held yet: a server restarted on the same data keeps its
    revisions and dates, so a pull after the restart finds nothing new."""
    held = {row[0] for row in db.execute("SELECT identifier FROM central")}
    return put(db, [d for d in docs if str(d["identifier_s"]) not in held], base_url)


def withdraw(db: sqlite3.Connection, identifier: str) -> bool:
    return db.execute("DELETE FROM central WHERE identifier=?", (identifier,)).rowcount > 0


def published_doc(identifier: str, revision: int, updated: str, document: dict[str, Any], base_url: str) -> dict[str, Any]:
    """A published resource document as the index shows it."""
    doc: dict[str, Any] = {"identifier_s": identifier, "schema_s": "resource", "realm_ss": ["CHM"], "_revision_i": revision,
                           "updatedDate_dt": updated, "url_ss": [f"{base_url}/database/resource/{identifier}"]}
    for name in ("title", "summary"):
        for lang, text in (document.get(name) or {}).items():
            doc[f"{name}_{lang.upper()}_t"] = text
    for name, field in (("countryRegions", "countryRegions_ss"), ("gbfTargets", "gbfTargets_ss"), ("cbdSubjects", "thematicAreas_ss")):
        doc[field] = [t["identifier"] for t in document.get(name) or [] if isinstance(t, dict)]
    doc["languages_ss"] = list(document.get("header", {}).get("languages") or [])
    return doc


def _matches(doc: dict[str, Any], clause: str) -> bool:
    if clause == "*:*":
        return True
    m = _CLAUSE.match(clause)
    if not m:
        raise ValueError(f"cannot parse query clause {clause!r}")
    raw = doc.get(m["field"])
    values = [str(v) for v in (raw if isinstance(raw, list) else [] if raw is None else [raw])]
    if m["lo"] is not None:
        lo, hi = m["lo"], m["hi"]
        return any((lo == "*" or v >= lo) and (hi == "*" or v <= hi) for v in values)
    wanted = [w.strip('"') for w in (m["any"].split(" OR ") if m["any"] is not None else [m["value"]])]
    return any(w in values for w in wanted)


def _clauses(q: str) -> list[str]:
    """``a:b AND c:(d OR e)`` -> its clauses (an ``AND`` inside parentheses or brackets stays)."""
    out, depth, current = [], 0, ""
    for token in re.split(r"( AND )", q.strip()):
        if token == " AND " and depth == 0:
            out.append(current.strip())
            current = ""
            continue
        current += token
        depth = current.count("(") + current.count("[") - current.count(")") - current.count("]")
    if current.strip():
        out.append(current.strip())
    return out


def select(docs: list[dict[str, Any]], params: dict[str, str]) -> dict[str, Any]:
    clauses = _clauses(params.get("q") or "*:*")
    found = [d for d in docs if all(_matches(d, c) for c in clauses)]
    for part in reversed([p.strip() for p in (params.get("sort") or "").split(",") if p.strip()]):
        field, _, direction = part.partition(" ")
        found.sort(key=lambda d: str(d.get(field, "")), reverse=direction.strip() == "desc")
    start = max(0, int(params.get("start") or 0))
    rows = min(MAX_ROWS, max(0, int(params.get("rows") or 10)))
    fields = [f for f in (params.get("fl") or "").split(",") if f]
    page = [{k: v for k, v in d.items() if not fields or k in fields} for d in found[start:start + rows]]
    return {"responseHeader": {"status": 0}, "response": {"numFound": len(found), "start": start, "docs": page}}


def central_record(identifier: str, schema: str, *, title: dict[str, str], summary: dict[str, str] | None = None,
                   countries: list[str], targets: list[int] | tuple[int, ...] = (), subjects: list[str] | tuple[str, ...] = (),
                   languages: list[str] | tuple[str, ...] = (), keywords: list[str] | tuple[str, ...] = ()) -> dict[str, Any]:
    """An index document for ``central_put`` from plain values (tests, the bench, demos)."""
    doc: dict[str, Any] = {"identifier_s": identifier, "schema_s": schema, "countryRegions_ss": list(countries),
                           "gbfTargets_ss": [f"GBF-TARGET-{n:02d}" for n in targets], "thematicAreas_ss": list(subjects),
                           "languages_ss": list(languages or title), "keywords_ss": list(keywords)}
    for name, texts in (("title", title), ("summary", summary or {})):
        doc.update({f"{name}_{lang.upper()}_t": text for lang, text in texts.items()})
    return doc
