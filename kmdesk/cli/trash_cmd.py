"""Trash commands: what was deleted, as far as the profile's access allows; restore it, or
forget it for good (``library.trash``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kmdesk.cli.common import add_common, confirm, emit_json, open_library, wants_json
from kmdesk.cli.words import when
from kmdesk.core.store.records import display_title, short_id

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands


def register(sub: Commands) -> None:
    trash = sub.add_parser("trash", help="deleted records: list, restore or forget them for good",
                           description="Deleted records wait in the trash until they are restored or the trash is "
                           "emptied. Restoring or emptying takes a profile that may delete the record.")
    add_common(trash)
    actions = trash.add_subparsers(dest="action", metavar="ACTION", required=True)

    def command(name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text, description=help_text)
        add_common(parser)
        parser.set_defaults(func=func)
        return parser

    command("list", "the deleted records: id, title (or restricted), when and by whom", _list)
    restore = command("restore", "put a deleted record back, as it was", _restore)
    restore.add_argument("id", metavar="ID")
    empty = command("empty", "forget deleted records for good, their files too (all you may, or one); "
                    "asks first unless --yes", _empty)
    empty.add_argument("id", nargs="?", metavar="ID")
    empty.add_argument("--yes", action="store_true", help="empty without asking (for scripts)")


def _title(item: dict[str, Any]) -> str:
    if item.get("damaged"):
        return f"[failed its integrity check: {item['damaged']}]"
    return display_title(item) or "[restricted knowledge]"


def _list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        items = library.trash.entries()
    if wants_json(args):
        emit_json(items)
        return 0
    if not items:
        print("the trash is empty")
        return 0
    width = max([8, *(len(short_id(item["id"])) for item in items)])
    for item in items:
        print(f"{short_id(item['id']):<{width}}  {when(item['deleted_at']):<17}  {item['deleted_by']:<20} {_title(item)}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        record = library.trash.restore(library.trash.resolve_id(args.id))
    if wants_json(args):
        emit_json({"restored": record["id"]})
    else:
        print(f"restored {record['id']}")
    return 0


def _empty(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        record_id = library.trash.resolve_id(args.id) if args.id else None
        if not args.yes:
            what = f"record {record_id}" if record_id else f"{library.trash.count()} deleted record(s)"
            confirm(f"Forget {what} for good, with its files? This cannot be undone.",
                    refusal="not emptying the trash: confirm in a terminal, or pass --yes")
        gone = library.trash.empty(record_id)
        left = library.trash.count()
    if wants_json(args):
        emit_json({"forgotten": gone, "left": left})
        return 0
    print(f"forgot {len(gone)} deleted record(s)" + (f"; {left} left that you may not forget" if left else ""))
    return 0
