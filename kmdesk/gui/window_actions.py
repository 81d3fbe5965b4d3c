"""The main window's commands: its actions (each with its shortcuts), the menus that list them,
the toolbar with the search box, and the profile session's Access menu put in their places.

Owned by ``MainWindow`` as ``window.commands``; the actions stay reachable as the window's own
attributes (``window.new_action``, ``window.view_menu`` ...), which its menus, controllers and the
tests use. Every action is in a menu, so the keyboard reaches it through the menu bar too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kmdesk.gui import icon
from kmdesk.gui.keys import Key, key_sequences
from kmdesk.gui.library_model import language_heading
from kmdesk.gui.qt import QAction, QActionGroup, QKeySequence, QLineEdit, QObject, Qt, QToolBar
from kmdesk.gui.settings import INTERFACE_LANGUAGES

if TYPE_CHECKING:
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.session import ProfileSession

SEARCH_MIN_WIDTH = 320  # px: room for a few words of a search


class ActionsController(QObject):
    """Builds the actions, menus and toolbar of one window (``create``), and puts the session's
    actions among them (``add_session``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.toolbar: QToolBar | None = None

    def make_action(self, text: str, slot: Any, shortcuts: tuple[Key, ...] = (), icon_name: str | None = None,
                    tip: str | None = None) -> QAction:
        """An action of this window (its shortcuts work wherever the focus is in it); each
        shortcut key is bound once (``key_sequences``)."""
        action = QAction(text, self.window)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcuts:
            action.setShortcuts(key_sequences(*shortcuts))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(lambda *_: slot())
        self.window.addAction(action)
        return action

    def create(self) -> None:
        self._create_actions()
        self._create_menus()
        self._create_toolbar()

    def _create_actions(self) -> None:
        window, make, key = self.window, self.make_action, QKeySequence.StandardKey
        window.new_action = make(self.tr("&New record…"), window.new_record, (key.New,), "add",
                                 self.tr("Create a record"))
        window.import_action = make(self.tr("&Import…"), window.files.ask_import)
        window.export_action = make(self.tr("&Export…"), window.files.ask_export)
        window.rebuild_action = make(self.tr("&Rebuild search index…"), window.rebuild_index)
        window.check_action = make(self.tr("&Check index"), window.check_index)
        window.quit_action = make(self.tr("&Quit"), window.close, (key.Quit, "Ctrl+Q"))
        window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        window.undo_action = window.undo_stack.createUndoAction(window, self.tr("&Undo"))
        window.undo_action.setShortcuts(key_sequences(key.Undo))
        window.redo_action = window.undo_stack.createRedoAction(window, self.tr("&Redo"))
        window.redo_action.setShortcuts(key_sequences(key.Redo, "Ctrl+Shift+Z"))
        window.addActions([window.undo_action, window.redo_action])
        window.edit_action = make(self.tr("&Edit record…"), window.edit_record, ("Ctrl+E",), "edit",
                                  self.tr("Edit the selected record"))
        window.delete_action = make(self.tr("&Delete record…"), window.delete_record, (key.Delete,), "delete",
                                    self.tr("Delete the selected record"))
        window.find_action = make(self.tr("&Find"), window.search.focus_search, (key.Find, "Ctrl+F"), "search")
        window.refresh_action = make(self.tr("&Refresh"), window.reload, (key.Refresh, "F5"))
        window.preferences_action = make(self.tr("&Preferences…"), window.ask_preferences,
                                         (key.Preferences, "Ctrl+,"))
        window.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        window.about_action = make(self.tr("&About kmdesk"), window.about)
        window.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _create_menus(self) -> None:
        window = self.window
        bar = window.menuBar()
        file_menu = window.file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(window.new_action)
        file_menu.addSeparator()
        file_menu.addActions([window.import_action, window.export_action])
        file_menu.addSeparator()
        file_menu.addActions([window.rebuild_action, window.check_action])
        file_menu.addSeparator()
        file_menu.addAction(window.quit_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([window.undo_action, window.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([window.edit_action, window.delete_action])
        edit_menu.addSeparator()
        edit_menu.addAction(window.find_action)
        edit_menu.addSeparator()
        edit_menu.addAction(window.preferences_action)
        view_menu = window.view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(window.refresh_action)
        window.language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(window)
        for tag in INTERFACE_LANGUAGES:
            action = window.language_menu.addAction(language_heading(tag, tag))
            action.setCheckable(True)
            action.setChecked(tag == window.lang)
            action.triggered.connect(lambda _checked=False, t=tag: window.set_language(t))
            group.addAction(action)
        window.help_menu = bar.addMenu(self.tr("&Help"))
        window.help_menu.addAction(window.about_action)

    def _create_toolbar(self) -> None:
        window = self.window
        toolbar = self.toolbar = QToolBar(self.tr("Main toolbar"), window)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([window.new_action, window.edit_action, window.delete_action])
        toolbar.addSeparator()
        search_edit = window.search_edit = QLineEdit(toolbar)
        search_edit.setPlaceholderText(self.tr("Search titles, texts, places, people…"))
        search_edit.setAccessibleName(self.tr("Search"))
        search_edit.setAccessibleDescription(self.tr("Words to look for in titles, texts, places and people; the "
                                                     "list shows what they find as you type (Ctrl+F comes here)."))
        search_edit.setClearButtonEnabled(True)
        search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition).setText(self.tr("Search"))
        search_edit.setMinimumWidth(SEARCH_MIN_WIDTH)
        toolbar.addWidget(search_edit)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def add_session(self, session: ProfileSession) -> None:
        """The session's Access menu before Help, its lock action first on the toolbar."""
        window = self.window
        window.addActions(session.actions)
        window.menuBar().insertMenu(window.help_menu.menuAction(), session.menu)
        if self.toolbar is not None:
            self.toolbar.insertAction(self.toolbar.actions()[0], session.lock_action)
