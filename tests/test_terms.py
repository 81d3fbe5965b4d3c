"""The thematic terms (resources/vocab/terms.json): labels in the six UN languages that a record's
words are read against, each term tied to GBF targets and CBD subjects that exist."""

from __future__ import annotations

from kmdesk.core import vocab
from kmdesk.core.chm.evidence import evidence_of, tokens

UN_LANGUAGES = {"en", "es", "fr", "ar", "zh", "ru"}


def test_every_term_has_labels_in_six_languages_and_real_targets_and_subjects():
    terms = vocab.terms()
    subjects = {s["identifier"] for s in vocab.cbd_subjects()}
    assert len(terms) >= 40 and len({t["key"] for t in terms}) == len(terms)
    for term in terms:
        assert set(term["labels"]) == UN_LANGUAGES and all(term["labels"].values()), term["key"]
        assert term["gbf_targets"] and all(1 <= n <= 23 for n in term["gbf_targets"]), term["key"]
        assert set(term["subjects"]) <= subjects, term["key"]
        for lang, labels in term["labels"].items():
            for label in labels:
                assert tokens(label, lang), (term["key"], label)  # never only function words


def test_a_keyword_in_any_language_names_the_term_a_text_in_its_own():
    record = {"title": {"es": "Manglares del golfo"}, "keywords": ["红树林", "ruches"],
              "summary": {"en": "Des abeilles"}}  # French text tagged English: read for English labels only
    found = evidence_of(record)
    assert found.terms == {"mangroves": ["Manglares", "红树林"], "pollinators": ["ruches"]}
    assert 2 in found.implied_targets and "CBD-SUBJECT-MAR" in found.implied_subjects
