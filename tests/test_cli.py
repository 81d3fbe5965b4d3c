"""The command line in a subprocess, as a script or a field kit would call it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def kmdesk(*args: str, data_dir: Path, check: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KMDESK_DATA_DIR": str(data_dir), **(env or {})}
    result = subprocess.run([sys.executable, "-m", "kmdesk.cli", *args], capture_output=True, text=True, env=env, timeout=120,
                            stdin=subprocess.DEVNULL)  # as from a script: no terminal to answer a question
    if check and result.returncode != 0:
        raise AssertionError(f"kmdesk {' '.join(args)} -> {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture
def data(tmp_path):
    directory = tmp_path / "lib"
    kmdesk("init", data_dir=directory)
    return directory


def test_console_script_is_installed():
    assert shutil.which("kmdesk", path=str(Path(sys.executable).parent)), "pip install -e . creates the kmdesk command"


def test_add_show_search_edit_delete(data):
    out = kmdesk("add", "--type", "traditional_knowledge", "--access", "public", "--title", "Lectura de las nubes", "--lang", "es",
                 "--summary", "Predicción del clima por la forma de las nubes al amanecer", "--keyword", "clima",
                 "--keyword", "agricultura", "--target", "8", "--target", "21", "--author", "Rosa Mamani",
                 "--date", "2022-09", "--url", "https://example.org/nubes", "--country", "PE", data_dir=data)
    record_id = out.stdout.strip()
    assert len(record_id) == 36

    shown = json.loads(kmdesk("show", record_id, "--json", data_dir=data).stdout)
    assert shown["title"] == {"es": "Lectura de las nubes"}
    assert shown["gbf_targets"] == [8, 21] and shown["countries"] == ["pe"]
    assert shown["creators"] == [{"name": "Rosa Mamani", "role": "author"}]
    assert shown["history"][0]["action"] == "create"

    hits = json.loads(kmdesk("search", "nubes", "--json", data_dir=data).stdout)
    assert [h["id"] for h in hits] == [record_id]
    assert set(hits[0]) >= {"id", "title", "score"}
    assert json.loads(kmdesk("search", "nubes", "--target", "3", "--json", data_dir=data).stdout) == []
    assert len(json.loads(kmdesk("search", "nubes", "--type", "traditional_knowledge", "--json", data_dir=data).stdout)) == 1

    kmdesk("edit", record_id[:8], "--title", "Reading the clouds", "--lang", "en", data_dir=data)
    shown = json.loads(kmdesk("show", record_id, "--json", data_dir=data).stdout)
    assert shown["title"] == {"es": "Lectura de las nubes", "en": "Reading the clouds"}
    assert shown["revision"] == 2

    listed = json.loads(kmdesk("list", "--json", data_dir=data).stdout)
    assert [r["id"] for r in listed] == [record_id]

    kmdesk("delete", record_id, "--yes", data_dir=data)
    assert json.loads(kmdesk("list", "--json", data_dir=data).stdout) == []


def test_add_json_prints_whole_record(data):
    record = json.loads(kmdesk("add", "--type", "offer", "--title", "Free seed bank training", "--json", data_dir=data).stdout)
    assert record["type"] == "offer" and record["title"] == {"en": "Free seed bank training"}


@pytest.mark.parametrize("args, message", [
    (("show", "does-not-exist"), "no record with id does-not-exist"),
    (("delete", "1"), "give at least 8 characters of a record id"),
    (("add", "--type", "practice", "--title", "x", "--target", "42"), "42 is not a GBF target"),
    (("add", "--type", "practice", "--title", "x", "--date", "last year"), "is not YYYY"),
    (("import", "/nonexistent/file.json"), "no such file"),
])
def test_errors_are_one_line_without_traceback(data, args, message):
    result = kmdesk(*args, data_dir=data, check=False)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_commands_refuse_a_missing_library(tmp_path):
    result = kmdesk("list", data_dir=tmp_path / "nothing", check=False)
    assert result.returncode == 2 and "kmdesk init" in result.stderr


def test_check_exit_codes_and_reindex(data):
    lost = kmdesk("add", "--type", "practice", "--title", "Zaï pits for dryland farming", data_dir=data).stdout.strip()
    kmdesk("add", "--type", "practice", "--title", "Half-moon water harvesting", data_dir=data)
    assert kmdesk("check", data_dir=data).returncode == 0
    from kmdesk.core.search import SearchIndex
    SearchIndex.open(data / "index", create=False).delete([lost])  # drift behind the store's back
    drift = kmdesk("check", "--json", data_dir=data, check=False)
    assert drift.returncode == 1 and json.loads(drift.stdout)["missing"] == [lost]
    assert json.loads(kmdesk("reindex", "--json", data_dir=data).stdout) == {"indexed": 2}
    assert kmdesk("check", data_dir=data).returncode == 0


def test_export_import_roundtrip_through_the_cli(data, tmp_path):
    kmdesk("add", "--type", "practice", "--title", "Pêche à pied durable", "--lang", "fr", data_dir=data)
    kmdesk("add", "--type", "resource", "--title", "草原保护指南", "--lang", "zh", data_dir=data)
    exported = tmp_path / "lib.json"
    kmdesk("export", "--format", "json", "-o", str(exported), data_dir=data)
    other = tmp_path / "other"
    kmdesk("init", data_dir=other)
    report = json.loads(kmdesk("import", str(exported), "--json", data_dir=other).stdout)
    assert report["counts"] == {"imported": 2}
    again = json.loads(kmdesk("export", "--format", "json", data_dir=other).stdout)
    assert again == json.loads(exported.read_text(encoding="utf-8"))


def test_traditional_knowledge_starts_with_its_community(tmp_path):
    """Issue 11: a new TK record defaulted to public; unless the person chooses otherwise it
    now starts with its community (and so needs consent before it can be shared)."""
    data = tmp_path / "lib"
    keeper = {"KMDESK_PASSPHRASE": "keeper passphrase"}

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return kmdesk(*args, "--profile", "Keeper", data_dir=data, env=keeper, check=check)

    run("init")
    refused = run("add", "--type", "traditional_knowledge", "--title", "Reading the stars", check=False)
    assert refused.returncode == 2 and "--community" in refused.stderr and "--access" in refused.stderr
    run("community", "add", "Ayllu")
    tk = json.loads(run("add", "--type", "traditional_knowledge", "--title", "Reading the stars", "--community", "Ayllu", "--json").stdout)
    chosen = json.loads(run("add", "--type", "traditional_knowledge", "--title", "Songs", "--access", "public", "--json").stdout)
    other = json.loads(run("add", "--type", "resource", "--title", "A guide", "--json").stdout)
    assert tk["access"]["level"] == "community"
    assert chosen["access"]["level"] == "public"
    assert other["access"]["level"] == "public"
    # an import without an access block gets the same default: the core decides, not each face
    source = tmp_path / "tk.json"
    source.write_text(json.dumps({"format": "kmdesk-library", "records": [
        {"type": "traditional_knowledge", "title": {"en": "Fire calendar"}, "community": "Ayllu"}]}), encoding="utf-8")
    run("import", str(source))
    levels = [r["access"] for r in json.loads(run("list", "--json").stdout)]
    assert sorted(levels) == ["community", "community", "public", "public"]


def _two_records_sharing_a_prefix(data: Path) -> tuple[str, str]:
    from kmdesk.core.store.library import Library

    with Library.open(data) as library:
        first = library.records.add({"id": "abcdef12-0000-4000-8000-000000000001", "type": "resource", "title": {"en": "One"}})["id"]
        second = library.records.add({"id": "abcdef12-9999-4000-8000-000000000002", "type": "resource", "title": {"en": "Two"}})["id"]
    return first, second


def test_ids_are_unique_prefixes_of_eight_characters(data):
    first, second = _two_records_sharing_a_prefix(data)
    short = kmdesk("delete", first[:7], "--yes", data_dir=data, check=False)
    assert short.returncode == 2 and "at least 8 characters" in short.stderr
    ambiguous = kmdesk("delete", first[:8], "--yes", data_dir=data, check=False)
    assert ambiguous.returncode == 2 and "ambiguous" in ambiguous.stderr
    wildcard = kmdesk("show", "abcdef1_", data_dir=data, check=False)  # LIKE's wildcard is a plain character in an id
    assert wildcard.returncode == 2 and "no record" in wildcard.stderr
    assert len(json.loads(kmdesk("list", "--json", data_dir=data).stdout)) == 2
    kmdesk("delete", second[:10], "--yes", data_dir=data)
    assert [r["id"] for r in json.loads(kmdesk("list", "--json", data_dir=data).stdout)] == [first]


def test_delete_asks_and_a_script_must_say_yes(data):
    record_id = kmdesk("add", "--type", "resource", "--title", "Keep me", data_dir=data).stdout.strip()
    refused = kmdesk("delete", record_id, data_dir=data, check=False)  # stdin is not a terminal
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert kmdesk("show", record_id, data_dir=data).returncode == 0


@pytest.mark.parametrize("answer, deleted", [("y\n", True), ("n\n", False), ("", False)])
def test_delete_asks_on_a_terminal(data, monkeypatch, capsys, answer, deleted):
    import io

    from kmdesk.cli import main

    record_id = kmdesk("add", "--type", "resource", "--title", "Ask first", data_dir=data).stdout.strip()

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    code = main(["--data-dir", str(data), "delete", record_id])
    assert "Delete 'Ask first'" in capsys.readouterr().out
    assert code == (0 if deleted else 1)
    listed = [r["id"] for r in json.loads(kmdesk("list", "--json", data_dir=data).stdout)]
    assert listed == ([] if deleted else [record_id])


def test_history_stays_readable_after_delete(data):
    record_id = kmdesk("add", "--type", "resource", "--title", "Short-lived", data_dir=data).stdout.strip()
    kmdesk("edit", record_id, "--title", "Renamed", data_dir=data)
    kmdesk("delete", record_id, "--yes", data_dir=data)
    shown = kmdesk("show", record_id[:8], "--history", data_dir=data)
    assert "deleted record" in shown.stdout and record_id in shown.stdout
    assert [line.strip().split("  ")[2] for line in shown.stdout.split("History:")[1].strip().splitlines()] == \
        ["create", "edit", "delete"]
    as_json = json.loads(kmdesk("show", record_id, "--history", "--json", data_dir=data).stdout)
    assert as_json["deleted"] is True and [h["action"] for h in as_json["history"]] == ["create", "edit", "delete"]
    assert kmdesk("show", record_id, data_dir=data, check=False).returncode == 2  # without --history: gone


def test_show_speaks_in_words_not_codes(data):
    """Places in degrees and hemispheres, countries and languages by name, a short date: never
    "@ -16.6 179.2", "fj" or an ISO timestamp."""
    record_id = kmdesk("add", "--type", "practice", "--title", "Reef closures", "--place", "Vanua Levu @ -16.6 179.2",
                       "--country", "fj", "--language", "fj", data_dir=data).stdout.strip()
    shown = kmdesk("show", record_id, "--history", data_dir=data).stdout
    assert "places: Vanua Levu (16.6° S, 179.2° E)" in shown
    assert "countries: Fiji" in shown and "languages: Fijian" in shown
    assert "@" not in shown and not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", shown)


def test_python_dash_m_kmdesk_is_the_command_line():
    done = subprocess.run([sys.executable, "-m", "kmdesk", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("kmdesk ")
