"""Measure suggested targets and subjects: ``python bench/suggest_bench.py`` seeds the demo
library and prints two figures, for what a visitor reads (public records) and what the demo
custodian reads (unlocked: the non-public records too):

- on the labelled set of fresh untagged records (``tests/data/suggest_set.json``, ten in each UN
  language, none in the demo library), how often the record's obvious GBF target is among the
  three suggested targets (top-3 accuracy), by language;
- leave-one-out on the demo library: each tagged record's GBF targets and CBD subjects taken off,
  how often one of its own is among the three suggested of each kind.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from kmdesk.core.chm import suggest
from kmdesk.core.store import seed
from kmdesk.core.store.library import Library

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from labelled_sets import suggest_top3


def leave_one_out(library: Library) -> dict[str, tuple[int, int]]:
    out = {}
    for kind, field in (("gbf_target", "gbf_targets"), ("subject", "subjects")):
        tagged = [r for r in library.records.iter_all() if r[field] and not r.get("sealed")]
        hits = 0
        for record in tagged:
            found = suggest.suggest_for(library, {**record, "gbf_targets": [], "subjects": []}, limit=3)
            hits += bool({s.value for s in found if s.kind == kind} & set(record[field]))
        out[kind] = (hits, len(tagged))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with Library.open(Path(tmp) / "demo") as library:
            seed.seed_demo(library)
            for who in ("public records (locked)", "Demo Custodian (unlocked)"):
                if who.startswith("Demo"):
                    library.unlock("Demo Custodian", "kmdesk demo custodian")
                by_language = suggest_top3(library)
                hits = sum(h for h, _ in by_language.values())
                total = sum(t for _, t in by_language.values())
                languages = ", ".join(f"{lang} {h}/{t}" for lang, (h, t) in by_language.items())
                print(f"suggest, fresh untagged records, {who}: target top-3 {hits}/{total} = {hits / total:.3f} ({languages})")
                for kind, (hits, total) in leave_one_out(library).items():
                    print(f"suggest, leave-one-out, {who}: {kind} top-3 hit rate {hits}/{total} = {hits / total:.3f}")


if __name__ == "__main__":
    main()
