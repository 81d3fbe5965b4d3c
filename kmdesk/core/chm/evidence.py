"""Language-neutral evidence of what a record is about, for matchmaking and suggestions: its GBF
targets and CBD subjects, and the thematic terms (``resources/vocab/terms.json``) its texts and
keywords name in any of the six UN languages, with the targets and subjects those terms belong
to. A Spanish "manglares" and an English "mangrove" name one term, so two records meet whatever
language each is written in.

A text names a term when it holds one of the term's labels: the label's words in order, compared
as the search index compares them (stemmed, Arabic normalised, Chinese as bigrams), function
words left out on both sides. A text in one of the six languages is read for that language's
labels; a keyword, or a text in another language, for every language's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kmdesk.core import vocab
from kmdesk.core.search.analysis import LANGUAGES, TOKEN, forms, language_field, simplified
from kmdesk.core.search.similar import Expansion
from kmdesk.core.search.stopwords import is_stop_word

_SCRIPT_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
CROSS_CUTTING_WEIGHT = 0.3
Token = tuple[str, int, int]  # a comparable term and where its word starts and ends in the text


@dataclass
class Evidence:
    """What a record is about, in no language: ``terms`` maps a term's key to the record's words
    that name it, as written; ``implied_*`` are the targets and subjects of those terms that the
    record does not carry itself."""

    targets: list[int]
    subjects: list[str]
    terms: dict[str, list[str]] = field(default_factory=dict)
    implied_targets: list[int] = field(default_factory=list)
    implied_subjects: list[str] = field(default_factory=list)

    @property
    def all_targets(self) -> set[int]:
        return {*self.targets, *self.implied_targets}

    @property
    def all_subjects(self) -> set[str]:
        return {*self.subjects, *self.implied_subjects}


def tokens(text: str, lang: str) -> list[Token]:
    """``text`` as the terms a label of ``lang`` is compared with: each word that is not a
    function word of ``lang`` as the index's ``text_<lang>`` field analyses it; Chinese as its
    bigrams (a lone character as itself)."""
    out: list[Token] = []
    field_name = f"text_{lang}"
    for match in TOKEN.finditer(text):
        for part in _SCRIPT_RUN.finditer(match.group()):
            start = match.start() + part.start()
            word = part.group()
            if _CJK_RUN.fullmatch(word):
                plain = simplified(word)
                grams = [plain] if len(plain) == 1 else [plain[i:i + 2] for i in range(len(plain) - 1)]
                out += [(gram, start + i, start + i + len(gram)) for i, gram in enumerate(grams)]
            elif not is_stop_word(word, lang):
                out += [(term, start, start + len(word)) for term in forms(field_name, word.lower())]
    return out


@cache
def _labels() -> dict[str, dict[str, list[tuple[tuple[str, ...], str]]]]:
    """Per language, the labels' term sequences by their first term, each with its term's key."""
    out: dict[str, dict[str, list[tuple[tuple[str, ...], str]]]] = {lang: {} for lang in LANGUAGES}
    for term in vocab.terms():
        for lang, labels in term["labels"].items():
            for label in labels:
                seq = tuple(t for t, _start, _end in tokens(label, lang))
                if seq:
                    out[lang].setdefault(seq[0], []).append((seq, term["key"]))
    return out


def terms_in(texts: Iterable[tuple[str | None, str]]) -> dict[str, list[str]]:
    """The terms that ``(language, text)`` pairs name, each with the words naming it as written
    there (language None: a keyword, read for every language's labels); a label found inside a
    longer one of the same term ("红树" in "红树林") is not counted again."""
    found: dict[str, list[str]] = {}
    for tag, text in texts:
        field_name = language_field(tag) if tag else None
        spans: dict[str, set[tuple[int, int]]] = {}
        for lang in [field_name[len("text_"):]] if field_name else LANGUAGES:
            toks = tokens(text, lang)
            for i, (term, start, _end) in enumerate(toks):
                for seq, key in _labels()[lang].get(term, ()):
                    if tuple(t for t, _s, _e in toks[i:i + len(seq)]) == seq:
                        spans.setdefault(key, set()).add((start, toks[i + len(seq) - 1][2]))
        for key, found_spans in spans.items():
            for start, end in sorted(found_spans):
                if any(s <= start and end <= e and (s, e) != (start, end) for s, e in found_spans):
                    continue
                words = text[start:end]
                if words.casefold() not in {w.casefold() for w in found.setdefault(key, [])}:
                    found[key].append(words)
    return found


def record_texts(record: dict[str, Any]) -> list[tuple[str | None, str]]:
    """A record's texts with their language tags, and its keywords without one."""
    texts: list[tuple[str | None, str]] = [(tag, value) for name in ("title", "summary", "body")
                                           for tag, value in (record.get(name) or {}).items() if value]
    return texts + [(None, keyword) for keyword in record.get("keywords") or [] if keyword]


def evidence_of(record: dict[str, Any]) -> Evidence:
    """A record's own targets and subjects, and the terms its texts and keywords name."""
    terms = terms_in(record_texts(record))
    targets = list(record.get("gbf_targets") or [])
    subjects = list(record.get("subjects") or [])
    implied_targets: list[int] = []
    implied_subjects: list[str] = []
    for key in terms:
        item = term(key)
        implied_targets += [t for t in item["gbf_targets"] if t not in targets and t not in implied_targets]
        implied_subjects += [s for s in item["subjects"] if s not in subjects and s not in implied_subjects]
    return Evidence(targets, subjects, terms, implied_targets, implied_subjects)


@cache
def _by_key() -> dict[str, dict[str, Any]]:
    return {item["key"]: item for item in vocab.terms()}


def term(key: str) -> dict[str, Any]:
    return _by_key()[key]


def weight(key: str) -> float:
    """How much naming a term tells about a record: a cross-cutting term (training, communities)
    runs through most work and tells less."""
    return CROSS_CUTTING_WEIGHT if term(key).get("cross_cutting") else 1.0


def term_name(key: str, lang: str) -> str:
    """A term's name in ``lang`` (its first label there), falling back to English."""
    labels = term(key)["labels"]
    return str((labels.get(lang) or labels.get(lang.split("-")[0]) or labels["en"])[0])


def expansions(keys: Iterable[str], boost: float) -> list[Expansion]:
    """For each term, its labels in every language as phrases of that language's field, and
    as written in keywords: one query group per term (``SearchIndex.like``'s ``expand``), a
    cross-cutting term's with its lesser weight."""
    return [(boost * weight(key), [(f"text_{lang}", label) for lang, labels in term(key)["labels"].items() for label in labels]
             + [("keywords", label) for labels in term(key)["labels"].values() for label in labels])
            for key in keys]
