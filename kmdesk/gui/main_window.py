"""The main window: facets on the left, the library table in the middle, the record on the
right, the search box in the toolbar, menus and shortcuts for everything.

Data flows one way (DESIGN §1): the window asks ``Library`` for everything through
``run_in_background``; searches and record loads are reads (read pool, stale answers dropped by
sequence number), saves are writes (the single writer). Saved edits go on an app-level
``QUndoStack``: undoing one writes the previous values back with ``library.records.update``.

The window builds its widgets and owns one controller per concern (as Anki's ``aqt``):
``commands`` (``window_actions``: actions, menus, toolbar), ``panes`` (``window_panes``),
``search`` (``window_search``), ``records`` (``window_record``), ``files`` (``window_files``),
``indexing`` (``window_index``), ``insights`` (``window_insights``) and ``hub`` (``window_hub``).
Its public methods stay here as thin calls into them: menus, ``kmdesk.app`` and the tests use
those. The profile session (``session``) talks back only through its signals and
``SessionHost``, which the window is.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk import __version__
from kmdesk.core.store.records import base_language
from kmdesk.gui import icon
from kmdesk.gui.accessibility import name_qt_controls
from kmdesk.gui.attachments_view import AttachmentsView
from kmdesk.gui.dialogs import read_only_words, show_error, show_info
from kmdesk.gui.facets import FacetPanel
from kmdesk.gui.index_status import IndexCatchUp
from kmdesk.gui.integrity_status import IntegrityStatus
from kmdesk.gui.library_model import LibraryModel
from kmdesk.gui.library_table import LibraryTable
from kmdesk.gui.matches_view import MatchesView
from kmdesk.gui.preferences import PreferencesDialog, apply_preferences
from kmdesk.gui.qt import QCloseEvent, QLabel, QMainWindow, Qt, QUndoStack, QVBoxLayout, QWidget, Signal
from kmdesk.gui.record_view import RecordView
from kmdesk.gui.session import ProfileSession
from kmdesk.gui.settings import Settings
from kmdesk.gui.sync_panel import SyncPanel
from kmdesk.gui.window_actions import ActionsController
from kmdesk.gui.window_built import ControllerBuilt
from kmdesk.gui.window_files import FilesController
from kmdesk.gui.window_hub import HubController
from kmdesk.gui.window_index import IndexController
from kmdesk.gui.window_insights import InsightsController
from kmdesk.gui.window_panes import PanesController
from kmdesk.gui.window_record import RecordController
from kmdesk.gui.window_search import SearchController
from kmdesk.gui.workers import LatestOnly, run_in_background, wait_idle
from kmdesk.render.fonts import FontCheck

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library
    from kmdesk.gui.dashboard_view import DashboardView  # pyqtgraph and numpy load when it opens
    from kmdesk.gui.directory_view import DirectoryView
    from kmdesk.gui.map_view import MapView
    from kmdesk.gui.record_editor import RecordEditor
    from kmdesk.gui.report_dialog import ReportDialog
    from kmdesk.gui.trash_view import TrashView


class MainWindow(QMainWindow, ControllerBuilt):
    """The library window. Public methods are what menus, shortcuts, ``kmdesk.app`` and tests
    drive: ``search_now``, ``show_record_id``, ``new_record``, ``edit_record``, ``delete_record``,
    ``import_file``, ``export_file``, ``catch_up_index``, ``rebuild_index``, ``check_index``,
    ``set_language``. A new interface language builds a new window (``preferences``), announced by
    ``replaced`` so whoever holds the window holds the new one."""

    replaced = Signal(object)

    def __init__(self, library: Library, settings: Settings, language: str | None = None) -> None:
        super().__init__()
        self.library = library
        library.index.keep_warm()  # the first misspelling typed waits for no walk of the dictionary
        self.settings = settings
        self.languages = self._record_languages(base_language(language or settings.interface_language),
                                                settings.language_order)
        self.results: Any = None
        self.searches = LatestOnly(self)  # one search at a time; the newest wins
        self.commands = ActionsController(self)
        self.panes = PanesController(self)
        self.search = SearchController(self)
        self.records = RecordController(self)
        self.files = FilesController(self)
        self.indexing = IndexController(self)
        self.insights = InsightsController(self)
        self.hub = HubController(self)
        self.undo_stack = QUndoStack(self)
        self.font_check = FontCheck()
        self.model = LibraryModel(self, self.languages)
        self.model.more_wanted.connect(self.search.read_page)
        self.setWindowTitle(self.tr("kmdesk — {folder}").format(folder=library.data_dir.name))
        self.setWindowIcon(icon("kmdesk"))

        self.commands.create()
        self.search_edit.textChanged.connect(lambda _text: self.search.timer.start())
        self.search_edit.returnPressed.connect(lambda: self.search_now(as_you_type=False))
        content = self.panes.read_only(self._create_central())
        self._create_status()
        self._create_sync_panel()
        self._add_view_actions()
        self.insights.create()
        self.session = ProfileSession(self, self, library, settings)  # the lock screen, and who is unlocked
        self.setCentralWidget(self.session.guard(content))
        self._connect_session()
        self.hub.create()
        self._restore_settings()
        self._set_tab_order()
        name_qt_controls(self)
        self.update_actions()
        self.catch_up_index()

    @property
    def lang(self) -> str:
        return self.languages[0]

    # -- building ----------------------------------------------------------------------------------
    def _create_central(self) -> QWidget:
        self.facets = FacetPanel(self, self.languages)
        self.facets.filtersChanged.connect(lambda: self.search_now(as_you_type=False))
        self.table = LibraryTable(self.model, self)
        self.table.selectionModel().currentRowChanged.connect(self.records.current_row_changed)
        self.table.activated.connect(lambda _index: self.edit_record())
        self.model.modelReset.connect(self.records.reselect)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)

        self.suggestion_label = QLabel(self)
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
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
        self.matches_view = MatchesView(self.library, self.record_view, tuple(self.languages))
        self.matches_view.open_requested.connect(self.show_record_id)
        self.record_view.tabs.addTab(self.matches_view, self.tr("Matches"))
        self.splitter = self.panes.build(self.facets, middle, self.record_view)
        return self.splitter

    def _add_view_actions(self) -> None:
        """View › Filters, Record pane and Practitioner directory… (its own window over the library)."""
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.panes.facets_action, self.panes.record_action])
        self.directory_action = self.view_menu.addAction(self.tr("Practitioner &directory…"))
        self.directory_action.triggered.connect(self.show_directory)
        self.trash_action = self.view_menu.addAction(self.tr("&Trash…"))
        self.trash_action.triggered.connect(self.show_trash)
        self.facets.trashRequested.connect(self.show_trash)

    def show_trash(self) -> TrashView:
        return self.insights.show_trash()

    def show_directory(self) -> DirectoryView:
        return self.insights.show_directory()

    def _create_sync_panel(self) -> None:
        """The sync dock: hidden until asked for in the View menu; it syncs by itself when the
        network appears."""
        self.sync_panel = SyncPanel(self.library, self, lang=self.lang)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.sync_panel)
        self.sync_panel.hide()
        self.sync_panel.visibilityChanged.connect(self.panes.sync_panel_toggled)
        self.sync_panel.record_states_loaded.connect(self.record_view.show_sync_status)
        self.sync_panel.pulled.connect(self.search_now)  # pulled records join the list and its facets
        for done in (self.sync_panel.pulled, self.sync_panel.synced):  # what came in, and what went out, is checked
            done.connect(self.integrity.check)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.sync_panel.toggleViewAction())

    def _create_status(self) -> None:
        self.counts_label = QLabel(self)
        self.integrity = IntegrityStatus(self.library, self)
        self.statusBar().addPermanentWidget(self.integrity)
        self.index_catch_up = IndexCatchUp(self)
        self.statusBar().addPermanentWidget(self.index_catch_up)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _set_tab_order(self) -> None:
        """Tab goes in reading order: the search box, the facets, the lines above the list, the
        list, the record pane, the sync panel (Qt mirrors where they stand in Arabic, not the
        order); the lock screen keeps its own order."""
        chain = [self.search_edit, self.session.banner.create_button, self.session.banner.keep_button,
                 self.facets.tree, self.facets.clear_button, self.facets.trash_button, self.slice_label, self.suggestion_label, self.table,
                 self.record_view.tabs, self.sync_panel]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _restore_settings(self) -> None:
        if not self.settings.restore_window(self):
            self.resize(1280, 800)
        self.panes.restore()
        # the person's own widths come back; without them (or in a new language: ``rebuild_window``)
        # the columns are fitted to the first results
        self.table.fit_pending = not self.settings.restore_header(self.table.horizontalHeader())

    def save_settings(self) -> None:
        self.settings.save_window(self)
        self.panes.save()
        if not self.table.fit_pending:  # widths never fitted (closed at the lock screen) would come back as the person's
            self.settings.save_header(self.table.horizontalHeader())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window, and let queued writes finish so no edit is lost."""
        self.save_settings()
        self.search.timer.stop()
        self.hub.stop()
        self.files.cancel_import()
        wait_idle()
        event.accept()

    # -- the profile session (``session``) ---------------------------------------------------------
    def _connect_session(self) -> None:
        session = self.session
        self.commands.add_session(session)
        self.statusBar().addPermanentWidget(session.status_label)
        session.stateChanged.connect(self._session_changed)
        session.keysChanged.connect(self._keys_changed)
        session.locking.connect(self._forget_readable)
        session.locked.connect(self._locked)
        session.message.connect(self.statusBar().showMessage)
        session.consentChanged.connect(self._consent_changed)
        self.record_view.consent_panel.recordRequested.connect(session.record_consent)
        self.record_view.consent_panel.withdrawRequested.connect(session.withdraw_consent)
        self._session_changed()

    def current_record(self) -> dict[str, Any] | None:
        """The record the record view shows (``SessionHost``)."""
        return self.record_view.record

    def record_languages(self) -> Sequence[str]:
        """``SessionHost``: the interface language first, then the person's order."""
        return self.languages

    def _session_changed(self) -> None:
        """Who is unlocked changed: what may be searched, edited, consented to and synced."""
        self.search_edit.setEnabled(not self.session.locked_out())  # nothing to search behind the lock screen
        self.record_view.consent_panel.set_allowed(self.session.is_custodian(),
                                                   read_only_words() if self.library.read_only else None)
        self.sync_panel.set_access(self.session.context)
        self.integrity.recheck()
        self.update_actions()

    def _keys_changed(self) -> None:
        """Keys were gained: read the library again, and the current record as it now reads."""
        current = self.current_record_id()
        self.reload()
        if current:
            self.show_record_id(current)

    def _forget_readable(self) -> None:
        """The library locks: the record, the search and the undo history (old values of
        restricted records) leave the screen before the keys go."""
        self.forget_record()
        self.forget_search()
        self.undo_stack.clear()

    def _locked(self, reshow: str | None) -> None:
        self.reload()
        if reshow:
            self.show_record_id(reshow)

    def _consent_changed(self, record: dict[str, Any]) -> None:
        self.model.upsert(record)
        if self.current_record_id() == record["id"]:
            self.show_record_id(record["id"])

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

    def new_record(self) -> RecordEditor | None:
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
