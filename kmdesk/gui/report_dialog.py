"""File › Report…: the GBF report of the public records, in the interface language, as PDF,
HTML or Markdown (the same report as ``kmdesk report``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kmdesk.core.insight import report
from kmdesk.gui.dialogs import show_error
from kmdesk.gui.library_model import target_titles
from kmdesk.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)
from kmdesk.gui.workers import Pool, Task, run_in_background
from kmdesk.render import report_writer
from kmdesk.render.localized import format_number

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


class ReportDialog(QDialog):
    """Choose the format and the targets, then where to save; written off the GUI thread."""

    def __init__(self, library: Library, lang: str, parent: QWidget | None = None,
                 record_languages: list[str] | None = None) -> None:
        super().__init__(parent)
        self.library, self.lang = library, lang
        self.record_languages = record_languages or [lang]
        self.setWindowTitle(self.tr("GBF report"))
        self.format_box = QComboBox(self)
        for label, fmt in ((self.tr("PDF document"), "pdf"), (self.tr("Web page (HTML)"), "html"),
                           (self.tr("Markdown text"), "md")):
            self.format_box.addItem(label, fmt)
        self.target_box = QComboBox(self)
        self.target_box.addItem(self.tr("All targets"), None)
        for number, title in sorted(target_titles(lang).items()):
            self.target_box.addItem(self.tr("{number} · {title}").format(number=format_number(number), title=title),
                                    number)
        note = QLabel(self.tr("The report holds public records only, whoever is unlocked."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.ask_path)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Targets:"), self.target_box)
        form.addRow(note)
        form.addRow(buttons)

    def ask_path(self) -> None:
        fmt = str(self.format_box.currentData())
        suffix = {"pdf": "PDF (*.pdf)", "html": "HTML (*.html)", "md": "Markdown (*.md)"}[fmt]
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("Save the report"), f"gbf-report.{fmt}", suffix)
        if path:
            self.write_to(Path(path), fmt)

    def write_to(self, path: Path, fmt: str) -> None:
        """Gather and write the report in the background; the dialog closes when it is written."""
        target = self.target_box.currentData()

        def work(_task: Task) -> None:
            gathered = report.gather(self.library, language=self.lang, target=target,
                                     record_languages=self.record_languages)
            report_writer.write(gathered, fmt, path)

        run_in_background(self, work, lambda _none: self.accept(), lambda exc: show_error(self, exc),
                          label=self.tr("Writing the report…"), kind=Pool.READ)
