"""Field-by-field merging of a record's concurrent edits (pure functions, no database).

A record change carries a *patch*: for each field it changed, the new value and a hash of the
value it replaced (its base). Every device folds the patches of a record in the hub's order,
from the same start, so every device that can read the record reaches the same state:

- a field whose current value is the patch's base (nobody else changed it meanwhile), or is
  already the new value, takes the new value;
- otherwise two devices changed that field concurrently: both values are kept in the record's
  *conflicts* (with the device and hub sequence of each) and the later one (in the hub's order)
  is shown until a person chooses; nothing is lost;
- a patch may also say which fields' conflicts a person resolved.

A record's own unsent edits are then laid over the folded state (``rebase``): a field edited
here keeps this device's value until its own change comes back from the hub and is folded like
anyone's. Deletion is a field too (``DELETED``): a deletion concurrent with an edit keeps the
record, flagged in conflict, for a person to delete or keep.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from kmdesk.core.store import records as rec
from kmdesk.core.trust import aead

FIELDS: tuple[str, ...] = rec.EDITABLE_FIELDS
DELETED = "_deleted"  # the conflict of a deletion concurrent with an edit
_MISSING = object()


def value_hash(value: Any) -> str:
    return hashlib.sha256(aead.canonical(value)).hexdigest()[:32]


def content_of(record: dict[str, Any]) -> dict[str, Any]:
    """The mergeable fields of a record dict (``records.row_to_dict`` with its sealed fields)."""
    return {name: record.get(name) for name in FIELDS}


def make_patch(base: dict[str, Any] | None, content: dict[str, Any], bases: dict[str, str] | None = None) -> dict[str, Any]:
    """The fields of ``content`` that differ from ``base`` (all of them for a new record), each
    with the hash of the value it replaces; ``bases`` overrides a field's base (a local edit
    made before a concurrent change was applied here keeps the base it was made on)."""
    bases = bases or {}
    out = {}
    for name in FIELDS:
        if base is None or content.get(name) != base.get(name) or name in bases:
            out[name] = {"base": bases.get(name) or (value_hash(base.get(name)) if base is not None else None),
                         "value": content.get(name)}
    return out


@dataclass
class State:
    """A record's state in the hub's order: its fields, open conflicts and who set each field."""

    content: dict[str, Any] | None
    conflicts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    origins: dict[str, list[Any]] = field(default_factory=dict)
    deleted: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"content": self.content, "conflicts": self.conflicts, "origins": self.origins, "deleted": self.deleted}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> State:
        return cls(data.get("content"), dict(data.get("conflicts") or {}), dict(data.get("origins") or {}),
                   bool(data.get("deleted")))

    def origin(self, name: str) -> list[Any]:
        return list(self.origins.get(name) or self.origins.get("*") or ["", 0])


def _keep_both(state: State, name: str, current: Any, value: Any, origin: list[Any]) -> None:
    entries = state.conflicts.setdefault(name, [])
    if all(entry["value"] != current for entry in entries):
        device, seq = state.origin(name)
        entries.append({"value": current, "device": device, "hub_seq": seq})
    if all(entry["value"] != value for entry in entries):
        entries.append({"value": value, "device": origin[0], "hub_seq": origin[1]})


def fold(state: State | None, patch: dict[str, Any] | None, row_content: dict[str, Any], *, resolved: list[str],
         origin: list[Any], delete: bool = False) -> State:
    """``state`` with one change applied in the hub's order. ``patch`` None: the change gives
    its whole content (``row_content``) without bases (a new record, or a change made where the
    record could not be read): equal fields agree, different ones conflict."""
    if state is None or state.content is None:
        if delete:
            return State(None, deleted=True, origins={"*": origin})
        return State(dict(row_content), origins={"*": origin})
    new = State(dict(state.content), {k: list(v) for k, v in state.conflicts.items()}, dict(state.origins), state.deleted)
    for name in resolved:
        new.conflicts.pop(name, None)
    if delete:
        new.deleted = True
        new.origins[DELETED] = origin
        return new
    if new.deleted:  # an edit made without seeing the deletion: the record comes back, flagged
        new.deleted = False
        _keep_both(new, DELETED, "deleted", "kept", origin)
    entries = patch if patch is not None else {name: {"base": None, "value": row_content.get(name)} for name in FIELDS}
    content = new.content = dict(state.content)
    for name, entry in entries.items():
        if name not in FIELDS or not isinstance(entry, dict):
            continue
        value, base = entry.get("value"), entry.get("base")
        current = content.get(name, _MISSING)
        if not (current is _MISSING or current == value or (base is not None and base == value_hash(current))):
            _keep_both(new, name, current, value, origin)
        content[name] = value
        new.origins[name] = origin
    return new


def concurrent_delete(state: State, origin: list[Any]) -> State:
    """A deletion made without seeing an edit already applied: the record stays, flagged."""
    new = State(dict(state.content or {}), {k: list(v) for k, v in state.conflicts.items()}, dict(state.origins))
    _keep_both(new, DELETED, "kept", "deleted", origin)
    return new


def rebase(local: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """This device's record after the folded state moved from ``before`` to ``after``: the
    fields it changed itself (not yet back from the hub) keep its values, the rest follow."""
    return {name: local.get(name) if local.get(name) != before.get(name) else after.get(name) for name in FIELDS}


def touched(local: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Fields both edited here (not yet sent) and changed by the change just folded."""
    return [name for name in FIELDS if local.get(name) != before.get(name) and after.get(name) != before.get(name)]
