"""Every signed row the store writes is signed by the member who writes it, in the same flush.

``install`` hooks a library's sessions: after each flush, each new row of a signed table, and each
row whose signed columns changed, gets the unlocked member's signature (``rows.sign``) written
beside it, in the same transaction. No write path can forget it, and the SQL that the ORM does not
write (an import's bulk inserts) signs through ``sign_values``. With nobody unlocked a changed
row's signature is cleared, so it reads as unsigned, never as someone's. A row that arrives
whole with its writer's signature, checked over exactly the values it is written with (a
community, protocol or membership from the hub: ``carry``), keeps that signature.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, partial
from itertools import chain
from typing import Any

from sqlalchemy import event, inspect, update
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from kmdesk.core.store.model import Profile, Signed
from kmdesk.core.trust import rows, signatures
from kmdesk.core.trust.verified import Verified

SIGNER = "kmdesk.signer"  # Session.info key: who signs what this session writes
SIGNING_AS = "kmdesk.signing_as"  # Session.info key: who signs it for now instead (``signing_as``)
CARRIED = "kmdesk.carried"  # Session.info key: rows whose own signature the next flush keeps (``carry``)
VERIFIER = "kmdesk.verifier"  # Session.info key: what checks a stored row before it is signed over


@dataclass(frozen=True)
class Signer:
    """The unlocked member as it signs rows. Its key is loaded once: loading an Ed25519 key
    costs as much as a signature, and an import signs two rows per record."""

    name: str
    signing_key: bytes
    library_id: str | None
    verified: Verified | None = None  # told of each signature made (``trust.verified``)

    @cached_property
    def signs(self) -> Callable[[bytes], bytes]:
        return signatures.loaded(self.signing_key)

    @cached_property
    def verify_key(self) -> bytes:
        return signatures.signing_public(self.signing_key)

    def sign(self, table: str, values: Mapping[str, Any]) -> bytes:
        message = rows.canonical(table, self.library_id, values)
        signature = self.signs(message)
        if self.verified is not None:
            self.verified.made(self.verify_key, signature, message)
        return signature


def install(sessions: sessionmaker[Session], signer: Callable[[Session], Signer | None],
            profiles_changed: Callable[[], None], verifier: Callable[[Session], rows.Verifier]) -> None:
    """Sign what every session of ``sessions`` flushes; ``profiles_changed`` is told when a
    profile row was written (who may sign has changed); ``verifier`` checks what a row signed
    over another takes from it (``manifests``)."""
    sessions.configure(info={SIGNER: signer, VERIFIER: verifier})
    event.listen(sessions, "after_flush", partial(_sign_flushed, profiles_changed))


def signer_of(session: Session) -> Signer | None:
    """Who signs what ``session`` writes (None: nobody is unlocked)."""
    if SIGNING_AS in session.info:
        return session.info[SIGNING_AS]  # type: ignore[no-any-return]
    found: Callable[[Session], Signer | None] | None = session.info.get(SIGNER)
    return found(session) if found else None


def verifier_of(session: Session) -> rows.Verifier | None:
    """What checks the rows ``session`` reads before it signs over them (None: no library's)."""
    found: Callable[[Session], rows.Verifier] | None = session.info.get(VERIFIER)
    return found(session) if found else None


@contextmanager
def signing_as(session: Session, signer: Signer) -> Iterator[None]:
    """Rows flushed within sign as ``signer`` (a profile changing its passphrase signs what it
    re-wraps with its new key, whoever is unlocked)."""
    session.info[SIGNING_AS] = signer
    try:
        yield
    finally:
        session.info.pop(SIGNING_AS, None)


def carry(session: Session, obj: Signed) -> None:
    """The next flush writes ``obj`` with the signature it carries (``row_sig``, ``row_signer``),
    not the unlocked member's: the caller has checked that signature (``rows.Verifier``) over
    exactly the signed values ``obj`` holds now. Changed again before the flush, it is signed by
    the unlocked member as any other row; a wrong one still reads as tampered, never as used."""
    table = obj.__table__.name  # type: ignore[attr-defined]
    session.info.setdefault(CARRIED, {})[id(obj)] = rows.values_of(table, obj)


def sign_values(session: Session, table: str, values: dict[str, Any]) -> None:
    """Sign a row about to be inserted by SQL (``values`` holds every signed column)."""
    who = signer_of(session)
    values["row_sig"] = who.sign(table, values) if who else None
    values["row_signer"] = who.name if who else None


def _changed(obj: Signed, table: str) -> bool:
    state = inspect(obj)
    return state.pending or any(state.attrs[name].history.has_changes() for name in rows.SIGNED[table])


def _sign_flushed(profiles_changed: Callable[[], None], session: Session, _context: Any) -> None:
    carried: dict[int, dict[str, Any]] = session.info.pop(CARRIED, {})
    written = [obj for obj in chain(session.new, session.dirty) if obj not in session.deleted]
    if any(isinstance(obj, Profile) for obj in written):
        profiles_changed()
    due = [obj for obj in written if isinstance(obj, Signed) and _changed(obj, obj.__table__.name)  # type: ignore[attr-defined]
           and not (obj.row_sig is not None and carried.get(id(obj)) == rows.values_of(obj.__table__.name, obj))]  # type: ignore[attr-defined]
    if not due:
        return
    who = signer_of(session)
    for obj in due:
        table = obj.__table__  # type: ignore[attr-defined]
        signature = who.sign(table.name, rows.values_of(table.name, obj)) if who else None
        name = who.name if who else None
        if signature is None and obj.row_sig is None:
            continue  # nobody to sign it, and it carries no signature to clear
        key = [column == getattr(obj, column.key) for column in table.primary_key.columns]
        session.connection().execute(update(table).where(*key).values(row_sig=signature, row_signer=name))
        set_committed_value(obj, "row_sig", signature)
        set_committed_value(obj, "row_signer", name)
