"""Measure sync: ``python bench/sync_bench.py [N]`` (default 1000) pushes N consented, public
records to the reference server on 127.0.0.1 and prints records/s for each target kind, plus
HTTP calls per record, and the rate for a second run where every record was edited (updates).

The reference server runs in this process on its own threads, so the figure is the client's
whole path (store reads, mapping, validation, HTTP, outbox and audit writes) plus a local
server's answer time: an upper bound for a real, distant CHM, where latency dominates.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kmdesk.core.store import Library
from kmdesk.core.sync.demo import BIOLAND_TARGET, CHM_TARGET, add_reference_targets
from kmdesk.core.sync.refserver import RefServer
from kmdesk.core.sync.runner import run_sync

PASS = "bench custodian passphrase"


def records(n: int) -> list[dict]:
    return [{"type": "resource", "resource_kind": "guide", "title": {"en": f"Community seed bank guide {i}", "es": f"Guía {i}"},
             "summary": {"en": "How to set up and run a community seed bank, " * 8}, "creators": [{"name": "Ana Ruiz", "role": "author"}],
             "countries": ["pe"], "gbf_targets": [4, 13], "date": "2024-05"} for i in range(n)]


def measure(library: Library, server: RefServer, target: str, ids: list[str]) -> tuple[float, float]:
    calls = server.state.calls
    start = time.perf_counter()
    report = run_sync(library, target)
    elapsed = time.perf_counter() - start
    assert report.pushed == len(ids) and report.remaining == 0, report.as_dict()
    return len(ids) / elapsed, (server.state.calls - calls) / len(ids)


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, RefServer().start() as server:
        with Library.open(Path(tmp) / "lib") as library:
            library.create_profile("Keeper", PASS, ["custodian"])
            library.unlock("Keeper", PASS)
            add_reference_targets(library, server.url)
            library.import_records(records(n))
            ids = [r["id"] for r in library.iter_records()]
            for target in (CHM_TARGET, BIOLAND_TARGET):
                library.share(ids, target)
                rate, per = measure(library, server, target, ids)
                print(f"{target}: {n} records pushed: {rate:.1f} records/s ({per:.2f} HTTP calls per record)")
            for record_id in ids:
                library.update(record_id, {"summary": {"en": "Edited: how to run a community seed bank."}})
            for target in (CHM_TARGET, BIOLAND_TARGET):
                rate, per = measure(library, server, target, ids)
                print(f"{target}: {n} records updated: {rate:.1f} records/s ({per:.2f} HTTP calls per record)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
