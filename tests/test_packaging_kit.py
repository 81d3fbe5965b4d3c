"""The field kit's rules, checked without building it (``make test``): which wheel fits which
Python (packaging/make_kit.py), and install.sh refusing, in words and before installing
anything, a machine that lacks what kmdesk needs. Building the kit and installing it with its
menu entry is tests/test_packaging.py (``make check-dist``)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from packaging_support import ROOT, clean_env

sys.path.insert(0, str(ROOT / "packaging"))
import make_kit  # noqa: E402


@pytest.mark.parametrize(("wheel", "python", "fits"), [
    ("tantivy-0.27.0-cp311-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.13", True),
    ("tantivy-0.27.0-cp311-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.10", False),
    ("tantivy-0.26.2-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.10", True),
    ("tantivy-0.26.2-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.11", False),
    ("numpy-2.2.6-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.12", True),
    ("numpy-2.2.6-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "3.11", False),
    ("pyside6_essentials-6.11.3-cp310-abi3-manylinux_2_34_x86_64.whl", "3.11", True),
    ("pyside6_essentials-6.11.3-cp310-abi3-manylinux_2_39_x86_64.whl", "3.11", False),  # newer glibc than promised
    ("pyside6_essentials-6.11.3-cp310-abi3-macosx_13_0_universal2.whl", "3.11", False),
    ("requests-2.32.0-py3-none-any.whl", "3.12", True),
])
def test_which_wheel_fits_which_python(wheel, python, fits):
    assert make_kit.fits(wheel, python) is fits


def test_the_kit_is_for_every_python_from_3_10_to_3_13_and_the_package_says_so():
    assert make_kit.PYTHONS == ("3.10", "3.11", "3.12", "3.13")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.10"' in pyproject
    # 0.26.2 is the newest search engine with a cp310 wheel (0.27 is cp311-abi3 only)
    assert '"tantivy>=0.26.2,<0.28"' in pyproject
    script = (ROOT / "packaging" / "kit" / "install.sh").read_text(encoding="utf-8")
    assert 'KIT_PYTHONS="3.10 3.11 3.12 3.13"' in script and "python3.11 python3.10; do" in script


def _fake_kit(tmp_path, **env_lines):
    kit = tmp_path / "kit"
    (kit / "wheels").mkdir(parents=True, exist_ok=True)
    (kit / "install.sh").write_bytes((ROOT / "packaging" / "kit" / "install.sh").read_bytes())
    (kit / "kit.env").write_text("".join(f"{key}='{value}'\n" for key, value in env_lines.items()), encoding="utf-8")
    return kit


def _install(kit, tmp_path, **extra):
    env = {**clean_env(tmp_path), "KMDESK_IGNORE_MISSING_LIBS": "1", **extra}
    return subprocess.run(["sh", str(kit / "install.sh"), str(tmp_path / "app")], env=env, capture_output=True, text=True)


def test_install_sh_refuses_an_older_glibc_in_words(tmp_path):
    done = _install(_fake_kit(tmp_path, KIT_GLIBC="9.99", KIT_PYTHONS="3.11 3.12 3.13"), tmp_path)
    assert done.returncode == 1 and "glibc" in done.stderr and "older than the 9.99" in done.stderr
    assert "README.txt" in done.stderr and not (tmp_path / "app").exists()


def test_install_sh_refuses_a_python_the_kit_has_no_wheels_for(tmp_path):
    done = _install(_fake_kit(tmp_path, KIT_GLIBC="2.17", KIT_PYTHONS="3.99"), tmp_path)
    assert done.returncode == 1 and "no python3 in the versions 3.99" in done.stderr
    done = _install(_fake_kit(tmp_path, KIT_GLIBC="2.17", KIT_PYTHONS="3.99"), tmp_path, PYTHON=sys.executable)
    assert done.returncode == 1 and "this kit has wheels for Python 3.99" in done.stderr
    assert not (tmp_path / "app").exists()


def test_install_sh_names_the_missing_qt_libraries_and_the_packages_that_bring_them(tmp_path):
    """Checked with the machine's own ldconfig: if all are there, the check passes silently."""
    kit = _fake_kit(tmp_path, KIT_GLIBC="2.17", KIT_PYTHONS="3.11 3.12 3.13")
    env = {key: value for key, value in clean_env(tmp_path).items() if key != "KMDESK_IGNORE_MISSING_LIBS"}
    done = subprocess.run(["sh", str(kit / "install.sh"), str(tmp_path / "app")], env=env, capture_output=True, text=True)
    assert done.returncode != 0  # no wheels here: either the libraries or pip stops it
    if "system libraries this machine lacks" in done.stderr:
        assert "sudo apt install" in done.stderr and "KMDESK_IGNORE_MISSING_LIBS=1" in done.stderr
        assert not (tmp_path / "app").exists()


def test_the_kit_readme_states_the_requirements():
    text = (ROOT / "packaging" / "kit" / "README.txt").read_text(encoding="utf-8")
    for needed in ("glibc {glibc}", "python3-venv", "libxkbcommon", "libegl1", "libfontconfig1", "libxcb-cursor0",
                   "{pythons}", "menu entry"):
        assert needed in text, needed


def _wheel(folder, filename, *requires):
    name, version = filename.split("-")[:2]
    with zipfile.ZipFile(folder / filename, "w") as archive:
        archive.writestr(f"{name}-{version}.dist-info/METADATA", "Metadata-Version: 2.1\nName: x\n"
                         + "".join(f"Requires-Dist: {line}\n" for line in requires))


def test_what_each_python_needs_is_judged_by_its_own_markers_and_extras(tmp_path):
    """pip judges markers by the Python it runs on, not the one it downloads for: the kit asks
    again for what a requirement's markers and extras want on each Python (alembic's tomli on 3.10)."""
    _wheel(tmp_path, "kmdesk-0.1.0-py3-none-any.whl", "alembic>=1.12", "psycopg[binary]>=3.1")
    _wheel(tmp_path, "alembic-1.20.1-py3-none-any.whl", 'tomli; python_version < "3.11"')
    _wheel(tmp_path, "psycopg-3.2.0-py3-none-any.whl", 'psycopg-binary==3.2.0; extra == "binary"')
    _wheel(tmp_path, "psycopg_binary-3.2.0-cp311-cp311-manylinux_2_17_x86_64.whl")
    assert make_kit.missing_requirements(tmp_path, "3.11") == set()
    assert make_kit.missing_requirements(tmp_path, "3.10") == {"tomli", "psycopg-binary==3.2.0"}
    _wheel(tmp_path, "tomli-2.2.1-py3-none-any.whl")
    _wheel(tmp_path, "psycopg_binary-3.2.0-cp310-cp310-manylinux_2_17_x86_64.whl")
    assert make_kit.missing_requirements(tmp_path, "3.10") == set()
