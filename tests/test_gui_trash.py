"""The trash in the window: its entry under the facets with its count, a window listing deleted
records (a restricted one without its title) where Restore and Empty trash work from the keyboard."""

from __future__ import annotations

import pytest
from conftest import DEMO_CONTRIBUTOR, DEMO_CUSTODIAN, unlock_on_screen
from test_gui_accessibility import unnamed_controls

from kmdesk.core.errors import NotFound


def titles(window) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def select(window, title: str) -> str:
    row = titles(window).index(title)
    window.table.selectRow(row)
    return window.model.record_id(row)


def test_a_deleted_record_is_counted_in_the_trash_and_restored(monkeypatch, qtbot, window, library):
    from kmdesk.gui.qt import QMessageBox, Qt
    from kmdesk.gui.trash_view import TrashView

    assert window.facets.trash_button.text() == "Trash (0)"
    record_id = select(window, "Community seed bank guide")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window.delete_record()
    assert window.facets.trash_button.text() == "Trash (1)"
    assert window.facets.trash_button.accessibleName() == "Trash (1)"

    window.facets.trash_button.click()
    [view] = window.findChildren(TrashView)
    assert view.tree.topLevelItemCount() == 1
    assert view.tree.topLevelItem(0).text(0) == "Community seed bank guide"
    assert "T" not in view.tree.topLevelItem(0).text(1)  # the locale's short date, not ISO
    assert view.restore_button.isEnabled() and unnamed_controls(view) == []
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)  # Enter on the chosen entry restores it
    assert library.records.get(record_id)["title"] == {"en": "Community seed bank guide"}
    assert view.tree.topLevelItemCount() == 0 and not view.empty_button.isEnabled()
    assert window.facets.trash_button.text() == "Trash (0)"
    assert "Community seed bank guide" in titles(window)


def test_empty_trash_asks_first(monkeypatch, window, library):
    from kmdesk.gui.qt import QMessageBox

    record_id = select(window, "Community seed bank guide")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window.delete_record()
    view = window.show_trash()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    view.ask_empty()
    assert library.trash.count() == 1
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    view.ask_empty()
    assert "cannot be undone" in asked[0]
    assert library.trash.count() == 0 and view.tree.topLevelItemCount() == 0
    with pytest.raises(NotFound):
        library.trash.restore(record_id)
    assert window.facets.trash_button.text() == "Trash (0)"


def test_a_restricted_record_in_the_trash_shows_no_title_and_locking_closes_it(make_window, demo_library):
    from kmdesk.gui.qt import isValid

    window = make_window(demo_library)
    unlock_on_screen(window, *DEMO_CONTRIBUTOR)
    closed = next(r["id"] for r in demo_library.records.iter_all() if r.get("sealed") and not r.get("damaged"))
    window.session.lock()
    unlock_on_screen(window, *DEMO_CUSTODIAN)
    title = next(iter(demo_library.records.get(closed)["title"].values()))
    demo_library.records.delete(closed)
    window.session.lock()
    unlock_on_screen(window, *DEMO_CONTRIBUTOR)
    view = window.show_trash()
    shown = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert title not in shown and shown == ["Restricted record (you cannot open it)"]
    assert not view.restore_button.isEnabled()
    window.session.lock()
    assert not isValid(view) or not view.isVisible()
    assert window.facets.trash_button.text() == "Trash (1)"  # counted again as a locked reader knows of it
