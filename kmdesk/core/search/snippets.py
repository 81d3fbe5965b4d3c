"""Highlights: the words of a record's text that a query's terms matched, as typed or as a
language's rules matched them (a stemmed "forêts" marks "forêt"), in bold, HTML-escaped."""

from __future__ import annotations

import html
from collections.abc import Iterable

from kmdesk.core.search.analysis import CJK, TOKEN, forms, simplified

FRAGMENT = 200  # characters a fragment holds at most
SURROUND = 40  # characters of context before and after a match
FRAGMENTS = 3


def matches(content: str, terms: Iterable[tuple[str, str]]) -> list[tuple[int, int]]:
    """The spans of ``content`` whose words analyse, in some field, to one of ``terms``
    (field, term); Chinese terms (bigrams and characters) are found as written."""
    by_field: dict[str, set[str]] = {}
    chinese: set[str] = set()
    for field, term in terms:
        (chinese if CJK.search(term) else by_field.setdefault(field, set())).add(term)
    # a word and its stem or folded form begin alike in Latin script: an ASCII word whose first
    # letters begin no term is not analysed at all (most words of a text)
    starts = {term[:2] for wanted in by_field.values() for term in wanted}
    spans = []
    for match in TOKEN.finditer(content):
        word = match.group()
        if word.isascii() and word[:2].lower() not in starts or CJK.search(word):
            continue
        if any(not wanted.isdisjoint(forms(field, word)) for field, wanted in by_field.items()):
            spans.append(match.span())
    if chinese:
        folded = simplified(content)
        for term in chinese:
            start = folded.find(term)
            while start >= 0:
                spans.append((start, start + len(term)))
                start = folded.find(term, start + 1)
    return _merged(sorted(spans))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def snippet(content: str, terms: Iterable[tuple[str, str]]) -> str:
    """Up to ``FRAGMENTS`` fragments of ``content`` around its matches, matches in ``<b>``."""
    spans = matches(content, terms) if content else []
    fragments: list[list[tuple[int, int]]] = []
    for span in spans:
        if fragments and span[1] - fragments[-1][0][0] <= FRAGMENT - 2 * SURROUND:
            fragments[-1].append(span)
        elif len(fragments) < FRAGMENTS:
            fragments.append([span])
    return " ".join(_fragment(content, group) for group in fragments)


def _fragment(content: str, spans: list[tuple[int, int]]) -> str:
    """The text around ``spans``, cut at spaces (never inside a word), with "…" where cut."""
    start, end = max(0, spans[0][0] - SURROUND), min(len(content), spans[-1][1] + SURROUND)
    if start > 0 and (space := content.find(" ", start, spans[0][0])) >= 0:
        start = space + 1
    if end < len(content) and (space := content.rfind(" ", spans[-1][1], end)) >= 0:
        end = space
    out, at = ["…" if start > 0 else ""], start
    for left, right in spans:
        out.append(html.escape(content[at:left]))
        out.append(f"<b>{html.escape(content[left:right])}</b>")
        at = right
    out.append(html.escape(content[at:end]))
    out.append("…" if end < len(content) else "")
    return " ".join("".join(out).split())
