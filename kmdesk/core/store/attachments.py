"""Files attached to records: add, list, extract to a path, remove, and re-seal when a record's
access or key changes.

A public record's file is a plain content-addressed blob; its name, type and extracted text
(PDF and plain text) sit in plain columns and the text is searchable. A non-public record's file
is sealed under its own random *file key*; the file key, the real SHA-256, the name, the media
type and the extracted text live only in ``Attachment.sealed_meta``, sealed with the record's
key. The ``sha256`` column of a sealed attachment holds the random blob name instead, so neither
the database nor the file store tells which known file a community holds. Because the file key
is wrapped by the record key, a new record key (an edit, a rotated protocol) only re-seals the
small metadata; the bytes are re-encrypted only when the record moves between public and not.
Every extraction of a sealed file is audited.
"""

from __future__ import annotations

import base64
import io
import mimetypes
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from sqlalchemy import Text, event, func, select
from sqlalchemy.orm import Session

from kmdesk.core.errors import AccessDenied, DamagedRecord, NotFound, TamperedData
from kmdesk.core.store import records as rec
from kmdesk.core.store.files import FileStore, through_pipe, write_atomically
from kmdesk.core.store.model import Attachment, IndexQueue, Record, TrashEntry
from kmdesk.core.trust import aead, sealing

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
MAX_TEXT = 2 * 1024 * 1024  # characters of extracted text kept per file
TEXT_TYPES = ("text/plain", "text/markdown", "text/csv")


def _never() -> bool:
    return False


def store(library: Library) -> FileStore:
    return FileStore(library.data_dir / "files")


def _meta_field(attachment_name: str) -> str:
    return f"attachment:{attachment_name}"


def extract_text(path: Path, media_type: str) -> str | None:
    """Searchable text of a PDF or plain-text file (None for other types or unreadable files)."""
    try:
        if media_type == "application/pdf":
            from pypdf import PdfReader
            from pypdf.errors import PyPdfError

            try:
                reader = PdfReader(str(path))
                parts = []
                for page in reader.pages:
                    parts.append(page.extract_text() or "")
                    if sum(map(len, parts)) > MAX_TEXT:
                        break
            except (PyPdfError, ValueError, KeyError, TypeError):
                return None
            text = "\n".join(parts)
        elif media_type in TEXT_TYPES:
            with path.open("rb") as fh:
                text = fh.read(MAX_TEXT * 4).decode("utf-8", "replace")
        else:
            return None
    except OSError:
        return None
    text = " ".join(text.split())[:MAX_TEXT]
    return text or None


def _record(session: Session, library: Library, record_id: str) -> Record:
    return library.records.row(session, record_id)


def _key(library: Library, session: Session, row: Record) -> bytes | None:
    if row.access_level == "public":
        return None
    key = library.access.keys.record_key(session, row) if library.access.may_view(session, row) else None
    if key is None:
        raise AccessDenied(f"record {row.id} is sealed: unlock a profile that may open it")
    return key


def _open_meta(row: Record, attachment: Attachment, key: bytes | None) -> dict[str, Any]:
    """A sealed file's description (name, type, hash, text, file key), opened with the record's
    ``key``; a sealed file on a record that has none (a public one) is damage, not a file."""
    if key is None:
        raise DamagedRecord(f"record {row.id} is public but holds a sealed file (changed outside kmdesk)",
                            record=row.id)
    meta: dict[str, Any] = sealing.open_json(attachment.sealed_meta or "", key, row.id, _meta_field(attachment.sha256))
    return meta


def add(library: Library, record_id: str, path: Path, *, progress: Progress | None = None,
        cancel: CancelToken = _never, filename: str | None = None) -> dict[str, Any]:
    """Attach the file at ``path`` to a record; the same bytes twice on one record are kept once."""
    path = Path(path)
    files = store(library)
    name = filename or path.name
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    with library.reading() as session:
        library.access.require_writer(session)
        row = _record(session, library, record_id)
        library.records.require_own(session, row.id, "attach")  # before the file is read and stored
        key = _key(library, session, row)
    text = extract_text(path, media_type)
    try:
        src = path.open("rb")
    except OSError as exc:
        raise NotFound(f"{path}: cannot read the file ({exc.strerror})", path=str(path)) from None
    sealed_meta: str | None = None  # a sealed file's description, sealed under the record's key
    with src:
        if key is None:
            blob, size, created = files.put_plain(src, progress, cancel, total=os.path.getsize(path))
            sha256 = blob
        else:
            file_key = aead.new_data_key()
            blob, sha256, size = files.put_sealed(src, file_key, record_id, progress, cancel)
            created = True
            meta = {"filename": name, "media_type": media_type, "sha256": sha256, "text": text,
                    "file_key": base64.b64encode(file_key).decode()}
            sealed_meta = sealing.seal_json(meta, key, record_id, _meta_field(blob))
    try:
        with library.writing() as session:
            row = _record(session, library, record_id)
            library.records.require_own(session, row.id, "attach")  # pulled while the file was being stored
            if (row.access_level == "public") != (key is None):
                raise AccessDenied(f"the access of record {record_id} changed while the file was being stored")
            for existing in session.scalars(select(Attachment).where(Attachment.record_id == record_id)):
                same = existing.sha256 == sha256 if not existing.sealed else _open_meta(row, existing, key)["sha256"] == sha256
                if same:
                    if key is not None:
                        files.remove(blob, True)
                    return _describe(row, existing, key)
            attachment = Attachment(record_id=record_id, sha256=blob, size=size, created_at=rec.now(), sealed=key is not None)
            if sealed_meta is None:
                attachment.filename, attachment.media_type, attachment.text = name, media_type, text
            else:
                attachment.sealed_meta = sealed_meta
            session.add(attachment)
            session.flush()
            session.merge(IndexQueue(record_id=record_id))
            library.audit.record(session, "attach", record_id, {"attachment": attachment.id, "size": size,
                                                                "sealed": attachment.sealed})
            return _describe(row, attachment, key)
    except BaseException:
        if created:
            _drop_if_unused(library, blob, key is not None)
        raise


def _describe(row: Record, attachment: Attachment, key: bytes | None) -> dict[str, Any]:
    out = {"id": attachment.id, "record_id": row.id, "size": attachment.size, "sealed": attachment.sealed,
           "created_at": attachment.created_at}
    if not attachment.sealed:
        return {**out, "filename": attachment.filename, "media_type": attachment.media_type,
                "sha256": attachment.sha256, "has_text": bool(attachment.text)}
    if key is None:
        return {**out, "filename": None, "media_type": None, "sha256": None, "has_text": False}
    meta = _open_meta(row, attachment, key)
    return {**out, "filename": meta["filename"], "media_type": meta["media_type"], "sha256": meta["sha256"],
            "has_text": bool(meta.get("text"))}


def attach_sealed(session: Session, row: Record, record_key: bytes, blob: str, size: int, item: dict[str, Any],
                  file_key: bytes) -> None:
    """Add the row of a file already sealed under ``file_key`` (an archive's sealed transfer)."""
    meta = {"filename": item["filename"], "media_type": item["media_type"], "sha256": item["sha256"],
            "text": item.get("text"), "file_key": base64.b64encode(file_key).decode()}
    session.add(Attachment(record_id=row.id, sha256=blob, size=size, sealed=True, created_at=item.get("created_at") or rec.now(),
                           sealed_meta=sealing.seal_json(meta, record_key, row.id, _meta_field(blob))))


def sealed_text(library: Library, attachment_id: int) -> str | None:
    """The extracted text of a sealed file (for a sealed transfer; never for an index)."""
    with library.reading() as session:
        attachment, row = _attachment(session, library, attachment_id)
        if not attachment.sealed:
            return attachment.text
        return _open_meta(row, attachment, _key(library, session, row)).get("text")


def list_for(library: Library, record_id: str) -> list[dict[str, Any]]:
    """A record's attachments; a sealed one the profile cannot open shows no name or hash, and
    one whose row fails its check (``trust.rows``) shows neither and says why (``damaged``)."""
    with library.reading() as session:
        row = _record(session, library, record_id)
        key = None
        if row.access_level != "public" and library.access.may_view(session, row):
            key = library.access.keys.record_key(session, row)
        out = []
        for attachment in session.scalars(select(Attachment).where(Attachment.record_id == record_id).order_by(Attachment.id)):
            problem = library.access.row_check(session, "attachments", attachment)
            out.append(_describe(row, attachment, key) if problem is None else
                       {**_describe(row, attachment, None), "filename": None, "media_type": None, "sha256": None,
                        "has_text": False, "damaged": problem})
        return out


def _attachment(session: Session, library: Library, attachment_id: int) -> tuple[Attachment, Record]:
    """An attachment whose row holds, and its record; one that fails its check is refused, named."""
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound(f"no attachment {attachment_id}", id=attachment_id)
    problem = library.access.row_check(session, "attachments", attachment)
    if problem:
        raise TamperedData(problem, record=attachment.record_id, attachment=attachment_id)
    return attachment, _record(session, library, attachment.record_id)


def check_files(library: Library, session: Session) -> list[dict[str, Any]]:
    """Every stored file that is missing or changed: a plain file whose bytes no longer hash to
    its name, a sealed one that fails authentication (when this profile holds its record's key;
    otherwise only its presence is checked). Each named by attachment and record, for ``check``."""
    files = store(library)
    out = []
    with open(os.devnull, "wb") as sink:
        for attachment in session.scalars(select(Attachment).order_by(Attachment.id)):
            where = f"attachment {attachment.id} of record {attachment.record_id}"
            try:
                _check_file(library, session, files, attachment, sink)
            except NotFound:
                out.append({"table": "attachments", "record": attachment.record_id, "problem": f"{where}: its file is missing"})
            except TamperedData:
                out.append({"table": "attachments", "record": attachment.record_id,
                            "problem": f"{where}: its file was changed outside kmdesk"})
    return out


def _check_file(library: Library, session: Session, files: FileStore, attachment: Attachment, sink: BinaryIO) -> None:
    if not attachment.sealed:
        files.extract(attachment.sha256, False, sink)
        return
    if not files.path(attachment.sha256, True).exists():
        raise NotFound(attachment.sha256)
    row = session.get(Record, attachment.record_id)
    if row is None or not library.access.may_view(session, row):
        return
    key = library.access.keys.record_key(session, row)
    if key is not None:
        meta = _open_meta(row, attachment, key)
        files.extract(attachment.sha256, True, sink, file_key=base64.b64decode(meta["file_key"]),
                      record_id=attachment.record_id, sha256=meta["sha256"])


def opening(library: Library, attachment_id: int) -> tuple[dict[str, Any], Callable[..., int], Record]:
    """What to know to write an attachment out: its description and a writer ``(fh, progress,
    cancel) -> size``."""
    with library.reading() as session:
        attachment, row = _attachment(session, library, attachment_id)
        key = _key(library, session, row) if attachment.sealed else None
        info = _describe(row, attachment, key)
        meta = _open_meta(row, attachment, key) if key is not None else {}
        blob, sealed = attachment.sha256, attachment.sealed
    file_key = base64.b64decode(meta["file_key"]) if sealed else None

    def write(fh: BinaryIO, progress: Progress | None = None, cancel: CancelToken = _never) -> int:
        return store(library).extract(blob, sealed, fh, file_key=file_key, record_id=row.id,
                                      sha256=meta.get("sha256", ""), progress=progress, cancel=cancel)

    return info, write, row


def _audit_view(library: Library, info: dict[str, Any], row: Record) -> None:
    if info["sealed"]:
        library.audit.record_now("view_attachment", row.id, {"attachment": info["id"], "access": row.access_level})


def extract(library: Library, attachment_id: int, dst: Path, *, progress: Progress | None = None,
            cancel: CancelToken = _never) -> Path:
    """Write an attachment's plaintext to ``dst`` (a file, or a folder to put it in by its
    name). Written atomically; a sealed file failing authentication leaves nothing behind."""
    info, write, row = opening(library, attachment_id)
    dst = Path(dst)
    if dst.is_dir():
        dst = dst / Path(info["filename"] or f"attachment-{attachment_id}").name
    write_atomically(dst, lambda fh: write(fh, progress, cancel))
    _audit_view(library, info, row)
    return dst


def read_bytes(library: Library, attachment_id: int, limit: int) -> bytes | None:
    """A small attachment's bytes in memory (a preview or thumbnail), None when larger than
    ``limit``; a sealed one is opened only in memory, and the view is audited."""
    info, write, row = opening(library, attachment_id)
    if info["size"] > limit:
        return None
    buffer = io.BytesIO()
    write(buffer)
    _audit_view(library, info, row)
    return buffer.getvalue()


def remove(library: Library, attachment_id: int) -> None:
    with library.writing() as session:
        library.access.require_writer(session)
        attachment, row = _attachment(session, library, attachment_id)
        library.records.require_own(session, row.id, "detach")
        if attachment.sealed:
            _key(library, session, row)
        blob, sealed = attachment.sha256, attachment.sealed
        session.delete(attachment)
        session.merge(IndexQueue(record_id=row.id))
        library.audit.record(session, "detach", row.id, {"attachment": attachment_id})
    _drop_if_unused(library, blob, sealed)


def _drop_if_unused(library: Library, blob: str, sealed: bool) -> None:
    """Remove a stored file no attachment uses, nor a record in the trash (whose files stay
    until it is emptied: a SHA-256 in hex is found in its JSON as itself)."""
    with library.reading() as session:
        used = session.scalar(select(func.count()).select_from(Attachment).where(Attachment.sha256 == blob)) or 0
        used += session.scalar(select(func.count()).select_from(TrashEntry).where(
            TrashEntry.files.cast(Text).contains(blob, autoescape=True))) or 0
    if not used:
        store(library).remove(blob, sealed)


def forget(library: Library, session: Session, record_id: str) -> None:
    """The record's attachment rows are going (with it, by the foreign key): after the commit,
    remove the blobs nothing else uses, so a deleted record's files leave the disk."""
    release(library, session, [(blob, sealed) for blob, sealed in session.execute(
        select(Attachment.sha256, Attachment.sealed).where(Attachment.record_id == record_id))])


def release(library: Library, session: Session, blobs: list[tuple[str, bool]]) -> None:
    """After ``session`` commits, remove those of ``blobs`` (sha256, sealed) nothing uses any more."""
    if blobs:
        def drop(_session: Session) -> None:
            for blob, sealed in blobs:
                _drop_if_unused(library, blob, sealed)

        event.listen(session, "after_commit", drop, once=True)


def public_texts(session: Session, record_ids: list[str]) -> dict[str, list[str]]:
    """Extracted text of public records' files, by record, for the on-disk index (one query for
    a whole indexing batch)."""
    texts: dict[str, list[str]] = {}
    rows = session.execute(select(Attachment.record_id, Attachment.text).where(
        Attachment.record_id.in_(record_ids), Attachment.sealed.is_(False), Attachment.text.is_not(None)))
    for record_id, text in rows:
        if text:
            texts.setdefault(record_id, []).append(text)
    return texts


def reseal(library: Library, session: Session, row: Record, old_key: bytes | None, new_key: bytes | None) -> None:
    """Bring a record's attachments to its new key (called in the transaction that changed it).
    Sealed -> sealed re-seals only the metadata (the file key moves to the new record key);
    public -> sealed seals the bytes into a new random blob; sealed -> public opens them into
    the plain store. Blobs no longer needed are removed after the commit; blobs written for a
    transaction that rolls back are removed after the rollback."""
    attachments = list(session.scalars(select(Attachment).where(Attachment.record_id == row.id)))
    if not attachments:
        return
    files = store(library)
    written: list[tuple[str, bool]] = []
    retired: list[tuple[str, bool]] = []
    for attachment in attachments:
        if attachment.sealed:
            if old_key is None:
                raise AccessDenied(f"record {row.id} has sealed files this profile cannot open")
            meta = _open_meta(row, attachment, old_key)
            if new_key is not None:
                attachment.sealed_meta = sealing.seal_json(meta, new_key, row.id, _meta_field(attachment.sha256))
                continue
            plain = _unseal_to_plain(files, attachment.sha256, meta, row.id)
            written.append((plain, False))
            retired.append((attachment.sha256, True))
            attachment.sha256, attachment.sealed, attachment.sealed_meta = plain, False, None
            attachment.filename, attachment.media_type, attachment.text = meta["filename"], meta["media_type"], meta["text"]
        elif new_key is not None:
            file_key = aead.new_data_key()
            with files.read_plain(attachment.sha256) as src:
                blob, sha256, _ = files.put_sealed(src, file_key, row.id)
            written.append((blob, True))
            retired.append((attachment.sha256, False))
            meta = {"filename": attachment.filename, "media_type": attachment.media_type, "sha256": sha256,
                    "text": attachment.text, "file_key": base64.b64encode(file_key).decode()}
            attachment.sha256, attachment.sealed = blob, True
            attachment.sealed_meta = sealing.seal_json(meta, new_key, row.id, _meta_field(blob))
            attachment.filename, attachment.media_type, attachment.text = "", "application/octet-stream", None
    session.flush()

    def committed(_session: Session) -> None:
        for blob, sealed in retired:
            _drop_if_unused(library, blob, sealed)

    def rolled_back(_session: Session) -> None:
        for blob, sealed in written:
            if not sealed:
                continue  # a plain blob may be shared; orphans are harmless and public
            files.remove(blob, True)

    event.listen(session, "after_commit", committed, once=True)
    event.listen(session, "after_soft_rollback", rolled_back, once=True)


def _unseal_to_plain(files: FileStore, blob: str, meta: dict[str, Any], record_id: str) -> str:
    """Open a sealed blob straight into the plain store: the plaintext is never written anywhere
    but its final, content-addressed place."""
    written: list[str] = []

    def consume(source: BinaryIO) -> str:
        name, _, _ = files.put_plain(source)
        written.append(name)
        return name

    try:
        return through_pipe(lambda sink: files.extract(blob, True, sink, file_key=base64.b64decode(meta["file_key"]),
                                                       record_id=record_id, sha256=meta["sha256"]), consume)
    except BaseException:
        for name in written:
            files.remove(name, False)
        raise
