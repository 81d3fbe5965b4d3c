"""The Whoosh writer kmdesk indexes with: Whoosh's ``SegmentWriter`` with the costs taken out that
grow with every posting of an import (bench/README.md).

A word of a text field reaches Whoosh's pool through four generators (the format's
``word_values``, the field's ``index``, ``add_document``'s loop, the pool's ``add``), about as
much work as analysing it: here a field's words and positions are gathered in one loop and go
into the pool as Whoosh's ``Positions`` format would encode them (``TermPool.add_positions``).

The pool of postings the writer sorts before it writes a segment is gathered by term. Whoosh's
own pool (``whoosh.writing.PostingPool``) keeps every posting as a tuple in one list,
sorts that list, and when it is full writes it to a run one ``pickle.dump`` per posting; the
commit then merges the runs posting by posting through a heap. On an import that is most of
the commit's time (bench/README.md). Postings arrive document after document, so those of one
term are already in order: here they are gathered per field and word as they come, in one flat
list per term (document, weight, value, document...: no object per posting, half the memory
of a tuple each, so half the runs, and nothing for the garbage collector to walk), only the
terms are sorted, a run is written ``_CHUNK`` terms per pickle (compressed: an in-memory index
keeps its runs in RAM), and the commit merges runs term by term. What comes out is what
Whoosh's pool gives (every posting, sorted by field, term and document), so the codec writes
the same segment.

While it writes the postings, the codec asks each posting's field length (for the block's
score bounds) and Whoosh reads that byte from the length column's file, once per posting: here
each field's lengths are read once, and the postings are written term by term. Most terms of a
Zipf vocabulary occur in a few documents; their postings are kept in the term dictionary
(``_inlined``), and that entry is written here at once, not through Whoosh's field and postings
writers (some twenty calls a term).
"""

from __future__ import annotations

import heapq
import pickle
import struct
import zlib
from array import array
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PostingsWriter, W3TermInfo, _lenfield
from whoosh.formats import Positions
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.filedb.filestore import RamStorage
from whoosh.system import pack_uint, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import PostingPool, SegmentWriter

# A term's postings in document order, flat: document, weight, value, document, weight, value...
# (a tuple per posting was a third of the pool's memory, and the collector walked each).
Postings = list[Any]
Key = tuple[str, bytes]  # (field, term)
Term = tuple[Key, Postings]
# Terms per pickled block of a run: each run being merged holds one block read, so this times
# ``_MAX_RUNS`` bounds the merge's memory (1,000 terms and 256 runs took 107 MB more, bench/README.md).
_CHUNK = 200
_BLOCK_LENGTH = struct.Struct(">I")  # a run's block's length
_TERM_INFO = W3TermInfo._struct


def _max_runs() -> int:
    """Runs merged at once, each an open file: a quarter of the files this process may open,
    at most 256. A 100,000-record import spills some 230 runs; merging them 64 at a time first
    rewrote most postings once more (the runs were 38 % of the import's CPU, bench/README.md)."""
    try:
        import resource
    except ImportError:  # Windows: its C runtime allows 8,192 open files
        return 256
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return 256 if soft == resource.RLIM_INFINITY else max(16, min(256, soft // 4))


_MAX_RUNS = _max_runs()
# Bytes held per posting and per term, as Python objects (three list slots, with the list's room
# to grow; a term's key, its list and its dictionary entry), without the texts and the values
# and weights of words met more than once (those met once share theirs).
_POSTING_BYTES = 40
_TERM_BYTES = 200


# Most words occur once in a document's field: their encoded value depends on their position
# only, and is made once per position (up to a long document's length).
_ONCE: dict[int, bytes] = {}
_ONCE_UP_TO = 1 << 16


def _once(position: int) -> bytes:
    """``Positions.encode([position])``, kept for the next word met once at ``position``."""
    value = pack_uint(1) + pickle.dumps([position], 2)
    if position < _ONCE_UP_TO:
        _ONCE[position] = value
    return value


class TermPool(PostingPool):
    """A ``PostingPool`` that keeps postings per term (see the module's docstring); it spills
    to runs in the writer's temporary storage when it holds ``limitmb`` of them."""

    def __init__(self, tempstore: Any, segment: Any, limitmb: float = 128) -> None:
        super().__init__(tempstore, segment, limitmb=limitmb)
        self._words: dict[str, dict[str, Postings]] = {}  # field -> word -> postings (``add_positions``)
        self._terms: dict[str, dict[bytes, Postings]] = {}  # field -> term -> postings (``add``)
        self._compressed = isinstance(tempstore, RamStorage)  # runs kept in RAM, not in files

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        """One posting (Whoosh's ``add``: its writer's fields other than text, and the postings
        of segments it merges); a term's postings come in document order."""
        fieldname, btext, docnum, weight, value = item
        terms = self._terms.get(fieldname)
        if terms is None:
            terms = self._terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        postings = terms.get(btext)
        if postings is None:
            terms[btext] = [docnum, weight, value]
            self.currentsize += _TERM_BYTES + len(btext)
        elif docnum > postings[-3]:
            postings += (docnum, weight, value)
        else:
            raise ValueError(f"posting of document {docnum} after document {postings[-3]} in {fieldname}:{btext!r}")
        self.currentsize += _POSTING_BYTES + len(value or b"")
        if self.currentsize > self.limit:
            self.save()

    def add_positions(self, fieldname: str, docnum: int, places: dict[str, list[int]], field_boost: float,
                      boost: float) -> int:
        """One document's postings in a text field, from each word's positions (``_places``),
        with the value Whoosh's ``Positions.encode`` makes and the weight its ``word_values``
        gives (kmdesk's analyzers give every token a boost of 1: a word's weight is its count
        times the format's ``field_boost``, times the document's ``boost``, in Whoosh's order).
        The document comes after those already in the pool. Returns the field's length, its
        number of words."""
        terms = self._words.get(fieldname)
        if terms is None:
            terms = self._words[fieldname] = {}
        once = field_boost * boost  # the weight of a word met once: 1 * field_boost is field_boost
        size = len(places) * _POSTING_BYTES
        length = 0
        for word, positions in places.items():
            count = len(positions)
            length += count
            if count == 1:
                value, weight = _ONCE.get(positions[0]) or _once(positions[0]), once
            else:
                deltas = [b - a for a, b in zip([0, *positions], positions)]  # as Whoosh stores them
                value, weight = pack_uint(count) + pickle.dumps(deltas, 2), count * field_boost * boost
                size += len(value) + 57  # the value and weight of this posting alone
            postings = terms.get(word)
            if postings is None:
                terms[word] = [docnum, weight, value]
                size += _TERM_BYTES + len(word)
            else:
                postings += (docnum, weight, value)
        if length:
            self.fieldnames.add(fieldname)
        self.currentsize += size
        if self.currentsize > self.limit:
            self.save()
        return length

    def _sorted(self) -> Iterator[Term]:
        """The pool's terms in order (field, then term), each with its postings in document
        order. A word sorts as its UTF-8 bytes do (that encoding keeps code point order)."""
        words, terms = self._words, self._terms
        self._words, self._terms = {}, {}
        for fieldname in sorted(words.keys() | terms.keys()):
            for btext, postings in _field_terms(words.pop(fieldname, {}), terms.pop(fieldname, {})):
                yield (fieldname, btext), postings

    def save(self) -> None:
        if self._terms:
            path, f = self._new_run()
            self._write_run(f, self._sorted())
            self._add_run(path)
        self.currentsize = 0

    def _write_run(self, f: Any, terms: Iterable[Term]) -> None:
        """Terms in order with their postings, a block of ``_CHUNK`` terms per pickle behind its
        length. An in-memory index keeps its runs in RAM until the commit: they are compressed
        (zlib's fastest level), and take a quarter of the room (4,000 restricted records: 25.5
        -> 5.8 MB, bench/README.md). Runs in files are not: compressing and decompressing them
        was 4 % of indexing 20,000 records' documents (cProfile)."""
        chunk: list[Term] = []
        for term in terms:
            chunk.append(term)
            if len(chunk) >= _CHUNK:
                self._write_block(f, chunk)
                chunk = []
        if chunk:
            self._write_block(f, chunk)
        f.close()

    def _write_block(self, f: Any, chunk: list[Term]) -> None:
        block = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
        if self._compressed:
            block = zlib.compress(block, 1)
        f.write(_BLOCK_LENGTH.pack(len(block)))
        f.write(block)

    def _read_run(self, path: str) -> Iterator[Term]:
        f = self._open_run(path)
        try:
            while header := f.read(_BLOCK_LENGTH.size):
                (length,) = _BLOCK_LENGTH.unpack(header)
                block = f.read(length)
                yield from pickle.loads(zlib.decompress(block) if self._compressed else block)
        finally:
            f.close()
            self._remove_run(path)

    def _merge_runs(self, paths: list[str]) -> Iterator[Term]:
        """The runs' terms in order; a term in several runs has its postings joined, in the
        runs' order, which is the documents' (``heapq.merge`` keeps it for equal keys)."""
        merged = heapq.merge(*(self._read_run(path) for path in paths), key=itemgetter(0))
        for key, group in groupby(merged, key=itemgetter(0)):
            _, postings = next(group)
            for _, more in group:
                postings += more
            yield key, postings

    def terms(self) -> Iterator[Term]:
        """Every term in order (field, then term), with its postings in document order."""
        if not self.runs:
            yield from self._sorted()
            return
        self.save()
        while len(self.runs) > _MAX_RUNS:  # too many to open at once: merge the fewest that bring them under
            count = min(_MAX_RUNS, len(self.runs) - _MAX_RUNS + 1)
            merging, self.runs = self.runs[:count], self.runs[count:]
            path, f = self._new_run()
            self._write_run(f, self._merge_runs(merging))
            self.runs.insert(0, path)
        runs, self.runs = self.runs, []
        yield from self._merge_runs(runs)

    def items(self) -> Iterator[tuple[str, bytes, int, float, bytes | None]]:  # type: ignore[override]
        """Whoosh's view of the pool: every posting as (field, term, document, weight, value)."""
        for key, postings in self.terms():
            for start in range(0, len(postings), 3):
                yield key + tuple(postings[start:start + 3])

    def cleanup(self) -> None:
        """Runs left by a cancelled writer go with it."""
        for path in self.runs:
            try:
                self._remove_run(path)
            except (OSError, KeyError):  # already gone (a RAM storage says KeyError)
                pass
        self.runs = []


def _field_terms(words: dict[str, Postings], terms: dict[bytes, Postings]) -> Iterator[tuple[bytes, Postings]]:
    """A field's terms in order with their postings: ``words`` from ``add_positions``, ``terms``
    from ``add`` (both for a text field only when its writer merges a segment)."""
    if not terms:
        for word in sorted(words):
            yield word.encode("utf-8"), words[word]
        return
    for word, postings in words.items():
        btext = word.encode("utf-8")
        terms[btext] = _joined(postings, terms[btext]) if btext in terms else postings
    for btext in sorted(terms):
        yield btext, terms[btext]


def _joined(first: Postings, second: Postings) -> Postings:
    """Two lists of one term's postings as one, in document order: a writer adds the documents
    of the segments it merges before or after its own, never among them."""
    if first[-3] < second[0]:
        return first + second
    if second[-3] < first[0]:
        return second + first
    raise ValueError(f"postings of documents {first[0::3]} and {second[0::3]} interleave")


_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]
# A length byte read back and written again, as a term info stores its length bounds.
_BYTE_AGAIN = bytes(length_to_byte(length) for length in _LENGTH_OF_BYTE)


def _length_bounds(ids: list[int], lengths: bytes) -> tuple[int, int]:
    """The shortest (0: none) and the longest field length byte of the documents ``ids``
    (sorted), from ``lengths``, the field's byte per document: ``byte_to_length`` grows with the
    byte, so these are the bytes of their shortest and longest lengths."""
    if ids[-1] < len(lengths):
        known = bytes(map(lengths.__getitem__, ids))
    else:
        known = bytes(lengths[docnum] for docnum in ids if docnum < len(lengths))
    return min(known.replace(b"\0", b""), default=0), max(known, default=0)


def _inlined(postings: Postings, lengths: bytes) -> bytes:
    """The term dictionary's entry of a term whose postings are kept in it: what Whoosh's
    ``W3TermInfo.to_bytes`` writes after one block of these postings (``add_block``)."""
    ids, weights = postings[0::3], postings[1::3]
    shortest, longest = _length_bounds(ids, lengths)
    info = _TERM_INFO.pack(1, sum(weights), len(ids), _BYTE_AGAIN[shortest], _BYTE_AGAIN[longest],
                           max(0, *weights), ids[0], ids[-1])
    return info + pickle.dumps((tuple(ids), tuple(weights), tuple(filter(None, postings[2::3]))), 2)


def _write_terms(fieldwriter: Any, schema: Any, reader: Any, terms: Iterable[Term]) -> None:
    """What Whoosh's ``FieldWriter.add_postings`` does, a term at a time: each posting with its
    document's field length (``reader``: the new segment's per-document reader, or None), the
    field's length column read once (the writer takes no spelling fields, whose words Whoosh
    passes as postings of document -1). A term of fewer than the codec's ``INLINE_LIMIT``
    postings (most of a Zipf vocabulary) has them kept in its term dictionary entry, which is
    written here directly (``_inlined``): through Whoosh's field and postings writers, that
    entry cost some twenty calls a term."""
    field = None
    lengths: bytes = b""
    tindex, prefix, inline = fieldwriter._tindex, b"", fieldwriter._codec.INLINE_LIMIT
    for (fieldname, btext), postings in terms:
        if fieldname != field:
            if field is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            field, prefix = fieldname, pack_ushort(fieldwriter._fieldid)
            column = reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if reader else None
            lengths = bytes(column.load()) if column is not None else b""
        if len(postings) < 3 * inline:
            tindex.add(prefix + btext, _inlined(postings, lengths))
            continue
        fieldwriter.start_term(btext)
        fieldwriter._postwriter.add_postings(postings, lengths)
        fieldwriter.finish_term()


class PostingsWriter(W3PostingsWriter):
    """Whoosh's posting list writer, for the terms ``_write_terms`` does not keep in the term
    dictionary, without two costs per posting and per block. A block of fewer than
    ``COMPRESS_FROM`` postings is stored uncompressed (zlib makes a block of a few postings
    longer, not shorter); each block says whether it is compressed, so readers need nothing.
    It inlines nothing itself: Whoosh's ``finish_postings`` would call a method its term info
    lacks (so Whoosh never inlines)."""

    COMPRESS_FROM = 32

    def add_postings(self, postings: Postings, lengths: bytes) -> None:
        """``add_posting`` for each of a term's postings in document order (``lengths``: the
        field's length byte per document), a block's worth at a time with builtins: Whoosh's
        checks each posting's types and updates the block's bounds one posting at a time."""
        limit, start = self._blocklimit, 0
        while start < len(postings):
            if len(self._ids) >= limit:
                self._write_block()
            part = postings[start:start + 3 * (limit - len(self._ids))]
            start += len(part)
            ids, weights = part[0::3], part[1::3]
            self._ids.extend(ids)
            self._weights.extend(weights)
            self._values.extend(filter(None, part[2::3]))
            self._maxweight = max(self._maxweight, *weights)
            shortest, longest = _length_bounds(ids, lengths)
            if shortest:
                shortest = _LENGTH_OF_BYTE[shortest]
                self._minlength = shortest if self._minlength is None else min(self._minlength, shortest)
                self._maxlength = max(self._maxlength, _LENGTH_OF_BYTE[longest])

    def _write_block(self, last: bool = False) -> None:
        level = self._compression
        if len(self._ids) < self.COMPRESS_FROM:
            self._compression = 0
        try:
            super()._write_block(last)
        finally:
            self._compression = level


class Inlined(ListMatcher):
    """The postings of an inlined term. A posting without a value reads as None, as from a
    block (Whoosh's ``ListMatcher`` says "", which its writers refuse when they merge a segment)."""

    def value(self) -> Any:
        return super().value() if self._values else None

    def replace(self, minquality: float = 0) -> Any:
        """Itself while it has postings, as a block's matcher does. Whoosh's ``ListMatcher``
        drops itself when its quality is under the collector's minimum, but a boost's
        ``WrappingMatcher`` hands its child the minimum unscaled: a rare word asked with a boost
        (the interface language's field, 1.5) lost its documents once the top hits were full."""
        return self if self.is_active() else NullMatcher()


class _Slots:
    """One of the term dictionary writer's 256 buckets of (key hash, file position): Whoosh
    keeps a tuple of two Python integers per term (about 120 bytes) until the segment is
    written, 120 MB for the million terms of a 100,000-record import (Chinese bigrams are half
    of them); here two arrays of 8-byte numbers. ``HashWriter`` only appends, counts and iterates."""

    __slots__ = ("hashes", "positions")

    def __init__(self) -> None:
        self.hashes, self.positions = array("Q"), array("Q")

    def append(self, entry: tuple[int, int]) -> None:
        self.hashes.append(entry[0])
        self.positions.append(entry[1])

    def __len__(self) -> int:
        return len(self.hashes)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.hashes, self.positions)


class Codec(W3Codec):
    """Whoosh 3's codec writing postings with ``PostingsWriter``, and reading back the terms of
    fewer than ``INLINE_LIMIT`` postings that ``Writer`` keeps in the term dictionary (as
    Whoosh's own codec means to, but never does) as ``Inlined``. A segment keeps its codec
    (pickled in the index's table of contents), so this class's name is part of the index."""

    INLINE_LIMIT = 8

    def field_writer(self, storage: Any, segment: Any) -> Any:
        writer = super().field_writer(storage, segment)
        writer._tindex.buckets = [_Slots() for _ in writer._tindex.buckets]  # empty yet: no term added
        return writer

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> PostingsWriter:
        return PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids, compression=self._compression,
                              inlinelimit=0)

    def postings_reader(self, dbfile: Any, terminfo: Any, format_: Any, term: Any = None, scorer: Any = None) -> Any:
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            return Inlined(ids, weights, values, format_, scorer=scorer, term=term, terminfo=terminfo)
        return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)


def _places(analyzer: Any, value: str) -> dict[str, list[int]]:
    """Each word of ``value`` (analysed for indexing) with its positions, in order."""
    places: dict[str, list[int]] = {}
    for token in analyzer(value, positions=True, boosts=True, mode="index"):
        positions = places.get(token.text)
        if positions is None:
            places[token.text] = [token.pos]
        else:
            positions.append(token.pos)
    return places


class Writer(SegmentWriter):
    """A ``SegmentWriter`` with the ``TermPool`` and the ``Codec``, writing its postings term by term."""

    def __init__(self, ix: Any, limitmb: float, compound: bool = True) -> None:
        super().__init__(ix, limitmb=limitmb, codec=Codec(), compound=compound)
        if any(field.vector or field.separate_spelling() for field in self.schema):
            raise ValueError("kmdesk's writer indexes no term vectors or spelling fields")
        self.pool = TermPool(self._tempstorage, self.newsegment, limitmb=limitmb)

    def add_document(self, **fields: Any) -> None:
        """Whoosh's ``SegmentWriter.add_document`` for the fields kmdesk's schema has (no term
        vectors, no spelling fields), a text field's postings gathered in one loop (see the
        module's docstring); the same postings, lengths, stored fields and columns."""
        self._check_state()
        perdocwriter, schema, docnum, pool = self.perdocwriter, self.schema, self.docnum, self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, fieldname, docboost)
                    if type(field.format) is Positions and isinstance(value, str):
                        length = pool.add_positions(fieldname, docnum, _places(field.analyzer, value),
                                                    field.format.field_boost, boost)
                    else:
                        for btext, frequency, weight, encoded in field.index(value):
                            pool.add((fieldname, btext, docnum, weight * boost, encoded))
                            length += frequency
                    if not field.scorable:
                        length = 0
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                if field.column_type and stored is not None:
                    perdocwriter.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        _write_terms(self.fieldwriter, self.schema, reader, self.pool.terms())
        self.fieldwriter.close()
        if reader:
            reader.close()
