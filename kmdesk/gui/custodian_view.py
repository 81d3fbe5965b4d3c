"""The custodian's view: communities, cultural protocols and their members, profiles, Local
Contexts Hub projects, and the audit log with a check of its hash chain.

Everything is read in one background job and every change is one job on the writer; after a
change the view reads again, so what it shows is what the library holds. Removing a member is
the heavy one: the protocol's key is rotated and every record it holds is re-sealed, so the
person is told how many records that is before saying yes, and it runs with progress.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.trust.profiles import ROLES
from kmdesk.gui.access_words import role_name, roles_text
from kmdesk.gui.audit_words import details_text, event_name, protocol_name, target_text
from kmdesk.gui.dialogs import (
    ERROR_COLOUR,
    dialog_buttons,
    error_headline,
    error_label,
    show_error,
    show_info,
)
from kmdesk.gui.library_model import pick_text
from kmdesk.gui.lock_screen import MIN_PASSPHRASE, passphrase_hint
from kmdesk.gui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from kmdesk.gui.workers import Pool, run_in_background
from kmdesk.render.localized import format_number, format_timestamp

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library
    from kmdesk.gui.session import ProfileSession

NameRole = Qt.ItemDataRole.UserRole
PROTOCOL_KINDS = ("strict", "open")  # Mukurtu's two kinds, as the core stores them


def _table(parent: QWidget, headers: list[str], stretch: int = 0) -> QTableWidget:
    """A read-only table whose column ``stretch`` takes the room the others leave."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """A cell ``_fill`` made (each has an item)."""
    item = table.item(row, column)
    assert item is not None
    return item


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(0)
    for values in rows:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(row, column, item)


class AddProfileDialog(QDialog):
    """A new local profile: name, passphrase twice, roles (the custodian tells the person
    their passphrase, who changes it at their first unlock)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a profile"))
        self.name_edit = QLineEdit(self)
        self.passphrase_edit = QLineEdit(self)
        self.repeat_edit = QLineEdit(self)
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_label = QLabel(self)
        self.passphrase_edit.textChanged.connect(lambda text: self.strength_label.setText(passphrase_hint(text)[1]))
        self.role_checks = {role: QCheckBox(role_name(role), self) for role in ROLES}
        self.role_checks["viewer"].setChecked(True)
        roles = QHBoxLayout()
        for check in self.role_checks.values():
            roles.addWidget(check)
        self.error_label = error_label(self)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Passphrase"), self.passphrase_edit)
        form.addRow("", self.strength_label)
        form.addRow(self.tr("Passphrase again"), self.repeat_edit)
        form.addRow(self.tr("Roles"), roles)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def profile(self) -> tuple[str, str, list[str]]:
        return (self.name_edit.text().strip(), self.passphrase_edit.text(),
                [role for role, check in self.role_checks.items() if check.isChecked()])

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        name, secret, roles = self.profile()
        if not name:
            self.show_error(self.tr("Give the profile a name."))
        elif len(secret) < MIN_PASSPHRASE:
            self.show_error(self.tr("The passphrase needs at least 8 characters."))
        elif secret != self.repeat_edit.text():
            self.show_error(self.tr("The two passphrases differ; type them again."))
        elif not roles:
            self.show_error(self.tr("Choose at least one role."))
        else:
            super().accept()


class AddProtocolDialog(QDialog):
    """A new cultural protocol: name, community, strict or open (Mukurtu's words)."""

    def __init__(self, parent: QWidget | None, communities: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a cultural protocol"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Women's knowledge, clan X"))
        self.community_combo = QComboBox(self)
        self.community_combo.addItem(self.tr("(across communities)"), None)
        for name in communities:
            self.community_combo.addItem(name, name)
        self.kind_combo = QComboBox(self)
        strict, open_ = PROTOCOL_KINDS
        self.kind_combo.addItem(self.tr("Strict: only members may see its records"), strict)
        self.kind_combo.addItem(self.tr("Open: anyone with a profile may see, members may edit"), open_)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Community"), self.community_combo)
        form.addRow(self.tr("Kind"), self.kind_combo)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def protocol(self) -> dict[str, Any]:
        return {"name": self.name_edit.text().strip(), "community": self.community_combo.currentData(),
                "kind": self.kind_combo.currentData()}


class CustodianView(QDialog):
    """A non-modal window for custodians. Public methods (``add_member``, ``remove_member``,
    ``verify_audit`` ...) are what its buttons call, and what tests drive."""

    def __init__(self, parent: QWidget, library: Library, session: ProfileSession) -> None:
        super().__init__(parent)
        self.library = library
        self.session = session
        self.data: dict[str, Any] = {}
        self.setWindowTitle(self.tr("Custodian's view"))
        self.resize(900, 600)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._protocols_page(), self.tr("Protocols and members"))
        self.tabs.addTab(self._communities_page(), self.tr("Communities"))
        self.tabs.addTab(self._profiles_page(), self.tr("Profiles"))
        self.tabs.addTab(self._labels_page(), self.tr("Local Contexts"))
        self.tabs.addTab(self._audit_page(), self.tr("Audit log"))
        self.result_label = QLabel(self)  # what the last change did
        self.result_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        self.reload()

    # -- pages -----------------------------------------------------------------------------------
    def _protocols_page(self) -> QWidget:
        page = QWidget(self)
        self.protocols_table = _table(page, [self.tr("Protocol"), self.tr("Kind"), self.tr("Community"),
                                             self.tr("Records"), self.tr("Key version")])
        self.protocols_table.itemSelectionChanged.connect(self._show_members)
        self.members_list = QListWidget(page)
        self.members_label = QLabel(self.tr("Members"), page)
        add_protocol = QPushButton(self.tr("Add protocol…"), page)
        add_protocol.clicked.connect(self.ask_add_protocol)
        self.add_member_button = QPushButton(self.tr("Add member…"), page)
        self.add_member_button.clicked.connect(self.ask_add_member)
        self.remove_member_button = QPushButton(self.tr("Remove member…"), page)
        self.remove_member_button.clicked.connect(self.ask_remove_member)
        members = QWidget(page)
        members_layout = QVBoxLayout(members)
        members_layout.setContentsMargins(0, 0, 0, 0)
        members_layout.addWidget(self.members_label)
        members_layout.addWidget(self.members_list, 1)
        members_layout.addWidget(self.add_member_button)
        members_layout.addWidget(self.remove_member_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(self.protocols_table)
        splitter.addWidget(members)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        row.addWidget(add_protocol)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _communities_page(self) -> QWidget:
        page = QWidget(self)
        self.communities_table = _table(page, [self.tr("Community"), self.tr("Country")])
        add = QPushButton(self.tr("Add community…"), page)
        add.clicked.connect(self.ask_add_community)
        layout = QVBoxLayout(page)
        layout.addWidget(self.communities_table, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _profiles_page(self) -> QWidget:
        page = QWidget(self)
        self.profiles_table = _table(page, [self.tr("Profile"), self.tr("Roles"), self.tr("Protocols"),
                                            self.tr("Created")], stretch=2)
        add = QPushButton(self.tr("Add profile…"), page)
        add.clicked.connect(self.ask_add_profile)
        passphrase = QPushButton(self.tr("Change my passphrase…"), page)
        passphrase.clicked.connect(self.session.change_passphrase)
        layout = QVBoxLayout(page)
        layout.addWidget(self.profiles_table, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(passphrase)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _labels_page(self) -> QWidget:
        page = QWidget(self)
        self.projects_table = _table(page, [self.tr("Hub project"), self.tr("Project id"), self.tr("Labels and notices"),
                                            self.tr("Cached")], stretch=2)
        import_button = QPushButton(self.tr("Import Hub project from file…"), page)
        import_button.clicked.connect(self.ask_import_project)
        note = QLabel(self.tr("A Local Contexts Hub project (API v2 JSON) brings the community's own wording and "
                              "language for its labels; it is kept here for offline use."), page)
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addWidget(self.projects_table, 1)
        row = QHBoxLayout()
        row.addWidget(import_button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _audit_page(self) -> QWidget:
        page = QWidget(self)
        self.audit_table = _table(page, [self.tr("#"), self.tr("When"), self.tr("Who"), self.tr("What"),
                                         self.tr("Target"), self.tr("Details")], stretch=5)
        verify = QPushButton(self.tr("Verify chain"), page)
        verify.clicked.connect(self.verify_audit)
        self.verify_label = QLabel(page)
        self.verify_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.audit_table, 1)
        row = QHBoxLayout()
        row.addWidget(verify)
        row.addWidget(self.verify_label, 1)
        layout.addLayout(row)
        return page

    # -- reading ---------------------------------------------------------------------------------
    def _pick_title(self, texts: dict[str, str]) -> str:
        return pick_text(texts, self.session.languages())

    def reload(self) -> None:
        def read(_task: Any) -> dict[str, Any]:
            return {"protocols": self.library.access.protocols(), "communities": self.library.access.communities(),
                    "profiles": self.library.access.profiles(), "projects": self.library.labels.projects(),
                    "audit": (audit := self.library.audit.events()),
                    "titles": self.library.records.titles({event["target"] for event in audit if event["target"]})}

        run_in_background(self, read, self._show, progress=False, kind=Pool.READ)

    def _show(self, data: dict[str, Any]) -> None:
        chosen = self.selected_protocol()
        self.data = data
        kinds = {"strict": self.tr("strict"), "open": self.tr("open")}
        _fill(self.protocols_table, [[protocol_name(p["name"]), kinds.get(p["kind"], p["kind"]), p["community"] or "",
                                      str(p["records"]), str(p["key_version"])] for p in data["protocols"]])
        for row, protocol in enumerate(data["protocols"]):
            _cell(self.protocols_table, row, 0).setData(NameRole, protocol["name"])
        _fill(self.communities_table, [[c["name"], (c["country"] or "").upper()] for c in data["communities"]])
        _fill(self.profiles_table, [[p["name"], roles_text(p["roles"]), ", ".join(map(protocol_name, p["protocols"])),
                                     format_timestamp(p["created_at"] or "")] for p in data["profiles"]])
        _fill(self.projects_table, [[p["title"], p["unique_id"], ", ".join(p["codes"]), format_timestamp(p["fetched_at"] or "")]
                                    for p in data["projects"]])
        for table, items in ((self.protocols_table, data["protocols"]), (self.communities_table, data["communities"]),
                             (self.profiles_table, data["profiles"])):
            for row, item in enumerate(items):  # a row that failed its check gives no key and decides nothing
                if item.get("problem"):
                    cell = _cell(table, row, 0)
                    cell.setText(self.tr("{name} (untrusted)").format(name=cell.text()))
                    cell.setToolTip(item["problem"])
        titles = data.get("titles", {})
        _fill(self.audit_table, [[format_number(e["seq"]), format_timestamp(e["at"]), e["actor"], event_name(e["action"]),
                                  target_text(e["target"], titles, self._pick_title), details_text(e["details"])]
                                 for e in reversed(data["audit"])])
        if chosen:
            self.select_protocol(chosen)
        self._show_members()

    def protocol(self, name: str) -> dict[str, Any] | None:
        return next((p for p in self.data.get("protocols", []) if p["name"] == name), None)

    def selected_protocol(self) -> str | None:
        rows = self.protocols_table.selectionModel().selectedRows() if self.protocols_table.selectionModel() else []
        return _cell(self.protocols_table, rows[0].row(), 0).data(NameRole) if rows else None

    def select_protocol(self, name: str) -> None:
        for row in range(self.protocols_table.rowCount()):
            if _cell(self.protocols_table, row, 0).data(NameRole) == name:
                self.protocols_table.selectRow(row)
                return

    def _show_members(self) -> None:
        name = self.selected_protocol()
        protocol = self.protocol(name) if name else None
        self.members_list.clear()
        self.members_label.setText(self.tr("Members of {protocol}").format(protocol=name) if name else self.tr("Members"))
        for member in (protocol or {}).get("members", []):
            item = QListWidgetItem(member, self.members_list)
            item.setData(NameRole, member)
        self.add_member_button.setEnabled(protocol is not None)
        self.remove_member_button.setEnabled(protocol is not None and bool(protocol["members"]))

    # -- changes ---------------------------------------------------------------------------------
    def _change(self, work: Callable[[], Any], message: Callable[[Any], str], *, label: str = "",
                progress: bool = False, membership: bool = False) -> None:
        """Run one change on the writer, say what it did (``message(result)``), then read
        again (and, when keys or profiles may have changed, the window too)."""
        def done(result: Any) -> None:
            self.result_label.setText(message(result))
            self.reload()
            if membership:
                self.session.membership_changed()

        run_in_background(self, lambda _task: work(), done, lambda exc: show_error(self, exc),
                          progress=progress, label=label, cancellable=False)

    def ask_add_community(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add a community"), self.tr("Name of the community:"))
        if not ok or not name.strip():
            return
        country, _ok = QInputDialog.getText(self, self.tr("Add a community"),
                                            self.tr("Its country (two-letter code, e.g. pe), or leave empty:"))
        self.add_community(name.strip(), country.strip().lower() or None)

    def add_community(self, name: str, country: str | None = None) -> None:
        self._change(lambda: self.library.access.add_community(name, country),
                     lambda _r: self.tr("Community {name} added.").format(name=name), membership=True)

    def ask_add_protocol(self) -> None:
        dialog = AddProtocolDialog(self, [c["name"] for c in self.data.get("communities", [])])
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.protocol()["name"]:
            self.add_protocol(**dialog.protocol())

    def add_protocol(self, name: str, community: str | None = None, kind: str = "strict") -> None:
        self._change(lambda: self.library.access.add_protocol(name, community=community, kind=kind),
                     lambda _r: self.tr("Protocol {name} added.").format(name=name), membership=True)

    def ask_add_member(self) -> None:
        protocol = self.protocol(self.selected_protocol() or "")
        if protocol is None:
            return
        others = [p["name"] for p in self.data.get("profiles", []) if p["name"] not in protocol["members"]]
        if not others:
            show_info(self, self.tr("Add member"), self.tr("Every profile is already a member of {protocol}.")
                      .format(protocol=protocol["name"]))
            return
        name, ok = QInputDialog.getItem(self, self.tr("Add member"), self.tr("Give the key of {protocol} to:")
                                        .format(protocol=protocol["name"]), others, 0, False)
        if ok:
            self.add_member(protocol["name"], name)

    def add_member(self, protocol: str, profile: str) -> None:
        self._change(lambda: self.library.access.add_member(protocol, profile),
                     lambda _r: self.tr("{profile} is now a member of {protocol}.").format(profile=profile,
                                                                                         protocol=protocol),
                     membership=True)

    def ask_remove_member(self) -> None:
        protocol = self.protocol(self.selected_protocol() or "")
        item = self.members_list.currentItem()
        if protocol is None or item is None:
            return
        if self.confirm_remove(protocol, item.data(NameRole)):
            self.remove_member(protocol["name"], item.data(NameRole))

    def confirm_remove(self, protocol: dict[str, Any], profile: str) -> bool:
        """Say what removal costs before doing it (a new key, every record re-sealed) and what it
        cannot do (take back what the member already synced or copied)."""
        answer = QMessageBox.question(
            self, self.tr("Remove member"),
            self.tr("Remove {profile} from {protocol}?\n\nThe protocol gets a new key and its {count} record(s) are "
                    "re-sealed with it, so the key {profile} held opens nothing written from now on. This can take a "
                    "while.").format(profile=profile, protocol=protocol["name"], count=protocol["records"]) + "\n\n"
            + self.tr("What {profile} already synced or copied stays readable to them: removal stops new keys, it "
                      "cannot take back what they hold.").format(profile=profile),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def remove_member(self, protocol: str, profile: str) -> None:
        self._change(lambda: self.library.access.remove_member(protocol, profile),
                     lambda count: self.tr("{profile} removed from {protocol}; the key was rotated and {count} "
                                           "record(s) re-sealed.").format(profile=profile, protocol=protocol, count=count),
                     membership=True, progress=True,
                     label=self.tr("Rotating the key of {protocol}…").format(protocol=protocol))

    def ask_add_profile(self) -> None:
        dialog = AddProfileDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_profile(*dialog.profile())

    def add_profile(self, name: str, passphrase: str, roles: list[str]) -> None:
        self._change(lambda: self.library.access.create_profile(name, passphrase, roles),
                     lambda _r: self.tr("Profile {name} added.").format(name=name), membership=True,
                     label=self.tr("Creating {name}…").format(name=name), progress=True)

    def ask_import_project(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import a Local Contexts Hub project"), "",
                                                    self.tr("Hub project (*.json);;All files (*)"))
        if path:
            self.import_project(Path(path))

    def import_project(self, path: Path) -> None:
        def work() -> str:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise InvalidRecord(f"{path.name}: cannot read a Hub project: {exc}") from None
            project = self.library.labels.import_project(data)
            return project.title or project.unique_id

        self._change(work, lambda title: self.tr("Hub project {title} imported.").format(title=title), membership=True)

    def verify_audit(self) -> None:
        def done(result: Any) -> None:
            if result.ok:
                self.verify_label.setStyleSheet("color: #2e7d32")
                self.verify_label.setText(self.tr("The audit log is intact: {count} events, none changed or removed.")
                                          .format(count=len(self.data.get("audit", []))))
            else:
                self.verify_label.setStyleSheet(f"color: {ERROR_COLOUR}")
                self.verify_label.setText(self.tr("The audit log was tampered with at event {seq}: {problem}")
                                          .format(seq=result.first_bad_seq, problem=result.problem))

        run_in_background(self, lambda _task: self.library.audit.verify(), done,
                          lambda exc: self.verify_label.setText(f"{error_headline(exc)} {exc}"),
                          progress=False, kind=Pool.READ)
