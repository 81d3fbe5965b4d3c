"""The Whoosh writer kmdesk indexes with: Whoosh's ``SegmentWriter`` with two of its costs taken
out, both of which grow with every posting of an import (bench/README.md).

The pool of postings the writer sorts before it writes a segment is gathered by term. Whoosh's
own pool (``whoosh.writing.PostingPool``) keeps every posting as a tuple in one list,
sorts that list, and when it is full writes it to a run one ``pickle.dump`` per posting; the
commit then merges the runs posting by posting through a heap. On an import that is most of
the commit's time (bench/README.md). Postings arrive document after document, so those of one
term are already in order: here they are gathered in a list per term as they come, only the
terms are sorted, a run is written a thousand terms per ``pickle.dump``, and the commit merges
runs term by term. What comes out is what Whoosh's pool gives (every posting, sorted by field,
term and document), so the codec writes the same segment.

While it writes the postings, the codec asks each posting's field length (for the block's
score bounds) and Whoosh reads that byte from the length column's file, once per posting: here
each field's lengths are read once, when the commit writes the postings.
"""

from __future__ import annotations

import heapq
import pickle
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

Posting = tuple[str, bytes, int, float, bytes | None]  # (field, term, document, weight, value)
Key = tuple[str, bytes]
_CHUNK = 1000  # terms per pickled block of a run
_MAX_RUNS = 64  # runs merged at once (each is an open file)
# Bytes held per posting and per term, as Python objects (a tuple, its number, weight and value
# bytes, a list slot; a term's key, its list and its dictionary entry), without the texts.
_POSTING_BYTES = 200
_TERM_BYTES = 250


class TermPool(PostingPool):
    """A ``PostingPool`` that keeps postings per term (see the module's docstring); it spills
    to runs in the writer's temporary storage when it holds ``limitmb`` of them."""

    def __init__(self, tempstore: Any, segment: Any, limitmb: int = 128) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb)
        self._terms: dict[Key, list[Posting]] = {}

    def add(self, item: Posting) -> None:
        key = item[:2]
        postings = self._terms.get(key)
        if postings is None:
            self._terms[key] = postings = []
            self.fieldnames.add(item[0])
            self.currentsize += _TERM_BYTES + len(item[1])
        postings.append(item)
        self.currentsize += _POSTING_BYTES + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()

    def _sorted(self) -> Iterator[tuple[Key, list[Posting]]]:
        """The pool's terms in order, each with its postings in document order."""
        terms, self._terms = self._terms, {}
        for key in sorted(terms):
            postings = terms.pop(key)
            postings.sort()  # in order already unless a merged segment's came after (linear then)
            yield key, postings

    def save(self) -> None:
        if self._terms:
            path, f = self._new_run()
            self._write_run(f, self._sorted())
            self._add_run(path)
        self.currentsize = 0

    def _write_run(self, f: Any, pairs: Iterable[tuple[Key, list[Posting]]]) -> None:
        """(term, postings) pairs in term order, a block of ``_CHUNK`` terms per pickle."""
        chunk: list[tuple[Key, list[tuple[int, float, bytes | None]]]] = []
        for key, postings in pairs:
            chunk.append((key, [p[2:] for p in postings]))
            if len(chunk) >= _CHUNK:
                pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
                chunk = []
        if chunk:
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path: str) -> Iterator[tuple[Key, list[Posting]]]:
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                for key, rest in chunk:
                    yield key, [key + posting for posting in rest]
        finally:
            f.close()
            self._remove_run(path)

    def _merge_runs(self, paths: list[str]) -> Iterator[tuple[Key, list[Posting]]]:
        """The runs' terms in order; a term in several runs has its postings joined (runs are
        written in document order, and ``heapq.merge`` keeps the order of equal keys)."""
        merged = heapq.merge(*(self._read_run(path) for path in paths), key=itemgetter(0))
        for key, group in groupby(merged, key=itemgetter(0)):
            postings = [posting for _, part in group for posting in part]
            postings.sort()
            yield key, postings

    def items(self) -> Iterator[Posting]:  # type: ignore[override]
        """Every posting, sorted by field, term and document (what ``add_postings`` reads)."""
        if not self.runs:
            pairs: Iterable[tuple[Key, list[Posting]]] = self._sorted()
        else:
            self.save()
            while len(self.runs) > _MAX_RUNS:  # too many open files: merge some runs into one
                merging, self.runs = self.runs[:_MAX_RUNS], self.runs[_MAX_RUNS:]
                path, f = self._new_run()
                self._write_run(f, self._merge_runs(merging))
                self.runs.insert(0, path)
            runs, self.runs = self.runs, []
            pairs = self._merge_runs(runs)
        for _, postings in pairs:
            yield from postings

    def cleanup(self) -> None:
        """Runs left by a cancelled writer go with it."""
        for path in self.runs:
            try:
                self._remove_run(path)
            except (OSError, KeyError):  # already gone (a RAM storage says KeyError)
                pass
        self.runs = []


_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]


class _Lengths:
    """The new segment's field lengths (what ``add_postings`` asks of the per-document reader),
    each field's column read once into memory: a byte per document."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._columns: dict[str, bytes] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        column = self._columns.get(fieldname)
        if column is None:
            lengths = self._reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            column = self._columns[fieldname] = bytes(lengths.load()) if lengths is not None else b""
        byte = column[docnum] if docnum < len(column) else 0
        return _LENGTH_OF_BYTE[byte] if byte else default


class Writer(SegmentWriter):
    """A ``SegmentWriter`` with the ``TermPool`` and the lengths read once per field."""

    def __init__(self, ix: Any, limitmb: float) -> None:
        super().__init__(ix, limitmb=limitmb)
        self.pool = TermPool(self._tempstorage, self.newsegment, limitmb=limitmb)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        self.fieldwriter.add_postings(self.schema, _Lengths(reader) if reader else None, self.pool.iter_postings())
        self.fieldwriter.close()
        if reader:
            reader.close()
