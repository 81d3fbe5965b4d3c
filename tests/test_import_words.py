"""Where a row is and what is wrong with it reach the person in their language: the core gives
them as data (``place``, ``problem`` beside the English ``label`` and ``error``), the GUI words
them (``gui.import_words``); and Qt's own dialogs speak the interface language too."""

from __future__ import annotations

from pathlib import Path

import pytest

from kmdesk import i18n_build
from kmdesk.core.io import importer

FIXTURES = Path(__file__).with_name("fixtures")


def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text("title:en,gbf_targets,date\nSeed fair,4,2021\n,5,2020\nNight fishing,99,2019\n"
                    "Seed fair,4,2021\n", encoding="utf-8")
    return path


def test_the_core_says_where_and_what_as_data(tmp_path, library):
    rows = importer.preview(importer.open_source(sheet(tmp_path)))
    assert rows[0]["place"] == {"kind": "row", "row": 2} and rows[0]["problem"] is None
    assert rows[1]["place"] == {"kind": "row", "row": 3} and rows[1]["label"] == "row 3"
    assert rows[1]["problem"]["code"] == "invalid_record" and rows[1]["problem"]["params"]["field"] == "title"
    assert rows[2]["problem"]["params"]["field"] == "gbf_targets" and rows[2]["problem"]["params"]["value"] == 99
    report = importer.run(library, importer.open_source(sheet(tmp_path)))
    skipped = report["rows"][3]
    assert skipped["status"] == "skipped" and skipped["place"] == {"kind": "row", "row": 5}
    assert skipped["problem"] == {"code": "duplicate", "params": {"existing": report["rows"][0]["id"],
                                                                  "why": "same_title"}}
    assert skipped["reason"] == f"duplicate of {report['rows'][0]['id']} (same title and year)"  # the CLI's words


def test_a_reader_problem_and_notes_are_data_too(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text("a,b\n1,2,3\n", encoding="utf-8")
    (row,) = importer.preview(importer.open_source(path))
    assert row["problem"] == {"code": "cell_count", "params": {"expected": 2, "found": 3, "open_quote": False}}
    rows = importer.preview(importer.open_source(FIXTURES / "zotero.ris"))
    noted = [row for row in rows if row["note_problems"]]
    assert noted and noted[0]["note_problems"][0]["code"] in {"unknown_tag", "no_end", "stray_text", "no_end_before_next"}
    assert len(noted[0]["notes"]) == len(noted[0]["note_problems"])


def test_english_words_and_an_unknown_code_falls_back(qapp):
    from kmdesk.gui.import_words import note_words, place_words, problem_words

    assert place_words({"kind": "sheet_row", "sheet": "Data", "row": 4}, "x") == "sheet “Data” row 4"
    assert place_words({"kind": "somewhere_new", "row": 4}, "row 4 of the new format") == "row 4 of the new format"
    refused = {"code": "invalid_record", "params": {"field": "date", "value": "2024-13",
                                                     "detail": "date: '2024-13' is not YYYY, YYYY-MM or YYYY-MM-DD"}}
    assert problem_words(refused, "row 2: ...", lambda field: field.title()) == \
        "Date cannot be imported as it is ('2024-13' is not YYYY, YYYY-MM or YYYY-MM-DD)"
    assert problem_words({"code": "new_code", "params": {}}, "row 2: the English words") == "row 2: the English words"
    assert note_words({"code": "unknown_tag", "params": {"tag": "ZZ", "line": 46}}) == "unknown tag ZZ (line 46) ignored"


@pytest.fixture
def french(qapp):
    from kmdesk.render.translations import install_translations

    i18n_build.compile_all()
    install_translations(qapp, "fr")
    yield
    install_translations(qapp, "en")


def test_the_preview_and_the_report_speak_french(tmp_path, qtbot, library, french):
    from kmdesk.gui.import_dialog import ImportDialog, ImportProgress

    progress = ImportProgress(None)
    qtbot.addWidget(progress)
    dialog = ImportDialog(None, library, sheet(tmp_path), progress)
    qtbot.addWidget(dialog)
    header = [dialog.table.verticalHeaderItem(n).text() for n in range(1, dialog.table.rowCount())]
    assert header == ["ligne 2", "ligne 3", "ligne 4", "ligne 5"]
    becomes = dialog.table.columnCount() - 1
    assert dialog.table.item(2, becomes).text().startswith("Titre ne peut pas être importé tel quel")
    with qtbot.waitSignal(dialog.finished_import):
        dialog.import_button.click()
    shown = [[dialog.result_tree.topLevelItem(n).text(c) for c in range(3)] for n in range(dialog.result_tree.topLevelItemCount())]
    assert shown[0][:2] == ["ligne 2", "importée"]
    assert shown[3][0] == "ligne 5" and shown[3][2].startswith("doublon de ")
    assert "row" not in " ".join(text for line in shown for text in line)


@pytest.mark.parametrize("language", ["fr", "ru", "zh", "ar", "es"])
def test_qt_own_dialogs_speak_the_interface_language(qapp, language):
    from kmdesk.gui.qt import QCoreApplication
    from kmdesk.render.translations import install_translations

    try:
        install_translations(qapp, language)
        for text in ("Look in:", "Files of type:"):
            assert QCoreApplication.translate("QFileDialog", text) != text, (language, text)
    finally:
        install_translations(qapp, "en")
