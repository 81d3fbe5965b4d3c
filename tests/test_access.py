"""Profiles, protocols, access levels, consent and the audit log, through the Library."""

from __future__ import annotations

import io
import sqlite3

import pytest
from conftest import open_as_custodian

from kmdesk.core.errors import AccessDenied, InvalidRecord, NotFound, TamperedData, WrongPassphrase
from kmdesk.core.io import exporter
from kmdesk.core.store.library import Library

PASS = {"Aiyana": "aiyana passphrase", "Tupaq": "tupaq passphrase", "Mei": "mei passphrase"}


@pytest.fixture
def lib(tmp_path):
    library = open_as_custodian(tmp_path / "lib", PASS["Aiyana"], "Aiyana")
    library.access.create_profile("Tupaq", PASS["Tupaq"], ["contributor"])
    library.access.create_profile("Mei", PASS["Mei"], ["viewer"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire", kind="strict")
    library.access.add_protocol("Healers", community="Ayllu Chawaytire", kind="strict")
    yield library
    library.close()


def tk(level="restricted", protocols=("Weavers' council",), sharing="all", **extra):
    access = {"level": level, "protocols": list(protocols), "sharing": sharing}
    if level == "sacred":
        access = {"level": "sacred", "custodians": ["Aiyana"]}
    return {"type": "traditional_knowledge", "title": {"es": "Tintes naturales de q'olle"}, "community": "Ayllu Chawaytire",
            "summary": {"es": "Recetas de tinte del consejo de tejedoras"}, "access": access, **extra}


def switch(lib, name):
    lib.lock()
    lib.unlock(name, PASS[name])


def test_first_profile_must_be_custodian(tmp_path):
    with Library.open(tmp_path / "x") as library:
        with pytest.raises(InvalidRecord, match="first profile"):
            library.access.create_profile("Someone", "long enough passphrase", ["viewer"])


def test_wrong_passphrase_is_clear_and_audited(lib):
    lib.lock()
    with pytest.raises(WrongPassphrase):
        lib.unlock("Aiyana", "not the passphrase")
    assert lib.audit.events()[-1]["action"] == "unlock_failed"
    assert not lib.access.unlocked


def test_changes_need_a_writer_once_profiles_exist(lib):
    lib.lock()
    with pytest.raises(AccessDenied, match="unlock"):
        lib.records.add({"type": "practice", "title": {"en": "x"}})
    lib.unlock("Mei", PASS["Mei"])
    with pytest.raises(AccessDenied, match="role"):
        lib.records.add({"type": "practice", "title": {"en": "x"}})


def test_restricted_record_is_a_sealed_stub_to_non_members(lib):
    record = lib.records.add(tk())
    switch(lib, "Mei")
    stub = lib.records.get(record["id"])
    assert stub["sealed"] and stub["title"] == {} and stub["community"] == "Ayllu Chawaytire"
    with pytest.raises(AccessDenied):
        lib.records.update(record["id"], {"title": {"es": "otro"}})
    lib.lock()
    assert lib.records.get(record["id"])["sealed"]


def test_sacred_record_is_invisible_except_to_its_custodians(lib):
    record = lib.records.add(tk(level="sacred"))
    assert lib.records.get(record["id"])["title"]
    switch(lib, "Tupaq")
    with pytest.raises(NotFound):
        lib.records.get(record["id"])
    assert record["id"] not in [r["id"] for r in lib.records.iter_all()]


def test_member_added_later_can_read_and_removal_rotates_the_key(lib):
    record = lib.records.add(tk())
    lib.access.add_member("Weavers' council", "Tupaq")
    switch(lib, "Tupaq")
    assert lib.records.get(record["id"])["title"] == {"es": "Tintes naturales de q'olle"}
    old_keys = dict(lib.access.current.protocol_keys)
    switch(lib, "Aiyana")
    assert lib.access.remove_member("Weavers' council", "Tupaq") == 1
    lib.records.update(record["id"], {"body": {"es": "Nueva receta"}})
    # the removed member's old protocol key opens nothing any more
    with lib.reading() as session:
        from kmdesk.core.store.model import Record
        row = session.get(Record, record["id"])
        lib.access.current, keep = None, lib.access.current
        from kmdesk.core.trust.access import Session_
        lib.access.current = Session_(profile_id=0, name="Tupaq", roles={"contributor"}, private_key=b"",
                                      protocol_keys=old_keys, protocol_ids={"Weavers' council": next(iter(old_keys))})
        with pytest.raises(TamperedData):
            lib.access.keys.record_key(session, row)
        lib.access.current = keep
    switch(lib, "Tupaq")
    assert lib.records.get(record["id"])["sealed"]
    assert next(p for p in lib.access.protocols() if p["name"] == "Weavers' council")["key_version"] == 2


def test_sharing_all_needs_every_protocol_any_needs_one(lib):
    both = lib.records.add(tk(protocols=("Weavers' council", "Healers"), sharing="all"))
    either = lib.records.add(tk(protocols=("Weavers' council", "Healers"), sharing="any"))
    lib.access.add_member("Healers", "Tupaq")
    switch(lib, "Tupaq")
    assert lib.records.get(both["id"])["sealed"]
    assert not lib.records.get(either["id"])["sealed"]


def test_editor_cannot_apply_or_drop_a_protocol_they_are_not_in(lib):
    lib.access.add_member("Weavers' council", "Tupaq")
    record = lib.records.add(tk(protocols=("Weavers' council", "Healers"), sharing="any"))
    switch(lib, "Tupaq")
    with pytest.raises(AccessDenied, match="Healers"):
        lib.records.update(record["id"], {"access": {"level": "restricted", "protocols": ["Weavers' council"], "sharing": "any"}})
    with pytest.raises(AccessDenied, match="Healers"):
        lib.records.add(tk(protocols=("Healers",)))
    # the record still carries both protocols
    switch(lib, "Aiyana")
    assert lib.records.get(record["id"])["access"]["protocols"] == ["Weavers' council", "Healers"]


def test_making_a_record_public_and_private_moves_history_in_and_out_of_the_seal(lib):
    record = lib.records.add({"type": "practice", "title": {"en": "Terrace repair"}})
    lib.records.update(record["id"], {"access": {"level": "community"}, "community": "Ayllu Chawaytire"})
    history = lib.history.of(record["id"])
    assert history[0]["changes"]["title"] == [None, {"en": "Terrace repair"}]  # still readable to a member
    switch(lib, "Mei")
    assert all(h["sealed"] for h in lib.history.of(record["id"]))
    assert lib.index.search("terrace").total == 0


def test_consent_is_append_only_and_folds_to_a_state(lib):
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Seed selection"}, "community": "Ayllu Chawaytire"})
    grant = lib.consent.grant(record["id"], {"granted_by": "Ayllu assembly", "scope": ["share_chm"], "form": "community_assembly",
                                             "given_on": "2025-01-10", "expires_on": "2099-01-01"})
    assert lib.sync.eligibility(record["id"])[""]["reasons"][0]["code"] == "not_selected"
    lib.consent.withdraw(record["id"], by="Ayllu assembly", reason="season of mourning")
    consents = lib.consent.of(record["id"])
    assert consents[0]["id"] == grant["id"] and consents[0]["withdrawn_by"] == "Ayllu assembly"
    db = sqlite3.connect(lib.data_dir / "library.db")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM consent_events")
    db.close()


def test_audit_chain_detects_edits_and_deletions(lib):
    lib.records.add(tk())
    assert lib.audit.verify().ok
    db = sqlite3.connect(lib.data_dir / "library.db")
    db.execute("DROP TRIGGER audit_events_no_update")  # someone with the file and a text editor
    db.execute("UPDATE audit_events SET actor = 'someone else' WHERE seq = 2")
    db.commit()
    db.close()
    result = lib.audit.verify()
    assert not result.ok and result.first_bad_seq == 2


def test_audit_records_unlock_membership_consent_and_export(lib):
    record = lib.records.add({"type": "practice", "title": {"en": "x"}})  # a TK record would start sealed for its community
    lib.access.add_member("Healers", "Tupaq")
    lib.consent.grant(record["id"], {"granted_by": "elders", "scope": ["research"]})
    exporter.export(lib, "json", io.BytesIO())
    actions = {e["action"] for e in lib.audit.events()}
    assert {"unlock", "member_add", "consent_grant", "export", "profile_create", "protocol_add"} <= actions


def test_passphrase_change_rewraps_only(lib):
    record = lib.records.add(tk())
    lib.access.change_passphrase("Aiyana", PASS["Aiyana"], "a brand new passphrase")
    lib.lock()
    with pytest.raises(WrongPassphrase):
        lib.unlock("Aiyana", PASS["Aiyana"])
    lib.unlock("Aiyana", "a brand new passphrase")
    assert not lib.records.get(record["id"])["sealed"]


def test_hub_project_labels_are_cached_with_community_wording(lib):
    project = lib.labels.import_project({
        "unique_id": "6dbf5acc-e602-45a6-a45a-13c14efabe8d", "title": "Q'olle dye archive",
        "tk_labels": [{"label_type": "attribution", "name": "TK Atribución", "label_text": "Este conocimiento pertenece al ayllu.",
                       "language_tag": "es", "community": "Ayllu Chawaytire", "translations": []}],
        "bc_labels": [], "notice": []})
    assert project.codes == ["TK A"]
    cached = lib.labels.projects()[0]
    assert cached["labels"][0]["text"] == "Este conocimiento pertenece al ayllu." and cached["labels"][0]["language"] == "es"


def test_a_sealed_consents_scope_is_read_for_sharing_by_whoever_may_open_the_record(lib):
    """Was: "the current consent's scope is sealed: unlock to see" even with the record open."""
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Dye plants"}, "community": "Ayllu Chawaytire",
                              "access": tk()})
    lib.consent.grant(record["id"], {"granted_by": "Ayllu assembly", "scope": ["view_community"], "form": "community_assembly",
                                     "given_on": "2025-01-10", "expires_on": "2099-01-01"})

    def covering() -> dict:
        return next(r for r in lib.sync.eligibility(record["id"])[""]["reasons"] if r["code"] == "consent_not_covering")

    assert not covering()["params"].get("sealed")  # the custodian holds the record's key: the scope is known
    lib.lock()
    assert covering()["params"]["sealed"]  # locked, it is not
