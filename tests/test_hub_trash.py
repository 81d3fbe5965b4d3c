"""Deletions replicate as tombstones into each device's trash (issue 28), and a restore on one
device replicates as the record coming back, its row as its writer signed it, on every device."""

from __future__ import annotations

from pathlib import Path

import pytest
from hub_support import device, join, new_hub, public, restricted, sync, template


@pytest.fixture
def devices(tmp_path: Path, pg_server, monkeypatch):
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    hub = new_hub(pg_server)
    base = template(tmp_path / "template")
    libraries = [device(tmp_path / name, base) for name in ("a", "b", "c")]
    for library, name in zip(libraries, ("laptop_a", "laptop_b", "laptop_c"), strict=True):
        join(library, hub, name)
    yield libraries
    for library in libraries:
        library.close()


def converge(libraries) -> None:
    for _ in range(2):
        for library in libraries:
            sync(library)


def test_a_deletion_lands_in_every_trash_and_a_restore_brings_it_back_everywhere(devices):
    a, b, c = devices
    plain = a.records.add(public("Old seed notice"))
    secret = a.records.add(restricted("Healing plant preparation", body={"en": "steep the leaves"}))
    converge([a, b, c])

    c.records.delete(plain["id"])
    c.records.delete(secret["id"])
    converge([a, b, c])
    for library in (a, b, c):
        assert {item["id"] for item in library.trash.entries()} == {plain["id"], secret["id"]}
        assert plain["id"] not in {r["id"] for r in library.records.iter_all()}
        assert library.index.search("seed").total == 0
    assert {item["deleted_by"] for item in a.trash.entries()} == {"Keeper"}

    b.trash.restore(secret["id"])  # restored on one device
    converge([a, b, c])
    for library in (a, b, c):
        assert library.records.get(secret["id"])["body"] == {"en": "steep the leaves"}
        assert [item["id"] for item in library.trash.entries()] == [plain["id"]]
        found = library.integrity()
        assert found.damaged == [] and found.rows == []

    a.trash.empty(plain["id"])  # emptying is this device's own: the others keep theirs
    converge([a, b, c])
    assert a.trash.entries() == [] and [item["id"] for item in c.trash.entries()] == [plain["id"]]
