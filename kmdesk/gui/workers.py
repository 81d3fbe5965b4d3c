"""Background work for the GUI, in the shape of Anki's ``CollectionOp``.

``run_in_background(parent, fn, on_success, on_failure)`` runs ``fn(task)`` on a
``QThreadPool`` and delivers its result (or its exception) on the GUI thread through queued
signals. ``fn`` never touches a widget: it calls ``kmdesk.core`` and passes ``task.progress``
and ``task.cancelled`` to core functions, which take exactly those callbacks.

Who owns what, so that no QObject is ever destroyed inside its own slot (a parentless per-job
QObject that drops its last reference in its own queued slot crashes the process): a job is a
plain Python object, not a QObject. Every worker reports through ONE long-lived ``_Relay`` QObject,
created on the GUI thread and kept for the life of the process, as Qt documents for
QRunnable (a runnable is not a QObject; it signals through an object that outlives it). The
relay's queued slots look the job up by number and hand over the result; the runnable itself is
a plain callable the pool owns and deletes on its own thread when it returns.

Python's cyclic garbage collector runs on whichever thread happens to allocate when a threshold
is crossed: on a pool thread it would destroy Python-owned QObjects (a model, a timer, a window's
leftovers after a language switch) from that thread, which Qt forbids and which crashes at random.
So while the pools are in use, automatic collection is off and the relay collects on the GUI
thread from a timer, generation by generation as the interpreter would (pyqtgraph's
``GarbageCollector`` does the same for the same reason).

There are two pools. Library writes go to ONE writer thread (SQLite and Tantivy want a single
writer, and queued edits then apply in the order the person made them); reads such as searches
use a small read pool so typing never waits behind an import.

Tests make everything synchronous, as Picard's tests do: ``set_synchronous(True)`` runs each
job at once on the calling thread, so results are in place when ``run_in_background`` returns.
"""

from __future__ import annotations

import gc
import itertools
import logging
import threading
import time
import traceback
from collections.abc import Callable
from enum import Enum
from typing import Any, Protocol

from kmdesk.gui.dialogs import ProgressDialog, show_error
from kmdesk.gui.qt import (
    QCoreApplication,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    QWidget,
    Signal,
    SignalInstance,
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
_active: dict[int, Job] = {}  # running jobs by number; a job leaves when its result is delivered
_numbers = itertools.count(1)
_synchronous = False


def set_synchronous(on: bool) -> None:
    """Run every job immediately on the calling thread (for tests). No pool thread runs then, so
    the interpreter may collect garbage itself again."""
    global _synchronous
    _synchronous = on
    if on:
        gc.enable()
    elif _relay_holder:
        gc.disable()


def pool(kind: Pool) -> QThreadPool:
    """The writer pool has exactly one thread; the read pool a few."""
    if kind not in _pools:
        created = QThreadPool()
        created.setMaxThreadCount(1 if kind is Pool.WRITE else READ_THREADS)
        _pools[kind] = created
    return _pools[kind]


class _Relay(QObject):
    """The one QObject every worker reports through. It lives on the GUI thread for the whole
    process, so its queued slots run there and it can never be destroyed by what they do."""

    progressed = Signal(int, int, int)  # job number, done, total (-1: unknown)
    finished = Signal(int, bool, object)  # job number, succeeded, result or exception

    COLLECT_EVERY_MS = 500

    def __init__(self) -> None:
        super().__init__()
        queued = Qt.ConnectionType.QueuedConnection
        self.progressed.connect(self._progressed, queued)
        self.finished.connect(self._finished, queued)
        self._collector = QTimer(self)
        self._collector.timeout.connect(self.collect_garbage)
        self._collector.start(self.COLLECT_EVERY_MS)
        gc.disable()  # from now on garbage is collected here, on the GUI thread (module docstring)

    @Slot()
    def collect_garbage(self) -> None:
        """Collect the generations whose counts passed their thresholds, as the interpreter
        would, but on the GUI thread."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] > thresholds[0]:
            generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
            gc.collect(generation)

    @Slot(int, int, int)
    def _progressed(self, number: int, done: int, total: int) -> None:
        job = _active.get(number)
        if job is not None:
            job.show_progress(done, total)

    @Slot(int, bool, object)
    def _finished(self, number: int, ok: bool, value: Any) -> None:
        job = _active.pop(number, None)  # with it what the job captured dies here, on the GUI thread
        if job is not None:
            job.deliver(ok, value)


_relay_holder: list[_Relay] = []


class ProgressView(Protocol):
    """Where a job's progress shows: a ``ProgressDialog``, or a widget of the window's own
    (the status bar's index catch-up) when the window must stay usable meanwhile."""

    canceled: SignalInstance

    def set_progress(self, done: int, total: int) -> None: ...

    def finish(self) -> None: ...


def _relay() -> _Relay:
    """The relay, made on first use (on the GUI thread, where jobs are started) and never freed."""
    if not _relay_holder:
        _relay_holder.append(_Relay())
    return _relay_holder[0]


class Task:
    """What a background function receives: progress reporting and a cancel token."""

    def __init__(self, number: int) -> None:
        self._number = number
        self._cancel = threading.Event()
        self._last_report = 0.0

    def progress(self, done: int, total: int | None = None) -> None:
        """Report ``done`` of ``total`` (None: unknown); throttled, the last step always shown."""
        now = time.monotonic()
        last_step = total is not None and done >= total
        if not last_step and now - self._last_report < PROGRESS_INTERVAL_S:
            return
        self._last_report = now
        if _synchronous:
            job = _active.get(self._number)
            if job is not None:
                job.show_progress(done, -1 if total is None else total)
            return
        _relay().progressed.emit(self._number, done, -1 if total is None else total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Job:
    """A started job: cancel it, or ask whether it is done. A plain object (not a QObject):
    it holds what runs (``fn``, ``task``) and the callbacks until the relay hands it the result
    on the GUI thread, so what they captured is let go there (``_work``)."""

    def __init__(self, parent: QWidget | None, fn: Callable[[Task], Any], task: Task, dialog: ProgressView | None,
                 on_success: Callable[[Any], None], on_failure: Callable[[BaseException], object] | None) -> None:
        self.parent_widget, self.task, self.dialog = parent, task, dialog
        self.fn: Callable[[Task], Any] | None = fn
        self._on_success, self._on_failure = on_success, on_failure
        self.done = False

    def cancel(self) -> None:
        self.task.cancel()

    def show_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.set_progress(done, total)

    def deliver(self, ok: bool, value: Any) -> None:
        """On the GUI thread: let go of what ran, close the progress dialog, then hand over
        the result."""
        self.done, self.fn = True, None
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.canceled.disconnect(self.task.cancel)  # a status-bar view outlives its jobs
            self.dialog.finish()
        if self.parent_widget is not None and not isValid(self.parent_widget):
            return  # the window went away while the job ran; nobody is left to tell
        if ok:
            self._on_success(value)
        elif self._on_failure is not None:
            self._on_failure(value)
        else:
            show_error(self.parent_widget, value)


def _work(number: int) -> None:
    """The body a pool thread runs: every outcome goes back through the relay.

    The pool thread never holds the last reference to what a job captured. ``fn`` and its task
    stay with the job in ``_active`` until the GUI thread has delivered the outcome, and this
    thread lets go of them (and of the failed frames' locals) before it reports. Otherwise whatever ``fn``
    captured could die here: a plain object whose method is connected to a signal (a task
    connected to its progress dialog's Cancel, a window's session) disconnects it as it dies,
    and that ``QObject::disconnect`` from a pool thread, racing the GUI thread, crashed the
    window in the soak (core dump: closure cell -> weakref callback -> disconnect)."""
    job = _active[number]
    fn, task = job.fn, job.task
    del job
    assert fn is not None  # let go only once the result is handed over
    try:
        result = fn(task)
    except BaseException as exc:  # noqa: BLE001  every failure reaches the GUI; none is lost in a thread
        traceback.clear_frames(exc.__traceback__)
        del fn, task
        _relay().finished.emit(number, False, exc)
    else:
        del fn, task
        _relay().finished.emit(number, True, result)


def run_in_background(parent: QWidget | None, fn: Callable[[Task], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[BaseException], object] | None = None, *, progress: bool = True,
                      label: str = "", cancellable: bool = True, kind: Pool = Pool.WRITE,
                      view: ProgressView | None = None) -> Job:
    """Run ``fn(task)`` off the GUI thread; ``on_success(result)`` or ``on_failure(exc)`` run on
    the GUI thread. Without ``on_failure`` the error is shown in a message box (a cancel as
    "nothing was changed"). ``progress`` shows a progress dialog (after a short delay) labelled
    ``label``, with Cancel if ``cancellable``; or ``view`` shows it, and its Cancel stops the job.
    ``kind`` picks the writer or the read pool."""
    number = next(_numbers)
    task = Task(number)
    dialog = view if view is not None else ProgressDialog(parent, label, cancellable) if progress else None
    job = Job(parent, fn, task, dialog, on_success, on_failure)
    if dialog is not None:
        dialog.canceled.connect(task.cancel)
    _active[number] = job
    if _synchronous:
        try:
            result = fn(task)
        except BaseException as exc:  # noqa: BLE001  as on a pool thread: the failure goes to on_failure
            _active.pop(number, None)
            job.deliver(False, exc)
        else:
            _active.pop(number, None)
            job.deliver(True, result)
        return job
    _relay()  # made here, on the GUI thread, before any worker can emit through it
    pool(kind).start(lambda: _work(number))
    return job


def wait_idle(timeout_s: float = 30.0) -> bool:
    """Let every job finish and deliver (screenshots, shutdown); False if time ran out."""
    deadline = time.monotonic() + timeout_s
    while _active and time.monotonic() < deadline:
        for each in _pools.values():
            each.waitForDone(20)
        QCoreApplication.processEvents()
    return not _active


class LatestOnly:
    """At most one read job at a time, and only the newest request answered: what a search box
    needs. A request made while a job runs cancels that job and waits in the one waiting place,
    replacing any request already waiting there (it was stale before it started), so fast typing
    never queues seconds of searches nobody will see. Only the newest request's outcome reaches
    its callbacks; earlier outcomes are dropped."""

    def __init__(self, parent: QWidget | None) -> None:
        self._parent = parent
        self._generation = 0
        self._running: Job | None = None
        self._waiting: tuple[int, Callable[[Task], Any], Callable[[Any], None], Callable[[BaseException], None]] | None = None

    def run(self, fn: Callable[[Task], Any], on_success: Callable[[Any], None],
            on_failure: Callable[[BaseException], None]) -> None:
        self._generation += 1
        request = (self._generation, fn, on_success, on_failure)
        if self._running is not None and not self._running.done:
            self._running.cancel()
            self._waiting = request
            return
        self._start(request)

    def forget(self) -> None:
        """Drop the waiting request and whatever answer is on its way (the window locked)."""
        self._generation += 1
        self._waiting = None
        if self._running is not None:
            self._running.cancel()

    def busy(self) -> bool:
        return self._running is not None and not self._running.done

    def _start(self, request: tuple[int, Callable[[Task], Any], Callable[[Any], None],
                                    Callable[[BaseException], None]]) -> None:
        generation, fn, on_success, on_failure = request
        self._running = run_in_background(
            self._parent, fn, lambda value: self._finished(generation, value, on_success),
            lambda exc: self._finished(generation, exc, on_failure), progress=False, kind=Pool.READ)

    def _finished(self, generation: int, value: Any, deliver: Callable[[Any], None]) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)
        elif generation == self._generation:
            deliver(value)
