"""Measure the store and the search index: ``python bench/search_bench.py [N ...]`` (default
1000 20000). For each N, in a fresh process so peak memory is that run's own:

- import throughput: records/s into a new library, store + index, one transaction;
- query latency p50/p95 over 200 queries mixing single words, phrases, misspellings, filters;
- cold ``kmdesk search``: a new process opening the library and answering one query;
- peak memory (max RSS) of the import+query process.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

QUERIES = ["seed", "mangrove restoration", "pêche", "semilla", "лес", "红树林", "بذور", "grazng", "biodiversity monitoring",
           "forêt", "quinua", "pollinator honey", "sequía", "传统知识", "watershed", "herd", "tundra", "récolte", "miel", "river"]


def run_one(n: int) -> dict:
    from corpus import corpus

    from kmdesk.core.store.library import Library

    data = corpus(n)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with Library.open(Path(tmp) / "lib") as library:
            library.imports.library_file(data)
            elapsed = time.perf_counter() - start
            rng = random.Random(1)
            latencies = []
            for i in range(200):
                query = rng.choice(QUERIES)
                filters = {"gbf_targets": [str(rng.randint(1, 23))]} if i % 5 == 0 else None
                t0 = time.perf_counter()
                library.index.search(query, filters=filters, limit=50)
                latencies.append((time.perf_counter() - t0) * 1000)
        # cold: a new process, the library already on disk
            env = {**os.environ, "KMDESK_DATA_DIR": str(Path(tmp) / "lib")}
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kmdesk.cli", "search", "mangrove", "--json"], env=env, check=True, capture_output=True)
            cold = time.perf_counter() - t0
    latencies.sort()
    return {
        "n": n,
        "import_records_per_s": round(n / elapsed, 1),
        "import_seconds": round(elapsed, 2),
        "query_p50_ms": round(statistics.median(latencies), 2),
        "query_p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 2),
        "cold_cli_search_s": round(cold, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
        return 0
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 20000]
    print(f"{'N':>7} {'import rec/s':>13} {'import s':>9} {'p50 ms':>8} {'p95 ms':>8} {'cold CLI s':>11} {'peak MB':>8}")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], check=True, capture_output=True, text=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{r['n']:>7} {r['import_records_per_s']:>13} {r['import_seconds']:>9} {r['query_p50_ms']:>8} "
              f"{r['query_p95_ms']:>8} {r['cold_cli_search_s']:>11} {r['peak_rss_mb']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
