"""Round trips, duplicates, cancel, and the export rules: what goes out comes back, nothing
non-public goes out, a cancelled import leaves nothing, every export is audited."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from kmdesk.core import attachments
from kmdesk.core.errors import Cancelled
from kmdesk.core.io import archive, exporter, importer
from kmdesk.core.io.source import ImportFileError
from kmdesk.core.store import Library

FULL = {"type": "resource", "resource_kind": "guide", "title": {"en": "Fire calendar of the Kimberley"},
        "summary": {"en": "When and where to burn."}, "body": {"en": "Notes from the rangers."},
        "keywords": ["fire", "calendar"], "creators": [{"name": "Ngata, Wiremu", "role": "author"},
                                                       {"name": "Yates, C.", "role": "editor"}],
        "date": "2019-06-01", "identifiers": {"doi": "10.5751/es-10958-240307", "isbn": "978-1-138-07105-9"},
        "source_url": "https://example.org/fire?x=1&y=2", "languages": ["en"], "labels": ["TK A", "TK CV"],
        "licence": "CC-BY-4.0", "countries": ["au"], "gbf_targets": [10, 22]}


def _fields(record: dict, names: tuple[str, ...]) -> dict:
    return {name: record.get(name) for name in names}


# Every field each format carries (docs/record-format.md lists them).
CARRIED = {
    "csv": ("id", "type", "resource_kind", "title", "summary", "body", "keywords", "creators", "date", "identifiers",
            "source_url", "languages", "labels", "licence", "countries", "gbf_targets"),
    "ris": ("id", "type", "resource_kind", "title", "summary", "body", "keywords", "creators", "date", "identifiers",
            "source_url", "languages", "labels"),
    "bibtex": ("id", "type", "resource_kind", "title", "summary", "body", "keywords", "creators", "date", "identifiers",
               "source_url", "languages", "labels", "licence", "countries", "gbf_targets"),
    "chm": ("id", "title", "summary", "date", "source_url", "labels", "licence", "countries", "gbf_targets"),
}


@pytest.mark.parametrize("fmt", sorted(CARRIED))
def test_records_through_a_format_and_back_keep_every_field_it_carries(tmp_path, fmt):
    with Library.open(tmp_path / "a") as source:
        original = source.add(FULL)
        out = tmp_path / f"out.{fmt}"
        assert exporter.export(source, fmt, out)["records"] == 1
    with Library.open(tmp_path / "b") as target:
        report = importer.run(target, importer.open_source(out, fmt))
        assert report["counts"] == {"imported": 1}, report
        again = target.get(original["id"])
    expected = _fields(original, CARRIED[fmt])
    if fmt == "chm":  # the CHM carries a month, not a day
        expected["date"] = "2019-06"
    assert _fields(again, CARRIED[fmt]) == expected


def test_library_to_archive_to_new_library_is_identical(tmp_path, library):
    first = next(library.iter_records())
    library.update(first["id"], {"keywords": ["edited"]})
    (tmp_path / "pic.txt").write_text("searchable attachment text about axolotls")
    attachments.add(library, first["id"], tmp_path / "pic.txt")
    out = tmp_path / "lib.kmd"
    assert exporter.export(library, "kmd", out)["records"] == 4
    with Library.open(tmp_path / "copy") as copy:
        report = importer.run(copy, importer.open_source(out))
        assert report["counts"] == {"imported": 4}
        for record in library.iter_records():
            assert copy.get(record["id"]) == record
            assert copy.history(record["id"]) == library.history(record["id"])
            theirs = [{k: v for k, v in a.items() if k != "id"} for a in attachments.list_for(copy, record["id"])]
            ours = [{k: v for k, v in a.items() if k != "id"} for a in attachments.list_for(library, record["id"])]
            assert theirs == ours
        assert [h.id for h in copy.search("axolotls").hits] == [first["id"]]
        assert copy.check().ok


def test_an_archive_has_no_workbook_size_limit(tmp_path, library, monkeypatch):
    """A library's files may add up to gigabytes: the archive keeps the zip-bomb ratio check but
    not the total a workbook is held to (shrunk here so the test stays small)."""
    from kmdesk.core.io import xlsx_format

    monkeypatch.setattr(xlsx_format, "MAX_UNCOMPRESSED", 64 * 1024)
    first = next(library.iter_records())
    (tmp_path / "recording.bin").write_bytes(bytes(range(256)) * 1024)  # 256 KB
    attachments.add(library, first["id"], tmp_path / "recording.bin")
    out = tmp_path / "big.kmd"
    exporter.export(library, "kmd", out)
    with Library.open(tmp_path / "copy") as copy:
        assert importer.run(copy, importer.open_source(out))["counts"] == {"imported": 4}
    sheet = tmp_path / "big.xlsx"
    with zipfile.ZipFile(sheet, "w") as book:
        book.writestr("xl/worksheets/sheet1.xml", b"<x/>" * 32 * 1024)
    with pytest.raises(ImportFileError, match="workbook would expand"):
        importer.open_source(sheet)


def _tamper(src: Path, dst: Path, change) -> None:
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            name, data = change(info.filename, data)
            new.writestr(name, data)


def test_archive_with_path_traversal_or_bad_checksum_is_rejected_naming_the_entry(tmp_path, library):
    out = tmp_path / "lib.kmd"
    exporter.export(library, "kmd", out)
    bad_sum = tmp_path / "sum.kmd"
    _tamper(out, bad_sum, lambda n, d: (n, d.replace(b"Rotational", b"Rotaxional") if n == "library.json" else d))
    with pytest.raises(ImportFileError, match="entry 'library.json' does not match its checksum"):
        importer.open_source(bad_sum)
    traversal = tmp_path / "trav.kmd"
    _tamper(out, traversal, lambda n, d: ("../../x" if n == "attachments.json" else n, d))
    with pytest.raises(ImportFileError, match=r"entry '../../x' points outside the archive"):
        importer.open_source(traversal)
    unlisted = tmp_path / "extra.kmd"
    with zipfile.ZipFile(out) as old, zipfile.ZipFile(unlisted, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        new.writestr("files/evil", b"x")
    with pytest.raises(ImportFileError, match="entry 'files/evil' is not listed"):
        archive.verify(unlisted)
    twice = tmp_path / "twice.kmd"
    with zipfile.ZipFile(out) as old, zipfile.ZipFile(twice, "w") as new, pytest.warns(UserWarning):
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename))
        new.writestr("library.json", b'{"format": "kmdesk-library", "records": []}')
    with pytest.raises(ImportFileError, match="entry 'library.json' appears twice"):
        archive.verify(twice)
    before = sorted(r["id"] for r in library.iter_records())
    assert sorted(r["id"] for r in library.iter_records()) == before


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_duplicates_skip_merge_keep(tmp_path, library):
    seed_bank = next(r for r in library.iter_records() if r["title"]["en"] == "Community seed bank guide")
    rows = ("title,date,keywords,doi\n"
            "Community Seed-Bank Guide,2020,storage,\n"               # same title and year (folded)
            "Community seed bank guid,2020,,\n"                     # near-identical
            "Brand new,2024,new,10.5555/new\n"
            "Another new,2024,,https://doi.org/10.5555/NEW\n")         # same DOI as the row above
    path = _csv(tmp_path, rows)
    skipped = importer.run(library, importer.open_source(path), on_duplicate="skip", dry_run=True)
    assert [r["status"] for r in skipped["rows"]] == ["skipped", "skipped", "imported", "skipped"]
    assert f"duplicate of {seed_bank['id']} (same title and year)" == skipped["rows"][0]["reason"]
    assert "near-identical title" in skipped["rows"][1]["reason"] and "same DOI 10.5555/new" in skipped["rows"][3]["reason"]
    assert library.count() == 4  # a dry run changes nothing

    merged = importer.run(library, importer.open_source(path), on_duplicate="merge")
    assert [r["status"] for r in merged["rows"]] == ["merged", "merged", "imported", "merged"]
    after = library.get(seed_bank["id"])
    assert after["keywords"] == ["seed bank", "storage"] and after["title"] == seed_bank["title"]
    assert library.history(seed_bank["id"])[-1]["action"] == "merge"
    assert library.count() == 5

    kept = importer.run(library, importer.open_source(path), on_duplicate="keep")
    assert kept["counts"] == {"imported": 4} and library.count() == 9
    assert len({r["id"] for r in kept["rows"]}) == 4


def test_bad_rows_are_reported_and_the_rest_imported(tmp_path, library):
    path = _csv(tmp_path, "title,type,gbf_targets\nGood one,practice,3\n,practice,\nBad target,practice,99\nBad type,novel,\n")
    report = importer.run(library, importer.open_source(path))
    assert [r["status"] for r in report["rows"]] == ["imported", "error", "error", "error"]
    assert report["rows"][1]["reason"].startswith("row 3: title: a record needs a title")
    assert report["rows"][2]["reason"].startswith("row 4: gbf_targets: 99 is not a GBF target")
    assert "row 5: type: 'novel' is not a record type" in report["rows"][3]["reason"]


def test_a_cancelled_import_leaves_nothing(tmp_path, library):
    path = _csv(tmp_path, "title\n" + "".join(f"Record {i}\n" for i in range(50)))
    seen = []

    def cancel() -> bool:
        return len(seen) >= 20

    with pytest.raises(Cancelled):
        importer.run(library, importer.open_source(path), progress=lambda done, total: seen.append(done), cancel=cancel)
    assert library.count() == 4 and library.check().ok
    assert library.search("Record").total == 0


def test_mapping_can_be_adjusted(tmp_path, library):
    path = _csv(tmp_path, "Nom,Résumé,Mots\nPêche durable,Une pratique,pêche;mer\n")
    source = importer.open_source(path)
    assert source.mapping == {"Nom": "", "Résumé": "", "Mots": ""}
    mapping = {"Nom": "title:fr", "Résumé": "summary:fr", "Mots": "keywords"}
    (row,) = importer.preview(source, mapping)
    assert row["record"]["title"] == {"fr": "Pêche durable"} and row["record"]["keywords"] == ["pêche", "mer"]


@pytest.fixture
def guarded(tmp_path):
    lib = Library.open(tmp_path / "guarded")
    lib.create_profile("Keeper", "keeper pass", ["custodian"])
    lib.unlock("Keeper", "keeper pass")
    lib.add_community("Siida", "no")
    yield lib
    lib.close()


def test_exports_hold_public_records_only_and_are_audited(tmp_path, guarded):
    guarded.add({"type": "practice", "title": {"en": "Open practice"}, "labels": ["TK A"]})
    guarded.add({"type": "traditional_knowledge", "title": {"en": "Zqxcommunitysecret"}, "community": "Siida",
                 "access": {"level": "community"}})
    for fmt in exporter.FORMATS:
        buffer = io.BytesIO()
        result = exporter.export(guarded, fmt, buffer)
        assert (result["records"], result["withheld"]) == (1, 1)
        data = buffer.getvalue()
        if fmt == "kmd":
            with zipfile.ZipFile(io.BytesIO(data)) as zipped:
                data = b"".join(zipped.read(n) for n in zipped.namelist())
        assert b"Zqxcommunitysecret" not in data
        assert b"TK A" in data, f"labels travel in {fmt}"
    events = [e for e in guarded.audit_log() if e["action"] == "export"]
    assert [e["details"]["format"] for e in events] == list(exporter.FORMATS)
    assert all(e["details"]["withheld"] == 1 for e in events)


def test_export_by_query(tmp_path, library):
    out = tmp_path / "q.json"
    result = exporter.export(library, "json", out, query="mangrove")
    assert result["records"] == 1
    assert [r["title"]["en"] for r in json.loads(out.read_text(encoding="utf-8"))["records"]] == ["Mangrove restoration workshop"]


SECRET = "Zqxsealedtransfercanary"
FILE_SECRET = b"Wqxsealedfilecanary in a recording"


def _receiver(path: Path) -> Library:
    lib = Library.open(path)
    lib.create_profile("Keeper", "keeper pass", ["custodian"])
    lib.unlock("Keeper", "keeper pass")
    lib.add_community("Siida", "no")
    return lib


def test_a_custodian_moves_sealed_records_to_another_library(tmp_path, guarded):
    guarded.add_protocol("Elders", community="Siida")
    restricted = guarded.add({"type": "traditional_knowledge", "title": {"en": SECRET}, "community": "Siida",
                              "access": {"level": "restricted", "protocols": ["Elders"]}, "labels": ["TK S"]})
    community = guarded.add({"type": "practice", "title": {"en": "Community practice"}, "community": "Siida",
                             "access": {"level": "community"}})
    guarded.update(community["id"], {"keywords": ["edited"]})
    recording = tmp_path / "song.txt"
    recording.write_bytes(FILE_SECRET)
    attachments.add(guarded, restricted["id"], recording)
    guarded.add({"type": "traditional_knowledge", "title": {"en": "Sacred"}, "community": "Siida",
                 "access": {"level": "sacred", "custodians": ["Keeper"]}})
    guarded.add({"type": "practice", "title": {"en": "Open practice"}})
    out = tmp_path / "move.kmd"
    result = exporter.export(guarded, "kmd", out, sealed_passphrase="transfer words")
    assert (result["records"], result["sealed"], result["withheld"]) == (1, 2, 1)  # sacred never leaves
    data = out.read_bytes()
    with zipfile.ZipFile(out) as zipped:
        data += b"".join(zipped.read(n) for n in zipped.namelist())
    assert SECRET.encode() not in data and FILE_SECRET not in data and b"song.txt" not in data

    with _receiver(tmp_path / "other") as other:
        other.add_protocol("Elders", community="Siida")
        without = importer.run(other, importer.open_source(out))
        assert without["counts"] == {"imported": 1, "error": 2}
        assert "give the archive passphrase" in without["rows"][1]["reason"]
        with pytest.raises(ImportFileError, match="passphrase does not open"):
            importer.open_source(out, passphrase="wrong words")
        report = importer.run(other, importer.open_source(out, passphrase="transfer words"))
        assert report["counts"] == {"skipped": 1, "imported": 2}
        for original in (restricted, community):
            moved = other.get(original["id"])
            mine = guarded.get(original["id"])
            assert {k: moved[k] for k in ("title", "access", "labels", "keywords", "revision")} == \
                   {k: mine[k] for k in ("title", "access", "labels", "keywords", "revision")}
            assert other.history(original["id"]) == guarded.history(original["id"])
        (moved_file,) = attachments.list_for(other, restricted["id"])
        assert moved_file["filename"] == "song.txt" and moved_file["sealed"]
        assert attachments.extract(other, moved_file["id"], tmp_path / "back.txt").read_bytes() == FILE_SECRET
        disk = b"".join(p.read_bytes() for p in (tmp_path / "other").rglob("*") if p.is_file())
        assert SECRET.encode() not in disk and FILE_SECRET not in disk


def test_only_a_custodian_makes_a_sealed_archive_and_only_as_an_archive(tmp_path, library):
    from kmdesk.core.errors import AccessDenied, KmdeskError

    with pytest.raises(ImportFileError, match="only a kmdesk archive"):
        exporter.export(library, "csv", tmp_path / "x.csv", sealed_passphrase="p")
    with pytest.raises((AccessDenied, KmdeskError)):
        exporter.export(library, "kmd", tmp_path / "x.kmd", sealed_passphrase="p")


def test_a_cancelled_library_file_import_adds_no_community_either(tmp_path):
    """A library file's communities and protocols are created in the import's own transaction:
    a cancel part-way leaves the library exactly as it was."""
    path = tmp_path / "lib.json"
    path.write_text(json.dumps({"format": "kmdesk-library", "version": 1,
                                "communities": [{"name": "Valle Nuevo", "country": "pe"}],
                                "records": [{"type": "practice", "title": {"en": f"Practice {n}"}} for n in range(3)]}),
                    encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        lib.create_profile("Keeper", "keeper passphrase", ["custodian"])
        lib.unlock("Keeper", "keeper passphrase")
        stored = []
        with pytest.raises(Cancelled):
            importer.run(lib, importer.open_source(path), progress=lambda done, total: stored.append(done),
                         cancel=lambda: len(stored) >= 2)
        assert stored and lib.communities() == [] and lib.count() == 0
        assert importer.run(lib, importer.open_source(path))["counts"] == {"imported": 3}
        assert [c["name"] for c in lib.communities()] == ["Valle Nuevo"]
