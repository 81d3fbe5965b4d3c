"""Consent, protocols, profiles, communities, Local Contexts labels and the audit log."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.cli.common import CliError, add_common, emit_json, open_library, passphrase, wants_json
from kmdesk.cli.words import country_names, day, when
from kmdesk.core import vocab
from kmdesk.core.io import localcontexts

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands

EXIT_TAMPERED = 1


def register(sub: Commands) -> None:
    def group(name: str, help_text: str) -> Commands:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        add_common(parser)
        return parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def command(parent: Commands, name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
        parser = parent.add_parser(name, help=help_text, description=help_text)
        add_common(parser)
        parser.set_defaults(func=func)
        return parser

    consent = group("consent", "FPIC consent records of a record")
    grant = command(consent, "grant", "record a consent (custodians)", _grant)
    grant.add_argument("id")
    grant.add_argument("--by", required=True, help="who granted it (person or authority)")
    grant.add_argument("--scope", action="append", required=True, choices=vocab.keys("consent_scopes"))
    grant.add_argument("--form", default="written", choices=vocab.keys("consent_forms"))
    grant.add_argument("--expires", metavar="YYYY-MM-DD")
    grant.add_argument("--given-on", metavar="YYYY-MM-DD", help="date consent was given (default today)")
    grant.add_argument("--community")
    grant.add_argument("--process", help="the community process through which it was given")
    grant.add_argument("--witness", action="append", default=[])
    grant.add_argument("--recipient")
    grant.add_argument("--informed-on", metavar="YYYY-MM-DD", help="date the information was shared beforehand")
    grant.add_argument("--informed-language")
    grant.add_argument("--informed-method")
    grant.add_argument("--conditions")
    withdraw = command(consent, "withdraw", "withdraw consent (custodians)", _withdraw)
    withdraw.add_argument("id")
    withdraw.add_argument("--by", required=True)
    withdraw.add_argument("--reason")
    withdraw.add_argument("--consent", metavar="CONSENT_ID", help="only this consent (default: every standing one)")
    show = command(consent, "show", "consent history and current state", _consent_show)
    show.add_argument("id")

    protocol = group("protocol", "cultural protocols and their members")
    padd = command(protocol, "add", "add a protocol (custodians)", _protocol_add)
    padd.add_argument("name")
    padd.add_argument("--community")
    padd.add_argument("--kind", choices=["strict", "open"], default="strict")
    command(protocol, "list", "list protocols and members", _protocol_list)
    madd = command(protocol, "member-add", "give a profile a protocol's key", _member_add)
    madd.add_argument("protocol")
    madd.add_argument("member")
    mrem = command(protocol, "member-remove", "remove a member; rotates the key and re-seals", _member_remove)
    mrem.add_argument("protocol")
    mrem.add_argument("member")

    community = group("community", "communities")
    cadd = command(community, "add", "add a community (custodians)", _community_add)
    cadd.add_argument("name")
    cadd.add_argument("--country")
    command(community, "list", "list communities", _community_list)

    profile = group("profile", "local user profiles")
    fadd = command(profile, "add", "add a profile (custodians); its passphrase from KMDESK_NEW_PASSPHRASE, --new-passphrase-file or a prompt", _profile_add)
    fadd.add_argument("name")
    fadd.add_argument("--role", action="append", required=True, choices=["custodian", "contributor", "viewer"])
    fadd.add_argument("--member-of", action="append", default=[], metavar="PROTOCOL")
    fadd.add_argument("--new-passphrase-file", type=Path)
    command(profile, "list", "list profiles", _profile_list)
    passwd = command(profile, "passwd", "change a passphrase (rotates the profile's key pair and re-wraps its keys)", _passwd)
    passwd.add_argument("name")
    passwd.add_argument("--new-passphrase-file", type=Path)

    labels = group("labels", "Local Contexts labels and Hub projects")
    limp = command(labels, "import", "import a Local Contexts Hub project (API v2 JSON file)", _labels_import)
    limp.add_argument("file", type=Path)
    fetch = command(labels, "fetch", "fetch a Hub project when online and cache it", _labels_fetch)
    fetch.add_argument("project")
    fetch.add_argument("--api-key-file", type=Path, required=True)
    fetch.add_argument("--hub", default=localcontexts.HUB)
    command(labels, "list", "list the label vocabulary and cached Hub projects", _labels_list)

    audit = sub.add_parser("audit", help="the audit log", description="show or verify the hash-chained audit log")
    add_common(audit)
    audit.add_argument("verb", nargs="?", choices=["verify"], help="verify the chain (exit 1 when tampered)")
    audit.set_defaults(func=_audit)


def _grant(args: argparse.Namespace) -> int:
    data = {"granted_by": args.by, "scope": args.scope, "form": args.form, "expires_on": args.expires,
            "given_on": args.given_on, "community": args.community, "process": args.process, "witnesses": args.witness,
            "recipient": args.recipient, "informed_on": args.informed_on, "informed_language": args.informed_language,
            "informed_method": args.informed_method, "conditions": args.conditions}
    with open_library(args) as library:
        record_id = library.records.resolve_id(args.id)
        item = library.consent.grant(record_id, {k: v for k, v in data.items() if v not in (None, [])})
    emit_json(item) if wants_json(args) else print(f"consent {item['id']} recorded on {record_id}")
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        record_id = library.records.resolve_id(args.id)
        ids = library.consent.withdraw(record_id, by=args.by, reason=args.reason, consent_id=args.consent)
    emit_json({"withdrawn": ids}) if wants_json(args) else print(f"withdrew {len(ids)} consent(s) on {record_id}")
    return 0


def _consent_show(args: argparse.Namespace) -> int:
    """The consent state and history; a sealed consent (record not open to this profile) shows
    only its dates. Forged, altered or deleted consent events are listed and make it exit 1."""
    from datetime import date

    from kmdesk.core.trust.consent import consent_state

    with open_library(args) as library:
        record_id = library.records.resolve_id(args.id)
        items = library.consent.of(record_id)
        problems = library.consent.problems(record_id)
    state = consent_state(items, date.today()).value
    if wants_json(args):
        emit_json({"id": record_id, "state": state, "consents": items, "problems": problems})
        return EXIT_TAMPERED if problems else 0
    print(f"consent state: {state}")
    scopes = vocab.titles("consent_scopes", "en")
    for item in items:
        if item.get("sealed"):
            line = f"  {day(item.get('given_on'))}  sealed consent (unlock a profile that may read the record)"
        else:
            allows = ", ".join(scopes.get(s, s) for s in item.get("scope") or [])
            line = f"  {day(item.get('given_on'))}  by {item.get('granted_by')}  allows: {allows}"
        if item.get("expires_on"):
            line += f"  expires {day(item['expires_on'])}"
        if item.get("withdrawn_on"):
            line += f"  WITHDRAWN {day(item['withdrawn_on'])}"
            if not item.get("sealed"):
                line += f" by {item.get('withdrawn_by')}" + (f": {item['withdrawal_reason']}" if item.get("withdrawal_reason") else "")
        print(line)
    for problem in problems:
        print(f"  TAMPERED: {problem}")
    return EXIT_TAMPERED if problems else 0


def _protocol_add(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        library.access.add_protocol(args.name, community=args.community, kind=args.kind)
    print(f"protocol {args.name} added")
    return 0


def _protocol_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        items = library.access.protocols()
    if wants_json(args):
        emit_json(items)
        return 0
    for p in items:
        print(f"{p['name']}  [{p['kind']}]" + (f"  community {p['community']}" if p["community"] else "")
              + f"  members: {', '.join(p['members']) or '-'}" + _untrusted(p))
    return 0


def _member_add(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        library.access.add_member(args.protocol, args.member)
    print(f"{args.member} is now a member of {args.protocol}")
    return 0


def _member_remove(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        count = library.access.remove_member(args.protocol, args.member)
    print(f"{args.member} removed from {args.protocol}; key rotated, {count} record(s) re-sealed")
    return 0


def _community_add(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        library.access.add_community(args.name, args.country)
    print(f"community {args.name} added")
    return 0


def _community_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        items = library.access.communities()
    emit_json(items) if wants_json(args) else [print(f"{c['name']}" + (f" ({country_names([c['country']])})" if c["country"] else "") + _untrusted(c))
                                               for c in items]
    return 0


def _profile_add(args: argparse.Namespace) -> int:
    secret = passphrase(args, env="KMDESK_NEW_PASSPHRASE", file_option="new_passphrase_file", prompt=f"Passphrase for {args.name}: ")
    with open_library(args) as library:
        library.access.create_profile(args.name, secret, args.role)
        for protocol in args.member_of:
            library.access.add_member(protocol, args.name)
    print(f"profile {args.name} added")
    return 0


def _profile_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        items = library.access.profiles()
    if wants_json(args):
        emit_json(items)
        return 0
    for p in items:
        print(f"{p['name']}  roles: {', '.join(p['roles'])}  protocols: {', '.join(p['protocols']) or '-'}" + _untrusted(p))
    return 0


def _untrusted(item: dict[str, Any]) -> str:
    """A listed row that failed its check, said on its line (it gives no key and decides nothing)."""
    return f"  UNTRUSTED: {item['problem']}" if item.get("problem") else ""


def _passwd(args: argparse.Namespace) -> int:
    old = passphrase(args, prompt=f"Current passphrase for {args.name}: ")
    new = passphrase(args, env="KMDESK_NEW_PASSPHRASE", file_option="new_passphrase_file", prompt="New passphrase: ")
    with open_library(args) as library:
        library.access.change_passphrase(args.name, old, new)
    print(f"passphrase of {args.name} changed")
    return 0


def _labels_import(args: argparse.Namespace) -> int:
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CliError(f"{args.file}: cannot read a Hub project: {exc}") from None
    with open_library(args) as library:
        project = library.labels.import_project(data)
    emit_json({"project": project.unique_id, "labels": project.codes}) if wants_json(args) else \
        print(f"Hub project {project.title or project.unique_id}: {', '.join(project.codes) or 'no labels'}")
    return 0


def _labels_fetch(args: argparse.Namespace) -> int:
    key = args.api_key_file.read_text(encoding="utf-8").strip()
    data = localcontexts.fetch_project(args.project, key, base_url=args.hub)
    with open_library(args) as library:
        project = library.labels.import_project(data)
    print(f"Hub project {project.title or project.unique_id} cached: {', '.join(project.codes) or 'no labels'}")
    return 0


def _labels_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        projects = library.labels.projects()
    vocabulary = vocab.label_vocab()
    if wants_json(args):
        emit_json({"labels": vocabulary, "projects": projects})
        return 0
    for code, item in vocabulary.items():
        print(f"{code:<7} {item['name']}")
    for project in projects:
        print(f"Hub project {project['unique_id']}: {project['title']} ({', '.join(project['codes'])})")
    return 0


def _audit(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        if args.verb == "verify":
            result = library.audit.verify()
            if wants_json(args):
                emit_json({"ok": result.ok, "first_bad_seq": result.first_bad_seq, "problem": result.problem,
                           "detail": result.detail})
            elif result.ok:
                print("audit log intact")
            else:
                where = f" at event {result.first_bad_seq}" if result.first_bad_seq is not None else ""
                print(f"audit log TAMPERED{where}: {result.problem}" + (f" ({result.detail})" if result.detail else ""))
            return 0 if result.ok else EXIT_TAMPERED
        events = library.audit.events()
    if wants_json(args):
        emit_json(events)
        return 0
    for e in events:
        print(f"{e['seq']:>5}  {when(e['at'])}  {e['actor']:<16} {e['action']:<18} {e['target']}")
    return 0
