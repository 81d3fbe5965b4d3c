"""Sealed files and sealed streams: attachments, and derived data held in memory.

A sealed file: header = FILE_MAGIC || chunk size (4, big-endian) || random prefix (8), then
chunks of ``chunk size`` plaintext bytes (the last one shorter, possibly empty), each
AES-GCM(nonce = prefix || counter) with associated data = record id, header, counter and a
final flag; the final chunk's associated data also holds the plaintext's SHA-256. A chunk
moved, dropped, duplicated or cut off, or a file moved to another record, fails its tag.
A 2 GB video is sealed and opened one chunk at a time, never held in memory.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kmdesk.core.errors import Cancelled, TamperedData
from kmdesk.core.trust.aead import NONCE_SIZE, TAG_SIZE, aad, check_key, decrypt

FILE_MAGIC = b"KMF1"
CHUNK_SIZE = 1024 * 1024
_MAX_CHUNK = 64 * 1024 * 1024
_HEADER = struct.Struct(">4sI8s")


def _file_aad(record_id: str, header: bytes, counter: int, final: bool, sha256: str) -> bytes:
    return aad("file", record_id, sha256 if final else "") + header + struct.pack(">IB", counter, final)
class Readable(Protocol):
    """What a stream is read through: a file, a pipe, a zip entry or a counting wrapper."""

    def read(self, size: int = -1, /) -> bytes: ...


class Writable(Protocol):
    """What a stream is written to: a file, a zip entry or a hashing wrapper."""

    def write(self, data: bytes, /) -> int: ...


def _read_full(src: Readable, size: int) -> bytes:
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


def _total(src: Readable) -> int | None:
    """Bytes left to read when ``src`` can seek; None for a pipe or a wrapper that cannot."""
    try:
        here = src.tell()  # type: ignore[attr-defined]
        end = src.seek(0, os.SEEK_END)  # type: ignore[attr-defined]
        src.seek(here)  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return None
    return int(end - here)


def _chunks(src: Readable, size: int) -> Iterator[tuple[bytes, bool]]:
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


def seal_stream(src: Readable, dst: Writable, key: bytes, record_id: str,
                progress: Callable[[int, int | None], None] | None = None, cancel: Callable[[], bool] | None = None,
                *, chunk_size: int = CHUNK_SIZE) -> str:
    """Seal ``src`` into ``dst`` one chunk at a time (a 2 GB video never sits in memory) and
    return the plaintext's SHA-256 (hex), which is bound into the last chunk: keep it with the
    attachment and give it to ``open_stream``. ``progress(done_bytes, total_or_None)`` follows
    each chunk; ``cancel()`` returning true raises ``Cancelled`` (discard ``dst``)."""
    check_key(key)
    if not 0 < chunk_size <= _MAX_CHUNK:
        raise ValueError(f"chunk size must be between 1 and {_MAX_CHUNK} bytes")
    header = _HEADER.pack(FILE_MAGIC, chunk_size, os.urandom(8))
    cipher = AESGCM(bytes(key))
    digest = hashlib.sha256()
    stepper = _Stepper(progress, cancel, _total(src))
    dst.write(header)
    # ``_chunks`` reads one ahead, so when the final chunk comes the digest can be finished and
    # bound into that chunk's associated data in the same single pass.
    for counter, (chunk, final) in enumerate(_chunks(src, chunk_size)):
        digest.update(chunk)
        sha256 = digest.hexdigest() if final else ""
        dst.write(cipher.encrypt(header[-8:] + struct.pack(">I", counter), chunk, _file_aad(record_id, header, counter, final, sha256)))
        stepper.step(len(chunk))
    return digest.hexdigest()


def open_stream(src: Readable, dst: Writable, key: bytes, record_id: str, sha256: str,
                progress: Callable[[int, int | None], None] | None = None, cancel: Callable[[], bool] | None = None) -> int:
    """Open what ``seal_stream`` wrote, chunk by chunk, into ``dst``; returns the plaintext size.
    Truncation or a wrong ``sha256`` shows only at the end, so write ``dst`` to a temporary
    file and keep it only when this returns (on ``TamperedData`` discard it)."""
    check_key(key)
    header = _read_full(src, _HEADER.size)
    if len(header) != _HEADER.size:
        raise TamperedData("a sealed file is too short", record=record_id)
    magic, chunk_size, prefix = _HEADER.unpack(header)
    if magic != FILE_MAGIC or not 0 < chunk_size <= _MAX_CHUNK:
        raise TamperedData("not a kmdesk sealed file", record=record_id)
    cipher = AESGCM(bytes(key))
    stepper = _Stepper(progress, cancel, _total(src))
    size = 0
    for counter, (sealed, final) in enumerate(_chunks(src, chunk_size + TAG_SIZE)):
        try:
            chunk = cipher.decrypt(prefix + struct.pack(">I", counter), sealed,
                                   _file_aad(record_id, header, counter, final, sha256))
        except (InvalidTag, ValueError):
            raise TamperedData("a sealed file failed authentication (changed, cut, reordered or moved)",
                               record=record_id, chunk=counter) from None
        dst.write(chunk)
        size += len(chunk)
        stepper.step(len(sealed))
    return size


def seal_chunks(chunks: Iterable[bytes | memoryview], key: bytes, associated: bytes, write: Callable[[bytes], object]) -> None:
    """The concatenation of ``chunks`` sealed under ``key`` (AES-256-GCM, nonce || ciphertext ||
    tag, what ``open_bytes`` opens), bound to ``associated``, handed to ``write`` a chunk at a time: for
    derived data held in memory, such as a profile's search index (75 MB at 100,000 records),
    which would otherwise be copied whole twice, once joined and once sealed."""
    check_key(key)
    nonce = os.urandom(NONCE_SIZE)
    encryptor = Cipher(algorithms.AES(bytes(key)), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(associated)
    write(nonce)
    for chunk in chunks:
        write(encryptor.update(chunk))
    write(encryptor.finalize())
    write(encryptor.tag)


def open_chunks(source: BinaryIO, key: bytes, associated: bytes, size: int = 1 << 20) -> Iterator[bytes]:
    """What ``seal_chunks`` sealed into the file ``source``, a chunk of at most ``size`` bytes
    at a time, so that neither the sealed file nor its plaintext is held whole beside what the
    caller builds from it. The tag is checked after the last chunk: ``TamperedData`` is raised
    there, and the caller must use nothing it read before the stream ends."""
    check_key(key)
    total = source.seek(0, os.SEEK_END)
    if total < NONCE_SIZE + TAG_SIZE:
        raise TamperedData("sealed data failed authentication")
    source.seek(total - TAG_SIZE)
    tag = source.read(TAG_SIZE)
    source.seek(0)
    nonce = source.read(NONCE_SIZE)
    decryptor = Cipher(algorithms.AES(bytes(key)), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(associated)
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


def open_bytes(blob: bytes, key: bytes, associated: bytes) -> bytes:
    """What ``seal_chunks`` sealed, held whole; ``TamperedData`` when the key, ``associated`` or
    bytes differ."""
    plaintext = decrypt(key, blob, associated)
    if plaintext is None:
        raise TamperedData("sealed data failed authentication")
    return plaintext
