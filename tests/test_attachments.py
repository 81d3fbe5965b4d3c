"""Attachments: stored once, atomically, sealed for non-public records in a way that names
nothing, re-sealed when access changes, searchable only when public, audited when opened."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from conftest import open_as_custodian

from kmdesk.core.errors import AccessDenied, NotFound, TamperedData
from kmdesk.core.io import exporter
from kmdesk.core.store import attachments
from kmdesk.core.store.files import FileStore

CANARY = b"Xqjsealedfilecanary bytes of a sacred song"
NAME = "Zvqsecretname-song.txt"
PASS = "keeper passphrase"


@pytest.fixture
def guarded(tmp_path):
    lib = open_as_custodian(tmp_path / "lib", PASS)
    lib.access.add_community("Siida", "no")
    yield lib
    lib.close()


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_public_attachment_is_content_addressed_deduplicated_and_searchable(library, tmp_path):
    record = next(library.records.iter_all())
    path = _file(tmp_path, "notes.txt", b"field notes about the okapi")
    first = attachments.add(library, record["id"], path)
    again = attachments.add(library, record["id"], path)
    assert first == again  # the same bytes on one record are kept once
    other = [r for r in library.records.iter_all()][1]
    attachments.add(library, other["id"], _file(tmp_path, "copy.txt", b"field notes about the okapi"))
    store = FileStore(library.data_dir / "files")
    assert store.names(False) == {hashlib.sha256(b"field notes about the okapi").hexdigest()}
    assert sorted(h.id for h in library.index.search("okapi").hits) == sorted([record["id"], other["id"]])
    out = attachments.extract(library, first["id"], tmp_path / "out")
    assert out.read_bytes() == b"field notes about the okapi"
    attachments.remove(library, first["id"])
    assert store.names(False)  # still used by the other record
    assert [h.id for h in library.index.search("okapi").hits] == [other["id"]]
    assert not list((library.data_dir / "files" / "tmp").iterdir())  # no temporary left behind


def test_pdf_text_is_extracted(library, tmp_path):
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 20 100 Td (pangolin survey) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    record = next(library.records.iter_all())
    info = attachments.add(library, record["id"], _file(tmp_path, "survey.pdf", buffer.getvalue()))
    assert info["media_type"] == "application/pdf" and info["has_text"]
    assert [h.id for h in library.index.search("pangolin").hits] == [record["id"]]


def _everything_on_disk(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_sealed_attachment_bytes_and_name_never_appear_on_disk_or_in_exports(guarded, tmp_path):
    record = guarded.records.add({"type": "traditional_knowledge", "title": {"en": "Song"}, "community": "Siida",
                                  "access": {"level": "community"}})
    info = attachments.add(guarded, record["id"], _file(tmp_path, NAME, CANARY))
    assert info["filename"] == NAME and info["sha256"] == hashlib.sha256(CANARY).hexdigest()
    (tmp_path / NAME).unlink()
    disk = _everything_on_disk(guarded.data_dir)
    for secret in (CANARY, b"Xqjsealedfilecanary", NAME.encode(), b"Zvqsecretname", hashlib.sha256(CANARY).hexdigest().encode()):
        assert secret not in disk
    store = FileStore(guarded.data_dir / "files")
    (blob,) = store.names(True)
    assert blob != hashlib.sha256(CANARY).hexdigest()
    # identical plaintext on another sealed record gets an unrelated name
    other = guarded.records.add({"type": "traditional_knowledge", "title": {"en": "Song 2"}, "community": "Siida",
                                 "access": {"level": "community"}})
    attachments.add(guarded, other["id"], _file(tmp_path, "again.txt", CANARY))
    assert len(store.names(True)) == 2
    for fmt in exporter.FORMATS:
        buffer = io.BytesIO()
        exporter.export(guarded, fmt, buffer)
        data = buffer.getvalue()
        if fmt == "kmd":
            with zipfile.ZipFile(io.BytesIO(data)) as zipped:
                data = b"".join(zipped.read(n) for n in zipped.namelist())
        assert CANARY not in data and NAME.encode() not in data
    # a custodian opens it, and that is audited
    out = attachments.extract(guarded, info["id"], tmp_path)
    assert out.name == NAME and out.read_bytes() == CANARY
    assert any(e["action"] == "view_attachment" and e["target"] == record["id"] for e in guarded.audit.events())
    assert NAME.encode() not in b"".join(str(e).encode() for e in guarded.audit.events())


def test_locked_profile_sees_no_name_and_cannot_extract(guarded, tmp_path):
    record = guarded.records.add({"type": "traditional_knowledge", "title": {"en": "Song"}, "community": "Siida",
                                  "access": {"level": "community"}})
    info = attachments.add(guarded, record["id"], _file(tmp_path, NAME, CANARY))
    guarded.lock()
    (listed,) = attachments.list_for(guarded, record["id"])
    assert listed["filename"] is None and listed["sha256"] is None and listed["sealed"]
    with pytest.raises(AccessDenied):
        attachments.extract(guarded, info["id"], tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_access_change_reseals_and_unseals_attachments(guarded, tmp_path):
    record = guarded.records.add({"type": "practice", "title": {"en": "Weaving"}, "community": "Siida"})
    info = attachments.add(guarded, record["id"], _file(tmp_path, "pattern.txt", b"Wqzweavingpattern loom notes"))
    store = FileStore(guarded.data_dir / "files")
    assert store.names(False) and guarded.index.search("Wqzweavingpattern").total == 1
    guarded.records.update(record["id"], {"access": {"level": "community"}})
    assert not store.names(False) and len(store.names(True)) == 1
    assert b"Wqzweavingpattern" not in _everything_on_disk(guarded.data_dir / "files")
    assert guarded.index.search("Wqzweavingpattern").total == 0  # a sealed file's text is never indexed
    (listed,) = attachments.list_for(guarded, record["id"])
    assert listed["filename"] == "pattern.txt" and listed["sealed"]
    guarded.records.update(record["id"], {"title": {"en": "Weaving (edited)"}})  # new record key: metadata re-sealed
    assert attachments.extract(guarded, info["id"], tmp_path / "a.txt").read_bytes() == b"Wqzweavingpattern loom notes"
    guarded.records.update(record["id"], {"access": {"level": "public"}})
    assert store.names(False) and not store.names(True)
    (listed,) = attachments.list_for(guarded, record["id"])
    assert listed["filename"] == "pattern.txt" and not listed["sealed"]
    assert guarded.index.search("Wqzweavingpattern").total == 1


def test_tampered_sealed_file_is_refused_and_leaves_nothing(guarded, tmp_path):
    record = guarded.records.add({"type": "traditional_knowledge", "title": {"en": "Song"}, "community": "Siida",
                                  "access": {"level": "community"}})
    info = attachments.add(guarded, record["id"], _file(tmp_path, "s.txt", CANARY * 10))
    store = FileStore(guarded.data_dir / "files")
    (blob,) = store.names(True)
    path = store.path(blob, True)
    data = bytearray(path.read_bytes())
    data[-5] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(TamperedData):
        attachments.extract(guarded, info["id"], tmp_path / "out.txt")
    assert not (tmp_path / "out.txt").exists()


def test_missing_things_are_clear(library, tmp_path):
    record = next(library.records.iter_all())
    with pytest.raises(NotFound, match="cannot read"):
        attachments.add(library, record["id"], tmp_path / "nope.txt")
    with pytest.raises(NotFound, match="no attachment 99"):
        attachments.extract(library, 99, tmp_path)


def test_large_files_are_streamed_not_held_in_memory(guarded, tmp_path):
    import tracemalloc

    record = guarded.records.add({"type": "traditional_knowledge", "title": {"en": "Film"}, "community": "Siida",
                                  "access": {"level": "community"}})
    path = tmp_path / "film.bin"
    with path.open("wb") as fh:
        for i in range(48):
            fh.write(bytes([i]) * (1024 * 1024))
    tracemalloc.start()
    info = attachments.add(guarded, record["id"], path)
    attachments.extract(guarded, info["id"], tmp_path / "back.bin")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert info["size"] == 48 * 1024 * 1024
    assert peak < 12 * 1024 * 1024  # a few 1 MB chunks, never the 48 MB file
    assert (tmp_path / "back.bin").stat().st_size == 48 * 1024 * 1024


def test_a_deleted_record_keeps_its_files_until_the_trash_is_emptied(library, tmp_path):
    record = next(library.records.iter_all())
    attachments.add(library, record["id"], _file(tmp_path, "gone.txt", b"to be deleted"))
    store = FileStore(library.data_dir / "files")
    assert store.names(False)
    library.records.delete(record["id"])
    assert store.names(False)  # in the trash: restorable with its file
    library.trash.empty(record["id"])
    assert not store.names(False)


def test_rotating_a_protocol_key_reseals_file_metadata_and_the_file_still_opens(guarded, tmp_path):
    from kmdesk.core.store.model import Attachment

    guarded.access.add_protocol("Weavers", community="Siida")
    guarded.access.create_profile("Apprentice", "apprentice pass", ["contributor"])
    guarded.access.add_member("Weavers", "Apprentice")
    record = guarded.records.add({"type": "practice", "title": {"en": "Pattern"}, "community": "Siida",
                                  "access": {"level": "restricted", "protocols": ["Weavers"]}})
    info = attachments.add(guarded, record["id"], _file(tmp_path, "p.txt", b"twill pattern"))
    with guarded.reading() as session:
        before = session.get(Attachment, info["id"]).sealed_meta
    guarded.access.remove_member("Weavers", "Apprentice")
    with guarded.reading() as session:
        after = session.get(Attachment, info["id"]).sealed_meta
    assert after != before  # under the record's new key
    assert attachments.extract(guarded, info["id"], tmp_path / "out.txt").read_bytes() == b"twill pattern"
