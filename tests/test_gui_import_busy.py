"""The window stays usable while an import runs: the import dialog steps aside, the import's
progress and Cancel sit in the status bar, and typed searches are answered meanwhile. On REAL
worker threads, with the import held inside its transaction until the test lets it go on."""

from __future__ import annotations

import threading

import pytest

from kmdesk.gui import workers

ROWS = 30


@pytest.fixture
def window(qtbot, library):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    workers.set_synchronous(False)
    opened = MainWindow(library, Settings(), language="en")
    qtbot.addWidget(opened)
    opened.reload()
    opened.show()
    qtbot.waitUntil(lambda: opened.model.rowCount() == 4, timeout=10000)
    yield opened
    assert workers.wait_idle(30)
    workers.set_synchronous(True)


def titles(window) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def held_import(qtbot, window, tmp_path):
    """The import dialog of a CSV whose rows stop after the first one until ``go`` is set, and
    the event set when the import reached that point (inside its transaction)."""
    from kmdesk.gui.import_dialog import ImportDialog

    path = tmp_path / "sheet.csv"
    path.write_text("title:en,keywords\n" + "".join(f"Grazing note {n},pasture\n" for n in range(ROWS)),
                    encoding="utf-8")
    window.import_file(path)
    dialog = window.findChildren(ImportDialog)[-1]
    qtbot.waitUntil(lambda: dialog.source is not None, timeout=10000)
    reached, go = threading.Event(), threading.Event()
    rows = dialog.source.rows

    def held():
        for number, row in enumerate(rows()):
            if number == 1:
                reached.set()
                go.wait(30)
            yield row

    dialog.source.rows = held
    return dialog, reached, go


def test_searches_are_answered_while_an_import_runs(qtbot, window, library, tmp_path):
    from kmdesk.gui.qt import QApplication

    dialog, reached, go = held_import(qtbot, window, tmp_path)
    progress = window.files.import_progress
    try:
        dialog.import_button.click()
        assert reached.wait(10)  # the import is inside its transaction now
        assert not dialog.isVisible() and QApplication.activeModalWidget() is None
        assert progress.isVisible() and progress.label.text() == "Importing sheet.csv…"
        assert progress.cancel_button.isEnabled()

        qtbot.keyClicks(window.search_edit, "mangrove")
        qtbot.waitUntil(lambda: titles(window) == ["Mangrove restoration workshop"], timeout=10000)
        assert not go.is_set() and progress.isVisible()  # answered while the import was still running

        window.import_file(tmp_path / "sheet.csv")  # a second import is refused, and says why
        assert "An import is running" in window.statusBar().currentMessage()
    finally:
        go.set()
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.pages.currentIndex() == 1, timeout=20000)
    assert not progress.isVisible()
    assert dialog.report["counts"] == {"imported": ROWS}
    assert library.records.count() == 4 + ROWS
    assert titles(window) == ["Mangrove restoration workshop"]  # the window kept the person's search

    from kmdesk.gui.qt import QCoreApplication, QEvent, isValid

    dialog.buttons.button(dialog.buttons.StandardButton.Close).click()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(dialog)  # closed, the dialog is gone with its report


def test_cancel_in_the_status_bar_stops_the_import_and_the_dialog_says_so(qtbot, window, library, tmp_path):
    from kmdesk.gui.qt import QMessageBox

    dialog, reached, go = held_import(qtbot, window, tmp_path)
    progress = window.files.import_progress
    try:
        dialog.import_button.click()
        assert reached.wait(10)
        progress.cancel_button.click()
    finally:
        go.set()
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=20000)
    assert not progress.isVisible() and dialog.import_button.isEnabled() and dialog.pages.currentIndex() == 0
    boxes = [box.text() for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    assert boxes == ["Cancelled. Nothing was changed."]
    assert library.records.count() == 4


def test_closing_the_window_cancels_a_running_import(qtbot, window, library, tmp_path):
    dialog, reached, go = held_import(qtbot, window, tmp_path)
    try:
        dialog.import_button.click()
        assert reached.wait(10)
        threading.Timer(0.5, go.set).start()  # the held row goes on while the window waits for its jobs
        window.close()
    finally:
        go.set()
    assert workers.wait_idle(30)
    assert library.records.count() == 4  # the import was one transaction: cancelled, nothing of it stayed
