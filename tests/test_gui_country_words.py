"""Countries in the window are named in the interface language (the record view, the Countries
facet, the directory and the Matches tab said "Peru" and "China" in Russian, Arabic and Chinese,
while the dashboard and the map said "Перу"), and a label that forbids sharing is named, not
shown as its code."""

from __future__ import annotations

SEED_OFFER = "bd645a06-09dd-465a-bf44-0e9b9d485b39"  # "Exchange of local buckwheat seed", China


def test_the_record_view_and_the_facets_name_countries_in_russian(qtbot, demo_library, translated):
    from kmdesk.gui.facets import ValueRole
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.qt import QApplication
    from kmdesk.gui.settings import Settings
    from kmdesk.render.translations import install_translations

    install_translations(QApplication.instance(), "ru")  # the fixture puts English back
    window = MainWindow(demo_library, Settings(), language="ru")
    qtbot.addWidget(window)
    window.session.browse()
    window.reload()
    window.show_record_id(SEED_OFFER)
    qtbot.waitUntil(lambda: "Китай" in window.record_view.browser.toPlainText(), timeout=5000)
    assert "China" not in window.record_view.browser.toPlainText()
    tree = window.facets.tree
    qtbot.waitUntil(lambda: any(tree.topLevelItem(i).data(0, ValueRole) == "countries"
                                for i in range(tree.topLevelItemCount())), timeout=5000)
    group = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                 if tree.topLevelItem(i).data(0, ValueRole) == "countries")
    names = {group.child(i).text(0) for i in range(group.childCount())}
    assert {"Перу", "Китай"} <= names and not names & {"Peru", "China"}


def test_match_reasons_and_a_forbidding_label_in_words(qapp):
    from kmdesk.gui import access_words, match_words

    assert match_words.reason_text({"kind": "country", "params": {"codes": ["pe"]}}, "zh_CN").endswith("秘鲁")
    said = access_words.reason_text({"code": "label_forbids", "params": {"label": "TK CL"}}, "en")
    assert "TK Clan" in said and "TK CL " not in said


def test_the_target_facet_numbers_targets_in_arabic_digits(qtbot, demo_library, translated):
    """The facet's counts were "١٥" beside a target numbered "1": both in the locale's digits."""
    from kmdesk.gui.facets import ValueRole
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.qt import QApplication
    from kmdesk.gui.settings import Settings
    from kmdesk.render.translations import install_translations

    install_translations(QApplication.instance(), "ar")  # the fixture puts English back
    window = MainWindow(demo_library, Settings(), language="ar")
    qtbot.addWidget(window)
    window.session.browse()
    window.reload()
    tree = window.facets.tree
    qtbot.waitUntil(lambda: any(tree.topLevelItem(i).data(0, ValueRole) == "gbf_targets"
                                for i in range(tree.topLevelItemCount())), timeout=5000)
    group = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                 if tree.topLevelItem(i).data(0, ValueRole) == "gbf_targets")
    ten = next(group.child(i) for i in range(group.childCount()) if group.child(i).data(0, ValueRole) == "10")
    assert ten.text(0).startswith("١٠ ") and not any(c.isascii() and c.isdigit() for c in ten.text(0) + ten.text(1))


def test_the_directory_fits_1280_pixels_in_russian_and_shows_names_whole(qtbot, demo_library, translated):
    """Its expertise box took the width of its longest Russian subject, so the window was wider
    than the screen while names and languages were cut ("Juana Maman…")."""
    from kmdesk.gui.directory_view import DirectoryView
    from kmdesk.gui.qt import QApplication
    from kmdesk.render.translations import install_translations

    install_translations(QApplication.instance(), "ru")  # the fixture puts English back
    view = DirectoryView(demo_library, None, ("ru",))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.tree.topLevelItemCount() > 0, timeout=5000)
    assert view.minimumSizeHint().width() <= 1280
    metrics = view.tree.fontMetrics()
    for row in (view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())):
        assert metrics.horizontalAdvance(row.text(0)) < view.tree.columnWidth(0), row.text(0)
        assert row.toolTip(3) == row.text(3)
