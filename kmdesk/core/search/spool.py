"""The analysed documents of the private index, kept until it is sealed, out of memory.

An unlocked profile's private index keeps each document's JSON line, to be sealed at lock
(``SearchIndex.to_chunks``): 3.7 KB a restricted record, 37 MB at 10,000, which an import held
to its end and a session for its whole length (bench/README.md, "Issue 25, stop 23"). Here the
lines go, 64 KB at a time, into an anonymous temporary file, each block sealed with AES-256-GCM
under a key that exists only in this object's memory: what reaches the disk is ciphertext no
one can open once the process is gone, and the file is deleted on close (on Linux it never has
a name). It is made in the user's state folder (``paths.state_dir``), on the machine's own disk:
not in the library's folder, which may be a USB stick written through (Windows' "quick removal"),
nor in the system's temporary folder, often a RAM disk where the bytes would only have moved out
of the process's count. Where the state folder cannot be written, the temporary folder serves;
where no file can be written (a full disk), the sealed blocks stay in memory, as the lines did.
"""

from __future__ import annotations

import tempfile
import threading
import weakref
from array import array
from collections.abc import Iterable, Iterator
from typing import IO, NamedTuple

from kmdesk.core import paths
from kmdesk.core.errors import TamperedData
from kmdesk.core.trust import aead

_BLOCK = 64 * 1024  # a line's block is read whole: small enough to be cheap, large enough to seal rarely


class Place(NamedTuple):
    """Where a line is: its block (the last one: still open, in memory), its offset and length."""

    block: int
    start: int
    length: int


class Spool:
    """Lines appended and read back by ``Place``; thread-safe (a seal reads while a batch adds)."""

    def __init__(self) -> None:
        self._key = aead.new_data_key()
        self._file = _temporary()
        if self._file is not None:
            weakref.finalize(self, self._file.close)  # when the index lets go of it, not before a seal reading it
        self._held: dict[int, bytes] = {}  # sealed blocks no file could take (a full disk)
        self._lock = threading.Lock()
        self._starts = array("q")  # each sealed block's offset in the file, then the file's end
        self._starts.append(0)
        self._open: list[bytes] = []  # the block being filled, in memory until it is sealed
        self._open_size = 0
        self._opened: tuple[int, bytes] | None = None  # the block last read, decrypted
        self.live = 0  # bytes of the lines still kept (``discard`` takes a line back)
        self.dead = 0

    def add(self, line: bytes) -> Place:
        with self._lock:
            if self._open_size >= _BLOCK:
                self._seal()
            place = Place(len(self._starts) - 1, self._open_size, len(line))
            self._open.append(line)
            self._open_size += len(line)
            self.live += len(line)
            return place

    def discard(self, place: Place) -> None:
        """A line no longer kept: its bytes stay in the file until the index copies the spool."""
        with self._lock:
            self.live -= place.length
            self.dead += place.length

    def read(self, places: Iterable[Place]) -> Iterator[bytes]:
        """The lines at ``places``, in that order (lines of one block in a row decrypt it once)."""
        for place in places:
            block = self._block(place.block)
            yield block[place.start:place.start + place.length]

    def _block(self, number: int) -> bytes:
        with self._lock:
            if number == len(self._starts) - 1:
                return b"".join(self._open)
            if self._opened is not None and self._opened[0] == number:
                return self._opened[1]
            sealed = self._held.get(number)
            if sealed is None and self._file is not None:
                start, end = self._starts[number], self._starts[number + 1]
                self._file.seek(start)
                sealed = self._file.read(end - start)
        block = aead.decrypt(self._key, sealed or b"", aead.aad("search-spool", str(number)))
        if block is None:  # the file was changed under the process: never taken as a document
            raise TamperedData("the private search index's spool was changed on disk outside kmdesk")
        with self._lock:
            self._opened = (number, block)
        return block

    def _seal(self) -> None:
        """Seal the open block to the file's end, or keep it sealed in memory when the file
        cannot take it (the caller holds the lock)."""
        number = len(self._starts) - 1
        sealed = aead.encrypt(self._key, b"".join(self._open), aead.aad("search-spool", str(number)))
        written = 0
        if self._file is not None:
            try:
                self._file.seek(self._starts[-1])
                self._file.write(sealed)
                self._file.flush()
                written = len(sealed)
            except OSError:
                pass
        if not written:
            self._held[number] = sealed
        self._starts.append(self._starts[-1] + written)
        self._open, self._open_size = [], 0


def _temporary() -> IO[bytes] | None:
    """A new anonymous file in the state folder, else in the temporary one, else none."""
    folder = paths.state_dir() / "spool"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return tempfile.TemporaryFile(prefix="kmdesk-spool-", dir=folder)
    except OSError:
        pass
    try:
        return tempfile.TemporaryFile(prefix="kmdesk-spool-")
    except OSError:
        return None
