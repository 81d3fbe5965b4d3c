"""Language-aware search: Snowball stemming for en/fr/es/ru, Arabic normalisation and light
stemming, Chinese segmentation, accent-insensitive matching, a query finding the record's text
in its own language, and old indexes rebuilt when the schema changes."""

from __future__ import annotations

import re

import pytest

from kmdesk.core import search
from kmdesk.core.search import (
    SearchIndex,
    record_to_doc,
)
from kmdesk.core.search.analysis import light_stem_arabic, normalise_arabic


def rec(i, **texts):
    """A public record whose title, in each ``lang=text`` given, is ``text``."""
    return {"id": f"00000000-0000-4000-8000-{i:012d}", "type": "practice", "revision": 1,
            "title": {lang.replace("_", "-"): text for lang, text in texts.items()}, "access": {"level": "public"}}


RECORDS = [
    rec(1, en="Grazing the dry-season pastures"),
    rec(2, fr="La forêt sacrée du village"),
    rec(3, es="Semillas nativas de maíz"),
    rec(4, ru="Сохранение семян в общине"),
    rec(5, ar="إدارة المراعي التقليدية في البادية"),
    rec(6, zh="社区保护红树林的传统知识"),
    rec(7, quz="Papa tarpuy"),
    rec(8, en="Community water rules", fr="Règles communautaires de l'eau"),
    rec(9, zh_Hant="傳統知識與生物多樣性"),
]


@pytest.fixture
def index(tmp_path):
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update(record_to_doc(r) for r in RECORDS)
    return ix


def found(ix, query, **options):
    return {hit.id[-1] for hit in ix.search(query, fuzzy=False, **options).hits}


@pytest.mark.parametrize(("query", "expected"), [
    ("grazes", "1"), ("pasture", "1"),            # English: inflections meet at the stem
    ("forêts", "2"), ("sacrées", "2"),            # French
    ("semilla", "3"), ("nativa", "3"),            # Spanish
    ("сохранения", "4"), ("общинах", "4"),        # Russian: сохранение/сохранения, общине/общинах
])
def test_snowball_stemming_per_language(index, query, expected):
    assert found(index, query) == {expected}


@pytest.mark.parametrize("query", ["foret", "FORÊT", "maiz", "MAÍZ", "regles"])
def test_matching_ignores_accents_and_case(index, query):
    assert found(index, query) & {"2", "3", "8"}


def test_arabic_normalisation_of_hamza_alef_tashkeel_and_tatweel():
    assert normalise_arabic("إدارة") == normalise_arabic("ادارة") == "اداره"
    assert normalise_arabic("الْمَرَاعِي") == "المراعي"          # harakat dropped
    assert normalise_arabic("المـــراعى") == "المراعي"          # tatweel dropped, alef maksura -> yeh
    assert light_stem_arabic(normalise_arabic("والمراعي")) == light_stem_arabic(normalise_arabic("مراعي"))


@pytest.mark.parametrize("query", ["ادارة", "الإدارة", "الْمَرَاعِي", "مراعي", "التقليديه", "البـــادية"])
def test_arabic_queries_find_the_record_whatever_the_spelling(index, query):
    assert found(index, query) == {"5"}


@pytest.mark.parametrize(("query", "expected"), [("红树林", "6"), ("保护", "6"), ("知识", {"6", "9"}), ("知識", {"6", "9"}), ("林", "6")])
def test_chinese_words_are_found_inside_a_sentence(index, query, expected):
    assert found(index, query) == (expected if isinstance(expected, set) else {expected})


def test_a_chinese_word_needs_all_its_characters_in_order(index):
    assert found(index, "红林") == set()  # 红 and 林 both occur, but not as this word


def test_other_languages_are_found_word_for_word(index):
    assert found(index, "tarpuy") == {"7"}
    assert found(index, "tarpuykuna") == set()  # no stemmer is guessed for Quechua


def test_a_query_uses_the_rules_of_the_text_language_only(index):
    # French stemming joins "communautaires" and "communautaire" in the French text ...
    assert found(index, "communautaire") == {"8"}
    # ... but English words are not cut by French rules: "waters" meets "water" in English only.
    assert found(index, "waters") == {"8"}
    assert record_to_doc(RECORDS[7])["text_fr"] == "Règles communautaires de l'eau"
    assert "text_fr" not in record_to_doc(RECORDS[0])


def test_the_interface_language_weighs_more(tmp_path):
    ix = SearchIndex.in_memory()
    ix.update(record_to_doc(r) for r in [rec(1, en="Fire management"), rec(2, fr="Gestion du feu", en="Fire")])
    scores = {lang: {hit.id[-1]: hit.score for hit in ix.search("fire", lang=lang, fuzzy=False).hits} for lang in ("en", "fr")}
    assert scores["en"]["1"] > scores["fr"]["1"]


def test_highlights_mark_words_matched_through_stemming(index):
    hit = index.search("forêts", fuzzy=False).hits[0]
    assert "<b>forêt</b>" in hit.snippet


def test_fuzzy_prefix_and_suggestions_still_work_across_languages(index):
    assert "1" in found(index, "pastur", as_you_type=True)
    assert {h.id[-1] for h in index.search("Semilllas").hits} == {"3"}
    assert index.search("grazzing", fuzzy=False).suggestion == "grazing"


def test_an_index_of_another_schema_version_is_replaced_then_rebuilt(tmp_path, monkeypatch, library):
    ix_dir = library.data_dir / "index"
    library.close()
    (ix_dir / "kmdesk-schema-version").write_text("1", encoding="ascii")
    from kmdesk.core.store.library import Library

    with Library.open(library.data_dir) as reopened:
        assert reopened.check().ok and reopened.index.public.doc_count() == reopened.records.count()
        assert (ix_dir / "kmdesk-schema-version").read_text(encoding="ascii") == search.SCHEMA_VERSION
        assert reopened.index.search("semillas").total >= 1


def test_no_suggestion_for_chinese_or_for_words_known_but_for_their_accents(index):
    assert index.search("神林", fuzzy=False).suggestion is None  # "社林" is near, but another word
    assert index.search("FORÊT", fuzzy=False).suggestion is None  # known once accents and case are folded
    assert index.search("إدارة", fuzzy=False).suggestion is None  # known once hamza and teh marbuta are folded
    assert index.search("grazzing", fuzzy=False).suggestion == "grazing"


def test_an_unreadable_index_is_replaced_then_rebuilt(library):
    ix_dir = library.data_dir / "index"
    library.close()
    (ix_dir / "meta.json").write_bytes(b"not an index's table of contents")
    from kmdesk.core.store.library import Library

    with Library.open(library.data_dir) as reopened:
        assert reopened.check().ok and reopened.index.public.doc_count() == reopened.records.count()


def test_a_language_field_finds_as_typed_the_words_its_tokenizer_cuts(tmp_path):
    """A language's field splits words at anything but a letter or digit: a dotted word, a
    number with a decimal point and a letter with a mark NFC cannot compose are found as typed,
    alone and inside a quoted phrase, as the phrase of their pieces; a different number is not."""
    body = "The U.N. report on x\u0331aa and क्षेत्र seeds: 3.5 ha of mangroves"
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update([record_to_doc({**rec(1, en="Report"), "body": {"en": body}})])
    for query in ("U.N.", "x\u0331aa", "क्षेत्र", "3.5", '"U.N. report"', '"x\u0331aa and क्षेत्र"', '"3.5 ha"'):
        assert found(ix, query) == {"1"}, query
    for query in ("3.6", '"report U.N."', '"3.5 seeds"'):
        assert found(ix, query) == set(), query


def test_words_with_marks_between_their_letters_are_found_and_completed(tmp_path):
    """Hindi, Thai and Tamil hold combining marks between their letters (a virama, a vowel sign)
    and Persian a zero-width non-joiner: the query's words are cut where the index's are, so a
    title or a keyword in these scripts is found whole, as a phrase, and by its first letters."""
    titles = {1: "क्षेत्र संरक्षण", 2: "ป่าชุมชน", 3: "நீர் மேலாண்மை", 4: "می\u200cخواهم"}
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update([record_to_doc(rec(i, und=title)) for i, title in titles.items()])
    for i, title in titles.items():
        for query in (*title.split(), f'"{title}"'):
            assert found(ix, query) == {str(i)}, query
    assert {hit.id[-1] for hit in ix.search("संर", as_you_type=True).hits} == {"1"}  # while typing
    assert "<b>संरक्षण</b>" in ix.search("संरक्षण").hits[0].snippet  # marked whole


def test_the_marks_table_is_unicode_s():
    """``marks.MARKS`` holds the Basic Multilingual Plane's combining marks, as Unicode says."""
    import unicodedata

    from kmdesk.core.search.marks import MARKS

    table = set()
    for low, _, high in re.findall(r"(.)(-(.))?", MARKS, flags=re.S):
        table.update(map(chr, range(ord(low), ord(high or low) + 1)))
    marks = {chr(c) for c in range(0x10000) if unicodedata.category(chr(c)).startswith("M")}
    assert table <= marks and (table == marks or unicodedata.unidata_version != "14.0.0")


def test_an_arabic_word_is_marked_exactly_when_its_analysis_meets_a_term():
    """Snippets judge an Arabic word by its analysis only when the query's Arabic terms are
    pieces of it once folded; that shortcut marks the very words the analysis would."""
    from kmdesk.core.search.analysis import forms, text_fields
    from kmdesk.core.search.snippets import Highlighter

    words = ["ٱلْكِتَابُ", "الكتاب", "كتابها", "وبالكتاب", "مكتبة", "أرض", "الارض", "إرث", "مؤتمر", "مو\u0654تمر",
             "رئيس", "ري\u0654يس", "سنة٢٠٢٠", "٢٠٢٠", "بذور", "والبذور", "بذرة", "ماء", "مياه", "الماءُ", "ـكتاب"]
    for query in ("كتاب", "الكتاب", "أرض", "مؤتمر", "رئيس", "٢٠٢٠", "بذور", "الماء", "مكتبات"):
        terms = {(field, term) for field in text_fields() for term in forms(field, query)}
        marker = Highlighter(terms)
        for word in words:
            analysed = any(term in forms(field, word) for field, term in terms)
            assert marker._matched(word) == analysed, (query, word)


def test_a_text_of_arabic_and_hindi_folds_only_its_arabic_words(tmp_path):
    """Arabic folding drops the marks of Arabic words only: a Hindi word's virama in the same
    text stays, as in a query that holds no Arabic, so the Hindi word is found (it was not)."""
    ix = SearchIndex.open(tmp_path / "ix")
    ix.update([record_to_doc({**rec(1, und="ٱلْكِتَابُ क्षेत्र x\u0331aa"), "body": {"ar": "وَالْكِتَابُ क्षेत्र"}})])
    for query in ("क्षेत्र", "x\u0331aa", "الكتاب", "كتاب", '"الكتاب क्षेत्र"'):
        assert found(ix, query) == {"1"}, query


@pytest.mark.parametrize("text", [
    "क्षेत्र संरक्षण U.N. foo_bar x² 3.5 seed🌱 ป่าชุมชน நீர் می\u200cخواهم 𞤀𞥄𞤣𞤢 ᐃᓄᒃᑎᑐᑦ x\u0331aa Ɂesdzanh ʔaq "
    "naïve café l'eau d’été сло\u0301во ٱلْكِتَابُ وَالْكِتَابُ ـكتاب ཀུན་མཁྱེན། ꦗꦮ ১২৩ ①②",
    "The Kwak'wala x\u0331ʷ sound, ǭ and ą\u0301 in Dene; ʻōlelo Hawaiʻi; ŋ, ɛ, ɔ in Ewe; ǂ and ǁ clicks in Khoekhoe",
    "e.g. 2024-05-01, www.example.org, a.b.c, ...dots..., ‐hyphen‐ and—dash الأرض",
])
def test_a_text_and_its_words_typed_as_a_query_meet_on_the_same_terms(text):
    """In every field, the terms Tantivy makes of a document's text are the terms its words make
    one by one as a query's (Chinese aside: its documents also hold single characters)."""
    import unicodedata

    from kmdesk.core.search.analysis import TOKEN, analyzer, forms, prepare, text_fields

    for field in text_fields():
        if field != "text_zh":
            typed = [term for word in TOKEN.findall(unicodedata.normalize("NFC", text)) for term in forms(field, word)]
            assert analyzer(field).analyze(prepare(text, field)) == typed, field
