"""The window on REAL worker threads (every other GUI test swaps in synchronous workers).

Issue 11: the window segfaulted because a parentless per-job QObject was destroyed inside its own
queued slot. This file drives thousands of real-thread search and save jobs with typing, locking
and language switches interleaved, under ``faulthandler`` (a crash prints every thread's stack
instead of vanishing), and checks that a newer search supersedes older ones instead of queueing.
"""

from __future__ import annotations

import faulthandler
import gc
import sys
import threading

import pytest

from kmdesk.gui import workers

CUSTODIAN = ("Keeper", "keeper passphrase")
LANGUAGES = ("fr", "ar", "zh", "en")
JOBS = 2000


@pytest.fixture
def real_threads():
    """Real pools for this test; every job left is delivered before the next test."""
    workers.set_synchronous(False)
    faulthandler.enable(file=sys.stderr, all_threads=True)
    try:
        yield
    finally:
        from kmdesk.gui.qt import QApplication
        from kmdesk.render.translations import install_translations

        assert workers.wait_idle(30)
        workers.set_synchronous(True)
        install_translations(QApplication.instance(), "en")  # the language switches must not outlive the test


class Counting:
    """Counts the library calls the jobs make, from whichever thread makes them."""

    def __init__(self, library, monkeypatch) -> None:
        self.lock = threading.Lock()
        self.searches = 0
        self.saves = 0
        self.threads: set[int] = set()
        real_search, real_update = library.index.search, library.records.update

        def search(*args, **kwargs):
            with self.lock:
                self.searches += 1
                self.threads.add(threading.get_ident())
            return real_search(*args, **kwargs)

        def update(*args, **kwargs):
            with self.lock:
                self.saves += 1
                self.threads.add(threading.get_ident())
            return real_update(*args, **kwargs)

        monkeypatch.setattr(library.index, "search", search)
        monkeypatch.setattr(library.records, "update", update)

    @property
    def jobs(self) -> int:
        with self.lock:
            return self.searches + self.saves


@pytest.fixture
def guarded_library(library):
    """The small sample library with a custodian, so it has a lock to lock (the demo library's
    seventy records would make each job slower, not the test harder)."""
    library.access.create_profile(*CUSTODIAN, ["custodian"])
    return library


def test_thousands_of_real_thread_jobs_with_typing_locking_and_language_switches(
        qtbot, monkeypatch, request, guarded_library, real_threads):
    from kmdesk.gui import main_window as main_window_module
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    errors: list[BaseException] = []
    gui_thread = threading.get_ident()
    foreign_collections: list[int] = []  # garbage collections that ran on a pool thread

    def watch_collections(phase: str, info: dict) -> None:
        if phase == "stop" and threading.get_ident() != gui_thread:
            foreign_collections.append(info["collected"])

    gc.callbacks.append(watch_collections)
    request.addfinalizer(lambda: gc.callbacks.remove(watch_collections))
    monkeypatch.setattr(workers, "show_error", lambda _parent, exc: errors.append(exc))
    monkeypatch.setattr(main_window_module, "show_error", lambda _parent, exc: errors.append(exc))
    public = [hit.id for hit in guarded_library.index.search("", limit=20).hits]
    counting = Counting(guarded_library, monkeypatch)
    assert workers.wait_idle(60)  # nothing left running from earlier tests
    window = MainWindow(guarded_library, Settings(), language="en")
    window.show()
    window.reload()
    windows = [window]

    def unlock() -> None:
        window.session.unlock(*CUSTODIAN)  # behind the writes already queued on the one writer thread
        qtbot.waitUntil(lambda successor=window: successor.session.profile is not None, timeout=60000)

    unlock()
    words = ["seed", "water", "forest", "بذور", "种子", "семена", "graines", "x"]
    step = 0
    while counting.jobs < JOBS:
        step += 1
        word = words[step % len(words)]
        typed = word[: 1 + step % len(word)]
        if typed.isascii():
            qtbot.keyClicks(window.search_edit, typed)  # typing: the timer's searches
        else:
            window.search_edit.insert(typed)  # QTest types ASCII only; an input method inserts the rest
        window.search_now(as_you_type=step % 2 == 0)  # Enter, or the pause after a keystroke
        if step % 10 == 0 and window.session.profile is not None:  # saves need the keys; they queue before a lock
            window.write_fields(public[step % len(public)], {"keywords": [f"soak {step}"]})
        if step % 5 == 0:
            window.search_edit.clear()
        if step % 97 == 0:
            window.session.lock()
            qtbot.waitUntil(lambda locked=window: locked.session.profile is None, timeout=60000)
            assert window.search_edit.text() == ""
            unlock()
        if step % 251 == 0:
            window = window.set_language(LANGUAGES[(step // 251) % len(LANGUAGES)])
            windows.append(window)
            qtbot.waitUntil(lambda successor=window: successor.session.profile is not None, timeout=60000)
        qtbot.wait(1)
    assert workers.wait_idle(30)
    assert counting.searches > 1000 and counting.saves > 100
    assert threading.get_ident() not in counting.threads  # every one ran on a pool thread
    assert errors == []
    assert foreign_collections == []  # the collector never ran on a pool thread (workers.py)
    assert len(windows) >= 4  # the window was rebuilt in other languages while jobs ran
    window.search_edit.setText("seed")
    window.search_now()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=10000)  # and it still answers
    window.close()


def test_a_newer_search_supersedes_the_waiting_ones(qtbot, monkeypatch, library, real_threads):
    """Typing never queues stale searches: while one search runs, later requests replace each
    other in a single waiting place; only the newest runs next and only its answer is shown."""
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    gate = threading.Event()
    asked: list[str] = []
    real_search = library.index.search

    def slow_search(query, **options):
        asked.append(query)
        if query == "seed":
            gate.wait(10)  # the first search is still running while the person types on
        return real_search(query, **options)

    window = MainWindow(library, Settings(), language="en")
    qtbot.addWidget(window)
    window.show()
    assert workers.wait_idle(10)
    monkeypatch.setattr(library.index, "search", slow_search)
    for typed in ["seed", "seed b", "seed ba", "seed ban", "mangrove"]:
        window.search_edit.setText(typed)
        window.search_now(as_you_type=True)
    qtbot.waitUntil(lambda: asked == ["seed"], timeout=5000)
    gate.set()
    assert workers.wait_idle(10)
    assert asked == ["seed", "mangrove"]  # the three in between never ran
    assert [window.model.data(window.model.index(row, 0)) for row in range(window.model.rowCount())] \
        == ["Mangrove restoration workshop"]


def test_garbage_is_collected_on_the_gui_thread_only(qtbot, real_threads):
    """A Python-owned QObject caught in a reference cycle dies when the cyclic collector finds
    it. Left to itself the interpreter collects on whichever thread crosses the allocation
    threshold, so a pool thread busy allocating (a search, an import) would destroy the GUI's
    objects from the wrong thread: the random crash this file hunts. The pools' relay collects
    on the GUI thread instead."""
    from kmdesk.gui.qt import QObject, Qt

    gui_thread = threading.get_ident()
    died: list[int] = []
    workers.run_in_background(None, lambda _task: None, lambda _none: None, progress=False)  # the pools are up
    orphan = QObject()
    orphan.cycle = orphan  # only the cyclic collector can free it
    orphan.destroyed.connect(lambda: died.append(threading.get_ident()), Qt.ConnectionType.DirectConnection)
    del orphan

    def allocate(_task) -> int:
        kept = [[n] for n in range(200_000)]  # container allocations: what triggers a collection
        return len(kept)

    workers.run_in_background(None, allocate, lambda _count: None, progress=False, kind=workers.Pool.READ)
    assert workers.wait_idle(30)
    ballast = [[n] for n in range(5000)]  # the GUI thread allocates on, past the threshold
    qtbot.waitUntil(lambda: bool(died), timeout=5000)
    assert died == [gui_thread]
    assert len(ballast) == 5000


def test_what_a_job_captured_dies_on_the_gui_thread(qtbot, real_threads):
    """A plain object connected to a signal disconnects itself as it dies; if the last
    reference to it went with a job's closure on a pool thread, that disconnect ran there,
    racing the GUI thread (the soak's crash). Whatever a job captures is let go on the GUI
    thread, after its outcome is delivered."""
    import weakref

    from kmdesk.gui.qt import QTimer

    class Receiver:
        def poke(self) -> None:
            pass

    gui_thread = threading.get_ident()
    died: list[int] = []
    timer = QTimer()
    receiver = Receiver()
    timer.timeout.connect(receiver.poke)  # PySide holds it weakly and disconnects when it dies
    weakref.finalize(receiver, lambda: died.append(threading.get_ident()))

    def work(_task, held=receiver):
        return held is not None

    del receiver
    delivered: list[bool] = []
    workers.run_in_background(None, work, delivered.append, progress=False, kind=workers.Pool.READ)
    del work
    assert workers.wait_idle(30)
    assert delivered == [True]
    qtbot.waitUntil(lambda: bool(died), timeout=5000)
    assert died == [gui_thread]


def test_an_import_on_the_writer_thread_leaves_the_collector_to_the_gui_thread(qtbot, tmp_path, request, library,
                                                                             real_threads, monkeypatch):
    """An import pauses the cyclic collector and wakes it after (``core.collector``); with the
    real pools the collector is off for the whole process (the relay collects on the GUI
    thread), and an import finishing on the writer thread must not switch it back on there.
    It gives back what its index writers freed after each batch of 500, on the writer thread,
    while the GUI thread allocates."""
    from conftest import write_csv

    from kmdesk.core.io import import_manager, importer

    gui_thread = threading.get_ident()
    foreign_collections: list[int] = []

    def watch_collections(phase: str, info: dict) -> None:
        if phase == "stop" and threading.get_ident() != gui_thread:
            foreign_collections.append(info["collected"])

    gc.callbacks.append(watch_collections)
    request.addfinalizer(lambda: gc.callbacks.remove(watch_collections))
    given_back: list[int] = []
    real_give_back = import_manager.give_back

    def give_back() -> None:
        given_back.append(threading.get_ident())
        real_give_back()

    monkeypatch.setattr(import_manager, "give_back", give_back)
    rows = [(f"Grazing rules {i}", "open qwyxpasture " * 20, "public", "") for i in range(1100)]
    source = write_csv(tmp_path / "in.csv", rows)

    def work(task) -> tuple[dict, bool]:
        report = importer.run(library, importer.open_source(source), progress=task.progress)
        return report["counts"], gc.isenabled()

    done: list[tuple[dict, bool]] = []
    workers.run_in_background(None, work, done.append, progress=False)
    while not done:
        ballast = [[n] for n in range(5000)]  # the GUI thread allocates on meanwhile
        qtbot.wait(5)
    assert workers.wait_idle(30)
    assert done == [({"imported": 1100}, False)]
    assert not gc.isenabled()
    assert foreign_collections == []
    assert len(ballast) == 5000 and library.index.search("qwyxpasture").total == 1100
    assert len(given_back) == 2 and gui_thread not in given_back
