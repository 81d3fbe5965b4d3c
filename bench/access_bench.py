"""Measure what a person waits for around the lock: ``python bench/access_bench.py``.

With the real (strong) key derivation, never ``KMDESK_FAST_KDF``, on the demo library:

- unlock: the passphrase's key derivation plus building the in-memory index of the records the
  profile may read (what the lock screen's progress dialog covers);
- lock: forgetting the keys and that index;
- the access context the editor and the session read after every unlock (profiles, protocols,
  communities, Hub wording);
- removing a member: key rotation and re-sealing of the protocol's records;
- the idle watcher's cost: an application-wide event filter sees every event, so the time per
  key press with and without it (200,000 sent to a widget; each one restarts the idle timer).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.pop("KMDESK_FAST_KDF", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CUSTODIAN = ("Demo Custodian", "kmdesk demo custodian")


def timed(fn, repeat: int = 5) -> tuple[float, float]:
    """Median and worst of ``repeat`` runs, in milliseconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), max(runs)


def library_figures() -> None:
    from kmdesk.core.store import seed
    from kmdesk.core.store.library import Library
    from kmdesk.core.trust import kdf
    from kmdesk.gui.access_editor import read_access_context

    with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "lib") as library:
        seed.seed_demo(library)
        print(f"KDF: {'Argon2id' if kdf.argon2id_available() else 'scrypt'} (strong defaults), "
              f"demo library ({library.records.count()} records visible while locked)")


        median, worst = timed(lambda: library.unlock(*CUSTODIAN) or library.lock())
        print(f"unlock + lock as {CUSTODIAN[0]}: median {median:.0f} ms, worst {worst:.0f} ms")
        library.unlock(*CUSTODIAN)
        median, worst = timed(lambda: read_access_context(library), 20)
        print(f"access context read: median {median:.1f} ms, worst {worst:.1f} ms")
        median, worst = timed(library.index.open_private, 5)
        print(f"the custodian's sealed index opened and brought up to date: median {median:.0f} ms")
        start = time.perf_counter()
        count = library.access.remove_member("Ayllu Sumaq Pacha: members", "Demo Contributor")
        print(f"remove a member (rotate, re-seal {count} record(s)): {(time.perf_counter() - start) * 1000:.0f} ms")
        start = time.perf_counter()
        library.lock()
        print(f"lock: {(time.perf_counter() - start) * 1000:.2f} ms")


def event_filter_figures(events: int = 200_000) -> None:
    from kmdesk.gui.idle import IdleWatcher
    from kmdesk.gui.qt import QApplication, QEvent, QKeyEvent, Qt, QWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    widget = QWidget()

    def send() -> float:
        start = time.perf_counter()
        for _ in range(events):
            QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier))
        return (time.perf_counter() - start) / events * 1e6

    bare = send()
    watcher = IdleWatcher(app, 10)
    watcher.arm(True)
    watched = send()
    print(f"per key press: {bare:.2f} µs without the idle watcher, {watched:.2f} µs with it "
          f"(+{watched - bare:.2f} µs, {events:,} events)")


if __name__ == "__main__":
    library_figures()
    event_filter_figures()
