"""Sealed values: a record's fields, history, consent text and credentials as text-safe tokens.

A token is ``kmv1:<base64url(nonce || ciphertext)>`` bound to its record and field, so it fits
the same columns as the plaintext did and cannot be moved to another record or field.

**The access block is bound to the record.** A record's sealed fields are sealed with
``seal_record``: the associated data holds the record id *and* a canonical encoding of its
access block (level, community, protocols, sharing, custodians; ``access_context``). A row
whose access columns were changed outside kmdesk no longer opens, so it can never be re-sealed
under access nobody chose. Such tokens start ``kmv2:``; ``kmv1:`` record tokens are from before
this binding and are accepted only with the library's signature over their access block (see
``signing``).
"""

from __future__ import annotations

import binascii
import json
from typing import Any

from kmdesk.core.errors import TamperedData
from kmdesk.core.trust.aead import aad, b64, canonical, decrypt, encrypt, unb64

TOKEN_PREFIX = "kmv1:"
BOUND_PREFIX = "kmv2:"


def _seal(kind: str, plaintext: bytes, key: bytes, record_id: str, field: str) -> str:
    return TOKEN_PREFIX + b64(encrypt(key, plaintext, aad(kind, record_id, field)))


def _open(kind: str, token: str, key: bytes, record_id: str, field: str) -> bytes:
    if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
        raise TamperedData("not a sealed kmdesk value", record=record_id, field=field)
    try:
        blob = unb64(token[len(TOKEN_PREFIX):])
    except (binascii.Error, ValueError):
        raise TamperedData("a sealed value is not valid base64", record=record_id, field=field) from None
    plaintext = decrypt(key, blob, aad(kind, record_id, field))
    if plaintext is None:
        raise TamperedData("a sealed value failed authentication (changed, moved or wrong key)", record=record_id, field=field)
    return plaintext


def seal_text(plaintext: str, key: bytes, record_id: str, field: str) -> str:
    """A compact token ``kmv1:<base64url(nonce || ciphertext)>`` of ``plaintext``, bound to this
    record and field. Text-safe, so it fits the same columns as the plaintext did."""
    return _seal("text", plaintext.encode("utf-8"), key, record_id, field)


def open_text(token: str, key: bytes, record_id: str, field: str) -> str:
    """What ``seal_text`` sealed, only with the same key, record and field."""
    return _open("text", token, key, record_id, field).decode("utf-8")


def seal_json(obj: Any, key: bytes, record_id: str, field: str) -> str:
    """Like ``seal_text`` for a JSON value (multilingual dicts, a record's protected fields).
    Sealed as a distinct kind so a text token never opens as JSON and vice versa."""
    data = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return _seal("json", data.encode("utf-8"), key, record_id, field)


def open_json(token: str, key: bytes, record_id: str, field: str) -> Any:
    """What ``seal_json`` sealed, only with the same key, record and field."""
    return json.loads(_open("json", token, key, record_id, field))


def access_context(access: dict[str, Any], community: str | None) -> str:
    """The access block as bound to a sealed record: order-free lists, so a re-ordering by a
    form is no change, but any added or removed name, level or sharing is."""
    return canonical({"level": access.get("level"), "community": community,
                      "protocols": sorted(access.get("protocols") or []), "sharing": access.get("sharing"),
                      "custodians": sorted(access.get("custodians") or [])}).decode("utf-8")


def seal_record(obj: Any, key: bytes, record_id: str, context: str) -> str:
    """A record's protected fields sealed with its id and ``access_context`` as associated data."""
    data = canonical(obj)
    return BOUND_PREFIX + b64(encrypt(key, data, aad("record", record_id, context)))


def open_record(token: str, key: bytes, record_id: str, context: str) -> Any:
    """What ``seal_record`` sealed, only under the same id and access block."""
    if not isinstance(token, str) or not token.startswith(BOUND_PREFIX):
        raise TamperedData("not a sealed kmdesk record", record=record_id, field="record")
    return json.loads(_open("record", TOKEN_PREFIX + token[len(BOUND_PREFIX):], key, record_id, context))


def reseal_text(token: str, old_key: bytes, new_key: bytes, record_id: str, field: str) -> str:
    """Open with the old key and seal with the new one (after a member's removal)."""
    return seal_text(open_text(token, old_key, record_id, field), new_key, record_id, field)
