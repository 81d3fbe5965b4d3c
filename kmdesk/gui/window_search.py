"""The main window's search: the search box and the ticked facets asked off the GUI thread, the
table's later pages read as it scrolls, the "did you mean" line and the counts in the status bar.

Owned by ``MainWindow`` as ``window.search``; the window keeps thin methods (``search_now``,
``forget_search``) for its menus, ``kmdesk.app`` and the tests. Typing searches after a pause
(``timer``), so a word is not searched for at every letter.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from kmdesk.gui import english_plural
from kmdesk.gui.dialogs import error_headline
from kmdesk.gui.library_model import LibraryModel, RowData, read_page
from kmdesk.gui.qt import QObject, Qt, QTimer
from kmdesk.gui.workers import Pool, Task, run_in_background

if TYPE_CHECKING:
    from kmdesk.gui.main_window import MainWindow

SEARCH_DELAY_MS = 200


class SearchController(QObject):
    """Searches of one window. A newer search supersedes an older one (``window.searches``,
    a ``LatestOnly``); later pages are read when the table scrolls to them (``read_page``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.question: tuple[str, dict[str, Any]] = ("", {})  # the search the table lists
        self.library_size = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(lambda: self.search_now(as_you_type=True))

    def recount(self) -> None:
        """Count the records for the status bar and the trash under the facets (after a reload,
        a record added, deleted or restored)."""
        def counted(count: int) -> None:
            self.library_size = count
            self.show_counts()

        run_in_background(self.window, lambda _task: self.window.library.records.count(), counted, progress=False,
                          kind=Pool.READ)
        run_in_background(self.window, lambda _task: self.window.library.trash.count(), self.window.facets.set_trash_count,
                          progress=False, kind=Pool.READ)

    def search_now(self, as_you_type: bool = False) -> None:
        """Search with the box's text and the ticked facets, off the GUI thread, and list its
        first page. Typing (after a pause), Enter and ``--search`` ask the core the same
        question; only keystrokes say ``as_you_type``."""
        window = self.window
        self.timer.stop()
        filters = {**window.facets.filters(), **window.insights.slice_filters}
        self.question = (window.search_edit.text().strip(), {"filters": filters or None, "lang": window.lang,
                                                             "as_you_type": as_you_type})
        query, options = self.question
        library = window.library

        def search(_task: Task) -> tuple[Any, list[RowData]]:
            return read_page(library, query, 1, LibraryModel.PAGE, **options)

        window.searches.run(search, self.show_results, self.search_failed)

    def show_results(self, answer: tuple[Any, list[RowData]]) -> None:
        window = self.window
        results, rows = answer
        window.results = results
        window.model.set_results(rows, results.total)
        window.table.fit_if_pending()
        window.facets.set_facets(results.facets)
        self.show_suggestion(results)
        self.show_counts()

    def read_page(self, page: int) -> None:
        """The table scrolled to the end of what is loaded: read the next page of the same
        question. An answer to an older question is dropped by the model (it asked for none)."""
        query, options = self.question
        library = self.window.library

        def read(_task: Task) -> tuple[Any, list[RowData]]:  # the facets came with the first page
            return read_page(library, query, page, LibraryModel.PAGE, facets=False, **options)

        def arrived(answer: tuple[Any, list[RowData]]) -> None:
            if (query, options) == self.question:
                self.window.model.add_page(page, answer[1])

        run_in_background(self.window, read, arrived, self.search_failed, progress=False, kind=Pool.READ)

    def search_failed(self, exc: BaseException) -> None:
        self.window.statusBar().showMessage(self.tr("Search failed: {reason} {detail}").format(
            reason=error_headline(exc), detail=str(exc)))

    def forget_search(self) -> None:
        """On lock: the words searched for, the rows, their count and the facet counts all say
        something about what the last profile could read, so none of it stays on screen."""
        window = self.window
        self.timer.stop()
        window.searches.forget()
        window.search_edit.blockSignals(True)
        window.search_edit.clear()
        window.search_edit.blockSignals(False)
        window.results = None
        window.model.clear()
        window.facets.forget()
        window.suggestion_label.hide()
        window.counts_label.clear()
        window.insights.forget()

    def show_suggestion(self, results: Any) -> None:
        label = self.window.suggestion_label
        suggestion = getattr(results, "suggestion", None)
        if not suggestion:
            label.hide()
            return
        shown = f"<i>{html.escape(suggestion)}</i>"
        if getattr(results, "corrected", False):
            text = self.tr("Showing results for {suggestion}.").format(suggestion=shown)
        else:
            link = f'<a href="suggest">{shown}</a>'
            text = self.tr("Did you mean {suggestion}?").format(suggestion=link)
        label.setText(text)
        label.setProperty("suggestion", suggestion)
        label.show()

    def suggestion_clicked(self, _link: str) -> None:
        self.window.search_edit.setText(str(self.window.suggestion_label.property("suggestion")))
        self.search_now(as_you_type=False)

    def show_counts(self) -> None:
        total = self.library_size
        shown = self.window.model.total
        self.window.counts_label.setText(english_plural(self.tr("%Ln record(s)", "", total), total) + " · " +
                                         english_plural(self.tr("%Ln shown", "", shown), shown))

    def focus_search(self) -> None:
        self.window.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.search_edit.selectAll()
