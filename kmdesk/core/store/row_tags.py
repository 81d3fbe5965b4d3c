"""Record rows whose check is remembered across runs (``trust.verified``), as the window's list
reads them (``summaries``): a tag over a row's raw values, the library's id and its signer's
key says the row passed whole (``CLEAN``: its signature, its access block, its values of the
kinds kmdesk writes) or, sealed, that its signature and access block did (``SEALED_CLEAN``). A
row an import writes leaves its tag as it is signed (``remember_written``): it holds by
construction, as ``Verified.made`` says of the signature itself, so the first page that shows
the row need not check it again. A row changed in any way has other raw values and no tag.
"""

from __future__ import annotations

import marshal
from collections.abc import Mapping
from typing import Any

from kmdesk.core.store.row_classes import RecordRow
from kmdesk.core.store.rows import json_text
from kmdesk.core.trust.row_signing import Signer

NAMES = RecordRow.SELECT.removeprefix("SELECT ").split(" FROM ")[0].replace("records.", "").split(", ")
JSON = [name in RecordRow.JSON for name in NAMES]
CLEAN = b"kmdesk/v1/records-row-clean"
SEALED_CLEAN = b"kmdesk/v1/sealed-records-row-checked"


def raw(values: tuple[Any, ...]) -> bytes:
    """Every value whole, as bytes that differ whenever a value does: ``marshal``'s version 2
    (no back-references, so the same values give the same bytes) of plain str, bytes, int and
    None, written only, never read back; a fifth of ``repr``'s cost (bench/README.md, stop 23)."""
    return marshal.dumps(values, 2)


def tag(kind: bytes, library_id: str | None, signer_key: bytes | None, raw_values: bytes) -> tuple[bytes, ...]:
    return kind, (library_id or "").encode(), signer_key or b"", raw_values


def remember_written(signer: Signer, values: Mapping[str, Any]) -> None:
    """Remember the row ``signer`` just signed, whose ``values`` (every column, JSON ones as
    Python values) are inserted as they are (``bulk``): the raw values a page will read back."""
    if signer.verified is None or any(name not in values for name in NAMES):
        return  # a column left to its default: its value read back is not known here
    written = raw(tuple(json_text(values[name]) if is_json else values[name] for name, is_json in zip(NAMES, JSON, strict=True)))
    kind = CLEAN if values["sealed"] is None else SEALED_CLEAN
    signer.verified.remember(*tag(kind, signer.library_id, signer.verify_key, written))
