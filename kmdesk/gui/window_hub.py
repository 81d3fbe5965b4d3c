"""The main window and its hub: the status button, Hub › Sync now (Ctrl+Shift+S), the
background sync, records in conflict, and the words a sync's outcome needs.

Owned by ``MainWindow`` as ``window.hub``. A sync is ``kmdesk.core.hub.sync.sync`` on the writer
thread, its progress and Cancel in the status bar; one at a time. The background timer
(``Settings.hub_sync_minutes``) runs only while a profile is unlocked (its key signs this device's
changes), tries only when the window is idle (no sync, import or index catch-up running, no
record editor open) and says nothing when all went well: the button and its last sync time do.
Locking or closing the window stops the timer and the running sync; what was sent or received
stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kmdesk.core.hub import device, sync
from kmdesk.core.hub.errors import NotJoined
from kmdesk.gui.dialogs import show_error, show_info
from kmdesk.gui.hub_conflicts import ConflictsDialog
from kmdesk.gui.hub_status import HubProgress, HubStatusButton
from kmdesk.gui.idle import MINUTE_MS
from kmdesk.gui.qt import QInputDialog, QMenu, QMessageBox, QObject, QTimer
from kmdesk.gui.record_editor import RecordEditor
from kmdesk.gui.workers import Job, Pool, Task, run_in_background
from kmdesk.render.localized import format_number

if TYPE_CHECKING:
    from kmdesk.core.hub.report import Report
    from kmdesk.gui.main_window import MainWindow

MAX_SYNC_MINUTES = 24 * 60
MESSAGE_MS = 10_000


class HubController(QObject):
    """The hub of one window's library; silent (no button, no menu) until it has joined one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.library = window.library
        self.status: dict[str, Any] | None = None  # ``hub.device.status`` as last read; None: not joined
        self.error = ""  # why the last sync failed, when it was not the hub being down
        self.job: Job | None = None
        self.syncing = False  # from the start of a sync until its outcome is handled: one at a time
        self.message_box: QMessageBox | None = None  # the last outcome shown in a box
        self.conflicts_dialog: ConflictsDialog | None = None
        self._status_seq = 0
        self.button = HubStatusButton(window)
        self.progress = HubProgress(window)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.background_sync)

    @property
    def joined(self) -> bool:
        return self.status is not None

    def create(self) -> None:
        """The Hub menu (before Help, hidden until joined), the button and the progress."""
        window, make = self.window, self.window.commands.make_action
        self.sync_action = make(self.tr("&Sync with the hub now"), self.sync_now, ("Ctrl+Shift+S",),
                                tip=self.tr("Send this library's changes to the hub and receive the other devices' "
                                            "(Ctrl+Shift+S)"))
        self.conflicts_action = make(self.tr("Records in &conflict…"), self.show_conflicts)
        self.quarantine_action = make(self.tr("&Refused changes…"), self.show_quarantine)
        self.interval_action = make(self.tr("Sync &automatically every…"), self.ask_interval)
        self.menu = QMenu(self.tr("H&ub"), window)
        self.menu.addActions([self.sync_action, self.conflicts_action, self.quarantine_action])
        self.menu.addSeparator()
        self.menu.addAction(self.interval_action)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        self.menu.menuAction().setVisible(False)
        self.button.setMenu(self.menu)
        self.button.clicked.connect(self.sync_now)
        window.statusBar().addPermanentWidget(self.progress)
        window.statusBar().addPermanentWidget(self.button)
        window.session.stateChanged.connect(self.arm)
        window.session.locking.connect(self.stop)
        self.refresh()

    # -- state ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read whether this library joined a hub and how it stands (the hub is asked too, off
        the GUI thread); only the newest answer is shown."""
        self._status_seq += 1
        seq, library = self._status_seq, self.library

        def read(_task: Task) -> dict[str, Any] | None:
            try:
                return device.status(library)
            except NotJoined:
                return None

        run_in_background(self.window, read, lambda status: self._status_read(seq, status), self._status_failed,
                          progress=False, kind=Pool.READ)

    def _status_read(self, seq: int, status: dict[str, Any] | None) -> None:
        if seq != self._status_seq:
            return
        self.status = status
        self.menu.menuAction().setVisible(self.joined)
        self.arm()
        self.show()

    def _status_failed(self, exc: BaseException) -> None:
        self.error = str(exc)
        self.show()

    def busy(self) -> bool:
        return self.syncing

    def state(self) -> str:
        if self.busy():
            return "syncing"
        if self.error or self._no_credentials():
            return "error"
        if self.status is None or not self.status.get("reachable"):
            return "offline"
        return "waiting" if self.status["conflicts"] or self.status["quarantined"] else "ok"

    def show(self) -> None:
        if not self.joined:
            self.button.hide()
            return
        error = self.error or (str(self.status["error"]) if self._no_credentials() and self.status else "")
        self.button.show_state(self.state(), self.status, error)

    def _no_credentials(self) -> bool:
        """This device's hub password is not on this machine: not offline, it must join again."""
        return self.status is not None and self.status.get("credentials") is False

    def arm(self) -> None:
        """The background timer runs while joined and unlocked, at the person's interval, and never
        on a library on a read-only medium (a pull could not be kept)."""
        minutes = self.window.settings.hub_sync_minutes
        unlocked = self.window.session.profile is not None and not self.window.library.read_only
        self.sync_action.setEnabled(self.joined and unlocked)
        self.conflicts_action.setEnabled(self.joined)
        self.quarantine_action.setEnabled(self.joined)
        if self.joined and unlocked and minutes:
            if not self.timer.isActive() or self.timer.interval() != minutes * MINUTE_MS:
                self.timer.start(minutes * MINUTE_MS)
        else:
            self.timer.stop()

    def stop(self) -> None:
        """The window locks or closes: no more background syncs, and the running one stops at
        its next batch (the lock waits behind it on the writer)."""
        self.timer.stop()
        if self.busy() and self.job is not None:
            self.job.cancel()

    def ask_interval(self) -> None:
        minutes, ok = QInputDialog.getInt(self.window, self.tr("Sync automatically"), self.tr(
            "Sync with the hub every this many minutes while a profile is unlocked (0: only when asked):"),
            self.window.settings.hub_sync_minutes, 0, MAX_SYNC_MINUTES)
        if ok:
            self.set_interval(minutes)

    def set_interval(self, minutes: int) -> None:
        self.window.settings.hub_sync_minutes = minutes
        self.arm()

    # -- syncing -------------------------------------------------------------------------------
    def idle(self) -> bool:
        """Whether a background sync may start now: nothing else long runs and nobody is editing
        a record (a message box left open does not stop it)."""
        window = self.window
        return (self.joined and window.session.profile is not None and not self.busy()
                and not window.files.import_progress.running() and not window.index_catch_up.running()
                and not any(editor.isVisible() for editor in window.findChildren(RecordEditor)))

    def background_sync(self) -> None:
        if self.idle():
            self._sync(background=True)

    def sync_now(self) -> None:
        bar = self.window.statusBar()
        if self.busy():
            bar.showMessage(self.tr("A sync with the hub is already running."), MESSAGE_MS)
        elif self.window.session.profile is None:
            bar.showMessage(self.tr("Unlock a profile to sync with the hub: its key signs this device's changes."),
                            MESSAGE_MS)
        elif self.joined:
            self._sync(background=False)

    def _sync(self, background: bool) -> None:
        library = self.library

        def work(task: Task) -> Report:
            return sync.sync(library, progress=task.progress, cancel=task.cancelled)

        self.error = ""
        self.syncing = True
        self.button.show_state("syncing", self.status)
        self.progress.start()
        self.job = run_in_background(self.window, work, lambda report: self._synced(report, background),
                                     lambda exc: self._failed(exc, background), view=self.progress)

    def _synced(self, report: Report, background: bool) -> None:
        self.syncing = False
        if report.applied:
            self.window.reload()  # what other devices wrote joins the list, its facets and counts
        if report.removed:
            self.tell_removed(report.removed)
        if not background:
            self.tell(report)
        if self.conflicts_dialog is not None and self.conflicts_dialog.isVisible():
            self.conflicts_dialog.load()
        self.refresh()

    def _failed(self, exc: BaseException, background: bool) -> None:
        self.syncing = False
        self.window.reload()  # batches applied before the stop stay applied: the list shows them
        code = getattr(exc, "code", None)
        if code == "cancelled":
            self.window.statusBar().showMessage(self.tr(
                "Sync stopped: what was sent or received stays; the next sync goes on from there."), MESSAGE_MS)
        elif code == "hub_unavailable":
            if not background:
                self.message_box = show_info(self.window, self.tr("Hub unreachable"), self.tr(
                    "The hub cannot be reached, so nothing was synced. You can keep working: nothing was lost, and "
                    "this library's changes wait here until the next sync.") + f"\n\n{exc}")
        else:
            self.error = str(exc)
            if not background:
                self.message_box = show_error(self.window, exc, self.tr("Sync with the hub"))
        self.refresh()

    def outcome(self, report: Report) -> str:
        """What a sync did, in the person's words; the core's lines name each record or change."""
        parts = [self.tr("Changes sent: {sent}. Changes received from other devices: {received}.").format(
            sent=format_number(report.pushed), received=format_number(report.applied))]
        for heading, lines in (
                (self.tr("Records now in conflict, waiting for you to choose (Hub › Records in conflict…):"),
                 report.conflicts),
                (self.tr("Changes refused and quarantined (not applied here):"), report.refused),
                (self.tr("Not sent:"), report.held),
                (self.tr("Warnings:"), report.warnings)):
            if lines:
                parts.append("\n".join([heading, *(f"• {line}" for line in lines)]))
        parts += [self.tr("Records to take down from {target}, where their consent or access no longer lets them "
                          "stay (sent at the next sync with it, in the Sync panel): {count}.").format(
                      target=target, count=format_number(count)) for target, count in report.retractions.items() if count]
        return "\n\n".join(parts)

    def tell(self, report: Report) -> None:
        """A plain sync says so in the status bar; one with something to read, in a box."""
        text = self.outcome(report)
        if report.conflicts or report.refused or report.held or report.warnings or any(report.retractions.values()):
            self.message_box = show_info(self.window, self.tr("Synced with the hub"), text)
        else:
            self.window.statusBar().showMessage(self.tr("Synced with the hub. {outcome}").format(outcome=text),
                                                MESSAGE_MS)

    def tell_removed(self, protocols: list[str]) -> None:
        """Said once, at the sync that brought the removal."""
        profile = self.window.session.profile or {}
        self.message_box = show_info(self.window, self.tr("Removed from a protocol"), self.tr(
            "A custodian removed {name} from {protocols}.\n\nYou receive no new keys for it: what is written or changed "
            "in it from now on does not open for you.\n\nWhat you already synced is not taken from you: copies you "
            "kept of it (exports, backups) stay readable to you. In this library it is now sealed under the "
            "protocol's new key.").format(name=profile.get("name", ""), protocols=", ".join(protocols)))
        self.window.session.refresh()  # the protocols the profile holds, as menus and editors offer them

    # -- conflicts -----------------------------------------------------------------------------
    def show_conflicts(self) -> ConflictsDialog:
        dialog = self.conflicts_dialog = ConflictsDialog(self.window, self.library, self.window.languages)
        dialog.resolved.connect(self._resolved)
        dialog.open()
        dialog.load()
        return dialog

    def show_quarantine(self) -> None:
        """The hub's changes this device refused, each with its reason (``kmdesk hub quarantine``)."""
        library = self.library

        def shown(rows: list[dict[str, Any]]) -> None:
            lines = [self.tr("Hub change {seq}: {kind} {key} from device {device}: {reason}").format(
                seq=row["hub_seq"], kind=row["kind"], key=row["key"], device=row["device"][:8], reason=row["reason"])
                for row in rows]
            self.message_box = show_info(self.window, self.tr("Refused changes"), "\n\n".join(lines) or self.tr(
                "No change from the hub was refused."))

        run_in_background(self.window, lambda _task: device.quarantined(library), shown, progress=False,
                          kind=Pool.READ)

    def _resolved(self, chosen: dict[str, Any]) -> None:
        window = self.window
        window.reload()
        if window.current_record_id() == chosen["record"]:
            window.show_record_id(chosen["record"])
        self.refresh()
