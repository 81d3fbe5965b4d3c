"""Sync through a hostile network: a third of the calls fail at random, some connections drop
after the server applied the request (the lost answer), and every token expires mid-run.
Afterwards every eligible record is on the target exactly once, with its latest content, and
the outbox is empty."""

from __future__ import annotations

import random

import pytest

from kmdesk.core.chm.demo import BIOLAND_TARGET, CHM_TARGET
from kmdesk.core.chm.runner import Backoff, run_sync

PASS = "fault custodian passphrase"
REFSERVER_SEED = 5
RECORDS = 50
MAX_RUNS = 12  # a bound on the whole test: each run is itself bounded in attempts and waiting


@pytest.fixture
def lib(ref_library):
    ref_library.access.add_community("Il Ngwesi", "ke")
    return ref_library


def content(ref_server, target, record_id):
    if target == CHM_TARGET:
        return ref_server.documents()[record_id]["document"]["summary"]["en"]
    return ref_server.nodes()[record_id]["attributes"]["body"]["value"]


def drain(library, ref_server, target, rng):
    """Sync until the outbox is empty, as a field laptop would over several connections."""
    expired = {"done": False}

    def progress(done, _total):
        if done >= 10 and not expired["done"]:
            ref_server.control("expire_tokens")  # every token dies mid-run
            expired["done"] = True

    reports = []
    for _ in range(MAX_RUNS):
        reports.append(run_sync(library, target, progress=progress, sleep=lambda s: None,
                                backoff=Backoff(base=0.001, cap=0.01, rng=rng), max_attempts=10, max_wait=5.0))
        if reports[-1].remaining == 0:
            break
    return reports


@pytest.mark.parametrize("target", [CHM_TARGET, BIOLAND_TARGET])
def test_every_eligible_record_arrives_exactly_once_with_latest_content(lib, ref_server, target):
    rng = random.Random(42)
    records = []
    for n in range(RECORDS):
        record = lib.records.add({"type": "practice", "title": {"en": f"Grazing plan {n}"}, "summary": {"en": f"version 1 of {n}"},
                                  "body": {"en": f"version 1 of {n}"}, "community": "Il Ngwesi", "countries": ["ke"],
                                  "creators": [{"name": "Lekishon", "role": "author"}]})
        lib.consent.grant(record["id"], {"granted_by": "Il Ngwesi council", "scope": ["share_chm"], "given_on": "2025-03-01"})
        records.append(record)
    community_only = lib.records.add({"type": "practice", "title": {"en": "Dry-season reserve"}, "community": "Il Ngwesi",
                                      "access": {"level": "community"}})
    lib.sync.share([r["id"] for r in records] + [community_only["id"]], target)

    ref_server.control("fail_rate", rate=1 / 3, status=503, retry_after=0)
    ref_server.control("drop_rate", rate=0.1)
    first = drain(lib, ref_server, target, rng)
    assert sum(r.pushed for r in first) == RECORDS
    assert all(r.rejected == 0 and r.stopped is None for r in first)

    for record in records[::2]:  # edit half of them, then sync through the same weather
        lib.records.update(record["id"], {"summary": {"en": f"version 2 of {record['title']['en']}"},
                                          "body": {"en": f"version 2 of {record['title']['en']}"}})
    second = drain(lib, ref_server, target, rng)
    assert second[-1].remaining == 0 and lib.sync.entries(target) == []

    remote = ref_server.documents() if target == CHM_TARGET else ref_server.nodes()
    assert set(remote) == {r["id"] for r in records}
    assert set(ref_server.created().values()) == {1}  # never a second document for one record
    for n, record in enumerate(records):
        expected = f"version 2 of Grazing plan {n}" if n % 2 == 0 else f"version 1 of {n}"
        assert content(ref_server, target, record["id"]) == expected
        state = next(s for s in lib.sync.states(record["id"]) if s["target"] == target)
        assert state["status"] == "sent" and state["pushed_revision"] == lib.records.get(record["id"])["revision"]
    assert ref_server.state.calls > 3 * RECORDS  # the weather really was bad: retries happened
