"""What a reader is shown of a record, decided once for every way rows are read.

The store reads rows through the ORM (``store.Library``); ``kmdesk show`` reads them with the
standard library's ``sqlite3`` (``reader.Reader``, no SQLAlchemy). Both hand their rows to
these functions, which read only the rows' column attributes: the record's decoding, the check
of its access block, the folding and verification of its consent events, its history, its
sharing verdicts and sync states, and how an id typed at a command line is resolved. So the two
paths cannot drift apart: there is one way to decide what a reader sees, whatever read the rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from kmdesk.core import vocab
from kmdesk.core.errors import DamagedRecord, InvalidRecord, NotFound, TamperedData
from kmdesk.core.store import records as rec
from kmdesk.core.trust import consent, rows, sealing, signatures
from kmdesk.core.trust import signing as trust

MIN_ID_PREFIX = 8  # what ``kmdesk list`` shows of an id
# a record's fields in conflict after a hub sync (``core.hub.local``: its table exists once the library joined a hub)
HUB_CONFLICTS_TABLE = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hubsync_conflicts'"
HUB_CONFLICTS = "SELECT field FROM hubsync_conflicts WHERE record_id = ? ORDER BY field"

Opened = tuple[dict[str, Any] | None, bytes | None]
RowT = TypeVar("RowT")  # a record row, from the ORM or from ``sqlite3``


# -- which record ----------------------------------------------------------------------------
def id_prefix(prefix: str) -> str:
    """An id as typed, refused when shorter than ``MIN_ID_PREFIX`` characters: a shorter one
    (``delete 1``) could pick a record nobody meant."""
    prefix = prefix.strip()
    if len(prefix) < MIN_ID_PREFIX:
        raise InvalidRecord(f"give at least {MIN_ID_PREFIX} characters of a record id, not '{prefix}'", field="id", value=prefix)
    return prefix


def typed_id(typed: str) -> str:
    """An id as typed, without the spaces around it (looked up whole before as a prefix)."""
    return typed.strip()


def one_id(prefix: str, ids: set[str]) -> str:
    """The one id the prefix names among those the profile may know of."""
    if len(ids) != 1:
        raise NotFound(f"no record with id {prefix}" if not ids else f"id prefix {prefix} is ambiguous: give more characters", id=prefix)
    return ids.pop()


def visible(row: Any, may_view: Callable[[Any], bool]) -> bool:
    """Sacred records are invisible to all but their custodians; other non-public records a
    profile may not open appear as sealed stubs ("restricted knowledge held by ...")."""
    return row.access_level != "sacred" or may_view(row)


def visible_row(row: RowT | None, record_id: str, may_view: Callable[[RowT], bool]) -> RowT:
    """``row`` when it exists and the profile may know of it; else ``NotFound``."""
    if row is None or not visible(row, may_view):
        raise NotFound(f"no record with id {record_id}", id=record_id)
    return row


# -- the record ------------------------------------------------------------------------------
def record_problem(row: Any, verifier: rows.Verifier) -> str | None:
    """What is wrong with a record row as far as can be told without its key, the record named:
    its access block (``trust.access_problem``), then its signature (``rows``); None: nothing."""
    problem = trust.access_problem(row, lambda: verifier.anchor)
    return f"record {row.id}: {problem}" if problem else verifier.check("records", row)


def opened(row: Any, verifier: rows.Verifier, open_sealed: Callable[[], Opened]) -> Opened:
    """(protected fields, record key) of a row: a public row's own fields and no key; a sealed
    row's as ``open_sealed`` opens them for the current profile ((None, None): it may not, or
    holds no key). Raises ``TamperedData`` naming the record when its row or access block
    was changed outside kmdesk (``record_problem``)."""
    problem = record_problem(row, verifier)
    if problem:
        raise TamperedData(problem, record=row.id)
    if row.sealed is None:
        return rec.protected_part(rec.row_to_dict(row)), None
    return open_sealed()


def record_dict(row: Any, open_row: Callable[[Any], Opened],
                consents: Callable[[str, bytes | None], list[dict[str, Any]]]) -> dict[str, Any]:
    """The record as the current profile may see it (``open_row``: ``opened`` for this
    profile). A row that fails its integrity check comes as a sealed stub with ``damaged``
    saying why, so one bad row never stops a list, a search, an export or a reindex."""
    try:
        revealed, key = open_row(row)
    except TamperedData as exc:
        record = rec.row_to_dict(row, None)
        record.update({"sealed": True, "damaged": str(exc), "consents": []})
        return record
    record = rec.row_to_dict(row, revealed if row.sealed is not None else None)
    record["consents"] = consents(row.id, key)
    return record


def damaged(record_id: str, reason: str, copies: list[str]) -> DamagedRecord:
    """The error a damaged record is refused with, naming where it may still be whole."""
    return DamagedRecord(f"record {record_id} failed its integrity check ({reason}); its other copies: "
                         f"{', '.join(copies) if copies else 'none known'}", id=record_id, copies=copies)


def backup_copies(data_dir: Path, record_id: str) -> list[str]:
    """The library's own backups (taken before each upgrade) that hold this record."""
    found = []
    for backup in sorted((data_dir / "backups").glob("*.db")):
        try:
            with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as connection:
                if connection.execute("SELECT 1 FROM records WHERE id = ?", (record_id,)).fetchone():
                    found.append(str(backup))
        except sqlite3.Error:
            continue
    return found


def plain_history(level: str, changes: dict[str, Any]) -> dict[str, Any]:
    """What a history entry of a record at ``level`` keeps outside its seal: a public record's
    changes whole; a community or restricted record's values of the fields its sealed stub shows
    anyway, the protected ones (``records.PROTECTED_FIELDS``) as None; a sacred record's field
    names only, as nobody but its custodians may know it exists."""
    if level == "public":
        return changes
    if level == "sacred":
        return {name: None for name in changes}
    return {name: None if name in rec.PROTECTED_FIELDS else value for name, value in changes.items()}


def history_entries(record_id: str, entries: Iterable[Any], key: bytes | None,
                    check: Callable[[Any], str | None], missing: Mapping[int, str] | None = None) -> list[dict[str, Any]]:
    """Who changed what, oldest first, with each field's [old, new] as this reader may see it.
    A sealed record's values are opened with its ``key``; without it (locked, or a profile the
    record's access does not admit) only what ``plain_history`` kept shows (``sealed`` true), and
    ``withheld`` names the fields whose values are not shown (their value is None). An entry whose
    row fails its check (``check``: ``rows.Verifier.check``) shows none of its values, nor who or
    what it claims, and says why (``damaged``). Entries ``missing`` (by id, in id order: the
    record's manifest lists them and the table lost them, ``rows.missing_history``) show where
    they stood, as damaged, saying the history is incomplete."""
    out: list[dict[str, Any]] = []
    gone = sorted((missing or {}).items())
    for h in entries:
        while gone and gone[0][0] < h.id:
            out.append(_gone(gone.pop(0)[1]))
        problem = check(h)
        changes = h.changes
        if problem is not None:
            changes = {}
        elif h.sealed is not None and key is not None:
            try:
                changes = sealing.open_json(h.sealed, key, record_id, "history")
            except TamperedData:
                changes = {name: None for name in h.changes}
        entry = {"at": h.at, "by": "?" if problem else h.by, "action": "?" if problem else h.action, "changes": changes,
                 "sealed": h.sealed is not None and key is None,
                 "withheld": [name for name, values in changes.items() if values is None]}
        out.append({**entry, "damaged": problem} if problem else entry)
    return out + [_gone(problem) for _key, problem in gone]


def _gone(problem: str) -> dict[str, Any]:
    """A history entry that is gone, in its place: nothing of it but why."""
    return {"at": "?", "by": "?", "action": "?", "changes": {}, "sealed": False, "withheld": [], "damaged": problem}


# -- consent (FPIC) --------------------------------------------------------------------------
UNKNOWN_WITHDRAWAL = "unknown (a withdrawal was changed or deleted outside kmdesk)"
CONSENT_ACTIONS = ("consent_grant", "consent_withdraw", "consent_import", "consent_attest")  # audited consent events
_WITHDRAWING = ("consent_withdraw", "consent_import", "consent_attest")  # audited actions that may record a withdrawal


def fold_consents(record_id: str, events: Iterable[Any], key: bytes | None, verifier: rows.Verifier,
                  audited: Iterable[tuple[int, str, Any]] = ()) -> tuple[list[dict[str, Any]], list[str]]:
    """(consents folded from the events, oldest first; problems found, each naming the record,
    consent and event). Failing closed: a grant whose row fails its check is no consent; a
    withdrawal applies wherever it stands, and one that the audit log saw and the table lost
    withdraws its consent as of today (by ``UNKNOWN_WITHDRAWAL``). An event whose content fails
    may have been anything (a withdrawal made to read as a grant, or filed under another
    consent): every consent of the record is withdrawn as of today. Without the record's ``key`` a
    sealed consent shows only its dates and state (``sealed`` true). ``verifier`` checks the
    rows and certifies their authors; ``audited`` is (seq, action, details) of the audit log's
    consent events for this record, to find events deleted outside kmdesk."""
    consents: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    lost: list[str] = []  # consents whose withdrawal cannot be read: withdrawn as of today
    present: set[str] = set()
    doubtful = False  # an event whose content fails: its kind and consent cannot be told
    checked = []
    for item in events:
        present.add(item.digest)
        data, problem = check_consent_event(item, key, verifier.anchor, verifier.signer_key)
        row_problem = None if problem else verifier.problem("consent_events", item)
        if problem or row_problem:
            problems.append(f"record {record_id}: consent {item.consent_id} ({item.kind}) event {item.id} "
                            f"{problem or row_problem}")
            if problem:
                doubtful = True
                if item.kind == "withdraw":  # named as what it claims; a claimed grant adds no consent
                    lost.append(item.consent_id)
                continue
            if item.kind != "withdraw":
                continue
        checked.append((item, data))
    # Order comes from what is signed, never from row ids (a renumbered row must not move a
    # withdrawal before its grant): grants first, then every change, each by its signed time.
    for item, data in sorted(checked, key=lambda pair: (pair[0].kind != "grant", str(pair[0].at))):
        sealed = data is None
        data = data if data is not None else dict(item.data)
        if item.kind == "grant":
            consents[item.consent_id] = {**data, "id": item.consent_id, "recorded_at": item.at, "recorded_by": item.by}
            if sealed:
                consents[item.consent_id]["sealed"] = True
        elif item.consent_id in consents:
            consents[item.consent_id].update(data)
    if verifier.active:
        for seq, action, details in audited:
            if isinstance(details, dict) and details.get("event") and details["event"] not in present:
                problems.append(f"record {record_id}: consent event {details['event'][:12]} recorded in audit event "
                                f"{seq} is missing (deleted outside kmdesk)")
                if action in _WITHDRAWING:
                    lost.append(str(details.get("consent")))
    for consent_id in [*lost, *consents] if doubtful else lost:
        withdrawn = consents.setdefault(consent_id, {"id": consent_id, "scope": []})
        withdrawn.update({"withdrawn_on": None, "withdrawn_by": UNKNOWN_WITHDRAWAL})
    return list(consents.values()), problems


RECORD_ROWS = ("shares", "remote_state", "record_history")  # a record's own rows ``show`` names with its consent


def row_problems(verifier: rows.Verifier, record_id: str, consent_problems: list[str],
                 found: Mapping[str, Iterable[Any]], manifest: Any | None, attachments: Iterable[int]) -> list[str]:
    """What ``show`` says failed among one record's rows: its consent events' problems
    (``fold_consents``), then each of its ``RECORD_ROWS`` that fails its check, named, then what
    its ``manifest`` lists that is gone or does not list (``rows.record_gaps``; ``attachments``:
    the ids of its attachment rows)."""
    held = {table: list(found.get(table, ())) for table in RECORD_ROWS}
    named = [problem for table in RECORD_ROWS for row in held[table] if (problem := verifier.check(table, row))]
    now = {"exists": True, "history": {entry.id for entry in held["record_history"]},
           "shares": {share.target for share in held["shares"]}, "attachments": set(attachments)}
    return consent_problems + named + rows.record_gaps(verifier, record_id, manifest, now)


def check_consent_event(item: Any, key: bytes | None, anchor: bytes | None,
                        signer: Callable[[str], bytes | None]) -> tuple[dict[str, Any] | None, str | None]:
    """(full data or None when sealed and closed, problem or None) of one consent event."""
    data: dict[str, Any] | None = dict(item.data or {})
    salt = str(data.pop("_salt", "")) if data else ""
    if item.sealed is not None:
        data = None
        if key is not None:
            try:
                opened_event = sealing.open_json(item.sealed, key, item.record_id, f"consent/{item.digest}")
            except TamperedData:
                return None, "has sealed text that fails authentication"
            salt, data = opened_event["salt"], opened_event["data"]
            if consent.plain_part(data) != consent.plain_part(item.data or {}):
                return None, "has dates changed outside kmdesk"
    if anchor is None:  # a library from before the library key: nothing to check against
        return data, None
    if not item.signature or not item.digest or not item.signed_by:
        return None, "is not signed (added outside kmdesk)"
    if data is not None and consent.event_digest(salt, item.record_id, item.consent_id, item.kind, item.at, item.by,
                                                 data) != item.digest:
        return None, "was altered after it was signed"
    message = consent.signed_message(item.record_id, item.consent_id, item.kind, item.at, item.by, item.digest,
                                     data if data is not None else item.data or {})
    if not signatures.verify(signer(item.signed_by), item.signature, message):
        return None, f"does not carry a valid signature of {item.signed_by}"
    return data, None


# -- sharing ---------------------------------------------------------------------------------
def today() -> date:
    """The day the sharing rules are applied on (UTC), wherever they are asked."""
    return datetime.now(timezone.utc).date()


def verdicts(record: dict[str, Any], targets: list[str], shared: set[str], today: date) -> dict[str, Any]:
    """The consent rules' verdict for one record (with its ``consents``) per target, with every
    reason; with no target, under the key "", the verdict as if it had one. A record whose row
    fails its check (``damaged``) is eligible for none."""
    out = {}
    for name in targets or [""]:
        verdict = consent.sharing_eligibility(record, selected=name in shared, today=today, label_vocab=vocab.label_vocab())
        if record.get("damaged"):
            verdict = consent.Eligibility(False, [consent.Reason("damaged", {"problem": record["damaged"]})])
        out[name] = {"eligible": verdict.eligible, "reasons": [{"code": r.code, "params": dict(r.params)} for r in verdict.reasons]}
    return out


def outgoing(row: Any, verifier: rows.Verifier, consents: Callable[[], list[dict[str, Any]]],
             selected: Callable[[], bool], today: date) -> tuple[dict[str, Any], consent.Eligibility]:
    """A record as it should go out now, and the consent rules' verdict re-checked at send time
    (consent may have expired while the laptop was offline). A quarantined record
    (``record_problem``) never leaves (what a target may hold is taken back); contact details
    leave only with a consent to be listed (``consent.withhold_contacts``)."""
    record = rec.row_to_dict(row)
    problem = record_problem(row, verifier)
    if problem:
        return record, consent.Eligibility(False, [consent.Reason("damaged", {"problem": problem})])
    record["consents"] = consents()
    verdict = consent.sharing_eligibility(record, selected=selected(), today=today, label_vocab=vocab.label_vocab())
    return consent.withhold_contacts(record, today), verdict


def sync_states(states: Iterable[Any], shared: set[str]) -> list[dict[str, Any]]:
    """Per target, what it holds of a record as far as kmdesk knows (``states``: its remote
    state rows), and the targets it is shared with that nothing was sent to yet."""
    out = [{"target": r.target, "status": r.status, "message": r.message, "remote_revision": r.remote_revision,
            "pushed_revision": r.pushed_revision, "updated_at": r.updated_at, "shared": r.target in shared} for r in states]
    out += [{"target": t, "status": "not_sent", "message": None, "remote_revision": None, "pushed_revision": None,
             "updated_at": None, "shared": True} for t in shared - {r["target"] for r in out}]
    return out


def target_dict(row: Any, pending: int) -> dict[str, Any]:
    """A sync target as ``library.sync.targets`` lists it (never its credentials)."""
    return {"name": row.name, "kind": row.kind, "url": row.url, "settings": row.settings,
            "has_credentials": row.credentials is not None, "pending": pending}
