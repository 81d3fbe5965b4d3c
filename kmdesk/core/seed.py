"""The demo library: what a person sees on the very first start."""

from __future__ import annotations

from kmdesk.core import library_file
from kmdesk.core.store import Library

SEEDED = "demo_seeded"


def seed_demo(library: Library) -> int:
    """Fill an empty library from ``resources/demo/library.json`` once; returns records added.

    A library that already holds records, or was seeded before (and then emptied by its user),
    is left alone: the demo must never come back over someone's own work.
    """
    if library.meta(SEEDED) or library.count():
        return 0
    report = library.import_library(library_file.read(library_file.DEMO))
    library.set_meta(SEEDED, "1")
    return report["counts"].get("imported", 0)
