"""A field's terms beginning with a prefix, read from the term dictionary in bulk.

Whoosh walks its term dictionary (``filetables.OrderedHashReader``) an entry at a time: two
reads of the file per term (the entry's lengths, then its key), each a seek and a read through
the segment's compound file. Near spellings and completions walk hundreds or thousands of
terms per keystroke, so at 100,000 records that walk was most of a misspelt query's time
(about 20 microseconds a term). The dictionary's entries lie in key order, one after another,
so the same terms are here read as a few large pieces of the file and cut up in memory.
"""

from __future__ import annotations

import heapq
import struct
from collections.abc import Iterator
from itertools import groupby
from typing import Any

_LENGTHS = struct.Struct("!ii")  # an entry's key length and value length (filetables._lengths)
_FIELD = struct.Struct("!H")  # a key begins with its field's number (W3TermsReader._keycoder)
_DOC_FREQUENCY = struct.Struct("!I")  # in a term's info, after its flags byte and its weight
_DOC_FREQUENCY_AT = 1 + 4
FIRST_READ = 16 * 1024
LARGEST_READ = 256 * 1024


def prefixed(reader: Any, fieldname: str, prefix: str) -> Iterator[tuple[str, int]]:
    """The terms of ``fieldname`` that begin with ``prefix``, in order, each with the number of
    documents holding it (summed over the segments, deleted documents included, as Whoosh's
    ``iter_prefix`` counts them)."""
    key = prefix.encode("utf-8")
    leaves = [_leaf_prefixed(leaf, fieldname, key) for leaf, _base in reader.leaf_readers()]
    merged = leaves[0] if len(leaves) == 1 else heapq.merge(*leaves)
    for term, entries in groupby(merged, key=lambda entry: entry[0]):
        yield term.decode("utf-8"), sum(frequency for _, frequency in entries)


def _leaf_prefixed(leaf: Any, fieldname: str, prefix: bytes) -> Iterator[tuple[bytes, int]]:
    """One segment's terms of ``fieldname`` beginning with ``prefix``, in key order."""
    terms = getattr(leaf, "_terms", None)
    if terms is None or fieldname not in terms._fieldmap:
        return
    table = terms._tindex
    start = _FIELD.pack(terms._fieldmap[fieldname]) + prefix
    pos = table.closest_key_pos(start)
    if pos is None:
        return
    size, end = FIRST_READ, table.endofdata
    while pos < end:
        piece = table.dbfile.get(pos, min(size, end - pos))
        offset = 0
        while offset + _LENGTHS.size <= len(piece):
            keylength, valuelength = _LENGTHS.unpack_from(piece, offset)
            keyat = offset + _LENGTHS.size
            if keyat + keylength + valuelength > len(piece):
                break  # the entry goes on in the next piece
            found = piece[keyat:keyat + keylength]
            if not found.startswith(start):
                return
            yield found[_FIELD.size:], _DOC_FREQUENCY.unpack_from(piece, keyat + keylength + _DOC_FREQUENCY_AT)[0]
            offset = keyat + keylength + valuelength
        pos += offset
        size = min(size * 2, LARGEST_READ) if offset else size * 2  # an entry larger than the piece
