"""The person's preferences, kept by QSettings (organisation "kmdesk", application "kmdesk").

Always the INI format, so the file is readable and one ``QSettings.setPath(IniFormat,
UserScope, dir)`` moves it elsewhere: tests do that, and never read or write anyone's real
preferences. Only the GUI's own state lives here; the library keeps its settings itself.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kmdesk.core.store.records import base_language
from kmdesk.gui.qt import (
    QByteArray,
    QHeaderView,
    QLocale,
    QMainWindow,
    QSettings,
    QSplitter,
)

ORGANISATION = "kmdesk"
APPLICATION = "kmdesk"
FALLBACK_LANGUAGE = "en"
INTERFACE_LANGUAGES = ("en", "es", "fr", "ru", "ar", "zh")  # the six UN languages kmdesk is translated into
DEFAULT_IDLE_LOCK_MINUTES = 10  # long enough for reading a record, short for a laptop left open
DEFAULT_HUB_SYNC_MINUTES = 5  # others' changes arrive within minutes; an idle hub sees one query a device


class Settings:
    """Typed access to the GUI's preferences: window geometry and state, splitter and the widths
    of its panes, table columns, interface language and the order of languages for record texts."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                         ORGANISATION, APPLICATION)

    def sync(self) -> None:
        self._store.sync()

    # -- window state -----------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, window: QMainWindow) -> None:
        self._store.setValue("window/geometry", window.saveGeometry())
        self._store.setValue("window/state", window.saveState())

    def restore_window(self, window: QMainWindow) -> bool:
        """Put the window back where the person left it; False on a first start."""
        geometry = self._bytes("window/geometry")
        if geometry is None:
            return False
        window.restoreGeometry(geometry)
        state = self._bytes("window/state")
        if state is not None:
            window.restoreState(state)
        return True

    def save_splitter(self, splitter: QSplitter) -> None:
        self._store.setValue("window/splitter", splitter.saveState())

    def restore_splitter(self, splitter: QSplitter) -> bool:
        state = self._bytes("window/splitter")
        return state is not None and splitter.restoreState(state)

    def pane_widths(self) -> dict[int, int]:
        """The width each side pane of the window had when last open (its place in the splitter:
        width), so a pane collapsed at the last start opens again as wide as it was."""
        stored = str(self._store.value("window/pane_widths", "") or "")
        widths = {}
        for item in stored.split(","):
            place, _, width = item.partition(":")
            if place.isdigit() and width.isdigit() and int(width) > 0:
                widths[int(place)] = int(width)
        return widths

    def set_pane_widths(self, widths: dict[int, int]) -> None:
        self._store.setValue("window/pane_widths", ",".join(f"{place}:{width}" for place, width in widths.items()))

    def save_header(self, header: QHeaderView) -> None:
        """Column widths, order and the sort column of the library table."""
        self._store.setValue("library/header", header.saveState())

    def restore_header(self, header: QHeaderView) -> bool:
        state = self._bytes("library/header")
        return state is not None and header.restoreState(state)

    # -- languages --------------------------------------------------------------------------
    @property
    def interface_language(self) -> str:
        """The chosen interface language, else the system's when kmdesk is translated into it,
        else English (also under the bare "C" locale of servers and containers)."""
        chosen = str(self._store.value("language/interface", "") or "")
        if chosen:
            return chosen
        system = base_language(QLocale.system().name())
        return system if system in INTERFACE_LANGUAGES else FALLBACK_LANGUAGE

    @interface_language.setter
    def interface_language(self, tag: str) -> None:
        self._store.setValue("language/interface", tag)

    @property
    def language_order(self) -> list[str]:
        """Which language of a record's texts to show first, then next... (stored comma-joined:
        an INI list of one item would come back as a plain string)."""
        stored = str(self._store.value("language/order", "") or "")
        order = [tag for tag in stored.split(",") if tag] or [base_language(self.interface_language)]
        return order if FALLBACK_LANGUAGE in order else [*order, FALLBACK_LANGUAGE]

    @language_order.setter
    def language_order(self, tags: list[str]) -> None:
        self._store.setValue("language/order", ",".join(tags))

    # -- security ---------------------------------------------------------------------------
    @property
    def idle_lock_minutes(self) -> int:
        """Minutes without keyboard or mouse input before the library locks itself; 0 never."""
        try:
            return max(0, int(str(self._store.value("security/idle_lock_minutes", DEFAULT_IDLE_LOCK_MINUTES))))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_LOCK_MINUTES

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._store.setValue("security/idle_lock_minutes", max(0, int(minutes)))

    # -- the hub ----------------------------------------------------------------------------
    @property
    def hub_sync_minutes(self) -> int:
        """Minutes between background syncs with the hub while unlocked; 0 never."""
        try:
            return max(0, int(str(self._store.value("hub/sync_minutes", DEFAULT_HUB_SYNC_MINUTES))))
        except (TypeError, ValueError):
            return DEFAULT_HUB_SYNC_MINUTES

    @hub_sync_minutes.setter
    def hub_sync_minutes(self, minutes: int) -> None:
        self._store.setValue("hub/sync_minutes", max(0, int(minutes)))

    # -- profiles ---------------------------------------------------------------------------
    @staticmethod
    def _library_key(data_dir: Path | str) -> str:
        """One key per library folder: a digest of its resolved path (a path's slashes would
        become INI groups, and the preferences file need not list where libraries are)."""
        return hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:32]

    def last_profile(self, data_dir: Path | str) -> str | None:
        """The profile last unlocked in the library at ``data_dir``, or None."""
        return str(self._store.value(f"profiles/last_{self._library_key(data_dir)}", "") or "") or None

    def set_last_profile(self, data_dir: Path | str, name: str) -> None:
        self._store.setValue(f"profiles/last_{self._library_key(data_dir)}", name)
