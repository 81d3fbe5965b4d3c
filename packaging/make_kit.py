"""The offline field kit (``make kit``): one folder, and the same as one archive, holding the
wheels of kmdesk and of every dependency for this platform and Python, and the install script
(packaging/kit/install.sh) that installs them with no network.

    python packaging/make_kit.py [OUT_FOLDER]     (default: dist/kmdesk-kit-<version>-<platform>)
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kmdesk import __version__  # noqa: E402  (the version only: no dependency is imported)


def kit_name() -> str:
    """``kmdesk-kit-0.1.0-linux-x86_64-py311``: the wheels fit only this platform and Python."""
    return f"kmdesk-kit-{__version__}-{sysconfig.get_platform()}-py{sys.version_info.major}{sys.version_info.minor}"


def build(out: Path) -> Path:
    """Write the kit folder ``out`` and ``out.tar`` beside it; the archive's path."""
    if out.exists():
        shutil.rmtree(out)
    wheels = out / "wheels"
    # pip wheel builds kmdesk's wheel and fetches (or builds) one for each dependency
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(wheels), str(ROOT)], check=True)
    shutil.copy2(ROOT / "packaging" / "kit" / "install.sh", out / "install.sh")
    shutil.copy2(ROOT / "LICENSE", out / "LICENSE")  # the AGPL-3.0 text, with the copy that is handed on
    (out / "install.sh").chmod(0o755)
    (out / "README.txt").write_text(
        f"kmdesk {__version__} field kit for {platform.system()} {platform.machine()}, "
        f"Python {sys.version_info.major}.{sys.version_info.minor}.\n"
        "Install with no network:  sh install.sh [FOLDER]\n"
        "Then start:              FOLDER/bin/kmdesk-gui\n"
        "kmdesk is free software under the GNU AGPL 3.0 or later: see LICENSE.\n", encoding="utf-8")
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
