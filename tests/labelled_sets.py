"""The labelled sets of matchmaking and suggestion (``tests/data``) and how they are scored: one
reading for the tests that hold the bars and for the benches that print the figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kmdesk.core.chm import match, suggest
from kmdesk.core.store.library import Library

DATA = Path(__file__).resolve().parent / "data"
MATCHES = json.loads((DATA / "matches.json").read_text(encoding="utf-8"))
SUGGEST_SET = json.loads((DATA / "suggest_set.json").read_text(encoding="utf-8"))
CONDITIONS = ("english", "same", "cross")
LABELS = ("key", "theme", "good", "lang", "cross")


def text_language(item: dict[str, Any], condition: str) -> str:
    """The one language a record of the matchmaking set is written in under ``condition``."""
    if condition == "english":
        return "en"
    if condition == "cross" and "good" in item:
        return str(item["cross"])
    return str(item["lang"])


def as_record(item: dict[str, Any], condition: str, *, tagged: bool = True) -> dict[str, Any]:
    """A record of the matchmaking set as the library takes it, its texts in one language; with
    ``tagged`` False, a need without its GBF targets and CBD subjects."""
    lang = text_language(item, condition)
    record = {k: v for k, v in item.items() if k not in LABELS}
    record.update(type=item.get("type", "need"), title={lang: item["title"][lang]}, summary={lang: item["summary"][lang]})
    if not tagged and "good" in item:
        record.update(gbf_targets=[], subjects=[])
    return record


def matches_library(path: Path, condition: str = "english", *, tagged: bool = True) -> tuple[Library, dict[str, str]]:
    """A library holding the matchmaking set under ``condition``, and the ids of its keys."""
    library = Library.open(path)
    ids = {item["key"]: library.records.add(as_record(item, condition, tagged=tagged))["id"]
           for item in MATCHES["partners"] + MATCHES["needs"]}
    return library, ids


def precision_at_5(library: Library, ids: dict[str, str]) -> float:
    """Mean over the needs of the share of their first five matches that are good partners."""
    keys = {v: k for k, v in ids.items()}
    scores = []
    for need in MATCHES["needs"]:
        top = [keys[m.id] for m in match.matches(library, ids[need["key"]], limit=5)]
        scores.append(len(set(top) & set(need["good"])) / 5)
    return sum(scores) / len(scores)


def suggest_top3(library: Library) -> dict[str, tuple[int, int]]:
    """For each language, how many records of the suggestion set get their target among the
    first three suggested targets, out of how many."""
    out: dict[str, tuple[int, int]] = {}
    for item in SUGGEST_SET["records"]:
        record = {"id": item["key"], "type": "resource", "title": item["title"], "summary": item["summary"]}
        found = [s.value for s in suggest.suggest_for(library, record, limit=3) if s.kind == "gbf_target"]
        lang = next(iter(item["title"]))
        hits, total = out.get(lang, (0, 0))
        out[lang] = (hits + (item["target"] in found), total + 1)
    return out
