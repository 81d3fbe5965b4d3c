"""A record's edit history as the reader may see it: newest first, each entry saying who changed
which fields, opened onto each field's old value → new value.

The values come from the core as far as the reader may see them (``trust.reads.history_entries``):
a value the reader may not see (a protected field of a record sealed for a community or
protocol, while locked or for a profile the record does not admit) arrives as None and shows as
withheld, never as an empty value.
"""

from __future__ import annotations

from typing import Any

from kmdesk.gui.qt import QHeaderView, Qt, QTreeWidget, QTreeWidgetItem, QWidget
from kmdesk.render.localized import format_timestamp

VALUE_PREVIEW = 160


class HistoryTree(QTreeWidget):
    """When, who, and what changed; every entry open, so the values show without a click."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What changed")])
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)

    def show_history(self, history: list[dict[str, Any]]) -> None:
        self.clear()
        actions = {"create": self.tr("Created"), "edit": self.tr("Edited"), "delete": self.tr("Deleted"),
                   "import": self.tr("Imported"), "restore": self.tr("Restored from the trash")}
        for entry in reversed(history):
            changes = entry.get("changes") or {}
            what = actions.get(entry.get("action", ""), entry.get("action", ""))
            if changes:
                what += ": " + ", ".join(self.field_name(name) for name in changes)
            item = QTreeWidgetItem(self, [format_timestamp(entry.get("at", "")), entry.get("by", ""), what])
            item.setToolTip(2, what)
            for name, values in changes.items():
                child = QTreeWidgetItem(item, ["", self.field_name(name), self.change(values)])
                child.setToolTip(2, self.tr("Withheld: only those the record's access admits may read this value.")
                                 if values is None else child.text(2))
        self.expandAll()

    def change(self, values: Any) -> str:
        """``old → new``, or withheld (None: the reader may not see this field's values)."""
        if values is None:
            return self.tr("(withheld)")
        old, new = values
        return f"{self._preview(old)} {self._arrow()} {self._preview(new)}"

    def field_name(self, name: str) -> str:
        """A record field as the reader knows it (the record's own keys are identifiers)."""
        return {
            "title": self.tr("Title"), "summary": self.tr("Summary"), "body": self.tr("Text"),
            "type": self.tr("Type"), "resource_kind": self.tr("Kind of resource"), "keywords": self.tr("Keywords"),
            "gbf_goals": self.tr("GBF goals"), "gbf_targets": self.tr("GBF targets"),
            "subjects": self.tr("CBD subjects"), "countries": self.tr("Countries"), "places": self.tr("Places"),
            "languages": self.tr("Languages"), "creators": self.tr("Creators"), "labels": self.tr("Labels"),
            "community": self.tr("Community"), "date": self.tr("Date"), "licence": self.tr("Licence"),
            "source_url": self.tr("Link"), "identifiers": self.tr("Identifiers"), "access": self.tr("Access"),
        }.get(name, name)

    def _arrow(self) -> str:
        """The "becomes" arrow, pointing the way the line reads (bidi rules do not mirror "→")."""
        return "←" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "→"

    def _preview(self, value: Any) -> str:
        if value in (None, "", [], {}):
            return "—"
        if isinstance(value, dict):
            text = "; ".join(f"{k}: {self._preview(v)}" for k, v in value.items())
        elif isinstance(value, list):
            text = ", ".join(self._preview(v) if isinstance(v, dict) else str(v) for v in value)
        else:
            text = str(value)
        return text if len(text) <= VALUE_PREVIEW else text[: VALUE_PREVIEW - 1] + "…"
