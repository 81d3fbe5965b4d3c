"""Measure the community hub: ``python bench/hub_bench.py [N] [--url ADMIN_URL] [--edits M]``.

1. **Initial pull**: device A (a library with its custodian and protocols) holds N records (one
   in ten restricted, sealed), pushes them; a new device B (a copy of the same library made
   before any record) joins and pulls them all: records/s and the pulling process's peak RSS
   (B pulls in a child process, so its RSS is its own). Default N 1000; ``100000`` as asked by
   issue 28 (not on a shared machine: see bench/README.md).
2. **Incremental sync**: A edits 100 records and syncs; B syncs: the wall time of each (the
   goal is <= 2 s with the hub on localhost).
3. **Concurrent edits**: three devices make M edits in all (default 1000) to the same 200
   records, in rounds; in each round every device edits (title, summary or keywords, chosen at
   random, some fields by two devices at once), then all sync until they agree, and device A
   resolves every conflict. Counted: edits, conflicts, and lost values (an edit whose value is
   neither the field's value nor kept in its conflict after the round: must be 0); and whether
   every device shows the same records.

Each part gets a database of its own (the concurrent edits are another library). Without
``--url`` a PostgreSQL server is started in a temporary folder with the system's binaries, as
the tests do (tests/pg_server.py); with it, ADMIN_URL (any database of the server) must be able
to create databases and roles; the databases it makes are dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the tests' PostgreSQL starter

from kmdesk.core.hub import conflicts, device, server, sync  # noqa: E402
from kmdesk.core.malloc_arenas import limit_malloc_arenas  # noqa: E402
from kmdesk.core.store.library import Library  # noqa: E402

PASS = "bench custodian passphrase"
FIELDS = ("title", "summary", "keywords")


def template(folder: Path) -> Path:
    with Library.open(folder) as library:
        library.access.create_profile("Keeper", PASS, ["custodian"])
        library.unlock("Keeper", PASS)
        library.access.add_protocol("Healers")
    return folder


def opened(folder: Path, copy_of: Path | None = None) -> Library:
    if copy_of is not None:
        shutil.copytree(copy_of, folder)
    library = Library.open(folder)
    library.unlock("Keeper", PASS)
    return library


def records(n: int) -> list[dict]:
    out = []
    for i in range(n):
        item = {"type": "practice", "title": {"en": f"Field note {i} on seed exchange"},
                "summary": {"en": "Families renew seed potato by exchanging tubers between altitude zones. " * 3},
                "keywords": ["seed", f"note-{i % 50}"], "countries": ["pe"], "gbf_targets": [4, 13]}
        if i % 10 == 0:
            item["access"] = {"level": "restricted", "protocols": ["Healers"]}
        out.append(item)
    return out


def timed(step) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def pull_child(folder: str, url: str) -> None:
    """Run in a child process: join B and pull everything; print seconds and peak RSS. glibc is
    capped at two arenas first, as ``kmdesk hub sync`` and the window do."""
    limit_malloc_arenas()
    library = opened(Path(folder))
    device.join(library, url, label="bench_b")
    start = time.perf_counter()
    report = sync.sync(library)
    seconds = time.perf_counter() - start
    count = library.records.count()
    library.close()
    print(json.dumps({"seconds": seconds, "pulled": report.pulled, "records": count, "rss_mb": peak_rss_mb()}))


def peak_rss_mb() -> float:
    """This process's peak RSS. On Linux from VmHWM: ``ru_maxrss`` of a child keeps the parent's
    peak from before the exec (the bench's own process, with its 10,000 records, not the pull's)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def initial_and_incremental(n: int, admin: str, tmp: Path, base: Path) -> None:
    a = opened(tmp / "a", base)
    device.join(a, server.add_device(admin, "bench_a"), label="bench_a")
    a.imports.records(records(n))
    push = timed(lambda: sync.sync(a))
    print(f"device A pushes {n} records (and their history rows): {push:.1f} s, {n / push:.0f} records/s")
    shutil.copytree(base, tmp / "b")
    child = subprocess.run([sys.executable, __file__, "--pull-child", str(tmp / "b"), server.add_device(admin, "bench_b")],
                           capture_output=True, text=True, env=os.environ.copy(), check=True)
    got = json.loads(child.stdout.strip().splitlines()[-1])
    assert got["records"] == n, got
    print(f"initial pull of {n} records to a new device: {got['seconds']:.1f} s, {n / got['seconds']:.0f} records/s "
          f"({got['pulled']} changes), peak RSS {got['rss_mb']:.0f} MB")

    b = opened(tmp / "b")
    ids = [record["id"] for record in a.records.iter_all()][:100]
    for record_id in ids:
        a.records.update(record_id, {"summary": {"en": "Edited: tubers travel between altitude zones."}})
    push = timed(lambda: sync.sync(a))
    pull = timed(lambda: sync.sync(b))
    assert all(b.records.get(record_id)["summary"] == {"en": "Edited: tubers travel between altitude zones."} for record_id in ids)
    print(f"incremental sync of 100 edits: A sends in {push:.2f} s, B receives in {pull:.2f} s (goal <= 2 s each)")
    a.close()
    b.close()


def edit(library: Library, record_id: str, name: str, token: str) -> object:
    value: object = {"en": f"{name} {token}"} if name != "keywords" else ["seed", token]
    library.records.update(record_id, {name: value})
    return value


def concurrent(edits: int, admin: str, tmp: Path, base: Path, seed: int = 28) -> None:
    libraries = []
    for name in ("c1", "c2", "c3"):
        library = opened(tmp / name, base)
        device.join(library, server.add_device(admin, f"bench_{name}"), label=name)
        libraries.append(library)
    first = libraries[0]
    first.imports.records(records(200))
    for library in libraries:
        sync.sync(library)
    ids = sorted(record["id"] for record in first.records.iter_all())
    randomly = random.Random(seed)
    made = conflicted = lost = 0
    rounds = max(1, edits // 150)
    start = time.perf_counter()
    for round_number in range(rounds):
        written: dict[tuple[str, str], dict[int, object]] = {}
        for _ in range(edits // rounds // len(libraries)):
            for number, library in enumerate(libraries):
                record_id, name = randomly.choice(ids[:60]), randomly.choice(FIELDS)  # a hot set: collisions happen
                token = f"r{round_number}-d{number}-{made}"
                written.setdefault((record_id, name), {})[number] = edit(library, record_id, name, token)
                made += 1
        for _ in range(2):
            for library in randomly.sample(libraries, len(libraries)):
                sync.sync(library)
        found = {(item["record"], item["field"]): item for item in conflicts.list_conflicts(first)}
        conflicted += len(found)
        for (record_id, name), values in written.items():
            kept = [first.records.get(record_id)[name]]
            if (record_id, name) in found:
                kept += [entry["value"] for entry in found[(record_id, name)]["values"]]
            lost += sum(1 for value in values.values() if value not in kept)
        for (record_id, name) in found:
            conflicts.resolve(first, record_id, name, "1")
        for _ in range(2):
            for library in libraries:
                sync.sync(library)
    seconds = time.perf_counter() - start
    views = [{record["id"]: {name: record[name] for name in FIELDS} for record in library.records.iter_all()}
             for library in libraries]
    same = views[0] == views[1] == views[2]
    left = sum(len(conflicts.list_conflicts(library)) for library in libraries)
    print(f"3 devices, {made} concurrent edits in {rounds} rounds: {conflicted} conflicts (both values kept, then "
          f"resolved), {lost} lost, devices agree: {same}, conflicts left: {left}; {seconds:.1f} s")
    for library in libraries:
        library.close()


def new_database(admin: str, purpose: str) -> str:
    """A fresh database on the server of ``admin``, as the administrator's address to it."""
    import psycopg

    name = f"kmdesk_bench_{purpose}_{os.getpid()}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    url = urlsplit(admin)
    return urlunsplit(url._replace(path=f"/{name}"))


def drop_databases(admin: str, urls: list[str]) -> None:
    import psycopg

    with psycopg.connect(admin, autocommit=True) as connection:
        for url in urls:
            connection.execute(f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--url", help="an administrator's address (default: start a temporary PostgreSQL)")
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--pull-child", nargs=2, metavar=("FOLDER", "URL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("KMDESK_STATE_DIR", tempfile.mkdtemp(prefix="kmdesk-bench-state-"))
    if args.pull_child:
        pull_child(*args.pull_child)
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # a stopped bench still stops its server
    started = None
    admin = args.url
    if admin is None:
        import pg_server

        started = pg_server.PgServer(pg_server.binaries())
        started.init()
        started.start()
        admin = started.url()
    hubs = [new_database(admin, "pull"), new_database(admin, "edits")]
    try:
        for url in hubs:
            server.init(url)
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            initial_and_incremental(args.n, hubs[0], tmp, template(tmp / "template"))
            concurrent(args.edits, hubs[1], tmp, template(tmp / "other"))
    finally:
        if started is not None:
            started.cleanup()
        else:
            drop_databases(admin, hubs)


if __name__ == "__main__":
    main()
