"""A page of the window's list is read with a constant number of SQL statements, whatever its
size: the rows, their record keys, their consent events and what checks those are each read
once for the whole page (it was two or three statements a row: some 100 for a page, 40 ms a
keystroke). The consent states read so must be those read one record at a time."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import open_as_custodian
from sqlalchemy import event

from kmdesk.core.store.library import Library
from kmdesk.core.trust import consent
from kmdesk.gui.library_model import read_page
from tests.conftest import KEEPER_PASSPHRASE

SIZES = (20, 200)
MAX_STATEMENTS = 8  # a few reads per page: rows, record keys, protocols, library key, consent events, signers


def _consents(i: int) -> list[dict[str, Any]]:
    """No consent, valid, expired, withdrawn or expiring soon, in turn."""
    soon = (date.today() + timedelta(days=10)).isoformat()
    grant = {"granted_by": "Ayllu assembly", "scope": ["share_chm"], "given_on": "2020-01-10"}
    return [[], [grant], [{**grant, "expires_on": "2021-01-10"}],
            [{**grant, "withdrawn_on": "2022-03-01", "withdrawn_by": "Ayllu assembly"}],
            [{**grant, "expires_on": soon}]][i % 5]


def _access(i: int) -> dict[str, Any]:
    """Public records, community ones (sealed) and a few sacred ones (hidden when locked)."""
    if i % 7 == 0:
        return {"access": {"level": "community"}, "community": "Ayllu Chawaytire"}
    if i % 7 == 1:
        return {"access": {"level": "sacred", "custodians": ["Keeper"]}, "community": "Ayllu Chawaytire"}
    return {"access": {"level": "public"}}


def _build(folder: Path, size: int) -> list[str]:
    with open_as_custodian(folder) as library:
        library.access.add_community("Ayllu Chawaytire", "pe")
        items = [{"type": "practice", "title": {"en": f"Seed terrace {i}"}, "consents": _consents(i), **_access(i)}
                 for i in range(size)]
        outcomes = library.imports.records(items)
        assert {o.status for o in outcomes} == {"imported"}
        return [o.id for o in outcomes]


@pytest.fixture(scope="module")
def libraries(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, list[str]]]:
    """A library of each size (built once: signing each consent takes a while)."""
    out = {}
    for size in SIZES:
        folder = tmp_path_factory.mktemp(f"page{size}") / "lib"
        out[size] = (folder, _build(folder, size))
    return out


@contextmanager
def _opened(folder: Path, unlocked: bool) -> Iterator[Library]:
    with Library.open(folder, create=False) as library:
        if unlocked:
            library.unlock("Keeper", KEEPER_PASSPHRASE)
        yield library


@contextmanager
def _counted(library: Library) -> Iterator[list[str]]:
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(library.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(library.engine, "before_cursor_execute", seen)


def _state_one_by_one(library: Library, record_id: str) -> str:
    """The consent state as read before pages were read at once: one record's consent events."""
    return consent.consent_state(library.consent.of(record_id), date.today()).value


@pytest.mark.parametrize("unlocked", [True, False], ids=["unlocked", "locked"])
def test_a_page_of_records_costs_the_same_statements_at_any_size(libraries, unlocked):
    counts = {}
    for size, (folder, ids) in libraries.items():
        with _opened(folder, unlocked) as library:
            library.index.search("seed")  # the index opened and checked: not part of a page's reads
            with _counted(library) as statements:
                records = library.records.get_many(ids)
            counts[size] = len(statements)
            assert len(records) == (size if unlocked else sum(1 for i in range(size) if i % 7 != 1))
            for record_id, record in records.items():
                assert record == library.records.get(record_id)
                assert consent.consent_state(record["consents"], date.today()).value == _state_one_by_one(library, record_id)
            states = {consent.consent_state(r["consents"], date.today()).value for r in records.values()}
            assert states == {"none", "valid", "expired", "withdrawn", "expiring_soon"}
            assert any(r.get("sealed") for r in records.values()) is not unlocked
    assert counts[SIZES[0]] == counts[SIZES[1]] <= MAX_STATEMENTS, counts


@pytest.mark.parametrize("unlocked", [True, False], ids=["unlocked", "locked"])
def test_the_windows_page_reads_consent_states_with_constant_statements(libraries, unlocked):
    """``read_page`` as the window calls it (a page as large as the library), its rows' consent
    states equal to those read one record at a time."""
    counts = {}
    for size, (folder, _ids) in libraries.items():
        with _opened(folder, unlocked) as library:
            library.index.search("seed")
            with _counted(library) as statements:
                results, rows = read_page(library, "seed terrace", 1, size)
            counts[size] = len(statements)
            assert len(rows) == results.total > 0
            assert {row.consent for row in rows} == {"none", "valid", "expired", "withdrawn", "expiring_soon"}
            for row in rows:
                assert row.consent == _state_one_by_one(library, row.id)
    assert counts[SIZES[0]] == counts[SIZES[1]] <= MAX_STATEMENTS, counts
