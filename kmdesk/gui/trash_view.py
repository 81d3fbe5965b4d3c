"""The trash window: deleted records as far as the unlocked profile's access allows (a record it
cannot open shows as restricted, without its title), each with when and by whom it was deleted;
Restore puts the chosen one back, Empty trash forgets every one this profile may, after asking.
Every library call runs off the window's thread (``library.trash``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kmdesk.gui import english_plural
from kmdesk.gui.dialogs import error_headline
from kmdesk.gui.library_model import pick_text
from kmdesk.gui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.workers import Pool, run_in_background
from kmdesk.render.localized import format_timestamp

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

IdRole = Qt.ItemDataRole.UserRole + 1


def confirm_empty(parent: QWidget | None) -> bool:
    """Ask before forgetting deleted records for good; No is the default so a stray Enter is safe."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("trash", "Empty trash"),
        QCoreApplication.translate("trash", "Forget every deleted record you may remove, with its files?\n\n"
                                   "This cannot be undone."),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class TrashView(QDialog):
    """``changed`` after a record was restored or the trash emptied (the library list reads again)."""

    changed = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None, languages: tuple[str, ...] = ("en",)) -> None:
        super().__init__(parent)
        self.library = library
        self.languages = languages
        self.entries: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Trash"))
        self.resize(760, 460)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Title"), self.tr("Deleted"), self.tr("Deleted by")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setAccessibleName(self.tr("Deleted records"))
        self.tree.setAccessibleDescription(self.tr("Records deleted from this library, newest first, with when and "
                                                   "by whom; choose one and press Restore to bring it back."))
        self.tree.currentItemChanged.connect(lambda *_items: self._update_buttons())
        self.tree.itemActivated.connect(lambda *_args: self.restore_current())
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setAccessibleDescription(self.tr("Put the chosen record back in the library, as it was."))
        self.restore_button.clicked.connect(self.restore_current)
        self.empty_button = QPushButton(self.tr("&Empty trash…"), self)
        self.empty_button.setAccessibleDescription(self.tr("Forget every deleted record you may remove, with its "
                                                           "files, after asking; this cannot be undone."))
        self.empty_button.clicked.connect(self.ask_empty)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Trash status"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.empty_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.tree, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.empty_button)
        QWidget.setTabOrder(self.empty_button, self.close_button)
        self._update_buttons()

    def refresh(self) -> None:
        self.status.setText(self.tr("Reading the trash…"))
        run_in_background(self, lambda _task: self.library.trash.entries(), self._show, self._failed,
                          progress=False, kind=Pool.READ)

    def title_of(self, entry: dict[str, Any]) -> str:
        if entry.get("damaged"):
            return self.tr("Damaged record (failed its integrity check)")
        if entry.get("restricted"):
            return self.tr("Restricted record (you cannot open it)")
        return pick_text(entry.get("title") or {}, self.languages) or self.tr("(untitled)")

    def _show(self, entries: list[dict[str, Any]]) -> None:
        self.entries = entries
        self.tree.clear()
        for entry in entries:
            title = self.title_of(entry)
            item = QTreeWidgetItem(self.tree, [title, format_timestamp(entry["deleted_at"]), entry["deleted_by"]])
            item.setData(0, IdRole, entry["id"])
            item.setToolTip(0, entry["damaged"] if entry.get("damaged") else title)
        if (first := self.tree.invisibleRootItem().child(0)) is not None:
            self.tree.setCurrentItem(first)
        self.status.setText(english_plural(self.tr("%Ln deleted record(s).", "", len(entries)), len(entries))
                            if entries else self.tr("The trash is empty."))
        self._update_buttons()

    def _current(self) -> dict[str, Any] | None:
        item = self.tree.currentItem()
        record_id = item.data(0, IdRole) if item is not None else None
        return next((entry for entry in self.entries if entry["id"] == record_id), None)

    def _update_buttons(self) -> None:
        current, writable = self._current(), not self.library.read_only
        self.restore_button.setEnabled(writable and current is not None and not current.get("restricted")
                                       and not current.get("damaged"))
        self.empty_button.setEnabled(writable and bool(self.entries))

    def restore_current(self) -> None:
        current = self._current()
        if current is None or not self.restore_button.isEnabled():
            return
        record_id = current["id"]
        run_in_background(self, lambda _task: self.library.trash.restore(record_id), self._restored, self._failed,
                          progress=False)

    def _restored(self, record: dict[str, Any]) -> None:
        self.changed.emit()
        self.refresh()
        self.status.setText(self.tr("Restored “{title}”.").format(title=pick_text(record.get("title") or {},
                                                                                  self.languages)))

    def ask_empty(self) -> None:
        if self.entries and confirm_empty(self):
            self.empty()

    def empty(self) -> None:
        run_in_background(self, lambda _task: self.library.trash.empty(), self._emptied, self._failed, progress=False)

    def _emptied(self, gone: list[str]) -> None:
        self.changed.emit()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("{headline} {detail}").format(headline=error_headline(exc), detail=str(exc)))
