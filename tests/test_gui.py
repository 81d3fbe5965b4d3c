"""The desktop window, driven as a person would: search, filter, create, edit and undo, delete,
and the window remembering itself. Offscreen, on real libraries in temporary directories."""

from __future__ import annotations

import ast
import shutil
import threading
from pathlib import Path

import pytest

from kmdesk.core.errors import Cancelled, NotFound

GUI = Path(__file__).resolve().parents[1] / "kmdesk" / "gui"
RENDER = sorted(f"../render/{p.name}" for p in GUI.parent.joinpath("render").glob("*.py"))  # words the report prints


def titles(window) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def select(window, title: str) -> str:
    row = titles(window).index(title)
    record_id = window.model.record_id(row)
    window.table.selectRow(row)
    assert window.current_record_id() == record_id
    assert window.record_view.record["id"] == record_id
    return record_id


def test_window_opens_on_demo_library_and_shows_counts(make_window, demo_library):
    window = make_window(demo_library)
    total = demo_library.records.count()
    shown = demo_library.index.search("").total
    assert window.model.rowCount() == shown > 0
    assert window.counts_label.text() == f"{total} records · {shown} shown"
    assert window.facets.tree.topLevelItemCount() > 0


def test_search_as_you_type_filters_the_table(qtbot, window):
    assert window.model.rowCount() == 4
    qtbot.keyClicks(window.search_edit, "mangrove")
    qtbot.waitUntil(lambda: titles(window) == ["Mangrove restoration workshop"], timeout=3000)
    assert window.counts_label.text() == "4 records · 1 shown"


def test_stale_search_results_are_dropped(window):
    """An answer to an older request that arrives after a newer one was made is not shown."""
    shown: list = []

    def first(_task):
        window.searches.run(lambda _task: "second", shown.append, shown.append)  # asked while the first runs
        return "late first"  # the older answer arrives last

    window.searches.run(first, shown.append, shown.append)
    assert shown == ["second"]


def test_facet_filter_narrows_results(qtbot, window):
    from kmdesk.gui.facets import ValueRole
    from kmdesk.gui.qt import Qt

    tree = window.facets.tree
    group = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                 if tree.topLevelItem(i).data(0, ValueRole) == "gbf_targets")
    target_13 = next(group.child(i) for i in range(group.childCount()) if group.child(i).data(0, ValueRole) == "13")
    assert target_13.text(1) == "2"
    target_13.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: sorted(titles(window)) == ["Community seed bank guide", "Potato seed exchange"], timeout=3000)
    assert window.facets.filters() == {"gbf_targets": ["13"]}
    window.facets.clear()
    assert window.model.rowCount() == 4


def test_create_a_record_through_the_editor_then_find_it(qtbot, window, library):
    editor = window.new_record()
    editor.set_text("title", "en", "Honey hunting calendar")
    editor.set_text("summary", "en", "When the honeyguide bird calls, the hunt begins.")
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("practice"))
    editor.keywords_edit.setText("bees, honey, honeyguide")
    editor.check_target(5)
    editor.goal_checks["A"].setChecked(True)
    editor.countries_edit.setText("TZ")
    editor.community_combo.setCurrentText("Hadza")
    editor.set_creators([{"name": "Mzee Juma", "role": "knowledge_holder"}])
    assert editor.add_language("sw")
    editor.set_text("title", "sw", "Kalenda ya kuwinda asali")
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted

    assert library.records.count() == 5
    qtbot.keyClicks(window.search_edit, "honey")
    qtbot.waitUntil(lambda: titles(window) == ["Honey hunting calendar"], timeout=3000)
    record = library.records.get(window.model.record_id(0))
    assert record["title"] == {"en": "Honey hunting calendar", "sw": "Kalenda ya kuwinda asali"}
    assert record["gbf_targets"] == [5] and record["gbf_goals"] == ["A"] and record["countries"] == ["tz"]
    assert record["creators"] == [{"name": "Mzee Juma", "role": "knowledge_holder"}]
    assert record["community"] == "Hadza"


def test_editor_refuses_an_invalid_record_and_stays_open(window, library):
    editor = window.new_record()
    editor.set_text("title", "en", "Dated wrongly")
    editor.date_edit.setText("2024-13")
    editor.accept()
    assert editor.isVisible() and editor.error_label.isVisibleTo(editor)
    assert "date" in editor.error_label.text()
    assert library.records.count() == 4


def test_edit_then_undo_the_saved_edit(window, library):
    record_id = select(window, "Potato seed exchange")
    editor = window.edit_record()
    editor.set_text("title", "en", "Seed potato exchange between altitude zones")
    editor.keywords_edit.setText("agrobiodiversity, seed exchange, altitude")
    editor.accept()
    assert library.records.get(record_id)["title"]["en"] == "Seed potato exchange between altitude zones"
    assert window.record_view.record["title"]["en"] == "Seed potato exchange between altitude zones"
    assert window.undo_action.isEnabled()

    window.undo_action.trigger()
    restored = library.records.get(record_id)
    assert restored["title"] == {"en": "Potato seed exchange", "es": "Intercambio de semillas de papa"}
    assert restored["keywords"] == ["agrobiodiversity", "seed exchange"]
    assert "Potato seed exchange" in titles(window)
    window.redo_action.trigger()
    assert library.records.get(record_id)["title"]["en"] == "Seed potato exchange between altitude zones"
    assert [h["action"] for h in library.history.of(record_id)] == ["create", "edit", "edit", "edit"]


def test_undo_and_redo_inside_the_editor(qtbot, library):
    from kmdesk.gui.record_editor import RecordEditor

    record = next(r for r in library.records.iter_all() if r["title"]["en"] == "Potato seed exchange")
    editor = RecordEditor(None, record, ("en",))
    qtbot.addWidget(editor)
    title = editor.text_widget("title", "en")
    assert not editor.undo_action.isEnabled()  # loading a record is not an edit

    title.setText("Potato seed")
    title.setText("Potato seed fair")  # typing on in one field is one undo step
    editor.check_target(22)
    editor.add_language("quz")
    assert editor.undo_stack.count() == 3

    editor.undo_action.trigger()
    assert "quz" not in editor.languages_shown()
    editor.undo_action.trigger()
    assert editor.record_data()["gbf_targets"] == [4, 13]
    editor.undo_action.trigger()
    assert title.text() == "Potato seed exchange"
    editor.redo_action.trigger()
    assert title.text() == "Potato seed fair"
    assert editor.changes() == {"title": [record["title"], {"en": "Potato seed fair", "es": "Intercambio de semillas de papa"}]}


def test_ctrl_z_in_a_text_field_uses_the_editor_stack(qtbot, library):
    from kmdesk.gui.qt import Qt
    from kmdesk.gui.record_editor import RecordEditor

    editor = RecordEditor(None, None, ("en",))
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):  # shortcuts reach the active window only
        editor.show()
        editor.activateWindow()
    editor.keywords_edit.setText("bees")
    editor.set_text("title", "en", "Honey")
    title = editor.text_widget("title", "en")
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == ""
    assert editor.keywords_edit.text() == "bees"


def test_delete_asks_first_and_removes_the_record(monkeypatch, window, library):
    from kmdesk.gui.qt import QMessageBox

    record_id = select(window, "Community seed bank guide")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    window.delete_record()
    assert library.records.get(record_id)

    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    window.delete_record()
    assert "Community seed bank guide" in asked[0]
    with pytest.raises(NotFound):
        library.records.get(record_id)
    assert "Community seed bank guide" not in titles(window)
    assert window.record_view.record is None
    assert window.counts_label.text() == "3 records · 3 shown"


def message_boxes(window) -> list[str]:
    from kmdesk.gui.qt import QMessageBox

    return [box.text() for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_export_then_import_through_workers(tmp_path, window, library):
    import json

    path = tmp_path / "out.json"
    window.export_file(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "kmdesk-library" and len(exported["records"]) == 4
    gone = exported["records"][0]["id"]
    library.records.delete(gone)
    window.import_file(path)
    assert library.records.get(gone)["id"] == gone
    assert any("Imported: 1" in text and "(skipped): 3" in text for text in message_boxes(window))
    assert window.counts_label.text() == "4 records · 4 shown"


def test_a_cancelled_import_says_nothing_changed(monkeypatch, tmp_path, window, library):
    from kmdesk.gui import workers

    path = tmp_path / "out.json"
    window.export_file(path)
    library.records.delete(library.index.search("mangrove").hits[0].id)
    monkeypatch.setattr(workers.Task, "cancelled", lambda self: True)
    window.import_file(path)
    assert library.records.count() == 3
    assert "Cancelled. Nothing was changed." in message_boxes(window)


def test_rebuild_and_check_the_index(window):
    window.rebuild_index()
    assert "4 records" in window.statusBar().currentMessage()
    window.check_index()
    assert "The search index matches the library." in message_boxes(window)


def test_window_geometry_is_saved_and_restored(make_window, library):
    first = make_window(library)
    first.resize(700, 500)
    first.splitter.setSizes([150, 350, 200])
    first.table.setColumnWidth(0, 222)
    first.close()

    second = make_window(library)
    assert (second.width(), second.height()) == (700, 500)
    assert second.table.columnWidth(0) == 222
    assert second.splitter.sizes()[0] == first.splitter.sizes()[0]


def test_record_view_escapes_text_and_sets_direction(qtbot):
    from kmdesk.gui.record_view import RecordView, safe_snippet, text_direction

    view = RecordView(None, ("en",))
    qtbot.addWidget(view)
    view.show_record({"id": "x", "type": "practice", "title": {"en": "<script>alert(1)</script> & co",
                                                                "ar": "ورشة عمل"},
                      "body": {"ar": "نص عربي"}, "gbf_targets": [13], "access": {"level": "public"}},
                     [{"at": "2024-01-01", "by": "Amina", "action": "create", "changes": {"title": [None, {"en": "x"}]}}],
                     "seed <b>bank</b> <i>x</i>")
    page = view.browser.toPlainText()
    assert "<script>alert(1)</script> & co" in page  # shown as text, not run as markup
    assert "<script>" not in view.html()
    assert "Target 13: " in page
    assert text_direction("ورشة عمل") == "rtl" and text_direction("(12) seed") == "ltr"
    assert safe_snippet("a <b>b</b> <i>c</i> &amp;") == "a <b>b</b> &lt;i&gt;c&lt;/i&gt; &amp;"
    assert view.history.topLevelItemCount() == 1


def test_model_loads_pages_on_demand_and_sorts_what_is_loaded(qapp):
    """A big answer is listed a page at a time: the view asks (canFetchMore/fetchMore), the model
    says which page it wants, and a page of an older answer is ignored."""
    from kmdesk.gui.library_model import Column, LibraryModel, RowData
    from kmdesk.gui.qt import Qt

    def page(number: int) -> list[RowData]:
        start = (number - 1) * LibraryModel.PAGE
        return [RowData(f"id{i:05}", {"en": f"Record {i:05}"}, "practice", None, (i % 23 + 1,), "", "", ("en",),
                        "public", False) for i in range(start, start + LibraryModel.PAGE)]

    model = LibraryModel(None, ("en",))
    wanted: list[int] = []
    model.more_wanted.connect(wanted.append)
    model.set_results(page(1), 20000)
    assert model.rowCount() == LibraryModel.PAGE and model.total == 20000 and model.canFetchMore()
    model.fetchMore()
    assert wanted == [2] and not model.canFetchMore()  # one page asked at a time
    model.add_page(7, page(7))  # not the page asked for (an older answer's): ignored
    assert model.rowCount() == LibraryModel.PAGE
    model.add_page(2, page(2))
    assert model.rowCount() == 2 * LibraryModel.PAGE and model.canFetchMore()
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, Column.TITLE)) == f"Record {2 * LibraryModel.PAGE - 1:05}"
    assert model.row_of("id00000") == 2 * LibraryModel.PAGE - 1
    assert model.row_of("id19999") is None  # not loaded


def test_the_window_lists_a_big_answer_a_page_at_a_time(qtbot, window, library):
    """The window asks the core for one page per fetch, with the same question."""
    from kmdesk.gui.library_model import LibraryModel

    asked: list[tuple[str, int, int]] = []
    counted: list[bool] = []  # facets asked for, per search
    real_search = library.index.search

    def counting_search(query, **options):
        asked.append((query, options.get("page", 1), options.get("limit")))
        counted.append(options.get("facets", True))
        return real_search(query, **options)

    library.index.search = counting_search
    library.imports.records([{"type": "practice", "title": {"en": f"Zaiplot number {i}"}} for i in range(250)])
    window.search_edit.setText("zaiplot")
    window.search_now()
    assert window.model.rowCount() == LibraryModel.PAGE and window.model.total == 250
    assert asked[-1] == ("zaiplot", 1, LibraryModel.PAGE)  # one page, whatever the answer's size
    while window.model.canFetchMore():
        window.model.fetchMore()
    assert window.model.rowCount() == 250
    pages = -(-250 // LibraryModel.PAGE)
    assert [page for query, page, _limit in asked if query == "zaiplot"] == list(range(1, pages + 1))
    # the facets come with the first page only: a scroll does not count every hit again
    assert [facets for (query, _page, _limit), facets in zip(asked, counted, strict=True) if query == "zaiplot"] == \
        [True] + [False] * (pages - 1)


def test_the_window_keeps_the_search_dictionary_walked_ahead(qtbot, window, library):
    """The window asks for the walks ahead (``IndexManager.keep_warm``); the index it searches
    has them before the first misspelling is typed."""
    library.imports.records([{"type": "practice", "title": {"en": "Quolbrin meadow"}}])
    window.search_edit.setText("quolbrin")
    window.search_now()
    qtbot.waitUntil(lambda: window.model.total == 1)
    qtbot.waitUntil(lambda: "quolbrin" in (library.index.public._dictionary._get(("title", "qu")) or []), timeout=10_000)


def test_a_small_answer_shows_its_first_page_then_the_rest_follows_and_sorts_whole(qtbot, window, library):
    """The first page of a small answer is a page like any other (the rows shown first cost
    what the table shows); its other pages follow unasked, so all of it is listed and sorted."""
    from kmdesk.gui.library_model import Column, LibraryModel
    from kmdesk.gui.qt import Qt

    count = LibraryModel.PAGE + 30
    assert count <= LibraryModel.WHOLE
    library.imports.records([{"type": "practice", "title": {"en": f"Quolbrin number {i:03}"}} for i in range(count)])
    model = window.model
    shown: list[int] = []
    model.modelReset.connect(lambda: shown.append(model.rowCount()))
    window.search_edit.setText("quolbrin")
    window.search_now()
    qtbot.waitUntil(lambda: model.rowCount() == count)
    assert shown[0] == LibraryModel.PAGE and not model.canFetchMore()  # a page first, then the rest unasked
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    titles = [model.data(model.index(row, Column.TITLE)) for row in range(count)]
    assert titles == sorted((f"Quolbrin number {i:03}" for i in range(count)), reverse=True)


def test_a_table_taller_than_a_page_asks_for_the_next_at_once(qtbot, window, library):
    """A page is about what the table shows, so a taller table (a big screen) is not full
    after the first page: the next is read without any scrolling, and no more than fills it."""
    from kmdesk.gui.library_model import LibraryModel

    library.imports.records([{"type": "practice", "title": {"en": f"Zaiplot number {i}"}} for i in range(250)])
    window.resize(1280, 800)
    window.search_edit.setText("zaiplot")
    window.search_now()
    qtbot.wait(50)
    assert window.model.rowCount() == LibraryModel.PAGE  # the first page fills the usual window
    row = window.table.verticalHeader().defaultSectionSize()
    shown = window.table.viewport().height() // row
    assert shown < LibraryModel.PAGE < 2 * shown  # about what it shows: every row read is verified
    window.resize(1280, 800 + (LibraryModel.PAGE + 10 - shown) * row)  # the table shows 10 rows more than a page
    qtbot.waitUntil(lambda: window.model.rowCount() == 2 * LibraryModel.PAGE)
    qtbot.wait(100)
    assert window.model.rowCount() == 2 * LibraryModel.PAGE < window.model.total


def test_workers_deliver_on_the_gui_thread_and_report_failures(qtbot):
    from kmdesk.gui import workers

    workers.set_synchronous(False)
    got: list = []
    workers.run_in_background(None, lambda task: threading.current_thread().name, lambda r: got.append(
        (r, threading.current_thread() is threading.main_thread())), progress=False, kind=workers.Pool.READ)
    qtbot.waitUntil(lambda: bool(got), timeout=3000)
    assert got[0][0] != threading.main_thread().name and got[0][1]

    def cancelled_job(task):
        task.cancel()
        if task.cancelled():
            raise Cancelled()

    failures: list = []
    job = workers.run_in_background(None, cancelled_job, got.append, failures.append, label="x")
    qtbot.waitUntil(lambda: job.done, timeout=3000)
    assert isinstance(failures[0], Cancelled)
    assert workers.wait_idle(1)


def test_run_screenshot_writes_a_png(tmp_path, qapp):
    from kmdesk.app import run
    from kmdesk.gui.qt import QImage

    shot = tmp_path / "kmdesk.png"
    assert run(data_dir=tmp_path / "first-start", screenshot=shot, search="seed") == 0
    image = QImage(str(shot))
    assert shot.stat().st_size > 0 and (image.width(), image.height()) == (1280, 800)


def test_a_screenshot_can_show_what_an_unlocked_profile_sees(tmp_path, qapp, _demo_template):
    """``kmdesk gui --profile NAME --screenshot`` unlocks through the lock screen's own path; a
    wrong passphrase is an error, not a picture of the lock screen passed off as the library."""
    from kmdesk.app import run
    from kmdesk.core.errors import KmdeskError

    shutil.copytree(_demo_template, tmp_path / "demo")
    shot = tmp_path / "unlocked.png"
    assert run(data_dir=tmp_path / "demo", screenshot=shot, unlock=("Demo Custodian", "kmdesk demo custodian")) == 0
    assert shot.stat().st_size > 0
    with pytest.raises(KmdeskError, match="could not unlock Demo Custodian"):
        run(data_dir=tmp_path / "demo", screenshot=tmp_path / "no.png", unlock=("Demo Custodian", "not the passphrase"))


# -- rules every GUI module keeps --------------------------------------------------------------
TEXT_SETTERS = {"setText", "setWindowTitle", "addAction", "setToolTip", "setPlaceholderText", "addMenu", "setStatusTip",
                "showMessage", "setLabelText", "setWhatsThis", "addTab", "insertTab", "setTabText", "setTitle",
                "setHeaderLabels", "setHorizontalHeaderLabels", "addItem", "addItems", "addRow", "setInformativeText",
                "setDetailedText", "setCancelButtonText", "information", "warning", "critical", "question", "about",
                "setAccessibleName"}
TEXT_WIDGETS = {"QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "QToolButton", "QMenu",
                "QToolBar", "QMessageBox", "QTreeWidgetItem", "QListWidgetItem", "QTableWidgetItem"}


def _bare_texts(node: ast.AST) -> list[str]:
    """Literal words in an argument (a string, an f-string's fixed parts, a list of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if any(c.isalpha() for c in node.value) else []
    if isinstance(node, ast.JoinedStr):
        return _bare_texts(ast.Constant("".join(v.value for v in node.values if isinstance(v, ast.Constant))))
    if isinstance(node, (ast.List, ast.Tuple)):
        return [text for item in node.elts for text in _bare_texts(item)]
    return []


def untranslated(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in TEXT_SETTERS or name in TEXT_WIDGETS:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                found += [(node.lineno, text) for text in _bare_texts(arg)]
    return found


def test_the_checker_catches_untranslated_text():
    assert untranslated('label.setText("Hello")\nQPushButton("OK")\nx.setHeaderLabels(["When"])\n'
                        'bar.showMessage(f"Saved {n}")') == [(1, "Hello"), (2, "OK"), (3, "When"), (4, "Saved ")]
    assert untranslated('label.setText(self.tr("Hello"))\nlabel.setText("")\nlabel.setText("· 12")\n'
                        'QAction(QCoreApplication.translate("c", "Quit"), w)') == []


@pytest.mark.parametrize("module", [*sorted(p.name for p in GUI.glob("*.py")), "../app.py", *RENDER])
def test_every_visible_string_is_translatable(module):
    assert untranslated((GUI / module).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("module", [*sorted(p.name for p in GUI.glob("*.py")), "../app.py"])
def test_the_gui_reaches_data_only_through_the_core(module):
    tree = ast.parse((GUI / module).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imported |= {(node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"sqlalchemy", "tantivy", "Stemmer", "requests", "cryptography"}
    if module != "qt.py":
        assert "PySide6" not in imported, "take Qt names from kmdesk.gui.qt"


def hidden_from_lupdate(source: str) -> list[tuple[int, str]]:
    """Calls lupdate cannot extract: ``translate`` with a non-literal context or text, ``tr``
    with a non-literal text, or ``tr(...)`` outside a class (it files its words under an empty
    context that nothing looks up at run time). Such words stay English in every language."""
    found = []

    def visit(node: ast.AST, in_class: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in child.args]
                if name == "translate" and isinstance(func, ast.Attribute) and not (len(literal) >= 2 and all(literal[:2])):
                    found.append((child.lineno, "translate() with a non-literal context or text"))
                if name == "tr" and not (literal and literal[0]):
                    found.append((child.lineno, "tr() with a non-literal text"))
                if name == "tr" and isinstance(func, ast.Name) and not in_class:
                    found.append((child.lineno, "tr() outside a class"))
            visit(child, in_class or isinstance(child, ast.ClassDef))

    visit(ast.parse(source), False)
    return found


def test_the_lupdate_checker_catches_wrappers():
    assert hidden_from_lupdate('def _tr(t):\n    return QCoreApplication.translate("c", t)\n') == [
        (2, "translate() with a non-literal context or text")]
    assert hidden_from_lupdate('def f():\n    def tr(w): pass\n    return tr("Strong.")\n') == [(3, "tr() outside a class")]
    assert hidden_from_lupdate('class A:\n    def f(self):\n        return self.tr("Hi " "there")\n') == []


@pytest.mark.parametrize("module", [*sorted(p.name for p in GUI.glob("*.py")), "../app.py", *RENDER])
def test_every_translated_string_reaches_lupdate(module):
    assert hidden_from_lupdate((GUI / module).read_text(encoding="utf-8")) == []


def watch_catch_up(monkeypatch, on_first=None) -> list[tuple[int, int, bool]]:
    """What the status bar's index catch-up is told, with whether it is shown then; and
    ``on_first(widget)`` at its first count (a person pressing Cancel mid-way). Batches of 5
    records, so a small library is caught up in several."""
    from functools import partialmethod

    from kmdesk.core.search.index_manager import IndexManager
    from kmdesk.gui.index_status import IndexCatchUp

    monkeypatch.setattr(IndexManager, "catch_up", partialmethod(IndexManager.catch_up, batch=5))
    seen: list[tuple[int, int, bool]] = []
    shown = IndexCatchUp.set_progress

    def watched(widget, done: int, total: int) -> None:
        seen.append((done, total, not widget.isHidden()))
        shown(widget, done, total)
        if on_first is not None and len(seen) == 1:
            on_first(widget)

    monkeypatch.setattr(IndexCatchUp, "set_progress", watched)
    return seen


def found(window, query: str) -> int:
    window.search_edit.setText(query)
    window.search_now()
    return window.model.total


def test_the_window_opened_on_a_library_of_the_previous_release_indexes_it_with_progress(
        make_window, upgraded_library, monkeypatch):
    from conftest import UPGRADED_RECORDS

    from kmdesk.core.store.library import Library

    seen = watch_catch_up(monkeypatch)
    with Library.open(upgraded_library) as library:
        window = make_window(library)
        assert seen and seen[-1] == (UPGRADED_RECORDS, UPGRADED_RECORDS, True)  # shown in the status bar
        assert window.index_catch_up.isHidden()  # and gone once done
        assert found(window, "quinoa") == UPGRADED_RECORDS
        assert library.index.backlog() == 0 and library.check().ok


def test_cancelling_the_catch_up_keeps_the_window_searching_and_the_next_opening_resumes(
        make_window, upgraded_library, monkeypatch):
    from conftest import UPGRADED_RECORDS

    from kmdesk.core.store.library import Library

    seen = watch_catch_up(monkeypatch, on_first=lambda widget: widget.cancel_button.click())
    with Library.open(upgraded_library) as library:
        window = make_window(library)
        assert seen == [(5, UPGRADED_RECORDS, True)]
        assert window.index_catch_up.isHidden()
        assert "Indexing stopped" in window.statusBar().currentMessage()
        assert found(window, "quinoa") == 5  # what is indexed is found
        assert library.index.backlog() == UPGRADED_RECORDS - 5
    with Library.open(upgraded_library) as library:
        window = make_window(library)
        assert seen[-1] == (UPGRADED_RECORDS - 5, UPGRADED_RECORDS - 5, True)
        assert found(window, "quinoa") == UPGRADED_RECORDS
