"""Qt Linguist translations with the tools that ship inside PySide6, so a fresh machine needs
no Qt SDK.

- ``python -m kmdesk.i18n_build`` (``make i18n``, run by every install target, and the build
  hook in ``setup.py`` before a wheel is built) compiles ``i18n/*.ts`` into
  ``kmdesk/translations/*.qm``: build products, not kept in git, shipped as package data and
  read through ``kmdesk.core.paths.translations``;
- ``python -m kmdesk.i18n_build update`` (``make i18n-update``) runs ``lupdate`` over the code,
  adding new strings to each ``.ts`` of ``LANGUAGES`` as unfinished and dropping strings the
  code no longer has. ``i18n/README.md`` says how to translate what it added.

Sources are read without line numbers (``-locations none``) so an edit that only moves code
leaves the ``.ts`` files unchanged, and ``tests/test_i18n.py`` can tell "out of date" exactly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"  # the translation sources (.ts), in the source tree only
# The compiled translations, inside the package (kmdesk.core.paths.translations reads them).
# Named by file here, not through importlib.resources: the build hook runs this module from the
# source tree before kmdesk or its dependencies are installed anywhere.
TRANSLATIONS = Path(__file__).resolve().with_name("translations")
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh_CN")  # the six UN languages, as Qt names them
SOURCE_LANGUAGE = "en"  # the strings in the code are English: its .ts carries plural forms only


def _tool(name: str) -> list[str]:
    """A Qt tool (``lrelease``, ``lupdate``) from the PySide6 wheel, else from PATH."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / "Qt" / "libexec" / name, folder / f"{name}.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found:
        return [found]
    raise SystemExit(f"{name} not found: install PySide6 (it ships {name})")


def sources() -> list[Path]:
    """Every Python file that may hold translatable strings (the GUI, and the app that starts it)."""
    return sorted((ROOT / "kmdesk").rglob("*.py"))


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"kmdesk_{language}.ts"


def update(folder: Path = I18N) -> list[Path]:
    """Bring ``kmdesk_<lang>.ts`` in ``folder`` up to date with the code (created when missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = [str(path) for path in sources()]
    written = []
    for language in LANGUAGES:
        target = ts_path(language, folder)
        options = ["-pluralonly"] if language == SOURCE_LANGUAGE else []
        subprocess.run([*_tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *options,
                        "-source-language", SOURCE_LANGUAGE, "-target-language", language,
                        *files, "-ts", str(target)], check=True)
        written.append(target)
    return written


def compile_all(folder: Path = I18N, target_folder: Path = TRANSLATIONS) -> list[Path]:
    """``.ts`` -> ``.qm`` for every source in ``folder``, into ``target_folder``. Each ``.qm`` is
    written beside its place and renamed over it: a running kmdesk has its ``.qm``
    memory-mapped, and rewriting that file in place would pull the pages from under it."""
    target_folder.mkdir(parents=True, exist_ok=True)
    compiled = []
    for source in sorted(folder.glob("*.ts")):
        target = target_folder / f"{source.stem}.qm"
        fresh = target_folder / f"{source.stem}.qm.new"
        subprocess.run([*_tool("lrelease"), "-silent", str(source), "-qm", str(fresh)], check=True)
        os.replace(fresh, target)
        compiled.append(target)
    return compiled


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["update"]:
        print(f"updated {len(update())} translation source(s) in {I18N}")
        return 0
    if args:
        raise SystemExit("usage: python -m kmdesk.i18n_build [update]")
    print(f"compiled {len(compile_all())} translation(s) into {TRANSLATIONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
