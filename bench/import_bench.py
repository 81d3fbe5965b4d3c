"""Measure a spreadsheet import: ``python bench/import_bench.py [N] [--heap]`` (default 10000).

Writes the synthetic corpus (``corpus.py``) as a CSV the way kmdesk's own CSV export does (one
column per field and language), then, in a fresh process that does nothing else, imports it into a new library through
the same pipeline as ``kmdesk import`` (parse, map, duplicate detection, one transaction, index)
and prints:

- records/s (store + index), and the seconds taken (rows the duplicate check skips are
  counted: the synthetic corpus holds a few same-title-same-year pairs);
- the process's peak RSS (ru_maxrss) and, with ``--heap``, the peak Python heap during the
  import (tracemalloc; it slows Python several times, so that run's records/s is not comparable).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def write_csv(n: int, path: Path) -> None:
    from corpus import corpus

    from kmdesk.core.io import csv_format

    records = corpus(n)["records"]
    for record in records:
        record.pop("access", None)
    with path.open("w", encoding=csv_format.ENCODING, newline="") as fh:
        csv_format.write(records, fh)


def run_one(csv_path: Path, n: int, heap: bool) -> dict:
    """Import ``csv_path`` into a new library; this process does nothing else, so its peak RSS
    is the import's own."""
    from kmdesk.core.io import importer
    from kmdesk.core.store.library import Library

    with tempfile.TemporaryDirectory() as tmp:
        with Library.open(Path(tmp) / "lib") as library:
            if heap:
                tracemalloc.start()
            start = time.perf_counter()
            report = importer.run(library, importer.open_source(csv_path))
            elapsed = time.perf_counter() - start
            peak = tracemalloc.get_traced_memory()[1] if heap else None
            tracemalloc.stop()
            indexed = library.index.public.doc_count()
    return {"n": n, "csv_mb": round(csv_path.stat().st_size / 2**20, 1), "imported": report["counts"].get("imported", 0),
            "skipped": report["counts"].get("skipped", 0), "errors": report["counts"].get("error", 0),
            "indexed": indexed, "seconds": round(elapsed, 2), "records_per_s": round(n / elapsed, 1),
            "peak_heap_mb": round(peak / 2**20, 1) if peak is not None else "-",
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--heap"]
    heap = "--heap" in sys.argv
    if args and args[0] == "--one":
        print(json.dumps(run_one(Path(args[1]), int(args[2]), heap)))
        return 0
    n = int(args[0]) if args else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "records.csv"
        write_csv(n, csv_path)
        command = [sys.executable, __file__, "--one", str(csv_path), str(n)] + (["--heap"] if heap else [])
        out = subprocess.run(command, check=True, capture_output=True, text=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{'N':>7} {'CSV MB':>7} {'imported':>9} {'skipped':>8} {'errors':>7} {'indexed':>8} {'seconds':>8} {'rec/s':>8} "
          f"{'heap MB':>8} {'RSS MB':>7}")
    print(f"{r['n']:>7} {r['csv_mb']:>7} {r['imported']:>9} {r['skipped']:>8} {r['errors']:>7} {r['indexed']:>8} "
          f"{r['seconds']:>8} {r['records_per_s']:>8} {r['peak_heap_mb']:>8} {r['peak_rss_mb']:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
