"""The GBF report (``core.report``, ``render.report_writer``, ``kmdesk report``, File › Report…):
public records only, in the interface language, PDF text checked with pypdf."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdf
import pytest
from conftest import open_as_custodian

from kmdesk import cli
from kmdesk.core import vocab
from kmdesk.core.insight import report

PASS = "report keeper passphrase"
SECRET = "Zq9 secret weaving recipe"


@pytest.fixture
def lib(tmp_path):
    library = open_as_custodian(tmp_path / "lib", PASS)
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_community("Hidden community", "bo")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire", kind="strict")
    library.records.add({"type": "practice", "title": {"en": "Natural dyes of the ayllu"}, "community": "Ayllu Chawaytire",
                         "summary": {"en": "Plants that give colour to the weavings."}, "gbf_targets": [13, 22],
                         "countries": ["pe"], "access": {"level": "public"}})
    library.records.add({"type": "resource", "title": {"en": "Seed bank guide", "zh": "种子库指南"}, "gbf_targets": [13],
                         "summary": {"en": "How to run a community seed bank."}, "access": {"level": "public"}})
    for level, extra in (("restricted", {"protocols": ["Weavers' council"]}), ("sacred", {"custodians": ["Keeper"]}),
                         ("community", {})):
        library.records.add({"type": "traditional_knowledge", "title": {"en": f"{SECRET} {level}"}, "gbf_targets": [13, 5],
                             "summary": {"en": SECRET}, "community": "Hidden community", "countries": ["bo"],
                             "access": {"level": level, **extra}})
    yield library
    library.close()


def pdf_text(path: Path) -> str:
    """The PDF's text as pypdf reads it, with presentation forms and compatibility characters
    folded (Arabic letters come out in their joined forms, CJK radicals as radicals) and every
    run of white space (tabs between words, line ends) one space."""
    reader = pypdf.PdfReader(str(path))
    return " ".join(unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages)).split())


def test_the_report_holds_public_records_only_whoever_is_unlocked(lib, qapp):
    from kmdesk.render import report_writer

    gathered = report.gather(lib, language="en")
    ids = {entry.id for section in gathered.sections for entry in section.entries}
    assert len(ids) == 2
    assert gathered.figures.total == 2 and gathered.figures.targets[5] == 0
    assert gathered.figures.communities == {"Ayllu Chawaytire": 1}
    assert [section.number for section in gathered.sections] == [13, 22]
    for text in (report_writer.to_markdown(gathered), report_writer.to_html(gathered)):
        assert "Natural dyes of the ayllu" in text and "Plants that give colour" in text
        assert SECRET not in text and "Hidden community" not in text and "Bolivia" not in text


def test_one_target_and_chm_links(lib, qapp):
    from kmdesk.render import report_writer

    lib.sync.add_target("chm", "chm", "https://chm.example.org/", settings={"country": "pe"})
    guide = next(r for r in lib.index.search("seed bank").hits)
    lib.sync.share([guide.id])

    class Target:
        def push(self, record):
            class Result:
                revision, via = "1", "workflow"
            return Result()

        def retract(self, identifier):
            pass

    from kmdesk.core.chm.runner import Backoff, run_sync
    run_sync(lib, "chm", client=Target(), sleep=lambda s: None, backoff=Backoff(base=0.0))
    gathered = report.gather(lib, language="en", target=22)
    assert [section.number for section in gathered.sections] == [22]
    assert [entry.title for entry in gathered.sections[0].entries] == ["Natural dyes of the ayllu"]
    whole = report.gather(lib, language="en", target=13)
    link = f"https://chm.example.org/api/v2013/documents/{guide.id}"
    assert next(e for e in whole.sections[0].entries if e.id == guide.id).links == [link]
    assert link in report_writer.to_markdown(whole) and f'href="{link}"' in report_writer.to_html(whole)
    assert gathered.figures.sharing["shared"] == 1
    with pytest.raises(ValueError):
        report.gather(lib, target=24)


def test_pdf_text_in_english_chinese_and_arabic(lib, qapp, tmp_path):
    from kmdesk.gui.qt import QFontDatabase
    from kmdesk.render import report_writer

    for system in (QFontDatabase.WritingSystem.SimplifiedChinese, QFontDatabase.WritingSystem.Arabic):
        if not QFontDatabase.families(system):
            pytest.skip("no Chinese or Arabic font installed (README: fonts-noto-core fonts-noto-cjk fonts-wqy-zenhei)")
    target_13 = next(t for t in vocab.gbf()["targets"] if t["number"] == 13)["title"]
    english = tmp_path / "en.pdf"
    report_writer.write(report.gather(lib, language="en"), "pdf", english)
    text = pdf_text(english)
    assert "Natural dyes of the ayllu" in text and "Plants that give colour to the weavings." in text
    assert SECRET not in text
    chinese = tmp_path / "zh.pdf"
    report_writer.write(report.gather(lib, language="zh"), "pdf", chinese)
    text = pdf_text(chinese)
    assert target_13["zh"] in text.replace(" ", "")
    assert "种子库指南" in text  # the record's own Chinese title, in the report's language first
    arabic = tmp_path / "ar.pdf"
    report_writer.write(report.gather(lib, language="ar"), "pdf", arabic)
    text = pdf_text(arabic)
    # right-to-left text comes out of a PDF in visual order: each Arabic word reversed
    words = [word for word in target_13["ar"].split() if len(word) > 3]
    assert all(word in text or word[::-1] in text for word in words)
    assert "١٣" in text or "٣١" in text  # the target's number in Arabic-Indic digits
    for path in (english, chinese, arabic):
        assert _fonts_embedded(path)


def _fonts_embedded(path: Path) -> bool:
    """Every font the PDF uses carries its glyphs (a font file, or Type 3 drawn glyphs)."""
    reader = pypdf.PdfReader(str(path))
    fonts = {}
    for page in reader.pages:
        fonts.update({name: ref.get_object() for name, ref in page["/Resources"]["/Font"].items()})
    for font in fonts.values():
        if font["/Subtype"] == "/Type3":
            continue
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)["/FontDescriptor"]
        if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
            return False
    return bool(fonts)


def test_cli_report_writes_markdown_of_one_target_and_refuses_a_bad_one(lib, tmp_path, capsys):
    data_dir = str(lib.data_dir)
    out = tmp_path / "report.md"
    assert cli.main(["report", "--data-dir", data_dir, "--target", "22", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# GBF report: target 22") and "Natural dyes of the ayllu" in text
    assert "Seed bank guide" not in text and SECRET not in text
    assert cli.main(["report", "--data-dir", data_dir, "--target", "24", "-o", str(out)]) == 2
    assert "1 to 23" in capsys.readouterr().err
    assert cli.main(["report", "--data-dir", data_dir, "-o", str(tmp_path / "report.txt")]) == 2


def test_file_report_writes_the_chosen_format(qtbot, lib, tmp_path):
    from kmdesk.gui.report_dialog import ReportDialog

    dialog = ReportDialog(lib, "en")
    qtbot.addWidget(dialog)
    dialog.target_box.setCurrentIndex(dialog.target_box.findData(13))
    out = tmp_path / "report.html"
    dialog.write_to(out, "html")
    text = out.read_text(encoding="utf-8")
    assert "Seed bank guide" in text and "Target 13" in text and "Target 22: " not in text.split("</table>", 1)[1]
    assert SECRET not in text


def test_an_arabic_report_writes_each_records_date_in_arabic_digits_without_a_middle_dot(lib, qapp, tmp_path):
    """A record's line (type, community, date) is written in the report's language: the date as
    the locale writes it, and in Arabic separated by the Arabic comma, since a middle dot beside
    Arabic-Indic digits reads as a zero."""
    from kmdesk.render import report_writer
    from kmdesk.render.translations import install_translations

    lib.records.add({"type": "practice", "title": {"en": "Dated dyes"}, "community": "Ayllu Chawaytire", "date": "2024-01",
                     "gbf_targets": [13], "access": {"level": "public"}})
    lines = {}
    for language in ("ar", "en"):  # as `kmdesk report --language` and File › Report… write it
        install_translations(qapp, language)
        report_writer.write(report.gather(lib, language=language), "md", tmp_path / f"{language}.md")
        lines[language] = next(line for line in (tmp_path / f"{language}.md").read_text(encoding="utf-8").splitlines()
                               if "Dated dyes" in line)
    assert "٢٠٢٤" in lines["ar"] and "2024" not in lines["ar"] and "·" not in lines["ar"]
    assert "، Ayllu Chawaytire، " in lines["ar"]
    assert "Ayllu Chawaytire · " in lines["en"] and "2024" in lines["en"]


def test_a_russian_report_ends_its_date_with_one_full_stop(lib, qapp, tmp_path):
    """Russian writes a long date as "7 декабря 2026 г.": the intro must not add a second full stop."""
    from kmdesk.render import report_writer
    from kmdesk.render.translations import install_translations

    install_translations(qapp, "ru")
    try:
        report_writer.write(report.gather(lib, language="ru"), "md", tmp_path / "ru.md")
    finally:
        install_translations(qapp, "en")
    intro = (tmp_path / "ru.md").read_text(encoding="utf-8").splitlines()[2]
    assert intro.startswith("Библиотека ") and "г.." not in intro and "г.)." in intro


def test_cli_report_refuses_a_language_it_cannot_write_and_a_missing_folder_in_words(lib, tmp_path, capsys, translated):
    data_dir = str(lib.data_dir)
    out = tmp_path / "report.md"
    assert cli.main(["report", "--data-dir", data_dir, "--language", "xx", "-o", str(out)]) == 2
    assert "ar, en, es, fr, ru, zh, not 'xx'" in capsys.readouterr().err and not out.exists()
    assert cli.main(["report", "--data-dir", data_dir, "--language", "zh_CN", "-o", str(out)]) == 0  # Qt's spelling too
    missing = tmp_path / "no such folder" / "report.pdf"
    assert cli.main(["report", "--data-dir", data_dir, "-o", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "internal error" not in err
