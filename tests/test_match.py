"""Matchmaking: ranked by the search engine with reasons, measured on a labelled set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmdesk.core.chm import match
from kmdesk.core.errors import InvalidRecord
from kmdesk.core.store.library import Library

DATA = json.loads((Path(__file__).parent / "data" / "matches.json").read_text(encoding="utf-8"))
# measured 0.545 (each need has 3 good partners, so 0.6 is the ceiling: 2.7 of 3 found in the top 5)
PRECISION_AT_5_BAR = 0.50


def labelled_library(path: Path) -> tuple[Library, dict[str, str]]:
    library = Library.open(path)
    ids = {}
    for item in DATA["partners"] + DATA["needs"]:
        record = {k: v for k, v in item.items() if k not in ("key", "theme", "good")}
        ids[item["key"]] = library.records.add({**record, "type": item.get("type", "need")})["id"]
    return library, ids


def precision_at_5(library: Library, ids: dict[str, str]) -> float:
    keys = {v: k for k, v in ids.items()}
    scores = []
    for need in DATA["needs"]:
        top = [keys[m.id] for m in match.matches(library, ids[need["key"]], limit=5)]
        scores.append(len(set(top) & set(need["good"])) / 5)
    return sum(scores) / len(scores)


def test_the_labelled_set_is_large_enough_and_consistent():
    partners = {p["key"] for p in DATA["partners"]}
    assert len(DATA["needs"]) >= 40
    assert all(need["good"] and set(need["good"]) <= partners for need in DATA["needs"])


def test_precision_at_5_on_the_labelled_set_holds_the_bar(tmp_path):
    library, ids = labelled_library(tmp_path / "lib")
    with library:
        assert precision_at_5(library, ids) >= PRECISION_AT_5_BAR


def test_each_match_says_why(tmp_path):
    library, ids = labelled_library(tmp_path / "lib")
    with library:
        found = match.matches(library, ids["n-water3"], limit=5)
        hydrologist = next(m for m in found if m.id == ids["p-hydro"])
        codes = {r["code"]: r["values"] for r in hydrologist.reasons}
        assert codes["target"] == [11] and codes["country"] == ["pe"] and codes["language"] == ["es"]
        assert "qochas" in codes["words"]
        assert match.reason_text(hydrologist.reasons[0]) == "same target 11"
        assert all(m.type in ("offer", "organization", "person") and m.source == "library" for m in found)


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
        library = Library.open(tmp_path / "lib")
        library.access.create_profile("Keeper", "match custodian passphrase", ["custodian"])
        library.unlock("Keeper", "match custodian passphrase")
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
    library = Library.open(tmp_path / "lib")
    library.access.create_profile("Keeper", "match custodian passphrase", ["custodian"])
    library.unlock("Keeper", "match custodian passphrase")
    library.access.add_community("Sumaq Pacha", "pe")
    offer = library.records.add({"type": "offer", "title": {"en": "Training on seed storage"}, "gbf_targets": [4],
                                 "summary": {"en": "Seed storage and drying."}})
    need = library.records.add({"type": "need", "title": {"en": f"Our {canary} seed storage"}, "community": "Sumaq Pacha",
                                "summary": {"en": f"Sacred {canary} seeds need better storage."}, "gbf_targets": [4],
                                "access": {"level": "community"}})
    found = match.matches(library, need["id"])  # from the text opened in memory
    assert found[0].id == offer["id"] and {"seed", "storage"} <= set(found[0].reasons[-1]["values"])
    library.close()
    for file in tmp_path.rglob("*"):
        if file.is_file():
            assert canary.encode() not in file.read_bytes() and canary.casefold().encode() not in file.read_bytes(), file


def test_the_matches_tab_shows_reasons_and_opens_a_match(qtbot, tmp_path):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    library, ids = labelled_library(tmp_path / "lib")
    with library:
        window = MainWindow(library, Settings(), language="en")
        qtbot.addWidget(window)
        window.reload()
        window.show_record_id(ids["n-water3"])
        view = window.matches_view
        assert view.tree.topLevelItemCount() == len(view.matches) > 0
        row = next(view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())
                   if view.tree.topLevelItem(i).text(0) == "Ana Quispe, hydrologist")
        assert "same target 11" in row.text(2) and "Peru" in row.text(2) and "qochas" in row.text(2)
        view.tree.itemActivated.emit(row, 0)
        assert window.record_view.record["id"] == ids["p-hydro"]
        assert [view.tree.topLevelItem(i).text(1) for i in range(view.tree.topLevelItemCount())] == ["Need"] * len(view.matches)
        window.show_no_record()
        assert view.tree.topLevelItemCount() == 0 and view.matches == []
