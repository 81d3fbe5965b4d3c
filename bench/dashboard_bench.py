"""How long the dashboard's figures take on a large library (issue 16 asks < 1 s at 100,000).

    python bench/dashboard_bench.py [N] [--keep DIR]

The rows are written straight into a fresh library's database (types, 1-3 GBF targets and a
goal, communities, countries, languages, dates over 30 years; one record in ten restricted
across two protocols, one in a hundred sacred; a consent on a third of the records, some
expiring, expired or withdrawn; a CHM sync state on a tenth), because the figures read only
columns: indexing 100,000 records for search would take most of an hour and measure nothing
here. ``dashboard.figures`` is then timed locked (public records) and as a profile that may read
the restricted records, best and median of 5, wall and CPU.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kmdesk.core.insight import dashboard  # noqa: E402
from kmdesk.core.store.engine import make_engine  # noqa: E402
from kmdesk.core.store.library import Library  # noqa: E402
from kmdesk.core.store.model import ConsentEvent, Record, RemoteState  # noqa: E402

PASSPHRASE = "dashboard bench passphrase"
TYPES = ["traditional_knowledge", "practice", "resource", "person", "organization", "need", "offer", "event"]
COUNTRIES = ["pe", "bo", "ke", "br", "in", "cn", "sa", "fj", "ca", "au", "ng", "mx", "id", "ph", "no"]
LANGS = ["en", "es", "fr", "ar", "zh", "ru", "quz", "mas", "mi"]


def build(data_dir: Path, n: int) -> None:
    """A library with a custodian in two protocols, then ``n`` rows written in one transaction."""
    rng = random.Random(16)
    with Library.open(data_dir) as library:
        library.access.create_profile("Bench", PASSPHRASE, ["custodian"])
        library.unlock("Bench", PASSPHRASE)
        library.sync.add_target("chm", "chm", "http://127.0.0.1:9/", settings={"country": "pe"})
        communities = [f"Community {i}" for i in range(37)]
        for protocol in ("Healers", "Weavers"):
            library.access.add_protocol(protocol, kind="strict")
    records, events, states = [], [], []
    for i in range(n):
        rid = str(uuid.UUID(int=rng.getrandbits(128)))
        level = "restricted" if i % 10 == 0 else "sacred" if i % 100 == 1 else "public"
        lang = rng.choice(LANGS)
        records.append({
            "id": rid, "type": rng.choice(TYPES), "title": {lang: f"record {i}"} if level == "public" else {},
            "summary": {}, "body": {}, "keywords": [], "subjects": [], "places": [], "creators": [], "labels": [],
            "identifiers": {}, "gbf_targets": rng.sample(range(1, 24), rng.randint(1, 3)),
            "gbf_goals": [rng.choice("ABCD")], "countries": [rng.choice(COUNTRIES)], "languages": [lang],
            "community": rng.choice(communities) if rng.random() < 0.7 else None,
            "date": f"{rng.randint(1995, 2025)}-{rng.randint(1, 12):02d}", "revision": 1,
            "created_at": "2026-01-01T00:00:00+00:00", "updated_at": "2026-01-01T00:00:00+00:00",
            "access_level": level, "access_protocols": ["Healers", "Weavers"] if level == "restricted" else [],
            "access_sharing": "all", "custodians": ["Bench"] if level == "sacred" else [],
            "sealed": "bench" if level != "public" else None})
        if i % 3 == 0:
            data = {"given_on": "2024-01-01"}
            if i % 9 == 0:
                data["expires_on"] = rng.choice(["2025-06-01", "2026-12-01", "2030-01-01"])
            events.append({"record_id": rid, "consent_id": rid, "kind": "grant", "at": "2026-01-01", "by": "Bench",
                           "data": data})
            if i % 27 == 0:
                events.append({"record_id": rid, "consent_id": rid, "kind": "withdraw", "at": "2026-01-02",
                               "by": "Bench", "data": {"withdrawn_on": "2025-01-01"}})
        if i % 10 == 5:
            status = rng.choice(["sent", "queued", "failed", "retracted"])
            states.append({"record_id": rid, "target": "chm", "status": status, "updated_at": "2026-01-01",
                           "message": "the CHM needs a country" if status == "failed" else None})
    engine = make_engine(data_dir / "library.db")
    with engine.begin() as connection:
        for table, rows in ((Record.__table__, records), (ConsentEvent.__table__, events),
                            (RemoteState.__table__, states)):
            for start in range(0, len(rows), 5000):
                connection.execute(table.insert(), rows[start:start + 5000])
    engine.dispose()


def timed(library: Library, runs: int = 5) -> dict[str, float]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        figures = dashboard.figures(library)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"records counted": figures.total, "wall best s": round(min(walls), 3),
            "wall median s": round(statistics.median(walls), 3), "cpu median s": round(statistics.median(cpus), 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the library in DIR and keep it")
    args = parser.parse_args()
    data_dir = args.keep or Path(tempfile.mkdtemp(prefix="kmdesk-dash-")) / "lib"
    started = time.perf_counter()
    build(data_dir, args.n)
    print(f"built {args.n} rows in {time.perf_counter() - started:.1f} s", flush=True)
    # the figures read the database only: open without the search index's start-up recovery
    library = Library(data_dir, make_engine(data_dir / "library.db"))
    print("locked:", json.dumps(timed(library)), flush=True)
    library.unlock("Bench", PASSPHRASE)
    print("unlocked (restricted counted):", json.dumps(timed(library)), flush=True)
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
