"""Each non-public record's own key: sealing its protected fields, and finding and using the
key the unlocked profile holds a way to.

A record's key is wrapped for its holders (``record_keys`` rows): the community's members
protocol, each listed protocol (sharing ``any``), a key combined from all listed protocols
(sharing ``all``, so every key is needed), or each named custodian's public key (``sacred``).
Its sealed fields are bound to its id and access block, so a row changed outside kmdesk does
not open (``TamperedData`` naming the record) and is never re-sealed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from kmdesk.core.errors import InvalidRecord, TamperedData
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import Record, RecordKey
from kmdesk.core.trust import reads, sealing, wrapping
from kmdesk.core.trust.aead import new_data_key
from kmdesk.core.trust.kdf import combine_keys
from kmdesk.core.trust.memberships import community_protocol_name
from kmdesk.core.trust.signing import context_of

if TYPE_CHECKING:
    from kmdesk.core.store.bulk import NewRow
    from kmdesk.core.trust.access import Access

Wrap = Callable[[bytes, bytes], bytes]


def _record_key_aad(record_id: str, holder: str, ref: str) -> bytes:
    return f"kmdesk/record/{record_id}/{holder}/{ref}".encode()


class RecordKeys:
    """``library.access.keys``: the record keys of the profile that ``Access`` holds unlocked."""

    def __init__(self, access: Access) -> None:
        self.access = access

    def seal(self, session: Session, row: Record | NewRow, protected: dict[str, Any],
             keep: bytes | None = None) -> bytes | None:
        """Put a non-public record's protected fields under its record key, bound to its id and
        access block, and return that key (the caller seals history and consent with it). A
        fresh key wrapped for the record's holders, unless ``keep`` (the record's current key,
        its access unchanged): then its wraps stay, so a member of one protocol of a record
        shared ``any`` can edit it without the other protocols' keys. A public record keeps its
        fields in plain columns and holds no keys."""
        row.access_signature = None
        if row.access_level == "public":
            if row.keys:  # a record made public: its old wraps go first (a new row has none, and a
                row.keys.clear()  # flush per imported record was a tenth of an import's time)
                session.flush()
            row.sealed = None
            rec.apply_to_row(row, protected)
            return None
        record_key = keep
        if record_key is None:
            if row.keys:  # the old keys go first (a new row has none: nothing to flush)
                row.keys.clear()
                session.flush()
            record_key = new_data_key()
            for holder, ref, wrap_with in self._holders(session, row):
                wrapped = wrap_with(record_key, _record_key_aad(row.id, holder, ref))
                row.keys.append(RecordKey(record_id=row.id, holder=holder, holder_ref=ref, wrapped_key=wrapped))
        row.sealed = sealing.seal_record(protected, record_key, row.id, context_of(row))
        rec.apply_to_row(row, rec.EMPTY_PROTECTED)
        return record_key

    def _holders(self, session: Session, row: Record | NewRow) -> list[tuple[str, str, Wrap]]:
        access = self.access
        if row.access_level == "sacred":
            out: list[tuple[str, str, Wrap]] = []
            for name in row.custodians:
                profile = access.profile_named(session, name)
                access.check_profile(profile)
                public = profile.public_key

                def to_custodian(key: bytes, aad: bytes, public: bytes = public) -> bytes:
                    return wrapping.wrap_for(key, public, aad)

                out.append(("profile", name, to_custodian))
            return out
        if row.access_level == "community":
            if not row.community:
                raise InvalidRecord("a community record names its community", field="community")
            names = [community_protocol_name(row.community)]
            sharing = "any"
        else:
            names, sharing = list(row.access_protocols), row.access_sharing
        protocols = [access.protocol(session, name) for name in names]
        keys = [access.held_key(p) for p in protocols]
        if sharing == "all" and len(protocols) > 1:
            combined = combine_keys(keys)
            ref = ",".join(str(p.id) for p in sorted(protocols, key=lambda p: p.id))
            return [("all", ref, lambda key, aad: wrapping.wrap_key(key, combined, aad))]

        def under(protocol_key: bytes) -> Wrap:
            return lambda key, aad: wrapping.wrap_key(key, protocol_key, aad)

        return [("protocol", str(p.id), under(k)) for p, k in zip(protocols, keys, strict=True)]

    def record_problem(self, session: Session, row: Record | NewRow) -> str | None:
        """What is wrong with a record row as far as can be told without its key (None: nothing)."""
        return reads.record_problem(row, self.access.verifier(session))

    def open_row(self, session: Session, row: Record | NewRow, key: bytes) -> dict[str, Any]:
        """A sealed row's protected fields, only under the access block they were sealed with."""
        problem = self.record_problem(session, row)
        if problem:
            raise TamperedData(problem, record=row.id)
        return _open_fields(row, key)

    def record_key(self, session: Session, row: Record | NewRow, extra: dict[int, bytes] | None = None) -> bytes | None:
        """The record's key if the unlocked profile holds a way to it, else None."""
        me = self.access.current
        if me is None or row.sealed is None:
            return None
        keys = {**me.protocol_keys, **(extra or {})}
        for wrapped in row.keys:
            aad = _record_key_aad(row.id, wrapped.holder, wrapped.holder_ref)
            if wrapped.holder == "profile" and wrapped.holder_ref == me.name:
                return wrapping.unwrap_for(wrapped.wrapped_key, me.private_key, aad)
            if wrapped.holder == "protocol" and int(wrapped.holder_ref) in keys:
                return wrapping.unwrap_key(wrapped.wrapped_key, keys[int(wrapped.holder_ref)], aad)
            if wrapped.holder == "all":
                ids = [int(i) for i in wrapped.holder_ref.split(",")]
                if all(i in keys for i in ids):
                    return wrapping.unwrap_key(wrapped.wrapped_key, combine_keys([keys[i] for i in ids]), aad)
        return None

    def reveal(self, session: Session, row: Record, extra: dict[int, bytes] | None = None) -> dict[str, Any] | None:
        """The protected fields of a non-public record, or None when policy or keys say no.
        Raises ``TamperedData`` naming the record when its row was changed outside kmdesk."""
        return self.opened(session, row, extra)[0]

    def opened(self, session: Session, row: Record | NewRow, extra: dict[int, bytes] | None = None) -> reads.Opened:
        """``reveal`` and the record key it used (None for a public record or when closed)."""
        return reads.opened(row, self.access.verifier(session), lambda: self._open_sealed(session, row, extra))

    def opened_after_check(self, session: Session, row: NewRow) -> reads.Opened:
        """``opened`` for a sealed row whose signature and access block passed their check over
        these very values, as a tag of that check tells (``store.summaries``): only opened."""
        return self._open_sealed(session, row, None)

    def _open_sealed(self, session: Session, row: Record | NewRow, extra: dict[int, bytes] | None) -> reads.Opened:
        """A sealed row's fields and key, when policy lets this profile see it and it holds a key."""
        if extra is None and not self.access.may_view(session, row):
            return None, None
        key = self.record_key(session, row, extra)
        if key is None:
            return None, None
        return _open_fields(row, key), key  # ``reads.opened`` checked the row before it asked


def _open_fields(row: Record | NewRow, key: bytes) -> dict[str, Any]:
    """A sealed row's protected fields under ``key``, its row already checked: each read checks
    a row once (a page's sealed rows were checked twice, a quarter of opening one)."""
    sealed = row.sealed or ""
    opened: dict[str, Any]
    if sealed.startswith(sealing.BOUND_PREFIX):
        opened = sealing.open_record(sealed, key, row.id, context_of(row))
    else:
        opened = sealing.open_json(sealed, key, row.id, "record")
    return opened
