"""Sync commands: targets, sharing choices, the outbox and the sync run itself."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.cli.common import CliError, ProgressBar, add_common, emit_json, open_library, wants_json
from kmdesk.core.store.records import short_id

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands

EXIT_QUEUED = 3
EXIT_REJECTED = 4
SETTINGS = {"realm": "realm", "auth_prefix": "auth_prefix", "country": "country", "organization": "organization",
            "link": "link", "resource_type": "resource_types", "subject": "cbd_subjects", "publisher": "publisher"}


def register(sub: Commands) -> None:
    def command(parent: Commands, name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
        parser = parent.add_parser(name, help=help_text, description=help_text)
        add_common(parser)
        parser.set_defaults(func=func)
        return parser

    target = sub.add_parser("target", help="CHM targets", description="Clearing-House targets this library syncs to")
    add_common(target)
    targets = target.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = command(targets, "add", "add a target (custodians)", _target_add)
    add.add_argument("name")
    add.add_argument("--kind", required=True, choices=["chm", "bioland"])
    add.add_argument("--url", required=True)
    _target_options(add, realm_default="CHM", prefix_default="Bearer")
    edit = command(targets, "edit", "change a target's address, settings or account (custodians); "
                   "records it refused are queued again", _target_edit)
    edit.add_argument("name")
    edit.add_argument("--url")
    _target_options(edit, realm_default=None, prefix_default=None)
    remove = command(targets, "remove", "forget a target, its shares and its queue (custodians)", _target_remove)
    remove.add_argument("name")
    remove.add_argument("--force", action="store_true",
                        help="even if records sent from here are still on it (they stay there) or work waits for it")
    command(targets, "list", "list targets", _target_list)
    pull = command(targets, "pull", "fetch the central CHM's public records for the target's country into the "
                   "read-only 'From the CHM' collection (only what changed since the last pull)", _target_pull)
    pull.add_argument("name", nargs="?", help="a target of kind chm (default: the only one)")
    pull.add_argument("--schema", action="append", metavar="SCHEMA",
                      help="only these CHM schemas (resource, organization, expert, need, offer; repeatable)")
    pull.add_argument("--gbf-target", action="append", type=int, metavar="N", help="only records tagged with GBF target N (repeatable)")

    share = command(sub, "share", "select records for sharing with a target", _share)
    share.add_argument("ids", nargs="+", metavar="ID")
    share.add_argument("--target")
    unshare = command(sub, "unshare", "stop sharing records (queues a retraction)", _unshare)
    unshare.add_argument("ids", nargs="+", metavar="ID")
    unshare.add_argument("--target")
    sync = command(sub, "sync", f"push and retract now (exit 0: everything went; {EXIT_QUEUED}: items still wait; "
                   f"{EXIT_REJECTED}: some were rejected)", _sync)
    sync.add_argument("--target", help="only this target (default: every target)")
    sync.add_argument("--max-wait", type=float, default=120.0, help="seconds to wait for retries within this run")
    sync.add_argument("--retry-now", action="store_true", help="send what waits out a backoff at once")
    outbox = command(sub, "outbox", "what is waiting to be sent", _outbox)
    outbox.add_argument("--target")


def _target_options(parser: argparse.ArgumentParser, *, realm_default: str | None, prefix_default: str | None) -> None:
    """The options ``target add`` and ``target edit`` share (an edit changes only those given)."""
    parser.add_argument("--realm", default=realm_default, help="CHM realm header (CHM, or CHM-DEV on the development host)")
    parser.add_argument("--auth-prefix", default=prefix_default, help="Authorization prefix (Bearer; older hosts: Token, Ticket)")
    parser.add_argument("--user", help="e-mail (CHM) or user name (Bioland)")
    parser.add_argument("--password-file", type=Path)
    parser.add_argument("--api-key-file", type=Path, help="Bioland api-key instead of a login")
    parser.add_argument("--country", help="ISO code for countryRegions on every document")
    parser.add_argument("--organization", metavar="REF", help="default organizations reference (UUID@rev)")
    parser.add_argument("--link", metavar="URL", help="fallback resource link")
    parser.add_argument("--resource-type", action="append", metavar="TERM")
    parser.add_argument("--subject", action="append", metavar="CBD-SUBJECT-...")
    parser.add_argument("--publisher")


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    return {field: getattr(args, option) for option, field in SETTINGS.items() if getattr(args, option) is not None}


def _credentials(args: argparse.Namespace) -> dict[str, str]:
    return {k: v for k, v in (("user", args.user), ("password", _read(args.password_file)),
                              ("api_key", _read(args.api_key_file))) if v}


def _read(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8").splitlines()[0].strip()
    except (OSError, IndexError):
        raise CliError(f"cannot read {path}") from None


def _target_add(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        library.sync.add_target(args.name, args.kind, args.url, settings=_settings(args), credentials=_credentials(args))
    print(f"target {args.name} added")
    return 0


def _target_edit(args: argparse.Namespace) -> int:
    settings, credentials = _settings(args), _credentials(args)
    if args.url is None and not settings and not credentials:
        raise CliError("nothing to change: give at least one option such as --url, --realm or --password-file")
    with open_library(args) as library:
        library.sync.edit_target(args.name, url=args.url, settings=settings, credentials=credentials)
    print(f"target {args.name} changed")
    return 0


def _target_remove(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        library.sync.remove_target(args.name, force=args.force)
    print(f"target {args.name} removed")
    return 0


def _target_pull(args: argparse.Namespace) -> int:
    from kmdesk.core.chm.pull import pull

    bar = ProgressBar("pulling", enabled=not wants_json(args))
    with open_library(args) as library:
        try:
            report = pull(library, args.name, schemas=args.schema, gbf_targets=args.gbf_target or (), progress=bar)
        finally:
            bar.close()
    if wants_json(args):
        emit_json(report.as_dict())
        return 0
    print(f"{report.target}: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
          f"{report.withdrawn} withdrawn, {report.restored} published again, {report.own} of the library's own"
          + (f" (changes since {report.since})" if report.since else ""))
    for item in report.rejected:
        print(f"  not taken: {item['identifier']}: {item['reason']}")
    return 0


def _target_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        items = library.sync.targets()
    if wants_json(args):
        emit_json(items)
        return 0
    for t in items:
        print(f"{t['name']}  {t['kind']}  {t['url']}  pending: {t['pending']}")
    return 0


def _share(args: argparse.Namespace) -> int:
    """Select, then say per target whether each record will go, why not, and what the CHM
    document still lacks (so it can be completed before the sync refuses it)."""
    from kmdesk.core.chm.status import record_status

    with open_library(args) as library:
        ids = [library.records.resolve_id(i) for i in args.ids]
        library.sync.share(ids, args.target)
        targets = [t for t in library.sync.targets() if args.target in (None, t["name"])]
        states = {i: record_status(library, i, targets) for i in ids}
    if wants_json(args):
        emit_json(states)
        return 0
    from kmdesk.cli.words import explain

    for record_id, per_target in states.items():
        for state in per_target:
            line = f"{short_id(record_id)} -> {state['target']}: " + ("queued" if state["eligible"] else
                   "selected but not eligible: " + "; ".join(explain(r) for r in state["reasons"]))
            note = language_note(state)
            if note:
                line += f" ({note})"
            if state.get("sent_as"):
                line += f" ({identifier_note(record_id, state['sent_as'])})"
            missing = [p["property"] for p in state["problems"] if p["code"] == "Error.Mandatory"]
            refused = [f"{p['property']} {p.get('value', '')}".strip() for p in state["problems"]
                       if p["code"] not in ("Error.Mandatory", "NoUnLanguage")]
            if missing:
                line += f" (the CHM still needs: {', '.join(missing)})"
            if refused:
                line += f" (the CHM would refuse: {', '.join(refused)})"
            print(line)
    return 0


def identifier_note(record_id: str, sent_as: str) -> str:
    """Why a record goes to the CHM under another identifier, in words."""
    return (f"the CHM never accepts the id {record_id!r} (it takes 11-128 letters, digits, '-' or '_'): "
            f"it is sent as {sent_as}, the same every time")


def language_note(state: dict[str, Any]) -> str | None:
    """What ``record_status`` found about a record's languages for a CHM target, in words."""
    from kmdesk.core.chm.chm_document import UN_LANGUAGES

    if any(p["code"] == "NoUnLanguage" for p in state["problems"]):
        return f"the CHM takes titles only in {', '.join(UN_LANGUAGES)}: add a title in one of them"
    if state.get("not_sent"):
        return f"not sent, the CHM takes only {', '.join(UN_LANGUAGES)}: {', '.join(state['not_sent'])}"
    return None


def _unshare(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        library.sync.unshare([library.records.resolve_id(i) for i in args.ids], args.target)
    print(f"unshared {len(args.ids)} record(s)")
    return 0


def _sync(args: argparse.Namespace) -> int:
    """Drain the named target, or every target (a field kit that finds a network wants all of
    its queues emptied, not an error about which one). JSON: the totals, and ``targets`` with one
    report per target."""
    from kmdesk.core.chm.runner import run_sync

    bar = ProgressBar("Syncing", enabled=not wants_json(args))
    with open_library(args) as library:
        names = [args.target] if args.target else [t["name"] for t in library.sync.targets()] or [None]
        reports = [run_sync(library, name, progress=bar, max_wait=args.max_wait, retry_now=args.retry_now) for name in names]
        # why what is still queued waits (no network, a server that does not answer): its last error
        waiting = {r.target: next((e.last_error for e in library.sync.entries(r.target) if e.last_error), None)
                   for r in reports if r.remaining and not r.stopped}
    bar.close()
    from kmdesk.cli.words import stopped_words

    counts = ("pushed", "retracted", "rejected", "not_eligible", "remaining")
    totals = {key: sum(getattr(r, key) for r in reports) for key in counts}
    if wants_json(args):
        emit_json({**totals, "failures": [{**f, "target": r.target} for r in reports for f in r.failures],
                   "targets": [r.as_dict() for r in reports]})
    else:
        for report in reports:
            print(f"{report.target}: pushed {report.pushed}, retracted {report.retracted}, rejected {report.rejected}, "
                  f"not eligible {report.not_eligible}, still queued {report.remaining}")
            for failure in report.failures:
                print(f"  {short_id(failure['record'])}: {failure['reason']}")
            for item in report.untrusted:
                print(f"  {short_id(item['record'])}: integrity: {item['problem']}")
            if report.stopped:
                print(f"  stopped: {stopped_words(report.stopped_code, report.stopped_params, report.stopped)}")
            elif waiting.get(report.target):
                print(f"  waiting: {waiting[report.target]}; the next sync tries again ('kmdesk outbox' lists what waits)")
    if totals["rejected"]:
        return EXIT_REJECTED  # a person must act on these; what waits will go by itself
    return EXIT_QUEUED if totals["remaining"] else 0


def _outbox(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        entries = library.sync.entries(args.target)
    if wants_json(args):
        emit_json([{"record": e.record_id, "target": e.target, "op": e.op, "attempts": e.attempts,
                    "next_attempt_at": e.next_attempt_at, "last_error": e.last_error} for e in entries])
        return 0
    if not entries:
        print("outbox empty")
    for e in entries:
        print(f"{short_id(e.record_id)}  {e.target}  {e.op:<8} attempts {e.attempts}" + (f"  last error: {e.last_error}" if e.last_error else ""))
    return 0
