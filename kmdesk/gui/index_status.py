"""The status bar's report of the search index catching up with the library.

The first opening of a library made by an older release rebuilds its index (every public
record); that takes a while on a large library, and the person may work meanwhile: searches find
what is indexed so far. So the progress sits in the status bar, not in a modal dialog, with a
Cancel that leaves the rest for the next opening (``library.index.catch_up``).
"""

from __future__ import annotations

from kmdesk.gui.qt import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget, Signal


class IndexCatchUp(QWidget):
    """A label, a progress bar and Cancel; hidden unless a catch-up runs. Shaped as
    ``workers.ProgressView``, so ``run_in_background`` reports to it as to a dialog."""

    canceled = Signal()

    BAR_WIDTH = 160  # px: beside the record counts, in every language

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Indexing the library for search…"), self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(self.BAR_WIDTH)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop indexing; it resumes the next time this library opens."))
        self.cancel_button.clicked.connect(self.canceled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.hide()

    def start(self) -> None:
        """Shown at once, busy until the first count arrives."""
        self.bar.setRange(0, 0)
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` records indexed (a total below 1: unknown, a busy bar)."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setToolTip(self.tr("{done} of {total} records indexed").format(done=done, total=total))
        else:
            self.bar.setRange(0, 0)

    def finish(self) -> None:
        self.hide()
