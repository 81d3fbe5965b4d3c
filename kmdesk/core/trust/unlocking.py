"""Unlocking a library for one profile (``Library.unlock``): its keys opened, the library's trust
settled at the first unlock after the upgrade to 0005, the unlock audited, and the index of the
non-public records it may read opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmdesk.core.errors import UntrustedKey, WrongPassphrase
from kmdesk.core.trust import witness

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


def unlock(library: Library, name: str, passphrase: str) -> None:
    """Open a profile's keys; a wrong passphrase is audited and raised. A read-only library
    unlocks without changing (nor auditing) anything. A profile whose key pair went back since
    this user last saw it (``witness.profile_went_back``) is refused."""
    went_back = witness.profile_went_back(library.rollback, name)
    if went_back:
        raise UntrustedKey(f"profile {name} is not unlocked: {went_back[len('profile: '):]}, so a passphrase change "
                           "was undone outside kmdesk; if a backup was restored on purpose, another custodian "
                           "accepts it ('kmdesk check --accept-rollback'), or remove this library's file in the "
                           "rollback witness folder of your state directory", profile=name)
    with library.write_lock:
        try:
            if library.read_only:  # opened as it is: a first unlock that must settle trust is refused at the flush
                with library.reading() as session:
                    library.access.unlock(session, name, passphrase)
                    session.flush()
                library.audit.record_now("unlock", name)
            else:
                with library.writing() as session:
                    library.access.unlock(session, name, passphrase)
                    library.consent.upgrade_trust(session)
                    library.audit.record(session, "unlock", name)
        except WrongPassphrase:
            library.audit.record_now("unlock_failed", name)
            raise
        except BaseException:
            library.access.lock()
            raise
        library.index.open_private()
