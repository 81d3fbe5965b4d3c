"""What someone who can write ``library.db`` but holds no passphrase cannot do (issue 12).

Every attack here is made the way such a person would: ``sqlite3`` on the file, with the
library locked; then a real profile unlocks and uses kmdesk as usual.
"""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date

import pytest
from conftest import open_as_custodian

from kmdesk.cli import main as cli_main
from kmdesk.core.errors import AccessDenied, DamagedRecord, TamperedData
from kmdesk.core.io import exporter
from kmdesk.core.trust import aead, audit, signatures, wrapping
from kmdesk.core.trust.access import UntrustedKey

PASS = {"Aiyana": "aiyana passphrase", "Tupaq": "tupaq passphrase", "Mei": "mei passphrase"}


@pytest.fixture
def lib(tmp_path):
    library = open_as_custodian(tmp_path / "lib", PASS["Aiyana"], "Aiyana")
    library.access.create_profile("Tupaq", PASS["Tupaq"], ["contributor"])
    library.access.create_profile("Mei", PASS["Mei"], ["viewer"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire")
    library.access.add_protocol("Healers", community="Ayllu Chawaytire")
    library.access.add_member("Weavers' council", "Tupaq")
    yield library
    library.close()


def tk(level="restricted", protocols=("Weavers' council",), sharing="all", title="Tintes naturales", **extra):
    access = {"level": level, "protocols": list(protocols), "sharing": sharing}
    if level == "sacred":
        access = {"level": "sacred", "custodians": ["Aiyana"]}
    return {"type": "traditional_knowledge", "title": {"es": title}, "community": "Ayllu Chawaytire",
            "summary": {"es": "Recetas del consejo"}, "access": access, **extra}


def switch(lib, name):
    lib.lock()
    lib.unlock(name, PASS[name])


def attack(lib, *statements, params=()):
    """Run SQL on the file as an outsider: the library locked, a plain sqlite3 connection."""
    lib.lock()
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        for statement in statements:
            connection.execute(statement, params if "?" in statement else ())
    connection.close()


def sealed_of(lib, record_id):
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        return connection.execute("SELECT sealed FROM records WHERE id = ?", (record_id,)).fetchone()[0]


def run(*argv, capsys):
    code = cli_main(list(argv))
    return code, capsys.readouterr()


# -- 2. access is authenticated -----------------------------------------------------------
@pytest.mark.parametrize("statement", [
    "UPDATE records SET access_protocols = '[\"Healers\"]'",
    "UPDATE records SET access_sharing = 'any'",
    "UPDATE records SET access_level = 'public'",
    "UPDATE records SET community = 'Elsewhere'",
])
def test_an_access_block_changed_in_the_file_is_refused_and_never_resealed(lib, statement):
    record = lib.records.add(tk(protocols=("Weavers' council", "Healers")))
    lib.access.add_member("Healers", "Tupaq")
    before = sealed_of(lib, record["id"])
    attack(lib, statement)
    lib.unlock("Tupaq", PASS["Tupaq"])
    with pytest.raises(DamagedRecord, match=f"record {record['id']} failed its integrity check"):
        lib.records.get(record["id"])
    with pytest.raises(DamagedRecord):
        lib.records.update(record["id"], {"keywords": ["edited"]})
    assert sealed_of(lib, record["id"]) == before  # never re-sealed under the new access
    assert lib.index.search("Tintes").total == 0


def test_a_custodian_added_to_a_sacred_record_in_the_file_is_refused(lib):
    lib.access.create_profile("Yupanki", "yupanki passphrase", ["custodian"])
    record = lib.records.add(tk("sacred"))
    attack(lib, "UPDATE records SET custodians = '[\"Aiyana\", \"Yupanki\"]'")
    lib.unlock("Aiyana", PASS["Aiyana"])
    with pytest.raises(DamagedRecord, match=record["id"]):
        lib.records.get(record["id"])


def test_downgrade_to_public_goes_through_the_core_and_is_audited(lib):
    record = lib.records.add(tk())
    switch(lib, "Mei")
    with pytest.raises(AccessDenied):
        lib.records.update(record["id"], {"access": {"level": "public"}})
    switch(lib, "Tupaq")
    lib.records.update(record["id"], {"access": {"level": "public"}})
    assert lib.records.get(record["id"])["title"] == {"es": "Tintes naturales"}
    event = [e for e in lib.audit.events() if e["action"] == "access_change"][-1]
    assert event["target"] == record["id"] and event["details"] == {"from": "restricted", "to": "public"}


# -- 3. keys are authenticated ------------------------------------------------------------
def test_a_swapped_public_key_gets_no_protocol_key(lib):
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        tupaq_key = connection.execute("SELECT public_key FROM profiles WHERE name = 'Tupaq'").fetchone()[0]
    connection.close()
    attack(lib, "UPDATE profiles SET public_key = ? WHERE name = 'Mei'", params=(tupaq_key,))
    lib.unlock("Aiyana", PASS["Aiyana"])
    with pytest.raises(UntrustedKey, match="Mei"):
        lib.access.add_member("Healers", "Mei")
    assert "Mei" not in next(p for p in lib.access.protocols() if p["name"] == "Healers")["members"]


def test_a_membership_written_into_the_file_gives_no_key(lib):
    """An outsider wraps a key they know to Mei as if it were the Healers' key: Mei's unlock
    ignores it, so nothing is ever sealed under the outsider's key."""
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        mei_id, mei_public = connection.execute("SELECT id, public_key FROM profiles WHERE name = 'Mei'").fetchone()
        healers = connection.execute("SELECT id FROM protocols WHERE name = 'Healers'").fetchone()[0]
    connection.close()
    known = aead.new_data_key()
    wrapped = wrapping.wrap_for(known, mei_public, f"kmdesk/protocol/{healers}/member/{mei_id}".encode())
    attack(lib, "INSERT INTO memberships (protocol_id, profile_id, wrapped_key, reader) VALUES (?, ?, ?, 0)",
           params=(healers, mei_id, wrapped))
    lib.unlock("Mei", PASS["Mei"])
    assert "Healers" not in lib.access.unlocked_profile()["protocols"]


def test_roles_raised_in_the_file_do_not_unlock(lib):
    attack(lib, "UPDATE profiles SET roles = '[\"custodian\"]' WHERE name = 'Tupaq'")
    with pytest.raises(TamperedData, match="Tupaq"):
        lib.unlock("Tupaq", PASS["Tupaq"])
    assert not lib.access.unlocked


# -- 4. consent and audit are authenticated -----------------------------------------------
def _forged_grant(record_id):
    data = json.dumps({"granted_by": "Nobody", "scope": ["share_chm", "publish_open"], "given_on": "2020-01-01"})
    return ("INSERT INTO consent_events (record_id, consent_id, kind, at, by, data) "
            f"VALUES ('{record_id}', 'forged', 'grant', '2020-01-01T00:00:00Z', 'Aiyana', '{data}')")


def test_a_consent_inserted_into_the_file_is_reported_and_does_not_count(lib, capsys, tmp_path):
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Public practice"},
                              "access": {"level": "public"}})
    attack(lib, _forged_grant(record["id"]))
    assert lib.consent.of(record["id"]) == []
    assert "not signed" in lib.consent.problems(record["id"])[0]
    assert lib.audit.verify().problem == "consent_forged"
    code, out = run("consent", "show", record["id"], "--data-dir", str(lib.data_dir), capsys=capsys)
    assert code == 1 and "TAMPERED" in out.out and "consent state: none" in out.out


def test_a_widened_scope_and_a_deleted_withdrawal_are_reported(lib):
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Public practice"},
                              "access": {"level": "public"}})
    lib.consent.grant(record["id"], {"granted_by": "Assembly", "scope": ["view_community"]})
    lib.consent.withdraw(record["id"], by="Assembly")
    attack(lib, "DROP TRIGGER consent_events_no_update", "DROP TRIGGER consent_events_no_delete",
           "UPDATE consent_events SET data = json_set(data, '$.scope', json('[\"share_chm\"]')) WHERE kind = 'grant'")
    assert "altered" in lib.consent.problems(record["id"])[0]
    attack(lib, "DELETE FROM consent_events WHERE kind = 'withdraw'")
    problems = lib.consent.problems(record["id"])
    assert any("missing" in p for p in problems)
    lib.unlock("Aiyana", PASS["Aiyana"])
    assert not lib.audit.verify().ok


def test_a_renumbered_withdrawal_still_withdraws(lib):
    """Renumbering the withdrawal's row before its grant's once undid it: the state read "valid"
    and the next sync shared the record. Events fold in signed order, a withdrawal applies
    wherever it stands, and the renumbered row (its id is signed) is named."""
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Public practice"},
                              "access": {"level": "public"}})
    lib.consent.grant(record["id"], {"granted_by": "Elder council", "scope": ["share_chm", "publish_open"]})
    lib.consent.withdraw(record["id"], by="Elder council")
    assert lib.records.get(record["id"])["consents"][0].get("withdrawn_on")
    attack(lib, "DROP TRIGGER consent_events_no_update",
           "UPDATE consent_events SET id = -5 WHERE kind = 'withdraw'")
    [consent] = lib.records.get(record["id"])["consents"]
    [problem] = lib.consent.problems(record["id"])
    assert consent.get("withdrawn_on") and "event -5 does not match its signature" in problem and record["id"] in problem
    assert not any(verdict["eligible"] for verdict in lib.sync.eligibility(record["id"]).values())
    assert "consent_withdrawn" in str(lib.sync.eligibility(record["id"]))


@pytest.mark.parametrize("statements, problem", [
    (["DROP TRIGGER audit_events_no_delete", "DELETE FROM audit_events WHERE seq > (SELECT MAX(seq) - 3 FROM audit_events)"],
     "truncated"),
    (["DROP TRIGGER audit_events_no_delete", "DELETE FROM audit_events"], "truncated"),
    (["DELETE FROM meta WHERE key = 'audit_checkpoint'"], "no_checkpoint"),
])
def test_a_cut_audit_log_fails_verify_for_a_custodian(lib, capsys, statements, problem):
    attack(lib, *statements)
    lib.unlock("Aiyana", PASS["Aiyana"])
    assert lib.audit.verify().problem == problem


def test_a_recomputed_audit_chain_fails_verify_from_the_cli(lib, capsys, monkeypatch):
    lib.lock()
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        connection.execute("DROP TRIGGER audit_events_no_update")
        rows = connection.execute("SELECT seq, at, actor, action, target, details FROM audit_events ORDER BY seq").fetchall()
        prev = audit.GENESIS
        for seq, at, actor, action, target, details in rows:
            details = json.loads(details)
            if action == "member_add":
                details["profile"] = "Someone else"
            event = audit.AuditEvent(seq, at, actor, action, target, details)
            prev = audit.event_hash(prev, event)
            connection.execute("UPDATE audit_events SET details = ?, hash = ? WHERE seq = ?", (json.dumps(details), prev, seq))
    connection.close()
    assert lib.audit.verify().ok is False  # even locked, the file's own checkpoint disagrees
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Aiyana"])
    code, out = run("audit", "verify", "--data-dir", str(lib.data_dir), "--profile", "Aiyana", capsys=capsys)
    assert code == 1 and "recomputed" in out.out


def test_a_forged_checkpoint_over_a_recomputed_chain_is_not_signed_over(lib):
    """Issue 27: a recomputed chain plus an unsigned checkpoint that matches its new head was
    re-signed by the custodian's next command, erasing the evidence for good."""
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Public practice"}, "access": {"level": "public"}})
    lib.lock()
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        connection.execute("DROP TRIGGER audit_events_no_update")
        rows = connection.execute("SELECT seq, at, actor, action, target, details FROM audit_events ORDER BY seq").fetchall()
        prev, seq = audit.GENESIS, 0
        for seq, at, actor, action, target, details in rows:
            details = json.loads(details)
            details.pop("event", None)  # as if a consent event's trace were erased
            prev = audit.event_hash(prev, audit.AuditEvent(seq, at, actor, action, target, details))
            connection.execute("UPDATE audit_events SET details = ?, hash = ? WHERE seq = ?", (json.dumps(details), prev, seq))
        forged = audit.Checkpoint(seq, prev, "AAAA").dump()
        connection.execute("UPDATE meta SET value = ? WHERE key = 'audit_checkpoint'", (forged,))
    connection.close()
    lib.unlock("Aiyana", PASS["Aiyana"])
    lib.records.update(record["id"], {"title": {"en": "An ordinary edit by the custodian"}})
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'audit_checkpoint'").fetchone()[0] == forged
    connection.close()
    assert lib.audit.verify().problem == "checkpoint_forged"


def test_an_intact_library_verifies(lib, capsys, monkeypatch):
    record = lib.records.add(tk())
    lib.consent.grant(record["id"], {"granted_by": "Assembly", "scope": ["view_community"]})
    lib.lock()
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Aiyana"])
    code, out = run("audit", "verify", "--data-dir", str(lib.data_dir), "--profile", "Aiyana", capsys=capsys)
    assert (code, out.out.strip()) == (0, "audit log intact")


# -- 5. damage stays local ----------------------------------------------------------------
def _flip(token: str) -> str:
    """One base64 character of the ciphertext changed: one flipped byte on disk."""
    return token[:25] + ("A" if token[25] != "A" else "B") + token[26:]


def test_one_damaged_record_is_quarantined_and_the_rest_works(lib, capsys, monkeypatch):
    bad = lib.records.add(tk(title="Dañado"))
    good = lib.records.add(tk(title="Tejido sano"))
    public = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    attack(lib, "UPDATE records SET sealed = ? WHERE id = '" + bad["id"] + "'", params=(_flip(sealed_of(lib, bad["id"])),))
    lib.unlock("Tupaq", PASS["Tupaq"])
    with pytest.raises(DamagedRecord, match=rf"record {bad['id']} failed its integrity check.*its other copies: "):
        lib.records.get(bad["id"])
    listed = {r["id"]: r for r in lib.records.iter_all()}
    assert listed[bad["id"]]["damaged"] and listed[good["id"]]["title"] == {"es": "Tejido sano"}
    assert [h.id for h in lib.index.search("sano").hits] == [good["id"]]
    assert lib.records.update(good["id"], {"keywords": ["tejido"]})["keywords"] == ["tejido"]
    exported = io.BytesIO()
    exporter.export(lib, "json", exported)
    assert b"Seed bank guide" in exported.getvalue() and b"Da\xc3\xb1ado" not in exported.getvalue()
    assert lib.index.reindex() >= 1
    lib.records.delete(public["id"])
    assert [d["id"] for d in lib.integrity().damaged] == [bad["id"]]
    lib.lock()
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Tupaq"])
    code, printed = run("check", "--data-dir", str(lib.data_dir), "--profile", "Tupaq", capsys=capsys)
    assert code == 1 and f"record {bad['id']} failed its integrity check" in printed.out
    switch(lib, "Aiyana")
    lib.records.delete(bad["id"])  # a custodian may remove the quarantined record
    assert lib.integrity().damaged == []



@pytest.mark.parametrize("statement", [
    "UPDATE records SET keywords = 5 WHERE id = '{id}'",
    "UPDATE records SET gbf_targets = '\"twelve\"', countries = '{{}}' WHERE id = '{id}'",
    "UPDATE records SET title = '[1, 2]' WHERE id = '{id}'",
    "UPDATE records SET access_protocols = 7 WHERE id = '{restricted}'",
])
def test_a_value_of_the_wrong_kind_written_into_the_file_is_named_not_a_crash(lib, capsys, statement):
    """A number where a list belongs (a file edited by hand): unlocking, listing, searching and
    the dashboard go on; the record itself is refused as damaged, naming the field, by the store
    and by ``kmdesk show``'s reader alike."""
    public = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}, "keywords": ["seeds"], "gbf_targets": [4]})
    restricted = lib.records.add(tk(title="Tintes"))
    other = lib.records.add({"type": "resource", "title": {"en": "Grain store"}})
    attack(lib, statement.format(id=public["id"], restricted=restricted["id"]))
    victim = restricted["id"] if "access_protocols" in statement else public["id"]
    lib.unlock("Aiyana", PASS["Aiyana"])
    assert other["id"] in {r["id"] for r in lib.records.iter_all()}
    assert lib.index.search("grain").total == 1 and lib.index.search("").total >= 2
    with pytest.raises(DamagedRecord, match=rf"record {victim} failed its integrity check"):
        lib.records.get(victim)
    lib.lock()
    code, printed = run("show", victim, "--data-dir", str(lib.data_dir), capsys=capsys)
    assert code != 0 and f"record {victim} failed its integrity check" in printed.err + printed.out


# -- 6. policy ------------------------------------------------------------------------------
def test_an_open_protocol_is_readable_by_non_members_but_not_editable(lib):
    lib.access.add_protocol("Stories", community="Ayllu Chawaytire", kind="open")
    record = lib.records.add(tk(protocols=("Stories",), title="Cuento abierto"))
    switch(lib, "Mei")
    assert lib.records.get(record["id"])["title"] == {"es": "Cuento abierto"}
    switch(lib, "Tupaq")
    assert lib.records.get(record["id"])["title"] == {"es": "Cuento abierto"}
    with pytest.raises(AccessDenied):
        lib.records.update(record["id"], {"keywords": ["x"]})


def test_a_member_of_one_protocol_of_an_any_record_edits_it_keeping_the_others(lib):
    record = lib.records.add(tk(protocols=("Weavers' council", "Healers"), sharing="any"))
    switch(lib, "Tupaq")  # Weavers' council only
    edited = lib.records.update(record["id"], {"summary": {"es": "Recetas revisadas"}})
    assert edited["summary"] == {"es": "Recetas revisadas"}
    assert sorted(edited["access"]["protocols"]) == ["Healers", "Weavers' council"]
    switch(lib, "Aiyana")  # a Healers member still reads the edit
    assert lib.records.get(record["id"])["summary"] == {"es": "Recetas revisadas"}


# -- 1. consent is dated and sealed ---------------------------------------------------------
def test_consent_given_on_defaults_to_today(lib):
    record = lib.records.add(tk())
    item = lib.consent.grant(record["id"], {"granted_by": "Assembly", "scope": ["view_community"]})
    assert item["given_on"] == date.today().isoformat()


def test_locked_consent_of_a_restricted_record_shows_only_dates_and_state(lib, capsys):
    record = lib.records.add(tk())
    lib.consent.grant(record["id"], {"granted_by": "Mama Juana", "scope": ["view_community"], "conditions": "only in Q'eros",
                                     "expires_on": "2099-01-01"})
    lib.lock()
    (item,) = lib.consent.of(record["id"])
    assert item["sealed"] and "granted_by" not in item and item["expires_on"] == "2099-01-01"
    code, out = run("consent", "show", record["id"], "--data-dir", str(lib.data_dir), "--json", capsys=capsys)
    assert code == 0 and "Mama Juana" not in out.out and "Q'eros" not in out.out
    assert json.loads(out.out)["state"] == "valid"


def test_a_sealed_record_marked_public_in_the_file_is_never_sent(lib):
    record = lib.records.add(tk())
    attack(lib, "UPDATE records SET access_level = 'public'")
    _, verdict = lib.sync.outgoing(record["id"], "anywhere")
    assert not verdict.eligible and verdict.reasons[0].code == "damaged"
    assert [d["id"] for d in lib.integrity().damaged] == [record["id"]]  # found even locked


def test_the_window_shows_damaged_records_in_their_own_facet(lib, qtbot, make_window):
    from kmdesk.gui.facets import ValueRole
    from kmdesk.gui.qt import Qt

    bad = lib.records.add(tk(title="Dañado"))
    lib.records.add(tk(title="Tejido sano"))
    attack(lib, "UPDATE records SET sealed = ? WHERE id = '" + bad["id"] + "'", params=(_flip(sealed_of(lib, bad["id"])),))
    lib.unlock("Tupaq", PASS["Tupaq"])
    window = make_window(lib, shown=False)
    tree = window.facets.tree
    qtbot.waitUntil(lambda: any(tree.topLevelItem(i).data(0, ValueRole) == "integrity" for i in range(tree.topLevelItemCount())),
                    timeout=3000)
    group = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                 if tree.topLevelItem(i).data(0, ValueRole) == "integrity")
    assert (group.text(0), group.child(0).text(0), group.child(0).text(1)) == ("Integrity", "Damaged", "1")
    group.child(0).setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.model.record_id(0) == bad["id"], timeout=3000)


def test_a_trust_anchor_removed_from_the_file_is_missed_not_made_anew(lib):
    """Clearing every anchor and the library key would otherwise let the next custodian unlock
    make a new library key and sign whatever the file says by then."""
    attack(lib, "UPDATE profiles SET trust = NULL", "DELETE FROM meta WHERE key = 'library_verify_key'")
    with pytest.raises(TamperedData, match="trust anchor of profile Aiyana"):
        lib.unlock("Aiyana", PASS["Aiyana"])


def test_a_custodian_row_changed_in_the_file_is_not_re_signed_at_its_unlock(lib):
    attack(lib, "UPDATE profiles SET verify_key = ?, roles = '[\"custodian\", \"contributor\"]' WHERE name = 'Aiyana'",
           params=(signatures.new_signing_key()[1],))
    with pytest.raises(UntrustedKey, match="Aiyana"):
        lib.unlock("Aiyana", PASS["Aiyana"])


def test_a_check_says_how_many_sealed_records_it_could_not_open(lib, capsys, monkeypatch):
    """A sealed record the profile cannot open has its consent and access level checked, not its
    content nor the access block sealed with it; ``check`` says so instead of a bare "agree"."""
    record = lib.records.add(tk())
    lib.records.add(tk(level="public", title="Seed bank guide"))
    assert lib.integrity().unopened == 0  # its custodian opens it
    lib.lock()
    assert lib.integrity().unopened == 1
    code, printed = run("check", "--data-dir", str(lib.data_dir), capsys=capsys)
    assert code == 0 and "1 sealed record(s) a locked library cannot open: their content and the access block" in printed.out
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS["Aiyana"])
    code, printed = run("check", "--data-dir", str(lib.data_dir), "--profile", "Aiyana", "--json", capsys=capsys)
    assert code == 0 and json.loads(printed.out)["unopened"] == 0
    assert record["id"] not in printed.out
