"""The audit hash chain: any edit, deletion or reordering is found, at the right place."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmdesk.core.trust import audit
from kmdesk.core.trust.audit import GENESIS, AuditEvent


def chain(n: int = 6) -> list[tuple[AuditEvent, str]]:
    out, prev = [], GENESIS
    for seq in range(1, n + 1):
        event = AuditEvent(seq=seq, at=f"2025-06-15T10:00:{seq:02d}+00:00", actor="Aiyana", action="view",
                           target=f"record-{seq}", details={"access": "restricted", "n": seq, "scope": ["share_chm"]})
        prev = audit.event_hash(prev, event)
        out.append((event, prev))
    return out


def test_intact_chain_and_empty_log():
    assert audit.verify_chain(chain()) == audit.VerifyResult(True, None, None)
    assert audit.verify_chain([]).ok


def test_hash_is_stable_through_a_json_column():
    event, stored = chain(1)[0]
    reloaded = AuditEvent(**json.loads(json.dumps(dataclasses.asdict(event))))
    assert audit.event_hash(GENESIS, reloaded) == stored and len(stored) == 64
    # key order of details does not matter, unicode survives
    a = AuditEvent(1, "t", "Tupaq Quispe Ñ", "x", "", {"b": 1, "a": "é"})
    b = AuditEvent(1, "t", "Tupaq Quispe Ñ", "x", "", {"a": "é", "b": 1})
    assert audit.event_hash(GENESIS, a) == audit.event_hash(GENESIS, b)


@pytest.mark.parametrize("field, value", [("actor", "someone else"), ("action", "export"), ("target", "record-99"),
                                          ("at", "2030-01-01T00:00:00+00:00"), ("details", {"access": "public", "n": 3, "scope": ["share_chm"]})])
def test_edit_of_any_field_is_found(field, value):
    events = chain()
    event, stored = events[2]
    events[2] = (dataclasses.replace(event, **{field: value}), stored)
    assert audit.verify_chain(events) == audit.VerifyResult(False, 3, "edited")


def test_edited_hash_is_found():
    events = chain()
    events[4] = (events[4][0], "f" * 64)
    assert audit.verify_chain(events) == audit.VerifyResult(False, 5, "edited")


def test_edit_with_a_recomputed_hash_still_breaks_the_next_link():
    events = chain()
    edited = dataclasses.replace(events[1][0], actor="someone else")
    events[1] = (edited, audit.event_hash(events[0][1], edited))
    assert audit.verify_chain(events) == audit.VerifyResult(False, 3, "edited")


def test_deletions_are_found():
    events = chain()
    assert audit.verify_chain(events[:3] + events[4:]) == audit.VerifyResult(False, 4, "deleted")
    assert audit.verify_chain(events[1:]) == audit.VerifyResult(False, 1, "deleted")
    renumbered = [(dataclasses.replace(e, seq=e.seq - 1) if e.seq > 4 else e, h) for e, h in events[:3] + events[4:]]
    assert audit.verify_chain(renumbered) == audit.VerifyResult(False, 4, "edited")  # renumbering is an edit


def test_reordering_is_found():
    events = chain()
    events[2], events[3] = events[3], events[2]
    assert audit.verify_chain(events) == audit.VerifyResult(False, 3, "reordered")
    events = chain()
    assert audit.verify_chain(events[1:] + events[:1]) == audit.VerifyResult(False, 1, "reordered")
    assert audit.verify_chain(events[:4] + [events[2]] + events[4:]) == audit.VerifyResult(False, 3, "reordered")
    # swapping the contents of two rows but keeping each row's seq (what an edit of the rows does)
    events = chain()
    a, b = events[2], events[3]
    events[2] = (dataclasses.replace(b[0], seq=3), b[1])
    events[3] = (dataclasses.replace(a[0], seq=4), a[1])
    assert audit.verify_chain(events) == audit.VerifyResult(False, 3, "edited")


def test_details_undecodable_after_tampering_is_an_edit():
    events = chain()
    events[1] = (dataclasses.replace(events[1][0], details={"x": float("nan")}), events[1][1])
    assert audit.verify_chain(events) == audit.VerifyResult(False, 2, "edited")


@pytest.mark.parametrize("details", [{"title": {"en": "Seed selection"}}, {"record": {"id": 1}}, {1: "x"}, {"x": [{"a": 1}]}])
def test_details_hold_ids_codes_and_counts_only(details):
    with pytest.raises(ValueError):
        audit.event_hash(GENESIS, AuditEvent(1, "t", "a", "view", "r", details))


@settings(max_examples=200, deadline=None)
@given(n=st.integers(2, 12), data=st.data())
def test_any_single_tampering_is_caught(n, data):
    events = chain(n)
    index = data.draw(st.integers(0, n - 1))
    kind = data.draw(st.sampled_from(["edit", "delete", "swap"]))
    if kind == "edit":
        events[index] = (dataclasses.replace(events[index][0], target="elsewhere"), events[index][1])
        first_bad = index + 1
    elif kind == "delete":
        del events[index]
        first_bad = index + 1
        if index == n - 1:  # cutting the tail leaves a valid shorter chain: documented limit
            assert audit.verify_chain(events).ok
            return
    else:
        other = data.draw(st.integers(0, n - 1).filter(lambda i: i != index))
        events[index], events[other] = events[other], events[index]
        first_bad = min(index, other) + 1
    result = audit.verify_chain(events)
    assert not result.ok and result.first_bad_seq == first_bad
    assert result.problem == {"edit": "edited", "delete": "deleted", "swap": "reordered"}[kind]
