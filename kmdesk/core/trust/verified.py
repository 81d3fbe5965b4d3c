"""Signatures already checked, remembered across runs outside the library's folder.

Checking a row's Ed25519 signature costs about 150 µs, and a window shows 40 rows a page: every
row seen for the first time in a process was checked again, though nothing about it changed
since the last run checked it. An Ed25519 check is a pure function of (public key, signature,
message), so what passed once passes forever; only who the key belongs to, and whether that
member may sign the row, can change, and those ``rows.Verifier`` decides anew at every read.

So a check that passed is remembered as a tag: a keyed BLAKE2b of the key, the signature and
the signed bytes, under a secret kept beside the rollback witness in the user's state
directory (``paths.state_dir``), which that person alone writes. Someone who can write the
library's folder cannot make a tag for a row they changed: a row changed in any way signs other
bytes, has no tag, and is checked in full (and refused, named, as before). Only messages made
of what the folder already holds are remembered (a row's stored columns, never opened text),
so the tags say nothing the folder does not. A state directory that cannot be read or written
only loses the memory: every signature is then checked, as before.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from array import array
from bisect import bisect_left
from itertools import chain
from pathlib import Path

from kmdesk.core import paths
from kmdesk.core.trust import signatures

TAG = 16                # bytes of a tag on disk: 2^-128 to hit one without the secret
HELD = 8                # bytes of a tag held in memory: still 2^-64 per try without the secret
SECRET = 32
LIMIT = 500_000         # tags kept (8 MB on disk; 30 MB in memory as read, 4 MB as remembered here) before it starts over
FLUSH = 4096            # new tags written out at once
RECENT = 65_536         # new tags held in a set (about 60 bytes each) before they join the sorted array


def _place(library_id: str) -> Path:
    """The files of one library (its id is read from its folder: hashed, never a path)."""
    return paths.state_dir() / "verified" / hashlib.sha256(library_id.encode("utf-8")).hexdigest()[:32]


def _secret(place: Path) -> bytes | None:
    """This library's secret, made once (written aside, then linked: two processes that make it
    at once keep one); None when the state directory cannot hold it."""
    key_file = place.with_suffix(".key")
    try:
        found = key_file.read_bytes()
        if len(found) == SECRET:
            return found
        key_file.unlink()  # damaged: made anew, and the tags under it go
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fresh = key_file.with_suffix(f".{os.getpid()}.new")
        handle = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(os.urandom(SECRET))
        try:
            os.link(fresh, key_file)
            place.with_suffix(".tags").unlink(missing_ok=True)  # tags under another secret mean nothing
        except FileExistsError:
            pass  # another process made it first: its secret is the one
        finally:
            fresh.unlink()
        found = key_file.read_bytes()
    except OSError:
        return None
    return found if len(found) == SECRET else None


def _rewrite(tags_file: Path, data: bytes) -> bool:
    """The tags file written anew with ``data`` (aside, then renamed); False if it cannot be."""
    fresh = tags_file.with_suffix(f".{os.getpid()}.new")
    try:
        handle = os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(fresh, tags_file)
    except OSError:
        return False
    return True


class Verified:
    """``signatures.verify`` for rows, remembering what passed (``passed``). With no library id
    (a library from before its id) or no usable state directory, it remembers in memory only."""

    def __init__(self, library_id: str | None) -> None:
        self._lock = threading.Lock()
        self._new: list[bytes] = []
        # a tag's first HELD bytes as a number: the tags read from disk in a set (60 bytes each,
        # made in C: sorting them would cost an open twice as much), those remembered since in a
        # sorted array (8 bytes each: an import remembers three a record), the newest in a small set
        self._read: set[int] = set()
        self._sorted = array("Q")
        self._recent: set[int] = set()
        self._merging: set[int] | None = None  # the set being merged into the array (outside the lock)
        place = _place(library_id) if library_id else None
        secret = _secret(place) if place else None
        self._file = place.with_suffix(".tags") if place and secret else None
        self._secret = secret or os.urandom(SECRET)
        if self._file is not None:
            try:
                data = self._file.read_bytes()
            except OSError:
                data = b""
            if len(data) // TAG > LIMIT or len(data) % TAG:  # too many, or a cut tag that misaligns the rest
                data = data[:len(data) - len(data) % TAG] if len(data) // TAG <= LIMIT else b""
                if not _rewrite(self._file, data):
                    self._file = None  # remembered in memory only
            self._read = set(memoryview(data).cast("Q")[::TAG // HELD])  # each tag's first HELD bytes

    def _tag(self, parts: tuple[bytes, ...]) -> bytes:
        mac = hashlib.blake2b(key=self._secret, digest_size=TAG, person=b"kmdesk/verified")
        for part in parts:
            mac.update(len(part).to_bytes(8, "big") + part)
        return mac.digest()

    @staticmethod
    def _number(tag: bytes) -> int:
        return int.from_bytes(tag[:HELD], sys.byteorder)

    def _holds(self, held: int) -> bool:
        if held in self._read or held in self._recent or (self._merging is not None and held in self._merging):
            return True
        at = bisect_left(self._sorted, held)
        return at < len(self._sorted) and self._sorted[at] == held

    def known(self, *parts: bytes) -> bool:
        """Whether ``remember`` was told these parts, in this run or an earlier one."""
        held = self._number(self._tag(parts))
        with self._lock:
            return self._holds(held)

    def remember(self, *parts: bytes) -> None:
        """Remember a check that passed over exactly these parts (the first names what passed).
        They must hold nothing the library's folder does not (no opened text)."""
        tag = self._tag(parts)
        held = self._number(tag)
        with self._lock:
            if self._holds(held):
                return
            self._recent.add(held)
            self._new.append(tag)
            full = len(self._new) >= FLUSH
            merging, base = None, self._sorted
            if len(self._recent) >= RECENT and self._merging is None:
                merging = self._merging = self._recent
                self._recent = set()
        if merging is not None:  # two sorted runs (Python's sort merges them in one pass), unlocked:
            merged = array("Q", sorted(chain(base, sorted(merging))))  # up to 0.1 s at the cap
            with self._lock:
                self._sorted, self._merging = merged, None
        if full:
            self.flush()

    def passed(self, public_key: bytes, signature: bytes, message: bytes) -> bool:
        """Whether ``signature`` is ``public_key``'s over ``message`` (``signatures.verify``),
        checked only when no earlier check of the same three passed."""
        parts = (b"ed25519", bytes(public_key), bytes(signature), message)
        if self.known(*parts):
            return True
        if not signatures.verify(public_key, signature, message):
            return False
        self.remember(*parts)
        return True

    def made(self, public_key: bytes, signature: bytes, message: bytes) -> None:
        """A signature this process just made over ``message`` (``row_signing``): it holds by
        construction, so the first read of the row written with it need not check it."""
        self.remember(b"ed25519", bytes(public_key), bytes(signature), message)

    def flush(self) -> None:
        """Write out the tags not written yet (appended: other processes append theirs too)."""
        with self._lock:
            new, self._new = self._new, []
        if not new or self._file is None:
            return
        try:
            handle = os.open(self._file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(handle, "wb") as out:
                out.write(b"".join(new))
        except OSError:
            pass  # only the memory is lost
