"""The import dialog: preview of the first rows with a field choice per column, the duplicate
choice, then the import in a background job and its row-by-row report.

The dialog only holds choices; opening the file, the preview, the mapping and the import are
``kmdesk.core.io.importer`` calls run through ``run_in_background``. While the import runs the
dialog steps aside and its progress and Cancel sit in the window's status bar
(``ImportProgress``), so the window stays usable: searches and reading go on, and saves wait
on the writer until the import is done. The dialog comes back with the report, or with the
reason the import stopped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.core.io import importer, mapping
from kmdesk.core.io.source import Source
from kmdesk.core.store.records import display_title
from kmdesk.gui.dialogs import show_error
from kmdesk.gui.import_words import note_words, place_words, problem_words
from kmdesk.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.status_progress import StatusProgress
from kmdesk.gui.workers import Pool, Task, run_in_background

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

PREVIEW_ROWS = 10


class ImportProgress(StatusProgress):
    """An import's label, bar and Cancel in the window's status bar (``StatusProgress``)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.cancel_button.setToolTip(self.tr("Stop the import; nothing of it is kept."))
        self.setToolTip(self.tr("You can search and read meanwhile; changes you save wait until the import is done."))

    def start_import(self, name: str) -> None:
        self.label.setText(self.tr("Importing {name}…").format(name=name))
        self.start()

    def counted(self, done: int, total: int) -> str:
        return self.tr("{done} of {total} records imported").format(done=done, total=total)


class ImportDialog(QDialog):
    """``ImportDialog(parent, library, path, progress)``: ``progress`` (the window's status bar)
    shows the import running; ``finished_import`` carries the report."""

    finished_import = Signal(dict)

    def __init__(self, parent: QWidget | None, library: Library, path: Path, progress: ImportProgress,
                 fmt: str | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.path = Path(path)
        self.progress = progress
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed, it leaves the window nothing to keep
        self.source: Source | None = None
        self.report: dict[str, Any] | None = None
        self.combos: dict[str, QComboBox] = {}
        self.setWindowTitle(self.tr("Import {name}").format(name=self.path.name))
        self.resize(900, 560)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.duplicates = QComboBox(self)
        for choice, label in (("skip", self.tr("Skip it")), ("merge", self.tr("Merge it into the existing record")),
                              ("keep", self.tr("Keep both"))):
            self.duplicates.addItem(label, choice)
        self.language = QLineEdit("en", self)
        self.language.setToolTip(self.tr("Language of text columns that do not name one (BCP 47, e.g. en, es, fr)"))
        self.language.editingFinished.connect(self.refresh_preview)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setToolTip(self.tr("The passphrase the custodian sealed the archive's restricted records with"))
        self.passphrase.editingFinished.connect(self.reopen)
        self.fmt = fmt
        form = QFormLayout()
        form.addRow(self.tr("When a row duplicates a record:"), self.duplicates)
        form.addRow(self.tr("Language of the text:"), self.language)
        if (fmt or self.path.suffix.lower().lstrip(".")) == "kmd":
            form.addRow(self.tr("Archive passphrase (sealed records):"), self.passphrase)
        preview_page = QWidget(self)
        preview_layout = QVBoxLayout(preview_page)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(self.table)
        preview_layout.addLayout(form)
        self.result_tree = QTreeWidget(self)
        self.result_tree.setHeaderLabels([self.tr("Row"), self.tr("Result"), self.tr("Why")])
        self.result_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.result_label = QLabel(self)
        report_page = QWidget(self)
        report_layout = QVBoxLayout(report_page)
        report_layout.addWidget(self.result_label)
        report_layout.addWidget(self.result_tree)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(preview_page)
        self.pages.addWidget(report_page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        self.reopen()

    def reopen(self) -> None:
        """Read the file (again, when an archive's passphrase was typed)."""
        secret = self.passphrase.text() or None
        self.summary.setText(self.tr("Reading {name}…").format(name=self.path.name))
        run_in_background(self, lambda _task: importer.open_source(self.path, self.fmt, passphrase=secret), self._opened,
                          self._failed, progress=False, kind=Pool.READ)

    # -- preview ---------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(str(exc))
        show_error(self, exc)

    def _opened(self, source: Source) -> None:
        self.source = source
        self.import_button.setEnabled(True)
        columns = [] if source.fixed else source.columns
        self.table.setColumnCount(len(columns) + 1)
        self.table.setHorizontalHeaderLabels([*columns, self.tr("Becomes")])
        self.combos = {}
        for column in columns:
            combo = QComboBox(self.table)
            for target in mapping.targets():
                combo.addItem(self.target_label(target), target)
            chosen = source.mapping.get(column, "")
            if combo.findData(chosen) < 0:
                combo.addItem(self.target_label(chosen), chosen)
            combo.setCurrentIndex(combo.findData(chosen))
            combo.currentIndexChanged.connect(self.refresh_preview)
            self.combos[column] = combo
        self.refresh_preview()

    def column_map(self) -> dict[str, str]:
        return {column: combo.currentData() for column, combo in self.combos.items()}

    def set_mapping(self, column: str, target: str) -> None:
        combo = self.combos[column]
        if combo.findData(target) < 0:
            combo.addItem(self.target_label(target), target)
        combo.setCurrentIndex(combo.findData(target))

    def refresh_preview(self) -> None:
        if self.source is None:
            return
        rows = importer.preview(self.source, self.column_map() if self.combos else None, limit=PREVIEW_ROWS,
                                lang=self.language.text().strip() or "en")
        columns = list(self.combos)
        self.table.setRowCount(len(rows) + 1)
        for index, column in enumerate(columns):
            self.table.setCellWidget(0, index, self.combos[column])
        self.table.setVerticalHeaderLabels(["", *[place_words(row["place"], row["label"]) for row in rows]])
        for number, row in enumerate(rows, start=1):
            for index, column in enumerate(columns):
                self.table.setItem(number, index, QTableWidgetItem("; ".join(row["fields"].get(column, []))))
            if row["problem"]:
                outcome = problem_words(row["problem"], row["error"], self.target_label)
            else:
                outcome = display_title(row["record"], (self.language.text().strip() or "en",))
            item = QTableWidgetItem(outcome)
            item.setToolTip("\n".join(note_words(note) for note in row["note_problems"]))
            self.table.setItem(number, len(columns), item)
        errors = sum(1 for row in rows if row.get("error"))
        self.summary.setText(self.tr("{format} file: the first {count} rows as they would be imported ({errors} with "
                                     "problems). Choose the field each column goes to.").format(
            format=self.source.format.upper(), count=len(rows), errors=errors))

    def target_label(self, target: str) -> str:
        """A field name people read (the import's mapping targets are identifiers)."""
        names = {
            "": self.tr("(ignore this column)"), "id": self.tr("Identifier (UUID)"), "type": self.tr("Record type"),
            "resource_kind": self.tr("Resource kind"), "title": self.tr("Title"), "summary": self.tr("Summary"),
            "body": self.tr("Full text"), "community": self.tr("Community"), "date": self.tr("Date"),
            "year": self.tr("Year"), "licence": self.tr("Licence"), "source_url": self.tr("Link"),
            "access.level": self.tr("Access level"), "access.protocols": self.tr("Cultural protocols"),
            "keywords": self.tr("Keywords"), "subjects": self.tr("CBD subjects"), "countries": self.tr("Countries"),
            "places": self.tr("Places"), "languages": self.tr("Languages"), "labels": self.tr("Local Contexts labels"),
            "gbf_goals": self.tr("GBF goals"), "gbf_targets": self.tr("GBF targets"), "creators": self.tr("People"),
            "identifiers": self.tr("Identifier"),
        }
        field, _, qualifier = target.partition(":")
        name = names.get(field, field)
        return self.tr("{field} ({detail})").format(field=name, detail=qualifier) if qualifier else name

    # -- the import ------------------------------------------------------------------------
    def start_import(self) -> None:
        """Import in the background: the dialog steps aside, the status bar shows the import."""
        if self.source is None:
            return
        source, column_map = self.source, (self.column_map() if self.combos else None)
        on_duplicate, lang = self.duplicates.currentData(), self.language.text().strip() or "en"
        library = self.library
        self.import_button.setEnabled(False)
        self.hide()
        self.progress.start_import(self.path.name)

        def work(task: Task) -> dict[str, Any]:
            return importer.run(library, source, column_map=column_map, on_duplicate=on_duplicate, lang=lang,
                                progress=task.progress, cancel=task.cancelled)

        def failed(exc: BaseException) -> None:
            self.import_button.setEnabled(True)
            self.open()
            show_error(self, exc)

        run_in_background(self, work, self.show_report, failed, view=self.progress)

    def status_label(self, status: str) -> str:
        return {"imported": self.tr("imported"), "merged": self.tr("merged"), "skipped": self.tr("skipped"),
                "error": self.tr("not imported")}.get(status, status)

    def show_report(self, report: dict[str, Any]) -> None:
        self.report = report
        self.result_tree.clear()
        for row in report["rows"]:
            said = [problem_words(row["problem"], row["reason"], self.target_label)] if row["problem"] else []
            why = "; ".join(said + [note_words(note) for note in row["note_problems"]])
            QTreeWidgetItem(self.result_tree, [place_words(row["place"], row["label"]), self.status_label(row["status"]), why])
        counts = report["counts"]
        self.result_label.setText(self.tr("Imported: {imported} · merged: {merged} · skipped: {skipped} · "
                                          "not imported: {errors}").format(
            imported=counts.get("imported", 0), merged=counts.get("merged", 0), skipped=counts.get("skipped", 0),
            errors=counts.get("error", 0)))
        self.pages.setCurrentIndex(1)
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open()
        self.finished_import.emit(report)
