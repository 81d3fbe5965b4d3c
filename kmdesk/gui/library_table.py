"""The library table in the window's middle: its headings wrap instead of being cut, the access
and consent columns are icons (their words in the tooltip and to screen readers), rows are as
tall as the font, and the columns are fitted to the width in the interface's language.

A person who makes the system font larger (up to twice the size) gets taller rows and headings,
never letters cut at the top or the bottom: heights follow ``fontMetrics`` whenever the font
changes. Tab leaves the table (arrows move between rows), so the keyboard reaches the record pane.
"""

from __future__ import annotations

from kmdesk.gui.library_model import ICON_COLUMNS, Column, LibraryModel
from kmdesk.gui.qt import (
    QAbstractItemView,
    QEvent,
    QHeaderView,
    QMenu,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QShowEvent,
    QSize,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QTimer,
    QWidget,
)

FIT_MAX = 200  # px: a column fitted to its content is no wider (its tooltip has the rest)
TITLE_MIN = 220  # px: the title keeps at least this much beside long names of communities
TITLE_SHARE = 0.4  # ... or this share of the table, when more: titles are what people scan
TITLE_MIN_NARROW = 150  # px: ... and this much beside whole types and targets
TITLE_FLOOR = 100  # px: and whatever the squeezed columns leave, never less than this
COLUMN_MIN = 48  # px: a column squeezed to fit keeps this much (a few letters and the ellipsis)
ROW_PADDING = 8  # px above and below a row's text, together
HIDDEN_AT_FIRST = (Column.LANGUAGES,)  # the facet panel and the record view show languages
# Squeezed first, each by its share, when the columns do not all fit: names of communities and
# languages (long, and whole in the facets); then types and targets; a date or an icon elides
# badly and gives up width only when nothing else can
SQUEEZED_FIRST = (Column.COMMUNITY, Column.LANGUAGES)
SQUEEZED_NEXT = (Column.TYPE, Column.TARGETS)

Index = QModelIndex | QPersistentModelIndex


class WrappingHeader(QHeaderView):
    """Column headings that wrap onto more lines when their column is narrower than them
    (Russian "Целевые задачи ГРП" over a column of target numbers); the header grows as tall as
    its tallest heading, at any font size. A column narrower than a heading's longest word
    (a very large font) shows the heading on one line ended by "…", whole in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrapped, not cut to one line
        self.sectionResized.connect(self._relayout)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical: int) -> None:  # noqa: N802 (Qt's name)
        """Each heading is drawn wrapped, or elided when a word of it does not fit (not through
        ``setDefaultAlignment``: a header whose alignment holds the wrap flag can no longer
        restore its saved state)."""
        super().initStyleOptionForIndex(option, logical)
        if self.wraps(logical):
            option.textAlignment = option.textAlignment | Qt.TextFlag.TextWordWrap
        else:
            room = max(0, self.sectionSize(logical) - self._margins())
            option.text = self.fontMetrics().elidedText(option.text, Qt.TextElideMode.ElideRight, room)

    def wraps(self, logical: int) -> bool:
        """Whether the heading fits its column, wrapped at its spaces if need be."""
        return self.word_width(logical) <= self.sectionSize(logical)

    def heading(self, logical: int) -> str:
        model = self.model()
        return str(model.headerData(logical, self.orientation()) or "") if model is not None else ""

    def _margins(self) -> int:
        return 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self) + 2

    def word_width(self, logical: int) -> int:
        """The narrowest the column can be with its heading wrapped at spaces: its longest word."""
        words = self.heading(logical).split() or [""]
        metrics = self.fontMetrics()
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        return max(max(metrics.horizontalAdvance(word) for word in words), icon) + self._margins() + 4

    def text_height(self, logical: int, width: int) -> int:
        """How tall the heading is when wrapped in ``width`` pixels."""
        text = self.heading(logical)
        if not text or not self.wraps(logical):
            return self.fontMetrics().height()
        room = QRect(0, 0, max(1, width - self._margins()), 100_000)
        flags = self.defaultAlignment() | Qt.TextFlag.TextWordWrap
        return self.fontMetrics().boundingRect(room, int(flags.value), text).height()

    def sectionSizeFromContents(self, logical: int) -> QSize:  # noqa: N802 (Qt's name)
        size = super().sectionSizeFromContents(logical)
        if self.orientation() == Qt.Orientation.Horizontal and self.sectionSize(logical) > 0:
            size.setHeight(max(size.height(), self.text_height(logical, self.sectionSize(logical)) + self._margins()))
        return size

    def _relayout(self, *_args: int) -> None:
        """A column changed width: its heading may need another line, or one fewer."""
        if self.count():
            self.headerDataChanged(self.orientation(), 0, self.count() - 1)


class CellDelegate(QStyledItemDelegate):
    """A cell of the library table: text elided at its end (titles: in the middle, keeping how
    they start and end), or for an icon column the icon alone, centred."""

    def __init__(self, parent: QTableView, *, icon_only: bool = False,
                 elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self.icon_only = icon_only
        self.elide = elide

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802 (Qt's name)
        super().initStyleOption(option, index)
        option.textElideMode = self.elide
        if self.icon_only:
            option.text = ""
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDisplay
            option.decorationAlignment = Qt.AlignmentFlag.AlignCenter
            option.decorationPosition = QStyleOptionViewItem.Position.Top  # the whole cell is the icon's

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 (Qt's name)
        if self.icon_only:
            side = option.decorationSize
            return QSize(side.width() + 2 * ROW_PADDING, side.height() + ROW_PADDING)
        return super().sizeHint(option, index)


class LibraryTable(QTableView):
    """The records of the current search, one per row; ``fit_pending`` asks for the columns to be
    fitted to the next results (a first start, a new interface language) once the table is on
    screen with its width."""

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fit_pending = True
        self.setHorizontalHeader(WrappingHeader(self))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab goes on to the record pane; arrows move between rows
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        for column in Column:
            if column in ICON_COLUMNS:
                delegate = CellDelegate(self, icon_only=True)
            else:  # a long title keeps its start and its end
                elide = Qt.TextElideMode.ElideMiddle if column == Column.TITLE else Qt.TextElideMode.ElideRight
                delegate = CellDelegate(self, elide=elide)
            self.setItemDelegateForColumn(column, delegate)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column in HIDDEN_AT_FIRST:
            header.setSectionHidden(column, True)
        self._fitting = False
        header.sectionResized.connect(self._resized)
        self.setSortingEnabled(True)
        self.setAccessibleName(self.tr("Records"))
        self.setAccessibleDescription(self.tr("The records the search found, one per row. The arrow keys choose "
                                              "a record, Enter edits it, a right click on the headings chooses "
                                              "the columns."))
        self._fit_rows()

    def library_model(self) -> LibraryModel:
        model = self.model()
        assert isinstance(model, LibraryModel)
        return model

    def headings(self) -> WrappingHeader:
        header = self.horizontalHeader()
        assert isinstance(header, WrappingHeader)
        return header

    def fit_if_pending(self) -> None:
        """Fit the columns to the rows shown when a fit is due and the table has its width: one
        not yet on screen (behind the lock screen, before the window shows) fits when it is."""
        if self.fit_pending and self.isVisible():
            self.fit_pending = False
            self.fit_columns()

    def _resized(self, *_section: int) -> None:
        """A width set by the person (or the columns they chose) is theirs: never fitted over, and
        saved with the window (``MainWindow.save_settings``)."""
        if not self._fitting:
            self.fit_pending = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.fit_pending and self.model().rowCount():
            QTimer.singleShot(0, self.fit_if_pending)  # once the layout has given the table its width

    # -- sizes that follow the font --------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()

    def _fit_rows(self) -> None:
        """Rows as tall as a line of the current font (and its icons as large), so a font made
        twice as large is never cut at the top or the bottom."""
        line = self.fontMetrics().height()
        self.setIconSize(QSize(max(16, line), max(16, line)))
        self.verticalHeader().setMinimumSectionSize(line + ROW_PADDING)
        self.verticalHeader().setDefaultSectionSize(line + ROW_PADDING)
        self.headings()._relayout()

    # -- columns -------------------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Column widths from content, in the interface's language: each short column as wide as
        its longest loaded value and its heading (at most ``FIT_MAX``), the title the rest. A
        heading wraps at its spaces before its column is squeezed; when the columns still do not
        all fit beside the title (a long language, the sync panel open), the columns of names
        give up width first, each by its share (``SQUEEZED_FIRST``), down to their headings' longest
        word (until the title has ``TITLE_MIN`` or ``TITLE_SHARE`` of the table), then the title (down to ``TITLE_MIN_NARROW``), then types and targets, then every
        column: each stays in view, its text elided and whole in the tooltip, none cut by the edge."""
        header = self.headings()
        shown: list[Column] = [column for column in Column if column != Column.TITLE and not header.isSectionHidden(column)]
        contents = {column: self.sizeHintForColumn(column) for column in shown}
        width = self.viewport().width()
        title_min = max(TITLE_MIN, int(width * TITLE_SHARE))
        wants = {column: min(max(contents[column], header.sectionSizeHint(column)), FIT_MAX) for column in shown}
        if sum(wants.values()) > width - title_min:  # headings wrapped onto two lines
            wants = {column: min(max(contents[column], header.word_width(column)), FIT_MAX) for column in shown}
        floors = {column: max(COLUMN_MIN, min(header.word_width(column), want)) for column, want in wants.items()}
        self._squeeze(wants, {c: floors[c] for c in SQUEEZED_FIRST if c in wants}, sum(wants.values()) - width + title_min)
        title = max(TITLE_MIN_NARROW, min(title_min, width - sum(wants.values())))
        self._squeeze(wants, {c: floors[c] for c in SQUEEZED_NEXT if c in wants}, sum(wants.values()) - width + title)
        least = dict.fromkeys(wants, COLUMN_MIN)  # the last resort: every column down to a few letters
        self._squeeze(wants, least, sum(wants.values()) - width + TITLE_FLOOR)
        self._fitting = True
        try:
            for column, want in wants.items():
                header.resizeSection(column, want)
            header.resizeSection(Column.TITLE, max(TITLE_FLOOR, width - sum(wants.values())))
        finally:
            self._fitting = False

    @staticmethod
    def _squeeze(wants: dict[Column, int], floors: dict[Column, int], excess: int) -> None:
        """Take ``excess`` pixels from the columns of ``floors``, each in proportion to what it
        has above its floor, none below it."""
        spare = {column: wants[column] - floor for column, floor in floors.items() if wants[column] > floor}
        total = sum(spare.values())
        if excess <= 0 or total <= 0:
            return
        for column, above in spare.items():
            wants[column] -= min(above, -(-excess * above // total))  # rounded up: the sum covers the excess

    def _column_menu(self, position: QPoint) -> None:
        """Right-click on the headings: choose the columns shown (the title always is)."""
        header = self.horizontalHeader()
        model = self.library_model()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for column in Column:
            action = menu.addAction(model.column_name(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != Column.TITLE)
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.popup(header.mapToGlobal(position))
