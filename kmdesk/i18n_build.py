"""Compile ``i18n/*.ts`` into ``.qm`` files with the ``lrelease`` that ships inside PySide6, so a
fresh machine needs no Qt SDK. Run by ``make i18n`` and by every install target."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

I18N = Path(__file__).resolve().parents[1] / "i18n"


def lrelease() -> list[str]:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / "lrelease", folder / "Qt" / "libexec" / "lrelease", folder / "lrelease.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    raise SystemExit("lrelease not found: install PySide6 (it ships lrelease)")


def main() -> int:
    sources = sorted(I18N.glob("*.ts"))
    if not sources:
        return 0
    for source in sources:
        subprocess.run([*lrelease(), "-silent", str(source), "-qm", str(source.with_suffix(".qm"))], check=True)
    print(f"compiled {len(sources)} translation(s) in {I18N}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
