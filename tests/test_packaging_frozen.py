"""The frozen one-folder build (``make dist``: PyInstaller, packaging/kmdesk.spec) runs with no
Python of the system's: it answers ``--version``, creates a library in the user's data
directory (and writes nowhere else), searches in Arabic, renders its window offscreen, and opens
every view (dashboard, map, directory, matches, report) with no traceback.

``make check-dist`` runs this file; it needs ``dist/kmdesk`` built first (``make dist`` takes
about three minutes here, so check-dist does not build it: packaging/README.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import ROOT, clean_env, run

FROZEN = ROOT / "dist" / "kmdesk"
# Windows: the console program (kmdesk-gui.exe beside it opens the window without a console)
EXECUTABLE = FROZEN / ("kmdesk.exe" if sys.platform == "win32" else "kmdesk")

pytestmark = [
    pytest.mark.skipif(not os.environ.get("KMDESK_CHECK_DIST"), reason="checks the frozen build: run by `make check-dist`"),
    pytest.mark.skipif(not EXECUTABLE.exists(), reason="dist/kmdesk has not been built: run `make dist` first"),
]


def _frozen_env(tmp_path: Path) -> dict[str, str]:
    """A user's environment: no KMDESK_DATA_DIR (the platform's data directory is used), and no
    Python to be found on PATH."""
    env = clean_env(tmp_path)
    del env["KMDESK_DATA_DIR"]
    empty = tmp_path / "no-python"
    empty.mkdir()
    env.update(PATH=str(empty), XDG_DATA_HOME=str(tmp_path / "xdg-data"), XDG_CONFIG_HOME=str(tmp_path / "xdg-config"))
    return env


def _snapshot(folder: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def test_the_frozen_build_runs_and_writes_only_to_the_users_data_directory(tmp_path):
    env = _frozen_env(tmp_path)
    work = tmp_path / "cwd"
    work.mkdir()
    installed = _snapshot(FROZEN)

    assert run([str(EXECUTABLE), "--version"], env=env, cwd=work).stdout.strip() == "kmdesk 0.1.0"
    created = run([str(EXECUTABLE), "init", "--demo"], env=env, cwd=work).stdout
    data_dir = tmp_path / "xdg-data" / "kmdesk"
    assert str(data_dir) in created and "; 0 demo" not in created
    assert (data_dir / "library.db").exists()
    found = run([str(EXECUTABLE), "search", "حمى"], env=env, cwd=work).stdout
    assert "hima" in found.lower() and "0 match" not in found
    screenshot = tmp_path / "frozen-ar.png"
    run([str(EXECUTABLE), "gui", "--language", "ar", "--screenshot", str(screenshot)], env=env, cwd=work)
    assert screenshot.read_bytes().startswith(b"\x89PNG")

    assert _snapshot(FROZEN) == installed  # nothing written into the installation
    assert list(work.iterdir()) == []  # nor into the current directory


def test_the_frozen_build_carries_its_translations_and_migrations():
    internal = FROZEN / "_internal"
    assert (internal / "kmdesk" / "translations" / "kmdesk_ar.qm").exists()
    from kmdesk.core.store.revisions import SCHEMA_HEAD

    store = internal / "kmdesk" / "core" / "store" / "migrations" / "versions"  # the library's, to its head
    assert [path for path in store.glob(f"{SCHEMA_HEAD}_*.py")]
    assert list((internal / "kmdesk" / "core" / "hub" / "migrations" / "versions").glob("h0001_*.py"))  # the hub's
    assert (internal / "kmdesk" / "resources" / "vocab" / "gbf.json").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the Linux layout (libQt6*.so)")
def test_the_frozen_build_leaves_out_what_kmdesk_never_loads():
    libraries = {path.name.split(".so")[0] for path in (FROZEN / "_internal").rglob("libQt6*.so*")}
    assert libraries, "no Qt libraries found: the layout of the frozen folder changed"
    unused = {"libQt6WebEngineCore", "libQt6Qml", "libQt6Quick", "libQt6Pdf", "libQt6Multimedia"}
    assert libraries & unused == set()


VIEWS = ("dashboard", "map", "directory", "matches", "report")


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_opens_in_the_frozen_build(view, tmp_path):
    """``gui --view VIEW --screenshot``: the view is built, fed its figures and rendered. The
    dashboard once died here (pyqtgraph's QtOpenGL left out by the spec); a traceback anywhere,
    even one Qt's event loop swallowed, fails the test (and the screenshot: kmdesk.app.ErrorsSeen)."""
    env = _frozen_env(tmp_path)
    run([str(EXECUTABLE), "init", "--demo"], env=env, cwd=tmp_path)
    shot = tmp_path / f"{view}.png"
    done = subprocess.run([str(EXECUTABLE), "gui", "--language", "en", "--view", view, "--screenshot", str(shot)],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 0 and "Traceback" not in done.stderr + done.stdout, f"{view}:\n{done.stdout}\n{done.stderr}"
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_the_frozen_build_writes_the_pdf_report(tmp_path):
    """The report's PDF is Qt's own printing (QPdfWriter): it must be in the frozen folder too."""
    env = _frozen_env(tmp_path)
    run([str(EXECUTABLE), "init", "--demo"], env=env, cwd=tmp_path)
    done = run([str(EXECUTABLE), "report", "--language", "zh", "-o", str(tmp_path / "report.pdf")], env=env, cwd=tmp_path)
    assert "Traceback" not in done.stderr
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_the_frozen_folder_carries_the_licence():
    assert (FROZEN / "_internal" / "LICENSE").read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(encoding="utf-8")
