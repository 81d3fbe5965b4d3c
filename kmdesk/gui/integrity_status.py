"""The status bar's integrity warning: rows changed outside kmdesk, a library older than when it
was last opened here, rows that wait to be signed. Shown at the start and again whenever the
session finds them: after a sync, a pull, an import or File › Check index, each of which runs
the library's own check (``Library.integrity`` and the rollback witness) off the GUI thread. A
button opens the details, each problem named by its record as ``kmdesk check`` names it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kmdesk.gui.qt import QHBoxLayout, QLabel, QMessageBox, QPushButton, Qt, QWidget
from kmdesk.gui.workers import Pool, run_in_background
from kmdesk.render.localized import format_number

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


@dataclass
class Findings:
    """What a check found: what went back (``Library.rollback``), whether rows wait to be
    signed, and each failing record or row, named."""

    went_back: list[str] = field(default_factory=list)
    unsigned: bool = False
    problems: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.went_back or self.unsigned or self.problems)


def find(library: Library) -> Findings:
    """The library's check, as ``kmdesk check`` runs it (call it off the GUI thread)."""
    library.rollback = library.witness()
    integrity = library.integrity()
    problems = [f"record {item['id']}: {item['problem']}" if item["id"] not in item["problem"] else item["problem"]
                for item in integrity.damaged]
    problems += [item["problem"] for item in integrity.rows]
    return Findings(list(library.rollback), integrity.unsigned, problems)


class IntegrityStatus(QWidget):
    """A warning and a Details… button in the status bar, hidden while nothing is wrong."""

    def __init__(self, library: Library, parent: QWidget) -> None:
        super().__init__(parent)
        self.library = library
        self.findings = Findings()
        self.label = QLabel(self)
        self.label.setObjectName("integrityWarning")
        self.details_button = QPushButton(self)
        self.details_button.clicked.connect(self.show_details)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.details_button)
        self.hide()

    def check(self) -> None:
        """Run the library's check in the read pool; the warning follows what it finds."""
        run_in_background(self, lambda _task: find(self.library), self.show_findings, lambda _exc: None,
                          progress=False, kind=Pool.READ)

    def recheck(self) -> None:
        """Check again what was found, when anything was: a custodian's unlock may have signed
        it, another profile may see more."""
        if self.findings:
            self.check()

    def show_findings(self, findings: Findings) -> None:
        self.findings = findings
        self.setVisible(bool(findings))
        if findings:
            self.retranslate()

    def retranslate(self) -> None:
        findings = self.findings
        parts = []
        if findings.problems:
            parts.append(self.tr("rows that failed their integrity check (changed outside kmdesk): {count}").format(
                count=format_number(len(findings.problems))))
        if findings.went_back:
            parts.append(self.tr("the library is older than when it was last opened here"))
        if findings.unsigned:
            parts.append(self.tr("its rows are not signed yet"))
        self.label.setText(self.tr("Integrity warning: {parts}").format(parts="; ".join(parts)))
        self.label.setAccessibleName(self.label.text())
        self.details_button.setText(self.tr("Details…"))
        self.details_button.setAccessibleName(self.tr("Integrity problems: details"))

    def show_details(self) -> QMessageBox:
        """Every problem, named by its record, and what a person can do about it."""
        findings = self.findings
        lines = [*findings.problems,
                 *(self.tr("Went back: {what}").format(what=line) for line in findings.went_back)]
        if findings.unsigned:
            lines.append(self.tr("Rows not signed yet: until a custodian unlocks the library, they are untrusted."))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Integrity problems"), self.tr(
            "kmdesk found rows it cannot trust. They are never used: a record that fails is quarantined, a "
            "consent that fails does not count, nothing that fails is shared. Restore the library from a "
            "backup or ask a custodian; \"kmdesk check\" lists the same problems."), QMessageBox.StandardButton.Close,
            self)
        box.setDetailedText("\n".join(lines))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
