"""Import, export and attachment commands: the same core pipeline the import dialog uses, with
the same row-by-row report (``--json`` prints it whole)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmdesk.cli.common import (
    CliError,
    ProgressBar,
    add_common,
    emit_json,
    open_library,
    output_file,
    passphrase,
    wants_json,
)
from kmdesk.core.io import exporter, importer
from kmdesk.core.store import attachments

if TYPE_CHECKING:
    from kmdesk.cli.common import Commands

ARCHIVE_ENV = "KMDESK_ARCHIVE_PASSPHRASE"


def register(sub: Commands) -> None:
    def command(name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text, description=help_text)
        add_common(parser)
        parser.set_defaults(func=func)
        return parser

    imp = command("import", "import records from CSV, XLSX, RIS, BibTeX, CHM JSON, a kmdesk JSON file or .kmd archive",
                  _import)
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", choices=importer.FORMATS, help="the file's format (default: from its name)")
    imp.add_argument("--mapping", type=Path, metavar="M.json", help="column -> field mapping (JSON object)")
    imp.add_argument("--lang", default="en", help="language of unqualified text columns (default en)")
    imp.add_argument("--dry-run", action="store_true", help="report what would happen; change nothing")
    imp.add_argument("--on-duplicate", choices=importer.DUPLICATE_CHOICES, default="skip",
                     help="a row that duplicates a record (same id, DOI, or near-identical title and year)")
    imp.add_argument("--preview", type=int, metavar="N", help="show the first N rows mapped to fields and stop")
    imp.add_argument("--archive-passphrase-file", type=Path, metavar="FILE",
                     help="open a .kmd archive's sealed records with the passphrase in FILE (or KMDESK_ARCHIVE_PASSPHRASE)")

    exp = command("export", "export public records (non-public ones are withheld and counted)", _export)
    exp.add_argument("--format", default="json", choices=exporter.FORMATS)
    exp.add_argument("--query", metavar="Q", help="only records matching this search")
    exp.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    exp.add_argument("--include-sealed", action="store_true",
                     help="(custodians, .kmd only) add the non-public records, sealed under a transfer passphrase "
                          "from --archive-passphrase-file or KMDESK_ARCHIVE_PASSPHRASE; sacred records never leave")
    exp.add_argument("--archive-passphrase-file", type=Path, metavar="FILE", help="the transfer passphrase (first line)")

    attach = command("attach", "attach files to a record (sealed when the record is not public)", _attach)
    attach.add_argument("id")
    attach.add_argument("files", nargs="+", type=Path, metavar="FILE")

    listing = command("attachments", "list a record's attachments", _attachments)
    listing.add_argument("id")

    detach = command("detach", "remove an attachment", _detach)
    detach.add_argument("attachment", type=int, metavar="ATTACHMENT_ID")

    extract = command("extract", "write an attachment's file to a path (viewing a sealed file is audited)", _extract)
    extract.add_argument("attachment", type=int, metavar="ATTACHMENT_ID")
    extract.add_argument("-o", "--output", type=Path, default=Path("."), help="file or folder (default: here)")


def _archive_passphrase(args: argparse.Namespace, *, required: bool) -> str | None:
    if not required and not args.archive_passphrase_file and not os.environ.get(ARCHIVE_ENV):
        return None
    return passphrase(args, env=ARCHIVE_ENV, file_option="archive_passphrase_file", prompt="Archive passphrase: ")


def _import(args: argparse.Namespace) -> int:
    source = importer.open_source(args.file, args.format, passphrase=_archive_passphrase(args, required=False))
    column_map = {**source.mapping, **importer.load_mapping(args.mapping)} if args.mapping else None
    if args.preview:
        rows = importer.preview(source, column_map, limit=args.preview, lang=args.lang)
        if wants_json(args):
            emit_json({"columns": source.columns, "mapping": column_map or source.mapping, "rows": rows})
        else:
            for column in source.columns:
                print(f"{column} -> {(column_map or source.mapping).get(column) or '(ignored)'}")
            for row in rows:
                print(f"{row['label']}: {row.get('error') or row['record']}")
        return 0
    bar = ProgressBar("Importing", enabled=not wants_json(args))
    with open_library(args, create=True) as library:
        report = importer.run(library, source, column_map=column_map, on_duplicate=args.on_duplicate, lang=args.lang,
                              dry_run=args.dry_run, progress=bar)
    bar.close()
    counts = report["counts"]
    if wants_json(args):
        emit_json(report)
    else:
        for row in report["rows"]:
            if row["status"] in ("error", "skipped"):
                reason = str(row["reason"]).removeprefix(f"{row['label']}: ")  # a refusal names its row itself
                print(f"{args.file}: {row['label']}: {row['status']}: {reason}", file=sys.stderr)
            for note in row["notes"]:
                print(f"{args.file}: {row['label']}: note: {note}", file=sys.stderr)
        prefix = "would import" if args.dry_run else "imported"
        print(f"{prefix} {counts.get('imported', 0)}, merged {counts.get('merged', 0)}, "
              f"skipped {counts.get('skipped', 0)}, errors {counts.get('error', 0)}")
    return 0 if not counts.get("error") else 1


def _export(args: argparse.Namespace) -> int:
    output_file(args.output)
    secret = _archive_passphrase(args, required=True) if args.include_sealed else None
    with open_library(args) as library:
        if args.output:
            result = exporter.export(library, args.format, args.output, query=args.query, sealed_passphrase=secret)
        else:
            result = exporter.export(library, args.format, sys.stdout.buffer, query=args.query, sealed_passphrase=secret)
            sys.stdout.buffer.flush()
    where = f" to {args.output}" if args.output else ""
    withheld = f" ({result['withheld']} non-public withheld)" if result["withheld"] else ""
    sealed = f" and {result['sealed']} sealed for transfer" if result["sealed"] else ""
    print(f"exported {result['records']} records{sealed}{where}{withheld}", file=sys.stderr)
    for what, count in sorted(result["not_carried"].items()):
        print(f"not carried by {args.format}: {what} ({count} record{'s' if count != 1 else ''})", file=sys.stderr)
    return 0


def _attach(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        record_id = library.records.resolve_id(args.id)
        added = []
        for path in args.files:
            if not path.is_file():
                raise CliError(f"{path}: no such file")
            bar = ProgressBar(f"Storing {path.name}", enabled=not wants_json(args))
            added.append(attachments.add(library, record_id, path, progress=bar))
            bar.close()
    if wants_json(args):
        emit_json(added)
    else:
        for item in added:
            print(f"{item['id']}\t{item['filename']}\t{item['size']} bytes" + ("\tsealed" if item["sealed"] else ""))
    return 0


def _attachments(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        items = attachments.list_for(library, library.records.resolve_id(args.id))
    if wants_json(args):
        emit_json(items)
    else:
        for item in items:
            name = f"[failed its integrity check: {item['damaged']}]" if item.get("damaged") else \
                item["filename"] if item["filename"] is not None else "(sealed: unlock to see)"
            print(f"{item['id']}\t{name}\t{item['media_type'] or ''}\t{item['size']} bytes")
    return 0


def _detach(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        attachments.remove(library, args.attachment)
    return 0


def _extract(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        path = attachments.extract(library, args.attachment, args.output)
    print(path)
    return 0
