"""The record editor dialog: every editable field of a record, with undo and redo.

Texts (title, summary, body) get one tab per language and any BCP 47 tag can be added. Each
field is *bound* (a getter, a setter and the signal that says it changed), so one undo command
type serves every field: a change pushes ``FieldCommand(field, old, new)`` on the dialog's
``QUndoStack``, and typing on in the same field merges into one step. The text widgets' own
undo is switched off so Ctrl+Z means the same thing everywhere in the dialog.

The dialog validates with the core's ``records.normalize`` before it closes (the same rules
and messages as the CLI and importers) but does not save: the main window saves through the
writer worker, which keeps the database off the GUI thread and makes saved edits undoable.
When the core refuses the save (``check_access_change``: a protocol the editor may not apply
or remove), the window gives the dialog back with the reason shown in it (``show_failure``).
The access block (``access_editor.AccessEditor``) is one more page, bound like every field;
the Description, GBF and People pages are ``record_pages``, the undo commands ``record_undo``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.insight import places
from kmdesk.core.store import records as rec
from kmdesk.gui.access_editor import AccessContext, AccessEditor
from kmdesk.gui.dialogs import dialog_buttons, error_headline, error_label
from kmdesk.gui.keys import key_sequences
from kmdesk.gui.library_model import (
    is_language_tag,
    language_heading,
)
from kmdesk.gui.qt import (
    QAction,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QKeySequence,
    QLineEdit,
    QPlainTextEdit,
    Qt,
    QTabWidget,
    QToolBar,
    QToolButton,
    QUndoStack,
    QVBoxLayout,
    QWidget,
    Signal,
)
from kmdesk.gui.record_pages import CreatorsPage, DescriptionPage, GbfPage
from kmdesk.gui.record_undo import (
    AddLanguageCommand,
    Binding,
    FieldCommand,
    KeepUndoForStack,
    combo_data_parts,
    combo_text_parts,
    line_parts,
)
from kmdesk.gui.suggest_view import SuggestionsBox

TEXT_FIELDS = rec.TEXT_FIELDS
_SEPARATORS = re.compile(r"[,;،、，]")


def split_list(text: str) -> list[str]:
    """Comma-separated input (also the Arabic and CJK commas) -> tidy list."""
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


class RecordEditor(QDialog):
    """Create (``record=None``) or edit a record. After ``accepted`` (Save, Ctrl+Return) or
    ``saveRequested`` (Ctrl+S, the editor stays open): ``record_data()`` for a new record,
    ``changes()`` (field -> [old, new]) for an edit; ``saved(record)`` says it was saved."""

    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None, record: dict[str, Any] | None = None,
                 languages: Sequence[str] = ("en",), communities: Sequence[str] = (),
                 access: AccessContext | None = None) -> None:
        super().__init__(parent)
        self.original = record
        self.access_context = access or AccessContext()
        self._languages = tuple(languages) or ("en",)
        self.lang = self._languages[0]
        self._bindings: dict[str, Binding] = {}
        self._numbers: dict[str, int] = {}
        self._last: dict[str, Any] = {}
        self._applying = False
        self._text_widgets: dict[tuple[str, str], QLineEdit | QPlainTextEdit] = {}
        self._undo_filter = KeepUndoForStack(self)
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("New record") if record is None else self.tr("Edit record"))
        self.setSizeGripEnabled(True)
        self.resize(760, 640)

        self.pages = QTabWidget(self)
        self.pages.addTab(self._texts_page(), self.tr("Texts"))
        self.description_page = DescriptionPage(self, communities, self.lang, self._text_input)
        self.pages.addTab(self.description_page, self.tr("Description"))
        self.gbf_page = GbfPage(self, self.lang, self._languages)
        self.pages.addTab(self.gbf_page, self.tr("GBF"))
        self.people_page = CreatorsPage(self, self.lang)
        self.pages.addTab(self.people_page, self.tr("People"))
        self._expose_page_widgets()
        self.access_editor = AccessEditor(self, self.access_context, communities, self.lang)
        self.pages.addTab(self.access_editor, self.tr("Access and labels"))
        self._mirror_community()
        self.error_label = error_label(self)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self._undo_bar())
        layout.addWidget(self.pages)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        new_type = "traditional_knowledge"
        self._auto_level: str | None = self._default_level(new_type) if record is None else None
        self._load(record or {"type": new_type, "title": {self.lang: ""}, "access": {"level": self._auto_level}})
        self.type_combo.currentIndexChanged.connect(self._follow_default_access)
        own = (self.access_context.profile or {}).get("communities") or []
        if record is None and len(own) == 1:
            self.apply_value("community", own[0])  # a community level needs its community: the person's own
        self.text_widget("title", self.languages_shown()[0]).setFocus()  # typing starts with the title

    # -- undo machinery --------------------------------------------------------------------------
    def _undo_bar(self) -> QToolBar:
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcuts(key_sequences(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts(key_sequences(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"))
        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcuts(key_sequences(QKeySequence.StandardKey.Save))
        self.save_action.setToolTip(self.tr("Save and keep editing (Ctrl+S)"))
        self.save_action.triggered.connect(self.save)
        self.save_close_action = QAction(self.tr("Save and close"), self)
        self.save_close_action.setShortcuts(key_sequences("Ctrl+Return", "Ctrl+Enter"))
        self.save_close_action.triggered.connect(self.accept)
        self.addActions([self.save_action, self.save_close_action])
        bar = QToolBar(self)
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        return bar

    def save(self) -> None:
        """Ctrl+S: ask the window to save what is entered and stay open (``saved`` follows)."""
        if self.validate():
            self.saveRequested.emit()

    def saved(self, record: dict[str, Any]) -> None:
        """The library holds ``record`` now: later saves are edits of it, and nothing is unsaved."""
        self.original = record
        self.setWindowTitle(self.tr("Edit record"))
        self.undo_stack.setClean()

    def _bind(self, key: str, label: str, get: Callable[[], Any], set_: Callable[[Any], None], signal: Any) -> None:
        self._bindings[key] = Binding(get, set_, label)
        self._numbers.setdefault(key, len(self._numbers) + 1)
        self._last[key] = get()
        signal.connect(lambda *_: self._edited(key))

    def _edited(self, key: str) -> None:
        if self._applying or key not in self._bindings:
            return
        new = self._bindings[key].get()
        old = self._last[key]
        if new != old:
            self.undo_stack.push(FieldCommand(self, key, old, new))

    def apply_value(self, key: str, value: Any) -> None:
        """Put a value into a field's widget without recording it as a new edit."""
        binding = self._bindings.get(key)
        if binding is None:
            return
        self._applying = True
        try:
            if binding.get() != value:
                binding.set(value)
        finally:
            self._applying = False
        self._last[key] = value

    def binding_label(self, key: str) -> str:
        return self._bindings[key].label if key in self._bindings else key

    def field_number(self, key: str) -> int:
        return self._numbers.get(key, 0)

    def _text_input(self, widget: QLineEdit | QPlainTextEdit) -> QLineEdit | QPlainTextEdit:
        widget.installEventFilter(self._undo_filter)
        if isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)
        return widget

    # -- pages -----------------------------------------------------------------------------------
    def _texts_page(self) -> QWidget:
        page = QWidget(self)
        self.language_tabs = QTabWidget(page)
        add = QToolButton(page)
        add.setText(self.tr("Add language…"))
        add.setToolTip(self.tr("Add the title, summary and text in another language (any BCP 47 tag, e.g. quz, sw, pt-BR)"))
        add.clicked.connect(self.ask_language)
        self.language_tabs.setCornerWidget(add, Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(page)
        layout.addWidget(self.language_tabs)
        return page

    def _expose_page_widgets(self) -> None:
        """The pages' widgets as the editor's own attributes (what loading, binding and tests reach)."""
        page = self.description_page
        self.type_combo, self.kind_combo, self.keywords_edit = page.type_combo, page.kind_combo, page.keywords_edit
        self.community_combo, self.date_edit, self.licence_combo = page.community_combo, page.date_edit, page.licence_combo
        self.url_edit, self.languages_edit = page.url_edit, page.languages_edit
        self.countries_edit, self.places_edit = page.countries_edit, page.places_edit
        self.goal_checks, self.targets_list = self.gbf_page.goal_checks, self.gbf_page.targets_list
        self.creators_table = self.people_page.creators_table

    def _mirror_community(self) -> None:
        """The community shows on the Description page and in the access block (a community
        record opens for its members); both widgets hold one value, bound once for undo."""
        def follow(source: QComboBox, target: QComboBox) -> None:
            def copy(text: str) -> None:
                if target.currentText() != text:
                    target.setCurrentText(text)
            source.currentTextChanged.connect(copy)

        follow(self.access_editor.community_combo, self.community_combo)
        follow(self.community_combo, self.access_editor.community_combo)

    # -- languages -------------------------------------------------------------------------------
    def languages_shown(self) -> list[str]:
        return [str(self.language_tabs.tabBar().tabData(i)) for i in range(self.language_tabs.count())]

    def ask_language(self) -> None:
        tag, ok = QInputDialog.getText(self, self.tr("Add language"),
                                       self.tr("Language tag (BCP 47), for example quz, sw, ar, pt-BR:"))
        if ok:
            self.add_language(tag.strip())

    def add_language(self, tag: str) -> bool:
        """Add a language tab (undoable); False when the tag is not a language tag or is there."""
        if not is_language_tag(tag):
            self.show_error(self.tr("“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.").format(tag=tag))
            return False
        if tag in self.languages_shown():
            self.language_tabs.setCurrentIndex(self.languages_shown().index(tag))
            return False
        self.undo_stack.push(AddLanguageCommand(self, tag))
        return True

    def add_language_tab(self, tag: str) -> None:
        page = QWidget(self.language_tabs)
        form = QFormLayout(page)
        title = self._text_input(QLineEdit(page))
        summary = QPlainTextEdit(page)
        self._text_input(summary)
        summary.setTabChangesFocus(True)
        summary.setMaximumHeight(90)
        body = QPlainTextEdit(page)
        self._text_input(body)
        body.setTabChangesFocus(True)
        for widget in (title, summary, body):
            widget.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        form.addRow(self.tr("Title"), title)
        form.addRow(self.tr("Summary"), summary)
        form.addRow(self.tr("Text"), body)
        index = self.language_tabs.addTab(page, language_heading(tag, self.lang))
        self.language_tabs.tabBar().setTabData(index, tag)
        self.language_tabs.setTabToolTip(index, tag)
        self.language_tabs.setCurrentIndex(index)
        names = {"title": self.tr("title ({tag})"), "summary": self.tr("summary ({tag})"), "body": self.tr("text ({tag})")}
        for field, widget in (("title", title), ("summary", summary), ("body", body)):
            self._text_widgets[(field, tag)] = widget
            if isinstance(widget, QLineEdit):
                self._bind(f"{field}:{tag}", names[field].format(tag=tag), widget.text, widget.setText, widget.textChanged)
            else:
                self._bind(f"{field}:{tag}", names[field].format(tag=tag), widget.toPlainText, widget.setPlainText,
                           widget.textChanged)

    def remove_language_tab(self, tag: str) -> None:
        if tag not in self.languages_shown():
            return
        index = self.languages_shown().index(tag)
        page = self.language_tabs.widget(index)
        self.language_tabs.removeTab(index)
        if page is not None:
            page.deleteLater()
        for field in TEXT_FIELDS:
            self._text_widgets.pop((field, tag), None)
            self._bindings.pop(f"{field}:{tag}", None)
            self._last.pop(f"{field}:{tag}", None)

    def text_widget(self, field: str, tag: str) -> QLineEdit | QPlainTextEdit:
        return self._text_widgets[(field, tag)]

    def set_text(self, field: str, tag: str, text: str) -> None:
        """Fill a text field as typing would (adding the language first if needed)."""
        if tag not in self.languages_shown():
            self.add_language(tag)
        widget = self.text_widget(field, tag)
        if isinstance(widget, QLineEdit):
            widget.setText(text)
        else:
            widget.setPlainText(text)

    # -- loading and reading back ------------------------------------------------------------------
    def _load(self, record: dict[str, Any]) -> None:
        """Fill the widgets from a record, then bind them (so loading is not an undo step)."""
        tags = list(dict.fromkeys(t for f in TEXT_FIELDS for t in (record.get(f) or {}))) or [self.lang]
        preferred = [tag.split("-")[0] for tag in self._languages]
        tags.sort(key=lambda t: preferred.index(t.split("-")[0]) if t.split("-")[0] in preferred else len(preferred))
        for tag in tags:
            self.add_language_tab(tag)
            for field in TEXT_FIELDS:
                self.apply_value(f"{field}:{tag}", (record.get(field) or {}).get(tag, ""))
        self.language_tabs.setCurrentIndex(0)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(record.get("type"))))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(record.get("resource_kind"))))
        self.description_page.update_kind_enabled()
        self.keywords_edit.setText(", ".join(record.get("keywords") or []))
        self.community_combo.setCurrentText(record.get("community") or "")
        self.date_edit.setText(record.get("date") or "")
        self.licence_combo.setCurrentText(record.get("licence") or "")
        self.url_edit.setText(record.get("source_url") or "")
        self.languages_edit.setText(", ".join(record.get("languages") or []))
        self.countries_edit.setText(", ".join(record.get("countries") or []))
        self.places_edit.setText(", ".join(record.get("places") or []))
        for code, check in self.goal_checks.items():
            check.setChecked(code in (record.get("gbf_goals") or []))
        self.gbf_page.set_targets(record.get("gbf_targets") or [])
        self.subjects = list(record.get("subjects") or [])  # no widget of their own: suggestions add to them
        self.people_page.set_creators(record.get("creators") or [])
        self.access_editor.set_access(record.get("access") or {})
        self.access_editor.set_labels(record.get("labels") or [])
        self._bind_fields()

    def _bind_fields(self) -> None:
        line, combo, data = line_parts, combo_text_parts, combo_data_parts
        for key, label, parts in (
            ("type", self.tr("type"), data(self.type_combo)),
            ("resource_kind", self.tr("kind of resource"), data(self.kind_combo)),
            ("keywords", self.tr("keywords"), line(self.keywords_edit)),
            ("community", self.tr("community"), combo(self.community_combo)),
            ("date", self.tr("date"), line(self.date_edit)),
            ("licence", self.tr("licence"), combo(self.licence_combo)),
            ("source_url", self.tr("link"), line(self.url_edit)),
            ("languages", self.tr("languages"), line(self.languages_edit)),
            ("countries", self.tr("countries"), line(self.countries_edit)),
            ("places", self.tr("places"), line(self.places_edit)),
        ):
            self._bind(key, label, *parts)
        for code, check in self.goal_checks.items():
            self._bind(f"goal:{code}", self.tr("goal {code}").format(code=code), check.isChecked, check.setChecked,
                       check.toggled)
        self._bind("gbf_targets", self.tr("GBF targets"), self.gbf_page.targets, self.gbf_page.set_targets,
                   self.targets_list.itemChanged)
        self._bind("creators", self.tr("creators"), self.people_page.creators, self.people_page.set_creators,
                   self.people_page.changed)
        self._bind("access", self.tr("access"), self.access_editor.access, self.access_editor.set_access,
                   self.access_editor.changed)
        self._bind("labels", self.tr("labels"), self.access_editor.labels, self.access_editor.set_labels,
                   self.access_editor.changed)

    def _default_level(self, record_type: str | None) -> str:
        """The safe starting level for a new record of ``record_type`` (``records.default_access_level``:
        traditional knowledge stays with its community). Sealing needs an unlocked profile; without
        one the record starts public and the access page says why."""
        return rec.default_access_level(record_type) if self.access_context.profile is not None else "public"

    def _follow_default_access(self) -> None:
        """A new record's level follows its type until the person chooses a level themselves."""
        if self._auto_level is None or self._applying:
            return
        if self.access_editor.level() != self._auto_level:
            self._auto_level = None  # the person chose a level: it is theirs from now on
            return
        self._auto_level = self._default_level(self.type_combo.currentData())
        self.apply_value("access", {**self.access_editor.access(), "level": self._auto_level})

    def check_target(self, number: int, on: bool = True) -> None:
        """Tick a GBF target as a person would."""
        self.gbf_page.check_target(number, on)

    # -- suggestions and creators --------------------------------------------------------------------------------
    def offer_suggestions(self, compute: Callable[[dict[str, Any]], list[Any]]) -> SuggestionsBox:
        """Suggested targets and subjects on the GBF page; a click on Add applies one."""
        self.suggestions = SuggestionsBox(compute, self.record_data, self._apply_suggestion, self._languages, self)
        page = self.pages.widget(2)
        layout = page.layout() if page is not None else None
        assert layout is not None  # the GBF page's form, built with the dialog
        layout.addWidget(self.suggestions)
        return self.suggestions

    def _apply_suggestion(self, suggestion: Any) -> None:
        if suggestion.kind == "gbf_target":
            self.check_target(suggestion.value)
        elif suggestion.value not in self.subjects:
            self.subjects.append(suggestion.value)

    def set_creators(self, creators: list[dict[str, str]]) -> None:
        """Replace the creators as one undoable edit."""
        self.people_page.set_creators(creators)
        self._edited("creators")

    # -- the result ------------------------------------------------------------------------------
    def record_data(self) -> dict[str, Any]:
        """The record as entered (not yet validated)."""
        texts = {field: {tag: self._bindings[f"{field}:{tag}"].get() for tag in self.languages_shown()}
                 for field in TEXT_FIELDS}
        rtype = self.type_combo.currentData()
        return {
            **texts,
            "type": rtype,
            "resource_kind": self.kind_combo.currentData() if rtype == "resource" else None,
            "keywords": split_list(self.keywords_edit.text()),
            "gbf_goals": [code for code, check in self.goal_checks.items() if check.isChecked()],
            "gbf_targets": self.gbf_page.targets(),
            "subjects": list(self.subjects),
            "countries": [c.lower() for c in split_list(self.countries_edit.text())],
            "places": split_list(self.places_edit.text()),
            "languages": split_list(self.languages_edit.text()),
            "creators": [c for c in self.people_page.creators() if c["name"].strip()],
            "community": self.community_combo.currentText().strip() or None,
            "date": self.date_edit.text().strip() or None,
            "licence": self.licence_combo.currentText().strip() or None,
            "source_url": self.url_edit.text().strip() or None,
            "access": self.access_editor.access(),
            "labels": self.access_editor.labels(),
        }

    def changes(self) -> dict[str, list[Any]]:
        """For an edit: field -> [old, new] of what differs from the record as loaded."""
        clean = rec.normalize(self.record_data(), partial=True)
        return rec.diff(self.original or {}, clean)

    def validate(self) -> bool:
        try:
            rec.normalize(self.record_data(), partial=self.original is not None)
            for place in split_list(self.places_edit.text()):
                places.parse_place(place)  # coordinates that cannot be read would pin the place elsewhere
        except InvalidRecord as exc:
            self.show_error(f"{error_headline(exc)}\n{exc}")
            return False
        self.error_label.hide()
        return True

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def show_failure(self, exc: BaseException) -> None:
        """The library refused to save: say why here, on the page where it can be fixed."""
        self.show_error(f"{error_headline(exc)}\n{exc}")
        if getattr(exc, "code", None) == "access_denied" or getattr(exc, "params", {}).get("field") == "access":
            self.pages.setCurrentWidget(self.access_editor)

    def accept(self) -> None:
        """Close only with something the library will take (the core's own validation)."""
        if self.validate():
            super().accept()
