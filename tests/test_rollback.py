"""Rollback and passphrase changes: an older copy of the library, whole or in part, put back in
its folder is named at the next open (the witness kept outside the folder per library id,
``trust.witness``); a passphrase change makes a new key pair, so the old row opens nothing new
(``trust.rotation``). The attacker writes the folder with ``sqlite3`` and file copies."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import drop_triggers

from kmdesk.cli import main as cli_main
from kmdesk.core.errors import DamagedRecord, UntrustedKey, WrongPassphrase
from kmdesk.core.store.library import Library

PASS = {"Aiyana": "aiyana passphrase", "Tupaq": "tupaq passphrase"}
NEW = {"Aiyana": "aiyana changed passphrase", "Tupaq": "tupaq changed passphrase"}


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib")
    library.access.create_profile("Aiyana", PASS["Aiyana"], ["custodian"])
    library.unlock("Aiyana", PASS["Aiyana"])
    library.access.create_profile("Tupaq", PASS["Tupaq"], ["contributor"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire")
    library.access.add_member("Weavers' council", "Tupaq")
    yield library
    library.close()


def public_tk(lib):
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Quinoa seed keeping"}, "community": "Ayllu Chawaytire",
                              "access": {"level": "public"}})
    lib.consent.grant(record["id"], {"granted_by": "Elder council", "scope": ["share_chm"], "given_on": "2024-01-01"})
    return record


def snapshot(lib, where):
    """A copy of the library as it is now (as a backup or an attacker would keep it)."""
    lib.lock()
    source, target = sqlite3.connect(lib.data_dir / "library.db"), sqlite3.connect(where)
    source.backup(target)
    source.close()
    target.close()
    return where


def put_back(lib, copy, *tables):
    """Put ``copy`` back in the folder: whole, or only ``tables`` of it (triggers dropped)."""
    lib.close()
    db = lib.data_dir / "library.db"
    if not tables:
        for suffix in ("-wal", "-shm"):
            (lib.data_dir / f"library.db{suffix}").unlink(missing_ok=True)
        shutil.copy2(copy, db)
        return
    with sqlite3.connect(db) as connection:
        drop_triggers(connection)
        connection.execute("ATTACH DATABASE ? AS old", (str(copy),))
        for table in tables:
            connection.execute(f"DELETE FROM {table}")
            connection.execute(f"INSERT INTO {table} SELECT * FROM old.{table}")
        connection.commit()
        connection.execute("DETACH DATABASE old")
    connection.close()


def test_a_whole_library_put_back_is_named_at_the_next_open(lib, tmp_path, capsys):
    record = public_tk(lib)
    copy = snapshot(lib, tmp_path / "before-withdrawal.db")
    lib.unlock("Aiyana", PASS["Aiyana"])
    lib.consent.withdraw(record["id"], by="Elder council")
    put_back(lib, copy)
    with Library.open(lib.data_dir) as again:
        assert [line.split(":")[0] for line in again.rollback] == ["consent", "audit log"]
    code = cli_main(["check", "--data-dir", str(lib.data_dir)])
    captured = capsys.readouterr()
    assert code == 1 and "this library is older than when it was last seen here (consent:" in captured.err
    assert "went back since last seen here: consent: 1 consent events where 2 were seen" in captured.out
    code = cli_main(["show", record["id"], "--data-dir", str(lib.data_dir)])  # the sqlite3 reader says it too
    assert code == 0 and "this library is older than when it was last seen here (consent:" in capsys.readouterr().err


def test_consent_and_audit_put_back_together_with_their_checkpoint_are_named(lib, tmp_path):
    record = public_tk(lib)
    copy = snapshot(lib, tmp_path / "before.db")
    lib.unlock("Aiyana", PASS["Aiyana"])
    lib.consent.withdraw(record["id"], by="Elder council")
    put_back(lib, copy, "consent_events", "audit_events", "meta")
    with Library.open(lib.data_dir) as again:
        assert {line.split(":")[0] for line in again.rollback} == {"consent", "audit log"}
        again.unlock("Aiyana", PASS["Aiyana"])
        assert again.audit.verify().ok  # every signature in the older copy holds: only the witness can tell


def test_a_membership_put_back_after_a_removal_is_named_and_gives_no_key(lib, tmp_path):
    copy = snapshot(lib, tmp_path / "before-removal.db")
    lib.unlock("Aiyana", PASS["Aiyana"])
    lib.access.remove_member("Weavers' council", "Tupaq")
    put_back(lib, copy, "memberships")
    with Library.open(lib.data_dir) as again:
        again.unlock("Tupaq", PASS["Tupaq"])
        assert "Weavers' council" not in again.access.unlocked_profile()["protocols"]
        assert any("version 1 of the key of protocol" in p for p in again.access.current.problems)
    put_back(lib, copy, "memberships", "protocols")
    with Library.open(lib.data_dir) as again:
        assert [line.split(":")[0] for line in again.rollback] == ["membership"]


def test_a_custodian_accepts_a_backup_restored_on_purpose(lib, tmp_path, capsys, monkeypatch):
    record = public_tk(lib)
    copy = snapshot(lib, tmp_path / "backup.db")
    lib.unlock("Aiyana", PASS["Aiyana"])
    lib.consent.withdraw(record["id"], by="Elder council")
    put_back(lib, copy)
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Aiyana"])
    code = cli_main(["check", "--data-dir", str(lib.data_dir), "--profile", "Aiyana", "--accept-rollback"])
    assert code == 0 and "(accepted)" in capsys.readouterr().out
    with Library.open(lib.data_dir) as again:
        assert again.rollback == []


def test_a_forged_row_cannot_raise_the_remembered_head(lib):
    attack = "UPDATE protocols SET key_version = 99 WHERE name = 'Weavers'' council'"
    lib.close()
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        connection.execute(attack)
    connection.close()
    Library.open(lib.data_dir).close()  # seen with the forged version: not remembered
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        connection.execute("UPDATE protocols SET key_version = 1 WHERE name = 'Weavers'' council'")
    connection.close()
    with Library.open(lib.data_dir) as again:
        assert again.rollback == []


def test_the_witness_lives_outside_the_folder_per_library(lib, tmp_path, monkeypatch):
    library_id = lib.access.library_id()
    lib.close()
    witness = Path(os.environ["KMDESK_STATE_DIR"]) / "witness" / f"{library_id}.json"
    assert witness.is_file() and oct(witness.stat().st_mode & 0o777) == "0o600"
    assert not list(lib.data_dir.rglob("*.json"))
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("KMDESK_STATE_DIR", str(elsewhere))
    Library.open(lib.data_dir).close()
    assert (elsewhere / "witness" / f"{library_id}.json").is_file()


# -- a passphrase change rotates the key pair ----------------------------------------------------
def test_an_old_profile_row_put_back_after_a_passphrase_change_opens_nothing_new(lib, tmp_path):
    lib.lock()
    lib.unlock("Tupaq", PASS["Tupaq"])
    before = lib.records.add({"type": "traditional_knowledge", "title": {"es": "Antes"}, "community": "Ayllu Chawaytire",
                              "access": {"level": "restricted", "protocols": ["Weavers' council"]}})
    copy = snapshot(lib, tmp_path / "before-change.db")
    lib.access.change_passphrase("Tupaq", PASS["Tupaq"], NEW["Tupaq"])
    lib.unlock("Tupaq", NEW["Tupaq"])
    after = lib.records.add({"type": "traditional_knowledge", "title": {"es": "Después"}, "community": "Ayllu Chawaytire",
                             "access": {"level": "restricted", "protocols": ["Weavers' council"]}})
    assert lib.records.get(before["id"])["title"] == {"es": "Antes"}  # re-signed with the new key
    with pytest.raises(WrongPassphrase):
        lib.lock() or lib.unlock("Tupaq", PASS["Tupaq"])
    put_back(lib, copy, "profiles")
    with Library.open(lib.data_dir) as again:
        assert [line.split(":")[0] for line in again.rollback] == ["profile"]
        with pytest.raises(UntrustedKey, match="Tupaq's key pair is older than the one seen"):
            again.unlock("Tupaq", PASS["Tupaq"])  # the old row and the old passphrase, on this user's device
    witness_file = next(Path(os.environ["KMDESK_STATE_DIR"]).rglob("*.json"))
    witness_file.unlink()  # a device that never saw the change: the old row alone still opens nothing new
    with Library.open(lib.data_dir) as again:
        again.unlock("Tupaq", PASS["Tupaq"])
        assert again.access.unlocked_profile()["protocols"] == []
        with pytest.raises(DamagedRecord):
            again.records.get(after["id"])


def test_an_old_profile_row_put_back_with_its_old_memberships_is_refused_here(lib, tmp_path, monkeypatch, capsys):
    """Issue 27, replayed by hand: the old profile row *and* its old memberships put back made the
    old passphrase open what was written after the change (the protocol key did not change). On
    the device of a user who saw the change, that profile is not unlocked, and every command says why."""
    lib.lock()
    copy = snapshot(lib, tmp_path / "before-change.db")
    lib.access.change_passphrase("Tupaq", PASS["Tupaq"], NEW["Tupaq"])
    lib.unlock("Tupaq", NEW["Tupaq"])
    after = lib.records.add({"type": "traditional_knowledge", "title": {"es": "Después"}, "community": "Ayllu Chawaytire",
                             "access": {"level": "restricted", "protocols": ["Weavers' council"]}})
    put_back(lib, copy, "profiles", "memberships")
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Tupaq"])
    code = cli_main(["show", after["id"], "--data-dir", str(lib.data_dir), "--profile", "Tupaq"])
    said = capsys.readouterr()
    assert code != 0 and "Después" not in said.out
    assert "profile Tupaq is not unlocked: Tupaq's key pair is older than the one seen" in said.err


def test_a_passphrase_change_keeps_everything_readable_and_verified(lib):
    record = public_tk(lib)
    lib.consent.withdraw(record["id"], by="Elder council")
    sacred = lib.records.add({"type": "traditional_knowledge", "title": {"es": "Sagrado"}, "community": "Ayllu Chawaytire",
                              "access": {"level": "sacred", "custodians": ["Aiyana"]}})
    lib.lock()
    lib.access.change_passphrase("Aiyana", PASS["Aiyana"], NEW["Aiyana"])
    lib.access.change_passphrase("Tupaq", PASS["Tupaq"], NEW["Tupaq"])
    lib.unlock("Tupaq", NEW["Tupaq"])  # certified by its previous key pair until a custodian unlocks
    assert lib.access.unlocked_profile()["protocols"] == ["Weavers' council"]
    lib.lock()
    lib.unlock("Aiyana", NEW["Aiyana"])
    assert lib.records.get(sacred["id"])["title"] == {"es": "Sagrado"}
    assert lib.consent.problems(record["id"]) == [] and lib.audit.verify().ok
    integrity = lib.integrity()
    assert (integrity.damaged, integrity.rows) == ([], [])
    assert [p["name"] for p in lib.access.profiles() if p["problem"]] == []


def test_the_window_says_what_went_back_and_that_rows_wait_to_be_signed(lib, tmp_path, qtbot):
    from kmdesk.app import announce_upgrade
    from kmdesk.gui.main_window import MainWindow
    from kmdesk.gui.settings import Settings

    record = public_tk(lib)
    copy = snapshot(lib, tmp_path / "before.db")
    lib.unlock("Aiyana", PASS["Aiyana"])
    lib.consent.withdraw(record["id"], by="Elder council")
    put_back(lib, copy)
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        connection.execute("DELETE FROM meta WHERE key = 'rows_signed'")  # as a library before revision 0007 shows
    connection.close()
    with Library.open(lib.data_dir) as again:
        window = MainWindow(again, Settings(), language="en")
        qtbot.addWidget(window)
        announce_upgrade(window, again)
        said = window.statusBar().currentMessage()
        assert "older than when it was last opened here (audit log, consent)" in said
        assert "Its rows are not signed yet" in said
