"""Ids a slice at a time, so no ``IN (...)`` binds more variables than SQLite allows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

IN_CHUNK = 500  # ids bound in one ``IN (...)``: under the 999 variables older SQLite builds allow


def chunks(ids: Iterable[str], size: int = IN_CHUNK) -> Iterator[list[str]]:
    """``ids`` a slice at a time, so no ``IN (...)`` binds more variables than SQLite allows."""
    remaining = iter(ids)
    while chunk := list(islice(remaining, size)):
        yield chunk
