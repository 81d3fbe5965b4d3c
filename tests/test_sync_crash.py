"""``kmdesk sync`` killed with SIGKILL at random points, over and over, with edits between runs:
after a last, undisturbed sync the server and the store agree and nothing was duplicated."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from conftest import open_as_custodian

from kmdesk.core.chm.demo import CHM_TARGET, add_reference_targets
from kmdesk.core.store.library import Library
from kmdesk.refserver.server import RefServer

PASS = "crash custodian passphrase"
RECORDS = 20
RUNS = 10
RUN_TIMEOUT_S = 60  # a bound on the final, undisturbed run

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")


def kmdesk(data_dir, *args):
    env = {**os.environ, "KMDESK_PASSPHRASE": PASS}
    return subprocess.Popen([sys.executable, "-m", "kmdesk.cli", "--data-dir", str(data_dir), *args, "--profile", "Keeper"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_killed_sync_runs_leave_server_and_store_in_agreement(tmp_path):
    rng = random.Random(2024)
    data_dir = tmp_path / "lib"
    with RefServer(seed=3).start() as server:
        with open_as_custodian(data_dir, PASS) as library:
            add_reference_targets(library, server.url, bioland=None)
            ids = [library.records.add({"type": "resource", "title": {"en": f"Guide {n}"}, "summary": {"en": "v0"},
                                        "creators": ["Amina"]})["id"] for n in range(RECORDS)]
            library.sync.share(ids, CHM_TARGET)
        server.control("delay", seconds=0.01)  # each call takes a little while: kills land mid-request too
        killed = 0
        for run in range(RUNS):
            before = server.state.calls
            kill_after = rng.randint(1, 12)  # the kill lands after a random number of calls reached the server
            proc = kmdesk(data_dir, "sync", "--target", CHM_TARGET, "--max-wait", "5")
            deadline = time.monotonic() + 20
            while proc.poll() is None and server.state.calls - before < kill_after and time.monotonic() < deadline:
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.01))
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                killed += 1
            proc.communicate(timeout=30)
            with Library.open(data_dir) as library:  # the store opens consistent after every kill
                library.unlock("Keeper", PASS)
                for record_id in rng.sample(ids, 6):
                    library.records.update(record_id, {"summary": {"en": f"v{run + 1}"}})
                if run == RUNS // 2:
                    library.sync.unshare(ids[:2], CHM_TARGET)  # some retractions in the mix
        assert killed >= RUNS // 2, "the kills must actually interrupt runs"

        server.control("delay", seconds=0.0)
        final = kmdesk(data_dir, "sync", "--target", CHM_TARGET, "--json")
        out, err = final.communicate(timeout=RUN_TIMEOUT_S)
        assert final.returncode == 0, err.decode()

        with Library.open(data_dir) as library:
            library.unlock("Keeper", PASS)
            assert library.sync.entries(CHM_TARGET) == []
            documents = server.documents()
            assert set(documents) == set(ids[2:])
            for record_id in ids[2:]:
                record = library.records.get(record_id)
                assert documents[record_id]["document"]["summary"] == record["summary"]
                state = library.sync.states(record_id)[0]
                assert state["status"] == "sent" and state["pushed_revision"] == record["revision"]
            for record_id in ids[:2]:
                assert library.sync.states(record_id)[0]["status"] == "retracted"
            assert library.check().ok
        assert all(count == 1 for record_id, count in server.created().items() if record_id in ids[2:])
