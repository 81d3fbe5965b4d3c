"""The record view's "Matches" tab: for a need, the offers, organizations and people that could
support it (for an offer, organization or person, the needs it could answer), local or from
the CHM, each with its reasons in words (``match_words``). Computed by ``core.match`` off the
window's thread; the results live in this widget only, and are dropped with the record (or on lock).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kmdesk.core import vocab
from kmdesk.core.chm import match
from kmdesk.gui.library_model import pick_text
from kmdesk.gui.match_words import reasons_text
from kmdesk.gui.qt import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.workers import Pool, run_in_background

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

IdRole = Qt.ItemDataRole.UserRole + 1
WHY = 2  # the column of reasons


class WrappingDelegate(QStyledItemDelegate):
    """Cells whose text wraps at their column's width: a tree asks a row's height without
    saying how wide the column is, so a long line of reasons was cut to "same country: Keny…"."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt's name)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(1, self.tree.columnWidth(index.column())), max(1, option.rect.height()))
        return super().sizeHint(sized, index)


class MatchesView(QWidget):
    """``open_requested(record_id)`` when a person activates a match."""

    open_requested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None, languages: tuple[str, ...] = ("en",)) -> None:
        super().__init__(parent)
        self.library = library
        self.languages = languages
        self.record_id: str | None = None
        self.matches: list[match.Match] = []
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Record"), self.tr("Type"), self.tr("Why")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)  # titles and reasons wrap, whole
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.setAlternatingRowColors(True)  # where one match's lines end and the next one's begin
        self.tree.header().sectionResized.connect(lambda *_: self.tree.doItemsLayout())  # rows as tall as now needed
        self.tree.setAccessibleName(self.tr("Matches"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemActivated.connect(lambda item, _column: self.open_requested.emit(str(item.data(0, IdRole))))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tree)

    def show_record(self, record: dict[str, Any] | None) -> None:
        """Find the matches of ``record`` (None: forget everything shown)."""
        self.record_id = record["id"] if record else None
        self.matches = []
        self.tree.clear()
        if record is None:
            self.note.clear()
            return
        if record["type"] not in match.PARTNERS or record.get("sealed"):
            self.note.setText(self.tr("Matches are found for needs, offers, organizations and people."))
            return
        self.note.setText(self.tr("Looking for matches…"))
        record_id = record["id"]
        run_in_background(self, lambda _task: match.matches(self.library, record_id),
                          lambda found: self._found(record_id, found), lambda exc: self._failed(record_id, exc),
                          progress=False, kind=Pool.READ)

    def _found(self, record_id: str, found: list[match.Match]) -> None:
        if record_id != self.record_id:
            return
        self.matches = found
        types = vocab.titles("types", self.languages[0])
        for item in found:
            title = pick_text(item.title, self.languages)
            if item.source == "chm":
                title = self.tr("{title} (from the CHM)").format(title=title)
            why = reasons_text(item.reasons, self.languages[0])
            row = QTreeWidgetItem(self.tree, [title, types.get(item.type, item.type), why])
            row.setData(0, IdRole, item.id)
            row.setToolTip(WHY, row.text(WHY))
        self.note.setText(self.tr("{count} matches; open one with a double click.").format(count=len(found)) if found
                          else self.tr("No match yet: nothing in the library or the pulled CHM records fits."))

    def _failed(self, record_id: str, exc: BaseException) -> None:
        if record_id == self.record_id:
            self.note.setText(self.tr("Matches could not be found: {error}").format(error=str(exc)))
