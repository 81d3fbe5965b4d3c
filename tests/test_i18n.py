"""The six UN languages: complete and current Qt Linguist sources, the interface switching
language at once (Arabic mirrored), language tags and names from the registry, dates and
numbers in the chosen locale, fonts warned about, and mixed-direction text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kmdesk import i18n_build

PLACEHOLDER = re.compile(r"\{\w*\}|%L?n|%\d")


def messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    numerus = translation.findall("numerusform")
    return [form.text or "" for form in numerus] if numerus else [translation.text or ""]


def keys(path: Path) -> set[tuple[str, str, bool]]:
    """(context, source, plural) of every message: what lupdate takes from the code."""
    root = ET.parse(path).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or "", message.get("numerus") == "yes")
            for context in root.iter("context") for message in context.iter("message")}


# -- the .ts sources ----------------------------------------------------------------------------
@pytest.mark.parametrize("language", i18n_build.LANGUAGES)
def test_every_entry_is_translated(language):
    path = i18n_build.ts_path(language)
    unfinished = [(m.findtext("source"), forms(m)) for m in messages(path)
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
                  or not all(form.strip() for form in forms(m))]
    assert unfinished == [], f"{path.name}: {len(unfinished)} unfinished, see i18n/README.md"
    if language == i18n_build.SOURCE_LANGUAGE:  # English carries the plural forms only
        assert all(m.get("numerus") == "yes" for m in messages(path))


@pytest.mark.parametrize("language", i18n_build.LANGUAGES)
def test_translations_keep_the_placeholders(language):
    wrong = []
    for message in messages(i18n_build.ts_path(language)):
        source = message.findtext("source") or ""
        expected = sorted(PLACEHOLDER.findall(source))
        for form in forms(message):
            found = sorted(PLACEHOLDER.findall(form))
            # a plural form may leave the count out ("one record" in Arabic's dual/singular)
            if found != expected and not (message.get("numerus") == "yes" and
                                          sorted(set(expected) - {"%n", "%Ln"}) == found):
                wrong.append((source, form))
    assert wrong == []


def test_the_sources_are_up_to_date_with_the_code(tmp_path):
    written = i18n_build.update(tmp_path)
    stale = {path.name: keys(path) ^ keys(i18n_build.ts_path(path.stem.removeprefix("kmdesk_")))
             for path in written}
    assert all(not diff for diff in stale.values()), f"run `make i18n-update` and translate: {stale}"


def test_the_sources_compile(tmp_path):
    for language in i18n_build.LANGUAGES:
        (tmp_path / f"kmdesk_{language}.ts").write_bytes(i18n_build.ts_path(language).read_bytes())
    compiled = i18n_build.compile_all(tmp_path)
    assert [path.name for path in compiled] == [f"kmdesk_{language}.qm" for language in sorted(i18n_build.LANGUAGES)]
    assert all(path.stat().st_size > 100 for path in compiled)


# -- the interface in six languages ----------------------------------------------------------------
FILE_MENU = {"fr": "&Fichier", "es": "&Archivo", "ru": "&Файл", "zh": "文件(&F)", "ar": "&ملف"}


def visible_texts(window) -> list[str]:
    menus = [action.text() for action in window.menuBar().actions()]
    headers = [window.model.column_name(c) for c in range(window.model.columnCount())]
    return [*menus, *headers, window.search_edit.placeholderText(), window.new_action.text(),
            window.record_view.tabs.tabText(0), window.record_view.tabs.tabText(1)]


def test_switching_through_the_six_languages_applies_at_once(qtbot, translated, window):
    from kmdesk.gui.qt import QApplication, QLocale, Qt
    from kmdesk.gui.settings import Settings

    window.search_edit.setText("seed")
    window.search_now()
    record_id = window.model.record_id(0)
    window.show_record_id(record_id)
    seen = {"en": visible_texts(window)}
    for language in ("fr", "es", "ru", "zh", "ar", "en"):
        replaced = []
        window.replaced.connect(replaced.append)
        successor = window.set_language(language)
        qtbot.addWidget(successor)
        assert replaced == [successor] and successor is not window
        window = successor
        texts = visible_texts(window)
        if language != "en":
            assert all(texts != other for lang, other in seen.items() if lang != language), language
            # most texts change (some words are the same in both: "Type", "Date" in French)
            assert sum(a != b for a, b in zip(texts, seen["en"], strict=True)) >= len(texts) * 3 // 4, (language, texts)
            assert texts[0] == FILE_MENU[language]
        seen[language] = texts
        # the library, the search and the record carry over; preferences remember the choice
        assert window.search_edit.text() == "seed" and window.current_record_id() == record_id
        assert window.record_view.record["id"] == record_id
        assert Settings().interface_language == language and window.languages[0] == language
        expected = Qt.LayoutDirection.RightToLeft if language == "ar" else Qt.LayoutDirection.LeftToRight
        assert QApplication.layoutDirection() == expected and window.layoutDirection() == expected
        assert window.table.layoutDirection() == expected and window.record_view.layoutDirection() == expected
        assert QLocale().language() == QLocale(language).language()
    assert seen["en"] == visible_texts(window) and "&File" in seen["en"]


def test_arabic_mirrors_the_layout(qtbot, translated, library):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    window = MainWindow(library, Settings(), language="en")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    left_to_right = window.facets.mapTo(window, window.facets.rect().topLeft()).x()
    window = window.set_language("ar")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    right_to_left = window.facets.mapTo(window, window.facets.rect().topLeft()).x()
    # the facet panel moves from the left edge to the right edge; the record view to the left
    assert left_to_right < 50 < window.width() // 2 < right_to_left
    assert window.record_view.mapTo(window, window.record_view.rect().topLeft()).x() < window.width() // 2
    assert window.menuBar().actions()[0].text() == "&ملف"


def test_the_preferences_dialog_sets_language_and_record_language_order(qtbot, translated, make_window, library):
    from kmdesk.gui.settings import Settings

    library.records.add({"type": "practice", "title": {"quz": "Papa tarpuy", "es": "Siembra de papa"}})
    window = make_window(library, shown=False)

    def titles():
        return [window.model.data(window.model.index(row, 0)) for row in range(window.model.rowCount())]

    dialog = window.ask_preferences()
    dialog.order_edit.setText("es, quz, xx-yy-zz-")
    assert "xx-yy-zz-" in dialog.error_label.text() and dialog.error_label.isVisible()
    dialog.accept()
    assert dialog.isVisible()  # an invalid order never closes the dialog
    dialog.order_edit.setText("es, quz")
    assert not dialog.error_label.isVisible()
    assert dialog.order_names.text() == "Spanish › Cusco Quechua"
    dialog.accept()  # same interface language: the window stays, titles follow the new order
    assert Settings().language_order == ["es", "quz", "en"] and window.languages == ["en", "es", "quz"]
    assert "Siembra de papa" in titles() and "Potato seed exchange" in titles()  # English first: the interface's
    window.ask_preferences()
    window.findChild(type(dialog)).order_edit.setText("quz, es")
    window.findChild(type(dialog)).accept()
    assert "Papa tarpuy" in titles() and window.languages == ["en", "quz", "es"]


def test_the_interface_language_defaults_to_the_system_locale(monkeypatch, qapp):
    from kmdesk.gui import settings
    from kmdesk.gui.qt import QLocale

    for system, expected in (("fr_FR", "fr"), ("zh_CN", "zh"), ("ar_EG", "ar"), ("de_DE", "en"), ("C", "en")):
        monkeypatch.setattr(settings.QLocale, "system", staticmethod(lambda s=system: QLocale(s)))
        assert settings.Settings().interface_language == expected


# -- languages of records -------------------------------------------------------------------------
@pytest.mark.parametrize("tag", ["quz", "mi", "sw", "zh-Hant", "pt-BR", "es-419", "mas", "qaa", "ar-Latn"])
def test_any_bcp47_language_tag_is_accepted(tag):
    from kmdesk.gui.library_model import is_language_tag

    assert is_language_tag(tag)


@pytest.mark.parametrize("tag", ["xx", "und", "fr_CA", "en-", "1234", "", "english"])
def test_what_is_not_a_language_tag_is_refused(tag):
    from kmdesk.gui.library_model import is_language_tag

    assert not is_language_tag(tag)


@pytest.mark.parametrize(("tag", "ui", "name"), [
    ("quz", "en", "Cusco Quechua"), ("mi", "fr", "maori"), ("sw", "es", "suajili"), ("zh-Hant", "zh", "中文（繁体）"),
    ("ar", "ru", "арабский"), ("es", "ar", "الإسبانية"), ("qaa", "en", "qaa"), ("fj", "ar", "الفيجية"),
    ("sjd", "zh", "Kildin Sami"),
])
def test_language_names_come_from_the_registry_in_the_interface_language(tag, ui, name):
    from kmdesk.gui.library_model import language_name

    assert language_name(tag, ui) == name


def test_the_editor_adds_a_tab_for_any_language_and_refuses_non_tags(qtbot, monkeypatch):
    from kmdesk.gui.record_editor import RecordEditor

    editor = RecordEditor(None, None, ["fr", "en"])
    qtbot.addWidget(editor)
    errors = []
    monkeypatch.setattr(editor, "show_error", errors.append)
    assert editor.add_language("mi") and editor.add_language("zh-Hant")
    assert not editor.add_language("maori") and "maori" in errors[0]
    names = [editor.language_tabs.tabText(i) for i in range(editor.language_tabs.count())]
    assert names[-2:] == ["Maori", "Chinois (traditionnel)"]  # a tab begins with a capital


# -- dates and numbers -------------------------------------------------------------------------------
@pytest.mark.parametrize(("language", "day", "month", "number"), [
    ("en", "November 2, 2023", "June 2019", "1,234"),
    ("fr", "2 novembre 2023", "juin 2019", "1\u202f234"),
    ("ar", "٢ نوفمبر ٢٠٢٣", "يونيو ٢٠١٩", "١٬٢٣٤"),
    ("zh", "2023年11月2日", "2019年六月", "1,234"),
    ("ru", "2 ноября 2023\u202fг.", "июнь 2019", "1\xa0234"),
])
def test_dates_and_numbers_follow_the_chosen_locale(qapp, translated, language, day, month, number):
    from kmdesk.render.localized import format_date, format_number, format_timestamp
    from kmdesk.render.translations import install_translations

    install_translations(qapp, language)
    assert (format_date("2023-11-02"), format_date("2019-06"), format_number(1234)) == (day, month, number)
    assert format_date("about 1950") == "about 1950"  # free text stays as typed
    assert format_timestamp("2023-11-02T10:00:00+00:00") != "2023-11-02T10:00:00+00:00"


def test_the_table_shows_short_dates_in_the_locale_and_sorts_them_in_time(qapp, translated):
    from kmdesk.gui.library_model import Column, LibraryModel, row_from_record
    from kmdesk.gui.qt import Qt
    from kmdesk.render.translations import install_translations

    install_translations(qapp, "fr")
    model = LibraryModel(None, ["fr"])
    rows = {r["id"]: row_from_record(r) for r in [
        {"id": "a", "title": {"fr": "A"}, "date": "2023-11-02"}, {"id": "b", "title": {"fr": "B"}, "date": "2019-06"},
        {"id": "c", "title": {"fr": "C"}, "date": "2021-04-30"}]}
    model.set_results(rows.values(), len(rows))
    model.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    shown = [model.data(model.index(row, Column.DATE)) for row in range(3)]
    assert shown == ["juin 2019", "30/04/2021", "02/11/2023"]  # the locale's short form fits the column
    words = [model.data(model.index(row, Column.DATE), Qt.ItemDataRole.ToolTipRole) for row in range(3)]
    assert words == ["juin 2019", "30 avril 2021", "2 novembre 2023"]  # and the tooltip says it in words
    install_translations(qapp, "ru")
    assert model.data(model.index(0, Column.DATE)) == "июнь 2019"
    model.set_results([row_from_record({"id": "e", "title": {"ru": "Е"}, "date": "2026-02"})], 1)
    assert model.data(model.index(0, Column.DATE)) == "февр. 2026"  # was "Febr…2026" in a narrow column
    install_translations(qapp, "ar")
    model.set_results([row_from_record({"id": "d", "title": {"ar": "د"}, "gbf_targets": [2, 11]})], 1)
    assert model.data(model.index(0, Column.TARGETS)) == "٢, ١١"


def test_counts_in_the_status_bar_use_the_locale_and_plural_forms(qtbot, translated, make_window, demo_library):
    window = make_window(demo_library, shown=False).set_language("ar")
    qtbot.addWidget(window)
    window.reload()
    text = window.counts_label.text()
    assert re.search("[٠-٩]", text) and not re.search("[0-9]", text), text
    window.search_now()
    facet_counts = [window.facets.tree.topLevelItem(0).child(i).text(1)
                    for i in range(window.facets.tree.topLevelItem(0).childCount())]
    assert facet_counts and all(re.fullmatch("[٠-٩٬]+", count) for count in facet_counts), facet_counts


# -- fonts and mixed directions ----------------------------------------------------------------------
def test_a_missing_font_is_reported_once_per_script(qapp):
    from kmdesk.render.fonts import FontCheck, WritingSystem, writing_systems

    assert writing_systems(["Forêt", "Лес", "森林 и الغابة"]) == {
        WritingSystem.Cyrillic, WritingSystem.SimplifiedChinese, WritingSystem.Arabic}
    check = FontCheck(available={WritingSystem.Latin, WritingSystem.Cyrillic})
    record = {"title": {"ar": "الحمى", "ru": "Лес"}, "summary": {"zh": "红树林"}}
    assert check.missing(record) == [WritingSystem.Arabic, WritingSystem.SimplifiedChinese]
    assert check.missing(record) == []  # said once
    assert FontCheck(available={WritingSystem.Arabic}).missing({"title": {"en": "Forest"}}) == []


def test_the_window_warns_in_the_status_bar_when_a_script_has_no_font(qtbot, library):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings
    from kmdesk.render.fonts import FontCheck, WritingSystem

    window = MainWindow(library, Settings(), language="en")
    qtbot.addWidget(window)
    window.font_check = FontCheck(available={WritingSystem.Latin})
    window.reload()
    arabic = next(r["id"] for r in library.records.iter_all() if "ar" in r["title"])
    window.show_record_id(arabic)
    assert "Arabic" in window.statusBar().currentMessage() and "fonts-noto-core" in window.statusBar().currentMessage()


def test_record_paragraphs_take_the_direction_of_their_language(qapp):
    from kmdesk.gui.record_view import para
    from kmdesk.render.fonts import bidi_isolate, language_direction

    assert language_direction("ar") == "rtl" and language_direction("fa") == "rtl"
    assert language_direction("ar-Latn") == "ltr" and language_direction("quz") == "ltr"
    # an Arabic paragraph that opens with a Latin name is still right-to-left
    assert para("GBF هدف 3", lang="ar").startswith('<p dir="rtl" lang="ar"')
    assert para("GBF target 3", lang="en").startswith('<p dir="ltr"')
    assert para("الحمى", lang=None).startswith('<p dir="rtl"')
    assert bidi_isolate("Il Ngwesi") == "\u2068Il Ngwesi\u2069" and bidi_isolate("2021") == "2021"


def test_latin_names_in_an_arabic_record_are_isolated(qtbot):
    from kmdesk.gui.record_view import RecordView

    view = RecordView(None, ["ar"])
    qtbot.addWidget(view)
    view.show_record({"id": "x", "title": {"ar": "ورشة عمل"}, "keywords": ["mangroves", "ساحل"],
                      "places": ["Jazan", "جازان"], "access": {"level": "public"}}, [])
    text = view.browser.toPlainText()
    assert "\u2068mangroves\u2069, \u2068ساحل\u2069" in text and "\u2068Jazan\u2069" in text


def test_history_arrows_point_the_way_the_line_reads(qtbot):
    from kmdesk.gui.qt import Qt
    from kmdesk.gui.record_view import RecordView

    view = RecordView(None, ["ar"])
    qtbot.addWidget(view)
    entry = {"at": "2023-11-02T10:00:00+00:00", "by": "A", "action": "edit", "changes": {"date": ["2020", "2021"]}}
    view.show_record({"id": "x", "title": {"ar": "ورشة"}, "access": {"level": "public"}}, [entry])
    assert view.history.topLevelItem(0).child(0).text(2) == "2020 → 2021"
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    view.show_record({"id": "x", "title": {"ar": "ورشة"}, "access": {"level": "public"}}, [entry])
    assert view.history.topLevelItem(0).child(0).text(2) == "2020 ← 2021"


def test_a_language_switch_does_not_bring_the_lock_screen_back(qtbot, translated, make_window, demo_library):
    window = make_window(demo_library, shown=False)
    assert window.session.stack.currentWidget() is window.session.lock_screen
    window.session.browse()
    window = window.set_language("fr")
    qtbot.addWidget(window)
    window.reload()
    assert window.session.stack.currentWidget() is not window.session.lock_screen
    assert window.model.rowCount() > 0
