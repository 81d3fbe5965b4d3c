"""The main window's three panes side by side: the facets, the library table and the record.

The facets and the record pane resize with the splitter between them and the table, collapse
when dragged to the edge, and come back from View › Filters and View › Record pane (the keyboard's
way to do the same). Their widths are kept in the preferences as they change, so the next start
(or a new interface language) lays the window out as the person left it.

Owned by ``MainWindow`` as ``window.panes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmdesk.gui.dialogs import read_only_words
from kmdesk.gui.qt import QLabel, QObject, QSplitter, Qt, QTimer, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.record_view import RecordView

FACETS, TABLE, RECORD = 0, 1, 2  # the panes' places in the splitter
DEFAULT_WIDTHS = (200, 700, 380)  # px of a 1280-pixel window: room for the table's columns
SYNC_PANEL_WIDTH = 320  # px of a 1280-pixel window
FACETS_WITH_PANEL = 160  # px: the facets' width beside the sync panel
TABS_MARGIN = 8  # px around the record pane's tab bar


class PanesController(QObject):
    """The splitter of one window (``splitter``) and the View menu's actions that show or hide
    its side panes (``facets_action``, ``record_action``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.setObjectName("main_splitter")
        self.open_widths = {FACETS: DEFAULT_WIDTHS[FACETS], RECORD: DEFAULT_WIDTHS[RECORD]}

    def read_only(self, content: QWidget) -> QWidget:
        """``content`` as it is, or, when kmdesk cannot write to the library (``Library.read_only``),
        under a banner saying so, said in the title and the status bar too; its index cannot be
        rebuilt, and every other change is disabled by who may write (``AccessContext.can_write``,
        ``RecordController.read_only_reason``)."""
        window = self.window
        if not window.library.read_only:
            return content
        window.setWindowTitle(self.tr("kmdesk — {folder} (read-only)").format(folder=window.library.data_dir.name))
        window.rebuild_action.setEnabled(False)
        window.rebuild_action.setToolTip(read_only_words())
        banner = QLabel(read_only_words(), window)
        banner.setObjectName("read_only_banner")
        banner.setWordWrap(True)
        banner.setStyleSheet("#read_only_banner { background: #fff8e1; border-bottom: 1px solid #ffe082; padding: 8px; }")
        window.statusBar().addPermanentWidget(QLabel(self.tr("Read-only"), window))
        page = QWidget(window)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(content, 1)
        return page

    def build(self, facets: QWidget, table: QWidget, record: RecordView) -> QSplitter:
        self.record = record
        splitter = self.splitter
        for widget in (facets, table, record):
            splitter.addWidget(widget)
        splitter.setStretchFactor(TABLE, 1)
        splitter.setChildrenCollapsible(True)
        splitter.setCollapsible(TABLE, False)  # the list is what the window is for
        splitter.splitterMoved.connect(lambda _pos, _index: self._moved())
        make = self.window.commands.make_action
        self.facets_action = make(self.tr("&Filters"), lambda: None, tip=self.tr("Show or hide the filters pane"))
        self.record_action = make(self.tr("&Record pane"), lambda: None, tip=self.tr("Show or hide the record pane"))
        for pane, action in ((FACETS, self.facets_action), (RECORD, self.record_action)):
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda shown, p=pane: self.show_pane(p, shown))
        return splitter

    def restore(self) -> None:
        """The widths the person left, else the defaults (a first start)."""
        settings = self.window.settings
        self.open_widths.update(settings.pane_widths())
        if not settings.restore_splitter(self.splitter):
            # the record pane's tabs all in view, whatever the language ("Совпадения" is long), but
            # not more than a third of the window (at a large font size its tabs scroll)
            tabs = self.record.tabs.tabBar().sizeHint().width() + TABS_MARGIN
            record = max(DEFAULT_WIDTHS[RECORD], min(tabs, self.window.width() // 3))
            widths = [DEFAULT_WIDTHS[FACETS], DEFAULT_WIDTHS[TABLE], record]
            self.splitter.setSizes(widths)
        self._update_actions()

    def save(self) -> None:
        self.window.settings.save_splitter(self.splitter)
        self.window.settings.set_pane_widths(self.open_widths)

    def is_shown(self, pane: int) -> bool:
        return self.splitter.sizes()[pane] > 0

    def show_pane(self, pane: int, shown: bool) -> None:
        """Open a side pane at the width it last had, or collapse it; the table takes the rest."""
        if shown == self.is_shown(pane):
            return
        sizes = self.splitter.sizes()
        width = self.open_widths[pane] if shown else 0
        sizes[TABLE] = max(1, sizes[TABLE] + sizes[pane] - width)
        sizes[pane] = width
        self.splitter.setSizes(sizes)
        self._moved()

    def _moved(self) -> None:
        """A pane was resized, collapsed or opened: remember its width, say so in the View menu."""
        sizes = self.splitter.sizes()
        for pane in (FACETS, RECORD):
            if sizes[pane] > 0:
                self.open_widths[pane] = sizes[pane]
        self._update_actions()
        self.save()

    def _update_actions(self) -> None:
        for pane, action in ((FACETS, self.facets_action), (RECORD, self.record_action)):
            action.blockSignals(True)
            action.setChecked(self.is_shown(pane))
            action.blockSignals(False)

    def sync_panel_toggled(self, shown: bool) -> None:
        """The sync panel takes the window's right side: the record pane gives up what it can
        spare (down to its minimum width) and the facets keep a readable width, so the list
        keeps every column in view."""
        window = self.window
        if shown:
            window.resizeDocks([window.sync_panel], [SYNC_PANEL_WIDTH], Qt.Orientation.Horizontal)
            sizes = self.splitter.sizes()
            room = sum(sizes)
            facets = min(FACETS_WITH_PANEL, sizes[FACETS])
            record = min(sizes[RECORD], self.record.minimumSizeHint().width())
            self.splitter.setSizes([facets, room - facets - record, record])
        QTimer.singleShot(0, window.table.fit_columns)  # once the layout has given the list its new width
