"""The Whoosh search index: derived from the store, rebuildable and verifiable.

One schema, language-aware in two layers:

- language-neutral fields (``title``, ``keywords``, ``text``) hold every language's words,
  accent-folded and script-normalised but unstemmed, so exact words, names in any language
  (Quechua, Maasai...), prefixes ("as you type") and fuzzy matches work everywhere;
- one field per language with real linguistic support (``text_en`` ... ``text_zh``) holds a
  record's title, summary and body *in that language only*: Snowball stemming for English,
  French, Spanish and Russian, Arabic normalisation plus light stemming (Larkey's Light10),
  Chinese as single characters and overlapping bigrams, so a two-character word is found inside
  a sentence. A query is analysed by each language's analyzer and matched against that
  language's text, so "forêts" finds a French "forêt" and "семена" a Russian "семян", never
  through another language's rules.

Terms of five letters or more also match at one edit (seven or more: two), so a misspelt local
name still finds; "did you mean" comes from the index's own vocabulary (``spell``). Only what
the store passes in is indexed: the store passes public records to the on-disk index and keeps
the rest in an in-memory index (``in_memory``) that never reaches disk. An index written with
another ``SCHEMA_VERSION`` is replaced by an empty one on opening, which the store rebuilds.
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
from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
)
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser
from whoosh.query import And, Every, Or, Term
from whoosh.support.charset import accent_map

from kmdesk.core.errors import Cancelled
from kmdesk.core.records import base_language

FACETS = ("type", "resource_kind", "gbf_targets", "gbf_goals", "community", "languages", "countries", "access_level")
SCHEMA_VERSION = "2"  # bump when analyzers or fields change: older indexes are rebuilt
_VERSION_FILE = "kmdesk-schema-version"
STEMMED = ("en", "fr", "es", "ru")  # Snowball stemmers shipped with Whoosh
LANGUAGES = (*STEMMED, "ar", "zh")  # languages with a field of their own: ``text_<lang>``
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A word's letters with their combining marks (Arabic tashkeel, decomposed Latin accents are
# not "\w" and would cut a word in two).
_LETTER = r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"
_WORD = re.compile(rf"{_LETTER}+")
_TOKENS = rf"[\u3400-\u9fff\uf900-\ufaff]+|{_LETTER}+(\.?{_LETTER}+)*"
# Arabic normalisation as Lucene's ArabicNormalizer: alef with hamza or madda and alef wasla
# -> bare alef, alef maksura -> yeh, teh marbuta -> heh, tatweel dropped (tashkeel: see below).
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
# Larkey's Light10 (teh marbuta already folded to heh): a conjunction, one article, then suffixes.
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def normalise_arabic(text: str) -> str:
    """Tashkeel (harakat, shadda, sukun, superscript alef: all combining marks) removed, then
    the letter forms people write interchangeably folded to one."""
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_ARABIC_FOLD)


def light_stem_arabic(word: str) -> str:
    """Light10: strip a leading "و", one definite article, then any listed suffixes, always
    keeping two letters or more (a root-based stemmer such as ISRI joins unrelated words)."""
    if word.startswith("و") and len(word) > 3:
        word = word[1:]
    for article in _ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article):]
            break
    for suffix in _ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[:-len(suffix)]
    return word


class ScriptFilter(Filter):
    """Arabic normalisation and CJK runs cut into overlapping bigrams (with ``unigrams`` also
    every single character, so a one-character query finds too)."""

    def __init__(self, unigrams: bool = False) -> None:
        self.unigrams = unigrams

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScriptFilter) and other.unigrams == self.unigrams

    def __call__(self, tokens: Iterable[Token]) -> Iterable[Token]:
        for token in tokens:
            text = token.text
            if text.isascii():  # most tokens: nothing to normalise or cut
                yield token
                continue
            if is_arabic(text):
                text = normalise_arabic(text)
            if _CJK.search(text) and len(text) > 1:
                grams = [text[i:i + 2] for i in range(len(text) - 1)]
                for gram in [*(text if self.unigrams else ()), *grams]:
                    token.text = gram
                    yield token
                continue
            token.text = text
            yield token


class ArabicLightStemFilter(Filter):
    """``light_stem_arabic`` on Arabic tokens; others pass untouched."""

    def __call__(self, tokens: Iterable[Token]) -> Iterable[Token]:
        for token in tokens:
            if not token.text.isascii() and is_arabic(token.text):
                token.text = light_stem_arabic(token.text)
            yield token


def words_analyzer() -> Any:
    """Accent-insensitive and script-aware, unstemmed: the words people typed, in any language."""
    return RegexTokenizer(_TOKENS) | LowercaseFilter() | CharsetFilter(accent_map) | ScriptFilter()


def language_analyzer(lang: str) -> Any:
    """The analyzer of ``text_<lang>``. Stemming runs before accent folding, since Snowball's
    French, Spanish and Russian rules read accents (and "й"); folding after it keeps matching
    accent-insensitive."""
    if lang in STEMMED:
        return (RegexTokenizer(_TOKENS) | LowercaseFilter() | StemFilter(lang=lang, cachesize=50000)
                | CharsetFilter(accent_map) | ScriptFilter())
    if lang == "ar":
        return words_analyzer() | ArabicLightStemFilter()
    if lang == "zh":
        return RegexTokenizer(_TOKENS) | LowercaseFilter() | CharsetFilter(accent_map) | ScriptFilter(unigrams=True)
    raise ValueError(f"no analyzer for {lang!r}")


def language_field(tag: str) -> str | None:
    """The language field for a BCP 47 tag (``zh-Hant`` -> ``text_zh``), None for languages
    indexed only in the language-neutral fields."""
    base = base_language(tag)
    return f"text_{base}" if base in LANGUAGES else None


def schema() -> Schema:
    """A word that analyses to several tokens (a Chinese run) must match all of them."""
    words = words_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        version=STORED,
        titles=STORED,
        display=ID(sortable=True),
        title=TEXT(analyzer=words, field_boost=3.0, multitoken_query="and"),
        keywords=TEXT(analyzer=words, field_boost=2.0, multitoken_query="and"),
        text=TEXT(analyzer=words, stored=True, multitoken_query="and"),
        spell=TEXT(analyzer=words),
        **{f"text_{lang}": TEXT(analyzer=language_analyzer(lang), multitoken_query="and") for lang in LANGUAGES},
        **{name: KEYWORD(stored=True, commas=True, lowercase=False) for name in FACETS},
    )


def record_to_doc(record: dict[str, Any]) -> dict[str, Any]:
    """The index document of a record dict."""
    def joined(values: Iterable[Any]) -> str:
        return ",".join(str(v).replace(",", " ") for v in values if v not in (None, ""))

    texts = [*record.get("title", {}).values(), *record.get("summary", {}).values(), *record.get("body", {}).values()]
    languages = sorted(set(record.get("languages") or []) | set(record.get("title") or {}) | set(record.get("summary") or {}))
    by_language: dict[str, list[str]] = {}
    for name in ("title", "summary", "body"):
        for tag, value in (record.get(name) or {}).items():
            field_name = language_field(tag)
            if field_name and value:
                by_language.setdefault(field_name, []).append(value)
    return {
        **{name: "\n".join(values) for name, values in by_language.items()},
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


def _schema_version(path: Path) -> str | None:
    try:
        return (path / _VERSION_FILE).read_text(encoding="ascii").strip()
    except OSError:
        return None


def _create(path: Path) -> Any:
    """A new, empty index in the directory ``path``, marked with ``SCHEMA_VERSION``."""
    ix = index.create_in(str(path), schema())
    (path / _VERSION_FILE).write_text(SCHEMA_VERSION, encoding="ascii")
    return ix


class _MemoryOnly(RamStorage):
    """Whoosh's RamStorage writes a segment's stored columns through a temporary *directory*
    (``/tmp/MAIN.tmp``, the same name for every process): restricted plaintext on disk, and a
    race between two libraries indexing at once. Its temporary storage stays in memory here."""

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return RamStorage()


class SearchIndex:
    """One Whoosh index (a directory, or RAM). One writer at a time, as Whoosh requires."""

    def __init__(self, ix: Any, path: Path | None) -> None:
        self._ix = ix
        self.path = path
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> SearchIndex:
        """Open the index at ``path``; one of another schema version (or none) is replaced by
        an empty one, which ``Library`` fills from the store (an empty index is rebuilt)."""
        path = Path(path)
        if index.exists_in(str(path)) and _schema_version(path) == SCHEMA_VERSION:
            return cls(index.open_dir(str(path)), path)
        if not create:
            raise FileNotFoundError(f"no search index at {path}")
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return cls(_create(path), path)

    @classmethod
    def in_memory(cls) -> SearchIndex:
        return cls(_MemoryOnly().create_index(schema()), None)

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
            fresh = _MemoryOnly().create_index(schema())
            count = self._fill(fresh, docs, total, progress, cancel)
            self._ix = fresh
            return count
        with self._lock:
            tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=self.path.parent))
            try:
                count = self._fill(_create(tmp), docs, total, progress, cancel)
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
            parsed = self._parse(query, fuzzy, as_you_type, lang)
            filter_q = self._filters(filters)
            facets = sorting.Facets()
            for name in FACETS:
                facets.add_field(name, allow_overlap=True)
            # terms=True records which terms matched: highlighting then reads them instead of
            # expanding every fuzzy term against the whole index again for each hit
            results = searcher.search(parsed, filter=filter_q, limit=None, groupedby=facets, terms=True,
                                      sortedby=None if query.strip() else "display")
            results.fragmenter = highlight.ContextFragmenter(maxchars=200, surround=40)
            results.formatter = _Bold()
            start = (page - 1) * limit
            ranked = bool(query.strip())  # without words, results are sorted by title, not scored
            hits = [Hit(id=r["id"], score=float(r.score or 0.0) if ranked else 0.0, title=json.loads(r["titles"]),
                        snippet=_snippet(r) if ranked else "",
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
        analyzer = searcher.schema["spell"].analyzer
        for word in words:
            # a word is known when all its normalised forms are (pêche -> peche, أرض -> ارض);
            # Chinese is never "corrected": a near bigram is another word, not a spelling fix
            forms = [token.text for token in analyzer(word)]
            known = all(searcher.doc_frequency("spell", form) > 0 for form in forms)
            options = [] if known or _CJK.search(word) else corrector.suggest(word.lower(), limit=1, maxdist=2)
            fixed.append(options[0] if options else word)
        suggestion = " ".join(fixed)
        return suggestion if suggestion.lower() != query.lower().strip() else None

    def _parse(self, query: str, fuzzy: bool, as_you_type: bool, lang: str | None) -> Any:
        """Each word against the language-neutral fields (where misspellings and prefixes are
        matched: fuzzy terms against stems would match neither what was typed nor the stem)
        and, as typed, against each language's own field; the person's language (``lang``)
        weighs a little more. Words are OR-ed with a bias to records that have them all."""
        words = _WORD.findall(query)
        if not words:
            return Every()
        preferred = language_field(lang) if lang else None
        neutral = MultifieldParser(["title", "keywords", "text"], self._ix.schema)
        neutral.add_plugin(FuzzyTermPlugin())
        languages = MultifieldParser([f"text_{code}" for code in LANGUAGES], self._ix.schema,
                                     fieldboosts={preferred: 1.5} if preferred else None)
        parts = []
        try:
            for i, word in enumerate(words):
                if as_you_type and i == len(words) - 1 and not query.endswith(" "):
                    parts.append(neutral.parse(f"{word}*"))  # a prefix has no stem yet
                    continue
                term = word
                if fuzzy and len(word) >= 5 and not _CJK.search(word):
                    term = f"{word}~{2 if len(word) >= 7 else 1}"  # a swapped pair of letters is two edits
                parts.append(Or([neutral.parse(term), languages.parse(word)]))
        except Exception:  # never raise on odd input: fall back to plain words
            return Or([Term("text", w.lower()) for w in words])
        return Or(parts, scale=0.9)

    @staticmethod
    def _filters(filters: dict[str, list[str]] | None) -> Any:
        clauses = [Or([Term(name, str(v)) for v in values]) for name, values in (filters or {}).items() if values]
        return And(clauses) if clauses else None


def _snippet(hit: Any) -> str:
    """Highlights in the stored text: the words as typed, else the words a language's rules
    matched (a stemmed "forêts" marks "forêt"), read with that language's analyzer."""
    found = hit.highlights("text")
    if found:
        return found
    matched = {name for name, _ in hit.matched_terms()}
    for name in (f"text_{code}" for code in LANGUAGES):
        if name in matched:
            found = hit.highlights(name, text=hit["text"])
            if found:
                return found
    return ""


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
