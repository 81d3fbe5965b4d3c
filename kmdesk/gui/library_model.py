"""The library table: a ``QAbstractTableModel`` over the current search results, loaded a page
at a time.

A library holds up to 100,000 records, so the table never holds them all: a search brings its
first page of rows (``set_results``), and when the view scrolls near the end Qt asks
``canFetchMore``/``fetchMore``; the model then announces ``more_wanted(page)`` and the window
reads that page from the core search in the background (``read_page``) and hands it over with
``add_page``. A row is a small immutable tuple (``RowData``) holding only what the columns
need, and every displayed string is computed when Qt asks for it, in the person's language.
Sorting by a column orders the rows loaded so far, without asking the library again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

import langcodes
from language_data.names import code_to_names

from kmdesk.core import vocab
from kmdesk.core.store.records import ACCESS_LEVELS
from kmdesk.core.trust.consent import ConsentState
from kmdesk.gui import icon
from kmdesk.gui.access_words import (
    consent_icon,
    consent_state_explanation,
    consent_state_name,
    level_explanation,
    level_icon,
    record_consent_state,
)
from kmdesk.gui.qt import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from kmdesk.render.localized import format_date, format_number
from kmdesk.render.territories import territory_name

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

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


def row_from_summary(summary: dict[str, Any]) -> RowData:
    """A row from what ``library.records.summaries`` reads of a record for the list."""
    return RowData(
        id=summary["id"], title=dict(summary["title"] or {}), type=summary["type"] or "",
        resource_kind=summary["resource_kind"], gbf_targets=tuple(summary["gbf_targets"] or ()),
        community=summary["community"] or "", date=summary["date"] or "", languages=tuple(summary["languages"] or ()),
        access=summary["access"], sealed=summary["sealed"], consent=summary["consent"])


def row_from_hit(hit: Any) -> RowData:
    """A row from a search hit alone (the record went away after the search answered)."""
    return RowData(id=hit.id, title=dict(hit.title or {}), type="", resource_kind=None, gbf_targets=(),
                   community="", date="", languages=(), access="public", sealed=False)


def read_page(library: Library, query: str, page: int, page_size: int,
              **options: Any) -> tuple[Any, list[RowData]]:
    """One page of a search and the rows that show it (run in the read pool). The rows come from
    the records themselves (type, community, access... are not in a search hit), read in one go as the
    table shows them (``records.summaries``: not whole records); a record gone since the search
    answered keeps the hit's row. No snippets: the one for the record opened is made when it is
    opened (``library.index.snippet``)."""
    results = library.index.search(query, page=page, limit=page_size, snippets=False, **options)
    shown = library.records.summaries(hit.id for hit in results.hits)
    return results, [row_from_summary(shown[hit.id]) if hit.id in shown else row_from_hit(hit)
                     for hit in results.hits]


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
    the registry has no name for it (a private-use code such as ``qaa``). A language named only
    in English (Kildin Sami) is named in English rather than shown as a code."""
    try:
        language = langcodes.Language.get(tag)
    except (ValueError, LookupError):
        return tag
    # code_to_names: does the registry name this language at all? (``has_name_data`` says whether
    # a language can name *others*: by that test Fijian and Kildin Sami would show as "fj" and "sjd")
    return language.display_name(ui_lang) if language.language and code_to_names(language.language) else tag


def language_heading(tag: str, ui_lang: str) -> str:
    """``language_name`` where it stands alone (a heading, a tab, a menu or list item): French,
    Spanish and Russian write language names in lower case inside a sentence ("anglais",
    "английский") and with a capital on their own, as their own software does."""
    name = language_name(tag, ui_lang)
    return name[:1].upper() + name[1:]


def is_language_tag(tag: str) -> bool:
    """A well-formed BCP 47 tag naming a language (``quz``, ``mi``, ``zh-Hant``, ``es-419``,
    private-use ``qaa``); not ``und`` (no language) and not the POSIX ``fr_CA`` spelling."""
    if "_" in tag or not langcodes.tag_is_valid(tag):
        return False
    return langcodes.Language.get(tag).language not in (None, "und")


def country_name(code: str, ui_lang: str) -> str:
    """An ISO 3166 code as the country's name in the interface language ("Перу" in Russian,
    not Qt's English "Peru"), else the code itself."""
    return territory_name(code, ui_lang.replace("_", "-"))


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


# Columns shown as an icon, their words in the tooltip and to screen readers; headings too
ICON_COLUMNS = {Column.ACCESS: "column-access", Column.CONSENT: "column-consent"}


class LibraryModel(QAbstractTableModel):
    """Search results as table rows, a page at a time. ``set_results`` starts a new answer with
    its first page; ``add_page`` appends a page the view asked for (``more_wanted``);
    ``upsert``/``remove`` follow single edits."""

    # About what the table shows at once (30 rows in the 1280x800 window, 40 maximised on a
    # 1080-line screen): each row of a page is verified before it shows, so the first page
    # costs what it shows; a taller table is not full, and Qt asks for the next page at once.
    PAGE = 40
    WHOLE = 100  # an answer this small is read whole: its first page shows, its others follow unasked
    IdRole = Qt.ItemDataRole.UserRole + 1
    AccessRole = Qt.ItemDataRole.UserRole + 2  # the access level key
    ConsentRole = Qt.ItemDataRole.UserRole + 3  # the consent state key
    more_wanted = Signal(int)  # the page (1-based) the view needs next

    def __init__(self, parent: QObject | None = None, languages: Sequence[str] = ("en",)) -> None:
        super().__init__(parent)
        self._hits: list[RowData] = []     # loaded rows in relevance order, as the search returned them
        self._rows: list[RowData] = []     # loaded rows in display order
        self._total = 0                    # rows the whole answer has
        self._asked: int | None = None     # the page asked for and not yet added
        self._pages = 0                    # pages of the answer loaded
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._icons = {**{("access", level): level_icon(level) for level in ACCESS_LEVELS},
                       **{("consent", state): consent_icon(state) for state in CONSENT_STATES}}
        self._heading_icons = {column: icon(name) for column, name in ICON_COLUMNS.items()}
        self.set_languages(languages)

    # -- content ------------------------------------------------------------------------------
    def set_results(self, rows: Iterable[RowData], total: int) -> None:
        """A new answer: its first page of rows, and how many it has in all."""
        self._total = total
        self._asked = None
        self._pages = 1
        self._show(list(rows))
        self._complete_small()

    def add_page(self, page: int, rows: Iterable[RowData]) -> None:
        """The page the view asked for arrived (a page of an older answer is ignored)."""
        if page != self._asked:
            return
        self._asked = None
        self._pages = page
        known = {row.id for row in self._hits}
        added = [row for row in rows if row.id not in known]
        if not added:
            self._total = len(self._hits)  # the answer shrank since it was counted: nothing more to ask
            return
        if self._sort_column >= 0:
            self._show(self._hits + added)
        else:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(added) - 1)
            self._hits.extend(added)
            self._rows.extend(added)
            self.endInsertRows()
        self._complete_small()

    def upsert(self, record: dict[str, Any]) -> None:
        """A record was added or edited: refresh its row in place (new ones wait for the next
        search to decide whether they match)."""
        row = row_from_record(record)
        self._hits = [row if r.id == row.id else r for r in self._hits]
        for position, existing in enumerate(self._rows):
            if existing.id == row.id:
                self._rows[position] = row
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1))
                return

    def remove(self, record_id: str) -> None:
        if any(row.id == record_id for row in self._hits):
            self._total -= 1
            self._show([row for row in self._hits if row.id != record_id])

    def _show(self, hits: list[RowData]) -> None:
        self.beginResetModel()
        self._hits = hits
        self._rows = self._sorted(hits)
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
        """Rows loaded so far (the answer may have more: ``total``)."""
        return len(self._rows)

    @property
    def total(self) -> int:
        return self._total

    def clear(self) -> None:
        """Forget every row (on lock: titles of records the next profile may not read go)."""
        self._total = 0
        self._asked = None
        self._pages = 0
        self._show([])

    def record_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int | None:
        """The row showing ``record_id``, if it is loaded."""
        return next((position for position, row in enumerate(self._rows) if row.id == record_id), None)

    def title_of(self, row: RowData) -> str:
        return self.tr("Restricted record") if row.sealed else pick_text(row.title, self._languages)

    # -- Qt's side ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._asked is None and len(self._hits) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        """Ask for the next page; it arrives through ``add_page`` once read in the background."""
        if not self.canFetchMore(parent):
            return
        self._asked = self._pages + 1
        self.more_wanted.emit(self._asked)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A column's heading: its name, or for the icon columns an icon named in the tooltip
        and to screen readers (a heading cut short reads whole in the tooltip too)."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.column_name(column)
        if role == Qt.ItemDataRole.DisplayRole:
            return None if column in ICON_COLUMNS else self.column_name(column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._heading_icons.get(column)
        return None

    def column_name(self, column: Column) -> str:
        return {
            Column.TITLE: self.tr("Title"),
            Column.TYPE: self.tr("Type"),
            Column.TARGETS: self.tr("GBF targets"),
            Column.COMMUNITY: self.tr("Community"),
            Column.DATE: self.tr("Date"),
            Column.LANGUAGES: self.tr("Languages"),
            Column.ACCESS: self.tr("Access"),
            Column.CONSENT: self.tr("Consent"),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
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
        """The type in words, with a resource's kind: "Resource · Guide"."""
        label = self._types.get(row.type, row.type)
        return f"{label} · {self._kinds.get(row.resource_kind, row.resource_kind)}" if row.resource_kind else label

    def _type_shown(self, row: RowData) -> str:
        """What the narrow type column shows: a resource by its kind alone ("Guide" says it is a
        resource), the whole label in the tooltip."""
        return self._kinds.get(row.resource_kind, row.resource_kind) if row.resource_kind else self._type_label(row)

    def _display(self, row: RowData, column: Column) -> str:
        if column == Column.TITLE:
            return self.title_of(row)
        if column == Column.TYPE:
            return self._type_shown(row)
        if column == Column.TARGETS:
            return ", ".join(format_number(n) for n in row.gbf_targets)  # Arabic-Indic digits in Arabic
        if column == Column.COMMUNITY:
            return row.community
        if column == Column.DATE:
            return format_date(row.date, QLocale.FormatType.ShortFormat)
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
        if column == Column.TYPE:
            return self._type_label(row)
        if column == Column.DATE:
            return format_date(row.date) or None  # the short form of the column, in words
        if column == Column.TARGETS and row.gbf_targets:
            return "\n".join(self.tr("Target {number}: {title}").format(number=n, title=self._targets.get(n, ""))
                             for n in row.gbf_targets)
        return self._display(row, column) or None  # a value cut short by a narrow column reads whole here

    # -- sorting --------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the loaded rows by a column; column -1 (a cleared sort indicator) is the search's
        relevance order (a page that arrives later is sorted in: ``add_page``)."""
        self._sort_column, self._sort_order = column, order
        self._show(self._hits)

    def _complete_small(self) -> None:
        """Ask for the next page of an answer of at most ``WHOLE`` hits: a small answer is all
        in the table (a sort orders all of it), but the rows shown first cost only a page."""
        if self._total <= self.WHOLE:
            self.fetchMore()

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
        if column == Column.TYPE:
            return self._type_label(row).casefold()  # resources together, by kind
        return self._display(row, column).casefold()
