"""Key derivation: a passphrase into a key-encryption key, and keys derived from other keys.

**Passphrase → key-encryption key (KEK).** ``derive_key`` runs Argon2id (scrypt where the
OpenSSL build lacks it) with ``KdfParams`` that are stored next to what they protect, so the
cost can be raised later (``needs_upgrade``) without locking anyone out. ``derived_key`` and
``combine_keys`` are HKDF-SHA256 over keys already held: a profile's own purpose keys, and the
one key a record shared with ``all`` of its protocols is wrapped under.
"""

from __future__ import annotations

import binascii
import os
from dataclasses import dataclass
from functools import cache
from typing import Any

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kmdesk.core.errors import TamperedData, VaultError
from kmdesk.core.trust.aead import KEY_SIZE, b64, check_key, unb64

try:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
except ImportError:  # cryptography < 44
    Argon2id = None  # type: ignore[assignment,misc]

FAST_KDF_ENV = "KMDESK_FAST_KDF"

# Bounds on parameters read back from a library file: a damaged or hostile ``kdf`` column must
# not make unlocking take the machine's whole memory, nor silently accept a trivial salt.
_MIN_SALT = 16
_MAX_ARGON2_MEMORY_KIB = 4 * 1024 * 1024
_MAX_SCRYPT_N = 2**22


class PassphraseKey(bytes):
    """A key-encryption key that came from ``derive_key``. The type is how ``unwrap_key`` knows a
    failure means "wrong passphrase" rather than "damaged data", without a second API."""


@cache
def argon2id_available() -> bool:
    """Argon2id needs cryptography >= 44 *and* an OpenSSL that implements it; try it once."""
    if Argon2id is None:
        return False
    try:
        Argon2id(salt=b"\0" * _MIN_SALT, length=KEY_SIZE, iterations=1, lanes=1, memory_cost=8).derive(b"probe")
    except UnsupportedAlgorithm:
        return False
    return True


def fast_kdf() -> bool:
    """Cheap parameters only when ``KMDESK_FAST_KDF=1`` is set (tests); read at each call so a
    fixture can switch it. Anything else gets the strong defaults."""
    return os.environ.get(FAST_KDF_ENV) == "1"


@dataclass(frozen=True)
class KdfParams:
    """How a passphrase became a key. Stored (``to_dict``) with every wrapped key it protects.

    Argon2id uses ``memory`` (KiB), ``iterations`` and ``lanes``; scrypt uses ``n``, ``r``,
    ``p``. The fields of the other algorithm stay 0."""

    algorithm: str
    salt: bytes
    memory: int = 0
    iterations: int = 0
    lanes: int = 0
    n: int = 0
    r: int = 0
    p: int = 0

    @classmethod
    def default(cls) -> KdfParams:
        """Fresh salt and today's parameters: Argon2id 64 MiB x 3 passes x 4 lanes (about a
        tenth of a second on a modest laptop), else scrypt N=2^17, r=8 (128 MiB)."""
        salt = os.urandom(_MIN_SALT)
        fast = fast_kdf()
        if argon2id_available():
            return cls("argon2id", salt, memory=64 if fast else 64 * 1024, iterations=1 if fast else 3, lanes=1 if fast else 4)
        return cls("scrypt", salt, n=2**10 if fast else 2**17, r=8, p=1)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"algorithm": self.algorithm, "salt": b64(self.salt)}
        if self.algorithm == "argon2id":
            out.update(memory=self.memory, iterations=self.iterations, lanes=self.lanes)
        else:
            out.update(n=self.n, r=self.r, p=self.p)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParams:
        """Parameters read back from storage, checked so a damaged value fails clearly."""
        try:
            algorithm = data["algorithm"]
            salt = unb64(data["salt"])
            if algorithm == "argon2id":
                params = cls(algorithm, salt, memory=int(data["memory"]), iterations=int(data["iterations"]), lanes=int(data["lanes"]))
                ok = 8 * params.lanes <= params.memory <= _MAX_ARGON2_MEMORY_KIB and 1 <= params.iterations <= 64 and 1 <= params.lanes <= 64
            elif algorithm == "scrypt":
                params = cls(algorithm, salt, n=int(data["n"]), r=int(data["r"]), p=int(data["p"]))
                ok = 2 <= params.n <= _MAX_SCRYPT_N and params.n & (params.n - 1) == 0 and 1 <= params.r <= 32 and 1 <= params.p <= 16
            else:
                ok = False
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise TamperedData(f"unreadable key-derivation parameters: {exc}") from None
        if not ok or len(salt) < _MIN_SALT:
            raise TamperedData("key-derivation parameters out of range", algorithm=str(data.get("algorithm")))
        return params


def needs_upgrade(params: KdfParams) -> bool:
    """True when ``params`` are weaker than what ``KdfParams.default`` would choose now (another
    algorithm became available, or costs went up): re-wrap at the next successful unlock."""
    current = KdfParams.default()
    if params.algorithm != current.algorithm:
        return True
    if params.algorithm == "argon2id":
        return params.memory < current.memory or params.iterations < current.iterations or params.lanes < current.lanes
    return params.n < current.n or params.r < current.r or params.p < current.p


def derive_key(passphrase: str, params: KdfParams) -> PassphraseKey:
    """A 32-byte key-encryption key from a passphrase (NFC is not applied: the same keystrokes
    on the same system give the same bytes, and changing that now would lock people out)."""
    secret = passphrase.encode("utf-8")
    if params.algorithm == "argon2id":
        if not argon2id_available():
            raise VaultError("this library was protected with Argon2id, which this system's cryptography lacks",
                             algorithm="argon2id")
        kdf: Any = Argon2id(salt=params.salt, length=KEY_SIZE, iterations=params.iterations, lanes=params.lanes,
                            memory_cost=params.memory)
    elif params.algorithm == "scrypt":
        kdf = Scrypt(salt=params.salt, length=KEY_SIZE, n=params.n, r=params.r, p=params.p)
    else:
        raise TamperedData(f"unknown key-derivation algorithm {params.algorithm!r}")
    return PassphraseKey(kdf.derive(secret))


def derived_key(private_key: bytes, purpose: str) -> bytes:
    """A 256-bit key only the holder of ``private_key`` can compute (HKDF-SHA256, ``purpose``
    in the info): what a profile seals its own trust anchor with."""
    check_key(private_key)
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None,
                info=b"kmdesk/v1/derived/" + purpose.encode("ascii")).derive(bytes(private_key))


def combine_keys(keys: list[bytes]) -> bytes:
    """One key derived from several (HKDF-SHA256 over the sorted keys): a record shared with
    ``all`` of its protocols has its key wrapped under this, so opening it needs every one of
    the protocol keys. Order-independent, so callers need not agree on an order."""
    if not keys:
        raise ValueError("combine_keys needs at least one key")
    for key in keys:
        check_key(key)
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None, info=b"kmdesk/v1/combine").derive(b"".join(sorted(keys)))
