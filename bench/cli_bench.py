"""Measure the command line's start-up: ``python bench/cli_bench.py [RUNS] [--library DIR --raw DIR]``
(default 7 runs) times ``kmdesk --help``, ``kmdesk show ID`` (a public demo record, then with
``--history``, then a restricted record's sealed stub, all locked) and ``kmdesk list`` as a
person runs them (a fresh process each), and prints the median and the fastest run of each, in
wall seconds and in CPU seconds (the machine's cores are often shared, so CPU is what compares
between runs). The budgets from issues 10 and 11 are printed beside them: --help < 0.3 s, show
< 0.6 s, search on a 100,000-record library < 1 s.

With ``--library DIR`` (a library built by ``scale_bench.py N --keep WORK``: DIR is WORK/library)
and ``--raw DIR`` (WORK/raw-index), it also times ``kmdesk search WORD`` on that library against
raw Whoosh's cold script on the same texts (``scale_bench.RAW_COLD``), with their ratio. Opening
the library may upgrade it: give a copy.

Each process runs as an installed kmdesk does: with its byte code cached (a first, untimed run
writes it under a temporary ``PYTHONPYCACHEPREFIX``), even where the environment sets
``PYTHONDONTWRITEBYTECODE``; otherwise every run would also compile kmdesk's sources.

A wall-clock figure for this machine, not a test: the tests check the behaviour behind it
(what ``import kmdesk.cli``, ``kmdesk show`` and ``kmdesk search`` load).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BUDGETS = {"--help": 0.3, "show": 0.6, "show --history": 0.6, "show sealed": 0.6, "search": 1.0}


def kmdesk(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-m", "kmdesk.cli", *args], capture_output=True, text=True, env=env, check=True)
    return result.stdout


def timed(command: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """(wall seconds, CPU seconds) of each of ``runs`` runs of ``command``, after one untimed
    run that fills the byte-code cache."""
    subprocess.run(command, capture_output=True, env=env, check=True)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def report(name: str, walls: list[float], cpus: list[float], extra: str = "") -> None:
    budget = f"  (budget {BUDGETS[name]:.1f} s)" if name in BUDGETS else ""
    print(f"kmdesk {name:<14} median {statistics.median(walls):.3f} s, fastest {min(walls):.3f} s; "
          f"CPU median {statistics.median(cpus):.3f} s over {len(walls)} runs{budget}{extra}")


def start_up(runs: int, env: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**env, "KMDESK_DATA_DIR": str(Path(tmp) / "lib")}
        kmdesk("init", "--demo", env=env)
        listed = json.loads(kmdesk("list", "--json", env=env))
        public = next(r["id"] for r in listed if r["access"] == "public")
        sealed = next(r["id"] for r in listed if r["sealed"])
        for name, args in (("--help", ["--help"]), ("show", ["show", public[:8]]), ("show --history", ["show", public[:8], "--history"]),
                           ("show sealed", ["show", sealed[:8]]), ("list", ["list"])):
            report(name, *timed([sys.executable, "-m", "kmdesk.cli", *args], env, runs))


def search(runs: int, env: dict[str, str], library: Path, raw: Path, word: str) -> None:
    from scale_bench import RAW_COLD

    ours = timed([sys.executable, "-m", "kmdesk.cli", "search", word], {**env, "KMDESK_DATA_DIR": str(library)}, runs)
    theirs = timed([sys.executable, "-c", RAW_COLD, str(raw), word], env, runs)
    ratio = statistics.median(ours[0]) / statistics.median(theirs[0])
    report("search", *ours, f"\n  raw Whoosh cold: median {statistics.median(theirs[0]):.3f} s, CPU median "
                            f"{statistics.median(theirs[1]):.3f} s; kmdesk/raw {ratio:.2f}x (wall medians)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", type=int, nargs="?", default=7)
    parser.add_argument("--library", type=Path, help="a scale_bench library (a copy: opening may upgrade it)")
    parser.add_argument("--raw", type=Path, help="the raw Whoosh index built beside it (WORK/raw-index)")
    parser.add_argument("--word", default="mangrove")
    args = parser.parse_args()
    if bool(args.library) != bool(args.raw):
        parser.error("--library and --raw go together")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        start_up(args.runs, env)
        if args.library:
            search(args.runs, env, args.library, args.raw, args.word)


if __name__ == "__main__":
    main()
