"""kmdesk's library archive (``.kmd``): a zip another kmdesk imports exactly.

Layout::

    manifest.json           {"format": "kmdesk-archive", "version": 1, "created_at", "records",
                             "entries": {name: sha256, ...}}  (every other entry, with its checksum)
    library.json            a kmdesk library file: records with history, consents and labels
    attachments.json        {record id: [{"sha256", "filename", "media_type", "size", "created_at", "text"}]}
    files/<sha256>          each attached file once, by content hash

On import every entry is checked before anything is written: a name that could escape a folder
(``../``, absolute, drive letters, backslashes), an entry the manifest does not list or a
checksum that does not match rejects the archive with a message naming the entry; the zip
directory's sizes are checked as for spreadsheets (zip bombs). Records then go in through the
same pipeline as every import (duplicates, report, one transaction); attachment rows are added
in that same transaction.

Non-public records travel only when a custodian chooses it (``sealed_passphrase``), and only
sealed: each record (with its history, consents and the list of its files) is sealed under a
*transfer key* derived from a passphrase the custodian chooses (``kdf.derive_key``, parameters
in ``sealed/kdf.json``), and each of its files is sealed (``streams.seal_stream``) under its own
file key kept inside that record's envelope::

    sealed/kdf.json         KDF parameters (algorithm, salt, cost)
    sealed/records.json     [{"id", "token"}]  each token = seal_json(record, transfer key, id, "transfer")
    sealed/files/<random>   each file of those records, sealed under its file key

The records' own keys are not in the archive: they are wrapped for this library's protocols and
profiles and would open nothing elsewhere. Consent travels inside each sealed record; on import its
text is sealed afresh with the record (only its dates stay readable) and each event is signed by
the importing profile and written to the audit log, as for consent recorded there. The receiving custodian gives the passphrase (passed
to them apart from the archive); the records are opened in memory and sealed afresh under the
receiving library's protocols of the same names, which they must belong to (a community record
needs its community there, a restricted one its protocols). Without the passphrase those rows
are reported and the public records still import. Sacred records never leave the device, sealed
or not. Plaintext of a sealed record or file never touches the disk on either side: files pass
from one seal to the other through an in-memory pipe.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, VaultError
from kmdesk.core.io import library_file
from kmdesk.core.io.source import ImportFileError, Source, SourceRow, check_zip, load_json, place, problem
from kmdesk.core.store import attachments
from kmdesk.core.store import records as rec
from kmdesk.core.store.attachments import store as file_store
from kmdesk.core.store.files import FileStore, through_pipe
from kmdesk.core.store.model import Attachment, IndexQueue, Record
from kmdesk.core.trust import aead, kdf, sealing, streams

if TYPE_CHECKING:
    from kmdesk.core.io.import_manager import Outcome
    from kmdesk.core.store.library import Library

FORMAT = "kmdesk-archive"
VERSION = 1
CHUNK = 1024 * 1024


def _attachments_of(library: Library, record_id: str) -> list[Attachment]:
    from sqlalchemy import select

    with library.reading() as session:
        return list(session.scalars(select(Attachment).where(Attachment.record_id == record_id,
                                                             Attachment.sealed.is_(False)).order_by(Attachment.id)))


def write(library: Library, records: Iterable[dict[str, Any]], fh: BinaryIO,
          sealed: tuple[list[dict[str, Any]], str] | None = None) -> int:
    """Write the archive of ``records`` (public, with history) to ``fh``, and with ``sealed``
    (non-public records with history, passphrase) those sealed for transfer; returns how many
    public records it holds."""
    entries: dict[str, str] = {}
    items = []
    attached: dict[str, list[dict[str, Any]]] = {}
    store = file_store(library)
    with zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for record in records:
            items.append(record)
            for attachment in _attachments_of(library, record["id"]):
                attached.setdefault(record["id"], []).append(
                    {"sha256": attachment.sha256, "filename": attachment.filename, "media_type": attachment.media_type,
                     "size": attachment.size, "created_at": attachment.created_at, "text": attachment.text})
                name = f"files/{attachment.sha256}"
                if name not in entries:
                    with store.read_plain(attachment.sha256) as src, archive.open(name, "w", force_zip64=True) as dst:
                        while chunk := src.read(CHUNK):
                            dst.write(chunk)
                    entries[name] = attachment.sha256
        if sealed is not None:
            _write_sealed(library, archive, entries, *sealed)
        for name, payload in (("library.json", library_file.envelope(items)), ("attachments.json", attached)):
            data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
            archive.writestr(name, data)
            entries[name] = hashlib.sha256(data).hexdigest()
        manifest = {"format": FORMAT, "version": VERSION, "created_at": rec.now(), "records": len(items),
                    "sealed_records": len(sealed[0]) if sealed else 0, "entries": entries}
        archive.writestr("manifest.json", json.dumps(manifest, indent=1))
    return len(items)


def _write_sealed(library: Library, archive: zipfile.ZipFile, entries: dict[str, str],
                  records: list[dict[str, Any]], passphrase: str) -> None:
    params = kdf.KdfParams.default()
    key = kdf.derive_key(passphrase, params)
    tokens = []
    for record in records:
        files = []
        for info in attachments.list_for(library, record["id"]):
            name = f"sealed/files/{secrets.token_hex(32)}"
            file_key = aead.new_data_key()
            entries[name] = _write_sealed_file(library, archive, name, info["id"], file_key, record["id"])
            text = attachments.sealed_text(library, info["id"])
            files.append({"entry": name, "filename": info["filename"], "media_type": info["media_type"],
                          "sha256": info["sha256"], "size": info["size"], "created_at": info["created_at"],
                          "text": text, "file_key": base64.b64encode(file_key).decode()})
        tokens.append({"id": record["id"], "token": sealing.seal_json({"record": record, "files": files}, key,
                                                                      record["id"], "transfer")})
    for name, payload in (("sealed/kdf.json", params.to_dict()), ("sealed/records.json", tokens)):
        data = json.dumps(payload, indent=1).encode("utf-8")
        archive.writestr(name, data)
        entries[name] = hashlib.sha256(data).hexdigest()


def _write_sealed_file(library: Library, archive: zipfile.ZipFile, name: str, attachment_id: int, file_key: bytes,
                       record_id: str) -> str:
    """Seal an attachment's plaintext under ``file_key`` into the archive's entry ``name``, the
    plaintext passing through memory a chunk at a time; returns the entry's SHA-256."""
    _, write_plain, _ = attachments.opening(library, attachment_id)
    with archive.open(name, "w", force_zip64=True) as dst:
        digest = _HashingWriter(dst)
        through_pipe(write_plain, lambda src: streams.seal_stream(src, digest, file_key, record_id))
    return digest.hexdigest()


class _HashingWriter:
    """Writes through to ``dst`` and hashes what passes (the manifest's checksum)."""

    def __init__(self, dst: IO[bytes]) -> None:
        self.dst = dst
        self._digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self._digest.update(data)
        return self.dst.write(data)

    def hexdigest(self) -> str:
        return self._digest.hexdigest()


# What zipfile and zlib raise on a damaged archive (a bad header, a truncated member, an unknown
# compression method, an encrypted entry).
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error, NotImplementedError,
            RuntimeError, ValueError)


# While files are stored (disk errors are not the archive's) only the reading's own errors count.
_DAMAGED_MEMBER = (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError)


@contextmanager
def _opened(path: Path, damaged: tuple[type[BaseException], ...] = _DAMAGED) -> Iterator[zipfile.ZipFile]:
    """The archive open for reading; damage found while reading it is an ``ImportFileError``."""
    try:
        with zipfile.ZipFile(path) as archive:
            yield archive
    except ImportFileError:
        raise
    except damaged as exc:
        raise ImportFileError(f"{path}: the archive is damaged ({type(exc).__name__}: {exc})", path=str(path)) from None


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (bool(name) and "\\" not in name and not path.is_absolute() and ".." not in path.parts
            and ":" not in name and not name.startswith("/"))


def _digest(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as src:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify(path: Path) -> dict[str, Any]:
    """Check the archive whole; returns its manifest or raises naming the bad entry."""
    check_zip(path, "kmdesk archive", None)
    with _opened(path) as archive:
        names = archive.namelist()
        for name in names:
            if not _safe_name(name):
                raise ImportFileError(f"{path}: entry {name!r} points outside the archive (path traversal); "
                                      "the archive was not imported", path=str(path), entry=name)
        twice = sorted(name for name, count in Counter(names).items() if count > 1)
        if twice:
            raise ImportFileError(f"{path}: entry {twice[0]!r} appears twice; the archive was not imported",
                                  path=str(path), entry=twice[0])
        if "manifest.json" not in names:
            raise ImportFileError(f"{path}: not a kmdesk archive (no manifest.json)", path=str(path))
        manifest = _json_entry(path, archive, "manifest.json")
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("entries"), dict):
            raise ImportFileError(f"{path}: entry 'manifest.json' does not describe a kmdesk archive", path=str(path))
        if not isinstance(manifest.get("version", VERSION), int) or manifest.get("version", VERSION) > VERSION:
            raise ImportFileError(f"{path}: written by a newer kmdesk (archive version {manifest['version']})", path=str(path))
        for name in names:
            if name == "manifest.json" or name.endswith("/"):
                continue
            expected = manifest["entries"].get(name)
            if expected is None:
                raise ImportFileError(f"{path}: entry {name!r} is not listed in the manifest", path=str(path), entry=name)
            if _digest(archive, name) != expected:
                raise ImportFileError(f"{path}: entry {name!r} does not match its checksum in the manifest "
                                      "(damaged or altered)", path=str(path), entry=name)
        for name in manifest["entries"]:
            if name not in names:
                raise ImportFileError(f"{path}: entry {name!r} is listed in the manifest but missing", path=str(path), entry=name)
    return manifest


def read(path: Path, passphrase: str | None = None) -> Source:
    path = Path(path)
    manifest = verify(path)
    with _opened(path) as archive:
        data = _json_entry(path, archive, "library.json")
        attached = _json_entry(path, archive, "attachments.json") if "attachments.json" in archive.namelist() else {}
    if not isinstance(data, dict) or data.get("format") != library_file.FORMAT or not isinstance(data.get("records"), list):
        raise ImportFileError(f"{path}: entry 'library.json' is not a kmdesk library file", path=str(path))
    _check_attachments(path, attached, manifest["entries"])
    rows = [SourceRow(i, place("record", record=i), record=r) for i, r in enumerate(data["records"], start=1)]
    transfer: dict[str, list[dict[str, Any]]] = {}
    if manifest.get("sealed_records"):
        rows += _sealed_rows(path, passphrase, len(rows), transfer)

    def finish(library: Library) -> Callable[[Session, list[Outcome]], None]:
        def add(session: Session, report: list[Outcome]) -> None:
            _add_attachments(path, session, report, attached, file_store(library))
            _add_sealed_files(library, path, session, report, transfer)

        return add

    return Source(path, "kmd", [], {}, lambda: iter(rows), fixed=True, extra={"library": data, "finish": finish})


def _json_entry(path: Path, archive: zipfile.ZipFile, name: str) -> Any:
    """A JSON entry of the archive, parsed within the limits of every imported JSON."""
    try:
        raw = archive.read(name)
    except KeyError:
        raise ImportFileError(f"{path}: entry {name!r} is missing", path=str(path), entry=name) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFileError(f"{path}: entry {name!r} is not UTF-8 text", path=str(path), entry=name) from None
    return load_json(text, f"{path}: entry {name!r}")


_ATTACHMENT_TEXT = ("filename", "media_type", "created_at", "text")


def _check_attachments(path: Path, attached: Any, entries: dict[str, Any]) -> None:
    """``attachments.json`` is ``{record id: [{"sha256", "filename", ...}]}`` and each file it
    names is in the archive; anything else rejects the archive, naming the entry."""
    where = f"{path}: entry 'attachments.json'"
    if not isinstance(attached, dict):
        raise ImportFileError(f"{where}: expected {{record id: [files]}}", path=str(path), entry="attachments.json")
    for record_id, files in attached.items():
        if not isinstance(files, list):
            raise ImportFileError(f"{where}: record {record_id[:40]!r}: expected a list of files", path=str(path),
                                  entry="attachments.json")
        for number, item in enumerate(files, start=1):
            ok = (isinstance(item, dict) and isinstance(item.get("sha256"), str)
                  and f"files/{item['sha256']}" in entries
                  and all(item.get(k) is None or isinstance(item[k], str) for k in _ATTACHMENT_TEXT))
            if not ok:
                raise ImportFileError(f"{where}: record {record_id[:40]!r}, file {number}: expected "
                                      "{\"sha256\" of a file in files/, \"filename\", \"media_type\", ...}",
                                      path=str(path), entry="attachments.json")


def _sealed_rows(path: Path, passphrase: str | None, start: int,
                 transfer: dict[str, list[dict[str, Any]]]) -> list[SourceRow]:
    """The sealed records as rows: opened with the passphrase, or one error row each without."""
    with _opened(path) as archive:
        derivation = _json_entry(path, archive, "sealed/kdf.json")
        tokens = _json_entry(path, archive, "sealed/records.json")
    try:
        params = kdf.KdfParams.from_dict(derivation)
    except (VaultError, TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ImportFileError(f"{path}: entry 'sealed/kdf.json' does not describe a key derivation ({exc})",
                              path=str(path), entry="sealed/kdf.json") from None
    if not isinstance(tokens, list) or not all(isinstance(t, dict) and isinstance(t.get("id"), str)
                                               and isinstance(t.get("token"), str) for t in tokens):
        raise ImportFileError(f"{path}: entry 'sealed/records.json' is not a list of {{\"id\", \"token\"}}",
                              path=str(path), entry="sealed/records.json")
    if not passphrase:
        return [SourceRow(start + i, place("sealed_record", record=i), problem=problem(
                    "needs_passphrase", f"sealed record {i} ({t['id']}): sealed for transfer; give the archive "
                    "passphrase to import it", id=t["id"])) for i, t in enumerate(tokens, start=1)]
    key = kdf.derive_key(passphrase, params)
    rows = []
    for i, token in enumerate(tokens, start=1):
        row = SourceRow(start + i, place("sealed_record", record=i))
        try:
            opened = sealing.open_json(token["token"], key, token["id"], "transfer")
        except VaultError:
            raise ImportFileError(f"{path}: the passphrase does not open the sealed records (entry "
                                  "'sealed/records.json')", path=str(path), entry="sealed/records.json") from None
        if not isinstance(opened, dict) or not isinstance(opened.get("record"), dict) \
                or opened["record"].get("id") != token["id"] or not isinstance(opened.get("files"), list):
            rows.append(row.fail("envelope_shape", "the sealed envelope has an unexpected shape"))
            continue
        transfer[opened["record"]["id"]] = opened["files"]
        row.record = opened["record"]
        rows.append(row)
    return rows


def _add_sealed_files(library: Library, path: Path, session: Session, report: list[Outcome],
                      transfer: dict[str, list[dict[str, Any]]]) -> None:
    """Re-seal the files of the sealed records this import created under their new keys."""
    created = {row.id for row in report if row.status == "imported"} & set(transfer)
    store = file_store(library)
    with _opened(path, _DAMAGED_MEMBER) as archive:
        for record_id in sorted(created):
            row = session.get(Record, record_id)
            record_key = library.access.keys.record_key(session, row) if row is not None else None
            if row is None or record_key is None:
                raise AccessDenied(f"record {record_id} came in sealed, but this profile holds no key to it: "
                                   "its files cannot be sealed to it", record=record_id)
            for item in transfer[record_id]:
                new_key = aead.new_data_key()
                blob, size = _reseal_file(archive, store, item, record_id, new_key)
                attachments.attach_sealed(session, row, record_key, blob, size, item, new_key)


def _reseal_file(archive: zipfile.ZipFile, store: FileStore, item: dict[str, Any], record_id: str,
                 new_key: bytes) -> tuple[str, int]:
    """Open a sealed file of the archive with its transfer key and seal it into the file store
    under ``new_key``, a chunk at a time; returns the stored blob's name and its size."""
    old_key = base64.b64decode(item["file_key"])
    with archive.open(item["entry"]) as sealed_src:
        blob, _sha256, size = through_pipe(
            lambda sink: streams.open_stream(sealed_src, sink, old_key, record_id, item["sha256"]),
            lambda src: store.put_sealed(src, new_key, record_id))
    return blob, size


def _add_attachments(path: Path, session: Session, report: list[Outcome],
                     attached: dict[str, list[dict[str, Any]]], store: FileStore) -> None:
    """Store the files of the records this import created and add their rows (same transaction)."""
    created = {row.id for row in report if row.status == "imported"}
    with _opened(path, _DAMAGED_MEMBER) as archive:
        for record_id, files in attached.items():
            if record_id not in created:
                continue
            for item in files:
                with archive.open(f"files/{item['sha256']}") as src:
                    sha256, size, _ = store.put_plain(src)
                session.add(Attachment(record_id=record_id, sha256=sha256, filename=item.get("filename") or "",
                                       media_type=item.get("media_type") or "application/octet-stream", size=size,
                                       sealed=False, text=item.get("text"), created_at=item.get("created_at") or rec.now()))
            session.merge(IndexQueue(record_id=record_id))

