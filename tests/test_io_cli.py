"""The import/export/attachment commands, and a crash in the middle of an import."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from kmdesk.core.store.library import Library

FIXTURES = Path(__file__).with_name("fixtures")


def kmdesk(*args: str, data_dir: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "KMDESK_FAST_KDF": "1"}
    return subprocess.run([sys.executable, "-m", "kmdesk.cli", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, check=check)


def test_import_dry_run_then_import_with_a_mapping_and_json_report(tmp_path):
    data = tmp_path / "lib"
    kmdesk("init", data_dir=data)
    dry = json.loads(kmdesk("import", str(FIXTURES / "zotero.bib"), "--dry-run", "--json", data_dir=data, check=False).stdout)
    assert dry["dry_run"] and dry["counts"] == {"imported": 3, "error": 1}
    assert json.loads(kmdesk("list", "--json", data_dir=data).stdout) == []
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"journal": "keywords"}), encoding="utf-8")
    result = kmdesk("import", str(FIXTURES / "zotero.bib"), "--mapping", str(mapping), data_dir=data, check=False)
    assert result.returncode == 1  # one entry had an error
    assert "entry 3 'broken_2021' (line 30): error:" in result.stderr
    assert "imported 3, merged 0, skipped 0, errors 1" in result.stdout
    listed = json.loads(kmdesk("list", "--json", data_dir=data).stdout)
    fire = next(r for r in listed if r["title"].get("en", "").startswith("Indigenous fire"))
    assert "Ecology and Society" in json.loads(kmdesk("show", fire["id"], "--json", data_dir=data).stdout)["keywords"]
    again = json.loads(kmdesk("import", str(FIXTURES / "zotero.ris"), "--json", data_dir=data).stdout)
    assert [r["status"] for r in again["rows"]] == ["skipped", "skipped", "imported"]


def test_preview_export_formats_and_attachments(tmp_path):
    data = tmp_path / "lib"
    kmdesk("init", data_dir=data)
    preview = json.loads(kmdesk("import", str(FIXTURES / "spreadsheet.csv"), "--preview", "2", "--json", data_dir=data).stdout)
    assert preview["mapping"]["Authors"] == "creators:author" and len(preview["rows"]) == 2
    kmdesk("import", str(FIXTURES / "chm_resource.json"), data_dir=data)
    out = tmp_path / "out.xml"
    kmdesk("export", "--format", "dc", "--query", "protocols", "-o", str(out), data_dir=data)
    assert "Local Contexts label TK A" in out.read_text(encoding="utf-8")
    record_id = "3b1f3c3e-8d9c-4d2f-9a6b-1c2d3e4f5a6b"
    note = tmp_path / "toolkit.txt"
    note.write_text("bio-cultural protocol toolkit", encoding="utf-8")
    added = json.loads(kmdesk("attach", record_id[:8], str(note), "--json", data_dir=data).stdout)
    listed = json.loads(kmdesk("attachments", record_id, "--json", data_dir=data).stdout)
    assert [a["filename"] for a in listed] == ["toolkit.txt"]
    extracted = kmdesk("extract", str(added[0]["id"]), "-o", str(tmp_path / "x.txt"), data_dir=data).stdout.strip()
    assert Path(extracted).read_text(encoding="utf-8") == "bio-cultural protocol toolkit"
    kmdesk("detach", str(added[0]["id"]), data_dir=data)
    assert json.loads(kmdesk("attachments", record_id, "--json", data_dir=data).stdout) == []


def test_bad_files_are_one_clear_line(tmp_path):
    data = tmp_path / "lib"
    kmdesk("init", data_dir=data)
    bad = tmp_path / "x.json"
    bad.write_text('{"title": "not chm"}', encoding="utf-8")
    result = kmdesk("import", str(bad), data_dir=data, check=False)
    assert result.returncode == 2 and f"{bad}: not a CHM document" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_sigkill_in_the_middle_of_an_import_leaves_the_library_consistent(tmp_path):
    data = tmp_path / "lib"
    kmdesk("init", data_dir=data)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as fh:
        fh.write("title,keywords,summary\n")
        for i in range(60_000):
            fh.write(f"Record number {i},kw{i % 50},{'long summary text ' * 20}\n")
    env = {**os.environ, "KMDESK_FAST_KDF": "1"}
    process = subprocess.Popen([sys.executable, "-m", "kmdesk.cli", "--data-dir", str(data), "import", str(big)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wal = data / "library.db-wal"
    try:
        # wait until the import transaction is writing pages (the WAL grows), then kill it hard
        while process.poll() is None and (not wal.exists() or wal.stat().st_size < 4 * 1024 * 1024):
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    with Library.open(data) as library:
        assert library.records.count() == 0
        assert library.check().ok
        assert not [e for e in library.audit.events() if e["action"] == "import"]


def test_sealed_archive_through_the_cli(tmp_path):
    env_pass = {"KMDESK_PASSPHRASE": "keeper pass"}
    data = tmp_path / "lib"

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        env = {**os.environ, "KMDESK_FAST_KDF": "1", **env_pass}
        return subprocess.run([sys.executable, "-m", "kmdesk.cli", "--data-dir", str(data), "--profile", "Keeper", *args],
                              capture_output=True, text=True, env=env, check=check)

    run("init")
    run("community", "add", "Siida")
    run("add", "--type", "practice", "--title", "Community practice", "--community", "Siida", "--access", "community")
    secret = tmp_path / "pass.txt"
    secret.write_text("transfer words\n", encoding="utf-8")
    out = tmp_path / "move.kmd"
    result = run("export", "--format", "kmd", "--include-sealed", "--archive-passphrase-file", str(secret), "-o", str(out))
    assert "exported 0 records and 1 sealed for transfer" in result.stderr
    refused = run("export", "--format", "csv", "--include-sealed", "--archive-passphrase-file", str(secret), check=False)
    assert refused.returncode == 2 and "only a kmdesk archive" in refused.stderr
