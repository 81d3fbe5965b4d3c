"""Matchmaking reasons in the interface language: the core gives each reason as a ``kind`` and
its ``params`` (term keys, target numbers, subject identifiers, country and language codes,
words as written); only here do they become words, through ``QCoreApplication.translate``, so a
person reads "same target 10 (Enhance biodiversity and sustainability…)", "same country: Peru",
"speaks Spanish", never a code."""

from __future__ import annotations

from typing import Any

from kmdesk.core import vocab
from kmdesk.core.chm.evidence import term_name
from kmdesk.gui.library_model import country_name, language_name
from kmdesk.gui.qt import QCoreApplication


def target_name(number: int, lang: str) -> str:
    """A GBF target as its number and the start of its title: "10 (Enhance biodiversity and…)"."""
    targets = {t["number"]: t for t in vocab.gbf()["targets"]}
    title = vocab.short_title(targets[number], lang) if number in targets else ""
    return f"{number} ({title})"


def reason_text(reason: dict[str, Any], lang: str) -> str:
    """One reason in words (``lang``: the interface language, for vocabulary titles)."""
    kind, params = reason["kind"], reason["params"]
    vocab_lang = lang.replace("_", "-").split("-")[0]
    if kind == "term":
        return QCoreApplication.translate("match", "both about {terms}").format(
            terms=", ".join(term_name(k, vocab_lang) for k in params["keys"]))
    if kind == "target":
        return QCoreApplication.translate("match", "same target {targets}").format(
            targets=", ".join(target_name(n, vocab_lang) for n in params["numbers"]))
    if kind == "subject":
        titles = {s["identifier"]: vocab.title(s, vocab_lang) for s in vocab.cbd_subjects()}
        return QCoreApplication.translate("match", "same subject: {subjects}").format(
            subjects=", ".join(titles[i] for i in params["ids"] if i in titles))
    if kind == "country":
        return QCoreApplication.translate("match", "same country: {countries}").format(
            countries=", ".join(country_name(c, vocab_lang) for c in params["codes"]))
    if kind == "language":
        return QCoreApplication.translate("match", "speaks {languages}").format(
            languages=", ".join(language_name(c, vocab_lang) for c in params["codes"]))
    if kind == "words":
        return QCoreApplication.translate("match", "shares the words {words}").format(words=", ".join(params["words"]))
    return ""


def reasons_text(reasons: list[dict[str, Any]], lang: str) -> str:
    """The reasons of one match, strongest first, in one line."""
    return "; ".join(text for reason in reasons if (text := reason_text(reason, lang)))
