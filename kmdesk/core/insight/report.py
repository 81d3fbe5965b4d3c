"""The GBF report a focal point hands in: coverage per target, the public records under each
with their summaries and CHM links, the communities' contributions and the sharing and consent
figures — of **public records only**, whoever is unlocked: the report leaves the library.

This module gathers the facts (``gather``), in the report's language where a record or a
vocabulary has one; the words around them and the formats (Markdown, HTML, PDF) are the
interface's job (``kmdesk.render.report_writer``), since they are translated with Qt's tools.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from kmdesk.core import vocab
from kmdesk.core.chm.chm_api import DOCUMENT_PATH
from kmdesk.core.insight import dashboard
from kmdesk.core.store.model import Record, RemoteState, SyncTarget
from kmdesk.core.store.records import display_title

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

FORMATS = ("pdf", "html", "md")


@dataclass
class Entry:
    """One public record under a target."""

    id: str
    title: str
    summary: str
    type: str
    community: str | None
    date: str | None
    links: list[str] = field(default_factory=list)  # where the CHM holds it


@dataclass
class Section:
    number: int
    title: str
    entries: list[Entry]


@dataclass
class Report:
    language: str
    generated_on: str
    library: str
    figures: dashboard.Figures  # public records only
    target_titles: dict[int, str]
    goal_titles: dict[str, str]
    type_titles: dict[str, str]
    sections: list[Section]
    only_target: int | None = None


def _text(texts: dict[str, str], langs: list[str]) -> str:
    """A multilingual field in the first of ``langs`` it has, else its first text."""
    return display_title({"title": texts or {}}, langs)


def _links(library: Library, ids: set[str]) -> dict[str, list[str]]:
    """The CHM documents of records sent to a CHM target (the documents API's address, the
    record's UUID being the document's identifier)."""
    links: dict[str, list[str]] = {}
    with library.reading() as session:
        rows = session.execute(select(RemoteState.record_id, SyncTarget.url)
                               .join(SyncTarget, SyncTarget.name == RemoteState.target)
                               .where(RemoteState.status == "sent", SyncTarget.kind == "chm")).all()
    for record_id, url in rows:
        if record_id in ids:
            links.setdefault(record_id, []).append(url.rstrip("/") + DOCUMENT_PATH.format(identifier=record_id))
    return links


def gather(library: Library, *, language: str = "en", target: int | None = None, today: date | None = None,
           record_languages: list[str] | None = None) -> Report:
    """The report's facts in ``language``; with ``target`` only that target's section. Record
    texts are taken in ``language`` first, then ``record_languages`` (a person's order)."""
    if target is not None and target not in dashboard.TARGETS:
        raise ValueError(f"there is no GBF target {target} (1 to 23)")
    today = today or date.today()
    langs = [language, *(record_languages or []), "en"]
    figures = dashboard.figures(library, today, public_only=True)
    wanted = [target] if target is not None else [n for n in dashboard.TARGETS if figures.targets[n]]
    by_target: dict[int, list[Entry]] = {n: [] for n in wanted}
    with library.reading() as session:
        rows = session.scalars(select(Record).where(Record.access_level == "public")).all()
        for row in rows:
            numbers = [int(n) for n in row.gbf_targets or [] if str(n).isdigit() and int(n) in by_target]
            if not numbers or library.access.keys.record_problem(session, row):  # a row that fails its check is named nowhere
                continue
            entry = Entry(row.id, _text(row.title, langs), _text(row.summary, langs), row.type, row.community, row.date)
            for number in numbers:
                by_target[number].append(entry)
    links = _links(library, {entry.id for entries in by_target.values() for entry in entries})
    for entries in by_target.values():
        for entry in entries:
            entry.links = links.get(entry.id, [])
        entries.sort(key=lambda e: (e.title.casefold(), e.id))
    titles = {item["number"]: vocab.title(item, language) for item in vocab.gbf()["targets"]}
    return Report(
        language=language, generated_on=today.isoformat(), library=library.data_dir.name, figures=figures,
        target_titles=titles, goal_titles={g["code"]: vocab.title(g, language) for g in vocab.gbf()["goals"]},
        type_titles=vocab.titles("types", language),
        sections=[Section(n, titles.get(n, ""), by_target[n]) for n in wanted], only_target=target)
