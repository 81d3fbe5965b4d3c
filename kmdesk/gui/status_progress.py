"""A long job's progress in the window's status bar: a label, a bar and Cancel.

A job that may take minutes (an index catching up, an import) reports here rather than in a
modal dialog, so the person keeps searching and reading meanwhile. Shaped as
``workers.ProgressView``: ``run_in_background(..., view=widget)`` reports to it and its Cancel
stops the job.
"""

from __future__ import annotations

from kmdesk.gui.qt import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget, Signal


class StatusProgress(QWidget):
    """Hidden unless a job runs; subclasses give the words (``label``, ``cancel_button``'s
    tooltip) and ``counted`` for the bar's tooltip."""

    canceled = Signal()

    BAR_WIDTH = 160  # px: beside the record counts, in every language

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(self.BAR_WIDTH)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.canceled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        self.hide()

    def counted(self, done: int, total: int) -> str:
        return f"{done} / {total}"

    def running(self) -> bool:
        return not self.isHidden()

    def start(self) -> None:
        """Shown at once, busy until the first count arrives."""
        self.bar.setRange(0, 0)
        self.bar.setToolTip("")
        self.show()

    def set_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` (a total below 1: unknown, a busy bar)."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setToolTip(self.counted(done, total))
        else:
            self.bar.setRange(0, 0)

    def finish(self) -> None:
        self.hide()
