"""The status bar's report of the search index catching up with the library.

The first opening of a library made by an older release rebuilds its index (every public
record); that takes a while on a large library, and the person may work meanwhile: searches find
what is indexed so far. So the progress sits in the status bar, not in a modal dialog, with a
Cancel that leaves the rest for the next opening (``library.index.catch_up``).
"""

from __future__ import annotations

from kmdesk.gui.qt import QWidget
from kmdesk.gui.status_progress import StatusProgress


class IndexCatchUp(StatusProgress):
    """The index catch-up's label, bar and Cancel (``StatusProgress``)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.label.setText(self.tr("Indexing the library for search…"))
        self.cancel_button.setToolTip(self.tr("Stop indexing; it resumes the next time this library opens."))

    def counted(self, done: int, total: int) -> str:
        return self.tr("{done} of {total} records indexed").format(done=done, total=total)
