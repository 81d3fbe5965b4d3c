"""Getting into a library: the lock screen (profile and passphrase), and on a library without
profiles the offer to create its first custodian (a banner above the library, then a dialog).

Both are plain widgets that ask and emit; the work (the key derivation, which is slow on
purpose) runs in ``kmdesk.gui.session`` through the background workers, never here on the GUI
thread. The passphrase never goes further than the signal that carries it to that job.
"""

from __future__ import annotations

from typing import Any

from kmdesk.gui import icon
from kmdesk.gui.access_words import roles_text
from kmdesk.gui.dialogs import dialog_buttons, error_label
from kmdesk.gui.qt import (
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

MIN_PASSPHRASE = 8  # the core refuses shorter ones; said here before the person types


def passphrase_hint(text: str) -> tuple[int, str]:
    """A rough strength (0 weak .. 3 strong) and a hint in words. Length counts most: a few
    ordinary words make a passphrase both strong and easy to remember."""
    kinds = sum(any(test(c) for c in text) for test in (str.islower, str.isupper, str.isdigit,
                                                          lambda c: not c.isalnum()))
    words = len(text.split())
    if len(text) < MIN_PASSPHRASE:
        return 0, QCoreApplication.translate("lock_screen", "Too short: at least 8 characters.")
    if len(text) >= 20 or (words >= 4 and len(text) >= 16):
        return 3, QCoreApplication.translate("lock_screen", "Strong.")
    if len(text) >= 12 and (kinds >= 2 or words >= 3):
        return 2, QCoreApplication.translate("lock_screen", "Good. A few more words make it stronger.")
    return 1, QCoreApplication.translate("lock_screen", "Weak: use several words, 16 characters or more.")


class LockScreen(QWidget):
    """Choose a profile, type its passphrase, unlock; or browse without unlocking (public
    records, and sealed stubs of the others). Emits ``unlockRequested(name, passphrase)``
    and ``browseRequested``; the caller reports back with ``failed`` or ``reset``."""

    unlockRequested = Signal(str, str)
    browseRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.preferred: str | None = None  # the profile last unlocked here, chosen when the screen is filled or shown
        badge = QLabel(self)
        badge.setPixmap(icon("lock").pixmap(QSize(64, 64)))
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(self.tr("This library is locked"), self)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr("Unlock your profile to read and edit the knowledge your community's protocols "
                               "allow you. Without unlocking you can browse the public records."), self)
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.profile_combo = QComboBox(self)
        self.profile_combo.setAccessibleName(self.tr("Profile"))
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.passphrase_edit.returnPressed.connect(self.submit)
        self.message_label = error_label(self)
        self.unlock_button = QPushButton(icon("unlock"), self.tr("Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.browse_button = QPushButton(self.tr("Browse without unlocking"), self)
        self.browse_button.clicked.connect(self.browseRequested.emit)

        form = QFormLayout()
        form.addRow(self.tr("Profile"), self.profile_combo)
        form.addRow(self.tr("Passphrase"), self.passphrase_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.browse_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        # Tab in reading order (mirrored with the layout in Arabic): profile, passphrase, then the
        # buttons as they stand. No focus proxy on the screen itself: Tab reached the screen before
        # the profile box and the proxy sent it on to the passphrase, so the box was never reached.
        QWidget.setTabOrder(self.profile_combo, self.passphrase_edit)
        QWidget.setTabOrder(self.passphrase_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.unlock_button)

        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(480)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 24, 24, 24)
        for widget in (badge, heading, intro):
            inner.addWidget(widget)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.message_label)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def set_profiles(self, profiles: list[dict[str, Any]]) -> None:
        """Fill the profile choice (``library.access.profiles()``), keeping the one chosen if still
        there; on the first filling, the one last unlocked (``preferred``)."""
        chosen = self.profile_combo.currentData()
        if chosen is None:
            chosen = self.preferred
        self.profile_combo.clear()
        for profile in profiles:
            self.profile_combo.addItem(self.tr("{name} ({roles})").format(name=profile["name"],
                                                                       roles=roles_text(profile["roles"])),
                                       profile["name"])
        if chosen is not None and self.profile_combo.findData(chosen) >= 0:
            self.profile_combo.setCurrentIndex(self.profile_combo.findData(chosen))

    def focus_passphrase(self) -> None:
        """The lock screen is shown: the passphrase can be typed at once."""
        self.passphrase_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, name: str) -> None:
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(name)))

    def choose_preferred(self) -> None:
        """Select the profile last unlocked, if it is still there."""
        if self.preferred is not None and self.profile_combo.findData(self.preferred) >= 0:
            self.choose(self.preferred)

    def submit(self) -> None:
        name = self.profile_combo.currentData()
        if not name:
            self.show_message(self.tr("Choose a profile first."))
            return
        if not self.passphrase_edit.text():
            self.show_message(self.tr("Type the passphrase of {name}.").format(name=name))
            self.passphrase_edit.setFocus()
            return
        self.set_busy(True)
        self.unlockRequested.emit(name, self.passphrase_edit.text())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.unlock_button, self.passphrase_edit, self.profile_combo, self.browse_button):
            widget.setEnabled(not busy)

    def failed(self, message: str) -> None:
        """The unlock did not work: say why, clear the passphrase, let the person try again."""
        self.set_busy(False)
        self.passphrase_edit.clear()
        self.show_message(message)
        self.passphrase_edit.setFocus()

    def reset(self, note: str = "") -> None:
        """Ready for the next unlock: no passphrase left in the field; ``note`` says why the
        library locked (an idle lock that closed an editor, for instance)."""
        self.set_busy(False)
        self.passphrase_edit.clear()
        if note:
            self.show_message(note)
        else:
            self.message_label.hide()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.show()


class OpenLibraryBanner(QWidget):
    """Above the library while it has no profiles: anyone at this computer can read and change
    it. Offers the first custodian, or to keep it open (and stop asking)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open_library_banner")
        self.setStyleSheet("#open_library_banner { background: #fff8e1; border-bottom: 1px solid #ffe082; }")
        text = QLabel(self.tr("This library has no profiles: anyone using this computer can read and change it, "
                              "and nothing in it can be protected. Create its first custodian to keep a community's "
                              "knowledge under its own rules."), self)
        text.setWordWrap(True)
        self.create_button = QPushButton(icon("lock"), self.tr("Create the first custodian…"), self)
        self.keep_button = QPushButton(self.tr("Keep it open"), self)
        layout = QHBoxLayout(self)
        layout.addWidget(text, 1)
        layout.addWidget(self.create_button)
        layout.addWidget(self.keep_button)


class FirstCustodianDialog(QDialog):
    """A library without profiles: create its first custodian (name, passphrase twice, with a
    strength hint). ``profile()`` gives (name, passphrase) after ``accepted``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Protect this library"))
        intro = QLabel(self.tr(
            "The first profile is the library's custodian: the person who decides, with the community, who may "
            "read what. Restricted knowledge is encrypted with keys that only the passphrase opens, so keep it "
            "safe: nobody can recover a forgotten passphrase."), self)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.passphrase_edit = QLineEdit(self)
        self.repeat_edit = QLineEdit(self)
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_label = QLabel(self)
        self.error_label = error_label(self)
        self.passphrase_edit.textChanged.connect(self._show_strength)
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.name_edit)
        form.addRow(self.tr("Passphrase"), self.passphrase_edit)
        form.addRow("", self.strength_label)
        form.addRow(self.tr("Passphrase again"), self.repeat_edit)
        self.buttons = dialog_buttons(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create custodian"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self._show_strength("")

    def _show_strength(self, text: str) -> None:
        level, hint = passphrase_hint(text)
        colour = ("#c62828", "#e65100", "#2e7d32", "#1b5e20")[level]
        self.strength_label.setText(hint)
        self.strength_label.setStyleSheet(f"color: {colour}")

    def profile(self) -> tuple[str, str]:
        return self.name_edit.text().strip(), self.passphrase_edit.text()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        """Close only with a name and two matching passphrases long enough for the core."""
        name, secret = self.profile()
        if not name:
            self.show_error(self.tr("Give the custodian a name."))
        elif len(secret) < MIN_PASSPHRASE:
            self.show_error(self.tr("The passphrase needs at least 8 characters."))
        elif secret != self.repeat_edit.text():
            self.show_error(self.tr("The two passphrases differ; type them again."))
            self.repeat_edit.clear()
        else:
            super().accept()


class ChangePassphraseDialog(QDialog):
    """Change the unlocked profile's passphrase: the current one, the new one twice. Only the
    profile's key is re-wrapped; nothing else is re-encrypted."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the passphrase of {name}").format(name=name))
        self.old_edit = QLineEdit(self)
        self.new_edit = QLineEdit(self)
        self.repeat_edit = QLineEdit(self)
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_label = QLabel(self)
        self.new_edit.textChanged.connect(lambda text: self.strength_label.setText(passphrase_hint(text)[1]))
        self.error_label = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase"), self.old_edit)
        form.addRow(self.tr("New passphrase"), self.new_edit)
        form.addRow("", self.strength_label)
        form.addRow(self.tr("New passphrase again"), self.repeat_edit)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def passphrases(self) -> tuple[str, str]:
        return self.old_edit.text(), self.new_edit.text()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        if len(self.new_edit.text()) < MIN_PASSPHRASE:
            self.show_error(self.tr("The new passphrase needs at least 8 characters."))
        elif self.new_edit.text() != self.repeat_edit.text():
            self.show_error(self.tr("The two new passphrases differ; type them again."))
            self.repeat_edit.clear()
        else:
            super().accept()
