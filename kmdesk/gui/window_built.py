"""The widgets of the main window that its controllers build, named as typed attributes.

``ActionsController`` makes the actions, menus and search box and ``InsightsController`` its
actions and the slice label, each set on the window; declared here, each is one typed attribute
the window, the other controllers and the tests can rely on.
"""

from __future__ import annotations

from kmdesk.gui.qt import QAction, QLabel, QLineEdit, QMenu


class ControllerBuilt:
    """What the controllers set on the window (a mixin of annotations only)."""

    new_action: QAction
    import_action: QAction
    export_action: QAction
    rebuild_action: QAction
    check_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    edit_action: QAction
    delete_action: QAction
    find_action: QAction
    refresh_action: QAction
    preferences_action: QAction
    about_action: QAction
    dashboard_action: QAction
    map_action: QAction
    report_action: QAction
    file_menu: QMenu
    view_menu: QMenu
    language_menu: QMenu
    help_menu: QMenu
    search_edit: QLineEdit
    slice_label: QLabel
