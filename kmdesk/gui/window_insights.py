"""The main window's views over the library: View › Dashboard, Map, Practitioner directory
and Trash, File › Report…, and the line above the table that names what a chart's bar or a
place on the map listed.

Owned by ``MainWindow`` as ``window.insights``; the window keeps ``show_dashboard``,
``show_map``, ``show_directory``, ``show_trash``, ``filter_library``, ``show_filters`` and
``clear_slice`` for ``kmdesk.app`` and the tests.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, TypeVar

from kmdesk.core.insight import dashboard
from kmdesk.gui.directory_view import DirectoryView
from kmdesk.gui.map_view import MapView
from kmdesk.gui.qt import QLabel, QObject, Qt, QVBoxLayout
from kmdesk.gui.trash_view import TrashView
from kmdesk.gui.workers import Pool, run_in_background

if TYPE_CHECKING:
    from kmdesk.gui.dashboard_view import DashboardView  # pyqtgraph and numpy load when it opens
    from kmdesk.gui.main_window import MainWindow

ViewT = TypeVar("ViewT", DirectoryView, TrashView)


class InsightsController(QObject):
    """The dashboard and map windows of one main window, and the slice of the library they
    asked the table to list (``slice_filters``, joined to every search)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.slice_filters: dict[str, list[str]] = {}
        self.dashboard_view: DashboardView | None = None
        self.map_view: MapView | None = None

    def create(self) -> None:
        """The actions in the View and File menus, and the slice line above the table."""
        window = self.window
        window.dashboard_action = window.commands.make_action(self.tr("&Dashboard"), window.show_dashboard, ("Ctrl+Shift+D",))
        window.map_action = window.commands.make_action(self.tr("&Map"), window.show_map, ("Ctrl+Shift+M",))
        window.view_menu.addSeparator()
        window.view_menu.addActions([window.dashboard_action, window.map_action])
        window.report_action = window.commands.make_action(self.tr("&Report…"), window.ask_report)
        window.file_menu.insertAction(window.rebuild_action, window.report_action)
        window.file_menu.insertSeparator(window.rebuild_action)
        window.slice_label = QLabel(window)
        window.slice_label.setTextFormat(Qt.TextFormat.RichText)
        window.slice_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                   | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        window.slice_label.linkActivated.connect(lambda _link: window.clear_slice())
        window.slice_label.hide()
        middle = window.table.parentWidget()
        middle_layout = middle.layout() if middle is not None else None
        assert isinstance(middle_layout, QVBoxLayout)
        middle_layout.insertWidget(0, window.slice_label)

    def show_dashboard(self) -> DashboardView:
        window = self.window
        if self.dashboard_view is None:
            from kmdesk.gui.dashboard_view import DashboardView

            self.dashboard_view = DashboardView(window.library, window.lang, window)
            self.dashboard_view.sliceClicked.connect(self.filter_library)
        self.dashboard_view.show()
        self.dashboard_view.raise_()
        self.dashboard_view.refresh()
        return self.dashboard_view

    def show_trash(self) -> TrashView:
        """The trash, its own window over the library; what it restores or forgets reloads the list."""
        window = self.window
        view = TrashView(window.library, window, tuple(window.languages))
        view.changed.connect(window.reload)
        window.session.locking.connect(view.close)  # nothing of it stays on screen once locked
        return self._opened(view)

    def show_directory(self) -> DirectoryView:
        window = self.window
        view = DirectoryView(window.library, window, tuple(window.languages))
        view.open_requested.connect(window.show_record_id)
        return self._opened(view)

    @staticmethod
    def _opened(view: ViewT) -> ViewT:
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        view.refresh()
        return view

    def show_map(self) -> MapView:
        window = self.window
        if self.map_view is None:
            self.map_view = MapView(window.library, window.lang, window)
            self.map_view.countryClicked.connect(
                lambda code, label: self.filter_library(dashboard.Slice("countries", code), label))
            self.map_view.placeClicked.connect(lambda ids, label: self.show_filters({"id": ids}, label))
        self.map_view.show()
        self.map_view.raise_()
        self.map_view.refresh()
        return self.map_view

    def filter_library(self, piece: dashboard.Slice, label: str) -> None:
        """List exactly what a chart's bar counted: a facet is ticked where the search has one
        (the facet panel shows it), else the bar's records are listed by id and named above the
        table with a way back to everything. The search box and other ticks are cleared."""
        library = self.window.library
        run_in_background(self.window, lambda _task: dashboard.filters(library, piece),
                          lambda filters: self.show_filters(filters, label), progress=False, kind=Pool.READ)

    def show_filters(self, filters: dict[str, list[str]], label: str) -> None:
        """List what ``filters`` (a chart's bar, a country or a place on the map) let through."""
        window = self.window
        window.search_edit.blockSignals(True)
        window.search_edit.clear()
        window.search_edit.blockSignals(False)
        window.facets.blockSignals(True)
        window.facets.clear()
        window.facets.blockSignals(False)
        self.slice_filters = {}
        if "id" in filters:
            self.slice_filters = {"id": filters["id"]}
            window.slice_label.setText(self.tr("Showing {what} · <a href=\"all\">show all records</a>").format(
                what=f"<b>{html.escape(label)}</b>"))
            window.slice_label.show()
            window.search_now()
        else:
            window.slice_label.hide()
            for facet, values in filters.items():
                for value in values:
                    window.facets.select(facet, value)
        window.raise_()
        window.activateWindow()

    def clear_slice(self) -> None:
        self.slice_filters = {}
        self.window.slice_label.hide()
        self.window.search_now()

    def refresh(self) -> None:
        for view in (self.dashboard_view, self.map_view):
            if view is not None and view.isVisible():
                view.refresh()

    def forget(self) -> None:
        self.slice_filters = {}
        self.window.slice_label.hide()
        for view in (self.dashboard_view, self.map_view):
            if view is not None:
                view.forget()
