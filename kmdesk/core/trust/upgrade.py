"""A library from before signed rows (revision 0007) is signed once, by a custodian's unlock.

The migration only adds columns: it holds no key. The first unlock of a custodian who holds the
library key after the upgrade signs what the library holds (``sign_library``): what was already
authenticated (profile certificates, membership signatures, consent signatures, records' bound
or signed access blocks, the audit checkpoint) only if it still verifies in its old form; what
was not (protocols, communities, history, sharing choices, the outbox...) as it stands: trust on
first use (``docs/security.md``). The library key then signs ``meta.rows_signed``, and the
custodian's own trust anchor remembers it, so an unsigned row met later is reported, never signed
blindly: someone who can write the file cannot have their rows blessed by deleting the mark.
Until then every unsigned row is untrusted and said to be "not signed yet".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, Table, bindparam, literal_column, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from kmdesk.core.store.model import Base, Membership, Meta, Profile
from kmdesk.core.trust import manifests, reads, rows, signatures
from kmdesk.core.trust import signing as trust

if TYPE_CHECKING:
    from kmdesk.core.trust.access import Access
    from kmdesk.core.trust.profiles import Anchor

BATCH = 500


def settle(access: Access, session: Session, profile: Profile, private: bytes, anchor: Anchor) -> None:
    """At the unlock of a custodian holding the library key: sign the library if nobody has
    since the upgrade to 0007, make the missing manifests if nobody has since the upgrade to
    0009 (``manifests.make_missing``), and remember both in this profile's anchor. A custodian
    who remembers them puts back the library key's marks if they were removed, and signs and
    makes nothing (what is unsigned or missing now was changed outside kmdesk)."""
    from kmdesk.core.trust.profiles import seal_trust

    if anchor.library_key is None:
        return
    settled = [_mark(access, session, anchor.library_key, rows.ROWS_SIGNED, anchor.rows_signed,
                     partial(sign_library, access, session)),
               _mark(access, session, anchor.library_key, rows.MANIFESTS, anchor.manifests,
                     partial(manifests.make_missing, session))]
    if all(settled):
        return
    profile.trust = seal_trust(private, profile.name, anchor.library_key, anchor.signing, rows_signed=True,
                               manifests=True, own=anchor.own)
    access.forget_verifier()


def _mark(access: Access, session: Session, library_key: bytes, key: str, remembered: bool,
          first: Callable[[], None]) -> bool:
    """The library key's mark ``key`` (meta), made after ``first`` unless this profile
    ``remembered`` it or the mark holds: True when both already were."""
    message = rows.meta_message(access.library_id(), key, {})
    marker = session.get(Meta, key)
    if marker is not None and signatures.verify(library_key, trust.unb64(marker.value), message):
        if remembered:
            return True
    elif not remembered:
        first()
    session.merge(Meta(key=key, value=trust.b64(signatures.sign(access.signing(), message))))
    return False


def sign_library(access: Access, session: Session) -> None:
    """Sign every unsigned row that may be signed (see the module docstring)."""
    me = access.current
    assert me is not None and me.library_key is not None
    library_key, library_id = me.library_key, access.library_id()
    for profile in session.scalars(select(Profile)):
        if rows.profile_problem(profile, library_key, library_id) is not None and signatures.verify(
                library_key, profile.certificate, trust.profile_message(profile.name, list(profile.roles),
                                                                        profile.public_key, profile.verify_key)):
            access.certify(profile)
    session.flush()
    access.forget_verifier()
    verifier = access.verifier(session)
    for table in rows.SIGNED:
        if table != "profiles":
            _sign_table(session, Base.metadata.tables[table], me.name,
                        partial(_sign, me.signing_key, table, library_id), _legacy_check(table, access, session, verifier))
    _resign_checkpoint(access, session)


def _sign(signing_key: bytes, table: str, library_id: str | None, values: dict[str, Any]) -> bytes:
    return signatures.sign(signing_key, rows.canonical(table, library_id, values))


def _legacy_check(table: str, access: Access, session: Session, verifier: rows.Verifier) -> Callable[[Any], bool]:
    """Whether a row of ``table`` still holds what it held before rows were signed: what was
    authenticated must verify in its old form; the rest is taken as it stands."""
    library_key = verifier.anchor
    if table == "records":
        return lambda row: trust.access_problem(row, lambda: library_key) is None
    if table == "consent_events":
        return lambda row: reads.check_consent_event(row, None, library_key, verifier.signer_key)[1] is None
    if table == "memberships":
        return lambda row: _legacy_membership(access, session, row, library_key)
    return lambda _row: True


def _legacy_membership(access: Access, session: Session, row: Any, library_key: bytes | None) -> bool:
    """A membership signed before revision 0007 is granted anew at its protocol's key version."""
    if not signatures.verify(library_key, row.signature, trust.membership_message(row.protocol_id, row.profile_id,
                                                                                  row.wrapped_key, bool(row.reader))):
        return False
    membership = session.get(Membership, row.id)
    assert membership is not None
    membership.key_version = membership.protocol.key_version
    access.grant(membership)
    session.flush()  # the row is signed anew by the flush (``row_signing``)
    return False


def _sign_table(session: Session, table: Table, signer: str, sign: Callable[[dict[str, Any]], bytes],
                holds: Callable[[Any], bool]) -> None:
    """Sign the unsigned rows of ``table`` that hold, a batch at a time in rowid order."""
    names = rows.SIGNED[table.name]
    rowid: ColumnClause[int] = literal_column("rowid", Integer)
    statement = update(table).where(rowid == bindparam("k_rowid")).values(row_sig=bindparam("sig"),
                                                                          row_signer=bindparam("signer"))
    last = 0
    while batch := session.execute(select(table, rowid.label("k_rowid")).where(table.c.row_sig.is_(None), rowid > last)
                                   .order_by(rowid).limit(BATCH)).all():
        last = batch[-1].k_rowid
        updates = [{"k_rowid": row.k_rowid, "sig": sign({name: getattr(row, name) for name in names}), "signer": signer}
                   for row in batch if holds(row)]
        if updates:
            session.execute(statement, updates)
    

def _resign_checkpoint(access: Access, session: Session) -> None:
    """The audit checkpoint signed before revision 0007 (over its sequence and hash alone) is
    signed anew in the signed-row form, if it still verifies."""
    stored = session.get(Meta, trust.CHECKPOINT)
    me = access.current
    if stored is None or me is None:
        return
    try:
        data = json.loads(stored.value)
        seq, head, signature = int(data["seq"]), str(data["hash"]), trust.unb64(data["signature"])
    except (ValueError, TypeError, KeyError):
        return
    if signatures.verify(me.library_key, signature, trust.legacy_checkpoint_message(seq, head)):
        data["signature"] = trust.b64(signatures.sign(access.signing(), trust.checkpoint_message(access.library_id(), seq, head)))
        stored.value = json.dumps(data, sort_keys=True)
