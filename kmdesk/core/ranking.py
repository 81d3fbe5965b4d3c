"""Whoosh's BM25F ranking, computed a posting block at a time with numpy.

Whoosh ranks by walking a tree of matchers document by document: for a word asked in ten
fields, or a prefix typed as you type that stands for forty terms, that is several Python calls
per posting, and at 100,000 records a two-letter keystroke walked 50,000 postings (300-450 ms
of CPU, most of it Whoosh's union matchers and a column read per posting for the field length).
The scores themselves are simple: a term's BM25F score of a document is a function of the
term's weight in it and the document's field length, a union adds its parts' scores, an
intersection adds them where every part matches, a boost multiplies.

This module computes those same scores, from the same index, with the same ``idf``, average
field lengths, ``B`` and ``K1`` that Whoosh's own scorer object holds for each term, over arrays:
the postings of each block (``blocks.every``, the list read in one piece), the field lengths of
every document (the lengths column, read once per reader). A phrase scores as Whoosh's phrase
matcher does, its words' sum where they stand in order (the positions checked by ``blocks``).
Only the sums' order may differ from Whoosh's matcher tree, in the last bit of a float. A
weighting other than BM25F or plain weights is left to Whoosh (``top`` answers ``None``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.query import And, Or, Phrase, Query, Term
from whoosh.scoring import BM25FScorer, WeightScorer
from whoosh.util.numeric import _length_byte_cache

from kmdesk.core.blocks import Blocks, every

# the length a stored length byte stands for (Whoosh's own table)
_BYTE_TO_LENGTH = np.asarray(_length_byte_cache, dtype=np.float64)


class Postings:
    """Each term's postings in every segment as arrays (segment's base, document numbers,
    weights), the last ones read kept up to ``BYTES``: a search counts its hits from bitsets and
    ranks them from scores, and reading a long posting list (its blocks are unpickled whole,
    positions and all) twice was half of a one-word query's time."""

    BYTES = 32 * 1024 * 1024
    BLOCK_INDEXES = 8192  # terms whose blocks' places are kept (a few bytes a block each)

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self._kept: OrderedDict[tuple[str, str], list[tuple[int, np.ndarray, np.ndarray | None]]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._blocks: OrderedDict[tuple[int, str, str], Blocks | None] = OrderedDict()

    def blocks(self, leaf: Any, base: int, fieldname: str, text: str) -> Blocks | None:
        """Where the blocks of a term lie in the segment ``leaf`` (a reader) that begins at
        document ``base``: for a few documents' postings without reading the whole list."""
        key = (base, fieldname, text)
        with self._lock:
            if key in self._blocks:
                self._blocks.move_to_end(key)
                return self._blocks[key]
        found = Blocks.read(leaf, fieldname, text) if fieldname in leaf.schema else None
        with self._lock:
            self._blocks[key] = found
            while len(self._blocks) > self.BLOCK_INDEXES:
                self._blocks.popitem(last=False)
        return found

    def of(self, fieldname: str, text: str) -> list[tuple[int, np.ndarray, np.ndarray | None]]:
        key = (fieldname, text)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        found = []
        for leaf, base in self.reader.leaf_readers():
            blocks = list(every(leaf, fieldname, text))
            if blocks:
                ids = np.concatenate([ids for ids, _ in blocks])
                weights = None if all(w is None for _, w in blocks) else \
                    np.concatenate([np.ones(len(ids)) if w is None else w for ids, w in blocks])
                found.append((base, ids, weights))
        with self._lock:
            self._bytes += _nbytes(found) - _nbytes(self._kept.get(key, []))
            self._kept[key] = found
            while self._bytes > self.BYTES and len(self._kept) > 1:
                self._bytes -= _nbytes(self._kept.popitem(last=False)[1])
        return found


def _nbytes(postings: list[tuple[int, np.ndarray, np.ndarray | None]]) -> int:
    return sum(ids.nbytes + (0 if weights is None else weights.nbytes) for _, ids, weights in postings)


class Scores:
    """Per-document scores for the queries ``_Builder`` makes (terms, unions, intersections,
    phrases, boosts), for one searcher. Without a phrase every array is as long as the index
    has documents (``of``); a query with a phrase is scored at its candidates only (``at``):
    its words are often common ones, whose whole posting lists a few matches do not need. The
    field lengths are read once per field for the searcher's life."""

    def __init__(self, searcher: Any, postings: Postings, phrases: Callable[[Phrase], int]) -> None:
        self.searcher = searcher
        self.postings = postings
        self.phrases = phrases  # the documents (a bitset) where a phrase's words stand in order
        self.size = searcher.doc_count_all()
        self.leaves = dict((base, leaf) for leaf, base in searcher.leaf_searchers())
        self._lengths: dict[tuple[int, str], np.ndarray | None] = {}

    def top(self, q: Query, candidates: int, count: int) -> list[tuple[int, float]] | None:
        """The ``count`` best of the documents in the bitset ``candidates`` (the ones ``q``
        matches, as the caller counted them), best first and, at equal scores, by document
        number, as Whoosh's collector orders them; ``None`` for a query this cannot score."""
        docnums = np.flatnonzero(bool_array(candidates, self.size))
        if _has_phrase(q):
            scored = self.at(q, docnums)
            if scored is None:
                return None
            values = scored[0]
        else:
            scored = self.of(q)
            if scored is None:
                return None
            values = scored[0][docnums]
        if len(docnums) > count:
            # the count best, ties at the edge broken by document number as below
            cut = np.partition(values, len(values) - count)[len(values) - count]
            keep = values >= cut
            docnums, values = docnums[keep], values[keep]
        order = np.lexsort((docnums, -values))[:count]
        return [(int(docnums[i]), float(values[i])) for i in order]

    def of(self, q: Query) -> tuple[np.ndarray, np.ndarray] | None:
        """The scores of every document for ``q`` and which documents it matches."""
        if isinstance(q, Term):
            scored = self._term(q.fieldname, _text(q))
        elif _combines(q):
            scored = _combined([self.of(sub) for sub in q.subqueries], self.size, every=isinstance(q, And))
        else:
            return None
        if scored is not None and q.boost != 1.0:
            scored = scored[0] * q.boost, scored[1]
        return scored

    def at(self, q: Query, docnums: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The scores for ``q`` of the sorted documents ``docnums`` and which of them it matches.
        A phrase scores what Whoosh's phrase matcher scores: the sum of its words' scores,
        where they stand in order."""
        if isinstance(q, Term):
            scored = self._term_at(q.fieldname, _text(q), docnums)
        elif isinstance(q, Phrase):
            words = [self._term_at(q.fieldname, word, docnums) for word in q.words]
            scored = _combined(words, len(docnums), every=True) if words else None
            if scored is not None:
                in_order = bool_array(self.phrases(q), self.size)[docnums]
                scored = np.where(in_order, scored[0], 0.0), scored[1] & in_order
        elif _combines(q):
            scored = _combined([self.at(sub, docnums) for sub in q.subqueries], len(docnums), every=isinstance(q, And))
        else:
            return None
        if scored is not None and q.boost != 1.0:
            scored = scored[0] * q.boost, scored[1]
        return scored

    def _term(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray] | None:
        scores = np.zeros(self.size)
        matched = np.zeros(self.size, dtype=bool)
        if fieldname not in self.searcher.schema:
            return scores, matched
        for base, ids, weights in self.postings.of(fieldname, text):
            value = self._bm25f(base, fieldname, text, ids, np.ones(len(ids)) if weights is None else weights)
            if value is None:
                return None
            scores[ids + base] = value
            matched[ids + base] = True
        return scores, matched

    def _term_at(self, fieldname: str, text: str, docnums: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        scores = np.zeros(len(docnums))
        matched = np.zeros(len(docnums), dtype=bool)
        if fieldname not in self.searcher.schema:
            return scores, matched
        for base, leaf in self.leaves.items():
            inside = docnums[(docnums >= base) & (docnums < base + leaf.doc_count_all())] - base
            blocks = self.postings.blocks(leaf.reader(), base, fieldname, text) if len(inside) else None
            if blocks is None:
                continue
            ids, weights = blocks.weights(inside)
            value = self._bm25f(base, fieldname, text, ids, weights)
            if value is None:
                return None
            where = np.searchsorted(docnums, ids + base)
            scores[where] = value
            matched[where] = True
        return scores, matched

    def _bm25f(self, base: int, fieldname: str, text: str, ids: np.ndarray, tf: np.ndarray) -> np.ndarray | None:
        """A term's scores in the documents ``ids`` of the segment at ``base``, with weights
        ``tf``, as Whoosh's scorer computes them; ``None`` for a weighting this does not know."""
        leaf = self.leaves[base]
        scorer = self.searcher.weighting.scorer(leaf, fieldname, text)
        if isinstance(scorer, BM25FScorer):
            lengths = self._field_lengths(leaf, base, fieldname)
            fl = lengths[ids] if lengths is not None else np.ones(len(ids))
            # bm25() of whoosh.scoring, term for term
            return scorer.idf * ((tf * (scorer.K1 + 1)) / (tf + scorer.K1 * ((1 - scorer.B) + scorer.B * fl / scorer.avgfl)))
        if isinstance(scorer, WeightScorer):
            return tf
        return None

    def _field_lengths(self, leaf: Any, base: int, fieldname: str) -> np.ndarray | None:
        """Every document's length in ``fieldname`` in one segment, as Whoosh's scorer reads it
        (``doc_field_length``: the stored byte's length), from the column read in one piece."""
        key = (base, fieldname)
        if key not in self._lengths:
            perdoc = leaf.reader()._perdoc
            column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            if column is None:
                self._lengths[key] = None
            else:
                raw = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
                lengths = np.zeros(leaf.reader().doc_count_all(), dtype=np.float64)
                lengths[:len(raw)] = _BYTE_TO_LENGTH[raw]
                self._lengths[key] = lengths
        return self._lengths[key]


def _text(q: Term) -> str:
    return q.text if isinstance(q.text, str) else q.text.decode("utf-8")


def _combines(q: Query) -> bool:
    """A union or an intersection whose score is its parts' sum (no coordination, no minimum)."""
    return isinstance(q, (Or, And)) and not getattr(q, "scale", None) and not getattr(q, "minmatch", 0)


def _has_phrase(q: Query) -> bool:
    return isinstance(q, Phrase) or (_combines(q) and any(_has_phrase(sub) for sub in q.subqueries))


def _combined(parts: list[tuple[np.ndarray, np.ndarray] | None], size: int, *,
              every: bool) -> tuple[np.ndarray, np.ndarray] | None:
    """The scores of a union (any part matches) or, with ``every``, an intersection of
    ``parts``: their sum, where the whole matches."""
    if any(part is None for part in parts):
        return None
    if not parts:
        return np.zeros(size), np.zeros(size, dtype=bool)
    scores = parts[0][0].copy()
    matched = parts[0][1].copy()
    for part_scores, part_matched in parts[1:]:
        scores += part_scores
        if every:
            matched &= part_matched
        else:
            matched |= part_matched
    if every:
        scores[~matched] = 0.0
    return scores, matched


def bool_array(bits: int, size: int) -> np.ndarray:
    """A Python integer's bits (bit n = document n) as ``size`` booleans."""
    raw = np.frombuffer(bits.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(raw, bitorder="little")[:size].astype(bool)
