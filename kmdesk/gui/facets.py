"""The facet panel: one collapsible group per facet, each value checkable, with its count in
the current results. Ticking values filters the search (values of one facet are alternatives;
different facets narrow each other, as the search module defines).

One ``QTreeWidget`` rather than a list widget per facet: a single scroll area, keyboard
navigation across groups, and it mirrors itself for right-to-left languages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kmdesk.core import vocab
from kmdesk.gui.library_model import (
    country_name,
    language_heading,
    target_titles,
)
from kmdesk.gui.qt import (
    QHeaderView,
    QPushButton,
    QStyle,
    Qt,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.render.localized import format_number

FACETS = ("type", "resource_kind", "gbf_targets", "gbf_goals", "community", "languages", "countries",
          "access_level", "consent_state", "integrity", "collection")
OPEN_AT_START = ("type", "gbf_targets", "community")
ValueRole = Qt.ItemDataRole.UserRole + 1


class FacetPanel(QWidget):
    """Emits ``filtersChanged`` when the person ticks or unticks a value, ``trashRequested``
    when the person opens the trash (its entry under the facets, with its count)."""

    filtersChanged = Signal()
    trashRequested = Signal()

    def __init__(self, parent: QWidget | None = None, languages: Sequence[str] = ("en",)) -> None:
        super().__init__(parent)
        self._selected: dict[str, set[str]] = {}
        self._expanded = {name: name in OPEN_AT_START for name in FACETS}
        self._rebuilding = False
        self._lang = languages[0] if languages else "en"
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Filters"))
        self.tree.setAccessibleDescription(self.tr("Values of the records found, with how many have each; tick "
                                                   "one (Space) to list only those records."))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemExpanded.connect(lambda item: self._remember_expanded(item, True))
        self.tree.itemCollapsed.connect(lambda item: self._remember_expanded(item, False))
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setEnabled(False)
        self.clear_button.clicked.connect(self.clear)
        self.trash_button = QPushButton(self)
        self.trash_button.setFlat(True)
        self.trash_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.trash_button.setAccessibleDescription(self.tr("Deleted records: open the trash to restore them or "
                                                           "forget them for good."))
        self.trash_button.clicked.connect(self.trashRequested)
        self.set_trash_count(None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.trash_button)

    # -- what the search needs ---------------------------------------------------------------
    def filters(self) -> dict[str, list[str]]:
        return {name: sorted(values) for name, values in self._selected.items() if values}

    def clear(self) -> None:
        if not any(self._selected.values()):
            return
        self._selected.clear()
        self._set_checks()
        self._changed()

    def forget(self) -> None:
        """On lock: no counts and no ticks (a ticked community or target names what the last
        profile searched), without asking for a new search."""
        self._selected.clear()
        self.set_facets({})
        self.set_trash_count(None)

    def set_trash_count(self, count: int | None) -> None:
        """How many deleted records this profile may know of (None: not counted yet)."""
        text = self.tr("Trash") if count is None else self.tr("Trash ({count})").format(count=format_number(count))
        self.trash_button.setText(text)
        self.trash_button.setAccessibleName(text)

    def select(self, facet: str, value: str, on: bool = True) -> None:
        """Tick or untick a value as a person would (tests, and links from the record view)."""
        values = self._selected.setdefault(facet, set())
        if on:
            values.add(value)
        else:
            values.discard(value)
        self._set_checks()
        self._changed()

    # -- showing counts ------------------------------------------------------------------------
    def set_facets(self, facets: dict[str, list[tuple[Any, int]]]) -> None:
        """Show the counts of the latest results; a ticked value stays visible even at zero so
        it can be unticked."""
        self._rebuilding = True
        scrolled = self.tree.verticalScrollBar().value()
        self.tree.clear()
        for name in FACETS:
            counts = {str(value): count for value, count in facets.get(name, [])}
            for value in self._selected.get(name, ()):
                counts.setdefault(value, 0)
            if counts:
                self._add_group(name, counts)
        self.tree.verticalScrollBar().setValue(scrolled)
        self._rebuilding = False

    def _add_group(self, name: str, counts: dict[str, int]) -> None:
        group = QTreeWidgetItem(self.tree, [self.facet_title(name)])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setData(0, ValueRole, name)
        labels = self._value_labels(name)
        for value, count in self._ordered(name, counts):
            label = labels(value)
            item = QTreeWidgetItem(group, [label, format_number(count)])
            item.setToolTip(0, label)
            item.setData(0, ValueRole, value)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = value in self._selected.get(name, ())
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        group.setExpanded(self._expanded[name] or bool(self._selected.get(name)))

    @staticmethod
    def _ordered(name: str, counts: dict[str, int]) -> list[tuple[str, int]]:
        """Targets and goals in their official order; everything else by count, then name."""
        if name == "gbf_targets":
            return sorted(counts.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 99)
        if name == "gbf_goals":
            return sorted(counts.items())
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))

    def facet_title(self, name: str) -> str:
        return {
            "type": self.tr("Type"),
            "resource_kind": self.tr("Kind of resource"),
            "gbf_targets": self.tr("GBF targets"),
            "gbf_goals": self.tr("GBF goals"),
            "community": self.tr("Community"),
            "languages": self.tr("Languages"),
            "countries": self.tr("Countries"),
            "access_level": self.tr("Access"),
            "consent_state": self.tr("Consent"),
            "integrity": self.tr("Integrity"),
            "collection": self.tr("Collection"),
        }.get(name, name)

    def _value_labels(self, name: str) -> Any:
        """A function turning a facet value into words in the interface language."""
        lang = self._lang
        if name in ("type", "resource_kind", "access_level"):
            group = {"type": "types", "resource_kind": "resource_kinds", "access_level": "access_levels"}[name]
            titles = vocab.titles(group, lang)
            return lambda value: titles.get(value, value)
        if name == "gbf_targets":
            targets = target_titles(lang)
            return lambda value: self.tr("{number} · {title}").format(  # the locale's digits, as the counts beside
                number=format_number(int(value)), title=targets.get(int(value), "")) if value.isdigit() else value
        if name == "gbf_goals":
            goals = {g["code"]: vocab.title(g, lang) for g in vocab.gbf()["goals"]}
            return lambda value: self.tr("Goal {code} · {title}").format(code=value, title=goals.get(value, ""))
        if name == "languages":
            return lambda value: language_heading(value, lang)
        if name == "countries":
            return lambda value: country_name(value, lang)
        if name == "consent_state":
            return self.consent_state_label
        if name == "integrity":  # its one value: records that failed their integrity check
            return lambda value: self.tr("Damaged") if value == "damaged" else value
        if name == "collection":
            return lambda value: {"chm": self.tr("From the CHM"), "library": self.tr("This library")}.get(value, value)
        return lambda value: value

    def consent_state_label(self, value: str) -> str:
        return {
            "none": self.tr("No consent recorded"),
            "not_needed": self.tr("Not needed"),
            "current": self.tr("Current"),
            "expired": self.tr("Expired"),
            "withdrawn": self.tr("Withdrawn"),
        }.get(value, value)

    # -- ticking ---------------------------------------------------------------------------------
    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        group = item.parent()
        if self._rebuilding or column != 0 or group is None:
            return
        facet = str(group.data(0, ValueRole))
        value = str(item.data(0, ValueRole))
        values = self._selected.setdefault(facet, set())
        if item.checkState(0) == Qt.CheckState.Checked:
            values.add(value)
        else:
            values.discard(value)
        # Announce after Qt has finished with this item: the new results rebuild the tree.
        QTimer.singleShot(0, self, self._changed)

    def _set_checks(self) -> None:
        self._rebuilding = True
        for group in _children(self.tree.invisibleRootItem()):
            chosen = self._selected.get(str(group.data(0, ValueRole)), set())
            for child in _children(group):
                on = str(child.data(0, ValueRole)) in chosen
                child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._rebuilding = False

    def _changed(self) -> None:
        self.clear_button.setEnabled(any(self._selected.values()))
        self.filtersChanged.emit()

    def _remember_expanded(self, item: QTreeWidgetItem, expanded: bool) -> None:
        if item.parent() is None and not self._rebuilding:
            self._expanded[str(item.data(0, ValueRole))] = expanded


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]
