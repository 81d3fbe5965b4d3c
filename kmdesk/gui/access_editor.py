"""The access block of the record editor: who may read a record, under which cultural
protocols, and which Local Contexts labels and notices travel with it.

What the person may choose comes from an ``AccessContext`` read in the background from the
library (the unlocked profile, protocols, communities, custodians, cached Hub wording), so
the editor never asks the library anything on the GUI thread. The core still decides
(``Access.check_access_change`` runs when the record is saved); this widget only keeps people
from offering what would be refused, and never drops what it cannot show: a protocol on the
record that the editor is not a member of stays on it, ticked and locked (Mukurtu lost records
by letting editors drop protocols they could not see).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kmdesk.core import vocab
from kmdesk.core.store.records import ACCESS_LEVELS
from kmdesk.core.trust.access import SYNC_PROTOCOL
from kmdesk.gui import icon
from kmdesk.gui.access_words import label_icon, level_explanation, level_icon
from kmdesk.gui.qt import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

NameRole = Qt.ItemDataRole.UserRole
LockedRole = Qt.ItemDataRole.UserRole + 1


@dataclass
class AccessContext:
    """What the access block may offer, as the library said it in the background."""

    profile: dict[str, Any] | None = None          # ``library.access.unlocked_profile()``
    profiles: list[dict[str, Any]] = field(default_factory=list)    # ``library.access.profiles()``
    protocols: list[dict[str, Any]] = field(default_factory=list)   # ``library.access.protocols()``
    communities: list[str] = field(default_factory=list)
    hub_labels: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # code -> community wordings
    read_only: bool = False  # the library is on a medium kmdesk cannot write to (``Library.read_only``)

    @property
    def has_profiles(self) -> bool:
        return bool(self.profiles)

    @property
    def custodians(self) -> list[str]:
        """The profiles with the custodian role (who may be named on a sacred record)."""
        return [p["name"] for p in self.profiles if "custodian" in p["roles"]]

    @property
    def roles(self) -> set[str]:
        return set((self.profile or {}).get("roles") or [])

    @property
    def held(self) -> set[str]:
        return set((self.profile or {}).get("protocols") or [])

    def can_write(self) -> bool:
        """A library without profiles is open; otherwise a contributor or custodian is unlocked.
        Nobody writes to a read-only library."""
        return not self.read_only and (not self.has_profiles or bool(self.roles & {"custodian", "contributor"}))

    def applicable_protocols(self) -> list[str]:
        """Named cultural protocols this profile may put on a record: those it is a member of
        (a community's own members protocol is the ``community`` level, not listed here)."""
        return [p["name"] for p in self.protocols
                if p["name"] in self.held and not p.get("is_community") and p["name"] != SYNC_PROTOCOL]


def read_access_context(library: Library) -> AccessContext:
    """Everything the access block needs, in one background read."""
    profiles = library.access.profiles()
    hub: dict[str, list[dict[str, Any]]] = {}
    for project in library.labels.projects():
        for label in project["labels"]:
            hub.setdefault(label["code"], []).append({**label, "project": project["title"] or project["unique_id"]})
    return AccessContext(profile=library.access.unlocked_profile(), profiles=profiles, protocols=library.access.protocols(),
                         communities=[c["name"] for c in library.access.communities()], hub_labels=hub,
                         read_only=library.read_only)


class AccessEditor(QWidget):
    """Level (with what it means), community, protocols and their sharing, custodians, and
    labels. ``access()``/``set_access()`` and ``labels()``/``set_labels()`` are what the
    record editor binds for undo; ``changed`` fires on every edit a person makes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None, context: AccessContext, communities: Sequence[str] = (),
                 lang: str = "en") -> None:
        super().__init__(parent)
        self.context = context
        self.lang = lang
        self._loading = False
        self._label_order: list[str] = []
        levels = vocab.titles("access_levels", lang)

        level_box = QGroupBox(self.tr("Who may read this record"), self)
        self.level_group = QButtonGroup(self)
        self.level_buttons: dict[str, QRadioButton] = {}
        level_row = QHBoxLayout()
        for number, level in enumerate(ACCESS_LEVELS):
            button = QRadioButton(levels.get(level, level), level_box)
            button.setIcon(level_icon(level))
            self.level_group.addButton(button, number)
            self.level_buttons[level] = button
            level_row.addWidget(button)
        level_row.addStretch(1)
        self.explanation_label = QLabel(level_box)
        self.explanation_label.setWordWrap(True)
        self.permission_label = QLabel(level_box)
        self.permission_label.setWordWrap(True)
        self.permission_label.setStyleSheet("color: #6d4c41")
        level_layout = QVBoxLayout(level_box)
        level_layout.addLayout(level_row)
        level_layout.addWidget(self.explanation_label)
        level_layout.addWidget(self.permission_label)

        self.community_combo = QComboBox(self)
        self.community_combo.setEditable(True)
        self.community_combo.addItems(["", *sorted(set(communities) | set(context.communities), key=str.casefold)])
        self.community_combo.setToolTip(self.tr("The record's community (the same as on the Description page); "
                                                "a community record opens for its members."))

        self.protocols_box = QGroupBox(self.tr("Cultural protocols"), self)
        self.protocols_list = QListWidget(self.protocols_box)
        self.protocols_list.setMaximumHeight(110)
        self.sharing_all = QRadioButton(self.tr("Members of all ticked protocols"), self.protocols_box)
        self.sharing_any = QRadioButton(self.tr("Members of any one of them"), self.protocols_box)
        self.sharing_group = QButtonGroup(self)
        self.sharing_group.addButton(self.sharing_all)
        self.sharing_group.addButton(self.sharing_any)
        sharing_row = QHBoxLayout()
        sharing_row.addWidget(self.sharing_all)
        sharing_row.addWidget(self.sharing_any)
        sharing_row.addStretch(1)
        protocols_layout = QVBoxLayout(self.protocols_box)
        protocols_layout.addWidget(self.protocols_list)
        protocols_layout.addLayout(sharing_row)

        self.custodians_box = QGroupBox(self.tr("Custodians of this sacred record"), self)
        self.custodians_list = QListWidget(self.custodians_box)
        self.custodians_list.setMaximumHeight(80)
        QVBoxLayout(self.custodians_box).addWidget(self.custodians_list)

        labels_box = QGroupBox(self.tr("Local Contexts labels and notices"), self)
        self.labels_list = QListWidget(labels_box)
        self.label_detail = QLabel(labels_box)
        self.label_detail.setWordWrap(True)
        self.label_detail.setTextFormat(Qt.TextFormat.PlainText)
        labels_layout = QVBoxLayout(labels_box)
        labels_layout.addWidget(self.labels_list, 1)
        labels_layout.addWidget(self.label_detail)
        self._fill_labels()

        inner = QWidget(self)
        form = QFormLayout()
        form.addRow(self.tr("Community"), self.community_combo)
        layout = QVBoxLayout(inner)
        layout.addWidget(level_box)
        layout.addLayout(form)
        layout.addWidget(self.protocols_box)
        layout.addWidget(self.custodians_box)
        layout.addWidget(labels_box, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices in it, which it scrolls into view
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.level_group.idToggled.connect(self._level_toggled)
        self.sharing_group.buttonToggled.connect(self._sharing_toggled)
        for widget in (self.protocols_list, self.custodians_list, self.labels_list):
            widget.itemChanged.connect(lambda _item: self._emit())
        self.labels_list.currentItemChanged.connect(lambda item, _old: self._show_label(item))
        self.set_access({"level": "public", "protocols": [], "sharing": "all", "custodians": []})

    # -- levels ----------------------------------------------------------------------------------
    def level(self) -> str:
        return ACCESS_LEVELS[max(0, self.level_group.checkedId())]

    def _allowed_levels(self, current: str) -> set[str]:
        """What this profile could save: public always; community and restricted need an
        unlocked profile; sacred a custodian. The record's own level stays selectable."""
        allowed = {"public", current}
        if self.context.profile is not None:
            allowed |= {"community", "restricted"}
        if "custodian" in self.context.roles:
            allowed.add("sacred")
        return allowed

    def _level_toggled(self, _id: int, on: bool) -> None:
        if on:  # the button turned off fires too; only the one chosen counts
            self._update_enabled()
            self._emit()

    def _sharing_toggled(self, _button: QRadioButton, on: bool) -> None:
        if on:
            self._emit()

    def _update_enabled(self) -> None:
        level = self.level()
        self.explanation_label.setText(level_explanation(level))
        self.protocols_box.setEnabled(level == "restricted")
        self.custodians_box.setEnabled(level == "sacred")
        if self.context.profile is None:
            self.permission_label.setText(self.tr("Protecting a record needs an unlocked profile that holds the "
                                                  "community's or the protocols' keys."))
        elif level == "restricted" and not self.context.applicable_protocols():
            self.permission_label.setText(self.tr("You are not a member of any cultural protocol you could apply."))
        else:
            self.permission_label.setText("")
        self.permission_label.setVisible(bool(self.permission_label.text()))

    # -- reading and writing the value -----------------------------------------------------------
    def access(self) -> dict[str, Any]:
        """The access block as the core's record format has it."""
        level = self.level()
        protocols = [] if level == "public" else self._checked(self.protocols_list)
        return {"level": level, "protocols": protocols, "sharing": "any" if self.sharing_any.isChecked() else "all",
                "custodians": self._checked(self.custodians_list) if level == "sacred" else []}

    def set_access(self, access: dict[str, Any]) -> None:
        self._loading = True
        try:
            level = access.get("level") or "public"
            allowed = self._allowed_levels(level)
            for name, button in self.level_buttons.items():
                button.setEnabled(name in allowed)
            self.level_buttons.get(level, self.level_buttons["public"]).setChecked(True)
            (self.sharing_any if access.get("sharing") == "any" else self.sharing_all).setChecked(True)
            self._fill_protocols(list(access.get("protocols") or []))
            self._fill_custodians(list(access.get("custodians") or []))
            self._update_enabled()
        finally:
            self._loading = False

    def locked_protocols(self) -> list[str]:
        """Protocols on the record that this profile cannot apply or remove."""
        return [self.protocols_list.item(i).data(NameRole) for i in range(self.protocols_list.count())
                if self.protocols_list.item(i).data(LockedRole)]

    def set_protocol(self, name: str, on: bool = True) -> bool:
        """Tick or untick a protocol as a person would; False when it cannot be changed here."""
        for i in range(self.protocols_list.count()):
            item = self.protocols_list.item(i)
            if item.data(NameRole) == name and not item.data(LockedRole):
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return True
        return False

    def set_level(self, level: str) -> bool:
        button = self.level_buttons[level]
        if not button.isEnabled():
            return False
        button.setChecked(True)
        return True

    def _fill_protocols(self, on_record: list[str]) -> None:
        self.protocols_list.clear()
        kinds = {p["name"]: p["kind"] for p in self.context.protocols}
        for name in dict.fromkeys([*on_record, *self.context.applicable_protocols()]):
            item = QListWidgetItem(name, self.protocols_list)
            item.setData(NameRole, name)
            locked = name not in self.context.held
            item.setData(LockedRole, locked)
            item.setCheckState(Qt.CheckState.Checked if name in on_record else Qt.CheckState.Unchecked)
            if locked:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setIcon(icon("lock"))
                item.setToolTip(self.tr("You are not a member of this protocol, so it stays on the record as it is."))
            else:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setToolTip(self.tr("Open protocol: anyone with a profile may read, members may edit.")
                                if kinds.get(name) == "open" else self.tr("Strict protocol: members only."))

    def _fill_custodians(self, named: list[str]) -> None:
        self.custodians_list.clear()
        for name in dict.fromkeys([*named, *self.context.custodians]):
            item = QListWidgetItem(name, self.custodians_list)
            item.setData(NameRole, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in named else Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(widget: QListWidget) -> list[str]:
        return [widget.item(i).data(NameRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    # -- labels ----------------------------------------------------------------------------------
    def _fill_labels(self) -> None:
        data = vocab.local_contexts()
        for group in ("tk_labels", "bc_labels", "notices"):
            for entry in data[group]:
                code = entry["code"]
                item = QListWidgetItem(label_icon(code), self.tr("{code} · {name}").format(code=code, name=entry["name"]),
                                       self.labels_list)
                item.setData(NameRole, code)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setToolTip(self._label_words(code, entry))

    def _label_words(self, code: str, entry: dict[str, Any]) -> str:
        """The label's meaning, then each community's own wording from cached Hub projects."""
        meaning = entry.get("meaning") or {}
        lines = [meaning.get(self.lang) or meaning.get("en") or ""]
        if entry.get("sharing") == "forbids":
            lines.append(self.tr("This label forbids sharing with the CHM."))
        for custom in self.context.hub_labels.get(code, []):
            lines.append(self.tr("{community} ({language}), Hub project {project}: {text}").format(
                community=custom.get("community") or "", language=custom.get("language") or "?",
                project=custom["project"], text=custom.get("text") or custom.get("name") or ""))
        return "\n\n".join(line for line in lines if line)

    def _show_label(self, item: QListWidgetItem | None) -> None:
        self.label_detail.setText(item.toolTip() if item is not None else "")

    def labels(self) -> list[str]:
        """Ticked codes: those the record had first, in its order, then new ones."""
        ticked = self._checked(self.labels_list)
        return [c for c in self._label_order if c in ticked] + [c for c in ticked if c not in self._label_order]

    def set_labels(self, codes: list[str]) -> None:
        self._loading = True
        try:
            self._label_order = list(codes)
            for i in range(self.labels_list.count()):
                item = self.labels_list.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(NameRole) in codes else Qt.CheckState.Unchecked)
        finally:
            self._loading = False

    def set_label(self, code: str, on: bool = True) -> None:
        for i in range(self.labels_list.count()):
            item = self.labels_list.item(i)
            if item.data(NameRole) == code:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _emit(self) -> None:
        if not self._loading:
            self.changed.emit()
