"""A library made before revision 0005 (``fixtures/library-0004.sql``, written by the previous
kmdesk) is upgraded: its first custodian's unlock makes the library key and signs what is there;
from then on the same file attacks fail on its old rows too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kmdesk.core.errors import DamagedRecord
from kmdesk.core.store.library import Library

FIXTURE = Path(__file__).parent / "fixtures" / "library-0004.sql"
RESTRICTED = "00000000-0000-4000-8000-000000000001"
PUBLIC = "00000000-0000-4000-8000-000000000002"
CANARY = b"Legacyconsentcanary"
PASS = {"Aiyana": "aiyana passphrase", "Tupaq": "tupaq passphrase", "Mei": "mei passphrase"}


@pytest.fixture
def old(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    with sqlite3.connect(folder / "library.db") as connection:
        connection.executescript(FIXTURE.read_text(encoding="utf-8"))
    connection.close()
    library = Library.open(folder)
    yield library
    library.close()


def _db(library) -> bytes:
    return b"".join(p.read_bytes() for p in library.data_dir.glob("library.db*"))


def test_the_first_custodian_unlock_signs_and_seals_what_was_there(old):
    old.unlock("Tupaq", PASS["Tupaq"])  # before the custodian: old rows still open
    assert old.records.get(RESTRICTED)["title"] == {"es": "Tintes antiguos"}
    old.lock()
    old.unlock("Aiyana", PASS["Aiyana"])
    assert old.audit.verify().ok
    assert old.consent.problems(RESTRICTED) == [] and old.consent.problems(PUBLIC) == []
    assert old.consent.of(RESTRICTED)[0]["granted_by"] == "Legacyconsentcanary"
    old.lock()
    assert old.consent.of(RESTRICTED)[0]["sealed"]
    old.close()
    assert CANARY not in _db(old)
    reopened = Library.open(old.data_dir)
    reopened.unlock("Mei", PASS["Mei"])  # a profile made before 0005 adopts the library key
    assert reopened.audit.verify().ok
    reopened.close()


def test_an_old_record_changed_in_the_file_after_the_upgrade_is_refused(old):
    old.unlock("Aiyana", PASS["Aiyana"])
    old.lock()
    with sqlite3.connect(old.data_dir / "library.db") as connection:
        connection.execute("UPDATE records SET access_sharing = 'any' WHERE id = ?", (RESTRICTED,))
    connection.close()
    old.unlock("Tupaq", PASS["Tupaq"])
    with pytest.raises(DamagedRecord, match=RESTRICTED):
        old.records.get(RESTRICTED)


def test_an_old_record_edited_after_the_upgrade_is_sealed_with_its_access_bound(old):
    old.unlock("Aiyana", PASS["Aiyana"])
    old.lock()
    old.unlock("Tupaq", PASS["Tupaq"])
    old.records.update(RESTRICTED, {"keywords": ["tinte"]})
    with sqlite3.connect(old.data_dir / "library.db") as connection:
        (sealed,) = connection.execute("SELECT sealed FROM records WHERE id = ?", (RESTRICTED,)).fetchone()
    connection.close()
    assert sealed.startswith("kmv2:")
    assert old.records.get(RESTRICTED)["keywords"] == ["tinte"]


def test_after_the_upgrade_an_old_open_protocol_is_readable_by_non_members(old):
    old.unlock("Aiyana", PASS["Aiyana"])
    old.lock()
    old.unlock("Mei", PASS["Mei"])
    assert old.records.get("00000000-0000-4000-8000-000000000003")["title"] == {"es": "Cuento abierto"}
    assert "Stories" not in old.access.unlocked_profile()["protocols"]  # a reader, not a member
