"""The Whoosh search index: derived from the store, rebuildable and verifiable.

One schema, language-aware in two layers, each text analysed once per field it lands in:

- one field per language with real linguistic support (``text_en`` ... ``text_zh``, analysers in
  ``analysis``) holds a record's title, summary and body *in that language*. A query word is
  analysed by each language's analyzer and matched against that language's text, so "forêts"
  finds a French "forêt", never through another language's rules;
- language-neutral fields, accent-folded and script-normalised but unstemmed: ``title`` (every
  language), ``keywords`` (keywords, people's and places' names) and ``text`` (summaries, and the
  texts of languages without a field of their own: Quechua, Maasai...). Words as people typed
  them, prefixes ("as you type") and misspellings are matched here.

Search costs what Whoosh costs (DESIGN §4): the exact and stemmed query runs first; fuzzy terms
(a prefix of two letters or more, titles and names before summaries) and "did you mean" only
when it found nothing. A prefix typed as you type expands to the most frequent terms only.
Counts and facet counts come from bitsets of posting lists (Python integers, built a posting
block at a time), cached per reader, never from walking hits. Hits are ranked by Whoosh's BM25F
computed over the same posting arrays (``ranking``); a phrase's positions are read only in the
posting blocks that hold its candidates (``blocks``). Snippets are made for the hits asked for
only (the window asks for the one record it opens).

Only what the store passes in is indexed: the store keeps public records in the on-disk index
and the rest in an in-memory index (``in_memory``) that reaches the disk only sealed
(``to_chunks``/``from_chunks``, sealed by the caller). An index written with another
``SCHEMA_VERSION`` is replaced by an empty one on opening, which the store rebuilds.
"""

from __future__ import annotations

import html
import io
import json
import re
import shutil
import struct
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import highlight
from whoosh.collectors import FilterCollector, TopCollector
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.filedb.structfile import BufferFile, StructFile
from whoosh.query import And, Every, Or, Phrase, Query, Term

from kmdesk.core import blocks, lexicon
from kmdesk.core.analysis import CJK, WORD, LANGUAGES, language_analyzer, language_field, words_analyzer
from kmdesk.core.errors import Cancelled
from kmdesk.core.results import Hit, SearchResults
from kmdesk.core.index_writer import Writer
from kmdesk.core.ranking import Postings, Scores, bool_array

FACETS = ("type", "resource_kind", "gbf_targets", "gbf_goals", "community", "languages", "countries", "access_level",
          "collection", "subjects")
SCHEMA_VERSION = "6"  # bump when analyzers or fields change: older indexes are rebuilt
_VERSION_FILE = "kmdesk-schema-version"
NEUTRAL = ("title", "keywords", "text")
PREFIX_FIELDS = ("title", "keywords")  # where a word being typed is completed
PREFIX_TERMS = 20  # a typed prefix expands to at most this many of its most frequent terms
# Near spellings (the fuzzy fallback, "did you mean") are looked for in titles and keywords
# (people's and places' names) first, where a misspelt word is worth finding; in summaries and
# untagged texts ("text": the largest vocabulary, a third of a misspelt query's walk) only
# when those have none ("humdity" is in a summary only).
NEAR_FIELDS = (("title", "keywords"), ("text",))
# The fields whose words are in a hit's stored text, in the order a snippet prefers them: the
# words as typed first ("keywords" holds names that the text may not).
SNIPPET_FIELDS = ("title", "text", *(f"text_{code}" for code in LANGUAGES))
# Near spellings are looked for among at most about this many terms sharing the first letters.
# At 100,000 records, 2,000 -> 500 took the misspelt queries of scale_bench from p95 232 to
# 126 ms CPU with the same 18 of 18 corrected (200 lost one: 64 ms, 17 of 18).
NEAR_SCAN = 500
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')


class SortText(COLUMN):
    """A text kept as a column only, to sort the list by: nothing searches it, so it has no
    terms (as an ``ID`` it added a term per record to the term dictionary, each written by
    the import's commit)."""

    def to_column_value(self, value: str) -> bytes:
        return value.encode("utf-8")


def schema() -> Schema:
    """A word that analyses to several tokens (a Chinese run) must match all of them."""
    words = words_analyzer()
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        version=ID(sortable=True),
        titles=STORED,
        content=STORED,
        display=SortText(),
        title=TEXT(analyzer=words, field_boost=3.0, multitoken_query="and"),
        keywords=TEXT(analyzer=words, field_boost=2.0, multitoken_query="and"),
        text=TEXT(analyzer=words, multitoken_query="and"),
        **{f"text_{lang}": TEXT(analyzer=language_analyzer(lang), multitoken_query="and") for lang in LANGUAGES},
        **{name: KEYWORD(commas=True, lowercase=False) for name in FACETS},
    )


def record_to_doc(record: dict[str, Any], extra_text: Iterable[str] = ()) -> dict[str, Any]:
    """The index document of a record dict; ``extra_text`` (the text of attached files) is
    searched with the record's own words."""
    def joined(values: Iterable[Any]) -> str:
        return ",".join(str(v).replace(",", " ") for v in values if v not in (None, ""))

    titles = record.get("title") or {}
    languages = sorted(set(record.get("languages") or []) | set(titles) | set(record.get("summary") or {}))
    by_language: dict[str, list[str]] = {}
    neutral: list[str] = [*(record.get("summary") or {}).values(), *extra_text]
    for name in ("title", "summary", "body"):
        for tag, value in (record.get(name) or {}).items():
            field_name = language_field(tag)
            if not value:
                continue
            if field_name:
                by_language.setdefault(field_name, []).append(value)
            elif name == "body":  # no analyzer of its own: its words are found as written
                neutral.append(value)
    names = [*(record.get("keywords") or []), *(record.get("places") or []),
             *(c["name"] for c in record.get("creators") or [])]
    return {
        **{name: "\n".join(values) for name, values in by_language.items()},
        "id": record["id"],
        "version": str(record.get("revision", 1)),
        "titles": json.dumps(titles, ensure_ascii=False),
        "content": "\n".join([*titles.values(), *(record.get("summary") or {}).values(),
                              *(record.get("body") or {}).values(), *extra_text]),
        "display": (next(iter(titles.values()), "")).casefold(),
        "title": "\n".join(titles.values()),
        "keywords": "\n".join(names),
        "text": "\n".join(neutral),
        "type": record.get("type") or "",
        "resource_kind": record.get("resource_kind") or "",
        "gbf_targets": joined(record.get("gbf_targets") or []),
        "gbf_goals": joined(record.get("gbf_goals") or []),
        "community": joined([record.get("community")]),
        "languages": joined(languages),
        "countries": joined(record.get("countries") or []),
        "access_level": (record.get("access") or {}).get("level", "public"),
        "collection": collection(record),
        "subjects": joined(record.get("subjects") or []),
    }


def collection(record: dict[str, Any]) -> str:
    """``chm`` for a record pulled from the central CHM (it carries the CHM's identifier, see
    ``sync.pull``), ``library`` for the library's own."""
    return "chm" if "chm" in (record.get("identifiers") or {}) else "library"


@dataclass
class Like:
    """A record like another (``SearchIndex.like``): its score and the words of its texts that
    the query's key terms found (what the two records share, shown as a reason)."""

    id: str
    score: float
    words: list[str]


LIKE_TEXT_FIELDS = ("title", "keywords", "text", *(f"text_{code}" for code in LANGUAGES))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Words that say nothing about what a record is about ("de", "for", "и"), in the languages
    Whoosh has lists for: the neutral fields keep them, and in a small library they can look
    characteristic to the key-term model."""
    from whoosh.lang import NoStopWords, stopwords_for_language

    words: set[str] = set()
    for lang in ("en", "es", "fr", "ru", "pt", "de", "it"):
        try:
            words |= set(stopwords_for_language(lang))
        except NoStopWords:
            continue
    return frozenset(words)


def _schema_version(path: Path) -> str | None:
    try:
        return (path / _VERSION_FILE).read_text(encoding="ascii").strip()
    except OSError:
        return None


def _storage(path: Path) -> FileStorage:
    """The directory's storage, read as a file, not through ``mmap``: Whoosh opens each part of
    a memory-mapped segment as a ``BytesIO`` of it, which copies the whole part, so every
    reader (each search process, each commit's new searcher) first copied the index into
    memory: 0.6 s CPU and 800 MB RSS before a cold search at 100,000 records (bench/README.md).
    Read as a file, a reader holds only what it reads."""
    return FileStorage(str(path), supports_mmap=False)


def _create(path: Path) -> Any:
    """A new, empty index in the directory ``path``, marked with ``SCHEMA_VERSION``."""
    ix = _storage(path).create_index(schema())
    (path / _VERSION_FILE).write_text(SCHEMA_VERSION, encoding="ascii")
    return ix


class _MemoryOnly(RamStorage):
    """Whoosh's RamStorage writes a segment's stored columns through a temporary *directory*
    (``/tmp/MAIN.tmp``, the same name for every process): restricted plaintext on disk, and a
    race between two libraries indexing at once. Its temporary storage stays in memory here."""

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return _RunStorage()

    def open_file(self, name: str, **kwargs: Any) -> BufferFile:
        """The file read in place: Whoosh's RamStorage wraps it in a memoryview, which its
        BufferFile copies whole into a BytesIO (a BytesIO over bytes shares them), so every
        reader opened on a 38 MB index copied it once more."""
        if name not in self.files:
            raise NameError(name)
        return BufferFile(self.files[name], name=name, **kwargs)


class _RunStorage(_MemoryOnly):
    """Where a writer's pool spills sorted runs of an in-memory index (a large one spills):
    the pool writes through the raw file, which RamStorage keeps only when its own wrapper is
    closed, so the runs were lost ("NameError: ....run" at commit). Here closing the raw file
    keeps it."""

    def create_file(self, name: str, **kwargs: Any) -> StructFile:
        files = self.files

        class Kept(io.BytesIO):
            def close(self) -> None:
                if not self.closed:
                    files[name] = self.getvalue()
                super().close()

        return StructFile(Kept(), name=name)


class _Stream:
    """Chunks read as a stream of exact lengths (``SearchIndex.from_chunks``)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._head = memoryview(b"")

    def read(self, count: int) -> bytes:
        """The next ``count`` bytes, fewer at the stream's end. A BytesIO gathers them: its
        value is its own buffer, not a copy."""
        out = io.BytesIO()
        while count > 0:
            if not self._head:
                chunk = next(self._chunks, None)
                if chunk is None:
                    break
                self._head = memoryview(chunk)
            part, self._head = self._head[:count], self._head[count:]
            out.write(part)
            count -= len(part)
        return out.getvalue()


class Batch:
    """Changes gathered in one Whoosh writer and committed once (``SearchIndex.batch``): a
    commit re-merges segments, so committing every few hundred records makes a large import
    grow faster than its record count."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def add(self, doc: dict[str, Any]) -> None:
        """A document whose id the index does not hold yet (no lookup for an old copy)."""
        self._writer.add_document(**doc)

    def update(self, doc: dict[str, Any]) -> None:
        self._writer.update_document(**doc)

    def delete(self, record_id: str) -> None:
        self._writer.delete_by_term("id", record_id)


class SearchIndex:
    """One Whoosh index (a directory, or RAM). One writer at a time, as Whoosh requires."""

    # The writer's in-memory pool (``index_writer.TermPool`` counts its postings' Python objects):
    # indexing 4,000 records took 38.8 / 39.6 / 37.5 CPU s with 20 / 40 / 80, and 46 / 60 / 94 MB
    # (bench/README.md). The smallest: a 100,000-record import peaks while the private index is
    # built on top of the public one's leftovers, and its runs are compressed since.
    LIMIT_MB = 20

    def __init__(self, ix: Any, path: Path | None) -> None:
        self._ix = ix
        self.path = path
        self._lock = threading.Lock()
        self._searcher: Any = None
        self._masks: _Masks | None = None
        self._searcher_lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> SearchIndex:
        """Open the index at ``path``; one of another schema version (or none) is replaced by
        an empty one, which ``Library`` fills from the store (an empty index is rebuilt)."""
        path = Path(path)
        if _schema_version(path) == SCHEMA_VERSION:  # before unpickling: an older schema names
            try:                                      # analyzer classes that may be gone
                index = cls(_storage(path).open_index(), path)
                with index._current():  # each segment opens here (the first search's searcher):
                    return index        # a damaged one is rebuilt, not met by that search
            except Exception:  # damaged or unreadable: derived data, rebuilt from the store
                pass
        if not create:
            raise FileNotFoundError(f"no search index at {path}")
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return cls(_create(path), path)

    @classmethod
    def in_memory(cls) -> SearchIndex:
        return cls(_MemoryOnly().create_index(schema()), None)

    # -- an in-memory index as bytes, for sealing ----------------------------------------------
    def to_chunks(self, size: int = 1 << 20) -> Iterator[bytes | memoryview]:
        """The files of an in-memory index as one stream of chunks of at most ``size`` bytes,
        views of the files, never joined (the caller seals them as they come; a segment is one
        file as large as the index): schema version, then each file as length-prefixed name
        and content."""
        if self.path is not None:
            raise ValueError("only an in-memory index is turned into bytes")
        with self._lock:
            files = dict(self._ix.storage.files)
        yield SCHEMA_VERSION.encode("ascii").ljust(8)
        for name, content in files.items():
            encoded = name.encode("utf-8")
            yield struct.pack(">II", len(encoded), len(content)) + encoded
            view = memoryview(content)
            for start in range(0, len(view), size):
                yield view[start:start + size]

    @classmethod
    def from_chunks(cls, chunks: Iterable[bytes]) -> SearchIndex | None:
        """The in-memory index ``to_chunks`` wrote, read as its chunks come (a sealed index as
        it is decrypted): each file is gathered once and kept as it is read, the stream is never
        joined (joined, then cut into files, it was held three times at the unlock: the sealed
        file, its plaintext and the files). None when it has another schema version, is not an
        index, or ``chunks`` fails (a sealed file that does not open): the caller builds a new one."""
        stream = _Stream(chunks)
        storage = _MemoryOnly()
        try:
            if stream.read(8).decode("ascii", "replace").strip() != SCHEMA_VERSION:
                return None
            while header := stream.read(8):
                name_length, length = struct.unpack(">II", header)
                name = stream.read(name_length).decode("utf-8")
                storage.files[name] = stream.read(length)
            return cls(storage.open_index(), None)
        except Exception:  # a damaged or unopened stream is no index; the store rebuilds it
            return None

    # -- writing ------------------------------------------------------------------------------
    @classmethod
    def _writer(cls, ix: Any) -> Writer:
        """A writer of ``ix`` (``index_writer``), ``LIMIT_MB`` of postings in memory at most. An
        in-memory segment is not assembled into one compound file: in RAM that is a second copy
        of the whole index at every commit (4,000 records: the commit's peak 218 -> 204 MB)."""
        return Writer(ix, limitmb=cls.LIMIT_MB, compound=not isinstance(ix.storage, RamStorage))

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """One writer for many changes, committed once at the end; cancelled on any error."""
        with self._lock:
            writer = self._writer(self._ix)
            try:
                yield Batch(writer)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
        self._forget_searcher()

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

    def purge(self) -> None:
        """Merge segments so deleted documents' text leaves the files on disk."""
        with self._lock:
            self._ix.optimize()
        self._forget_searcher()

    def rebuild(self, docs: Iterable[dict[str, Any]], *, total: int | None = None,
                progress: Callable[[int, int | None], None] | None = None,
                cancel: Callable[[], bool] = lambda: False) -> int:
        """Build a fresh index beside the old one and swap it in; a cancel keeps the old."""
        if self.path is None:
            fresh = _MemoryOnly().create_index(schema())
            count = self._fill(fresh, docs, total, progress, cancel)
            with self._lock:
                self._ix = fresh
            self._forget_searcher()
            return count
        with self._lock:
            tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=self.path.parent))
            try:
                count = self._fill(_create(tmp), docs, total, progress, cancel)
                self._forget_searcher()
                old = self.path.with_name(self.path.name + ".old")
                shutil.rmtree(old, ignore_errors=True)
                self.path.rename(old)
                tmp.rename(self.path)
                shutil.rmtree(old, ignore_errors=True)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            self._ix = _storage(self.path).open_index()
            return count

    def _fill(self, ix: Any, docs: Iterable[dict[str, Any]], total: int | None,
              progress: Callable[[int, int | None], None] | None, cancel: Callable[[], bool]) -> int:
        writer = self._writer(ix)
        count = 0
        try:
            for doc in docs:
                if cancel():
                    raise Cancelled()
                writer.add_document(**doc)
                count += 1
                if progress:
                    progress(count, total)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return count

    # -- reading ------------------------------------------------------------------------------
    def _forget_searcher(self) -> None:
        with self._searcher_lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher, self._masks = None, None

    @contextmanager
    def _current(self) -> Iterator[tuple[Any, _Masks]]:
        """A searcher on the latest commit and its bitset cache, kept between searches (opening
        a searcher and reading posting lists again for every keystroke is most of the cost)."""
        with self._searcher_lock:
            if self._searcher is None:
                self._searcher = self._ix.searcher()
                self._masks = _Masks(self._searcher)
            elif not self._searcher.up_to_date():
                self._searcher.close()
                self._searcher = self._ix.searcher()
                self._masks = _Masks(self._searcher)
            assert self._masks is not None
            yield self._searcher, self._masks

    def doc_count(self) -> int:
        return self._ix.doc_count()

    def versions(self) -> dict[str, str]:
        """Each indexed record's revision, from the columns (no stored text is read)."""
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            if not reader.doc_count_all():  # an empty index has no columns
                return {}
            ids, versions = reader.column_reader("id"), reader.column_reader("version")
            return {ids[n]: versions[n] for n in reader.all_doc_ids()}

    def search(self, query: str, *, filters: dict[str, list[str]] | None = None, lang: str | None = None,
               limit: int = 50, page: int = 1, fuzzy: bool = True, as_you_type: bool = False,
               snippets: bool = True, facets: bool = True) -> SearchResults:
        """Records holding every word, or when none holds them all, any of them (more words rank
        higher); ``"a phrase"`` in quotes must appear as written. An empty query lists everything by title. ``as_you_type`` adds
        the last word's prefix, so typing shows the full query's results and more, never fewer.
        Without ``facets`` no facet is counted (a face that shows none, as ``kmdesk search``:
        the first counts of a process read every facet value's postings)."""
        parts = _query_parts(query)
        with self._current() as (searcher, masks):
            filter_q = _filters(filters)
            allowed = masks.of(filter_q) if filter_q is not None else masks.live()
            if not parts:
                return self._listing(searcher, masks, allowed, limit, page)
            builder = _Builder(searcher, masks, lang)
            # every word when some record has them all, else any; decided on the words as typed,
            # so the prefix of the last word only ever adds records
            every = len(parts) > 1 and bool(masks.of(builder.query(parts, prefix=False, every=True)) & allowed)
            exact = builder.query(parts, prefix=as_you_type and not query.endswith((" ", '"')), every=every)
            matched = masks.of(exact) & allowed
            total, used, corrected = matched.bit_count(), exact, False
            suggestion = None
            if not total:  # only a query that finds nothing is second-guessed
                if fuzzy and (loose := builder.fuzzy(parts)) is not None:
                    loose_matched = (masks.of(loose) | matched) & allowed
                    if loose_matched.bit_count() > total:
                        used, matched, corrected = Or([exact, loose]), loose_matched, True
                suggestion = builder.suggestion(parts, lambda q: (masks.of(q) & allowed).bit_count(), total)
            hits = self._ranked(searcher, masks, used, matched, filter_q, page * limit)
            results = SearchResults(matched.bit_count(), hits[(page - 1) * limit:], masks.facets(matched) if facets else {},
                                    suggestion, corrected)
        if snippets:
            self.fill_snippets(results.hits, query, lang, as_you_type)
        return results

    def like(self, doc: dict[str, Any], facets: dict[str, float], *, only: dict[str, list[str]] | None = None,
             exclude: Iterable[str] = (), limit: int = 20, numterms: int = 10) -> list[Like]:
        """Records like the index document ``doc`` (matchmaking, suggestions): Whoosh's key
        terms of its texts, weighed against this index's own statistics (Bo1, as
        ``more_like_this`` does), OR-ed with its values of the facet fields in ``facets`` (each
        with that boost), ranked by Whoosh. ``only`` keeps records with these facet values,
        ``exclude`` leaves ids out. The document is analysed in memory; nothing is written."""
        if not self._ix.doc_count():
            return []
        with self._current() as (searcher, _masks):
            clauses: list[Query] = []
            for fieldname in LIKE_TEXT_FIELDS:
                if doc.get(fieldname):
                    clauses += [Term(fieldname, word, boost=weight)
                                for word, weight in searcher.key_terms_from_text(fieldname, doc[fieldname], numterms=numterms)
                                if word not in _function_words() and (len(word) > 2 or CJK.search(word))]
            for fieldname, boost in facets.items():
                clauses += [Term(fieldname, value, boost=boost) for value in str(doc.get(fieldname) or "").split(",") if value]
            if not clauses:
                return []
            allow = _filters(only)
            ids = list(exclude)
            mask = Or([Term("id", i) for i in ids]) if ids else None
            found = searcher.search(Or(clauses), limit=limit, filter=allow, mask=mask, terms=True)
            return [Like(hit["id"], float(hit.score or 0.0),
                         sorted({raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
                                 for fieldname, raw in hit.matched_terms() if fieldname not in facets}))
                    for hit in found]

    @staticmethod
    def _ranked(searcher: Any, masks: _Masks, q: Query, candidates: int, filter_q: Query | None, count: int) -> list[Hit]:
        """The ``count`` best hits among ``candidates`` (the documents ``q`` matches that the
        filters allow): scored from posting arrays (``ranking``), or by Whoosh's collector for a
        weighting ``ranking`` does not know."""
        best = masks.scores.top(q, candidates, max(count, 1))
        if best is not None:
            hits = []
            for docnum, score in best[:count]:
                fields = searcher.stored_fields(docnum)
                hits.append(Hit(id=fields["id"], score=score, title=json.loads(fields["titles"])))
            return hits
        top = TopCollector(limit=max(count, 1))
        collector = FilterCollector(top, allow=filter_q) if filter_q is not None else top
        searcher.search_with_collector(q, collector)
        return [Hit(id=r["id"], score=float(r.score or 0.0), title=json.loads(r["titles"])) for r in collector.results()][:count]

    @staticmethod
    def _listing(searcher: Any, masks: _Masks, allowed: int, limit: int, page: int) -> SearchResults:
        """Everything (or everything a filter lets through), by title."""
        wanted, hits = page * limit, []
        for docnum in masks.by_title() if wanted > 0 else ():
            if allowed >> docnum & 1:
                fields = searcher.stored_fields(docnum)
                hits.append(Hit(id=fields["id"], score=0.0, title=json.loads(fields["titles"]),
                                sort_key=masks.display(docnum)))
                if len(hits) == wanted:
                    break
        return SearchResults(allowed.bit_count(), hits[(page - 1) * limit:], masks.facets(allowed))

    def fill_snippets(self, hits: list[Hit], query: str, lang: str | None = None, as_you_type: bool = False) -> None:
        """Highlights of ``query``'s words in each hit's stored text, as typed or as a
        language's rules matched them (a stemmed "forêts" marks "forêt"). The bitsets say which
        field's terms a hit holds, so its text is analysed once, by that field's analyzer."""
        parts = _query_parts(query)
        if not parts or not hits:
            return
        with self._current() as (searcher, masks):
            built = _Builder(searcher, masks, lang).query(parts, prefix=as_you_type and not query.endswith((" ", '"')))
            terms = {(fieldname, text if isinstance(text, str) else text.decode("utf-8"))
                     for fieldname, text in built.iter_all_terms() if fieldname in SNIPPET_FIELDS}
            for hit in hits:
                docnum = masks.number(hit.id)
                if docnum is None or hit.snippet:
                    continue
                held = [(f, t) for f, t in terms if masks.term(f, t) >> docnum & 1]
                fieldname = min((f for f, _ in held), key=SNIPPET_FIELDS.index, default=None)
                if fieldname is not None:
                    hit.snippet = _snippet(searcher.stored_fields(docnum).get("content", ""), fieldname,
                                           {t for f, t in held if f == fieldname})


def _query_parts(query: str) -> list[str | tuple[str, ...]]:
    """Words, and phrases (quoted) as tuples of words."""
    parts: list[str | tuple[str, ...]] = []
    for phrase, bare in _QUERY_PART.findall(query):
        if phrase:
            words = tuple(WORD.findall(phrase))
            if len(words) > 1:
                parts.append(words)
            elif words:
                parts.append(words[0])
        else:
            parts.extend(WORD.findall(bare))
    return parts


def _terms(fieldname: str, forms: list[str]) -> Query | None:
    forms = list(dict.fromkeys(f for f in forms if f))
    if not forms:
        return None
    return Term(fieldname, forms[0]) if len(forms) == 1 else And([Term(fieldname, f) for f in forms])


def _script(word: str) -> str:
    """The script of a word's first letter (LATIN, CYRILLIC, ARABIC, CJK ...)."""
    for ch in word:
        if ch.isalpha():
            return unicodedata.name(ch, "?").split(" ")[0]
    return ""


class _Builder:
    """Whoosh queries from the words people type, analysed once per field."""

    def __init__(self, searcher: Any, masks: _Masks, lang: str | None) -> None:
        self.searcher = searcher
        self.masks = masks
        self.reader = searcher.reader()
        self.preferred = language_field(lang) if lang else None
        self._near_cache: dict[tuple[str, str], list[str]] = {}

    def analyse(self, fieldname: str, word: str) -> list[str]:
        if fieldname in NEUTRAL:
            analyzer = _neutral()
        else:
            analyzer = _query_analyzer(fieldname[len("text_"):])
        return [token.text for token in analyzer(word)]

    def word(self, word: str) -> Query:
        clauses = []
        for fieldname in (*NEUTRAL, *(f"text_{code}" for code in LANGUAGES)):
            q = _terms(fieldname, self.analyse(fieldname, word))
            if q is not None:
                if fieldname == self.preferred:
                    q.boost = 1.5
                clauses.append(q)
        return Or(clauses)

    def phrase(self, words: tuple[str, ...]) -> Query:
        clauses = []
        for fieldname in ("title", "text", *(f"text_{code}" for code in LANGUAGES)):
            forms = [self.analyse(fieldname, w) for w in words]
            if all(len(f) == 1 for f in forms):
                clauses.append(Phrase(fieldname, [f[0] for f in forms]))
        return Or(clauses) if clauses else And([self.word(w) for w in words])

    def prefix(self, word: str) -> Query | None:
        """The most frequent terms of titles, keywords and names that begin with what was
        typed: few fields with short texts, so a keystroke costs little at any library size."""
        if len(word) < 2 or CJK.search(word):
            return None
        forms = _neutral_forms(word)
        if len(forms) != 1:
            return None
        clauses = [Term(fieldname, text, boost=0.8)
                   for fieldname in PREFIX_FIELDS for text in self.masks.completions(fieldname, forms[0])]
        return Or(clauses) if clauses else None

    def query(self, parts: list[str | tuple[str, ...]], *, prefix: bool, every: bool = False) -> Query:
        """Records with ``every`` part, or with any of them (those with more rank higher)."""
        clauses: list[Query] = []
        for i, part in enumerate(parts):
            if isinstance(part, tuple):
                clauses.append(self.phrase(part))
                continue
            q = self.word(part)
            if prefix and i == len(parts) - 1 and (grown := self.prefix(part)) is not None:
                q = Or([q, grown])
            clauses.append(q)
        if len(clauses) == 1:
            return clauses[0]
        return And(clauses) if every else Or(clauses)

    def fuzzy(self, parts: list[str | tuple[str, ...]]) -> Query | None:
        """Misspellings of words of five letters or more (two edits from seven), among the
        ``NEAR_FIELDS``' terms sharing the word's first letters (``_neighbourhood``)."""
        clauses = []
        for part in parts:
            if isinstance(part, tuple) or len(part) < 5 or CJK.search(part):
                continue
            forms = _neutral_forms(part)
            if len(forms) != 1:
                continue
            maxdist = 2 if len(part) >= 7 else 1
            for fieldnames in NEAR_FIELDS:
                near = [Term(fieldname, term) for fieldname in fieldnames for term in self._near(fieldname, forms[0], maxdist)]
                clauses.extend(near)
                if near:
                    break
        return Or(clauses) if clauses else None

    def _near(self, fieldname: str, form: str, maxdist: int) -> list[str]:
        """Terms of ``fieldname`` within ``maxdist`` (1 or 2) edits of ``form`` that share its
        first letters, found once per word and field at two edits (the fuzzy fallback and "did
        you mean" both ask). They are the terms sharing the beginning (``_neighbourhood``, at
        most ``NEAR_SCAN``) within two Levenshtein edits: the set Whoosh's ``terms_within``
        gives, whose automaton looked each candidate up in the on-disk term table by binary
        search (70 reads a step, most of a misspelt query's 400 ms at 100,000 records)."""
        key = (fieldname, form)
        if key not in self._near_cache:
            self._near_cache[key] = [t for t in self._neighbourhood(fieldname, form)
                                     if t != form and _distance(form, t, 2) <= 2]
        return [t for t in self._near_cache[key] if maxdist >= 2 or _distance(form, t, 1) <= maxdist]

    def _neighbourhood(self, fieldname: str, form: str) -> list[str]:
        """The terms beginning with ``form``'s first two letters, or more letters while over
        ``NEAR_SCAN`` terms share them: the cost of looking for near spellings is the number of
        terms read, and Arabic's article "ال" alone begins a third of all Arabic words."""
        for length in range(2, len(form) - 1):
            terms = [term for term, _ in islice(lexicon.prefixed(self.reader, fieldname, form[:length]), NEAR_SCAN + 1)]
            if len(terms) <= NEAR_SCAN:
                return terms
        return [term for term, _ in lexicon.prefixed(self.reader, fieldname, form[:max(len(form) - 1, 1)])]

    def suggestion(self, parts: list[str | tuple[str, ...]], count: Callable[[Query], int], found: int) -> str | None:
        """A spelling that finds more than the query did: only for words of four letters or
        more that the index does not know, from terms of the same script."""
        fixed, changed = [], False
        for part in parts:
            if isinstance(part, tuple):
                fixed.append('"' + " ".join(part) + '"')
                continue
            better = self._respelt(part)
            fixed.append(better or part)
            changed = changed or better is not None
        if not changed:
            return None
        suggestion = " ".join(fixed)
        return suggestion if count(self.query(_query_parts(suggestion), prefix=False)) > found else None

    def _respelt(self, word: str) -> str | None:
        if len(word) < 4 or CJK.search(word):
            return None
        forms = _neutral_forms(word)
        if len(forms) != 1 or self._known(word):
            return None
        script, best = _script(word), None
        for fieldnames in NEAR_FIELDS:
            for fieldname in fieldnames:
                for candidate in self._near(fieldname, forms[0], 2):
                    if _script(candidate) != script:
                        continue
                    rank = (_distance(forms[0], candidate), -self.reader.doc_frequency(fieldname, candidate))
                    if best is None or rank < best[0]:
                        best = (rank, candidate)
            if best:
                return best[1]
        return None

    def _known(self, word: str) -> bool:
        """Known when any field holds all its forms (pêche -> peche, أرض -> ارض, forêts -> forêt)."""
        for fieldname in (*NEUTRAL, *(f"text_{code}" for code in LANGUAGES)):
            forms = self.analyse(fieldname, word)
            if forms and all(self.reader.doc_frequency(fieldname, f) > 0 for f in forms):
                return True
        return False


def _distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance, by Myers' bit-vector algorithm (Hyyrö's form for edit distance):
    one column of the table per letter of ``b`` in a few integer operations, 20 times faster
    than the table cell by cell, which was most of a misspelt query's time once the terms near
    it were read. With ``limit``, words whose lengths alone differ by more are answered
    ``limit + 1`` without computing."""
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a:
        return len(b)
    letters: dict[str, int] = {}
    for i, ch in enumerate(a):
        letters[ch] = letters.get(ch, 0) | 1 << i
    width = len(a)
    mask, top = (1 << width) - 1, 1 << (width - 1)
    plus, minus, score = mask, 0, width
    for ch in b:
        equal = letters.get(ch, 0)
        vertical = equal | minus
        horizontal = (((equal & plus) + plus) ^ plus) | equal
        h_plus = minus | (~(horizontal | plus) & mask)
        h_minus = plus & horizontal
        if h_plus & top:
            score += 1
        elif h_minus & top:
            score -= 1
        h_plus = (h_plus << 1 | 1) & mask
        h_minus = (h_minus << 1) & mask
        plus = h_minus | (~(vertical | h_plus) & mask)
        minus = h_plus & vertical
    return score


@lru_cache(maxsize=1)
def _neutral() -> Any:
    return words_analyzer()


@lru_cache(maxsize=None)
def _query_analyzer(lang: str) -> Any:
    return language_analyzer(lang, query=True)


def _neutral_forms(word: str) -> list[str]:
    return [token.text for token in _neutral()(word)]


def _filters(filters: dict[str, list[str]] | None) -> Query | None:
    clauses = [Or([Term(name, str(v)) for v in values]) for name, values in (filters or {}).items() if values]
    return And(clauses) if clauses else None


class _Masks:
    """Sets of documents as Python integers (bit n = document n), cached for one searcher:
    counting a query's hits or a facet's values is then an AND and a ``bit_count``, at C speed,
    instead of walking every hit in Python. The cached terms are bounded by their bytes, not
    their number: a mask is as long as its highest document number (12.5 KB at 100,000
    documents, however few hold the term), and 20,000 of them made a search process of 1.5 GB."""

    CACHE_BYTES = 48 * 1024 * 1024
    COMPLETIONS = 4096
    # ``held`` looks documents up in a posting list when it is this many times longer than them
    # (looking one up may read a block's postings: 128 of them)
    PROBE_RATIO = 512

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self._terms: dict[tuple[str, str], int] = {}
        self.cached_bytes = 0
        self._live: int | None = None
        self._facets: dict[str, list[tuple[str, int]]] | None = None
        self._by_title: list[int] | None = None
        self._display: list[str] = []
        self._lock = threading.Lock()
        self._completions: dict[tuple[str, str], list[str]] = {}
        self._held: dict[tuple[str, Any, int], int] = {}  # a few documents looked up in long lists, phrases
        self.postings = Postings(self.reader)
        self.scores = Scores(searcher, self.postings, self.of)

    @staticmethod
    def from_ids(ids: Iterable[int]) -> int:
        return _bits(np.fromiter(ids, dtype=np.int64))

    def live(self) -> int:
        if self._live is None:
            if self.reader.has_deletions():
                self._live = self.from_ids(self.reader.all_doc_ids())
            else:  # every number below the count is a live document: no walk over 100,000 of them
                self._live = (1 << self.reader.doc_count_all()) - 1
        return self._live

    def term(self, fieldname: str, text: str) -> int:
        key = (fieldname, text)
        mask = self._terms.get(key)
        if mask is None:
            found = self.postings.of(fieldname, text)
            mask = _bits(np.concatenate([ids + base for base, ids, _ in found])) & self.live() if found else 0
            size = (mask.bit_length() + 7) // 8
            if self.cached_bytes + size > self.CACHE_BYTES:
                self._terms.clear()
                self.cached_bytes = 0
            self._terms[key] = mask
            self.cached_bytes += size
        return mask

    def of(self, q: Query, among: int | None = None) -> int:
        """The documents ``q`` matches (for the kinds of query ``_Builder`` makes), or only those
        of them in ``among``."""
        if isinstance(q, Term):
            text = q.text if isinstance(q.text, str) else q.text.decode("utf-8")
            return self.term(q.fieldname, text) if among is None else self.held(among, q.fieldname, text)
        if isinstance(q, Or):
            mask = 0
            for sub in q.subqueries:
                mask |= self.of(sub, among)
            return mask
        if isinstance(q, Every):
            return self.live() if among is None else among & self.live()
        mask = self.live() if among is None else among & self.live()
        if isinstance(q, Phrase):  # the rarest word's documents, then the others' positions in them
            rarest = min(q.words, key=lambda word: self.reader.doc_frequency(q.fieldname, word))
            mask = self.of(Term(q.fieldname, rarest), mask)
            return self.phrase(q, mask) if mask else 0
        # every part: the rarest first, so a part that narrows to a few documents spares
        # reading the others' long lists
        for sub in sorted(q.subqueries, key=lambda sub: sub.estimate_size(self.reader)):
            mask = self.of(sub, mask)
            if not mask:
                return 0
        return mask

    def held(self, among: int, fieldname: str, text: str) -> int:
        """The documents of ``among`` holding a term. A few documents against a long posting
        list are looked up in the blocks that may hold them (``blocks.Blocks``: 1,000 block
        headers of "soil" read in one piece); else, or when it is cached, the term's bitset."""
        key = (fieldname, text)
        if key not in self._terms and among.bit_count() * self.PROBE_RATIO < self.reader.doc_frequency(fieldname, text):
            if (found := self._held.get((fieldname, text, among))) is not None:
                return found
            found = 0
            for leaf, base, wanted in self._segments(among):
                blocks_ = self.postings.blocks(leaf, base, fieldname, text)
                if blocks_ is not None:
                    found |= _bits(blocks_.weights(wanted)[0] + base)
            self._keep_held((fieldname, text, among), found)
            return found
        return among & self.term(fieldname, text)

    def phrase(self, q: Phrase, among: int) -> int:
        """The documents of ``among`` where the phrase's words stand one after another: their
        positions read from the blocks that hold these documents, not from the whole lists."""
        key = (q.fieldname, tuple(q.words), among)
        if (found := self._held.get(key)) is not None:
            return found
        found = 0
        for leaf, base, wanted in self._segments(among):
            read = partial(self.postings.blocks, leaf, base)
            found |= _bits(blocks.phrase(leaf, q.fieldname, q.words, wanted, read) + base)
        self._keep_held(key, found)
        return found

    def _segments(self, among: int) -> Iterator[tuple[Any, int, np.ndarray]]:
        """Each segment's reader, first document number and the numbers (in it) of ``among``."""
        docnums = np.flatnonzero(bool_array(among, self.reader.doc_count_all()))
        for leaf, base in self.reader.leaf_readers():
            inside = docnums[(docnums >= base) & (docnums < base + leaf.doc_count_all())] - base
            if len(inside):
                yield leaf, base, inside

    def _keep_held(self, key: tuple[str, Any, int], found: int) -> None:
        with self._lock:
            if len(self._held) >= self.COMPLETIONS:
                self._held.clear()
            self._held[key] = found

    def facets(self, matched: int) -> dict[str, list[tuple[str, int]]]:
        """Each facet value's count among ``matched``. Every live document of an index without
        deletions (the window's first listing) is counted from the term dictionary's document
        frequencies: the values' bitsets would read 7,000 posting blocks (0.6 s at 100,000)."""
        with self._lock:
            if self._facets is None:
                self._facets = {name: [text.decode("utf-8") if isinstance(text, bytes) else text
                                       for text in self.reader.lexicon(name)] for name in FACETS}
        everything = matched == self.live() and not self.reader.has_deletions()
        out = {}
        for name, values in self._facets.items():
            counts = [(value, self.reader.doc_frequency(name, value) if everything else (matched & self.term(name, value)).bit_count())
                      for value in values if value]
            out[name] = sorted(((v, c) for v, c in counts if c), key=lambda kv: (-kv[1], kv[0]))
        return out

    def by_title(self) -> list[int]:
        with self._lock:
            if self._by_title is None:
                if not self.reader.doc_count_all():  # an empty index has no columns
                    self._display, self._by_title = [], []
                else:
                    self._display = _strings(self.reader, "display")
                    self._by_title = sorted(self.reader.all_doc_ids(), key=self._display.__getitem__)
        return self._by_title

    def display(self, docnum: int) -> str:
        self.by_title()
        return self._display[docnum]

    def completions(self, fieldname: str, prefix: str) -> list[str]:
        """The ``PREFIX_TERMS`` most frequent terms of ``fieldname`` beginning with ``prefix``.
        Finding them walks every term with that beginning (5,600 for "st" in a 100,000-record
        library's titles: 150 ms); people type the same beginnings again and again, so each is
        walked once per searcher (``COMPLETIONS`` of them kept)."""
        key = (fieldname, prefix)
        with self._lock:
            found = self._completions.get(key)
        if found is None:
            best = sorted(((frequency, text) for text, frequency in lexicon.prefixed(self.reader, fieldname, prefix)),
                          reverse=True)[:PREFIX_TERMS]
            found = [text for _, text in best]
            with self._lock:
                if len(self._completions) >= self.COMPLETIONS:
                    self._completions.clear()
                self._completions[key] = found
        return found

    def number(self, record_id: str) -> int | None:
        """The document number of a record (ids are unique: one live document)."""
        mask = self.term("id", record_id)
        return mask.bit_length() - 1 if mask else None


def _strings(reader: Any, fieldname: str) -> list[str]:
    """Every document's value of a text column, each segment's column read in one piece:
    Whoosh's column reader reads the file once per document (90,000 reads, 1 s of the window's
    first listing at 100,000 records, to sort by title)."""
    values: list[str] = []
    for leaf, _base in reader.leaf_readers():
        column = leaf.column_reader(fieldname, translate=False)
        if isinstance(column, VarBytesColumn.Reader) and len(column._lengths):
            blob = column._dbfile.get(column._basepos, column._offsets[-1] + column._lengths[-1])
            values.extend(blob[start:start + size].decode("utf-8")
                          for start, size in zip(column._offsets, column._lengths))
        else:
            values.extend(value.decode("utf-8") if isinstance(value, bytes) else value for value in column)
    return values


def _bits(ids: np.ndarray) -> int:
    """The set of document numbers ``ids`` as a Python integer (bit n = document n)."""
    if not len(ids):
        return 0
    flags = np.zeros(int(ids.max()) + 1, dtype=bool)
    flags[ids] = True
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")


def _snippet(content: str, fieldname: str, words: set[str]) -> str:
    """Up to three fragments of ``content`` with ``words`` (terms of ``fieldname``) in bold."""
    analyzer = _neutral() if fieldname in NEUTRAL else language_analyzer(fieldname[len("text_"):])
    fragmenter = highlight.ContextFragmenter(maxchars=200, surround=40)
    return highlight.highlight(content, frozenset(words), analyzer, fragmenter, _Bold(), top=3) if content else ""


class _Bold(highlight.Formatter):
    """``<b>`` around matches, everything else HTML-escaped."""

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"<b>{html.escape(highlight.get_text(text, token, replace))}</b>"

    def format_fragment(self, fragment: Any, replace: bool = False) -> str:
        out, index_ = [], fragment.startchar
        text = fragment.text
        for token in fragment.matches:
            if token.startchar < index_:
                continue
            out.append(html.escape(text[index_:token.startchar]))
            out.append(self.format_token(text, token, replace))
            index_ = token.endchar
        out.append(html.escape(text[index_:fragment.endchar]))
        return "".join(out)
