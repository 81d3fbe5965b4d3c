"""The sync panel driven as a person would, against the reference server over HTTP: share the
record being read, sync, see refusals with their reasons, retry, stop sharing; the record view
shows the remote status."""

from __future__ import annotations

import pytest

from kmdesk.core.chm.demo import CHM_TARGET
from kmdesk.gui.qt import Qt

PASS = "gui sync custodian passphrase"
REFSERVER_SEED = 1


@pytest.fixture
def sync_library(ref_library):
    """The custodian's library syncing to the reference ref_server, with the community its records name."""
    ref_library.access.add_community("Sumaq Pacha", "pe")
    return ref_library


@pytest.fixture
def synced_window(make_window, sync_library):
    window = make_window(sync_library)
    window.sync_panel.show()
    window.sync_panel.target_combo.setCurrentText(CHM_TARGET)
    return window


def add_consented(library, **extra):
    record = library.records.add({"type": "traditional_knowledge", "title": {"en": "Potato seed exchange"}, "community": "Sumaq Pacha",
                                  "summary": {"en": "Seed travels between altitude zones."}, "creators": ["Juana Mamani"],
                                  "countries": ["pe"], **{"access": {"level": "public"}, **extra}})
    library.consent.grant(record["id"], {"granted_by": "Sumaq Pacha assembly", "scope": ["share_chm"], "given_on": "2025-01-10"})
    return record


def open_record(window, record_id):
    window.reload()
    window.show_record_id(record_id)
    assert window.sync_panel.record_id == record_id


def test_share_sync_and_stop_sharing_from_the_panel(qtbot, synced_window, ref_server):
    window, panel = synced_window, synced_window.sync_panel
    record = add_consented(window.library)
    open_record(window, record["id"])
    assert panel.share_button.isEnabled() and not panel.unshare_button.isEnabled()
    assert "not shared" in panel.record_label.text()

    qtbot.mouseClick(panel.share_button, Qt.MouseButton.LeftButton)
    assert panel.queue.rowCount() == 1 and panel.queue.item(0, 0).text() == "Potato seed exchange"
    assert "Eligible" in panel.record_label.text()

    qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert record["id"] in ref_server.documents()
    assert panel.queue.rowCount() == 0 and panel.failures.count() == 0
    assert "submitted for review" in panel.record_label.text()
    assert "On the Clearing-House" in window.record_view.html() and "submitted for review" in window.record_view.html()
    assert "last sync never" not in panel.summary_label.text() and "0 waiting, 0 refused" in panel.summary_label.text()

    qtbot.mouseClick(panel.unshare_button, Qt.MouseButton.LeftButton)
    assert panel.queue.item(0, 2).text() == "take down"
    qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert ref_server.documents() == {}
    assert "retracted" in window.record_view.html()


def test_refusals_show_their_reasons_and_retry_now_sends_the_fixed_record(qtbot, synced_window, ref_server):
    window, panel = synced_window, synced_window.sync_panel
    bare = window.library.records.add({"type": "resource", "title": {"en": "Puna field guide"}})
    open_record(window, bare["id"])
    assert "The CHM still needs: authors, summary" in panel.record_label.text()
    qtbot.mouseClick(panel.share_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert panel.failures.count() == 1
    assert "Puna field guide" in panel.failures.item(0).text() and "authors" in panel.failures.item(0).text()
    assert "failed" in window.record_view.html()

    window.library.records.update(bare["id"], {"creators": ["Ana Ruiz"], "summary": {"en": "Plants of the high puna."}})
    # an outage: the thesaurus refresh (cached copy used) and then the first send meet a 503
    ref_server.control("fail_next", count=2, status=503, retry_after=3600)
    qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    # the Retry-After of an hour keeps it waiting past this run (panel runs wait at most a minute)
    assert panel.queue.rowCount() == 1 and "503" in panel.queue.item(0, 3).text()
    qtbot.mouseClick(panel.retry_button, Qt.MouseButton.LeftButton)
    assert bare["id"] in ref_server.documents()
    assert panel.queue.rowCount() == 0 and panel.failures.count() == 0


def test_sacred_record_says_why_it_cannot_be_shared(qtbot, synced_window, ref_server):
    window, panel = synced_window, synced_window.sync_panel
    sacred = add_consented(window.library, access={"level": "sacred", "custodians": ["Keeper"]})
    open_record(window, sacred["id"])
    qtbot.mouseClick(panel.share_button, Qt.MouseButton.LeftButton)
    assert "Sacred knowledge never leaves this computer." in panel.record_label.text()
    assert "The CHM still needs" not in panel.record_label.text()  # a sealed record is never mapped, so nothing is "missing"
    assert panel.queue.rowCount() == 0
    qtbot.mouseClick(panel.sync_button, Qt.MouseButton.LeftButton)
    assert ref_server.documents() == {} and b"Potato seed exchange" not in ref_server.traffic()


def test_sync_starts_by_itself_when_items_wait(qtbot, synced_window, ref_server):
    window, panel = synced_window, synced_window.sync_panel
    assert panel.network is not None or panel.probe.isActive()  # Qt's network information, or the timer
    record = add_consented(window.library)
    window.library.sync.share([record["id"]], CHM_TARGET)
    panel.refresh()
    panel.sync_if_waiting()  # what a reachability change to "online" (or the timer) calls
    assert record["id"] in ref_server.documents() and panel.waiting() == 0


def test_what_waited_goes_at_start_when_the_network_is_there(qtbot, sync_library, ref_server, monkeypatch):
    from kmdesk.gui.qt import QNetworkInformation
    from kmdesk.gui.sync_panel import SyncPanel

    monkeypatch.setattr(SyncPanel, "online", lambda self: True)  # as QNetworkInformation reports on a connected machine
    library = sync_library
    record = add_consented(library)
    library.sync.share([record["id"]], CHM_TARGET)
    ref_server.control("fail_rate", rate=1.0, status=503, retry_after=3600)
    panel = SyncPanel(library, lang="en")
    qtbot.addWidget(panel)
    if panel.network is None:
        pytest.skip("Qt has no network information backend on this machine: the panel probes instead")
    panel.refresh()
    assert panel.waiting() == 1  # one automatic try (it failed), and no endless retrying after it
    ref_server.control("reset")
    calls = ref_server.state.calls
    panel.refresh()
    assert ref_server.state.calls == calls  # a later refresh does not start another run by itself
    panel.network.reachabilityChanged.emit(QNetworkInformation.Reachability.Online)  # the network "comes back"
    assert record["id"] in ref_server.documents() and panel.waiting() == 0


def test_what_waited_while_locked_goes_once_unlocked(make_window, sync_library, ref_server, monkeypatch):
    from kmdesk.gui.sync_panel import SyncPanel

    monkeypatch.setattr(SyncPanel, "online", lambda self: True)
    library = sync_library
    record = add_consented(library)
    library.sync.share([record["id"]], CHM_TARGET)
    library.lock()
    window = make_window(library, shown=False)  # the automatic run finds the sync credentials locked away
    assert window.sync_panel.waiting() == 1 and ref_server.documents() == {}
    assert "permission" in window.sync_panel.summary_label.text()
    library.unlock("Keeper", PASS)
    window.reload()  # what the lock screen does after an unlock
    assert record["id"] in ref_server.documents() and window.sync_panel.waiting() == 0


def test_the_sync_status_arriving_keeps_the_search_snippet(qtbot, synced_window):
    """The remote status is drawn under the record without redrawing it from scratch: the
    highlighted words of the search that found it stay."""
    window = synced_window
    record = add_consented(window.library)
    window.library.sync.share([record["id"]], CHM_TARGET)
    window.search_edit.setText("altitude")
    window.search_now()
    window.show_record_id(record["id"])
    html = window.record_view.html()
    assert "altitude</b>" in html or "altitude</span>" in html, html
    assert "On the Clearing-House" in html


def test_refusal_reasons_name_the_access_level_in_the_interface_language(qtbot, synced_window):
    from kmdesk.core import vocab
    from kmdesk.gui.sync_panel import SyncPanel

    library = synced_window.library
    record = add_consented(library, access={"level": "community"})
    library.sync.share([record["id"]], CHM_TARGET)
    panel = SyncPanel(library, lang="fr", auto=False)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.target_combo.setCurrentText(CHM_TARGET)
    panel.show_record(record["id"])
    (level,) = [item for item in vocab.record_types()["access_levels"] if item["key"] == "community"]
    assert vocab.title(level, "fr") != vocab.title(level, "en")
    assert vocab.title(level, "fr") in panel.record_label.text(), panel.record_label.text()


def test_a_title_in_no_un_language_is_said_in_words(qtbot, synced_window):
    """The CHM refuses a record whose texts are in no UN language; the panel says so with the
    languages' names, not the problem's code."""
    window, panel = synced_window, synced_window.sync_panel
    record = window.library.records.add({"type": "resource", "title": {"quz": "Papa muhu"}, "creators": ["Ana Ruiz"],
                                         "summary": {"quz": "Papa muhu rantinakuy."}})
    open_record(window, record["id"])
    text = panel.record_label.text()
    assert "one of the six UN languages" in text and "Cusco Quechua" in text, text
    assert "NoUnLanguage" not in text


def test_a_stopped_run_is_worded_from_the_errors_params(qapp):
    """Issue 29: the panel names the wrong realm and the address that refused the sign-in in its
    own (translated) words, from the params the run kept, not from the core's English message."""
    from kmdesk.gui.sync_panel import stopped_text

    realm = stopped_text("unknown_realm", "english detail", {"realm": "CMH", "status": 400})
    assert "“CMH”" in realm and "english detail" not in realm and "records stay queued" in realm
    url = "https://chm.example/api/v2013/authentication/token"
    sign_in = stopped_text("auth_failed", "english detail", {"status": 401, "sign_in": url})
    assert url in sign_in and "HTTP 401" in sign_in
    assert stopped_text("auth_failed", "detail") == "The target refused the account or its rights. (detail)"
