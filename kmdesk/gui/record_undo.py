"""The record editor's undo machinery (``record_editor.RecordEditor`` uses it).

A field is *bound*: a getter, a setter and a label; the ``*_parts`` helpers give the getter,
setter and changed signal of the usual widgets. A change pushes ``FieldCommand(editor, field,
old, new)``, and typing on in the same field merges into one step; adding a language is an
``AddLanguageCommand``. ``KeepUndoForStack`` keeps Ctrl+Z and Ctrl+Y for the dialog's undo
stack rather than a text widget's own undo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kmdesk.gui.qt import QComboBox, QEvent, QKeyEvent, QKeySequence, QLineEdit, QObject, QUndoCommand

if TYPE_CHECKING:
    from kmdesk.gui.record_editor import RecordEditor


def line_parts(widget: QLineEdit) -> tuple[Any, Any, Any]:
    return widget.text, widget.setText, widget.textChanged


def combo_text_parts(widget: QComboBox) -> tuple[Any, Any, Any]:
    """An editable combo box: its text is the value (a community, a licence)."""
    return widget.currentText, widget.setCurrentText, widget.currentTextChanged


def combo_data_parts(widget: QComboBox) -> tuple[Any, Any, Any]:
    """A fixed choice: the item's data (a vocabulary key) is the value."""
    return widget.currentData, lambda value: widget.setCurrentIndex(max(0, widget.findData(value))), \
        widget.currentIndexChanged


@dataclass
class Binding:
    get: Callable[[], Any]
    set: Callable[[Any], None]
    label: str


class FieldCommand(QUndoCommand):
    """One change of one field; consecutive changes of the same field merge into one step."""

    def __init__(self, editor: RecordEditor, key: str, old: Any, new: Any) -> None:
        super().__init__(editor.tr("Change {field}").format(field=editor.binding_label(key)))
        self.editor, self.key, self.old, self.new = editor, key, old, new

    def id(self) -> int:
        return self.editor.field_number(self.key)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldCommand) or other.key != self.key:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.editor.apply_value(self.key, self.new)

    def undo(self) -> None:
        self.editor.apply_value(self.key, self.old)


class AddLanguageCommand(QUndoCommand):
    def __init__(self, editor: RecordEditor, tag: str) -> None:
        super().__init__(editor.tr("Add language {tag}").format(tag=tag))
        self.editor, self.tag = editor, tag

    def redo(self) -> None:
        self.editor.add_language_tab(self.tag)

    def undo(self) -> None:
        self.editor.remove_language_tab(self.tag)


class KeepUndoForStack(QObject):
    """Text widgets claim Ctrl+Z for their own undo; this lets the dialog's actions have it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                isinstance(event, QKeyEvent)
                and (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo))):
            event.ignore()
            return True
        return False
