"""The one door records leave by: choose the records (all, or a search), apply the access rule,
write the format atomically, and leave an audit event.

The rule is the library's: a plain export holds public records only, whoever asks, because a
file leaves the vault's protection the moment it is written. Non-public records are counted as
withheld (in the result and the audit event), never written. History and consents travel in the
kmdesk formats (JSON, archive); Local Contexts labels travel in every format. Contact details
of a person or organization go only with their consent to be listed (``consent.withhold_contacts``).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kmdesk.core.errors import Cancelled
from kmdesk.core.io import bibtex_format, chm_json, csv_format, dublin_core, library_file, ris_format
from kmdesk.core.io.source import ImportFileError
from kmdesk.core.store.files import write_atomically
from kmdesk.core.trust import consent, reads

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

Progress = Callable[[int, int | None], None]
CancelToken = Callable[[], bool]
FORMATS = ("json", "csv", "ris", "bibtex", "chm", "dc", "kmd")
WITH_HISTORY = ("json", "kmd")  # the formats that carry a record's edit history
# What each interchange format cannot carry, per record (the kmdesk formats carry everything;
# Dublin Core is a description for catalogues, not read back).
DROPPED: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "csv": lambda record: ["consents"] if record.get("consents") else [],
    "ris": ris_format.dropped, "bibtex": bibtex_format.dropped, "chm": chm_json.dropped,
}


def _never() -> bool:
    return False


def select_records(library: Library, query: str | None, withheld: list[int], *, progress: Progress | None = None,
                   cancel: CancelToken = _never, transfer: list[dict[str, Any]] | None = None,
                   with_history: bool) -> Iterator[dict[str, Any]]:
    """Public records (all, or those matching ``query``) with consents, and their history when
    the format carries it; counts the non-public ones left out in ``withheld[0]``. With
    ``transfer`` (a custodian's sealed archive) the non-public records the profile can open,
    except sacred ones, are collected there instead of withheld. A public record's contact
    details (and their traces in its history) are written only with a consent to be listed
    (``consent.withhold_contacts``), whoever exports: the file is public."""
    today = reads.today()
    wanted: set[str] | None = None
    if query:
        wanted = {hit.id for hit in library.index.search(query, limit=1_000_000, facets=False).hits}
    total = len(wanted) if wanted is not None else library.records.count()
    done = 0
    for record in library.records.iter_all():
        if wanted is not None and record["id"] not in wanted:
            continue
        if cancel():
            raise Cancelled()
        done += 1
        if progress:
            progress(done, total)
        level = record["access"]["level"]
        if level != "public":
            if transfer is None or level == "sacred" or record.get("sealed"):
                withheld[0] += 1
                continue
            # sealed for a custodian's transfer: the receiving library keeps them sealed
            record = {k: v for k, v in record.items() if k != "sealed"}
            if with_history:
                record["history"] = [{k: v for k, v in h.items() if k != "sealed"} for h in library.history.of(record["id"])]
            transfer.append(record)
            continue
        record = {k: v for k, v in record.items() if k != "sealed"}
        if with_history:
            history = consent.withhold_history_contacts(record, library.history.of(record["id"]), today)
            record["history"] = [{k: v for k, v in h.items() if k != "sealed"} for h in history]
        yield consent.withhold_contacts(record, today)


def export(library: Library, fmt: str, dst: Path | BinaryIO, *, query: str | None = None,
           progress: Progress | None = None, cancel: CancelToken = _never,
           sealed_passphrase: str | None = None) -> dict[str, Any]:
    """Write the chosen records to ``dst`` (a path, written atomically, or an open binary
    stream); returns ``{"format", "records", "withheld", "sealed"}``. ``sealed_passphrase``
    (a custodian's choice, archive only) adds the non-public records sealed for transfer.
    ``not_carried`` names what the format could not carry ({"body in a second language": 3, ...})."""
    if fmt not in FORMATS:
        raise ImportFileError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    sealed: tuple[list[dict[str, Any]], str] | None = None  # (the records sealed for transfer, the passphrase)
    if sealed_passphrase is not None:
        if fmt != "kmd":
            raise ImportFileError("only a kmdesk archive (.kmd) can carry sealed records")
        library.access.require("custodian")
        sealed = ([], sealed_passphrase)
    transfer = sealed[0] if sealed is not None else None
    withheld = [0]
    records = select_records(library, query, withheld, progress=progress, cancel=cancel, transfer=transfer,
                             with_history=fmt in WITH_HISTORY)
    not_carried: dict[str, int] = {}
    if fmt in DROPPED:
        records = _noting_losses(records, DROPPED[fmt], not_carried)
    count = [0]

    def fill(fh: BinaryIO) -> None:
        if fmt == "kmd":
            from kmdesk.core.io import archive

            count[0] = archive.write(library, records, fh, sealed)
            return
        if fmt == "dc":
            count[0] = dublin_core.write(records, fh)
            return
        text = io.TextIOWrapper(fh, encoding=csv_format.ENCODING if fmt == "csv" else "utf-8", newline="")
        if fmt == "json":
            items = list(records)
            json.dump(library_file.envelope(items), text, ensure_ascii=False, indent=1)
            count[0] = len(items)
        else:
            writers: dict[str, Callable[[Iterable[dict[str, Any]], io.TextIOWrapper], int]] = {
                "csv": csv_format.write, "ris": ris_format.write, "bibtex": bibtex_format.write, "chm": chm_json.write}
            count[0] = writers[fmt](records, text)
        text.flush()
        text.detach()

    if isinstance(dst, (str, Path)):
        write_atomically(Path(dst), fill)
    else:
        fill(dst)
    sealed_count = len(transfer) if transfer is not None else 0
    library.audit.record_now("export", "", {"format": fmt, "records": count[0], "withheld": withheld[0],
                                             "sealed": sealed_count, "query": bool(query)})
    return {"format": fmt, "records": count[0], "withheld": withheld[0], "sealed": sealed_count,
            "not_carried": not_carried}


def _noting_losses(records: Iterator[dict[str, Any]], dropped: Callable[[dict[str, Any]], list[str]],
                   counts: dict[str, int]) -> Iterator[dict[str, Any]]:
    """The records, counting in ``counts`` (what -> how many records) what the format loses."""
    for record in records:
        for what in dropped(record):
            counts[what] = counts.get(what, 0) + 1
        yield record
