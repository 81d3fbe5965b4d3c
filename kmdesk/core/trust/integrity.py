"""The library checked as a whole (``Library.integrity``, ``kmdesk check``): every record, other
signed row, attachment file, trash entry and retraction that fails its check, as far as the
current profile can tell."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kmdesk.core.errors import TamperedData
from kmdesk.core.store import attachments
from kmdesk.core.store.model import Record
from kmdesk.core.trust import manifests, row_check

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

BATCH = 500  # records read per session


@dataclass
class Integrity:
    """What ``check`` found: the records that fail their check (id, problem, other copies), and
    how many sealed records this profile cannot open: their consent and access level were
    checked, not their content nor the access block sealed with it (a locked ``check`` said
    nothing of them)."""

    damaged: list[dict[str, Any]]
    unopened: int
    rows: list[dict[str, Any]] = field(default_factory=list)  # other rows and files that fail (``row_check``)
    unsigned: bool = False  # the library's rows wait for a custodian's unlock to be signed (``upgrade``)


def check(library: Library) -> Integrity:
    """Every record that fails its integrity check as far as the current profile can tell
    (locked: access blocks and consent signatures; unlocked, also what its keys open), with
    the reason and its other copies; and how many sealed records it could not open."""
    out: list[dict[str, Any]] = []
    unopened = 0
    last = ""
    while True:
        with library.reading() as session:
            rows = session.scalars(select(Record).where(Record.id > last).order_by(Record.id).limit(BATCH)).all()
            for row in rows:
                reason, opened = _record(library, session, row)
                if reason:
                    out.append({"id": row.id, "problem": reason})
                elif not opened:
                    unopened += 1
        if not rows:
            break
        last = rows[-1].id
    for item in out:
        item["copies"] = library.records.other_copies(item["id"])
    with library.reading() as session:
        verifier = library.access.verifier(session)
        found = list(row_check.untrusted(session, verifier)) + list(manifests.gaps(session, verifier)) \
            + attachments.check_files(library, session)
    found += library.trash.problems()
    found += [{"table": "outbox", "record": item["record"], "problem": item["problem"]}
              for item in library.sync.lost_retractions()]
    return Integrity(out, unopened, found, verifier.active and not verifier.signed)


def _record(library: Library, session: Session, row: Record) -> tuple[str | None, bool]:
    """(the row's problem or None, whether its content was checked: public, or opened)."""
    try:
        _, key = library.access.keys.opened(session, row)
    except TamperedData as exc:
        library.records.quarantine[row.id] = str(exc)  # as a read that met it would (the dashboard leaves it out)
        return str(exc), True
    problems = library.consent.events(session, row.id, key, find_deleted=True)[1]
    return ("; ".join(problems) or None), row.sealed is None or key is not None
