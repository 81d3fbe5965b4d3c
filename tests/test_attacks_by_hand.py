"""Issue 27's attacks replayed by hand, as its checker replays them: a custodian's real library
syncing to the reference CHM, then someone who can write ``library.db`` but holds no passphrase
(``sqlite3`` on the file, every trigger dropped first), then the custodian's ordinary commands.
Each attack here gave way in some command before this file: each must now be refused, and named
by the command a person runs.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import attack, drop_triggers, open_as_custodian

from kmdesk.cli import main as cli_main
from kmdesk.core.chm.demo import CHM_TARGET
from kmdesk.core.chm.runner import run_sync
from kmdesk.core.store import attachments
from kmdesk.core.trust import audit

PASS = "attacks by hand custodian"
REFSERVER_SEED = 27


def erase_withdrawal_and_forge_checkpoint(path: Path, record_id: str) -> None:
    """Delete the withdrawal and its audit event, recompute the whole chain and write a
    checkpoint over the new head with a signature the attacker cannot make."""
    with sqlite3.connect(path) as connection:
        drop_triggers(connection)
        connection.execute("DELETE FROM consent_events WHERE record_id = ? AND kind = 'withdraw'", (record_id,))
        connection.execute("DELETE FROM audit_events WHERE action = 'consent_withdraw' AND target = ?", (record_id,))
        prev, seq = audit.GENESIS, 0
        for old, at, actor, action, target, details in connection.execute(
                "SELECT seq, at, actor, action, target, details FROM audit_events ORDER BY seq").fetchall():
            seq += 1
            prev = audit.event_hash(prev, audit.AuditEvent(seq, at, actor, action, target, json.loads(details)))
            connection.execute("UPDATE audit_events SET seq = ?, hash = ? WHERE seq = ?", (seq, prev, old))
        connection.execute("UPDATE meta SET value = ? WHERE key = 'audit_checkpoint'",
                           (audit.Checkpoint(seq, prev, "AAAA").dump(),))
    connection.close()


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli_main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def published(ref_server) -> list[str]:
    """The documents the reference CHM holds now (in review or published)."""
    return list(ref_server.documents())


def withdrawn_after_sync(library, ref_server) -> str:
    """A public record of a community's knowledge, consented, pushed to the CHM, then withdrawn
    and retracted: the state the attacker wants undone."""
    record = library.records.add({"type": "traditional_knowledge", "title": {"en": "Quinoa seed keeping"},
                                  "summary": {"en": "How families keep quinoa seed between seasons."},
                                  "creators": [{"name": "Mama Rosa", "role": "knowledge_holder"}], "access": {"level": "public"}})
    library.consent.grant(record["id"], {"granted_by": "Elder council", "scope": ["share_chm"], "given_on": "2024-01-01"})
    library.sync.share([record["id"]], CHM_TARGET)
    assert run_sync(library, CHM_TARGET).pushed == 1
    library.consent.withdraw(record["id"], by="Elder council")
    assert run_sync(library, CHM_TARGET).retracted == 1
    return str(record["id"])


@pytest.mark.parametrize("witnessed", [True, False], ids=["this-device", "a-device-that-never-saw-it"])
def test_a_withdrawal_erased_with_its_audit_event_under_a_forged_checkpoint_is_never_pushed(
        ref_library, ref_server, tmp_path, monkeypatch, capsys, witnessed):
    """The issue's critical path, made whole: the chain recomputed without the withdrawal's audit
    event leaves nothing in the record's own rows; the next ordinary edit and sync pushed the
    record again. Now the sync refuses every push while the audit log that witnesses consent
    fails its check (or consent went back since this user saw it), and names the record."""
    record_id = withdrawn_after_sync(ref_library, ref_server)
    ref_library.lock()
    erase_withdrawal_and_forge_checkpoint(ref_library.data_dir / "library.db", record_id)
    if not witnessed:  # another device, whose user never saw the withdrawal: only the audit log can tell
        monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    base = ("--data-dir", str(ref_library.data_dir), "--profile", "Keeper")
    code, out = run(capsys, "edit", record_id, "--title", "An ordinary edit", *base)
    assert code == 0
    assert not published(ref_server)
    code, out = run(capsys, "sync", "--target", CHM_TARGET, *base)
    assert "pushed 0" in out and "not eligible 1" in out
    assert f"record {record_id} not pushed" in out
    assert ("older state" in out) if witnessed else ("checkpoint_forged" in out)
    assert not published(ref_server)
    code, out = run(capsys, "audit", "verify", *base)
    assert code == 1 and "checkpoint_forged" in out


def test_show_names_a_renumbered_withdrawal_and_a_sharing_choice_written_in_the_file(ref_library, ref_server, capsys,
                                                                                    monkeypatch):
    """``show`` said "withdrawn" but not why the file was not to be trusted, and ``list`` nothing:
    now each failing row of the record is named, locked (the sqlite3 reader) and unlocked alike."""
    record_id = withdrawn_after_sync(ref_library, ref_server)
    ref_library.sync.unshare([record_id], CHM_TARGET)
    withdrawal = ref_library.consent.of(record_id)[0]["id"]
    attack(ref_library, "UPDATE consent_events SET id = -5 WHERE kind = 'withdraw' AND record_id = ?",
           "INSERT INTO shares (record_id, target, selected_by, selected_at) VALUES (?, 'Local reference CHM', 'Keeper', '2026')",
           params=(record_id,))
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    for unlock in ((), ("--profile", "Keeper")):
        code, out = run(capsys, "show", record_id, "--data-dir", str(ref_library.data_dir), *unlock)
        assert code == 0 and "consent:   withdrawn" in out
        assert f"TAMPERED:  record {record_id}: consent {withdrawal} (withdraw) event -5 does not match its signature" in out
        assert f"TAMPERED:  the sharing of record {record_id} with {CHM_TARGET} is not signed" in out
        code, out = run(capsys, "list", "--data-dir", str(ref_library.data_dir), *unlock)
        assert f"TAMPERED: record {record_id}: consent {withdrawal} (withdraw) event -5 does not match its signature" in out


@pytest.mark.parametrize("change", ["kind = 'grant'", "consent_id = 'another consent'"], ids=["as-a-grant", "another-consent"])
def test_a_withdrawal_renumbered_and_made_to_read_otherwise_withdraws_every_consent_of_the_record(
        ref_library, ref_server, capsys, monkeypatch, change):
    """Renumbered, then made to read as a grant (or filed under another consent), a withdrawal
    failed its check and was dropped as a failing grant would be: the first grant stood, the
    record read "valid", ``share`` made it eligible and ``sync`` pushed it. An event whose content
    fails may have been anything, so every consent of the record is withdrawn, and named."""
    record_id = withdrawn_after_sync(ref_library, ref_server)
    ref_library.sync.unshare([record_id], CHM_TARGET)
    attack(ref_library, f"UPDATE consent_events SET id = -5, {change} WHERE kind = 'withdraw' AND record_id = ?",
           params=(record_id,))
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    base = ("--data-dir", str(ref_library.data_dir), "--profile", "Keeper")
    code, out = run(capsys, "show", record_id, *base)
    assert code == 0 and "consent:   withdrawn" in out and f"TAMPERED:  record {record_id}: consent" in out
    assert run(capsys, "share", record_id, "--target", CHM_TARGET, *base)[0] == 0
    code, out = run(capsys, "sync", "--target", CHM_TARGET, *base)
    assert "pushed 0" in out and not published(ref_server)
    assert ref_library.records.summaries([record_id])[record_id]["consent"] == "withdrawn"


def test_search_names_a_quarantined_record_instead_of_its_indexed_title(ref_library, capsys, monkeypatch):
    """The index still held the title of a record whose row was rewritten: search listed it as if
    nothing had happened. Now the hit is named as failing its check, locked and unlocked."""
    record = ref_library.records.add({"type": "practice", "title": {"en": "Zai pits in the Sahel"}, "access": {"level": "public"}})
    attack(ref_library, "UPDATE records SET type = 'resource' WHERE id = ?", params=(record["id"],))
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    for unlock in ((), ("--profile", "Keeper")):
        code, out = run(capsys, "search", "zai", "--data-dir", str(ref_library.data_dir), *unlock)
        assert f"[failed its integrity check: record {record['id']} does not match its signature" in out
        assert "Zai pits in the Sahel" not in out
        code, out = run(capsys, "search", "zai", "--json", "--data-dir", str(ref_library.data_dir), *unlock)
        [hit] = json.loads(out)
        assert "does not match its signature" in hit["damaged"]


def test_a_history_entry_rewritten_in_the_file_claims_no_author(ref_library, capsys):
    """A failing history entry showed none of its values, but still who it said made it."""
    record = ref_library.records.add({"type": "practice", "title": {"en": "Terraces"}, "access": {"level": "public"}})
    attack(ref_library, "UPDATE record_history SET by = 'The Elder Council', action = 'edit' WHERE record_id = ?",
           params=(record["id"],))
    code, out = run(capsys, "show", record["id"], "--history", "--data-dir", str(ref_library.data_dir))
    assert "The Elder Council" not in out
    assert "history entry" in out and "does not match its signature" in out


def test_the_dashboard_counts_no_record_that_failed_its_check_and_names_it(tmp_path):
    """The dashboard's figures were raw SQL: a record rewritten in the file (here made a piece of
    traditional knowledge of another community) was counted as it now claims. Once met (a list, a
    search, ``check``, the window's integrity check) it is counted in no figure, its slice lists
    it nowhere, and the figures name it apart."""
    from kmdesk.core.insight import dashboard

    library = open_as_custodian(tmp_path / "lib", PASS)
    kept = library.records.add({"type": "practice", "title": {"en": "Terraces"}, "access": {"level": "public"}})
    forged = library.records.add({"type": "practice", "title": {"en": "Zai pits"}, "access": {"level": "public"}})
    attack(library, "UPDATE records SET type = 'traditional_knowledge', community = 'Elsewhere' WHERE id = ?",
           params=(forged["id"],))
    library.unlock("Keeper", PASS)
    before = dashboard.figures(library)
    assert before.types.get("traditional_knowledge") == 1  # not met yet: nothing says it failed
    assert [item["id"] for item in library.integrity().damaged] == [forged["id"]]
    after = dashboard.figures(library)
    assert after.total == 1 and after.types == {"practice": 1} and "Elsewhere" not in after.communities
    assert list(after.quarantined) == [forged["id"]] and "does not match its signature" in after.quarantined[forged["id"]]
    assert dashboard.slice_ids(library, dashboard.Slice("type", "practice")) == [kept["id"]]
    assert dashboard.slice_ids(library, dashboard.Slice("community", "Elsewhere")) == []
    library.close()


def test_a_retraction_deleted_with_its_sync_state_is_named_and_queued_again(ref_library, ref_server, capsys, monkeypatch):
    """Deleting the outbox's retraction (and the sync state that would queue another) kept a
    withdrawn record on the CHM, unnoticed: ``check`` exited 0 and every sync had nothing to do.
    The audit log says what went out; ``check`` names the record and the next sync takes it down."""
    record = ref_library.records.add({"type": "traditional_knowledge", "title": {"en": "Quinoa seed keeping"},
                                      "summary": {"en": "How families keep quinoa seed between seasons."},
                                      "creators": [{"name": "Mama Rosa", "role": "knowledge_holder"}], "access": {"level": "public"}})
    ref_library.consent.grant(record["id"], {"granted_by": "Elder council", "scope": ["share_chm"], "given_on": "2024-01-01"})
    ref_library.sync.share([record["id"]], CHM_TARGET)
    assert run_sync(ref_library, CHM_TARGET).pushed == 1 and published(ref_server)
    ref_library.consent.withdraw(record["id"], by="Elder council")
    attack(ref_library, "DELETE FROM outbox", "DELETE FROM remote_state")
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    base = ("--data-dir", str(ref_library.data_dir), "--profile", "Keeper")
    code, out = run(capsys, "check", *base)
    assert code == 1 and f"record {record['id']} was sent to {CHM_TARGET} and may not stay there" in out
    code, out = run(capsys, "sync", "--target", CHM_TARGET, *base)
    assert "retracted 1" in out and "its retraction from Local reference CHM was missing" in out
    assert not published(ref_server)
    code, out = run(capsys, "check", *base)
    assert "may not stay there" not in out


def test_attachments_names_a_file_entry_rewritten_in_the_file(ref_library, tmp_path, capsys):
    """``kmdesk attachments`` said "(sealed: unlock to see)" of a public record's attachment whose
    row was rewritten: it now says it failed its check, naming it."""
    record = ref_library.records.add({"type": "practice", "title": {"en": "Terraces"}, "access": {"level": "public"}})
    photo = tmp_path / "terrace.txt"
    photo.write_text("stone walls", encoding="utf-8")
    attached = attachments.add(ref_library, record["id"], photo)
    attack(ref_library, "UPDATE attachments SET filename = 'evil.exe' WHERE id = ?", params=(attached["id"],))
    code, out = run(capsys, "attachments", record["id"], "--data-dir", str(ref_library.data_dir))
    assert code == 0 and "evil.exe" not in out
    assert f"[failed its integrity check: attachment {attached['id']} of record {record['id']} does not match its signature" in out


def test_a_history_entry_deleted_in_the_file_is_named_and_the_history_said_incomplete(ref_library, capsys, monkeypatch):
    """Deleting a record's history entry went unnoticed: each row's signature holds, and the
    history simply read shorter. The record's manifest lists it: ``check`` names the record and
    the entry, ``show`` says so, and ``show --history`` says the history is incomplete where the
    entry stood, locked and unlocked; the record's next edit does not bless the deletion."""
    record = ref_library.records.add({"type": "practice", "title": {"en": "Terraces"}, "access": {"level": "public"}})
    ref_library.records.update(record["id"], {"title": {"en": "Stone terraces"}})
    ref_library.records.update(record["id"], {"title": {"en": "Dry-stone terraces"}})
    first, middle, last = [row[0] for row in sqlite3.connect(ref_library.data_dir / "library.db").execute(
        "SELECT id FROM record_history WHERE record_id = ? ORDER BY id", (record["id"],))]
    attack(ref_library, "DELETE FROM record_history WHERE id = ?", params=(middle,))
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    for unlock in ((), ("--profile", "Keeper")):
        base = ("--data-dir", str(ref_library.data_dir), *unlock)
        code, out = run(capsys, "check", *base)
        assert code == 1 and f"history entry {middle} of record {record['id']} was deleted outside kmdesk" in out
        code, out = run(capsys, "show", record["id"], "--history", *base)
        assert code == 0 and f"TAMPERED:  history entry {middle} of record {record['id']} was deleted outside kmdesk" in out
        lines = out.splitlines()
        gone = next(i for i, line in enumerate(lines) if "the history is incomplete" in line)
        assert "create" in lines[gone - 1] and "edit" in lines[gone + 1]  # where it stood, between the two others
    ref_library.unlock("Keeper", PASS)
    ref_library.records.update(record["id"], {"title": {"en": "Terraces of dry stone"}})
    assert any(f"history entry {middle} of record {record['id']} was deleted" in item["problem"]
               for item in ref_library.integrity().rows)
    assert first < middle < last


def test_a_sharing_choice_deleted_in_the_file_is_named_and_widens_nothing(ref_library, capsys, monkeypatch):
    """Deleting a sharing choice (the record silently stops going to the CHM, and a later sync
    retracts it) was not named anywhere: ``check`` now names the record and the target, and the
    record is not eligible (nothing widens)."""
    record = ref_library.records.add({"type": "resource", "resource_kind": "document", "title": {"en": "Seed fair guide"},
                                      "access": {"level": "public"}})
    ref_library.sync.share([record["id"]], CHM_TARGET)
    kept = ref_library.records.add({"type": "resource", "resource_kind": "document", "title": {"en": "Seed bank guide"},
                                    "access": {"level": "public"}})
    ref_library.sync.share([kept["id"]], CHM_TARGET)
    ref_library.sync.unshare([kept["id"]], CHM_TARGET)  # unshared through kmdesk: nothing to name
    attack(ref_library, "DELETE FROM shares WHERE record_id = ?", params=(record["id"],))
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    base = ("--data-dir", str(ref_library.data_dir), "--profile", "Keeper")
    code, out = run(capsys, "check", *base)
    assert code == 1 and f"the sharing of record {record['id']} with {CHM_TARGET} was deleted outside kmdesk" in out
    assert kept["id"] not in out
    code, out = run(capsys, "show", record["id"], *base)
    assert f"TAMPERED:  the sharing of record {record['id']} with {CHM_TARGET} was deleted outside kmdesk" in out
    ref_library.unlock("Keeper", PASS)
    assert not ref_library.sync.eligibility(record["id"])[CHM_TARGET]["eligible"]


def test_an_attachment_deleted_in_the_file_is_named(ref_library, tmp_path, capsys):
    """Deleting an attachment's row (its file left or not) was not named: ``check`` exited 0.
    Now it names the record and the attachment; one removed through kmdesk is not named."""
    record = ref_library.records.add({"type": "practice", "title": {"en": "Terraces"}, "access": {"level": "public"}})
    for name in ("terrace.txt", "wall.txt"):
        (tmp_path / name).write_text(f"{name} of stone", encoding="utf-8")
    gone = attachments.add(ref_library, record["id"], tmp_path / "terrace.txt")
    removed = attachments.add(ref_library, record["id"], tmp_path / "wall.txt")
    attachments.remove(ref_library, removed["id"])
    attack(ref_library, "DELETE FROM attachments WHERE id = ?", params=(gone["id"],))
    code, out = run(capsys, "check", "--data-dir", str(ref_library.data_dir))
    assert code == 1 and f"attachment {gone['id']} of record {record['id']} was deleted outside kmdesk" in out
    assert f"attachment {removed['id']} " not in out


def test_the_last_history_entry_or_attachment_deleted_is_not_blessed_by_the_next_write(ref_library, tmp_path, capsys):
    """SQLite gives a new row the largest id + 1: deleting a record's *last* history entry (or its
    last attachment) made the next edit (or attachment) take the deleted row's id, which the
    record's manifest still listed, and ``check`` then exited 0: the deletion was blessed. A new
    row now never takes an id its record's manifest lists."""
    record = ref_library.records.add({"type": "practice", "title": {"en": "Terraces"}, "access": {"level": "public"}})
    ref_library.records.update(record["id"], {"title": {"en": "Stone terraces"}})
    (tmp_path / "wall.txt").write_text("a wall of stone", encoding="utf-8")
    (tmp_path / "gate.txt").write_text("a gate of wood", encoding="utf-8")
    attached = attachments.add(ref_library, record["id"], tmp_path / "wall.txt")
    with sqlite3.connect(ref_library.data_dir / "library.db") as connection:
        (last,) = connection.execute("SELECT max(id) FROM record_history").fetchone()
        (top,) = connection.execute("SELECT max(id) FROM attachments").fetchone()
    connection.close()
    assert top == attached["id"]
    attack(ref_library, "DELETE FROM record_history WHERE id = ?", params=(last,))
    attack(ref_library, "DELETE FROM attachments WHERE id = ?", params=(attached["id"],))
    ref_library.unlock("Keeper", PASS)
    ref_library.records.update(record["id"], {"title": {"en": "Dry-stone terraces"}})
    again = attachments.add(ref_library, record["id"], tmp_path / "gate.txt")
    assert again["id"] != attached["id"]
    code, out = run(capsys, "check", "--data-dir", str(ref_library.data_dir))
    assert code == 1
    assert f"history entry {last} of record {record['id']} was deleted outside kmdesk" in out
    assert f"attachment {attached['id']} of record {record['id']} was deleted outside kmdesk" in out
    history = ref_library.history.of(record["id"])
    assert [entry["action"] for entry in history][-2:] == ["?", "edit"]  # the gone entry stands before the new edit
