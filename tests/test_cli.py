"""The command line in a subprocess, as a script or a field kit would call it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def kmdesk(*args: str, data_dir: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KMDESK_DATA_DIR": str(data_dir)}
    result = subprocess.run([sys.executable, "-m", "kmdesk.cli", *args], capture_output=True, text=True, env=env, timeout=120)
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
    out = kmdesk("add", "--type", "traditional_knowledge", "--title", "Lectura de las nubes", "--lang", "es",
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

    kmdesk("delete", record_id, data_dir=data)
    assert json.loads(kmdesk("list", "--json", data_dir=data).stdout) == []


def test_add_json_prints_whole_record(data):
    record = json.loads(kmdesk("add", "--type", "offer", "--title", "Free seed bank training", "--json", data_dir=data).stdout)
    assert record["type"] == "offer" and record["title"] == {"en": "Free seed bank training"}


@pytest.mark.parametrize("args, message", [
    (("show", "does-not-exist"), "no record with id does-not-exist"),
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
