"""Small dialogs every window needs: confirm a deletion, show an error, show progress, and the
error line and button box every form dialog ends with.

Errors from the core are typed (``KmdeskError.code``): the headline is chosen by code and
translated here; the core's own message (English) follows as the detail, so a person gets
words in their language and a helper gets the precise cause.
"""

from __future__ import annotations

import logging

from kmdesk.gui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    Qt,
    QWidget,
)

log = logging.getLogger(__name__)

ERROR_COLOUR = "#c62828"
Buttons = QDialogButtonBox.StandardButton


def error_label(parent: QWidget) -> QLabel:
    """The hidden line in which a form says, in red, what is wrong with what was entered."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    label.hide()
    return label


def dialog_buttons(dialog: QDialog, buttons: QDialogButtonBox.StandardButton = Buttons.Ok | Buttons.Cancel) -> QDialogButtonBox:
    """The dialog's button box, wired to accept and reject."""
    box = QDialogButtonBox(buttons, dialog)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def confirm_delete(parent: QWidget | None, title: str) -> bool:
    """Ask before deleting a record, naming it; No is the default so a stray Enter is safe."""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("dialogs", "Delete record"),
        QCoreApplication.translate("dialogs", "Delete “{title}”?\n\nThe record goes to the trash, where it can be restored until the trash is emptied.").format(title=title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def read_only_words() -> str:
    """Why nothing can be changed in a library kmdesk cannot write to (``Library.read_only``):
    the banner, the disabled actions' tips and a refused change all say it so."""
    return QCoreApplication.translate("dialogs", "This library is on a read-only medium: you can read and search it, "
                                      "not change it. Copy its folder to a writable place to change it.")


def error_headline(exc: BaseException) -> str:
    """What went wrong, in the user's language, chosen by the core error's code."""
    code = getattr(exc, "code", None)
    if code == "not_found":
        return QCoreApplication.translate("dialogs", "It is no longer there: it may have been deleted or moved.")
    if code == "invalid_record":
        return QCoreApplication.translate("dialogs", "Some of what was entered cannot be saved as it is.")
    if code == "pulled_record":
        return QCoreApplication.translate("dialogs", "This record comes from the CHM and is read-only here: "
                                          "the next pull brings its changes.")
    if code == "access_denied":
        return QCoreApplication.translate("dialogs", "You do not have permission to do this.")
    if code == "read_only":
        return read_only_words()
    if code == "store_error":
        return QCoreApplication.translate("dialogs", "The library could not complete this change.")
    if code == "cancelled":
        return QCoreApplication.translate("dialogs", "Cancelled. Nothing was changed.")
    return QCoreApplication.translate("dialogs", "Something went wrong.")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> QMessageBox:
    """Show a failed job's error without blocking (a background job may fail at any time).

    A cancel is not a failure: it gets a calm information box saying nothing changed.
    """
    cancelled = getattr(exc, "code", None) == "cancelled"
    if not cancelled and getattr(exc, "code", None) is None:
        log.error("unexpected error in kmdesk", exc_info=exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information if cancelled else QMessageBox.Icon.Warning)
    box.setWindowTitle(title or (QCoreApplication.translate("dialogs", "Cancelled") if cancelled else QCoreApplication.translate("dialogs", "Error")))
    box.setText(error_headline(exc))
    detail = str(exc)
    if detail and not cancelled:
        box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A non-blocking information box (reports of imports, index checks...)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class ProgressDialog(QProgressDialog):
    """Progress of one background job: shown only if it lasts (no flashing for quick jobs),
    indeterminate while the total is unknown, with Cancel when the job can stop cleanly."""

    SHOW_AFTER_MS = 400

    def __init__(self, parent: QWidget | None, label: str, cancellable: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Working…"))
        self.setLabelText(label)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(self.SHOW_AFTER_MS)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)
        if cancellable:
            self.setCancelButtonText(self.tr("Cancel"))
        else:
            self.setCancelButton(None)

    def set_progress(self, done: int, total: int) -> None:
        """``total`` below 1 means unknown: a busy bar rather than a wrong percentage."""
        if total > 0:
            if self.maximum() != total:
                self.setRange(0, total)
            self.setValue(min(done, total))
        elif self.maximum() != 0:
            self.setRange(0, 0)

    def finish(self) -> None:
        """Hide (not close: QProgressDialog's close emits ``canceled``) and go away."""
        self.reset()
        self.hide()
        self.deleteLater()
