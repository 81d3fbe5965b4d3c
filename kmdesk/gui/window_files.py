"""The main window's file actions: File › Import…, Export… and Report…, each whole-library job
run off the GUI thread with its progress. An import's progress and Cancel sit in the status bar
(``ImportProgress``), so the window stays usable while it runs; one import at a time.

Owned by ``MainWindow`` as ``window.files``; the window keeps thin methods (``import_file``,
``export_file``, ``export_filters``, ``ask_report`` ...) for its menus and the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.core.io import exporter, importer
from kmdesk.gui.dialogs import show_info
from kmdesk.gui.import_dialog import ImportDialog, ImportProgress
from kmdesk.gui.qt import QFileDialog, QObject
from kmdesk.gui.report_dialog import ReportDialog
from kmdesk.gui.workers import Task, run_in_background

if TYPE_CHECKING:
    from kmdesk.gui.main_window import MainWindow


class FilesController(QObject):
    """Import, export and report of one window's library."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.import_progress = ImportProgress(window)
        window.statusBar().addPermanentWidget(self.import_progress)

    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self.window, self.tr("Import"), "", self.tr(
            "Records (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Spreadsheets (*.csv *.tsv *.xlsx);;"
            "References (*.ris *.bib);;CHM documents or kmdesk library (*.json);;kmdesk archive (*.kmd);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """A kmdesk library file goes straight in; other formats open the import dialog first
        (preview, column mapping, duplicates)."""
        if self.import_progress.running():
            self.window.statusBar().showMessage(self.tr(
                "An import is running: start the next one when it is done (or cancel it in the status bar)."), 8000)
            return
        library = self.window.library
        if path.suffix.lower() == ".json" and importer.detect(path) == "json":
            def work(task: Task) -> dict[str, Any]:
                return importer.run(library, importer.open_source(path, "json"), progress=task.progress,
                                    cancel=task.cancelled)

            self.import_progress.start_import(path.name)
            run_in_background(self.window, work, self.imported, view=self.import_progress)
            return
        dialog = ImportDialog(self.window, library, path, self.import_progress)
        dialog.finished_import.connect(lambda _report: self.window.reload())
        dialog.open()

    def cancel_import(self) -> None:
        """Stop a running import (the window closes): it is one transaction, so nothing of it is kept."""
        if self.import_progress.running():
            self.import_progress.canceled.emit()

    def imported(self, report: dict[str, Any]) -> None:
        counts = report.get("counts", {})
        show_info(self.window, self.tr("Import finished"), self.tr(
            "Imported: {imported}\nAlready in the library (skipped): {skipped}\nNot imported because of errors: {errors}"
        ).format(imported=counts.get("imported", 0), skipped=counts.get("skipped", 0), errors=counts.get("error", 0)))
        self.window.reload()
        self.window.integrity.check()

    def export_filters(self) -> dict[str, str]:
        """File-dialog filter -> export format."""
        return {self.tr("kmdesk library (*.json)"): "json", self.tr("kmdesk archive with files (*.kmd)"): "kmd",
                self.tr("CSV spreadsheet (*.csv)"): "csv", self.tr("RIS references (*.ris)"): "ris",
                self.tr("BibTeX (*.bib)"): "bibtex", self.tr("CHM resource documents (*.json)"): "chm",
                self.tr("Dublin Core XML (*.xml)"): "dc"}

    def ask_export(self) -> None:
        filters = self.export_filters()
        path, chosen = QFileDialog.getSaveFileName(self.window, self.tr("Export"), "kmdesk-library.json",
                                                   ";;".join(filters))
        if path:
            self.export_file(Path(path), filters.get(chosen, "json"))

    def export_file(self, path: Path, fmt: str = "json") -> None:
        """Write the public records in ``fmt``; non-public ones never leave in clear."""
        library = self.window.library

        def work(task: Task) -> dict[str, Any]:
            return exporter.export(library, fmt, path, progress=task.progress, cancel=task.cancelled)

        def done(result: dict[str, Any]) -> None:
            show_info(self.window, self.tr("Export finished"), self.tr(
                "{count} public records written to {path}.\nRecords that are not public stay in this library."
            ).format(count=result["records"], path=str(path)))

        run_in_background(self.window, work, done, label=self.tr("Exporting to {name}…").format(name=path.name))

    def ask_report(self) -> ReportDialog:
        window = self.window
        dialog = ReportDialog(window.library, window.lang, window, window.languages)
        dialog.open()
        return dialog
