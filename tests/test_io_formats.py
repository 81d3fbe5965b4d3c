"""Each import format reads what real tools write, and every kind of bad input is reported on
its row or entry (or, when the whole file is unusable, as one clear error naming the file)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmdesk.core.io import bibtex_format, chm_json, csv_format, importer, ris_format
from kmdesk.core.io.source import MAX_RATIO, MAX_WHOLE_FILE, ImportFileError

FIXTURES = Path(__file__).with_name("fixtures")
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def previewed(path: Path, fmt: str | None = None) -> list[dict]:
    return importer.preview(importer.open_source(path, fmt), limit=100)


# -- CSV -------------------------------------------------------------------------------------
def test_spreadsheet_csv_with_bom_semicolons_crlf_and_a_multiline_cell():
    rows = previewed(FIXTURES / "spreadsheet.csv")
    assert [r["label"] for r in rows] == ["row 2", "rows 3-4", "row 6"]  # the empty row 5 is skipped
    seeds, mangroves, herders = (r["record"] for r in rows)
    assert seeds["title"] == {"es": "Community seed banks in the Andes"}
    assert seeds["creators"] == [{"name": "Quispe, Mariano", "role": "author"}, {"name": "Mamani, Rosa", "role": "author"}]
    assert seeds["identifiers"] == {"doi": "10.1234/seed.2020"} and seeds["date"] == "2020"
    assert seeds["keywords"] == ["seed bank", "agrobiodiversity"] and seeds["countries"] == ["pe"]
    assert seeds["summary"] == {"es": "Families keep seed; they share it."}
    assert mangroves["title"] == {"fr": 'Gestion des mangroves, "approche communautaire"'}
    assert mangroves["summary"]["fr"] == "Multi-line\nsummary from a spreadsheet cell"  # a library keeps line ends as \\n
    assert herders["countries"] == ["ke"]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_csv_invalid_utf8_row_is_reported_and_the_rest_goes_on(tmp_path):
    path = write(tmp_path, "mixed.csv", "title,keywords\nÉcole forestière,forêt\n".encode() + b"caf\xe9 latin-1,x\nthird,y\n")
    rows = previewed(path)
    assert rows[0]["record"]["title"] == {"en": "École forestière"}
    assert rows[1]["label"] == "row 3" and "not valid UTF-8 (byte 0xe9" in rows[1]["error"]
    assert rows[2]["record"]["title"] == {"en": "third"}


def test_csv_written_by_old_excel_in_cp1252_is_read_as_such(tmp_path):
    path = write(tmp_path, "excel.csv", "Title;Place\r\nPêche à pied;Bretagne\r\n".encode("cp1252"))
    source = importer.open_source(path)
    assert source.extra["encoding"] == "cp1252"
    assert importer.preview(source)[0]["record"]["title"] == {"en": "Pêche à pied"}


def test_csv_utf16_with_bom(tmp_path):
    path = write(tmp_path, "u16.csv", "title\tcountry\r\n草原保护\tcn\r\n".encode("utf-16"))
    assert previewed(path)[0]["record"]["title"] == {"en": "草原保护"}


def test_csv_wrong_quotes_give_row_errors(tmp_path):
    path = write(tmp_path, "quotes.csv", b'title,year\n"fine",2020\nstray "quote" here,2021,extra\n"open quote,2022\nlast,2023\n')
    rows = previewed(path)
    assert rows[0]["record"]["date"] == "2020"
    assert rows[1]["label"] == "row 3" and "expected 2 cells, found 3" in rows[1]["error"]
    assert "a quote is probably left open" in rows[2]["error"] or "expected 2 cells" in rows[2]["error"]


def test_csv_bad_header_and_binary_files_are_refused_whole(tmp_path):
    with pytest.raises(ImportFileError, match="empty"):
        importer.open_source(write(tmp_path, "empty.csv", b"\n\n"))
    with pytest.raises(ImportFileError, match="NUL bytes"):
        importer.open_source(write(tmp_path, "bin.csv", b"PK\x03\x04\x00\x00binary"))
    with pytest.raises(ImportFileError, match="appears twice"):
        importer.open_source(write(tmp_path, "dup.csv", b"title,title\na,b\n"))


def test_csv_monster_line_is_one_row_error(tmp_path):
    path = tmp_path / "long.csv"
    with path.open("wb") as fh:
        fh.write(b"title,year\nfirst,2020\n")
        fh.write(b"x" * (csv_format.MAX_LINE + 10) + b",2021\n")
        fh.write(b"after,2022\n")
    rows = previewed(path)
    assert rows[0]["record"]["title"] == {"en": "first"}
    assert "line longer than" in rows[1]["error"]
    assert rows[2]["record"]["title"] == {"en": "after"}


@pytest.mark.parametrize("fmt, name", [("ris", "huge.ris"), ("bibtex", "huge.bib"), ("chm", "huge.json"),
                                       ("xlsx", "huge.xlsx")])
def test_a_1gb_file_is_refused_by_formats_read_whole(tmp_path, fmt, name):
    path = tmp_path / name
    with path.open("wb") as fh:
        fh.truncate(1024 ** 3)  # sparse: costs no disk
    with pytest.raises(ImportFileError, match=f"limit is {MAX_WHOLE_FILE // 2**20} MB"):
        importer.open_source(path, fmt)


# -- XLSX ------------------------------------------------------------------------------------
def test_xlsx_first_sheet_with_dates_and_numbers(tmp_path):
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Inventory"
    sheet.append(["Title", "Date", "GBF targets", "Keywords"])
    sheet.append(["Seed fair", dt.datetime(2022, 5, 3), 13, "seeds; fairs"])
    sheet.append([None, None, None, None])
    sheet.append(["Honey hunting", 2019, "10;21", None, "stray"])
    book.save(tmp_path / "inv.xlsx")
    rows = previewed(tmp_path / "inv.xlsx")
    assert rows[0]["record"]["date"] == "2022-05-03" and rows[0]["record"]["gbf_targets"] == [13]
    assert rows[0]["record"]["keywords"] == ["seeds", "fairs"]
    assert rows[1]["label"] == "sheet 'Inventory' row 4" and "in columns without a name in row 1" in rows[1]["error"]


def test_xlsx_zip_bomb_is_refused_before_opening(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(300):
                fh.write(block)
    with pytest.raises(ImportFileError, match="zip bomb"):
        importer.open_source(path)


def test_not_a_workbook(tmp_path):
    with pytest.raises(ImportFileError, match="not an Excel .xlsx workbook"):
        importer.open_source(write(tmp_path, "fake.xlsx", b"title\nnot a zip\n"))


# -- RIS -------------------------------------------------------------------------------------
def test_zotero_ris():
    rows = previewed(FIXTURES / "zotero.ris")
    fire, berkes, lbo = (r["record"] for r in rows)
    assert fire["title"] == {"en": "Indigenous fire stewardship and biodiversity in Australian savannas"}
    assert fire["summary"]["en"].startswith("Aboriginal ranger groups reinstated early dry-season burning across western")
    assert fire["languages"] == ["en"] and fire["date"] == "2019"
    assert fire["identifiers"] == {"doi": "10.5751/es-10958-240307", "issn": "1708-3087"}
    assert fire["keywords"] == ["fire management", "Indigenous knowledge", "savanna"]
    assert berkes["identifiers"] == {"isbn": "978-1-138-07105-9"}
    assert {"name": "Routledge", "role": "publisher"} in berkes["creators"]
    assert lbo["date"] == "2020-10-01"
    assert rows[2]["notes"] == ["unknown tag ZZ (line 46) ignored"]


def test_ris_without_er_text_outside_entries_and_bad_bytes(tmp_path):
    data = (b"garbage before\r\nTY  - GEN\r\nTI  - First\r\nTY  - GEN\r\nTI - One space\r\nER  - \r\n"
            b"TY  - GEN\r\nTI  - caf\xe9\r\nER  - \r\nTY  - GEN\r\nTI  - Last\r\n")
    rows = previewed(write(tmp_path, "sloppy.ris", data))
    assert [r.get("record", {}).get("title") for r in rows] == [{"en": "First"}, {"en": "One space"}, None, {"en": "Last"}]
    assert "text outside any entry ignored on line(s) 1" in rows[0]["notes"]
    assert any("no ER line" in n for n in rows[0]["notes"])
    assert "line 8: not valid UTF-8" in rows[2]["error"]
    assert rows[3]["notes"] == ["the file ended without an ER line"]


def test_ris_with_no_entries_says_so(tmp_path):
    rows = previewed(write(tmp_path, "none.ris", b"hello\nworld\n"))
    assert "no RIS entry found" in rows[0]["error"]


# -- BibTeX ----------------------------------------------------------------------------------
def test_zotero_bibtex_with_a_broken_entry():
    rows = previewed(FIXTURES / "zotero.bib")
    assert [r["label"] for r in rows] == ["entry 1 'russell-smith_indigenous_2019' (line 2)",
                                          "entry 2 'berkes_sacred_2018' (line 20)", "entry 3 'broken_2021' (line 30)",
                                          "entry 4 'nunez_saberes_2017' (line 35)"]
    fire = rows[0]["record"]
    assert fire["summary"]["en"].endswith("burning & reduced late-season wildfires.")
    assert fire["creators"][1] == {"name": "Yates, Cameron P.", "role": "author"}
    assert fire["source_url"] == "https://www.ecologyandsociety.org/vol24/iss3/art7/"
    assert "never closed" in rows[2]["error"] and "skipped" in rows[2]["error"]
    nunez = rows[3]["record"]
    assert nunez["title"] == {"es": "Saberes indígenas y conservación en la Amazonía peruana"}
    assert nunez["creators"][0]["name"] == "Nuñez, María" and nunez["creators"][1]["name"] == "Günther, Lukas"


def test_bibtex_strings_concatenation_and_parentheses(tmp_path):
    data = (b'@string{org = "Natural Justice"}\n@comment{ignored}\n'
            b'@misc(key1, title = org # " toolkit", year = 2012, month = jun)\n'
            b'@misc{key2, title = {Unbalanced}} }\n@misc{key3, title = {Fine}}\n')
    rows = previewed(write(tmp_path, "s.bib", data))
    assert rows[0]["record"]["title"] == {"en": "Natural Justice toolkit"}
    assert rows[1]["error"] and "key2" in rows[1]["label"]
    assert rows[2]["record"]["title"] == {"en": "Fine"}


# -- CHM -------------------------------------------------------------------------------------
def test_chm_resource_document():
    (row,) = previewed(FIXTURES / "chm_resource.json")
    record = row["record"]
    assert record["id"] == "3b1f3c3e-8d9c-4d2f-9a6b-1c2d3e4f5a6b"
    assert record["title"]["fr"] == "Guide des protocoles communautaires pour l'APA"
    assert record["countries"] == ["za", "ke"] and record["gbf_targets"] == [13, 22]
    assert record["labels"] == ["TK A", "TK CV"] and record["licence"] == "CC-BY-4.0"
    assert record["date"] == "2012-06" and record["source_url"] == "https://naturaljustice.org/bcp-toolkit"
    assert {"name": "UNEP", "role": "author"} in record["creators"]


def test_chm_list_response_and_a_foreign_document(tmp_path):
    good = json.loads((FIXTURES / "chm_resource.json").read_text(encoding="utf-8"))
    other = {"header": {"identifier": "x", "schema": "contact"}}
    path = write(tmp_path, "list.json", json.dumps({"Items": [good, other]}).encode())
    rows = previewed(path)
    assert rows[0]["record"]["title"]
    assert "not a CHM resource document (schema is 'contact'" in rows[1]["error"]


@pytest.mark.parametrize("payload, message", [(b"{not json", r"not valid JSON \(line 1"),
                                              (b'{"title": "x"}', "not a CHM document"),
                                              (b"[1, 2]", "not a CHM document")])
def test_json_that_is_not_a_chm_document(tmp_path, payload, message):
    with pytest.raises(ImportFileError, match=message):
        importer.open_source(write(tmp_path, "x.json", payload), "chm")


def test_unknown_extension_and_mapping_file(tmp_path):
    with pytest.raises(ImportFileError, match="unknown file type"):
        importer.open_source(write(tmp_path, "x.doc", b"x"))
    with pytest.raises(ImportFileError, match="'nonsense' is not a field"):
        importer.load_mapping(write(tmp_path, "m.json", b'{"A": "nonsense"}'))


# -- fuzzing: a parser never raises anything but ImportFileError, and never loses a row -----
def _parse(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    try:
        rows = importer.preview(importer.open_source(path), limit=10_000)
    except ImportFileError:
        return
    for row in rows:
        assert row.get("error") or row.get("record")


@FUZZ
@given(st.binary(max_size=400))
def test_fuzz_csv_bytes(tmp_path, data):
    _parse(tmp_path, "f.csv", b"title,keywords,year\n" + data)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["TY", "TI", "AU", "KW", "ER", "PY", "XX", "DO", ""]),
                          st.text(max_size=20)), max_size=30))
def test_fuzz_ris(tmp_path, lines):
    _parse(tmp_path, "f.ris", "\n".join(f"{t}  - {v}" if t else v for t, v in lines).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.text(alphabet=st.sampled_from(list('@misc{k,title={}}"#=\\\' \naéb')), max_size=200))
def test_fuzz_bibtex(tmp_path, text):
    _parse(tmp_path, "f.bib", text.encode())


@FUZZ
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["header", "schema", "identifier", "title", "Items", "countryRegions", "en"]),
                        inner, max_size=4), max_leaves=20))
def test_fuzz_chm_json(tmp_path, value):
    _parse(tmp_path, "f.json", json.dumps(value).encode())


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_xlsx_bytes(tmp_path, data):
    _parse(tmp_path, "f.xlsx", b"PK\x03\x04" + data)


def test_writers_produce_what_the_readers_read(tmp_path):
    record = {"id": "5d1e9b8a-1111-4222-8333-944455556666", "type": "resource", "resource_kind": "guide",
              "title": {"en": "A {braced} & 100% title_with $ymbols"}, "creators": [{"name": "Ngata, W.", "role": "author"}],
              "keywords": ["a", "b"], "labels": ["TK A"], "identifiers": {"doi": "10.1/x"}, "date": "2020-02-03"}
    with open(tmp_path / "out.bib", "w", encoding="utf-8") as out:
        bibtex_format.write([record], out)
    row = next(bibtex_format.read(tmp_path / "out.bib").rows())
    assert row.fields["title:en"] == [record["title"]["en"]]  # kmdesk_lang names the text's language
    with open(tmp_path / "out.ris", "w", encoding="utf-8") as out:
        ris_format.write([record], out)
    (entry,) = list(ris_format.read(tmp_path / "out.ris").rows())
    assert entry.fields["kmdesk-labels"] == ["TK A"] and entry.fields["kmdesk-kind"] == ["guide"]
    assert chm_json.to_record({"header": {"identifier": "x", "schema": "resource"}})["identifiers"] == {"chm": "x"}
    assert MAX_RATIO > 1


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["manifest.json", "library.json", "attachments.json", "files/ab", "../x",
                                           "/abs", "a\\b", "sealed/records.json"]),
                          st.binary(max_size=60)), max_size=5))
def test_fuzz_kmd_archive(tmp_path, entries):
    import warnings

    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # duplicate names are part of the fuzz
        for name, data in entries:
            archive.writestr(name, data)
    _parse(tmp_path, "f.kmd", buffer.getvalue())


def test_library_entries_that_are_not_records_are_row_errors(tmp_path):
    path = write(tmp_path, "lib.json", b'{"format": "kmdesk-library", "records": [1, {"type": "practice", "title": "ok"}]}')
    rows = previewed(path)
    assert "expected a record object, found int" in rows[0]["error"] and rows[1]["record"]["title"] == {"en": "ok"}
