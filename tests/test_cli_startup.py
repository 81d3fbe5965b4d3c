"""A fast command line (issue 11): what a command loads, not how long it takes (the figures are
``bench/cli_bench.py``'s). ``kmdesk --help`` loads no group; a command loads only its group;
alembic loads only when a library's schema is behind."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from kmdesk import cli

HEAVY = ("alembic", "tantivy", "Stemmer", "PySide6", "sqlalchemy", "requests", "cryptography")


def loaded_after(code: str) -> set[str]:
    """Top-level packages imported by ``code`` in a fresh interpreter."""
    script = f"import sys\n{code}\nimport json; print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True,
                            stdin=subprocess.DEVNULL)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_import_and_help_load_no_heavy_package():
    assert not loaded_after("import kmdesk.cli") & set(HEAVY)
    help_run = "import contextlib, io\nfrom kmdesk.cli import main\nwith contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n    main(['--help'])"
    assert not loaded_after(help_run) & set(HEAVY)


def test_show_loads_no_alembic_when_the_schema_is_current(tmp_path):
    from kmdesk.core.store.library import Library

    with Library.open(tmp_path / "lib") as library:
        record_id = library.records.add({"type": "resource", "title": {"en": "Seed fair"}})["id"]
    run = f"from kmdesk.cli import main\nassert main(['--data-dir', {str(tmp_path / 'lib')!r}, 'show', {record_id[:8]!r}]) == 0"
    loaded = loaded_after(run)
    assert "sqlite3" in loaded  # it did open the library: with sqlite3 alone (core.reader, tests/test_cli_show_reader.py)
    assert not loaded & {"alembic", "sqlalchemy", "PySide6", "requests", "tantivy"}


def test_a_library_behind_the_schema_is_still_upgraded(tmp_path):
    """Skipping alembic must not skip a due migration: a library at the first revision opens
    at the head, as before."""
    from sqlalchemy import text

    from kmdesk.core.store.engine import make_engine, migrate, stored_revision
    from kmdesk.core.store.library import Library
    from kmdesk.core.store.revisions import SCHEMA_HEAD

    db = tmp_path / "lib" / "library.db"
    db.parent.mkdir()
    engine = make_engine(db)
    migrate(engine, "0001")
    with engine.connect() as connection:
        assert stored_revision(connection) == "0001"
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()
    with Library.open(tmp_path / "lib") as library, library.engine.connect() as connection:
        assert stored_revision(connection) == SCHEMA_HEAD


def _registered(module: str) -> set[str]:
    import importlib

    sub = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(f"kmdesk.cli.{module}").register(sub)
    return set(sub.choices)


def test_command_table_matches_what_each_group_registers():
    modules = {module for module, _help in cli.COMMANDS.values()}
    for module in modules:
        assert _registered(module) == {name for name, (m, _h) in cli.COMMANDS.items() if m == module}, module


@pytest.mark.parametrize("argv, command", [
    (["show", "abc"], "show"),
    (["--data-dir", "/tmp/x", "--json", "list"], "list"),
    (["--profile", "show", "show", "--history", "abcdefgh"], "show"),
    (["target", "add", "--help"], "target"),
])
def test_command_found_before_any_group_loads(argv, command):
    assert cli.command_name(argv) == command


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["frobnicate"])
    assert stop.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_console_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in cli.COMMANDS)



def test_the_program_freezes_what_loading_made_and_collects_what_the_command_makes(tmp_path):
    """Run as the ``kmdesk`` program, the collector neither runs while the command's group
    loads, nor while a command that opens the store imports it (SQLAlchemy and the models),
    nor walks what loading made afterwards (frozen), and it is on while the command runs.
    Called from a longer process (``main(argv)``), the caller's collector is left as it was."""
    from kmdesk.core.store.library import Library

    Library.open(tmp_path / "lib").close()
    program = """
import gc, json, sys
from kmdesk import cli
during = []
importing_store = []
def watch(phase, info):
    if phase == "start" and "kmdesk.cli.records_cmd" in sys.modules and not getattr(sys, "_command_running", False):
        during.append(info["generation"])
    if phase == "start" and "kmdesk.core.store.library" in sys.modules and not hasattr(sys.modules["kmdesk.core.store.library"], "Library"):
        importing_store.append(info["generation"])
gc.callbacks.append(watch)
import kmdesk.cli.common as common
opened = common.open_library
def open_library(args, **kwargs):
    sys._command_running = True
    return opened(args, **kwargs)
common.open_library = open_library
argv = ["--data-dir", sys.argv[1], "list"]
if sys.argv[2] == "program":
    sys.argv = ["kmdesk", *argv]
    code = cli.main()
else:
    code = cli.main(argv)
print(json.dumps({"code": code, "collected_while_loading": len(during), "collected_while_importing_store": len(importing_store),
                  "store_loaded": "sqlalchemy" in sys.modules, "frozen": gc.get_freeze_count(), "enabled": gc.isenabled()}))
"""

    def run(mode: str) -> dict:
        out = subprocess.run([sys.executable, "-c", program, str(tmp_path / "lib"), mode], capture_output=True, text=True,
                             timeout=120, check=True, stdin=subprocess.DEVNULL)
        return json.loads(out.stdout.strip().splitlines()[-1])

    as_program = run("program")
    assert as_program["code"] == 0 and as_program["enabled"]
    assert as_program["collected_while_loading"] == 0 and as_program["frozen"] > 10_000
    assert as_program["store_loaded"] and as_program["collected_while_importing_store"] == 0
    in_process = run("call")
    assert in_process["code"] == 0 and in_process["enabled"] and in_process["frozen"] == 0
    assert in_process["collected_while_loading"] + in_process["collected_while_importing_store"] > 0  # what the program is spared
