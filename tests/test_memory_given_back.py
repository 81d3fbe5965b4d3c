"""Memory an index writer frees at its commit goes back to the system (``malloc_arenas.give_back``):
an unlock builds the private index with writers of 64 MB a thread, and glibc kept about 41 MB of
it in the window for as long as it ran (bench/README.md, "Issue 25, stop 22: memory")."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

_SCRIPT = r"""
import ctypes, random
from kmdesk.core.malloc_arenas import limit_malloc_arenas
from kmdesk.core.search.engine import SearchIndex

def anon_kb():
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("RssAnon:"))

limit_malloc_arenas()  # as the window does
rng = random.Random(7)
words = [f"w{n}ord{n % 97}" for n in range(20_000)]
index = SearchIndex.in_memory(sealable=True)
index.rebuild({"id": f"r{n}", "title": f"record {n}", "text": " ".join(rng.choices(words, k=600))} for n in range(8_000))
assert index.search("record").total == 8_000
before = anon_kb()
ctypes.CDLL(None).malloc_trim(0)
print(before - anon_kb())
"""


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc's malloc_trim")
def test_an_index_commit_gives_its_writers_freed_heap_back_to_the_system() -> None:
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=300, check=True)
    still_held_kb = int(done.stdout.strip().splitlines()[-1])
    assert still_held_kb < 3_072, f"{still_held_kb} KB freed by the writers was still held after the commit"
