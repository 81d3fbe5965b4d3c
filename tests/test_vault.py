"""The vault: passphrases, wrapped keys, sealed fields and files, and what tampering looks like."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import tracemalloc

import pytest

from kmdesk.core.errors import Cancelled, TamperedData, WrongPassphrase
from kmdesk.core.trust import aead, kdf, sealing, streams, wrapping

RID = "7d0c6f9e-2c1a-4c0e-9a57-0d7a3e6c1b22"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch):
    monkeypatch.setenv(kdf.FAST_KDF_ENV, "1")


def flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1:]


def token_body(token: str) -> bytes:
    """The bytes of a sealed token: unpadded URL-safe base64 after its prefix."""
    text = token[len(sealing.TOKEN_PREFIX):]
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def flip_token(token: str, index: int) -> str:
    return sealing.TOKEN_PREFIX + base64.urlsafe_b64encode(flip(token_body(token), index)).rstrip(b"=").decode("ascii")


# -- key derivation -------------------------------------------------------------------------
def test_argon2id_is_used_when_available():
    params = kdf.KdfParams.default()
    assert kdf.argon2id_available()  # cryptography 50 with a recent OpenSSL
    assert params.algorithm == "argon2id" and len(params.salt) >= 16


def test_scrypt_when_argon2id_is_missing(monkeypatch):
    monkeypatch.setattr(kdf, "argon2id_available", lambda: False)
    params = kdf.KdfParams.default()
    assert params.algorithm == "scrypt"
    assert len(kdf.derive_key("passphrase", params)) == 32


def test_strong_defaults_unless_fast_is_asked_for(monkeypatch):
    monkeypatch.delenv(kdf.FAST_KDF_ENV)
    strong = kdf.KdfParams.default()
    assert strong.memory >= 64 * 1024 and strong.iterations >= 3
    monkeypatch.setenv(kdf.FAST_KDF_ENV, "1")
    fast = kdf.KdfParams.default()
    assert kdf.needs_upgrade(fast) is False
    monkeypatch.delenv(kdf.FAST_KDF_ENV)
    assert kdf.needs_upgrade(fast) is True
    assert kdf.needs_upgrade(strong) is False


def test_scrypt_params_need_upgrade_once_argon2id_is_there(monkeypatch):
    monkeypatch.setattr(kdf, "argon2id_available", lambda: False)
    scrypt = kdf.KdfParams.default()
    monkeypatch.undo()
    monkeypatch.setenv(kdf.FAST_KDF_ENV, "1")
    assert kdf.needs_upgrade(scrypt)


@pytest.mark.parametrize("algorithm", ["argon2id", "scrypt"])
def test_params_round_trip_and_derive_the_same_key(monkeypatch, algorithm):
    if algorithm == "scrypt":
        monkeypatch.setattr(kdf, "argon2id_available", lambda: False)
    params = kdf.KdfParams.default()
    stored = params.to_dict()
    assert stored["algorithm"] == algorithm
    again = kdf.KdfParams.from_dict(stored)
    assert again == params
    assert kdf.derive_key("correct horse", again) == kdf.derive_key("correct horse", params)
    assert kdf.derive_key("correct horse", params) != kdf.derive_key("correct horse!", params)


@pytest.mark.parametrize("change", [{"algorithm": "md5"}, {"salt": "c2hvcnQ"}, {"memory": 10**12}, {"lanes": 0}, {"memory": None}])
def test_damaged_params_fail_clearly(change):
    stored = {**kdf.KdfParams.default().to_dict(), **change}
    with pytest.raises(TamperedData):
        kdf.KdfParams.from_dict(stored)


def test_wrong_passphrase():
    params = kdf.KdfParams.default()
    data_key = aead.new_data_key()
    aad = wrapping.member_aad(3, 7)
    wrapped = wrapping.wrap_key(data_key, kdf.derive_key("right passphrase", params), aad)
    assert wrapping.unwrap_key(wrapped, kdf.derive_key("right passphrase", params), aad) == data_key
    with pytest.raises(WrongPassphrase) as info:
        wrapping.unwrap_key(wrapped, kdf.derive_key("wrong passphrase", params), aad)
    assert info.value.code == "wrong_passphrase"


# -- wrapped keys ---------------------------------------------------------------------------
def test_wrapped_key_cannot_move_between_members_or_protocols():
    kek = aead.new_data_key()
    wrapped = wrapping.wrap_key(aead.new_data_key(), kek, wrapping.member_aad(3, 7))
    for aad in (wrapping.member_aad(3, 8), wrapping.member_aad(4, 7), wrapping.member_aad(37, "")):
        with pytest.raises(TamperedData):
            wrapping.unwrap_key(wrapped, kek, aad)
    with pytest.raises(TamperedData):
        wrapping.unwrap_key(flip(wrapped, 20), kek, wrapping.member_aad(3, 7))
    with pytest.raises(TamperedData):
        wrapping.unwrap_key(wrapped[:10], kek, wrapping.member_aad(3, 7))


def test_wrap_for_a_public_key():
    private, public = wrapping.new_keypair()
    other_private, _ = wrapping.new_keypair()
    key = aead.new_data_key()
    wrapped = wrapping.wrap_for(key, public, b"kmdesk/test")
    assert wrapping.unwrap_for(wrapped, private, b"kmdesk/test") == key
    for bad in (lambda: wrapping.unwrap_for(wrapped, other_private, b"kmdesk/test"),
                lambda: wrapping.unwrap_for(wrapped, private, b"kmdesk/other"),
                lambda: wrapping.unwrap_for(flip(wrapped, 40), private, b"kmdesk/test"),
                lambda: wrapping.unwrap_for(wrapped[:20], private, b"kmdesk/test")):
        with pytest.raises(TamperedData):
            bad()


def test_record_key_any_and_all():
    record_key = aead.new_data_key()
    weavers, healers = aead.new_data_key(), aead.new_data_key()
    # sharing "any": one wrap per protocol, each opens it alone
    for protocol_id, key in ((1, weavers), (2, healers)):
        wrapped = wrapping.wrap_record_key(record_key, key, RID, protocol_id)
        assert wrapping.unwrap_record_key(wrapped, key, RID, protocol_id) == record_key
        with pytest.raises(TamperedData):
            wrapping.unwrap_record_key(wrapped, key, "another-record", protocol_id)
    # sharing "all": one wrap under the combination, no single key opens it
    combined = kdf.combine_keys([weavers, healers])
    assert combined == kdf.combine_keys([healers, weavers])
    wrapped = wrapping.wrap_record_key(record_key, combined, RID, "1,2")
    assert wrapping.unwrap_record_key(wrapped, kdf.combine_keys([healers, weavers]), RID, "1,2") == record_key
    for partial in ([weavers], [healers], [weavers, aead.new_data_key()]):
        with pytest.raises(TamperedData):
            wrapping.unwrap_record_key(wrapped, kdf.combine_keys(partial), RID, "1,2")
    with pytest.raises(TamperedData):
        wrapping.unwrap_record_key(wrapped, weavers, RID, "1,2")


def test_combine_keys_needs_real_keys():
    with pytest.raises(ValueError):
        kdf.combine_keys([])
    with pytest.raises(ValueError):
        kdf.combine_keys([b"short"])


# -- fields ---------------------------------------------------------------------------------
def test_field_round_trip_and_format():
    key = aead.new_data_key()
    token = sealing.seal_text("Recetas de tinte de q'olle — ñ", key, RID, "body")
    assert token.startswith("kmv1:") and "=" not in token and "Recetas" not in token
    assert sealing.open_text(token, key, RID, "body") == "Recetas de tinte de q'olle — ñ"
    assert sealing.seal_text("same", key, RID, "body") != sealing.seal_text("same", key, RID, "body")  # fresh nonce
    text = {"en": "Potato seed exchange", "quz": "Papa muhu"}
    assert sealing.open_json(sealing.seal_json(text, key, RID, "title"), key, RID, "title") == text


def test_tampered_or_moved_field_tokens():
    key = aead.new_data_key()
    token = sealing.seal_text("knowledge of the weavers", key, RID, "body")
    body_len = len(token_body(token))
    attempts = [
        lambda: sealing.open_text(flip_token(token, 0), key, RID, "body"),  # nonce
        lambda: sealing.open_text(flip_token(token, 15), key, RID, "body"),  # ciphertext
        lambda: sealing.open_text(flip_token(token, body_len - 1), key, RID, "body"),  # tag
        lambda: sealing.open_text(token, key, "another-record", "body"),
        lambda: sealing.open_text(token, key, RID, "summary"),
        lambda: sealing.open_text(token, aead.new_data_key(), RID, "body"),
        lambda: sealing.open_json(token, key, RID, "body"),  # a text token is not JSON
        lambda: sealing.open_text(token[:-4], key, RID, "body"),
        lambda: sealing.open_text("kmv2:" + token[5:], key, RID, "body"),
        lambda: sealing.open_text("kmv1:!!not base64!!", key, RID, "body"),
        lambda: sealing.open_text("kmv1:", key, RID, "body"),
        lambda: sealing.open_text(None, key, RID, "body"),  # type: ignore[arg-type]
    ]
    for attempt in attempts:
        with pytest.raises(TamperedData) as info:
            attempt()
        assert info.value.code == "tampered_data"


def test_aad_parts_cannot_be_shifted():
    key = aead.new_data_key()
    token = sealing.seal_text("x", key, "a/b", "c")
    with pytest.raises(TamperedData):
        sealing.open_text(token, key, "a", "b/c")


def test_rotation_and_reseal():
    old_key = aead.new_data_key()
    new_key = wrapping.rotate(old_key)
    assert new_key != old_key and len(new_key) == 32
    token = sealing.seal_text("seed calendar", old_key, RID, "body")
    resealed = sealing.reseal_text(token, old_key, new_key, RID, "body")
    assert sealing.open_text(resealed, new_key, RID, "body") == "seed calendar"
    with pytest.raises(TamperedData):
        sealing.open_text(resealed, old_key, RID, "body")  # the removed member's key opens nothing new
    kek = aead.new_data_key()
    old_wrapped = wrapping.wrap_key(old_key, kek, wrapping.member_aad(1, 2))
    assert wrapping.unwrap_key(old_wrapped, kek, wrapping.member_aad(1, 2)) != new_key


# -- files ----------------------------------------------------------------------------------
def seal_bytes(data: bytes, key: bytes, chunk_size: int = 1024, record_id: str = RID) -> tuple[bytes, str]:
    out = io.BytesIO()
    sha = streams.seal_stream(io.BytesIO(data), out, key, record_id, chunk_size=chunk_size)
    return out.getvalue(), sha


def open_bytes(sealed: bytes, key: bytes, sha: str, record_id: str = RID) -> bytes:
    out = io.BytesIO()
    size = streams.open_stream(io.BytesIO(sealed), out, key, record_id, sha)
    assert size == len(out.getvalue())
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, 1023, 1024, 1025, 4096, 5000])
def test_file_round_trip_at_chunk_edges(size):
    key = aead.new_data_key()
    data = os.urandom(size)
    sealed, sha = seal_bytes(data, key)
    assert sha == hashlib.sha256(data).hexdigest()
    assert open_bytes(sealed, key, sha) == data


def tamper_cases() -> dict[str, object]:
    """Ways to damage a sealed file of 5 chunks (1 KiB plaintext each, the last 100 bytes)."""
    header, block = 16, 1024 + 16

    def chunks(sealed: bytes) -> list[bytes]:
        return [sealed[header + i * block: header + (i + 1) * block] for i in range(5)]

    return {
        "bit in chunk": lambda s: flip(s, header + block + 100),
        "bit in tag": lambda s: flip(s, header + block - 1),
        "bit in header": lambda s: flip(s, 10),
        "bit in size field": lambda s: flip(s, 6),
        "truncated at a chunk": lambda s: s[: header + 3 * block],
        "truncated mid chunk": lambda s: s[:-7],
        "header only": lambda s: s[:header],
        "too short": lambda s: s[:5],
        "swapped chunks": lambda s: s[:header] + chunks(s)[1] + chunks(s)[0] + b"".join(chunks(s)[2:]),
        "duplicated chunk": lambda s: s[:header] + chunks(s)[0] + b"".join(chunks(s)),
        "dropped chunk": lambda s: s[:header] + chunks(s)[0] + b"".join(chunks(s)[2:]),
        "appended bytes": lambda s: s + bytes(16),
        "not a sealed file": lambda s: b"PK\x03\x04" + s[4:],
    }


@pytest.mark.parametrize("case", sorted(tamper_cases()))
def test_tampered_files(case):
    key = aead.new_data_key()
    data = os.urandom(4 * 1024 + 100)
    sealed, sha = seal_bytes(data, key)
    with pytest.raises(TamperedData) as info:
        open_bytes(tamper_cases()[case](sealed), key, sha)  # type: ignore[operator]
    assert info.value.code == "tampered_data"


def test_sealed_file_is_bound_to_record_attachment_and_key():
    key = aead.new_data_key()
    sealed, sha = seal_bytes(os.urandom(3000), key)
    with pytest.raises(TamperedData):
        open_bytes(sealed, key, sha, record_id="another-record")
    with pytest.raises(TamperedData):
        open_bytes(sealed, key, hashlib.sha256(b"another attachment").hexdigest())
    with pytest.raises(TamperedData):
        open_bytes(sealed, aead.new_data_key(), sha)


class CountingReader(io.RawIOBase):
    """A file-like source that makes its bytes on demand and remembers the largest read, so
    the test knows the sealer streamed instead of reading everything at once."""

    def __init__(self, size: int) -> None:
        self.remaining = size
        self.largest = 0
        self.digest = hashlib.sha256()
        self.counter = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = self.remaining if size < 0 else min(size, self.remaining)
        self.largest = max(self.largest, size)
        data = hashlib.sha256(self.counter.to_bytes(8, "big")).digest() * (size // 32 + 1)
        data = data[:size]
        self.counter += 1
        self.remaining -= size
        self.digest.update(data)
        return data


def test_50_mb_file_streams_in_chunks(tmp_path):
    key = aead.new_data_key()
    size = 50 * 1024 * 1024
    source = CountingReader(size)
    sealed_path = tmp_path / "video.sealed"
    calls: list[tuple[int, int | None]] = []
    tracemalloc.start()
    try:
        with sealed_path.open("wb") as out:
            sha = streams.seal_stream(source, out, key, RID, progress=lambda done, total: calls.append((done, total)))
        _, peak_seal = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        digest = hashlib.sha256()

        class Sink(io.RawIOBase):
            def writable(self) -> bool:
                return True

            def write(self, data) -> int:  # type: ignore[override]
                digest.update(data)
                return len(data)

        with sealed_path.open("rb") as src:
            opened = streams.open_stream(src, Sink(), key, RID, sha)
        _, peak_open = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sha == source.digest.hexdigest() == digest.hexdigest() and opened == size
    assert source.largest <= streams.CHUNK_SIZE
    assert len(calls) == 50 and calls[-1][0] == size  # one progress step per 1 MiB chunk
    assert sealed_path.stat().st_size == 16 + size + 50 * 16
    assert peak_seal < 8 * 1024 * 1024 and peak_open < 8 * 1024 * 1024  # a few chunks, never the file


def test_cancel_stops_sealing():
    key = aead.new_data_key()
    steps = []
    with pytest.raises(Cancelled):
        streams.seal_stream(io.BytesIO(os.urandom(10_000)), io.BytesIO(), key, RID, progress=lambda d, t: steps.append(d),
                            cancel=lambda: len(steps) >= 2, chunk_size=1024)
    assert steps == [1024, 2048]


def test_progress_knows_the_total_of_a_seekable_source():
    seen = []
    streams.seal_stream(io.BytesIO(b"x" * 3000), io.BytesIO(), aead.new_data_key(), RID,
                        progress=lambda done, total: seen.append((done, total)), chunk_size=1024)
    assert seen == [(1024, 3000), (2048, 3000), (3000, 3000)]
