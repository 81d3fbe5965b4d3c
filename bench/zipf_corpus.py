"""A benchmark corpus with a real vocabulary: ``python bench/zipf_corpus.py N [-o FILE.csv]``.

A corpus of a few dozen words hides every cost that grows with the lexicon (fuzzy matching
first), so each language here has tens of thousands of distinct words, drawn on a Zipf curve
(rank r has weight 1/r) as in natural text. The words are made from each language's own
letters and syllables, so the stemmers and analyzers meet the kind of words they were built
for (Latin words with French and Spanish accents, Cyrillic, Arabic with articles, Chinese as
runs of characters without spaces); the most frequent ranks are real words of the language, so
realistic queries ("mangrove restoration", "семена", "بذور", "红树林") find records.

Records: 8-word titles, 150-word bodies, 1-5 keywords, GBF targets and goals, types,
communities; 70 % English and the rest French, Spanish, Russian, Arabic and Chinese; one record
in ten restricted, across two protocols. Everything is seeded: the same N gives the same texts in
every process, so kmdesk and raw Whoosh are measured on the same data.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import sys
import uuid
from collections.abc import Iterator

from corpus import WORDS

LANGUAGE_SHARE = (("en", 70), ("fr", 6), ("es", 6), ("ru", 6), ("ar", 6), ("zh", 6))
VOCABULARY = {"en": 60_000, "fr": 30_000, "es": 30_000, "ru": 30_000, "ar": 25_000, "zh": 20_000}
PROTOCOLS = ("Healers", "Seed keepers")
TYPES = (("resource", 35), ("traditional_knowledge", 20), ("practice", 15), ("person", 8), ("organization", 8),
         ("need", 5), ("offer", 5), ("event", 4))
COUNTRIES = ("pe", "bo", "ke", "tz", "no", "fi", "cn", "ma", "jo", "fj", "nz", "br", "ru", "mx", "fr", "es")
_SYLLABLES = {
    "en": ("ba be bi bo bu ca co cu da de di do dra dri fa fe fi fo ga ge gi go gra ha he hi ho ja jo ka ke ki "
           "la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pra pre pro ra re ri ro ru sa se si so su "
           "sta ste sti sto stra ta te ti to tra tre tri tu va ve vi vo wa we wi wo ya yo za ze zo").split(),
    "fr": ("ba bé bi bo ca cé co da dé di do fa fé fi fo ga gé gi go la lé li lo ma mé mi mo na né ni no pa pé "
           "pi po ra ré ri ro sa sé si so ta té ti to va vé vi vo cha che chi cho gne gna oi ou au eau").split(),
    "es": ("ba be bi bo ca ce ci co da de di do fa fe fi fo ga ge gi go la le li lo ma me mi mo na ne ni no ña "
           "ñe pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo lla lle llo cha che chi que qui").split(),
    "ru": ("ба бе би бо бу ва ве ви во га го да де ди до жа же за зе зи ка ке ки ко ла ле ли ло ма ме ми мо на не "
           "ни но па пе пи по ра ре ри ро са се си со та те ти то ха хо ца це ча че ша ше щи ю я ё ы").split(),
    "ar": list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"),
}
_ENDINGS = {"en": ("", "s", "ing", "ed", "er", "ly", "tion", "ness"), "fr": ("", "s", "ment", "tion", "eur", "é", "es"),
            "es": ("", "s", "ción", "mente", "ado", "ida", "os"), "ru": ("", "а", "ы", "ов", "ами", "ий", "ость"),
            "ar": ("", "ة", "ات", "ون", "ين")}


def _made_word(rng: random.Random, lang: str) -> str:
    if lang == "zh":  # two (sometimes three) characters from the common CJK block
        return "".join(chr(rng.randint(0x4E00, 0x62FF)) for _ in range(rng.choice((2, 2, 2, 3))))
    if lang == "ar":
        stem = "".join(rng.choice(_SYLLABLES["ar"]) for _ in range(rng.randint(3, 5)))
        return ("ال" if rng.random() < 0.3 else "") + stem + rng.choice(_ENDINGS["ar"])
    stem = "".join(rng.choice(_SYLLABLES[lang]) for _ in range(rng.randint(2, 4)))
    return stem + rng.choice(_ENDINGS[lang])


def vocabulary(lang: str, size: int, seed: int = 7) -> list[str]:
    """``size`` distinct words, most frequent first: the language's real words, then made ones."""
    rng = random.Random(f"{seed}-{lang}")
    words = list(dict.fromkeys(w.lower() for w in WORDS[lang]))
    seen = set(words)
    while len(words) < size:
        word = _made_word(rng, lang)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Language:
    """One language's vocabulary and its Zipf sampler."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.words = vocabulary(code, VOCABULARY[code])
        self._cumulative = list(itertools.accumulate(1.0 / rank for rank in range(1, len(self.words) + 1)))

    def draw(self, rng: random.Random, count: int) -> list[str]:
        total = self._cumulative[-1]
        return [self.words[bisect.bisect(self._cumulative, rng.random() * total)] for _ in range(count)]

    def text(self, rng: random.Random, count: int) -> str:
        words = self.draw(rng, count)
        if self.code == "zh":
            return "，".join("".join(words[i:i + 6]) for i in range(0, len(words), 6)) + "。"
        return " ".join(words)


class Corpus:
    """Records 0..N-1 of the benchmark library, generated the same way in every process."""

    def __init__(self, seed: int = 16) -> None:
        self.seed = seed
        self.languages = {code: Language(code) for code, _ in LANGUAGE_SHARE}

    def record(self, index: int) -> dict:
        rng = random.Random(self.seed * 1_000_003 + index)
        lang = rng.choices([c for c, _ in LANGUAGE_SHARE], weights=[w for _, w in LANGUAGE_SHARE])[0]
        language = self.languages[lang]
        rtype = rng.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES])[0]
        restricted = rng.random() < 0.10
        return {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "type": rtype,
            "title": {lang: language.text(rng, 8)},
            "body": {lang: language.text(rng, 150)},
            "keywords": self.languages["en"].draw(rng, rng.randint(1, 5)),
            "gbf_targets": sorted(rng.sample(range(1, 24), k=rng.randint(1, 3))),
            "gbf_goals": sorted(rng.sample("ABCD", k=rng.randint(1, 2))),
            "countries": rng.sample(COUNTRIES, k=rng.randint(1, 2)),
            "languages": [lang],
            "community": f"Community {index % 37}",
            "date": f"{rng.randint(1995, 2026)}",
            "access": ({"level": "restricted", "community": f"Community {index % 37}",
                        "protocols": [PROTOCOLS[index % 2]]} if restricted else {"level": "public"}),
        }

    def records(self, n: int) -> Iterator[dict]:
        return (self.record(i) for i in range(n))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    args = parser.parse_args()
    corpus = Corpus()
    terms: dict[str, set[str]] = {}
    for record in corpus.records(args.n):
        lang = record["languages"][0]
        terms.setdefault(lang, set()).update(record["body"][lang].split() + record["title"][lang].split())
    for lang, words in sorted(terms.items()):
        print(f"{lang}: {len(words)} distinct words", file=sys.stderr)
    print(f"all: {sum(len(w) for w in terms.values())} distinct words in {args.n} records", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
