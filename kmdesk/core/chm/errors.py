"""Typed sync errors: who is at fault decides what the runner does (DESIGN §5)."""

from __future__ import annotations

from typing import Any

from kmdesk.core.errors import KmdeskError


class SyncError(KmdeskError):
    code = "sync_error"


class AuthFailed(SyncError):
    """Bad credentials: stop the run, keep everything queued. ``params`` carry the HTTP
    ``status`` and, for a sign-in, the ``url`` that refused it, for the faces to say."""

    code = "auth_failed"


class RecordRejected(SyncError):
    """The target refused the document (validation): the record's problem, not retried until
    the record changes."""

    code = "record_rejected"

    def __init__(self, errors: list[dict[str, Any]], message: str | None = None) -> None:
        self.errors = errors
        text = message or "rejected: " + ", ".join(f"{e.get('code', '?')} {e.get('property', '')}".strip() for e in errors)
        super().__init__(text, errors=errors)


class TransientError(SyncError):
    """5xx, 429, timeouts, dropped connections: the network's problem, retried with backoff."""

    code = "transient"

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message, retry_after=retry_after)
        self.retry_after = retry_after


class TargetReadOnly(SyncError):
    """A Bioland site that keeps JSON:API read-only (405): say so, keep the record queued."""

    code = "target_read_only"


class TargetMisconfigured(SyncError):
    code = "target_misconfigured"


class UnknownRealm(TargetMisconfigured):
    """The CHM does not know the target's realm (HTTP 400 "Realm header missing or unknown"):
    every call would fail alike, so the run stops and the queue is kept; ``realm`` names it."""

    code = "unknown_realm"

    def __init__(self, message: str, *, realm: str, status: int) -> None:
        super().__init__(message, realm=realm, status=status)
        self.realm = realm
