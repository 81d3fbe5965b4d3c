"""The main window: facets on the left, the library table in the middle, the record on the
right, the search box in the toolbar, menus and shortcuts for everything.

Data flows one way (DESIGN §1): the window asks ``Library`` for everything through
``run_in_background``; searches and record loads are reads (read pool, stale answers dropped by
sequence number), saves are writes (the single writer). Saved edits go on an app-level
``QUndoStack``: undoing one writes the previous values back with ``Library.update``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk import __version__
from kmdesk.core import dashboard, suggest
from kmdesk.core.io import exporter, importer
from kmdesk.core.records import base_language
from kmdesk.gui import english_plural, icon
from kmdesk.gui.attachments_view import AttachmentsView
from kmdesk.gui.dialogs import confirm_delete, error_headline, show_error, show_info
from kmdesk.gui.directory_view import DirectoryView
from kmdesk.gui.facets import FacetPanel
from kmdesk.gui.import_dialog import ImportDialog
from kmdesk.gui.index_status import IndexCatchUp
from kmdesk.gui.keys import Key, key_sequences
from kmdesk.gui.fonts import FONT_PACKAGES, FontCheck, writing_system_name
from kmdesk.gui.library_model import (
    Column,
    LibraryModel,
    RowData,
    language_name,
    read_page,
    pick_text,
)
from kmdesk.gui.matches_view import MatchesView
from kmdesk.gui.map_view import MapView
from kmdesk.gui.qt import (
    QAbstractItemView,
    QAction,
    QActionGroup,
    QCloseEvent,
    QFileDialog,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QModelIndex,
    QPoint,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QToolBar,
    QUndoCommand,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.preferences import PreferencesDialog, apply_preferences
from kmdesk.gui.record_editor import RecordEditor
from kmdesk.gui.record_view import RecordView
from kmdesk.gui.report_dialog import ReportDialog
from kmdesk.gui.session import ProfileSession
from kmdesk.gui.settings import INTERFACE_LANGUAGES, Settings
from kmdesk.gui.sync_panel import SyncPanel
from kmdesk.gui.workers import LatestOnly, Pool, Task, run_in_background, wait_idle

if TYPE_CHECKING:
    from kmdesk.gui.dashboard_view import DashboardView  # pyqtgraph and numpy load when it opens
    from kmdesk.core.store import Library

SEARCH_DELAY_MS = 200
FIT_MAX = 170  # px: a column fitted to its content is no wider (its tooltip has the rest)
SYNC_PANEL_WIDTH = 320  # px of a 1280-pixel window
FACETS_WITH_PANEL = 160  # px: the facets' width beside the sync panel
TITLE_MIN = 220  # px: the title keeps at least this much, whatever the language
TITLE_MIN_NARROW = 150  # px: ... unless the list is too narrow for every column (the sync panel open)
TITLE_FLOOR = 100  # px: and whatever the squeezed columns leave, never less than this
COLUMN_MIN = 48  # px: a column squeezed to fit keeps this much (a few letters and the ellipsis)
HIDDEN_AT_FIRST = (Column.LANGUAGES,)  # the facet panel and the record view show languages


class SavedEditCommand(QUndoCommand):
    """An edit already saved in the library. Undo writes the old values back, redo the new
    ones, each as a new edit (so the record's history shows the undo too)."""

    def __init__(self, window: MainWindow, record_id: str, before: dict[str, Any], after: dict[str, Any],
                 title: str) -> None:
        super().__init__(window.tr("edit of “{title}”").format(title=title))
        self.window, self.record_id, self.before, self.after = window, record_id, before, after
        self._saved = True  # QUndoStack.push calls redo(); the edit is already in the library

    def redo(self) -> None:
        if self._saved:
            self._saved = False
            return
        self.window.write_fields(self.record_id, self.after)

    def undo(self) -> None:
        self.window.write_fields(self.record_id, self.before)


class MainWindow(QMainWindow):
    """The library window. Public methods are what menus, shortcuts, ``kmdesk.app`` and tests
    drive: ``search_now``, ``show_record_id``, ``new_record``, ``edit_record``,
    ``delete_record``, ``import_file``, ``export_file``, ``catch_up_index``, ``rebuild_index``,
    ``check_index``, ``set_language``. A new interface language builds a new window (``preferences``), announced
    by ``replaced`` so whoever holds the window holds the new one."""

    replaced = Signal(object)

    def __init__(self, library: Library, settings: Settings, language: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.settings = settings
        self.languages = self._record_languages(base_language(language or settings.interface_language),
                                                settings.language_order)
        self.results: Any = None
        self.searches = LatestOnly(self)  # one search at a time; the newest wins
        self._question: tuple[str, dict[str, Any]] = ("", {})  # the search the table lists
        self._library_size = 0
        self._record_seq = 0
        self._current_id: str | None = None
        self.undo_stack = QUndoStack(self)
        self.font_check = FontCheck()
        self.model = LibraryModel(self, self.languages)
        self.model.more_wanted.connect(self._read_page)
        self.setWindowTitle(self.tr("kmdesk — {folder}").format(folder=library.data_dir.name))
        self.setWindowIcon(icon("kmdesk"))

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_central()
        self._create_status()
        self._create_sync_panel()
        self._add_directory_action()
        self._create_insight_views()
        self.session = ProfileSession(self)  # the lock screen over the library, and who is unlocked
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(lambda: self.search_now(as_you_type=True))
        self._restore_settings()
        self._update_actions()
        self.catch_up_index()

    @property
    def lang(self) -> str:
        return self.languages[0]

    # -- building ----------------------------------------------------------------------------------
    def make_action(self, text: str, slot: Any, shortcuts: tuple[Key, ...] = (), icon_name: str | None = None,
                    tip: str | None = None) -> QAction:
        """An action of this window (its shortcuts work wherever the focus is in it); each
        shortcut key is bound once (``key_sequences``)."""
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcuts:
            action.setShortcuts(key_sequences(*shortcuts))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda *_: slot())
        self.addAction(action)
        return action

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self.make_action(self.tr("&New record…"), self.new_record, (key.New,), "add",
                                       self.tr("Create a record"))
        self.import_action = self.make_action(self.tr("&Import…"), self.ask_import)
        self.export_action = self.make_action(self.tr("&Export…"), self.ask_export)
        self.rebuild_action = self.make_action(self.tr("&Rebuild search index…"), self.rebuild_index)
        self.check_action = self.make_action(self.tr("&Check index"), self.check_index)
        self.quit_action = self.make_action(self.tr("&Quit"), self.close, (key.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(key_sequences(key.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(key_sequences(key.Redo, "Ctrl+Shift+Z"))
        self.addActions([self.undo_action, self.redo_action])
        self.edit_action = self.make_action(self.tr("&Edit record…"), self.edit_record, ("Ctrl+E",), "edit",
                                        self.tr("Edit the selected record"))
        self.delete_action = self.make_action(self.tr("&Delete record…"), self.delete_record, (key.Delete,),
                                          "delete", self.tr("Delete the selected record"))
        self.find_action = self.make_action(self.tr("&Find"), self.focus_search, (key.Find, "Ctrl+F"),
                                        "search")
        self.refresh_action = self.make_action(self.tr("&Refresh"), self.reload, (key.Refresh, "F5"))
        self.preferences_action = self.make_action(self.tr("&Preferences…"), self.ask_preferences,
                                               (key.Preferences, "Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.about_action = self.make_action(self.tr("&About kmdesk"), self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addActions([self.rebuild_action, self.check_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.edit_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        view_menu = self.view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.refresh_action)
        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for tag in INTERFACE_LANGUAGES:
            action = self.language_menu.addAction(language_name(tag, tag))
            action.setCheckable(True)
            action.setChecked(tag == self.lang)
            action.triggered.connect(lambda _checked=False, t=tag: self.set_language(t))
            group.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_action, self.edit_action, self.delete_action])
        toolbar.addSeparator()
        self.search_edit = QLineEdit(toolbar)
        self.search_edit.setPlaceholderText(self.tr("Search titles, texts, places, people…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.setMinimumWidth(320)
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_edit.returnPressed.connect(lambda: self.search_now(as_you_type=False))
        toolbar.addWidget(self.search_edit)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def _create_central(self) -> None:
        self.facets = FacetPanel(self, self.languages)
        self.facets.filtersChanged.connect(lambda: self.search_now(as_you_type=False))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long title keeps its start and its end
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column in HIDDEN_AT_FIRST:
            header.setSectionHidden(column, True)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(lambda _index: self.edit_record())
        self.model.modelReset.connect(self._reselect)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)

        self.suggestion_label = QLabel(self)
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion_label.linkActivated.connect(self._suggestion_clicked)
        self.suggestion_label.hide()
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.suggestion_label)
        middle_layout.addWidget(self.table)

        self.record_view = RecordView(self, self.languages)
        self.attachments_view = AttachmentsView(self.library, self.record_view)
        self.record_view.tabs.addTab(self.attachments_view, self.tr("Files"))
        self._add_matches_tab()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.record_view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

    def _add_directory_action(self) -> None:
        """View → Practitioner directory… (issue 15): its own window over the same library."""
        self.directory_action = self.view_menu.addAction(self.tr("Practitioner &directory…"))
        self.directory_action.triggered.connect(self.show_directory)

    def show_directory(self) -> DirectoryView:
        view = DirectoryView(self.library, self, tuple(self.languages))
        view.open_requested.connect(self.show_record_id)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        view.refresh()
        return view

    def _add_matches_tab(self) -> None:
        """Matchmaking (issue 15): its own widget, fed the record the view shows."""
        self.matches_view = MatchesView(self.library, self.record_view, tuple(self.languages))
        self.matches_view.open_requested.connect(self.show_record_id)
        self.record_view.tabs.addTab(self.matches_view, self.tr("Matches"))

    def fit_columns(self) -> None:
        """Column widths from content, in the interface's language: each short column as wide as
        its heading or its longest loaded value (at most ``FIT_MAX``), the title the rest. When
        the columns do not all fit beside the title (a long language, the sync panel open), each
        gives up a share of its width, down to ``COLUMN_MIN``: every column stays in view,
        its text elided (titles in the middle) and whole in the tooltip, none cut by the edge."""
        header = self.table.horizontalHeader()
        shown = [column for column in Column if column != Column.TITLE and not header.isSectionHidden(column)]
        wants = {column: min(max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column)), FIT_MAX)
                 for column in shown}
        width = self.table.viewport().width()
        title_min = TITLE_MIN if width - TITLE_MIN >= COLUMN_MIN * len(shown) else TITLE_MIN_NARROW
        room, total = width - title_min, sum(wants.values())
        if total > room:
            wants = {column: max(COLUMN_MIN, want * room // total) for column, want in wants.items()}
        for column, want in wants.items():
            header.resizeSection(column, want)
        header.resizeSection(Column.TITLE, max(TITLE_FLOOR, width - sum(wants.values())))

    def _sync_panel_toggled(self, shown: bool) -> None:
        """The sync panel takes the window's right side: the record view gives up what it can
        spare (down to its minimum width) and the facets keep a readable width, so the list
        keeps every column in view."""
        if shown:
            self.resizeDocks([self.sync_panel], [SYNC_PANEL_WIDTH], Qt.Orientation.Horizontal)
            room = sum(self.splitter.sizes())
            facets = min(FACETS_WITH_PANEL, self.splitter.sizes()[0])
            self.splitter.setSizes([facets, room - facets, 0])  # the record view: clamped to its minimum
        QTimer.singleShot(0, self.fit_columns)  # once the layout has given the list its new width

    def _column_menu(self, position: QPoint) -> None:
        """Right-click on the table header: choose the columns shown (the title always is)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for column in Column:
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != Column.TITLE)
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.popup(header.mapToGlobal(position))

    def _create_sync_panel(self) -> None:
        """The sync dock: hidden until asked for in the View menu; it syncs by itself when the
        network appears."""
        self.sync_panel = SyncPanel(self.library, self, lang=self.lang)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.sync_panel)
        self.sync_panel.hide()
        self.sync_panel.visibilityChanged.connect(self._sync_panel_toggled)
        self.sync_panel.record_states_loaded.connect(self.record_view.show_sync_status)
        self.sync_panel.pulled.connect(self.search_now)  # pulled records join the list and its facets
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.sync_panel.toggleViewAction())

    def _create_status(self) -> None:
        self.counts_label = QLabel(self)
        self.index_catch_up = IndexCatchUp(self)
        self.statusBar().addPermanentWidget(self.index_catch_up)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _restore_settings(self) -> None:
        if not self.settings.restore_window(self):
            self.resize(1280, 800)
        if not self.settings.restore_splitter(self.splitter):
            self.splitter.setSizes([240, 670, 370])
        # the person's own widths come back; without them (or in a new language: ``rebuild_window``)
        # the columns are fitted to the first results
        self.fit_pending = not self.settings.restore_header(self.table.horizontalHeader())

    def save_settings(self) -> None:
        self.settings.save_window(self)
        self.settings.save_splitter(self.splitter)
        self.settings.save_header(self.table.horizontalHeader())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window, and let queued writes finish so no edit is lost."""
        self.save_settings()
        self.search_timer.stop()
        wait_idle()
        event.accept()

    # -- loading and searching ---------------------------------------------------------------------
    def reload(self) -> None:
        """Search again and count the library (F5, after imports, unlocks and locks); and read
        who is unlocked, since what the rows may show depends on it."""
        self.session.refresh()
        self.sync_panel.refresh()
        self._refresh_insights()
        self._recount()
        self.search_now(as_you_type=False)

    def _recount(self) -> None:
        """Count the records for the status bar (after a reload, a record added or deleted)."""
        def counted(count: int) -> None:
            self._library_size = count
            self._show_counts()

        run_in_background(self, lambda _task: self.library.count(), counted, progress=False, kind=Pool.READ)

    def search_now(self, as_you_type: bool = False) -> None:
        """Search with the box's text and the ticked facets, off the GUI thread, and list its
        first page. Typing (after a pause), Enter and ``--search`` ask the core the same
        question; only keystrokes say ``as_you_type``. A newer search supersedes an older one
        (``LatestOnly``); later pages are read when the table scrolls to them (``_read_page``)."""
        self.search_timer.stop()
        filters = {**self.facets.filters(), **self.slice_filters}
        self._question = (self.search_edit.text().strip(), {"filters": filters or None, "lang": self.lang,
                                                            "as_you_type": as_you_type})
        query, options = self._question

        def search(_task: Task) -> tuple[Any, list[RowData]]:
            return read_page(self.library, query, 1, LibraryModel.PAGE, **options)

        self.searches.run(search, self._show_results, self._search_failed)

    def _show_results(self, answer: tuple[Any, list[RowData]]) -> None:
        results, rows = answer
        self.results = results
        self.model.set_results(rows, results.total)
        if self.fit_pending:
            self.fit_pending = False
            self.fit_columns()
        self.facets.set_facets(results.facets)
        self._show_suggestion(results)
        self._show_counts()

    def _read_page(self, page: int) -> None:
        """The table scrolled to the end of what is loaded: read the next page of the same
        question. An answer to an older question is dropped by the model (it asked for none)."""
        query, options = self._question

        def read(_task: Task) -> tuple[Any, list[RowData]]:
            return read_page(self.library, query, page, LibraryModel.PAGE, **options)

        def arrived(answer: tuple[Any, list[RowData]]) -> None:
            if (query, options) == self._question:
                self.model.add_page(page, answer[1])

        run_in_background(self, read, arrived, self._search_failed, progress=False, kind=Pool.READ)

    def _search_failed(self, exc: BaseException) -> None:
        self.statusBar().showMessage(self.tr("Search failed: {reason} {detail}").format(
            reason=error_headline(exc), detail=str(exc)))

    def forget_search(self) -> None:
        """On lock: the words searched for, the rows, their count and the facet counts all say
        something about what the last profile could read, so none of it stays on screen."""
        self.search_timer.stop()
        self.searches.forget()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.results = None
        self.model.clear()
        self.facets.forget()
        self.suggestion_label.hide()
        self.counts_label.clear()
        self._forget_insights()

    def _show_suggestion(self, results: Any) -> None:
        suggestion = getattr(results, "suggestion", None)
        if not suggestion:
            self.suggestion_label.hide()
            return
        shown = f"<i>{html.escape(suggestion)}</i>"
        if getattr(results, "corrected", False):
            text = self.tr("Showing results for {suggestion}.").format(suggestion=shown)
        else:
            link = f'<a href="suggest">{shown}</a>'
            text = self.tr("Did you mean {suggestion}?").format(suggestion=link)
        self.suggestion_label.setText(text)
        self.suggestion_label.setProperty("suggestion", suggestion)
        self.suggestion_label.show()

    def _suggestion_clicked(self, _link: str) -> None:
        self.search_edit.setText(str(self.suggestion_label.property("suggestion")))
        self.search_now(as_you_type=False)

    def _show_counts(self) -> None:
        total = self._library_size
        shown = self.model.total
        self.counts_label.setText(english_plural(self.tr("%Ln record(s)", "", total), total) + " · " +
                                  english_plural(self.tr("%Ln shown", "", shown), shown))

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # -- the current record ------------------------------------------------------------------------
    def current_record_id(self) -> str | None:
        return self._current_id

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.model.record_id(current.row()) if current.isValid() else None
        if record_id is not None and record_id != self._current_id:
            self.show_record_id(record_id)

    def _reselect(self) -> None:
        """After the rows change, keep the record the person was reading selected."""
        if self._current_id is None:
            return
        row = self.model.row_of(self._current_id)
        if row is not None:
            self.table.selectRow(row)  # the same id again: _current_row_changed does nothing

    def show_record_id(self, record_id: str) -> None:
        """Select a record in the table (if it is listed) and read it into the record view."""
        self._current_id = record_id
        self._reselect()
        row = self.model.row_of(record_id)
        if row is not None:
            self.table.scrollTo(self.model.index(row, 0))
        self._update_actions()
        self._record_seq += 1
        seq = self._record_seq

        query, options = self._question

        def load(_task: Task) -> tuple[dict[str, Any], list[dict[str, Any]], str]:
            snippet = self.library.snippet(record_id, query, lang=options.get("lang"),
                                           as_you_type=bool(options.get("as_you_type"))) if query else ""
            return self.library.get(record_id), self.library.history(record_id), snippet

        run_in_background(self, load, lambda result: self._record_loaded(seq, *result),
                          lambda exc: self._record_failed(seq, exc), progress=False, kind=Pool.READ)

    def _record_loaded(self, seq: int, record: dict[str, Any], history: list[dict[str, Any]], snippet: str) -> None:
        if seq == self._record_seq:
            self.record_view.show_record(record, history, snippet or None)
            self.attachments_view.show_record(record["id"], self._read_only_reason(record) or self._files_locked_reason(record))
            self.matches_view.show_record(record)
            self.sync_panel.show_record(record["id"])
            self._update_actions()
            self._warn_missing_fonts(record)

    def _warn_missing_fonts(self, record: dict[str, Any]) -> None:
        """Once per script: no installed font draws it, so its letters would be empty boxes."""
        missing = self.font_check.missing(record)
        if missing:
            self.statusBar().showMessage(self.tr("No font for {scripts} is installed: this text shows as boxes. "
                                                 "Install a font for it (Debian/Ubuntu: {packages}).").format(
                scripts=", ".join(writing_system_name(system) for system in missing), packages=FONT_PACKAGES), 15000)

    def show_no_record(self) -> None:
        """Take the record off every view that shows it: its text, its files (and any decrypted
        copy of them opened for reading) and its sync status."""
        self.record_view.clear()
        self.attachments_view.show_record(None)
        self.attachments_view.forget_copies()
        self.matches_view.show_record(None)
        self.sync_panel.show_record(None)

    def forget_record(self) -> None:
        """On lock: no record is current any more. Its views are emptied, the table's selection
        and current row cleared (a selected row says which record was read), and a load still
        under way is never shown."""
        self._current_id = None
        self._record_seq += 1
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.show_no_record()
        self._update_actions()

    def _record_failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._record_seq:
            self._current_id = None
            self.show_no_record()
            self._update_actions()
            self.statusBar().showMessage(f"{error_headline(exc)} {exc}", 8000)

    def _read_only_reason(self, record: dict[str, Any] | None) -> str | None:
        """Why the record may not be edited, deleted or given files whoever is unlocked: pulled
        from the CHM (it carries the CHM's identifier, as ``search.document.collection`` tells;
        the core refuses it too, ``PulledRecord``), or None."""
        if record is None or "chm" not in (record.get("identifiers") or {}):
            return None
        return self.tr("Pulled from the CHM: read-only here. The next pull brings its changes.")

    def _files_locked_reason(self, record: dict[str, Any]) -> str | None:
        """Why files may not be added to or removed from ``record`` by whoever is at the
        keyboard (locked, a viewer, or a sealed stub), or None."""
        if self.session.can_write() and not record.get("sealed"):
            return None
        return self.tr("Adding or removing files needs an unlocked contributor or custodian who may read this record.")

    def _refused(self, record: dict[str, Any]) -> bool:
        """Whether a change to ``record`` is refused before it starts (its actions are disabled,
        but a call may still come), said in the status bar."""
        why = self._read_only_reason(record)
        if why is not None:
            self.statusBar().showMessage(why, 8000)
        return why is not None

    def _update_actions(self) -> None:
        record = self.record_view.record
        current = record if record is not None and record["id"] == self._current_id else None
        editable = current is not None and not current.get("sealed") and self.session.can_write()
        why = self._read_only_reason(current)
        self.edit_action.setEnabled(editable and why is None)
        self.delete_action.setEnabled(editable and why is None)
        for action, tip in ((self.edit_action, self.tr("Edit the selected record")),
                            (self.delete_action, self.tr("Delete the selected record"))):
            action.setToolTip(why or tip)
            action.setStatusTip(why or tip)
        self.new_action.setEnabled(self.session.can_write())
        self.import_action.setEnabled(self.session.can_write())  # an import adds records: a writer's job

    # -- create, edit, delete ----------------------------------------------------------------------
    def new_record(self) -> RecordEditor:
        editor = RecordEditor(self, None, self.languages, self.session.context.communities, self.session.context)
        self._wire_editor(editor)
        editor.open()
        return editor

    def edit_record(self) -> RecordEditor | None:
        record = self.record_view.record
        if record is None or record.get("sealed") or record["id"] != self._current_id or self._refused(record):
            return None
        editor = RecordEditor(self, record, self.languages, self.session.context.communities, self.session.context)
        self._wire_editor(editor)
        editor.open()
        return editor

    def _wire_editor(self, editor: RecordEditor) -> None:
        """Save and close (the Save button, Ctrl+Return) and save only (Ctrl+S) go the same way:
        a new record is added the first time, every later save is an edit of it."""
        editor.accepted.connect(lambda: self._save(editor))
        editor.saveRequested.connect(lambda: self._save(editor))
        record_id = editor.original["id"] if editor.original else ""
        editor.offer_suggestions(lambda record: suggest.suggest_for(self.library, {**record, "id": record_id}))

    def _save(self, editor: RecordEditor) -> None:
        if editor.original is None:
            self._save_new(editor)
        else:
            self._save_edit(editor)

    def _reopen(self, editor: RecordEditor, exc: BaseException) -> None:
        """A save failed: say why in the dialog, given back with everything still typed in."""
        editor.show_failure(exc)
        editor.open()

    def _save_new(self, editor: RecordEditor) -> None:
        data = editor.record_data()

        def created(record: dict[str, Any]) -> None:
            editor.saved(record)
            self._created(record)

        run_in_background(self, lambda _task: self.library.add(data), created,
                          lambda exc: self._reopen(editor, exc), progress=False)

    def _created(self, record: dict[str, Any]) -> None:
        self.model.upsert(record)
        self.statusBar().showMessage(self.tr("Record created."), 5000)
        self.show_record_id(record["id"])
        self._recount()
        self.search_now()

    def _save_edit(self, editor: RecordEditor) -> None:
        changes = editor.changes()
        if not changes or editor.original is None:
            return
        record_id = editor.original["id"]
        title = pick_text(editor.original.get("title") or {}, self.languages)
        before = {field: values[0] for field, values in changes.items()}
        after = {field: values[1] for field, values in changes.items()}

        def saved(record: dict[str, Any]) -> None:
            editor.saved(record)
            self.undo_stack.push(SavedEditCommand(self, record_id, before, after, title))
            self._updated(record)

        run_in_background(self, lambda _task: self.library.update(record_id, after), saved,
                          lambda exc: self._reopen(editor, exc), progress=False)

    def write_fields(self, record_id: str, values: dict[str, Any]) -> None:
        """Write field values of a record (undo and redo of saved edits). If that fails, the
        undo history no longer matches the library, so it is cleared."""
        def failed(exc: BaseException) -> None:
            self.undo_stack.clear()
            show_error(self, exc)

        run_in_background(self, lambda _task: self.library.update(record_id, values), self._updated, failed,
                          progress=False)

    def _updated(self, record: dict[str, Any]) -> None:
        self.model.upsert(record)
        self.statusBar().showMessage(self.tr("Saved."), 5000)
        if record["id"] == self._current_id:
            self.show_record_id(record["id"])
        self.search_now()

    def delete_record(self) -> None:
        record = self.record_view.record
        if record is None or record["id"] != self._current_id or record.get("sealed") or self._refused(record):
            return
        record_id = record["id"]
        if not confirm_delete(self, pick_text(record.get("title") or {}, self.languages)):
            return
        run_in_background(self, lambda _task: self.library.delete(record_id), lambda _none: self._deleted(record_id),
                          progress=False)

    def _deleted(self, record_id: str) -> None:
        self.model.remove(record_id)
        if self._current_id == record_id:
            self._current_id = None
            self.show_no_record()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Record deleted."), 5000)
        self._recount()
        self.search_now()

    # -- whole-library jobs ------------------------------------------------------------------------
    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import"), "", self.tr(
            "Records (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Spreadsheets (*.csv *.tsv *.xlsx);;"
            "References (*.ris *.bib);;CHM documents or kmdesk library (*.json);;kmdesk archive (*.kmd);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """A kmdesk library file goes straight in; other formats open the import dialog first
        (preview, column mapping, duplicates)."""
        if path.suffix.lower() == ".json" and importer.detect(path) == "json":
            def work(task: Task) -> dict[str, Any]:
                return importer.run(self.library, importer.open_source(path, "json"), progress=task.progress,
                                    cancel=task.cancelled)

            run_in_background(self, work, self._imported, label=self.tr("Importing {name}…").format(name=path.name))
            return
        dialog = ImportDialog(self, self.library, path)
        dialog.finished_import.connect(lambda _report: self.reload())
        dialog.open()

    def _imported(self, report: dict[str, Any]) -> None:
        counts = report.get("counts", {})
        show_info(self, self.tr("Import finished"), self.tr(
            "Imported: {imported}\nAlready in the library (skipped): {skipped}\nNot imported because of errors: {errors}"
        ).format(imported=counts.get("imported", 0), skipped=counts.get("skipped", 0), errors=counts.get("error", 0)))
        self.reload()

    def export_filters(self) -> dict[str, str]:
        """File-dialog filter -> export format."""
        return {self.tr("kmdesk library (*.json)"): "json", self.tr("kmdesk archive with files (*.kmd)"): "kmd",
                self.tr("CSV spreadsheet (*.csv)"): "csv", self.tr("RIS references (*.ris)"): "ris",
                self.tr("BibTeX (*.bib)"): "bibtex", self.tr("CHM resource documents (*.json)"): "chm",
                self.tr("Dublin Core XML (*.xml)"): "dc"}

    def ask_export(self) -> None:
        filters = self.export_filters()
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export"), "kmdesk-library.json", ";;".join(filters))
        if path:
            self.export_file(Path(path), filters.get(chosen, "json"))

    def export_file(self, path: Path, fmt: str = "json") -> None:
        """Write the public records in ``fmt``; non-public ones never leave in clear."""
        def work(task: Task) -> dict[str, Any]:
            return exporter.export(self.library, fmt, path, progress=task.progress, cancel=task.cancelled)

        def done(result: dict[str, Any]) -> None:
            show_info(self, self.tr("Export finished"), self.tr(
                "{count} public records written to {path}.\nRecords that are not public stay in this library."
            ).format(count=result["records"], path=str(path)))

        run_in_background(self, work, done, label=self.tr("Exporting to {name}…").format(name=path.name))

    def catch_up_index(self) -> None:
        """Index what waits (every record, the first time a library of an older release opens)
        on the writer, with its progress and Cancel in the status bar: the window stays usable,
        its searches finding what is indexed so far, and searches again once all of it is.
        Asked before the first search, so that search does not do the catch-up unseen."""
        if not self.library.index_backlog():
            return
        self.index_catch_up.start()
        run_in_background(self, lambda task: self.library.catch_up_index(task.progress, task.cancelled),
                          lambda _count: self.search_now(), self._catch_up_stopped, view=self.index_catch_up)

    def _catch_up_stopped(self, exc: BaseException) -> None:
        if getattr(exc, "code", None) != "cancelled":
            show_error(self, exc)
            return
        self.statusBar().showMessage(self.tr("Indexing stopped: records not indexed yet are not found by a search. "
                                             "Indexing resumes the next time this library opens."), 10000)

    def rebuild_index(self) -> None:
        def done(count: int) -> None:
            self.statusBar().showMessage(self.tr("Search index rebuilt ({count} records).").format(count=count), 8000)
            self.search_now()

        run_in_background(self, lambda task: self.library.reindex(progress=task.progress, cancel=task.cancelled), done,
                          label=self.tr("Rebuilding the search index…"))

    def check_index(self) -> None:
        def done(drift: Any) -> None:
            if drift.ok:
                show_info(self, self.tr("Search index"), self.tr("The search index matches the library."))
                return
            show_info(self, self.tr("Search index"), self.tr(
                "The search index does not match the library.\nMissing: {missing}\nOut of date: {stale}\n"
                "No longer in the library: {orphans}\n\nUse File › Rebuild search index… to repair it."
            ).format(missing=len(drift.missing), stale=len(drift.stale), orphans=len(drift.orphans)))

        run_in_background(self, lambda _task: self.library.check(), done, label=self.tr("Checking the search index…"),
                          cancellable=False)

    # -- language and help -------------------------------------------------------------------------
    def set_language(self, tag: str) -> MainWindow:
        """Switch the interface to ``tag`` now (record texts then prefer it too); returns the
        window in use afterwards: a new one when the language changed."""
        return apply_preferences(self, tag, [tag, *[t for t in self.languages if t != tag]])

    def ask_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self, self.settings, self.settings.interface_language)
        dialog.accepted.connect(lambda: apply_preferences(self, dialog.language(), dialog.order()))
        dialog.open()
        return dialog

    @staticmethod
    def _record_languages(interface: str, order: list[str]) -> list[str]:
        """The interface language first (vocabularies and language names are shown in it),
        then the person's order of languages for record texts."""
        return [interface, *[tag for tag in order if tag != interface]]

    def set_record_languages(self, order: list[str]) -> None:
        """Look for record titles and texts in the interface language, then ``order``."""
        self.languages = self._record_languages(self.lang, order)
        self.model.set_languages(self.languages)
        self.record_view.set_languages(self.languages)
        self.search_now()

    def about(self) -> None:
        show_info(self, self.tr("About kmdesk"), self.tr(
            "kmdesk {version}\n\nOffline knowledge management for Indigenous Peoples and Local Communities and "
            "biodiversity practitioners, for the Kunming-Montreal Global Biodiversity Framework. Knowledge is "
            "shared only with free, prior and informed consent."
        ).format(version=__version__))

    # -- dashboard, map and report (issue 16) ----------------------------------------------------
    def _create_insight_views(self) -> None:
        """View › Dashboard and Map, File › Report…, and the line above the table that names
        what a chart's bar or a place on the map listed."""
        self.slice_filters: dict[str, list[str]] = {}
        self.dashboard_view: DashboardView | None = None
        self.map_view: MapView | None = None
        self.dashboard_action = self.make_action(self.tr("&Dashboard"), self.show_dashboard, ("Ctrl+Shift+D",))
        self.map_action = self.make_action(self.tr("&Map"), self.show_map, ("Ctrl+Shift+M",))
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.dashboard_action, self.map_action])
        self.report_action = self.make_action(self.tr("&Report…"), self.ask_report)
        self.file_menu.insertAction(self.rebuild_action, self.report_action)
        self.file_menu.insertSeparator(self.rebuild_action)
        self.slice_label = QLabel(self)
        self.slice_label.setTextFormat(Qt.TextFormat.RichText)
        self.slice_label.linkActivated.connect(lambda _link: self.clear_slice())
        self.slice_label.hide()
        middle_layout = self.table.parentWidget().layout()
        middle_layout.insertWidget(0, self.slice_label)

    def show_dashboard(self) -> DashboardView:
        if self.dashboard_view is None:
            from kmdesk.gui.dashboard_view import DashboardView

            self.dashboard_view = DashboardView(self.library, self.lang, self)
            self.dashboard_view.sliceClicked.connect(self.filter_library)
        self.dashboard_view.show()
        self.dashboard_view.raise_()
        self.dashboard_view.refresh()
        return self.dashboard_view

    def show_map(self) -> MapView:
        if self.map_view is None:
            self.map_view = MapView(self.library, self.lang, self)
            self.map_view.countryClicked.connect(
                lambda code, label: self.filter_library(dashboard.Slice("countries", code), label))
            self.map_view.placeClicked.connect(lambda ids, label: self.show_filters({"id": ids}, label))
        self.map_view.show()
        self.map_view.raise_()
        self.map_view.refresh()
        return self.map_view

    def ask_report(self) -> ReportDialog:
        dialog = ReportDialog(self.library, self.lang, self, self.languages)
        dialog.open()
        return dialog

    def filter_library(self, piece: dashboard.Slice, label: str) -> None:
        """List exactly what a chart's bar counted: a facet is ticked where the search has one
        (the facet panel shows it), else the bar's records are listed by id and named above the
        table with a way back to everything. The search box and other ticks are cleared."""
        run_in_background(self, lambda _task: dashboard.filters(self.library, piece),
                          lambda filters: self.show_filters(filters, label), progress=False, kind=Pool.READ)

    def show_filters(self, filters: dict[str, list[str]], label: str) -> None:
        """List what ``filters`` (a chart's bar, a country or a place on the map) let through."""
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.facets.blockSignals(True)
        self.facets.clear()
        self.facets.blockSignals(False)
        self.slice_filters = {}
        if "id" in filters:
            self.slice_filters = {"id": filters["id"]}
            self.slice_label.setText(self.tr("Showing {what} · <a href=\"all\">show all records</a>").format(
                what=f"<b>{html.escape(label)}</b>"))
            self.slice_label.show()
            self.search_now()
        else:
            self.slice_label.hide()
            for facet, values in filters.items():
                for value in values:
                    self.facets.select(facet, value)
        self.raise_()
        self.activateWindow()

    def clear_slice(self) -> None:
        self.slice_filters = {}
        self.slice_label.hide()
        self.search_now()

    def _refresh_insights(self) -> None:
        for view in (self.dashboard_view, self.map_view):
            if view is not None and view.isVisible():
                view.refresh()

    def _forget_insights(self) -> None:
        self.slice_filters = {}
        self.slice_label.hide()
        for view in (self.dashboard_view, self.map_view):
            if view is not None:
                view.forget()
