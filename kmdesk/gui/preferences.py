"""The person's languages: the interface language and the order in which a record's texts are
looked for, chosen in the Preferences dialog and applied at once, and the locale that then
formats dates and numbers.

Qt translates a string when a widget is built, so a new interface language is applied by
building the main window again on the same open library (``rebuild_window``): the search text,
the ticked facets, the current record, the window's geometry and the unlocked profile (the
library holds it) carry over; the undo history of saved edits does not. The new translators,
``QLocale.setDefault`` and the layout direction (right-to-left for Arabic) are installed first,
so everything the new window builds is in the new language, mirrored when it should be.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kmdesk.core.store.records import base_language
from kmdesk.gui.dialogs import dialog_buttons, error_label
from kmdesk.gui.library_model import is_language_tag, language_heading, language_name
from kmdesk.gui.qt import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from kmdesk.gui.settings import INTERFACE_LANGUAGES, Settings
from kmdesk.render.translations import install_translations, installed_language

if TYPE_CHECKING:
    from kmdesk.gui.main_window import MainWindow

def parse_order(text: str) -> list[str]:
    """``"quz, es,en"`` -> ``["quz", "es", "en"]``; ValueError naming the first tag that is not
    a language tag."""
    tags = [tag.strip() for tag in text.replace(";", ",").split(",") if tag.strip()]
    for tag in tags:
        if not is_language_tag(tag):
            raise ValueError(tag)
    return list(dict.fromkeys(tags))


class PreferencesDialog(QDialog):
    """Interface language and the fallback order of record languages."""

    def __init__(self, parent: QWidget | None, settings: Settings, current: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.language_combo = QComboBox(self)
        for tag in INTERFACE_LANGUAGES:
            self.language_combo.addItem(language_heading(tag, tag), tag)  # each language in its own words
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(base_language(current))))
        self.order_edit = QLineEdit(", ".join(settings.language_order), self)
        self.order_edit.setPlaceholderText(self.tr("language tags, e.g. quz, es, en"))
        self.order_edit.textChanged.connect(self._describe_order)
        self.order_names = QLabel(self)
        self.order_names.setWordWrap(True)
        self.error_label = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Interface language"), self.language_combo)
        form.addRow(self.tr("Record languages, in order"), self.order_edit)
        form.addRow("", self.order_names)
        hint = QLabel(self.tr("A record's title and texts are shown in the interface language when the record "
                              "has it, else in the first of these languages it has. Any BCP 47 tag works, "
                              "e.g. quz (Cusco Quechua), mi (Maori), sw (Swahili)."), self)
        hint.setWordWrap(True)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._describe_order()

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def order(self) -> list[str]:
        return parse_order(self.order_edit.text())

    def _describe_order(self) -> None:
        try:
            tags = self.order()
        except ValueError as exc:
            self.order_names.clear()
            self.error_label.setText(self.tr("“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.")
                                     .format(tag=str(exc)))
            self.error_label.show()
            return
        self.error_label.hide()
        self.order_names.setText(" › ".join(language_name(tag, self.language()) for tag in tags))

    def accept(self) -> None:
        """Only a valid order closes the dialog; the error stays in view otherwise."""
        try:
            self.order()
        except ValueError:
            self.order_edit.setFocus()
            return
        super().accept()


def rebuild_window(window: MainWindow, language: str) -> MainWindow:
    """Install ``language`` and replace ``window`` by a new one built in it, on the same library,
    showing the same search, filters and record. The old window is closed (saving its geometry,
    which the new one restores) and announces its successor through ``replaced``."""
    app = QApplication.instance()
    install_translations(app, language)  # type: ignore[arg-type]
    query, filters, record_id = window.search_edit.text(), window.facets.filters(), window.current_record_id()
    window.save_settings()
    successor = type(window)(window.library, window.settings)
    successor.table.fit_pending = True  # widths fitted to the old language's words would clip the new one's
    if not window.session.locked_out():
        successor.session.browse()  # past the lock screen (unlocked, or browsing): stay past it
    successor.search_edit.blockSignals(True)
    successor.search_edit.setText(query)
    successor.search_edit.blockSignals(False)
    for facet, values in filters.items():
        for value in values:
            successor.facets.select(facet, value)
    if record_id:
        successor.show_record_id(record_id)
    successor.reload()
    if window.isVisible():
        successor.show()
    window.replaced.emit(successor)
    window.close()
    window.deleteLater()
    return successor


def apply_preferences(window: MainWindow, language: str, order: Sequence[str]) -> MainWindow:
    """Keep the choices and apply them: a new interface language rebuilds the window; a new
    record-language order only re-reads the titles and texts. Returns the window now in use."""
    settings = window.settings
    shown = installed_language() or base_language(settings.interface_language)
    changed_language = base_language(language) != shown
    settings.interface_language = language
    settings.language_order = list(order) or [base_language(language)]
    settings.sync()
    if changed_language:
        return rebuild_window(window, language)
    window.set_record_languages(settings.language_order)
    return window
