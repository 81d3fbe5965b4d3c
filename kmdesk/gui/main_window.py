"""The main window: facets on the left, the library table in the middle, the record on the
right, the search box in the toolbar, menus and shortcuts for everything.

Data flows one way (DESIGN §1): the window asks ``Library`` for everything through
``run_in_background``; searches and record loads are reads (read pool, stale answers dropped by
sequence number), saves are writes (the single writer). Saved edits go on an app-level
``QUndoStack``: undoing one writes the previous values back with ``library.records.update``.

The window builds its widgets and owns one controller per concern (as Anki's ``aqt``):
``search`` (``window_search``), ``records`` (``window_record``), ``files`` (``window_files``),
``indexing`` (``window_index``) and ``insights`` (``window_insights``). Its public methods stay
here as thin calls into them: menus, ``kmdesk.app``, the session and the tests use those.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk import __version__
from kmdesk.core.store.records import base_language
from kmdesk.gui import icon
from kmdesk.gui.attachments_view import AttachmentsView
from kmdesk.gui.dialogs import show_error, show_info
from kmdesk.gui.directory_view import DirectoryView
from kmdesk.gui.facets import FacetPanel
from kmdesk.gui.index_status import IndexCatchUp
from kmdesk.gui.keys import Key, key_sequences
from kmdesk.gui.library_model import Column, LibraryModel, language_name
from kmdesk.gui.matches_view import MatchesView
from kmdesk.gui.preferences import PreferencesDialog, apply_preferences
from kmdesk.gui.qt import (
    QAbstractItemView,
    QAction,
    QActionGroup,
    QCloseEvent,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPoint,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QToolBar,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.record_view import RecordView
from kmdesk.gui.session import ProfileSession
from kmdesk.gui.settings import INTERFACE_LANGUAGES, Settings
from kmdesk.gui.sync_panel import SyncPanel
from kmdesk.gui.window_files import FilesController
from kmdesk.gui.window_index import IndexController
from kmdesk.gui.window_insights import InsightsController
from kmdesk.gui.window_record import RecordController
from kmdesk.gui.window_search import SearchController
from kmdesk.gui.workers import LatestOnly, run_in_background, wait_idle
from kmdesk.render.fonts import FontCheck

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library
    from kmdesk.gui.dashboard_view import DashboardView  # pyqtgraph and numpy load when it opens
    from kmdesk.gui.map_view import MapView
    from kmdesk.gui.record_editor import RecordEditor
    from kmdesk.gui.report_dialog import ReportDialog

SEARCH_DELAY_MS = 200
FIT_MAX = 170  # px: a column fitted to its content is no wider (its tooltip has the rest)
SYNC_PANEL_WIDTH = 320  # px of a 1280-pixel window
FACETS_WITH_PANEL = 160  # px: the facets' width beside the sync panel
TITLE_MIN = 220  # px: the title keeps at least this much, whatever the language
TITLE_MIN_NARROW = 150  # px: ... unless the list is too narrow for every column (the sync panel open)
TITLE_FLOOR = 100  # px: and whatever the squeezed columns leave, never less than this
COLUMN_MIN = 48  # px: a column squeezed to fit keeps this much (a few letters and the ellipsis)
HIDDEN_AT_FIRST = (Column.LANGUAGES,)  # the facet panel and the record view show languages


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
        self.search = SearchController(self)
        self.records = RecordController(self)
        self.files = FilesController(self)
        self.indexing = IndexController(self)
        self.insights = InsightsController(self)
        self.undo_stack = QUndoStack(self)
        self.font_check = FontCheck()
        self.model = LibraryModel(self, self.languages)
        self.model.more_wanted.connect(self.search.read_page)
        self.setWindowTitle(self.tr("kmdesk — {folder}").format(folder=library.data_dir.name))
        self.setWindowIcon(icon("kmdesk"))

        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_central()
        self._create_status()
        self._create_sync_panel()
        self._add_directory_action()
        self.insights.create()
        self.session = ProfileSession(self)  # the lock screen over the library, and who is unlocked
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(lambda: self.search_now(as_you_type=True))
        self._restore_settings()
        self.update_actions()
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
        self.import_action = self.make_action(self.tr("&Import…"), self.files.ask_import)
        self.export_action = self.make_action(self.tr("&Export…"), self.files.ask_export)
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
        self.find_action = self.make_action(self.tr("&Find"), self.search.focus_search, (key.Find, "Ctrl+F"),
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
        self.table.selectionModel().currentRowChanged.connect(self.records.current_row_changed)
        self.table.activated.connect(lambda _index: self.edit_record())
        self.model.modelReset.connect(self.records.reselect)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)

        self.suggestion_label = QLabel(self)
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion_label.linkActivated.connect(self.search.suggestion_clicked)
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
        """View → Practitioner directory…: its own window over the same library."""
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
        """Matchmaking: its own widget, fed the record the view shows."""
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
        self.files.cancel_import()
        wait_idle()
        event.accept()

    # -- loading and searching (``window_search``) -------------------------------------------------
    def reload(self) -> None:
        """Search again and count the library (F5, after imports, unlocks and locks); and read
        who is unlocked, since what the rows may show depends on it."""
        self.session.refresh()
        self.sync_panel.refresh()
        self.insights.refresh()
        self.search.recount()
        self.search_now(as_you_type=False)

    def search_now(self, as_you_type: bool = False) -> None:
        self.search.search_now(as_you_type)

    def forget_search(self) -> None:
        self.search.forget_search()

    # -- the current record (``window_record``) ----------------------------------------------------
    def current_record_id(self) -> str | None:
        return self.records.current_id

    def show_record_id(self, record_id: str) -> None:
        self.records.show_record_id(record_id)

    def show_no_record(self) -> None:
        self.records.show_no_record()

    def forget_record(self) -> None:
        self.records.forget_record()

    def update_actions(self) -> None:
        self.records.update_actions()

    def new_record(self) -> RecordEditor:
        return self.records.new_record()

    def edit_record(self) -> RecordEditor | None:
        return self.records.edit_record()

    def delete_record(self) -> None:
        self.records.delete_record()

    def write_fields(self, record_id: str, values: dict[str, Any]) -> None:
        """Write field values of a record (undo and redo of saved edits). If that fails, the
        undo history no longer matches the library, so it is cleared."""
        def failed(exc: BaseException) -> None:
            self.undo_stack.clear()
            show_error(self, exc)

        library = self.library
        run_in_background(self, lambda _task: library.records.update(record_id, values), self.records.updated, failed,
                          progress=False)

    # -- whole-library jobs (``window_files``, ``window_index``) -----------------------------------
    def import_file(self, path: Path) -> None:
        self.files.import_file(path)

    def export_filters(self) -> dict[str, str]:
        return self.files.export_filters()

    def export_file(self, path: Path, fmt: str = "json") -> None:
        self.files.export_file(path, fmt)

    def ask_report(self) -> ReportDialog:
        return self.files.ask_report()

    def catch_up_index(self) -> None:
        self.indexing.catch_up_index()

    def rebuild_index(self) -> None:
        self.indexing.rebuild_index()

    def check_index(self) -> None:
        self.indexing.check_index()

    # -- dashboard and map (``window_insights``) ---------------------------------------------------
    def show_dashboard(self) -> DashboardView:
        return self.insights.show_dashboard()

    def show_map(self) -> MapView:
        return self.insights.show_map()

    def clear_slice(self) -> None:
        self.insights.clear_slice()

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
