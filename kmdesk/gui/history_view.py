"""A record's edit history as the reader may see it: newest first, each entry saying who changed
which fields, opened onto each field's old value → new value.

The values come from the core as far as the reader may see them (``trust.reads.history_entries``):
a value the reader may not see (a protected field of a record sealed for a community or
protocol, while locked or for a profile the record does not admit) arrives as None and shows as
withheld, never as an empty value.
"""

from __future__ import annotations

from typing import Any

from kmdesk.gui.qt import QCoreApplication, QHeaderView, Qt, QTreeWidget, QTreeWidgetItem, QWidget
from kmdesk.render.localized import format_timestamp

VALUE_PREVIEW = 160


def field_name(name: str) -> str:
    """A record field as the reader knows it (the record's own keys are identifiers); the
    history and the hub's conflicts name fields alike."""
    return {
        "title": QCoreApplication.translate("HistoryTree", "Title"),
        "summary": QCoreApplication.translate("HistoryTree", "Summary"),
        "body": QCoreApplication.translate("HistoryTree", "Text"),
        "type": QCoreApplication.translate("HistoryTree", "Type"),
        "resource_kind": QCoreApplication.translate("HistoryTree", "Kind of resource"),
        "keywords": QCoreApplication.translate("HistoryTree", "Keywords"),
        "gbf_goals": QCoreApplication.translate("HistoryTree", "GBF goals"),
        "gbf_targets": QCoreApplication.translate("HistoryTree", "GBF targets"),
        "subjects": QCoreApplication.translate("HistoryTree", "CBD subjects"),
        "countries": QCoreApplication.translate("HistoryTree", "Countries"),
        "places": QCoreApplication.translate("HistoryTree", "Places"),
        "languages": QCoreApplication.translate("HistoryTree", "Languages"),
        "creators": QCoreApplication.translate("HistoryTree", "Creators"),
        "labels": QCoreApplication.translate("HistoryTree", "Labels"),
        "community": QCoreApplication.translate("HistoryTree", "Community"),
        "date": QCoreApplication.translate("HistoryTree", "Date"),
        "licence": QCoreApplication.translate("HistoryTree", "Licence"),
        "source_url": QCoreApplication.translate("HistoryTree", "Link"),
        "identifiers": QCoreApplication.translate("HistoryTree", "Identifiers"),
        "access": QCoreApplication.translate("HistoryTree", "Access"),
    }.get(name, name)


def preview(value: Any, limit: int = VALUE_PREVIEW) -> str:
    """A field's value as one line of text, cut at ``limit`` characters ("—": empty)."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, dict):
        text = "; ".join(f"{k}: {preview(v, limit)}" for k, v in value.items())
    elif isinstance(value, list):
        text = ", ".join(preview(v, limit) if isinstance(v, dict) else str(v) for v in value)
    else:
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
                what += ": " + ", ".join(field_name(name) for name in changes)
            item = QTreeWidgetItem(self, [format_timestamp(entry.get("at", "")), entry.get("by", ""), what])
            item.setToolTip(2, entry.get("damaged") or what)  # a failing or missing entry says why
            for name, values in changes.items():
                child = QTreeWidgetItem(item, ["", field_name(name), self.change(values)])
                child.setToolTip(2, self.tr("Withheld: only those the record's access admits may read this value.")
                                 if values is None else child.text(2))
        self.expandAll()

    def change(self, values: Any) -> str:
        """``old → new``, or withheld (None: the reader may not see this field's values)."""
        if values is None:
            return self.tr("(withheld)")
        old, new = values
        return f"{preview(old)} {self._arrow()} {preview(new)}"

    def _arrow(self) -> str:
        """The "becomes" arrow, pointing the way the line reads (bidi rules do not mirror "→")."""
        return "←" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "→"
