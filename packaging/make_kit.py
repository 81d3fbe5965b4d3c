"""The offline field kit (``make kit``): one folder, and the same as one archive, holding the
wheels of kmdesk and of every dependency for Linux x86-64 and each CPython from 3.10 to 3.13,
the install script (packaging/kit/install.sh) that installs them with no network, the menu
entry and icons it installs, and the licence.

    python packaging/make_kit.py [OUT_FOLDER]     (default: dist/kmdesk-kit-<version>-linux-x86_64)

kmdesk's own wheel is built from the checkout; every dependency is downloaded as a binary wheel
for each Python (``pip download --only-binary=:all: --platform ... --python-version X``), so the
kit needs no compiler on the laptop and works whichever of those Pythons its ``python3`` is:
Ubuntu 22.04 has 3.10, Debian 12 3.11, Ubuntu 24.04 3.12, Fedora 41 3.13. Wheels that fit
several Pythons (abi3 such as PySide6-Essentials, tantivy and cryptography, and pure-Python
ones) are kept once.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kmdesk import __version__  # noqa: E402  (the version only: no dependency is imported)

# 3.10 is Ubuntu 22.04's python3. The search engine's newest release (tantivy 0.27) has a
# cp311-abi3 wheel only, so on 3.10 pip takes 0.26.2, the newest with a cp310 wheel, which
# pyproject.toml allows: both write index format 7, and kmdesk's tests pass on 3.10 with it.
PYTHONS = ("3.10", "3.11", "3.12", "3.13")
# manylinux_2_34 (glibc 2.34: Ubuntu 22.04, Debian 12, RHEL 9 and newer) because
# PySide6-Essentials 6.8+ is built for it. pip (26) takes only the platform tags it is given,
# so every older manylinux tag is named too, newest first (the order pip prefers them in).
PLATFORM = "manylinux_2_34_x86_64"
PLATFORMS = (*(f"manylinux_2_{minor}_x86_64" for minor in range(34, 4, -1)),
             "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64")
PLATFORM_NAME = "linux-x86_64"


def kit_name() -> str:
    """``kmdesk-kit-0.1.0-linux-x86_64``: one kit for every supported Python on that platform."""
    return f"kmdesk-kit-{__version__}-{PLATFORM_NAME}"


def wheel_tags(filename: str) -> tuple[str, str, set[tuple[str, str, str]]]:
    """(distribution, version, {(python, abi, platform)}) of a wheel file name (PEP 427; the
    compressed tag sets such as ``manylinux_2_17_x86_64.manylinux2014_x86_64`` expanded)."""
    parts = filename[: -len(".whl")].split("-")
    name, version, (pythons, abis, platforms) = parts[0], parts[1], parts[-3:]
    tags = {(p, a, pl) for p in pythons.split(".") for a in abis.split(".") for pl in platforms.split(".")}
    return re.sub(r"[-_.]+", "-", name).lower(), version, tags


def _glibc(platform: str) -> tuple[int, int]:
    legacy = {"manylinux2014": (2, 17), "manylinux2010": (2, 12), "manylinux1": (2, 5)}
    for prefix, glibc in legacy.items():
        if platform.startswith(prefix + "_"):
            return glibc
    match = re.match(r"manylinux_(\d+)_(\d+)_", platform)
    return (int(match[1]), int(match[2])) if match else (0, 0)


def fits(filename: str, python: str) -> bool:
    """Whether pip on CPython ``python`` (``"3.12"``) on Linux x86-64 with glibc 2.34 installs this wheel."""
    major, minor = python.split(".")
    cp = f"cp{major}{minor}"
    for py, abi, platform in wheel_tags(filename)[2]:
        platform_ok = platform == "any" or (platform.endswith("_x86_64") and platform.startswith("manylinux")
                                            and _glibc(platform) <= _glibc(PLATFORM))
        if not platform_ok:
            continue
        if abi == "none" and (py in (f"py{major}", f"py{major}{minor}", cp) or py == "py2.py3"):
            return True
        if abi == cp and py == cp:
            return True
        if abi == "abi3" and py.startswith("cp3") and int(py[3:]) <= int(minor):
            return True
    return False


def required_glibc(wheels: Path) -> str:
    """The newest glibc any wheel of the kit asks for, "2.34": install.sh checks the machine's."""
    newest = max((_glibc(platform) for path in wheels.glob("*.whl") for _, _, platform in wheel_tags(path.name)[2]),
                 default=(2, 17))
    return f"{newest[0]}.{newest[1]}"


def _pip_download(wheels: Path, python: str, *wanted: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                    "--only-binary=:all:", *(f"--platform={platform}" for platform in PLATFORMS), "--python-version", python,
                    "--implementation", "cp", "--dest", str(wheels), *wanted], check=True)


def download(kmdesk_wheel: Path, wheels: Path, python: str) -> None:
    """Every dependency of kmdesk as binary wheels for CPython ``python`` on Linux x86-64. pip
    judges a requirement's markers by the Python it runs on, not ``--python-version`` (alembic's
    ``tomli; python_version < "3.11"`` is left out for 3.10 when pip runs on 3.11), so what the
    markers ask for on ``python`` and is still missing is downloaded after, until nothing is."""
    _pip_download(wheels, python, str(kmdesk_wheel))
    while missing := missing_requirements(wheels, python):
        before = set(wheels.iterdir())
        _pip_download(wheels, python, *sorted(missing))
        if set(wheels.iterdir()) == before:
            raise RuntimeError(f"no wheel for Python {python} of {sorted(missing)}")


def _metadata(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return Parser().parsestr(archive.read(name).decode("utf-8")).get_all("Requires-Dist") or []


def missing_requirements(wheels: Path, python: str) -> set[str]:
    """The requirements of kmdesk, and of what they require (extras and markers judged as on
    CPython ``python`` on Linux x86-64), that no wheel in ``wheels`` fitting ``python`` meets:
    what ``pip install --no-index --find-links wheels kmdesk`` would not find there."""
    environment = {**default_environment(), "python_version": python, "python_full_version": f"{python}.0",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython",
                   "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "os_name": "posix"}
    fitting = [(wheel_tags(path.name), path) for path in wheels.glob("*.whl") if fits(path.name, python)]
    queue, seen, missing = [Requirement("kmdesk")], set(), set()
    while queue:
        requirement = queue.pop()
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        key = (name, str(requirement.specifier), tuple(sorted(requirement.extras)))
        if key in seen:
            continue
        seen.add(key)
        found = [(Version(version), path) for (dist, version, _tags), path in fitting
                 if dist == name and requirement.specifier.contains(version, prereleases=True)]
        if not found:
            missing.add(str(Requirement(f"{requirement.name}{requirement.specifier}")))
            continue
        for line in _metadata(max(found)[1]):
            needed = Requirement(line)
            if needed.marker is None or any(needed.marker.evaluate({**environment, "extra": extra})
                                            for extra in (*requirement.extras, "")):
                queue.append(needed)
    return missing


def build(out: Path, pythons: tuple[str, ...] = PYTHONS) -> Path:
    """Write the kit folder ``out`` and ``out.tar`` beside it; the archive's path."""
    if out.exists():
        shutil.rmtree(out)
    wheels = out / "wheels"
    # kmdesk's own wheel, built from the checkout as pip builds it for anyone (py3-none-any)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
                    "--wheel-dir", str(wheels), str(ROOT)], check=True)
    [kmdesk_wheel] = wheels.glob("kmdesk-*.whl")
    for python in pythons:
        download(kmdesk_wheel, wheels, python)
    kit = ROOT / "packaging" / "kit"
    shutil.copy2(kit / "install.sh", out / "install.sh")
    (out / "install.sh").chmod(0o755)
    shutil.copy2(ROOT / "LICENSE", out / "LICENSE")  # the AGPL-3.0 text, with the copy that is handed on
    # the menu entry and its icons, which install.sh puts under ~/.local/share
    shutil.copy2(ROOT / "packaging" / "org.kmdesk.KMDesk.desktop", out / "org.kmdesk.KMDesk.desktop")
    shutil.copytree(ROOT / "packaging" / "icons" / "hicolor", out / "icons" / "hicolor")
    # what install.sh checks before it installs anything
    (out / "kit.env").write_text(f"KIT_PYTHONS='{' '.join(pythons)}'\nKIT_GLIBC='{required_glibc(wheels)}'\n",
                                 encoding="utf-8")
    readme = (kit / "README.txt").read_text(encoding="utf-8")
    (out / "README.txt").write_text(readme.format(version=__version__, pythons=", ".join(pythons),
                                                  glibc=required_glibc(wheels)), encoding="utf-8")
    # plain tar: the wheels are zip files already, compressing them again gains nothing
    return Path(shutil.make_archive(str(out), "tar", root_dir=out.parent, base_dir=out.name))


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "dist" / kit_name()
    archive = build(out.resolve())
    count = len(list((out / "wheels").glob("*.whl")))
    print(f"wrote {out} ({count} wheels) and {archive}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
