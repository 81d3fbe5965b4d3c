"""Drain a target's outbox: push what consent allows, retract what it no longer allows.

Failures are sorted the way DESIGN §5 asks: a rejected document is the record's problem (shown
on the record, not retried until the record changes); 5xx, 429, timeouts and dropped
connections are the network's (retried with exponential backoff and jitter, never sooner than
``Retry-After``); bad credentials, a wrong realm or address, or a read-only target stop the run
and keep everything queued (one configuration mistake must not mark every record rejected).
Every send is idempotent (the record's UUID is the remote identifier), so a retry after a lost
answer, or after the process was killed, never makes a second document.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from kmdesk.core.chm.errors import RecordRejected, SyncError, TransientError
from kmdesk.core.chm.status import cached_vocabularies, last_sync_key, thesaurus_key
from kmdesk.core.errors import Cancelled

if TYPE_CHECKING:
    from kmdesk.core.chm.outbox import Pending
    from kmdesk.core.store.library import Library

Progress = Callable[[int, int | None], None]


@dataclass
class Backoff:
    """Exponential backoff with full jitter. The cap is short because the failures it spaces
    out are a field link's: when the network comes back, no record should still be waiting out
    minutes of backoff (a server that wants a longer pause says so with ``Retry-After``)."""

    base: float = 1.0
    cap: float = 30.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, attempts: int, retry_after: float | None) -> float:
        """``attempts``: the tries that failed before this one. Never sooner than the server asked."""
        computed = self.rng.uniform(0, min(self.cap, self.base * 2 ** attempts))
        return max(computed, retry_after or 0.0)


@dataclass
class SyncReport:
    target: str
    pushed: int = 0
    retracted: int = 0
    rejected: int = 0
    not_eligible: int = 0
    remaining: int = 0
    stopped: str | None = None
    stopped_code: str | None = None  # the error's code, for faces that translate it
    stopped_params: dict[str, Any] = field(default_factory=dict)  # what the faces' words name (the realm, a URL)
    failures: list[dict[str, Any]] = field(default_factory=list)
    untrusted: list[dict[str, Any]] = field(default_factory=list)  # rows that failed their check: record, problem

    def as_dict(self) -> dict[str, Any]:
        return {"target": self.target, "pushed": self.pushed, "retracted": self.retracted, "rejected": self.rejected,
                "not_eligible": self.not_eligible, "remaining": self.remaining, "stopped": self.stopped,
                "stopped_code": self.stopped_code, "stopped_params": self.stopped_params, "failures": self.failures,
                "untrusted": self.untrusted}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def make_client(target: dict[str, Any]) -> Any:
    """The adapter for a target's kind, with its opened credentials and settings."""
    credentials = target["credentials"]
    if target["kind"] == "chm":
        from kmdesk.core.chm.chm_api import ChmClient
        from kmdesk.core.chm.chm_document import TargetSettings

        return ChmClient(target["url"], credentials.get("user", ""), credentials.get("password", ""),
                         TargetSettings.from_dict(target["settings"]))
    from kmdesk.core.chm.bioland import BiolandClient

    return BiolandClient(target["url"], username=credentials.get("user"), password=credentials.get("password"),
                         api_key=credentials.get("api_key"))


def run_sync(library: Library, target: str | None = None, *, client: Any = None, progress: Progress | None = None,
             cancel: Callable[[], bool] = lambda: False, sleep: Callable[[float], None] = time.sleep,
             backoff: Backoff | None = None, max_attempts: int = 20, max_wait: float = 120.0,
             retry_now: bool = False, clock: Callable[[], datetime] = _now) -> SyncReport:
    """Drain the outbox of one target. Waits for due retries inside the run up to ``max_wait``
    seconds in all; what is still queued after that (or after ``max_attempts`` tries in this
    run) stays queued for the next run. ``retry_now`` (a person pressed "Retry now") sends what
    is waiting out a backoff at once, in the first pass. The outcome is kept as the target's
    last sync. ``clock`` and ``sleep`` go together (a test runs the schedule on a simulated clock)."""
    report = _drain(library, target, client=client, progress=progress, cancel=cancel, sleep=sleep, backoff=backoff,
                    max_attempts=max_attempts, max_wait=max_wait, retry_now=retry_now, clock=clock)
    library.set_meta(last_sync_key(report.target), json.dumps({"at": clock().isoformat(timespec="seconds"), **report.as_dict()}))
    return report


def _drain(library: Library, target: str | None, *, client: Any, progress: Progress | None, cancel: Callable[[], bool],
           sleep: Callable[[float], None], backoff: Backoff | None, max_attempts: int, max_wait: float,
           retry_now: bool, clock: Callable[[], datetime]) -> SyncReport:
    settings = library.sync.target(target)
    client = client or make_client(settings)
    if hasattr(client, "fetch_vocabularies") and any(e.op == "push" for e in library.sync.entries(settings["name"])):
        client.vocabularies = vocabularies(library, client, settings["name"])  # only a push is checked against it
    backoff = backoff or Backoff()
    report = SyncReport(target=settings["name"])
    report.untrusted += library.sync.restore_retractions(settings["name"])
    doubt = library.sync.doubt() if any(e.op == "push" for e in library.sync.entries(settings["name"])) else None
    tries: dict[str, int] = {}
    waited = 0.0
    while True:
        entries = library.sync.entries(settings["name"])
        now = clock().isoformat()
        due = [e for e in entries if (retry_now or not e.next_attempt_at or e.next_attempt_at <= now)
               and tries.get(e.record_id, 0) < max_attempts]
        retry_now = False
        if not due:
            later = [e.next_attempt_at for e in entries if e.next_attempt_at and tries.get(e.record_id, 0) < max_attempts]
            if not later:
                break
            pause = max(0.0, (datetime.fromisoformat(min(later)) - clock()).total_seconds())
            if waited + pause > max_wait:
                break
            sleep(pause)
            waited += pause
            continue
        for done, entry in enumerate(due):
            if cancel():
                raise Cancelled()
            tries[entry.record_id] = tries.get(entry.record_id, 0) + 1
            try:
                _send(library, client, entry, report, doubt)
            except TransientError as exc:
                delay = backoff.delay(entry.attempts, exc.retry_after)
                library.sync.retry_later(entry, str(exc), (clock() + timedelta(seconds=delay)).isoformat())
            except RecordRejected as exc:
                library.sync.finish(entry, "failed", message=str(exc))
                report.rejected += 1
                report.failures.append({"record": entry.record_id, "reason": str(exc)})
            except SyncError as exc:  # credentials, realm, address, a read-only site: nothing can go, all stays queued
                report.stopped, report.stopped_code = str(exc), exc.code
                report.stopped_params = {k: v for k, v in exc.params.items() if isinstance(v, (str, int, float))}
                report.remaining = len(library.sync.entries(settings["name"]))
                return report
            if progress:
                progress(done + 1, len(due))
    report.remaining = len(library.sync.entries(settings["name"]))
    return report


def vocabularies(library: Library, client: Any, target: str) -> dict[str, list[str]] | None:
    """The target's thesaurus, refreshed when it answers and cached for offline runs; None when
    it never answered (the checks then use the vocabularies shipped with kmdesk)."""
    try:
        fresh: dict[str, list[str]] = client.fetch_vocabularies()
    except SyncError:
        return cached_vocabularies(library, target)
    library.set_meta(thesaurus_key(target), json.dumps(fresh))
    return fresh


def _send(library: Library, client: Any, entry: Pending, report: SyncReport, doubt: str | None) -> None:
    """One outbox entry sent; a push while consent is in doubt (``SyncManager.doubt``) is not."""
    if entry.op == "push":
        record, verdict = library.sync.outgoing(entry.record_id, entry.target)
        damaged = [entry.problem] if entry.problem else \
            [r.params.get("problem") for r in (verdict.reasons if record is not None else []) if r.code == "damaged"]
        if doubt and record is not None and not damaged:
            damaged = [f"record {entry.record_id} not pushed: {doubt}"]
        report.untrusted += [{"record": entry.record_id, "problem": problem} for problem in damaged]
        if record is None or not verdict.eligible or damaged:
            # consent lapsed, access changed, the record went while offline, or a row it depends
            # on failed its check: take it back down if it may be there, and say why it did not go.
            reasons = "record deleted" if record is None else "; ".join(damaged) or ", ".join(r.code for r in verdict.reasons)
            library.sync.note_attempt(entry.id)
            client.retract(entry.record_id)
            library.sync.finish(entry, "retracted" if record is None else "not_eligible", message=reasons)
            report.not_eligible += record is not None
            report.retracted += record is None
            return
        library.sync.note_attempt(entry.id)
        result = client.push(record)
        library.sync.finish(entry, "sent", message=getattr(result, "via", None),
                            remote_revision=str(getattr(result, "revision", "") or "sent"), pushed_revision=record["revision"])
        report.pushed += 1
    else:
        library.sync.note_attempt(entry.id)
        client.retract(entry.record_id)
        library.sync.finish(entry, "retracted")
        report.retracted += 1
