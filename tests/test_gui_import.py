"""The import dialog, the attachments view and the export formats, driven as a person would."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_as_custodian

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture
def progress(qtbot):
    """The status bar's import progress, on its own (the window has one)."""
    from kmdesk.gui.import_dialog import ImportProgress

    widget = ImportProgress(None)
    qtbot.addWidget(widget)
    return widget


def test_import_dialog_previews_lets_the_mapping_change_and_reports(tmp_path, qtbot, library, progress):
    from kmdesk.gui.import_dialog import ImportDialog

    path = tmp_path / "sheet.csv"
    path.write_text("Nom;Mots;Année\nPêche à pied;pêche;2019\n;vide;2020\nCommunity seed bank guide;x;2020\n",
                    encoding="utf-8")
    dialog = ImportDialog(None, library, path, progress)
    qtbot.addWidget(dialog)
    assert list(dialog.combos) == ["Nom", "Mots", "Année"]
    assert dialog.column_map() == {"Nom": "", "Mots": "", "Année": ""}
    becomes = dialog.table.columnCount() - 1
    assert dialog.table.item(1, becomes).text() == \
        "Title cannot be imported as it is (a record needs a title in at least one language)"
    assert [dialog.table.verticalHeaderItem(n).text() for n in range(1, 4)] == ["row 2", "row 3", "row 4"]
    dialog.set_mapping("Nom", "title:fr")
    dialog.set_mapping("Mots", "keywords")
    dialog.set_mapping("Année", "year")
    assert dialog.table.item(1, becomes).text() == "Pêche à pied"
    assert dialog.table.item(1, 1).text() == "pêche"
    dialog.duplicates.setCurrentIndex(dialog.duplicates.findData("skip"))
    with qtbot.waitSignal(dialog.finished_import) as signal:
        dialog.import_button.click()
    report = signal.args[0]
    assert report["counts"] == {"imported": 1, "error": 1, "skipped": 1}
    assert dialog.pages.currentIndex() == 1
    shown = [dialog.result_tree.topLevelItem(i).text(1) for i in range(dialog.result_tree.topLevelItemCount())]
    assert shown == ["imported", "not imported", "skipped"]
    assert "Imported: 1" in dialog.result_label.text()
    assert library.index.search("pêche").total == 1


def test_import_dialog_for_a_file_that_maps_itself_and_a_bad_file(tmp_path, qtbot, library, progress):
    from kmdesk.gui.import_dialog import ImportDialog

    dialog = ImportDialog(None, library, FIXTURES / "chm_resource.json", progress)
    qtbot.addWidget(dialog)
    assert dialog.combos == {} and dialog.import_button.isEnabled()
    assert dialog.table.item(1, 0).text() == "Guide to community protocols for ABS"
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    broken = ImportDialog(None, library, bad, progress)
    qtbot.addWidget(broken)
    assert "not a CHM document" in broken.summary.text() and not broken.import_button.isEnabled()


def test_a_cancelled_dialog_import_changes_nothing(monkeypatch, qtbot, library, progress):
    from kmdesk.gui import workers
    from kmdesk.gui.import_dialog import ImportDialog

    dialog = ImportDialog(None, library, FIXTURES / "zotero.ris", progress)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(workers.Task, "cancelled", lambda self: True)
    dialog.import_button.click()
    assert library.records.count() == 4 and dialog.report is None and dialog.import_button.isEnabled()


def test_main_window_opens_the_dialog_for_other_formats_and_exports_each(tmp_path, window, library):
    from kmdesk.gui.import_dialog import ImportDialog

    window.import_file(FIXTURES / "zotero.bib")
    dialogs = window.findChildren(ImportDialog)
    assert dialogs and dialogs[-1].source.format == "bibtex"
    for fmt in ("csv", "ris", "bibtex", "dc", "kmd", "chm"):
        out = tmp_path / f"out.{fmt}"
        window.export_file(out, fmt)
        assert out.stat().st_size > 0
    assert set(window.export_filters().values()) == {"json", "kmd", "csv", "ris", "bibtex", "chm", "dc"}


def test_attachments_view_adds_lists_thumbnails_and_removes(tmp_path, qtbot, library):
    from kmdesk.core.store import attachments
    from kmdesk.gui.attachments_view import AttachmentsView
    from kmdesk.gui.qt import QColor, QImage

    record = next(library.records.iter_all())
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("green"))
    picture = tmp_path / "photo.png"
    assert image.save(str(picture))
    note = tmp_path / "note.txt"
    note.write_text("hello", encoding="utf-8")
    view = AttachmentsView(library)
    qtbot.addWidget(view)
    view.show_record(record["id"])
    assert view.list.count() == 0 and not view.remove_button.isEnabled()
    view.add_files([picture, note])  # as a drop of two files does
    assert [a["filename"] for a in attachments.list_for(library, record["id"])] == ["photo.png", "note.txt"]
    assert view.list.count() == 2
    icon_size = view.list.item(0).icon().actualSize(view.list.iconSize())
    assert icon_size.width() == 96 and icon_size.height() == 72  # the photo, scaled keeping its shape
    view.list.setCurrentRow(1)
    assert view.remove_button.isEnabled()
    view.remove_selected()
    assert [a["filename"] for a in attachments.list_for(library, record["id"])] == ["photo.png"]


def test_open_uses_a_private_copy_that_is_cleaned_up(monkeypatch, tmp_path, qtbot, library):
    from kmdesk.gui import attachments_view
    from kmdesk.gui.attachments_view import AttachmentsView

    opened = []
    monkeypatch.setattr(attachments_view.QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())))
    record = next(library.records.iter_all())
    note = tmp_path / "note.txt"
    note.write_text("private copy", encoding="utf-8")
    view = AttachmentsView(library)
    qtbot.addWidget(view)
    view.show_record(record["id"])
    view.add_files([note])
    view.list.setCurrentRow(0)
    view.open_selected()
    (copy,) = opened
    assert copy.read_text(encoding="utf-8") == "private copy" and copy != note
    view.show_record(None)  # another record shown: the copies go
    assert not copy.exists()


def test_import_dialog_opens_a_sealed_archive_with_its_passphrase(tmp_path, qtbot, progress):
    from kmdesk.core.io import exporter
    from kmdesk.gui.import_dialog import ImportDialog

    def guarded(path):
        lib = open_as_custodian(path, "keeper pass")
        lib.access.add_community("Siida", "no")
        return lib

    with guarded(tmp_path / "a") as source:
        source.records.add({"type": "practice", "title": {"en": "Community practice"}, "community": "Siida",
                            "access": {"level": "community"}})
        exporter.export(source, "kmd", tmp_path / "move.kmd", sealed_passphrase="transfer words")
    with guarded(tmp_path / "b") as target:
        dialog = ImportDialog(None, target, tmp_path / "move.kmd", progress)
        qtbot.addWidget(dialog)
        assert "give the archive passphrase" in dialog.table.item(1, 0).text()
        dialog.passphrase.setText("transfer words")
        dialog.reopen()
        assert dialog.table.item(1, 0).text() == "Community practice"
        with qtbot.waitSignal(dialog.finished_import):
            dialog.import_button.click()
        assert target.records.count() == 1
