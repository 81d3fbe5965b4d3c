"""The CHM's own services, offline: matchmaking, the practitioner directory and
suggested targets and subjects. Pulling is ``kmdesk target pull`` (``sync_cmd``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.cli.common import add_common, emit_json, open_library, output_file, wants_json
from kmdesk.core.store.records import short_id

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands


def register(sub: Commands) -> None:
    def command(name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        add_common(parser)
        parser.set_defaults(func=func)
        return parser

    match = command("match", "offers, organizations and people for a need (or needs for an offer), with reasons", _match)
    match.add_argument("id", metavar="ID")
    match.add_argument("--limit", type=int, default=10)
    directory = command("directory", "the practitioner directory: people and organizations; contacts of those "
                        "who consented to be listed", _directory)
    directory.add_argument("--expertise", action="append", default=[], metavar="SUBJECT|TARGET",
                           help="a CBD subject identifier (CBD-SUBJECT-AGR) or a GBF target number (repeatable)")
    directory.add_argument("--language", action="append", default=[], metavar="TAG", help="speaks this language (repeatable)")
    directory.add_argument("--country", action="append", default=[], metavar="CODE", help="works in this country (repeatable)")
    directory.add_argument("--vcard", type=Path, metavar="FILE", help="write the listed people's vCards to FILE")
    contact = command("contact", "set a person's or organization's contact details (the directory shows them only "
                      "with consent to be listed: kmdesk consent grant ID --by NAME --scope list_in_directory)", _contact)
    contact.add_argument("id", metavar="ID")
    for key in ("email", "phone", "website"):
        contact.add_argument(f"--{key}", help=f"the {key} ('' removes it)")
    suggest = command("suggest", "propose GBF targets and CBD subjects for a record, with evidence (applies nothing)", _suggest)
    suggest.add_argument("id", metavar="ID")
    suggest.add_argument("--limit", type=int, default=5, help="targets and subjects each")


def _title(titles: dict[str, str]) -> str:
    return titles.get("en") or next(iter(titles.values()), "")


def _match(args: argparse.Namespace) -> int:
    from kmdesk.cli.words import match_reason
    from kmdesk.core.chm.match import matches

    with open_library(args) as library:
        found = matches(library, library.records.resolve_id(args.id), limit=args.limit)
    if wants_json(args):
        emit_json([m.as_dict() for m in found])
        return 0
    for m in found:
        origin = " [CHM]" if m.source == "chm" else ""
        print(f"{short_id(m.id)}  {m.type:<12} {m.score:6.2f}  {_title(m.title)}{origin}")
        print("          " + "; ".join(match_reason(r) for r in m.reasons))
    if not found:
        print("no matches")
    return 0


def _directory(args: argparse.Namespace) -> int:
    from kmdesk.cli.words import country_names, language_name
    from kmdesk.core.chm.directory import entries, vcards

    output_file(args.vcard)

    with open_library(args) as library:
        found = entries(library, expertise=args.expertise, languages=args.language, countries=args.country)
    if args.vcard:
        text, left_out = vcards(found)
        args.vcard.write_text(text, encoding="utf-8")
    if wants_json(args):
        emit_json([e.as_dict() for e in found])
    else:
        for e in found:
            contacts = (", ".join(e.contacts.values()) + f" (listed with the consent of {e.consented_by or 'its community'})"
                        if e.listed else "(not listed: no consent to show contacts)")
            speaks = ", ".join(language_name(tag) for tag in e.languages)
            print(f"{short_id(e.id)}  {e.name}  [{speaks}] {country_names(list(e.countries))}  {contacts}")
    if args.vcard:
        kept = text.count("BEGIN:VCARD")
        print(f"{kept} vCard(s) written to {args.vcard}" + (f"; {left_out} not listed or not public, left out" if left_out else ""))
    return 0


def _contact(args: argparse.Namespace) -> int:
    from kmdesk.core.chm.directory import set_contacts

    given = {key: getattr(args, key) for key in ("email", "phone", "website") if getattr(args, key) is not None}
    with open_library(args) as library:
        contacts = set_contacts(library, library.records.resolve_id(args.id), given)
    if wants_json(args):
        emit_json(contacts)
    else:
        withheld = any(given.values()) and not contacts
        print(", ".join(f"{k}: {v}" for k, v in contacts.items())
              or ("saved; withheld until a consent to list in the practitioner directory is valid, or a profile is unlocked" if withheld
                  else "no contact details"))
    return 0


def _suggest(args: argparse.Namespace) -> int:
    from kmdesk.core.chm.suggest import suggest

    with open_library(args) as library:
        found = suggest(library, library.records.resolve_id(args.id), limit=args.limit)
    if wants_json(args):
        emit_json([s.as_dict() for s in found])
        return 0
    from kmdesk.core import vocab

    targets = {t["number"]: t for t in vocab.gbf()["targets"]}
    subjects = {item["identifier"]: vocab.title(item) for item in vocab.cbd_subjects()}
    for s in found:
        label = (f"target {s.value} ({vocab.short_title(targets[s.value], width=24)})" if s.kind == "gbf_target"
                 else subjects.get(s.value, s.value))
        evidence = [f"like {_title(r['title'])!r}" for r in s.records[:3]] + ([f"words: {', '.join(s.words[:5])}"] if s.words else [])
        print(f"{label:<42} {s.score:5.2f}  {'; '.join(evidence)}")
    print("nothing was applied: add what fits with 'kmdesk edit ID --target N' (or in the editor)")
    return 0
