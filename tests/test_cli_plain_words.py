"""What a new user meets at the command line on the demo library, followed as the README says:
names, dates and states in words, never the stored codes ("TK CL", "view_community", "not_sent",
"pe", "quz", "2025-06-20"), each refusal saying once where it is and how to go on."""

from __future__ import annotations

import re

import pytest
from conftest import DEMO_CUSTODIAN

from kmdesk.cli import main

RESTRICTED = "06f3179f"  # "Spawning aggregation sites...": restricted, labelled TK Clan (forbids sharing)
ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo(demo_library, monkeypatch):
    monkeypatch.setenv("KMDESK_PASSPHRASE", DEMO_CUSTODIAN[1])
    return str(demo_library.data_dir)


def test_show_names_the_forbidding_label_and_the_state_at_a_target_in_words(demo, capsys):
    code, out, _ = run(capsys, "--data-dir", demo, "share", RESTRICTED, "--target", "Local reference CHM",
                       "--profile", DEMO_CUSTODIAN[0])
    assert code == 0 and "the label TK Clan forbids sharing" in out and "TK CL " not in out
    code, out, _ = run(capsys, "--data-dir", demo, "show", RESTRICTED)
    assert code == 0 and "the label TK Clan forbids sharing" in out and "TK CL " not in out
    assert "at Local reference CHM: selected, not sent" in out and "not_sent" not in out


def test_consent_show_writes_dates_and_what_the_consent_allows_in_words(demo, capsys):
    code, out, _ = run(capsys, "--data-dir", demo, "consent", "show", RESTRICTED, "--profile", DEMO_CUSTODIAN[0])
    assert code == 0 and "20 Jun 2025" in out and "allows: View within the community" in out
    assert not ISO_DATE.search(out) and "view_community" not in out
    code, out, _ = run(capsys, "--data-dir", demo, "consent", "show", RESTRICTED)  # locked: sealed, dates only
    assert code == 0 and "20 Jun 2025  sealed consent" in out and not ISO_DATE.search(out)


def test_communities_and_the_directory_name_countries_and_languages(demo, capsys):
    code, out, _ = run(capsys, "--data-dir", demo, "community", "list")
    assert code == 0 and "Ayllu Sumaq Pacha (Peru)" in out and "(pe)" not in out
    code, out, _ = run(capsys, "--data-dir", demo, "directory", "--country", "pe")
    assert code == 0 and "Juana Mamani Quispe  [Spanish, Cusco Quechua, English] Peru  " in out
    assert "quz" not in out and " PE " not in out


def test_an_import_refusal_names_its_rows_once(demo, tmp_path, capsys):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,type,community\nTide calendar,traditional_knowledge,Nowhere Village\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", demo, "import", str(sheet), "--profile", DEMO_CUSTODIAN[0])
    assert code == 1 and f"{sheet}: row 2: error: " in err and err.count("row 2") == 1


def test_a_locked_refusal_says_how_to_unlock(demo, tmp_path, capsys):
    code, _, err = run(capsys, "--data-dir", demo, "add", "--type", "practice", "--title", "Zaï pits")
    assert code == 2 and "pass --profile NAME" in err and "KMDESK_PASSPHRASE" in err
    assert main(["--data-dir", str(tmp_path / "open"), "init"]) == 0
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "open"), "community", "add", "Vatuloa")
    assert code == 2 and "no profiles yet" in err and "kmdesk profile add NAME --role custodian" in err


def test_history_and_contacts_name_fields_and_consents_in_words(demo, capsys):
    person = "3bbe194c"  # Juana Mamani Quispe, listed in the directory with her consent of 20 May 2024
    code, out, _ = run(capsys, "--data-dir", demo, "edit", person, "--target", "13", "--goal", "C", "--profile", DEMO_CUSTODIAN[0])
    assert code == 0
    code, out, _ = run(capsys, "--data-dir", demo, "show", person, "--history")
    assert code == 0 and "edit  GBF goals, GBF targets" in out and "gbf_" not in out
    assert "given on 20 May 2024" in out and not ISO_DATE.search(out)
    code, out, _ = run(capsys, "--data-dir", demo, "show", "be3484b0")  # an organization that gave no such consent
    assert "consent to list in the practitioner directory" in out and "list_in_directory" not in out


@pytest.mark.parametrize("argv", [["export", "--format", "json", "-o"], ["directory", "--vcard"], ["report", "-o"]])
def test_a_file_to_write_where_it_cannot_be_is_refused_in_words(demo, tmp_path, capsys, argv):
    for target, words in ((tmp_path / "missing" / "out.md", "does not exist"), (tmp_path, "it is a folder")):
        code, _, err = run(capsys, "--data-dir", demo, *argv, str(target))
        assert code == 2 and words in err and "internal error" not in err and "/." not in err


def test_a_folder_that_takes_no_file_is_named_with_the_file_asked_for(demo, capsys):
    """/proc exists but no file can be made in it, not even by root: the export names the file
    it was asked to write, not its temporary file, and is no internal error."""
    code, _, err = run(capsys, "--data-dir", demo, "export", "--format", "json", "-o", "/proc/kmdesk-export.json")
    assert code == 1 and err.startswith("kmdesk: /proc/kmdesk-export.json: ") and "internal error" not in err


def test_sync_says_why_records_still_wait(demo, capsys):
    """A target that does not answer: exit 3, and the run says why the record waits, not only
    'still queued 1'."""
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    who = ["--profile", DEMO_CUSTODIAN[0]]
    assert main(["--data-dir", demo, "target", "edit", "Local reference CHM", "--url", f"http://127.0.0.1:{port}", *who]) == 0
    assert main(["--data-dir", demo, "share", "bd645a06", "--target", "Local reference CHM", *who]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "--data-dir", demo, "sync", "--target", "Local reference CHM", "--max-wait", "0", *who)
    assert code == 3 and "still queued 1" in out and "  waiting: " in out and "no answer" in out


def test_the_window_refuses_a_language_it_does_not_speak(demo, tmp_path, capsys):
    shot = tmp_path / "shot.png"
    code, _, err = run(capsys, "--data-dir", demo, "gui", "--language", "xx", "--screenshot", str(shot))
    assert code == 2 and "ar, en, es, fr, ru, zh, not 'xx'" in err and not shot.exists()
