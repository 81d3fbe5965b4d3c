"""The ``kmdesk`` command line: the same core as the desktop window, scriptable.

Each command group lives in its own module and registers its sub-commands; this module parses,
opens the library, and turns every error into one clear line on stderr and a non-zero exit.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kmdesk.cli import access_cmd, io_cmd, records_cmd, sync_cmd
from kmdesk.cli.common import CliError, add_common, passphrase
from kmdesk.core.errors import KmdeskError

GROUPS = (records_cmd, io_cmd, access_cmd, sync_cmd)

EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kmdesk", description="Offline knowledge management with consent, for the CBD Clearing-House.")
    add_common(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in GROUPS:
        group.register(sub)
    gui = sub.add_parser("gui", help="open the desktop window (or render it to a PNG)")
    add_common(gui)
    gui.add_argument("--screenshot", metavar="FILE.png", help="render the main window to FILE.png and exit (with --profile: unlocked as that profile)")
    gui.add_argument("--search", metavar="QUERY", help="with --screenshot: type QUERY into the search box first")
    gui.add_argument("--record", metavar="ID", help="with --screenshot: open record ID first")
    gui.add_argument("--language", metavar="LANG", help="interface language (ar, en, es, fr, ru, zh_CN)")
    gui.set_defaults(func=_gui)
    return parser


def _gui(args: argparse.Namespace) -> int:
    from kmdesk.app import run  # Qt is imported only when a window is wanted

    profile = getattr(args, "profile", None)
    if profile and not args.screenshot:
        raise CliError("--profile goes with --screenshot; the window asks for the passphrase on its lock screen")
    unlock = (profile, passphrase(args)) if profile else None
    return run(data_dir=getattr(args, "data_dir", None), screenshot=args.screenshot, search=args.search,
               record=args.record, language=args.language, unlock=unlock)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (KmdeskError, CliError) as exc:
        print(f"kmdesk: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_ERROR)
    except KeyboardInterrupt:
        print("kmdesk: interrupted; nothing was changed by the unfinished step", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: still one line, never a traceback for the user
        print(f"kmdesk: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


