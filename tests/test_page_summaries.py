"""The window's list reads what its table shows of each record (``records.summaries``), not whole
records, and remembers the rows it has checked: what it shows must be what whole records show,
a row changed outside kmdesk after it was checked must be checked again (and refused), and what
an unlocked profile opened must not outlive the lock."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import on_the_file, open_as_custodian

from kmdesk.core.store.library import Library
from kmdesk.gui.library_model import row_from_record, row_from_summary
from tests.conftest import KEEPER_PASSPHRASE


def _items() -> list[dict[str, Any]]:
    soon = (date.today() + timedelta(days=10)).isoformat()
    grant = {"granted_by": "Ayllu assembly", "scope": ["share_chm"], "given_on": "2020-01-10"}
    consents = [[], [grant], [{**grant, "expires_on": soon}]]
    levels = [{"access": {"level": "public"}},
              {"access": {"level": "community"}, "community": "Ayllu Chawaytire"},
              {"access": {"level": "sacred", "custodians": ["Keeper"]}, "community": "Ayllu Chawaytire"}]
    return [{"type": "practice", "title": {"en": f"Seed terrace {i}"}, "gbf_targets": [i % 23 + 1], "languages": ["en"],
             "date": "2021-05", "consents": consents[i % 3], **levels[i % 4 % 3]} for i in range(12)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with open_as_custodian(tmp_path / "lib") as library:
        library.access.add_community("Ayllu Chawaytire", "pe")
        assert {o.status for o in library.imports.records(_items())} == {"imported"}
    return tmp_path / "lib"


def _rows(library: Library) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the list's rows from summaries, the rows whole records give) of every record."""
    with library.reading() as session:
        ids = [row[0] for row in session.connection().exec_driver_sql("SELECT id FROM records")]
    whole = {record_id: row_from_record(record) for record_id, record in library.records.get_many(ids).items()}
    return {record_id: row_from_summary(s) for record_id, s in library.records.summaries(ids).items()}, whole




@pytest.mark.parametrize("unlocked", [True, False], ids=["unlocked", "locked"])
def test_the_list_shows_what_whole_records_show_first_read_and_remembered(folder, unlocked):
    with Library.open(folder, create=False) as library:
        if unlocked:
            library.unlock("Keeper", KEEPER_PASSPHRASE)
        first, whole = _rows(library)
        again, _ = _rows(library)
    assert first == whole == again
    assert len(first) == (12 if unlocked else 9)  # sacred records are known to their custodians only
    assert {row.consent for row in first.values()} == {"none", "valid", "expiring_soon"}
    sealed = {row.title["en"] if row.title else None for row in first.values() if row.access == "community"}
    assert sealed == ({None} if not unlocked else {f"Seed terrace {i}" for i in range(12) if i % 4 % 3 == 1})


@pytest.mark.parametrize("level", ["public", "community"])
def test_a_row_changed_outside_kmdesk_after_it_was_shown_is_refused(folder, level):
    with Library.open(folder, create=False) as library:
        library.unlock("Keeper", KEEPER_PASSPHRASE)
        shown, _ = _rows(library)
        target = next(row.id for row in shown.values() if row.access == level)
        assert not shown[target].sealed and target not in library.records.quarantine
        # the signature kept, one signed value changed: only the whole row's check can tell
        on_the_file(folder, "UPDATE records SET date = '1999' WHERE id = ?", params=(target,))
        after, whole = _rows(library)
        assert after == whole
        assert after[target].sealed and after[target].consent == "none"
        assert "does not match its signature" in library.records.quarantine[target]
        assert all(not row.sealed for record_id, row in after.items() if record_id != target and row.access == "public")


def test_what_an_unlocked_profile_opened_is_not_shown_after_the_lock(folder):
    with Library.open(folder, create=False) as library:
        library.unlock("Keeper", KEEPER_PASSPHRASE)
        opened, _ = _rows(library)
        assert any(row.title for row in opened.values() if row.access == "community")
        library.lock()
        locked, whole = _rows(library)
    assert locked == whole
    assert all(row.sealed and not row.title for row in locked.values() if row.access == "community")


def test_a_rows_values_are_remembered_by_bytes_that_change_with_any_of_them():
    """The memory's key is every value whole: equal values give equal bytes however they were
    made (an interned string, one built at run time), and any change of value or type differs."""
    import sys

    from kmdesk.core.store.row_tags import raw as _raw

    built = "".join(["Seed ", "terrace"])
    row = (sys.intern("Seed terrace"), b"\x00sig", 3, None, "x" * 5000)
    assert _raw(row) == _raw((built, b"\x00sig", 3, None, "x" * 5000))
    for changed in ((built + " ", b"\x00sig", 3, None, "x" * 5000), (built, b"\x00sih", 3, None, "x" * 5000),
                    (built, b"\x00sig", "3", None, "x" * 5000), (built, b"\x00sig", 3, "", "x" * 5000),
                    (built, b"\x00sig", 3, None, "x" * 4999 + "y"), (built, "\x00sig", 3, None, "x" * 5000)):
        assert _raw(changed) != _raw(row)


def test_a_sealed_row_checked_in_an_earlier_run_is_only_opened_and_shows_the_same(folder, monkeypatch):
    """A sealed row whose signature and access block passed in an earlier run left a tag over
    its very values: it is opened, not checked again; one changed since is checked (above)."""
    from kmdesk.core.trust import reads

    with Library.open(folder, create=False) as library:
        library.unlock("Keeper", KEEPER_PASSPHRASE)
        first, whole = _rows(library)
    assert sum(1 for row in first.values() if row.access != "public") == 6
    checked: list[str] = []
    original = reads.record_problem
    monkeypatch.setattr(reads, "record_problem", lambda row, verifier: checked.append(row.id) or original(row, verifier))
    with Library.open(folder, create=False) as library:
        library.unlock("Keeper", KEEPER_PASSPHRASE)
        shown = {record_id: row_from_summary(s) for record_id, s in library.records.summaries(list(first)).items()}
    assert shown == first == whole and checked == []


def test_rows_an_import_wrote_are_shown_at_their_first_read_without_being_checked_again(folder, monkeypatch):
    """An import signs each row it writes and remembers that row's check (``row_tags``), as
    the first page that shows it would: that page checks none of them again, and shows what
    whole records show. A row changed since is checked whole (above)."""
    from kmdesk.core.trust import reads

    checked: list[str] = []
    original = reads.record_problem
    monkeypatch.setattr(reads, "record_problem", lambda row, verifier: checked.append(row.id) or original(row, verifier))
    with Library.open(folder, create=False) as library:
        library.unlock("Keeper", KEEPER_PASSPHRASE)
        with library.reading() as session:
            ids = [row[0] for row in session.connection().exec_driver_sql("SELECT id FROM records")]
        shown = {record_id: row_from_summary(s) for record_id, s in library.records.summaries(ids).items()}
        assert len(shown) == 12 and checked == []
        whole = {record_id: row_from_record(record) for record_id, record in library.records.get_many(ids).items()}
    assert shown == whole


@pytest.mark.parametrize("change", [
    "UPDATE records SET access_level = 'public' WHERE id = ?",
    "UPDATE records SET access_sharing = 'none' WHERE id = ?",
    "UPDATE records SET community = 'Elsewhere' WHERE id = ?",
    "UPDATE records SET sealed = (SELECT sealed FROM records AS other WHERE other.access_level = 'community' "
    "AND other.id != records.id LIMIT 1) WHERE id = ?",
], ids=["made-public", "sharing-changed", "community-moved", "seal-swapped"])
def test_a_sealed_row_an_import_wrote_and_changed_outside_kmdesk_is_refused(folder, change):
    """The tag an import left for a sealed row is over its very values: a row changed by
    sqlite3, triggers dropped, in its access block or its seal has no tag and is checked whole."""
    with Library.open(folder, create=False) as library:
        target = next(record_id for record_id, row in _rows(library)[0].items() if row.access == "community")
    on_the_file(folder, change, params=(target,))
    with Library.open(folder, create=False) as library:
        library.unlock("Keeper", KEEPER_PASSPHRASE)
        shown = library.records.summaries([target])
        assert shown[target]["sealed"] and not shown[target]["title"] and shown[target]["consent"] == "none"
        assert target in library.records.quarantine
