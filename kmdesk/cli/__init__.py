"""The ``kmdesk`` command line: the same core as the desktop window, scriptable.

Each command group lives in its own module and registers its sub-commands; this module parses,
opens the library, and turns every error into one clear line on stderr and a non-zero exit.

Only the module of the command being run is imported: the groups pull in SQLAlchemy, the
importers, crypto and Qt, and ``kmdesk --help`` or a typo must answer at once. ``COMMANDS``
names every command, its group and the line ``kmdesk --help`` shows for it (a test keeps it
in step with what the groups register).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kmdesk import __version__
from kmdesk.cli import common
from kmdesk.cli.common import CliError, add_common
from kmdesk.core.errors import KmdeskError

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands

EXIT_ERROR = 2
DESCRIPTION = "Offline knowledge management with consent, for the CBD Clearing-House."

COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("records_cmd", "create a library; with --profile, its first custodian"),
    "add": ("records_cmd", "add a record and print its id"),
    "show": ("records_cmd", "show one record"),
    "list": ("records_cmd", "list records"),
    "edit": ("records_cmd", "change fields of a record"),
    "delete": ("records_cmd", "delete a record into the trash (its history is kept)"),
    "trash": ("trash_cmd", "deleted records: list, restore or forget them for good"),
    "search": ("records_cmd", "full-text search"),
    "check": ("records_cmd", "compare the search index with the store"),
    "reindex": ("records_cmd", "rebuild the search index from the store"),
    "import": ("io_cmd", "import records from CSV, XLSX, RIS, BibTeX, CHM JSON, JSON or .kmd"),
    "export": ("io_cmd", "export public records"),
    "attach": ("io_cmd", "attach files to a record"),
    "attachments": ("io_cmd", "list a record's attachments"),
    "detach": ("io_cmd", "remove an attachment"),
    "extract": ("io_cmd", "write an attachment's file to a path"),
    "consent": ("access_cmd", "FPIC consent records of a record"),
    "protocol": ("access_cmd", "cultural protocols and their members"),
    "community": ("access_cmd", "communities"),
    "profile": ("access_cmd", "local user profiles"),
    "labels": ("access_cmd", "Local Contexts labels and Hub projects"),
    "audit": ("access_cmd", "the audit log"),
    "target": ("sync_cmd", "CHM targets"),
    "share": ("sync_cmd", "select records for sharing with a target"),
    "unshare": ("sync_cmd", "stop sharing records (queues a retraction)"),
    "sync": ("sync_cmd", "push and retract now"),
    "outbox": ("sync_cmd", "what is waiting to be sent"),
    "hub": ("hub_cmd", "share the library with other devices through a PostgreSQL hub"),
    "match": ("chm_cmd", "offers, organizations and people for a need (or needs for an offer), with reasons"),
    "directory": ("chm_cmd", "the practitioner directory (vCards of those who consented to be listed)"),
    "contact": ("chm_cmd", "set a person's or organization's contact details for the directory"),
    "suggest": ("chm_cmd", "propose GBF targets and CBD subjects for a record, with evidence"),
    "gui": ("gui_cmd", "open the desktop window (or render it to a PNG)"),
    "report": ("report_cmd", "write the GBF report of the public records (pdf, html, md)"),
}


def _top_parser() -> tuple[argparse.ArgumentParser, Commands]:
    parser = argparse.ArgumentParser(prog="kmdesk", description=DESCRIPTION,
                                     epilog="'kmdesk COMMAND --help' describes each command.")
    parser.add_argument("--version", action="version", version=f"kmdesk {__version__}")
    add_common(parser)
    return parser, parser.add_subparsers(dest="command", metavar="COMMAND", required=True)


def command_name(argv: Sequence[str]) -> str:
    """The command in ``argv`` (after any common options), found without importing a group.
    ``--help`` with no command, or a missing or unknown one, gets argparse's own answer here."""
    parser, sub = _top_parser()
    for name, (_module, help_text) in COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)
    args, _rest = parser.parse_known_args(argv)  # a missing command ends here (it is required)
    return str(args.command)


def build_parser(name: str) -> argparse.ArgumentParser:
    """The full parser for one command: its group registers its commands, nothing else loads."""
    parser, sub = _top_parser()
    importlib.import_module(f"kmdesk.cli.{COMMANDS[name][0]}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    common.AS_PROGRAM = argv is None  # None: run as the ``kmdesk`` program (``common.loading``)
    argv = sys.argv[1:] if argv is None else list(argv)
    with common.loading():
        parser = build_parser(command_name(argv))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (KmdeskError, CliError) as exc:
        print(f"kmdesk: {common.trash_hint(args, exc) or common.unlock_hint(args, exc) or exc}", file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_ERROR)
    except KeyboardInterrupt:
        print("kmdesk: interrupted; nothing was changed by the unfinished step", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file or folder named on the command line that cannot be read or written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"kmdesk: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line, never a traceback for the user
        print(f"kmdesk: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
