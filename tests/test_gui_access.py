"""Consent and access in the window, driven as a person would: the lock screen, idle lock, the
first custodian, the access block, the consent dialogs, the custodian's view and the icons.
Offscreen, with synchronous workers, on real libraries in temporary directories."""

from __future__ import annotations

import pytest
from conftest import DEMO_CONTRIBUTOR as CONTRIBUTOR
from conftest import DEMO_CUSTODIAN as CUSTODIAN
from conftest import unlock_on_screen

SEED_TITLE = "Women's selection of seed tubers"  # a restricted demo record
SACRED_TITLE = "The village sacred grove"


def titles(window) -> list[str]:
    model = window.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def record_id(library, title: str) -> str:
    return next(r["id"] for r in library.records.iter_all() if title in (r.get("title") or {}).values())


def visible_page(window):
    return window.session.stack.currentWidget()


# -- the core's small addition ---------------------------------------------------------------------
def test_unlocked_profile_says_who_without_keys(demo_library):
    assert demo_library.access.unlocked_profile() is None
    demo_library.unlock(*CONTRIBUTOR)
    profile = demo_library.access.unlocked_profile()
    assert profile == {"name": "Demo Contributor", "roles": ["contributor"],
                       "protocols": ["Ayllu Sumaq Pacha: members"], "communities": ["Ayllu Sumaq Pacha"]}
    demo_library.lock()
    assert demo_library.access.unlocked_profile() is None


def test_protocols_count_the_records_they_hold(demo_library):
    counts = {p["name"]: p["records"] for p in demo_library.access.protocols()}
    assert counts["Sumaq Pacha seed guardians (women)"] == 1
    assert counts["Vatuloa fishers' council"] == 1  # "any": one wrapped key per protocol
    assert counts["Ayllu Sumaq Pacha: members"] == 1


# -- lock screen and unlock ------------------------------------------------------------------------
def test_a_protected_library_opens_locked(make_window, demo_library):
    window = make_window(demo_library)
    session = window.session
    assert visible_page(window) is session.lock_screen
    assert session.status_label.text() == "Locked: public records only"
    combo = session.lock_screen.profile_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["Demo Contributor", "Demo Custodian", "Demo Visitor"]
    assert session.lock_action.text() == "&Unlock…"
    assert not window.new_action.isEnabled()  # locked: nothing can be written


def test_wrong_passphrase_says_so_clears_the_field_and_is_audited(make_window, demo_library):
    window = make_window(demo_library)
    screen = window.session.lock_screen
    unlock_on_screen(window, CUSTODIAN[0], "not the passphrase")
    assert visible_page(window) is screen
    assert screen.message_label.isVisibleTo(screen)
    assert "does not open Demo Custodian" in screen.message_label.text()
    assert screen.passphrase_edit.text() == "" and screen.unlock_button.isEnabled()
    assert demo_library.access.unlocked_profile() is None
    assert demo_library.audit.events()[-1]["action"] == "unlock_failed"


def test_right_passphrase_unlocks_and_shows_restricted_records(make_window, demo_library):
    window = make_window(demo_library)
    assert SEED_TITLE not in titles(window)
    unlock_on_screen(window, *CUSTODIAN)
    session = window.session
    assert visible_page(window) is session.library_page
    assert session.status_label.text() == "Unlocked: Demo Custodian (custodian)"
    assert SEED_TITLE in titles(window) and SACRED_TITLE in titles(window)
    assert session.lock_screen.passphrase_edit.text() == ""
    assert session.lock_action.text() == "&Lock" and session.custodian_action.isEnabled()
    assert demo_library.audit.events()[-1]["action"] == "unlock"


def test_browse_without_unlocking_lists_public_records_and_opens_sealed_stubs(make_window, demo_library):
    window = make_window(demo_library)
    window.session.lock_screen.browse_button.click()
    assert visible_page(window) is window.session.library_page
    shown = titles(window)
    assert len(shown) == demo_library.index.search("").total and SEED_TITLE not in shown and SACRED_TITLE not in shown
    demo_library.unlock(*CUSTODIAN)
    seed_id = record_id(demo_library, SEED_TITLE)
    demo_library.lock()
    window.show_record_id(seed_id)  # a record reached by its id (a link, --record) is a sealed stub
    page = window.record_view.browser.toPlainText()
    assert window.record_view.record["sealed"] and "protected by its community's rules" in page
    assert SEED_TITLE not in page and not window.edit_action.isEnabled()


def test_lock_drops_sealed_content_from_the_view(make_window, demo_library):
    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    seed_id = record_id(demo_library, SEED_TITLE)
    window.show_record_id(seed_id)
    assert SEED_TITLE in window.record_view.browser.toPlainText()
    window.session.lock_action.trigger()
    assert demo_library.access.unlocked_profile() is None
    assert visible_page(window) is window.session.lock_screen
    assert SEED_TITLE not in window.record_view.browser.toPlainText()
    assert window.record_view.record is None or window.record_view.record.get("sealed")
    assert SEED_TITLE not in titles(window) and window.undo_stack.count() == 0


def test_lock_takes_the_files_and_their_opened_copies_off_the_screen(monkeypatch, tmp_path, make_window, demo_library):
    from pathlib import Path

    from kmdesk.core.store import attachments
    from kmdesk.gui import attachments_view

    opened = []
    monkeypatch.setattr(attachments_view.QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())))
    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    seed_id = record_id(demo_library, SEED_TITLE)
    note = tmp_path / "harvest-notes.txt"
    note.write_text("which tubers rest this season", encoding="utf-8")
    attachments.add(demo_library, seed_id, note)
    window.show_record_id(seed_id)
    assert [item["filename"] for item in window.attachments_view.items] == ["harvest-notes.txt"]
    window.attachments_view.list.setCurrentRow(0)
    window.attachments_view.open_selected()
    (copy,) = opened
    assert copy.exists()
    window.session.lock_action.trigger()
    shown = [window.attachments_view.list.item(i).text() for i in range(window.attachments_view.list.count())]
    assert not any("harvest-notes" in text for text in shown), shown  # the sealed stub's file has no name
    assert not any(item.get("filename") for item in window.attachments_view.items)
    assert not copy.exists()  # the decrypted copy goes with the keys


# -- idle lock ---------------------------------------------------------------------------------------
def test_idle_lock_fires_after_the_timer_and_input_restarts_it(make_window, demo_library):
    from kmdesk.gui.qt import QApplication, QEvent, QKeyEvent, Qt

    window = make_window(demo_library)
    idle = window.session.idle
    assert idle.minutes == 10 and not idle.timer.isActive()  # the default; locked: nothing to watch
    unlock_on_screen(window, *CUSTODIAN)
    assert idle.timer.isActive() and idle.timer.interval() == 10 * 60_000
    idle.timer.stop()
    QApplication.sendEvent(window.table, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier))
    assert idle.timer.isActive()  # any keyboard or mouse input starts the wait again

    idle.timer.timeout.emit()
    assert demo_library.access.unlocked_profile() is None
    assert visible_page(window) is window.session.lock_screen
    assert "locked itself after 10 minutes" in window.session.lock_screen.message_label.text()
    assert not idle.timer.isActive()


def test_idle_time_is_a_preference_and_zero_means_never(make_window, demo_library):
    from kmdesk.gui.settings import Settings

    window = make_window(demo_library)
    window.session.set_idle_minutes(0)
    assert Settings().idle_lock_minutes == 0
    unlock_on_screen(window, *CUSTODIAN)
    assert not window.session.idle.timer.isActive()
    window.session.set_idle_minutes(3)
    assert window.session.idle.timer.isActive() and window.session.idle.timer.interval() == 3 * 60_000


def test_idle_lock_closes_an_editor_and_discards_its_changes(make_window, demo_library):
    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    seed_id = record_id(demo_library, SEED_TITLE)
    window.show_record_id(seed_id)
    editor = window.edit_record()
    editor.set_text("title", "en", "Changed while nobody watched")
    window.session.idle.timer.timeout.emit()
    assert not editor.isVisible()
    assert "unsaved changes were discarded" in window.session.lock_screen.message_label.text()
    demo_library.unlock(*CUSTODIAN)
    assert demo_library.records.get(seed_id)["title"]["en"] == SEED_TITLE


def test_asked_lock_with_unsaved_changes_can_be_cancelled(monkeypatch, make_window, demo_library):
    from kmdesk.gui.qt import QMessageBox

    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    editor = window.new_record()
    editor.set_text("title", "en", "Half written")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.session.lock()
    assert editor.isVisible() and demo_library.access.unlocked_profile() is not None
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.session.lock()
    assert not editor.isVisible() and demo_library.access.unlocked_profile() is None


# -- first start -------------------------------------------------------------------------------------
def test_first_start_offers_and_creates_the_first_custodian(make_window, library):
    window = make_window(library)
    session = window.session
    assert visible_page(window) is session.library_page and session.banner.isVisibleTo(window)
    assert session.status_label.text() == "Open library (no profiles)"
    dialog = session.create_first_custodian()
    dialog.name_edit.setText("Aiyana")
    dialog.passphrase_edit.setText("short")
    assert "Too short" in dialog.strength_label.text()
    dialog.passphrase_edit.setText("four words of passphrase")
    assert dialog.strength_label.text() == "Strong."
    dialog.repeat_edit.setText("four words of passphrase!")
    dialog.accept()
    assert dialog.isVisible() and "differ" in dialog.error_label.text() and not library.access.has_profiles()
    dialog.repeat_edit.setText("four words of passphrase")
    dialog.accept()
    assert [p["name"] for p in library.access.profiles()] == ["Aiyana"]
    assert library.access.unlocked_profile()["roles"] == ["custodian"]
    assert session.status_label.text() == "Unlocked: Aiyana (custodian)" and not session.banner.isVisibleTo(window)
    window.session.lock_action.trigger()
    assert visible_page(window) is session.lock_screen  # from now on it opens locked


def test_keeping_the_library_open_stops_the_offer(make_window, library):
    window = make_window(library)
    window.session.banner.keep_button.click()
    assert not window.session.banner.isVisibleTo(window)
    again = make_window(library)
    assert not again.session.banner.isVisibleTo(again) and again.new_action.isEnabled()


# -- the access block --------------------------------------------------------------------------------
@pytest.fixture
def protected(library):
    """The sample library with a custodian, a contributor and two protocols, the contributor
    a member of one of them; locked."""
    library.access.create_profile("Aiyana", "aiyana passphrase", ["custodian"])
    library.unlock("Aiyana", "aiyana passphrase")
    library.access.create_profile("Tupaq", "tupaq passphrase", ["contributor"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire")
    library.access.add_protocol("Healers", community="Ayllu Chawaytire")
    library.access.add_member("Weavers' council", "Tupaq")
    library.records.add({"type": "traditional_knowledge", "title": {"es": "Tintes de q'olle"}, "community": "Ayllu Chawaytire",
                         "access": {"level": "restricted", "protocols": ["Weavers' council", "Healers"], "sharing": "any"}})
    library.lock()
    return library


def test_the_access_block_saves_a_restricted_record(make_window, protected):
    window = make_window(protected)
    unlock_on_screen(window, "Aiyana", "aiyana passphrase")
    editor = window.new_record()
    access = editor.access_editor
    editor.set_text("title", "en", "Natural dyes of the weavers")
    assert access.set_level("restricted")
    assert "Only members of the cultural protocols" in access.explanation_label.text()
    assert access.set_protocol("Weavers' council")
    access.set_label("TK WR")
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted
    saved = record_id(protected, "Natural dyes of the weavers")
    record = protected.records.get(saved)
    assert record["access"] == {"level": "restricted", "protocols": ["Weavers' council"], "sharing": "all",
                                "custodians": []}
    assert record["labels"] == ["TK WR"]
    protected.lock()
    assert protected.records.get(saved)["sealed"]


def test_the_access_block_keeps_a_protocol_the_editor_cannot_see(make_window, protected):
    window = make_window(protected)
    unlock_on_screen(window, "Tupaq", "tupaq passphrase")
    dyes = record_id(protected, "Tintes de q'olle")
    window.show_record_id(dyes)
    editor = window.edit_record()
    access = editor.access_editor
    assert access.locked_protocols() == ["Healers"]
    assert not access.set_protocol("Healers", False)  # locked: it cannot be unticked
    assert not access.level_buttons["sacred"].isEnabled()  # a contributor cannot seal for custodians
    assert access.access()["protocols"] == ["Weavers' council", "Healers"]
    editor.set_text("title", "es", "Tintes naturales de q'olle")
    editor.accept()
    assert protected.records.get(dyes)["access"]["protocols"] == ["Weavers' council", "Healers"]

    editor = window.edit_record()
    assert editor.access_editor.set_level("public")  # would drop Healers: the core refuses
    editor.accept()
    assert editor.isVisible() and "cannot remove the protocol(s) Healers" in editor.error_label.text()
    assert editor.pages.currentWidget() is editor.access_editor
    assert protected.records.get(dyes)["access"]["level"] == "restricted"


def test_access_and_label_changes_are_undoable_in_the_editor(qtbot, protected):
    from kmdesk.gui.access_editor import read_access_context
    from kmdesk.gui.record_editor import RecordEditor

    protected.unlock("Aiyana", "aiyana passphrase")
    record = protected.records.get(record_id(protected, "Tintes de q'olle"))
    editor = RecordEditor(None, record, ("en",), (), read_access_context(protected))
    qtbot.addWidget(editor)
    assert editor.undo_stack.count() == 0 and editor.changes() == {}
    editor.access_editor.sharing_all.setChecked(True)
    editor.access_editor.set_label("TK CS")
    assert editor.undo_stack.count() == 2
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.changes() == {}


# -- consent -----------------------------------------------------------------------------------------
def test_record_and_withdraw_consent_through_the_dialogs(make_window, demo_library):
    from kmdesk.gui.library_model import Column, LibraryModel

    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    maramataka = record_id(demo_library, "Planting by the maramataka (Māori lunar calendar)")
    window.show_record_id(maramataka)
    panel = window.record_view.consent_panel
    assert panel.state() == "none" and panel.record_button.isEnabled() and not panel.withdraw_button.isEnabled()

    dialog = window.session.record_consent()
    dialog.granted_by_edit.setText("Te Rūnanga o Ngāti Kahu")
    dialog.accept()
    assert dialog.isVisible() and "scope" in dialog.error_label.text()  # the core's own rule, shown in place
    dialog.community_combo.setCurrentText("Ngāti Kahu")
    dialog.process_edit.setText("hui at the marae")
    dialog.witnesses_edit.setText("Hemi Walker, Aroha Tane")
    dialog.recipient_edit.setText("kmdesk library of the regional council")
    dialog.informed_on.set_value("2024-02-01")
    dialog.informed_language_edit.setText("te reo Māori (mi)")
    dialog.informed_method_edit.setText("presentation at the hui")
    dialog.given_on.set_value("2024-03-01")
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("community_assembly"))
    dialog.scope_checks["view_community"].setChecked(True)
    dialog.scope_checks["share_chm"].setChecked(True)
    dialog.conditions_edit.setPlainText("Name the rūnanga whenever it is used.")
    dialog.expires_on.set_value("2099-03-01")
    dialog.evidence_edit.setText("hui-minutes-2024-03.pdf")
    dialog.accept()
    assert not dialog.isVisible()
    consents = demo_library.consent.of(maramataka)
    assert consents[-1] | {"id": None, "recorded_at": None} == {
        "id": None, "granted_by": "Te Rūnanga o Ngāti Kahu", "community": "Ngāti Kahu", "process": "hui at the marae",
        "witnesses": ["Hemi Walker", "Aroha Tane"], "recipient": "kmdesk library of the regional council",
        "informed_on": "2024-02-01", "informed_language": "te reo Māori (mi)",
        "informed_method": "presentation at the hui", "given_on": "2024-03-01", "form": "community_assembly",
        "scope": ["view_community", "share_chm"], "conditions": "Name the rūnanga whenever it is used.",
        "expires_on": "2099-03-01", "evidence": "hui-minutes-2024-03.pdf", "withdrawn_on": None,
        "withdrawn_by": None, "withdrawal_reason": None, "recorded_at": None, "recorded_by": "Demo Custodian"}
    assert panel.state() == "valid" and panel.tree.topLevelItemCount() == 1
    row = window.model.row_of(maramataka)
    assert window.model.data(window.model.index(row, Column.CONSENT), LibraryModel.ConsentRole) == "valid"

    dialog = window.session.withdraw_consent()
    dialog.accept()
    assert dialog.isVisible()  # who withdrew it is required
    dialog.by_edit.setText("Te Rūnanga o Ngāti Kahu")
    dialog.reason_edit.setPlainText("The calendar is to be taught only on the marae.")
    dialog.accept()
    withdrawn = demo_library.consent.of(maramataka)[-1]
    assert withdrawn["withdrawn_by"] == "Te Rūnanga o Ngāti Kahu" and withdrawn["withdrawn_on"]
    assert panel.state() == "withdrawn" and not panel.withdraw_button.isEnabled()
    assert window.model.data(window.model.index(row, Column.CONSENT)) == "Withdrawn"
    assert "The consent was withdrawn on" in window.record_view.browser.toPlainText()
    actions = [e["action"] for e in demo_library.audit.events()]
    assert actions.count("consent_grant") >= 1 and actions[-3:].count("consent_withdraw") == 1


def test_only_an_unlocked_custodian_may_record_consent(make_window, demo_library):
    window = make_window(demo_library)
    unlock_on_screen(window, *CONTRIBUTOR)
    window.show_record_id(record_id(demo_library, "Reading the Pleiades in June to forecast the rains"))
    panel = window.record_view.consent_panel
    assert not panel.record_button.isEnabled()
    assert "needs an unlocked custodian" in panel.note_label.text()


def test_record_view_says_why_a_record_may_not_be_shared(make_window, demo_library):
    window = make_window(demo_library)
    window.session.browse()
    window.show_record_id(record_id(demo_library, "Signs and seasons of desert truffles (faqʿ)"))
    text = window.record_view.browser.toPlainText()
    assert "Not eligible:" in text
    assert "needs a current consent covering “Share with the national CHM”" in text
    window.show_record_id(record_id(demo_library, "Reading the Pleiades in June to forecast the rains"))
    assert "Consent" in window.record_view.browser.toPlainText()


# -- the custodian's view ------------------------------------------------------------------------------
def test_custodian_view_adds_and_removes_a_member(monkeypatch, make_window, demo_library):
    from kmdesk.gui.qt import QMessageBox

    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    view = window.session.open_custodian_view()
    protocol = "Sumaq Pacha seed guardians (women)"
    view.add_member(protocol, "Demo Visitor")
    assert "Demo Visitor" in next(p for p in demo_library.access.protocols() if p["name"] == protocol)["members"]
    view.select_protocol(protocol)
    assert [view.members_list.item(i).text() for i in range(view.members_list.count())] == ["Demo Custodian",
                                                                                           "Demo Visitor"]
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    view.members_list.setCurrentRow(1)
    view.ask_remove_member()
    assert "its 1 record(s) are re-sealed" in asked[0]
    after = next(p for p in demo_library.access.protocols() if p["name"] == protocol)
    assert after["members"] == ["Demo Custodian"] and after["key_version"] == 2
    assert "key was rotated and 1 record(s) re-sealed" in view.result_label.text()
    assert "member_remove" in [e["action"] for e in demo_library.audit.events()[-3:]]


def test_custodian_view_profiles_hub_projects_and_audit(tmp_path, make_window, demo_library):
    import json

    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    view = window.session.open_custodian_view()
    view.add_profile("Amaru", "amaru passphrase here", ["contributor"])
    assert any(p["name"] == "Amaru" for p in demo_library.access.profiles())
    project = tmp_path / "project.json"
    project.write_text(json.dumps({"unique_id": "abc-123", "title": "Sumaq Pacha seeds", "tk_labels": [
        {"label_type": "attribution", "name": "TK Attribution", "label_text": "Yuyarina ayllunchikta",
         "language_tag": "quz", "community": "Ayllu Sumaq Pacha"}], "bc_labels": [], "notice": []}), encoding="utf-8")
    view.import_project(project)
    assert view.projects_table.item(0, 2).text() == "TK A"
    view.verify_audit()
    assert view.verify_label.text().startswith("The audit log is intact")
    assert view.audit_table.rowCount() == len(demo_library.audit.events())  # verifying reads, it adds no event

    editor = window.new_record()
    item = next(editor.access_editor.labels_list.item(i) for i in range(editor.access_editor.labels_list.count())
                if editor.access_editor.labels_list.item(i).text().startswith("TK A ·"))
    assert "Yuyarina ayllunchikta" in item.toolTip()  # the community's own wording travels to the editor


def test_custodian_view_shows_a_tampered_audit_log(make_window, demo_library):
    import sqlite3

    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    view = window.session.open_custodian_view()
    with sqlite3.connect(demo_library.data_dir / "library.db") as db:
        db.execute("DROP TRIGGER audit_events_no_update")  # someone with the file and a text editor
        db.execute("UPDATE audit_events SET actor = 'someone else' WHERE seq = 2")
    view.verify_audit()
    assert "tampered with at event 2" in view.verify_label.text()


# -- icons -------------------------------------------------------------------------------------------
def _image(icon):
    return icon.pixmap(16, 16).toImage()


def test_icons_and_tooltips_reflect_access_and_consent(make_window, demo_library):
    from kmdesk.gui.access_words import consent_icon, level_icon
    from kmdesk.gui.library_model import Column, LibraryModel
    from kmdesk.gui.qt import Qt

    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    model = window.model
    expected = {SEED_TITLE: ("restricted", "valid"), SACRED_TITLE: ("sacred", "none"),
                "Reading the Pleiades in June to forecast the rains": ("public", None)}
    for title, (level, state) in expected.items():
        row = model.row_of(record_id(demo_library, title))
        access = model.index(row, Column.ACCESS)
        assert model.data(access, LibraryModel.AccessRole) == level
        assert _image(model.data(access, Qt.ItemDataRole.DecorationRole)) == _image(level_icon(level))
        assert model.data(access, Qt.ItemDataRole.ToolTipRole).startswith(model.data(access))
        consent = model.index(row, Column.CONSENT)
        state = state or model.data(consent, LibraryModel.ConsentRole)
        assert model.data(consent, LibraryModel.ConsentRole) == state
        assert _image(model.data(consent, Qt.ItemDataRole.DecorationRole)) == _image(consent_icon(state))
    states = {model.data(model.index(r, Column.CONSENT), LibraryModel.ConsentRole) for r in range(model.rowCount())}
    assert {"valid", "none", "withdrawn", "expired"} <= states
    assert _image(level_icon("public")) != _image(level_icon("restricted"))
    images = [_image(consent_icon(s)) for s in ("valid", "expiring_soon", "expired", "withdrawn", "none")]
    assert all(a != b for i, a in enumerate(images) for b in images[i + 1:])  # five states, five pictures


def test_the_unlocked_index_of_restricted_records_never_touches_disk(monkeypatch, tmp_path, demo_library):
    """Unlocking builds the index of restricted records in memory: no file is written or
    changed outside the library's database, its public index and its sealed private index,
    in the temporary folder either (an engine might spill there)."""
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def files() -> dict:
        return {p: p.stat().st_mtime_ns for root in (scratch, demo_library.data_dir)
                for p in root.rglob("*") if p.is_file()}
    before = files()
    demo_library.unlock(*CUSTODIAN)
    assert demo_library.index.search("seed tubers").total >= 1  # the restricted record is searchable in memory
    changed = [p for p, stamp in files().items() if before.get(p) != stamp]
    data = demo_library.data_dir
    allowed = (data / "index", data / "private-index")
    assert [p for p in changed if not p.name.startswith("library.db") and not any(a in p.parents for a in allowed)] == []


def test_change_my_passphrase_keeps_the_dialog_on_a_wrong_one(make_window, demo_library):
    from kmdesk.core.errors import WrongPassphrase

    window = make_window(demo_library)
    unlock_on_screen(window, *CONTRIBUTOR)
    dialog = window.session.change_passphrase()
    dialog.old_edit.setText("not my passphrase")
    dialog.new_edit.setText("a new passphrase for the contributor")
    dialog.repeat_edit.setText("a new passphrase for the contributor")
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.text() == "The current passphrase is not right."
    dialog.old_edit.setText(CONTRIBUTOR[1])
    dialog.accept()
    assert not dialog.isVisible()
    demo_library.lock()
    with pytest.raises(WrongPassphrase):
        demo_library.unlock(*CONTRIBUTOR)
    demo_library.unlock(CONTRIBUTOR[0], "a new passphrase for the contributor")


def test_a_new_protocol_is_offered_in_the_editor_at_once(make_window, demo_library):
    window = make_window(demo_library)
    unlock_on_screen(window, *CUSTODIAN)
    view = window.session.open_custodian_view()
    view.add_protocol("Sumaq Pacha weavers", community="Ayllu Sumaq Pacha", kind="open")
    assert view.protocol("Sumaq Pacha weavers")["members"] == ["Demo Custodian"]
    editor = window.new_record()
    assert editor.access_editor.set_protocol("Sumaq Pacha weavers")
    assert "Open protocol" in next(
        editor.access_editor.protocols_list.item(i).toolTip() for i in range(editor.access_editor.protocols_list.count())
        if editor.access_editor.protocols_list.item(i).text() == "Sumaq Pacha weavers")


def test_unlocking_derives_the_key_off_the_gui_thread(monkeypatch, make_window, demo_library):
    import threading

    from kmdesk.gui import workers

    window = make_window(demo_library)
    threads: list[threading.Thread] = []
    real_unlock = demo_library.unlock

    def recording_unlock(name: str, secret: str) -> None:
        threads.append(threading.current_thread())
        real_unlock(name, secret)

    monkeypatch.setattr(demo_library, "unlock", recording_unlock)
    workers.set_synchronous(False)
    try:
        unlock_on_screen(window, *CUSTODIAN)
        assert window.session.lock_screen.unlock_button.isEnabled() is False  # busy while the key is derived
        assert workers.wait_idle(15)
    finally:
        workers.set_synchronous(True)
    assert threads and threads[0] is not threading.main_thread()
    assert visible_page(window) is window.session.library_page
    assert window.session.status_label.text() == "Unlocked: Demo Custodian (custodian)"
