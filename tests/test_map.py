"""The offline map (``core.geo``, ``gui.map_view``): shipped Natural Earth boundaries, place
coordinates in the places list, counts for those who may see them (sacred never), and clicks
that filter the library."""

from __future__ import annotations

import json

import pytest
from conftest import open_as_custodian

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.insight import geo, places
from kmdesk.core.paths import resource

PASS = {"Keeper": "map keeper passphrase", "Guest": "map guest passphrase"}


def test_boundaries_ship_with_kmdesk_with_their_licence_and_iso_codes():
    data = json.loads(resource(*geo.BOUNDARIES).read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"] and "Public domain" in data["licence"]
    assert resource(*geo.BOUNDARIES).stat().st_size < 1_000_000
    codes = {country.code for country in geo.countries()}
    assert {"pe", "bf", "ke", "cn", "sa", "fj", "fr", "no"} <= codes and len(codes) > 170
    peru = next(c for c in geo.countries() if c.code == "pe")
    lons, lats = peru.rings[0][0::2], peru.rings[0][1::2]
    assert -82 < min(lons) < max(lons) < -68 and -19 < min(lats) < max(lats) < 0


def test_places_carry_optional_coordinates_after_an_at_sign():
    assert places.parse_place("Cusco") == places.Place("Cusco")
    assert places.parse_place("Lake Titicaca @ -15.84 -69.34") == places.Place("Lake Titicaca", -15.84, -69.34)
    assert places.parse_place(places.format_place("Vanua Levu", -16.5775, 179.4149)) == places.Place("Vanua Levu", -16.578, 179.41)
    for bad in ("Cusco @ -13.53", "Cusco @ 95 10", "Cusco @ north"):
        with pytest.raises(InvalidRecord):
            places.parse_place(bad)


@pytest.fixture
def lib(tmp_path):
    library = open_as_custodian(tmp_path / "lib", PASS["Keeper"])
    library.access.create_profile("Guest", PASS["Guest"], ["viewer"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire", kind="strict")
    library.records.add({"type": "practice", "title": {"en": "Reed boats"}, "countries": ["pe", "bo"],
                         "places": ["Lake Titicaca @ -15.84 -69.34", "Puno"], "access": {"level": "public"}})
    library.records.add({"type": "practice", "title": {"en": "Dye plants"}, "countries": ["pe"],
                         "places": ["Chawaytire @ -13.4 -71.9"], "community": "Ayllu Chawaytire",
                         "access": {"level": "restricted", "protocols": ["Weavers' council"]}})
    library.records.add({"type": "traditional_knowledge", "title": {"en": "Sacred spring"}, "countries": ["cl"],
                         "places": ["Spring @ -22.9 -68.2"], "access": {"level": "sacred", "custodians": ["Keeper"]}})
    yield library
    library.close()


def test_restricted_places_count_only_for_those_who_may_see_them_and_sacred_never(lib):
    member = geo.map_figures(lib)  # the protocol's creator holds its key; custodian of the sacred record
    assert member.countries == {"pe": 2, "bo": 1}
    assert [(p.names, p.lat, p.lon) for p in member.points] == [(["Lake Titicaca"], -15.84, -69.34),
                                                                (["Chawaytire"], -13.4, -71.9)]
    lib.lock()
    lib.unlock("Guest", PASS["Guest"])
    guest = geo.map_figures(lib)
    assert guest.countries == {"pe": 1, "bo": 1}
    assert [p.names for p in guest.points] == [["Lake Titicaca"]]
    lib.lock()
    assert geo.map_figures(lib).countries == {"pe": 1, "bo": 1}


@pytest.fixture
def window(make_window, lib):
    return make_window(lib)


def test_map_shades_countries_and_a_click_filters_the_library(qtbot, window):
    from kmdesk.gui.map_view import EMPTY, shade

    view = window.show_map()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    qtbot.waitUntil(lambda: view.figures is not None, timeout=3000)
    canvas = view.canvas
    assert canvas.countries["pe"].brush().color().name() == shade(2, 2) != EMPTY
    assert canvas.countries["cl"].brush().color().name() == EMPTY  # only the sacred record names Chile
    assert "2 records" in canvas.countries["pe"].toolTip()
    from kmdesk.gui.qt import Qt

    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.position_of(-63.5, -17.0))  # Bolivia
    qtbot.waitUntil(lambda: window.facets.filters() == {"countries": ["bo"]}, timeout=3000)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.position_of(-69.34, -15.84))
    qtbot.waitUntil(lambda: not window.slice_label.isHidden(), timeout=3000)
    assert "Lake Titicaca" in window.slice_label.text()
    assert window.facets.filters() == {}
    assert window.model.data(window.model.index(0, 0)) == "Reed boats" and window.model.rowCount() == 1


def test_editor_refuses_coordinates_off_the_globe(window):
    from kmdesk.gui.qt import QApplication

    editor = window.new_record()
    editor.set_text("title", "en", "Somewhere")
    editor.places_edit.setText("Cusco @ -13.53 -191.97")
    editor.accept()
    assert editor.isVisible() and "longitude" in editor.error_label.text()
    editor.places_edit.setText("Cusco @ -13.53 -71.97, Sacred Valley")
    editor.accept()
    QApplication.processEvents()
    record = next(r for r in window.library.records.iter_all() if r["title"].get("en") == "Somewhere")
    assert record["places"] == ["Cusco @ -13.53 -71.97", "Sacred Valley"]


def test_gui_view_map_renders_the_map_to_a_png(qapp, lib, tmp_path):
    from kmdesk.app import run
    from kmdesk.gui.qt import QColor, QImage

    lib.lock()
    shot = tmp_path / "map.png"
    assert run(data_dir=lib.data_dir, screenshot=shot, language="en", view="map") == 0
    image = QImage(str(shot))
    greens = {QColor(code).rgb() for code in ("#c8e6c9", "#81c784", "#43a047", "#2e7d32", "#1b5e20")}
    assert image.width() == 1280 and any(image.pixel(x, y) in greens for x in range(0, 1280, 4) for y in range(0, 800, 4))


def test_the_demo_map_has_points_and_its_restricted_and_sacred_places_keep_the_rules(demo_library):
    """`make run`'s demo shows dots, not only shaded countries: its places carry coordinates,
    restricted and sacred records' places too, and those follow the map's rules."""
    from kmdesk.core.io import library_file
    from kmdesk.core.store import seed

    levels = {r["id"]: r["access"]["level"] for r in library_file.read(library_file.DEMO)["records"]}
    located = {r["id"] for r in library_file.read(library_file.DEMO)["records"]
               if any(places.parse_place(text).located for text in r["places"])}
    assert {levels[i] for i in located} == {"public", "community", "restricted", "sacred"}

    def placed() -> set[str]:
        points = geo.map_figures(demo_library).points
        assert len(points) >= 10 and all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in points)
        return {record_id for point in points for record_id in point.record_ids}

    assert placed() == {i for i in located if levels[i] == "public"}  # locked: the public records' places
    name, secret, _roles = seed.DEMO_CUSTODIAN
    demo_library.unlock(name, secret)
    custodian = placed()
    # the custodian opens every restricted record, and is the sacred records' custodian: still never on a map
    assert custodian == {i for i in located if levels[i] != "sacred"}
    demo_library.lock()
    visitor_name, visitor_secret, _roles = seed.DEMO_OTHERS[1]
    demo_library.unlock(visitor_name, visitor_secret)
    visitor = placed()
    restricted = {i for i in located if levels[i] == "restricted"}
    assert {i for i in located if levels[i] == "public"} <= visitor and not visitor & {
        i for i in located if levels[i] == "sacred"}
    assert visitor & restricted < restricted  # only the restricted records its protocols open
    for record_id in visitor & restricted:
        assert not demo_library.records.get(record_id).get("sealed")


@pytest.mark.parametrize("language, expected", [
    ("en", {"bo": "1 record", "pe": "2 records", "ar": "11 records"}),
    # Arabic's own forms: one, two (no digit in either), 3-10, 11-99, in Arabic-Indic digits
    ("ar", {"bo": "سجل واحد", "pe": "سجلان", "cl": "٥ سجلات", "ar": "١١ سجلًا"}),
    ("ru", {"bo": "1 запись", "pe": "2 записи", "cl": "5 записей", "ar": "11 записей"}),
])
def test_map_tooltips_say_the_count_in_the_languages_plural_form(qtbot, qapp, lib, language, expected):
    """"%n records" was one form for every count: "1 records" in English, the plural of many
    for one and two in Arabic."""
    from kmdesk.gui.map_view import MapView
    from kmdesk.render.translations import install_translations

    install_translations(qapp, language)
    try:
        view = MapView(lib, language)
        qtbot.addWidget(view)
        view.show_figures(geo.MapFigures({"bo": 1, "pe": 2, "cl": 5, "ar": 11},
                                         [geo.Point(-13.4, -71.9, ["Chawaytire"], ["a"])]))
        tips = {code: view.canvas.countries[code].toolTip() for code in expected}
        place = view.canvas.points[0].toolTip()
    finally:
        install_translations(qapp, "en")
    for code, words in expected.items():
        assert tips[code].endswith(words), (code, tips[code])
    assert place.startswith("Chawaytire") and place.endswith(expected["bo"])
