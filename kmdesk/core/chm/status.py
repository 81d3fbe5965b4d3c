"""What the sync panel and the record view show, gathered in one place so the GUI stays a face:
per target the last sync, the queue and the failures with their reasons; per record whether it
is shared, eligible (and why not), what the CHM document still lacks, and its remote status.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from kmdesk.core.chm import chm_document

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


def last_sync_key(target: str) -> str:
    return f"last_sync:{target}"


def cached_vocabularies(library: Library, target: str) -> dict[str, list[str]] | None:
    """The target's thesaurus as last fetched (None: never answered)."""
    cached = library.meta(thesaurus_key(target))
    return json.loads(cached) if cached else None


def thesaurus_key(target: str) -> str:
    return f"thesaurus:{target}"


def _title(titles: dict[str, dict[str, str]], record_id: str) -> str | None:
    """A record's title for the list; None for a deleted (or hidden) record."""
    return next(iter(titles.get(record_id, {}).values()), "") or None


def overview(library: Library) -> list[dict[str, Any]]:
    """One entry per target: its queue, its failures and the outcome of its last run."""
    queues = {t["name"]: (t, library.sync.entries(t["name"]), library.sync.failures(t["name"])) for t in library.sync.targets()}
    titles = library.records.titles({e.record_id for _t, pending, _f in queues.values() for e in pending}
                                    | {f["record"] for _t, _p, failures in queues.values() for f in failures})
    out = []
    for name, (target, pending, failures) in queues.items():
        last = library.meta(last_sync_key(name))
        out.append({"name": name, "kind": target["kind"], "url": target["url"],
                    "pending": [{"record": e.record_id, "title": _title(titles, e.record_id), "op": e.op,
                                 "attempts": e.attempts, "next_attempt_at": e.next_attempt_at, "last_error": e.last_error}
                                for e in pending],
                    "failures": [{**f, "title": _title(titles, f["record"])} for f in failures],
                    "last_sync": json.loads(last) if last else None})
    return out


def record_status(library: Library, record_id: str, targets: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Per target (all, or ``targets`` as ``library.sync.targets`` gives them, read once by a caller
    asking about many records): shared?, eligible and why not, what the CHM document lacks,
    which text parts it leaves out (not in a UN language), remote status."""
    states = {s["target"]: s for s in library.sync.states(record_id)}
    verdicts = library.sync.eligibility(record_id)
    targets = library.sync.targets() if targets is None else targets
    chm = next((t["name"] for t in targets if t["kind"] == "chm"), None)
    record = library.sync.outgoing(record_id, chm)[0] if chm else None  # as it would go out, read once
    out = []
    for target in targets:
        name = target["name"]
        verdict = verdicts.get(name, {"eligible": False, "reasons": []})
        state = states.get(name, {})
        problems: list[dict[str, str]] = []
        not_sent: list[str] = []
        sent_as = None
        if target["kind"] == "chm":
            # an id the CHM never accepts (^[A-Za-z0-9-_]{11,128}$) goes under a CHM-safe spelling: said at once
            safe = chm_document.chm_identifier(record_id)
            sent_as = safe if safe != record_id else None
            if record is not None and record["access"]["level"] == "public":  # only public records are ever mapped
                problems = chm_document.record_problems(record, chm_document.TargetSettings.from_dict(target["settings"]),
                                                        cached_vocabularies(library, name))
                not_sent = chm_document.not_sent(record)
        out.append({"target": name, "kind": target["kind"], "shared": state.get("shared", False),
                    "eligible": verdict["eligible"], "reasons": verdict["reasons"], "problems": problems, "not_sent": not_sent,
                    "sent_as": sent_as,
                    "status": state.get("status", "not_shared"), "message": state.get("message"),
                    "updated_at": state.get("updated_at")})
    return out
