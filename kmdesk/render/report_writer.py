"""The GBF report in words and on paper: Markdown, HTML and PDF of ``core.report.Report``.

The words are translated like the rest of the interface (context ``report``) and the numbers
and dates written as the report language's locale writes them; Arabic runs right-to-left. The
PDF is Qt's own printing: the HTML laid out by ``QTextDocument`` and printed to ``QPdfWriter``,
which embeds (subsets of) the fonts that drew each script, so the file reads the same on a
machine without them. Nothing here decides what goes in: ``core.report.gather`` does, and it
holds public records only.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument, QTextOption

from kmdesk.core.insight import dashboard
from kmdesk.core.insight.report import Entry, Report
from kmdesk.render import fonts
from kmdesk.render.localized import format_date
from kmdesk.render.territories import territory_name

_RTL = {"ar", "fa", "he", "ur"}
# Fonts tried first for a report's language. Qt embeds a TrueType font with a full map from
# glyphs back to characters; a CFF font (Noto Sans CJK) comes out with characters that copy and
# search as garbage, so a TrueType CJK font goes first: WenQuanYi Micro Hei, which kmdesk
# carries (resources/fonts), and Noto Sans / Noto Sans Arabic after the system's own choice.
_PDF_FONTS = {"zh": ["WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC"],
              "ar": ["Noto Naskh Arabic", "Noto Sans Arabic"]}


class MissingFont(Exception):
    """The report holds text in a script no font here can draw: printed, it would be boxes."""


class _Words:
    """The report's words and numbers in its language."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.locale = QLocale(report.language)

    def number(self, value: int) -> str:
        return self.locale.toString(value)

    def heading(self) -> str:
        if self.report.only_target is not None:
            return QCoreApplication.translate("report", "GBF report: target {number}").format(number=self.number(self.report.only_target))
        return QCoreApplication.translate("report", "GBF report")

    def intro(self) -> str:
        figures = self.report.figures
        covered = sum(1 for n in dashboard.TARGETS if figures.targets[n])
        return QCoreApplication.translate("report", "Library {library}, {date}. {records} public records; {covered} of {targets} targets covered. "
                   "Records that are not public are never part of this report.").format(
            library=self.report.library, date=format_date(self.report.generated_on), records=self.number(figures.total),
            covered=self.number(covered), targets=self.number(len(dashboard.TARGETS)))

    def target(self, number: int) -> str:
        return QCoreApplication.translate("report", "Target {number}: {title}").format(number=self.number(number),
                                                      title=self.report.target_titles.get(number, ""))

    def entry_line(self, entry: Entry) -> str:
        parts = [self.report.type_titles.get(entry.type, entry.type)]
        if entry.community:
            parts.append(entry.community)
        if entry.date:
            parts.append(format_date(entry.date))  # in the locale's digits and month names
        # Arabic separates with its comma: a middle dot beside Arabic-Indic digits reads as a zero
        return QCoreApplication.translate("report", " · ", "separates a record's type, community and date").join(parts)

    def sharing(self) -> list[tuple[str, int]]:
        names = {"shared": QCoreApplication.translate("report", "Shared with the CHM"), "waiting": QCoreApplication.translate("report", "Waiting to be sent"),
                 "refused": QCoreApplication.translate("report", "Refused by the CHM"), "withdrawn": QCoreApplication.translate("report", "Withdrawn from the CHM")}
        return [(names[key], count) for key, count in self.report.figures.sharing.items()]

    def consent(self) -> list[tuple[str, int]]:
        names = {"valid": QCoreApplication.translate("report", "Consent valid"), "expiring": QCoreApplication.translate("report", "Consent expiring within {days} days").format(
                     days=self.number(dashboard.SOON_DAYS)),
                 "expired": QCoreApplication.translate("report", "Consent expired"), "withdrawn": QCoreApplication.translate("report", "Consent withdrawn")}
        return [(names[key], count) for key, count in self.report.figures.consent.items()]

    def communities(self) -> list[tuple[str, int]]:
        return sorted(self.report.figures.communities.items(), key=lambda kv: (-kv[1], kv[0].casefold()))

    def tables(self) -> list[tuple[str, list[tuple[str, int]]]]:
        """The figures' tables after the targets: (heading, [(row, count)])."""
        return [(QCoreApplication.translate("report", "Contributions of communities"), self.communities()),
                (QCoreApplication.translate("report", "Countries"), self.countries()),
                (QCoreApplication.translate("report", "Sharing with the CHM"), self.sharing()),
                (QCoreApplication.translate("report", "Consent"), self.consent())]

    def countries(self) -> list[tuple[str, int]]:
        return sorted(((territory_name(code, self.report.language), count)
                       for code, count in self.report.figures.countries.items()), key=lambda kv: (-kv[1], kv[0]))


# -- Markdown -----------------------------------------------------------------------------------
def to_markdown(report: Report) -> str:
    w = _Words(report)
    coverage = QCoreApplication.translate("report", "Coverage per target")
    target, records = QCoreApplication.translate("report", "Target"), QCoreApplication.translate("report", "Public records")
    on_chm = QCoreApplication.translate("report", "On the CHM:")
    out = [f"# {w.heading()}", "", w.intro(), "", f"## {coverage}", "", f"| {target} | {records} |", "|---|---:|"]
    for number in dashboard.TARGETS:
        if report.only_target in (None, number):
            out.append(f"| {_md(w.target(number))} | {w.number(report.figures.targets[number])} |")
    for section in report.sections:
        out += ["", f"## {_md(w.target(section.number))}", ""]
        if not section.entries:
            out.append(QCoreApplication.translate("report", "No public record covers this target yet."))
        for entry in section.entries:
            out.append(f"- **{_md(entry.title)}** ({_md(w.entry_line(entry))})")
            if entry.summary:
                out.append(f"  {_md(entry.summary)}")
            for link in entry.links:
                out.append(f"  {on_chm} <{link}>")
    for title, rows in w.tables():
        out += ["", f"## {title}", "", f"| | {records} |", "|---|---:|"]
        out += [f"| {_md(name)} | {w.number(count)} |" for name, count in rows]
    if report.figures.refusals:
        refusals = QCoreApplication.translate("report", "Reasons for refusals")
        out += ["", f"### {refusals}", ""]
        out += [f"- {_md(reason)} ({w.number(count)})" for reason, count in report.figures.refusals]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text that Markdown shows as written (table cells and emphasis stay intact)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("\n", " ")


# -- HTML ---------------------------------------------------------------------------------------
def to_html(report: Report) -> str:
    w = _Words(report)
    esc = html.escape
    coverage = esc(QCoreApplication.translate("report", "Coverage per target"))
    target, records = (esc(QCoreApplication.translate("report", "Target")),
                       esc(QCoreApplication.translate("report", "Public records")))
    uncovered = esc(QCoreApplication.translate("report", "No public record covers this target yet."))
    on_chm = esc(QCoreApplication.translate("report", "On the CHM:"))
    refusals = esc(QCoreApplication.translate("report", "Reasons for refusals"))
    rtl = report.language in _RTL
    d = ' dir="rtl"' if rtl else ' dir="ltr"'
    out = [f'<!DOCTYPE html><html lang="{esc(report.language)}"{d}><head><meta charset="utf-8">',
           f"<title>{esc(w.heading())}</title><style>body {{font-family: sans-serif;}} "
           f"th, td {{text-align: {'right' if rtl else 'left'}; padding: 2px 8px;}} td.n {{text-align: right;}} "
           ".meta {color: #555555;}</style></head>",
           f"<body{d}><h1{d}>{esc(w.heading())}</h1><p{d}>{esc(w.intro())}</p><h2{d}>{coverage}</h2>",
           f"<table{d}><tr><th>{target}</th><th>{records}</th></tr>"]
    for number in dashboard.TARGETS:
        if report.only_target in (None, number):
            out.append(f'<tr><td>{esc(w.target(number))}</td><td class="n">'
                       f"{esc(w.number(report.figures.targets[number]))}</td></tr>")
    out.append("</table>")
    for section in report.sections:
        out.append(f"<h2{d}>{esc(w.target(section.number))}</h2>")
        if not section.entries:
            out.append(f"<p{d}>{uncovered}</p>")
        for entry in section.entries:
            out.append(f'<p{d}><b>{esc(entry.title)}</b><br><span class="meta">{esc(w.entry_line(entry))}</span>')
            if entry.summary:
                out.append(f"<br>{esc(entry.summary)}")
            for link in entry.links:
                out.append(f'<br>{on_chm} <a href="{esc(link)}">{esc(link)}</a>')
            out.append("</p>")
    for title, rows in w.tables():
        out.append(f"<h2{d}>{esc(title)}</h2><table{d}>")
        out += [f'<tr><td>{esc(name)}</td><td class="n">{esc(w.number(count))}</td></tr>' for name, count in rows]
        out.append("</table>")
    if report.figures.refusals:
        out.append(f"<h3{d}>{refusals}</h3><ul>")
        out += [f"<li>{esc(reason)} ({esc(w.number(count))})</li>" for reason, count in report.figures.refusals]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)


# -- PDF ----------------------------------------------------------------------------------------
def write_pdf(report: Report, path: Path) -> None:
    """Print the HTML with Qt to an A4 PDF (fonts embedded). Needs a QGuiApplication.
    MissingFont, and nothing written, when a script of the report has no font."""
    fonts.register_bundled(everything=True)
    missing = fonts.without_font([to_markdown(report)])
    if missing:
        names = ", ".join(fonts.writing_system_name(system) for system in missing)
        raise MissingFont(QCoreApplication.translate(
            "report", "No font on this system draws {scripts}: the PDF would show empty boxes, so it was not written. "
            "Install fonts for it (e.g. {packages}) or write the report as HTML or Markdown.").format(
            scripts=names, packages=fonts.FONT_PACKAGES))
    document = QTextDocument()
    font = QFont(document.defaultFont())
    font.setFamilies([*_PDF_FONTS.get(report.language, []), *font.families(), *fonts.BUNDLED_FAMILIES.values()])
    document.setDefaultFont(font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if report.language in _RTL else Qt.LayoutDirection.LeftToRight)
    document.setDefaultTextOption(option)
    document.setHtml(to_html(report))
    writer = QPdfWriter(str(path))
    writer.setTitle(_Words(report).heading())
    writer.setCreator("kmdesk")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    document.print_(writer)


def write(report: Report, fmt: str, path: Path) -> None:
    """Write ``report`` to ``path`` as ``pdf``, ``html`` or ``md``."""
    if fmt == "pdf":
        write_pdf(report, path)
        return
    text = to_html(report) if fmt == "html" else to_markdown(report)
    path.write_text(text, encoding="utf-8")
