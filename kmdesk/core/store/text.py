"""The one boundary every text passes before it reaches the store or the index.

Text arrives from a command line (where undecodable bytes become lone surrogates), a file, a
form, a Local Contexts Hub answer or a CHM document. A lone surrogate cannot be written as UTF-8,
so one such character in a title would make the whole library unopenable (the indexer would fail
on every start). So: ``clean`` is applied to every text a record takes in (``records.normalize``)
and refuses what cannot be stored, naming the field; ``repair`` is the lenient twin used when
reading what an older kmdesk let in, so such a library still opens; ``repair_library`` (run by
``kmdesk check``) rewrites those values for good.

Rules: text is NFC (the same word typed on two keyboards compares and indexes the same); line
ends become ``\\n``; a lone surrogate or a control character other than tab and line feed
(C0, DEL, C1) is refused by ``clean`` and replaced by ``repair`` (U+FFFD for a surrogate,
nothing for a control character).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import TYPE_CHECKING, Any, TypeVar

from kmdesk.core.errors import InvalidRecord

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

T = TypeVar("T")

REPLACEMENT = "\ufffd"
_BAD = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _describe(char: str, where: int) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:
        return (f"the byte 0x{code - 0xDC00:02x} at character {where} is not valid UTF-8 text "
                "(was it typed or saved in another encoding?)")
    if 0xD800 <= code <= 0xDFFF:
        return f"character {where} is U+{code:04X}, half of a surrogate pair, which is not text"
    return f"character {where} is the control character U+{code:04X}, which text may not hold"


def problem(text: str) -> str | None:
    """Why ``text`` cannot be stored as it is, or None."""
    match = _BAD.search(text)
    return _describe(match.group(0), match.start() + 1) if match else None


def _line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def clean(text: str, field: str) -> str:
    """``text`` in NFC with ``\\n`` line ends; raises ``InvalidRecord`` naming ``field`` when it
    holds a lone surrogate or a control character."""
    text = _line_ends(text)
    if not text.isascii():
        found = problem(text)
        if found:
            raise InvalidRecord(f"{field}: {found}", field=field)
        return unicodedata.normalize("NFC", text)
    if _CONTROL.search(text):
        raise InvalidRecord(f"{field}: {problem(text)}", field=field)
    return text


def is_clean(text: str) -> bool:
    """Whether ``clean`` takes ``text`` as it is: nothing to refuse, nothing to change. Joined by
    ``\n`` (which never composes with what follows), several texts are clean when each one is."""
    if "\r" in text:
        return False
    if text.isascii():
        return _CONTROL.search(text) is None
    return _BAD.search(text) is None and unicodedata.is_normalized("NFC", text)


def repair_text(text: str) -> str:
    """What ``clean`` would accept, made from anything: surrogates become U+FFFD and control
    characters are dropped."""
    text = _line_ends(text)
    if text.isascii() and not _CONTROL.search(text):
        return text
    return unicodedata.normalize("NFC", _CONTROL.sub("", _SURROGATE.sub(REPLACEMENT, text)))


# one encoder for every probe: ``json.dumps`` with these options builds one a call (a third of it)
_PROBE = json.JSONEncoder(ensure_ascii=False, default=str, check_circular=False)


def _has_surrogate(value: Any) -> bool:
    """Whether ``value`` holds a lone surrogate anywhere: encoded as JSON in C, once, instead of
    walked in Python (every record read asks, for every text of the record)."""
    if type(value) is str and value.isascii():
        return False
    try:
        _PROBE.encode(value).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _needs_repair(value: Any) -> bool:
    kind = type(value)
    if kind is str:
        return _BAD.search(value) is not None or "\r" in value
    if kind is dict:
        for key, item in value.items():
            if _needs_repair(item) or _needs_repair(key):
                return True
    elif kind is list:
        for item in value:
            if _needs_repair(item):
                return True
    return False


def _repaired(value: Any) -> Any:
    if isinstance(value, str):
        return repair_text(value)
    if isinstance(value, dict):
        return {_repaired(k): _repaired(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_repaired(v) for v in value]
    return value


def repair(value: Any) -> Any:
    """``value`` (text, or dicts and lists holding text) with every text repaired; the very same
    object when nothing needed it."""
    return _repaired(value) if _needs_repair(value) else value


def readable(value: T) -> T:
    """``value`` repaired when it holds a lone surrogate, the one thing UTF-8 (so SQLite's
    text, the index, a terminal) cannot hold; the same object otherwise. This is the cheap check
    every read of a record makes (``records.row_to_dict``); ``repair`` is the thorough one."""
    if not _has_surrogate(value):
        return value
    repaired: T = _repaired(value)  # the same shape: only the texts in it change
    return repaired


def repair_library(library: Library) -> int:
    """Rewrite, in one transaction, every stored value an older kmdesk let in that ``clean``
    refuses (plain record columns and history): returns how many records were repaired. The
    sealed fields of non-public records are repaired when read; they never reach the on-disk
    index and are rewritten at their next edit."""
    from sqlalchemy import select

    from kmdesk.core.store.model import HistoryEntry, IndexQueue, Record

    repaired: set[str] = set()
    with library.writing() as session:
        for row in session.scalars(select(Record)):
            for column in Record.__table__.columns.keys():
                value = getattr(row, column)
                fixed = repair(value)
                if fixed is not value:
                    setattr(row, column, fixed)
                    repaired.add(row.id)
        for entry in session.scalars(select(HistoryEntry)):
            fixed = repair(entry.changes)
            if fixed is not entry.changes:
                entry.changes = fixed
                repaired.add(entry.record_id)
        if repaired:
            library.audit.record(session, "repair", "", {"records": len(repaired), "what": "invalid text"})
            for record_id in repaired:
                session.merge(IndexQueue(record_id=record_id))
    return len(repaired)
