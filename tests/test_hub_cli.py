"""The hub from the command line, as a community's technician and its keepers use it: make the
hub, a login per device, join two copies of a library, sync, see the status, and choose between
two values of a field changed on both."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hub_support import PASS, new_hub

from kmdesk.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def env(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    return tmp_path


def test_init_join_sync_status_conflicts_and_resolve(env, pg_server, capsys):
    database = pg_server.new_database()
    admin = env / "admin-url"
    admin.write_text(pg_server.url(database) + "\n")
    code, out, _err = run(capsys, "hub", "init", "--url-file", str(admin))
    assert code == 0 and "hub ready" in out and pg_server.password not in out
    urls = []
    for name in ("kit_one", "kit_two"):
        code, out, _err = run(capsys, "hub", "device-add", "--url-file", str(admin), name)
        assert code == 0 and name in out
        (env / f"{name}.url").write_text(out.strip() + "\n")
        urls.append(env / f"{name}.url")

    one, two = env / "one", env / "two"
    assert run(capsys, "--data-dir", str(one), "init", "--profile", "Keeper")[0] == 0
    shutil.copytree(one, two)
    code, out, _err = run(capsys, "--data-dir", str(one), "add", "--profile", "Keeper", "--type", "practice",
                          "--title", "Seed exchange")
    record = out.strip().split()[-1]
    for folder, url in ((one, urls[0]), (two, urls[1])):
        code, out, err = run(capsys, "--data-dir", str(folder), "hub", "join", "--url-file", str(url), "--profile", "Keeper")
        assert code == 0 and "joined" in out, err
        assert "password" not in out and url.read_text().split(":")[2].split("@")[0] not in out
    assert run(capsys, "--data-dir", str(one), "hub", "sync", "--profile", "Keeper")[0] == 0
    code, out, _err = run(capsys, "--data-dir", str(two), "hub", "sync", "--profile", "Keeper")
    assert code == 0 and "received" in out
    code, out, _err = run(capsys, "--data-dir", str(two), "show", record)
    assert "Seed exchange" in out
    before = json.loads(run(capsys, "--data-dir", str(one), "--json", "hub", "status", "--profile", "Keeper")[1])
    code, out, _err = run(capsys, "--data-dir", str(one), "--json", "hub", "join", "--url-file", str(urls[0]),
                          "--profile", "Keeper")
    again = json.loads(out)
    assert code == 0 and again["device"] == before["device"] and again["new_device"] is False  # the same device
    assert run(capsys, "--data-dir", str(one), "hub", "sync", "--profile", "Keeper")[1].startswith("sent 0 change(s)")

    for folder, title in ((one, "Seed exchange (one)"), (two, "Seed exchange (two)")):
        assert run(capsys, "--data-dir", str(folder), "edit", record, "--profile", "Keeper", "--title", title)[0] == 0
    for folder in (one, two, one):
        run(capsys, "--data-dir", str(folder), "hub", "sync", "--profile", "Keeper")
    code, out, _err = run(capsys, "--data-dir", str(one), "hub", "conflicts", "--profile", "Keeper")
    assert "field: title" in out and "Seed exchange (one)" in out and "Seed exchange (two)" in out and "this device" in out
    assert 'English "Seed exchange (one)"' in out and "{'" not in out  # the versions in words, not Python's dicts
    for profile in (("--profile", "Keeper"), ()):  # the record itself is flagged, unlocked (store) and locked (reader)
        code, out, _err = run(capsys, "--data-dir", str(one), "show", record, *profile)
        assert code == 0 and "IN CONFLICT: title: changed on two devices at once" in out
    code, out, _err = run(capsys, "--data-dir", str(one), "--json", "show", record)
    assert json.loads(out)["hub_conflicts"] == ["title"]
    code, out, _err = run(capsys, "--data-dir", str(one), "hub", "resolve", record, "title", "--take", "mine",
                          "--profile", "Keeper")
    assert code == 0 and "Seed exchange (one)" in out and "{'" not in out
    assert "IN CONFLICT" not in run(capsys, "--data-dir", str(one), "show", record)[1]
    code, out, _err = run(capsys, "--data-dir", str(one), "hub", "status", "--profile", "Keeper")
    assert code == 0 and "last sync: " in out and not re.search(r"\d{4}-\d\d-\d\dT", out)  # a local time, not ISO
    for folder in (one, two):
        run(capsys, "--data-dir", str(folder), "hub", "sync", "--profile", "Keeper")
    code, out, _err = run(capsys, "--data-dir", str(two), "--json", "hub", "status", "--profile", "Keeper")
    state = json.loads(out)
    assert code == 0 and state["reachable"] and state["conflicts"] == 0 and state["pending"] == 0
    assert state["hub_seq_seen"] == state["hub_seq"] and state["devices"] == 2
    code, out, _err = run(capsys, "--data-dir", str(two), "show", record)
    assert "Seed exchange (one)" in out


def test_a_library_that_has_not_joined_says_so(env, capsys):
    folder = env / "lib"
    assert run(capsys, "--data-dir", str(folder), "init", "--profile", "Keeper")[0] == 0
    code, _out, err = run(capsys, "--data-dir", str(folder), "hub", "status", "--profile", "Keeper")
    assert code == 2 and "has not joined a hub" in err


def test_a_hub_address_that_does_not_answer(env, pg_server, capsys):
    database = new_hub(pg_server).database
    folder = env / "lib"
    run(capsys, "--data-dir", str(folder), "init", "--profile", "Keeper")
    dead = pg_server.url(database).replace(f":{pg_server.port}/", ":1/")
    code, _out, err = run(capsys, "--data-dir", str(folder), "hub", "join", dead, "--profile", "Keeper")
    assert code == 2 and "cannot be reached" in err and pg_server.password not in err


ARENAS = """
import ctypes, sys, tempfile
from kmdesk.cli import main

code = main(["--data-dir", sys.argv[1], "hub", "sync", "--profile", "Keeper"])
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
libc.fclose.argtypes = [ctypes.c_void_p]
with tempfile.NamedTemporaryFile("r", suffix=".xml") as out:
    stream = libc.fopen(out.name.encode(), b"w")
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    print(code, out.read().count("<heap nr="))
"""


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc's arenas")
def test_hub_sync_keeps_glibc_at_two_arenas_while_it_indexes_what_it_pulls(env, pg_server, capsys):
    """Each pulled batch is indexed by new Tantivy writer threads; with an arena per thread, what
    they free stayed with the process and a pull's RSS grew with the records it pulled
    (bench/README.md, stop 19: 260 MB at 10,000 records, 170 MB with two arenas at 10,000 and 30,000)."""
    from hub_support import device, join, template

    hub = new_hub(pg_server)
    base = template(env / "template")
    first, second = device(env / "first", base), device(env / "second", base)
    try:
        join(first, hub, "kit_first")
        join(second, hub, "kit_second")
        first.imports.records([{"type": "practice", "title": {"en": f"Seed note {i}"}} for i in range(60)])
        assert run(capsys, "--data-dir", str(env / "first"), "hub", "sync", "--profile", "Keeper")[0] == 0
    finally:
        first.close()
        second.close()
    script = env / "arenas.py"
    script.write_text(ARENAS, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(env / "second")], capture_output=True, text=True,
                          env=os.environ.copy(), check=True, timeout=300)
    code, heaps = (int(word) for word in done.stdout.split()[-2:])
    assert code == 0 and heaps <= 2, done.stdout + done.stderr


def test_a_copy_on_another_machine_is_told_to_join_not_that_the_hub_is_down(env, pg_server, capsys, monkeypatch):
    """The device's password is kept in the user's state folder, not in the library: a copy taken to
    another machine (another state folder) has none, and is told so, not that the hub is down."""
    from kmdesk.core.hub import server

    hub = new_hub(pg_server)
    url = env / "kit.url"
    url.write_text(server.add_device(hub.admin_url, "kit_one") + "\n")
    folder, elsewhere = env / "lib", env / "elsewhere"
    run(capsys, "--data-dir", str(folder), "init", "--profile", "Keeper")
    assert run(capsys, "--data-dir", str(folder), "hub", "join", "--url-file", str(url), "--profile", "Keeper")[0] == 0
    assert run(capsys, "--data-dir", str(folder), "hub", "sync", "--profile", "Keeper")[0] == 0
    changes = hub.query("SELECT count(*) FROM kmdesk_hub.changes")[0][0]
    shutil.copytree(folder, elsewhere)
    monkeypatch.setenv("KMDESK_STATE_DIR", str(env / "other-machine-state"))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(env / "no-such-pgpass"))
    run(capsys, "--data-dir", str(elsewhere), "add", "--profile", "Keeper", "--type", "practice", "--title", "Written here")

    code, out, err = run(capsys, "--data-dir", str(elsewhere), "hub", "status", "--profile", "Keeper")
    assert code == 2 and "not reachable" not in out + err
    assert "password is not on this machine" in err and "kmdesk hub join URL" in err
    state = json.loads(run(capsys, "--data-dir", str(elsewhere), "--json", "hub", "status", "--profile", "Keeper")[1])
    assert state["credentials"] is False and state["reachable"] is False
    code, out, err = run(capsys, "--data-dir", str(elsewhere), "hub", "sync", "--profile", "Keeper")
    assert code != 0 and "cannot be reached" not in err and "nothing was lost" not in err
    assert "password is not on this machine" in err and "kmdesk hub join URL" in err and "nothing was sent" in err
    assert hub.query("SELECT count(*) FROM kmdesk_hub.changes")[0][0] == changes  # nothing sent


def test_init_refuses_a_server_older_than_the_hub_needs(env, pg_server, capsys, monkeypatch):
    """The hub needs PostgreSQL 14 or newer; an older server was never asked. The server here is
    the real one: the oldest version allowed is raised past it to see the refusal."""
    from kmdesk.core.hub import server

    database = pg_server.new_database()
    admin = env / "admin-url"
    admin.write_text(pg_server.url(database) + "\n")
    monkeypatch.setattr(server, "OLDEST_SERVER", (99,))
    code, _out, err = run(capsys, "hub", "init", "--url-file", str(admin))
    assert code != 0 and "needs PostgreSQL 99 or newer" in err and "runs PostgreSQL 1" in err
    monkeypatch.undo()
    monkeypatch.setenv("KMDESK_STATE_DIR", str(env / "state"))
    code, out, _err = run(capsys, "hub", "init", "--url-file", str(admin))
    assert code == 0 and "hub ready" in out  # nothing was left half made
