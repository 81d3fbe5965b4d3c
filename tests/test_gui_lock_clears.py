"""Locking clears the screen (issue 29): the lock screen offers the profile last unlocked, after
Ctrl+L no widget holds any text of the restricted record last read, a locked stub says its
consent's scope is sealed rather than that it allows nothing, and files cannot be added while
locked."""

from __future__ import annotations

from conftest import DEMO_CUSTODIAN as CUSTODIAN
from conftest import DEMO_VISITOR as VISITOR
from conftest import unlock_on_screen

from tests.test_gui_access import SEED_TITLE, record_id

SEED_TITLE_ES = "Selección de semilla por las mujeres"


def widget_texts(window) -> list[str]:
    """Every text the window shows: its title, labels, text browsers, line edits, buttons,
    combo boxes, tooltips, and every cell (and tooltip) of every table, list and tree."""
    from kmdesk.gui.qt import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLabel,
        QLineEdit,
        QTextBrowser,
        QWidget,
    )

    texts = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += model_texts(widget.model())
    return texts


def model_texts(model) -> list[str]:
    """The text and tooltip of every cell of ``model``, the children of each row included."""
    from kmdesk.gui.qt import QModelIndex, Qt

    texts: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if value is not None:
                        texts.append(str(value))
            walk(model.index(row, 0, parent))

    walk(QModelIndex())
    return texts


def test_the_lock_screen_selects_the_profile_last_unlocked(make_window, demo_library):
    first = make_window(demo_library)
    combo = first.session.lock_screen.profile_combo
    assert combo.currentData() == "Demo Contributor"  # nobody unlocked yet: the first in the list
    unlock_on_screen(first, *VISITOR)
    assert demo_library.access.unlocked_profile()["name"] == "Demo Visitor"
    first.session.lock_action.trigger()
    first.session.lock_screen.choose("Demo Custodian")  # chosen but not unlocked: not remembered
    first.session.show_lock_screen()
    assert combo.currentData() == "Demo Visitor"
    first.close()
    again = make_window(demo_library)  # the next start of the same library
    assert again.session.lock_screen.profile_combo.currentData() == "Demo Visitor"


def test_ctrl_l_leaves_nothing_of_the_restricted_record_on_screen(qtbot, make_window, demo_library):
    from kmdesk.gui.qt import QApplication, Qt

    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    seed_id = record_id(demo_library, SEED_TITLE)
    window.search_edit.setText("seed tubers")
    window.search_now()
    window.show_record_id(seed_id)
    window.record_view.tabs.setCurrentWidget(window.record_view.consent_panel)
    marks = (SEED_TITLE, SEED_TITLE_ES, seed_id, "Guardianas de semillas")  # title, its Spanish, id, consent's grantor
    shown = "\n".join(widget_texts(window))
    assert all(mark in shown for mark in marks)  # the walk sees the record where it is shown
    assert window.table.selectionModel().hasSelection()

    QApplication.setActiveWindow(window)  # offscreen has no window manager to activate it
    qtbot.keyClick(window.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert demo_library.access.unlocked_profile() is None
    shown = "\n".join(widget_texts(window))
    assert not [mark for mark in marks if mark in shown]
    assert not window.table.selectionModel().hasSelection() and window.current_record_id() is None
    assert window.record_view.record is None and window.record_view.history.topLevelItemCount() == 0
    window.session.browse()  # past the lock screen: still nothing of it
    assert not [mark for mark in marks if mark in "\n".join(widget_texts(window))]


def test_a_public_record_comes_back_after_the_lock(make_window, demo_library):
    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    public_id = next(hit.id for hit in demo_library.index.search("").hits)
    window.show_record_id(public_id)
    window.session.lock_action.trigger()
    window.session.browse()
    assert window.record_view.record["id"] == public_id


def test_a_locked_stub_says_its_consent_scope_is_sealed(make_window, demo_library):
    window = make_window(demo_library)
    demo_library.unlock(*CUSTODIAN)
    seed_id = record_id(demo_library, SEED_TITLE)
    assert demo_library.records.get(seed_id)["consents"][0]["scope"] == ["view_community"]
    demo_library.lock()
    window.session.browse()
    window.show_record_id(seed_id)
    assert window.record_view.record["sealed"]
    page = window.record_view.browser.toPlainText()
    assert "allows: nothing" not in page
    assert "The current consent's scope is sealed" in page
    assert "2025-03-15" in window.record_view.consent_panel.tree.topLevelItem(0).text(0)  # its dates stay readable
    assert window.record_view.consent_panel.tree.topLevelItem(0).text(2) == "(sealed)"
    assert not [t for t in widget_texts(window) if "allows: nothing" in t]


def test_add_files_is_disabled_while_locked(make_window, demo_library):
    window = make_window(demo_library)
    public_id = next(hit.id for hit in demo_library.index.search("").hits)
    window.session.browse()
    window.show_record_id(public_id)
    files = window.attachments_view
    assert files.record_id == public_id and not files.add_button.isEnabled()
    assert "unlocked contributor or custodian" in files.add_button.toolTip()
    unlock_on_screen(window, *CUSTODIAN)
    window.show_record_id(public_id)
    assert files.add_button.isEnabled()
    window.session.lock_action.trigger()
    window.session.browse()
    assert files.record_id == public_id and not files.add_button.isEnabled()
    unlock_on_screen(window, *VISITOR)  # a viewer adds nothing either
    window.show_record_id(public_id)
    assert not files.add_button.isEnabled()


def test_no_editor_opens_behind_the_lock_screen(make_window, demo_library):
    """Was: a call that bypassed the disabled actions (the soak bench's, after the idle lock)
    opened editors behind the lock screen, which stayed alive after they closed."""
    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    public_id = next(hit.id for hit in demo_library.index.search("").hits)
    window.show_record_id(public_id)
    window.session.lock_action.trigger()
    assert window.session.locked_out() and not window.new_action.isEnabled()
    assert window.new_record() is None and window.edit_record() is None
