"""Row signatures that passed are remembered across runs outside the library's folder
(``trust.verified``): a second run shows the same rows without checking their signatures again,
and a row changed after its signature was remembered is still refused and named. Nothing in the
data folder, nor a damaged or foreign memory, can make a changed row pass."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import on_the_file, open_as_custodian

from kmdesk.core import paths
from kmdesk.core.store.library import Library
from kmdesk.core.trust import signatures, verified
from tests.conftest import KEEPER_PASSPHRASE, SAMPLE_RECORDS


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with open_as_custodian(tmp_path / "lib") as library:
        assert {o.status for o in library.imports.records(SAMPLE_RECORDS)} == {"imported"}
    return tmp_path / "lib"


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """The messages of the record rows whose Ed25519 signature is checked (the real check runs)."""
    seen: list[bytes] = []
    real: Callable[..., bool] = signatures.verify

    def counted(public_key: Any, signature: Any, message: bytes) -> bool:
        if message.startswith(b"kmdesk/v1/row\n") and b'"table":"records"' in message:
            seen.append(message)
        return real(public_key, signature, message)
    monkeypatch.setattr(signatures, "verify", counted)
    yield seen


def _shown(folder: Path, unlock: bool = True) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """(the list's rows of every record, the quarantine) in a run of its own."""
    with Library.open(folder, create=False) as library:
        if unlock:
            library.unlock("Keeper", KEEPER_PASSPHRASE)
        with library.reading() as session:
            ids = [row[0] for row in session.connection().exec_driver_sql("SELECT id FROM records")]
        return library.records.summaries(ids), dict(library.records.quarantine)




def _memory() -> list[Path]:
    return sorted((paths.state_dir() / "verified").iterdir())


def test_rows_signed_here_are_not_checked_again_at_their_first_read(folder, checks):
    shown, quarantine = _shown(folder)  # the import signed them in another run
    assert len(shown) == len(SAMPLE_RECORDS) and not quarantine
    assert checks == []


def test_a_second_run_shows_the_rows_without_checking_their_signatures_again(folder, checks):
    shutil.rmtree(paths.state_dir() / "verified")  # as on a machine that never saw the library
    first, _ = _shown(folder)
    assert len(checks) == len(SAMPLE_RECORDS)
    checks.clear()
    again, quarantine = _shown(folder, unlock=False)  # locked too: a tag holds whoever reads
    assert again == first and not quarantine
    assert checks == []
    key, tags = _memory()
    assert key.suffix == ".key" and tags.suffix == ".tags"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(tags.stat().st_mode) == 0o600
    # per row, written once: its signature's tag, and the list's tag of the row found whole
    assert tags.stat().st_size == 2 * verified.TAG * len(SAMPLE_RECORDS)


def test_a_row_changed_after_its_signature_was_remembered_is_refused_and_named(folder, checks):
    first, _ = _shown(folder)
    target = next(record_id for record_id, row in first.items() if row["date"] == "2019-06")
    # the signature kept, one signed value changed: only the whole row's check can tell
    on_the_file(folder, "UPDATE records SET date = '1999' WHERE id = ?", params=(target,))
    checks.clear()
    after, quarantine = _shown(folder)
    assert [m for m in checks if target.encode() in m]  # checked in full, the others not
    assert len(checks) == 1
    assert after[target]["sealed"] and after[target]["consent"] == "none"
    assert quarantine[target].startswith(f"record {target} does not match its signature")
    assert all(not row["sealed"] for record_id, row in after.items() if record_id != target)


def test_no_memory_written_without_the_secret_makes_a_changed_row_pass(folder):
    first, _ = _shown(folder)
    target = next(iter(first))
    key, tags = _memory()
    on_the_file(folder, "UPDATE records SET date = '1999' WHERE id = ?", params=(target,))
    with sqlite3.connect(folder / "library.db") as connection:
        row = connection.execute("SELECT row_sig FROM records WHERE id = ?", (target,)).fetchone()
    connection.close()
    # tags an attacker could make: plain digests, and tags under a secret of their own
    forged = hashlib.sha256(bytes(row[0])).digest()[:verified.TAG]
    tags.write_bytes(tags.read_bytes() + forged + os.urandom(verified.TAG * 50) + b"odd")
    _, quarantine = _shown(folder)
    assert "does not match its signature" in quarantine[target]
    key.write_bytes(os.urandom(verified.SECRET))  # a secret swapped: every old tag means nothing
    _, quarantine = _shown(folder)
    assert "does not match its signature" in quarantine[target] and len(quarantine) == 1


def test_a_damaged_or_unwritable_memory_only_costs_the_checks(folder, checks, monkeypatch):
    first, _ = _shown(folder)
    key, tags = _memory()[:2]
    key.write_bytes(b"short")
    tags.write_bytes(os.urandom(1000))
    checks.clear()
    again, quarantine = _shown(folder)
    assert again == first and not quarantine and len(checks) == len(SAMPLE_RECORDS)
    monkeypatch.setenv("KMDESK_STATE_DIR", str(folder / "library.db"))  # a file: nothing can be made under it
    checks.clear()
    again, quarantine = _shown(folder)
    assert again == first and not quarantine and len(checks) == len(SAMPLE_RECORDS)


def test_a_sealed_row_is_checked_once_when_it_is_opened(keeper, monkeypatch):
    """Opening a sealed row checked it twice (``reads.opened``, then ``open_row`` again): a
    quarter of the cost of a page's sealed rows. Each opening checks it once."""
    from kmdesk.core.trust import reads

    sealed = [keeper.records.add({"type": "practice", "title": {"en": f"Healing plant {i}"},
                                  "access": {"level": "restricted", "protocols": ["Healers"]}})["id"] for i in range(3)]
    asked: list[str] = []
    real = reads.record_problem

    def counted(row: Any, verifier: Any) -> str | None:
        asked.append(row.id)
        return real(row, verifier)
    monkeypatch.setattr(reads, "record_problem", counted)
    for record_id in sealed:
        asked.clear()
        record = keeper.records.get(record_id)
        assert not record["sealed"] and record["title"]["en"].startswith("Healing plant") and asked == [record_id]
    asked.clear()
    assert all(not row["sealed"] for row in keeper.records.summaries(sealed).values())
    assert sorted(asked) == sorted(sealed)


def test_many_remembered_checks_are_all_known_again_and_held_in_a_few_bytes_each(tmp_path: Path,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A 100,000-record import remembers three checks a record: they stay known through the
    merges of the newest into the sorted array and after a reload, others stay unknown, and
    memory holds each in about 8 bytes, not a set's 90 (issue 25: an import's peak memory)."""
    import tracemalloc
    monkeypatch.setattr(verified, "RECENT", 1_000)
    monkeypatch.setattr(paths, "state_dir", lambda: tmp_path / "state")
    parts = [(b"row", str(n).encode()) for n in range(12_345)]
    memory = verified.Verified("library-a")
    tracemalloc.start()
    for part in parts:
        memory.remember(*part)
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held / len(parts) < 30
    assert all(memory.known(*part) for part in parts)
    assert not any(memory.known(b"row", f"other {n}".encode()) for n in range(2_000))
    memory.flush()
    again = verified.Verified("library-a")
    assert all(again.known(*part) for part in parts[::7])
    assert not again.known(b"row", b"never")
    assert not verified.Verified("library-b").known(*parts[0])


def test_checks_remembered_by_many_threads_at_once_are_all_known(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The read pool's threads remember and look up at once while the newest tags are merged
    into the sorted array outside the lock: none is lost, none is known before it is told."""
    from concurrent.futures import ThreadPoolExecutor
    monkeypatch.setattr(verified, "RECENT", 500)
    monkeypatch.setattr(paths, "state_dir", lambda: tmp_path / "state")
    memory = verified.Verified("library-a")

    def work(thread: int) -> list[bytes]:
        missed = []
        for n in range(4_000):
            part = f"{thread}/{n}".encode()
            if memory.known(b"row", part):
                missed.append(b"known before told: " + part)
            memory.remember(b"row", part)
            if not memory.known(b"row", part) or not memory.known(b"row", f"{thread}/{n // 2}".encode()):
                missed.append(part)
        return missed
    with ThreadPoolExecutor(6) as pool:
        assert [m for found in pool.map(work, range(6)) for m in found] == []
    assert all(memory.known(b"row", f"{t}/{n}".encode()) for t in range(6) for n in range(4_000))
