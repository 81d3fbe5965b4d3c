"""The one build step setuptools cannot declare: the Qt translations are compiled (``.ts`` ->
``.qm``, with the ``lrelease`` that ships in PySide6) into the package before it is built, so a
wheel or an sdist-built install carries them without a committed build product. Everything else
about the build is declared in ``pyproject.toml``."""

import sys
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kmdesk import i18n_build  # noqa: E402  (stdlib only at import; PySide6 when it compiles)


class BuildWithTranslations(build_py):
    """``build_py`` that first writes ``kmdesk/translations/*.qm`` (package data, see pyproject)."""

    def run(self) -> None:
        i18n_build.compile_all()
        super().run()


# Every folder is listed as a package, the data-only ones too (the migrations, the compiled
# translations, the resources' vocab/, demo/, geo/ and icons/ hold no __init__.py): setuptools
# warns about, and will one day leave out, an importable folder that is not listed. resources/
# joins as kmdesk.resources (package-dir), its folders as kmdesk.resources.<folder>.
# The translations' folder is made before discovery: in a fresh clone it appears only when
# ``build_py`` compiles into it, after the package list is fixed, and setuptools warned.
(Path(__file__).resolve().parent / "kmdesk" / "translations").mkdir(exist_ok=True)
SKIP = ["*__pycache__*"]
setup(packages=[*find_namespace_packages(include=["kmdesk", "kmdesk.*"], exclude=SKIP), "kmdesk.resources",
                *(f"kmdesk.resources.{name}" for name in find_namespace_packages(where="resources", exclude=SKIP))],
      cmdclass={"build_py": BuildWithTranslations})
