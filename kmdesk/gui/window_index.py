"""The main window's search-index jobs: the catch-up of what waits to be indexed (every record,
the first time a library of an older release opens), File › Rebuild search index… and
File › Check index.

Owned by ``MainWindow`` as ``window.indexing``; the window keeps ``catch_up_index``,
``rebuild_index`` and ``check_index`` for its menus, ``kmdesk.app`` and the tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kmdesk.gui.dialogs import show_error, show_info
from kmdesk.gui.qt import QObject
from kmdesk.gui.workers import run_in_background

if TYPE_CHECKING:
    from kmdesk.gui.main_window import MainWindow


class IndexController(QObject):
    """Index jobs of one window's library, each on the writer with its progress."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def catch_up_index(self) -> None:
        """Index what waits on the writer, with its progress and Cancel in the status bar
        (``window.index_catch_up``): the window stays usable, its searches finding what is
        indexed so far, and searches again once all of it is. Asked before the first search,
        so that search does not do the catch-up unseen."""
        window = self.window
        library = window.library
        if not library.index.backlog():
            return
        window.index_catch_up.start()
        run_in_background(window, lambda task: library.index.catch_up(task.progress, task.cancelled),
                          lambda _count: window.search_now(), self.catch_up_stopped, view=window.index_catch_up)

    def catch_up_stopped(self, exc: BaseException) -> None:
        if getattr(exc, "code", None) != "cancelled":
            show_error(self.window, exc)
            return
        self.window.statusBar().showMessage(self.tr(
            "Indexing stopped: records not indexed yet are not found by a search. "
            "Indexing resumes the next time this library opens."), 10000)

    def rebuild_index(self) -> None:
        window = self.window
        library = window.library

        def done(count: int) -> None:
            window.statusBar().showMessage(self.tr("Search index rebuilt ({count} records).").format(count=count), 8000)
            window.search_now()

        run_in_background(window, lambda task: library.index.reindex(progress=task.progress, cancel=task.cancelled), done,
                          label=self.tr("Rebuilding the search index…"))

    def check_index(self) -> None:
        window = self.window
        library = window.library

        def done(drift: Any) -> None:
            window.integrity.check()  # File › Check index checks the rows too, as ``kmdesk check`` does
            if drift.ok:
                show_info(window, self.tr("Search index"), self.tr("The search index matches the library."))
                return
            show_info(window, self.tr("Search index"), self.tr(
                "The search index does not match the library.\nMissing: {missing}\nOut of date: {stale}\n"
                "No longer in the library: {orphans}\n\nUse File › Rebuild search index… to repair it."
            ).format(missing=len(drift.missing), stale=len(drift.stale), orphans=len(drift.orphans)))

        run_in_background(window, lambda _task: library.check(), done, label=self.tr("Checking the search index…"),
                          cancellable=False)
