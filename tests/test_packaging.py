"""The wheel works alone: built from the checkout, installed into a fresh virtual environment
outside it, it starts, creates a library from its own demo data, searches in Arabic and renders
the window in Arabic, reading every resource from the installed package.

Building and installing takes a minute or two (dependencies come from pip's cache or the
index), so ``make check-dist`` runs this file (``KMDESK_CHECK_DIST=1``); ``make test`` skips it.
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest

from packaging_support import ROOT, clean_env, run

pytestmark = pytest.mark.skipif(not os.environ.get("KMDESK_CHECK_DIST"),
                                reason="builds and installs the wheel: run by `make check-dist`")

ARABIC_QUERY = "حمى"  # "hima", the Bedouin rangeland reserve of several demo records


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from the checkout the way pip builds it for anyone (isolated build)."""
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)])
    [built] = out.glob("kmdesk-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment, outside the checkout, with the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)])
    return venv


def test_the_wheel_holds_everything_read_at_run_time(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "kmdesk/resources/vocab/gbf.json", "kmdesk/resources/vocab/local_contexts.json",
        "kmdesk/resources/demo/library.json", "kmdesk/resources/icons/kmdesk.svg",
        "kmdesk/core/migrations/env.py", "kmdesk/core/migrations/script.py.mako", "kmdesk/core/migrations/versions/0005_authenticated_access.py",
        *(f"kmdesk/translations/kmdesk_{language}.qm" for language in ("ar", "en", "es", "fr", "ru", "zh_CN")),
    }
    assert expected - names == set()
    assert not any(name.endswith(".ts") for name in names)  # sources stay in the source tree


def test_the_installed_wheel_runs_away_from_the_checkout(installed, tmp_path):
    kmdesk = str(installed / "bin" / "kmdesk")
    env = clean_env(tmp_path)
    where = run([str(installed / "bin" / "python"), "-c", "import kmdesk; print(kmdesk.__file__)"], env=env, cwd=tmp_path)
    assert where.stdout.strip().startswith(str(installed))

    assert run([kmdesk, "--version"], env=env, cwd=tmp_path).stdout.strip() == "kmdesk 0.1.0"
    created = run([kmdesk, "init", "--demo"], env=env, cwd=tmp_path).stdout
    assert "demo records" in created and "; 0 demo" not in created
    found = run([kmdesk, "search", ARABIC_QUERY], env=env, cwd=tmp_path).stdout
    assert "hima" in found.lower() and "0 match" not in found

    screenshot = tmp_path / "window-ar.png"
    run([kmdesk, "gui", "--language", "ar", "--screenshot", str(screenshot)], env=env, cwd=tmp_path)
    assert screenshot.read_bytes().startswith(b"\x89PNG")


def test_the_installed_wheel_finds_its_translations_migrations_and_icons(installed, tmp_path):
    """What the screenshot cannot show: the Arabic .qm loaded is the installed one."""
    probe = (
        "from kmdesk.app import application\n"
        "from kmdesk.gui.preferences import install_translations\n"
        "from kmdesk.core.paths import migrations, resource\n"
        "app = application()\n"
        "print([t.filePath() for t in install_translations(app, 'ar')])\n"
        "print(migrations())\n"
        "print(not app.windowIcon().isNull(), resource('icons', 'kmdesk.svg'))\n"
    )
    out = run([str(installed / "bin" / "python"), "-c", probe], env=clean_env(tmp_path), cwd=tmp_path).stdout.splitlines()
    site = str(installed / "lib")
    assert f"{site}" in out[0] and "kmdesk/translations/kmdesk_ar.qm" in out[0]
    assert out[1].startswith(site)
    icon_ok, icon_path = out[2].split(" ", 1)
    assert icon_ok == "True" and icon_path.startswith(site)


def test_nothing_is_written_into_the_installation(installed, tmp_path):
    before = {path: path.stat().st_mtime_ns for path in (installed / "lib").rglob("kmdesk/**/*") if path.is_file()}
    env = clean_env(tmp_path)
    run([str(installed / "bin" / "kmdesk"), "init", "--demo"], env=env, cwd=tmp_path)
    after = {path: path.stat().st_mtime_ns for path in (installed / "lib").rglob("kmdesk/**/*") if path.is_file()}
    changed = {path for path in after if before.get(path) != after[path] and path.suffix != ".pyc"}
    assert changed == set()
    assert (Path(env["KMDESK_DATA_DIR"]) / "library.db").exists()
