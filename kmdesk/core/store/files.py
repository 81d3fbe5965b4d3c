"""The library's file store: attachment bytes under ``<library>/files``, written atomically
(temporary file, fsync, rename) and streamed in chunks, so a 2 GB video never sits in memory
and a crash never leaves half a file under a real name.

Two kinds of blob:

- **plain** (public records): content-addressed, named by the SHA-256 of the bytes
  (``files/plain/ab/abcdef...``); the same file attached twice is stored once.
- **sealed** (every other record): encrypted with ``streams.seal_stream`` under a per-file key and
  named by a random id (``files/sealed/12/1234...``), so identical restricted files do not
  reveal themselves by sharing a hash-derived name, and nothing on disk names the plaintext.

The store knows bytes only; which blob belongs to which record, and the keys, are the
``attachments`` module's business.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
import threading
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO, Iterator, TypeVar

from kmdesk.core.errors import Cancelled, NotFound, TamperedData
from kmdesk.core.trust import streams

T = TypeVar("T")

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
CHUNK = streams.CHUNK_SIZE


def _never() -> bool:
    return False


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, name: str, sealed: bool) -> Path:
        if not name or not all(c in "0123456789abcdef" for c in name):
            raise NotFound(f"no stored file named {name!r}")
        return self.root / ("sealed" if sealed else "plain") / name[:2] / name

    @contextmanager
    def _temp(self) -> Iterator[tuple[BinaryIO, Path]]:
        """A temporary file inside the store (same file system, so the rename is atomic),
        removed unless the caller renamed it away."""
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=tmp_dir, prefix="incoming-")
        path = Path(name)
        try:
            with os.fdopen(fd, "wb") as fh:
                yield fh, path
        finally:
            path.unlink(missing_ok=True)

    def _commit(self, fh: BinaryIO, tmp: Path, final: Path) -> None:
        fh.flush()
        os.fsync(fh.fileno())
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)
        _fsync_dir(final.parent)

    def put_plain(self, src: IO[bytes], progress: Progress | None = None, cancel: CancelToken = _never,
                  total: int | None = None) -> tuple[str, int, bool]:
        """Store ``src`` content-addressed; returns (sha256, size, newly written)."""
        digest = hashlib.sha256()
        size = 0
        with self._temp() as (fh, tmp):
            while chunk := src.read(CHUNK):
                if cancel():
                    raise Cancelled()
                digest.update(chunk)
                fh.write(chunk)
                size += len(chunk)
                if progress:
                    progress(size, total)
            name = digest.hexdigest()
            final = self.path(name, False)
            if final.exists():
                return name, size, False
            self._commit(fh, tmp, final)
        return name, size, True

    def put_sealed(self, src: BinaryIO, file_key: bytes, record_id: str, progress: Progress | None = None,
                   cancel: CancelToken = _never) -> tuple[str, str, int]:
        """Seal ``src`` under ``file_key`` bound to ``record_id``; returns (blob name, sha256, size)."""
        name = secrets.token_hex(32)
        counter = _Counting(src)
        with self._temp() as (fh, tmp):
            sha256 = streams.seal_stream(counter, fh, file_key, record_id, progress, cancel)
            self._commit(fh, tmp, self.path(name, True))
        return name, sha256, counter.size

    def read_plain(self, name: str) -> BinaryIO:
        try:
            return self.path(name, False).open("rb")
        except FileNotFoundError:
            raise NotFound(f"the stored file {name} is missing from {self.root}") from None

    def extract(self, name: str, sealed: bool, dst: BinaryIO, *, file_key: bytes | None = None,
                record_id: str = "", sha256: str = "", progress: Progress | None = None,
                cancel: CancelToken = _never) -> int:
        """Write the plaintext of a blob to ``dst`` (open a sealed one with ``file_key``); the
        caller writes to a temporary file and keeps it only when this returns."""
        if not sealed:  # named by its hash: bytes that no longer hash to it were changed outside kmdesk
            with self.read_plain(name) as src:
                size, digest = 0, hashlib.sha256()
                while chunk := src.read(CHUNK):
                    if cancel():
                        raise Cancelled()
                    dst.write(chunk)
                    digest.update(chunk)
                    size += len(chunk)
                    if progress:
                        progress(size, None)
                if digest.hexdigest() != name:
                    raise TamperedData(f"the stored file {name} was changed outside kmdesk (its bytes do not "
                                       "match its hash)", name=name)
                return size
        try:
            src = self.path(name, True).open("rb")
        except FileNotFoundError:
            raise NotFound(f"the stored file {name} is missing from {self.root}") from None
        with src:
            return streams.open_stream(src, dst, file_key or b"", record_id, sha256, progress, cancel)

    def remove(self, name: str, sealed: bool) -> None:
        self.path(name, sealed).unlink(missing_ok=True)

    def names(self, sealed: bool) -> set[str]:
        base = self.root / ("sealed" if sealed else "plain")
        return {p.name for p in base.glob("*/*")} if base.exists() else set()


class _Counting:
    """A reader that counts the bytes read through it."""

    def __init__(self, src: BinaryIO) -> None:
        self.src = src
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.src.read(size)
        self.size += len(data)
        return data

    def tell(self) -> int:
        return self.src.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.src.seek(offset, whence)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open directories; its renames are durable enough
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def through_pipe(produce: Callable[[BinaryIO], object], consume: Callable[[BinaryIO], T]) -> T:
    """Run ``produce(writer)`` on a thread and ``consume(reader)`` here, joined by an OS pipe:
    the plaintext between one seal and the next stays in memory, a chunk at a time."""
    read_fd, write_fd = os.pipe()
    failure: list[BaseException] = []

    def pump() -> None:
        try:
            with os.fdopen(write_fd, "wb") as sink:
                produce(sink)
        except BaseException as exc:  # re-raised on the caller's thread below
            failure.append(exc)

    worker = threading.Thread(target=pump, daemon=True)
    worker.start()
    try:
        with os.fdopen(read_fd, "rb") as source:
            result = consume(source)
    finally:
        worker.join()
    if failure:
        raise failure[0]
    return result


def write_atomically(dst: Path, fill: Callable[[BinaryIO], object]) -> None:
    """Write ``dst`` through a temporary file in its folder: complete or not at all."""
    dst = Path(dst)
    try:
        fd, name = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}-")
    except OSError as exc:  # named as the file asked for, not the temporary one nobody asked for
        raise OSError(exc.errno, f"{exc.strerror} (no file can be made in {dst.parent})", str(dst)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(name, dst)
    finally:
        Path(name).unlink(missing_ok=True)
