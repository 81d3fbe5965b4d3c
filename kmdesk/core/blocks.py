"""A term's postings for a few documents, and phrases checked from the positions of those.

Whoosh keeps a term's postings in blocks of up to 128, each behind a small pickled header (its
last document number, its length), chained one after another. To reach a document deep in a
long list, its matcher reads every header before it, a seek, a read and an unpickling each
(``skip_to``): a phrase of a rare word and a common one ("lekagition soil") read the thousand
headers of "soil" in every field, and then Whoosh's span matchers decoded the positions of
every posting they passed. Here the posting list is read in one piece, its headers are cut out
of it in memory, and only the blocks that may hold the wanted documents are decoded.

A phrase matches where its words stand one after another, as Whoosh's ``Phrase`` (``SpanNear2``
with ``slop=1``) matches: the positions of the i-th word, less i, meet those of the first.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.reading import TermNotFound

_LENGTH = struct.Struct("!i")  # a block's length; negative for the last block
_COUNT = struct.Struct("!I")  # a posting's number of positions, before their gaps


class Blocks:
    """One term's posting blocks in one segment: where each lies and the last document it holds."""

    def __init__(self, postfile: Any, last_ids: np.ndarray, spans: np.ndarray,
                 inlined: tuple[Sequence[int], Sequence[float], Sequence[Any]] | None = None) -> None:
        self._postfile = postfile
        self.last_ids = last_ids
        self._spans = spans  # each block's data: offset, length, compressed (one row a block)
        self._inlined = inlined

    @classmethod
    def read(cls, leaf: Any, fieldname: str, text: str) -> Blocks | None:
        """The blocks of ``text`` in ``fieldname`` of the segment ``leaf``; None without it."""
        found = _posting_list(leaf, fieldname, text)
        if found is None:
            return None
        postfile, offset, whole, inlined = found
        if inlined is not None:  # a few postings kept in the term's entry (index_writer.Codec)
            return cls(None, np.asarray([inlined[0][-1]], dtype=np.int64), np.zeros((0, 3), dtype=np.int64), inlined)
        last_ids, spans = [], []
        for header, start, end in _chain(whole):
            last_ids.append(header[1])
            spans.append((offset + start, end - start, header[3]))
        return cls(postfile, np.asarray(last_ids, dtype=np.int64), np.asarray(spans, dtype=np.int64))

    def postings(self, wanted: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray, Sequence[Any]]]:
        """The document numbers, weights and values of every block that may hold one of the
        sorted document numbers ``wanted`` (each block decoded once)."""
        if self._inlined is not None:
            ids, weights, values = self._inlined
            yield np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64), values
            return
        chosen = np.searchsorted(self.last_ids, wanted)  # sorted, as ``wanted`` is
        chosen = chosen[np.concatenate(([True], chosen[1:] != chosen[:-1]))]
        for block in chosen[chosen < len(self._spans)]:
            offset, length, compressed = (int(value) for value in self._spans[block])
            ids, weights, values = _decoded(self._postfile.get(offset, length), compressed)
            yield ids, np.full(len(ids), 1.0) if weights is None else weights, values

    def weights(self, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Those of the sorted document numbers ``wanted`` that hold the term, and its weight
        in each."""
        ids_found, weights_found = [], []
        for ids, weights, _values in self.postings(wanted):
            keep = _among(ids, wanted)
            ids_found.append(ids[keep])
            weights_found.append(weights[keep])
        if not ids_found:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(ids_found), np.concatenate(weights_found)


def every(leaf: Any, fieldname: str, text: str) -> Iterator[tuple[np.ndarray, np.ndarray | None]]:
    """A term's postings in the segment ``leaf``, a block at a time: document numbers and
    weights (``None`` where every weight is 1), the list read in one piece. Whoosh's matcher
    reads a block's header in a dozen small reads of the file and its ``all_ids`` makes three
    Python calls per posting. Documents deleted but not yet merged away are included."""
    found = _posting_list(leaf, fieldname, text)
    if found is None:
        return
    _postfile, _offset, whole, inlined = found
    if inlined is not None:
        yield np.asarray(inlined[0], dtype=np.int64), np.asarray(inlined[1], dtype=np.float64)
        return
    view = memoryview(whole)
    for header, start, end in _chain(whole):
        ids, weights, _values = _decoded(view[start:end], header[3])
        yield ids, weights


def _posting_list(leaf: Any, fieldname: str, text: str) -> tuple[Any, int, bytes, Any] | None:
    """A term's postings file, where its list begins and the list itself, or its inlined
    postings (ids, weights, values); None when the segment lacks the term."""
    terms = getattr(leaf, "_terms", None)  # an empty index's reader has no term dictionary
    if terms is None or fieldname not in leaf.schema:
        return None
    try:
        info = terms.term_info(fieldname, text.encode("utf-8"))
    except TermNotFound:
        return None
    if info.is_inlined():
        return terms._postfile, 0, b"", info.inlined_postings()
    offset, length = info.extent()
    if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves the length in its struct tuple
        length, = length
    whole = terms._postfile.get(offset, length)
    if whole[:len(WHOOSH3_HEADER_MAGIC)] != WHOOSH3_HEADER_MAGIC:
        raise ValueError(f"no posting list at {offset} for {fieldname}:{text}")
    return terms._postfile, offset, whole, None


def _chain(whole: bytes) -> Iterator[tuple[tuple[Any, ...], int, int]]:
    """Each block of a posting list: its header (postings, last id, max weight, compression,
    lengths) and where its data begins and ends in ``whole``."""
    stream = io.BytesIO(whole)
    stream.seek(len(WHOOSH3_HEADER_MAGIC))
    while head := stream.read(_LENGTH.size):
        size, = _LENGTH.unpack(head)
        end = stream.tell() + abs(size)
        header = pickle.load(stream)
        yield header, stream.tell(), end
        if size < 0:
            break
        stream.seek(end)


def _decoded(raw: bytes | memoryview, compressed: int) -> tuple[np.ndarray, np.ndarray | None, Sequence[Any]]:
    """A block's document numbers, weights (``None`` where all are 1) and values."""
    deltas, weights, values = pickle.loads(zlib.decompress(raw) if compressed else raw)[:3]
    ids = np.cumsum(np.asarray(deltas, dtype=np.int64))
    if weights is None:
        return ids, None, values
    if isinstance(weights, float):
        return ids, np.full(len(ids), weights), values
    return ids, np.asarray(weights, dtype=np.float64), values


def _among(ids: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Which of the sorted ``ids`` are in the sorted, non-empty ``wanted``."""
    at = np.minimum(np.searchsorted(wanted, ids), len(wanted) - 1)
    return wanted[at] == ids


def phrase(leaf: Any, fieldname: str, words: Sequence[str], wanted: np.ndarray,
           read: Callable[[str, str], Blocks | None]) -> np.ndarray:
    """Those of the sorted document numbers ``wanted`` (of segment ``leaf``) where ``words``
    stand one after another in ``fieldname``. ``read(fieldname, word)`` gives a word's
    ``Blocks`` in that segment (the caller keeps them). The word with the fewest blocks is read
    first: the documents left to look up shrink with each word."""
    if not leaf.schema[fieldname].format.supports("positions"):
        raise ValueError(f"{fieldname} keeps no positions")
    found_blocks = [(i, read(fieldname, word)) for i, word in enumerate(words)]
    if any(blocks is None for _, blocks in found_blocks):
        return np.zeros(0, dtype=np.int64)
    starts: dict[int, set[int]] | None = None
    for i, blocks in sorted(found_blocks, key=lambda entry: len(entry[1].last_ids)):
        found: dict[int, set[int]] = {}
        for ids, _weights, values in blocks.postings(wanted):
            for at in np.flatnonzero(_among(ids, wanted)):
                docnum = int(ids[at])
                shifted = {position - i for position in _positions(values[at])}
                if starts is not None:
                    shifted &= starts[docnum]
                if shifted:
                    found[docnum] = shifted
        starts = found
        if not starts:
            return np.zeros(0, dtype=np.int64)
        wanted = np.fromiter(sorted(starts), dtype=np.int64, count=len(starts))
    return wanted


def _positions(value: bytes) -> Iterator[int]:
    """A posting's positions, as ``formats.Positions`` writes them: a count, then the pickled
    gaps between them (``decode_positions``, without its copy of the value)."""
    return accumulate(pickle.loads(memoryview(value)[_COUNT.size:]))
