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

What this archive holds: public records only, like every export. Non-public records are not
written, not even sealed: their keys are wrapped for this library's protocols and profiles, so a
sealed copy would open nowhere else; moving restricted knowledge between devices needs a key
exchange between custodians, which kmdesk does not have yet.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy.orm import Session

from kmdesk.core import library_file, records as rec
from kmdesk.core.attachments import store as file_store
from kmdesk.core.files import FileStore
from kmdesk.core.io.source import ImportFileError, Source, SourceRow
from kmdesk.core.io.xlsx_format import check_zip
from kmdesk.core.model import Attachment, IndexQueue

if TYPE_CHECKING:
    from kmdesk.core.store import Library

FORMAT = "kmdesk-archive"
VERSION = 1
CHUNK = 1024 * 1024


def _attachments_of(library: Library, record_id: str) -> list[Attachment]:
    from sqlalchemy import select

    with library.reading() as session:
        return list(session.scalars(select(Attachment).where(Attachment.record_id == record_id,
                                                             Attachment.sealed.is_(False)).order_by(Attachment.id)))


def write(library: Library, records: Iterable[dict[str, Any]], fh: BinaryIO) -> int:
    """Write the archive of ``records`` (public, with history) to ``fh``; returns the count."""
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
        for name, payload in (("library.json", library_file.envelope(items)), ("attachments.json", attached)):
            data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
            archive.writestr(name, data)
            entries[name] = hashlib.sha256(data).hexdigest()
        manifest = {"format": FORMAT, "version": VERSION, "created_at": rec.now(), "records": len(items), "entries": entries}
        archive.writestr("manifest.json", json.dumps(manifest, indent=1))
    return len(items)


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
    check_zip(path)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            if not _safe_name(name):
                raise ImportFileError(f"{path}: entry {name!r} points outside the archive (path traversal); "
                                      "the archive was not imported", path=str(path), entry=name)
        if "manifest.json" not in names:
            raise ImportFileError(f"{path}: not a kmdesk archive (no manifest.json)", path=str(path))
        try:
            manifest = json.loads(archive.read("manifest.json"))
        except ValueError:
            raise ImportFileError(f"{path}: entry 'manifest.json' is not valid JSON", path=str(path)) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("entries"), dict):
            raise ImportFileError(f"{path}: entry 'manifest.json' does not describe a kmdesk archive", path=str(path))
        if int(manifest.get("version", VERSION)) > VERSION:
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


def read(path: Path) -> Source:
    path = Path(path)
    verify(path)
    with zipfile.ZipFile(path) as archive:
        try:
            data = json.loads(archive.read("library.json"))
            attached = json.loads(archive.read("attachments.json")) if "attachments.json" in archive.namelist() else {}
        except (KeyError, ValueError) as exc:
            raise ImportFileError(f"{path}: entry 'library.json' is missing or not JSON ({exc})", path=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != library_file.FORMAT or not isinstance(data.get("records"), list):
        raise ImportFileError(f"{path}: entry 'library.json' is not a kmdesk library file", path=str(path))
    rows = [SourceRow(i, f"record {i}", record=r) for i, r in enumerate(data["records"], start=1)]

    def finish(library: Library) -> Callable[[Session, list[dict[str, Any]]], None]:
        return lambda session, report: _add_attachments(path, session, report, attached, file_store(library))

    return Source(path, "kmd", [], {}, lambda: iter(rows), fixed=True, extra={"library": data, "finish": finish})


def _add_attachments(path: Path, session: Session, report: list[dict[str, Any]],
                     attached: dict[str, list[dict[str, Any]]], store: FileStore) -> None:
    """Store the files of the records this import created and add their rows (same transaction)."""
    created = {row["id"] for row in report if row["status"] == "imported"}
    with zipfile.ZipFile(path) as archive:
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

