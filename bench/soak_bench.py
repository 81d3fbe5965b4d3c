"""Open and close record editors for a while in the real window and print the process's memory:
``python bench/soak_bench.py [--editors 200] [--seconds 300] [--every 15]`` (offscreen).

A fresh demo library in a temporary folder (its own settings too: nothing of yours is touched),
`Demo Contributor` unlocked, and real worker threads as in the application. The editors are
spread evenly over ``--seconds``; between them the event loop runs as it does for a person. They
alternate Ctrl+N and Ctrl+E, and close in turn by Cancel, Save and close, Ctrl+S then Cancel,
and a refused date then Cancel. Every ``--every`` seconds one line: seconds, editors opened,
resident memory (VmRSS), widgets alive, RecordEditor objects alive. A window that keeps closed
editors shows RSS and widgets climbing in a straight line; a sound one levels off.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kmdesk.app import application  # noqa: E402  (after the platform is chosen)
from kmdesk.core.store import seed  # noqa: E402
from kmdesk.core.store.library import Library  # noqa: E402
from kmdesk.gui.main_window import MainWindow  # noqa: E402
from kmdesk.gui.qt import QApplication, QCoreApplication, QEventLoop, QSettings, QTimer  # noqa: E402
from kmdesk.gui.record_editor import RecordEditor  # noqa: E402
from kmdesk.gui.settings import Settings  # noqa: E402
from kmdesk.gui.workers import wait_idle  # noqa: E402

CONTRIBUTOR = seed.DEMO_OTHERS[0][:2]


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_loop(seconds: float) -> None:
    """Let the window live for ``seconds``, as between a person's actions."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, int(seconds * 1000)), loop.quit)
    loop.exec()


def editors_alive() -> int:
    return sum(1 for obj in gc.get_objects() if isinstance(obj, RecordEditor))


def use_editor(window: MainWindow, n: int) -> None:
    """One editor, opened and closed the way number ``n`` says."""
    editor = window.new_record() if n % 2 == 0 else window.edit_record()
    if editor is None:  # nothing editable is selected: select the first row and open it
        window.table.selectRow(0)
        wait_idle(30)
        editor = window.edit_record() or window.new_record()
    way = (n // 2) % 4
    if way == 0:
        editor.reject()
    elif way == 1:
        editor.set_text("title", "en", f"Soak record {n}")
        editor.accept()
    elif way == 2:
        editor.keywords_edit.setText(f"soak, round {n}")
        editor.save()
        wait_idle(30)
        editor.reject()
    else:
        editor.date_edit.setText("2024-13")
        editor.accept()
        editor.reject()


def soak(editors: int, seconds: float, every: float, folder: Path) -> list[tuple[float, int, float, int, int]]:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    Settings().idle_lock_minutes = 0  # a person's keys and clicks keep the window unlocked; these calls are no input
    library = Library.open(folder / "lib")
    seed.seed_demo(library)
    window = MainWindow(library, Settings(), language="en")
    window.resize(1280, 800)
    window.show()
    window.reload()
    window.session.unlock(*CONTRIBUTOR)
    wait_idle(120)
    window.table.selectRow(0)
    wait_idle(30)
    series: list[tuple[float, int, float, int, int]] = []
    start = time.monotonic()
    next_report = 0.0
    gap = seconds / editors

    def report(opened: int) -> None:
        gc.collect()
        row = (time.monotonic() - start, opened, rss_mb(), len(QApplication.allWidgets()), editors_alive())
        series.append(row)
        print(f"{row[0]:7.1f} s  {row[1]:4d} editors  RSS {row[2]:7.1f} MB  {row[3]:6d} widgets  "
              f"{row[4]:4d} editors alive", flush=True)

    report(0)
    for n in range(editors):
        if window.session.locked_out():
            raise SystemExit("the window locked: no editor opens behind the lock screen")
        use_editor(window, n)
        run_loop(start + (n + 1) * gap - time.monotonic())
        if time.monotonic() - start >= next_report + every:
            next_report = time.monotonic() - start
            report(n + 1)
    wait_idle(60)
    QCoreApplication.processEvents()
    report(editors)
    window.close()
    library.close()
    return series


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--editors", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=300.0, help="spread the editors over this long")
    parser.add_argument("--every", type=float, default=15.0, help="print memory this often (seconds)")
    args = parser.parse_args(argv)
    application()
    with tempfile.TemporaryDirectory(prefix="kmdesk-soak-") as folder:
        series = soak(args.editors, args.seconds, args.every, Path(folder))
    first, last = series[0], series[-1]
    print(f"RSS {first[2]:.1f} -> {last[2]:.1f} MB; widgets {first[3]} -> {last[3]}; "
          f"editors alive at the end: {last[4]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
