"""``kmdesk report``: the GBF report of the library's public records as PDF, HTML or Markdown."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kmdesk.cli.common import CliError, add_common, open_library, output_file

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands


def register(sub: Commands) -> None:
    report = sub.add_parser("report", help="write the GBF report (public records only)")
    add_common(report)
    report.add_argument("--format", choices=("pdf", "html", "md"), help="default: from the file's extension")
    report.add_argument("--target", type=int, metavar="N", help="only GBF target N (1-23)")
    report.add_argument("--language", metavar="L", help="the report's language (ar, en, es, fr, ru, zh); default en")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    report.set_defaults(func=_report)


def _report(args: argparse.Namespace) -> int:
    output_file(args.output)
    fmt = args.format or {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md"}.get(args.output.suffix.lower())
    if fmt is None:
        raise CliError("say --format pdf, html or md (the file's extension does not tell)")
    if args.target is not None and not 1 <= args.target <= 23:
        raise CliError(f"there is no GBF target {args.target}: the targets are 1 to 23")
    # Qt lays the report out and prints the PDF; it needs no screen for that
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kmdesk.core.chm.chm_document import UN_LANGUAGES
    from kmdesk.core.insight import report
    from kmdesk.core.store.records import base_language
    from kmdesk.render import report_writer
    from kmdesk.render.translations import install_translations

    language = base_language(args.language or "en")
    if language not in UN_LANGUAGES:  # else the report would come out in English without a word
        raise CliError(f"kmdesk writes the report in {', '.join(UN_LANGUAGES)}, not '{args.language}'")
    app = QGuiApplication.instance() or QGuiApplication(["kmdesk"])
    assert isinstance(app, QGuiApplication)  # a report is drawn: no core-only application runs here
    install_translations(app, language)
    with open_library(args) as library:
        gathered = report.gather(library, language=language, target=args.target)
    try:
        report_writer.write(gathered, fmt, args.output)
    except report_writer.MissingFont as error:  # boxes instead of letters: refused, not printed
        raise CliError(str(error), exit_code=1) from None
    print(f"{args.output} ({fmt}): {gathered.figures.total} public records, "
          f"{len(gathered.sections)} target section(s)")
    return 0
