"""Measure suggested targets and subjects (issue 15): ``python bench/suggest_bench.py`` seeds the
demo library and, leave-one-out, takes each tagged record's GBF targets and CBD subjects off,
asks ``suggest`` for three of each, and prints how often one of the record's own is among them
(top-3 hit rate), for what a visitor reads (public records) and what the demo custodian reads
(unlocked: the non-public records too). Matchmaking's precision@5 on ``tests/data/matches.json``
is printed with it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from kmdesk.core.chm import match, suggest
from kmdesk.core.store import seed
from kmdesk.core.store.library import Library

ROOT = Path(__file__).resolve().parent.parent


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


def precision_at_5(path: Path) -> float:
    data = json.loads((ROOT / "tests" / "data" / "matches.json").read_text(encoding="utf-8"))
    with Library.open(path) as library:
        ids = {item["key"]: library.records.add({**{k: v for k, v in item.items() if k not in ("key", "theme", "good")},
                                                 "type": item.get("type", "need")})["id"] for item in data["partners"] + data["needs"]}
        keys = {v: k for k, v in ids.items()}
        scores = [len({keys[m.id] for m in match.matches(library, ids[n["key"]], limit=5)} & set(n["good"])) / 5
                  for n in data["needs"]]
    return sum(scores) / len(scores)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with Library.open(Path(tmp) / "demo") as library:
            seed.seed_demo(library)
            for who in ("public records (locked)", "Demo Custodian (unlocked)"):
                if who.startswith("Demo"):
                    library.unlock("Demo Custodian", "kmdesk demo custodian")
                for kind, (hits, total) in leave_one_out(library).items():
                    print(f"suggest, leave-one-out, {who}: {kind} top-3 hit rate {hits}/{total} = {hits / total:.3f}")
        print(f"match: precision@5 on {ROOT / 'tests/data/matches.json'} = {precision_at_5(Path(tmp) / 'matches'):.3f} "
              "(3 good partners per need: 0.6 is the ceiling)")


if __name__ == "__main__":
    main()
