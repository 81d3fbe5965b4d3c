"""One sync: pull everyone's changes in the hub's order, stage what changed here (against what
the hub now has, so only real differences travel), push it, and pull again, which brings this
device's own changes back in the hub's order, merged with whatever came between.

Every step is resumable, and a kill at any point leaves both sides consistent:

- staging is one local transaction (the marks go as the signed changes are written);
- a push sends staged changes in batches, each in one hub transaction; a change is marked
  pushed after that commits, and one sent again (a kill between the two) is ignored by the hub,
  which knows each device's sequence numbers;
- a pull applies a batch of the hub's changes, and moves the last hub sequence seen, in one
  local transaction; a kill loses at most that batch, which the next pull reads again.

A hub that cannot be reached stops the sync with ``HubUnavailable``; nothing waiting is lost and
the library works on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from kmdesk.core.errors import Cancelled, NotFound, TamperedData
from kmdesk.core.hub import apply_rows, device, envelope, local, schema, shadow
from kmdesk.core.hub.apply_records import RecordApplier
from kmdesk.core.hub.errors import HubError, HubUnavailable, Refused
from kmdesk.core.hub.report import Report
from kmdesk.core.hub.rules import Rules
from kmdesk.core.hub.server import Hub, HubRow
from kmdesk.core.hub.stage import Staging
from kmdesk.core.store import records as rec
from kmdesk.core.store.files import FileStore
from kmdesk.core.store.model import OutboxEntry, SyncTarget

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
PULL_BATCH = 500
PUSH_BATCH = 500
ACCESS_KINDS = frozenset({"protocol", "membership", "community", "profile"})  # what decides who reads


def _never() -> bool:
    return False


def sync(library: Library, *, progress: Progress | None = None, cancel: CancelToken = _never) -> Report:
    """Stage, push and pull, with the unlocked profile signing (``AccessDenied`` when locked)."""
    library.refuse_if_read_only()
    me = library.access.require()
    if me.library_key is None:
        raise HubError("this library has no library key yet: a custodian unlocks it once first")
    found = device.require_credentials(library)  # before anything is written or asked: a copy from another machine
    device.claim(library)
    hub = device.connect(found)
    report = Report()
    # a protocol whose key the pull takes from the unlocked profile (its membership deleted): removed
    held = {name: protocol_id for name, protocol_id in me.protocol_ids.items() if protocol_id in me.protocol_keys}
    try:
        _check_library(hub, me.library_key)
        _witness(library, hub, found.device_id, report)
        waiting = _retractions(library)
        access = pull(library, hub, found.device_id, found.library_id, report, progress, cancel)
        with library.writing() as session:
            Staging(library, session, found.device_id, found.library_id, me, report).run()
        if push(library, hub, found.device_id, report, cancel):
            access |= pull(library, hub, found.device_id, found.library_id, report, progress, cancel)
    except HubUnavailable as exc:
        with library.writing() as session:
            local.put(session, "last_error", str(exc))
        raise
    finally:
        hub.close()
    if waiting is not None:  # what the pull queued on the CHM outbox here (a withdrawal, a deletion...)
        for target, _record in sorted((_retractions(library) or set()) - waiting):
            report.retractions[target] = report.retractions.get(target, 0) + 1
    report.removed = sorted(name for name, protocol_id in held.items() if protocol_id not in me.protocol_keys)
    with library.writing() as session:
        local.put(session, "last_sync_at", rec.now())
        local.put(session, "last_error", "")
        library.audit.record(session, "hub_sync", found.device_id, {"pushed": report.pushed, "applied": report.applied,
                                                                    "refused": len(report.refused), "hub_seq": report.hub_seq,
                                                                    "conflicts": len(report.conflicts)})
    if access:  # who may read what changed; the records pulled were indexed as they came
        library.index.refresh_private()
    return report


def _retractions(library: Library) -> set[tuple[str, str]] | None:
    """The retractions waiting in the CHM outbox, by target and record (None: no CHM target here)."""
    with library.reading() as session:
        if session.scalar(select(SyncTarget.name).limit(1)) is None:
            return None
        return {(row.target, row.record_id) for row in session.execute(
            select(OutboxEntry.target, OutboxEntry.record_id).where(OutboxEntry.op == "retract"))}


def _check_library(hub: Hub, library_key: bytes) -> None:
    carried = hub.library_key()
    if carried is None:
        raise HubError("the hub no longer carries this library (was it emptied or restored?): join it again")
    if carried != library_key:
        raise HubError("the hub carries this library's id under another library key (tampered with?): nothing was sent")


def _witness(library: Library, hub: Hub, device_id: str, report: Report) -> None:
    """The hub's sequences as the witness of time going backwards, on either side, and what is
    done so nothing is lost: everything offered again, or this device's sequence moved on."""
    head, ours = hub.newest(), hub.device_seq(device_id)
    with library.reading() as session:
        kept = device.still_there(hub, local.get(session, "last_change"))
    with library.writing() as session:
        seen, given = int(local.get(session, "last_seq", "0") or 0), int(local.get(session, "device_seq", "0") or 0)
        report.warnings += device.witness(head if kept else -1, ours, seen, given)
        if head < seen or not kept:
            for table in (local.shadow, local.conflicts, local.outgoing):
                session.execute(delete(table))
            local.mark_everything(session.connection())
            local.put(session, "last_seq", "0")
        if ours > given:
            local.put(session, "device_seq", str(ours))


def push(library: Library, hub: Hub, device_id: str, report: Report, cancel: CancelToken = _never) -> bool:
    """Send the staged changes not yet on the hub, in batches, each with its attachments'
    chunks; whether anything was sent."""
    o = local.outgoing.c
    sent = False
    registered: set[str] = set()
    while True:
        if cancel():
            raise Cancelled("the sync was stopped; what was sent stays sent, the next sync sends the rest")
        with library.reading() as session:
            rows = session.execute(select(o.device_seq, o.kind, o.key, o.op, o.signer, o.body, o.signature)
                                   .where(o.pushed == 0).order_by(o.device_seq).limit(PUSH_BATCH)).all()
        if not rows:
            return sent
        for signer in {row.signer for row in rows} - registered:
            if not registered:
                registered |= hub.signers(device_id)
            if signer not in registered:
                hub.add_signer(device_id, signer)
                registered.add(signer)
        changes = [{"device_seq": r.device_seq, "kind": r.kind, "key": r.key, "op": r.op, "signer": r.signer,
                    "body": r.body, "signature": r.signature} for r in rows]
        hub.push(device_id, changes, _chunks(library, device_id, rows))
        with library.writing() as session:
            session.execute(update(local.outgoing).where(o.device_seq.in_([r.device_seq for r in rows])).values(pushed=1))
        report.pushed += len(rows)
        sent = True


def _chunks(library: Library, device_id: str, rows: Sequence[Any]) -> list[tuple[str, int, bytes]]:
    """The chunks of the files the batch's attachment changes carry from this device."""
    out = []
    store = FileStore(library.data_dir / "files")
    for row in rows:
        if row.kind != "attachment" or row.op != "put":
            continue
        data = json.loads(row.body)["data"]
        blob = data.get("blob") or {}
        if blob.get("device") != device_id:
            continue
        name = data["row"]["sha256"]
        with store.path(name, bool(data["row"]["sealed"])).open("rb") as fh:
            number = 0
            while chunk := fh.read(schema.CHUNK):
                out.append((name, number, chunk))
                number += 1
            if number == 0:
                out.append((name, 0, b""))
    return out


def pull(library: Library, hub: Hub, device_id: str, library_id: str, report: Report,
         progress: Progress | None = None, cancel: CancelToken = _never) -> bool:
    """Apply the hub's changes after the last sequence seen, a batch per local transaction;
    whether any changed who may read what (a membership, protocol, community or profile)."""
    me = library.access.require()
    anchor = me.library_key
    assert anchor is not None
    total = None
    access = False
    while True:
        if cancel():
            raise Cancelled("the sync was stopped; what was applied stays applied, the next sync goes on from there")
        with library.reading() as session:
            after = int(local.get(session, "last_seq", "0") or 0)
        if total is None:
            total = max(0, hub.newest() - after)
        rows = hub.pull(after, PULL_BATCH)
        if not rows:
            report.hub_seq = after
            return access
        access = access or any(row.kind in ACCESS_KINDS for row in rows)
        fetched = _fetch_blobs(library, hub, rows)
        with library.writing() as session, _protocols_once(library, session, rows):
            mark = local.dirty_mark(session)
            rules = Rules(session, anchor, library.access.library_id())
            known = shadow.Known(session, {(row.kind, row.key) for row in rows}, mark)
            records = RecordApplier(library, session, rules, device_id, report, known)
            others = apply_rows.RowApplier(library, session, rules, device_id, known, fetched)
            for row in rows:
                _apply_one(session, row, library_id, device_id, rules, known, records, others, report)
            records.finish()
            others.finish()
            known.flush()
            local.put(session, "last_seq", str(rows[-1].hub_seq))
            local.put(session, "last_change", f"{rows[-1].hub_seq} {rows[-1].device_id} {rows[-1].device_seq}")
            local.drop_marks_after(session, mark)
        report.pulled += len(rows)
        if progress is not None:
            progress(report.pulled, total)


def _protocols_once(library: Library, session: Session, rows: list[HubRow]) -> AbstractContextManager[None]:
    """Within a batch that changes no protocol or membership, the protocols are read once."""
    if any(row.kind in ACCESS_KINDS for row in rows):
        return nullcontext()
    return library.access.protocols_read_once(session)


def _apply_one(session: Session, row: HubRow, library_id: str, device_id: str, rules: Rules, known: shadow.Known,
               records: RecordApplier, others: apply_rows.RowApplier, report: Report) -> None:
    """One change: refused (and quarantined, named) or applied. Every check comes before any
    write (``Refused`` never leaves half a change); anything else stops the batch, whose
    transaction then writes nothing."""
    try:
        change = envelope.verify(row, library_id, rules.verify_key)
        if change.device == device_id:  # back in the hub's order: no longer on its way
            known.confirm(change.kind, change.key, change.seq)
        changed = records.apply(change) if change.kind == "record" else others.apply(change)
        if change.device == device_id:
            report.confirmed += 1
        elif changed:
            report.applied += 1
        else:
            report.already_here += 1
    except (Refused, TamperedData) as exc:
        reason = str(exc)
        session.execute(delete(local.quarantine).where(local.quarantine.c.hub_seq == row.hub_seq))
        session.execute(insert(local.quarantine).values(hub_seq=row.hub_seq, device=row.device_id, kind=row.kind,
                                                        key=row.key, reason=reason, at=rec.now()))
        report.refused.append(f"change {row.hub_seq} ({row.kind} {row.key}, from device {row.device_id[:8]}, "
                              f"signed by {row.signer}): {reason}")


def _fetch_blobs(library: Library, hub: Hub, rows: list[HubRow]) -> dict[str, Path]:
    """The files named by the batch's attachment changes, fetched from the hub and checked
    against what their changes say (the change itself is verified when it is applied)."""
    fetched: dict[str, Path] = {}
    store = FileStore(library.data_dir / "files")
    for row in rows:
        if row.kind != "attachment" or row.op != "put":
            continue
        try:
            data = json.loads(row.body)["data"]
            blob, sealed, expected = data["row"]["sha256"], bool(data["row"]["sealed"]), data["blob"]
            if store.path(blob, sealed).exists():  # already here (this device's own, or the same file)
                fetched[blob] = store.path(blob, sealed)
                continue
            fetched[blob] = apply_rows.store_blob(library, hub.chunks(expected["device"], blob), blob, sealed, expected)
        except (Refused, NotFound, KeyError, TypeError, ValueError):
            continue  # the change is refused, and named, when it is applied
    return fetched
