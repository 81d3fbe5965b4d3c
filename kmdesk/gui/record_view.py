"""The read view of one record: every field, its texts in every language, the search snippet,
its GBF goals and targets with their official titles, and its edit history.

The page is HTML built from small section methods (``RecordView.sections``), so the next milestone can add
consent, labels and access sections without touching the others. Record text is always
escaped before it becomes HTML: a record is data, never markup. Each paragraph carries its own
direction, found from its first strong character, so Arabic next to Quechua reads right.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from kmdesk.core import vocab
from kmdesk.core.trust import consent
from kmdesk.gui.access_words import (
    consent_state_explanation,
    consent_state_name,
    level_explanation,
    reason_text,
    record_consent_state,
)
from kmdesk.gui.consent_dialogs import ConsentPanel
from kmdesk.gui.history_view import HistoryTree
from kmdesk.gui.hub_conflicts import conflict_field
from kmdesk.gui.library_model import (
    country_name,
    language_heading,
    language_name,
    pick_text,
    target_titles,
)
from kmdesk.gui.qt import (
    Qt,
    QTabWidget,
    QTextBrowser,
    QTextOption,
    QVBoxLayout,
    QWidget,
)
from kmdesk.gui.sync_panel import status_text
from kmdesk.render.fonts import bidi_isolate, language_direction
from kmdesk.render.localized import format_date, format_timestamp, place_text

_BOLD = re.compile(r"(</?b>)")


def text_direction(text: str) -> str:
    """``rtl`` or ``ltr`` from the first strongly directional character (Unicode bidi P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def esc(text: str) -> str:
    return html.escape(text, quote=True)


_NO_ITALICS = re.compile(r"[\u0590-\u08ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def summary_para(text: str, lang: str) -> str:
    """A summary, in italics where its script has them: Arabic, Hebrew, Chinese, Japanese and
    Korean have no italic tradition, and their fonts' slanted faces often lack the letters
    (the Arabic summary showed as empty boxes)."""
    slanted = not _NO_ITALICS.search(text)
    return para(text, lang=lang, extra=' style="font-style:italic"' if slanted else "")


def para(text: str, tag: str = "p", lang: str | None = None, extra: str = "") -> str:
    """One escaped paragraph with its own direction (and language, for fonts and readers). A
    text in a language written right-to-left stays right-to-left even when it opens with a
    Latin name or number; otherwise its first strong character decides."""
    lang_attr = f' lang="{esc(lang)}"' if lang else ""
    direction = (language_direction(lang) if lang else None) or text_direction(text)
    return f'<{tag} dir="{direction}"{lang_attr}{extra}>{esc(text)}</{tag}>'


def esc_list(values: Sequence[str]) -> str:
    """Escaped, comma-joined values, each bidi-isolated: a Latin place name in an Arabic list
    (or an Arabic one in an English list) keeps its order and its commas where they belong."""
    return ", ".join(esc(bidi_isolate(value)) for value in values)


def safe_snippet(snippet: str) -> str:
    """The search snippet with only its ``<b>`` highlights kept as markup; everything else is
    escaped (unescaping first, so a snippet already escaped is not escaped twice)."""
    parts = _BOLD.split(snippet)
    return "".join(part if part in ("<b>", "</b>") else esc(html.unescape(part)) for part in parts)


class RecordView(QWidget):
    """Shows one record (``show_record``) or a hint when none is selected (``clear``)."""

    def __init__(self, parent: QWidget | None = None, languages: Sequence[str] = ("en",)) -> None:
        super().__init__(parent)
        self.record: dict[str, Any] | None = None
        self._languages: tuple[str, ...] = tuple(languages)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setAccessibleName(self.tr("Record"))
        self.browser.setAccessibleDescription(self.tr("The record selected in the list: its texts in every "
                                                      "language, its targets, people, places and access."))
        option = QTextOption(self.browser.document().defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        self.browser.document().setDefaultTextOption(option)
        self.history = HistoryTree(self)
        self.history.setAccessibleName(self.tr("History"))
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Record pane"))
        self.tabs.addTab(self.browser, self.tr("Record"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.consent_panel = ConsentPanel(self, self.lang)
        self.tabs.addTab(self.consent_panel, self.tr("Consent"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.sections: list[Callable[[dict[str, Any], str | None], str]] = [
            self._header_section, self._conflict_section, self._sealed_section, self._snippet_section, self._texts_section,
            self._gbf_section, self._description_section, self._people_section, self._places_section,
            self._provenance_section, self._chm_section, self._access_section, self._sync_section,
        ]
        self._sync: tuple[str, list[dict[str, Any]]] | None = None  # (record id, remote status per target)
        self.clear()

    def set_languages(self, languages: Sequence[str]) -> None:
        self._languages = tuple(languages)
        if self.record is not None:
            self.show_record(self.record, self._history_entries, in_conflict=self._in_conflict)

    @property
    def lang(self) -> str:
        return self._languages[0] if self._languages else "en"

    def clear(self) -> None:
        self.record = None
        self._snippet: str | None = None
        self._history_entries: list[dict[str, Any]] = []
        self._in_conflict: tuple[str, ...] = ()  # the fields a hub sync flagged (``records.in_conflict``)
        hint = self.tr("Select a record in the list to read it here.")
        self.browser.setHtml(f'<p style="color:gray">{esc(hint)}</p>')
        self.history.clear()
        self.consent_panel.clear()

    def show_record(self, record: dict[str, Any], history: list[dict[str, Any]], snippet: str | None = None,
                    in_conflict: Sequence[str] = ()) -> None:
        self.record, self._history_entries, self._snippet = record, history, snippet
        self._in_conflict = tuple(in_conflict)
        self._render()
        self.history.show_history(history)
        self.consent_panel.show_record(record)

    def _render(self) -> None:
        assert self.record is not None
        self.browser.setHtml("".join(section(self.record, self._snippet) for section in self.sections))

    def html(self) -> str:
        return self.browser.toHtml()

    def show_sync_status(self, record_id: str, states: list[dict[str, Any]]) -> None:
        """The record's remote status per target (loaded by the sync panel), shown under the record."""
        shown = self._sync is not None and self._sync[0] == record_id and bool(self._sync[1])
        self._sync = (record_id, states)
        if self.record is not None and self.record["id"] == record_id and (states or shown):
            self._render()  # only the record's text: its snippet, history and consent stay as they are

    def _sync_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        if self._sync is None or self._sync[0] != record["id"] or not self._sync[1]:
            return ""
        return self._heading(self.tr("On the Clearing-House")) + self._rows(
            [(esc(state["target"]), esc(status_text(state))) for state in self._sync[1]])

    # -- sections ------------------------------------------------------------------------------
    def _rows(self, rows: list[tuple[str, str]]) -> str:
        """A two-column table of label and (already escaped) value; empty values left out."""
        cells = "".join(f'<tr><td style="color:#555;padding-right:12px" valign="top">{esc(label)}</td>'
                        f"<td>{value}</td></tr>" for label, value in rows if value)
        return f'<table cellspacing="2">{cells}</table>' if cells else ""

    def _heading(self, text: str) -> str:
        return f"<h3>{esc(text)}</h3>"

    def _header_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        title = pick_text(record.get("title") or {}, self._languages) or self.tr("Restricted record")
        kind = vocab.titles("types", self.lang).get(record.get("type") or "", record.get("type") or "")
        if record.get("resource_kind"):
            kind += " · " + vocab.titles("resource_kinds", self.lang).get(record["resource_kind"], record["resource_kind"])
        return para(title, "h2") + f'<p style="color:#555">{esc(kind)}</p>'

    def _conflict_section(self, _record: dict[str, Any], _snippet: str | None) -> str:
        """A record a hub sync flagged: which fields two devices changed at once, and where to choose."""
        if not self._in_conflict:
            return ""
        fields = [conflict_field(name) for name in self._in_conflict]
        return para(self.tr("In conflict: {fields}. Two devices changed this at once; both values are kept and one is "
                            "shown here. Choose in Hub › Records in conflict…").format(fields=", ".join(fields)),
                    extra=' style="color:#b71c1c"')

    def _sealed_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        if not record.get("sealed"):
            return ""
        return para(self.tr("This record is protected by its community's rules. Its texts open only for "
                            "a profile that may read them."), extra=' style="color:#6d4c41"')

    def _snippet_section(self, _record: dict[str, Any], snippet: str | None) -> str:
        if not snippet:
            return ""
        text = html.unescape(_BOLD.sub("", snippet))
        return (f'<p dir="{text_direction(text)}" style="background-color:#fff8e1">'
                f"{safe_snippet(snippet)}</p>")

    def _texts_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        """Every language the record is written in, the person's languages first."""
        fields = {name: record.get(name) or {} for name in ("title", "summary", "body")}
        tags = list(dict.fromkeys(t for texts in fields.values() for t in texts))
        ranked = sorted(tags, key=lambda t: next((i for i, l in enumerate(self._languages) if t.split("-")[0] == l),
                                                  len(self._languages)))
        out = []
        for tag in ranked:
            out.append(self._heading(language_heading(tag, self.lang)))
            if fields["title"].get(tag):
                out.append(para(fields["title"][tag], lang=tag, extra=' style="font-weight:600"'))
            if fields["summary"].get(tag):
                out.append(summary_para(fields["summary"][tag], tag))
            for paragraph in re.split(r"\n\s*\n", fields["body"].get(tag, "")):
                if paragraph.strip():
                    out.append(para(paragraph.strip(), lang=tag))
        return "".join(out)

    def _gbf_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        goals = {g["code"]: vocab.title(g, self.lang) for g in vocab.gbf()["goals"]}
        targets = target_titles(self.lang)
        items = [self.tr("Goal {code}: {title}").format(code=code, title=goals.get(code, ""))
                 for code in record.get("gbf_goals") or []]
        items += [self.tr("Target {number}: {title}").format(number=n, title=targets.get(n, ""))
                  for n in record.get("gbf_targets") or []]
        if not items:
            return ""
        return self._heading(self.tr("Kunming-Montreal Global Biodiversity Framework")) + \
            "<ul>" + "".join(para(item, "li") for item in items) + "</ul>"

    def _description_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        subjects = {s["identifier"]: vocab.title(s, self.lang) for s in vocab.cbd_subjects()}
        return self._heading(self.tr("Description")) + self._rows([
            (self.tr("Keywords"), esc_list(record.get("keywords") or [])),
            (self.tr("CBD subjects"), esc(", ".join(subjects.get(s, s) for s in record.get("subjects") or []))),
            (self.tr("Languages"), esc(", ".join(language_name(t, self.lang) for t in record.get("languages") or []))),
        ])

    def _people_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        roles = vocab.titles("creator_roles", self.lang)
        creators = "<br>".join(f'<span dir="{text_direction(c["name"])}">{esc(c["name"])}</span> '
                               f'({esc(roles.get(c["role"], c["role"]))})' for c in record.get("creators") or [])
        community = record.get("community") or ""
        rows = self._rows([(self.tr("Creators"), creators),
                           (self.tr("Community"), f'<span dir="{text_direction(community)}">{esc(community)}</span>'
                            if community else "")])
        return self._heading(self.tr("People")) + rows if rows else ""

    def _places_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        rows = self._rows([
            (self.tr("Countries"), esc(", ".join(country_name(c, self.lang) for c in record.get("countries") or []))),
            (self.tr("Places"), esc_list([place_text(p) for p in record.get("places") or []])),
        ])
        return self._heading(self.tr("Where")) + rows if rows else ""

    def _provenance_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        url = record.get("source_url") or ""
        link = f'<a href="{esc(url)}">{esc(url)}</a>' if url.startswith(("http://", "https://")) else esc(url)
        given = record.get("identifiers") or {}
        identifiers = ", ".join(f"{esc(k)}: {esc(v)}" for k, v in given.items() if k not in consent.CONTACT_KEYS)
        return self._heading(self.tr("Source")) + self._rows([
            (self.tr("Date"), esc(format_date(record.get("date") or ""))),
            (self.tr("Licence"), esc(record.get("licence") or "")),
            (self.tr("Link"), link),
            (self.tr("Identifiers"), identifiers),
            (self.tr("Contact details"), self._contacts(record, given)),
            (self.tr("Revision"), esc(str(record.get("revision") or ""))),
            (self.tr("Created"), esc(format_timestamp(record.get("created_at") or ""))),
            (self.tr("Last changed"), esc(format_timestamp(record.get("updated_at") or ""))),
            (self.tr("Record id"), f"<code>{esc(record.get('id') or '')}</code>"),
        ])

    def _contacts(self, record: dict[str, Any], given: dict[str, Any]) -> str:
        """A person's or organization's contact details, naming the consent that lets them be
        shown (``consent.listing_consent``); without one, that they are withheld outside an
        unlocked view (the core leaves them out of what a locked reader gets)."""
        contacts = ", ".join(f"{esc(k)}: {esc(given[k])}" for k in consent.CONTACT_KEYS if given.get(k))
        if not contacts and record.get("type") not in ("person", "organization"):
            return ""
        listing = consent.listing_consent(record, date.today())
        if listing is None:
            note = self.tr("Not listed in the directory: without a valid consent to be listed (list_in_directory), "
                           "contact details are withheld from locked views, search, exports, reports and the CHM.")
        elif listing.get("granted_by"):
            note = self.tr("Listed in the directory with the consent of {who}, given on {day}.").format(
                who=listing["granted_by"], day=format_date(str(listing.get("given_on") or "")) or "—")
        else:
            note = self.tr("Listed in the directory with a valid consent to be listed.")
        return (contacts + "<br>" if contacts else "") + f"<i>{esc(note)}</i>"

    def _chm_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        """A record pulled from the central CHM says so, and that it is read-only here."""
        identifier = (record.get("identifiers") or {}).get("chm")
        if not identifier:
            return ""
        return self._heading(self.tr("From the CHM")) + para(self.tr(
            "Pulled from the central Clearing-House (identifier {identifier}). It is read-only here: "
            "the next pull brings its changes, or marks it withdrawn.").format(identifier=identifier))

    def _access_section(self, record: dict[str, Any], _snippet: str | None) -> str:
        """Who may see the record, its labels, its consent at a glance, and whether it may go
        to the CHM with every reason why not (computed by the core's one rule)."""
        access = record.get("access") or {}
        level_key = access.get("level", "public")
        level = vocab.titles("access_levels", self.lang).get(level_key, level_key)
        names = vocab.label_vocab()
        labels = "<br>".join(esc(f"{code} · {names.get(code, {}).get('name', '')}") for code in record.get("labels") or [])
        state = record_consent_state(record)
        verdict = consent.sharing_eligibility(record, selected=True, today=date.today(), label_vocab=names)
        if verdict.eligible:
            sharing = esc(self.tr("May go to the national CHM once someone selects it for sharing."))
        else:
            sharing = esc(self.tr("Not eligible:")) + "<ul>" + "".join(
                f"<li>{esc(reason_text(r, self.lang))}</li>" for r in verdict.reasons) + "</ul>"
        return self._heading(self.tr("Access and consent")) + self._rows([
            (self.tr("Access level"), f"<b>{esc(level)}</b> — {esc(level_explanation(level_key))}"),
            (self.tr("Protocols"), esc(", ".join(access.get("protocols") or []))
             + (esc(" (" + self.tr("members of any one") + ")") if access.get("sharing") == "any" else "")),
            (self.tr("Custodians"), esc(", ".join(access.get("custodians") or []))),
            (self.tr("Labels"), labels),
            (self.tr("Consent"), f"<b>{esc(consent_state_name(state))}</b> — {esc(consent_state_explanation(state))}"),
            (self.tr("Sharing"), sharing),
        ])
