"""The record history shows values, old -> new, as far as the reader may see them: a member of
the record's protocol sees every value; a locked reader or a profile the record does not admit
sees the values its sealed stub shows anyway and the protected fields as withheld; of a sacred
record, nothing but the names. A canary in the protected fields never reaches them."""

from __future__ import annotations

import json

import pytest

from kmdesk.core.store.library import Library

PASS = {"Aiyana": "aiyana passphrase", "Mei": "mei passphrase"}
CANARY = "Zqhistorycanary tintes secretos"


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib")
    library.access.create_profile("Aiyana", PASS["Aiyana"], ["custodian"])
    library.unlock("Aiyana", PASS["Aiyana"])
    library.access.create_profile("Mei", PASS["Mei"], ["viewer"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire", kind="strict")
    yield library
    library.close()


def restricted(lib, level="restricted"):
    access = {"level": "sacred", "custodians": ["Aiyana"]} if level == "sacred" else \
        {"level": level, "protocols": ["Weavers' council"]}
    record = lib.records.add({"type": "traditional_knowledge", "title": {"es": CANARY}, "community": "Ayllu Chawaytire",
                              "date": "2019", "gbf_targets": [4], "access": access})
    lib.records.update(record["id"], {"date": "2021", "gbf_targets": [4, 13], "body": {"es": CANARY + " segunda"},
                                      "creators": [{"name": CANARY, "role": "knowledge_holder"}]})
    return record["id"]


def edit(history):
    return next(entry for entry in history if entry["action"] == "edit")


def test_a_member_sees_every_value_old_and_new(lib):
    record_id = restricted(lib)
    changes = edit(lib.history.of(record_id))["changes"]
    assert changes["date"] == ["2019", "2021"] and changes["gbf_targets"] == [[4], [4, 13]]
    assert changes["body"] == [{}, {"es": CANARY + " segunda"}]
    assert edit(lib.history.of(record_id))["withheld"] == []


@pytest.mark.parametrize("reader", ["locked", "Mei"])
def test_a_reader_the_record_does_not_admit_sees_the_stub_values_and_the_rest_withheld(lib, reader):
    record_id = restricted(lib)
    lib.lock()
    if reader == "Mei":
        lib.unlock("Mei", PASS["Mei"])
    history = lib.history.of(record_id)
    changes = edit(history)["changes"]
    assert changes["date"] == ["2019", "2021"] and changes["gbf_targets"] == [[4], [4, 13]]
    assert changes["body"] is None and changes["creators"] is None
    assert sorted(edit(history)["withheld"]) == ["body", "creators"]
    assert history[0]["changes"]["title"] is None
    assert "Zqhistorycanary" not in json.dumps(history, ensure_ascii=False)


def test_a_sacred_record_shows_nothing_but_names_to_others(lib):
    record_id = restricted(lib, "sacred")
    lib.lock()
    changes = edit(lib.history.of(record_id))["changes"]
    assert changes == {"date": None, "gbf_targets": None, "body": None, "creators": None}


def test_a_record_made_restricted_withholds_its_past_protected_values(lib):
    record = lib.records.add({"type": "practice", "title": {"en": CANARY}, "date": "2019"})
    lib.records.update(record["id"], {"date": "2020"})
    lib.records.update(record["id"], {"access": {"level": "restricted", "protocols": ["Weavers' council"]},
                                      "community": "Ayllu Chawaytire"})
    lib.lock()
    history = lib.history.of(record["id"])
    assert history[0]["changes"]["title"] is None and history[1]["changes"]["date"] == ["2019", "2020"]
    assert "Zqhistorycanary" not in json.dumps(history, ensure_ascii=False)
    lib.unlock("Aiyana", PASS["Aiyana"])
    assert lib.history.of(record["id"])[0]["changes"]["title"] == [None, {"en": CANARY}]


def tree_texts(tree) -> list[list[str]]:
    """Every line of the history tree, children after their entry, with the tooltips."""
    lines = []
    for n in range(tree.topLevelItemCount()):
        entry = tree.topLevelItem(n)
        for item in [entry, *(entry.child(c) for c in range(entry.childCount()))]:
            lines.append([item.text(c) for c in range(3)] + [item.toolTip(c) for c in range(3)])
    return lines


def window_on(qtbot, lib, record_id):
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    window = MainWindow(lib, Settings(), language="en")
    qtbot.addWidget(window)
    window.reload()
    window.session.browse()
    window.show_record_id(record_id)
    return window


def test_the_window_shows_a_locked_reader_the_values_and_withholds_the_rest(qtbot, lib):
    record_id = restricted(lib)
    lib.lock()
    window = window_on(qtbot, lib, record_id)
    tree = window.record_view.history
    lines = tree_texts(tree)
    assert "Zqhistorycanary" not in json.dumps(lines, ensure_ascii=False)
    edited = next(n for n in range(tree.topLevelItemCount()) if tree.topLevelItem(n).text(2).startswith("Edited"))
    entry = tree.topLevelItem(edited)
    assert entry.isExpanded() and entry.text(2) == "Edited: Text, GBF targets, Creators, Date"
    shown = {entry.child(c).text(1): entry.child(c).text(2) for c in range(entry.childCount())}
    assert shown == {"Date": "2019 → 2021", "GBF targets": "4 → 4, 13", "Text": "(withheld)", "Creators": "(withheld)"}


def test_the_window_shows_a_member_every_value(qtbot, lib):
    record_id = restricted(lib)
    window = window_on(qtbot, lib, record_id)
    tree = window.record_view.history
    entry = next(tree.topLevelItem(n) for n in range(tree.topLevelItemCount())
                 if tree.topLevelItem(n).text(2).startswith("Edited"))
    shown = {entry.child(c).text(1): entry.child(c).text(2) for c in range(entry.childCount())}
    assert shown["Text"] == f"— → es: {CANARY} segunda" and shown["Date"] == "2019 → 2021"
