"""Three device libraries sync through a real PostgreSQL hub: records created, edited and deleted
on one arrive on the others; concurrent edits merge field by field, or keep both values for a
person to choose; consent withdrawals travel and queue the CHM retraction; files travel in
chunks; new members get their protocol keys through the replicated membership rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hub_support import MEMBER_PASS, device, join, new_hub, public, restricted, sync, template
from sqlalchemy import event

from kmdesk.core.errors import AccessDenied, InvalidRecord, NotFound
from kmdesk.core.hub import conflicts, local, merge
from kmdesk.core.hub import device as hub_device
from kmdesk.core.hub import sync as hub_sync
from kmdesk.core.store import attachments


@pytest.fixture
def devices(tmp_path: Path, pg_server, monkeypatch):
    """Three devices (copies of one library, Keeper unlocked on each) joined to a new hub."""
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    hub = new_hub(pg_server)
    base = template(tmp_path / "template")
    libraries = [device(tmp_path / name, base) for name in ("a", "b", "c")]
    for library, name in zip(libraries, ("laptop_a", "laptop_b", "laptop_c"), strict=True):
        join(library, hub, name)
    yield hub, libraries
    for library in libraries:
        library.close()


def converge(libraries) -> None:
    for _ in range(2):
        for library in libraries:
            sync(library)


def titles(library) -> dict[str, str]:
    return {r["id"]: r["title"].get("en") for r in library.records.iter_all()}


def test_three_devices_create_edit_delete_and_converge(devices):
    _hub, (a, b, c) = devices
    kept = a.records.add(public("Rotational grazing"))
    secret = a.records.add(restricted("Healing plant preparation", body={"en": "steep the leaves"}))
    gone = a.records.add(public("Old notice"))
    converge([a, b, c])
    assert titles(b) == titles(c) == titles(a)
    assert b.records.get(secret["id"])["body"] == {"en": "steep the leaves"}  # sealed on the hub, opened here

    b.records.update(kept["id"], {"summary": {"en": "Herders move cattle between pastures"}})
    c.records.delete(gone["id"])
    converge([a, b, c])
    for library in (a, b, c):
        assert library.records.get(kept["id"])["summary"] == {"en": "Herders move cattle between pastures"}
        assert gone["id"] not in titles(library)
        assert [h["action"] for h in library.history.of(kept["id"])] == ["create", "edit"]
        assert [h["action"] for h in library.history.of(gone["id"])] == ["create", "delete"]
        assert library.index.search("grazing").total == 1


def test_edits_of_different_fields_on_two_devices_merge(devices):
    _hub, (a, b, c) = devices
    record = a.records.add(restricted("Seed exchange"))
    converge([a, b, c])
    a.records.update(record["id"], {"summary": {"en": "tubers between altitude zones"}})
    b.records.update(record["id"], {"keywords": ["seed", "potato"]})
    converge([a, b, c])
    for library in (a, b, c):
        got = library.records.get(record["id"])
        assert got["summary"] == {"en": "tubers between altitude zones"} and got["keywords"] == ["seed", "potato"]
    assert conflicts.list_conflicts(c) == []


def test_the_same_field_changed_on_two_devices_keeps_both_for_a_person(devices):
    _hub, (a, b, c) = devices
    record = a.records.add(restricted("Mangrove replanting"))
    converge([a, b, c])
    a.records.update(record["id"], {"title": {"en": "Mangrove replanting (elders)"}})
    b.records.update(record["id"], {"title": {"en": "Mangrove replanting (fishers)"}})
    report_a = sync(a)
    report_b = sync(b)
    assert report_a.conflicts == [] and any(record["id"] in line for line in report_b.conflicts)
    converge([a, b, c])
    shown = {library.records.get(record["id"])["title"]["en"] for library in (a, b, c)}
    assert len(shown) == 1  # every device shows the same value until a person chooses
    for library in (a, b, c):
        [item] = conflicts.list_conflicts(library)
        assert item["field"] == "title"
        assert sorted(v["value"]["en"] for v in item["values"]) == ["Mangrove replanting (elders)",
                                                                   "Mangrove replanting (fishers)"]
    mine = [v for v in conflicts.list_conflicts(a)[0]["values"] if v["mine"]]
    assert mine[0]["value"]["en"] == "Mangrove replanting (elders)"

    conflicts.resolve(c, record["id"], "title", "1")
    chosen = conflicts.list_conflicts(a)[0]["values"][0]["value"]
    converge([a, b, c])
    for library in (a, b, c):
        assert conflicts.list_conflicts(library) == []
        assert library.records.get(record["id"])["title"] == chosen
        assert hub_device.status(library)["conflicts"] == 0


def test_a_field_resolved_here_has_no_conflict_left_whatever_value_is_taken(devices):
    """Until the next sync the record's folded state still holds both values of a field resolved
    here: resolving it again took a value (--take 1) or counted them (--take 3) instead of
    saying it has no conflict left, while the other field in conflict still resolves."""
    _hub, (a, b, c) = devices
    record = a.records.add(public("Mangrove replanting"))
    converge([a, b, c])
    a.records.update(record["id"], {"title": {"en": "Mangroves (elders)"}, "summary": {"en": "by the elders"}})
    b.records.update(record["id"], {"title": {"en": "Mangroves (fishers)"}, "summary": {"en": "by the fishers"}})
    converge([a, b, c])
    assert sorted(item["field"] for item in conflicts.list_conflicts(c)) == ["summary", "title"]
    conflicts.resolve(c, record["id"], "title", "2")
    kept = c.records.get(record["id"])["title"]
    for take in ("1", "2", "3", "mine", "theirs"):
        with pytest.raises(NotFound, match="has no conflict in title.*resolved here"):
            conflicts.resolve(c, record["id"], "title", take)
    assert c.records.get(record["id"])["title"] == kept
    with pytest.raises(InvalidRecord, match="there are 2 values to choose from"):
        conflicts.resolve(c, record["id"], "summary", "3")
    assert conflicts.resolve(c, record["id"], "summary", "1")["field"] == "summary"
    with pytest.raises(NotFound, match="has no conflict in description"):
        conflicts.resolve(c, record["id"], "description", "3")
    converge([a, b, c])
    for library in (a, b, c):
        assert conflicts.list_conflicts(library) == []
        assert library.records.get(record["id"])["title"] == kept


def test_a_deletion_concurrent_with_an_edit_keeps_the_record_flagged(devices):
    _hub, (a, b, c) = devices
    record = a.records.add(public("Community seed bank guide"))
    converge([a, b, c])
    a.records.delete(record["id"])
    b.records.update(record["id"], {"summary": {"en": "How to run a seed bank"}})
    converge([a, b, c])
    for library in (a, b, c):
        assert library.records.get(record["id"])["summary"] == {"en": "How to run a seed bank"}  # nothing lost
        [item] = conflicts.list_conflicts(library)
        assert item["field"] == merge.DELETED
    take = next(n for n, v in enumerate(conflicts.list_conflicts(c)[0]["values"], 1) if v["value"] == "deleted")
    conflicts.resolve(c, record["id"], merge.DELETED, str(take))
    converge([a, b, c])
    for library in (a, b, c):
        assert record["id"] not in titles(library)
        assert conflicts.list_conflicts(library) == []


def test_a_consent_withdrawal_replicates_and_queues_the_chm_retraction(devices, monkeypatch, capsys):
    """The sync that brings the withdrawal says what it queued to take down, on the devices that
    sync with the CHM (in words and in --json), and no more at the next sync."""
    from hub_support import PASS, reopen

    from kmdesk.cli import main

    _hub, libraries = devices
    a, b, c = libraries
    record = a.records.add({"type": "traditional_knowledge", "title": {"en": "Potato seed exchange"},
                            "access": {"level": "public"}})
    a.consent.grant(record["id"], {"granted_by": "Ayllu assembly", "scope": ["share_chm"], "form": "community_assembly"})
    converge([a, b, c])
    for library in (b, c):  # b and c are devices that sync with the CHM
        library.sync.add_target("chm", "chm", "http://127.0.0.1:9")
        library.sync.share([record["id"]], "chm")
        [entry] = library.sync.entries("chm")
        assert entry.op == "push"
        library.sync.finish(entry, "sent", remote_revision="1", pushed_revision=1)
    assert sync(b).retractions == {}

    a.consent.withdraw(record["id"], by="Ayllu assembly", reason="the assembly decided so")
    sync(a)
    folders = [b.data_dir, c.data_dir]
    b.close()
    c.close()
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    assert main(["--data-dir", str(folders[0]), "hub", "sync", "--profile", "Keeper"]) == 0
    out = capsys.readouterr().out
    assert "1 record(s) to take down from chm at the next 'kmdesk sync'" in out
    assert main(["--data-dir", str(folders[1]), "--json", "hub", "sync", "--profile", "Keeper"]) == 0
    assert json.loads(capsys.readouterr().out)["retractions"] == {"chm": 1}
    libraries[1:] = b, c = reopen(folders[0]), reopen(folders[1])
    assert sync(b).retractions == {}  # already waiting: not counted again
    converge([a, b, c])
    for library in (a, b, c):
        [consent] = library.consent.of(record["id"])
        assert consent["withdrawn_by"] == "Ayllu assembly"
    assert [(e.record_id, e.op) for e in b.sync.entries("chm")] == [(record["id"], "retract")]


def test_files_travel_in_chunks_sealed_where_the_record_is(devices, tmp_path):
    _hub, (a, b, c) = devices
    big = tmp_path / "recording.bin"
    big.write_bytes(bytes(range(256)) * 5000)  # 1.28 MB: three chunks
    note = tmp_path / "note.txt"
    note.write_text("a public note", encoding="utf-8")
    open_record = a.records.add(public("Workshop"))
    sealed_record = a.records.add(restricted("Healing song"))
    attachments.add(a, open_record["id"], note)
    attachments.add(a, sealed_record["id"], big)
    converge([a, b, c])
    for library, out in ((b, tmp_path / "b.bin"), (c, tmp_path / "c.bin")):
        [item] = attachments.list_for(library, sealed_record["id"])
        assert item["filename"] == "recording.bin"
        attachments.extract(library, item["id"], out)
        assert out.read_bytes() == big.read_bytes()
        [plain] = attachments.list_for(library, open_record["id"])
        assert plain["filename"] == "note.txt"


def test_a_new_member_gets_the_protocol_key_through_the_membership_row(devices, tmp_path):
    _hub, (a, b, c) = devices
    record = a.records.add({"type": "practice", "title": {"en": "Net mending"},
                            "access": {"level": "restricted", "protocols": ["Fishers"]}})
    converge([a, b, c])
    b.lock()
    b.unlock("Ama", MEMBER_PASS)  # Ama is not a Fishers member: the record stays sealed to her
    assert b.records.get(record["id"])["sealed"] is True
    a.access.add_member("Fishers", "Ama")
    sync(a)
    sync(b)  # the membership row (the key wrapped to Ama's public key) arrives
    assert b.records.get(record["id"])["title"] == {"en": "Net mending"}


def test_status_says_what_waits_and_what_the_hub_holds(devices):
    _hub, (a, b, _c) = devices
    a.records.add(public("Waiting"))
    before = hub_device.status(a)
    assert before["reachable"] and before["pending"] >= 1 and before["last_sync_at"] is None
    sync(a)
    after = hub_device.status(a)
    assert after["pending"] == 0 and after["awaiting_hub"] == 0 and after["hub_seq_seen"] == after["hub_seq"]
    with a.reading() as session:
        assert local.counts(session)["outgoing"] == 0
    assert hub_device.status(b)["hub_seq_seen"] < after["hub_seq"]


def test_a_removed_member_gets_no_new_key(devices):
    _hub, (a, b, c) = devices
    before = a.records.add(restricted("Written before the removal"))
    converge([a, b, c])
    a.access.remove_member("Healers", "Ama")  # the protocol key is rotated, its records re-sealed
    after = a.records.add(restricted("Written after the removal"))
    converge([a, b, c])
    assert b.records.get(after["id"])["title"] == {"en": "Written after the removal"}  # Keeper holds the new key
    b.lock()
    b.unlock("Ama", MEMBER_PASS)
    try:
        assert b.records.get(after["id"])["sealed"] is True
        assert b.records.get(before["id"])["sealed"] is True  # re-sealed here too: this copy no longer opens for her
        assert "Healers" not in b.access.unlocked_profile()["protocols"]
    finally:
        b.lock()
        b.unlock("Keeper", "keeper passphrase long")


def test_the_sync_that_brings_a_removal_names_it_to_the_removed_profile_once(devices):
    _hub, (a, b, _c) = devices
    converge([a, b])
    b.lock()
    b.unlock("Ama", MEMBER_PASS)
    try:
        assert sync(b).removed == []
        a.access.remove_member("Healers", "Ama")
        sync(a)
        assert sync(b).removed == ["Healers"]
        assert "Healers" not in b.access.unlocked_profile()["protocols"]  # at once, not at the next unlock
        assert sync(b).removed == []
    finally:
        b.lock()
        b.unlock("Keeper", "keeper passphrase long")


def test_a_viewer_pulls_and_what_only_a_writer_may_send_waits_counted(devices):
    _hub, (a, b, _c) = devices
    b.access.create_profile("Reader", "reader passphrase long", ["viewer"])
    records = [b.records.add(public(f"Offline note {n}")) for n in range(3)]
    sync(a)
    a.records.add(public("For everyone"))
    sync(a)
    b.lock()
    b.unlock("Reader", "reader passphrase long")
    report = sync(b)
    assert report.pushed == 0 and report.applied >= 1
    # a history row whose id is taken here cannot be signed again by a viewer: refused, named
    assert all("may not sign history under another" in line for line in report.refused)
    found = b.integrity()  # what it applied kept its writer's signature: its own checks pass
    assert found.damaged == [] and found.rows == []
    assert sorted(report.held) == ["1 profile change(s) waits for a custodian to sync (Reader is not one)",
                                   "3 history change(s) waits for a contributor or custodian to sync (Reader is a viewer)",
                                   "3 record change(s) waits for a contributor or custodian to sync (Reader is a viewer)"]
    b.lock()
    b.unlock("Keeper", "keeper passphrase long")
    assert sync(b).held == []
    sync(a)
    assert {r["id"] for r in records} <= {r["id"] for r in a.records.iter_all()}
    a.lock()
    with pytest.raises(AccessDenied, match="made on another device"):
        a.unlock("Reader", "reader passphrase long")  # its public part came, its private key stays on b
    a.unlock("Keeper", "keeper passphrase long")


def test_a_device_offline_for_weeks_catches_up_in_one_sync(devices, monkeypatch):
    """Weeks away from the hub: the others wrote and edited more than several pull batches hold,
    the device away wrote its own meanwhile, and its one sync on return brings it level both
    ways (incremental, in batches, from the last hub sequence it saw), nothing lost or doubled."""
    _hub, (a, b, c) = devices
    shared = a.records.add(public("Grazing calendar"))
    converge([a, b, c])
    seen_before = hub_device.status(c)["hub_seq_seen"]
    monkeypatch.setattr(hub_sync, "PULL_BATCH", 5)
    monkeypatch.setattr(hub_sync, "PUSH_BATCH", 5)
    written = []
    for week in range(4):  # c is away; a and b go on, each syncing every week
        for library, who in ((a, "a"), (b, "b")):
            sync(library)  # each edits what the other wrote before it: no conflict between them
            written += [library.records.add(public(f"Week {week} note {n} by {who}"))["id"] for n in range(2)]
            library.records.update(shared["id"], {"summary": {"en": f"week {week}, by {who}"}})
            sync(library)
    away = [c.records.add(restricted(f"Station note {n}"))["id"] for n in range(6)]
    c.records.update(shared["id"], {"keywords": ["grazing", "calendar"]})

    report = sync(c)
    assert report.applied >= len(written) and report.pushed >= len(away) and report.conflicts == []
    status = hub_device.status(c)
    assert status["hub_seq_seen"] == status["hub_seq"] > seen_before and status["pending"] == 0
    converge([a, b])
    for library in (a, b, c):
        assert set(written + away) <= set(titles(library))
        got = library.records.get(shared["id"])
        assert got["summary"] == {"en": "week 3, by b"} and got["keywords"] == ["grazing", "calendar"]
        assert conflicts.list_conflicts(library) == []
    assert a.records.get(away[0])["title"] == {"en": "Station note 0"}


def test_clocks_that_disagree_never_reorder_consent(devices, monkeypatch):
    _hub, (a, b, c) = devices
    record = a.records.add({"type": "traditional_knowledge", "title": {"en": "Medicinal bark"}, "access": {"level": "public"}})
    a.consent.grant(record["id"], {"granted_by": "Healers' circle", "scope": ["share_chm"]})
    converge([a, b, c])
    from kmdesk.core.store import records as rec

    with monkeypatch.context() as slow:
        slow.setattr(rec, "now", lambda: "2001-01-01T00:00:00+00:00")  # b's clock is twenty-five years slow
        b.consent.withdraw(record["id"], by="Healers' circle")
    converge([a, b, c])
    for library in (a, b, c):
        [consent] = library.consent.of(record["id"])
        assert consent["withdrawn_by"] == "Healers' circle"  # the withdrawal stands, whatever its time says


LIBRARY_SIZED = {"records", "record_keys", "record_history", "consent_events", "attachments", "chm_records",
                 "hubsync_shadow", "hubsync_rowmap"}


def test_a_sync_of_a_few_edits_scans_no_table_the_size_of_the_library(devices):
    """An incremental sync must cost what changed, not what the library holds (issue 28: 100
    edits in <= 2 s at 100,000 records): none of its queries scans a table that grows with the
    library (a shadow read by key alone, the non-public records re-read for the private index,
    the CHM's copies read whole did, at every sync)."""
    _hub, (a, b, _c) = devices
    ids = [a.records.add(public(f"Field note {i}") if i % 3 else restricted(f"Healer's note {i}"))["id"] for i in range(12)]
    converge([a, b])
    b.records.update(ids[1], {"summary": {"en": "edited on b"}})
    sync(b)
    for record_id in ids[:3]:
        a.records.update(record_id, {"title": {"en": "edited on a"}})
    scanned: set[str] = set()

    def plan(connection, _cursor, statement, parameters, _context, executemany) -> None:
        if executemany or not statement.lstrip().upper().startswith("SELECT"):
            return
        for *_ids, detail in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).fetchall():
            if detail.startswith("SCAN "):
                scanned.add(detail.split()[1])

    event.listen(a.engine, "before_cursor_execute", plan)
    try:
        report = sync(a)
    finally:
        event.remove(a.engine, "before_cursor_execute", plan)
    assert report.pushed >= 3 and report.applied >= 1 and a.records.get(ids[1])["summary"] == {"en": "edited on b"}
    assert scanned and not scanned & LIBRARY_SIZED, scanned


def _copies_with_a_record(tmp_path: Path, pg_server, monkeypatch, names=("a", "b")):
    """Two copies of a library that already holds a record (edited once, with consent), both
    joined: as a community's keepers start, each with the library copied before any sync."""
    from hub_support import PASS

    from kmdesk.core.store.library import Library

    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    hub = new_hub(pg_server)
    base = template(tmp_path / "template")
    with Library.open(base) as library:
        library.unlock("Keeper", PASS)
        record = library.records.add(restricted("Healing song"))
        library.records.update(record["id"], {"summary": {"en": "sung at dawn"}})
        library.consent.grant(record["id"], {"granted_by": "Ayllu assembly", "scope": ["share_chm"],
                                             "form": "community_assembly"})
    copies = [device(tmp_path / name, base) for name in names]
    for library, name in zip(copies, names, strict=True):
        join(library, hub, f"kit_{name}")
    return record["id"], *copies


def test_a_copy_s_first_sync_does_not_write_the_history_it_holds_twice(tmp_path, pg_server, monkeypatch):
    """A history entry's hub key is the same on every copy; the copy's first pull meets the
    other's entries before its own are staged, and wrote each again under a new id."""
    record, a, b = _copies_with_a_record(tmp_path, pg_server, monkeypatch)
    try:
        actions = [entry["action"] for entry in a.history.of(record)]
        assert actions == ["create", "edit"]
        sync(a)
        sync(b)
        sync(a)
        for library in (a, b):
            assert [entry["action"] for entry in library.history.of(record)] == actions
        assert sync(b).pushed == 0
    finally:
        a.close()
        b.close()


def test_a_copy_s_first_sync_counts_as_received_only_what_changed_something(tmp_path, pg_server, monkeypatch, capsys):
    """Rows a copy already held, as they came, are "already here", not "received": the first sync
    after joining a copy said it received every row of the library."""
    from hub_support import PASS

    from kmdesk.cli import main

    record, a, b, c = _copies_with_a_record(tmp_path, pg_server, monkeypatch, ("a", "b", "c"))
    folders = [b.data_dir, c.data_dir]
    b.close()
    c.close()
    try:
        sync(a)
        monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
        assert main(["--data-dir", str(folders[0]), "--json", "hub", "sync", "--profile", "Keeper"]) == 0
        first = json.loads(capsys.readouterr().out)
        assert first["applied"] == 0 and first["already_here"] == first["pulled"] > 0 and first["pushed"] == 0
        assert main(["--data-dir", str(folders[1]), "hub", "sync", "--profile", "Keeper"]) == 0
        out = capsys.readouterr().out
        assert "received 0 from other devices" in out and f"{first['already_here']} already here" in out

        a.records.update(record, {"summary": {"en": "sung at dusk"}})
        sync(a)
        assert main(["--data-dir", str(folders[0]), "--json", "hub", "sync", "--profile", "Keeper"]) == 0
        second = json.loads(capsys.readouterr().out)
        assert second["applied"] == second["pulled"] >= 2 and second["already_here"] == 0  # the record and its history
        assert main(["--data-dir", str(folders[1]), "hub", "sync", "--profile", "Keeper"]) == 0
        out = capsys.readouterr().out
        assert f"received {second['applied']} from other devices" in out and "already here" not in out
    finally:
        a.close()
