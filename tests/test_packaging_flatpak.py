"""The Flatpak manifest (packaging/org.kmdesk.KMDesk.flatpak.yml), checked without flatpak-builder:
its Python modules (python3-deps.json, generated from packaging/flatpak-requirements.txt) are the
wheel's runtime requirements, and its install commands work in a fresh prefix."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "packaging" / "org.kmdesk.KMDesk.flatpak.yml"
REQUIREMENTS = ROOT / "packaging" / "flatpak-requirements.txt"
FROM_THE_BASE_APP = {"pyside6-essentials"}  # io.qt.PySide.BaseApp brings PySide6 and Qt
BUILD_ONLY = {"setuptools"}  # builds kmdesk in the sandbox (pip --no-build-isolation)


def _requirement(line: str) -> tuple[str, str]:
    """(normalized name, specifier without spaces) of a requirement line."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)", line)
    assert match, line
    return re.sub(r"[-_.]+", "-", match.group(1)).lower(), match.group(2).replace(" ", "")


def wheel_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return dict(_requirement(line) for line in project["dependencies"])


def flatpak_requirements() -> dict[str, str]:
    lines = [line.split("#")[0].strip() for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines()]
    return dict(_requirement(line) for line in lines if line)


def build_commands() -> list[str]:
    """The kmdesk module's build-commands, read as the YAML lists them (one ``- `` item a line)."""
    text = MANIFEST.read_text(encoding="utf-8")
    block = text.split("build-commands:", 1)[1].split("sources:", 1)[0]
    return [line.strip()[2:] for line in block.splitlines() if line.strip().startswith("- ")]


def test_the_manifests_python_modules_are_the_wheels_runtime_requirements():
    assert "- python3-deps.json" in MANIFEST.read_text(encoding="utf-8")
    assert "flatpak-requirements.txt" in MANIFEST.read_text(encoding="utf-8")
    wheel, flatpak = wheel_requirements(), flatpak_requirements()
    assert {"numpy", "pyqtgraph", "tantivy", "pystemmer"} <= set(wheel)
    expected = {name: spec for name, spec in wheel.items() if name not in FROM_THE_BASE_APP}
    shipped = {name: spec for name, spec in flatpak.items() if name not in BUILD_ONLY}
    assert shipped == expected


def test_the_manifests_install_commands_work_in_a_fresh_prefix(tmp_path):
    """/app is empty when the module installs: every folder a command copies into must be made
    first (``cp -r ... /app/share/icons/`` failed: no such folder). pip is left out (no network)."""
    prefix = tmp_path / "app"
    prefix.mkdir()
    for command in build_commands():
        if command.startswith("pip3 "):
            continue
        done = subprocess.run(re.sub(r"(?<![\w.])/app(?=/|\s|$)", str(prefix), command), shell=True, cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, f"{command}: {done.stderr}"
    assert (prefix / "share" / "icons" / "hicolor" / "256x256" / "apps" / "org.kmdesk.KMDesk.png").exists()
    assert (prefix / "share" / "applications" / "org.kmdesk.KMDesk.desktop").exists()
