"""The hub in the window, driven as a person would, against a real PostgreSQL hub with other
device libraries: the status button says joined, synced or offline; Sync now brings another
device's record into the list; a hub that is down is said plainly and nothing is lost; the
background timer syncs while unlocked and never while locked; conflicts are chosen in a
dialog; a member removed on another device is told once."""

from __future__ import annotations

from pathlib import Path

import pytest
from hub_support import MEMBER_PASS, PASS, device, join, new_hub, public, restricted, sync, template

from kmdesk.core.hub import conflicts
from kmdesk.core.hub import device as hub_device
from kmdesk.gui.qt import QGroupBox, QMessageBox, Qt


@pytest.fixture
def hub_devices(tmp_path: Path, pg_server, monkeypatch):
    """A hub and two devices (copies of one library): ``a`` for the window, ``b`` another keeper's."""
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    if not pg_server.running():
        pg_server.start()
    hub = new_hub(pg_server)
    base = template(tmp_path / "template")
    a, b = device(tmp_path / "a", base), device(tmp_path / "b", base)
    join(a, hub, "laptop_a")
    join(b, hub, "laptop_b")
    yield hub, a, b
    a.close()
    b.close()


def titles(window) -> list[str]:
    model = window.model
    return [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]


def in_table(window, title: str) -> bool:
    model = window.model
    return any(title in str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole))
               for row in range(model.rowCount()) for column in range(model.columnCount()))


def test_an_unjoined_library_shows_no_hub(window):
    assert window.hub.button.isHidden() and not window.hub.menu.menuAction().isVisible()


def test_the_icon_shows_a_joined_hub_synced_then_offline(qtbot, make_window, hub_devices, pg_server):
    _hub, a, _b = hub_devices
    window = make_window(a)
    button = window.hub.button
    assert button.isVisible() and window.hub.menu.menuAction().isVisible()
    assert "Last sync: never" in button.toolTip() and "127.0.0.1" in button.toolTip()
    window.hub.sync_action.trigger()
    assert button.state == "ok" and button.accessibleName() == "Hub: synced"
    assert "just now" in button.toolTip()
    pg_server.stop()
    try:
        window.hub.refresh()
        assert button.state == "offline" and button.text() == "Hub: offline"
        assert "cannot be reached" in button.toolTip() and "keep working" in button.toolTip()
    finally:
        pg_server.start()


def test_sync_now_brings_another_devices_record_into_the_table(qtbot, make_window, hub_devices):
    _hub, a, b = hub_devices
    window = make_window(a)
    b.records.add(public("Written on laptop b"))
    sync(b)
    assert not in_table(window, "Written on laptop b")
    window.hub.sync_action.trigger()
    assert in_table(window, "Written on laptop b")
    message = window.statusBar().currentMessage()
    assert message.startswith("Synced with the hub. Changes sent: 0. Changes received from other devices: ")
    assert not window.hub.progress.running() and window.hub.button.state == "ok"


def test_a_hub_that_is_down_is_said_plainly_and_nothing_is_lost(qtbot, make_window, hub_devices, pg_server):
    _hub, a, b = hub_devices
    window = make_window(a)
    pg_server.stop()
    try:
        window.hub.sync_action.trigger()
        box = window.hub.message_box
        assert box is not None and box.windowTitle() == "Hub unreachable"
        assert "You can keep working: nothing was lost" in box.text()
        box.close()
        assert window.hub.button.state == "offline"
        written = window.library.records.add(public("Written while the hub was down"))  # the window works on
        window.reload()
        assert in_table(window, "Written while the hub was down")
    finally:
        pg_server.start()
    window.hub.sync_action.trigger()
    assert window.hub.button.state == "ok"
    sync(b)
    assert b.records.get(written["id"])["title"] == {"en": "Written while the hub was down"}


def test_the_background_timer_syncs_while_unlocked_and_never_while_locked(qtbot, make_window, hub_devices):
    _hub, a, b = hub_devices
    window = make_window(a)
    hub = window.hub
    assert hub.timer.isActive() and hub.timer.interval() == 5 * 60_000  # the default: five minutes
    b.records.add(public("Arrives in the background"))
    sync(b)
    hub.timer.timeout.emit()
    assert in_table(window, "Arrives in the background")
    assert window.hub.message_box is None  # silent on success: the button and its time say it
    assert hub_device.status(a)["last_sync_at"] is not None

    editor = window.new_record()  # someone is writing: the tick waits for the next one
    b.records.add(public("Waits for the editor"))
    sync(b)
    hub.timer.timeout.emit()
    assert not in_table(window, "Waits for the editor")
    editor.reject()
    hub.timer.timeout.emit()
    assert in_table(window, "Waits for the editor")

    window.session.lock()
    assert not hub.timer.isActive()
    before = hub_device.status(a)["last_sync_at"]
    b.records.add(public("Waits for the unlock"))
    sync(b)
    hub.timer.timeout.emit()  # a tick already on its way when the lock came
    hub.sync_now()
    assert hub_device.status(a)["last_sync_at"] == before
    assert "Unlock a profile" in window.statusBar().currentMessage()

    hub.set_interval(0)
    window.library.unlock("Keeper", PASS)
    window.session.refresh()
    assert not hub.timer.isActive()  # 0: only when asked
    hub.set_interval(2)
    assert hub.timer.isActive() and hub.timer.interval() == 2 * 60_000


def test_a_conflict_is_chosen_in_the_dialog(qtbot, make_window, hub_devices):
    _hub, a, b = hub_devices
    record = a.records.add(restricted("Mangrove replanting"))
    sync(a)
    sync(b)
    a.records.update(record["id"], {"title": {"en": "Mangrove replanting (elders)"}})
    b.records.update(record["id"], {"title": {"en": "Mangrove replanting (fishers)"}})
    sync(b)
    window = make_window(a)
    window.hub.sync_action.trigger()
    box = window.hub.message_box
    assert box is not None and "Records now in conflict" in box.text()
    box.close()
    assert window.hub.button.state == "waiting" and "1 waiting for you" in window.hub.button.text()
    window.show_record_id(record["id"])  # the record itself says so where it is read
    flag = "In conflict: Title. Two devices changed this at once; both values are kept"
    assert flag in window.record_view.browser.toPlainText()

    dialog = window.hub.show_conflicts()
    labels = [label.text() for label in dialog.body.findChildren(type(dialog.note))]
    assert "English: \u2068Mangrove replanting (elders)\u2069" in labels
    assert "English: \u2068Mangrove replanting (fishers)\u2069" in labels
    assert "This device" in labels
    [group] = dialog.body.findChildren(QGroupBox)
    assert group.title() == "\u2068Mangrove replanting (elders)\u2069: Title"
    [mine] = [b for b in dialog.keep_buttons if "This device" not in b.accessibleName()]
    assert mine.accessibleName().startswith("Keep the value from Device ")
    mine.click()  # keep the other device's title
    assert "Kept." in dialog.note.text()
    assert conflicts.list_conflicts(a) == []
    assert a.records.get(record["id"])["title"] == {"en": "Mangrove replanting (fishers)"}
    assert in_table(window, "Mangrove replanting (fishers)")
    assert window.hub.button.state == "ok"
    assert "In conflict" not in window.record_view.browser.toPlainText()  # the view shown again, unflagged
    dialog.close()
    window.hub.sync_action.trigger()
    sync(b)
    assert b.records.get(record["id"])["title"] == {"en": "Mangrove replanting (fishers)"}
    assert conflicts.list_conflicts(b) == []


def test_a_member_removed_on_another_device_is_told_once(qtbot, make_window, hub_devices):
    _hub, a, b = hub_devices
    sync(a)
    b.lock()
    b.unlock("Ama", MEMBER_PASS)
    window = make_window(b)
    window.hub.sync_action.trigger()
    assert window.hub.message_box is None or "Removed" not in window.hub.message_box.windowTitle()
    a.access.remove_member("Healers", "Ama")
    sync(a)
    window.hub.sync_action.trigger()
    box = window.hub.message_box
    assert box is not None and box.windowTitle() == "Removed from a protocol"
    assert "removed Ama from Healers" in box.text() and "no new keys" in box.text()
    assert "What you already synced is not taken from you" in box.text()
    assert box.icon() == QMessageBox.Icon.Information
    box.close()
    assert "Healers" not in b.access.unlocked_profile()["protocols"]
    window.hub.message_box = None
    window.hub.sync_action.trigger()
    assert window.hub.message_box is None  # once


def test_a_sync_shows_its_progress_runs_one_at_a_time_and_cancel_keeps_what_arrived(qtbot, make_window, hub_devices):
    _hub, a, b = hub_devices
    window = make_window(a)
    hub = window.hub
    for n in range(3):
        b.records.add(public(f"Field note {n}"))
    sync(b)
    seen = []

    def on_progress(value: int) -> None:  # while the sync runs: a second one is refused, then Cancel
        seen.append((hub.progress.isVisible(), hub.button.state))
        hub.sync_action.trigger()
        hub.timer.timeout.emit()
        hub.progress.cancel_button.click()

    hub.progress.bar.valueChanged.connect(on_progress)
    hub.sync_action.trigger()
    hub.progress.bar.valueChanged.disconnect(on_progress)
    assert seen and seen[0] == (True, "syncing") and "changes received" in hub.progress.bar.toolTip()
    assert "A sync with the hub is already running." not in window.statusBar().currentMessage()  # said, then replaced
    assert "Sync stopped: what was sent or received stays" in window.statusBar().currentMessage()
    assert not hub.progress.isVisible() and hub.button.state != "syncing" and not hub.busy()
    kept = hub_device.status(a)["hub_seq_seen"]
    assert kept > 0  # the batch applied before the cancel stays
    hub.sync_action.trigger()
    assert all(in_table(window, f"Field note {n}") for n in range(3))


def test_a_forged_change_is_refused_named_and_listed_in_the_window(qtbot, make_window, hub_devices):
    hub, a, b = hub_devices
    record = b.records.add(public("Rotational grazing"))
    sync(b)
    hub.execute("UPDATE kmdesk_hub.changes SET body = convert_to(replace(convert_from(body, 'UTF8'), 'Rotational', "
                "'Forged'), 'UTF8') WHERE kind = 'record'")
    window = make_window(a)
    window.hub.sync_action.trigger()
    box = window.hub.message_box
    assert box is not None and "Changes refused and quarantined (not applied here):" in box.text()
    assert record["id"] in box.text()
    box.close()
    assert not in_table(window, "Forged grazing") and not in_table(window, "Rotational grazing")
    assert window.hub.button.state == "waiting"
    assert "Changes from the hub refused and quarantined: 1" in window.hub.button.toolTip()
    window.hub.quarantine_action.trigger()
    listed = window.hub.message_box
    assert listed.windowTitle() == "Refused changes" and record["id"] in listed.text()
    assert "does not verify" in listed.text()


def test_a_withdrawal_from_another_device_says_what_this_one_must_take_down(qtbot, make_window, hub_devices,
                                                                               translated):
    """A withdrawal made on another device queues a retraction here, where the CHM is synced:
    the window said only the changes received, so the record stayed on the CHM unnoticed."""
    from kmdesk.core.hub.report import Report
    from kmdesk.gui.qt import QApplication
    from kmdesk.render.translations import install_translations

    _hub, a, b = hub_devices
    record = b.records.add({"type": "traditional_knowledge", "title": {"en": "Potato seed exchange"},
                            "access": {"level": "public"}})
    b.consent.grant(record["id"], {"granted_by": "Ayllu assembly", "scope": ["share_chm"], "form": "community_assembly"})
    sync(b)
    sync(a)
    a.sync.add_target("chm", "chm", "http://127.0.0.1:9")  # this device syncs with the CHM
    a.sync.share([record["id"]], "chm")
    [entry] = a.sync.entries("chm")
    a.sync.finish(entry, "sent", remote_revision="1", pushed_revision=1)
    b.consent.withdraw(record["id"], by="Ayllu assembly")
    sync(b)
    window = make_window(a)
    window.hub.sync_action.trigger()
    box = window.hub.message_box  # in a box, not a passing status message
    assert box is not None and box.windowTitle() == "Synced with the hub"
    assert "Records to take down from chm" in box.text() and box.text().endswith(": 1.")
    install_translations(QApplication.instance(), "fr")
    assert "Fiches à retirer de chm" in window.hub.outcome(Report(retractions={"chm": 2}))
