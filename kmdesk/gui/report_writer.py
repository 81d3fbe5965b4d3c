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

from kmdesk.core import dashboard
from kmdesk.core.report import Entry, Report
from kmdesk.gui.qt import (
    QCoreApplication,
    QFont,
    QLocale,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    Qt,
    QTextDocument,
    QTextOption,
)
from kmdesk.gui.localized import format_date
from kmdesk.gui.territories import territory_name

_RTL = {"ar", "fa", "he", "ur"}
# Fonts tried first for a report's language. Qt embeds a TrueType font with a full map from
# glyphs back to characters; a CFF font (Noto Sans CJK) comes out with characters that copy and
# search as garbage, so a TrueType CJK font goes first when it is installed.
_PDF_FONTS = {"zh": ["WenQuanYi Zen Hei", "Noto Sans CJK SC"], "ar": ["Noto Naskh Arabic", "Noto Sans Arabic"]}


def _tr(text: str) -> str:
    return QCoreApplication.translate("report", text)


class _Words:
    """The report's words and numbers in its language."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.locale = QLocale(report.language)

    def number(self, value: int) -> str:
        return self.locale.toString(value)

    def heading(self) -> str:
        if self.report.only_target is not None:
            return _tr("GBF report: target {number}").format(number=self.number(self.report.only_target))
        return _tr("GBF report")

    def intro(self) -> str:
        figures = self.report.figures
        covered = sum(1 for n in dashboard.TARGETS if figures.targets[n])
        return _tr("Library {library}, {date}. {records} public records; {covered} of 23 targets covered. Records that "
                   "are not public are never part of this report.").format(
            library=self.report.library, date=format_date(self.report.generated_on), records=self.number(figures.total),
            covered=self.number(covered))

    def target(self, number: int) -> str:
        return _tr("Target {number}: {title}").format(number=self.number(number),
                                                      title=self.report.target_titles.get(number, ""))

    def entry_line(self, entry: Entry) -> str:
        parts = [self.report.type_titles.get(entry.type, entry.type)]
        if entry.community:
            parts.append(entry.community)
        if entry.date:
            parts.append(entry.date)
        return " · ".join(parts)

    def sharing(self) -> list[tuple[str, int]]:
        names = {"shared": _tr("Shared with the CHM"), "waiting": _tr("Waiting to be sent"),
                 "refused": _tr("Refused by the CHM"), "withdrawn": _tr("Withdrawn from the CHM")}
        return [(names[key], count) for key, count in self.report.figures.sharing.items()]

    def consent(self) -> list[tuple[str, int]]:
        names = {"valid": _tr("Consent valid"), "expiring": _tr("Consent expiring within 90 days"),
                 "expired": _tr("Consent expired"), "withdrawn": _tr("Consent withdrawn")}
        return [(names[key], count) for key, count in self.report.figures.consent.items()]

    def communities(self) -> list[tuple[str, int]]:
        return sorted(self.report.figures.communities.items(), key=lambda kv: (-kv[1], kv[0].casefold()))

    def countries(self) -> list[tuple[str, int]]:
        return sorted(((territory_name(code, self.report.language), count)
                       for code, count in self.report.figures.countries.items()), key=lambda kv: (-kv[1], kv[0]))


# -- Markdown -----------------------------------------------------------------------------------
def to_markdown(report: Report) -> str:
    w = _Words(report)
    out = [f"# {w.heading()}", "", w.intro(), "", f"## {_tr('Coverage per target')}", "",
           f"| {_tr('Target')} | {_tr('Public records')} |", "|---|---:|"]
    for number in dashboard.TARGETS:
        if report.only_target in (None, number):
            out.append(f"| {_md(w.target(number))} | {w.number(report.figures.targets[number])} |")
    for section in report.sections:
        out += ["", f"## {_md(w.target(section.number))}", ""]
        if not section.entries:
            out.append(_tr("No public record covers this target yet."))
        for entry in section.entries:
            out.append(f"- **{_md(entry.title)}** ({_md(w.entry_line(entry))})")
            if entry.summary:
                out.append(f"  {_md(entry.summary)}")
            for link in entry.links:
                out.append(f"  {_tr('On the CHM:')} <{link}>")
    for title, rows in ((_tr("Contributions of communities"), w.communities()), (_tr("Countries"), w.countries()),
                        (_tr("Sharing with the CHM"), w.sharing()), (_tr("Consent"), w.consent())):
        out += ["", f"## {title}", "", f"| | {_tr('Public records')} |", "|---|---:|"]
        out += [f"| {_md(name)} | {w.number(count)} |" for name, count in rows]
    if report.figures.refusals:
        out += ["", f"### {_tr('Reasons for refusals')}", ""]
        out += [f"- {_md(reason)} ({w.number(count)})" for reason, count in report.figures.refusals]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text that Markdown shows as written (table cells and emphasis stay intact)."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_").replace("\n", " ")


# -- HTML ---------------------------------------------------------------------------------------
def to_html(report: Report) -> str:
    w = _Words(report)
    esc = html.escape
    direction = "rtl" if report.language in _RTL else "ltr"
    align = "right" if direction == "rtl" else "left"
    out = [f'<!DOCTYPE html><html lang="{esc(report.language)}" dir="{direction}"><head><meta charset="utf-8">',
           f"<title>{esc(w.heading())}</title><style>body{{font-family: sans-serif;}} th, td{{text-align: {align}; "
           "padding: 2px 8px;}} td.n{text-align: right;} .meta{color: #555555;}</style></head>",
           f'<body dir="{direction}">', f'<h1 dir="{direction}">{esc(w.heading())}</h1>',
           f'<p dir="{direction}">{esc(w.intro())}</p>', f'<h2 dir="{direction}">{esc(_tr("Coverage per target"))}</h2>',
           f'<table dir="{direction}"><tr><th>{esc(_tr("Target"))}</th><th>{esc(_tr("Public records"))}</th></tr>']
    for number in dashboard.TARGETS:
        if report.only_target in (None, number):
            out.append(f'<tr><td>{esc(w.target(number))}</td><td class="n">'
                       f'{esc(w.number(report.figures.targets[number]))}</td></tr>')
    out.append("</table>")
    for section in report.sections:
        out.append(f'<h2 dir="{direction}">{esc(w.target(section.number))}</h2>')
        if not section.entries:
            out.append(f'<p dir="{direction}">{esc(_tr("No public record covers this target yet."))}</p>')
        for entry in section.entries:
            out.append(f'<p dir="{direction}"><b>{esc(entry.title)}</b><br><span class="meta">'
                       f'{esc(w.entry_line(entry))}</span>')
            if entry.summary:
                out.append(f"<br>{esc(entry.summary)}")
            for link in entry.links:
                out.append(f'<br>{esc(_tr("On the CHM:"))} <a href="{esc(link)}">{esc(link)}</a>')
            out.append("</p>")
    for title, rows in ((_tr("Contributions of communities"), w.communities()), (_tr("Countries"), w.countries()),
                        (_tr("Sharing with the CHM"), w.sharing()), (_tr("Consent"), w.consent())):
        out.append(f'<h2 dir="{direction}">{esc(title)}</h2><table dir="{direction}">')
        out += [f'<tr><td>{esc(name)}</td><td class="n">{esc(w.number(count))}</td></tr>' for name, count in rows]
        out.append("</table>")
    if report.figures.refusals:
        out.append(f'<h3 dir="{direction}">{esc(_tr("Reasons for refusals"))}</h3><ul>')
        out += [f"<li>{esc(reason)} ({esc(w.number(count))})</li>" for reason, count in report.figures.refusals]
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)


# -- PDF ----------------------------------------------------------------------------------------
def write_pdf(report: Report, path: Path) -> None:
    """Print the HTML with Qt to an A4 PDF (fonts embedded). Needs a QGuiApplication."""
    document = QTextDocument()
    if report.language in _PDF_FONTS:
        font = QFont(document.defaultFont())
        font.setFamilies([*_PDF_FONTS[report.language], *font.families()])
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
