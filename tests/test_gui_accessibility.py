"""Usable without a mouse and with a screen reader: every control a person can reach has a name
(asked through ``QAccessible``, as a screen reader asks), Tab goes through the lock screen and the
main window in reading order (mirrored with the layout in Arabic), and the control with the
focus wears a ring plain to see."""

from __future__ import annotations

import pytest
from conftest import DEMO_CUSTODIAN as CUSTODIAN
from conftest import unlock_on_screen as unlock


def path_of(widget, root) -> str:
    parts = []
    while widget is not None and widget is not root:
        parts.append(type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else ""))
        widget = widget.parentWidget()
    return "/".join(reversed(parts))


def unnamed_controls(root) -> list[str]:
    """The controls shown under ``root`` that a person can reach (by Tab, or a button by the
    mouse) and a screen reader cannot name. A widget whose focus goes to a proxy is not itself a
    stop (a tab widget hands it to its tab bar); a combo box is named by the label it is for."""
    from kmdesk.gui.qt import QAbstractButton, QAccessible, Qt, QWidget

    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.focusProxy() is not None:
            continue
        if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus or isinstance(widget, QAbstractButton)):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        named = face is not None and (face.text(QAccessible.Text.Name).strip()
                                      or face.relations(QAccessible.RelationFlag.Labelled))
        if not named:
            missing.append(path_of(widget, root))
    return missing


def each_page(tabs):
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield tabs.tabText(index)


def test_every_control_has_a_name(qtbot, make_window, demo_library):
    window = make_window(demo_library)
    assert unnamed_controls(window) == []  # the lock screen
    unlock(window, *CUSTODIAN)
    window.search_edit.setText("water")  # its clear button shows
    window.search_now()
    window.show_record_id(window.model.record_id(0))
    window.sync_panel.show()
    for page in each_page(window.record_view.tabs):
        assert unnamed_controls(window) == [], page
    assert window.search_edit.accessibleDescription() and window.table.accessibleDescription()
    assert window.facets.tree.accessibleDescription() and window.record_view.browser.accessibleDescription()

    editor = window.edit_record()
    for page in each_page(editor.pages):
        assert unnamed_controls(editor) == [], page
    editor.reject()
    for dialog in (window.ask_preferences(), window.session.change_passphrase()):
        assert unnamed_controls(dialog) == [], dialog.windowTitle()
        dialog.reject()


def test_every_control_of_the_first_custodian_dialog_has_a_name(qtbot, make_window, library):
    window = make_window(library)  # a library without profiles offers its first custodian
    dialog = window.session.create_first_custodian()
    assert unnamed_controls(dialog) == []
    dialog.reject()


def tab_through(qtbot, start, presses: int) -> list:
    """The widgets that have the focus, from ``start``, pressing Tab ``presses`` times."""
    from kmdesk.gui.qt import QApplication, Qt

    start.setFocus(Qt.FocusReason.OtherFocusReason)
    seen = [QApplication.focusWidget()]
    for _ in range(presses):
        assert seen[-1] is not None, seen  # the focus never leaves the window
        qtbot.keyClick(seen[-1], Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


@pytest.mark.parametrize("language", ["en", "ar"])
def test_tab_goes_through_the_lock_screen_in_reading_order(qtbot, translated, demo_library, language):
    """Was: the profile box could only be reached with Shift+Tab."""
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.preferences import install_translations
    from kmdesk.gui.qt import QApplication
    from kmdesk.gui.settings import Settings

    install_translations(QApplication.instance(), language)
    window = MainWindow(demo_library, Settings(), language=language)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.reload()
    screen = window.session.lock_screen
    assert QApplication.focusWidget() is screen.passphrase_edit  # the passphrase can be typed at once
    seen = tab_through(qtbot, screen.profile_combo, 8)
    order = [screen.profile_combo, screen.passphrase_edit, screen.browse_button, screen.unlock_button]
    assert seen == order * 2 + order[:1]
    left = [widget.mapTo(window, widget.rect().center()).x() for widget in (screen.browse_button, screen.unlock_button)]
    assert (left[0] > left[1]) if language == "ar" else (left[0] < left[1])  # read from where the line starts


@pytest.mark.parametrize("language", ["en", "ar"])
def test_tab_goes_through_the_main_window_in_reading_order(qtbot, translated, demo_library, language):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.preferences import install_translations
    from kmdesk.gui.qt import QApplication, Qt, QWidget
    from kmdesk.gui.settings import Settings

    install_translations(QApplication.instance(), language)
    window = MainWindow(demo_library, Settings(), language=language)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.reload()
    unlock(window, *CUSTODIAN)
    window.search_edit.setText("water")
    window.search_now()
    window.show_record_id(window.model.record_id(0))
    window.facets.select("type", "practice")  # the Clear filters button can be pressed
    seen = tab_through(qtbot, window.search_edit, 12)
    stops = list(dict.fromkeys(seen[:seen.index(window.search_edit, 1)]))
    reading = [window.search_edit, window.facets.tree, window.facets.clear_button, window.table,
               window.record_view.tabs.tabBar()]
    assert [stop for stop in stops if stop in reading] == reading, [path_of(stop, window) for stop in stops]
    reachable = [w for w in window.session.library_page.findChildren(QWidget)
                 if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None]
    assert [path_of(w, window) for w in reachable if w not in stops] == []  # Tab reaches everything
    x = {name: widget.mapTo(window, widget.rect().center()).x()
         for name, widget in (("facets", window.facets.tree), ("table", window.table), ("record", window.record_view))}
    mirrored = x["facets"] > x["table"] > x["record"]
    assert mirrored if language == "ar" else x["facets"] < x["table"] < x["record"]


def test_the_focus_ring_is_plain_to_see(qtbot, make_window, demo_library):
    from kmdesk.app import application
    from kmdesk.gui.accessibility import FOCUS_MIN_CONTRAST, FocusRing, contrast, focus_color
    from kmdesk.gui.qt import QApplication, QPalette, Qt

    app = application()
    window = make_window(demo_library)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    screen = window.session.lock_screen
    ring = app.findChild(FocusRing)
    for control in (screen.profile_combo, screen.browse_button, screen.passphrase_edit):
        control.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda c=control: ring.frame.widget() is c and ring.frame.isVisible())
        color = focus_color(app.palette())
        assert contrast(color, app.palette().color(QPalette.ColorRole.Window)) >= FOCUS_MIN_CONTRAST
        assert contrast(color, app.palette().color(QPalette.ColorRole.Base)) >= FOCUS_MIN_CONTRAST
        image = window.grab().toImage()
        frame = ring.frame.geometry().translated(ring.frame.parentWidget().mapTo(window, ring.frame.pos())
                                                 - ring.frame.pos())
        edge = [image.pixelColor(x, frame.top() + 1) for x in range(frame.left() + 4, frame.right() - 4)]
        drawn = sum(contrast(pixel, color) < 1.2 for pixel in edge)
        assert drawn >= len(edge) * 0.9, (type(control).__name__, drawn, len(edge))  # a line all along the top
    assert QApplication.focusWidget() is screen.passphrase_edit


def test_the_focus_colour_stands_out_on_a_dark_palette(qapp):
    from kmdesk.gui.accessibility import FOCUS_MIN_CONTRAST, contrast, focus_color
    from kmdesk.gui.qt import QColor, QPalette

    dark = QPalette(QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#264f78"))  # too dark to mark the focus on it
    color = focus_color(dark)
    assert all(contrast(color, dark.color(role)) >= FOCUS_MIN_CONTRAST
               for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base))
