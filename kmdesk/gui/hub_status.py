"""The hub in the status bar: a button whose icon and words say how this library stands with
its hub (synced, syncing, offline, error, something waiting for a person), a tooltip giving the
hub, the last sync and what waits, and the progress of a running sync with its Cancel.

The button shows only when the library has joined a hub. Its state is never colour alone: the
icon's badge differs by shape and a short word stands beside it, both in the accessible name.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from kmdesk.gui import icon
from kmdesk.gui.qt import Qt, QToolButton, QWidget
from kmdesk.gui.status_progress import StatusProgress
from kmdesk.render.localized import format_number, format_timestamp

STATES = ("ok", "syncing", "offline", "error", "waiting")
MINUTE_S, HOUR_S, DAY_S = 60, 3600, 86400


class HubProgress(StatusProgress):
    """A sync's label, bar (changes pulled of those the hub holds) and Cancel."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.label.setText(self.tr("Syncing with the hub…"))
        self.cancel_button.setToolTip(self.tr("Stop the sync: what was sent or received stays; the next sync goes on "
                                              "from there."))
        self.cancel_button.setAccessibleName(self.tr("Stop the sync with the hub"))

    def counted(self, done: int, total: int) -> str:
        return self.tr("{done} of {total} changes received").format(done=format_number(done), total=format_number(total))


class HubStatusButton(QToolButton):
    """The hub's state as an icon and a word; a click syncs now, its menu holds the rest."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.state = ""
        self.hide()

    def words(self, state: str, waiting: int) -> str:
        return {
            "ok": self.tr("Hub: synced"),
            "syncing": self.tr("Hub: syncing…"),
            "offline": self.tr("Hub: offline"),
            "error": self.tr("Hub: sync failed"),
            "waiting": self.tr("Hub: {count} waiting for you").format(count=format_number(waiting)),
        }[state]

    def show_state(self, state: str, status: dict[str, Any] | None, error: str = "") -> None:
        """Show ``state`` (one of ``STATES``) with what ``status`` (``hub.device.status``, or
        None before the first answer) says; ``error``: why the last sync failed."""
        self.state = state
        waiting = (status or {}).get("conflicts", 0) + (status or {}).get("quarantined", 0)
        text = self.words(state, waiting)
        self.setIcon(icon(f"hub-{state}"))
        self.setText(text)
        tip = self.tooltip(state, status, error)
        self.setToolTip(tip)
        self.setAccessibleName(text)
        self.setAccessibleDescription(tip)
        self.show()

    def tooltip(self, state: str, status: dict[str, Any] | None, error: str) -> str:
        lines = []
        if status is not None:
            lines.append(self.tr("Hub: {url}").format(url=status["url"]))
            last = status.get("last_sync_at")
            lines.append(self.tr("Last sync: {when} ({ago})").format(when=format_timestamp(last), ago=self.ago(last))
                         if last else self.tr("Last sync: never"))
        lines.append({
            "ok": self.tr("Reachable; this library is up to date with it."),
            "syncing": self.tr("Sending this library's changes and receiving the others'…"),
            "offline": self.tr("The hub cannot be reached. You can keep working: changes wait here and go at the "
                               "next sync."),
            "error": self.tr("The last sync failed: {error}").format(error=error),
            "waiting": self.tr("Reachable; something waits for a person to look at it."),
        }[state])
        if status is not None:
            if status.get("pending"):
                lines.append(self.tr("Changes waiting here to be sent: {count}").format(
                    count=format_number(status["pending"])))
            if status.get("conflicts"):
                lines.append(self.tr("Records in conflict, waiting for you to choose: {count}").format(
                    count=format_number(status["conflicts"])))
            if status.get("quarantined"):
                lines.append(self.tr("Changes from the hub refused and quarantined: {count}").format(
                    count=format_number(status["quarantined"])))
            lines += status.get("warnings") or []
        lines.append(self.tr("Click to sync now."))
        return "\n".join(lines)

    def ago(self, when: str, now: datetime | None = None) -> str:
        """How long ago ``when`` (ISO 8601) was, in plain words."""
        try:
            moment = datetime.fromisoformat(when)
        except ValueError:
            return ""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        seconds = max(0, int(((now or datetime.now(timezone.utc)) - moment).total_seconds()))
        if seconds < MINUTE_S:
            return self.tr("just now")
        if seconds < HOUR_S:
            return self.tr("{count} min ago").format(count=format_number(seconds // MINUTE_S))
        if seconds < DAY_S:
            return self.tr("{count} h ago").format(count=format_number(seconds // HOUR_S))
        return self.tr("{count} d ago").format(count=format_number(seconds // DAY_S))
