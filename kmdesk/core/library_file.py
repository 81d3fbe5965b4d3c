"""kmdesk's own JSON library file (docs/record-format.md): its envelope and the checked read that
imports it and the demo library shipped in ``resources/demo`` (``io.exporter`` writes it)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.paths import resource

FORMAT = "kmdesk-library"
VERSION = 1
DEMO = resource("demo", "library.json")


def read(path: Path) -> dict[str, Any]:
    """Load and shape-check a library file; a clear error names the file and what is wrong."""
    try:
        with Path(path).open(encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise InvalidRecord(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InvalidRecord(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InvalidRecord(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if isinstance(data, list):  # a bare list of records is accepted too
        data = {"format": FORMAT, "version": VERSION, "records": data}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("records"), list):
        raise InvalidRecord(f"{path}: not a kmdesk library file (expected \"format\": \"{FORMAT}\" and a \"records\" list)")
    if data.get("version", VERSION) > VERSION:
        raise InvalidRecord(f"{path}: written by a newer kmdesk (format version {data['version']})")
    return data


def envelope(records: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, **extra, "records": records}
