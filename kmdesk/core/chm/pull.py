"""Bring the central CHM home: a target's country's public records, read from the CHM's search
index (``/api/v2013/index/select``, the Solr endpoint Bioland portals query for their country
pages), kept read-only in the "From the CHM" collection.

Each pulled record is an ordinary public row, so it is searched and faceted offline like the
library's own (``search.collection`` tells them apart by its ``identifiers["chm"]``); a
``ChmRecord`` row keeps its CHM identifier, revision and address and makes it read-only. A pull
asks only for what changed since the last one (by modification date, the watermark committed
with each page, so a cancelled pull resumes where it stopped), then lists the identifiers still
published and marks the missing ones withdrawn. A record the library pushed comes back under
its own id and is recognised, never duplicated.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from kmdesk.core.chm import chm_document
from kmdesk.core.chm.errors import SyncError, TargetMisconfigured
from kmdesk.core.chm.transport import Transport, json_or_empty
from kmdesk.core.errors import Cancelled, InvalidRecord
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import ChmRecord, HistoryEntry, IndexQueue, Meta, Record

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

INDEX_PATH = "/api/v2013/index/select"
PAGE = 500
# CHM schema -> kmdesk record type: what a field worker needs offline of a country's CHM
SCHEMA_TYPES = {"resource": "resource", "organization": "organization", "expert": "person", "need": "need", "offer": "offer"}
UN_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")
FIELDS = ("identifier_s", "schema_s", "_revision_i", "updatedDate_dt", "url_ss", "countryRegions_ss", "gbfTargets_ss",
          "thematicAreas_ss", "languages_ss", "keywords_ss",
          *(f"{name}_{lang.upper()}_t" for name in ("title", "summary") for lang in UN_LANGUAGES))
PULLED_BY = "CHM"

Progress = Callable[[int, int | None], None]


def _never() -> bool:
    return False


@dataclass
class PullReport:
    target: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    own: int = 0  # the library's own pushed records, recognised by id
    withdrawn: int = 0
    restored: int = 0  # withdrawn before, published again
    rejected: list[dict[str, str]] = field(default_factory=list)
    since: str | None = None
    until: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def record_id(identifier: str) -> str:
    """The local id of a CHM document: its identifier when that is a valid record id (a record
    the library pushed keeps its UUID both ways, and one whose id the CHM could not take is read
    back from the spelling it was sent under, ``chm_document.chm_identifier``), else a stable
    UUID derived from it."""
    try:
        return rec.check_id(chm_document.record_id_of(identifier) or identifier)
    except InvalidRecord:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, "chm:" + identifier))


def _target_number(identifier: str) -> int | None:
    tail = identifier.rsplit("-", 1)[-1]
    return int(tail) if identifier.startswith("GBF-TARGET-") and tail.isdigit() else None


def to_record(doc: dict[str, Any]) -> dict[str, Any]:
    """A record dict (not yet normalised) from an index document."""
    def texts(name: str) -> dict[str, str]:
        return {lang: str(doc[f"{name}_{lang.upper()}_t"]) for lang in UN_LANGUAGES if doc.get(f"{name}_{lang.upper()}_t")}

    def strings(name: str) -> list[str]:
        value = doc.get(name) or []
        return [str(v) for v in (value if isinstance(value, list) else [value])]

    identifier = str(doc["identifier_s"])
    schema = str(doc.get("schema_s") or "")
    if schema not in SCHEMA_TYPES:
        raise InvalidRecord(f"schema {schema!r} is not one kmdesk pulls", field="type", value=schema)
    urls = strings("url_ss")
    titles = texts("title")
    targets = [n for n in (_target_number(t) for t in strings("gbfTargets_ss")) if n is not None]
    return {"id": record_id(identifier), "type": SCHEMA_TYPES[schema], "title": titles, "summary": texts("summary"),
            "keywords": strings("keywords_ss"), "gbf_targets": targets, "subjects": strings("thematicAreas_ss"),
            "countries": [c.lower() for c in strings("countryRegions_ss")],
            "languages": strings("languages_ss") or sorted(titles), "source_url": urls[0] if urls else None,
            "identifiers": {"chm": identifier}, "access": {"level": "public"}}


def query(country: str, schemas: Iterable[str], since: str | None = None, gbf_targets: Iterable[int] = ()) -> str:
    clauses = ["realm_ss:CHM", f"schema_s:({' OR '.join(schemas)})", f"countryRegions_ss:{country}"]
    targets = [f"GBF-TARGET-{n:02d}" for n in gbf_targets]
    if targets:
        clauses.append(f"gbfTargets_ss:({' OR '.join(targets)})")
    if since:
        clauses.append(f"updatedDate_dt:[{since} TO *]")
    return " AND ".join(clauses)


class ChmIndex:
    """The CHM's search index, read page by page (public: no account needed)."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    def page(self, q: str, start: int, rows: int, fields: Iterable[str], sort: str) -> tuple[int, list[dict[str, Any]]]:
        params = {"q": q, "fl": ",".join(fields), "sort": sort, "start": str(start), "rows": str(rows), "wt": "json"}
        response = self.transport.request("GET", INDEX_PATH, params=params)
        if response.status_code in (404, 405):
            raise TargetMisconfigured(f"no CHM search index at {self.transport.base_url}{INDEX_PATH} "
                                      f"(HTTP {response.status_code}): check the target's --url")
        body = json_or_empty(response)
        found = body.get("response") if isinstance(body, dict) else None
        if response.status_code != 200 or not isinstance(found, dict) or not isinstance(found.get("docs"), list):
            raise SyncError(f"the CHM search index answered HTTP {response.status_code} without results")
        return int(found.get("numFound") or 0), [d for d in found["docs"] if isinstance(d, dict) and d.get("identifier_s")]

    def all(self, q: str, fields: Iterable[str], sort: str, rows: int) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        start = 0
        while True:
            total, docs = self.page(q, start, rows, fields, sort)
            if not docs:
                return
            yield total, docs
            start += len(docs)
            if start >= total:
                return


def pull(library: Library, target: str | None = None, *, schemas: Iterable[str] | None = None,
         gbf_targets: Iterable[int] = (), transport: Transport | None = None, progress: Progress | None = None,
         cancel: Callable[[], bool] = _never, page_size: int = PAGE) -> PullReport:
    """Pull the target's country's public records; see the module docstring."""
    info = next((t for t in library.sync.targets() if target in (None, t["name"])), None)
    if info is None:
        raise TargetMisconfigured(f"no sync target named {target}" if target else "this library has no sync target")
    if info["kind"] != "chm":
        raise TargetMisconfigured(f"target {info['name']} is a {info['kind']} site: pulling reads the central CHM, "
                                  "use a target of kind chm")
    country = str((info["settings"] or {}).get("country") or "").lower()
    if not country:
        raise TargetMisconfigured(f"target {info['name']} has no country: set it with 'kmdesk target edit {info['name']} --country CODE'")
    schemas = sorted(set(schemas or SCHEMA_TYPES))
    unknown = [s for s in schemas if s not in SCHEMA_TYPES]
    if unknown:
        raise TargetMisconfigured(f"cannot pull schema {', '.join(unknown)}: kmdesk pulls {', '.join(SCHEMA_TYPES)}")
    gbf_targets = sorted(set(gbf_targets))
    with library.reading() as session:
        library.access.require_writer(session)  # pulled records are written to the library: refused before any call
    scope = query(country, schemas, None, gbf_targets)
    mark_key = f"chm_pull:{info['name']}"
    mark = json.loads(library.meta(mark_key) or "{}")
    since = mark.get("until") if mark.get("scope") == scope else None
    report = PullReport(info["name"], since=since, until=since)
    index = ChmIndex(transport or Transport(info["url"]))
    try:
        done = 0
        for total, docs in index.all(query(country, schemas, since, gbf_targets), FIELDS, "updatedDate_dt asc,identifier_s asc",
                                     page_size):
            if cancel():
                raise Cancelled()
            report.until = max([report.until or "", *(str(d.get("updatedDate_dt") or "") for d in docs)]) or None
            _store_page(library, info["name"], docs, report, Meta(key=mark_key, value=json.dumps({"scope": scope, "until": report.until})))
            done += len(docs)
            if progress:
                progress(done, total)
        if cancel():
            raise Cancelled()
        if not gbf_targets:  # a narrowed pull cannot tell withdrawn records from ones outside its scope
            published = {d["identifier_s"] for _total, docs in index.all(scope, ("identifier_s",), "identifier_s asc", 1000)
                         for d in docs}
            _mark_withdrawn(library, info["name"], schemas, published, report)
    finally:
        if transport is None:
            index.transport.close()
    return report


def _store_page(library: Library, target: str, docs: list[dict[str, Any]], report: PullReport, mark: Meta) -> None:
    """One page in one transaction with the watermark after it (``mark``): new records added,
    changed ones updated, the library's own recognised; a document that is no valid record is
    reported and the rest go in."""
    stamp = rec.now()
    with library.writing() as session:
        ids = [record_id(str(d["identifier_s"])) for d in docs]
        rows = {r.id: r for r in session.scalars(select(Record).where(Record.id.in_(ids)))}
        origins = {o.record_id: o for o in session.scalars(select(ChmRecord).where(ChmRecord.record_id.in_(ids)))}
        queued = set(session.scalars(select(IndexQueue.record_id).where(IndexQueue.record_id.in_(ids))))
        new_origins: list[ChmRecord] = []  # added after their records are flushed (no ORM relationship orders them)
        for doc, rid in zip(docs, ids, strict=True):
            identifier, revision = str(doc["identifier_s"]), str(doc.get("_revision_i") or "")
            origin, row = origins.get(rid), rows.get(rid)
            if row is not None and origin is None:
                report.own += 1
                continue
            if origin is not None and origin.chm_revision == revision and not origin.withdrawn:
                report.unchanged += 1
                continue
            try:
                clean = rec.normalize(to_record(doc))
            except InvalidRecord as exc:
                report.rejected.append({"identifier": identifier, "reason": str(exc)})
                continue
            url, modified = clean.get("source_url"), str(doc.get("updatedDate_dt") or "")
            if row is None:
                row = Record(id=rid, revision=1, created_at=stamp, updated_at=stamp)
                rec.apply_to_row(row, clean)
                session.add(row)
                new_origins.append(ChmRecord(record_id=rid, target=target, chm_id=identifier, schema=str(doc["schema_s"]),
                                      chm_revision=revision, url=url, modified=modified, pulled_at=stamp))
                changes = rec.diff({}, clean)
                report.added += 1
            else:
                changes = rec.diff(rec.row_to_dict(row), clean)
                rec.apply_to_row(row, clean)
                row.revision += 1
                row.updated_at = stamp
                assert origin is not None
                origin.chm_revision, origin.url, origin.modified, origin.pulled_at = revision, url, modified, stamp
                if origin.withdrawn:
                    origin.withdrawn = False
                    report.restored += 1
                report.updated += 1
            session.add(HistoryEntry(record_id=rid, at=stamp, by=f"{PULLED_BY} ({target})", action="pull",
                                     changes=json.loads(json.dumps(changes, default=str))))
            if rid not in queued:  # an add, not a merge: a merge looks the row up and flushes for each record
                session.add(IndexQueue(record_id=rid))
                queued.add(rid)
        session.flush()
        session.add_all(new_origins)
        session.merge(mark)


def _mark_withdrawn(library: Library, target: str, schemas: list[str], published: set[str], report: PullReport) -> None:
    stamp = rec.now()
    with library.writing() as session:
        for origin in session.scalars(select(ChmRecord).where(ChmRecord.target == target, ChmRecord.schema.in_(schemas))):
            gone = origin.chm_id not in published
            if gone == origin.withdrawn:
                continue
            origin.withdrawn = gone
            if gone:
                report.withdrawn += 1
            else:
                report.restored += 1
            session.add(HistoryEntry(record_id=origin.record_id, at=stamp, by=f"{PULLED_BY} ({target})",
                                     action="withdrawn" if gone else "republished", changes={}))


def origin(library: Library, record_id: str) -> dict[str, Any] | None:
    """Where a pulled record came from (None: the library's own): what the record view and
    ``kmdesk show`` say about it."""
    with library.reading() as session:
        row = session.get(ChmRecord, record_id)
        if row is None:
            return None
        return {"target": row.target, "chm_id": row.chm_id, "schema": row.schema, "revision": row.chm_revision,
                "url": row.url, "modified": row.modified, "withdrawn": row.withdrawn, "pulled_at": row.pulled_at}


def withdrawn_ids(library: Library) -> set[str]:
    """Pulled records the CHM no longer lists (matching and suggestions leave them out)."""
    with library.reading() as session:
        return set(session.scalars(select(ChmRecord.record_id).where(ChmRecord.withdrawn.is_(True))))
