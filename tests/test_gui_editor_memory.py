"""Record editors leave nothing behind: every editor opened with Ctrl+N or Ctrl+E, closed in any
of the ways a person closes it, is deleted with all its widgets, and its Python object is
collected. The window is the editors' parent, so without this it kept each one for the session."""

from __future__ import annotations

import gc
import weakref

import pytest

from kmdesk.gui import workers

EDITORS = 20


@pytest.fixture
def window(qtbot, library):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    opened = MainWindow(library, Settings(), language="en")
    qtbot.addWidget(opened)
    opened.reload()
    opened.show()
    opened.table.selectRow(0)
    return opened


def settle() -> None:
    """Deliver what is queued, run the deferred deletions, then collect Python's cycles."""
    from kmdesk.gui.qt import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def widget_count() -> int:
    """Widgets alive; a leak shows as more than before (a transient tooltip may make it fewer)."""
    from kmdesk.gui.qt import QApplication

    return len(QApplication.allWidgets())


def close_as_a_person(window, editor, way: int) -> None:
    """Cancel, Save and close, Ctrl+S then Cancel, or a refused entry fixed then Cancel."""
    if way == 0:
        editor.reject()
    elif way == 1:
        editor.set_text("title", "en", f"{editor.windowTitle()} {way}")
        editor.accept()
    elif way == 2:
        editor.set_text("title", "en", "Saved, still open")
        editor.save()
        assert editor.isVisible()
        editor.reject()
    else:
        editor.date_edit.setText("2024-13")
        editor.accept()
        assert editor.isVisible()  # refused: the editor stays open with the reason
        editor.reject()


def test_closed_editors_are_deleted_and_collected(window, library):
    settle()
    baseline = widget_count()
    editors: list[weakref.ref] = []
    for n in range(EDITORS):
        editor = window.new_record() if n % 2 == 0 else window.edit_record()
        assert editor is not None
        editors.append(weakref.ref(editor))
        close_as_a_person(window, editor, (n // 2) % 4)
        del editor
        settle()
    assert widget_count() <= baseline
    assert [ref for ref in editors if ref() is not None] == []
    assert library.records.count() > 4  # the editors did save: what was kept was not the work


def test_an_editor_closed_while_its_save_runs_on_a_thread_is_told_then_deleted(window, library, monkeypatch):
    """Save and close hands the write to the writer thread: the editor lives until the result
    reaches it (a refusal gives it back to the person), and is deleted after."""
    from kmdesk.gui.record_editor import RecordEditor

    settle()
    baseline = widget_count()
    workers.set_synchronous(False)
    try:
        editor = window.new_record()
        editor.set_text("title", "en", "Written on the writer thread")
        told: list[str] = []
        real_saved = RecordEditor.saved

        def saved(self, record):
            told.append(self.windowTitle())  # raises if the editor was deleted before it was told
            real_saved(self, record)

        monkeypatch.setattr(RecordEditor, "saved", saved)
        ref = weakref.ref(editor)
        editor.accept()
        assert not editor.isVisible()
        settle()
        assert ref() is not None  # the save is still on its way: the editor waits for it
        del editor
        assert workers.wait_idle(30)
        settle()
        assert told == ["New record"] and library.index.search("writer thread").total == 1
        assert ref() is None and widget_count() <= baseline

        refused = window.new_record()
        refused.set_text("title", "en", "Refused by the library")
        window.library.records.add = lambda _data: (_ for _ in ()).throw(PermissionError("no"))
        refused.accept()
        assert workers.wait_idle(30)
        settle()
        assert refused.isVisible() and "no" in refused.error_label.text()  # given back, typing kept
        ref = weakref.ref(refused)
        refused.reject()
        del refused
        settle()
        assert ref() is None and widget_count() <= baseline
    finally:
        assert workers.wait_idle(30)
        workers.set_synchronous(True)


def test_the_window_caps_malloc_arenas_on_glibc():
    """Memory the index's writer threads free goes back to the process's two arenas, not to an
    arena per thread that keeps it (``malloc_arenas``); elsewhere nothing is changed."""
    import platform

    from kmdesk.core.malloc_arenas import limit_malloc_arenas

    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert limit_malloc_arenas() is glibc
