"""The dashboard's figures (``core.dashboard``): SQL counts over what a profile may count, each
bar filtering the library to exactly what it counted; and the dashboard window drawing them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import open_as_custodian

from kmdesk.core.chm.errors import RecordRejected
from kmdesk.core.chm.runner import Backoff, run_sync
from kmdesk.core.insight import dashboard
from kmdesk.core.insight.dashboard import Slice
from kmdesk.core.store import seed

PASS = {"Keeper": "keeper passphrase", "Weaver": "weaver passphrase", "Guest": "guest passphrase"}
TODAY = date(2026, 6, 1)
COUNTABLE = ["public", "community", "restricted"]


@pytest.fixture
def lib(tmp_path):
    library = open_as_custodian(tmp_path / "lib", PASS["Keeper"])
    library.access.create_profile("Weaver", PASS["Weaver"], ["contributor"])
    library.access.create_profile("Guest", PASS["Guest"], ["viewer"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire", kind="strict")
    library.access.add_member("Weavers' council", "Weaver")
    library.sync.add_target("chm", "chm", "http://127.0.0.1:9/", settings={"country": "pe"})
    yield library
    library.close()


def switch(lib, name):
    lib.lock()
    lib.unlock(name, PASS[name])


def add(lib, level="public", **extra):
    access = {"level": level}
    if level == "restricted":
        access["protocols"] = ["Weavers' council"]
    if level == "sacred":
        access["custodians"] = ["Keeper"]
    data = {"type": "traditional_knowledge", "title": {"es": "Tintes naturales"}, "community": "Ayllu Chawaytire",
            "gbf_targets": [22], "gbf_goals": ["C"], "countries": ["pe"], "languages": ["quz"], "date": "2024-03",
            "access": access, **extra}
    return lib.records.add(data)


def test_restricted_counts_only_for_those_who_may_see_it_and_sacred_never(lib):
    add(lib)
    add(lib, "restricted", gbf_targets=[5])
    add(lib, "sacred", gbf_targets=[5, 22], countries=["bo"])
    as_keeper = dashboard.figures(lib, TODAY)  # the sacred record's custodian
    assert as_keeper.total == 2 and as_keeper.targets[22] == 1 and as_keeper.targets[5] == 1
    assert "bo" not in as_keeper.countries  # the sacred record's country is never shown
    switch(lib, "Guest")  # not a member of the weavers' council
    as_guest = dashboard.figures(lib, TODAY)
    assert as_guest.total == 1 and as_guest.targets[22] == 1 and as_guest.targets[5] == 0
    switch(lib, "Weaver")
    as_weaver = dashboard.figures(lib, TODAY)
    assert as_weaver.total == 2 and as_weaver.targets[5] == 1 and as_weaver.targets[22] == 1
    assert as_weaver.countries == {"pe": 2}
    lib.lock()
    locked = dashboard.figures(lib, TODAY)
    assert locked.total == 1 and locked.targets[5] == 0


def test_every_target_and_goal_is_listed_even_when_nothing_covers_it(lib):
    add(lib, gbf_targets=[3, 22], gbf_goals=["A"])
    figures = dashboard.figures(lib, TODAY)
    assert list(figures.targets) == list(range(1, 24))
    assert figures.targets[3] == 1 and figures.targets[1] == 0
    assert figures.goals == {"A": 1, "B": 0, "C": 0, "D": 0}


def test_years_types_communities_and_languages(lib):
    add(lib, date="2019-05-02", languages=["quz", "es"], title={"es": "Tintes", "en": "Dyes"})
    add(lib, date="2019", type="practice", community=None)
    add(lib, date=None)
    figures = dashboard.figures(lib, TODAY)
    assert figures.years == {"2019": 2}
    assert figures.types == {"traditional_knowledge": 2, "practice": 1}
    assert figures.communities == {"Ayllu Chawaytire": 2}
    assert figures.languages == {"quz": 3, "es": 1}


def test_consent_valid_expiring_within_90_days_expired_and_withdrawn(lib):
    def consented(given, expires=None):
        record = add(lib)
        lib.consent.grant(record["id"], {"granted_by": "Council", "scope": ["share_chm"], "given_on": given,
                                         **({"expires_on": expires} if expires else {})})
        return record

    consented("2025-01-01")
    consented("2025-01-01", (TODAY + timedelta(days=60)).isoformat())
    consented("2025-01-01", (TODAY + timedelta(days=200)).isoformat())
    consented("2025-01-01", "2026-01-01")
    withdrawn = consented("2025-01-01")
    lib.consent.withdraw(withdrawn["id"], by="Council", reason="under review", on="2026-02-01")
    figures = dashboard.figures(lib, TODAY)
    assert figures.consent == {"valid": 2, "expiring": 1, "expired": 1, "withdrawn": 1}
    assert dashboard.slice_ids(lib, Slice("consent", "withdrawn"), TODAY) == [withdrawn["id"]]


def test_sharing_shared_waiting_refused_with_reasons_and_withdrawn(lib):
    class Target:
        def push(self, record):
            if record["title"].get("en") == "bad":
                raise RecordRejected([{"code": "required", "property": "country"}], "the CHM needs a country")

            class Result:
                revision, via = "1", "workflow"
            return Result()

        def retract(self, identifier):
            pass

    def consented(title):
        record = add(lib, title={"en": title})
        lib.consent.grant(record["id"], {"granted_by": "Council", "scope": ["share_chm"], "given_on": "2025-01-01"})
        return record

    sent, bad, gone, waiting = (consented(t) for t in ("sent", "bad", "gone", "waiting"))
    lib.sync.share([sent["id"], bad["id"], gone["id"]])
    run_sync(lib, "chm", client=Target(), sleep=lambda s: None, backoff=Backoff(base=0.0))
    lib.consent.withdraw(gone["id"], by="Council", reason="no longer")
    run_sync(lib, "chm", client=Target(), sleep=lambda s: None, backoff=Backoff(base=0.0))
    lib.sync.share([waiting["id"]])
    figures = dashboard.figures(lib, TODAY)
    assert figures.sharing == {"shared": 1, "waiting": 1, "refused": 1, "withdrawn": 1}
    assert len(figures.refusals) == 1 and "country" in figures.refusals[0][0] and figures.refusals[0][1] == 1
    assert dashboard.slice_ids(lib, Slice("sharing", "refused")) == [bad["id"]]
    assert dashboard.filters(lib, Slice("sharing", "shared")) == {"id": [sent["id"]]}


def test_a_record_withdrawn_from_two_chms_counts_once_as_its_bar_lists_it(lib):
    """"Withdrawn" gathers two of the sync's states (retracted, not eligible): a record in one
    state at one CHM and in the other at a second is one withdrawn record, not two."""
    from kmdesk.core.store.model import RemoteState

    lib.sync.add_target("chm2", "chm", "http://127.0.0.1:9/", settings={"country": "pe"})
    record = add(lib, title={"en": "twice gone"})
    with lib.writing() as session:
        for target, status in (("chm", "retracted"), ("chm2", "not_eligible")):
            session.add(RemoteState(record_id=record["id"], target=target, status=status, updated_at="2026-01-01"))
    assert dashboard.figures(lib, TODAY).sharing["withdrawn"] == 1
    assert dashboard.slice_ids(lib, Slice("sharing", "withdrawn")) == [record["id"]]


def test_every_bar_filters_the_library_to_exactly_what_it_counts(demo_library):
    """On the demo library, unlocked as its custodian: for each bar of each chart, the search
    with the bar's filters (sacred records left out, as the dashboard leaves them) finds as many
    records as the bar shows."""
    name, passphrase, _roles = seed.DEMO_CUSTODIAN
    demo_library.unlock(name, passphrase)
    figures = dashboard.figures(demo_library)
    assert figures.total == demo_library.index.search("", filters={"access_level": COUNTABLE}, limit=1).total
    checked = 0
    for dimension in (*dashboard.FACET_DIMENSIONS, *dashboard.ID_DIMENSIONS):
        for value, count in figures.counts(dimension).items():
            if not count:
                continue
            wanted = dashboard.filters(demo_library, Slice(dimension, value))
            found = demo_library.index.search("", filters={**wanted, "access_level": COUNTABLE}, limit=1).total
            assert found == count, (dimension, value)
            checked += 1
    assert checked > 40


# -- the window ------------------------------------------------------------------------------------
def click_bar(qtbot, chart, key):
    from kmdesk.gui.qt import Qt

    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.bar_center(key))


def test_clicking_a_target_bar_lists_the_records_of_that_target(qtbot, window):
    view = window.show_dashboard()
    qtbot.addWidget(view)
    chart = view.charts["gbf_targets"]
    assert [bar.count for bar in chart.bars if bar.key == "13"] == [2]
    window.search_edit.setText("mangrove")  # what was typed before gives way to the chart's question
    click_bar(qtbot, chart, "13")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
    assert window.facets.filters() == {"gbf_targets": ["13"]}
    assert window.search_edit.text() == ""


def test_clicking_a_year_lists_that_years_records_until_show_all(qtbot, window):
    view = window.show_dashboard()
    qtbot.addWidget(view)
    chart = view.charts["year"]
    assert [bar.key for bar in chart.bars] == ["2019", "2020", "2021", "2023"]
    click_bar(qtbot, chart, "2019")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert window.model.data(window.model.index(0, 0)) == "Potato seed exchange"
    assert not window.slice_label.isHidden() and "Records by year" in window.slice_label.text()
    window.clear_slice()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=3000)
    assert window.slice_label.isHidden()


def test_lock_takes_the_figures_off_the_dashboard(qtbot, tmp_path):
    from kmdesk.gui.dashboard_view import DashboardView

    with open_as_custodian(tmp_path / "lib", PASS["Keeper"]) as library:
        library.access.add_community("C")
        library.records.add({"type": "practice", "title": {"en": "Hidden"}, "community": "C", "gbf_targets": [5],
                             "access": {"level": "community"}})
        view = DashboardView(library, "en")
        qtbot.addWidget(view)
        view.refresh()
        assert view.figures is not None and view.figures.targets[5] == 1
        view.forget()
        assert view.figures is None and all(not chart.bars for chart in view.charts.values())


def test_arabic_dashboard_is_mirrored_with_arabic_digits(qtbot, library):
    import pyqtgraph as pg

    from kmdesk.gui.dashboard_view import DashboardView
    from kmdesk.gui.qt import QApplication, QLocale, QPointF, Qt

    QLocale.setDefault(QLocale("ar"))
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        view = DashboardView(library, "ar")
        qtbot.addWidget(view)
        view.refresh()
        chart = view.charts["gbf_targets"]
        assert chart.category_side == "right"
        assert "١٣ · " in next(bar.label for bar in chart.bars if bar.key == "13")
        counts = [item.toPlainText() for item in chart.getPlotItem().items if isinstance(item, pg.TextItem)]
        assert counts[12] == "٢"  # each bar's count, drawn at its end
        box = chart.getPlotItem().getViewBox()
        start, end = (box.mapViewToScene(QPointF(x, 12)).x() for x in (0, 2))
        assert start > end  # bars grow from the right
    finally:
        QLocale.setDefault(QLocale("en"))
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_gui_view_dashboard_renders_the_dashboard_to_a_png(qapp, library, tmp_path):
    from kmdesk.app import run
    from kmdesk.gui.qt import QImage

    shot = tmp_path / "dashboard.png"
    assert run(data_dir=library.data_dir, screenshot=shot, language="en", view="dashboard") == 0
    image = QImage(str(shot))
    assert image.width() == 1280 and image.height() == 800


def _ink_width(qtbot, label: str) -> int:
    """How wide ``label`` is drawn on the label axis of a right-to-left bar chart, in pixels."""
    from kmdesk.gui.charts import Bar, BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 120)
    chart.set_bars([Bar("A", label, 5, "#ffffff")])
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.wait(100)  # the axis takes its width from the first layout
    image = chart.grab().toImage()
    axis = chart.getPlotItem().getAxis(chart.category_side)
    area = chart.mapFromScene(axis.sceneBoundingRect()).boundingRect()
    rows = range(max(area.top(), 0), min(area.bottom(), image.height()))
    ink = {x: sum(image.pixelColor(x, y).lightness() < 200 for y in rows)
           for x in range(max(area.left(), 0), min(area.right(), image.width()))}
    line = max(ink, key=ink.__getitem__)  # the axis line, the labels beside it
    inked = [x for x, count in ink.items() if count and x > line + 1]
    return max(inked) - min(inked)


def test_an_arabic_label_keeps_the_space_before_a_latin_goal_letter(qtbot):
    """"الهدف A" (Goal A) was drawn "الهدفA": the axis was replayed from a QPicture, which loses
    the space where right-to-left text meets left-to-right text. The space must be drawn."""
    from kmdesk.gui.qt import QApplication, Qt

    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        spaced, joined = _ink_width(qtbot, "الهدف A · الحماية"), _ink_width(qtbot, "الهدفA · الحماية")
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert spaced - joined >= 2, (spaced, joined)


@pytest.mark.parametrize("language", ["ar", "zh_CN"])
def test_dashboard_texts_carry_no_number_written_into_a_translation(qtbot, qapp, demo_library, language):
    """Counts and limits ("23 targets", "90 days") come in through placeholders, in the
    locale's digits: a number written into a translation stays in Latin digits in Arabic."""
    import re

    from kmdesk.gui.dashboard_view import DashboardView
    from kmdesk.render.translations import install_translations

    install_translations(qapp, language)
    try:
        view = DashboardView(demo_library, language)
        qtbot.addWidget(view)
        view.refresh()
        # the targets' titles are the GBF's official wording ("30 في المائة"): not the interface's
        texts = [view.summary.text()] + [bar.label for dimension in ("gbf_goals", "sharing", "consent", "year")
                                         for bar in view.charts[dimension].bars]
        expiring = next(bar.label for bar in view.charts["consent"].bars if bar.key == "expiring")
    finally:
        install_translations(qapp, "en")
    if language == "ar":
        assert "٢٣" in view.summary.text() and "٩٠" in expiring
        assert not [text for text in texts if re.search("[0-9]", text)]
        # a middle dot beside Arabic-Indic digits reads as a zero ("· ١٨" as "٠١٨"): Arabic separates otherwise
        assert not [text for text in texts + [bar.label for bar in view.charts["gbf_targets"].bars] if "·" in text]
    else:
        assert "23" in view.summary.text() and "90" in expiring


def test_a_zero_bar_shows_its_count_clear_of_the_axis_line(qtbot):
    """A category's tick reached into the plot: at a zero bar it touched the count, which read
    as "-0" on the axis line. Between the line and the "0" there is nothing drawn."""
    from kmdesk.gui.charts import Bar, BarChart
    from kmdesk.gui.qt import QPointF

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 120)
    chart.set_bars([Bar("a", "Alpha", 0, "#d32f2f"), Bar("b", "Beta", 4, "#1976d2")])
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.wait(100)
    image = chart.grab().toImage()
    box = chart.getPlotItem().getViewBox()
    foot = chart.mapFromScene(box.mapViewToScene(QPointF(0, 0)))  # where the zero bar stands
    line = max(range(foot.x() - 3, foot.x() + 2),  # the axis line: the darkest column around it
               key=lambda x: sum(image.pixelColor(x, y).lightness() < 200 for y in range(foot.y() - 8, foot.y() + 9)))
    gap = [(x, y) for x in range(line + 1, line + 3) for y in range(foot.y() - 2, foot.y() + 3)
           if image.pixelColor(x, y).lightness() < 200]
    assert not gap, gap
