"""Measure matchmaking: ``python bench/match_bench.py`` prints precision@5 on the labelled set
(``tests/data/matches.json``, 40 needs with 3 good partners each, so 0.6 is the ceiling) in its
three conditions: every record in English, each need in its partners' language (same-language
pairs), each need in another language than its partners (cross-language pairs); and the same
with the needs' GBF targets and CBD subjects taken off (what a need written in a hurry carries).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from labelled_sets import CONDITIONS, matches_library, precision_at_5


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for tagged in (True, False):
            figures = {}
            for condition in CONDITIONS:
                library, ids = matches_library(Path(tmp) / f"{condition}-{tagged}", condition, tagged=tagged)
                with library:
                    figures[condition] = precision_at_5(library, ids)
            needs = "tagged needs" if tagged else "untagged needs"
            print(f"match precision@5, {needs}: english {figures['english']:.3f}, same-language {figures['same']:.3f}, "
                  f"cross-language {figures['cross']:.3f} (cross/same {figures['cross'] / figures['same']:.2f})")


if __name__ == "__main__":
    main()
