"""The library table: a ``QAbstractTableModel`` over the current search results.

Twenty thousand records must scroll without lag, so a row is a small immutable tuple
(``RowData``) holding only what the columns need, and every displayed string is computed when
Qt asks for it, in the person's language. Rows reach the view in batches (``fetchMore``), and
sorting works on the tuples in Python, without asking the library again.

Search hits carry ids and titles; the other columns come from a catalogue of ``RowData`` for
every record, read once in the background (``load_catalogue``) and kept current after each
edit, so typing in the search box only reorders tuples that are already in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

import langcodes

from kmdesk.core import vocab
from kmdesk.core.consent import ConsentState
from kmdesk.core.errors import Cancelled
from kmdesk.core.records import ACCESS_LEVELS
from kmdesk.gui.access_words import (
    consent_icon,
    consent_state_explanation,
    consent_state_name,
    level_explanation,
    level_icon,
    record_consent_state,
)
from kmdesk.gui.localized import format_date, format_number
from kmdesk.gui.qt import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from kmdesk.gui.workers import Task

if TYPE_CHECKING:
    from kmdesk.core.store import Library

Index = QModelIndex | QPersistentModelIndex
CONSENT_STATES = tuple(state.value for state in ConsentState)


class RowData(NamedTuple):
    """One record as the table needs it: light, hashable, cheap to sort."""

    id: str
    title: dict[str, str]
    type: str
    resource_kind: str | None
    gbf_targets: tuple[int, ...]
    community: str
    date: str
    languages: tuple[str, ...]
    access: str
    sealed: bool
    consent: str = "none"  # the consent state today (``consent.ConsentState`` value)


def row_from_record(record: dict[str, Any]) -> RowData:
    return RowData(
        id=record["id"], title=dict(record.get("title") or {}), type=record.get("type") or "",
        resource_kind=record.get("resource_kind"), gbf_targets=tuple(record.get("gbf_targets") or ()),
        community=record.get("community") or "", date=record.get("date") or "",
        languages=tuple(record.get("languages") or ()), access=(record.get("access") or {}).get("level", "public"),
        sealed=bool(record.get("sealed")), consent=record_consent_state(record))


def row_from_hit(hit: Any) -> RowData:
    """A row from a search hit alone, until the catalogue knows the record."""
    return RowData(id=hit.id, title=dict(hit.title or {}), type="", resource_kind=None, gbf_targets=(),
                   community="", date="", languages=(), access="public", sealed=False)


def load_catalogue(library: Library, task: Task) -> dict[str, RowData]:
    """Every record the current profile may know of, as rows (run in the read pool)."""
    total = library.count()
    rows: dict[str, RowData] = {}
    for done, record in enumerate(library.iter_records(), start=1):
        if task.cancelled():
            raise Cancelled()
        rows[record["id"]] = row_from_record(record)
        task.progress(done, total)
    return rows


def pick_text(texts: dict[str, str], languages: Sequence[str]) -> str:
    """The text in the first of ``languages`` present (``pt`` also matches ``pt-BR``), else the
    first text there is: a record is never shown without a title because of language."""
    for lang in languages:
        if texts.get(lang):
            return texts[lang]
        for tag, text in texts.items():
            if text and tag.split("-")[0] == lang:
                return text
    return next((text for text in texts.values() if text), "")


def language_name(tag: str, ui_lang: str) -> str:
    """A language tag as words in the interface language (``quz`` -> "Cusco Quechua"), from the
    CLDR and IANA registries that ``langcodes``/``language_data`` carry; the tag itself when
    the registry has no name for it (a private-use code such as ``qaa``)."""
    try:
        language = langcodes.Language.get(tag)
    except (ValueError, LookupError):
        return tag
    return language.display_name(ui_lang) if language.has_name_data() else tag


def is_language_tag(tag: str) -> bool:
    """A well-formed BCP 47 tag naming a language (``quz``, ``mi``, ``zh-Hant``, ``es-419``,
    private-use ``qaa``); not ``und`` (no language) and not the POSIX ``fr_CA`` spelling."""
    if "_" in tag or not langcodes.tag_is_valid(tag):
        return False
    return langcodes.Language.get(tag).language not in (None, "und")


def country_name(code: str) -> str:
    """An ISO 3166 code as a country name (Qt's list, in English), else the code itself."""
    territory = QLocale.codeToTerritory(code.upper())
    return code.upper() if territory == QLocale.Country.AnyTerritory else QLocale.territoryToString(territory)


def target_titles(lang: str) -> dict[int, str]:
    return {item["number"]: vocab.title(item, lang) for item in vocab.gbf()["targets"]}


_ROOT = QModelIndex()  # the invisible root: a table's rows have no parent


class Column(IntEnum):
    TITLE = 0
    TYPE = 1
    TARGETS = 2
    COMMUNITY = 3
    DATE = 4
    LANGUAGES = 5
    ACCESS = 6
    CONSENT = 7


class LibraryModel(QAbstractTableModel):
    """Search results as table rows. ``set_hits`` replaces them (in relevance order, unless the
    person sorted by a column); ``upsert``/``remove`` follow single edits."""

    BATCH = 500
    IdRole = Qt.ItemDataRole.UserRole + 1
    AccessRole = Qt.ItemDataRole.UserRole + 2  # the access level key
    ConsentRole = Qt.ItemDataRole.UserRole + 3  # the consent state key

    def __init__(self, parent: QObject | None = None, languages: Sequence[str] = ("en",)) -> None:
        super().__init__(parent)
        self._catalogue: dict[str, RowData] = {}
        self._hits: list[RowData] = []     # relevance order, as the search returned them
        self._rows: list[RowData] = []     # display order
        self._loaded = 0
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._icons = {**{("access", level): level_icon(level) for level in ACCESS_LEVELS},
                       **{("consent", state): consent_icon(state) for state in CONSENT_STATES}}
        self.set_languages(languages)

    # -- content ------------------------------------------------------------------------------
    @property
    def catalogue_size(self) -> int:
        return len(self._catalogue)

    def set_catalogue(self, rows: dict[str, RowData]) -> None:
        self._catalogue = rows
        self._show([self._catalogue.get(row.id, row) for row in self._hits])

    def set_hits(self, hits: Iterable[Any]) -> None:
        self._show([self._catalogue.get(hit.id) or row_from_hit(hit) for hit in hits])

    def upsert(self, record: dict[str, Any]) -> None:
        """A record was added or edited: refresh its row in place (new ones wait for the next
        search to decide whether they match)."""
        row = row_from_record(record)
        self._catalogue[row.id] = row
        self._hits = [row if r.id == row.id else r for r in self._hits]
        for position, existing in enumerate(self._rows):
            if existing.id == row.id:
                self._rows[position] = row
                if position < self._loaded:
                    self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1))
                return

    def remove(self, record_id: str) -> None:
        self._catalogue.pop(record_id, None)
        self._show([row for row in self._hits if row.id != record_id])

    def _show(self, hits: list[RowData]) -> None:
        self.beginResetModel()
        self._hits = hits
        self._rows = self._sorted(hits)
        self._loaded = min(len(self._rows), self.BATCH)
        self.endResetModel()

    def set_languages(self, languages: Sequence[str]) -> None:
        """The order in which to look for a record's title (the person's language first)."""
        self.beginResetModel()
        self._languages = tuple(languages)
        lang = self._languages[0] if self._languages else "en"
        self._types = vocab.titles("types", lang)
        self._kinds = vocab.titles("resource_kinds", lang)
        self._levels = vocab.titles("access_levels", lang)
        self._targets = target_titles(lang)
        self.endResetModel()

    def result_count(self) -> int:
        """Rows in the current results (loaded into the view or not yet)."""
        return len(self._rows)

    def clear(self) -> None:
        """Forget every row (on lock: titles of records the next profile may not read go)."""
        self._catalogue = {}
        self._show([])

    def communities(self) -> list[str]:
        """Every community named in the library, for the editor's choices."""
        return sorted({row.community for row in self._catalogue.values() if row.community}, key=str.casefold)

    def record_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int | None:
        """The row showing ``record_id``, loading batches up to it if need be."""
        for position, row in enumerate(self._rows):
            if row.id == record_id:
                if position >= self._loaded:
                    self.beginInsertRows(QModelIndex(), self._loaded, position)
                    self._loaded = position + 1
                    self.endInsertRows()
                return position
        return None

    def title_of(self, row: RowData) -> str:
        return self.tr("Restricted record") if row.sealed else pick_text(row.title, self._languages)

    # -- Qt's side ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else self._loaded

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._loaded < len(self._rows)

    def fetchMore(self, parent: Index = _ROOT) -> None:
        more = min(self.BATCH, len(self._rows) - self._loaded)
        if more <= 0 or parent.isValid():
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.TITLE: self.tr("Title"),
            Column.TYPE: self.tr("Type"),
            Column.TARGETS: self.tr("GBF targets"),
            Column.COMMUNITY: self.tr("Community"),
            Column.DATE: self.tr("Date"),
            Column.LANGUAGES: self.tr("Languages"),
            Column.ACCESS: self.tr("Access"),
            Column.CONSENT: self.tr("Consent"),
        }.get(Column(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.ACCESS:
            return self._icons.get(("access", row.access))
        if role == Qt.ItemDataRole.DecorationRole and column == Column.CONSENT:
            return self._icons.get(("consent", row.consent))
        if role == self.IdRole:
            return row.id
        if role == self.AccessRole:
            return row.access
        if role == self.ConsentRole:
            return row.consent
        return None

    def _type_label(self, row: RowData) -> str:
        label = self._types.get(row.type, row.type)
        return f"{label} · {self._kinds.get(row.resource_kind, row.resource_kind)}" if row.resource_kind else label

    def _display(self, row: RowData, column: Column) -> str:
        if column == Column.TITLE:
            return self.title_of(row)
        if column == Column.TYPE:
            return self._type_label(row)
        if column == Column.TARGETS:
            return ", ".join(format_number(n) for n in row.gbf_targets)  # Arabic-Indic digits in Arabic
        if column == Column.COMMUNITY:
            return row.community
        if column == Column.DATE:
            return format_date(row.date)
        if column == Column.LANGUAGES:
            return ", ".join(row.languages)
        if column == Column.CONSENT:
            return consent_state_name(row.consent)
        return self._levels.get(row.access, row.access)

    def _tooltip(self, row: RowData, column: Column) -> str | None:
        if column == Column.TITLE:
            return self.title_of(row)
        if column == Column.ACCESS:
            return f"{self._levels.get(row.access, row.access)}: {level_explanation(row.access)}"
        if column == Column.CONSENT:
            return f"{consent_state_name(row.consent)}: {consent_state_explanation(row.consent)}"
        if column == Column.TARGETS and row.gbf_targets:
            return "\n".join(self.tr("Target {number}: {title}").format(number=n, title=self._targets.get(n, ""))
                             for n in row.gbf_targets)
        return None

    # -- sorting --------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; column -1 (a cleared sort indicator) is the search's relevance order."""
        self._sort_column, self._sort_order = column, order
        self._show(self._hits)

    def _sorted(self, rows: list[RowData]) -> list[RowData]:
        if self._sort_column < 0:
            return list(rows)
        column = Column(self._sort_column)
        return sorted(rows, key=lambda row: self._sort_key(row, column),
                      reverse=self._sort_order == Qt.SortOrder.DescendingOrder)

    def _sort_key(self, row: RowData, column: Column) -> Any:
        if column == Column.TARGETS:
            return row.gbf_targets or (99,)  # records without targets last
        if column == Column.ACCESS:
            return ACCESS_LEVELS.index(row.access) if row.access in ACCESS_LEVELS else len(ACCESS_LEVELS)
        if column == Column.LANGUAGES:
            return row.languages
        if column == Column.DATE:
            return row.date  # ISO dates sort in time order; the locale's words would not
        if column == Column.CONSENT:
            return CONSENT_STATES.index(row.consent) if row.consent in CONSENT_STATES else len(CONSENT_STATES)
        return self._display(row, column).casefold()
