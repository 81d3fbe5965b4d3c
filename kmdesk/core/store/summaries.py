"""A page of the window's list: what its table shows of each record, read cheaply and checked whole.

The table shows a record's title, type, targets, community, date, languages, access and consent
state. Whole record dicts (``RecordManager.to_dicts``: ORM rows, every text decoded twice, the
whole dict scanned for surrogates) cost most of a search's path in the window (figures in
bench/README.md). Here a page's rows are read as plain SQL values in one statement, and each row's signature is still checked over every signed column before
anything of it is shown, exactly as ``reads.record_problem`` checks it.

What a check found is remembered per row, keyed by a digest of everything it depended on: all
the row's raw column values (so a row changed in any way, its signature included, is checked
again), the wrapped record keys of the row (a key removed only denies, as it would uncached),
and whether this profile may view it. The memory is dropped when the profile, its keys or the
verifier change, and at lock (``forget``): it may hold opened titles and record keys.
A sealed row met for the first time is opened through the store's own path
(``RecordManager.to_dict``), which holds its keys.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from kmdesk.core.store import records as rec
from kmdesk.core.store import row_tags
from kmdesk.core.store.bulk import NewRow
from kmdesk.core.store.chunked import chunks
from kmdesk.core.store.model import RecordKey
from kmdesk.core.store.row_classes import RecordRow
from kmdesk.core.store.row_tags import JSON, NAMES
from kmdesk.core.store.rows import stored_json
from kmdesk.core.trust import consent, reads, rows

if TYPE_CHECKING:
    from kmdesk.core.store.record_manager import RecordManager

SHOWN = ("id", "title", "type", "resource_kind", "gbf_targets", "community", "date", "languages")
_SHOWN_JSON = [name in RecordRow.JSON and name in {*SHOWN, "access_protocols", "custodians"} for name in NAMES]
_AT = {name: i for i, name in enumerate(NAMES)}
_KEYS_SQL = "SELECT record_id, holder, holder_ref, wrapped_key FROM record_keys WHERE record_id IN ({})"
_LIMIT = 20_000  # rows remembered: a few hundred pages, a few MB


@dataclass(frozen=True, slots=True)
class _Checked:
    """What the check of one row found: its summary (``SHOWN``, ``access``, ``sealed``), the
    record key that opened it (None: public or closed), and whether its row failed the check
    (``tampered``: shown as a sealed stub without consent) or holds odd values (``damaged``)."""

    summary: dict[str, Any]
    key: bytes | None
    tampered: bool
    damaged: str | None


def _summary(record: dict[str, Any]) -> dict[str, Any]:
    out = {name: record.get(name) for name in SHOWN}
    out["access"] = (record.get("access") or {}).get("level", "public")
    out["sealed"] = bool(record.get("sealed"))
    return out


def _decoded(values: tuple[Any, ...]) -> list[Any]:
    """A row's values with its JSON columns decoded, as the store decodes them."""
    return [stored_json(v) if json_column and v is not None else v for v, json_column in zip(values, JSON, strict=True)]


def _plain_row(values: tuple[Any, ...]) -> RecordRow:
    return RecordRow(*_decoded(values))


def _shown_row(values: tuple[Any, ...]) -> RecordRow:
    """A row with only what the table shows decoded (the other JSON columns left empty)."""
    decoded: list[Any] = [stored_json(v) if shown and v is not None else None if json_column else v
                          for v, json_column, shown in zip(values, JSON, _SHOWN_JSON, strict=True)]
    return RecordRow(*decoded)


def _listed(raw: Any) -> list[Any]:
    """A JSON list column as ``records.row_to_dict`` shapes it (anything else: empty)."""
    value = stored_json(raw) if raw is not None else None
    return value if isinstance(value, list) else []


class Summaries:
    """``library.records.summaries``: a page's rows as the table shows them, remembered per row."""

    def __init__(self, records: RecordManager) -> None:
        self.records = records
        self._checked: dict[bytes, _Checked] = {}
        self._owner: tuple[Any, ...] | None = None

    def forget(self) -> None:
        """Drop what was remembered (at lock: it may hold opened titles and keys). A new memory,
        not the old one cleared: a read still running when the profile changed writes what it
        checked into the old one, which nothing reads again."""
        self._checked = {}
        self._owner = None

    def _for(self, session: Session) -> tuple[rows.Verifier, dict[bytes, _Checked]]:
        """The verifier and the memory that holds for it, a new one if the verifier, the
        profile or what it holds changed since."""
        access = self.records.library.access
        verifier, me = access.verifier(session), access.current
        holds = None if me is None else (me.name, frozenset(me.roles), frozenset(me.protocol_keys),
                                         frozenset(me.protocol_ids), frozenset(me.communities))
        owner = self._owner
        if owner is None or owner[0] is not verifier or owner[1] is not me or owner[2] != holds or len(self._checked) > _LIMIT:
            self.forget()
            self._owner = (verifier, me, holds)
        return verifier, self._checked

    def read(self, record_ids: Iterable[str], today: date | None = None) -> dict[str, dict[str, Any]]:
        """id -> summary (``SHOWN``, ``access`` level, ``sealed``, ``consent`` state) of each of
        these records that exists and the profile may know of, in a constant number of reads.
        As ``RecordManager.get_many``: listing is not reading (no view audited); a damaged row
        joins the quarantine."""
        manager, access = self.records, self.records.library.access
        ids = list(dict.fromkeys(record_ids))
        out: dict[str, dict[str, Any]] = {}
        if not ids:
            return out
        with manager.library.reading() as session, access.protocols_read_once(session):
            verifier, memory = self._for(session)
            # plain tuples of plain values: the digest is of every value whole (``row_tags.raw``)
            raw = [tuple(values) for chunk in chunks(ids) for values in session.connection().exec_driver_sql(
                f"{RecordRow.SELECT} WHERE records.id IN ({', '.join('?' * len(chunk))})", tuple(chunk)).all()]
            wrapped: dict[str, list[tuple[Any, ...]]] = {}
            if access.unlocked:
                for chunk in chunks(ids):
                    for key_row in session.connection().exec_driver_sql(_KEYS_SQL.format(", ".join("?" * len(chunk))), tuple(chunk)):
                        wrapped.setdefault(key_row[0], []).append(tuple(key_row))
            kinds = access.protocol_kinds(session) if any(v[_AT["access_level"]] != "public" for v in raw) else {}
            viewer = access.viewer()
            checked: dict[str, _Checked] = {}
            opening: dict[str, tuple[bytes, tuple[Any, ...], bytes]] = {}  # sealed rows met for the first time
            for values in raw:
                record_id, level = values[0], values[_AT["access_level"]]
                may = level == "public" or consent.can_view(viewer, {
                    "level": level, "protocols": _listed(values[_AT["access_protocols"]]),
                    "sharing": values[_AT["access_sharing"]], "custodians": _listed(values[_AT["custodians"]])},
                    values[_AT["community"]], kinds)
                if level == "sacred" and not may:
                    continue  # invisible to all but its custodians (``reads.visible``)
                raw_values = row_tags.raw(values)
                digest = hashlib.sha256(raw_values + row_tags.raw((tuple(sorted(wrapped.get(record_id, ()))), may))).digest()
                found = memory.get(digest)
                if found is None and values[_AT["sealed"]] is not None:
                    opening[record_id] = (digest, values, raw_values)  # opened by the store's own path, which holds its keys
                    continue
                if found is None:
                    found = memory[digest] = self._check(values, raw_values, verifier)
                checked[record_id] = found
            if opening:
                checked.update(self._open(session, opening, wrapped, memory, verifier))
            events = manager.library.consent.events_of(session, list(checked))
            when = today or reads.today()
            for record_id, found in checked.items():
                if found.damaged:
                    manager.quarantine[record_id] = found.damaged
                else:
                    manager.quarantine.pop(record_id, None)
                folded = [] if found.tampered else reads.fold_consents(record_id, events.get(record_id, ()), found.key, verifier)[0]
                out[record_id] = {**found.summary, "consent": consent.consent_state(folded, when).value}
        return out

    @staticmethod
    def _check(values: tuple[Any, ...], raw_values: bytes, verifier: rows.Verifier) -> _Checked:
        """A row with no sealed part, or one whose check fails, as ``reads.record_dict`` makes
        it (no key needed). A row that passed whole in this run or an earlier one (its
        signature, its access block, its values of the kinds kmdesk writes) left a tag over
        its raw values, the library's id and its signer's key (``trust.verified``): the same
        values are then only decoded as far as the table shows them. Whether the library
        key certifies the signer, and lets it sign records, is asked every time."""
        shown = _shown_row(values)
        key = verifier.trusted_key("records", shown)
        found_tag = row_tags.tag(row_tags.CLEAN, verifier.library_id, key, raw_values)
        if key is not None and verifier.verified.known(*found_tag):
            return _Checked(_summary(rec.row_to_dict(shown)), None, False, None)
        row = _plain_row(values)
        problem = reads.record_problem(row, verifier)
        if problem:
            return _Checked({**_summary(rec.row_to_dict(row, None)), "sealed": True}, None, True, problem)
        record = rec.row_to_dict(row)
        if key is not None and not record.get("damaged"):
            verifier.verified.remember(*found_tag)
        return _Checked(_summary(record), None, False, record.get("damaged"))

    def _open(self, session: Session, opening: dict[str, tuple[bytes, tuple[Any, ...], bytes]],
              wrapped: dict[str, list[tuple[Any, ...]]], memory: dict[bytes, _Checked],
              verifier: rows.Verifier) -> dict[str, _Checked]:
        """Sealed rows met for the first time, opened as ``RecordManager.to_dict`` opens them,
        from the values and wrapped keys this page read (not loaded again through the ORM). A row
        whose signature and access block passed their check in this run or an earlier one left
        a tag over its raw values, the library's id and its signer's key, as ``_check``'s rows
        do: the same values are then only opened (a third of opening one is making the bytes
        its signature covers). Whether the library key certifies the signer is asked every time."""
        keys = self.records.library.access.keys
        checked, known_clean = partial(keys.opened, session), partial(keys.opened_after_check, session)
        out: dict[str, _Checked] = {}
        for record_id, (digest, values, raw_values) in opening.items():
            row = NewRow(**dict(zip(NAMES, _decoded(values), strict=True)))
            row.keys = [RecordKey(record_id=k[0], holder=k[1], holder_ref=k[2], wrapped_key=k[3])
                        for k in wrapped.get(record_id, ())]
            signer_key = verifier.trusted_key("records", row)
            found_tag = row_tags.tag(row_tags.SEALED_CLEAN, verifier.library_id, signer_key, raw_values)
            known = signer_key is not None and verifier.verified.known(*found_tag)
            used: list[bytes | None] = []

            def kept(record_id: str, key: bytes | None, used: list[bytes | None] = used) -> list[dict[str, Any]]:
                used.append(key)
                return []  # the consents are folded with the others' (``read``)
            record = reads.record_dict(row, known_clean if known else checked, kept)
            if signer_key is not None and not known and not record.get("damaged"):
                verifier.verified.remember(*found_tag)
            found = _Checked(_summary(record), used[0] if used else None, not used, record.get("damaged"))
            out[record_id] = memory[digest] = found
        return out
