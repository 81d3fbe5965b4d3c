"""Faults a sync meets on real machines: the hub's server down or stopped in the middle, and the
syncing process killed (SIGKILL, no clean-up) while staging, pushing or pulling. Each time both
sides stay consistent, the next sync resumes, and nothing is lost or sent twice."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hub_support import PASS, device, join, new_hub, public, reopen, restricted, sync, template

from kmdesk.cli import main
from kmdesk.core.hub import device as hub_device
from kmdesk.core.hub import server
from kmdesk.core.hub import sync as hub_sync
from kmdesk.core.hub.errors import CopiedLibrary, HubUnavailable

RECORDS = 120  # with their history rows: 240 changes, several batches of SMALL_BATCH
SMALL_BATCH = 40

CHILD = """
import os, signal, sys
from kmdesk.core.hub import apply_records, server, stage, sync
from kmdesk.core.store.library import Library

where, point, after = sys.argv[1], sys.argv[2], int(sys.argv[3])
sync.PUSH_BATCH = sync.PULL_BATCH = {batch}
calls = {{"n": 0}}

def dying(original):
    def call(*args, **kwargs):
        calls["n"] += 1
        if point.endswith("-before") and calls["n"] > after:
            os.kill(os.getpid(), signal.SIGKILL)
        result = original(*args, **kwargs)
        if calls["n"] > after:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return call

target = {{"push": (server.Hub, "push"), "pull": (server.Hub, "pull"), "stage": (stage.Staging, "_emit"),
          "apply": (apply_records.RecordApplier, "apply")}}.get(point.removesuffix("-before"))
if target:
    setattr(target[0], target[1], dying(getattr(target[0], target[1])))
library = Library.open(where)
library.unlock("Keeper", {password!r})
sync.sync(library)
"""


@pytest.fixture
def two(tmp_path: Path, pg_server, monkeypatch):
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    hub = new_hub(pg_server)
    base = template(tmp_path / "template")
    a, b = device(tmp_path / "a", base), device(tmp_path / "b", base)
    join(a, hub, "laptop_a")
    join(b, hub, "laptop_b")
    yield hub, a, b, tmp_path
    a.close()
    b.close()
    if not pg_server.running():
        pg_server.start()


def _fill(library, count: int = RECORDS) -> list[str]:
    items = [public(f"Field note {n}") if n % 3 else restricted(f"Healer's note {n}") for n in range(count)]
    return [outcome.id for outcome in library.imports.records(items)]


def _child(folder: Path, point: str, after: int) -> int:
    script = folder.parent / "child.py"
    script.write_text(CHILD.format(batch=SMALL_BATCH, password=PASS), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(folder), point, str(after)], env=os.environ.copy(),
                          capture_output=True, text=True, timeout=300)
    return done.returncode


def _consistent(hub, a, b, ids: list[str]) -> None:
    """Both libraries hold every record, the hub holds each change once, nothing waits."""
    for _ in range(2):
        sync(a)
        sync(b)
    for library in (a, b):
        assert {r["id"] for r in library.records.iter_all()} >= set(ids)
        assert library.integrity().damaged == []
        state = hub_device.status(library)
        assert state["pending"] == 0 and state["awaiting_hub"] == 0 and state["hub_seq_seen"] == state["hub_seq"]
    per_record = hub.query("SELECT key, count(*) FROM kmdesk_hub.changes WHERE kind = 'record' GROUP BY key")
    assert {key for key, _n in per_record} == set(ids) and all(n == 1 for _key, n in per_record)
    assert hub.query("SELECT count(*) FROM kmdesk_hub.changes WHERE kind = 'history'") == [(len(ids),)]
    assert b.records.get(ids[1])["title"] == {"en": "Field note 1"} and b.records.get(ids[0])["title"] == {"en": "Healer's note 0"}


@pytest.mark.parametrize(("point", "after"), [("stage", 30), ("push", 1), ("push-before", 2)])
def test_a_push_killed_at_any_point_resumes_without_loss_or_duplicates(two, point, after):
    hub, a, b, tmp_path = two
    ids = _fill(a)
    a.close()
    assert _child(tmp_path / "a", point, after) == -signal.SIGKILL
    a2 = reopen(tmp_path / "a")  # the same folder, as the next start opens it
    try:
        _consistent(hub, a2, b, ids)
    finally:
        a2.close()


@pytest.mark.parametrize(("point", "after"), [("pull", 2), ("apply-before", 70)])
def test_a_pull_killed_at_any_point_resumes_without_loss(two, point, after):
    hub, a, b, tmp_path = two
    ids = _fill(a)
    sync(a)
    b.close()
    assert _child(tmp_path / "b", point, after) == -signal.SIGKILL
    b2 = reopen(tmp_path / "b")
    try:
        _consistent(hub, a, b2, ids)
    finally:
        b2.close()


def test_syncs_killed_at_random_moments_converge(two):
    hub, a, b, tmp_path = two
    ids = _fill(a, 300)
    a.close()
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(batch=SMALL_BATCH, password=PASS), encoding="utf-8")
    randomly = random.Random(28)
    codes = []
    for _ in range(4):
        child = subprocess.Popen([sys.executable, str(script), str(tmp_path / "a"), "none", "0"], env=os.environ.copy(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(randomly.uniform(0.5, 2.5))
        child.send_signal(signal.SIGKILL)
        codes.append(child.wait(timeout=60))
    assert -signal.SIGKILL in codes  # at least one was cut short
    a2 = reopen(tmp_path / "a")
    try:
        _consistent(hub, a2, b, ids)
    finally:
        a2.close()


def test_hub_down_sync_says_so_and_the_library_works_on(two, pg_server, capsys, monkeypatch):
    hub, a, b, tmp_path = two
    record = a.records.add(public("Written while the hub was down"))
    pg_server.stop()
    try:
        with pytest.raises(HubUnavailable) as caught:
            sync(a)
        assert "cannot be reached" in str(caught.value) and "nothing was lost" in str(caught.value)
        assert hub_device.status(a)["reachable"] is False
        assert hub_device.status(a)["last_error"].startswith("the hub at")
        a.records.update(record["id"], {"summary": {"en": "and edited too"}})  # the library works on
        monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
        a.close()
        code = main(["--data-dir", str(tmp_path / "a"), "hub", "sync", "--profile", "Keeper"])
        assert code == 3 and "cannot be reached" in capsys.readouterr().err
    finally:
        pg_server.start()
    a2 = reopen(tmp_path / "a")
    try:
        sync(a2)
        sync(b)
        assert b.records.get(record["id"])["summary"] == {"en": "and edited too"}
    finally:
        a2.close()


def test_the_server_stopped_in_the_middle_of_a_pull(two, pg_server, monkeypatch):
    hub, a, b, _tmp = two
    ids = _fill(a)
    sync(a)
    monkeypatch.setattr(hub_sync, "PULL_BATCH", SMALL_BATCH)
    calls = {"n": 0}
    original = server.Hub.pull

    def stopping(self, after, limit):
        calls["n"] += 1
        if calls["n"] == 3:
            pg_server.stop("immediate")
        return original(self, after, limit)

    monkeypatch.setattr(server.Hub, "pull", stopping)
    with pytest.raises(HubUnavailable):
        sync(b)
    seen = hub_device.status(b)["hub_seq_seen"]
    assert 0 < seen < len(ids) * 2
    pg_server.start()
    monkeypatch.setattr(server.Hub, "pull", original)
    _consistent(hub, a, b, ids)


def test_a_hub_restored_from_an_older_backup_is_noticed_and_made_whole(two):
    hub, a, b, _tmp = two
    first = a.records.add(public("Before the backup"))
    sync(a)
    sync(b)
    [(backup_seq,)] = hub.query("SELECT max(hub_seq) FROM kmdesk_hub.changes")
    second = a.records.add(public("After the backup"))
    sync(a)
    sync(b)
    hub.execute("DELETE FROM kmdesk_hub.changes WHERE hub_seq > %s", (backup_seq,))  # what a restore loses
    report = sync(b)
    assert any("the hub went back in time" in line for line in report.warnings)
    sync(a)
    sync(b)
    keys = {key for (key,) in hub.query("SELECT key FROM kmdesk_hub.changes WHERE kind = 'record'")}
    assert {first["id"], second["id"]} <= keys
    for library in (a, b):
        assert {first["id"], second["id"]} <= {r["id"] for r in library.records.iter_all()}
        assert hub_device.status(library)["warnings"] == []


def test_a_library_restored_from_an_older_copy_is_told_and_gets_its_changes_back(two):
    hub, a, b, tmp_path = two
    b.close()
    shutil.copytree(tmp_path / "b", tmp_path / "b-old")
    b = reopen(tmp_path / "b")
    record = b.records.add(public("Written on b"))
    sync(b)
    b.close()
    shutil.rmtree(tmp_path / "b")
    shutil.copytree(tmp_path / "b-old", tmp_path / "b")  # restored into its place: the same device, back in time
    old = reopen(tmp_path / "b")
    try:
        assert record["id"] not in {r["id"] for r in old.records.iter_all()}
        report = sync(old)
        assert any("this library went back in time" in line for line in report.warnings)
        assert old.records.get(record["id"])["title"] == {"en": "Written on b"}
        later = old.records.add(public("Written after the restore"))
        sync(old)
        sync(a)
        assert a.records.get(later["id"])["title"] == {"en": "Written after the restore"}
    finally:
        old.close()


def test_a_copy_on_the_same_machine_joins_again_as_a_device_of_its_own(two):
    """Two copies of one library on one machine share the state folder (and so the first one's
    password file): the copy must not sync as the same device, whose sequence numbers the hub
    takes once (the second library's changes would be dropped as already held)."""
    hub, a, b, tmp_path = two
    sync(a)
    first = hub_device.joined(a).device_id
    a.close()
    copy = device(tmp_path / "a-copy", tmp_path / "a")
    try:
        on_copy = copy.records.add(public("Written on the copy"))
        with pytest.raises(CopiedLibrary) as caught:
            sync(copy)
        assert str(tmp_path / "a") in str(caught.value) and "Join the hub again" in str(caught.value)
        assert any("is a copy of the one at" in line for line in hub_device.status(copy)["warnings"])
        again = hub_device.join(copy, server.add_device(hub.admin_url, "laptop_a_copy"), label="laptop_a_copy")
        assert again["new_device"] is True and again["device"] != first
        a = reopen(tmp_path / "a")
        on_original = a.records.add(public("Written on the original"))
        for library in (copy, a, copy, b):
            sync(library)
        assert hub_device.joined(a).device_id == first  # the original is still the device it was
        for library in (a, b, copy):
            assert {on_copy["id"], on_original["id"]} <= {r["id"] for r in library.records.iter_all()}
            assert hub_device.status(library)["warnings"] == []
        assert hub.query("SELECT count(*) > 0 FROM kmdesk_hub.changes WHERE device_id = %s", (again["device"],)) == [(True,)]
    finally:
        copy.close()
        a.close()


def test_a_library_moved_to_another_folder_stays_the_same_device(two):
    hub, a, b, tmp_path = two
    sync(a)
    first = hub_device.joined(a).device_id
    a.close()
    shutil.move(tmp_path / "a", tmp_path / "a-moved")
    moved = reopen(tmp_path / "a-moved")
    try:
        record = moved.records.add(public("Written after the move"))
        sync(moved)
        sync(b)
        assert hub_device.joined(moved).device_id == first
        assert b.records.get(record["id"])["title"] == {"en": "Written after the move"}
    finally:
        moved.close()
        shutil.move(tmp_path / "a-moved", tmp_path / "a")  # where the fixture closes it
