"""Open the real window on a library and print how long the list takes to appear and the
process's peak memory: ``python bench/window_bench.py DATA_DIR`` (offscreen; build a big library
first with ``python bench/corpus.py 20000 -o c.json`` and ``kmdesk --data-dir DIR import c.json``).

Figures: seconds until the table shows its first rows, until every background job delivered,
then a word search and a scroll to the end of what it loaded; peak RSS after each step.
"""

from __future__ import annotations

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kmdesk.app import application  # noqa: E402  (after the platform is chosen)
from kmdesk.core.store.library import Library  # noqa: E402
from kmdesk.gui.main_window import MainWindow  # noqa: E402
from kmdesk.gui.qt import QApplication  # noqa: E402
from kmdesk.gui.settings import Settings  # noqa: E402
from kmdesk.gui.workers import wait_idle  # noqa: E402


def peak_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main(data_dir: str) -> int:
    application()
    start = time.perf_counter()
    library = Library.open(data_dir)
    print(f"library open: {time.perf_counter() - start:.2f} s, peak {peak_mb()} MB")
    window = MainWindow(library, Settings(), language="en")
    window.resize(1280, 800)
    window.show()
    window.reload()
    while window.model.rowCount() == 0 and time.perf_counter() - start < 600:
        QApplication.processEvents()
        time.sleep(0.005)
    print(f"list shown: {time.perf_counter() - start:.2f} s ({window.model.rowCount()} rows loaded), peak {peak_mb()} MB")
    wait_idle(600)
    print(f"idle: {time.perf_counter() - start:.2f} s, {window.counts_label.text()}, peak {peak_mb()} MB")
    searched = time.perf_counter()
    window.search_edit.setText("seed")
    window.search_now()
    wait_idle(600)
    window.table.scrollToBottom()
    wait_idle(600)
    print(f"search 'seed' and one scroll: {time.perf_counter() - searched:.2f} s, {window.model.rowCount()} rows loaded, "
          f"{window.counts_label.text()}, peak {peak_mb()} MB")
    window.close()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
