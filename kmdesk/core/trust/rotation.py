"""A passphrase change makes the profile a new key pair, so an old copy of its row opens nothing new.

Re-wrapping the same private key under a new passphrase (as before revision 0007) left the old
passphrase able to open current data with a copy of the old row. So a passphrase change now:

- makes a new X25519 key pair (and the Ed25519 key derived from it), at the next key version;
- re-wraps each of the profile's memberships and each sacred record key wrapped to it to the new
  public key (the library key's grant of a membership does not change: who holds what does not);
- has the new public parts certified: by the library key when a custodian holding it changes its
  own passphrase, otherwise by the key pair it replaces (``profiles.previous`` keeps that pair and
  its certificate) until a custodian's next unlock certifies it directly (``certify_rotations``);
- signs again, with the new key, every row the old key signed that still verifies under it, and
  every consent event it recorded (same digest, same author);
- forgets the profile's sealed private index, which the old key sealed (rebuilt at its unlock).

The rollback witness (``witness``) remembers the new key version, so the old row put back is named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Integer, bindparam, literal_column, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from kmdesk.core.errors import InvalidRecord, TamperedData, UntrustedKey
from kmdesk.core.store.model import Base, Profile, RecordKey
from kmdesk.core.trust import consent, kdf, row_signing, rows, signatures, wrapping

if TYPE_CHECKING:
    from kmdesk.core.trust.access import Access

BATCH = 500


def change_passphrase(access: Access, session: Session, name: str, old: str, new: str) -> None:
    from kmdesk.core.trust import profiles

    if len(new) < 8:
        raise InvalidRecord("a passphrase needs at least 8 characters", field="passphrase")
    profile = access.profile_named(session, name)
    private, anchored, _ = profiles.open_private_key(profile, old)
    params = kdf.KdfParams.default()
    kek = kdf.derive_key(new, params)
    if not anchored:  # a library from before its library key: nothing was certified to rotate
        profile.wrapped_key, profile.kdf = wrapping.wrap_key(private, kek, profiles.profile_aad(name, False)), params.to_dict()
        return
    anchor = profiles.open_trust(session, profile, private)
    library_id = access.library_id()
    if rows.profile_problem(profile, anchor.library_key, library_id) is not None:
        raise UntrustedKey(f"the key of profile {name} is not signed by this library (changed outside kmdesk)", profile=name)
    old_signing = anchor.own or signatures.profile_signing_key(private)[0]
    old_verify = signatures.signing_public(old_signing)
    new_private, new_public = wrapping.new_keypair()
    new_signing, new_verify = signatures.profile_signing_key(new_private)
    link = rows.link_of(profile)
    with row_signing.signing_as(session, row_signing.Signer(name, new_signing, library_id)):
        _rewrap(session, profile, private, new_public)
        profile.public_key, profile.verify_key, profile.key_version = new_public, new_verify, profile.key_version + 1
        profile.wrapped_key, profile.kdf = wrapping.wrap_key(new_private, kek, profiles.profile_aad(name, True)), params.to_dict()
        profile.trust = profiles.seal_trust(new_private, name, anchor.library_key or b"", anchor.signing,
                                            rows_signed=anchor.rows_signed, manifests=anchor.manifests)
        profile.previous = None if anchor.signing else link
        signer = anchor.signing or old_signing
        profile.certificate = signatures.sign(signer, rows.canonical("profiles", library_id, rows.values_of("profiles", profile)))
        session.flush()
    access.forget_verifier()
    resign(session, name, old_verify, new_signing, access.verifier(session))
    _forget_private_index(access, profile)
    me = access.current
    if me is not None and me.profile_id == profile.id:
        me.private_key, me.signing_key, me.verify_key = new_private, new_signing, new_verify


def _rewrap(session: Session, profile: Profile, private: bytes, public: bytes) -> None:
    """The profile's memberships and the sacred record keys wrapped to it, wrapped to ``public``."""
    from kmdesk.core.trust.profiles import member_aad

    for membership in profile.memberships:
        aad = member_aad(membership.protocol_id, profile.id)
        try:
            key = wrapping.unwrap_for(membership.wrapped_key, private, aad)
        except TamperedData:
            continue  # a membership written outside kmdesk: it gave no key before either
        membership.wrapped_key = wrapping.wrap_for(key, public, aad)
    for wrapped in session.scalars(select(RecordKey).where(RecordKey.holder == "profile", RecordKey.holder_ref == profile.name)):
        aad = f"kmdesk/record/{wrapped.record_id}/profile/{profile.name}".encode()
        wrapped.wrapped_key = wrapping.wrap_for(wrapping.unwrap_for(wrapped.wrapped_key, private, aad), public, aad)


def resign(session: Session, name: str, old_verify: bytes, new_signing: bytes, verifier: rows.Verifier) -> None:
    """Every row ``name`` signed with ``old_verify``'s key that still verifies under it, and
    every consent event it recorded, signed again with ``new_signing`` (a consent event another
    member's signature holds only if that signature holds: ``verifier``)."""
    rowid: ColumnClause[int] = literal_column("rowid", Integer)
    for table_name in rows.SIGNED:
        if table_name == "profiles":
            continue
        table = Base.metadata.tables[table_name]
        authored = table_name == "consent_events"
        statement = update(table).where(rowid == bindparam("k_rowid")).values(
            row_sig=bindparam("sig"), row_signer=bindparam("signer"), **({"signature": bindparam("author")} if authored else {}))
        where = (table.c.row_signer == name) | (table.c.signed_by == name) if authored else table.c.row_signer == name
        last = 0
        while batch := session.execute(select(table, rowid.label("k_rowid")).where(where, rowid > last)
                                       .order_by(rowid).limit(BATCH)).all():
            last = batch[-1].k_rowid
            updates = [found for row in batch if (found := _resigned(table_name, row, name, old_verify, new_signing, verifier))]
            if updates:
                session.execute(statement, updates)


def _resigned(table: str, row: Any, name: str, old_verify: bytes, new_signing: bytes,
              verifier: rows.Verifier) -> dict[str, Any] | None:
    """The new signatures of one row, or None when nothing of it was this key's to sign again."""
    library_id = verifier.library_id
    values = rows.values_of(table, row)
    mine = row.row_signer == name and signatures.verify(old_verify, row.row_sig, rows.canonical(table, library_id, values))
    update: dict[str, Any] = {"k_rowid": row.k_rowid, "sig": row.row_sig, "signer": row.row_signer}
    if table == "consent_events":
        message = consent.signed_message(row.record_id, row.consent_id, row.kind, row.at, row.by, row.digest or "", row.data or {})
        authored = row.signed_by == name and signatures.verify(old_verify, row.signature, message)
        if not (mine or (authored and verifier.problem(table, row) is None)):
            return None
        if authored:
            values["signature"] = signatures.sign(new_signing, message)
        update["author"] = values["signature"]
        mine = mine or authored  # the author's new signature changes the row: its signer signs it again
    elif not mine:
        return None
    update.update({"sig": rows.sign(table, values, library_id, new_signing), "signer": name})
    return update


def _forget_private_index(access: Access, profile: Profile) -> None:
    from kmdesk.core.search import private_index

    private_index.path(access.library.data_dir, profile.id).unlink(missing_ok=True)


def certify_rotations(access: Access, session: Session) -> None:
    """At the unlock of a custodian holding the library key: each profile whose passphrase
    change is certified only by the key pair it replaced is certified by the library key."""
    for profile in session.scalars(select(Profile).where(Profile.previous.is_not(None))):
        if rows.profile_problem(profile, access.verifier(session).anchor, access.library_id()) is None:
            access.certify(profile)
