"""``kmdesk gui``: the desktop window from the command line (Qt loads only when it runs)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kmdesk.cli.common import CliError, add_common, output_file, passphrase

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands


def register(sub: Commands) -> None:
    gui = sub.add_parser("gui", help="open the desktop window (or render it to a PNG)")
    add_common(gui)
    gui.add_argument("--screenshot", metavar="FILE.png", help="render the main window to FILE.png and exit (with --profile: unlocked as that profile)")
    gui.add_argument("--search", metavar="QUERY", help="with --screenshot: type QUERY into the search box first")
    gui.add_argument("--record", metavar="ID", help="with --screenshot: open record ID first")
    gui.add_argument("--language", metavar="LANG", help="interface language (ar, en, es, fr, ru, zh)")
    # the names as kmdesk.app.VIEWS (not imported: Qt loads only when the command runs)
    gui.add_argument("--view", choices=("dashboard", "map", "directory", "trash", "matches", "report"),
                     help="open that view beside the library: the dashboard, map, practitioner directory or "
                     "trash window, the Matches tab or the report dialog (with --screenshot: render that view)")
    gui.set_defaults(func=_gui)


def _gui(args: argparse.Namespace) -> int:
    from kmdesk.app import run

    profile = getattr(args, "profile", None)
    if profile and not args.screenshot:
        raise CliError("--profile goes with --screenshot; the window asks for the passphrase on its lock screen")
    output_file(args.screenshot)
    if args.language:  # else the window would open in English without a word
        from kmdesk.core.chm.chm_document import UN_LANGUAGES
        from kmdesk.core.store.records import base_language

        if base_language(args.language) not in UN_LANGUAGES:
            raise CliError(f"kmdesk speaks {', '.join(UN_LANGUAGES)}, not '{args.language}'")
    unlock = (profile, passphrase(args)) if profile else None
    return int(run(data_dir=getattr(args, "data_dir", None), screenshot=args.screenshot, search=args.search,
               record=args.record, language=args.language, unlock=unlock, view=args.view))
