"""The sync dock: last sync, the queue, failures with their reasons, "Sync now" / "Retry now",
and for the record being read: whether it is shared, eligible (and why not), what the CHM still
needs, and its remote status, with "Share with CHM" / "Stop sharing".

Sync starts by itself when the network appears (Qt's ``QNetworkInformation``); where no
backend exists a timer tries every few minutes while something is queued, the attempt itself
being the probe. Every library call runs through ``run_in_background``: the window never
freezes and never opens a session or a connection itself.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kmdesk.core.chm import pull as chm_pull
from kmdesk.core.chm import status
from kmdesk.core.chm.runner import run_sync
from kmdesk.core.trust.access import SYNC_PROTOCOL
from kmdesk.gui.access_editor import AccessContext
from kmdesk.gui.access_words import reason_text
from kmdesk.gui.dialogs import error_headline, read_only_words
from kmdesk.gui.library_model import language_name
from kmdesk.gui.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QDockWidget,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QNetworkInformation,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.workers import Job, Pool, Task, run_in_background
from kmdesk.render.localized import format_timestamp

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

PROBE_INTERVAL_MS = 5 * 60 * 1000  # without network information: try this often while items wait
RUN_MAX_WAIT_S = 60.0  # a run waits this long in all for due retries, then leaves the rest queued


def status_text(state: dict[str, Any]) -> str:
    """A record's remote status in words: not shared / queued / sent as draft / failed: reason ...
    (``QCoreApplication.translate`` spelt out so ``lupdate`` finds every string)."""
    code, message = state.get("status"), state.get("message")
    if code == "sent" and message == "draft":
        return QCoreApplication.translate("SyncPanel", "sent as draft")
    if code == "sent":
        return QCoreApplication.translate("SyncPanel", "submitted for review")
    if code == "failed":
        return QCoreApplication.translate("SyncPanel", "failed: {reason}").format(reason=message or "")
    if code == "queued" and message:
        return QCoreApplication.translate("SyncPanel", "queued (last try: {error})").format(error=message)
    words = {"queued": QCoreApplication.translate("SyncPanel", "queued"),
             "not_shared": QCoreApplication.translate("SyncPanel", "not shared"),
             "not_sent": QCoreApplication.translate("SyncPanel", "selected, not sent"),
             "retracted": QCoreApplication.translate("SyncPanel", "retracted"),
             "not_eligible": QCoreApplication.translate("SyncPanel", "not eligible, taken down")}
    return words.get(code or "", code or "")


def stopped_text(code: str | None, detail: str | None, params: dict[str, Any] | None = None) -> str:
    """Why a whole run stopped, chosen by the core error's code; where its params name the
    realm or the sign-in address, the translated words name them and stand alone."""
    params = params or {}
    if code == "unknown_realm" and params.get("realm") is not None:
        return QCoreApplication.translate(
            "SyncPanel", "The CHM does not know the realm “{realm}”: correct the target's realm (CHM, or CHM-DEV "
            "on the development host). Nothing was sent; records stay queued.").format(realm=params["realm"])
    if code == "auth_failed" and params.get("sign_in") and params.get("status"):
        return QCoreApplication.translate(
            "SyncPanel", "The CHM at {url} refused the e-mail or password (HTTP {status}). Records stay queued.").format(
                url=params["sign_in"], status=params["status"])
    words = {"auth_failed": QCoreApplication.translate("SyncPanel", "The target refused the account or its rights."),
             "target_read_only": QCoreApplication.translate(
                 "SyncPanel", "This Bioland site accepts no new content (read-only). Records stay queued."),
             "target_misconfigured": QCoreApplication.translate("SyncPanel", "This target is missing its account settings.")}
    headline = words.get(code or "", QCoreApplication.translate("SyncPanel", "The run stopped."))
    return headline + (f" ({detail})" if detail else "")


def _sleeper(task: Task) -> Callable[[float], None]:
    """A wait between retries that a Cancel ends at once."""
    def sleep(seconds: float) -> None:
        end = time.monotonic() + seconds
        while not task.cancelled() and time.monotonic() < end:
            time.sleep(min(0.2, max(0.0, end - time.monotonic())))
    return sleep


class SyncPanel(QDockWidget):
    """``record_states_loaded(record_id, states)`` hands the current record's remote status
    (per target) to whoever shows the record."""

    record_states_loaded = Signal(str, object)
    pulled = Signal()  # records came from the CHM: the list and facets may have changed
    synced = Signal()  # a sync ran: what it found failing is checked again (``IntegrityStatus``)

    def __init__(self, library: Library, parent: QWidget | None = None, *, lang: str, auto: bool = True) -> None:
        super().__init__(parent)
        self.library = library
        self.lang = lang  # the interface language, for the names of access levels and scopes in reasons
        self.setObjectName("SyncPanel")
        self.setWindowTitle(self.tr("Sync with the CHM"))
        self.record_id: str | None = None
        self.overview: list[dict[str, Any]] = []
        self.record_states: list[dict[str, Any]] = []
        self.last_reports: list[dict[str, Any]] = []
        self.job: Job | None = None
        self.access = AccessContext()  # who is unlocked decides what the buttons may offer
        self.sync_at_start = auto  # once, when the first overview shows what waited since last time

        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.network_label = QLabel(body)
        self.network_label.setWordWrap(True)
        self.summary_label = QLabel(body)
        self.summary_label.setWordWrap(True)
        self.queue = QTableWidget(0, 4, body)
        self.queue.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Target"), self.tr("To do"), self.tr("Last error")])
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.queue.horizontalHeader().setStretchLastSection(True)
        self.queue.setAccessibleName(self.tr("Waiting to be sent"))
        self.failures = QListWidget(body)
        self.failures.setWordWrap(True)
        self.failures.setAccessibleName(self.tr("Failures"))
        buttons = QGridLayout()  # two by two: side by side, the three were wider than the panel in Russian
        self.last_pulls: list[dict[str, Any]] = []
        self.sync_button = QPushButton(self.tr("Sync now"), body)
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.retry_button = QPushButton(self.tr("Retry now"), body)
        self.retry_button.clicked.connect(lambda: self.sync_now(retry=True))
        buttons.addWidget(self.sync_button, 0, 0)
        buttons.addWidget(self.retry_button, 0, 1)
        self.pull_button = QPushButton(self.tr("Pull from the CHM"), body)
        self.pull_button.setToolTip(self.tr("Fetch the central CHM's public records for each CHM target's country "
                                            "into the read-only collection \"From the CHM\""))
        self.pull_button.clicked.connect(lambda: self.pull_now())
        buttons.addWidget(self.pull_button, 1, 0, 1, 2)
        layout.addWidget(self.network_label)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Waiting to be sent"), body))
        layout.addWidget(self.queue, 2)
        refused = QLabel(self.tr("Refused by the target (fix the record, then retry)"), body)
        refused.setWordWrap(True)
        layout.addWidget(refused)
        layout.addWidget(self.failures, 1)

        self.record_box = QGroupBox(self.tr("This record"), body)
        record_layout = QVBoxLayout(self.record_box)
        self.record_label = QLabel(self.record_box)
        self.record_label.setWordWrap(True)
        self.target_combo = QComboBox(self.record_box)
        self.target_combo.currentTextChanged.connect(lambda _name: self._update_buttons())
        share_row = QVBoxLayout()  # stacked: the share button names the target, and side by side
        # with "Stop sharing" it made the panel too wide for the list beside it
        self.share_button = QPushButton(self.tr("Share"), self.record_box)
        self.share_button.clicked.connect(lambda: self.set_shared(True))
        self.unshare_button = QPushButton(self.tr("Stop sharing"), self.record_box)
        self.unshare_button.clicked.connect(lambda: self.set_shared(False))
        share_row.addWidget(self.share_button)
        share_row.addWidget(self.unshare_button)
        record_layout.addWidget(self.record_label)
        record_layout.addWidget(self.target_combo)
        record_layout.addLayout(share_row)
        layout.addWidget(self.record_box)
        self.setWidget(body)

        self.probe = QTimer(self)
        self.probe.setInterval(PROBE_INTERVAL_MS)
        self.probe.timeout.connect(self.sync_if_waiting)
        self.network: QNetworkInformation | None = None
        if auto:
            self._watch_network()
        self._show_network()
        self.show_record(None)

    # -- the network ---------------------------------------------------------------------------
    def _watch_network(self) -> None:
        """Sync when the network comes back; a periodic try where Qt cannot tell."""
        if QNetworkInformation.loadDefaultBackend() and QNetworkInformation.instance() is not None:
            self.network = QNetworkInformation.instance()
            self.network.reachabilityChanged.connect(self._reachability_changed)
        else:
            self.probe.start()

    def online(self) -> bool | None:
        """True/False when Qt knows, None when it cannot tell."""
        if self.network is None:
            return None
        reach = self.network.reachability()
        if reach == QNetworkInformation.Reachability.Unknown:
            return None
        return reach in (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site,
                         QNetworkInformation.Reachability.Local)

    def _reachability_changed(self, _reachability: Any) -> None:
        self._show_network()
        if self.online():  # the waits were the outage's: send at once
            self.sync_if_waiting(skip_backoff=True)

    def _show_network(self) -> None:
        state = self.online()
        self.network_label.setText(self.tr("Network: connected") if state else
                                   self.tr("Network: offline — records wait in the outbox") if state is False else
                                   self.tr("Network: unknown — sync is tried every few minutes while records wait"))

    # -- the overview ----------------------------------------------------------------------------
    def refresh(self) -> None:
        run_in_background(self, lambda _task: status.overview(self.library), self._show_overview,
                          self._failed, progress=False, kind=Pool.READ)

    def _show_overview(self, overview: list[dict[str, Any]]) -> None:
        self.overview = overview
        lines = []
        for target in overview:
            last = target["last_sync"]
            when = format_timestamp(last["at"]) if last else self.tr("never")
            lines.append(self.tr("{target}: last sync {when}, {queued} waiting, {failed} refused").format(
                target=target["name"], when=when, queued=len(target["pending"]), failed=len(target["failures"])))
            if last and last.get("stopped"):
                lines.append(stopped_text(last.get("stopped_code"), last.get("stopped"), last.get("stopped_params")))
        self.summary_label.setText("\n".join(lines) or self.tr("No sync target yet: a custodian adds one with 'kmdesk target add'."))
        rows = [(target["name"], item) for target in overview for item in target["pending"]]
        self.queue.setRowCount(len(rows))
        for row, (name, item) in enumerate(rows):
            title = item["title"] or self.tr("(deleted record {id})").format(id=item["record"][:8])
            todo = self.tr("send") if item["op"] == "push" else self.tr("take down")
            tries = self.tr("{todo}, tried {n}×").format(todo=todo, n=item["attempts"]) if item["attempts"] else todo
            for column, text in enumerate((title, name, tries, item["last_error"] or "")):
                self.queue.setItem(row, column, QTableWidgetItem(text))
        self.failures.clear()
        for target in overview:
            for failure in target["failures"]:
                self.failures.addItem(self.tr("{title} → {target}: {reason}").format(
                    title=failure["title"] or failure["record"][:8], target=target["name"], reason=failure["message"] or ""))
        names = [t["name"] for t in overview]
        if [self.target_combo.itemText(i) for i in range(self.target_combo.count())] != names:
            self.target_combo.clear()
            self.target_combo.addItems(names)
        self._update_buttons()
        if self.sync_at_start:
            self.sync_at_start = False
            if self.online():  # the network is already there: what waited since last time goes now
                self.sync_if_waiting()

    def waiting(self) -> int:
        return sum(len(t["pending"]) for t in self.overview)

    # -- syncing --------------------------------------------------------------------------------
    def running(self) -> bool:
        return self.job is not None and not self.job.done

    def sync_if_waiting(self, *, skip_backoff: bool = False) -> None:
        """The automatic run (no progress dialog), when something waits."""
        if not self.running() and self.waiting():
            self.sync_now(quiet=True, skip_backoff=skip_backoff)

    def sync_now(self, *, retry: bool = False, quiet: bool = False, skip_backoff: bool = False) -> Job | None:
        """Drain every target's outbox; ``retry`` ("Retry now") also re-queues refused records
        and, like ``skip_backoff``, sends what waits out a backoff at once; ``quiet`` shows no
        progress dialog."""
        if self.running():
            return self.job
        refused = {t["name"]: [f["record"] for f in t["failures"]] for t in self.overview} if retry else {}
        targets = [t["name"] for t in self.overview]

        def work(task: Task) -> list[dict[str, Any]]:
            for name, ids in refused.items():
                if ids:
                    self.library.sync.share(ids, name)
            reports = []
            for name in targets:
                reports.append(run_sync(self.library, name, progress=task.progress, cancel=task.cancelled,
                                        sleep=_sleeper(task), max_wait=RUN_MAX_WAIT_S,
                                        retry_now=retry or skip_backoff).as_dict())
            return reports

        self.sync_button.setEnabled(False)
        self.retry_button.setEnabled(False)
        self.job = run_in_background(self, work, self._synced, lambda exc: self._failed(exc, automatic=quiet),
                                     progress=not quiet, label=self.tr("Syncing with the CHM…"), kind=Pool.WRITE)
        return self.job

    def pull_now(self) -> Job | None:
        """Pull every CHM target's country's records (only what changed since the last pull),
        on the writer thread with progress and Cancel; what a cancelled pull committed stays."""
        if self.running():
            return self.job
        targets = [t["name"] for t in self.overview if t["kind"] == "chm"]

        def work(task: Task) -> list[dict[str, Any]]:
            return [chm_pull.pull(self.library, name, progress=task.progress, cancel=task.cancelled).as_dict()
                    for name in targets]

        self.pull_button.setEnabled(False)
        self.job = run_in_background(self, work, self._pulled, self._failed, label=self.tr("Pulling from the CHM…"),
                                     kind=Pool.WRITE)
        return self.job

    def _pulled(self, reports: list[dict[str, Any]]) -> None:
        self.job = None
        self.last_pulls = reports
        self.summary_label.setText(" ".join(self.tr(
            "{target}: {added} new, {updated} updated, {withdrawn} withdrawn from the CHM.").format(
                target=r["target"], added=r["added"], updated=r["updated"], withdrawn=r["withdrawn"]) for r in reports))
        self._update_buttons()
        self.pulled.emit()

    def _synced(self, reports: list[dict[str, Any]]) -> None:
        self.last_reports = reports
        self.job = None
        self._after_change()
        self.synced.emit()

    def _failed(self, exc: BaseException, *, automatic: bool = False) -> None:
        """Shown in the panel, never as a box. An automatic run that found the library locked
        tries again at the next refresh (the window refreshes after an unlock)."""
        self.job = None
        if automatic and getattr(exc, "code", None) == "access_denied":
            self.sync_at_start = True
        self.summary_label.setText(error_headline(exc) + " " + str(exc))
        self._update_buttons()

    def _after_change(self) -> None:
        self.refresh()
        self.show_record(self.record_id)

    # -- the current record ------------------------------------------------------------------------
    def show_record(self, record_id: str | None) -> None:
        self.record_id = record_id
        if record_id is None:
            self.record_states = []
            self.record_label.setText(self.tr("Select a record to see whether it can be shared."))
            self._update_buttons()
            return
        run_in_background(self, lambda _task: status.record_status(self.library, record_id),
                          lambda states: self._show_record_states(record_id, states), self._failed,
                          progress=False, kind=Pool.READ)

    def _show_record_states(self, record_id: str, states: list[dict[str, Any]]) -> None:
        if record_id != self.record_id:
            return
        self.record_states = states
        parts = []
        for state in states:
            lines = [f"<b>{html.escape(state['target'])}</b>: {html.escape(status_text(state))}"]
            if state["eligible"]:
                lines.append(html.escape(self.tr("Eligible: consent and access allow sharing.")))
            elif state["shared"] or state["reasons"]:
                reasons = [r for r in state["reasons"] if r["code"] != "not_selected"]
                if reasons:
                    lines.append(html.escape(self.tr("Not eligible:")) + "<br>" +
                                 "<br>".join("• " + html.escape(reason_text(r, self.lang)) for r in reasons))
            missing = [p for p in state["problems"] if p["code"] == "Error.Mandatory"]
            no_un_language = [p for p in state["problems"] if p["code"] == "NoUnLanguage"]
            others = [p for p in state["problems"] if p["code"] not in ("Error.Mandatory", "NoUnLanguage")]
            if no_un_language:
                lines.append(html.escape(self.tr(
                    "The CHM needs the title in one of the six UN languages (Arabic, Chinese, English, French, "
                    "Russian, Spanish); this record has: {languages}").format(
                        languages=", ".join(language_name(tag, self.lang)
                                            for tag in no_un_language[0].get("value", "").split(", ") if tag))))
            if state.get("sent_as"):
                lines.append(html.escape(self.tr(
                    "The CHM accepts no identifier like this record's id; it is sent as {identifier}, the same every "
                    "time.").format(identifier=state["sent_as"])))
            if missing:
                lines.append(html.escape(self.tr("The CHM still needs: {fields}").format(
                    fields=", ".join(p["property"] for p in missing))))
            if others:
                lines.append(html.escape(self.tr("The CHM would refuse: {problems}").format(
                    problems=", ".join(f"{p['property']} {p.get('value', '')}".strip() for p in others))))
            parts.append("<br>".join(lines))
        self.record_label.setText("<p>" + "</p><p>".join(parts) + "</p>" if parts else self.tr("No sync target yet."))
        self._update_buttons()
        self.record_states_loaded.emit(record_id, states)

    def current_target(self) -> str | None:
        return self.target_combo.currentText() or None

    def set_shared(self, shared: bool) -> None:
        record_id, target = self.record_id, self.current_target()
        if record_id is None or target is None:
            return

        def work(_task: Task) -> None:
            (self.library.sync.share if shared else self.library.sync.unshare)([record_id], target)

        run_in_background(self, work, lambda _result: self._after_change(), self._failed, progress=False)

    def set_access(self, access: AccessContext) -> None:
        """The profile changed (unlock, lock): offer only what it can do."""
        self.access = access
        self._update_buttons()

    def can_sync(self) -> bool:
        """Sending opens the targets' sealed credentials: that needs an unlocked member of the
        sync protocol (any person, in a library without profiles); a run writes the outbox, so
        not on a read-only library."""
        return not self.access.read_only and (not self.access.has_profiles or SYNC_PROTOCOL in self.access.held)

    def _update_buttons(self) -> None:
        busy = self.running()
        can_sync = not busy and bool(self.overview) and self.can_sync()
        self.sync_button.setEnabled(can_sync)
        self.retry_button.setEnabled(can_sync)
        self.pull_button.setEnabled(not busy and self.access.can_write() and any(t["kind"] == "chm" for t in self.overview))
        target = self.current_target()
        state = next((s for s in self.record_states if s["target"] == target), None)
        writer = self.access.can_write()
        self.share_button.setEnabled(writer and state is not None and not state["shared"])
        self.unshare_button.setEnabled(writer and state is not None and state["shared"])
        # the target by its own name: a Bioland portal is not "the CHM"
        self.share_button.setText(self.tr("Share with {target}").format(target=target) if target else self.tr("Share"))
        blocked = bool(self.overview) and not self.can_sync()
        needs = read_only_words() if self.access.read_only else \
            self.tr("Sending needs an unlocked profile that holds the sync credentials (a custodian).")
        self.sync_button.setToolTip(needs if blocked else "")
        self.retry_button.setToolTip(needs if blocked else self.tr(
            "Send what waits for a retry at once, and try rejected records again"))
