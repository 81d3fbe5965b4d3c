"""Typed sync errors: who is at fault decides what the runner does (DESIGN §5)."""

from __future__ import annotations

from typing import Any

from kmdesk.core.errors import KmdeskError


class SyncError(KmdeskError):
    code = "sync_error"


class AuthFailed(SyncError):
    """Bad credentials: stop the run, keep everything queued."""

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
