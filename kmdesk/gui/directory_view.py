"""The practitioner directory window: people and organizations, filtered by expertise (CBD
subject or GBF target), language and country; contact details only of those who consented to
be listed (``core.directory``), and "Export vCards…" of the listed, public ones only. Every
library call runs off the window's thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.core import vocab
from kmdesk.core.chm import directory
from kmdesk.gui.library_model import country_name, language_name, target_titles
from kmdesk.gui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.workers import Pool, run_in_background
from kmdesk.render.localized import format_date

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

IdRole = Qt.ItemDataRole.UserRole + 1


class DirectoryView(QDialog):
    """``open_requested(record_id)`` when a person activates an entry."""

    open_requested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None, languages: tuple[str, ...] = ("en",)) -> None:
        super().__init__(parent)
        self.library = library
        self.languages = languages
        self.entries: list[directory.Entry] = []
        self.setWindowTitle(self.tr("Practitioner directory"))
        self.resize(760, 520)
        lang = languages[0]
        self.expertise = QComboBox(self)
        # sized by the form, not by its longest subject (a Russian one made the window wider than 1280)
        self.expertise.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.expertise.setMinimumContentsLength(24)
        self.expertise.addItem(self.tr("Any expertise"), "")
        for subject in vocab.cbd_subjects():
            self.expertise.addItem(vocab.title(subject, lang), subject["identifier"])
        for number, title in sorted(target_titles(lang).items()):
            self.expertise.addItem(self.tr("Target {number} · {title}").format(number=number, title=title), str(number))
        self.language_edit = QLineEdit(self)
        self.language_edit.setPlaceholderText(self.tr("e.g. es, quz"))
        self.country_edit = QLineEdit(self)
        self.country_edit.setPlaceholderText(self.tr("e.g. pe, bo"))
        form = QFormLayout()
        form.addRow(self.tr("Expertise"), self.expertise)
        form.addRow(self.tr("Speaks"), self.language_edit)
        form.addRow(self.tr("Country"), self.country_edit)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Languages"), self.tr("Countries"), self.tr("Contact")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.itemActivated.connect(lambda item, _column: self.open_requested.emit(str(item.data(0, IdRole))))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.search_button = QPushButton(self.tr("Find"), self)
        self.search_button.setDefault(True)
        self.export_button = QPushButton(self.tr("Export vCards…"), self)
        self.search_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.ask_export)
        self.expertise.currentIndexChanged.connect(lambda _index: self.refresh())
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)

    def filters(self) -> dict[str, list[str]]:
        def split(text: str) -> list[str]:
            return [part.strip().lower() for part in text.replace(";", ",").split(",") if part.strip()]

        code = self.expertise.currentData()
        return {"expertise": [code] if code else [], "languages": split(self.language_edit.text()),
                "countries": split(self.country_edit.text())}

    def refresh(self) -> None:
        filters = self.filters()
        self.status.setText(self.tr("Looking…"))
        run_in_background(self, lambda _task: directory.entries(
                              self.library, langs=self.languages, expertise=filters["expertise"],
                              languages=filters["languages"], countries=filters["countries"]),
                          self._show, lambda exc: self.status.setText(str(exc)), progress=False, kind=Pool.READ)

    def _show(self, found: list[directory.Entry]) -> None:
        self.entries = found
        self.tree.clear()
        lang = self.languages[0]
        for entry in found:
            if not entry.listed:
                contact = self.tr("not listed (no consent to show contacts)")
            elif entry.consented_by:
                contact = self.tr("{contacts} (listed with the consent of {who}, {day})").format(
                    contacts=", ".join(entry.contacts.values()), who=entry.consented_by,
                    day=format_date(entry.consented_on) or "—")
            else:  # a sealed consent names nobody while locked
                contact = self.tr("{contacts} (listed with consent)").format(contacts=", ".join(entry.contacts.values()))
            name = entry.name if entry.source == "library" else self.tr("{title} (from the CHM)").format(title=entry.name)
            row = QTreeWidgetItem(self.tree, [name, ", ".join(language_name(t, lang) for t in entry.languages),
                                              ", ".join(country_name(c, lang) for c in entry.countries), contact])
            row.setData(0, IdRole, entry.id)
            for column in range(self.tree.columnCount()):  # an elided name or contact is whole in its tooltip
                row.setToolTip(column, row.text(column))
        for column in range(3):  # names, languages and countries as wide as they are, up to a quarter each
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), max(120, self.tree.viewport().width() // 4)))
        listed = sum(1 for e in found if e.listed)
        self.status.setText(self.tr("{count} people and organizations, {listed} listed with their consent.").format(
            count=len(found), listed=listed))
        self.export_button.setEnabled(any(e.listed and e.public for e in found))

    def ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export vCards"), "kmdesk-directory.vcf",
                                                    self.tr("vCard files (*.vcf)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Write the listed, public entries shown to ``path`` (off the window's thread)."""
        shown = list(self.entries)

        def work(_task: Any) -> tuple[int, int]:
            text, left_out = directory.vcards(shown)
            path.write_text(text, encoding="utf-8")
            return text.count("BEGIN:VCARD"), left_out

        run_in_background(self, work, lambda counts: self.status.setText(
            self.tr("{written} vCards written; {left} not listed or not public, left out.").format(
                written=counts[0], left=counts[1])), progress=False)
