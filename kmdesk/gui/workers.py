"""Background work for the GUI, in the shape of Anki's ``CollectionOp``.

``run_in_background(parent, fn, on_success, on_failure)`` runs ``fn(task)`` on a
``QThreadPool`` and delivers its result (or its exception) on the GUI thread through queued
signals. ``fn`` never touches a widget: it calls ``kmdesk.core`` and passes ``task.progress``
and ``task.cancelled`` to core functions, which take exactly those callbacks.

There are two pools. Library writes go to ONE writer thread (SQLite and Whoosh want a single
writer, and queued edits then apply in the order the person made them); reads such as searches
use a small read pool so typing never waits behind an import.

Tests make everything synchronous, as Picard's tests do: ``set_synchronous(True)`` runs each
job at once on the calling thread, so results are in place when ``run_in_background`` returns.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from enum import Enum
from typing import Any

from kmdesk.gui.dialogs import ProgressDialog, show_error
from kmdesk.gui.qt import (
    QCoreApplication,
    QObject,
    QRunnable,
    QThreadPool,
    QWidget,
    Signal,
    Slot,
    isValid,
)

log = logging.getLogger(__name__)


class Pool(Enum):
    WRITE = "write"
    READ = "read"


READ_THREADS = 2
PROGRESS_INTERVAL_S = 0.05  # a 20,000-record import must not flood the event queue

_pools: dict[Pool, QThreadPool] = {}
_active: set[Job] = set()
_synchronous = False


def set_synchronous(on: bool) -> None:
    """Run every job immediately on the calling thread (for tests)."""
    global _synchronous
    _synchronous = on


def pool(kind: Pool) -> QThreadPool:
    """The writer pool has exactly one thread; the read pool a few."""
    if kind not in _pools:
        created = QThreadPool()
        created.setMaxThreadCount(1 if kind is Pool.WRITE else READ_THREADS)
        _pools[kind] = created
    return _pools[kind]


class Task:
    """What a background function receives: progress reporting and a cancel token."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self._last_report = 0.0

    def progress(self, done: int, total: int | None = None) -> None:
        """Report ``done`` of ``total`` (None: unknown); throttled, the last step always shown."""
        now = time.monotonic()
        last_step = total is not None and done >= total
        if not last_step and now - self._last_report < PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        self._signals.progress.emit(done, -1 if total is None else total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Task], Any], task: Task, signals: _Signals) -> None:
        super().__init__()
        self._fn, self._task, self._signals = fn, task, signals

    def run(self) -> None:
        try:
            result = self._fn(self._task)
        except BaseException as exc:  # noqa: BLE001  every failure reaches the GUI; none is lost in a thread
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Job(QObject):
    """A running job: cancel it, or ask whether it is done. A QObject living on the GUI thread,
    so the worker's signals reach its slots there (queued), never on the worker thread."""

    def __init__(self, parent: QWidget | None, task: Task, signals: _Signals, dialog: ProgressDialog | None,
                 on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self.parent_widget, self.task, self.signals, self.dialog = parent, task, signals, dialog
        self._on_success, self._on_failure = on_success, on_failure
        self.done = False

    def cancel(self) -> None:
        self.task.cancel()

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self._deliver(True, result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._deliver(False, exc)

    def _deliver(self, ok: bool, value: Any) -> None:
        """On the GUI thread: close the progress dialog, then hand over the result."""
        self.done = True
        _active.discard(self)
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.finish()
        if self.parent_widget is not None and not isValid(self.parent_widget):
            return  # the window went away while the job ran; nobody is left to tell
        if ok:
            self._on_success(value)
        elif self._on_failure is not None:
            self._on_failure(value)
        else:
            show_error(self.parent_widget, value)


def run_in_background(parent: QWidget | None, fn: Callable[[Task], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], None] | None = None, *, progress: bool = True,
                      label: str = "", cancellable: bool = True, kind: Pool = Pool.WRITE) -> Job:
    """Run ``fn(task)`` off the GUI thread; ``on_success(result)`` or ``on_failure(exc)`` run on
    the GUI thread. Without ``on_failure`` the error is shown in a message box (a cancel as
    "nothing was changed"). ``progress`` shows a progress dialog (after a short delay) labelled
    ``label``, with Cancel if ``cancellable``. ``kind`` picks the writer or the read pool."""
    signals = _Signals()
    task = Task(signals)
    dialog = ProgressDialog(parent, label, cancellable) if progress else None
    job = Job(parent, task, signals, dialog, on_success, on_failure)
    if dialog is not None:
        dialog.canceled.connect(task.cancel)
        signals.progress.connect(dialog.set_progress)
    signals.succeeded.connect(job._succeeded)
    signals.failed.connect(job._failed)
    _active.add(job)
    runnable = _Runnable(fn, task, signals)
    if _synchronous:
        runnable.run()
    else:
        pool(kind).start(runnable)
    return job


def wait_idle(timeout_s: float = 30.0) -> bool:
    """Let every job finish and deliver (screenshots, shutdown); False if time ran out."""
    deadline = time.monotonic() + timeout_s
    while _active and time.monotonic() < deadline:
        for each in _pools.values():
            each.waitForDone(20)
        QCoreApplication.processEvents()
    return not _active
