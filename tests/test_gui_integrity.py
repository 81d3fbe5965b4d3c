"""The window says what the session finds failing, not only at the start: after a sync (or a pull,
an import, File › Check index) the status bar carries an integrity warning with a button to the
details, each problem named by its record; a library that checks clean shows none."""

from __future__ import annotations

import pytest
from conftest import on_the_file

from kmdesk.core.chm.demo import CHM_TARGET
from kmdesk.gui.qt import QMessageBox, Qt

PASS = "gui integrity custodian passphrase"
REFSERVER_SEED = 1




@pytest.fixture
def window(make_window, ref_library):
    shown = make_window(ref_library)
    shown.sync_panel.show()
    shown.sync_panel.target_combo.setCurrentText(CHM_TARGET)
    return shown


def test_a_sync_that_meets_a_row_changed_in_the_file_raises_the_warning(qtbot, window):
    library, panel = window.library, window.sync_panel
    record = library.records.add({"type": "practice", "title": {"en": "Zai pits"}, "summary": {"en": "Pits that hold water."},
                                  "creators": ["Awa Ouedraogo"], "access": {"level": "public"}})
    library.sync.share([record["id"]], CHM_TARGET)
    window.reload()
    assert window.integrity.isHidden()
    on_the_file(library.data_dir, "UPDATE records SET type = 'traditional_knowledge' WHERE id = ?", params=(record["id"],))
    qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert not window.integrity.isHidden()
    assert "rows that failed their integrity check (changed outside kmdesk): 1" in window.integrity.label.text()
    box = window.integrity.show_details()
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert f"record {record['id']}" in box.detailedText() and "does not match its signature" in box.detailedText()
    box.close()


def test_check_index_raises_the_warning_and_a_clean_library_lowers_it(qtbot, window, monkeypatch):
    from kmdesk.gui import window_index

    monkeypatch.setattr(window_index, "show_info", lambda *args: None)  # the index's own answer, a box
    library = window.library
    record = library.records.add({"type": "practice", "title": {"en": "Terraces"}, "access": {"level": "public"}})
    window.check_index()
    assert window.integrity.isHidden()
    on_the_file(library.data_dir, "UPDATE record_history SET by = 'Someone else' WHERE record_id = ?", params=(record["id"],))
    window.check_index()
    assert not window.integrity.isHidden()
    assert f"of record {record['id']} does not match its signature" in "\n".join(window.integrity.findings.problems)


def test_the_warning_speaks_the_interface_language(qtbot, translated, make_window, ref_library):
    from kmdesk.gui.integrity_status import Findings

    window = make_window(ref_library).set_language("fr")
    window.integrity.show_findings(Findings(problems=["record x: does not match its signature"]))
    assert "Integrity warning" not in window.integrity.label.text() and window.integrity.label.text()
    assert window.integrity.details_button.text() != "Details…"
