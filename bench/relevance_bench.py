"""nDCG@10 of kmdesk's search over a judged set (bench/relevance_set.json: 90 records, queries in
en/es/fr/ru/ar/zh), so that a change of engine shows what it does to the ranking, not only speed.

Run: `.venv/bin/python bench/relevance_bench.py [--out FILE]`; for another commit's engine, from
a worktree of it: `cd /tmp/wt && PYTHONPATH=/tmp/wt /work/main/.venv/bin/python /work/main/bench/relevance_bench.py`.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

import kmdesk
from kmdesk.core.search import SearchIndex, record_to_doc

SET = Path(__file__).with_name("relevance_set.json")
K = 10


def dcg(gains: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains[:K]))


def ndcg(ranked: list[int], relevant: dict[int, int]) -> float:
    ideal = dcg(sorted(relevant.values(), reverse=True))
    return dcg([relevant.get(n, 0) for n in ranked]) / ideal if ideal else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write per-query scores and rankings as JSON")
    args = parser.parse_args()
    data: dict[str, Any] = json.loads(SET.read_text(encoding="utf-8"))
    ix = SearchIndex.in_memory()
    ix.update(record_to_doc(r) for r in data["records"])
    rows, by_lang = [], defaultdict(list)
    for query in data["queries"]:
        hits = ix.search(query["q"], lang=query["lang"], limit=K).hits  # fuzzy on, as the window
        ranked = [int(h.id.rsplit("-", 1)[1]) for h in hits]
        score = ndcg(ranked, {int(n): g for n, g in query["relevant"].items()})
        rows.append({**query, "ranked": ranked, "ndcg": round(score, 4)})
        by_lang[query["lang"]].append(score)
    scores = [row["ndcg"] for row in rows]
    print(f"kmdesk from {Path(kmdesk.__file__).parent}")
    print(f"nDCG@{K} over {len(rows)} queries: {sum(scores) / len(scores):.3f}")
    for lang, values in by_lang.items():
        print(f"  {lang}: {sum(values) / len(values):.3f} ({len(values)} queries)")
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
