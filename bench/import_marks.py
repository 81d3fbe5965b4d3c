"""An import as ``scale_bench.py``'s ``import`` phase runs it, with the figures along the way:
``python bench/import_marks.py CORPUS.csv DIR [--every N]`` (DIR: a new library).

It prints one JSON line: records per CPU-second, peak RSS, and every ``--every`` records the
process's RSS (anonymous and file-backed), its peak so far and its CPU time, so a memory that
grows with the import shows as a slope (issue 25: peak RSS < 300 MB, flat in N). ``main_thread_cpu``
is the importing thread's own CPU: the rest of ``cpu`` is Tantivy's indexing threads.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scale_bench import PASSPHRASE  # noqa: E402
from zipf_corpus import PROTOCOLS  # noqa: E402


def memory() -> dict[str, float]:
    """VmRSS, VmHWM (peak), RssAnon and RssFile of this process, in MB."""
    out = {}
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                out[name] = round(int(value.split()[0]) / 1024, 1)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("library", type=Path)
    parser.add_argument("--every", type=int, default=12_500)
    args = parser.parse_args()
    from kmdesk.core.io import importer
    from kmdesk.core.store.library import Library

    marks: dict[str, dict[str, float]] = {}
    with Library.open(args.library) as library:
        library.access.create_profile("Bench Custodian", PASSPHRASE, ["custodian"])
        library.unlock("Bench Custodian", PASSPHRASE)
        for protocol in PROTOCOLS:
            library.access.add_protocol(protocol)
        c0, t0 = time.process_time(), time.thread_time()

        def progress(done: int, _total: int | None) -> None:
            if done % args.every == 0:
                marks[str(done)] = {**memory(), "cpu": round(time.process_time() - c0, 1)}

        report = importer.run(library, importer.open_source(args.corpus), progress=progress)
        cpu, own = time.process_time() - c0, time.thread_time() - t0
        marks["end"] = {**memory(), "cpu": round(cpu, 1)}
        library.lock()  # seals the private index, as the bench's phase does
    count = report["counts"].get("imported", 0)
    print(json.dumps({"imported": count, "cpu": round(cpu, 1), "main_thread_cpu": round(own, 1),
                      "per_cpu_s": round(count / cpu), "peak_rss": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                      "marks": marks}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
