"""The window on a library kmdesk cannot write to (a read-only medium): it opens, unlocks, lists,
searches and shows, says it is read-only above the list, in the title and the status bar, and
offers no change. The write probe answers "no" (``store.writable``), as it does on a DVD or a
write-protected stick (tests/test_library_files.py opens one on a real read-only mount)."""

from __future__ import annotations

import shutil

import pytest
from conftest import DEMO_CUSTODIAN as CUSTODIAN
from conftest import unlock_on_screen

from kmdesk.core.errors import ReadOnlyLibrary
from kmdesk.core.store import engine as store
from kmdesk.core.store.library import Library
from kmdesk.gui.dialogs import error_headline

SEED_TITLE = "Women's selection of seed tubers"  # a restricted demo record
WORDS = "This library is on a read-only medium: you can read and search it, not change it."


@pytest.fixture
def read_only_library(_demo_template, tmp_path, monkeypatch):
    shutil.copytree(_demo_template, tmp_path / "ro")
    monkeypatch.setattr(store, "writable", lambda _folder: False)
    with Library.open(tmp_path / "ro") as library:
        assert library.read_only
        yield library


def test_the_window_reads_a_read_only_library_and_offers_no_change(make_window, read_only_library):
    window = make_window(read_only_library)
    unlock_on_screen(window, *CUSTODIAN)
    assert window.session.status_label.text() == "Unlocked: Demo Custodian (custodian)"
    model = window.model
    titles = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert SEED_TITLE in titles  # restricted records open, searched from the private index in memory
    assert read_only_library.index.public.warmer._on  # its copied index walked ahead too, as any window's
    banner = window.findChild(type(window.session.status_label), "read_only_banner")
    assert banner is not None and banner.isVisible() and banner.text().startswith(WORDS)
    assert window.windowTitle().endswith("(read-only)")

    seed = next(r["id"] for r in read_only_library.records.iter_all() if SEED_TITLE in r["title"].values())
    window.show_record_id(seed)
    assert window.record_view.record["id"] == seed and not window.record_view.record.get("sealed")
    for action in (window.new_action, window.edit_action, window.delete_action, window.import_action,
                   window.rebuild_action, window.session.passphrase_action):
        assert not action.isEnabled(), action.text()
    assert window.edit_action.toolTip().startswith(WORDS)
    assert window.export_action.isEnabled() and window.check_action.isEnabled()
    consent = window.record_view.consent_panel
    assert not consent.record_button.isEnabled() and consent.note_label.text().startswith(WORDS)
    assert not window.attachments_view.add_button.isEnabled()
    window.sync_panel.refresh()
    assert not window.sync_panel.sync_button.isEnabled() and not window.sync_panel.pull_button.isEnabled()
    assert window.edit_record() is None  # a call that comes anyway is refused before any editor opens


def test_a_refused_change_is_said_in_words(read_only_library):
    with pytest.raises(ReadOnlyLibrary) as refused:
        read_only_library.records.delete(read_only_library.index.search("").hits[0].id)
    assert error_headline(refused.value).startswith(WORDS)


def test_the_trash_offers_no_restore_on_a_read_only_medium(make_window, _demo_template, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    shutil.copytree(_demo_template, folder)
    with Library.open(folder) as writable:
        writable.unlock(*CUSTODIAN)
        public = next(r for r in writable.records.iter_all() if r["access"]["level"] == "public")
        writable.records.delete(public["id"])
    monkeypatch.setattr(store, "writable", lambda _folder: False)
    with Library.open(folder) as library:
        window = make_window(library)
        view = window.show_trash()
        view.tree.setCurrentItem(view.tree.topLevelItem(0))
        assert view.tree.topLevelItemCount() == 1
        assert not view.restore_button.isEnabled() and not view.empty_button.isEnabled()
        view.close()
