"""The cyclic garbage collector kept asleep through a bulk job.

An import makes millions of objects that form no cycles (rows, the index writer's postings) and
keeps many of them for a while; each time the collector wakes it walks them all for nothing, and
finds almost nothing to free (bench/README.md, "Import, sixth round", has what that cost).
Reference counting frees everything else as it goes; the collector wakes again when the job ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside. A collector already off (the window collects on its own
    thread, ``gui.workers``) stays off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
