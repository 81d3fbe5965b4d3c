"""An import's report: one line per row or entry of the file (imported, merged, skipped with the
reason, or refused), held compactly while the import runs and made into dicts only as it is read.

A 100,000-row file keeps 100,000 lines to the end of its import, through the transaction and the
indexing: as one slotted object per row (with its place and its list positions) they were about
450 bytes a row, and as the report's dicts about 1 KB more at the very end, the import's peak of
memory. Here a line is its row number, a status byte and its record id; a place other than
"row N", a problem and notes are kept only for the rows that have them (bench/README.md, "Issue
25, stop 19").
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, overload

from kmdesk.core.io.source import Place, Problem
from kmdesk.core.store import text as txt

STATUSES = ("error", "imported", "skipped", "merged")
_CODE = {status: code for code, status in enumerate(STATUSES)}


def located(row: int, row_place: Place, found: Problem | None, notes: Iterable[Problem]) -> dict[str, Any]:
    """What a preview's or report's row says about where it is and what is wrong: in English
    (``label``, ``error``, ``notes``) and as data (``place``, ``problem``, ``note_problems``)."""
    notes = list(notes)
    return {"row": row, "label": str(row_place), "place": row_place.as_dict(),
            "error": found.message if found else None, "problem": found.as_dict() if found else None,
            "notes": [note.message for note in notes], "note_problems": [note.as_dict() for note in notes]}


class ReportRows(Sequence[dict[str, Any]]):
    """The report's lines, in the file's order; each is read as the dict ``located`` makes, with
    its ``id``, ``status`` and ``reason``. It equals a list of the same dicts, and
    ``cli.common.emit_json`` writes it as a JSON array."""

    def __init__(self) -> None:
        self._numbers = array("q")
        self._statuses = bytearray()
        self._ids: list[str | None] = []
        self._places: dict[int, Place] = {}
        self._problems: dict[int, Problem] = {}
        self._notes: dict[int, tuple[Problem, ...]] = {}

    def add(self, number: int, where: Place, found: Problem | None, notes: Iterable[Problem]) -> int:
        """A new line, refused (``error``) until it is settled; returns its position."""
        position = len(self._ids)
        self._numbers.append(number)
        self._statuses.append(_CODE["error"])
        self._ids.append(None)
        if where != Place("row", (number,)):
            self._places[position] = where
        if found is not None:
            self._problems[position] = found
        if notes := tuple(notes):
            self._notes[position] = notes
        return position

    def settle(self, position: int, status: str, found: Problem | None, record_id: str | None = None) -> None:
        """What became of a line: its status, why (None: nothing to say) and, when given, its record."""
        self._statuses[position] = _CODE[status]
        if found is None:
            self._problems.pop(position, None)
        else:
            self._problems[position] = found
        if record_id is not None:
            self._ids[position] = record_id

    def place(self, position: int) -> Place:
        return self._places.get(position) or Place("row", (self._numbers[position],))

    def record_id(self, position: int) -> str | None:
        return self._ids[position]

    def counts(self) -> dict[str, int]:
        """How many lines of each status, in the order they first appear."""
        return dict(Counter(STATUSES[code] for code in self._statuses))

    def _line(self, position: int) -> dict[str, Any]:
        said = located(self._numbers[position], self.place(position), self._problems.get(position),
                       self._notes.get(position, ()))
        line = {**said, "id": self._ids[position], "status": STATUSES[self._statuses[position]],
                "reason": said["error"]}
        return txt.readable(line)

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self._line(position) for position in range(len(self))[index]]
        return self._line(range(len(self))[index])  # negative positions, and IndexError past the end

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (list, ReportRows)) and list(self) == list(other)

    def __repr__(self) -> str:
        return repr(list(self))
