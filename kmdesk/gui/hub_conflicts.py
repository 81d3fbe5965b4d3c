"""Records in conflict, for a person to choose: a field two devices changed at once keeps both
values until someone keeps one. Each field shows its values as the reader may see them (sealed
when the unlocked profile cannot open the record) with "Keep this value" beside each; keeping one
is ``hub.conflicts.resolve``, as ``kmdesk hub resolve`` is, and travels with the next sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kmdesk.core.hub import conflicts, merge
from kmdesk.gui.dialogs import Buttons, dialog_buttons
from kmdesk.gui.history_view import field_name, preview
from kmdesk.gui.library_model import is_language_tag, language_name
from kmdesk.gui.qt import (
    QCoreApplication,
    QDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.workers import Pool, run_in_background

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

VALUE_LIMIT = 600  # characters of a value shown; the record view shows the whole text once kept
ISOLATE, END_ISOLATE = "\u2068", "\u2069"  # a text of either direction keeps its own inside a line of the other


def conflict_field(name: str) -> str:
    """A field in conflict in words: the field's name, or a deletion met by an edit (the
    dialog's list and the record view say it alike)."""
    if name == merge.DELETED:
        return QCoreApplication.translate("ConflictsDialog", "deleted on one device, edited on another")
    return field_name(name)


class ConflictsDialog(QDialog):
    """Every field in conflict with its values, and a button to keep each; ``resolved`` (the
    choice) follows each kept value, so the window reads the record again."""

    resolved = Signal(dict)

    def __init__(self, parent: QWidget | None, library: Library, languages: Sequence[str]) -> None:
        super().__init__(parent)
        self.library = library
        self.languages = list(languages)
        self.keep_buttons: list[QPushButton] = []
        self.setWindowTitle(self.tr("Records in conflict"))
        intro = QLabel(self.tr("These records were changed on two devices at once, in the same field. Both values are "
                               "kept until you choose one; the other devices learn your choice at the next sync."), self)
        intro.setWordWrap(True)
        self.body = QWidget(self)
        self.body_layout = QVBoxLayout(self.body)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(self.body)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(area, 1)
        layout.addWidget(self.note)
        layout.addWidget(dialog_buttons(self, Buttons.Close))
        self.resize(640, 480)

    def load(self) -> None:
        """Read the conflicts again (off the GUI thread: opening sealed values takes keys)."""
        library = self.library
        run_in_background(self, lambda _task: conflicts.list_conflicts(library), self.show_items, progress=False,
                          kind=Pool.READ)

    def show_items(self, items: list[dict[str, Any]]) -> None:
        while (item := self.body_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.keep_buttons = []
        if not items:
            self.body_layout.addWidget(QLabel(self.tr("No records in conflict."), self.body))
        for conflict in items:
            self.body_layout.addWidget(self._group(conflict))
        self.body_layout.addStretch(1)

    def _group(self, item: dict[str, Any]) -> QGroupBox:
        title = self._title(item["title"]) or item["record"][:8]
        field = conflict_field(item["field"])
        box = QGroupBox(self.tr("{title}: {field}").format(title=f"{ISOLATE}{title}{END_ISOLATE}", field=field),
                        self.body)
        grid = QGridLayout(box)
        if item["sealed"]:
            sealed = QLabel(self.tr("Sealed: unlock a profile that may read this record to see its values and choose."), box)
            sealed.setWordWrap(True)
            grid.addWidget(sealed, 0, 0)
            return box
        for row, entry in enumerate(item["values"]):
            who = self.tr("This device") if entry["mine"] else self.tr("Device {id}").format(id=entry["device"][:8])
            grid.addWidget(QLabel(who, box), row, 0, Qt.AlignmentFlag.AlignTop)
            value = QLabel(self.value_text(item["field"], entry["value"]), box)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(value, row, 1)
            keep = QPushButton(self.tr("Keep this value"), box)
            keep.setAccessibleName(self.tr("Keep the value from {who} for {field} of {title}").format(
                who=who, field=field, title=title))
            keep.clicked.connect(lambda _checked=False, i=item, n=row + 1: self.keep(i["record"], i["field"], n))
            grid.addWidget(keep, row, 2, Qt.AlignmentFlag.AlignTop)
            self.keep_buttons.append(keep)
        grid.setColumnStretch(1, 1)
        return box

    def _title(self, texts: dict[str, str]) -> str:
        for tag in self.languages:
            if texts.get(tag):
                return texts[tag]
        return next((text for text in texts.values() if text), "")

    def value_text(self, name: str, value: Any) -> str:
        if name == merge.DELETED:
            return {"deleted": self.tr("Delete the record"), "kept": self.tr("Keep the record")}.get(value, str(value))
        if isinstance(value, dict) and value and all(is_language_tag(tag) for tag in value):  # {language: text}
            return "\n".join(f"{language_name(tag, self.languages[0])}: {ISOLATE}{preview(text, VALUE_LIMIT)}{END_ISOLATE}"
                             for tag, text in value.items())
        return preview(value, VALUE_LIMIT)

    def keep(self, record_id: str, name: str, number: int) -> None:
        """Keep value ``number`` (from 1) of field ``name``: an edit of the record, on the writer."""
        library = self.library
        run_in_background(self, lambda _task: conflicts.resolve(library, record_id, name, str(number)), self._kept,
                          progress=False)

    def _kept(self, chosen: dict[str, Any]) -> None:
        self.note.setText(self.tr("Kept. The other devices learn your choice at the next sync."))
        self.resolved.emit(chosen)
        self.load()
