"""Matchmaking: ranked by the search engine and language-neutral evidence, with reasons in words,
measured on a labelled set in six languages."""

from __future__ import annotations

import re

import pytest
from conftest import open_as_custodian
from labelled_sets import MATCHES, matches_library, precision_at_5

from kmdesk.core.chm import match
from kmdesk.core.errors import InvalidRecord
from kmdesk.core.store.library import Library

DATA = MATCHES
# measured 0.540 (each need has 3 good partners, so 0.6 is the ceiling: 2.7 of 3 found in the top 5)
PRECISION_AT_5_BAR = 0.50
CROSS_OF_SAME = 0.8  # cross-language precision@5 at least this part of same-language (measured 0.97 and 0.94)


def labelled_library(path, condition="english", tagged=True):
    return matches_library(path, condition, tagged=tagged)


def test_the_labelled_set_is_large_enough_and_consistent():
    partners = {p["key"] for p in DATA["partners"]}
    assert len(DATA["needs"]) >= 40
    assert all(need["good"] and set(need["good"]) <= partners for need in DATA["needs"])
    languages = {p["lang"] for p in DATA["partners"]}
    assert languages == {"en", "es", "fr", "ar", "zh", "ru"}
    assert {n["cross"] for n in DATA["needs"]} == languages
    for need in DATA["needs"]:  # a need's cross-language text is never in its partners' language
        assert need["cross"] != need["lang"] and need["cross"] in need["title"] and need["lang"] in need["title"]


def test_precision_at_5_on_the_labelled_set_holds_the_bar(tmp_path):
    library, ids = labelled_library(tmp_path / "lib")
    with library:
        assert precision_at_5(library, ids) >= PRECISION_AT_5_BAR


@pytest.mark.parametrize("tagged", [True, False], ids=["tagged", "untagged"])
def test_cross_language_precision_reaches_most_of_same_language(tmp_path, tagged):
    """The same needs and partners, each need written in its partners' language, then in another."""
    figures = {}
    for condition in ("same", "cross"):
        library, ids = labelled_library(tmp_path / condition, condition, tagged=tagged)
        with library:
            figures[condition] = precision_at_5(library, ids)
    assert figures["same"] >= PRECISION_AT_5_BAR
    assert figures["cross"] >= CROSS_OF_SAME * figures["same"], figures


def test_needs_and_offers_meet_across_languages(tmp_path):
    """A Spanish need for mangroves finds the English and French mangrove offers before an offer
    from its own country in its own language; a Chinese beekeeping need finds an English one."""
    with Library.open(tmp_path / "lib") as library:
        def add(kind, lang, title, summary, **more):
            return library.records.add({"type": kind, "title": {lang: title}, "summary": {lang: summary}, **more})["id"]

        alpaca = add("offer", "es", "Capacitación en crianza de alpacas", "Curso para comunidades sobre esquila, sanidad y "
                     "mejoramiento de alpacas en la puna.", countries=["pe"], languages=["es"])
        english = add("offer", "en", "Mangrove nursery guidance", "We help coastal villages raise mangrove propagules "
                      "and replant degraded mangrove forests.", countries=["id"], languages=["en"])
        french = add("offer", "fr", "Restauration des mangroves", "Appui aux pêcheurs pour replanter la mangrove dégradée.",
                     countries=["sn"], languages=["fr"])
        bees = add("offer", "en", "Beekeeping with native bees", "Training in beekeeping: hives, honey harvest and "
                   "protecting pollinators.", countries=["mx"], languages=["en"])
        need = add("need", "es", "Restauración de manglares", "Nuestra comunidad necesita apoyo para restaurar los "
                   "manglares de la bahía.", countries=["pe"], languages=["es"])
        found = [m.id for m in match.matches(library, need, limit=5)]
        assert set(found[:2]) == {english, french}, (found, alpaca)
        beekeeping = add("need", "zh", "学习养蜂", "我们村想学习养蜂，保护传粉者。", countries=["cn"], languages=["zh"])
        found = match.matches(library, beekeeping, limit=3)
        assert found and found[0].id == bees
        assert {"kind": "term", "params": {"keys": ["pollinators"]}} in found[0].reasons


def test_each_match_says_why(tmp_path):
    from kmdesk.cli.words import match_reason

    library, ids = labelled_library(tmp_path / "lib")
    with library:
        found = match.matches(library, ids["n-water3"], limit=5)
        hydrologist = next(m for m in found if m.id == ids["p-hydro"])
        kinds = {r["kind"]: r["params"] for r in hydrologist.reasons}
        assert kinds["target"] == {"numbers": [11]} and "qochas" in kinds["words"]["words"]
        assert kinds["country"] == {"codes": ["pe"]}  # the only Peruvian among the matches: it tells them apart
        assert "language" not in kinds or "es" in kinds["language"]["codes"]
        words = [match_reason(r) for r in hydrologist.reasons]
        assert "same target 11 (Restore, maintain and enhance nature's…)" in words and "same country: Peru" in words
        assert all(m.type in ("offer", "organization", "person") and m.source == "library" for m in found)


NOT_SHOWN = {"an identifier": re.compile(r"CBD-SUBJECT|GBF-TARGET|[A-Z]{2,}-[A-Z]{2,}"),
             "an ISO date": re.compile(r"\d{4}-\d{2}-\d{2}"), "coordinates": re.compile(r"@|-?\d+\.\d+")}


def test_no_reason_shown_holds_a_stem_a_code_a_date_or_coordinates(qtbot, demo_library):
    """Every reason of every match in the demo library, as the matches tab and the command line
    word it: names and titles, words as the matched record writes them."""
    from kmdesk.cli.words import match_reason
    from kmdesk.core.chm.evidence import record_texts
    from kmdesk.core.search.analysis import TOKEN
    from kmdesk.gui.match_words import reason_text

    library = demo_library
    library.unlock("Demo Custodian", "kmdesk demo custodian")
    library.records.add({"type": "offer", "title": {"en": "Registering hima rangelands with cooperatives"},
                         "summary": {"en": "Cooperative registration of hima land, updated 2024-06-12T14:20:00+00:00."},
                         "places": ["Enkiteng @ -1.9 36.8"], "countries": ["jo"], "gbf_targets": [22]})
    library.records.add({"type": "need", "title": {"es": "Menos plaguicidas en Enkiteng"}, "places": ["Enkiteng @ -1.9 36.8"],
                         "summary": {"es": "Necesitamos menos plaguicidas y más abejas."}, "subjects": ["CBD-SUBJECT-OUT+CEPA"]})
    shown = 0
    for record in library.records.iter_all():
        if record["type"] not in match.PARTNERS or record.get("sealed"):
            continue
        for found in match.matches(library, record["id"]):
            other = library.records.get(found.id)
            written = {w.casefold() for _tag, text in record_texts(other) for w in TOKEN.findall(text)}
            for reason in found.reasons:
                for text in (reason_text(reason, "en"), match_reason(reason)):
                    shown += 1
                    for what, pattern in NOT_SHOWN.items():
                        assert not pattern.search(text), (what, text)
                    for code in reason["params"].get("codes", []):
                        assert not re.search(rf"\b{code}\b", text), text
                if reason["kind"] == "words":
                    assert set(reason["params"]["words"]) <= written, reason  # as written there, never a stem
                    assert "menos" not in reason["params"]["words"]
    assert shown > 50


def test_an_offer_is_matched_toward_needs(tmp_path):
    library, ids = labelled_library(tmp_path / "lib")
    with library:
        found = match.matches(library, ids["o-reefsurv"], limit=5)
        assert {m.type for m in found} == {"need"}
        assert ids["n-reef3"] in [m.id for m in found[:2]]


def test_records_of_other_types_are_refused_clearly(library):
    record = next(r for r in library.records.iter_all() if r["type"] == "practice")
    with pytest.raises(InvalidRecord, match="not matched"):
        match.matches(library, record["id"])


def test_pulled_chm_offers_are_matched_and_withdrawn_ones_left_out(tmp_path):
    from kmdesk.core.chm import pull as chm_pull
    from kmdesk.core.chm.demo import CHM_TARGET, add_reference_targets
    from kmdesk.refserver.index import central_record
    from kmdesk.refserver.server import RefServer

    offers = [central_record("CHM-OFFER-1", "offer", title={"en": "Mangrove nursery training for fishers"}, countries=["mz"],
                             targets=[2], summary={"en": "Propagule collection and replanting of mangroves after cyclones."}),
              central_record("CHM-OFFER-2", "offer", title={"en": "Mangrove replanting brigade"}, countries=["mz"], targets=[2],
                             summary={"en": "Replanting mangroves after cyclones with propagules from our nursery."})]
    with RefServer().start() as server:
        server.control("central_put", records=offers)
        library = open_as_custodian(tmp_path / "lib", "match custodian passphrase")
        with library:
            add_reference_targets(library, server.url, bioland=None, settings={"country": "mz"})
            need = library.records.add({"type": "need", "title": {"en": "Replanting mangroves after the cyclone"}, "countries": ["mz"],
                                        "summary": {"en": "We need propagules and a nursery to replant mangroves."}, "gbf_targets": [2]})
            chm_pull.pull(library, CHM_TARGET)
            found = match.matches(library, need["id"])
            assert {m.id for m in found} == {chm_pull.record_id("CHM-OFFER-1"), chm_pull.record_id("CHM-OFFER-2")}
            assert {m.source for m in found} == {"chm"}
            server.control("central_withdraw", identifier="CHM-OFFER-2")
            chm_pull.pull(library, CHM_TARGET)
            assert [m.id for m in match.matches(library, need["id"])] == [chm_pull.record_id("CHM-OFFER-1")]


def test_matching_a_restricted_need_leaves_nothing_on_disk(tmp_path):
    canary = "Zqxmatchcanary"
    library = open_as_custodian(tmp_path / "lib", "match custodian passphrase")
    library.access.add_community("Sumaq Pacha", "pe")
    offer = library.records.add({"type": "offer", "title": {"en": "Training on seed storage"}, "gbf_targets": [4],
                                 "summary": {"en": "Seed storage and drying."}})
    need = library.records.add({"type": "need", "title": {"en": f"Our {canary} seed storage"}, "community": "Sumaq Pacha",
                                "summary": {"en": f"Sacred {canary} seeds need better storage."}, "gbf_targets": [4],
                                "access": {"level": "community"}})
    found = match.matches(library, need["id"])  # from the text opened in memory
    assert found[0].id == offer["id"] and {"seed", "storage"} <= set(found[0].reasons[-1]["params"]["words"])
    library.close()
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert canary.encode() not in file.read_bytes() and canary.casefold().encode() not in file.read_bytes(), file


def test_the_matches_tab_shows_reasons_and_opens_a_match(make_window, tmp_path):
    library, ids = labelled_library(tmp_path / "lib")
    with library:
        window = make_window(library, shown=False)
        window.show_record_id(ids["n-water3"])
        view = window.matches_view
        assert view.tree.topLevelItemCount() == len(view.matches) > 0
        row = next(view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())
                   if view.tree.topLevelItem(i).text(0) == "Ana Quispe, hydrologist")
        assert "same target 11 (Restore" in row.text(2) and "same country: Peru" in row.text(2) and "qochas" in row.text(2)
        view.tree.itemActivated.emit(row, 0)
        assert window.record_view.record["id"] == ids["p-hydro"]
        assert [view.tree.topLevelItem(i).text(1) for i in range(view.tree.topLevelItemCount())] == ["Need"] * len(view.matches)
        window.show_no_record()
        assert view.tree.topLevelItemCount() == 0 and view.matches == []
