"""kmdesk at the size its users reach, against the raw engines on the same texts:
``python bench/scale_bench.py [N] [--queries Q] [--keep DIR]`` (default N = 100,000).

The corpus (``zipf_corpus.py``) has a real vocabulary. It is written once as a CSV, the way a
person brings a catalogue in; then each phase runs in a fresh process, so its peak RSS is its
own:

- **import**: raw Whoosh (``StandardAnalyzer`` over title, keywords and body; one writer, one
  commit; the reference, from the ``bench`` extra) and raw Tantivy (its default tokenizer, one
  writer thread) read the CSV and index it; kmdesk imports the same CSV through ``kmdesk
  import``'s pipeline (parse, map, validate, duplicates, one transaction, seal the restricted
  tenth, index). Records per CPU-second and peak RSS.
- **search**: the same Q queries (one word, two words, a misspelling, a phrase, Arabic, Chinese)
  against raw Whoosh and raw Tantivy (over the three fields, top 50 ids), then in kmdesk,
  unlocked as a custodian so the restricted records are searched too: the engine's own query
  (``library.index.search``: count, did-you-mean, fuzzy fallback, no facets or snippets) and the
  window's whole path (``read_page``: the search with facets over all hits, the window's first
  page of rows as the window reads it, ``LibraryModel.PAGE`` or a small answer whole, with their
  consent state, then the snippets of 20 of them). p50 / p95, a second after the unlock's first
  search: the walks ahead of the window's dictionaries, which the unlock starts on threads of
  their own, are then done, and their CPU (the process's) is not counted as a query's.
- **phrase**: quoted pairs of the corpus' most common English words, through the window's path.
- **typing**: every keystroke of words typed one letter at a time (prefix on the last word).
- **facets**: the empty query (every record) with its facet counts.
- **unlock**: in a fresh process, the restricted index already sealed on disk, in the window's
  order: the locked listing, the unlock, then the first search ("seed", the most frequent word).
- **CLI cold**: ``kmdesk search WORD`` as a new process, against a raw Whoosh script that opens the
  index and searches.

Every figure is printed with its ratio to the raw engine that does the same work.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from zipf_corpus import PROTOCOLS, Corpus  # noqa: E402

PASSPHRASE = "bench custodian passphrase"
LIMIT_MB = 20  # raw Whoosh's writer pool
WALKS_AHEAD_S = 1.0  # after the unlock's first search, before the timed queries (``search_phase``)
TANTIVY_HEAP = 64 * 1024 * 1024  # raw Tantivy's writer heap: kmdesk's own
COLUMNS = ("id", "type", "title:{lang}", "body:{lang}", "keywords", "gbf_goals", "gbf_targets", "countries", "languages",
           "community", "date", "access", "protocols")


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


# -- the corpus ---------------------------------------------------------------------------------
def write_csv(n: int, path: Path) -> None:
    corpus = Corpus()
    langs = [code for code in corpus.languages]
    header = ["id", "type", *(f"title:{l}" for l in langs), *(f"body:{l}" for l in langs), "keywords", "gbf_goals",
              "gbf_targets", "countries", "languages", "community", "date", "access", "protocols"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for record in corpus.records(n):
            lang = record["languages"][0]
            row = {"id": record["id"], "type": record["type"], f"title:{lang}": record["title"][lang],
                   f"body:{lang}": record["body"][lang], "keywords": "; ".join(record["keywords"]),
                   "gbf_goals": "; ".join(record["gbf_goals"]), "gbf_targets": "; ".join(map(str, record["gbf_targets"])),
                   "countries": "; ".join(record["countries"]), "languages": lang, "community": record["community"],
                   "date": record["date"], "access": record["access"]["level"],
                   "protocols": "; ".join(record["access"].get("protocols", []))}
            writer.writerow([row.get(name, "") for name in header])


def csv_texts(path: Path):
    """(id, title, keywords, body) of each CSV row, as raw Whoosh indexes them."""
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            title = " ".join(v for k, v in row.items() if k.startswith("title:") and v)
            body = " ".join(v for k, v in row.items() if k.startswith("body:") and v)
            yield row["id"], title, row["keywords"].replace(";", " "), body


def queries(count: int, seed: int = 5) -> list[str]:
    """Realistic queries: mid-frequency words (what people look for is rarely 'the'), pairs,
    misspellings, phrases from records, Arabic and Chinese words, other languages' words."""
    corpus = Corpus()
    rng = random.Random(seed)
    en = corpus.languages["en"].words

    def word(lang: str = "en", low: int = 20, high: int = 8000) -> str:
        return corpus.languages[lang].words[rng.randint(low, min(high, len(corpus.languages[lang].words) - 1))]

    def misspelt() -> str:
        w = next(w for w in (en[rng.randint(50, 5000)] for _ in range(100)) if len(w) >= 6)
        i = rng.randint(1, len(w) - 2)
        return w[:i] + w[i + 1] + w[i] + w[i + 2:] if rng.random() < 0.5 else w[:i] + w[i + 1:]

    def phrase() -> str:
        record = corpus.record(rng.randrange(1000))
        words = record["body"][record["languages"][0]].split()
        if len(words) < 3:
            return word()
        i = rng.randrange(len(words) - 2)
        return f'"{words[i]} {words[i + 1]}"'

    makers = [(lambda: word(), 35), (lambda: f"{word()} {word()}", 15), (misspelt, 10), (phrase, 10),
              (lambda: word("ar", 0, 3000), 10), (lambda: word("zh", 0, 3000), 10),
              (lambda: word(rng.choice(("fr", "es", "ru")), 0, 3000), 10)]
    return [rng.choices([m for m, _ in makers], weights=[w for _, w in makers])[0]() for _ in range(count)]


def keystrokes(count: int, seed: int = 9) -> list[str]:
    """What the search box holds after each key, typing ``count`` words one letter at a time."""
    corpus = Corpus()
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        words = [corpus.languages["en"].words[rng.randint(20, 5000)] for _ in range(rng.choice((1, 1, 2)))]
        typed = ""
        for w in words:
            for end in range(1, len(w) + 1):
                out.append(typed + w[:end])
            typed += w + " "
    return out


# -- phases, each in its own process ---------------------------------------------------------------
def raw_build(csv_path: Path, index_dir: Path) -> dict:
    from whoosh import index
    from whoosh.analysis import StandardAnalyzer
    from whoosh.fields import ID, TEXT, Schema

    analyzer = StandardAnalyzer()
    schema = Schema(id=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer), keywords=TEXT(analyzer=analyzer),
                    body=TEXT(analyzer=analyzer))
    index_dir.mkdir(parents=True)
    t0, c0 = time.perf_counter(), time.process_time()
    ix = index.create_in(str(index_dir), schema)
    writer = ix.writer(limitmb=LIMIT_MB)
    count = 0
    for record_id, title, keywords, body in csv_texts(csv_path):
        writer.add_document(id=record_id, title=title, keywords=keywords, body=body)
        count += 1
    writer.commit()
    return {"records": count, "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "rss": peak_rss_mb()}


def raw_tantivy_build(csv_path: Path, index_dir: Path, heap: int = TANTIVY_HEAP) -> dict:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    for name in ("title", "keywords", "body"):
        builder.add_text_field(name)
    index_dir.mkdir(parents=True)
    t0, c0 = time.perf_counter(), time.process_time()
    ix = tantivy.Index(builder.build(), path=str(index_dir))
    writer = ix.writer(heap, 1)
    count = 0
    for record_id, title, keywords, body in csv_texts(csv_path):
        writer.add_document(tantivy.Document(id=record_id, title=title, keywords=keywords, body=body))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return {"records": count, "seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "rss": peak_rss_mb()}


def kmdesk_import(csv_path: Path, data_dir: Path) -> dict:
    from kmdesk.core.io import importer
    from kmdesk.core.store.library import Library

    with Library.open(data_dir) as library:
        library.access.create_profile("Bench Custodian", PASSPHRASE, ["custodian"])
        library.unlock("Bench Custodian", PASSPHRASE)
        for protocol in PROTOCOLS:
            library.access.add_protocol(protocol)
        t0, c0 = time.perf_counter(), time.process_time()
        report = importer.run(library, importer.open_source(csv_path))
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        library.lock()  # seals the restricted index to disk
    errors = [r["reason"] for r in report["rows"] if r["status"] == "error"][:3]
    return {"records": report["counts"].get("imported", 0), "errors": errors, "seconds": seconds, "cpu": cpu,
            "rss": peak_rss_mb()}


def _timed(fn) -> tuple[float, float]:
    """(wall ms, CPU ms) of one call: CPU time is what the search costs, whatever else the machine
    is doing; wall time is what a person waits on an idle machine."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return (time.perf_counter() - w0) * 1000, (time.process_time() - c0) * 1000


def _raw_whoosh(raw_dir: Path, asked: list[str]) -> list[tuple[float, float]]:
    from whoosh import index
    from whoosh.qparser import MultifieldParser

    ix = index.open_dir(str(raw_dir))
    parser = MultifieldParser(["title", "keywords", "body"], ix.schema)
    with ix.searcher() as searcher:
        def top(q: str) -> list[str]:
            return [hit["id"] for hit in searcher.search(parser.parse(q), limit=50)]
        return [_timed(partial(top, q)) for q in asked]


def _raw_tantivy(raw_dir: Path, asked: list[str]) -> list[tuple[float, float]]:
    import tantivy

    ix = tantivy.Index.open(str(raw_dir))
    searcher = ix.searcher()

    def top(q: str) -> list[str]:
        parsed = ix.parse_query_lenient(q, ["title", "keywords", "body"])[0]
        return [searcher.doc(address)["id"][0] for _score, address in searcher.search(parsed, 50, count=True).hits]
    return [_timed(partial(top, q)) for q in asked]


def common_phrases(count: int = 10) -> list[str]:
    """Quoted pairs of the corpus' most common English words ("the and"...), the costliest phrases."""
    words = Corpus().languages["en"].words[:5]
    return [f'"{a} {b}"' for a in words for b in words if a != b][:count]


def raw_search_phase(engine: str, index_dir: Path, count: int) -> dict:
    """A raw engine's top 50 of the queries, in a process of its own: raw Whoosh's half a
    gigabyte of objects would otherwise be walked by the collector during kmdesk's searches."""
    times = (_raw_whoosh if engine == "whoosh" else _raw_tantivy)(index_dir, queries(count))
    return stats("raw", times)


def stats(name: str, values: list[tuple[float, float]]) -> dict:
    out = {}
    for i, kind in ((0, "wall"), (1, "cpu")):
        series = [v[i] for v in values]
        out[f"{name}_p50_{kind}"], out[f"{name}_p95_{kind}"] = statistics.median(series), percentile(series, 0.95)
        out[f"{name}_max_{kind}"] = max(series)
    return out


def search_phase(data_dir: Path, count: int) -> dict:
    from kmdesk.core.store import collector
    from kmdesk.core.store.library import Library
    from kmdesk.gui.library_model import LibraryModel, read_page

    asked = queries(count)
    engine, window, typing, facets, found, phrases, answers, pages = [], [], [], [], [], [], [], []
    with Library.open(data_dir, create=False) as library:
        library.index.keep_warm()  # as the window does
        library.index.search("", limit=50, snippets=False)  # the window lists the public records while locked
        t0 = time.perf_counter()
        library.unlock("Bench Custodian", PASSPHRASE)
        unlock = time.perf_counter() - t0
        library.index.search("seed", limit=50, snippets=False)
        first_search = time.perf_counter() - t0 - unlock
        # a person reads that first answer before the next query: the index's walks ahead, begun
        # at the unlock on threads of their own, finish meanwhile, and CPU time is the process's
        time.sleep(WALKS_AHEAD_S)

        def whole_path(q: str) -> None:
            w0, c0 = time.perf_counter(), time.process_time()
            results, _rows = read_page(library, q, 1, LibraryModel.PAGE)  # the window's first page
            # the window's own part: it makes only the snippet of the record opened (``read_page``)
            pages.append(((time.perf_counter() - w0) * 1000, (time.process_time() - c0) * 1000))
            library.index.snippets([hit.id for hit in results.hits[:20]], q)
            answers.append(results)
        # as the window runs them: its pools search with automatic collection off, and the
        # GUI thread collects between (gui/workers.py); a collection here would be the bench's
        with collector.paused():
            for q in asked:
                engine.append(_timed(partial(library.index.search, q, limit=50, snippets=False, facets=False)))
            for q in asked:
                window.append(_timed(partial(whole_path, q)))
                found.append(answers[-1].total)
            rows = pages[:]
            for q in common_phrases():
                phrases.append(_timed(partial(whole_path, q)))
            for typed in keystrokes(40):
                typing.append(_timed(partial(read_page, library, typed, 1, LibraryModel.PAGE, as_you_type=True)))
            for _ in range(5):
                facets.append(_timed(lambda: library.index.search("", limit=50)))
        everything = library.index.search("", limit=50)
    return {**stats("engine", engine), **stats("window", window), **stats("rows", rows),
            **stats("typing", typing), **stats("facets", facets), **stats("phrase", phrases),
            "keystrokes": len(typing), "all_total": everything.total, "zero_results": sum(1 for f in found if f == 0),
            "queries": len(asked), "unlock_s": unlock, "first_search_s": first_search, "rss": peak_rss_mb(),
            "slowest": [(round(v[1]), q) for v, q in sorted(zip(window, asked, strict=True), key=lambda x: x[0][1])[-3:]]}


RAW_COLD = """
import sys
from whoosh import index
from whoosh.qparser import MultifieldParser
ix = index.open_dir(sys.argv[1])
with ix.searcher() as s:
    for hit in s.search(MultifieldParser(["title", "keywords", "body"], ix.schema).parse(sys.argv[2]), limit=50):
        print(hit["id"])
"""


def cold_cli(raw_dir: Path, data_dir: Path, word: str, runs: int = 5) -> dict:
    env = {**os.environ, "KMDESK_DATA_DIR": str(data_dir)}
    ours, raw = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kmdesk.cli", "search", word], env=env, check=True, capture_output=True)
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", RAW_COLD, str(raw_dir), word], check=True, capture_output=True)
        raw.append(time.perf_counter() - t0)
    return {"ours": statistics.median(ours), "raw": statistics.median(raw)}


def in_child(phase: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--phase", phase, *args], capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"phase {phase} failed ({out.returncode}):\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _print_rows(rows: list[tuple[str, float, float | None, str]]) -> None:
    print(f"{'what':<48} {'kmdesk':>10} {'raw':>10} {'ratio':>7}  raw engine")
    for what, value, base, engine in rows:
        ratio = "" if base is None else f"{value / base:.2f}x"
        print(f"{what:<48} {value:>10.1f} {'' if base is None else f'{base:.1f}':>10} {ratio:>7}  {engine}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="build in DIR and keep it (the library is DIR/library)")
    parser.add_argument("--only", choices=("import", "search"),
                        help="run only the import phases (raw build and kmdesk import), or only the search phases "
                             "on what --keep DIR already holds")
    if sys.argv[1:2] == ["--phase"]:  # one phase, in the child process ``in_child`` started
        phase, rest = sys.argv[2], sys.argv[3:]
        phases = {"raw_build": lambda: raw_build(Path(rest[0]), Path(rest[1])),
                  "raw_tantivy_build": lambda: raw_tantivy_build(Path(rest[0]), Path(rest[1])),
                  "import": lambda: kmdesk_import(Path(rest[0]), Path(rest[1])),
                  "raw_search": lambda: raw_search_phase(rest[0], Path(rest[1]), int(rest[2])),
                  "search": lambda: search_phase(Path(rest[0]), int(rest[1]))}
        print(json.dumps(phases[phase](), ensure_ascii=False))
        return 0
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="kmdesk-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    csv_path, raw_dir, data_dir = work / "corpus.csv", work / "raw-index", work / "library"
    tantivy_dir = work / "raw-tantivy"
    try:
        if args.only != "search":
            for stale in (raw_dir, tantivy_dir, data_dir):
                shutil.rmtree(stale, ignore_errors=True)
            if not csv_path.exists():
                write_csv(args.n, csv_path)
            raw = in_child("raw_build", str(csv_path), str(raw_dir))
            raw_t = in_child("raw_tantivy_build", str(csv_path), str(tantivy_dir))
            ours = in_child("import", str(csv_path), str(data_dir))
        if args.only != "import":
            search = in_child("search", str(data_dir), str(args.queries))
            whoosh_raw = in_child("raw_search", "whoosh", str(raw_dir), str(args.queries))
            tantivy_raw = in_child("raw_search", "tantivy", str(tantivy_dir), str(args.queries))
            search.update({key.replace("raw_", "tantivy_"): value for key, value in tantivy_raw.items()}, **whoosh_raw)
            cold = cold_cli(raw_dir, data_dir, "mangrove")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    n = args.n
    print(f"kmdesk scale bench: {n} records, {args.queries} queries, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if args.only != "search" and ours["errors"]:
        print(f"  import errors (first 3): {ours['errors']}")
    rows = [] if args.only == "search" else [
        ("import, records per CPU-second", n / ours["cpu"], raw["records"] / raw["cpu"], "Whoosh"),
        ("import, records per CPU-second", n / ours["cpu"], raw_t["records"] / raw_t["cpu"], "Tantivy"),
        ("import, peak RSS MB", ours["rss"], raw["rss"], "Whoosh"),
        ("import, peak RSS MB", ours["rss"], raw_t["rss"], "Tantivy"),
    ]
    if args.only == "import":
        _print_rows(rows)
        print(f"imported {ours['records']} records")
        return 0
    for kind in ("cpu", "wall"):
        rows += [(f"window path p50 ms ({kind})", search[f"window_p50_{kind}"], search[f"raw_p50_{kind}"], "Whoosh top 50"),
                 (f"window path p95 ms ({kind})", search[f"window_p95_{kind}"], search[f"raw_p95_{kind}"], "Whoosh top 50"),
                 (f"  of it the window's own (no snippets) p50 ms ({kind})", search[f"rows_p50_{kind}"], None, ""),
                 (f"  of it the window's own (no snippets) p95 ms ({kind})", search[f"rows_p95_{kind}"], None, ""),
                 (f"engine's query p50 ms ({kind})", search[f"engine_p50_{kind}"], search[f"tantivy_p50_{kind}"], "Tantivy top 50"),
                 (f"engine's query p95 ms ({kind})", search[f"engine_p95_{kind}"], search[f"tantivy_p95_{kind}"], "Tantivy top 50"),
                 (f"phrase of two common words p95 ms ({kind})", search[f"phrase_p95_{kind}"], None, ""),
                 (f"typing p95 ms per key ({kind})", search[f"typing_p95_{kind}"], None, ""),
                 (f"typing max ms per key ({kind})", search[f"typing_max_{kind}"], None, ""),
                 (f"facets of all {search['all_total']} records ms ({kind})", search[f"facets_p50_{kind}"], None, "")]
    rows += [("unlock, after the locked listing, s (wall)", search["unlock_s"], None, ""),
             ("then the first search ('seed'), s (wall)", search["first_search_s"], None, ""),
             ("search process peak RSS MB", search["rss"], None, ""),
             ("CLI cold search, s (wall)", cold["ours"], cold["raw"], "Whoosh script")]
    _print_rows(rows)
    print(f"imported {ours['records'] if args.only != 'search' else n} records; {search['zero_results']} of {search['queries']} queries found nothing; "
          f"{search['keystrokes']} keystrokes typed")
    print("slowest queries (CPU ms):", "; ".join(f"{q!r} {ms}" for ms, q in search["slowest"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
