"""Keys wrapped under other keys: what makes "only the community can read it" true on disk.

- **Profile key pair.** Each profile has an X25519 key pair (``new_keypair``); its private key is
  wrapped by the passphrase KEK (``kdf.derive_key``). Anyone can then hand a key to a member who
  is not at the keyboard (``wrap_for`` the member's public key); a passphrase change re-wraps
  one value.
- **Protocol data keys.** Each protocol has a random 256-bit data key (``aead.new_data_key``),
  wrapped once per member. The wrap's associated data names the protocol and the member
  (``member_aad``), so a wrapped key copied onto another membership row does not open.
- **Record keys.** Each non-public record has its own random key; its text, history and files
  are sealed with it (``sealing``, ``streams``). The record key is wrapped
  (``wrap_record_key``) under:

  - each listed protocol's key when the record's sharing is ``any`` (any one key opens it);
  - ``kdf.combine_keys`` of all listed protocols' keys when sharing is ``all``: HKDF over the
    sorted keys, so the wrapping key exists only for someone holding every one of them;
  - the community's members protocol for ``community`` records;
  - each named custodian's public key (``wrap_for``) for ``sacred`` records.

  Removing a member therefore means: new protocol key (``rotate``), new record keys, re-seal.
  The removed member's old keys open nothing written after.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kmdesk.core.errors import TamperedData, WrongPassphrase
from kmdesk.core.trust.aead import KEY_SIZE, aad, check_key, decrypt, encrypt, new_data_key
from kmdesk.core.trust.kdf import PassphraseKey


def rotate(old_key: bytes) -> bytes:
    """The key that replaces ``old_key`` after a member leaves: unrelated random bytes, on
    purpose; the old key is taken only so call sites read as what they mean."""
    check_key(old_key)
    return new_data_key()


def new_keypair() -> tuple[bytes, bytes]:
    """A profile's X25519 key pair as raw bytes: (private, public)."""
    private = X25519PrivateKey.generate()
    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return raw, private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def member_aad(protocol_id: int | str, member_id: int | str) -> bytes:
    """Associated data for a protocol key wrapped for one member."""
    return aad("member", str(protocol_id), str(member_id))


def wrap_key(data_key: bytes, kek: bytes, associated: bytes) -> bytes:
    """``data_key`` sealed under ``kek`` (AES-256-GCM, nonce || ciphertext). ``associated`` says
    whose and for what (e.g. ``member_aad``), so the wrapped key cannot be moved elsewhere."""
    check_key(data_key)
    return encrypt(kek, bytes(data_key), associated)


def unwrap_key(wrapped: bytes, kek: bytes, associated: bytes) -> bytes:
    """The key ``wrap_key`` sealed. Raises ``WrongPassphrase`` when ``kek`` came from
    ``derive_key``, else ``TamperedData`` (wrong key, wrong ``associated`` or damaged bytes)."""
    key = decrypt(kek, bytes(wrapped), associated)
    if key is None or len(key) != KEY_SIZE:
        if isinstance(kek, PassphraseKey):
            raise WrongPassphrase()
        raise TamperedData("a wrapped key does not open with this key")
    return key


def _x25519_kek(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=ephemeral_public + recipient_public,
                info=b"kmdesk/v1/wrap-for").derive(shared)


def wrap_for(data_key: bytes, public_key: bytes, associated: bytes) -> bytes:
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
    return eph_public + wrap_key(data_key, kek, associated)


def unwrap_for(wrapped: bytes, private_key: bytes, associated: bytes) -> bytes:
    """The key ``wrap_for`` wrapped, opened with the profile's private key."""
    wrapped = bytes(wrapped)
    try:
        private = X25519PrivateKey.from_private_bytes(bytes(private_key))
        shared = private.exchange(X25519PublicKey.from_public_bytes(wrapped[:32]))
    except ValueError:
        raise TamperedData("a key wrapped for a profile is malformed") from None
    own_public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return unwrap_key(wrapped[32:], _x25519_kek(shared, wrapped[:32], own_public), associated)


def wrap_record_key(record_key: bytes, protocol_key: bytes, record_id: str, protocol_id: int | str) -> bytes:
    """A record's key wrapped under one protocol's key (or ``combine_keys`` of several, with a
    ``protocol_id`` naming them all, e.g. ``"3,7"``), bound to that record and holder."""
    return wrap_key(record_key, protocol_key, aad("record-key", record_id, str(protocol_id)))


def unwrap_record_key(wrapped: bytes, protocol_key: bytes, record_id: str, protocol_id: int | str) -> bytes:
    """What ``wrap_record_key`` wrapped, under the same record and holder only."""
    return unwrap_key(wrapped, protocol_key, aad("record-key", record_id, str(protocol_id)))
