"""Idle auto-lock: notice when nobody has touched the keyboard or mouse for a while.

One application-wide event filter sees every input event before any widget does, so typing in
a dialog counts as much as clicking in the window. Each input restarts a single-shot timer;
when it runs out, ``idle`` is emitted and the window locks the library. Timers and input
events are Qt's own, so tests drive them (emit the timeout, post an event) instead of sleeping.
"""

from __future__ import annotations

from kmdesk.gui.qt import QApplication, QEvent, QObject, QTimer, Signal

# What a person does, as opposed to what the window does by itself (paints, timers, moves).
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.Shortcut,
})
MINUTE_MS = 60_000


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without user input (0: never). Watching starts with
    ``set_minutes`` and only while ``armed`` (a locked library has nothing to lock)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, minutes: int = 0) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self._armed = False
        self._minutes = 0
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.set_minutes(minutes)

    @property
    def minutes(self) -> int:
        return self._minutes

    def set_minutes(self, minutes: int) -> None:
        self._minutes = max(0, minutes)
        if self._minutes:
            self.timer.setInterval(self._minutes * MINUTE_MS)
        self._restart()

    def arm(self, on: bool) -> None:
        """Watch (the library is unlocked) or stop watching (it is locked)."""
        self._armed = on
        self._restart()

    def _restart(self) -> None:
        if self._armed and self._minutes:
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self._armed and self._minutes:
            self.timer.start()
        return False  # only watching: every event goes on to its widget
