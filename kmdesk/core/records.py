"""The record dict (docs/record-format.md): validation, and conversion to and from the ORM row.

Every face of kmdesk (CLI, GUI, importers, search, sync) speaks this dict; only the store sees
``model.Record``. Validation lives here once, so a bad value gets the same clear message whether
it came from a form, a command line or a file.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone
from typing import Any

from kmdesk.core import vocab
from kmdesk.core.errors import InvalidRecord
from kmdesk.core.model import Record

TEXT_FIELDS = ("title", "summary", "body")
LIST_FIELDS = ("keywords", "gbf_goals", "gbf_targets", "subjects", "countries", "places", "languages", "creators", "labels")
SCALAR_FIELDS = ("type", "resource_kind", "community", "date", "licence", "source_url")
# What a non-public record keeps only in its sealed envelope.
PROTECTED_FIELDS = ("title", "summary", "body", "keywords", "places", "creators", "source_url", "identifiers")
EMPTY_PROTECTED: dict[str, Any] = {"title": {}, "summary": {}, "body": {}, "keywords": [], "places": [],
                                   "creators": [], "source_url": None, "identifiers": {}}
EDITABLE_FIELDS = TEXT_FIELDS + LIST_FIELDS + SCALAR_FIELDS + ("identifiers", "access")
ACCESS_LEVELS = ("public", "community", "restricted", "sacred")
def default_access_level(record_type: str | None) -> str:
    """Traditional knowledge starts with its community (it needs FPIC consent before it may be
    shared); every other type starts public. The person can always choose otherwise."""
    return "community" if record_type == "traditional_knowledge" else "public"
GOALS = ("A", "B", "C", "D")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_COUNTRY = re.compile(r"^[a-z]{2}$")


def base_language(tag: str) -> str:
    """``fr_CA`` / ``fr-CA`` -> ``fr``: the language of a BCP 47 tag (or a Qt locale name)."""
    return tag.replace("_", "-").split("-")[0].lower()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_id() -> str:
    return str(uuid.uuid4())


def _text_map(value: Any, field: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise InvalidRecord(f"{field}: expected {{language: text}}", field=field)
    out: dict[str, str] = {}
    for lang, text in value.items():
        if not isinstance(lang, str) or not _TAG.match(lang):
            raise InvalidRecord(f"{field}: '{lang}' is not a language tag", field=field, value=lang)
        if not isinstance(text, str):
            raise InvalidRecord(f"{field}[{lang}]: expected text", field=field)
        if text.strip():
            out[lang] = text
    return out


def _str_list(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidRecord(f"{field}: expected a list of text", field=field)
    seen: list[str] = []
    for item in (v.strip() for v in value):
        if item and item not in seen:
            seen.append(item)
    return seen


def _targets(value: Any) -> list[int]:
    out: set[int] = set()
    for item in value or []:
        try:
            number = int(str(item).upper().removeprefix("GBF-TARGET-").removeprefix("T"))
        except ValueError:
            raise InvalidRecord(f"gbf_targets: '{item}' is not a target number", field="gbf_targets", value=item) from None
        if not 1 <= number <= 23:
            raise InvalidRecord(f"gbf_targets: {number} is not a GBF target (1-23)", field="gbf_targets", value=number)
        out.add(number)
    return sorted(out)


def _creators(value: Any) -> list[dict[str, str]]:
    roles = vocab.keys("creator_roles")
    out = []
    for item in value or []:
        if isinstance(item, str):
            item = {"name": item, "role": "author"}
        if not isinstance(item, dict) or not str(item.get("name", "")).strip():
            raise InvalidRecord("creators: each creator needs a name", field="creators")
        role = item.get("role") or "author"
        if role not in roles:
            raise InvalidRecord(f"creators: unknown role '{role}'", field="creators", value=role)
        out.append({"name": str(item["name"]).strip(), "role": role})
    return out


def _access(value: Any) -> dict[str, Any]:
    value = value or {}
    level = value.get("level", "public")
    if level not in ACCESS_LEVELS:
        raise InvalidRecord(f"access: unknown level '{level}'", field="access", value=level)
    sharing = value.get("sharing", "all")
    if sharing not in ("all", "any"):
        raise InvalidRecord(f"access: sharing must be 'all' or 'any', not '{sharing}'", field="access")
    protocols = _str_list(value.get("protocols"), "access.protocols")
    if level == "restricted" and not protocols:
        raise InvalidRecord("access: a restricted record needs at least one protocol", field="access")
    return {"level": level, "protocols": protocols, "sharing": sharing,
            "custodians": _str_list(value.get("custodians"), "access.custodians")}


def normalize(data: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check and tidy a record dict (or, with ``partial``, the changed fields of one).

    Raises ``InvalidRecord`` naming the field; never silently drops a value it does not
    understand, except empty strings and duplicates in lists.
    """
    unknown = set(data) - set(EDITABLE_FIELDS) - {"id", "consents", "created_at", "updated_at", "history", "revision", "sealed"}
    if unknown:
        raise InvalidRecord(f"unknown field(s): {', '.join(sorted(unknown))}", field=sorted(unknown)[0])
    out: dict[str, Any] = {}
    for field in TEXT_FIELDS:
        if field in data or not partial:
            out[field] = _text_map(data.get(field), field)
    if (not partial or "title" in data) and not out.get("title"):
        raise InvalidRecord("title: a record needs a title in at least one language", field="title")
    if "type" in data or not partial:
        rtype = data.get("type")
        if rtype not in vocab.keys("types"):
            raise InvalidRecord(f"type: '{rtype}' is not a record type ({', '.join(vocab.keys('types'))})", field="type", value=rtype)
        out["type"] = rtype
    if "resource_kind" in data or not partial:
        kind = data.get("resource_kind") or None
        if kind is not None and kind not in vocab.keys("resource_kinds"):
            raise InvalidRecord(f"resource_kind: '{kind}' is not a resource kind", field="resource_kind", value=kind)
        out["resource_kind"] = kind
    for field in ("keywords", "subjects", "places", "labels"):
        if field in data or not partial:
            out[field] = _str_list(data.get(field), field)
    if "labels" in out:
        known = vocab.label_vocab()
        for code in out["labels"]:
            if code not in known:
                raise InvalidRecord(f"labels: '{code}' is not a Local Contexts label code", field="labels", value=code)
    if "gbf_goals" in data or not partial:
        goals = sorted({g.upper().removeprefix("GBF-GOAL-") for g in _str_list(data.get("gbf_goals"), "gbf_goals")})
        bad = [g for g in goals if g not in GOALS]
        if bad:
            raise InvalidRecord(f"gbf_goals: '{bad[0]}' is not a GBF goal (A-D)", field="gbf_goals", value=bad[0])
        out["gbf_goals"] = goals
    if "gbf_targets" in data or not partial:
        out["gbf_targets"] = _targets(data.get("gbf_targets"))
    if "countries" in data or not partial:
        countries = [c.lower() for c in _str_list(data.get("countries"), "countries")]
        bad = [c for c in countries if not _COUNTRY.match(c)]
        if bad:
            raise InvalidRecord(f"countries: '{bad[0]}' is not an ISO 3166 two-letter code", field="countries", value=bad[0])
        out["countries"] = countries
    if "languages" in data or not partial:
        langs = _str_list(data.get("languages"), "languages")
        bad = [t for t in langs if not _TAG.match(t)]
        if bad:
            raise InvalidRecord(f"languages: '{bad[0]}' is not a language tag", field="languages", value=bad[0])
        out["languages"] = langs
    if "creators" in data or not partial:
        out["creators"] = _creators(data.get("creators"))
    if "identifiers" in data or not partial:
        ids = data.get("identifiers") or {}
        if not isinstance(ids, dict):
            raise InvalidRecord("identifiers: expected {scheme: value}", field="identifiers")
        out["identifiers"] = {str(k): str(v) for k, v in ids.items() if v}
    for field in ("community", "licence", "source_url"):
        if field in data or not partial:
            value = data.get(field)
            out[field] = str(value).strip() or None if value is not None else None
    if "date" in data or not partial:
        date = data.get("date") or None
        if date is not None and not _DATE.match(str(date)):
            raise InvalidRecord(f"date: '{date}' is not YYYY, YYYY-MM or YYYY-MM-DD", field="date", value=date)
        out["date"] = str(date) if date else None
    if "access" in data or not partial:
        out["access"] = _access(data.get("access"))
    return out


def protected_part(record: dict[str, Any]) -> dict[str, Any]:
    """The fields that a non-public record keeps only sealed."""
    return {field: record.get(field) for field in PROTECTED_FIELDS}


def apply_to_row(row: Record, data: dict[str, Any]) -> None:
    """Write normalised fields onto the row (plain columns; the store seals afterwards)."""
    for field, value in data.items():
        if field == "access":
            row.access_level = value["level"]
            row.access_protocols = value["protocols"]
            row.access_sharing = value["sharing"]
            row.custodians = value["custodians"]
        else:
            setattr(row, field, value)


def row_to_dict(row: Record, revealed: dict[str, Any] | None = None) -> dict[str, Any]:
    """The record dict of a row. ``revealed`` holds the opened sealed fields of a non-public
    record; without it those fields stay empty and ``sealed`` is true."""
    data: dict[str, Any] = {
        "id": row.id,
        "type": row.type,
        "resource_kind": row.resource_kind,
        **{field: getattr(row, field) for field in TEXT_FIELDS},
        **{field: list(getattr(row, field) or []) for field in LIST_FIELDS},
        "identifiers": dict(row.identifiers or {}),
        "community": row.community,
        "date": row.date,
        "licence": row.licence,
        "source_url": row.source_url,
        "access": {"level": row.access_level, "protocols": list(row.access_protocols or []),
                   "sharing": row.access_sharing, "custodians": list(row.custodians or [])},
        "revision": row.revision,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }
    if row.sealed is not None:
        data.update(revealed or {})
        data["sealed"] = revealed is None
    return data


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """Field -> [old, new] for every field that changed: what the edit history shows."""
    return {field: [old.get(field), value] for field, value in new.items() if old.get(field) != value}


def display_title(record: dict[str, Any], langs: list[str] | tuple[str, ...] = ("en",)) -> str:
    """The title in the first of ``langs`` the record has, else its first title."""
    titles = record.get("title") or {}
    for lang in langs:
        if titles.get(lang):
            return titles[lang]
    return next(iter(titles.values()), "")
