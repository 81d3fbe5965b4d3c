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
block at a time), cached per reader, never from walking hits. Snippets are made for the hits
asked for only (the window asks for the one record it opens).

Only what the store passes in is indexed: the store keeps public records in the on-disk index
and the rest in an in-memory index (``in_memory``) that reaches the disk only sealed
(``to_chunks``/``from_bytes``, sealed by the caller). An index written with another
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
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import highlight
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.collectors import FilterCollector, TopCollector
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.filedb.structfile import StructFile
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.query import And, Every, Or, Phrase, Query, Term

from kmdesk.core.analysis import CJK, WORD, LANGUAGES, language_analyzer, language_field, words_analyzer
from kmdesk.core.errors import Cancelled
from kmdesk.core.results import Hit, SearchResults
from kmdesk.core.index_writer import Writer

FACETS = ("type", "resource_kind", "gbf_targets", "gbf_goals", "community", "languages", "countries", "access_level",
          "collection", "subjects")
SCHEMA_VERSION = "5"  # bump when analyzers or fields change: older indexes are rebuilt
_VERSION_FILE = "kmdesk-schema-version"
NEUTRAL = ("title", "keywords", "text")
PREFIX_FIELDS = ("title", "keywords")  # where a word being typed is completed
PREFIX_TERMS = 20  # a typed prefix expands to at most this many of its most frequent terms
# An expansion whose terms have more postings than this is scored from one preloaded array
# (Whoosh's PreloadedOr) instead of a tree of forty union matchers walked document by document:
# typing p95 at 100,000 records 603 -> 186 ms CPU (bench/README.md); below it the tree is cheaper.
PRELOAD_POSTINGS = 2000
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


def schema() -> Schema:
    """A word that analyses to several tokens (a Chinese run) must match all of them."""
    words = words_analyzer()
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        version=ID(sortable=True),
        titles=STORED,
        content=STORED,
        display=ID(sortable=True),
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


class _RunStorage(RamStorage):
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
    # (bench/README.md).
    LIMIT_MB = 40

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
                return cls(_storage(path).open_index(), path)
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
    def from_bytes(cls, data: bytes) -> SearchIndex | None:
        """The in-memory index ``to_chunks`` wrote; None when it has another schema version or
        is not an index (the caller then builds a new one)."""
        if data[:8].decode("ascii", "replace").strip() != SCHEMA_VERSION:
            return None
        storage, view, offset = _MemoryOnly(), memoryview(data), 8
        try:
            while offset < len(data):
                name_length, length = struct.unpack_from(">II", data, offset)
                offset += 8
                name = bytes(view[offset:offset + name_length]).decode("utf-8")
                offset += name_length
                storage.files[name] = bytes(view[offset:offset + length])
                offset += length
            return cls(storage.open_index(), None)
        except Exception:  # a damaged buffer is no index; the store rebuilds it
            return None

    # -- writing ------------------------------------------------------------------------------
    @classmethod
    def _writer(cls, ix: Any) -> Writer:
        """A writer of ``ix`` (``index_writer``), ``LIMIT_MB`` of postings in memory at most."""
        return Writer(ix, limitmb=cls.LIMIT_MB)

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
            builder = _Builder(searcher, lang)
            # every word when some record has them all, else any; decided on the words as typed,
            # so the prefix of the last word only ever adds records
            every = len(parts) > 1 and bool(masks.of(builder.query(parts, prefix=False, every=True)) & allowed)
            exact = builder.query(parts, prefix=as_you_type and not query.endswith((" ", '"')), every=every)
            matched = masks.of(exact, walk=False) & allowed
            total, used, corrected = matched.bit_count(), exact, False
            suggestion = None
            if not total:  # only a query that finds nothing is second-guessed
                if fuzzy and (loose := builder.fuzzy(parts)) is not None:
                    loose_matched = (masks.of(loose) | matched) & allowed
                    if loose_matched.bit_count() > total:
                        used, matched, corrected = Or([exact, loose]), loose_matched, True
                suggestion = builder.suggestion(parts, lambda q: (masks.of(q) & allowed).bit_count(), total)
            hits, walked = self._ranked(searcher, used, filter_q, page * limit,
                                        whole=any(isinstance(part, tuple) for part in parts) and not corrected)
            if walked is not None:
                matched = walked
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
    def _ranked(searcher: Any, q: Query, filter_q: Query | None, count: int,
                whole: bool = False) -> tuple[list[Hit], int | None]:
        """The ``count`` best hits; with ``whole`` (a phrase: its positions are read for every
        candidate, no block can be skipped) also every document matched on the way, so the
        phrase is walked once, not once to rank and again to count."""
        top = _Walking(limit=max(count, 1)) if whole else TopCollector(limit=max(count, 1))
        collector = FilterCollector(top, allow=filter_q) if filter_q is not None else top
        searcher.search_with_collector(q, collector)
        results = collector.results()
        hits = [Hit(id=r["id"], score=float(r.score or 0.0), title=json.loads(r["titles"])) for r in results][:count]
        return hits, _Masks.from_ids(top.walked) if whole else None

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
            built = _Builder(searcher, lang).query(parts, prefix=as_you_type and not query.endswith((" ", '"')))
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


class _Walking(TopCollector):
    """The top hits, remembering every document it was shown (see ``SearchIndex._ranked``)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)
        self.walked: list[int] = []

    def _collect(self, global_docnum: int, score: float) -> float:
        self.walked.append(global_docnum)
        return super()._collect(global_docnum, score)


class _Builder:
    """Whoosh queries from the words people type, analysed once per field."""

    def __init__(self, searcher: Any, lang: str | None) -> None:
        self.searcher = searcher
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
        clauses, postings = [], 0
        for fieldname in PREFIX_FIELDS:
            best = sorted(((info.doc_frequency(), text) for text, info in self.reader.iter_prefix(fieldname, forms[0])),
                          reverse=True)[:PREFIX_TERMS]
            clauses.extend(Term(fieldname, text.decode("utf-8") if isinstance(text, bytes) else text, boost=0.8)
                           for _, text in best)
            postings += sum(frequency for frequency, _ in best)
        if not clauses:
            return None
        grown = Or(clauses)
        if postings > PRELOAD_POSTINGS:
            grown.matcher_type = Or.ARRAY_MATCHER
        return grown

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
        return And(clauses) if every else Or(clauses, scale=0.9)

    def fuzzy(self, parts: list[str | tuple[str, ...]]) -> Query | None:
        """Misspellings of words of five letters or more (two edits from seven), among the
        ``NEAR_FIELDS``' terms sharing the word's first letters (``_prefix_length``)."""
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
        first letters. Whoosh's automaton walk over the term dictionary is looked for once per
        word and field, at two edits: the fuzzy fallback and "did you mean" both ask, and the
        walk was most of a misspelt query's time (500 ms of 1 s at 100,000 records)."""
        key = (fieldname, form)
        if key not in self._near_cache:
            prefix = self._prefix_length(fieldname, form)
            self._near_cache[key] = [t.decode("utf-8") if isinstance(t, bytes) else t
                                     for t in self.reader.terms_within(fieldname, form, 2, prefix=prefix) if t != form]
        return [t for t in self._near_cache[key] if maxdist >= 2 or _distance(form, t) <= maxdist]

    def _prefix_length(self, fieldname: str, form: str) -> int:
        """Two letters, or more while over ``NEAR_SCAN`` terms share them: the cost of looking
        for near spellings is the number of terms walked, and Arabic's article "ال" alone
        begins a third of all Arabic words."""
        for length in range(2, len(form) - 1):
            if sum(1 for _ in islice(self.reader.iter_prefix(fieldname, form[:length]), NEAR_SCAN + 1)) <= NEAR_SCAN:
                return length
        return max(len(form) - 1, 1)

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


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short words only: suggestions)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


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

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self._terms: dict[tuple[str, str], int] = {}
        self.cached_bytes = 0
        self._live: int | None = None
        self._facets: dict[str, list[tuple[str, int]]] | None = None
        self._by_title: list[int] | None = None
        self._display: Any = None
        self._lock = threading.Lock()

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
            blocks = list(_posting_blocks(self.reader, fieldname, text))
            mask = _bits(np.concatenate(blocks)) & self.live() if blocks else 0
            size = (mask.bit_length() + 7) // 8
            if self.cached_bytes + size > self.CACHE_BYTES:
                self._terms.clear()
                self.cached_bytes = 0
            self._terms[key] = mask
            self.cached_bytes += size
        return mask

    def of(self, q: Query, walk: bool = True) -> int:
        """The documents ``q`` matches (for the kinds of query ``_Builder`` makes). Without
        ``walk`` a phrase stands for the documents holding all its words (the caller counts the
        phrase itself while ranking it)."""
        if isinstance(q, Term):
            text = q.text if isinstance(q.text, str) else q.text.decode("utf-8")
            return self.term(q.fieldname, text)
        if isinstance(q, Or):
            mask = 0
            for sub in q.subqueries:
                mask |= self.of(sub, walk)
            return mask
        if isinstance(q, And):
            mask = self.live()
            for sub in q.subqueries:
                mask &= self.of(sub, walk)
                if not mask:
                    break
            return mask
        if isinstance(q, Every):
            return self.live()
        # a phrase: only documents with all its words can hold it, and Whoosh checks positions
        candidates = self.live()
        for fieldname, text in q.iter_all_terms():
            candidates &= self.term(fieldname, text if isinstance(text, str) else text.decode("utf-8"))
        if not candidates or not walk:
            return candidates
        return self.from_ids(self.searcher.docs_for_query(q))

    def facets(self, matched: int) -> dict[str, list[tuple[str, int]]]:
        with self._lock:
            if self._facets is None:
                self._facets = {name: [(text.decode("utf-8") if isinstance(text, bytes) else text, 0)
                                       for text in self.reader.lexicon(name)] for name in FACETS}
        out = {}
        for name, values in self._facets.items():
            counts = [(value, (matched & self.term(name, value)).bit_count()) for value, _ in values if value]
            out[name] = sorted(((v, c) for v, c in counts if c), key=lambda kv: (-kv[1], kv[0]))
        return out

    def by_title(self) -> list[int]:
        with self._lock:
            if self._by_title is None:
                if not self.reader.doc_count_all():  # an empty index has no columns
                    self._display, self._by_title = {}, []
                else:
                    self._display = self.reader.column_reader("display")
                    self._by_title = sorted(self.reader.all_doc_ids(), key=lambda n: self._display[n])
        return self._by_title

    def display(self, docnum: int) -> str:
        self.by_title()
        return self._display[docnum]

    def number(self, record_id: str) -> int | None:
        """The document number of a record (ids are unique: one live document)."""
        mask = self.term("id", record_id)
        return mask.bit_length() - 1 if mask else None


def _bits(ids: np.ndarray) -> int:
    """The set of document numbers ``ids`` as a Python integer (bit n = document n)."""
    if not len(ids):
        return 0
    flags = np.zeros(int(ids.max()) + 1, dtype=bool)
    flags[ids] = True
    return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")


def _posting_blocks(reader: Any, fieldname: str, text: str) -> Iterator[np.ndarray]:
    """The document numbers holding a term, a posting block at a time. Whoosh's ``all_ids``
    makes three Python calls per posting (is_active, id, next): building the bitsets of a
    100,000-record library's facets that way took 8 s after each unlock. Its own block
    reader gives a block's numbers in one call. Documents deleted but not yet merged away are
    included: the caller intersects with the live documents."""
    for leaf, base in reader.leaf_readers():
        try:
            matcher = leaf.postings(fieldname, text)
        except TermNotFound:
            continue
        if isinstance(matcher, FilterMatcher):  # the deleted documents' filter
            matcher = matcher.child
        if not isinstance(matcher, W3LeafMatcher):
            yield np.fromiter(matcher.all_ids(), dtype=np.int64) + base
            continue
        while matcher.is_active():
            matcher._read_ids()
            yield np.asarray(matcher._ids, dtype=np.int64) + base
            matcher._next_block()


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
