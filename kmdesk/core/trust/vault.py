"""Keys and encryption: what makes "only the community can read it" true on disk.

Everything here is a pure primitive over ``cryptography`` (AES-256-GCM, HKDF-SHA256, X25519,
Argon2id or scrypt); the store decides which key seals what. The scheme:

- **Passphrase → key-encryption key (KEK).** ``derive_key`` runs Argon2id (scrypt where the
  OpenSSL build lacks it) with ``KdfParams`` that are stored next to what they protect, so the
  cost can be raised later (``needs_upgrade``) without locking anyone out.
- **Profile key pair.** Each profile has an X25519 key pair (``new_keypair``); its private key is
  wrapped by the passphrase KEK. Anyone can then hand a key to a member who is not at the
  keyboard (``wrap_for`` the member's public key); a passphrase change re-wraps one value.
- **Protocol data keys.** Each protocol has a random 256-bit data key (``new_data_key``), wrapped
  once per member. The wrap's associated data names the protocol and the member
  (``member_aad``), so a wrapped key copied onto another membership row does not open.
- **Record keys.** Each non-public record has its own random key; its text, history and files
  are sealed with it (``seal_text``/``seal_json``/``seal_stream``). The record key is wrapped
  (``wrap_record_key``) under:

  - each listed protocol's key when the record's sharing is ``any`` (any one key opens it);
  - ``combine_keys`` of all listed protocols' keys when sharing is ``all``: HKDF over the sorted
    keys, so the wrapping key exists only for someone holding every one of them;
  - the community's members protocol for ``community`` records;
  - each named custodian's public key (``wrap_for``) for ``sacred`` records.

  Removing a member therefore means: new protocol key (``rotate``), new record keys, re-seal
  (``reseal_text`` or open + seal). The removed member's old keys open nothing written after.
- **The access block is bound to the record.** A record's sealed fields are sealed with
  ``seal_record``: the associated data holds the record id *and* a canonical encoding of its
  access block (level, community, protocols, sharing, custodians; ``access_context``). A row
  whose access columns were changed outside kmdesk no longer opens, so it can never be
  re-sealed under access nobody chose. Such tokens start ``kmv2:``; ``kmv1:`` record tokens are
  from before this binding and are accepted only with the library's signature over their access
  block (see ``trust``).
- **Signatures.** Ed25519 (``new_signing_key``, ``sign``, ``verify``) for the library's signing
  key and each profile's own signing key, which is derived from the profile's X25519 private key
  (``profile_signing_key``), so it needs no second secret to keep.
- **Associated data everywhere.** Every ciphertext is bound to where it belongs (record id,
  field, kind, chunk position), so moving a token to another record or field, reordering or
  truncating file chunks, is detected like any other tampering.

Errors are typed and carry a stable ``code``; a failed GCM tag is never returned as data and no
raw ``cryptography`` exception reaches a caller.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import struct
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kmdesk.core.errors import Cancelled, KmdeskError

try:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
except ImportError:  # cryptography < 44
    Argon2id = None  # type: ignore[assignment,misc]

KEY_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
TOKEN_PREFIX = "kmv1:"
BOUND_PREFIX = "kmv2:"
FILE_MAGIC = b"KMF1"
CHUNK_SIZE = 1024 * 1024
FAST_KDF_ENV = "KMDESK_FAST_KDF"

# Bounds on parameters read back from a library file: a damaged or hostile ``kdf`` column must
# not make unlocking take the machine's whole memory, nor silently accept a trivial salt.
_MIN_SALT = 16
_MAX_ARGON2_MEMORY_KIB = 4 * 1024 * 1024
_MAX_SCRYPT_N = 2**22
_MAX_CHUNK = 64 * 1024 * 1024


# -- errors -------------------------------------------------------------------------------
class VaultError(KmdeskError):
    """Base of the vault's errors."""

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


class PassphraseKey(bytes):
    """A key-encryption key that came from ``derive_key``. The type is how ``unwrap_key`` knows a
    failure means "wrong passphrase" rather than "damaged data", without a second API."""


# -- key derivation ---------------------------------------------------------------------------
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


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


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
        out: dict[str, Any] = {"algorithm": self.algorithm, "salt": _b64(self.salt)}
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
            salt = _unb64(data["salt"])
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


# -- keys -----------------------------------------------------------------------------------
def new_data_key() -> bytes:
    """A random 256-bit AES key (protocol data key or record key)."""
    return os.urandom(KEY_SIZE)


def rotate(old_key: bytes) -> bytes:
    """The key that replaces ``old_key`` after a member leaves: unrelated random bytes, on
    purpose; the old key is taken only so call sites read as what they mean."""
    _check_key(old_key)
    return new_data_key()


def new_keypair() -> tuple[bytes, bytes]:
    """A profile's X25519 key pair as raw bytes: (private, public)."""
    private = X25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return raw, private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def derived_key(private_key: bytes, purpose: str) -> bytes:
    """A 256-bit key only the holder of ``private_key`` can compute (HKDF-SHA256, ``purpose``
    in the info): what a profile seals its own trust anchor with."""
    _check_key(private_key)
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None,
                info=b"kmdesk/v1/derived/" + purpose.encode("ascii")).derive(bytes(private_key))


def _raw_public(private: Ed25519PrivateKey) -> bytes:
    return private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def new_signing_key() -> tuple[bytes, bytes]:
    """A fresh Ed25519 key pair as raw bytes: (private, public)."""
    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return raw, _raw_public(private)


def profile_signing_key(x25519_private: bytes) -> tuple[bytes, bytes]:
    """A profile's Ed25519 key pair, derived from its X25519 private key: the passphrase that
    opens one opens both, and a passphrase change re-wraps one value as before."""
    seed = derived_key(x25519_private, "profile-sign")
    return seed, _raw_public(Ed25519PrivateKey.from_private_bytes(seed))


def signing_public(private_key: bytes) -> bytes:
    return _raw_public(Ed25519PrivateKey.from_private_bytes(bytes(private_key)))


def sign(private_key: bytes, message: bytes) -> bytes:
    """An Ed25519 signature (64 bytes) of ``message``."""
    return Ed25519PrivateKey.from_private_bytes(bytes(private_key)).sign(message)


def verify(public_key: bytes | None, signature: bytes | None, message: bytes) -> bool:
    """True only for a well-formed signature of ``message`` by ``public_key``; anything missing
    or malformed is simply not valid (never an exception: a damaged row is data)."""
    if not public_key or not signature:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(bytes(public_key)).verify(bytes(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True


def canonical(obj: Any) -> bytes:
    """The one JSON encoding that is signed or bound as associated data (sorted keys, no
    spaces, UTF-8), so the same value gives the same bytes after a trip through the database."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("utf-8")


def combine_keys(keys: list[bytes]) -> bytes:
    """One key derived from several (HKDF-SHA256 over the sorted keys): a record shared with
    ``all`` of its protocols has its key wrapped under this, so opening it needs every one of
    the protocol keys. Order-independent, so callers need not agree on an order."""
    if not keys:
        raise ValueError("combine_keys needs at least one key")
    for key in keys:
        _check_key(key)
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None, info=b"kmdesk/v1/combine").derive(b"".join(sorted(keys)))


def _check_key(key: bytes) -> None:
    if not isinstance(key, (bytes, bytearray)) or len(key) != KEY_SIZE:
        raise ValueError(f"a key is {KEY_SIZE} bytes")


def _aad(kind: str, *parts: str) -> bytes:
    """Associated data as length-prefixed parts, so ("a/b", "c") and ("a", "b/c") differ."""
    out = [b"kmdesk/v1/" + kind.encode("ascii")]
    for part in parts:
        data = part.encode("utf-8")
        out.append(struct.pack(">I", len(data)) + data)
    return b"".join(out)


def member_aad(protocol_id: int | str, member_id: int | str) -> bytes:
    """Associated data for a protocol key wrapped for one member."""
    return _aad("member", str(protocol_id), str(member_id))


def _encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    _check_key(key)
    nonce = os.urandom(NONCE_SIZE)
    return nonce + AESGCM(bytes(key)).encrypt(nonce, plaintext, aad)


def _decrypt(key: bytes, blob: bytes, aad: bytes) -> bytes | None:
    """The plaintext, or None when authentication fails (the caller picks the error)."""
    _check_key(key)
    if len(blob) < NONCE_SIZE + TAG_SIZE:
        return None
    try:
        return AESGCM(bytes(key)).decrypt(blob[:NONCE_SIZE], blob[NONCE_SIZE:], aad)
    except InvalidTag:
        return None


def wrap_key(data_key: bytes, kek: bytes, aad: bytes) -> bytes:
    """``data_key`` sealed under ``kek`` (AES-256-GCM, nonce || ciphertext). ``aad`` says whose
    and for what (e.g. ``member_aad``), so the wrapped key cannot be moved elsewhere."""
    _check_key(data_key)
    return _encrypt(kek, bytes(data_key), aad)


def unwrap_key(wrapped: bytes, kek: bytes, aad: bytes) -> bytes:
    """The key ``wrap_key`` sealed. Raises ``WrongPassphrase`` when ``kek`` came from
    ``derive_key``, else ``TamperedData`` (wrong key, wrong ``aad`` or damaged bytes)."""
    key = _decrypt(kek, bytes(wrapped), aad)
    if key is None or len(key) != KEY_SIZE:
        if isinstance(kek, PassphraseKey):
            raise WrongPassphrase()
        raise TamperedData("a wrapped key does not open with this key")
    return key


def _x25519_kek(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=ephemeral_public + recipient_public,
                info=b"kmdesk/v1/wrap-for").derive(shared)


def wrap_for(data_key: bytes, public_key: bytes, aad: bytes) -> bytes:
    """``data_key`` wrapped to a profile's X25519 public key (ephemeral key agreement + HKDF +
    AES-GCM): lets a custodian give a key to someone who is not there to type a passphrase.
    Output: ephemeral public key (32) || ``wrap_key`` output."""
    try:
        recipient = X25519PublicKey.from_public_bytes(bytes(public_key))
    except ValueError:
        raise TamperedData("not an X25519 public key") from None
    ephemeral = X25519PrivateKey.generate()
    eph_public = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    kek = _x25519_kek(ephemeral.exchange(recipient), eph_public, bytes(public_key))
    return eph_public + wrap_key(data_key, kek, aad)


def unwrap_for(wrapped: bytes, private_key: bytes, aad: bytes) -> bytes:
    """The key ``wrap_for`` wrapped, opened with the profile's private key."""
    wrapped = bytes(wrapped)
    try:
        private = X25519PrivateKey.from_private_bytes(bytes(private_key))
        shared = private.exchange(X25519PublicKey.from_public_bytes(wrapped[:32]))
    except ValueError:
        raise TamperedData("a key wrapped for a profile is malformed") from None
    own_public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return unwrap_key(wrapped[32:], _x25519_kek(shared, wrapped[:32], own_public), aad)


def wrap_record_key(record_key: bytes, protocol_key: bytes, record_id: str, protocol_id: int | str) -> bytes:
    """A record's key wrapped under one protocol's key (or ``combine_keys`` of several, with a
    ``protocol_id`` naming them all, e.g. ``"3,7"``), bound to that record and holder."""
    return wrap_key(record_key, protocol_key, _aad("record-key", record_id, str(protocol_id)))


def unwrap_record_key(wrapped: bytes, protocol_key: bytes, record_id: str, protocol_id: int | str) -> bytes:
    return unwrap_key(wrapped, protocol_key, _aad("record-key", record_id, str(protocol_id)))


# -- fields ---------------------------------------------------------------------------------
def _seal(kind: str, plaintext: bytes, key: bytes, record_id: str, field: str) -> str:
    return TOKEN_PREFIX + _b64(_encrypt(key, plaintext, _aad(kind, record_id, field)))


def _open(kind: str, token: str, key: bytes, record_id: str, field: str) -> bytes:
    if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
        raise TamperedData("not a sealed kmdesk value", record=record_id, field=field)
    try:
        blob = _unb64(token[len(TOKEN_PREFIX):])
    except (binascii.Error, ValueError):
        raise TamperedData("a sealed value is not valid base64", record=record_id, field=field) from None
    plaintext = _decrypt(key, blob, _aad(kind, record_id, field))
    if plaintext is None:
        raise TamperedData("a sealed value failed authentication (changed, moved or wrong key)", record=record_id, field=field)
    return plaintext


def seal_text(plaintext: str, key: bytes, record_id: str, field: str) -> str:
    """A compact token ``kmv1:<base64url(nonce || ciphertext)>`` of ``plaintext``, bound to this
    record and field. Text-safe, so it fits the same columns as the plaintext did."""
    return _seal("text", plaintext.encode("utf-8"), key, record_id, field)


def open_text(token: str, key: bytes, record_id: str, field: str) -> str:
    return _open("text", token, key, record_id, field).decode("utf-8")


def seal_json(obj: Any, key: bytes, record_id: str, field: str) -> str:
    """Like ``seal_text`` for a JSON value (multilingual dicts, a record's protected fields).
    Sealed as a distinct kind so a text token never opens as JSON and vice versa."""
    data = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return _seal("json", data.encode("utf-8"), key, record_id, field)


def open_json(token: str, key: bytes, record_id: str, field: str) -> Any:
    return json.loads(_open("json", token, key, record_id, field))


def access_context(access: dict[str, Any], community: str | None) -> str:
    """The access block as bound to a sealed record: order-free lists, so a re-ordering by a
    form is no change, but any added or removed name, level or sharing is."""
    return canonical({"level": access.get("level"), "community": community,
                      "protocols": sorted(access.get("protocols") or []), "sharing": access.get("sharing"),
                      "custodians": sorted(access.get("custodians") or [])}).decode("utf-8")


def seal_record(obj: Any, key: bytes, record_id: str, context: str) -> str:
    """A record's protected fields sealed with its id and ``access_context`` as associated data."""
    data = canonical(obj)
    return BOUND_PREFIX + _b64(_encrypt(key, data, _aad("record", record_id, context)))


def open_record(token: str, key: bytes, record_id: str, context: str) -> Any:
    """What ``seal_record`` sealed, only under the same id and access block."""
    if not isinstance(token, str) or not token.startswith(BOUND_PREFIX):
        raise TamperedData("not a sealed kmdesk record", record=record_id, field="record")
    return json.loads(_open("record", TOKEN_PREFIX + token[len(BOUND_PREFIX):], key, record_id, context))


def reseal_text(token: str, old_key: bytes, new_key: bytes, record_id: str, field: str) -> str:
    """Open with the old key and seal with the new one (after a member's removal)."""
    return seal_text(open_text(token, old_key, record_id, field), new_key, record_id, field)


# -- files ----------------------------------------------------------------------------------
# A sealed file: header = FILE_MAGIC || chunk size (4, big-endian) || random prefix (8), then
# chunks of ``chunk size`` plaintext bytes (the last one shorter, possibly empty), each
# AES-GCM(nonce = prefix || counter) with associated data = record id, header, counter and a
# final flag; the final chunk's associated data also holds the plaintext's SHA-256. A chunk
# moved, dropped, duplicated or cut off, or a file moved to another record, fails its tag.
_HEADER = struct.Struct(">4sI8s")


def _file_aad(record_id: str, header: bytes, counter: int, final: bool, sha256: str) -> bytes:
    return _aad("file", record_id, sha256 if final else "") + header + struct.pack(">IB", counter, final)


def _read_full(src: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes: raw streams and pipes may return less than asked before EOF."""
    parts = []
    remaining = size
    while remaining:
        part = src.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


def _total(src: BinaryIO) -> int | None:
    try:
        here = src.tell()
        end = src.seek(0, os.SEEK_END)
        src.seek(here)
    except (OSError, ValueError, AttributeError):
        return None
    return end - here


def _chunks(src: BinaryIO, size: int) -> Iterator[tuple[bytes, bool]]:
    """(chunk, is_final) one chunk ahead, so the last chunk is known when it is read; an empty
    source still yields one (empty, final) chunk so an empty file is sealed, not skipped."""
    current = _read_full(src, size)
    while True:
        following = _read_full(src, size)
        yield current, not following
        if not following:
            return
        current = following


@dataclass
class _Stepper:
    """Progress and cancellation for the chunk loops."""

    progress: Callable[[int, int | None], None] | None
    cancel: Callable[[], bool] | None
    total: int | None
    done: int = 0

    def step(self, size: int) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled()
        self.done += size
        if self.progress is not None:
            self.progress(self.done, self.total)


def seal_stream(src: BinaryIO, dst: BinaryIO, key: bytes, record_id: str,
                progress: Callable[[int, int | None], None] | None = None, cancel: Callable[[], bool] | None = None,
                *, chunk_size: int = CHUNK_SIZE) -> str:
    """Seal ``src`` into ``dst`` one chunk at a time (a 2 GB video never sits in memory) and
    return the plaintext's SHA-256 (hex), which is bound into the last chunk: keep it with the
    attachment and give it to ``open_stream``. ``progress(done_bytes, total_or_None)`` follows
    each chunk; ``cancel()`` returning true raises ``Cancelled`` (discard ``dst``)."""
    _check_key(key)
    if not 0 < chunk_size <= _MAX_CHUNK:
        raise ValueError(f"chunk size must be between 1 and {_MAX_CHUNK} bytes")
    header = _HEADER.pack(FILE_MAGIC, chunk_size, os.urandom(8))
    aead = AESGCM(bytes(key))
    digest = hashlib.sha256()
    stepper = _Stepper(progress, cancel, _total(src))
    dst.write(header)
    # ``_chunks`` reads one ahead, so when the final chunk comes the digest can be finished and
    # bound into that chunk's associated data in the same single pass.
    for counter, (chunk, final) in enumerate(_chunks(src, chunk_size)):
        digest.update(chunk)
        sha256 = digest.hexdigest() if final else ""
        dst.write(aead.encrypt(header[-8:] + struct.pack(">I", counter), chunk, _file_aad(record_id, header, counter, final, sha256)))
        stepper.step(len(chunk))
    return digest.hexdigest()


def open_stream(src: BinaryIO, dst: BinaryIO, key: bytes, record_id: str, sha256: str,
                progress: Callable[[int, int | None], None] | None = None, cancel: Callable[[], bool] | None = None) -> int:
    """Open what ``seal_stream`` wrote, chunk by chunk, into ``dst``; returns the plaintext size.
    Truncation or a wrong ``sha256`` shows only at the end, so write ``dst`` to a temporary
    file and keep it only when this returns (on ``TamperedData`` discard it)."""
    _check_key(key)
    header = _read_full(src, _HEADER.size)
    if len(header) != _HEADER.size:
        raise TamperedData("a sealed file is too short", record=record_id)
    magic, chunk_size, prefix = _HEADER.unpack(header)
    if magic != FILE_MAGIC or not 0 < chunk_size <= _MAX_CHUNK:
        raise TamperedData("not a kmdesk sealed file", record=record_id)
    aead = AESGCM(bytes(key))
    stepper = _Stepper(progress, cancel, _total(src))
    size = 0
    for counter, (sealed, final) in enumerate(_chunks(src, chunk_size + TAG_SIZE)):
        aad = _file_aad(record_id, header, counter, final, sha256)
        try:
            chunk = aead.decrypt(prefix + struct.pack(">I", counter), sealed, aad)
        except (InvalidTag, ValueError):
            raise TamperedData("a sealed file failed authentication (changed, cut, reordered or moved)",
                               record=record_id, chunk=counter) from None
        dst.write(chunk)
        size += len(chunk)
        stepper.step(len(sealed))
    return size


def seal_chunks(chunks: Iterable[bytes | memoryview], key: bytes, aad: bytes, write: Callable[[bytes], object]) -> None:
    """The concatenation of ``chunks`` sealed under ``key`` (AES-256-GCM, nonce || ciphertext ||
    tag, what ``open_bytes`` opens), bound to ``aad``, handed to ``write`` a chunk at a time: for
    derived data held in memory, such as a profile's search index (75 MB at 100,000 records),
    which would otherwise be copied whole twice, once joined and once sealed."""
    _check_key(key)
    nonce = os.urandom(NONCE_SIZE)
    encryptor = Cipher(algorithms.AES(bytes(key)), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(aad)
    write(nonce)
    for chunk in chunks:
        write(encryptor.update(chunk))
    write(encryptor.finalize())
    write(encryptor.tag)


def open_chunks(source: BinaryIO, key: bytes, aad: bytes, size: int = 1 << 20) -> Iterator[bytes]:
    """What ``seal_chunks`` sealed into the file ``source``, a chunk of at most ``size`` bytes
    at a time, so that neither the sealed file nor its plaintext is held whole beside what the
    caller builds from it. The tag is checked after the last chunk: ``TamperedData`` is raised
    there, and the caller must use nothing it read before the stream ends."""
    _check_key(key)
    total = source.seek(0, os.SEEK_END)
    if total < NONCE_SIZE + TAG_SIZE:
        raise TamperedData("sealed data failed authentication")
    source.seek(total - TAG_SIZE)
    tag = source.read(TAG_SIZE)
    source.seek(0)
    nonce = source.read(NONCE_SIZE)
    decryptor = Cipher(algorithms.AES(bytes(key)), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(aad)
    left = total - NONCE_SIZE - TAG_SIZE
    while left:
        chunk = source.read(min(size, left))
        if not chunk:
            raise TamperedData("sealed data ends early")
        left -= len(chunk)
        yield decryptor.update(chunk)
    try:
        decryptor.finalize()
    except InvalidTag:
        raise TamperedData("sealed data failed authentication") from None


def open_bytes(blob: bytes, key: bytes, aad: bytes) -> bytes:
    """What ``seal_bytes`` sealed; ``TamperedData`` when the key, ``aad`` or bytes differ."""
    plaintext = _decrypt(key, blob, aad)
    if plaintext is None:
        raise TamperedData("sealed data failed authentication")
    return plaintext
