"""Each record's manifest (revision 0009) lists its history entries, attachments and sharing
choices in a row signed whole: a row deleted in the file is named, a manifest changed in the
file is named and never signed over, a missing one is never made again, and what kmdesk itself
writes or removes (edits, imports, the trash, a target removed, the hub's history from another
device) leaves nothing to name. The attacker has ``sqlite3`` on the file, triggers dropped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import attack, open_as_custodian
from hub_support import device, join, new_hub, public, restricted, sync, template

from kmdesk.cli import main as cli_main
from kmdesk.core.store import attachments

PASS = "manifests custodian passphrase"




def problems(library) -> list[str]:
    found = library.integrity()
    return [item["problem"] for item in found.damaged + found.rows]


@pytest.fixture
def library(tmp_path: Path):
    opened = open_as_custodian(tmp_path / "lib", PASS)
    yield opened
    opened.close()


def test_what_kmdesk_writes_and_removes_leaves_nothing_to_name(library, tmp_path):
    """Edits, attachments added and removed, shares chosen and dropped, a target removed with
    its choices, a deletion into the trash and a restore, and an import."""
    from kmdesk.core.chm.demo import add_reference_targets

    add_reference_targets(library, "http://127.0.0.1:9")
    record = library.records.add({"type": "practice", "title": {"en": "Terraces"}})
    library.records.update(record["id"], {"title": {"en": "Stone terraces"}})
    (tmp_path / "wall.txt").write_text("dry stone", encoding="utf-8")
    attached = attachments.add(library, record["id"], tmp_path / "wall.txt")
    targets = [target["name"] for target in library.sync.targets()]
    library.sync.share([record["id"]], targets[0])
    library.sync.share([record["id"]], targets[1])
    library.sync.unshare([record["id"]], targets[0])
    library.sync.remove_target(targets[1], force=True)
    attachments.remove(library, attached["id"])
    gone = library.records.add({"type": "practice", "title": {"en": "Zai pits"}})
    library.records.delete(gone["id"])
    library.trash.restore(gone["id"])
    library.records.delete(gone["id"])
    library.access.add_protocol("Healers")
    library.imports.records([{"type": "practice", "title": {"en": "Seed fairs"}},
                             {"type": "traditional_knowledge", "title": {"en": "Water songs"},
                              "access": {"level": "restricted", "protocols": ["Healers"]}}])
    assert problems(library) == []
    with sqlite3.connect(library.data_dir / "library.db") as connection:
        made = {rid for (rid,) in connection.execute("SELECT record_id FROM record_manifests")}
        held = {rid for (rid,) in connection.execute("SELECT id FROM records")}
    connection.close()
    assert held <= made and gone["id"] in made  # a record in the trash keeps its history's manifest


def test_manifests_a_contributor_signed_are_signed_again_when_it_changes_its_passphrase(library):
    """A passphrase change makes a new key pair: the manifests the old one signed are signed
    again with the new one, as every other row it wrote, and a deletion after is still named."""
    library.access.create_profile("Ama", "ama passphrase long", ["contributor"])
    library.lock()
    library.unlock("Ama", "ama passphrase long")
    record = library.records.add({"type": "practice", "title": {"en": "Terraces"}})
    library.records.update(record["id"], {"title": {"en": "Stone terraces"}})
    library.access.change_passphrase("Ama", "ama passphrase long", "ama new passphrase long")
    assert problems(library) == []
    attack(library, "DELETE FROM record_history WHERE id = (SELECT min(id) FROM record_history WHERE record_id = ?)",
           params=(record["id"],))
    library.unlock("Ama", "ama new passphrase long")
    assert any(problem.startswith("history entry ") and "was deleted outside kmdesk" in problem
               for problem in problems(library))


def test_a_manifest_shortened_with_the_entry_it_listed_is_named_and_never_signed_over(library):
    record = library.records.add({"type": "practice", "title": {"en": "Terraces"}})
    library.records.update(record["id"], {"title": {"en": "Stone terraces"}})
    attack(library, "DELETE FROM record_history WHERE id = (SELECT max(id) FROM record_history WHERE record_id = ?)",
           "UPDATE record_manifests SET history = json_remove(history, '$[#-1]') WHERE record_id = ?",
           params=(record["id"],))
    library.unlock("Keeper", PASS)
    library.records.update(record["id"], {"title": {"en": "Terraces of stone"}})
    found = problems(library)
    assert f"the manifest of record {record['id']} does not match its signature (changed outside kmdesk)" in found
    assert library.records.problems(record["id"]) == [
        f"the manifest of record {record['id']} does not match its signature (changed outside kmdesk)"]


def test_a_deleted_manifest_is_named_and_never_made_again(library):
    """Deleting the manifest with the rows it listed (and the library key's mark that every
    record has one) does not make the custodian's next unlock list what is left."""
    record = library.records.add({"type": "practice", "title": {"en": "Terraces"}})
    attack(library, "DELETE FROM record_history WHERE record_id = ?", "DELETE FROM record_manifests WHERE record_id = ?",
           "DELETE FROM meta WHERE key = 'manifests'", params=(record["id"],))
    library.unlock("Keeper", PASS)
    library.records.update(record["id"], {"title": {"en": "Stone terraces"}})
    assert f"record {record['id']} has no manifest (deleted outside kmdesk): its history, attachments and sharing " \
           "choices cannot be vouched for" in problems(library)
    assert library.meta("manifests")  # the mark is back


def test_an_entry_put_back_from_an_older_copy_is_named_and_no_choice(library, capsys):
    """A sharing choice dropped through kmdesk and written back from a copy of the file made
    before (its signature still holds) is not in the record's manifest: named, and no choice,
    locked and unlocked, so the record does not go."""
    from kmdesk.core.chm.demo import add_reference_targets

    add_reference_targets(library, "http://127.0.0.1:9")
    record = library.records.add({"type": "practice", "title": {"en": "Terraces"}})
    target = library.sync.targets()[0]["name"]
    library.sync.share([record["id"]], target)
    with sqlite3.connect(library.data_dir / "library.db") as connection:
        kept = connection.execute("SELECT * FROM shares WHERE record_id = ?", (record["id"],)).fetchone()
    connection.close()
    library.sync.unshare([record["id"]], target)
    attack(library, "INSERT INTO shares VALUES (?, ?, ?, ?, ?, ?)", params=kept)
    code = cli_main(["show", record["id"], "--data-dir", str(library.data_dir)])
    out = capsys.readouterr().out
    assert code == 0 and f"sharing to {target}: not eligible: nobody selected it for sharing" in out
    library.unlock("Keeper", PASS)
    assert f"the sharing of record {record['id']} with {target} is not in the record's manifest " \
           "(written or put back outside kmdesk)" in problems(library)
    verdict = library.sync.eligibility(record["id"])[target]
    assert not verdict["eligible"] and "not_selected" in {reason["code"] for reason in verdict["reasons"]}


@pytest.fixture
def devices(tmp_path: Path, pg_server, monkeypatch):
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    hub = new_hub(pg_server)
    base = template(tmp_path / "template")
    libraries = [device(tmp_path / name, base) for name in ("a", "b")]
    for library, name in zip(libraries, ("laptop_a", "laptop_b"), strict=True):
        join(library, hub, name)
    yield libraries
    for library in libraries:
        library.close()


def test_history_from_another_device_is_listed_here_and_its_deletion_named(devices):
    """Each device lists the history it holds under its own ids: what the hub brings verifies,
    and a replicated entry deleted on one device is named there."""
    a, b = devices
    plain = a.records.add(public("Old seed notice"))
    secret = a.records.add(restricted("Healing plant preparation", body={"en": "steep the leaves"}))
    a.records.update(plain["id"], {"title": {"en": "Seed notice"}})
    for _ in range(2):
        sync(a)
        sync(b)
    b.records.update(secret["id"], {"body": {"en": "steep the leaves at dawn"}})
    for _ in range(2):
        sync(b)
        sync(a)
    for library in (a, b):
        assert problems(library) == []
        assert len(library.history.of(plain["id"])) == 2 and len(library.history.of(secret["id"])) == 2
    gone = b.records.add(public("Seed fair notice"))
    for _ in range(2):
        sync(b)
        sync(a)
    b.records.delete(gone["id"])  # deleted on one device, the trash emptied on the other
    for _ in range(2):
        sync(b)
        sync(a)
    a.trash.empty(gone["id"])
    assert problems(a) == [] and problems(b) == []
    with sqlite3.connect(b.data_dir / "library.db") as connection:
        first = connection.execute("SELECT min(id) FROM record_history WHERE record_id = ?", (plain["id"],)).fetchone()[0]
    connection.close()
    attack(b, "DELETE FROM record_history WHERE id = ?", params=(first,))
    b.unlock("Keeper", "keeper passphrase long")
    assert f"history entry {first} of record {plain['id']} was deleted outside kmdesk (the record's manifest lists it)" \
        in problems(b)
    assert "the history is incomplete" in b.history.of(plain["id"])[0]["damaged"]


def test_a_record_row_deleted_in_the_file_is_named_and_one_deleted_through_kmdesk_is_not(library):
    """A record's row (with its keys) deleted in the file left nothing behind to say so; its
    manifest stays, and a record kmdesk deleted is in the trash or its history says so (also
    after the trash is emptied)."""
    removed = library.records.add({"type": "practice", "title": {"en": "Zai pits"}})
    library.records.delete(removed["id"])
    library.trash.empty(removed["id"])
    record = library.records.add({"type": "practice", "title": {"en": "Terraces"}})
    attack(library, "DELETE FROM records WHERE id = ?", params=(record["id"],))
    library.unlock("Keeper", PASS)
    assert problems(library) == [f"record {record['id']} was deleted outside kmdesk: it is not in the trash, and its "
                                 "history says no deletion (its manifest remains)"]
