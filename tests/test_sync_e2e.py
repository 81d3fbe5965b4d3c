"""Sync end to end over real HTTP on 127.0.0.1: the library, the runner, the CHM and Bioland
clients and the reference ref_server, nothing faked in between."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
import requests
from conftest import open_as_custodian

from kmdesk.core.chm import chm_document
from kmdesk.core.chm.demo import BIOLAND_TARGET, CHM_TARGET, DEMO_SETTINGS
from kmdesk.core.chm.errors import AuthFailed
from kmdesk.core.chm.runner import Backoff, run_sync
from kmdesk.refserver.server import DEFAULT_EMAIL, DEFAULT_PASSWORD

PASS = "sync custodian passphrase"
REFSERVER_SEED = 11
CANARY = "Zqxsynccanary Ŋáhpi 雪豹"


@pytest.fixture
def lib(ref_library):
    ref_library.access.add_community("Sumaq Pacha", "pe")
    ref_library.access.add_protocol("Seed keepers", community="Sumaq Pacha")
    return ref_library


def consented(library, title="Potato seed exchange", **extra):
    record = library.records.add({"type": "traditional_knowledge", "title": {"en": title, "es": "Intercambio de semilla"},
                                  "summary": {"en": "Families renew seed potato between altitude zones."},
                                  "community": "Sumaq Pacha", "countries": ["pe"], "gbf_targets": [4, 13],
                                  "creators": [{"name": "Juana Mamani", "role": "knowledge_holder"}], "date": "2024-06",
                                  **{"access": {"level": "public"}, **extra}})
    library.consent.grant(record["id"], {"granted_by": "Sumaq Pacha assembly", "scope": ["share_chm"], "given_on": "2025-01-10",
                                         "form": "community_assembly"})
    return record


def sync(library, target=CHM_TARGET, **kw):
    return run_sync(library, target, sleep=lambda s: None, backoff=Backoff(base=0.0), **kw)


def test_push_update_and_retract_on_the_chm(lib, ref_server):
    record = consented(lib)
    lib.sync.share([record["id"]], CHM_TARGET)
    report = sync(lib)
    assert (report.pushed, report.remaining) == (1, 0)
    stored = ref_server.documents()[record["id"]]
    doc = stored["document"]
    assert stored["state"] == "review"  # submitted for the national authority's review
    assert doc["header"] == {"identifier": record["id"], "schema": "resource", "languages": ["en", "es"]}
    assert doc["title"] == {"en": "Potato seed exchange", "es": "Intercambio de semilla"}
    assert doc["gbfTargets"] == [{"identifier": "GBF-TARGET-04"}, {"identifier": "GBF-TARGET-13"}]
    assert doc["countryRegions"] == [{"identifier": "pe"}]
    assert doc["publicationDate"] == "2024-06"
    assert doc["organizations"] == [{"identifier": DEMO_SETTINGS["organization"]}]
    assert "Sumaq Pacha assembly" in doc["relevantInformation"]["en"]
    assert set(doc) <= set(chm_document.PROPERTIES)
    state = lib.sync.states(record["id"])[0]
    assert (state["status"], state["message"], state["pushed_revision"]) == ("sent", "workflow", record["revision"])

    lib.records.update(record["id"], {"summary": {"en": "Seed travels between zones to rest."}})
    assert sync(lib).pushed == 1
    assert len(ref_server.documents()) == 1
    assert ref_server.documents()[record["id"]]["revision"] == 2
    assert ref_server.documents()[record["id"]]["document"]["summary"] == {"en": "Seed travels between zones to rest."}

    ref_server.control("publish", identifier=record["id"])
    lib.sync.unshare([record["id"]], CHM_TARGET)
    assert sync(lib).retracted == 1
    assert ref_server.documents() == {}
    assert lib.sync.states(record["id"])[0]["status"] == "retracted"
    actions = [e["action"] for e in lib.audit.events() if e["target"] == record["id"]]
    assert actions.count("sync_sent") == 2 and "sync_retracted" in actions


def test_push_update_and_delete_on_bioland(lib, ref_server):
    record = consented(lib, source_url="https://example.org/papa")
    lib.sync.share([record["id"]], BIOLAND_TARGET)
    assert sync(lib, BIOLAND_TARGET).pushed == 1
    node = ref_server.nodes()[record["id"]]
    assert node["attributes"]["title"] == "Potato seed exchange" and node["attributes"]["langcode"] == "en"
    assert node["attributes"]["field_tags"] == "GBF-TARGET-04,GBF-TARGET-13,pe"
    assert node["attributes"]["field_url"]["uri"] == "https://example.org/papa"
    lib.records.update(record["id"], {"title": {"en": "Seed exchange (muyuy)"}})
    assert sync(lib, BIOLAND_TARGET).pushed == 1
    assert len(ref_server.nodes()) == 1 and ref_server.nodes()[record["id"]]["vid"] == 2
    lib.records.delete(record["id"])
    assert sync(lib, BIOLAND_TARGET).retracted == 1
    assert ref_server.nodes() == {}


def test_sacred_restricted_and_unconsented_records_never_leave(lib, ref_server):
    ok = consented(lib)
    sacred = lib.records.add({"type": "traditional_knowledge", "title": {"en": CANARY}, "body": {"en": CANARY}, "community": "Sumaq Pacha",
                              "access": {"level": "sacred", "custodians": ["Keeper"]}})
    restricted = lib.records.add({"type": "traditional_knowledge", "title": {"en": CANARY + " r"}, "community": "Sumaq Pacha",
                                  "access": {"level": "restricted", "protocols": ["Seed keepers"]}})
    community = lib.records.add({"type": "practice", "title": {"en": CANARY + " c"}, "access": {"level": "community"}, "community": "Sumaq Pacha"})
    unconsented = lib.records.add({"type": "traditional_knowledge", "title": {"en": CANARY + " u"}, "community": "Sumaq Pacha",
                                   "creators": ["Juana Mamani"]})
    secret_label = consented(lib, title=CANARY + " l", labels=["TK SS"])
    for record in (sacred, restricted, community):  # consent does not open what access keeps closed
        lib.consent.grant(record["id"], {"granted_by": "someone", "scope": ["share_chm"], "given_on": "2025-01-10"})
    everything = [ok, sacred, restricted, community, unconsented, secret_label]
    for target in (CHM_TARGET, BIOLAND_TARGET):
        lib.sync.share([r["id"] for r in everything], target)
        sync(lib, target)
    assert set(ref_server.documents()) == {ok["id"]} and set(ref_server.nodes()) == {ok["id"]}
    traffic = ref_server.traffic()
    assert ok["id"].encode() in traffic  # the traffic log does hold what was sent ...
    for form in {CANARY, *CANARY.split()}:  # ... and never any part of the canary, in any form
        for encoded in (form.encode(), json.dumps(form).strip('"').encode()):
            assert encoded not in traffic
    for record in (sacred, restricted, community, unconsented, secret_label):
        reasons = {r["code"] for r in lib.sync.eligibility(record["id"], CHM_TARGET)[CHM_TARGET]["reasons"]}
        assert reasons, record["title"]


def test_consent_withdrawn_while_offline_is_retracted_on_next_sync(lib, ref_server):
    record = consented(lib)
    lib.sync.share([record["id"]], CHM_TARGET)
    sync(lib)
    assert record["id"] in ref_server.documents()
    ref_server.control("fail_rate", rate=1.0, status=503)  # no usable network
    lib.consent.withdraw(record["id"], by="Sumaq Pacha assembly", reason="to be discussed again")
    offline = sync(lib, max_wait=0.0)
    assert offline.remaining == 1 and [e.op for e in lib.sync.entries(CHM_TARGET)] == ["retract"]
    assert "503" in lib.sync.entries(CHM_TARGET)[0].last_error
    ref_server.control("reset")
    back = sync(lib)
    assert (back.retracted, back.remaining) == (1, 0)
    assert ref_server.documents() == {}
    assert any(e["action"] == "sync_retracted" and e["target"] == record["id"] for e in lib.audit.events())


def test_bioland_read_only_keeps_records_queued_with_a_clear_message(lib, ref_server):
    record = consented(lib)
    lib.sync.share([record["id"]], BIOLAND_TARGET)
    ref_server.control("read_only", on=True)
    report = sync(lib, BIOLAND_TARGET)
    assert report.pushed == 0 and report.remaining == 1
    assert "read-only" in report.stopped and "405" in report.stopped
    assert lib.sync.states(record["id"])[0]["status"] == "queued"
    ref_server.control("read_only", on=False)
    assert sync(lib, BIOLAND_TARGET).pushed == 1 and record["id"] in ref_server.nodes()


def test_incomplete_record_is_rejected_locally_and_shown_not_retried(lib, ref_server):
    bare = lib.records.add({"type": "resource", "title": {"en": "Field guide"}})  # no author, community or consent needed
    lib.sync.share([bare["id"]], CHM_TARGET)
    report = sync(lib)
    assert (report.rejected, report.remaining) == (1, 0)
    state = lib.sync.states(bare["id"])[0]
    assert state["status"] == "failed" and "authors" in state["message"] and "summary" in state["message"]
    assert ref_server.documents() == {}
    assert b"Field guide" not in ref_server.traffic()  # found before sending
    lib.records.update(bare["id"], {"creators": ["Ana Ruiz"], "summary": {"en": "Plants of the puna."}})
    assert sync(lib).pushed == 1 and bare["id"] in ref_server.documents()


def test_server_enforces_locales_properties_terms_and_realm(ref_server):
    token = requests.post(ref_server.url + "/api/v2013/authentication/token",
                          json={"email": DEFAULT_EMAIL, "password": DEFAULT_PASSWORD}, timeout=5).json()["authenticationToken"]
    headers = {"Authorization": f"Bearer {token}", "Realm": "CHM"}
    document = chm_document.to_document({"id": "9f0c7a5e-1b1d-4e86-9e52-3c43b3f0a001", "title": {"en": "T"}, "summary": {"en": "S"},
                                         "creators": [{"name": "A", "role": "author"}], "subjects": ["CBD-SUBJECT-NOPE"], "date": "2024"},
                                        chm_document.TargetSettings.from_dict(DEMO_SETTINGS))
    document["title"]["fr"] = "pas déclaré"
    document["consent"] = "granted"
    answer = requests.put(ref_server.url + "/api/v2013/documents/x/validate", params={"schema": "resource"}, json=document,
                          headers=headers, timeout=5).json()
    codes = {(e["code"], e["property"]) for e in answer["errors"]}
    assert {("Error.UnspecifiedLocale", "title.fr"), ("Error.InvalidProperty", "consent"),
            ("Error.UnexpectedTerm", "cbdSubjects")} <= codes
    wrong_realm = requests.put(ref_server.url + "/api/v2013/documents/x/validate", params={"schema": "resource"}, json=document,
                               headers={**headers, "Realm": "ABS"}, timeout=5)
    assert wrong_realm.status_code == 403
    bad_login = requests.post(ref_server.url + "/api/v2013/authentication/token", json={"email": DEFAULT_EMAIL, "password": "x"}, timeout=5)
    assert bad_login.status_code == 403 and bad_login.content == b""


def test_labels_and_consent_travel_in_relevant_information_only(lib, ref_server):
    record = consented(lib, labels=["TK A", "BC P"])
    lib.sync.share([record["id"]], CHM_TARGET)
    assert sync(lib).pushed == 1
    document = ref_server.documents()[record["id"]]["document"]
    note = document["relevantInformation"]["en"]
    assert "TK A (TK Attribution)" in note and "BC P (BC Provenance)" in note
    assert "consent of Sumaq Pacha assembly on behalf of Sumaq Pacha, given on 2025-01-10" in note
    assert not {"labels", "consent", "consents"} & set(document)


def test_missing_list_names_every_mandatory_property():
    document = chm_document.to_document({"id": "x", "title": {"en": "T"}}, chm_document.TargetSettings())
    assert chm_document.missing(document) == ["resourceTypes", "authors", "organizations", "publicationDate",
                                             "resourceLinks", "summary", "cbdSubjects"]
    long = chm_document.to_document({"id": "x", "title": {"en": "T"}, "summary": {"en": "word " * 400}}, chm_document.TargetSettings())
    assert len(long["summary"]["en"].split()) == chm_document.SUMMARY_MAX_WORDS + 1  # 300 words and the ellipsis


def test_host_without_the_2023_workflow_saves_a_draft(lib, ref_server):
    ref_server.control("legacy", on=True)
    record = consented(lib)
    lib.sync.share([record["id"]], CHM_TARGET)
    assert sync(lib).pushed == 1
    assert ref_server.documents()[record["id"]]["state"] == "draft"
    assert lib.sync.states(record["id"])[0]["message"] == "draft"
    lib.sync.unshare([record["id"]], CHM_TARGET)
    assert sync(lib).retracted == 1 and ref_server.documents() == {}


def test_bad_credentials_stop_the_run_and_keep_the_outbox(tmp_path, ref_server):
    with open_as_custodian(tmp_path / "other", PASS) as library:
        library.sync.add_target("wrong", "chm", ref_server.url, settings=DEMO_SETTINGS, credentials={"user": DEFAULT_EMAIL, "password": "nope"})
        record = library.records.add({"type": "resource", "title": {"en": "Guide"}, "creators": ["Ana"], "summary": {"en": "S"}})
        library.sync.share([record["id"]], "wrong")
        report = sync(library, "wrong")
        assert report.stopped and "403" in report.stopped and report.remaining == 1


def test_vocabularies_are_cached_for_offline_runs(lib, ref_server):
    record = consented(lib)
    lib.sync.share([record["id"]], CHM_TARGET)
    sync(lib)
    cached = json.loads(lib.meta(f"thesaurus:{CHM_TARGET}"))
    assert "pe" in cached["countries"] and "GBF-TARGET-23" in cached["GBF-TARGETS"]
    lib.records.update(record["id"], {"countries": ["zz"]})  # not a country the CHM knows
    report = sync(lib)
    assert report.rejected == 1 and "countryRegions" in lib.sync.states(record["id"])[0]["message"]
    before = ref_server.traffic()
    assert sync(lib).remaining == 0
    assert ref_server.traffic() == before  # nothing to send: not even the thesaurus is asked for


def test_token_is_renewed_before_it_expires_and_once_on_401(ref_server):
    from kmdesk.core.chm.chm_api import ChmClient

    now = {"t": time.time()}
    client = ChmClient(ref_server.url, DEFAULT_EMAIL, DEFAULT_PASSWORD, chm_document.TargetSettings.from_dict(DEMO_SETTINGS),
                       clock=lambda: now["t"])
    def logins() -> int:
        return ref_server.traffic().count(b"POST /api/v2013/authentication/token")

    client.retract("9f0c7a5e-1b1d-4e86-9e52-3c43b3f0a002")  # nothing there: success, and a token
    assert logins() == 1
    client.retract("9f0c7a5e-1b1d-4e86-9e52-3c43b3f0a002")
    assert logins() == 1  # still fresh: reused
    now["t"] += 3600 - 30  # inside the renewal margin before the server's expiration
    client.retract("9f0c7a5e-1b1d-4e86-9e52-3c43b3f0a002")
    assert logins() == 2
    now["t"] -= 3600 - 30
    ref_server.control("expire_tokens")  # the server forgets it early: a 401, renewed once
    client.retract("9f0c7a5e-1b1d-4e86-9e52-3c43b3f0a002")
    assert logins() == 3


def test_bioland_session_login_with_csrf_token_and_relogin(ref_server):
    from kmdesk.core.chm.bioland import BiolandClient

    record = {"id": "9f0c7a5e-1b1d-4e86-9e52-3c43b3f0a003", "type": "resource", "title": {"fr": "Guide des semences"},
              "summary": {"fr": "Banques de semences communautaires."}, "gbf_targets": [13], "countries": ["bf"]}
    client = BiolandClient(ref_server.url, username=DEFAULT_EMAIL.split("@")[0], password=DEFAULT_PASSWORD)
    client.push(record)
    assert ref_server.nodes()[record["id"]]["attributes"]["langcode"] == "fr"
    ref_server.control("expire_tokens")  # the session and its CSRF token die: 403, log in again once
    client.push({**record, "title": {"fr": "Guide des semences paysannes"}})
    assert ref_server.nodes()[record["id"]]["attributes"]["title"] == "Guide des semences paysannes"
    assert ref_server.traffic().count(b"POST /user/login?_format=json") == 2
    assert b"X-CSRF-Token" in ref_server.traffic()
    client.retract(record["id"])
    client.retract(record["id"])  # already gone: still a success
    assert ref_server.nodes() == {}
    with pytest.raises(AuthFailed):
        BiolandClient(ref_server.url, username="demo", password="wrong").push(record)


def test_command_line_target_share_sync_and_outbox(tmp_path, ref_server):
    data_dir = tmp_path / "cli"
    password = tmp_path / "password"
    password.write_text(DEFAULT_PASSWORD + "\n", encoding="utf-8")
    env = {**os.environ, "KMDESK_DATA_DIR": str(data_dir), "KMDESK_PASSPHRASE": PASS}

    def kmdesk(*args, code=0):
        result = subprocess.run([sys.executable, "-m", "kmdesk.cli", *args, "--profile", "Keeper"], capture_output=True,
                                text=True, env=env, timeout=120)
        assert result.returncode == code, result.stdout + result.stderr
        return result.stdout

    subprocess.run([sys.executable, "-m", "kmdesk.cli", "init", "--profile", "Keeper"], env=env, check=True, capture_output=True)
    kmdesk("target", "add", "national", "--kind", "chm", "--url", ref_server.url, "--user", DEFAULT_EMAIL, "--password-file",
           str(password), "--country", "BF", "--organization", "ORG-BF@1", "--link", "https://chm.example/bf",
           "--resource-type", "kmdesk-demo-resource-type", "--subject", "CBD-SUBJECT-DSHL")
    complete = kmdesk("add", "--type", "practice", "--title", "Zaï pits", "--author", "Yacouba Sawadogo", "--target", "10",
                      "--summary", "Planting pits that catch the rain.").strip()
    bare = kmdesk("add", "--type", "resource", "--title", "Untitled notes").strip()
    shared = kmdesk("share", complete, bare)
    assert f"{complete[:8]} -> national: queued" in shared
    assert "the CHM still needs: authors, summary" in shared
    ref_server.control("fail_rate", rate=1.0, status=503, retry_after=3600)
    offline = json.loads(kmdesk("sync", "--json", "--max-wait", "0", code=4))  # a rejection outranks what waits
    assert (offline["rejected"], offline["remaining"]) == (1, 1)  # the incomplete one is refused without a network
    assert [(e["record"], e["op"]) for e in json.loads(kmdesk("outbox", "--json"))] == [(complete, "push")]
    ref_server.control("reset")
    report = json.loads(kmdesk("sync", "--json", "--retry-now"))
    assert (report["pushed"], report["rejected"], report["remaining"]) == (1, 0, 0)
    document = ref_server.documents()[complete]["document"]
    assert document["countryRegions"] == [{"identifier": "bf"}] and document["cbdSubjects"] == [{"identifier": "CBD-SUBJECT-DSHL"}]
    assert json.loads(kmdesk("outbox", "--json")) == []


def test_reference_server_as_a_process_keeps_its_documents_across_restarts(tmp_path):
    data = tmp_path / "refserver.sqlite"
    document = chm_document.to_document(
        {"id": "9f0c7a5e-1b1d-4e86-9e52-3c43b3f0a004", "title": {"en": "Kept"}, "summary": {"en": "S"},
         "creators": [{"name": "A", "role": "author"}], "date": "2024-05"}, chm_document.TargetSettings.from_dict(DEMO_SETTINGS))

    def serve():
        process = subprocess.Popen([sys.executable, "-m", "kmdesk.refserver.server", "--port", "0", "--data", str(data)],
                                   stdout=subprocess.PIPE, text=True)
        banner = process.stdout.readline()  # "kmdesk reference CHM/Bioland server on http://127.0.0.1:PORT ..."
        return process, banner.split(" on ")[1].split()[0]

    first, url = serve()
    try:
        token = requests.post(url + "/api/v2013/authentication/token", json={"email": DEFAULT_EMAIL, "password": DEFAULT_PASSWORD},
                              timeout=10).json()["authenticationToken"]
        saved = requests.put(f"{url}/api/v2013/documents/{document['header']['identifier']}/versions/draft",
                             params={"schema": "resource"}, json=document, timeout=10,
                             headers={"Authorization": f"Bearer {token}", "Realm": "CHM"})
        assert saved.status_code == 200
    finally:
        first.terminate()
        first.wait(timeout=10)
    second, url = serve()
    try:
        state = requests.get(url + "/_control", timeout=10).json()
        assert state["documents"][document["header"]["identifier"]]["document"]["title"] == {"en": "Kept"}
    finally:
        second.terminate()
        second.wait(timeout=10)


def test_sync_without_a_target_drains_every_target(lib, ref_server, monkeypatch, capsys):
    """A field kit with a national CHM and a Bioland portal: one `kmdesk sync` empties both queues."""
    from kmdesk import cli

    record = consented(lib)
    lib.sync.share([record["id"]], CHM_TARGET)
    lib.sync.share([record["id"]], BIOLAND_TARGET)
    lib.lock()
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    code = cli.main(["sync", "--json", "--data-dir", str(lib.data_dir), "--profile", "Keeper"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert (report["pushed"], report["remaining"]) == (2, 0)
    assert sorted(t["target"] for t in report["targets"]) == sorted([CHM_TARGET, BIOLAND_TARGET])
    assert record["id"] in ref_server.documents() and record["id"] in ref_server.nodes()


def test_the_sync_overview_names_queued_records_without_auditing_a_view(lib, ref_server):
    """A restricted record waiting to be taken down is named in the panel's queue; naming it in a
    list is not reading it, so no 'view' lands in the audit log at every refresh."""
    from kmdesk.core.chm import status

    record = consented(lib)
    lib.sync.share([record["id"]], CHM_TARGET)
    assert sync(lib).pushed == 1
    lib.records.update(record["id"], {"access": {"level": "community"}})
    views = sum(e["action"] == "view" for e in lib.audit.events())
    (chm,) = [t for t in status.overview(lib) if t["name"] == CHM_TARGET]
    assert [(p["title"], p["op"]) for p in chm["pending"]] == [("Potato seed exchange", "retract")]
    assert sum(e["action"] == "view" for e in lib.audit.events()) == views
    lib.lock()
    (chm,) = [t for t in status.overview(lib) if t["name"] == CHM_TARGET]
    assert [p["title"] for p in chm["pending"]] == [None]  # locked: a sealed stub has no title to show
