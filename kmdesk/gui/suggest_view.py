"""Suggested GBF targets and CBD subjects in the record editor: "Suggest" asks
``core.suggest`` (off the window's thread) about the record as typed so far; each proposal
shows its evidence (similar records, the vocabulary's words) and is applied only when the
person clicks its "Add" button. Nothing is kept once the editor closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kmdesk.core import vocab
from kmdesk.core.chm.suggest import Suggestion
from kmdesk.gui.library_model import pick_text, target_titles
from kmdesk.gui.qt import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from kmdesk.gui.workers import Pool, run_in_background

MAX_EVIDENCE = 3


class SuggestionsBox(QGroupBox):
    """``compute(record) -> [Suggestion]`` runs in the background; ``apply(suggestion)`` on a click."""

    def __init__(self, compute: Callable[[dict[str, Any]], list[Suggestion]], record: Callable[[], dict[str, Any]],
                 apply: Callable[[Suggestion], None], languages: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Suggested targets and subjects"), parent)
        self.compute, self.record, self.apply = compute, record, apply
        self.languages = languages
        self.suggestions: list[Suggestion] = []
        self.add_buttons: list[QPushButton] = []
        self.suggest_button = QPushButton(self.tr("Suggest"), self)
        self.suggest_button.setToolTip(self.tr("Propose GBF targets and CBD subjects from similar tagged records "
                                               "and the vocabularies' own words; nothing is added without a click"))
        self.suggest_button.clicked.connect(self.ask)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.suggest_button)
        top.addWidget(self.status, 1)
        layout.addLayout(top)
        layout.addLayout(self.rows)

    def ask(self) -> None:
        record = self.record()  # read on the window's thread, computed off it
        self.suggest_button.setEnabled(False)
        self.status.setText(self.tr("Looking at similar records…"))
        run_in_background(self, lambda _task: self.compute(record), self._show, self._failed, progress=False, kind=Pool.READ)

    def _failed(self, exc: BaseException) -> None:
        self.suggest_button.setEnabled(True)
        self.status.setText(str(exc))

    def _show(self, found: list[Suggestion]) -> None:
        self.suggest_button.setEnabled(True)
        self.suggestions = found
        while (item := self.rows.takeAt(0)) is not None:
            row = item.layout()
            while row is not None and (cell := row.takeAt(0)) is not None:
                widget = cell.widget()
                if widget is not None:
                    widget.deleteLater()
        self.add_buttons = []
        for suggestion in found:
            row = QHBoxLayout()
            button = QPushButton(self.tr("Add"), self)
            button.clicked.connect(lambda _checked=False, s=suggestion, b=button: self._add(s, b))
            label = QLabel(self.describe(suggestion), self)
            label.setWordWrap(True)
            row.addWidget(button)
            row.addWidget(label, 1)
            self.rows.addLayout(row)
            self.add_buttons.append(button)
        self.status.setText(self.tr("Click Add for each one that fits.") if found else self.tr("No suggestion: add more text first."))

    def _add(self, suggestion: Suggestion, button: QPushButton) -> None:
        self.apply(suggestion)
        button.setEnabled(False)

    def describe(self, suggestion: Suggestion) -> str:
        """"Target 13 · … — like «Community seed bank guide»; words: seed, bank"."""
        lang = self.languages[0]
        if suggestion.kind == "gbf_target":
            name = self.tr("Target {number} · {title}").format(number=suggestion.value,
                                                              title=target_titles(lang).get(suggestion.value, ""))
        else:
            subjects = {s["identifier"]: vocab.title(s, lang) for s in vocab.cbd_subjects()}
            name = self.tr("Subject: {title}").format(title=subjects.get(suggestion.value, suggestion.value))
        evidence = [self.tr("like «{title}»").format(title=pick_text(r["title"], self.languages))
                    for r in suggestion.records[:MAX_EVIDENCE]]
        if suggestion.words:
            evidence.append(self.tr("words: {words}").format(words=", ".join(suggestion.words[:5])))
        return name + (" — " + "; ".join(evidence) if evidence else "")
