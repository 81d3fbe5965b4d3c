"""The search indexes of a library, kept in step with the store: SQLite is the truth, the
indexes are derived.

Only public records reach the on-disk index (DESIGN §3); while a profile is unlocked, the
non-public records it may read are searched in an index held in memory and sealed to disk for
that profile alone (``private_index``). Every change writes the record's id to ``index_queue``
in its own transaction; after the commit the queue is drained into the indexes. A crash in
between leaves the id queued and the next open finishes the job, so the index can lag the
truth but never silently disagree with it.
"""

from __future__ import annotations

import logging
import secrets
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Text, delete, func, insert, select, type_coerce

from kmdesk.core.errors import Cancelled, TamperedData
from kmdesk.core.search import private_index
from kmdesk.core.search.batch import Batch
from kmdesk.core.search.document import record_to_doc
from kmdesk.core.search.engine import SearchIndex
from kmdesk.core.search.results import Hit, SearchResults
from kmdesk.core.store import attachments, collector
from kmdesk.core.store.chunked import chunks
from kmdesk.core.store.model import IndexQueue, Meta, Record
from kmdesk.core.store.rows import stored_json
from kmdesk.core.trust import consent
from kmdesk.core.trust import signing as trust

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

log = logging.getLogger(__name__)

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]

CATCH_UP_BATCH = 2000  # records per index commit while catching up: what a cancel or a kill can lose
INTEGRITY_FACET = "integrity"  # one value, "damaged": records that failed their integrity check


def _never() -> bool:
    return False


@dataclass
class Drift:
    """What ``check`` found between the store and the index."""

    missing: list[str] = field(default_factory=list)   # in the store, not in the index
    stale: list[str] = field(default_factory=list)     # in both, index holds an older version
    orphans: list[str] = field(default_factory=list)   # in the index, not (or not public) in the store
    queued: int = 0

    @property
    def ok(self) -> bool:
        return not (self.missing or self.stale or self.orphans)


def _names(raw: str | None) -> Any:
    """A JSON list column as stored (none: an empty list)."""
    return (stored_json(raw) if raw is not None else None) or []


def indexable(record: dict[str, Any]) -> bool:
    """Only public records reach the on-disk index (DESIGN §3); a damaged one reaches none."""
    return record["access"]["level"] == "public" and not record.get("damaged")


def privately_indexable(record: dict[str, Any]) -> bool:
    return record["access"]["level"] != "public" and not record.get("sealed")


class IndexManager:
    """``library.index.public``: the on-disk index of public records (``public``), the unlocked
    profile's index of the others (``private``), the queue between the store and them, and search."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._public: SearchIndex | None = None
        self.private: SearchIndex | None = None  # non-public records, in memory while unlocked
        self._private_dirty = False  # changed since it was last sealed to disk
        self._copy: tempfile.TemporaryDirectory[str] | None = None  # a read-only library's index, copied
        self._warm = False  # the dictionaries walked ahead (``keep_warm``)

    def keep_warm(self) -> None:
        """Keep each index's term dictionary walked ahead from now on (``warmer``): a window
        asks, for the first misspelling it is shown; a command that answers once does not."""
        self._warm = True
        for index in (self._public, self.private):
            if index is not None:
                index.warmer.start()

    def stop_warming(self) -> None:
        """At a close: no walk of either index is left running."""
        self._warm = False
        for index in (self._public, self.private):
            if index is not None:
                index.warmer.stop()

    # -- the on-disk index ------------------------------------------------------------------------
    @property
    def public(self) -> SearchIndex:
        """The on-disk search index, opened at its first use (a command that only reads a record
        never loads the search engine); what waits in the queue is indexed then, unless a face
        opened it first with ``backlog`` to show that catch-up's progress itself."""
        if self._public is not None:  # searches take no lock: they run while a catch-up writes
            return self._public
        with self.library.write_lock:
            if self._public is None:
                self._open()
                self.catch_up()
            return self._open()

    def _open(self) -> SearchIndex:
        """Open the index without indexing anything. A new or emptied one (an upgrade replaced
        an index of another engine or schema, or it was deleted by hand) over a store with public
        records gets them all queued, so rebuilding it is the queue's work: done in committed
        batches, which a cancel or a kill interrupts without losing what was done. The store is
        asked only about an empty index, and only whether one public record exists: counting
        them reads every row."""
        if self._public is not None:  # no lock: the window asks while its writer may hold it
            return self._public
        with self.library.write_lock:
            if self._public is None:
                if self.library.read_only:  # nothing can be queued or repaired there
                    index = self._read_only_index()
                else:
                    index = SearchIndex.open(self.library.data_dir / "index", create=True, owner=self._owner())
                    if index.doc_count() == 0 and self.library.records.has_public():
                        self._queue_public_records()
                if self._warm:
                    index.warmer.start()
                self._public = index
            return self._public

    def _owner(self) -> str:
        """The library's own token, which its on-disk index must carry (made once): an index
        folder copied from another library, or written by anyone else, is rebuilt, not searched."""
        owner = self.library.meta(trust.INDEX_OWNER)
        if owner is None:
            owner = secrets.token_hex(16)
            with self.library.transaction() as session:
                session.merge(Meta(key=trust.INDEX_OWNER, value=owner))
        return owner

    def _queue_public_records(self) -> None:
        """Every public record into the index queue in one statement (those already there stay)."""
        public = select(Record.id).where(Record.access_level == "public")
        with self.library.transaction() as session:
            session.execute(insert(IndexQueue).prefix_with("OR IGNORE").from_select(["record_id"], public))

    def _read_only_index(self) -> SearchIndex:
        """The index of a read-only library. Tantivy opens an index only where it can make its
        lock file, so it is opened from a copy in a temporary folder (public records only, as on
        the medium; removed with this manager or at exit). When that cannot be (no index, not
        this library's own, or records still queued for it), the public records are indexed in
        memory for this session: search works either way, and nothing is written to the medium."""
        source = self.library.data_dir / "index"
        with self.library.reading() as session:
            queued = session.scalar(select(IndexQueue.record_id).where(IndexQueue.record_id.not_in(
                select(Record.id).where(Record.access_level != "public"))).limit(1)) is not None
        if source.is_dir() and not queued:
            self._copy = tempfile.TemporaryDirectory(prefix="kmdesk-index-")
            copy = Path(self._copy.name) / "index"
            try:
                shutil.copytree(source, copy, ignore=shutil.ignore_patterns(".tantivy-*.lock"))
                return SearchIndex.open(copy, create=False, owner=self.library.meta(trust.INDEX_OWNER) or "none")
            except (OSError, shutil.Error):  # FileNotFoundError included: the copy is not its own
                pass
        log.warning("the read-only library's search index is %s; indexing it in memory",
                    "behind its records" if queued else "missing or not its own")
        index = SearchIndex.in_memory()
        index.rebuild(self._public_docs(self.library.records.public()), total=self.library.records.count_public())
        return index

    # -- the unlocked profile's index -------------------------------------------------------------
    def _private_place(self) -> tuple[Any, bytes, str]:
        me = self.library.access.require()
        return (private_index.path(self.library.data_dir, me.profile_id), private_index.index_key(me.private_key),
                me.name)

    def open_private(self) -> None:
        """The unlocked profile's sealed index, brought up to date with the store (a new one
        when there is none), then sealed again if anything changed."""
        where, key, name = self._private_place()
        self.private = private_index.load(where, key, name) or SearchIndex.in_memory(sealable=True)
        self._private_dirty = False
        if self._warm:
            self.private.warmer.start()
        if self._refresh_private():
            self.seal_private()

    def seal_private(self) -> None:
        """Seal the private index to disk for its profile (while that profile is unlocked); a
        read-only library keeps it in memory for the session."""
        if self.private is not None and self.library.access.unlocked and not self.library.read_only:
            where, key, name = self._private_place()
            try:
                private_index.save(self.private, where, key, name)
            except (OSError, TamperedData) as exc:  # derived data: the seal on disk stays whole, as it was
                log.warning("the private search index was not sealed (%s): the next unlock brings it up to date "
                            "from the library", exc)
            else:
                self._private_dirty = False

    def close_private(self) -> None:
        """At a lock: seal the private index, then forget it (its walks ahead stopped first)."""
        if self.private is not None:
            self.private.warmer.stop()
        self.seal_private()
        self.private = None

    def seal_if_changed(self) -> None:
        """At a close: seal the private index if it changed since it was last sealed."""
        if self._private_dirty:
            self.seal_private()

    def refresh_private(self) -> None:
        """After a change of membership: bring the private index (if any) in line with what the
        profile may now read; it is sealed again at the next lock or close."""
        if self.private is not None and self._refresh_private():
            self._private_dirty = True

    def _refresh_private(self) -> bool:
        """Re-index what changed since the private index was sealed (by revision), drop what the
        profile may no longer read; True when anything changed."""
        index = self.private
        assert index is not None
        held = index.versions()
        readable = self._readable_revisions()
        stale = [record_id for record_id, revision in readable.items() if held.get(record_id) != revision]
        gone = [record_id for record_id in held if record_id not in readable]
        if not stale and not gone:
            return False
        with index.batch() as batch:
            for record_id in gone:
                batch.delete(record_id)
            for start in range(0, len(stale), 500):
                for record in self.library.records.for_index(stale[start:start + 500]):
                    if privately_indexable(record):
                        batch.update(record_to_doc(record))
                    else:
                        batch.delete(record["id"])
        return True

    def _readable_revisions(self) -> dict[str, str]:
        """The revision of each non-public record the unlocked profile may read. Thousands of
        records share a few accesses, so each distinct access (its columns' JSON as stored) is
        decoded and decided once; columns through the connection, not ORM rows."""
        access = self.library.access
        with self.library.reading() as session:
            viewer, kinds = access.viewer(), access.protocol_kinds(session)
            rows = session.connection().execute(select(
                Record.id, Record.revision, Record.access_level, type_coerce(Record.access_protocols, Text),
                Record.access_sharing, type_coerce(Record.custodians, Text), Record.community,
            ).where(Record.access_level != "public")).all()
        decided: dict[tuple[Any, ...], bool] = {}
        readable = {}
        for record_id, revision, *columns in rows:
            allowed = decided.get(tuple(columns))
            if allowed is None:
                level, protocols, sharing, custodians, community = columns
                allowed = decided[tuple(columns)] = consent.can_view(viewer, {
                    "level": level, "protocols": _names(protocols), "sharing": sharing,
                    "custodians": _names(custodians)}, community, kinds)
            if allowed:
                readable[record_id] = str(revision)
        return readable

    # -- the queue ----------------------------------------------------------------------------------
    def drain(self, batch: int = 500) -> None:
        """Index what the queue holds with one writer per index, committed once: a commit every
        few hundred records re-merges segments, and a large import would then grow faster than
        its record count. Records are read ``batch`` at a time, so memory stays bounded. Queue
        rows go only after the commit: after a crash in between they are indexed again."""
        with self.library.write_lock:
            with self.library.reading() as session:
                if session.scalar(select(IndexQueue.record_id).limit(1)) is None:
                    return
            done: list[str] = []
            with self.batches() as (public, private):
                last = ""
                while ids := self._queued_after(last, batch):
                    last = ids[-1]
                    self._index_batch(ids, {record["id"]: record for record in self.library.records.for_index(ids)},
                                      public, private)
                    done.extend(ids)
            self.dequeue(done)

    @contextmanager
    def batches(self) -> Iterator[tuple[Batch, Batch | None]]:
        """A batch of the on-disk index and, while unlocked, of the private one, committed
        together (both rolled back on an error); the private index is then due to be sealed again."""
        unlocked_index = self.private
        with self.public.batch() as public, \
                (unlocked_index.batch() if unlocked_index is not None else nullcontext()) as private:
            yield public, private
        if unlocked_index is not None:
            self._private_dirty = True

    def dequeue(self, ids: list[str]) -> None:
        """Queue rows go once their records' index entries are committed."""
        with self.library.transaction() as session:
            for start in range(0, len(ids), 500):
                session.execute(delete(IndexQueue).where(IndexQueue.record_id.in_(ids[start:start + 500])))

    def _index_batch(self, ids: list[str], found: dict[str, dict[str, Any]], public: Batch,
                     private: Batch | None) -> None:
        """Bring the index entries of ``ids`` in line with ``found`` (the caller holds the write lock)."""
        for record_id in ids:
            record = found.get(record_id)
            if record is None or not indexable(record):
                public.delete(record_id)
            if private is not None and (record is None or not privately_indexable(record)):
                private.delete(record_id)
        for doc in self._public_docs(r for r in found.values() if indexable(r)):
            public.update(doc)
        if private is not None:
            for record in found.values():
                if privately_indexable(record):
                    private.update(record_to_doc(record))

    def _public_docs(self, records: Iterable[dict[str, Any]], batch: int = 500) -> Iterator[dict[str, Any]]:
        """Index documents of public records: the text extracted from their attached PDFs and
        plain-text files is searchable with them (read a batch of records at a time)."""
        records = iter(records)
        while chunk := list(islice(records, batch)):
            with self.library.reading() as session:
                texts = attachments.public_texts(session, [record["id"] for record in chunk])
            for record in chunk:
                yield record_to_doc(record, texts.get(record["id"], ()))

    def backlog(self) -> int:
        """How many records wait to be indexed: every public one after an upgrade replaced the
        index. It opens the index without indexing them, so a face that asks before its first
        search can show ``catch_up``'s progress instead of a search waiting for it."""
        self._open()
        if self.library.read_only:
            return 0
        with self.library.reading() as session:
            return session.scalar(select(func.count()).select_from(IndexQueue)) or 0

    def catch_up(self, progress: Progress | None = None, cancel: CancelToken = _never, *,
                 batch: int = CATCH_UP_BATCH) -> int:
        """Index what the queue holds, ``batch`` records per index commit, each batch taken off
        the queue once committed: a cancel (``Cancelled``, between batches) or a kill leaves the
        rest queued and the next call resumes there, while searches find what is indexed.
        Returns how many records were indexed (none on a read-only medium: it cannot change)."""
        if self.library.read_only:
            return 0
        with self.library.write_lock, collector.paused():
            self._open()
            with self.library.reading() as session:  # nothing queued: the store is not counted
                if session.scalar(select(IndexQueue.record_id).limit(1)) is None:
                    return 0
                total = session.scalar(select(func.count()).select_from(IndexQueue)) or 0
            done, last = 0, ""
            while ids := self._queued_after(last, batch):
                if cancel():
                    raise Cancelled(f"indexing stopped after {done} of {total} records; the rest stays queued")
                self._index_committed(ids)
                done, last = done + len(ids), ids[-1]
                if progress:
                    progress(done, total)
            return done

    def _queued_after(self, last: str, batch: int) -> list[str]:
        """The next ``batch`` queued ids after ``last``, in id order."""
        with self.library.reading() as session:
            return list(session.scalars(select(IndexQueue.record_id).where(IndexQueue.record_id > last)
                                        .order_by(IndexQueue.record_id).limit(batch)))

    def _index_committed(self, ids: list[str]) -> None:
        """Index ``ids`` in one commit per index, then take them off the queue."""
        with self.batches() as (public, private):
            for chunk in chunks(ids):
                found = {record["id"]: record for record in self.library.records.for_index(chunk)}
                self._index_batch(chunk, found, public, private)
        self.dequeue(ids)

    # -- searching --------------------------------------------------------------------------------
    def search(self, query: str, *, limit: int = 50, page: int = 1, snippets: bool = True,
               **options: Any) -> SearchResults:
        """Search public records on disk and, while unlocked, the non-public ones this profile
        may read; hits are merged by score (by title for a listing), facet counts summed, and
        snippets made for the page shown only."""
        filters = dict(options.get("filters") or {})
        quarantine = self.library.records.quarantine
        if filters.pop(INTEGRITY_FACET, None):
            return self._damaged_results()
        options["filters"] = filters or None
        private = self.private
        if private is None:
            results = self.public.search(query, limit=limit, page=page, snippets=snippets, **options)
        else:
            first = self.public.search(query, limit=page * limit, snippets=False, **options)
            second = private.search(query, limit=page * limit, snippets=False, suggest=first.suggestion is None, **options)
            results = first.merged(second, limit, page)
            if snippets:
                for ix in (self.public, private):
                    ix.fill_snippets(results.hits, query, options.get("lang"), options.get("as_you_type", False))
        if quarantine:
            results.facets[INTEGRITY_FACET] = [("damaged", len(quarantine))]
        return results

    def snippet(self, record_id: str, query: str, *, lang: str | None = None, as_you_type: bool = False) -> str:
        """The highlights of ``query`` in one record's text: what the window shows beside the
        record a person opened (a page of hits is searched without snippets)."""
        return self.snippets([record_id], query, lang=lang, as_you_type=as_you_type)[record_id]

    def snippets(self, record_ids: Iterable[str], query: str, *, lang: str | None = None,
                 as_you_type: bool = False) -> dict[str, str]:
        """The highlights of ``query`` in each record's text, one lookup per index for them all."""
        hits = [Hit(id=record_id, score=0.0, title={}) for record_id in record_ids]
        for ix in (self.public, self.private):
            if ix is not None:
                ix.fill_snippets(hits, query, lang, as_you_type)
        return {hit.id: hit.snippet for hit in hits}

    def _damaged_results(self) -> SearchResults:
        """The quarantined records as search hits (the "damaged" facet ticked): named, no text."""
        quarantine = self.library.records.quarantine
        hits = [Hit(id=record_id, score=0.0, title={}, snippet=reason) for record_id, reason in sorted(quarantine.items())]
        return SearchResults(len(hits), hits, {INTEGRITY_FACET: [("damaged", len(hits))]})

    def check(self) -> Drift:
        """Compare the index with the store: every public record indexed at its revision."""
        self.drain()
        with self.library.reading() as session:
            truth = {key: str(value) for key, value in session.execute(
                select(Record.id, Record.revision).where(Record.access_level == "public"))}
            queued = session.scalar(select(func.count()).select_from(IndexQueue)) or 0
        indexed = {key: str(value) for key, value in self.public.versions().items()}
        return Drift(
            missing=sorted(set(truth) - set(indexed)),
            stale=sorted(i for i in truth.keys() & indexed.keys() if truth[i] != indexed[i]),
            orphans=sorted(set(indexed) - set(truth)),
            queued=queued,
        )

    def reindex(self, progress: Progress | None = None, cancel: CancelToken = _never) -> int:
        """Rebuild the on-disk index from the store's public records; a cancel keeps the old one."""
        self.library.refuse_if_read_only()
        with self.library.write_lock, collector.paused():
            total = self.library.records.count_public()
            docs = self._public_docs(self.library.records.public())
            self._open().rebuild(docs, total=total, progress=progress, cancel=cancel)
            with self.library.transaction() as session:  # non-public records wait for the private index
                session.execute(delete(IndexQueue).where(IndexQueue.record_id.not_in(
                    select(Record.id).where(Record.access_level != "public"))))
            return total
