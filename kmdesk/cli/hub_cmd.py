"""Hub commands: share the library with other devices through a PostgreSQL hub.

An address may carry its password (``postgresql://user:password@host/db``); it is never echoed,
and a device's password is kept outside the library. Rather than on the command line, where
other users can read it in the process list, pass the address with ``--url-file`` or put the
password in ``PGPASSWORD`` or ``~/.pgpass``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.cli.common import CliError, ProgressBar, add_common, emit_json, open_library, wants_json
from kmdesk.cli.words import field_value, when
from kmdesk.core.store.records import short_id

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands

EXIT_UNREACHABLE = 3
EXIT_REFUSED = 4
EXIT_NO_CREDENTIALS = 2  # as any error: not the hub's fault, nothing to wait for


def register(sub: Commands) -> None:
    hub = sub.add_parser("hub", help="share the library with other devices through a PostgreSQL hub",
                         description="Share this library with other devices through a PostgreSQL hub: each device "
                         "keeps its library offline and syncs its signed, sealed rows through the hub.")
    add_common(hub)
    actions = hub.add_subparsers(dest="action", metavar="ACTION", required=True)

    def command(name: str, help_text: str, func: Any, *, url: bool = False) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text, description=help_text)
        add_common(parser)
        parser.set_defaults(func=func)
        if url:
            parser.add_argument("url", nargs="?", metavar="URL", help="postgresql://user[:password]@host[:port]/database")
            parser.add_argument("--url-file", type=Path, metavar="FILE", help="read the address from FILE (first line)")
        return parser

    command("init", "create or upgrade the hub's schema, its devices role and row-level security "
            "(as the server's administrator)", _init, url=True)
    add = command("device-add", "make a login role for one device and print the address it joins with "
                  "(as the server's administrator)", _device_add, url=True)
    add.add_argument("name", help="the device's name (lower-case letters, digits, _)")
    join = command("join", "join this library to the hub (with an unlocked profile, which signs its changes)",
                   _join, url=True)
    join.add_argument("--label", help="how other devices see this one (default: this machine's name)")
    command("status", "the hub's state: reachable, last sync, what waits here, the hub's sequence", _status)
    command("sync", f"push this device's changes and pull everyone else's (exit {EXIT_UNREACHABLE}: the hub "
            f"cannot be reached, nothing lost; {EXIT_REFUSED}: some changes were refused and quarantined)", _sync)
    command("conflicts", "records changed on two devices at once: both values of each field", _conflicts)
    resolve = command("resolve", "keep one value of a field in conflict", _resolve)
    resolve.add_argument("id", metavar="ID")
    resolve.add_argument("field", metavar="FIELD", help="the field in conflict (_deleted: deleted on one device)")
    resolve.add_argument("--take", required=True, metavar="mine|theirs|N",
                         help="this device's value, the other device's, or the value's number in 'hub conflicts'")
    command("quarantine", "changes from the hub that failed a check, with the reason", _quarantine)


def _url(args: argparse.Namespace) -> str:
    if args.url_file:
        try:
            return str(args.url_file.read_text(encoding="utf-8").splitlines()[0].strip())
        except (OSError, IndexError):
            raise CliError(f"cannot read an address from {args.url_file}") from None
    if not args.url:
        raise CliError("give the hub's address (URL) or --url-file FILE")
    return str(args.url)


def _init(args: argparse.Namespace) -> int:
    from kmdesk.core.hub import server

    url = _url(args)
    revision = server.init(url)
    if wants_json(args):
        emit_json({"url": server.safe_url(url), "revision": revision})
    else:
        print(f"hub ready at {server.safe_url(url)} (schema {revision}); add each device with 'kmdesk hub device-add'")
    return 0


def _device_add(args: argparse.Namespace) -> int:
    from kmdesk.core.hub import server

    address = server.add_device(_url(args), args.name)
    if wants_json(args):
        emit_json({"device": args.name, "url": address})
    else:
        print(address)
        print("give this address to the device (it holds the device's password), which runs 'kmdesk hub join'",
              file=sys.stderr)
    return 0


def _join(args: argparse.Namespace) -> int:
    from kmdesk.core.hub import device

    url = _url(args)
    with open_library(args) as library:
        joined = device.join(library, url, label=args.label)
    if wants_json(args):
        emit_json(joined)
    else:
        print(f"joined {joined['url']} as device {joined['device']} (library {joined['library']}); "
              "'kmdesk hub sync' sends this library's rows and brings the others'")
    return 0


def _status(args: argparse.Namespace) -> int:
    from kmdesk.core.hub import device

    with open_library(args) as library:
        state = device.status(library)
    if wants_json(args):
        emit_json(state)
        return 0
    if not state["credentials"]:
        print(f"hub: {state['url']} (not asked: this device's hub password is not on this machine)")
    else:
        print(f"hub: {state['url']} ({'reachable' if state['reachable'] else 'not reachable'})")
    print(f"device: {state['device']}, library: {state['library']}")
    print(f"last sync: {when(state['last_sync_at']) if state['last_sync_at'] else 'never'}" + (f" (last error: {state['last_error']})" if state['last_error'] else ""))
    print(f"waiting here: {state['pending']} change(s); sent, not yet confirmed: {state['awaiting_hub']}")
    seen = f"hub sequence seen: {state['hub_seq_seen']}"
    print(seen + (f" of {state['hub_seq']} ({state['devices']} device(s))" if state["reachable"] else ""))
    if state["conflicts"]:
        print(f"records in conflict: {state['conflicts']} ('kmdesk hub conflicts')")
    if state["quarantined"]:
        print(f"changes refused and quarantined: {state['quarantined']} ('kmdesk hub quarantine')")
    for warning in state["warnings"]:
        print(f"warning: {warning}")
    if not state["credentials"]:
        print(f"kmdesk: {state['error']}", file=sys.stderr)
        return EXIT_NO_CREDENTIALS
    if not state["reachable"]:
        print(state["error"], file=sys.stderr)
        return EXIT_UNREACHABLE
    return 0


def _sync(args: argparse.Namespace) -> int:
    from kmdesk.core.hub import sync
    from kmdesk.core.hub.errors import HubUnavailable
    from kmdesk.core.malloc_arenas import limit_malloc_arenas

    limit_malloc_arenas()  # each pulled batch is indexed by new writer threads: what they free must go back

    bar = ProgressBar("Pulling from the hub", enabled=not wants_json(args))
    with open_library(args) as library:
        try:
            report = sync.sync(library, progress=bar)
        except HubUnavailable as exc:
            print(f"kmdesk: {exc}", file=sys.stderr)
            return EXIT_UNREACHABLE
        finally:
            bar.close()
    if wants_json(args):
        emit_json(report.to_dict())
    else:
        held = f", {report.already_here} already here" if report.already_here else ""
        print(f"sent {report.pushed} change(s), received {report.applied} from other devices "
              f"({report.pulled} read{held}, hub sequence {report.hub_seq})")
        for line in report.conflicts:
            print(f"conflict: {line}")
        for line in report.held:
            print(f"not sent: {line}")
        for line in report.warnings:
            print(f"warning: {line}")
        for target, count in sorted(report.retractions.items()):
            print(f"{count} record(s) to take down from {target} at the next 'kmdesk sync' ('kmdesk outbox' lists them)")
        for name in report.removed:
            print(f"removed from {name}: you receive no new keys for it; what you already synced is not taken "
                  "from you (copies you kept stay readable), and in this library it is sealed under its new key")
    for line in report.refused:
        print(f"refused: {line}", file=sys.stderr)
    return EXIT_REFUSED if report.refused else 0


def _conflicts(args: argparse.Namespace) -> int:
    from kmdesk.core.hub import conflicts

    with open_library(args) as library:
        items = conflicts.list_conflicts(library)
    if wants_json(args):
        emit_json(items)
        return 0
    if not items:
        print("no records in conflict")
    for item in items:
        title = item["title"].get("en") or next(iter(item["title"].values()), "")
        print(f"{short_id(item['record'])}  {title}  field: {item['field']}")
        if item["sealed"]:
            print("  (sealed: unlock a profile that may read this record)")
            continue
        for number, entry in enumerate(item["values"], 1):
            who = "this device" if entry["mine"] else f"device {entry['device'][:8]}"
            print(f"  {number}. {field_value(entry['value'])}  ({who}, hub change {entry['hub_seq']})")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    from kmdesk.core.hub import conflicts

    with open_library(args) as library:
        chosen = conflicts.resolve(library, library.records.resolve_id(args.id), args.field, args.take)
    if wants_json(args):
        emit_json(chosen)
    else:
        print(f"{short_id(chosen['record'])} {chosen['field']}: kept {field_value(chosen['value'])}; the next 'kmdesk hub sync' "
              "tells the other devices")
    return 0


def _quarantine(args: argparse.Namespace) -> int:
    from kmdesk.core.hub import device

    with open_library(args) as library:
        rows = device.quarantined(library)
    if wants_json(args):
        emit_json(rows)
        return 0
    if not rows:
        print("nothing quarantined")
    for row in rows:
        print(f"hub change {row['hub_seq']}: {row['kind']} {row['key']} from device {row['device'][:8]}: {row['reason']}")
    return 0
