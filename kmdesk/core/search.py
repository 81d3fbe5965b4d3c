"""The Whoosh search index: derived from the store, rebuildable and verifiable.

One schema: a ``text`` field per record holding every language's title, summary, body and
keywords through an accent-folding, script-aware analyzer (CJK runs become overlapping bigrams,
so a two-character word is found inside a sentence), boosted ``title`` and ``keywords`` fields,
and keyword fields for the facets. Terms of five letters or more also match at one edit (seven or more: two), so a
misspelt local name still finds; "did you mean" comes from the index's own vocabulary.
Only what the store passes in is indexed: the store passes public records to the on-disk index
and keeps the rest in an in-memory index (``in_memory``) that never reaches disk.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import highlight, index, sorting
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, Token
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser, OrGroup
from whoosh.query import And, Every, Or, Term
from whoosh.support.charset import accent_map

from kmdesk.core.errors import Cancelled

FACETS = ("type", "resource_kind", "gbf_targets", "gbf_goals", "community", "languages", "countries", "access_level")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})


class ScriptFilter(Filter):
    """Arabic normalisation (hamza/alef forms, tatweel, diacritics) and CJK bigrams."""

    def __call__(self, tokens: Iterable[Token]) -> Iterable[Token]:
        for token in tokens:
            text = token.text
            if any("\u0600" <= ch <= "\u06ff" for ch in text):
                text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_ARABIC_FOLD)
                if text.startswith("ال") and len(text) > 4:
                    text = text[2:]
            if _CJK.search(text) and len(text) > 1:
                for i in range(len(text) - 1):
                    token.text = text[i:i + 2]
                    yield token
                continue
            token.text = text
            yield token


def words_analyzer() -> Any:
    """Accent-insensitive and script-aware, unstemmed: the words people typed, for "did you mean"."""
    return RegexTokenizer(r"[\u3400-\u9fff\uf900-\ufaff]+|\w+(\.?\w+)*") | LowercaseFilter() | CharsetFilter(accent_map) | ScriptFilter()


def analyzer() -> Any:
    """Lightly stemmed on top of ``words_analyzer`` (English rules do little harm to other
    Latin-script languages and join plurals such as forests/forest, cultivos/cultivo)."""
    return words_analyzer() | StemFilter(lang="en", cachesize=50000)


def schema() -> Schema:
    text = analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        version=STORED,
        titles=STORED,
        display=ID(sortable=True),
        title=TEXT(analyzer=text, field_boost=3.0),
        keywords=TEXT(analyzer=text, field_boost=2.0),
        text=TEXT(analyzer=text, stored=True),
        spell=TEXT(analyzer=words_analyzer()),
        **{name: KEYWORD(stored=True, commas=True, lowercase=False) for name in FACETS},
    )


def record_to_doc(record: dict[str, Any]) -> dict[str, Any]:
    """The index document of a record dict."""
    def joined(values: Iterable[Any]) -> str:
        return ",".join(str(v).replace(",", " ") for v in values if v not in (None, ""))

    texts = [*record.get("title", {}).values(), *record.get("summary", {}).values(), *record.get("body", {}).values()]
    languages = sorted(set(record.get("languages") or []) | set(record.get("title") or {}) | set(record.get("summary") or {}))
    return {
        "id": record["id"],
        "version": str(record.get("revision", 1)),
        "titles": json.dumps(record.get("title") or {}, ensure_ascii=False),
        "display": (next(iter((record.get("title") or {}).values()), "")).casefold(),
        "title": "\n".join((record.get("title") or {}).values()),
        "keywords": " ".join(record.get("keywords") or []),
        "spell": "\n".join([*(record.get("title") or {}).values(), *(record.get("keywords") or []), *(record.get("summary") or {}).values()]),
        "text": "\n".join(texts + list(record.get("keywords") or []) + list(record.get("places") or [])
                          + [c["name"] for c in record.get("creators") or []]),
        "type": record.get("type") or "",
        "resource_kind": record.get("resource_kind") or "",
        "gbf_targets": joined(record.get("gbf_targets") or []),
        "gbf_goals": joined(record.get("gbf_goals") or []),
        "community": joined([record.get("community")]),
        "languages": joined(languages),
        "countries": joined(record.get("countries") or []),
        "access_level": (record.get("access") or {}).get("level", "public"),
    }


@dataclass
class Hit:
    id: str
    score: float
    title: dict[str, str]
    snippet: str = ""
    matched_fields: list[str] = field(default_factory=list)


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]
    suggestion: str | None = None
    corrected: bool = False

    def merged(self, other: SearchResults, limit: int = 50) -> SearchResults:
        """Hits of two indexes by score, facet counts summed (public + in-memory private)."""
        facets: dict[str, dict[str, int]] = {}
        for source in (self.facets, other.facets):
            for name, values in source.items():
                for value, count in values:
                    facets.setdefault(name, {})[value] = facets.get(name, {}).get(value, 0) + count
        hits = sorted(self.hits + other.hits, key=lambda h: -h.score)[:limit]
        return SearchResults(self.total + other.total, hits,
                             {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for k, v in facets.items()},
                             self.suggestion or other.suggestion, self.corrected or other.corrected)


class SearchIndex:
    """One Whoosh index (a directory, or RAM). One writer at a time, as Whoosh requires."""

    def __init__(self, ix: Any, path: Path | None) -> None:
        self._ix = ix
        self.path = path
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> SearchIndex:
        path = Path(path)
        if index.exists_in(str(path)):
            return cls(index.open_dir(str(path)), path)
        if not create:
            raise FileNotFoundError(f"no search index at {path}")
        path.mkdir(parents=True, exist_ok=True)
        return cls(index.create_in(str(path), schema()), path)

    @classmethod
    def in_memory(cls) -> SearchIndex:
        return cls(RamStorage().create_index(schema()), None)

    # -- writing ------------------------------------------------------------------------------
    def update(self, docs: Iterable[dict[str, Any]]) -> None:
        docs = list(docs)
        if not docs:
            return
        with self._lock:
            writer = self._ix.writer()
            for doc in docs:
                writer.update_document(**doc)
            writer.commit()

    def delete(self, ids: Iterable[str]) -> None:
        ids = list(ids)
        if not ids:
            return
        with self._lock:
            writer = self._ix.writer()
            for record_id in ids:
                writer.delete_by_term("id", record_id)
            writer.commit()

    def purge(self) -> None:
        """Merge segments so deleted documents' text leaves the files on disk."""
        with self._lock:
            self._ix.optimize()

    def rebuild(self, docs: Iterable[dict[str, Any]], *, total: int | None = None,
                progress: Callable[[int, int | None], None] | None = None,
                cancel: Callable[[], bool] = lambda: False) -> int:
        """Build a fresh index beside the old one and swap it in; a cancel keeps the old."""
        if self.path is None:
            fresh = RamStorage().create_index(schema())
            count = self._fill(fresh, docs, total, progress, cancel)
            self._ix = fresh
            return count
        with self._lock:
            tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=self.path.parent))
            try:
                count = self._fill(index.create_in(str(tmp), schema()), docs, total, progress, cancel)
                old = self.path.with_name(self.path.name + ".old")
                shutil.rmtree(old, ignore_errors=True)
                self.path.rename(old)
                tmp.rename(self.path)
                shutil.rmtree(old, ignore_errors=True)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            self._ix = index.open_dir(str(self.path))
            return count

    @staticmethod
    def _fill(ix: Any, docs: Iterable[dict[str, Any]], total: int | None,
              progress: Callable[[int, int | None], None] | None, cancel: Callable[[], bool]) -> int:
        writer = ix.writer()
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
    def doc_count(self) -> int:
        return self._ix.doc_count()

    def versions(self) -> dict[str, str]:
        with self._ix.searcher() as searcher:
            return {fields["id"]: fields["version"] for fields in searcher.all_stored_fields()}

    def search(self, query: str, *, filters: dict[str, list[str]] | None = None, lang: str | None = None,
               limit: int = 50, page: int = 1, fuzzy: bool = True, as_you_type: bool = False) -> SearchResults:
        """All words should matter (OR grouping biased to AND); empty query lists everything."""
        with self._ix.searcher() as searcher:
            parsed = self._parse(query, fuzzy, as_you_type)
            filter_q = self._filters(filters)
            facets = sorting.Facets()
            for name in FACETS:
                facets.add_field(name, allow_overlap=True)
            results = searcher.search(parsed, filter=filter_q, limit=None, groupedby=facets,
                                      sortedby=None if query.strip() else "display")
            results.fragmenter = highlight.ContextFragmenter(maxchars=200, surround=40)
            results.formatter = _Bold()
            start = (page - 1) * limit
            ranked = bool(query.strip())  # without words, results are sorted by title, not scored
            hits = [Hit(id=r["id"], score=float(r.score or 0.0) if ranked else 0.0, title=json.loads(r["titles"]),
                        snippet=(r.highlights("text") or "") if query.strip() else "",
                        matched_fields=sorted({f for f, _ in r.matched_terms()}) if query.strip() and r.results.has_matched_terms() else [])
                    for r in results[start:start + limit]]
            facet_counts = {name: sorted(((str(k), len(v)) for k, v in results.groups(name).items() if k not in (None, "")),
                                         key=lambda kv: (-kv[1], kv[0])) for name in FACETS}
            suggestion = None
            if query.strip() and len(results) < 3:
                suggestion = self._suggest(searcher, query)
            return SearchResults(total=len(results), hits=hits, facets=facet_counts, suggestion=suggestion)

    @staticmethod
    def _suggest(searcher: Any, query: str) -> str | None:
        corrector = searcher.corrector("spell")
        words = query.split()
        fixed = []
        for word in words:
            known = searcher.doc_frequency("spell", word.lower()) > 0
            options = [] if known else corrector.suggest(word.lower(), limit=1, maxdist=2)
            fixed.append(options[0] if options else word)
        suggestion = " ".join(fixed)
        return suggestion if suggestion.lower() != query.lower().strip() else None

    def _parse(self, query: str, fuzzy: bool, as_you_type: bool) -> Any:
        words = re.findall(r"\w+", query)
        if not words:
            return Every()
        parts = []
        for i, word in enumerate(words):
            term = word
            if as_you_type and i == len(words) - 1 and not query.endswith(" "):
                term = f"{word}*"
            elif fuzzy and len(word) >= 5 and not _CJK.search(word):
                term = f"{word}~{2 if len(word) >= 7 else 1}"  # a swapped pair of letters is two edits
            parts.append(term)
        parser = MultifieldParser(["title", "keywords", "text"], self._ix.schema, group=OrGroup.factory(0.9))
        parser.add_plugin(FuzzyTermPlugin())
        try:
            return parser.parse(" ".join(parts))
        except Exception:  # never raise on odd input: fall back to plain words
            return Or([Term("text", w.lower()) for w in words])

    @staticmethod
    def _filters(filters: dict[str, list[str]] | None) -> Any:
        clauses = [Or([Term(name, str(v)) for v in values]) for name, values in (filters or {}).items() if values]
        return And(clauses) if clauses else None


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
