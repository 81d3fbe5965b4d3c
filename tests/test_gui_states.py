"""Honest controls (issue 11): every action is enabled only when it can succeed for the profile
at the keyboard, walked through the states a demo library has: locked, viewer, contributor,
custodian; and locking takes the last search, its count and its facets off the screen."""

from __future__ import annotations

import pytest
from conftest import DEMO_CONTRIBUTOR, DEMO_CUSTODIAN, DEMO_VISITOR, unlock_on_screen

PROFILES = {"viewer": DEMO_VISITOR, "contributor": DEMO_CONTRIBUTOR, "custodian": DEMO_CUSTODIAN}


@pytest.fixture
def window(make_window, demo_library):
    opened = make_window(demo_library)
    opened.sync_panel.show()
    return opened


def unlock(window, name: str, secret: str) -> None:
    unlock_on_screen(window, name, secret)
    assert window.session.profile["name"] == name


def controls(window) -> dict[str, bool]:
    panel = window.sync_panel
    return {"new": window.new_action.isEnabled(), "edit": window.edit_action.isEnabled(),
            "delete": window.delete_action.isEnabled(), "import": window.import_action.isEnabled(),
            "sync": panel.sync_button.isEnabled(), "retry": panel.retry_button.isEnabled(),
            "share": panel.share_button.isEnabled() or panel.unshare_button.isEnabled(),
            "custodian's view": window.session.custodian_action.isEnabled()}


def show_public_record(window) -> str:
    record_id = next(hit.id for hit in window.library.index.search("").hits)
    window.show_record_id(record_id)
    assert window.record_view.record["id"] == record_id
    return record_id


@pytest.mark.parametrize(("state", "expected"), [
    ("locked", {"new": False, "edit": False, "delete": False, "import": False, "sync": False, "retry": False,
                "share": False, "custodian's view": False}),
    ("viewer", {"new": False, "edit": False, "delete": False, "import": False, "sync": False, "retry": False,
                "share": False, "custodian's view": False}),
    ("contributor", {"new": True, "edit": True, "delete": True, "import": True, "sync": False, "retry": False,
                     "share": True, "custodian's view": False}),
    ("custodian", {"new": True, "edit": True, "delete": True, "import": True, "sync": True, "retry": True,
                   "share": True, "custodian's view": True}),
])
def test_each_control_is_enabled_only_when_it_can_succeed(window, state, expected):
    if state == "locked":
        window.session.browse()  # past the lock screen, reading the public records
    else:
        unlock(window, *PROFILES[state])
    show_public_record(window)
    assert controls(window) == expected


def test_what_sync_and_share_say_names_the_target(window):
    unlock(window, *PROFILES["custodian"])
    show_public_record(window)
    panel = window.sync_panel
    targets = {t["name"]: t["kind"] for t in window.library.sync.targets()}
    assert "bioland" in targets.values()
    for index in range(panel.target_combo.count()):
        panel.target_combo.setCurrentIndex(index)
        name = panel.target_combo.currentText()
        assert panel.share_button.text() == f"Share with {name}"
        if targets[name] == "bioland":
            assert "CHM" not in panel.share_button.text()
    window.session.lock()
    assert not panel.sync_button.isEnabled() and "custodian" in panel.sync_button.toolTip()


def test_locking_clears_the_search_its_count_and_its_facets(window):
    unlock(window, *PROFILES["custodian"])
    window.search_edit.setText("seed")
    window.search_now()
    community = next(value for value, _count in window.results.facets["community"])
    window.facets.select("community", community)
    assert window.model.rowCount() > 0 and "shown" in window.counts_label.text()
    assert window.facets.tree.topLevelItemCount() > 0
    searched = window.counts_label.text()
    window.session.lock()
    assert window.search_edit.text() == ""
    assert window.facets.filters() == {}
    public = window.library.index.search("").total  # behind the lock screen the list is the public records
    assert window.counts_label.text() != searched and window.counts_label.text().endswith(f"· {public} shown")
    assert window.suggestion_label.isHidden()
