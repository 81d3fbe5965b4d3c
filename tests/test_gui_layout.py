"""The window at 1280x800 is readable in the longest interface languages: no column of the list is
cut by its edge (with and without the sync panel); types, dates, access and consent are whole
(access and consent as icons, named in tooltips and to screen readers), headings wrap rather than
being cut, the side panes collapse and come back as wide as they were, the Matches tab wraps its
reasons, a dashboard count stays inside its chart, and a font twice as large cuts no text."""

from __future__ import annotations

import pytest

LONGEST = ["ru", "ar", "fr"]
SHOWN_IN_SHOTS = ["ru", "ar", "en", "zh"]


@pytest.fixture
def window_in(qtbot, demo_library, translated):
    """A factory: the demo library's window in ``language`` at 1280x800, its list filled."""
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.qt import QApplication
    from kmdesk.gui.settings import Settings
    from kmdesk.render.translations import install_translations

    def make(language: str, size: tuple[int, int] = (1280, 800)):
        install_translations(QApplication.instance(), language)
        window = MainWindow(demo_library, Settings(), language=language)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.session.browse()
        window.reload()
        qtbot.wait(10)
        return window

    return make


def text_margin(widget) -> int:
    """What a view leaves on each side of a cell's text (Qt's item text margin)."""
    from kmdesk.gui.qt import QStyle

    return widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


@pytest.mark.parametrize("language", LONGEST)
@pytest.mark.parametrize("panel", [False, True])
def test_every_column_is_in_view_at_1280_by_800(qtbot, window_in, language, panel):
    from kmdesk.gui.library_model import ICON_COLUMNS
    from kmdesk.gui.library_table import COLUMN_MIN

    window = window_in(language)
    if panel:
        window.sync_panel.show()
    qtbot.wait(50)  # the deferred fit after the panel opened
    window.table.fit_columns()
    header = window.table.horizontalHeader()
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    used = sum(header.sectionSize(c) for c in shown)
    assert len(shown) >= 7
    assert used <= window.table.viewport().width(), (language, panel, used, window.table.viewport().width())
    assert all(header.sectionSize(c) >= (window.table.iconSize().width() if c in ICON_COLUMNS else COLUMN_MIN)
               for c in shown)
    if panel:  # the record pane gave up its room, the facets kept a readable width
        assert window.splitter.sizes()[0] >= 120


@pytest.mark.parametrize("language", [*SHOWN_IN_SHOTS, "fr"])
def test_types_dates_and_headings_are_whole_at_1280_by_800(window_in, language):
    """Was: "Tradit…wledge", "Febr…2026", "N…t" in the cells, and in Russian the headings cut."""
    from kmdesk.gui.library_model import Column

    window = window_in(language)
    table, model = window.table, window.model
    header = table.headings()
    metrics, margin = table.fontMetrics(), 2 * text_margin(table)
    for column in (Column.TYPE, Column.DATE):
        width = header.sectionSize(column)
        cut = [text for row in range(model.rowCount())
               if metrics.horizontalAdvance(text := model.data(model.index(row, column)) or "") + margin > width]
        assert cut == [], (language, column.name, width)
    for column in range(header.count()):
        if not header.isSectionHidden(column):
            assert header.wraps(column), (language, header.heading(column), header.sectionSize(column))
            assert header.height() >= header.text_height(column, header.sectionSize(column))
    assert len(model.data(model.index(0, Column.DATE)) or "") <= 12  # the short form: "14.02.2026", "Feb 2026"


def test_access_and_consent_are_icons_named_in_tooltips_and_to_screen_readers(window_in):
    from kmdesk.gui.library_model import Column
    from kmdesk.gui.qt import QAccessible, Qt

    window = window_in("en")
    model, table = window.model, window.table
    horizontal = Qt.Orientation.Horizontal
    for column, name in ((Column.ACCESS, "Access"), (Column.CONSENT, "Consent")):
        assert model.headerData(column, horizontal) is None  # the heading is an icon...
        assert not model.headerData(column, horizontal, Qt.ItemDataRole.DecorationRole).isNull()
        assert model.headerData(column, horizontal, Qt.ItemDataRole.ToolTipRole) == name  # ...named here
        words = {model.data(model.index(row, column)) for row in range(model.rowCount())}
        widest = max(table.fontMetrics().horizontalAdvance(word) for word in words)
        assert table.sizeHintForColumn(column) < widest  # a cell is its icon, not its words
        tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith(model.data(model.index(0, column)) + ": ")
    face = QAccessible.queryAccessibleInterface(table)
    named = [face.child(i) for i in range(face.childCount())]
    headings = {child.text(QAccessible.Text.Name) for child in named if child.role() == QAccessible.Role.ColumnHeader}
    cells = {child.text(QAccessible.Text.Name) for child in named if child.role() == QAccessible.Role.Cell}
    assert {"Access", "Consent"} <= headings
    assert {"Public", "Valid", "No consent"} <= cells  # a screen reader says the words


def test_headings_wrap_and_the_widths_come_back(qtbot, window_in):
    from kmdesk.gui.library_model import Column

    window = window_in("ru")
    table = window.table
    header = table.headings()
    line = header.fontMetrics().height()
    header.resizeSection(Column.TARGETS, header.word_width(Column.TARGETS))
    qtbot.wait(10)
    assert header.heading(Column.TARGETS) == "Целевые задачи ГРП"
    assert header.height() >= 2 * line  # "Целевые / задачи ГРП"
    header.resizeSection(Column.TARGETS, 400)
    qtbot.wait(10)
    assert header.height() < 2 * line  # one line again
    header.resizeSection(Column.TARGETS, 111)
    state = header.saveState()
    header.resizeSection(Column.TARGETS, 222)
    assert header.restoreState(state) and header.sectionSize(Column.TARGETS) == 111  # the person's widths return


def test_the_side_panes_collapse_and_come_back_as_wide_as_they_were(qtbot, window_in, demo_library):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.qt import QPoint, Qt
    from kmdesk.gui.settings import Settings
    from kmdesk.gui.window_panes import FACETS, RECORD

    window = window_in("en")
    panes = window.panes
    handle = window.splitter.handle(1)  # between the facets and the list
    middle = QPoint(handle.width() // 2, handle.height() // 2)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, QPoint(middle.x() + 40, middle.y()))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(middle.x() + 40, middle.y()))
    wider = window.splitter.sizes()[FACETS]
    assert wider > 200 and panes.open_widths[FACETS] == wider
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, QPoint(-wider, middle.y()))  # dragged to the edge: it collapses
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(-wider, middle.y()))
    assert window.splitter.sizes()[FACETS] == 0 and not panes.facets_action.isChecked()
    panes.record_action.trigger()  # View › Record pane: the keyboard's way
    assert window.splitter.sizes()[RECORD] == 0
    window.close()

    again = MainWindow(demo_library, Settings(), language="en")
    qtbot.addWidget(again)
    again.show()
    assert again.splitter.sizes()[FACETS] == 0 and again.splitter.sizes()[RECORD] == 0
    assert not again.panes.facets_action.isChecked() and not again.panes.record_action.isChecked()
    again.panes.facets_action.trigger()
    assert again.splitter.sizes()[FACETS] == wider  # as wide as it was before it collapsed
    again.panes.record_action.trigger()
    assert again.splitter.sizes()[RECORD] > 0 and again.panes.record_action.isChecked()


def test_the_matches_tab_wraps_its_reasons(qtbot, window_in, demo_library):
    from kmdesk.gui.matches_view import WHY
    from kmdesk.gui.qt import QRect, Qt

    window = window_in("ru")
    need = next(hit.id for hit in demo_library.index.search("GPS grazing").hits)
    window.show_record_id(need)
    window.record_view.tabs.setCurrentWidget(window.matches_view)
    qtbot.wait(10)
    tree = window.matches_view.tree
    assert tree.topLevelItemCount() > 0
    metrics, wrapped = tree.fontMetrics(), 0
    for row in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(row)
        cell = tree.visualItemRect(item)
        for column in (0, WHY):  # the match's title and its reasons
            width = tree.columnWidth(column) - 2 * text_margin(tree)
            needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap,
                                          item.text(column)).height()
            assert cell.height() >= needed, (item.text(column), cell.height(), needed)  # every line shows
        wrapped += needed > metrics.height()
    assert wrapped  # the reasons are longer than one line here, and wrap


@pytest.mark.parametrize("direction", ["ltr", "rtl"])
@pytest.mark.parametrize("horizontal", [True, False])
def test_a_count_is_never_cut_at_the_charts_edge(qtbot, direction, horizontal):
    """Was: "2,0" for 2,018, the longest bar's count cut by the chart's edge."""
    import pyqtgraph as pg

    from kmdesk.gui.charts import Bar, BarChart
    from kmdesk.gui.qt import QApplication, Qt

    app = QApplication.instance()
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if direction == "rtl" else Qt.LayoutDirection.LeftToRight)
    try:
        chart = BarChart(horizontal=horizontal)
        qtbot.addWidget(chart)
        chart.set_bars([Bar("a", "Alpha", 2018, "#d32f2f"), Bar("b", "Beta", 7, "#1976d2")])
        for width in (460, 330):  # and again when the chart is made narrower
            chart.resize(width, 160)
            chart.show()
            qtbot.waitExposed(chart)
            qtbot.wait(10)
            box = chart.getPlotItem().getViewBox().sceneBoundingRect()
            labels = [item for item in chart.getPlotItem().items if isinstance(item, pg.TextItem)]
            assert len(labels) == 2
            for label in labels:
                drawn = label.sceneBoundingRect()
                assert box.left() <= drawn.left() and drawn.right() <= box.right(), (width, drawn, box)
                assert box.top() <= drawn.top(), (width, drawn, box)
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def twice_the_font(qapp):
    """The application font at twice its point size (a person's system font at 200%), put back after."""
    font = qapp.font()
    yield lambda: qapp.setFont(type(font)(font.family(), round(font.pointSizeF() * 2)))
    qapp.setFont(font)


@pytest.mark.parametrize("when", ["before", "after"])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_text_and_the_table_follow_a_font_twice_as_large(qtbot, window_in, twice_the_font, when, language):
    from kmdesk.gui.qt import QStyleOptionHeader

    if when == "before":
        twice_the_font()
    window = window_in(language)
    widgets = (window.search_edit, window.record_view.tabs.tabBar(), window.counts_label, window.facets.clear_button)
    if when == "after":  # the system font changed while the window was open
        twice_the_font()
    # the layouts follow within a few turns of the event loop
    qtbot.waitUntil(lambda: all(widget.height() >= widget.fontMetrics().height() for widget in widgets), timeout=2000)
    window.table.fit_columns()
    qtbot.wait(10)
    table = window.table
    line = table.fontMetrics().height()
    assert line >= 2 * 12  # the font is large indeed
    assert all(table.rowHeight(row) >= line for row in range(window.model.rowCount()))
    header = table.headings()
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        width = header.sectionSize(column)
        assert header.height() >= header.text_height(column, width), header.heading(column)
        option = QStyleOptionHeader()
        header.initStyleOptionForIndex(option, column)  # what is drawn: wrapped whole, or "…" at its end
        longest = max((header.fontMetrics().horizontalAdvance(word) for word in option.text.split()), default=0)
        assert longest <= width or option.text.endswith("…"), (option.text, width)
    facets = window.facets.tree
    assert facets.visualItemRect(facets.topLevelItem(0)).height() >= facets.fontMetrics().height()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_names_of_communities_give_way_to_titles(qtbot, window_in, language):
    """Was, in Chinese with the record open: "Seed store with humidity control" cut to "Seed sto…trol"
    beside a community column wide enough for "Hima al-Nada Bedouin Community" whole."""
    from kmdesk.gui.library_model import Column
    from kmdesk.gui.library_table import COLUMN_MIN, TITLE_SHARE

    window = window_in(language)
    window.table.selectRow(0)
    qtbot.wait(50)
    window.table.fit_columns()
    header = window.table.headings()
    width = window.table.viewport().width()
    assert header.sectionSize(Column.TITLE) >= int(width * TITLE_SHARE) or \
        header.sectionSize(Column.COMMUNITY) <= max(COLUMN_MIN, header.word_width(Column.COMMUNITY)), \
        (header.sectionSize(Column.TITLE), header.sectionSize(Column.COMMUNITY), width)


def test_a_window_closed_at_the_lock_screen_leaves_no_widths_to_come_back(qtbot, window_in, demo_library):
    """A first session closed before the list showed saved Qt's default widths as if the person
    had chosen them, so no later start fitted its columns: a title of 100 px beside an empty
    strip, the columns never fitted to their words."""
    from kmdesk.gui.library_model import Column
    from kmdesk.gui.library_table import TITLE_MIN_NARROW
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    locked = MainWindow(demo_library, Settings(), language="ru")
    qtbot.addWidget(locked)
    assert locked.table.fit_pending  # no results yet: nothing fitted
    locked.save_settings()
    window = window_in("ru")
    assert not window.table.fit_pending  # fitted to its first results, not restored
    table, model = window.table, window.model
    assert table.horizontalHeader().sectionSize(Column.TITLE) >= TITLE_MIN_NARROW
    width = table.horizontalHeader().sectionSize(Column.DATE)
    dates = [model.data(model.index(row, Column.DATE)) or "" for row in range(model.rowCount())]
    assert max(table.fontMetrics().horizontalAdvance(date) for date in dates) + 2 * text_margin(table) <= width
    window.table.horizontalHeader().resizeSection(Column.DATE, 150)  # the person's own width...
    window.save_settings()
    again = window_in("ru")
    assert again.table.horizontalHeader().sectionSize(Column.DATE) == 150  # ...comes back


def test_rows_that_arrive_before_the_window_is_shown_are_fitted_when_it_is(qtbot, demo_library):
    """The first page read before the window had its size (a first start fills the list, then
    shows the window) was fitted to the width of a table not yet laid out: a title cut to a few
    letters beside an empty strip, and never fitted again."""
    from kmdesk.gui.library_model import Column
    from kmdesk.gui.library_table import TITLE_MIN_NARROW
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    window = MainWindow(demo_library, Settings(), language="en")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.session.browse()
    window.reload()  # the test's workers deliver at once: before the window is on screen
    assert window.model.rowCount() and window.table.fit_pending
    window.show()
    qtbot.waitUntil(lambda: not window.table.fit_pending)
    header = window.table.horizontalHeader()
    assert header.sectionSize(Column.TITLE) >= TITLE_MIN_NARROW
    shown = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
    assert shown == window.table.viewport().width()
