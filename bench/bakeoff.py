"""Raw search engines side by side: ``python bench/bakeoff.py N [--queries Q] [--keep DIR]``.

Why: to record, on the project's real-vocabulary corpus, why kmdesk's search moved from Whoosh to
Tantivy and not to SQLite FTS5 -- each engine's own import rate, memory and query cost, with no
kmdesk code in the way.

The same CSV (``scale_bench.write_csv``) is indexed three times, each build in a fresh process
so its peak RSS is its own: raw Whoosh exactly as ``scale_bench.raw_build`` does it
(``StandardAnalyzer``, so English stop words dropped); one SQLite FTS5 table (``unicode61
remove_diacritics 2``, ``prefix='2 3'``, the texts kept as FTS5 keeps them); Tantivy with its
default tokenizer, one writer thread, a 200 MB heap. Then, in a fresh process per engine, the same
Q ``scale_bench.queries`` each for the top 50 by BM25 (every word required; FTS5 ``ORDER BY rank``,
Tantivy with ``count=True``, the others without a count), the 50 ids fetched; a phrase of words
the corpus does not hold ("and the"), a phrase of its two most common English words, and its most
common word's top 50 with the number of records holding it. CPU ms (``time.process_time``,
nanosecond clock, every thread of the process) per query.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_bench import csv_texts, peak_rss_mb, percentile, queries, raw_build, raw_tantivy_build, write_csv  # noqa: E402
from zipf_corpus import Corpus  # noqa: E402

FIELDS = ["title", "keywords", "body"]
ENGINES = ("whoosh", "fts5", "tantivy")
TANTIVY_HEAP = 200_000_000
Search = Callable[[str, bool], tuple[int, int | None]]  # (query, count?) -> (ids fetched, records matching)


# -- builds, each in its own process ------------------------------------------------------------------
def figures(count: int, t0: float, c0: float) -> dict:
    """What a build reports, as ``scale_bench.raw_build`` reports it."""
    return {"records": count, "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "rss": peak_rss_mb()}


def build_fts5(csv_path: Path, index_dir: Path) -> dict:
    index_dir.mkdir(parents=True)
    t0, c0 = time.perf_counter(), time.process_time()
    con = sqlite3.connect(index_dir / "fts5.db")
    con.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, keywords, body, "
                "tokenize='unicode61 remove_diacritics 2', prefix='2 3')")
    with con:
        con.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", csv_texts(csv_path))
    count = con.execute("SELECT count(*) FROM docs").fetchone()[0]
    con.close()
    return figures(count, t0, c0)


def build_tantivy(csv_path: Path, index_dir: Path) -> dict:
    """scale_bench's raw Tantivy build (the default tokenizer, one writer thread), 200 MB of heap."""
    return raw_tantivy_build(csv_path, index_dir, heap=TANTIVY_HEAP)


# -- searching: each engine's top 50 (ids fetched) and, when asked, how many records match -------------
def open_whoosh(index_dir: Path) -> Search:
    from whoosh import index
    from whoosh.qparser import MultifieldParser

    ix = index.open_dir(str(index_dir))
    searcher, parser = ix.searcher(), MultifieldParser(FIELDS, ix.schema)  # AND between words, as scale_bench

    def search(q: str, count: bool) -> tuple[int, int | None]:
        results = searcher.search(parser.parse(q), limit=50)
        return len([hit["id"] for hit in results]), (len(results) if count else None)
    return search


def fts5_syntax(q: str) -> str:
    """The same query in FTS5's syntax: a quoted phrase stays; each other word quoted, all required."""
    return q if q.startswith('"') else " ".join(f'"{word}"' for word in q.split())


def open_fts5(index_dir: Path) -> Search:
    con = sqlite3.connect(index_dir / "fts5.db")

    def search(q: str, count: bool) -> tuple[int, int | None]:
        match = fts5_syntax(q)
        ids = con.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 50", (match,)).fetchall()
        total = con.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()[0] if count else None
        return len(ids), total
    return search


def open_tantivy(index_dir: Path) -> Search:
    import tantivy

    index = tantivy.Index.open(str(index_dir))
    searcher = index.searcher()

    def search(q: str, count: bool) -> tuple[int, int | None]:
        result = searcher.search(index.parse_query(q, FIELDS, conjunction_by_default=True), 50, count=True)
        return len([searcher.doc(address)["id"][0] for _, address in result.hits]), result.count
    return search


def prepare(n: int, csv_path: Path, count: int, asked_path: Path) -> dict:
    """The corpus's CSV (unless there) and the questions, made in a child too: Linux counts a parent's peak
    RSS in the ``ru_maxrss`` of a child it starts, so the parent stays small."""
    if not csv_path.exists():
        write_csv(n, csv_path)
    first, second = Corpus().languages["en"].words[:2]  # its two most common English words
    specials = {"absent": ['"and the"', False], "phrase": [f'"{first} {second}"', False], "common": [first, True]}
    asked_path.write_text(json.dumps({"queries": queries(count), "specials": specials}))
    return {"rss": peak_rss_mb()}


def search_phase(engine: str, index_dir: Path, asked_path: Path) -> dict:
    asked = json.loads(asked_path.read_text())
    search = {"whoosh": open_whoosh, "fts5": open_fts5, "tantivy": open_tantivy}[engine](index_dir)

    def cpu_ms(q: str, with_count: bool = False) -> tuple[float, int]:
        c0 = time.process_time()
        fetched, total = search(q, with_count)
        return (time.process_time() - c0) * 1000, total if with_count else fetched

    timed = [cpu_ms(q) for q in asked["queries"]]
    ms = [t for t, _ in timed]
    specials = asked["specials"]
    out = {"p50": statistics.median(ms), "p95": percentile(ms, 0.95), "max": max(ms),
           "zero": sum(1 for _, hits in timed if hits == 0), "common_word": specials["common"][0],
           "phrase_query": specials["phrase"][0]}
    for name, (q, with_count) in specials.items():
        runs = [cpu_ms(q, with_count) for _ in range(3)]
        out[name], out[f"{name}_hits"] = statistics.median(t for t, _ in runs), runs[0][1]
    out["phrase_total"] = search(specials["phrase"][0], True)[1]  # how many records hold it (untimed)
    out["rss"] = peak_rss_mb()
    return out


# -- the parent ----------------------------------------------------------------------------------------
def child(phase: str, *args: str) -> dict:
    """``phase`` in a fresh process (``scale_bench.in_child`` can only start scale_bench's own phases)."""
    out = subprocess.run([sys.executable, __file__, "--phase", phase, *args], capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"phase {phase} {args} failed ({out.returncode}):\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def main() -> int:
    if sys.argv[1:2] == ["--phase"]:  # one phase, in the process ``child`` started
        phase, rest = sys.argv[2], sys.argv[3:]
        builds = {"whoosh": raw_build, "fts5": build_fts5, "tantivy": build_tantivy}
        result = ({"rss": peak_rss_mb()} if phase == "baseline" else
                  builds[rest[0]](Path(rest[1]), Path(rest[2])) if phase == "build" else
                  prepare(int(rest[0]), Path(rest[1]), int(rest[2]), Path(rest[3])) if phase == "prepare" else
                  search_phase(rest[0], Path(rest[1]), Path(rest[2])))
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="build in DIR and keep it (DIR/corpus.csv is reused if there)")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="kmdesk-bakeoff-"))
    work.mkdir(parents=True, exist_ok=True)
    csv_path, asked_path = work / "corpus.csv", work / "queries.json"
    try:
        child("prepare", str(args.n), str(csv_path), str(args.queries), str(asked_path))
        built, searched, disk = {}, {}, {}
        for engine in ENGINES:
            shutil.rmtree(work / engine, ignore_errors=True)
            built[engine] = child("build", engine, str(csv_path), str(work / engine))
            disk[engine] = size_mb(work / engine)
        for engine in ENGINES:
            searched[engine] = child("search", engine, str(work / engine), str(asked_path))
        baseline = child("baseline")["rss"]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    s = searched["whoosh"]
    rows: list[tuple[str, dict[str, float]]] = [
        ("import, records per CPU-second", {e: b["records"] / b["cpu"] for e, b in built.items()}),
        ("import, records per second (wall)", {e: b["records"] / b["seconds"] for e, b in built.items()}),
        ("import, peak RSS MB", {e: b["rss"] for e, b in built.items()}),
        ("index on disk MB", disk),
        (f"{args.queries} queries, top 50: p50 CPU ms", {e: r["p50"] for e, r in searched.items()}),
        (f"{args.queries} queries, top 50: p95 CPU ms", {e: r["p95"] for e, r in searched.items()}),
        (f"{args.queries} queries, top 50: max CPU ms", {e: r["max"] for e, r in searched.items()}),
        ('phrase "and the" (absent), CPU ms', {e: r["absent"] for e, r in searched.items()}),
        (f"phrase {s['phrase_query']}, top 50, CPU ms", {e: r["phrase"] for e, r in searched.items()}),
        (f"'{s['common_word']}' top 50 + count, CPU ms", {e: r["common"] for e, r in searched.items()}),
        ("search process peak RSS MB", {e: r["rss"] for e, r in searched.items()}),
    ]
    print(f"engine bake-off: {args.n} records, {args.queries} queries, {os.cpu_count()} cores, "
          f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    print(f"{'what':<40} {'Whoosh':>9} {'FTS5':>9} {'Tantivy':>9} {'FTS5/W':>7} {'Tant/W':>7}")
    for what, values in rows:
        base = values["whoosh"]
        print(f"{what:<40} " + " ".join(f"{values[e]:>9.{1 if values[e] >= 10 else 2}f}" for e in ENGINES)
              + "".join(f" {values[e] / base:>6.{2 if values[e] >= base / 10 else 3}f}x" if base else f" {'':>7}"
                    for e in ENGINES[1:]))
    print("records: " + ", ".join(f"{e} {built[e]['records']}" for e in ENGINES)
          + f"; a child's imports alone: {baseline} MB RSS")
    print("queries finding nothing: " + ", ".join(f"{e} {searched[e]['zero']}" for e in ENGINES))
    print(f"phrase {s['phrase_query']} matches: " + ", ".join(f"{e} {searched[e]['phrase_total']}" for e in ENGINES)
          + f"; '{s['common_word']}' matches: " + ", ".join(f"{e} {searched[e]['common_hits']}" for e in ENGINES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
