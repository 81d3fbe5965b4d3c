"""Whole rows are signed and checked in one place (``trust.rows``): each attack here is made as
someone who can write ``library.db`` but holds no passphrase would make it, ``sqlite3`` on the
file with every trigger dropped first; then kmdesk is used as usual. Each row that was changed,
added, renumbered or signed by the wrong member is refused and named, never used silently.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import attack

from kmdesk.cli import main as cli_main
from kmdesk.core.chm.runner import run_sync
from kmdesk.core.errors import DamagedRecord, NotFound, TamperedData
from kmdesk.core.store import attachments
from kmdesk.core.store.library import Library
from kmdesk.core.store.model import Record
from kmdesk.core.trust import aead, rows, wrapping

PASS = {"Aiyana": "aiyana passphrase", "Tupaq": "tupaq passphrase", "Mei": "mei passphrase", "Killa": "killa passphrase"}


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib")
    library.access.create_profile("Aiyana", PASS["Aiyana"], ["custodian"])
    library.unlock("Aiyana", PASS["Aiyana"])
    library.access.create_profile("Tupaq", PASS["Tupaq"], ["contributor"])
    library.access.create_profile("Mei", PASS["Mei"], ["viewer"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Women", community="Ayllu Chawaytire")
    library.access.add_protocol("Healers", community="Ayllu Chawaytire")
    library.access.add_member("Healers", "Tupaq")
    library.sync.add_target("chm", "chm", "http://127.0.0.1:9/", settings={"country": "pe"})
    yield library
    library.close()




def value(lib, sql, params=()):
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        found = connection.execute(sql, params).fetchone()
    connection.close()
    return found


def run(capsys, *argv):
    code = cli_main(list(argv))
    return code, capsys.readouterr()


def shared_tk(lib, **extra):
    """A public record of a community's knowledge, consented, shared with the CHM, then withdrawn."""
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Quinoa seed keeping"}, "community": "Ayllu Chawaytire",
                              "labels": ["TK A"], "access": {"level": "public"}, **extra})
    lib.consent.grant(record["id"], {"granted_by": "Elder council", "scope": ["share_chm"], "given_on": "2024-01-01"})
    lib.sync.share([record["id"]], "chm")
    return record


class Target:
    def __init__(self):
        self.calls: list[tuple[str, str]] = []

    def push(self, record):
        self.calls.append(("push", record["id"]))

        class Result:
            revision = "1"
            via = "workflow"
        return Result()

    def retract(self, identifier):
        self.calls.append(("retract", identifier))


# -- row edit: the sharing rule's inputs ---------------------------------------------------------
@pytest.mark.parametrize("statement", [
    "UPDATE records SET type = 'resource', community = NULL, labels = '[]'",
    "UPDATE records SET labels = '[]'",
    "UPDATE records SET revision = revision + 1",
])
def test_an_edited_record_row_is_quarantined_and_never_eligible(lib, statement):
    record = shared_tk(lib)
    lib.consent.withdraw(record["id"], by="Elder council")
    attack(lib, statement)
    lib.unlock("Aiyana", PASS["Aiyana"])
    with pytest.raises(DamagedRecord, match=f"record {record['id']} .*does not match its signature"):
        lib.records.get(record["id"])
    verdict = lib.sync.eligibility(record["id"])["chm"]
    assert not verdict["eligible"] and verdict["reasons"][0]["code"] == "damaged"
    assert record["id"] in {item["id"] for item in lib.integrity().damaged}


def test_a_share_written_into_the_file_is_no_choice(lib):
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    attack(lib, "INSERT INTO shares (record_id, target, selected_by, selected_at) VALUES (?, 'chm', 'Aiyana', '2024')",
           params=(record["id"],))
    lib.unlock("Aiyana", PASS["Aiyana"])
    verdict = lib.sync.eligibility(record["id"])["chm"]
    assert not verdict["eligible"] and {"code": "not_selected", "params": {}} in verdict["reasons"]
    assert any(r["table"] == "shares" and r["record"] == record["id"] and "is not signed" in r["problem"]
               for r in lib.integrity().rows)


def test_an_outbox_retraction_turned_into_a_push_retracts_and_is_named(lib):
    record = shared_tk(lib)
    target = Target()
    run_sync(lib, "chm", client=target)
    assert target.calls == [("push", record["id"])]
    lib.consent.withdraw(record["id"], by="Elder council")
    attack(lib, "UPDATE outbox SET op = 'push'")
    lib.unlock("Aiyana", PASS["Aiyana"])
    report = run_sync(lib, "chm", client=target)
    assert target.calls[-1] == ("retract", record["id"])
    assert report.untrusted and record["id"] in report.untrusted[0]["problem"]


def test_a_remote_state_cleared_in_the_file_still_retracts(lib):
    """Clearing what the target holds would have kept a withdrawn record online: an unsigned
    state is taken to hide a copy there."""
    record = shared_tk(lib)
    target = Target()
    run_sync(lib, "chm", client=target)
    attack(lib, "UPDATE remote_state SET remote_revision = NULL")
    lib.unlock("Aiyana", PASS["Aiyana"])
    lib.consent.withdraw(record["id"], by="Elder council")
    run_sync(lib, "chm", client=target)
    assert target.calls[-1] == ("retract", record["id"])


def test_a_sync_target_moved_elsewhere_is_refused(lib):
    attack(lib, "UPDATE sync_targets SET url = 'https://attacker.example'")
    lib.unlock("Aiyana", PASS["Aiyana"])
    with pytest.raises(TamperedData, match="sync target chm does not match its signature"):
        run_sync(lib, "chm", client=Target())


# -- protocols, memberships, communities -----------------------------------------------------------
def test_swapped_protocol_names_are_refused_and_seal_nothing(lib):
    attack(lib, "UPDATE protocols SET name = 'swap' WHERE name = 'Women'",
           "UPDATE protocols SET name = 'Women' WHERE name = 'Healers'", "UPDATE protocols SET name = 'Healers' WHERE name = 'swap'")
    lib.unlock("Aiyana", PASS["Aiyana"])
    with pytest.raises(TamperedData, match=r"protocol 'Women' \(id \d+\) does not match its signature"):
        lib.records.add({"type": "traditional_knowledge", "title": {"en": "Birth songs"}, "community": "Ayllu Chawaytire",
                         "access": {"level": "restricted", "protocols": ["Women"]}})
    assert {p["name"]: p["problem"] is not None for p in lib.access.protocols()}["Women"]
    lib.lock()
    lib.unlock("Tupaq", PASS["Tupaq"])  # a Healers member
    assert lib.access.unlocked_profile()["protocols"] == [] and lib.access.current.problems


def test_a_protocol_flipped_to_open_gives_its_key_to_nobody(lib):
    attack(lib, "UPDATE protocols SET kind = 'open' WHERE name = 'Women'")
    lib.unlock("Aiyana", PASS["Aiyana"])
    lib.access.create_profile("Killa", PASS["Killa"], ["viewer"])
    women = value(lib, "SELECT id FROM protocols WHERE name = 'Women'")[0]
    killa = value(lib, "SELECT id FROM profiles WHERE name = 'Killa'")[0]
    assert value(lib, "SELECT 1 FROM memberships WHERE protocol_id = ? AND profile_id = ?", (women, killa)) is None
    with lib.reading() as session:
        assert "Women" not in lib.access.protocol_kinds(session)
    attack(lib, "UPDATE protocols SET kind = 'strict' WHERE name = 'Women'")  # flipped back: nothing was given
    lib.unlock("Killa", PASS["Killa"])
    assert women not in lib.access.current.protocol_keys


def test_a_reader_raised_to_member_in_the_file_gets_no_key(lib):
    lib.access.add_protocol("Stories", community="Ayllu Chawaytire", kind="open")
    attack(lib, "UPDATE memberships SET reader = 0 WHERE profile_id = (SELECT id FROM profiles WHERE name = 'Mei')")
    lib.unlock("Mei", PASS["Mei"])
    assert "Stories" not in lib.access.unlocked_profile()["protocols"]
    assert any("does not match its signature" in p for p in lib.access.current.problems)


def test_a_membership_resigned_by_an_insider_without_the_library_key_is_refused(lib):
    """Mei, a viewer with her own passphrase, re-signs a membership she wrote for herself: the
    signature is hers and valid, but she may not sign memberships, nor grant them."""
    lib.lock()
    lib.unlock("Mei", PASS["Mei"])
    mei = lib.access.current
    library_id = lib.access.library_id()
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        healers, = connection.execute("SELECT id FROM protocols WHERE name = 'Healers'").fetchone()
        public, = connection.execute("SELECT public_key FROM profiles WHERE name = 'Mei'").fetchone()
        row = {"id": 99, "protocol_id": healers, "profile_id": mei.profile_id, "reader": 0, "key_version": 1,
               "wrapped_key": wrapping.wrap_for(aead.new_data_key(), public, f"kmdesk/protocol/{healers}/member/{mei.profile_id}".encode()),
               "signature": None}
        signature = rows.sign("memberships", row, library_id, mei.signing_key)
        connection.execute("INSERT INTO memberships (id, protocol_id, profile_id, wrapped_key, reader, key_version, row_sig, row_signer) "
                           "VALUES (:id, :protocol_id, :profile_id, :wrapped_key, :reader, :key_version, :sig, 'Mei')",
                           {**row, "sig": signature})
    connection.close()
    lib.lock()
    lib.unlock("Mei", PASS["Mei"])
    assert "Healers" not in lib.access.unlocked_profile()["protocols"]
    assert any("was not granted by the library key" in p for p in lib.access.current.problems)


def test_a_row_signed_by_a_viewer_is_refused(lib):
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    lib.lock()
    lib.unlock("Mei", PASS["Mei"])
    mei = lib.access.current
    with lib.reading() as session:
        row = session.get(Record, record["id"])
        values = {**rows.values_of("records", row), "title": {"en": "Rewritten by a viewer"}}
    signature = rows.sign("records", values, lib.access.library_id(), mei.signing_key)
    attack(lib, "UPDATE records SET title = ?, row_sig = ?, row_signer = 'Mei'",
           params=(json.dumps(values["title"]), signature))
    with pytest.raises(DamagedRecord, match="is signed by Mei, who may not sign records"):
        lib.records.get(record["id"])


def test_a_row_signed_by_an_unknown_profile_is_refused(lib):
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    attack(lib, "UPDATE records SET row_signer = 'Nobody'")
    with pytest.raises(DamagedRecord, match="is signed by Nobody, whom the library key does not certify"):
        lib.records.get(record["id"])


def test_an_edited_community_is_named_and_holds_no_new_protocol(lib):
    attack(lib, "UPDATE communities SET country = 'bo'")
    lib.unlock("Aiyana", PASS["Aiyana"])
    [community] = lib.access.communities()
    assert "community 'Ayllu Chawaytire'" in community["problem"]
    with pytest.raises(TamperedData, match="community 'Ayllu Chawaytire'"):
        lib.access.add_protocol("Weavers", community="Ayllu Chawaytire")


# -- consent ---------------------------------------------------------------------------------
@pytest.mark.parametrize("statement", [
    "UPDATE consent_events SET data = json_set(data, '$.withdrawn_on', '2099-01-01') WHERE kind = 'withdraw'",
    "UPDATE consent_events SET signature = NULL, signed_by = NULL WHERE kind = 'withdraw'",
    "DELETE FROM consent_events WHERE kind = 'withdraw'",
    "UPDATE consent_events SET id = -5 WHERE kind = 'withdraw'",
    "UPDATE consent_events SET at = '1999-01-01T00:00:00+00:00' WHERE kind = 'withdraw'",
])
def test_a_withdrawal_forged_renumbered_or_deleted_still_withdraws_and_is_named(lib, statement):
    record = shared_tk(lib)
    lib.consent.withdraw(record["id"], by="Elder council")
    attack(lib, statement)
    for unlocked in (False, True):
        if unlocked:
            lib.unlock("Aiyana", PASS["Aiyana"])
        assert not lib.sync.eligibility(record["id"])["chm"]["eligible"]
        assert not lib.sync.outgoing(record["id"], "chm")[1].eligible
        problems = lib.consent.problems(record["id"])
        assert problems and all(p.startswith(f"record {record['id']}: consent") for p in problems)


def test_a_grant_forged_with_a_stolen_signature_does_not_count(lib):
    """A grant copied from another record (its author's signature intact) fails: the record id
    is signed, so it is no consent there."""
    granted = shared_tk(lib)
    other = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Terrace songs"}, "community": "Ayllu Chawaytire",
                             "access": {"level": "public"}})
    lib.sync.share([other["id"]], "chm")
    columns = "consent_id, kind, at, by, data, sealed, digest, signature, signed_by, row_sig, row_signer"
    attack(lib, f"INSERT INTO consent_events (record_id, {columns}) SELECT ?, {columns} FROM consent_events WHERE record_id = ?",
           params=(other["id"], granted["id"]))
    assert lib.consent.of(other["id"]) == []
    assert not lib.sync.eligibility(other["id"])["chm"]["eligible"]


# -- history, attachments, check and quarantine ------------------------------------------------------
def test_check_names_tampered_history_attachments_and_consent_by_record(lib, capsys, monkeypatch, tmp_path):
    record = shared_tk(lib)
    lib.consent.withdraw(record["id"], by="Elder council")
    other = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    photo = tmp_path / "seed.txt"
    photo.write_bytes(b"seed bank inventory")
    attached = attachments.add(lib, other["id"], photo)
    attack(lib, f"UPDATE record_history SET by = 'Someone else' WHERE record_id = '{other['id']}'",
           f"UPDATE attachments SET filename = 'renamed.exe' WHERE id = {attached['id']}",
           "UPDATE consent_events SET id = id + 100 WHERE kind = 'withdraw'")
    (lib.data_dir / "files" / "plain" / attached["sha256"][:2] / attached["sha256"]).write_bytes(b"seed bank inventorY")
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Aiyana"])
    code, out = run(capsys, "check", "--data-dir", str(lib.data_dir), "--profile", "Aiyana")
    assert code == 1
    assert "history entry" in out.out and f"of record {other['id']} does not match its signature" in out.out
    assert f"attachment {attached['id']} of record {other['id']} does not match its signature" in out.out
    assert f"attachment {attached['id']} of record {other['id']}: its file was changed outside kmdesk" in out.out
    assert f"record {record['id']} failed its integrity check (record {record['id']}: consent" in out.out
    lib.unlock("Aiyana", PASS["Aiyana"])
    [entry] = [h for h in lib.history.of(other["id"]) if h.get("damaged")]
    assert entry["changes"] == {}
    [listed] = attachments.list_for(lib, other["id"])
    assert listed["damaged"] and listed["filename"] is None
    with pytest.raises(TamperedData, match=f"attachment {attached['id']}"):
        attachments.read_bytes(lib, attached["id"], 1000)


def test_a_quarantined_record_is_deleted_after_the_ordinary_question(lib, capsys, monkeypatch):
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    attack(lib, "UPDATE records SET keywords = '[\"edited\"]'")
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Aiyana"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _question: "y")
    code, out = run(capsys, "delete", record["id"], "--data-dir", str(lib.data_dir), "--profile", "Aiyana")
    assert code == 0 and f"deleted {record['id']}" in out.out
    with pytest.raises(NotFound):
        lib.records.get(record["id"])


def test_an_intact_library_checks_clean(lib, capsys, monkeypatch):
    record = shared_tk(lib)
    lib.consent.withdraw(record["id"], by="Elder council")
    lib.records.add({"type": "traditional_knowledge", "title": {"es": "Tintes"}, "community": "Ayllu Chawaytire",
                     "access": {"level": "restricted", "protocols": ["Healers"]}})
    lib.lock()
    code, out = run(capsys, "check", "--data-dir", str(lib.data_dir))
    assert code == 0 and "integrity check" not in out.out and "not match" not in out.out
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Aiyana"])
    code, out = run(capsys, "check", "--data-dir", str(lib.data_dir), "--profile", "Aiyana", "--json")
    assert code == 0 and json.loads(out.out)["rows"] == []


def test_a_record_row_rewritten_in_the_file_never_reaches_the_index(lib):
    """The on-disk index is derived: rebuilding it from rows indexes only rows that pass their
    check, so text written into the file is never searchable."""
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    attack(lib, "UPDATE records SET title = '{\"en\": \"Forged mangrove advice\"}'")
    assert lib.index.reindex() >= 0
    assert lib.index.search("forged").total == 0 and lib.index.search("seed").total == 0
    assert record["id"] in lib.records.quarantine


def test_list_names_a_record_whose_row_fails(lib, capsys):
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    lib.records.add({"type": "resource", "title": {"en": "Grain store"}})
    attack(lib, "UPDATE records SET title = '{\"en\": \"Forged\"}' WHERE id = ?", params=(record["id"],))
    code, out = run(capsys, "list", "--data-dir", str(lib.data_dir))
    assert code == 0 and "Grain store" in out.out and "Forged" not in out.out
    assert f"[failed its integrity check: record {record['id']} does not match its signature" in out.out


def test_a_custodian_shown_a_record_under_a_swapped_protocol_is_told_which_protocol_failed(lib, capsys, monkeypatch):
    """The protocol whose row fails gives no key: the custodian's own "Women" record then read
    as "restricted" with no reason. Every unlocked command now names the protocol on stderr."""
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Birth songs"}, "community": "Ayllu Chawaytire",
                              "access": {"level": "restricted", "protocols": ["Women"]}})
    attack(lib, "UPDATE protocols SET name = 'swap' WHERE name = 'Women'",
           "UPDATE protocols SET name = 'Women' WHERE name = 'Healers'", "UPDATE protocols SET name = 'Healers' WHERE name = 'swap'")
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Aiyana"])
    code, out = run(capsys, "show", record["id"], "--data-dir", str(lib.data_dir), "--profile", "Aiyana")
    assert code == 0 and "Birth songs" not in out.out
    assert "kmdesk: warning: protocol 'Healers' (id" in out.err and "does not match its signature" in out.err
    assert "its protocol key was not used" in out.err
