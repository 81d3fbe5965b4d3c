"""Typed errors of the core. Each has a stable ``code`` so the GUI and the CLI can turn it into
translated words; the message is the English fallback."""

from __future__ import annotations


class KmdeskError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.params = params


class NotFound(KmdeskError):
    code = "not_found"


class InvalidRecord(KmdeskError):
    code = "invalid_record"


class AccessDenied(KmdeskError):
    code = "access_denied"


class StoreError(KmdeskError):
    code = "store_error"


class ReadOnlyLibrary(StoreError):
    """The library is on a medium (or in a folder) kmdesk cannot write to: it was opened
    read-only, so searching and reading work and every change is refused with this error."""

    code = "read_only"


class Cancelled(KmdeskError):
    """Raised by long operations when their cancel token says stop; nothing was changed (but
    for ``library.index.catch_up``, which keeps what it indexed and resumes from there)."""

    code = "cancelled"

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class DamagedRecord(KmdeskError):
    """A record failed its integrity check (changed outside kmdesk, or damaged on disk). It is
    quarantined: shown as damaged, never opened, re-sealed or sent; the rest of the library works."""

    code = "damaged_record"


class PulledRecord(AccessDenied):
    """A record pulled from the central CHM (``sync.pull``) is read-only here: editing it,
    deleting it, or adding or removing its files is refused (``library.records.require_own``), since
    the next pull would bring the CHM's version back over a change, and could not bring back a
    record deleted here. ``params``: ``id``, ``chm_id`` and the refused ``action``
    (``edit``, ``delete``, ``attach``, ``detach``)."""

    code = "pulled_record"


class VaultError(KmdeskError):
    """Base of the errors of keys and sealing (``core.trust``)."""

    code = "vault_error"


class WrongPassphrase(VaultError):
    """A key derived from a passphrase does not open what it should: the passphrase is wrong
    (GCM cannot tell a wrong key from a damaged wrapped key; the passphrase is far likelier)."""

    code = "wrong_passphrase"

    def __init__(self, message: str = "wrong passphrase", **params: object) -> None:
        super().__init__(message, **params)


class TamperedData(VaultError):
    """A ciphertext failed authentication, is malformed, truncated, reordered or was moved from
    another record or field. Nothing of it is returned."""

    code = "tampered_data"


class UntrustedKey(TamperedData):
    """A profile's key, roles or membership is not what the library signed: it was changed
    outside kmdesk (or predates the library key). No key is wrapped to it."""

    code = "untrusted_key"
