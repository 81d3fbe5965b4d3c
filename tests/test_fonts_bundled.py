"""kmdesk carries open fonts for the scripts of its interface and report (resources/fonts:
Noto Sans, Noto Sans Arabic, WenQuanYi Micro Hei, with their licences), so a machine with no
fonts for them shows no boxes; and the PDF report refuses, with a message and a non-zero exit,
when a script it must print has no font at all, instead of printing boxes with exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from kmdesk import cli
from kmdesk.core.paths import resource
from kmdesk.core.store.library import Library

ROOT = Path(__file__).resolve().parents[1]
CHINESE_TITLE = "种子库指南"
ARABIC_TITLE = "دليل بنك البذور"


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """``kmdesk report --language zh`` run in this process installs Chinese for the process, as a
    command should; the tests after these get the interface back in English."""
    from kmdesk.render.translations import install_translations

    yield
    install_translations(qapp, "en")


@pytest.fixture
def lib(tmp_path):
    library = Library.open(tmp_path / "lib")
    library.records.add({"type": "resource", "title": {"en": "Seed bank guide", "zh": CHINESE_TITLE, "ar": ARABIC_TITLE},
                         "gbf_targets": [13], "summary": {"en": "Семенной фонд: how to run one."}, "access": {"level": "public"}})
    yield library
    library.close()


def test_the_package_carries_a_font_for_each_script_with_its_licence():
    from kmdesk.render import fonts

    for name, path in fonts.bundled_font_files().items():
        assert Path(path).is_file() and Path(path).stat().st_size > 100_000, name
    assert "SIL Open Font License" in resource("fonts", "LICENSE-Noto.txt").read_text(encoding="utf-8")
    assert "Apache License" in resource("fonts", "LICENSE-WenQuanYi.txt").read_text(encoding="utf-8")
    covered = {system for systems in fonts.BUNDLED_FONTS.values() for system in systems}
    wanted = fonts.WritingSystem
    assert {wanted.Latin, wanted.Cyrillic, wanted.Arabic, wanted.SimplifiedChinese} <= covered


def _without_system_fonts(tmp_path: Path) -> dict[str, str]:
    """An environment where fontconfig knows no font at all: a fresh laptop at its worst."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen", "KMDESK_FAST_KDF": "1"}


def test_without_system_fonts_the_window_and_the_chinese_report_still_draw_every_script(lib, tmp_path):
    env = _without_system_fonts(tmp_path)
    probe = ("from kmdesk.gui.qt import QFontDatabase\n"
             "from kmdesk.app import application\n"
             "from kmdesk.render import fonts\n"
             "application()\n"
             "print(sorted(s.name for s in fonts.installed_writing_systems()))\n")
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    for system in ("Latin", "Cyrillic", "Arabic", "SimplifiedChinese"):
        assert system in done.stdout, done.stdout
    pdf = tmp_path / "zh.pdf"
    done = subprocess.run([sys.executable, "-c", "import sys; from kmdesk.cli import main; sys.exit(main())", "report", "--data-dir", str(lib.data_dir), "--language", "zh",
                           "-o", str(pdf)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    reader = pypdf.PdfReader(str(pdf))
    text = "".join(page.extract_text() for page in reader.pages).replace(" ", "")
    assert CHINESE_TITLE in text
    used = {str(ref.get_object()["/BaseFont"]) for page in reader.pages for ref in page["/Resources"]["/Font"].values()}
    assert any("WenQuanYi" in name for name in used), used


def test_the_report_refuses_a_script_it_has_no_font_for(lib, tmp_path, monkeypatch, capsys, qapp):
    from kmdesk.render import fonts

    # as on a machine where no font draws Chinese (nor anything else) and none was carried
    monkeypatch.setattr(fonts, "installed_writing_systems", lambda: {fonts.WritingSystem.Latin})
    out = tmp_path / "zh.pdf"
    assert cli.main(["report", "--data-dir", str(lib.data_dir), "--language", "zh", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    # in the report's language: the script as Qt names it (简体中文), the empty boxes, what to do
    assert "简体中文" in err and "空白方框" in err and "fonts-noto-cjk" in err
    assert not out.exists()
    # Markdown and HTML need no font: written as before
    assert cli.main(["report", "--data-dir", str(lib.data_dir), "--language", "zh", "-o", str(tmp_path / "zh.md")]) == 0
