"""Human words in the custodian's view and its audit log (issue 11): local dates, translated event
names, records by their titles where the viewer may read them, no JSON and no internal protocol."""

from __future__ import annotations

import re

import pytest
from conftest import DEMO_CUSTODIAN, unlock_on_screen

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
CODES = re.compile(r"\b[a-z]+_[a-z_]+\b")  # member_add, sync_sent, profile_create ...


@pytest.fixture
def custodian_view(make_window, demo_library):
    window = make_window(demo_library, shown=False)
    unlock_on_screen(window, *DEMO_CUSTODIAN)
    return window.session.open_custodian_view()


def cells(table) -> list[list[str]]:
    return [[table.item(row, column).text() for column in range(table.columnCount())] for row in range(table.rowCount())]


def test_the_audit_log_reads_as_words(custodian_view, demo_library):
    restricted = next(r for r in demo_library.records.iter_all() if r["access"]["level"] == "restricted" and not r["sealed"])
    demo_library.records.get(restricted["id"])  # reading protected knowledge is audited, with the record's id
    custodian_view.reload()
    rows = cells(custodian_view.audit_table)
    assert len(rows) == len(demo_library.audit.events())
    text = "\n".join("\t".join(row) for row in rows)
    assert not ISO.search(text) and not CODES.search(text) and "{" not in text
    assert "kmdesk: sync credentials" not in text
    assert rows[0][3] == "Protected record read" and rows[0][4] == restricted["title"]["en"]
    assert restricted["id"] not in text


def test_profiles_and_protocols_hide_the_internal_protocol(custodian_view):
    for table in (custodian_view.profiles_table, custodian_view.protocols_table):
        text = "\n".join("\t".join(row) for row in cells(table))
        assert "kmdesk: sync credentials" not in text and not ISO.search(text)
    assert any("Sync credentials" in row[0] for row in cells(custodian_view.protocols_table))


def audited_codes() -> set[str]:
    """Every event code the core writes to the audit log, read from its source: a new event
    without words fails here instead of reaching the custodian as ``target_edit``."""
    from pathlib import Path

    import kmdesk.core

    root = Path(kmdesk.core.__file__).parent
    found = {code for path in root.rglob("*.py")
             for code in re.findall(r'audit\.record\(\w+, "([a-z_]+)"', path.read_text(encoding="utf-8"))}
    assert len(found) > 20  # the pattern still matches how the core audits
    return found | {"sync_sent", "sync_retracted", "sync_failed"}


def test_every_event_code_has_words(qapp):
    from kmdesk.gui.audit_words import details_text, event_name

    for code in sorted(audited_codes()):
        assert not CODES.search(event_name(code)) and event_name(code) != code.replace("_", " "), code
    assert details_text({"roles": ["custodian"], "target": "Local reference CHM"}) == \
        "roles: custodian; target: Local reference CHM"


def test_summaries_are_slanted_only_in_scripts_that_have_italics():
    """An Arabic summary in italics showed as empty boxes: Arabic and Chinese have no italics."""
    from kmdesk.gui.record_view import summary_para

    assert "italic" in summary_para("Elders divide the hima into blocks.", "en")
    assert "italic" not in summary_para("يقسم كبار السن الحمى إلى قطع.", "ar")
    assert "italic" not in summary_para("社区保护红树林", "zh")


@pytest.mark.parametrize(("language", "shown"), [("en", "Vanua Levu (16.6° S, 179.2° E)"),
                                                 ("fr", "Vanua Levu (16,6° S, 179,2° E)")])
def test_a_place_shows_degrees_and_hemispheres_in_the_locales_digits(qapp, language, shown):
    """Was: the stored "Vanua Levu @ -16.6 179.2" in the record pane."""
    from kmdesk.gui.qt import QLocale
    from kmdesk.render.localized import place_text

    before = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        assert place_text("Vanua Levu @ -16.6 179.2") == shown
        assert place_text("Cusco") == "Cusco"
    finally:
        QLocale.setDefault(before)


def test_a_language_standing_alone_begins_with_a_capital(make_window, demo_library):
    """French, Spanish and Russian name languages in lower case inside a sentence and with a
    capital on their own: the record pane's headings, the editor's tabs, the facets and the
    language menu showed "английский" and "français"."""
    from kmdesk.gui.library_model import language_heading, language_name

    assert (language_heading("en", "ru"), language_heading("en", "fr"), language_heading("zh", "es")) == \
        ("Английский", "Anglais", "Chino")
    assert language_name("en", "ru") == "английский"  # inside a list it stays as the language writes it
    assert language_heading("ar", "ar") == language_name("ar", "ar")  # scripts without capitals are untouched
    window = make_window(demo_library, shown=False)
    names = {action.text() for action in window.language_menu.actions()}
    assert {"Français", "Español", "Русский", "English"} <= names
