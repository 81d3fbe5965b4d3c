"""Measure the command line's start-up: ``python bench/cli_bench.py [RUNS]`` (default 7) times
``kmdesk --help``, ``kmdesk show ID`` (a public demo record) and ``kmdesk list`` as a person
runs them (a fresh process each), and prints the median and the fastest run of each. The
budgets from issue 11 are printed beside them: --help < 0.3 s, show < 0.6 s.

A wall-clock figure for this machine, not a test: the tests check the behaviour behind it
(what ``import kmdesk.cli`` and ``kmdesk show`` load).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGETS = {"--help": 0.3, "show": 0.6}


def kmdesk(*args: str, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, "-m", "kmdesk.cli", *args], capture_output=True, text=True, env=env, check=True)
    return result.stdout


def timed(args: list[str], env: dict[str, str], runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kmdesk.cli", *args], capture_output=True, env=env, check=True)
        out.append(time.perf_counter() - start)
    return out


def main(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "KMDESK_DATA_DIR": str(Path(tmp) / "lib")}
        kmdesk("init", "--demo", env=env)
        public = next(r["id"] for r in json.loads(kmdesk("list", "--json", env=env)) if r["access"] == "public")
        for name, args in (("--help", ["--help"]), ("show", ["show", public[:8]]), ("list", ["list"])):
            times = timed(args, env, runs)
            budget = f"  (budget {BUDGETS[name]:.1f} s)" if name in BUDGETS else ""
            print(f"kmdesk {name:<7} median {statistics.median(times):.3f} s, fastest {min(times):.3f} s over {runs} runs{budget}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
