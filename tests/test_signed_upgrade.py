"""A library made at revision 0006 (``fixtures/library-0006.sql``, written by the previous kmdesk,
before rows were signed) is upgraded: backed up first, its rows untrusted and said to be unsigned
until a custodian holding the library key unlocks it, who then signs what still holds in its old
form; nothing unsigned is ever signed blindly after that."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import drop_triggers

from kmdesk.cli import main as cli_main
from kmdesk.core.errors import DamagedRecord
from kmdesk.core.store.library import Library
from kmdesk.core.trust.access import UntrustedKey

FIXTURE = Path(__file__).parent / "fixtures" / "library-0006.sql"
RESTRICTED = "00000000-0000-4000-8000-000000000001"
PUBLIC = "00000000-0000-4000-8000-000000000002"  # consented on 2024-01-01, withdrawn on 2025-01-01, shared
PASS = {"Aiyana": "aiyana passphrase", "Tupaq": "tupaq passphrase"}


def _made(tmp_path, *attacks):
    folder = tmp_path / "lib"
    folder.mkdir()
    with sqlite3.connect(folder / "library.db") as connection:
        connection.executescript(FIXTURE.read_text(encoding="utf-8"))
        drop_triggers(connection)
        for statement in attacks:
            connection.execute(statement)
    connection.close()
    return Library.open(folder)


@pytest.fixture
def old(tmp_path):
    library = _made(tmp_path)
    yield library
    library.close()


def test_the_upgrade_is_backed_up_and_its_rows_untrusted_until_a_custodian_unlocks(old, capsys):
    assert (old.data_dir / "backups" / "library-0006.db").exists()
    assert old.rows_unsigned()
    with pytest.raises(DamagedRecord, match=f"record {PUBLIC} is not signed yet"):
        old.records.get(PUBLIC)
    assert not old.sync.eligibility(PUBLIC)["chm"]["eligible"]
    with pytest.raises(UntrustedKey, match="predates signed rows"):
        old.unlock("Tupaq", PASS["Tupaq"])
    code = cli_main(["check", "--data-dir", str(old.data_dir)])
    out = capsys.readouterr().out
    assert code == 1 and "rows are not signed yet" in out and f"record {PUBLIC}" in out


def test_the_first_custodian_unlock_signs_what_still_holds(old, capsys):
    old.unlock("Aiyana", PASS["Aiyana"])
    assert not old.rows_unsigned()
    integrity = old.integrity()
    assert (integrity.damaged, integrity.rows) == ([], [])
    assert old.audit.verify().ok
    [consent] = old.consent.of(PUBLIC)
    assert consent["withdrawn_on"] == "2025-01-01" and old.consent.problems(PUBLIC) == []
    assert {r["code"] for r in old.sync.eligibility(PUBLIC)["chm"]["reasons"]} == {"consent_withdrawn"}
    old.lock()
    old.unlock("Tupaq", PASS["Tupaq"])
    assert old.records.get(RESTRICTED)["title"] == {"es": "Tintes de 0006"}
    old.lock()
    code = cli_main(["check", "--data-dir", str(old.data_dir), "--json"])
    assert code == 0 and json.loads(capsys.readouterr().out)["unsigned"] is False


def test_what_was_authenticated_before_the_upgrade_is_not_blessed(tmp_path):
    library = _made(tmp_path,
                    "UPDATE consent_events SET data = json_set(data, '$.scope', json('[\"share_chm\", \"commercial\"]')) "
                    f"WHERE kind = 'grant' AND record_id = '{PUBLIC}'",
                    f"UPDATE records SET access_sharing = 'any' WHERE id = '{RESTRICTED}'")
    try:
        library.unlock("Aiyana", PASS["Aiyana"])
        assert any("altered" in p for p in library.consent.problems(PUBLIC))
        with pytest.raises(DamagedRecord, match=RESTRICTED):
            library.records.get(RESTRICTED)
        assert {item["id"] for item in library.integrity().damaged} == {PUBLIC, RESTRICTED}
    finally:
        library.close()


def test_after_the_upgrade_an_unsigned_row_is_never_signed_blindly(old):
    """Deleting the library key's mark that rows are signed does not make the next custodian
    unlock sign what an outsider wrote meanwhile: the custodian's own anchor remembers."""
    old.unlock("Aiyana", PASS["Aiyana"])
    old.lock()
    with sqlite3.connect(old.data_dir / "library.db") as connection:
        connection.execute("UPDATE records SET title = '{\"en\": \"Rewritten\"}', row_sig = NULL, row_signer = NULL WHERE id = ?",
                           (PUBLIC,))
        connection.execute("DELETE FROM meta WHERE key = 'rows_signed'")
    connection.close()
    old.unlock("Aiyana", PASS["Aiyana"])
    with pytest.raises(DamagedRecord, match=rf"record {PUBLIC} is not signed \(added or changed outside kmdesk\)"):
        old.records.get(PUBLIC)
    assert not old.rows_unsigned()  # the mark is back


def test_the_first_custodian_unlock_lists_what_each_record_holds_and_a_deletion_after_is_named(old):
    """The upgrade to 0009 makes no manifest (it holds no key): until a custodian unlocks, no
    record has one and none is said missing; that unlock lists what each record holds then
    (trust on first use), after which a history entry or sharing choice deleted is named."""
    db = old.data_dir / "library.db"
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM record_manifests").fetchone() == (0,)
    connection.close()
    old.unlock("Aiyana", PASS["Aiyana"])
    assert old.integrity().rows == []
    old.lock()
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM records WHERE id NOT IN (SELECT record_id FROM record_manifests)"
                                  ).fetchone() == (0,)
        drop_triggers(connection)
        connection.execute("DELETE FROM shares WHERE record_id = ?", (PUBLIC,))
        [entry] = connection.execute("SELECT max(id) FROM record_history WHERE record_id = ?", (PUBLIC,)).fetchone()
        connection.execute("DELETE FROM record_history WHERE id = ?", (entry,))
    connection.close()
    old.unlock("Aiyana", PASS["Aiyana"])
    found = {item["problem"] for item in old.integrity().rows}
    assert f"history entry {entry} of record {PUBLIC} was deleted outside kmdesk (the record's manifest lists it)" in found
    assert f"the sharing of record {PUBLIC} with chm was deleted outside kmdesk (the record's manifest lists it)" in found
