"""Controlled vocabularies shipped as data in ``resources/vocab``: loaded once, read-only."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from kmdesk.core.paths import resource


@cache
def _load(name: str) -> Any:
    with resource("vocab", name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _groups(name: str) -> dict[str, list[dict[str, Any]]]:
    """A vocabulary file that holds named groups of entries."""
    data = _load(name)
    if not isinstance(data, dict):
        raise TypeError(f"resources/vocab/{name} holds {type(data).__name__}, not groups of entries")
    return data


def gbf() -> dict[str, list[dict[str, Any]]]:
    """The Kunming-Montreal GBF: ``goals`` (A-D) and ``targets`` (1-23) with titles by language."""
    return _groups("gbf.json")


def record_types() -> dict[str, list[dict[str, Any]]]:
    """Record types, resource kinds, creator roles, consent scopes/forms and access levels."""
    return _groups("record_types.json")


def local_contexts() -> dict[str, list[dict[str, Any]]]:
    """Local Contexts TK labels, BC labels and notices."""
    return _groups("local_contexts.json")


def cbd_subjects() -> list[dict[str, Any]]:
    """The CBD's subjects (``CBD-SUBJECT-...``) with titles by language."""
    data = _load("cbd_subjects.json")
    if not isinstance(data, list):
        raise TypeError(f"resources/vocab/cbd_subjects.json holds {type(data).__name__}, not a list of subjects")
    return data


def terms() -> list[dict[str, Any]]:
    """Thematic terms (mangroves, pesticides, benefit-sharing ...): ``key``, ``labels`` by
    language (the first one names the term), and the ``gbf_targets`` and ``subjects`` it
    belongs to."""
    found: list[dict[str, Any]] = _load("terms.json")["terms"]
    return found


def keys(group: str) -> list[str]:
    """The keys of one group of ``record_types.json`` (``types``, ``resource_kinds`` ...)."""
    return [item["key"] for item in record_types()[group]]


def titles(group: str, lang: str) -> dict[str, str]:
    """Key -> title in ``lang`` for one group of ``record_types.json``."""
    return {item["key"]: title(item, lang) for item in record_types()[group]}


def label_vocab() -> dict[str, dict[str, Any]]:
    """Every Local Contexts label and notice by its code (``TK SS``, ``BC CV`` ...)."""
    data = local_contexts()
    return {item["code"]: item for group in data.values() for item in group if "code" in item}


def title(item: dict[str, Any], lang: str = "en") -> str:
    """An item's title in ``lang``, falling back to English, then to any language."""
    titles = item.get("title") or {}
    return titles.get(lang) or titles.get(lang.split("-")[0]) or titles.get("en") or next(iter(titles.values()), "")


def short_title(item: dict[str, Any], lang: str = "en", width: int = 48) -> str:
    """An item's title in ``lang`` cut at a word boundary to about ``width`` characters, with an
    ellipsis: a GBF target named beside its number in a line of reasons."""
    text = title(item, lang)
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0].rstrip(",;: ") + "…"
