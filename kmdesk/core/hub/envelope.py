"""The change envelope: what one replicated change says, the exact bytes signed, and their check.

A change names its library, the device that made it and that device's sequence, what it is
about (kind and key), the operation and its data, and the profile that signed it. The body is
the canonical JSON of all of that (``aead.canonical``); the signature is the profile's Ed25519
key over the body, behind its own domain string, so no other kind of signature verifies as a
change. The hub's columns repeat some of it for its indexes and row-level security; a device
believes only the signed body, and refuses a row whose columns disagree with it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kmdesk.core.hub.errors import Refused
from kmdesk.core.hub.server import HubRow
from kmdesk.core.trust import aead, signatures

VERSION = 1
DOMAIN = b"kmdesk/v1/hub-change\n"
KINDS = ("community", "profile", "protocol", "membership", "record", "attachment", "history", "consent")
OPS = ("put", "delete")


@dataclass
class Change:
    library: str
    device: str
    seq: int
    kind: str
    key: str
    op: str
    signer: str
    data: dict[str, Any]
    hub_seq: int = 0

    def body(self) -> bytes:
        return aead.canonical({"v": VERSION, "library": self.library, "device": self.device, "seq": self.seq,
                               "kind": self.kind, "key": self.key, "op": self.op, "signer": self.signer,
                               "data": self.data})


def sign(change: Change, signing_key: bytes) -> tuple[bytes, bytes]:
    """(body, signature) of ``change`` under the signing profile's Ed25519 key."""
    body = change.body()
    return body, signatures.sign(signing_key, DOMAIN + body)


def verify(row: HubRow, library_id: str, verify_key: Callable[[str], bytes | None]) -> Change:
    """The change in a hub row, if its body is well formed, matches the row, belongs to this
    library and carries a valid signature of a profile this library certifies; else ``Refused``
    saying which. ``verify_key`` gives a certified profile's key by name (None: not certified)."""
    try:
        body = json.loads(row.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Refused("its body is not a change (altered on the hub)") from None
    if not isinstance(body, dict) or body.get("v") != VERSION or not isinstance(body.get("data"), dict):
        raise Refused("its body is not a change this kmdesk reads")
    change = Change(library=str(body.get("library")), device=str(body.get("device")), seq=_int(body.get("seq")),
                    kind=str(body.get("kind")), key=str(body.get("key")), op=str(body.get("op")),
                    signer=str(body.get("signer")), data=body["data"], hub_seq=row.hub_seq)
    if (change.device, change.seq, change.kind, change.key, change.op, change.signer) != (
            row.device_id, row.device_seq, row.kind, row.key, row.op, row.signer):
        raise Refused("the hub's columns do not match what was signed (moved or renamed on the hub)")
    if change.library != library_id:
        raise Refused(f"it belongs to another library ({change.library})")
    if change.kind not in KINDS or change.op not in OPS:
        raise Refused(f"unknown kind or operation ({change.kind} {change.op})")
    key = verify_key(change.signer)
    if key is None:
        raise Refused(f"it is signed by {change.signer}, a profile this library does not certify")
    if not signatures.verify(key, row.signature, DOMAIN + row.body):
        raise Refused(f"its signature by {change.signer} does not verify (altered on the hub)")
    return change


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused("its sequence is not a number")
    return value
