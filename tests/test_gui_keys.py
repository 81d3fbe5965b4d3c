"""Keys and safe defaults in the window and the editor (issue 11): every shortcut bound once and
working, Ctrl+S and Ctrl+Return in the editor, traditional knowledge starting with its community."""

from __future__ import annotations

from collections import Counter

from conftest import DEMO_CONTRIBUTOR as CONTRIBUTOR
from conftest import unlock_on_screen


def bound_keys(widget) -> Counter:
    """Every shortcut of every action that answers inside ``widget``'s window, counted: a key
    bound twice (two actions, or one action twice) makes Qt call it ambiguous and do nothing."""
    from kmdesk.gui.qt import QAction, QDialog, QKeySequence, Qt

    counts: Counter = Counter()
    for action in widget.findChildren(QAction):
        owner = action.parent()
        while owner is not None and owner is not widget and not isinstance(owner, QDialog):
            owner = owner.parent()
        if owner is not widget:
            continue  # an action of a dialog (the editor): that is another window's keys
        scope = "window" if action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut else id(action)
        for sequence in action.shortcuts():
            counts[(scope, sequence.toString(QKeySequence.SequenceFormat.PortableText))] += 1
    return counts


def test_no_shortcut_is_bound_twice_in_the_window_or_the_editor(make_window, library):
    window = make_window(library)
    editor = window.new_record()
    for widget in (window, editor):
        counts = bound_keys(widget)
        assert counts and [key for key, n in counts.items() if n > 1] == []
    window_keys = {key for _scope, key in bound_keys(window)}
    assert {"Ctrl+F", "F5", "Ctrl+Q", "Ctrl+N", "Ctrl+L", "Ctrl+E"} <= window_keys
    assert {"Ctrl+S", "Ctrl+Return", "Ctrl+Z"} <= {key for _scope, key in bound_keys(editor)}


def test_find_refresh_and_quit_answer_their_keys(qtbot, make_window, library):
    from kmdesk.gui.qt import QApplication, Qt

    window = make_window(library)
    QApplication.setActiveWindow(window)  # offscreen has no window manager to activate it
    fired: list = []
    window.find_action.triggered.connect(lambda *_: fired.append("find"))
    window.refresh_action.triggered.connect(lambda *_: fired.append("refresh"))
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    assert fired == ["find", "refresh"]
    qtbot.keyClick(window.table, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_ctrl_s_saves_and_stays_open_ctrl_return_saves_and_closes(qtbot, make_window, library):
    from kmdesk.gui.qt import QApplication, Qt

    window = make_window(library)
    before = library.records.count()
    editor = window.new_record()
    QApplication.setActiveWindow(editor)
    assert editor.focusWidget() is editor.text_widget("title", "en")  # typing starts with the title
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("practice"))
    editor.text_widget("title", "en").setText("Seed fair of the highlands")
    qtbot.keyClick(editor.text_widget("title", "en"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert library.records.count() == before + 1 and editor.isVisible()
    saved_id = editor.original["id"]
    assert library.records.get(saved_id)["title"]["en"] == "Seed fair of the highlands"
    editor.text_widget("title", "en").setText("Seed fair of the high Andes")
    qtbot.keyClick(editor.text_widget("title", "en"), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    assert library.records.count() == before + 1  # the second save edited the record the first one made
    assert library.records.get(saved_id)["title"]["en"] == "Seed fair of the high Andes"


def test_new_traditional_knowledge_starts_with_its_community(make_window, demo_library):
    window = make_window(demo_library)
    unlock_on_screen(window, *CONTRIBUTOR)
    editor = window.new_record()
    assert editor.type_combo.currentData() == "traditional_knowledge"
    assert editor.access_editor.level() == "community"
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("resource"))
    assert editor.access_editor.level() == "public"  # other types start public
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("traditional_knowledge"))
    assert editor.access_editor.level() == "community"
    editor.access_editor.level_buttons["public"].click()  # the person may choose otherwise
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("practice"))
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("traditional_knowledge"))
    assert editor.access_editor.level() == "public"  # and their choice stays
    editor.text_widget("title", "en").setText("Reading the rains from the flowering of trees")
    editor.access_editor.level_buttons["community"].click()
    assert editor.community_combo.currentText() == "Ayllu Sumaq Pacha"  # the contributor's one community
    editor.accept()
    saved = [r for r in demo_library.records.iter_all()
             if (r.get("title") or {}).get("en") == "Reading the rains from the flowering of trees"]
    assert saved and saved[0]["access"]["level"] == "community"


def test_the_safe_default_is_the_core_rule(make_window, library):
    from kmdesk.core.store.records import default_access_level

    assert default_access_level("traditional_knowledge") == "community"
    assert default_access_level("practice") == default_access_level(None) == "public"
    editor = make_window(library).new_record()
    assert editor.access_editor.level() == "public"  # nobody unlocked: nothing could seal it
