"""The outbox follows every change in the same transaction, and the runner drains it honestly.

These tests use an in-process fake target so they pin the store's side; the end-to-end tests
against the reference server over HTTP are in test_sync_e2e.py.
"""

from __future__ import annotations

import random

import pytest
from conftest import open_as_custodian

from kmdesk.core.chm.errors import RecordRejected, TransientError
from kmdesk.core.chm.runner import Backoff, run_sync
from kmdesk.core.store.library import Library

PASS = "outbox custodian passphrase"


class FakeTarget:
    def __init__(self, fail=None):
        self.docs: dict[str, dict] = {}
        self.calls: list[tuple[str, str]] = []
        self.fail = fail or (lambda op, rid: None)

    def push(self, record):
        self.calls.append(("push", record["id"]))
        error = self.fail("push", record["id"])
        if error:
            raise error
        self.docs[record["id"]] = record

        class Result:
            revision = str(record["revision"])
            via = "workflow"
        return Result()

    def retract(self, identifier):
        self.calls.append(("retract", identifier))
        error = self.fail("retract", identifier)
        if error:
            raise error
        self.docs.pop(identifier, None)


@pytest.fixture
def lib(tmp_path):
    library = open_as_custodian(tmp_path / "lib", PASS)
    library.access.add_community("Kalinago Territory", "dm")
    library.sync.add_target("chm", "chm", "http://127.0.0.1:9/", settings={"country": "dm"})
    yield library
    library.close()


def consented(lib, **extra):
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Larouma basket weaving"}, "community": "Kalinago Territory",
                              "access": {"level": "public"}, **extra})
    lib.consent.grant(record["id"], {"granted_by": "Kalinago Council", "scope": ["share_chm", "publish_open"], "given_on": "2025-05-01"})
    return record


def sync(lib, target, **kw):
    return run_sync(lib, "chm", client=target, sleep=lambda s: None, backoff=Backoff(base=0.0), **kw)


def test_only_selected_eligible_records_are_queued(lib):
    ok = consented(lib)
    no_consent = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Canoe building"}, "community": "Kalinago Territory",
                                  "access": {"level": "public"}})
    community = lib.records.add({"type": "practice", "title": {"en": "Cassava bread"}, "community": "Kalinago Territory",
                                 "access": {"level": "community"}})
    lib.sync.share([ok["id"], no_consent["id"], community["id"]])
    assert [e.record_id for e in lib.sync.entries()] == [ok["id"]]
    reasons = {r["code"] for r in lib.sync.eligibility(no_consent["id"], "chm")["chm"]["reasons"]}
    assert "needs_consent" in reasons
    target = FakeTarget()
    report = sync(lib, target)
    assert report.pushed == 1 and report.remaining == 0
    assert set(target.docs) == {ok["id"]}
    assert lib.sync.states(ok["id"])[0]["status"] == "sent"


def test_edit_queues_update_and_withdrawal_retracts(lib):
    record = consented(lib)
    lib.sync.share([record["id"]])
    target = FakeTarget()
    sync(lib, target)
    lib.records.update(record["id"], {"summary": {"en": "Woven from larouma reed"}})
    assert [e.op for e in lib.sync.entries()] == ["push"]
    sync(lib, target)
    assert target.docs[record["id"]]["summary"] == {"en": "Woven from larouma reed"}
    lib.consent.withdraw(record["id"], by="Kalinago Council", reason="under review")
    assert [e.op for e in lib.sync.entries()] == ["retract"]
    sync(lib, target)
    assert target.docs == {}
    assert lib.sync.states(record["id"])[0]["status"] == "retracted"
    assert any(e["action"] == "sync_retracted" for e in lib.audit.events())


def test_unshare_access_change_and_delete_retract(lib):
    a, b, c = consented(lib), consented(lib), consented(lib)
    lib.sync.share([a["id"], b["id"], c["id"]])
    target = FakeTarget()
    sync(lib, target)
    assert len(target.docs) == 3
    lib.sync.unshare([a["id"]])
    lib.records.update(b["id"], {"access": {"level": "community"}})
    lib.records.delete(c["id"])
    assert sorted(e.op for e in lib.sync.entries()) == ["retract"] * 3
    sync(lib, target)
    assert target.docs == {}


def test_rejection_is_the_records_problem_and_transient_errors_retry(lib):
    bad, flaky = consented(lib), consented(lib)
    lib.sync.share([bad["id"], flaky["id"]])
    failures = {"flaky": 2}

    def fail(op, rid):
        if rid == bad["id"]:
            return RecordRejected([{"code": "Error.Mandatory", "property": "authors"}])
        if rid == flaky["id"] and failures["flaky"]:
            failures["flaky"] -= 1
            return TransientError("503 from the CHM", retry_after=0.0)
        return None

    target = FakeTarget(fail)
    report = sync(lib, target)
    assert report.rejected == 1 and report.pushed == 1 and report.remaining == 0
    state = lib.sync.states(bad["id"])[0]
    assert state["status"] == "failed" and "authors" in state["message"]
    assert target.calls.count(("push", bad["id"])) == 1  # not retried blindly
    lib.records.update(bad["id"], {"creators": [{"name": "Sylvanie Burton", "role": "author"}]})
    assert [e.record_id for e in lib.sync.entries()] == [bad["id"]]


def test_consent_expired_while_offline_is_rechecked_at_send_time(lib):
    record = lib.records.add({"type": "traditional_knowledge", "title": {"en": "Medicinal bush tea"}, "community": "Kalinago Territory",
                              "access": {"level": "public"}})
    lib.consent.grant(record["id"], {"granted_by": "Council", "scope": ["share_chm"], "given_on": "2020-01-01", "expires_on": "2020-12-31"})
    lib.sync.share([record["id"]])
    assert lib.sync.entries() == []  # expired already: nothing to push
    reasons = {r["code"] for r in lib.sync.eligibility(record["id"], "chm")["chm"]["reasons"]}
    assert "consent_expired" in reasons


def test_outbox_survives_reopen(tmp_path, lib):
    record = consented(lib)
    lib.sync.share([record["id"]])
    lib.close()
    with Library.open(tmp_path / "lib") as again:
        assert [e.record_id for e in again.sync.entries()] == [record["id"]]


def test_backoff_grows_with_jitter_and_honours_retry_after():
    backoff = Backoff(base=1.0, cap=60.0, rng=random.Random(3))
    delays = [backoff.delay(n, None) for n in range(8)]
    assert all(0 <= d <= min(60, 2 ** n) for n, d in enumerate(delays))
    assert backoff.delay(0, 30.0) >= 30.0
