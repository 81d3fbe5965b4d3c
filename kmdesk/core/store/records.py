"""The record dict (docs/record-format.md): validation, and conversion to and from the ORM row.

Every face of kmdesk (CLI, GUI, importers, search, sync) speaks this dict; only the store sees
``model.Record``. Validation lives here once, so a bad value gets the same clear message whether
it came from a form, a command line or a file.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable, Collection
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from kmdesk.core import vocab
from kmdesk.core.errors import InvalidRecord
from kmdesk.core.store import text as txt

if TYPE_CHECKING:  # rows come from the ORM or as plain ``rows``: only their columns are read
    from kmdesk.core.store.bulk import NewRow
    from kmdesk.core.store.model import Record
    from kmdesk.core.store.row_classes import RecordRow

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
# A record id is a URL path segment at every sync target and a file name in archives: letters,
# digits, '.', '_' and '-' only (no quoting can go wrong), starting with a letter or digit, at
# most 36 characters (a UUID, as kmdesk makes them). docs/record-format.md says the same.
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,35}$")
URL_SCHEMES = ("http", "https")


def base_language(tag: str) -> str:
    """``fr_CA`` / ``fr-CA`` -> ``fr``: the language of a BCP 47 tag (or a Qt locale name)."""
    return tag.replace("_", "-").split("-")[0].lower()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_id() -> str:
    return str(uuid.uuid4())


SHORT_ID = 8  # what a listing shows of a random id: ``reads.MIN_ID_PREFIX`` resolves it back
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def short_id(record_id: str) -> str:
    """The id a listing shows: the first ``SHORT_ID`` characters of a random (UUID) id, as the
    library makes them (``new_id``); any other id whole. Such ids are chosen by people or by
    another system and share their beginnings ("CHM-DEMO-PE-NEED-01", "CHM-DEMO-PE-OFFER-01",
    the CHM's "52000000cbd0..."), so a cut would give many records one short id; whole, each
    shows its own and resolves as typed (``library.records.resolve_id`` takes an exact id first).
    At most 36 characters (``ID_PATTERN``)."""
    return record_id[:SHORT_ID] if _UUID.match(record_id) else record_id


def check_id(value: Any) -> str:
    """``value`` when it is a valid record id (``ID_PATTERN``); else ``InvalidRecord``."""
    if not isinstance(value, str):
        raise InvalidRecord(f"id: expected text, found {type(value).__name__}", field="id")
    if not ID_PATTERN.match(value):
        shown = txt.repair_text(value)[:60]
        raise InvalidRecord(f"id: {shown!r} is not a record id (1-36 letters, digits, '.', '_' or '-', "
                            "starting with a letter or digit)", field="id", value=shown)
    return value


def _scalar_text(value: Any, field: str) -> str:
    """One text value, passed through the text boundary (numbers are accepted as text)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InvalidRecord(f"{field}: expected text, found {type(value).__name__}", field=field)
    return txt.clean(str(value), field).strip()


def _text_map(value: Any, field: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise InvalidRecord(f"{field}: expected {{language: text}}, found {type(value).__name__}", field=field)
    out: dict[str, str] = {}
    for lang, text in value.items():
        if not isinstance(lang, str) or not _TAG.match(lang):
            shown = txt.repair(lang)
            raise InvalidRecord(f"{field}: '{shown}' is not a language tag", field=field, value=shown)
        if not isinstance(text, str):
            raise InvalidRecord(f"{field}[{lang}]: expected text, found {type(text).__name__}", field=field)
        text = txt.clean(text, f"{field}[{lang}]")
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
    if txt.is_clean("\n".join(value)):  # each value as it is (one check for the list): tidy and unique
        return list(dict.fromkeys(item for item in map(str.strip, value) if item))
    seen: list[str] = []
    for item in (txt.clean(v, field).strip() for v in value):
        if item and item not in seen:
            seen.append(item)
    return seen


def _targets(value: Any) -> list[int]:
    if value is not None and not isinstance(value, list):
        value = [value]
    out: set[int] = set()
    for item in value or []:
        if isinstance(item, bool) or not isinstance(item, (int, str)):
            raise InvalidRecord(f"gbf_targets: expected target numbers, found {type(item).__name__}", field="gbf_targets")
        item = txt.repair(str(item))[:20]
        try:
            number = int(item.upper().removeprefix("GBF-TARGET-").removeprefix("T"))
        except ValueError:
            raise InvalidRecord(f"gbf_targets: '{item}' is not a target number", field="gbf_targets", value=item) from None
        if not 1 <= number <= 23:
            raise InvalidRecord(f"gbf_targets: {number} is not a GBF target (1-23)", field="gbf_targets", value=number)
        out.add(number)
    return sorted(out)


def _creators(value: Any) -> list[dict[str, str]]:
    roles = vocab.keys("creator_roles")
    if value is not None and not isinstance(value, list):
        value = [value]
    out = []
    for item in value or []:
        if isinstance(item, str):
            item = {"name": item, "role": "author"}
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise InvalidRecord("creators: each creator needs a name", field="creators")
        role = item.get("role") or "author"
        if not isinstance(role, str) or role not in roles:
            shown = txt.repair(role) if isinstance(role, str) else type(role).__name__
            raise InvalidRecord(f"creators: unknown role '{shown}'", field="creators", value=shown)
        out.append({"name": txt.clean(item["name"], "creators").strip(), "role": role})
    return out


def _access(value: Any, default_level: str = "public") -> dict[str, Any]:
    value = value or {}
    if not isinstance(value, dict):
        raise InvalidRecord(f"access: expected {{\"level\": ..., \"protocols\": [...]}}, found {type(value).__name__}",
                            field="access")
    level = value.get("level") or default_level
    if not isinstance(level, str) or level not in ACCESS_LEVELS:
        shown = txt.repair(level) if isinstance(level, str) else type(level).__name__
        raise InvalidRecord(f"access: unknown level '{shown}' ({', '.join(ACCESS_LEVELS)})", field="access", value=shown)
    sharing = value.get("sharing", "all")
    if not isinstance(sharing, str) or sharing not in ("all", "any"):
        shown = txt.repair(sharing) if isinstance(sharing, str) else type(sharing).__name__
        raise InvalidRecord(f"access: sharing must be 'all' or 'any', not '{shown}'", field="access")
    protocols = _str_list(value.get("protocols"), "access.protocols")
    if level == "restricted" and not protocols:
        raise InvalidRecord("access: a restricted record needs at least one protocol", field="access")
    return {"level": level, "protocols": protocols, "sharing": sharing,
            "custodians": _str_list(value.get("custodians"), "access.custodians")}


def _type(value: Any) -> str:
    if not isinstance(value, str) or value not in vocab.keys("types"):
        shown = _shown(value)
        raise InvalidRecord(f"type: '{shown}' is not a record type ({', '.join(vocab.keys('types'))})", field="type", value=shown)
    return value


def _resource_kind(value: Any) -> str | None:
    kind = value or None
    if kind is not None and (not isinstance(kind, str) or kind not in vocab.keys("resource_kinds")):
        shown = _shown(kind)
        raise InvalidRecord(f"resource_kind: '{shown}' is not a resource kind", field="resource_kind", value=shown)
    return kind


def _labels(value: Any) -> list[str]:
    codes = _str_list(value, "labels")
    if codes:  # the vocabulary is a dict built per call: only when there are labels
        known = vocab.label_vocab()
        for code in codes:
            if code not in known:
                raise InvalidRecord(f"labels: '{code}' is not a Local Contexts label code", field="labels", value=code)
    return codes


def _goals(value: Any) -> list[str]:
    goals = sorted({g.upper().removeprefix("GBF-GOAL-") for g in _str_list(value, "gbf_goals")})
    bad = [g for g in goals if g not in GOALS]
    if bad:
        raise InvalidRecord(f"gbf_goals: '{bad[0]}' is not a GBF goal (A-D)", field="gbf_goals", value=bad[0])
    return goals


def _countries(value: Any) -> list[str]:
    countries = [c.lower() for c in _str_list(value, "countries")]
    bad = [c for c in countries if not _COUNTRY.match(c)]
    if bad:
        raise InvalidRecord(f"countries: '{bad[0]}' is not an ISO 3166 two-letter code", field="countries", value=bad[0])
    return countries


def _languages(value: Any) -> list[str]:
    langs = _str_list(value, "languages")
    bad = [t for t in langs if not _TAG.match(t)]
    if bad:
        raise InvalidRecord(f"languages: '{bad[0]}' is not a language tag", field="languages", value=bad[0])
    return langs


def _identifiers(value: Any) -> dict[str, str]:
    ids = value or {}
    if not isinstance(ids, dict):
        raise InvalidRecord("identifiers: expected {scheme: value}", field="identifiers")
    return {_scalar_text(k, "identifiers"): _scalar_text(v, f"identifiers[{k}]") for k, v in ids.items() if v}


def _optional_text(value: Any, field: str) -> str | None:
    return _scalar_text(value, field) or None if value is not None else None


def _source_url(value: Any) -> str | None:
    url = _optional_text(value, "source_url")
    if url:
        _check_url(url)
    return url


def _date(value: Any) -> str | None:
    date = value or None
    if date is not None and (not isinstance(date, (str, int)) or not _DATE.match(str(date))):
        shown = _shown(date)
        raise InvalidRecord(f"date: '{shown}' is not YYYY, YYYY-MM or YYYY-MM-DD", field="date", value=shown)
    return str(date) if date else None


# The check of each field after the texts, in the order ``normalize`` runs them and writes them out.
_FIELD_CHECKS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("type", _type),
    ("resource_kind", _resource_kind),
    ("keywords", functools.partial(_str_list, field="keywords")),
    ("subjects", functools.partial(_str_list, field="subjects")),
    ("places", functools.partial(_str_list, field="places")),
    ("labels", _labels),
    ("gbf_goals", _goals),
    ("gbf_targets", _targets),
    ("countries", _countries),
    ("languages", _languages),
    ("creators", _creators),
    ("identifiers", _identifiers),
    ("community", functools.partial(_optional_text, field="community")),
    ("licence", functools.partial(_optional_text, field="licence")),
    ("source_url", _source_url),
    ("date", _date),
)


# What a record dict may hold: its fields, and what a library file carries beside them.
_KNOWN = frozenset(EDITABLE_FIELDS) | {"id", "consents", "created_at", "updated_at", "history", "revision", "sealed"}


def normalize(data: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Check and tidy a record dict (or, with ``partial``, the changed fields of one).

    Raises ``InvalidRecord`` naming the field; never silently drops a value it does not
    understand, except empty strings and duplicates in lists.
    """
    if not isinstance(data, dict):
        raise InvalidRecord(f"expected a record object, found {type(data).__name__}")
    if not _KNOWN.issuperset(data):
        unknown = sorted(txt.repair(str(k)) for k in set(data) - _KNOWN)
        raise InvalidRecord(f"unknown field(s): {', '.join(unknown)}", field=unknown[0])
    if data.get("id") is not None:
        check_id(data["id"])
    checked: Collection[str] = data if partial else EDITABLE_FIELDS
    out: dict[str, Any] = {}
    for field in TEXT_FIELDS:
        if field in checked:
            out[field] = _text_map(data.get(field), field)
    if "title" in checked and not out.get("title"):
        raise InvalidRecord("title: a record needs a title in at least one language", field="title")
    for field, check in _FIELD_CHECKS:
        if field in checked:
            out[field] = check(data.get(field))
    if "access" in checked:
        out["access"] = _access(data.get("access"), default_access_level(data.get("type")))
    return out


def _shown(value: Any) -> str:
    """A bad value as an error message may quote it: repaired text, cut short, or its type."""
    return txt.repair_text(value)[:80] if isinstance(value, str) else type(value).__name__


def _check_url(url: str) -> None:
    """Only web links: a ``javascript:`` or ``file:`` URL would run or open something on the
    machine of whoever clicks it in the window, an export or the CHM."""
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed '[' of an IPv6 host
        parts = urlsplit("")
    if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc or any(c.isspace() for c in url):
        raise InvalidRecord(f"source_url: '{url[:80]}' is not a web address (http:// or https://)",
                            field="source_url", value=url[:80])


def protected_part(record: dict[str, Any]) -> dict[str, Any]:
    """The fields that a non-public record keeps only sealed."""
    return {field: record.get(field) for field in PROTECTED_FIELDS}


def apply_to_row(row: Record | NewRow, data: dict[str, Any]) -> None:
    """Write normalised fields onto the row (plain columns; the store seals afterwards)."""
    for field, value in data.items():
        if field == "access":
            row.access_level = value["level"]
            row.access_protocols = value["protocols"]
            row.access_sharing = value["sharing"]
            row.custodians = value["custodians"]
        else:
            setattr(row, field, value)


def _shaped(row: Record | RecordRow | NewRow, field: str, kind: type, empty: Any, odd: list[str]) -> Any:
    """A JSON column's value if it is what kmdesk writes there; else ``empty``, and the field
    named in ``odd``: a file edited by hand may hold a number where a list belongs."""
    value = getattr(row, field)
    if value is None:
        return empty
    if not isinstance(value, kind):
        odd.append(field)
        return empty
    return kind(value)


def _access_of(row: Record | RecordRow | NewRow, odd: list[str]) -> dict[str, Any]:
    return {"level": row.access_level, "protocols": _shaped(row, "access_protocols", list, [], odd),
            "sharing": row.access_sharing, "custodians": _shaped(row, "custodians", list, [], odd)}


def access_of(row: Record | RecordRow | NewRow) -> dict[str, Any]:
    """The access block of a row, as ``row_to_dict`` gives it, without the rest of the record
    (what a decision on who may view it reads)."""
    return txt.readable(_access_of(row, []))


def row_to_dict(row: Record | RecordRow | NewRow, revealed: dict[str, Any] | None = None) -> dict[str, Any]:
    """The record dict of a row. ``revealed`` holds the opened sealed fields of a non-public
    record; without it those fields stay empty and ``sealed`` is true."""
    odd: list[str] = []

    def shaped(field: str, kind: type, empty: Any) -> Any:
        return _shaped(row, field, kind, empty, odd)

    data: dict[str, Any] = {
        "id": row.id,
        "type": row.type,
        "resource_kind": row.resource_kind,
        **{field: shaped(field, dict, None) for field in TEXT_FIELDS},
        **{field: shaped(field, list, []) for field in LIST_FIELDS},
        "identifiers": shaped("identifiers", dict, {}),
        "community": row.community,
        "date": row.date,
        "licence": row.licence,
        "source_url": row.source_url,
        "access": _access_of(row, odd),
        "revision": row.revision,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }
    if row.sealed is not None:
        data.update(revealed or {})
        data["sealed"] = revealed is None
    if odd:  # quarantined as damaged, as a record that fails its integrity check
        data["damaged"] = f"{', '.join(odd)}: not the kind of value kmdesk writes (changed outside kmdesk)"
    # what an older kmdesk let in is repaired on the way out, so the library still opens and
    # indexes; ``kmdesk check`` rewrites it (``text.repair_library``)
    return txt.readable(data)


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """Field -> [old, new] for every field that changed: what the edit history shows."""
    return {field: [old.get(field), value] for field, value in new.items() if old.get(field) != value}


def display_title(record: dict[str, Any], langs: list[str] | tuple[str, ...] = ("en",)) -> str:
    """The title in the first of ``langs`` the record has, else its first title."""
    titles: dict[str, str] = record.get("title") or {}
    for lang in langs:
        if titles.get(lang):
            return titles[lang]
    return next(iter(titles.values()), "")
