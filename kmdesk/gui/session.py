"""Who is at the keyboard: the window's profile session.

``ProfileSession`` puts the lock screen over the library (``guard``: a ``QStackedWidget``),
unlocks and locks through the background writer (the key derivation is slow on purpose and
never runs on the GUI thread), locks by itself after the idle time set in the preferences, says
who is unlocked with which roles (``status_label``), and offers the first custodian on a library
without profiles. It also carries the consent actions of the record view and opens the
custodian's view, because both depend on who is unlocked.

It talks to its window through signals (``stateChanged``, ``keysChanged``, ``locking``,
``locked``, ``message``, ``consentChanged``) and asks it only what ``SessionHost`` names: the
record it shows and the languages to name records in. The window puts the session's actions and
menu where they belong (``actions``, ``menu``); the session never reaches into the window.

Locking forgets more than keys: the record view, the table's rows (titles of records the next
person may not read), the window's undo history (it holds old values of restricted records)
and every open dialog. An editor with unsaved changes is closed and its changes are discarded:
its fields may hold restricted knowledge that must not outlive the lock. A lock the person asks
for says so first and can be cancelled; an idle lock (nobody is there to ask) says so on the
lock screen afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from kmdesk.gui import icon
from kmdesk.gui.access_editor import AccessContext, read_access_context
from kmdesk.gui.access_words import roles_text
from kmdesk.gui.consent_dialogs import RecordConsentDialog, WithdrawConsentDialog, standing_consents
from kmdesk.gui.dialogs import error_headline, show_error
from kmdesk.gui.idle import IdleWatcher
from kmdesk.gui.keys import key_sequences
from kmdesk.gui.library_model import pick_text
from kmdesk.gui.lock_screen import (
    ChangePassphraseDialog,
    FirstCustodianDialog,
    LockScreen,
    OpenLibraryBanner,
)
from kmdesk.gui.qt import (
    QAction,
    QDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QObject,
    QProgressDialog,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.record_editor import RecordEditor
from kmdesk.gui.workers import Pool, run_in_background

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library
    from kmdesk.gui.settings import Settings

OPEN_LIBRARY_KEPT = "gui_open_library_kept"  # library meta: the person chose to keep it without profiles
MAX_IDLE_MINUTES = 24 * 60


class SessionHost(Protocol):
    """What the profile session asks of the window it guards, and nothing more."""

    def current_record(self) -> dict[str, Any] | None:
        """The record the window shows (as read for the unlocked profile), or None."""

    def record_languages(self) -> Sequence[str]:
        """The languages to name a record in, the interface language first."""


class ProfileSession(QObject):
    """The unlocked profile of one window, and everything that follows from it."""

    stateChanged = Signal()  # who is unlocked, and so what may be done, changed (or was read again)
    keysChanged = Signal()  # keys were gained (an unlock, new memberships): read the library again
    locking = Signal()  # about to lock: take everything readable off the screen now
    locked = Signal(object)  # the keys are forgotten; the id of a public record to show again, or None
    message = Signal(str, int)  # a line for the status bar, and for how many milliseconds
    consentChanged = Signal(dict)  # a record whose consent was recorded or withdrawn, read again

    def __init__(self, parent: QWidget, host: SessionHost, library: Library, settings: Settings) -> None:
        super().__init__(parent)
        self.parent_widget = parent  # the owner of dialogs and background jobs
        self.host = host
        self.library = library
        self.settings = settings
        self.context = AccessContext(read_only=library.read_only)
        self.open_kept = False
        self._browsing = False
        self._state_seq = 0

        self.lock_screen = LockScreen(parent)
        self.lock_screen.preferred = settings.last_profile(self.library.data_dir)
        self.lock_screen.unlockRequested.connect(self.unlock)
        self.lock_screen.browseRequested.connect(self.browse)
        self.banner = OpenLibraryBanner(parent)
        self.banner.create_button.clicked.connect(self.create_first_custodian)
        self.banner.keep_button.clicked.connect(self.keep_open)
        self.banner.hide()
        self.library_page = QWidget(parent)
        self.stack = QStackedWidget(parent)
        self.status_label = QLabel(parent)
        self._create_actions()
        self.idle = IdleWatcher(self, settings.idle_lock_minutes)
        self.idle.idle.connect(self.lock_when_idle)
        self._show_state()

    def guard(self, content: QWidget) -> QStackedWidget:
        """``content`` (the library) behind the lock screen, the open-library banner above it."""
        page_layout = QVBoxLayout(self.library_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(0)
        page_layout.addWidget(self.banner)
        page_layout.addWidget(content, 1)
        self.stack.addWidget(self.lock_screen)
        self.stack.addWidget(self.library_page)
        self._show_state()
        return self.stack

    # -- actions ---------------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: str | None = None, icon_name: str | None = None) -> QAction:
        action = QAction(text, self.parent_widget)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut:
            action.setShortcuts(key_sequences(shortcut))
        action.triggered.connect(lambda *_: slot())
        return action

    def _create_actions(self) -> None:
        self.lock_action = self._action(self.tr("&Lock"), self.toggle_lock, "Ctrl+L", "lock")
        self.passphrase_action = self._action(self.tr("&Change my passphrase…"), self.change_passphrase)
        self.custodian_action = self._action(self.tr("&Custodian's view…"), self.open_custodian_view)
        self.first_custodian_action = self._action(self.tr("Create the &first custodian…"), self.create_first_custodian)
        self.idle_action = self._action(self.tr("Lock &automatically after…"), self.ask_idle_minutes)
        self.actions = [self.lock_action, self.passphrase_action, self.custodian_action, self.first_custodian_action,
                        self.idle_action]
        self.menu = QMenu(self.tr("&Access"), self.parent_widget)
        self.menu.addActions([self.lock_action, self.passphrase_action])
        self.menu.addSeparator()
        self.menu.addActions([self.custodian_action, self.first_custodian_action])
        self.menu.addSeparator()
        self.menu.addAction(self.idle_action)

    # -- state -----------------------------------------------------------------------------------
    @property
    def profile(self) -> dict[str, Any] | None:
        return self.context.profile

    def can_write(self) -> bool:
        return self.context.can_write()

    def is_custodian(self) -> bool:
        return "custodian" in self.context.roles

    def refresh(self) -> None:
        """Read who is unlocked and what they may choose, then show it (after reloads, unlocks,
        locks and membership changes). Only the newest answer is shown."""
        self._state_seq += 1
        seq = self._state_seq

        def read(_task: Any) -> tuple[AccessContext, bool]:
            return read_access_context(self.library), self.library.meta(OPEN_LIBRARY_KEPT) == "1"

        run_in_background(self.parent_widget, read, lambda result: self._state_read(seq, *result), progress=False,
                          kind=Pool.READ)

    def _state_read(self, seq: int, context: AccessContext, kept: bool) -> None:
        if seq != self._state_seq:
            return
        self.context = context
        self.open_kept = kept
        self.lock_screen.set_profiles(context.profiles)
        self._show_state()

    def locked_out(self) -> bool:
        """Whether the lock screen stands in front of the library."""
        return self.context.has_profiles and self.profile is None and not self._browsing

    def _show_state(self) -> None:
        locked_out = self.locked_out()
        if self.stack.count():
            self.stack.setCurrentWidget(self.lock_screen if locked_out else self.library_page)
        if locked_out:
            self.lock_screen.focus_passphrase()
        self.banner.setVisible(not self.context.has_profiles and not self.open_kept and self._known()
                               and not self.library.read_only)  # neither choice can be kept on it
        self.idle.arm(self.profile is not None)
        unlocked = self.profile is not None
        self.lock_action.setText(self.tr("&Lock") if unlocked else self.tr("&Unlock…"))
        self.lock_action.setIcon(icon("lock" if unlocked else "unlock"))
        tip = self.tr("Lock the library: forget the keys until a passphrase is typed again (Ctrl+L)") if unlocked \
            else self.tr("Unlock a profile to read protected knowledge (Ctrl+L)")
        self.lock_action.setToolTip(tip)
        self.lock_action.setStatusTip(tip)
        self.lock_action.setEnabled(self.context.has_profiles)
        self.passphrase_action.setEnabled(unlocked and not self.library.read_only)
        self.custodian_action.setEnabled(self.is_custodian())
        self.first_custodian_action.setVisible(not self.context.has_profiles)
        self.first_custodian_action.setEnabled(not self.library.read_only)
        self.status_label.setText(self.status_text())
        self.stateChanged.emit()

    def _known(self) -> bool:
        """Whether the library has answered at least once (no banner before it has)."""
        return self._state_seq > 0

    def status_text(self) -> str:
        if self.profile is not None:
            return self.tr("Unlocked: {name} ({roles})").format(name=self.profile["name"],
                                                              roles=roles_text(self.profile["roles"]))
        if self.context.has_profiles:
            return self.tr("Locked: public records only")
        return self.tr("Open library (no profiles)")

    # -- unlocking -------------------------------------------------------------------------------
    def unlock(self, name: str, passphrase: str) -> None:
        """Derive the key and open the profile in the writer thread; the passphrase goes
        nowhere else."""
        def failed(exc: BaseException) -> None:
            code = getattr(exc, "code", None)
            if code == "wrong_passphrase":
                text = self.tr("That passphrase does not open {name}. Check it (and Caps Lock) and try again.")
            elif code == "not_found":
                text = self.tr("There is no profile named {name} any more.")
            else:
                text = f"{error_headline(exc)} {exc}"
            self.lock_screen.failed(text.format(name=name))

        run_in_background(self.parent_widget, lambda _task: self.library.unlock(name, passphrase),
                          lambda _none: self._unlocked(name), failed, cancellable=False,
                          label=self.tr("Unlocking {name}…").format(name=name))

    def _unlocked(self, name: str) -> None:
        self._browsing = False
        self.lock_screen.reset()
        self.lock_screen.preferred = name  # the next lock screen, in this window or the next, offers it first
        self.settings.set_last_profile(self.library.data_dir, name)
        self.message.emit(self.tr("Unlocked as {name}.").format(name=name), 5000)
        self.keysChanged.emit()

    def browse(self) -> None:
        """Go on without unlocking: public records, and sealed stubs of the others."""
        self._browsing = True
        self._show_state()

    def toggle_lock(self) -> None:
        if self.profile is not None:
            self.lock()
        else:
            self.show_lock_screen()

    def show_lock_screen(self) -> None:
        self._browsing = False
        self.lock_screen.reset()
        self.lock_screen.choose_preferred()
        self._show_state()
        self.lock_screen.passphrase_edit.setFocus()

    # -- locking ---------------------------------------------------------------------------------
    def _open_dialogs(self) -> list[QDialog]:
        return [d for d in self.parent_widget.findChildren(QDialog)
                if d.isVisible() and not isinstance(d, QProgressDialog)]

    def _unsaved_editors(self) -> list[QDialog]:
        return [d for d in self._open_dialogs() if isinstance(d, RecordEditor) and not d.undo_stack.isClean()]

    def lock(self) -> bool:
        """Lock on request; with unsaved edits open, ask first. False if the person said no."""
        if self._unsaved_editors():
            answer = QMessageBox.question(
                self.parent_widget, self.tr("Lock the library"),
                self.tr("An editor has changes that are not saved. Locking closes it and discards them."),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return False
        self._lock()
        return True

    def lock_when_idle(self) -> None:
        if self.profile is None:
            return
        note = self.tr("The library locked itself after {minutes} minutes without use.").format(minutes=self.idle.minutes)
        if self._unsaved_editors():
            note += " " + self.tr("An open editor was closed and its unsaved changes were discarded.")
        self._lock(note)

    def _lock(self, note: str = "") -> None:
        """Take everything readable off the screen now, then forget the keys in the writer
        thread (after any write already queued, which still needs them)."""
        current = self.host.current_record()
        # Only a public record comes back after the lock: of any other, even its sealed stub
        # (its id, community, labels, consent dates) would say which record was being read.
        public = current is not None and not current.get("sealed") and (current.get("access") or {}).get("level", "public") == "public"
        reshow = current["id"] if public and current is not None else None
        for dialog in self._open_dialogs():
            dialog.reject()
        self.locking.emit()
        self.idle.arm(False)

        def done(_none: None) -> None:
            self.context = AccessContext(profiles=self.context.profiles, read_only=self.library.read_only)
            self._browsing = False
            self.lock_screen.reset(note)
            self._show_state()
            self.locked.emit(reshow)

        run_in_background(self.parent_widget, lambda _task: self.library.lock(), done, progress=False)

    def ask_idle_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(self.parent_widget, self.tr("Lock automatically"),
                                          self.tr("Lock the library after this many minutes without use (0: never):"),
                                          self.idle.minutes, 0, MAX_IDLE_MINUTES)
        if ok:
            self.set_idle_minutes(minutes)

    def set_idle_minutes(self, minutes: int) -> None:
        self.settings.idle_lock_minutes = minutes
        self.idle.set_minutes(minutes)

    # -- profiles --------------------------------------------------------------------------------
    def create_first_custodian(self) -> FirstCustodianDialog:
        dialog = FirstCustodianDialog(self.parent_widget)
        dialog.accepted.connect(lambda: self._create_first(dialog))
        dialog.open()
        return dialog

    def _create_first(self, dialog: FirstCustodianDialog) -> None:
        name, secret = dialog.profile()

        def work(_task: Any) -> None:
            self.library.access.create_profile(name, secret, ["custodian"])
            self.library.unlock(name, secret)

        def failed(exc: BaseException) -> None:
            dialog.show_error(f"{error_headline(exc)}\n{exc}")
            dialog.open()

        run_in_background(self.parent_widget, work, lambda _none: self._unlocked(name), failed, cancellable=False,
                          label=self.tr("Creating {name}…").format(name=name))

    def keep_open(self) -> None:
        """The person keeps a single person's open library: stop offering the custodian."""
        run_in_background(self.parent_widget, lambda _task: self.library.set_meta(OPEN_LIBRARY_KEPT, "1"),
                          lambda _none: self.refresh(), progress=False)
        self.banner.hide()

    def change_passphrase(self) -> ChangePassphraseDialog | None:
        if self.profile is None:
            return None
        name = self.profile["name"]
        dialog = ChangePassphraseDialog(self.parent_widget, name)

        def work(old: str, new: str) -> None:
            self.library.access.change_passphrase(name, old, new)

        def failed(exc: BaseException) -> None:
            if getattr(exc, "code", None) == "wrong_passphrase":
                dialog.show_error(self.tr("The current passphrase is not right."))
            else:
                dialog.show_error(f"{error_headline(exc)}\n{exc}")
            dialog.open()

        def changed(_none: None) -> None:
            self.message.emit(self.tr("The passphrase of {name} was changed.").format(name=name), 8000)

        def start() -> None:
            old, new = dialog.passphrases()  # read on the GUI thread; the job touches no widget
            run_in_background(self.parent_widget, lambda _task: work(old, new), changed, failed, cancellable=False,
                              label=self.tr("Changing the passphrase…"))

        dialog.accepted.connect(start)
        dialog.open()
        return dialog

    def open_custodian_view(self) -> QDialog | None:
        from kmdesk.gui.custodian_view import CustodianView

        if not self.is_custodian():
            return None
        view = CustodianView(self.parent_widget, self.library, self)
        view.show()
        return view

    def membership_changed(self) -> None:
        """A custodian changed members or protocols: keys may differ, read everything again."""
        self.keysChanged.emit()

    # -- consent ---------------------------------------------------------------------------------
    def languages(self) -> Sequence[str]:
        """The languages records are named in (the custodian's view names them too)."""
        return self.host.record_languages()

    def _current(self) -> dict[str, Any] | None:
        record = self.host.current_record()
        return record if record and not record.get("sealed") else None

    def _title(self, record: dict[str, Any]) -> str:
        return pick_text(record.get("title") or {}, self.languages())

    def record_consent(self) -> RecordConsentDialog | None:
        record = self._current()
        if record is None:
            return None
        dialog = RecordConsentDialog(self.parent_widget, self._title(record), self.context.communities,
                                     record.get("community"), self.languages()[0])
        record_id = record["id"]

        def work(data: dict[str, Any]) -> dict[str, Any]:
            self.library.consent.grant(record_id, data)
            return self.library.records.get(record_id)

        def failed(exc: BaseException) -> None:
            dialog.show_error(f"{error_headline(exc)}\n{exc}")
            dialog.open()

        def start() -> None:
            data = dialog.consent_data()
            run_in_background(self.parent_widget, lambda _task: work(data), self._consent_changed, failed,
                              progress=False)

        dialog.accepted.connect(start)
        dialog.open()
        return dialog

    def withdraw_consent(self) -> WithdrawConsentDialog | None:
        record = self._current()
        if record is None:
            return None
        dialog = WithdrawConsentDialog(self.parent_widget, self._title(record), standing_consents(record))
        record_id = record["id"]

        def work(withdrawal: dict[str, Any]) -> dict[str, Any]:
            self.library.consent.withdraw(record_id, **withdrawal)
            return self.library.records.get(record_id)

        def start() -> None:
            withdrawal = dialog.withdrawal()
            run_in_background(self.parent_widget, lambda _task: work(withdrawal), self._consent_changed,
                              lambda exc: show_error(self.parent_widget, exc), progress=False)

        dialog.accepted.connect(start)
        dialog.open()
        return dialog

    def _consent_changed(self, record: dict[str, Any]) -> None:
        self.message.emit(self.tr("Consent saved."), 5000)
        self.consentChanged.emit(record)
