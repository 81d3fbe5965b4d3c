"""A record's attachments: a list with thumbnails, add by dialog or drag and drop, open, save a
copy, remove. Every file operation is a ``kmdesk.core.store.attachments`` call in a background job.

Thumbnails are made here with Qt (``QImageReader`` scaling while it decodes) from the bytes of
public images up to ``THUMBNAIL_LIMIT``; sealed files get no thumbnail, because making one
would open (and audit) every restricted image whenever the list is shown.

Opening a file in another program needs a real file. It is extracted into a private temporary
folder (``QTemporaryDir``, mode 0700) that this view owns: the folder and every copy in it are
deleted when the record shown changes, when the view is destroyed and when the application
quits. A crash can leave that folder behind in the system's temporary directory; the copy of a
sealed file is then plaintext there until the system cleans its temporary files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.core.store import attachments
from kmdesk.gui.dialogs import show_error
from kmdesk.gui.qt import (
    QAbstractItemView,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDesktopServices,
    QFileDialog,
    QGridLayout,
    QIcon,
    QImage,
    QImageReader,
    QIODevice,
    QListWidget,
    QListWidgetItem,
    QPixmap,
    QPushButton,
    QSize,
    Qt,
    QTemporaryDir,
    QUrl,
    QVBoxLayout,
    QWidget,
)
from kmdesk.gui.workers import Pool, Task, run_in_background

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

THUMBNAIL = QSize(96, 96)
THUMBNAIL_LIMIT = 20 * 1024 * 1024
IdRole = Qt.ItemDataRole.UserRole


def thumbnail(data: bytes, size: QSize = THUMBNAIL) -> QImage | None:
    """An image's thumbnail, decoded at the small size (a 40 MP photo never decodes whole). A
    QImage, so it is made in the background job; only the pixmap is made on the GUI thread."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    if not reader.canRead():
        return None
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image if not image.isNull() else None


class AttachmentsView(QWidget):
    """The attachments of the record given to ``show_record``."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.record_id: str | None = None
        self.read_only: str | None = None  # why files cannot be added or removed (a pulled record), or None
        self.items: list[dict[str, Any]] = []
        self._temp: QTemporaryDir | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Files"))
        self.list.setIconSize(THUMBNAIL)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.save_button = QPushButton(self.tr("Save a copy…"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.ask_add)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.ask_save)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QGridLayout()  # two by two: four buttons in a row made the record pane too wide
        for place, button in enumerate((self.add_button, self.open_button, self.save_button, self.remove_button)):
            buttons.addWidget(button, place // 2, place % 2)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.forget_copies)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._update_buttons()

    # -- showing ---------------------------------------------------------------------------
    def show_record(self, record_id: str | None, read_only: str | None = None) -> None:
        """Show ``record_id``'s files; ``read_only``: why none may be added or removed (a record
        pulled from the CHM, which the core refuses to change), said on the disabled buttons."""
        if record_id != self.record_id:
            self.forget_copies()
        self.record_id = record_id
        self.read_only = read_only if record_id is not None else None
        self.list.clear()
        self.items = []
        self._update_buttons()
        if record_id is None:
            return
        run_in_background(self, lambda _task: self._load(record_id), self._loaded, progress=False, kind=Pool.READ)

    def _load(self, record_id: str) -> tuple[str, list[dict[str, Any]], dict[int, QImage]]:
        items = attachments.list_for(self.library, record_id)
        images = {}
        for item in items:
            if not item["sealed"] and (item["media_type"] or "").startswith("image/") and item["size"] <= THUMBNAIL_LIMIT:
                data = attachments.read_bytes(self.library, item["id"], THUMBNAIL_LIMIT)
                image = thumbnail(data) if data is not None else None
                if image is not None:
                    images[item["id"]] = image
        return record_id, items, images

    def _loaded(self, result: tuple[str, list[dict[str, Any]], dict[int, QImage]]) -> None:
        record_id, items, images = result
        if record_id != self.record_id:
            return
        self.items = items
        self.list.clear()
        for item in items:
            name = item["filename"] if item["filename"] is not None else self.tr("Sealed file (unlock to see its name)")
            entry = QListWidgetItem(self.tr("{name} — {size} KB").format(name=name, size=max(1, item["size"] // 1024)))
            entry.setData(IdRole, item["id"])
            entry.setIcon(QIcon(QPixmap.fromImage(images[item["id"]])) if item["id"] in images else self.style().standardIcon(
                self.style().StandardPixmap.SP_FileIcon))
            self.list.addItem(entry)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.add_button.setEnabled(self.record_id is not None and self.read_only is None)
        for button in (self.open_button, self.save_button, self.remove_button):
            button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self.read_only is None)
        for button in (self.add_button, self.remove_button):
            button.setToolTip(self.read_only or "")

    def selected(self) -> dict[str, Any] | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # -- adding ------------------------------------------------------------------------------
    def ask_add(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if paths:
            self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        record_id = self.record_id
        if record_id is None or self.read_only is not None:
            return

        def work(task: Task) -> int:
            for path in paths:
                if task.cancelled():
                    break
                attachments.add(self.library, record_id, path, progress=task.progress, cancel=task.cancelled)
            return len(paths)

        def done(_count: int) -> None:
            self.show_record(record_id)

        run_in_background(self, work, done, label=self.tr("Storing {count} file(s)…").format(count=len(paths)))

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if self.record_id is not None and self.read_only is None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.add_files(files)

    # -- opening, saving, removing -----------------------------------------------------------
    def copies_folder(self) -> Path:
        if self._temp is None or not self._temp.isValid():
            self._temp = QTemporaryDir()
        return Path(self._temp.path())

    def forget_copies(self) -> None:
        """Delete every temporary copy this view made."""
        if self._temp is not None:
            self._temp.remove()
            self._temp = None

    def open_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        folder = self.copies_folder() / str(item["id"])
        folder.mkdir(exist_ok=True)

        def opened(path: Path) -> None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        run_in_background(self, lambda task: attachments.extract(self.library, item["id"], folder, progress=task.progress,
                                                                 cancel=task.cancelled), opened,
                          label=self.tr("Opening…"), kind=Pool.READ)

    def ask_save(self) -> None:
        item = self.selected()
        if item is None:
            return
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), item["filename"] or "")
        if path:
            run_in_background(self, lambda task: attachments.extract(self.library, item["id"], Path(path),
                                                                     progress=task.progress, cancel=task.cancelled),
                              lambda _path: None, label=self.tr("Saving…"), kind=Pool.READ)

    def remove_selected(self) -> None:
        item = self.selected()
        record_id = self.record_id
        if item is None or record_id is None:
            return

        def done(_none: None) -> None:
            self.show_record(record_id)

        run_in_background(self, lambda _task: attachments.remove(self.library, item["id"]), done,
                          lambda exc: show_error(self, exc), progress=False)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        self.forget_copies()
        super().closeEvent(event)
