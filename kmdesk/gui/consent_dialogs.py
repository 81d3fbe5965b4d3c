"""Free, prior and informed consent in the window: a record's consent history with its state
at a glance (``ConsentPanel``), and the dialogs that record a consent and withdraw one.

History is append-only, as in the core: nothing here edits or deletes a consent; a change of
mind is a new consent or a withdrawal. The dialogs validate with the core's own
``consent.normalize_consent`` (the same rules and messages as the CLI and importers) and stay
open on a mistake; saving goes through the window's background writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kmdesk.core import vocab
from kmdesk.core.errors import InvalidRecord
from kmdesk.core.trust import consent
from kmdesk.gui.access_words import (
    consent_icon,
    consent_state_explanation,
    consent_state_name,
    record_consent_state,
)
from kmdesk.gui.dialogs import dialog_buttons, error_headline, error_label
from kmdesk.gui.qt import (
    QCheckBox,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSize,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.replace("،", ",").replace("、", ",").split(",") if part.strip()]


class OptionalDate(QWidget):
    """A date that may be left out: a tick box switches the date field on."""

    def __init__(self, parent: QWidget | None, label: str, on: bool = False) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.edit = QDateEdit(QDate.currentDate(), self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.setChecked(on)
        self.edit.setEnabled(on)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> str | None:
        return self.edit.date().toString("yyyy-MM-dd") if self.check.isChecked() else None

    def set_value(self, iso: str | None) -> None:
        self.check.setChecked(bool(iso))
        if iso:
            self.edit.setDate(QDate.fromString(iso, "yyyy-MM-dd"))


class RecordConsentDialog(QDialog):
    """Every field of an FPIC consent record (the ABS Clearing-House's PIC record as model).
    ``consent_data()`` is the normalised consent after ``accepted``."""

    def __init__(self, parent: QWidget | None, record_title: str, communities: Sequence[str] = (),
                 community: str | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record consent"))
        about = QLabel(self.tr("Consent for “{title}”. A consent is the community's whole decision at the time it "
                               "was given; it replaces earlier ones and is never edited afterwards.")
                       .format(title=record_title), self)
        about.setWordWrap(True)
        self.granted_by_edit = QLineEdit(self)
        self.granted_by_edit.setPlaceholderText(self.tr("the person or authority who gave consent"))
        self.community_combo = QComboBox(self)
        self.community_combo.setEditable(True)
        self.community_combo.addItems(["", *communities])
        self.community_combo.setCurrentText(community or "")
        self.process_edit = QLineEdit(self)
        self.process_edit.setPlaceholderText(self.tr("e.g. assembly of the ayllu, council of elders"))
        self.witnesses_edit = QLineEdit(self)
        self.witnesses_edit.setPlaceholderText(self.tr("names, separated by commas"))
        self.recipient_edit = QLineEdit(self)
        self.recipient_edit.setPlaceholderText(self.tr("who receives the knowledge"))
        self.informed_on = OptionalDate(self, self.tr("information shared on"))
        self.informed_language_edit = QLineEdit(self)
        self.informed_language_edit.setPlaceholderText(self.tr("e.g. Quechua (quz)"))
        self.informed_method_edit = QLineEdit(self)
        self.informed_method_edit.setPlaceholderText(self.tr("e.g. meeting with an interpreter, radio, written summary"))
        self.given_on = OptionalDate(self, self.tr("given on"), on=True)
        self.form_combo = QComboBox(self)
        for key, title in vocab.titles("consent_forms", lang).items():
            self.form_combo.addItem(title, key)
        scope_box = QGroupBox(self.tr("What the community agreed to"), self)
        scope_layout = QVBoxLayout(scope_box)
        self.scope_checks: dict[str, QCheckBox] = {}
        for item in vocab.record_types()["consent_scopes"]:
            check = QCheckBox(vocab.title(item, lang), scope_box)
            check.setToolTip(vocab.title({"title": item.get("description") or {}}, lang))
            scope_layout.addWidget(check)
            self.scope_checks[item["key"]] = check
        self.conditions_edit = QPlainTextEdit(self)
        self.conditions_edit.setPlaceholderText(self.tr("conditions the community set, in its words"))
        self.conditions_edit.setMaximumHeight(70)
        self.expires_on = OptionalDate(self, self.tr("expires on"))
        self.evidence_edit = QLineEdit(self)
        self.evidence_edit.setPlaceholderText(self.tr("the attachment or archive reference of the signed form or recording"))

        form = QFormLayout()
        form.addRow(self.tr("Granted by"), self.granted_by_edit)
        form.addRow(self.tr("For the community"), self.community_combo)
        form.addRow(self.tr("Community process"), self.process_edit)
        form.addRow(self.tr("Witnesses"), self.witnesses_edit)
        form.addRow(self.tr("Recipient"), self.recipient_edit)
        form.addRow(self.tr("Prior information"), self.informed_on)
        form.addRow(self.tr("Informed in (language)"), self.informed_language_edit)
        form.addRow(self.tr("Informed how"), self.informed_method_edit)
        form.addRow(self.tr("Consent given"), self.given_on)
        form.addRow(self.tr("Form"), self.form_combo)
        form.addRow(scope_box)
        form.addRow(self.tr("Conditions"), self.conditions_edit)
        form.addRow(self.tr("Expiry"), self.expires_on)
        form.addRow(self.tr("Evidence"), self.evidence_edit)
        self.error_label = error_label(self)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())

    def raw_data(self) -> dict[str, Any]:
        """What was entered, in the core's field names (not yet checked)."""
        return {
            "granted_by": self.granted_by_edit.text(),
            "community": self.community_combo.currentText(),
            "process": self.process_edit.text(),
            "witnesses": _names(self.witnesses_edit.text()),
            "recipient": self.recipient_edit.text(),
            "informed_on": self.informed_on.value(),
            "informed_language": self.informed_language_edit.text(),
            "informed_method": self.informed_method_edit.text(),
            "given_on": self.given_on.value(),
            "form": self.form_combo.currentData(),
            "scope": [key for key, check in self.scope_checks.items() if check.isChecked()],
            "conditions": self.conditions_edit.toPlainText(),
            "expires_on": self.expires_on.value(),
            "evidence": self.evidence_edit.text().strip() or None,
        }

    def consent_data(self) -> dict[str, Any]:
        return consent.normalize_consent(self.raw_data())

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        try:
            self.consent_data()
        except InvalidRecord as exc:
            self.show_error(f"{error_headline(exc)}\n{exc}")
            return
        super().accept()


class WithdrawConsentDialog(QDialog):
    """Withdraw consent: when, by whom, why; every standing consent or one of them.
    ``withdrawal()`` gives the core's keyword arguments after ``accepted``."""

    def __init__(self, parent: QWidget | None, record_title: str, standing: Sequence[dict[str, Any]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Withdraw consent"))
        about = QLabel(self.tr("Withdraw consent for “{title}”. The record will be retracted from the "
                               "Clearing-House at the next sync; the history keeps the consent and its withdrawal.")
                       .format(title=record_title), self)
        about.setWordWrap(True)
        self.which_combo = QComboBox(self)
        self.which_combo.addItem(self.tr("Every consent still standing"), None)
        for item in standing:
            self.which_combo.addItem(self.tr("Given {date} by {name}").format(date=item.get("given_on") or "?",
                                                                          name=item.get("granted_by") or ""), item["id"])
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.by_edit = QLineEdit(self)
        self.by_edit.setPlaceholderText(self.tr("the person or authority withdrawing it"))
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setMaximumHeight(80)
        self.error_label = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Consent"), self.which_combo)
        form.addRow(self.tr("Withdrawn on"), self.date_edit)
        form.addRow(self.tr("Withdrawn by"), self.by_edit)
        form.addRow(self.tr("Reason"), self.reason_edit)
        self.buttons = dialog_buttons(self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Withdraw"))
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def withdrawal(self) -> dict[str, Any]:
        return {"by": self.by_edit.text().strip(), "reason": self.reason_edit.toPlainText().strip() or None,
                "on": self.date_edit.date().toString("yyyy-MM-dd"), "consent_id": self.which_combo.currentData()}

    def accept(self) -> None:
        if not self.by_edit.text().strip():
            self.error_label.setText(self.tr("Say who withdrew the consent."))
            self.error_label.show()
            return
        super().accept()


def standing_consents(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The record's consents not yet withdrawn (what a withdrawal can still name)."""
    return [c for c in record.get("consents") or [] if not c.get("withdrawn_on")]


class ConsentPanel(QWidget):
    """A record's consent: the state today with its icon, then every consent and withdrawal,
    newest first. The buttons ask (signals); the window does the work."""

    recordRequested = Signal()
    withdrawRequested = Signal()

    def __init__(self, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang
        self.record: dict[str, Any] | None = None
        self.state_icon = QLabel(self)
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Given"), self.tr("Granted by"), self.tr("Allows"), self.tr("Expires"),
                                   self.tr("Withdrawn")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setRootIsDecorated(True)
        self.tree.setAccessibleName(self.tr("Consents"))
        self.record_button = QPushButton(self.tr("Record consent…"), self)
        self.record_button.clicked.connect(self.recordRequested.emit)
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"), self)
        self.withdraw_button.clicked.connect(self.withdrawRequested.emit)
        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #555")
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_icon)
        state_row.addWidget(self.state_label, 1)
        # stacked: side by side (in French) they kept the record pane too wide for the list beside
        # it when the sync panel opens
        buttons = QVBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.addLayout(state_row)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note_label)
        self.set_allowed(False)
        self.clear()

    def clear(self) -> None:
        self.record = None
        self.tree.clear()
        self.state_icon.clear()
        self.state_label.setText(self.tr("Select a record to see its consent."))
        self._update_buttons()

    def state(self) -> str:
        return record_consent_state(self.record) if self.record else "none"

    def standing(self) -> list[dict[str, Any]]:
        return standing_consents(self.record or {})

    def show_record(self, record: dict[str, Any]) -> None:
        self.record = record
        state = self.state()
        self.state_icon.setPixmap(consent_icon(state).pixmap(QSize(24, 24)))
        self.state_label.setText(f"{consent_state_name(state)}: {consent_state_explanation(state)}")
        scopes = vocab.titles("consent_scopes", self.lang)
        forms = vocab.titles("consent_forms", self.lang)
        self.tree.clear()
        for item in reversed(record.get("consents") or []):
            allows = ", ".join(scopes.get(s, s) for s in item.get("scope") or [])
            if not allows and item.get("sealed"):  # a locked reader has its dates only (consent.PLAIN_KEYS)
                allows = self.tr("(sealed)")
            withdrawn = item.get("withdrawn_on") or ""
            row = QTreeWidgetItem(self.tree, [item.get("given_on") or "?", item.get("granted_by") or "", allows,
                                              item.get("expires_on") or "", withdrawn])
            row.setToolTip(2, allows)
            details = [
                (self.tr("For the community"), item.get("community")),
                (self.tr("Community process"), item.get("process")),
                (self.tr("Witnesses"), ", ".join(item.get("witnesses") or [])),
                (self.tr("Recipient"), item.get("recipient")),
                (self.tr("Prior information"), item.get("informed_on")),
                (self.tr("Informed in (language)"), item.get("informed_language")),
                (self.tr("Informed how"), item.get("informed_method")),
                (self.tr("Form"), forms.get(item.get("form") or "", item.get("form"))),
                (self.tr("Conditions"), item.get("conditions")),
                (self.tr("Evidence"), item.get("evidence")),
                (self.tr("Recorded"), " · ".join(filter(None, [item.get("recorded_at"), item.get("recorded_by")]))),
                (self.tr("Withdrawn by"), item.get("withdrawn_by")),
                (self.tr("Reason for withdrawal"), item.get("withdrawal_reason")),
            ]
            for label, value in details:
                if value:
                    child = QTreeWidgetItem(row, [label, str(value)])
                    child.setToolTip(1, str(value))
        self.tree.expandAll()  # a consent is read whole: who, how, what for, on which conditions
        self._update_buttons()

    def set_allowed(self, allowed: bool, why: str | None = None) -> None:
        """Only an unlocked custodian records or withdraws consent (the community's decision);
        ``why``: another reason nobody may (a read-only library)."""
        self._allowed = allowed and why is None
        self.note_label.setText(why or ("" if allowed else self.tr("Recording and withdrawing consent needs an unlocked "
                                                                   "custodian profile.")))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_record = self.record is not None and not self.record.get("sealed")
        self.record_button.setEnabled(self._allowed and has_record)
        self.withdraw_button.setEnabled(self._allowed and has_record and bool(self.standing()))
