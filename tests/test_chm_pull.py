"""Pulling the central CHM's public records for a target's country, over real HTTP to the
reference server's search index: stored read-only, searchable and faceted, incremental by
modification date, withdrawn ones marked, the library's own pushes recognised by id."""

from __future__ import annotations

import pytest
from conftest import open_as_custodian

from kmdesk.core.chm import pull as chm_pull
from kmdesk.core.chm.demo import BIOLAND_TARGET, CHM_TARGET, add_reference_targets
from kmdesk.core.chm.runner import Backoff, run_sync
from kmdesk.core.errors import AccessDenied, Cancelled
from kmdesk.refserver.index import central_record

NEED = central_record("CHM-NEED-PE-1", "need", title={"es": "Apoyo para bancos de semillas", "en": "Support for seed banks"},
                      summary={"en": "Communities in Cusco need training on community seed banks."},
                      countries=["pe"], targets=[4, 13], subjects=["CBD-SUBJECT-AGR"], languages=["es", "en"])
OFFER = central_record("CHM-OFFER-PE-2", "offer", title={"en": "Seed bank training by an agrobiodiversity NGO"},
                       countries=["pe", "bo"], targets=[13], languages=["en", "es"])
EXPERT = central_record("5f1c3a9e-expert-pe", "expert", title={"en": "Ana Quispe, seed systems expert"}, countries=["pe"])
ELSEWHERE = central_record("CHM-NEED-KE-1", "need", title={"en": "Rangeland monitoring in Laikipia"}, countries=["ke"])


REFSERVER_SEED = 3
PASS = "pull custodian passphrase"


@pytest.fixture
def server(ref_server):
    """The reference server, its central CHM holding the records above."""
    ref_server.control("central_put", records=[NEED, OFFER, EXPERT, ELSEWHERE])
    return ref_server


def custodian_library(path, server, **target):
    library = open_as_custodian(path, PASS)
    add_reference_targets(library, server.url, **{"bioland": None, "settings": {"country": "pe"}, **target})
    return library


@pytest.fixture
def lib(tmp_path, server):
    library = custodian_library(tmp_path / "lib", server)
    yield library
    library.close()


def test_first_pull_brings_the_countrys_records_read_only_searchable_and_faceted(lib):
    report = chm_pull.pull(lib, CHM_TARGET)
    assert (report.added, report.updated, report.withdrawn) == (3, 0, 0)
    need = lib.records.get(chm_pull.record_id("CHM-NEED-PE-1"))
    assert need["type"] == "need" and need["gbf_targets"] == [4, 13] and need["subjects"] == ["CBD-SUBJECT-AGR"]
    origin = chm_pull.origin(lib, need["id"])
    assert origin["chm_id"] == "CHM-NEED-PE-1" and origin["revision"] == "1" and origin["url"].endswith("/need/CHM-NEED-PE-1")
    expert_id = chm_pull.record_id("5f1c3a9e-expert-pe")
    assert lib.records.get(expert_id)["type"] == "person"
    assert lib.index.search("Rangeland Laikipia").total == 0  # another country's record stays away
    found = lib.index.search("semillas")
    assert need["id"] in [h.id for h in found.hits]
    assert dict(lib.index.search("").facets["collection"]) == {"chm": 3}  # the library has no records of its own
    assert [h.id for h in lib.index.search("seed", filters={"collection": ["chm"]}).hits]
    with pytest.raises(AccessDenied, match="read-only"):
        lib.records.update(need["id"], {"title": {"en": "Changed here"}})


def test_a_later_pull_is_incremental_updates_changes_and_marks_withdrawn(lib, server):
    chm_pull.pull(lib, CHM_TARGET)
    changed = {**NEED, "title_EN_t": "Support for community seed banks in Cusco"}
    server.control("central_put", records=[changed])
    server.control("central_withdraw", identifier="CHM-OFFER-PE-2")
    report = chm_pull.pull(lib, CHM_TARGET)
    assert report.since is not None
    assert (report.added, report.updated, report.withdrawn) == (0, 1, 1)
    assert report.unchanged <= 1  # only what was modified since the last pull came back
    need_id = chm_pull.record_id("CHM-NEED-PE-1")
    assert lib.records.get(need_id)["title"]["en"] == "Support for community seed banks in Cusco"
    assert chm_pull.origin(lib, need_id)["revision"] == "2"
    offer_id = chm_pull.record_id("CHM-OFFER-PE-2")
    assert chm_pull.origin(lib, offer_id)["withdrawn"] is True
    assert offer_id in chm_pull.withdrawn_ids(lib)
    assert [h["action"] for h in lib.history.of(offer_id)][-1] == "withdrawn"
    server.control("central_put", records=[OFFER])  # published again
    again = chm_pull.pull(lib, CHM_TARGET)
    assert again.restored == 1 and chm_pull.origin(lib, offer_id)["withdrawn"] is False


def test_the_librarys_own_pushed_record_is_recognised_not_duplicated(tmp_path, server):
    library = custodian_library(tmp_path / "lib", server)
    try:
        own = library.records.add({"type": "resource", "title": {"en": "Our seed fair guide"}, "summary": {"en": "How we run the fair."},
                                   "countries": ["pe"], "gbf_targets": [13], "creators": [{"name": "A. Mamani", "role": "author"}],
                                   "date": "2024-05", "source_url": "https://example.org/guide", "access": {"level": "public"}})
        library.sync.share([own["id"]], CHM_TARGET)
        run_sync(library, CHM_TARGET, sleep=lambda s: None, backoff=Backoff(base=0.0))
        assert own["id"] in server.documents()
        server.control("publish", identifier=own["id"])
        before = library.records.count()
        report = chm_pull.pull(library, CHM_TARGET)
        assert report.own == 1 and report.added == 3
        assert library.records.count() == before + 3
        assert chm_pull.origin(library, own["id"]) is None  # still the library's own, still editable
        library.records.update(own["id"], {"keywords": ["seed fair"]})
    finally:
        library.close()


def test_pages_report_progress_and_a_cancel_keeps_what_was_committed(lib, server):
    many = [central_record(f"CHM-RES-PE-{n:03d}", "resource", title={"en": f"Guide number {n}"}, countries=["pe"])
            for n in range(7)]
    server.control("central_put", records=many)
    seen: list[tuple[int, int | None]] = []
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 2  # after two pages

    with pytest.raises(Cancelled):
        chm_pull.pull(lib, CHM_TARGET, page_size=3, progress=lambda d, t: seen.append((d, t)), cancel=cancel)
    assert seen == [(3, 10), (6, 10)]
    kept = lib.records.count()
    assert kept == 6
    report = chm_pull.pull(lib, CHM_TARGET, page_size=3)  # resumes from the watermark
    assert lib.records.count() == 10 and report.added == 4


def test_a_bad_document_is_reported_and_the_rest_still_come(lib, server):
    bad = {**central_record("CHM-BAD-1", "resource", title={"en": "Bad link"}, countries=["pe"]), "url_ss": ["javascript:alert(1)"]}
    server.control("central_put", records=[bad])
    report = chm_pull.pull(lib, CHM_TARGET)
    assert report.added == 3 and [r["identifier"] for r in report.rejected] == ["CHM-BAD-1"]


def test_a_target_without_country_or_of_another_kind_is_refused_clearly(tmp_path, server):
    from kmdesk.core.chm.errors import TargetMisconfigured

    with custodian_library(tmp_path / "lib", server, bioland=BIOLAND_TARGET, settings={}) as library:
        with pytest.raises(TargetMisconfigured, match="no country"):
            chm_pull.pull(library, CHM_TARGET)
        with pytest.raises(TargetMisconfigured, match="kind chm"):
            chm_pull.pull(library, BIOLAND_TARGET)


def test_kmdesk_target_pull_reports_as_json(tmp_path, server, monkeypatch, capsys):
    import json

    from kmdesk.cli import main

    custodian_library(tmp_path / "lib", server).close()
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    args = ["--data-dir", str(tmp_path / "lib"), "target", "pull", CHM_TARGET, "--profile", "Keeper", "--json"]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["added"] == 3 and first["since"] is None
    assert main(args) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["added"] == 0 and second["since"] == first["until"]
    assert main(["--data-dir", str(tmp_path / "lib"), "target", "pull", CHM_TARGET, "--schema", "need", "--profile", "Keeper"]) == 0
    assert "0 added" in capsys.readouterr().out


def test_the_sync_panels_pull_button_runs_on_a_worker_and_reports(qtbot, lib):
    from kmdesk.gui.access_editor import AccessContext
    from kmdesk.gui.sync_panel import SyncPanel

    panel = SyncPanel(lib, lang="en", auto=False)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.set_access(AccessContext(profile=None, profiles=lib.access.profiles()))
    assert not panel.pull_button.isEnabled()  # a library with profiles, none unlocked: nobody may write
    panel.set_access(AccessContext(profile=lib.access.unlocked_profile(), profiles=lib.access.profiles()))
    assert panel.pull_button.isEnabled()
    with qtbot.waitSignal(panel.pulled, timeout=10000):
        panel.pull_now()
    assert [r["added"] for r in panel.last_pulls] == [3]
    assert "3 new" in panel.summary_label.text()
    assert lib.index.search("semillas").total == 1


def test_a_pulled_record_reads_as_from_the_chm_and_cannot_be_edited_in_the_window(qtbot, make_window, lib):
    chm_pull.pull(lib, CHM_TARGET)
    window = make_window(lib, shown=False)
    window.show_record_id(chm_pull.record_id("CHM-NEED-PE-1"))
    assert "From the CHM" in window.record_view.html() and "CHM-NEED-PE-1" in window.record_view.html()
    assert not window.edit_action.isEnabled() and not window.delete_action.isEnabled()
    for action in (window.edit_action, window.delete_action):
        assert "Pulled from the CHM: read-only here" in action.toolTip()
    files = window.attachments_view
    assert not files.add_button.isEnabled() and "Pulled from the CHM" in files.add_button.toolTip()
    assert window.edit_record() is None  # a call past the disabled action (a test, a script) changes nothing either
    window.delete_record()
    assert lib.records.get(chm_pull.record_id("CHM-NEED-PE-1"))
    own = lib.records.add({"type": "need", "title": {"en": "Our own need"}})
    window.show_record_id(own["id"])
    qtbot.waitUntil(lambda: (window.record_view.record or {}).get("id") == own["id"], timeout=5000)
    assert "From the CHM" not in window.record_view.html() and window.edit_action.isEnabled()
    assert window.delete_action.isEnabled() and window.delete_action.toolTip() == "Delete the selected record"
    assert files.add_button.isEnabled() and files.add_button.toolTip() == ""


def test_only_a_writer_may_pull(tmp_path, server):
    library = custodian_library(tmp_path / "lib", server)
    try:
        library.lock()
        calls = server.state.calls
        with pytest.raises(AccessDenied):
            chm_pull.pull(library, CHM_TARGET)
        assert server.state.calls == calls and library.records.count() == 0
    finally:
        library.close()


def test_the_reference_server_process_publishes_the_demo_central_records_once(tmp_path):
    import json
    import subprocess
    import sys

    import requests

    data = tmp_path / "ref.sqlite"

    def serve() -> tuple[subprocess.Popen, str]:
        process = subprocess.Popen([sys.executable, "-m", "kmdesk.refserver.server", "--port", "0", "--data", str(data)],
                                   stdout=subprocess.PIPE, text=True)
        line = process.stdout.readline()  # printed once it serves
        return process, line.split(" on ")[1].split()[0]

    revisions = []
    for _run in range(2):  # a restart on the same data keeps the revisions: nothing new to pull
        process, url = serve()
        try:
            answer = requests.get(url + chm_pull.INDEX_PATH, params={"q": "countryRegions_ss:pe", "rows": "50",
                                                                     "fl": "identifier_s,_revision_i"}, timeout=10)
            docs = answer.json()["response"]["docs"]
            revisions.append(json.dumps(sorted((d["identifier_s"], d["_revision_i"]) for d in docs)))
            assert len(docs) == 5 and all(d["identifier_s"].startswith("CHM-DEMO-PE") for d in docs)
        finally:
            process.terminate()
            process.wait(10)
    assert revisions[0] == revisions[1]


# -- read-only everywhere (issue 29): refused in the core, marked withdrawn, reachable by its id ------

def test_a_pulled_record_cannot_be_deleted_given_files_or_edited_and_stays(lib, tmp_path):
    from kmdesk.core.errors import PulledRecord
    from kmdesk.core.store import attachments

    chm_pull.pull(lib, CHM_TARGET)
    need_id = chm_pull.record_id("CHM-NEED-PE-1")
    with pytest.raises(PulledRecord, match="read-only") as refused:
        lib.records.delete(need_id)
    assert refused.value.code == "pulled_record" and refused.value.params["action"] == "delete"
    assert refused.value.params["chm_id"] == "CHM-NEED-PE-1"
    assert isinstance(refused.value, AccessDenied)  # what a face that knows only AccessDenied still catches
    note = tmp_path / "note.txt"
    note.write_text("field notes")
    with pytest.raises(PulledRecord, match="cannot be given files"):
        attachments.add(lib, need_id, note)
    assert attachments.list_for(lib, need_id) == []
    assert not [p for p in (lib.data_dir / "files").rglob("*") if p.is_file()]  # no file stored on the way
    with pytest.raises(PulledRecord, match="cannot be edited"):
        lib.records.update(need_id, {"keywords": ["changed here"]})
    assert lib.records.get(need_id)["keywords"] == [] and lib.records.count() == 3
    assert [h["action"] for h in lib.history.of(need_id)] == ["pull"]
    own = lib.records.add({"type": "need", "title": {"en": "Our own need"}})
    attachments.add(lib, own["id"], note)  # the library's own records are as before
    lib.records.delete(own["id"])


def test_exact_ids_of_any_length_resolve_before_prefixes(lib, server):
    from kmdesk.core.store.reader import Reader

    server.control("central_put", records=[
        central_record("AB-1", "resource", title={"en": "A short id"}, countries=["pe"]),
        central_record("CHM-RES-PE-1", "resource", title={"en": "The first guide"}, countries=["pe"]),
        central_record("CHM-RES-PE-10", "resource", title={"en": "The tenth guide"}, countries=["pe"])])
    chm_pull.pull(lib, CHM_TARGET)
    for library in (lib, Reader.open(lib.data_dir)):
        assert library.records.resolve_id("AB-1") == "AB-1"  # shorter than a prefix may be
        assert library.records.resolve_id(" CHM-RES-PE-1 ") == "CHM-RES-PE-1"  # also the beginning of another's id
        assert library.records.resolve_id("CHM-RES-PE-10") == "CHM-RES-PE-10"
        with pytest.raises(Exception, match="ambiguous"):
            library.records.resolve_id("CHM-RES-PE")
        with pytest.raises(Exception, match="at least 8"):
            library.records.resolve_id("AB-")
    lib.close()


def _cli(capsys, tmp_path, *args):
    from kmdesk.cli import main

    code = main(["--data-dir", str(tmp_path / "lib"), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_cli_refuses_changes_to_a_pulled_record_with_a_message(tmp_path, server, monkeypatch, capsys):
    with custodian_library(tmp_path / "lib", server) as library:
        chm_pull.pull(library, CHM_TARGET)
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    note = tmp_path / "note.txt"
    note.write_text("field notes")
    as_keeper = ("--profile", "Keeper")
    for args in (("delete", "CHM-NEED-PE-1", "--yes"), ("delete", "CHM-NEED-PE-1"),  # refused before the question
                 ("attach", "CHM-NEED-PE-1", str(note)), ("edit", "CHM-NEED-PE-1", "--title", "Changed here")):
        code, out, err = _cli(capsys, tmp_path, *args, *as_keeper)
        assert code != 0 and "pulled from the CHM (CHM-NEED-PE-1) and is read-only here" in err, (args, err)
    code, out, _err = _cli(capsys, tmp_path, "show", "CHM-NEED-PE-1")
    assert code == 0 and "Support for seed banks" in out and "from the CHM: CHM-NEED-PE-1" in out


def test_withdrawn_records_are_marked_and_each_pulled_record_has_its_own_short_id(tmp_path, server, monkeypatch, capsys):
    import json

    demo = [central_record(f"CHM-DEMO-PE-{kind.upper()}-01", kind, title={"en": f"Demo {kind} about seed banks"}, countries=["pe"])
            for kind in ("need", "offer", "resource")]
    server.control("central_put", records=demo)
    with custodian_library(tmp_path / "lib", server) as library:
        chm_pull.pull(library, CHM_TARGET)
        server.control("central_withdraw", identifier="CHM-DEMO-PE-OFFER-01")
        chm_pull.pull(library, CHM_TARGET)
        own = library.records.add({"type": "need", "title": {"en": "Our own seed bank need"}})
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)

    code, out, _err = _cli(capsys, tmp_path, "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 7
    shown = [line.split()[0] for line in lines]
    assert len(set(shown)) == 7  # not all "CHM-DEMO"
    assert {"CHM-DEMO-PE-NEED-01", "CHM-DEMO-PE-OFFER-01", "CHM-DEMO-PE-RESOURCE-01", own["id"][:8]} <= set(shown)
    assert [line for line in lines if "[withdrawn]" in line] == [next(l for l in lines if l.startswith("CHM-DEMO-PE-OFFER-01"))]
    for short in shown:  # each short id shown resolves back to its record
        code, out, err = _cli(capsys, tmp_path, "show", short)
        assert code == 0, err
        assert ("[withdrawn]" in out) == (short == "CHM-DEMO-PE-OFFER-01")
    code, out, _err = _cli(capsys, tmp_path, "show", "CHM-DEMO-PE-OFFER-01", "--json")
    assert json.loads(out)["pulled"]["withdrawn"] is True
    code, out, _err = _cli(capsys, tmp_path, "list", "--json")
    assert {r["id"] for r in json.loads(out) if r["withdrawn"]} == {"CHM-DEMO-PE-OFFER-01"}

    for extra in ((), ("--profile", "Keeper")):  # the reader and the store
        code, out, _err = _cli(capsys, tmp_path, "search", "demo seed", *extra)
        hits = {line.split()[0]: line for line in out.splitlines()[:-1]}
        assert code == 0 and set(hits) == {"CHM-DEMO-PE-NEED-01", "CHM-DEMO-PE-OFFER-01", "CHM-DEMO-PE-RESOURCE-01"}
        assert [k for k, line in hits.items() if "[withdrawn]" in line] == ["CHM-DEMO-PE-OFFER-01"]
    code, out, _err = _cli(capsys, tmp_path, "search", "demo seed", "--json")
    assert [h["id"] for h in json.loads(out) if h["withdrawn"]] == ["CHM-DEMO-PE-OFFER-01"]
