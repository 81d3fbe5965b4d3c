"""What each part of kmdesk may import (DESIGN §1), read from the source: the core takes no Qt;
the command line and the renderers never take the window's code (``kmdesk.gui``), so ``kmdesk
report`` prints a PDF without loading a widget; the renderers take Qt's core and painting
modules only. ``kmdesk gui`` starts the window through ``kmdesk.app``, the face's own door."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KMDESK = Path(__file__).resolve().parents[1] / "kmdesk"


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at its top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def sources(part: str) -> list[str]:
    return sorted(str(path.relative_to(KMDESK)) for path in (KMDESK / part).rglob("*.py")
                  if "migrations" not in path.parts)


def within(names: set[str], package: str) -> set[str]:
    return {name for name in names if name == package or name.startswith(package + ".")}


@pytest.mark.parametrize("module", sources("core"))
def test_the_core_takes_no_qt(module):
    assert not within(imported(KMDESK / module), "PySide6")


@pytest.mark.parametrize("module", sources("cli") + sources("render"))
def test_the_command_line_and_the_renderers_never_take_the_windows_code(module):
    assert not within(imported(KMDESK / module), "kmdesk.gui")


@pytest.mark.parametrize("module", sources("render"))
def test_the_renderers_take_no_widgets(module):
    qt = within(imported(KMDESK / module), "PySide6")
    assert {name for name in qt if name.split(".")[1:2] not in (["QtCore"], ["QtGui"])} == set()


def test_the_checks_see_imports_inside_functions(tmp_path):
    source = tmp_path / "late.py"
    source.write_text("def f():\n    from kmdesk.gui import report_writer\n    import PySide6.QtWidgets\n")
    assert {"kmdesk.gui.report_writer", "PySide6.QtWidgets"} <= imported(source)


def test_kmdesk_report_prints_a_pdf_without_loading_the_windows_code(tmp_path):
    from kmdesk.core.store.library import Library

    with Library.open(tmp_path / "lib") as library:
        library.records.add({"type": "resource", "title": {"en": "Seed fair"}, "gbf_targets": [13]})
    probe = ("import contextlib, io, json, sys\nfrom kmdesk.cli import main\nwith contextlib.redirect_stdout(io.StringIO()):\n"
             f"    code = main(['report', '--data-dir', {str(tmp_path / 'lib')!r}, '-o', {str(tmp_path / 'r.pdf')!r}])\n"
             "print(json.dumps([code, sorted(m for m in sys.modules if m.startswith(('kmdesk.gui', 'PySide6.QtWidgets')))]))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True,
                          stdin=subprocess.DEVNULL, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    code, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0 and loaded == [] and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
