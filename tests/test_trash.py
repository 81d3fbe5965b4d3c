"""The trash (``library.trash``): a deleted record leaves every list, search and sync as before
but waits, its row as its writer signed it, to be restored or forgotten; only who may delete it
may restore or empty it, and a record one cannot open shows no title, on screen or on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kmdesk.core.errors import AccessDenied, NotFound, TamperedData
from kmdesk.core.store import attachments
from kmdesk.core.store.files import FileStore
from kmdesk.core.store.library import Library

PASS = {"Aiyana": "aiyana passphrase", "Tupaq": "tupaq passphrase", "Mei": "mei passphrase"}
CANARY = "Canary-7f3a-healers-secret"


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib")
    library.access.create_profile("Aiyana", PASS["Aiyana"], ["custodian"])
    library.unlock("Aiyana", PASS["Aiyana"])
    library.access.create_profile("Tupaq", PASS["Tupaq"], ["contributor"])
    library.access.create_profile("Mei", PASS["Mei"], ["contributor"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_protocol("Healers", community="Ayllu Chawaytire")
    library.access.add_member("Healers", "Tupaq")
    yield library
    library.close()


def secret(lib):
    return lib.records.add({"type": "traditional_knowledge", "title": {"en": CANARY}, "community": "Ayllu Chawaytire",
                            "summary": {"en": f"{CANARY} dye from molle leaves"},
                            "access": {"level": "restricted", "protocols": ["Healers"]}})


def as_profile(lib, name):
    lib.lock()
    lib.unlock(name, PASS[name])


def raw(lib, sql, params=()):
    with sqlite3.connect(lib.data_dir / "library.db") as connection:
        connection.execute(sql, params)
    connection.close()


def test_a_deleted_record_goes_to_the_trash_and_comes_back_whole(lib, tmp_path):
    record = lib.records.add({"type": "practice", "title": {"en": "Rotational grazing"}, "keywords": ["rangeland"]})
    source = tmp_path / "plan.txt"
    source.write_bytes(b"grazing plan")
    attachments.add(lib, record["id"], source)
    lib.records.delete(record["id"])

    assert lib.index.search("grazing").total == 0
    assert record["id"] not in {item["id"] for item in lib.records.iter_all()}
    with pytest.raises(NotFound):
        lib.records.get(record["id"])
    [entry] = lib.trash.entries()
    assert (entry["id"], entry["title"], entry["deleted_by"], entry["files"]) == \
        (record["id"], {"en": "Rotational grazing"}, "Aiyana", 1)
    assert lib.trash.count() == 1

    back = lib.trash.restore(lib.trash.resolve_id(record["id"][:8]))
    assert back["title"] == {"en": "Rotational grazing"} and back["revision"] == record["revision"]
    assert lib.trash.entries() == []
    assert [hit.id for hit in lib.index.search("grazing").hits] == [record["id"]]
    assert [item["filename"] for item in attachments.list_for(lib, record["id"])] == ["plan.txt"]
    assert [h["action"] for h in lib.history.of(record["id"])] == ["create", "delete", "restore"]
    found = lib.integrity()
    assert found.damaged == [] and found.rows == []  # the row as signed, its signature intact


def test_a_restored_row_is_the_signed_row_itself(lib):
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    with lib.reading() as session:
        before = session.execute(lib_sql("SELECT row_sig, row_signer, revision FROM records WHERE id = :id"),
                                 {"id": record["id"]}).one()
    lib.records.delete(record["id"])
    as_profile(lib, "Mei")  # another writer restores: the row keeps Aiyana's signature
    lib.trash.restore(record["id"])
    with lib.reading() as session:
        after = session.execute(lib_sql("SELECT row_sig, row_signer, revision FROM records WHERE id = :id"),
                                {"id": record["id"]}).one()
    assert tuple(after) == tuple(before)


def lib_sql(statement):
    from sqlalchemy import text

    return text(statement)


def test_a_changed_trash_entry_is_refused_named_and_stays(lib):
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    lib.records.delete(record["id"])
    lib.lock()
    raw(lib, "UPDATE trash SET record = json_set(record, '$.row.labels', json('[\"TK A\"]'))")
    lib.unlock("Aiyana", PASS["Aiyana"])
    with pytest.raises(TamperedData, match=f"record {record['id']} .*does not match its signature"):
        lib.trash.restore(record["id"])
    [entry] = lib.trash.entries()
    assert entry["damaged"] and entry["title"] == {}
    assert [(r["table"], r["record"]) for r in lib.integrity().rows] == [("trash", record["id"])]  # `check` names it
    with pytest.raises(NotFound):
        lib.records.get(record["id"])
    as_profile(lib, "Mei")
    with pytest.raises(AccessDenied):
        lib.trash.empty(record["id"])  # a damaged record is a custodian's to forget
    as_profile(lib, "Aiyana")
    assert lib.trash.empty(record["id"]) == [record["id"]]


def test_an_entry_filed_under_another_id_is_refused(lib):
    record = lib.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
    lib.records.delete(record["id"])
    lib.lock()
    raw(lib, "UPDATE trash SET record_id = 'aaaaaaaa-0000-0000-0000-000000000000'")
    lib.unlock("Aiyana", PASS["Aiyana"])
    with pytest.raises(TamperedData, match=f"holds record {record['id']}"):
        lib.trash.restore("aaaaaaaa-0000-0000-0000-000000000000")


def test_emptying_forgets_the_record_and_its_files(lib, tmp_path):
    kept = lib.records.add({"type": "resource", "title": {"en": "Kept"}})
    gone = lib.records.add({"type": "resource", "title": {"en": "Gone"}})
    source = tmp_path / "a.txt"
    source.write_bytes(b"only the gone record has this")
    attachments.add(lib, gone["id"], source)
    lib.records.delete(kept["id"])
    lib.records.delete(gone["id"])
    files = FileStore(lib.data_dir / "files")
    assert files.names(False)
    assert lib.trash.empty(gone["id"]) == [gone["id"]]
    assert not files.names(False)
    assert [item["id"] for item in lib.trash.entries()] == [kept["id"]]
    with pytest.raises(NotFound):
        lib.trash.restore(gone["id"])
    assert lib.trash.empty() == [kept["id"]] and lib.trash.count() == 0
    with lib.reading() as session:
        actions = [row[0] for row in session.execute(lib_sql("SELECT action FROM audit_events WHERE target = :id"),
                                                      {"id": gone["id"]})]
    assert "trash_empty" in actions


def test_only_who_may_delete_may_restore_or_empty(lib):
    record = secret(lib)
    lib.records.delete(record["id"])
    as_profile(lib, "Mei")  # a contributor who cannot open it
    [entry] = lib.trash.entries()
    assert entry["restricted"] and entry["title"] == {}
    with pytest.raises(AccessDenied):
        lib.trash.restore(record["id"])
    with pytest.raises(AccessDenied):
        lib.trash.empty(record["id"])
    assert lib.trash.empty() == []  # emptying all leaves what this profile may not forget
    lib.lock()
    with pytest.raises(AccessDenied):
        lib.trash.restore(record["id"])  # nobody unlocked in a library with profiles
    lib.unlock("Tupaq", PASS["Tupaq"])  # a Healer may
    assert lib.trash.entries()[0]["title"] == {"en": CANARY}
    assert lib.trash.restore(record["id"])["title"] == {"en": CANARY}


def test_a_sacred_record_in_the_trash_is_invisible_to_others(lib):
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Sacred site"},
                              "community": "Ayllu Chawaytire", "access": {"level": "sacred", "custodians": ["Aiyana"]}})
    lib.records.delete(record["id"])
    as_profile(lib, "Tupaq")
    assert lib.trash.entries() == [] and lib.trash.count() == 0
    with pytest.raises(NotFound):
        lib.trash.restore(record["id"])


def test_a_restricted_record_in_the_trash_leaks_nothing(lib):
    record = secret(lib)
    lib.records.delete(record["id"])
    lib.lock()
    assert lib.trash.entries()[0]["title"] == {} and lib.trash.entries()[0]["restricted"]
    lib.close()
    for path in Path(lib.data_dir).rglob("*"):
        if path.is_file():
            assert CANARY.encode() not in path.read_bytes(), path
    reopened = Library.open(lib.data_dir)
    reopened.unlock("Tupaq", PASS["Tupaq"])
    assert reopened.trash.restore(record["id"])["summary"] == {"en": f"{CANARY} dye from molle leaves"}
    reopened.close()


def test_a_library_without_profiles_has_a_trash_too(library):
    record = next(library.records.iter_all())
    library.records.delete(record["id"])
    assert library.trash.count() == 1
    assert library.trash.restore(record["id"])["id"] == record["id"]
    assert library.records.count() == 4


def test_a_file_another_record_drops_stays_while_a_trashed_record_holds_it(lib, tmp_path):
    first = lib.records.add({"type": "resource", "title": {"en": "First"}})
    second = lib.records.add({"type": "resource", "title": {"en": "Second"}})
    source = tmp_path / "same.txt"
    source.write_bytes(b"the same bytes on two records")
    attachments.add(lib, first["id"], source)
    [kept] = attachments.list_for(lib, attachments.add(lib, second["id"], source)["record_id"])
    lib.records.delete(first["id"])
    attachments.remove(lib, kept["id"])  # the live record lets go of the file
    files = FileStore(lib.data_dir / "files")
    assert files.names(False)  # the trashed record still holds it
    lib.trash.restore(first["id"])
    [back] = attachments.list_for(lib, first["id"])
    assert attachments.read_bytes(lib, back["id"], 100) == b"the same bytes on two records"
