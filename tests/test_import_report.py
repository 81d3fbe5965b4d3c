"""An import's report: one line per row, read as the same dicts as ever, held compactly while
the import runs (a 100,000-row file keeps 100,000 lines to its end, the import's peak of memory)."""

from __future__ import annotations

import gc
import json
import tracemalloc

from conftest import write_csv

from kmdesk.cli.common import emit_json
from kmdesk.core.io import importer

KEYS = ["row", "label", "place", "error", "problem", "notes", "note_problems", "id", "status", "reason"]


def test_each_line_reads_as_its_dict_in_the_files_order(keeper, tmp_path, capsys):
    lines = [("Pasture rule", "open grazing", "public", ""), ("Unknown circle", "x", "restricted", "Nobody"),
             ("Pasture rule", "open grazing", "public", ""), ("Healing bark", "tea", "restricted", "Healers")]
    report = importer.run(keeper, importer.open_source(write_csv(tmp_path / "in.csv", lines)))
    rows = report["rows"]
    assert report["counts"] == {"imported": 2, "error": 1, "skipped": 1}
    assert len(rows) == 4 and [list(row) for row in rows] == [KEYS] * 4
    assert [(row["row"], row["label"], row["status"]) for row in rows] == [
        (2, "row 2", "imported"), (3, "row 3", "error"), (4, "row 4", "skipped"), (5, "row 5", "imported")]
    assert rows[0]["place"] == {"kind": "row", "row": 2} and rows[0]["reason"] is rows[0]["error"] is None
    assert rows[1]["reason"] == rows[1]["error"] and "no protocol named Nobody" in rows[1]["reason"]
    assert rows[2]["problem"]["code"] == "duplicate" and rows[2]["id"] and rows[2]["problem"]["params"]["existing"] == rows[0]["id"]
    assert keeper.records.get(rows[3]["id"])["title"] == {"en": "Healing bark"}
    assert rows[-1] == rows[3] and rows[1:3] == [rows[1], rows[2]] and rows == list(rows)
    emit_json(report)  # what ``kmdesk import --json`` prints
    assert json.loads(capsys.readouterr().out)["rows"] == list(rows)


def test_the_report_holds_little_per_row(keeper, tmp_path):
    """What the report keeps once the import is over: its lines, not a dict (about 1 KB) nor a
    row object (about 450 bytes) per row."""
    count = 2000
    path = write_csv(tmp_path / "in.csv", [(f"Pasture rule {i}", "open grazing", "public", "") for i in range(count)])
    tracemalloc.start()
    try:
        report = importer.run(keeper, importer.open_source(path))
        gc.collect()
        held = tracemalloc.get_traced_memory()[0]
        rows = report.pop("rows")
        assert len(rows) == count and rows[count - 1]["status"] == "imported"
        del rows
        gc.collect()
        per_row = (held - tracemalloc.get_traced_memory()[0]) / count
    finally:
        tracemalloc.stop()
    assert per_row < 200  # its record's id (85 bytes), its row number and its status
