"""Three pages of the record editor, each a widget of its own: the description (type, kind,
keywords, community, date, licence, link, languages, countries, places), the GBF goals and
targets, and the people who made the record.

The pages build and read their widgets; undo stays with ``record_editor.RecordEditor``, which
binds each widget (or a page's getter, setter and ``changed`` signal) as one field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kmdesk.core import vocab
from kmdesk.gui.library_model import pick_text, target_titles
from kmdesk.gui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

LICENCES = ("CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC0-1.0")


class DescriptionPage(QWidget):
    """What the record is and where it comes from. ``text_input`` readies a line edit for the
    editor's undo (its own undo off, Ctrl+Z left to the dialog)."""

    def __init__(self, parent: QWidget, communities: Sequence[str], lang: str,
                 text_input: Callable[[QLineEdit], Any]) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.type_combo = QComboBox(self)
        for key, title in vocab.titles("types", lang).items():
            self.type_combo.addItem(title, key)
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("(none)"), None)
        for key, title in vocab.titles("resource_kinds", lang).items():
            self.kind_combo.addItem(title, key)
        self.type_combo.currentIndexChanged.connect(self.update_kind_enabled)
        self.keywords_edit = text_input(QLineEdit(self))
        self.keywords_edit.setPlaceholderText(self.tr("separated by commas"))
        self.community_combo = QComboBox(self)
        self.community_combo.setEditable(True)
        self.community_combo.addItems(["", *communities])
        text_input(_line_edit(self.community_combo))
        self.date_edit = text_input(QLineEdit(self))
        self.date_edit.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.licence_combo = QComboBox(self)
        self.licence_combo.setEditable(True)
        self.licence_combo.addItems(["", *LICENCES])
        text_input(_line_edit(self.licence_combo))
        self.url_edit = text_input(QLineEdit(self))
        self.url_edit.setPlaceholderText(self.tr("https://…"))
        self.languages_edit = text_input(QLineEdit(self))
        self.languages_edit.setPlaceholderText(self.tr("language tags, e.g. quz, es"))
        self.countries_edit = text_input(QLineEdit(self))
        self.countries_edit.setPlaceholderText(self.tr("two-letter codes, e.g. pe, bo"))
        self.places_edit = text_input(QLineEdit(self))
        self.places_edit.setPlaceholderText(self.tr("separated by commas; coordinates after @, e.g. Cusco @ -13.53 -71.97"))
        self.places_edit.setToolTip(self.tr("A place may carry its latitude and longitude in decimal degrees after an @ "
                                            "(south and west negative): it then appears as a dot on the map."))
        rows = [
            (self.tr("Type"), self.type_combo), (self.tr("Kind of resource"), self.kind_combo),
            (self.tr("Keywords"), self.keywords_edit), (self.tr("Community"), self.community_combo),
            (self.tr("Date"), self.date_edit), (self.tr("Licence"), self.licence_combo),
            (self.tr("Link"), self.url_edit), (self.tr("Languages"), self.languages_edit),
            (self.tr("Countries"), self.countries_edit), (self.tr("Places"), self.places_edit),
        ]
        for label, widget in rows:
            form.addRow(label, widget)

    def update_kind_enabled(self) -> None:
        """Only a resource has a kind of resource."""
        self.kind_combo.setEnabled(self.type_combo.currentData() == "resource")


class GbfPage(QWidget):
    """The Kunming-Montreal Global Biodiversity Framework goals (check boxes) and targets
    (a checkable list); the editor adds the suggestions box below them."""

    def __init__(self, parent: QWidget, lang: str, languages: Sequence[str]) -> None:
        super().__init__(parent)
        goals_box = QGroupBox(self.tr("Goals"), self)
        goals_layout = QVBoxLayout(goals_box)
        self.goal_checks: dict[str, QCheckBox] = {}
        for goal in vocab.gbf()["goals"]:
            check = QCheckBox(self.tr("Goal {code}: {title}").format(code=goal["code"], title=vocab.title(goal, lang)),
                              goals_box)
            check.setToolTip(pick_text(goal.get("description") or {}, languages))
            goals_layout.addWidget(check)
            self.goal_checks[goal["code"]] = check
        targets_box = QGroupBox(self.tr("Targets"), self)
        self.targets_list = QListWidget(targets_box)
        for number, title in sorted(target_titles(lang).items()):
            item = QListWidgetItem(self.tr("{number} · {title}").format(number=number, title=title), self.targets_list)
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setToolTip(title)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        QVBoxLayout(targets_box).addWidget(self.targets_list)
        layout = QVBoxLayout(self)
        layout.addWidget(goals_box)
        layout.addWidget(targets_box, 1)

    def targets(self) -> list[int]:
        return [self.targets_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.targets_list.count())
                if self.targets_list.item(i).checkState() == Qt.CheckState.Checked]

    def set_targets(self, numbers: list[int]) -> None:
        for i in range(self.targets_list.count()):
            item = self.targets_list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in numbers
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def check_target(self, number: int, on: bool = True) -> None:
        """Tick a GBF target as a person would."""
        item = self.targets_list.item(number - 1)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class CreatorsPage(QWidget):
    """The creators, one row each (a name and a role). ``changed`` says a person edited them;
    ``set_creators`` fills the table without it (loading, undo and redo are not edits)."""

    changed = Signal()

    def __init__(self, parent: QWidget, lang: str) -> None:
        super().__init__(parent)
        self.lang = lang
        self._filling = False
        self.creators_table = QTableWidget(0, 2, self)
        self.creators_table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.creators_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.creators_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.creators_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.creators_table.verticalHeader().hide()
        self.creators_table.setAccessibleName(self.tr("Creators and knowledge holders"))
        self.creators_table.itemChanged.connect(self._item_changed)
        add = QPushButton(self.tr("Add creator"), self)
        add.clicked.connect(lambda: self.add_row({"name": "", "role": "author"}, edit=True))
        remove = QPushButton(self.tr("Remove creator"), self)
        remove.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.creators_table)
        layout.addLayout(buttons)

    def _item_changed(self, *_: Any) -> None:
        if not self._filling:
            self.changed.emit()

    def creators(self) -> list[dict[str, str]]:
        out = []
        for row in range(self.creators_table.rowCount()):
            name_item = self.creators_table.item(row, 0)
            role = self.creators_table.cellWidget(row, 1)
            out.append({"name": name_item.text() if name_item else "",
                        "role": role.currentData() if isinstance(role, QComboBox) else "author"})
        return out

    def set_creators(self, creators: list[dict[str, str]]) -> None:
        was = self._filling
        self._filling = True
        try:
            self.creators_table.setRowCount(0)
            for creator in creators:
                self.add_row(creator)
        finally:
            self._filling = was

    def add_row(self, creator: dict[str, str], edit: bool = False) -> None:
        """A row for ``creator``; ``edit``: a person added it, and types its name next."""
        was = self._filling
        self._filling = True  # setItem says itemChanged: the row is one edit, said below
        try:
            row = self.creators_table.rowCount()
            self.creators_table.insertRow(row)
            self.creators_table.setItem(row, 0, QTableWidgetItem(creator.get("name", "")))
        finally:
            self._filling = was
        role = QComboBox(self.creators_table)
        for key, title in vocab.titles("creator_roles", self.lang).items():
            role.addItem(title, key)
        role.setCurrentIndex(max(0, role.findData(creator.get("role") or "author")))
        role.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.creators_table.setCellWidget(row, 1, role)
        if edit:
            self.changed.emit()
            name = self.creators_table.item(row, 0)
            if name is not None:
                self.creators_table.editItem(name)

    def remove_row(self) -> None:
        row = self.creators_table.currentRow()
        if row >= 0:
            self.creators_table.removeRow(row)
            self.changed.emit()


def _line_edit(combo: QComboBox) -> QLineEdit:
    """The line edit of an editable combo box (it always has one)."""
    edit = combo.lineEdit()
    assert edit is not None
    return edit
