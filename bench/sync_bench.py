"""Measure sync: ``python bench/sync_bench.py [N]`` (default 1000) pushes N consented, public
records to the reference server on 127.0.0.1 and prints records/s for each target kind, plus
HTTP calls per record, and the rate for a second run where every record was edited (updates).
``--pull M`` (default 5000) then pulls M central records of the target's country from the
server's search index into a fresh library (records/s), and a second, incremental pull after a
tenth of them changed.

The reference server runs in this process on its own threads, so the figure is the client's
whole path (store reads, mapping, validation, HTTP, outbox and audit writes) plus a local
server's answer time: an upper bound for a real, distant CHM, where latency dominates.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from kmdesk.core.chm.demo import BIOLAND_TARGET, CHM_TARGET, add_reference_targets
from kmdesk.core.chm.pull import pull
from kmdesk.core.chm.runner import run_sync
from kmdesk.core.store.library import Library
from kmdesk.refserver.index import central_record
from kmdesk.refserver.server import RefServer

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
            library.access.create_profile("Keeper", PASS, ["custodian"])
            library.unlock("Keeper", PASS)
            add_reference_targets(library, server.url)
            library.imports.records(records(n))
            ids = [r["id"] for r in library.records.iter_all()]
            for target in (CHM_TARGET, BIOLAND_TARGET):
                library.sync.share(ids, target)
                rate, per = measure(library, server, target, ids)
                print(f"{target}: {n} records pushed: {rate:.1f} records/s ({per:.2f} HTTP calls per record)")
            for record_id in ids:
                library.records.update(record_id, {"summary": {"en": "Edited: how to run a community seed bank."}})
            for target in (CHM_TARGET, BIOLAND_TARGET):
                rate, per = measure(library, server, target, ids)
                print(f"{target}: {n} records updated: {rate:.1f} records/s ({per:.2f} HTTP calls per record)")


def central(m: int, edited: int = 0) -> list[dict]:
    schemas = ("resource", "organization", "expert", "need", "offer")
    return [central_record(f"CHM-BENCH-{i:06d}", schemas[i % len(schemas)], countries=["pe"], targets=[(i % 23) + 1],
                           title={"en": f"{'Revised ' if edited else ''}Central record {i} on seed systems", "es": f"Registro {i}"},
                           summary={"en": "Agrobiodiversity, seed banks and community monitoring in the Andes. " * 4})
            for i in range(m)]


def main_pull(m: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, RefServer().start() as server:
        server.control("central_put", records=central(m))
        with Library.open(Path(tmp) / "lib") as library:
            library.access.create_profile("Keeper", PASS, ["custodian"])
            library.unlock("Keeper", PASS)
            add_reference_targets(library, server.url, bioland=None, settings={"country": "pe"})
            start = time.perf_counter()
            report = pull(library, CHM_TARGET)
            elapsed = time.perf_counter() - start
            assert report.added == m, report.as_dict()
            print(f"{CHM_TARGET}: {m} records pulled: {m / elapsed:.1f} records/s")
            server.control("central_put", records=central(m // 10, edited=1))
            start = time.perf_counter()
            report = pull(library, CHM_TARGET)
            elapsed = time.perf_counter() - start
            assert report.updated == m // 10, report.as_dict()
            print(f"{CHM_TARGET}: incremental pull, {m // 10} of {m} changed: {elapsed:.2f} s "
                  f"({report.updated + report.unchanged} records fetched)")


if __name__ == "__main__":
    args = sys.argv[1:]
    pulled = 5000
    if "--pull" in args:
        at = args.index("--pull")
        pulled = int(args[at + 1])
        del args[at:at + 2]
    main(int(args[0]) if args else 1000)
    main_pull(pulled)
