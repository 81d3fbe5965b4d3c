"""The search index: Tantivy, derived from the store, rebuildable and verifiable.

Tantivy was chosen by measurement (bench/README.md, "Engine bake-off"): its top hits of a common
word come from block-max WAND in about a millisecond where SQLite FTS5 ranks every match, and
its files are data (no pickle, nothing that runs code when read). Only what the store passes in
is indexed: public records on disk; the rest in RAM (``in_memory``), reaching the disk only
sealed by the caller (``to_chunks``/``from_chunks``: the documents, their texts already
analysed, indexed again at unlock).
An index of another ``SCHEMA_VERSION`` or one that does not open is replaced by an empty one,
which the store rebuilds from SQLite.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import tantivy

from kmdesk.core.errors import Cancelled
from kmdesk.core.malloc_arenas import give_back
from kmdesk.core.search import analysis, fields, similar, snippets
from kmdesk.core.search import facets as facets_of
from kmdesk.core.search.batch import Batch, Kept
from kmdesk.core.search.dictionary import Dictionary, Terms
from kmdesk.core.search.document import Like
from kmdesk.core.search.fields import SCHEMA, open_index
from kmdesk.core.search.query import Builder, Occur, Query, Words, either, query_parts
from kmdesk.core.search.results import Hit, SearchResults
from kmdesk.core.search.shown import Shown
from kmdesk.core.search.spool import Spool
from kmdesk.core.search.warmer import Warmer

SCHEMA_VERSION = "tantivy-4"  # bump when analyzers or fields change: older indexes are rebuilt
# The first line of ``to_chunks``: its documents' texts are the terms of this analysis (bump with
# the analyzers, not with the fields: a sealed index's documents are indexed again as they open).
_CHUNKS_FORMAT = "tantivy-4/analysed"
_VERSION_FILE = "kmdesk-schema-version"
_OWNER_FILE = "kmdesk-owner"
# The fields whose words are in a hit's stored text, in the order a snippet prefers them.
SNIPPET_FIELDS = ("title", "text", *(f"text_{code}" for code in analysis.LANGUAGES))
_WRITER_HEAP = 64 * 1024 * 1024  # per indexing thread
_BULK_THREADS = 4  # at most, for a whole index at once (a fill or an unlock), never above the cores
_CHUNK = 64 * 1024
_SPOOL_SLACK = 16 * 1024 * 1024  # bytes of replaced documents a spool may hold before it is copied
_WORDS = Words(SCHEMA)  # the word queries of every index, public and private, made once


class SearchIndex:
    """One Tantivy index (a directory, or RAM). One writer at a time, as Tantivy requires."""

    def __init__(self, ix: tantivy.Index, path: Path | None, owner: str | None = None, *,
                 sealable: bool = False) -> None:
        self._ix = ix
        self.path = path
        self.owner = owner
        self._docs: dict[str, Kept] | None = {} if sealable else None
        self._spool = Spool() if sealable else None  # the lines of ``_docs``, out of memory until sealed
        self._lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._dictionary = Dictionary()
        self.warmer = Warmer(self._dictionary, lambda: (searcher := self._searcher(), self._generation(searcher)))
        self._listing_facets: tuple[tuple[int, int, int], dict[str, list[tuple[str, int]]]] | None = None
        self._committing: Future[None] | None = None  # what ``from_chunks`` left to Tantivy's threads

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, owner: str | None = None) -> SearchIndex:
        """Open the index at ``path``; one of another schema version, one that does not open,
        one not made for ``owner`` (the library's own token, kept in its database: an index
        copied from elsewhere is never trusted), or none, is replaced by an empty one, which
        ``Library`` fills from the store."""
        path = Path(path)
        if _schema_version(path) == SCHEMA_VERSION and (owner is None or _owner(path) == owner):
            try:
                index = cls(open_index(path), path, owner)
                _probe(index._ix.searcher())
                return index
            except BaseException as exc:  # a Rust panic is a BaseException: not a Ctrl+C, though
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                # damaged, foreign or unreadable: derived data, rebuilt from the store
        if not create:
            raise FileNotFoundError(f"no search index of this library at {path}")
        return cls(_create(path, owner), path, owner)

    @classmethod
    def in_memory(cls, *, sealable: bool = False) -> SearchIndex:
        """An index in RAM; ``sealable``: one that ``to_chunks`` turns into bytes (the private
        index), whose documents are analysed by Python as they are added, once, so that
        ``from_chunks`` at every unlock has Tantivy only split them (half its work)."""
        return cls(open_index(None, analysed=sealable), None, sealable=sealable)

    # -- an in-memory index as bytes, for sealing ----------------------------------------------
    def to_chunks(self) -> Iterator[bytes]:
        """The analysed documents of a sealable index, one JSON line each after the format line:
        Tantivy indexes them again at the unlock faster than a file of segments decrypts."""
        if self._docs is None or self._spool is None:
            raise ValueError("only a sealable in-memory index is turned into bytes")
        yield (_CHUNKS_FORMAT + "\n").encode("ascii")
        with self._lock:
            spool, places = self._spool, [kept.line for kept in self._docs.values()]
        chunk: list[bytes] = []
        held = 0
        for line in spool.read(places):
            chunk.append(line + b"\n")
            held += len(chunk[-1])
            if held >= _CHUNK:  # sealed as they come: never the whole plaintext joined
                yield b"".join(chunk)
                chunk, held = [], 0
        if chunk:
            yield b"".join(chunk)

    @classmethod
    def from_chunks(cls, chunks: Iterable[bytes]) -> SearchIndex | None:
        """The in-memory index ``to_chunks`` wrote. None when it has another format or schema
        version (its texts were prepared by another analysis), is not an index, or ``chunks``
        fails (a sealed file that does not open): the caller builds a new one. It returns once
        every document is read and handed to Tantivy; Tantivy's threads finish analysing them
        in the background, and the index's first reader or writer waits for them."""
        try:
            lines = _lines(chunks)
            if next(lines, b"").decode("ascii", "replace").strip() != _CHUNKS_FORMAT:
                return None
            index = cls.in_memory(sealable=True)
            with index._bulk(commit_later=True) as batch:
                for line in lines:
                    doc = json.loads(line)
                    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
                        raise TypeError("not an index document")
                    batch.add_ready(doc, line)
            return index
        except Exception:  # a damaged or unopened stream is no index; the store rebuilds it
            return None

    # -- writing ------------------------------------------------------------------------------
    def batch(self) -> contextlib.AbstractContextManager[Batch]:
        """One writer for many changes, committed once at the end; rolled back on any error."""
        return self._writing(1)

    def _bulk(self, *, commit_later: bool = False) -> contextlib.AbstractContextManager[Batch]:
        """A batch of a whole index, analysed on every core: Tantivy's analysis is most of an
        unlock, and each thread's documents go into a segment of their own."""
        return self._writing(max(1, min(os.cpu_count() or 1, _BULK_THREADS)), commit_later=commit_later)

    @contextlib.contextmanager
    def _writing(self, threads: int, *, commit_later: bool = False) -> Iterator[Batch]:
        """A writer's batch, committed before it returns or, ``commit_later``, on a thread."""
        self._settle()
        with self._lock:
            writer = self._ix.writer(_WRITER_HEAP * threads, threads)
            try:
                yield Batch(writer, self._docs, self._spool)
            except BaseException:
                writer.rollback()
                writer.wait_merging_threads()
                raise
            if commit_later:
                self._committing = _in_background(lambda: self._commit(writer))
            else:
                self._commit(writer)
            self._compact()

    def _compact(self) -> None:
        """A new spool of the kept lines once the old one holds more of lines replaced (held by the lock)."""
        if self._spool is not None and self._docs is not None and self._spool.dead > max(self._spool.live, _SPOOL_SLACK):
            fresh, old = Spool(), self._spool
            for (record_id, kept), line in zip(list(self._docs.items()), old.read([k.line for k in self._docs.values()]), strict=True):
                self._docs[record_id] = kept._replace(line=fresh.add(line))
            self._spool = fresh

    def _commit(self, writer: tantivy.IndexWriter) -> None:
        writer.commit()
        writer.wait_merging_threads()  # the writer is gone: its heap is free
        give_back()
        self._ix.reload()
        self._forget()

    def _settle(self) -> None:
        """Wait for a commit left to a thread (raising its failure): reads and writes need it."""
        if self._committing is not None:
            self._committing.result()

    def update(self, docs: Iterable[dict[str, Any]]) -> None:
        docs = list(docs)
        if docs:
            with self.batch() as batch:
                for doc in docs:
                    batch.update(doc)

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if ids:
            with self.batch() as batch:
                for record_id in ids:
                    batch.delete(record_id)

    def rebuild(self, docs: Iterable[dict[str, Any]], *, total: int | None = None,
                progress: Callable[[int, int | None], None] | None = None,
                cancel: Callable[[], bool] = lambda: False) -> int:
        """Build a fresh index beside the old one and swap it in; a cancel keeps the old."""
        self._settle()
        if self.path is None:
            fresh = SearchIndex.in_memory(sealable=self._docs is not None)
            count = _fill(fresh, docs, total, progress, cancel)
            with self._lock:
                self._ix, self._docs, self._spool = fresh._ix, fresh._docs, fresh._spool
            self._forget()
            return count
        with self._lock:
            tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=self.path.parent))
            try:
                count = _fill(SearchIndex(_create(tmp, self.owner), tmp), docs, total, progress, cancel)
                old = self.path.with_name(self.path.name + ".old")
                shutil.rmtree(old, ignore_errors=True)
                if self.path.exists():
                    self.path.rename(old)
                tmp.rename(self.path)
                shutil.rmtree(old, ignore_errors=True)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            self._ix = open_index(self.path)
        self._forget()
        return count

    # -- reading ------------------------------------------------------------------------------
    def _forget(self) -> None:
        with self._cache_lock:
            self._listing_facets = None
        self._dictionary.forget()
        self.warmer.changed()

    def _searcher(self) -> tantivy.Searcher:
        self._settle()
        return self._ix.searcher()

    def doc_count(self) -> int:
        return int(self._searcher().num_docs)

    def versions(self) -> dict[str, str]:
        """Each indexed record's revision."""
        if self._docs is not None:
            with self._lock:
                return {record_id: kept.version for record_id, kept in self._docs.items()}
        searcher = self._searcher()
        found = searcher.search(Query.all_query(), max(searcher.num_docs, 1)).hits
        return {doc["id"][0]: doc["version"][0] for doc in (searcher.doc(address) for _score, address in found)}

    def search(self, query: str, *, filters: dict[str, list[str]] | None = None, lang: str | None = None,
               limit: int = 50, page: int = 1, fuzzy: bool = True, as_you_type: bool = False,
               snippets: bool = True, facets: bool = True, suggest: bool = True) -> SearchResults:
        """Records holding every word, or when none holds them all, any of them (more words rank
        higher); ``"a phrase"`` in quotes must appear as written. An empty query lists
        everything by title. ``as_you_type`` adds the last word's prefix, so typing shows the
        full query's results and more, never fewer. Facets count every hit, not only a page.
        ``suggest``: a query that finds nothing looks for a "did you mean" (not when another
        index searched first already offers one)."""
        parts = query_parts(query)
        searcher = self._searcher()
        allowed = fields.filters(filters)
        if not parts:
            return self._listing(searcher, allowed, limit, page, facets)

        def within(q: Query) -> Query:
            return q if allowed is None else Query.boolean_query([(Occur.Must, q), (Occur.Must, allowed)])

        def count(q: Query) -> int:
            return _counted(searcher.search(within(q), 1, count=True))

        builder = Builder(searcher, _WORDS, lang, self._terms(searcher))
        # every word when some record has them all, else any; decided on the words as typed,
        # so the prefix of the last word only ever adds records
        typing = as_you_type and not query.endswith((" ", '"'))
        phrased = facets and not typing and any(isinstance(part, tuple) for part in parts)
        found, all_parts, early = None, False, None  # early: a phrase's facets, counted beside its hits
        if len(parts) > 1:
            every_part = builder.query(parts, prefix=False, all_parts=True)
            if typing:
                all_parts = count(every_part) > 0
            else:  # the query itself when it finds anything: searched once, not counted first
                early = (every_part, facets_of.beside(searcher, within(every_part))) if phrased else None
                found = searcher.search(within(every_part), max(page * limit, 1), count=True)
                all_parts = _counted(found) > 0
        if found is not None and all_parts:
            used = every_part
        else:
            used = builder.query(parts, prefix=typing, all_parts=all_parts)
            if phrased and early is None:
                early = (used, facets_of.beside(searcher, within(used)))
            found = searcher.search(within(used), max(page * limit, 1), count=True)
        total, corrected, suggestion = _counted(found), False, None
        if not total:  # only a query that finds nothing is second-guessed
            suggestion = builder.suggestion(parts, count, 0) if suggest else None
            if fuzzy and (loose := builder.fuzzy(parts)) is not None:
                retry = searcher.search(within(loose), max(page * limit, 1), count=True)
                if _counted(retry):
                    found, used, total, corrected = retry, loose, _counted(retry), True
        marker = _highlighter(searcher, builder.terms) if snippets else None
        shown = found.hits[(page - 1) * limit:page * limit]
        source = Shown(searcher, [address for _score, address in shown], self._docs)
        hits = [Hit(score=float(score), source=source, at=at) for at, (score, _address) in enumerate(shown)]
        if marker is not None:
            for hit, (_score, address) in zip(hits, shown, strict=True):
                hit.snippet = marker.snippet(bytes(searcher.doc(address)["content"][0]).decode("utf-8"))
        counts = {}
        if facets and total:
            counts = early[1].result() if early is not None and early[0] is used else self._facets(searcher, within(used), total)
        return SearchResults(total, hits, counts, suggestion, corrected)

    def _listing(self, searcher: tantivy.Searcher, allowed: Query | None, limit: int, page: int,
                 facets: bool) -> SearchResults:
        """Everything (or everything a filter lets through), by title."""
        q = allowed if allowed is not None else Query.all_query()
        found = searcher.search(q, max(page * limit, 1), count=True, order_by_field="display", order=tantivy.Order.Asc)
        shown = found.hits[(page - 1) * limit:page * limit]
        source = Shown(searcher, [address for _key, address in shown], self._docs)
        hits = [Hit(sort_key=str(key or ""), source=source, at=at) for at, (key, _address) in enumerate(shown)]
        counts: dict[str, list[tuple[str, int]]] = {}
        total = _counted(found)
        if facets and total:
            counts = self._everything(searcher) if allowed is None else self._facets(searcher, q, total)
        return SearchResults(total, hits, counts)

    def _everything(self, searcher: tantivy.Searcher) -> dict[str, list[tuple[str, int]]]:
        """The facet counts of every document, kept until the index changes (the first
        listing, and the base the counts of a query matching most records are taken from)."""
        key = self._generation(searcher)
        with self._cache_lock:
            if self._listing_facets is not None and self._listing_facets[0] == key:
                return self._listing_facets[1]
        counts = facets_of.counted(searcher, Query.all_query())
        with self._cache_lock:
            self._listing_facets = (key, counts)
        return counts

    def _facets(self, searcher: tantivy.Searcher, q: Query, total: int) -> dict[str, list[tuple[str, int]]]:
        """Facet counts over all ``total`` hits of ``q``: for a query matching most records,
        every record's counts less those of the few it misses (counting costs per record)."""
        if total * 2 <= searcher.num_docs:
            return facets_of.counted(searcher, q)
        missed = Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, q)])
        return facets_of.subtracted(self._everything(searcher), facets_of.counted(searcher, missed))

    def _generation(self, searcher: tantivy.Searcher) -> tuple[int, int, int]:
        """What changes when the index does, here or by another process's commit (its meta.json)."""
        try:
            written = (self.path / "meta.json").stat().st_mtime_ns if self.path is not None else 0
        except OSError:
            written = 0
        return searcher.num_docs, searcher.num_segments, written

    def _terms(self, searcher: tantivy.Searcher) -> Terms:
        """The term dictionary's walks (completions, near spellings' candidates), each done once
        per generation of the index: people type the same beginnings again and again."""
        return self._dictionary.at(searcher, self._generation(searcher))

    def fill_snippets(self, hits: list[Hit], query: str, lang: str | None = None, as_you_type: bool = False) -> None:
        """Highlights of ``query``'s words in each hit's stored text (hits of another index,
        or asked for later than their search: the window asks for the record it opens)."""
        parts = query_parts(query)
        if not parts or not hits:
            return
        searcher = self._searcher()
        builder = Builder(searcher, _WORDS, lang, self._terms(searcher))
        builder.query(parts, prefix=as_you_type and not query.endswith((" ", '"')))
        wanted = [hit for hit in hits if not hit.snippet]
        if not wanted:
            return
        # the ids' terms, each looked up: a term set query walks an automaton over the dictionary (0.7 ms for 20)
        found = searcher.search(either([Query.term_query(SCHEMA, "id", hit.id) for hit in wanted]), len(wanted)).hits
        contents = {}
        for _score, address in found:
            stored = searcher.doc(address)
            contents[stored["id"][0]] = bytes(stored["content"][0]).decode("utf-8")
        marker = _highlighter(searcher, builder.terms)
        for hit in wanted:
            if hit.id in contents and marker is not None:
                hit.snippet = marker.snippet(contents[hit.id])

    def like(self, doc: dict[str, Any], facets: dict[str, float], *, only: dict[str, list[str]] | None = None,
             exclude: Iterable[str] = (), limit: int = 20, numterms: int = 10,
             expand: Sequence[similar.Expansion] = ()) -> list[Like]:
        """Records like the index document ``doc`` (``similar.like``)."""
        return similar.like(self._searcher(), doc, facets, only=only, exclude=exclude, limit=limit, numterms=numterms,
                            expand=expand)


def _counted(found: tantivy.SearchResult) -> int:
    """What a ``search(..., count=True)`` counted (read by name: tantivy's type stub omits it)."""
    return int(getattr(found, "count", None) or 0)


def _probe(searcher: tantivy.Searcher) -> None:
    """Read a little of every part of the index (stored documents, term dictionary, postings,
    positions, columns), so a damaged one fails here, where it is rebuilt, not at a search."""
    for _score, address in searcher.search(Query.all_query(), 1).hits:
        titles = json.loads(bytes(searcher.doc(address)["titles"][0]))
        for term in analysis.analyzer("title").analyze(" ".join(titles.values()))[:1]:
            searcher.search(Query.term_query(SCHEMA, "title", term), 1, count=True)
            searcher.search(Query.phrase_query(SCHEMA, "title", [term, term]), 1, count=True)
        searcher.search(Query.all_query(), 1, order_by_field="display")
        searcher.aggregate(Query.all_query(), {"facet": {"terms": {"field": "facet", "size": 1}}})


def _schema_version(path: Path) -> str | None:
    try:
        return (path / _VERSION_FILE).read_text(encoding="ascii").strip()
    except OSError:
        return None


def _create(path: Path, owner: str | None) -> tantivy.Index:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    ix = open_index(path)
    (path / _VERSION_FILE).write_text(SCHEMA_VERSION, encoding="ascii")
    if owner is not None:
        (path / _OWNER_FILE).write_text(owner, encoding="ascii")
    return ix


def _owner(path: Path) -> str | None:
    try:
        return (path / _OWNER_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def _fill(index: SearchIndex, docs: Iterable[dict[str, Any]], total: int | None,
          progress: Callable[[int, int | None], None] | None, cancel: Callable[[], bool]) -> int:
    count = 0
    with index._bulk() as batch:
        for doc in docs:
            if cancel():
                raise Cancelled()
            batch.add(doc)
            count += 1
            if progress:
                progress(count, total)
    return count


def _in_background(work: Callable[[], None]) -> Future[None]:
    """Run ``work`` on a thread of its own; the future says when it is done, or how it failed."""
    future: Future[None] = Future()

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # noqa: BLE001  a Rust panic too: raised again by whoever waits
            future.set_exception(exc)
        else:
            future.set_result(None)

    # not a daemon: the interpreter waits for it at exit rather than stop it inside Tantivy
    threading.Thread(target=run, name="kmdesk-index-commit").start()
    return future


def _lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    rest = b""
    for chunk in chunks:
        rest += bytes(chunk)
        *whole, rest = rest.split(b"\n")
        yield from whole
    yield from [rest] if rest else []


def _highlighter(searcher: tantivy.Searcher, terms: set[tuple[str, str]]) -> snippets.Highlighter | None:
    """The marks of the terms this index holds: a query's word becomes a term in every language's
    field, and each field marked has every unseen word of a hit's text analysed its way, but
    a term no record of the index holds in that field matched none of its hits."""
    wanted = frozenset((field, term) for field, term in terms
                       if field in SNIPPET_FIELDS and searcher.doc_freq(field, term))
    return snippets.highlighter(wanted) if wanted else None


