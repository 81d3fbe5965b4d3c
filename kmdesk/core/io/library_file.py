"""kmdesk's own JSON library file (docs/record-format.md): its envelope and the checked read that
imports it and the demo library shipped in ``resources/demo`` (``io.exporter`` writes it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.paths import resource
from kmdesk.core.store import text

FORMAT = "kmdesk-library"
VERSION = 1
DEMO = resource("demo", "library.json")


def read(path: Path) -> dict[str, Any]:
    """Load and shape-check a library file; a clear error names the file and what is wrong
    (sizes, nesting and numbers are capped as for every imported JSON: ``io.source.load_json``)."""
    from kmdesk.core.io.source import ImportFileError, load_json, read_text, utf8_problem

    if not Path(path).exists():
        raise InvalidRecord(f"{path}: no such file")
    try:
        content = read_text(Path(path))
        problem = utf8_problem(content)
        if problem:
            raise InvalidRecord(f"{path}: {problem.message}")
        data = load_json(content, str(path))
    except ImportFileError as exc:  # one error type for a bad library file, whatever found it
        raise InvalidRecord(str(exc)) from None
    if isinstance(data, list):  # a bare list of records is accepted too
        data = {"format": FORMAT, "version": VERSION, "records": data}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("records"), list):
        raise InvalidRecord(f"{path}: not a kmdesk library file (expected \"format\": \"{FORMAT}\" and a \"records\" list)")
    version = data.get("version", VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidRecord(f"{path}: \"version\" must be a whole number, not {json.dumps(version)[:40]}")
    if version > VERSION:
        raise InvalidRecord(f"{path}: written by a newer kmdesk (format version {version})")
    _check_structure(path, data)
    return data


def _check_structure(path: Path, data: dict[str, Any]) -> None:
    """Communities and protocols are created before any record: each must have a name."""
    for key, what in (("communities", "community"), ("protocols", "protocol")):
        items = data.get(key) or []
        if not isinstance(items, list):
            raise InvalidRecord(f"{path}: \"{key}\" must be a list")
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
                raise InvalidRecord(f"{path}: {what} {number} has no name")
            problem = text.problem(item["name"])
            if problem:
                raise InvalidRecord(f"{path}: {what} {number}: name: {problem}")
            for field in ("country", "community", "kind"):
                if item.get(field) is not None and not isinstance(item[field], str):
                    raise InvalidRecord(f"{path}: {what} {number} ({item['name']}): \"{field}\" must be text")
            if item.get("description") is not None and not isinstance(item["description"], dict):
                raise InvalidRecord(f"{path}: {what} {number} ({item['name']}): \"description\" must be "
                                    "{language: text}")


def envelope(records: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, **extra, "records": records}
