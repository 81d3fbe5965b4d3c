"""Applying a record change from the hub (this device's own, coming back in the hub's order, or
another's): check it, fold it into the record's shadow state (``merge``), bring the local record
to that state with this device's unsent edits laid over it, and keep conflicts for a person.

A change made on top of exactly the state this device folded last (its ``base_seq``, not made
after other unsent changes of its device) is a fast-forward: its row is taken as it came,
without opening anything. Otherwise the record is merged field by field, which needs the record
open: a device that cannot open it keeps the newest row in the hub's order (it cannot read the
record anyway); the devices that can read it merge, and nothing is lost on any of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, NotFound, TamperedData
from kmdesk.core.hub import local, merge, payloads, shadow
from kmdesk.core.hub.envelope import Change
from kmdesk.core.hub.errors import Refused
from kmdesk.core.hub.report import Report
from kmdesk.core.hub.rules import WRITERS, Rules
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import IndexQueue, Record, Share, SyncTarget
from kmdesk.core.trust import row_signing, sealing

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


def access_of(row: Record) -> dict[str, Any]:
    return {"level": row.access_level, "protocols": row.access_protocols, "sharing": row.access_sharing,
            "custodians": row.custodians}


class RecordApplier:
    """Applies one pull's record changes in the pull's local transaction."""

    def __init__(self, library: Library, session: Session, rules: Rules, device_id: str, report: Report,
                 known: shadow.Known) -> None:
        self.library, self.session, self.rules = library, session, rules
        self.device_id, self.report, self.known = device_id, report, known
        self.changed: set[str] = set()  # records to index and bring in line with the CHM outbox

    def apply(self, change: Change) -> bool:
        """Apply one change of a record; whether it changed anything here (another device's
        change whose row this library held already, as it came, did not: a copy of the library
        meets its own records)."""
        own = change.device == self.device_id
        local_row = self.known.record(change.key)
        held = not own and (local_row is None if change.op == "delete" else (
            local_row is not None and payloads.record_row(local_row) == change.data.get("payload")))
        if not own:
            self._check(change, local_row)
        if change.op == "delete":
            self._delete(change, local_row)
        elif not self._put(change, local_row):
            return False  # this device's own change, back as it left: nothing here moved
        self.changed.add(change.key)
        return not held

    def finish(self) -> None:
        """What depends on the records this batch changed: the index queue, and the CHM outbox
        of a device that syncs with the CHM (an edit is pushed again, a deletion retracted)."""
        if not self.changed:
            return
        self.session.execute(insert(IndexQueue).prefix_with("OR IGNORE"), [{"record_id": key} for key in self.changed])
        if self.session.scalar(select(SyncTarget.name).limit(1)) is not None:
            for key in sorted(self.changed):
                self.library.sync.outbox.queue(self.session, key)

    def _check(self, change: Change, local_row: Record | None) -> None:
        """This library's own rules for the signer: it may write the record as it was here."""
        if change.key in self.known.pulled:
            raise Refused("the record was pulled from the CHM here and is read-only")
        if local_row is not None:
            self.rules.may_edit(change.signer, access_of(local_row), local_row.community,
                                "delete this record" if change.op == "delete" else "change this record")
        elif change.op == "delete":
            self.rules.require(change.signer, WRITERS, "delete records")

    def _pending(self, key: str) -> bool:
        """Edits of this record made here that the hub has not given back yet."""
        return self.known.pending("record", key)

    # -- a new or changed record ----------------------------------------------------------------
    def _incoming(self, change: Change) -> tuple[dict[str, Any], Record]:
        payload = change.data.get("payload")
        if not isinstance(payload, dict) or not isinstance(payload.get("row"), dict) or payload["row"].get("id") != change.key:
            raise Refused("its row is not the record it is filed under")
        try:
            incoming = payloads.transient_record(payload)
        except (TypeError, ValueError, KeyError) as exc:
            raise Refused(f"its row is not a record row ({exc})") from None
        if change.device != self.device_id:
            self.rules.may_edit(change.signer, access_of(incoming), incoming.community, "write this record")
            problem = self.rules.row_problem("records", incoming)  # as its writer signed it, id and all
            if problem:
                raise Refused(f"its row: {problem}")
        return payload, incoming

    def _opened(self, incoming: Record) -> tuple[dict[str, Any] | None, bytes | None]:
        """The incoming row's fields, checked against its access block where this profile can open it."""
        try:
            return shadow.opened_content(self.library, self.session, incoming)
        except TamperedData as exc:
            raise Refused(f"its sealed content does not match its access block ({exc})") from None

    def _patch(self, change: Change, incoming: Record, key: bytes | None) -> dict[str, Any] | None:
        patch = change.data.get("patch")
        if patch is None:
            return None
        if incoming.sealed is not None:
            if not isinstance(patch, str) or key is None:
                raise Refused("its patch is not sealed with the record")
            try:
                patch = sealing.open_json(patch, key, change.key, shadow.PATCH_FIELD)
            except TamperedData:
                raise Refused("its sealed patch fails authentication") from None
        if not isinstance(patch, dict):
            raise Refused("its patch is not a set of fields")
        return patch

    def _put(self, change: Change, local_row: Record | None) -> bool:
        """Apply a record's new version; whether the local record may have changed."""
        payload, incoming = self._incoming(change)
        known = self.known.shadow("record", change.key)
        pending = self._pending(change.key)
        if not pending and (known is None or self._fast_forward(change, known)):
            # made on exactly what this device has, and nothing edited here: the row as it came
            # (this device's own is here already); a sealed one is opened first, to check it
            here = self.known.is_here(change.device, self.device_id, change.seq)
            if not here:
                if incoming.sealed is not None:
                    self._opened(incoming)
                self._write_verbatim(payload, local_row, incoming)
            self.known.write(shadow.Shadow("record", change.key, change.hub_seq, change.device, "", payload, None,
                                           False, False))
            return not here
        content, key = self._opened(incoming)
        before = shadow.open_state(self.library, self.session, known) if known is not None and (
            pending or not self._fast_forward(change, known)) else None
        origin = [change.device, change.hub_seq]
        state: merge.State | None = None
        if content is not None and (known is None or self._fast_forward(change, known)):
            state = merge.State(content, origins={"*": origin})
        elif content is not None and before is not None:
            state = merge.fold(before, self._patch(change, incoming, key), content,
                               resolved=list(change.data.get("resolved") or []), origin=origin)
        plain = state is None or (state.content == content and not state.conflicts)
        if not pending:
            if plain:
                self._write_verbatim(payload, local_row)
            else:
                assert state is not None and state.content is not None
                self._write_content(payload, state.content, key, local_row)
        elif local_row is not None and before is not None and state is not None:
            self._rebase(local_row, before, state)
        sealed = shadow.seal_state(state, incoming, key) if state is not None and not plain else None
        self.known.write(shadow.Shadow("record", change.key, change.hub_seq, change.device, "", payload, sealed,
                                       False, bool(state and state.conflicts)))
        self._conflicts(change, state)
        return True

    @staticmethod
    def _fast_forward(change: Change, known: shadow.Shadow) -> bool:
        return not change.data.get("chained") and change.data.get("base_seq") == known.hub_seq and not known.conflicted

    def _write_verbatim(self, payload: dict[str, Any], local_row: Record | None, built: Record | None = None) -> Record:
        if local_row is not None and payloads.record_row(local_row) == payload:
            return local_row  # this device's own change, back from the hub: nothing moves
        revision = local_row.revision if local_row is not None else 0
        if local_row is None:
            self.library.trash.came_back(self.session, payload["row"]["id"])  # restored on another device
        row = payloads.write_record(self.session, payload, local_row, built)
        row.revision = max(revision + 1, row.revision)
        if row.revision == payload["row"].get("revision"):  # the row as its writer signed it: it keeps that signature
            row.row_sig, row.row_signer = payloads.values(Record, payload["row"]).get("row_sig"), payload["row"].get("row_signer")
            row_signing.carry(self.session, row)
        self.known.records[row.id] = row
        self.library.records.quarantine.pop(row.id, None)
        return row

    def _write_content(self, payload: dict[str, Any], content: dict[str, Any], key: bytes | None,
                       local_row: Record | None) -> Record:
        """The local record as the payload's row, with ``content`` (a merge) in its fields: sealed
        again under the payload's record key, or under new keys when the merge changed its access."""
        row = self._write_verbatim(payload, local_row)
        same_access = content.get("access") == access_of(row) and content.get("community") == row.community
        rec.apply_to_row(row, {name: value for name, value in content.items() if name not in rec.PROTECTED_FIELDS})
        self.session.flush()
        try:
            self.library.access.keys.seal(self.session, row, rec.protected_part(content), keep=key if same_access else None)
        except (AccessDenied, NotFound) as exc:
            self.report.warnings.append(f"record {row.id}: its merged version could not be sealed here ({exc}); "
                                        "the hub's newest version is shown")
            payloads.write_record(self.session, payload, row)
        return row

    def _rebase(self, local_row: Record, before: merge.State, state: merge.State) -> None:
        """Lay this device's unsent edits over the folded state; a field also changed by the
        change just folded keeps, for this device's next change, the base it was edited on."""
        try:
            mine, key = shadow.opened_content(self.library, self.session, local_row)
        except TamperedData:
            return
        if mine is None or before.content is None or state.content is None:
            return
        rebased = merge.rebase(mine, before.content, state.content)
        p = local.pending.c
        for name in merge.touched(mine, before.content, state.content):
            if self.session.execute(select(p.field).where(p.record_id == local_row.id, p.field == name)).first() is None:
                base = merge.value_hash(before.content.get(name))  # a hash of a sealed value is sealed too
                stored = sealing.seal_text(base, key, local_row.id, shadow.BASE_FIELD) if key is not None else base
                self.session.execute(insert(local.pending).values(record_id=local_row.id, field=name, base=stored))
        if rebased != mine:
            self._write_content(payloads.record_row(local_row), rebased, key, local_row)

    # -- a deletion -------------------------------------------------------------------------------
    def _delete(self, change: Change, local_row: Record | None) -> None:
        known = self.known.shadow("record", change.key)
        origin = [change.device, change.hub_seq]
        before = None
        settled = known is not None and merge.DELETED in (change.data.get("resolved") or []) and \
            not change.data.get("chained") and change.data.get("base_seq") == known.hub_seq
        if known is not None and not known.deleted and not settled and not self._fast_forward(change, known):
            before = shadow.open_state(self.library, self.session, known)
        if before is None or before.content is None:  # made on what this device has, or unreadable here
            if local_row is not None and not self._pending(change.key):
                self._delete_local(local_row, change.signer)
            elif local_row is not None:  # edited here meanwhile: its change must come back as concurrent
                p = local.pending.c
                self.session.execute(delete(local.pending).where(p.record_id == change.key, p.field == merge.DELETED))
                self.session.execute(insert(local.pending).values(record_id=change.key, field=merge.DELETED,
                                                                  base="deleted"))
            self.known.write(shadow.Shadow("record", change.key, change.hub_seq, change.device, "",
                                                     known.row if known else None, known.state if known else None,
                                                     True, False))
            self._conflicts(change, None)
            return
        assert known is not None and known.row is not None
        state = merge.concurrent_delete(before, origin)  # an edit it did not see: kept, flagged
        row = payloads.transient_record(known.row)
        key = self.library.access.keys.record_key(self.session, row) if row.sealed is not None else None
        if local_row is None and not self._pending(change.key) and state.content is not None:
            self._write_content(known.row, state.content, key, None)
        self.known.write(shadow.Shadow("record", change.key, change.hub_seq, change.device, known.digest,
                                                 known.row, shadow.seal_state(state, row, key), False, True))
        self._conflicts(change, state)

    def _delete_local(self, row: Record, by: str) -> None:
        """A deletion from another device: into the trash here too, restorable as on that device."""
        self.library.trash.put(self.session, row, by)
        self.session.flush()
        self.known.records[row.id] = None
        self.library.records.quarantine.pop(row.id, None)
        self.session.merge(IndexQueue(record_id=row.id))
        self.session.execute(delete(Share).where(Share.record_id == row.id))

    # -- conflicts --------------------------------------------------------------------------------
    def _conflicts(self, change: Change, state: merge.State | None) -> None:
        c = local.conflicts.c
        before = set(self.session.execute(select(c.field).where(c.record_id == change.key)).scalars())
        self.session.execute(delete(local.conflicts).where(c.record_id == change.key))
        fields = sorted(state.conflicts) if state is not None else []
        for name in fields:
            self.session.execute(insert(local.conflicts).values(record_id=change.key, field=name, hub_seq=change.hub_seq))
        new = [name for name in fields if name not in before]
        if new:
            self.report.conflicts.append(f"record {change.key}: {', '.join(new)} (changed on two devices; both kept)")
