"""The search index of non-public records, sealed at rest for one profile.

Non-public text never reaches the on-disk search index (DESIGN §3). While a profile is unlocked
its readable non-public records are searched in an in-memory index; rebuilding it from the store
at every unlock would cost a decryption of each record. So the in-memory index's documents, their
texts already analysed into terms, are kept on disk *sealed* (Tantivy indexes them again at the
unlock, splitting them on spaces): AES-256-GCM under a key derived
(HKDF-SHA256) from the profile's private key, which exists only while the profile is unlocked,
and bound to the profile's name and the library's folder. At unlock the sealed index is opened
and brought up to date by revision: records changed, added or no longer readable since it was
sealed are re-indexed or dropped, the rest is used as it is. A sealed index that fails to open
(damaged, another schema, another key) is rebuilt from the store; it is derived data.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kmdesk.core.search import SearchIndex
from kmdesk.core.store import files
from kmdesk.core.trust import streams

FOLDER = "private-index"


def index_key(private_key: bytes) -> bytes:
    """The profile's index key: the private key never leaves ``Access``'s memory itself."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kmdesk/v1/private-index").derive(private_key)


def path(data_dir: Path, profile_id: int) -> Path:
    return data_dir / FOLDER / f"profile-{profile_id}.sealed"


def _aad(profile: str) -> bytes:
    return b"kmdesk/v1/private-index\x00" + profile.encode("utf-8")


def load(where: Path, key: bytes, profile: str) -> SearchIndex | None:
    """The sealed index at ``where``, or None when there is none or it cannot be opened. It is
    decrypted as it is read, a megabyte at a time, into the index's files (nothing held twice)."""
    try:
        with where.open("rb") as sealed:
            return SearchIndex.from_chunks(streams.open_chunks(sealed, key, _aad(profile)))
    except OSError:
        return None


def save(index: SearchIndex, where: Path, key: bytes, profile: str) -> None:
    """Seal ``index`` to ``where`` (written whole or not at all; plaintext stays in memory)."""
    where.parent.mkdir(parents=True, exist_ok=True)
    files.write_atomically(where, lambda fh: streams.seal_chunks(index.to_chunks(), key, _aad(profile), fh.write))
