"""The field-by-field merge of concurrent record edits, alone (no database): every device that
folds the same changes in the hub's order reaches the same state, and no value is lost."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from kmdesk.core.hub import merge

BASE = {name: None for name in merge.FIELDS} | {"title": {"en": "Seed exchange"}, "keywords": ["seed"]}


def patch(before: dict, after: dict) -> dict:
    return merge.make_patch(before, after)


def edited(**changes) -> dict:
    return {**BASE, **changes}


def test_edits_of_different_fields_both_apply():
    state = merge.fold(None, None, BASE, resolved=[], origin=["a", 1])
    state = merge.fold(state, patch(BASE, edited(title={"en": "Seed fair"})), {}, resolved=[], origin=["a", 2])
    state = merge.fold(state, patch(BASE, edited(keywords=["seed", "potato"])), {}, resolved=[], origin=["b", 3])
    assert state.content["title"] == {"en": "Seed fair"} and state.content["keywords"] == ["seed", "potato"]
    assert state.conflicts == {}


def test_the_same_field_changed_twice_keeps_both_values_with_their_devices():
    state = merge.fold(None, None, BASE, resolved=[], origin=["a", 1])
    state = merge.fold(state, patch(BASE, edited(title={"en": "Elders' title"})), {}, resolved=[], origin=["a", 2])
    state = merge.fold(state, patch(BASE, edited(title={"en": "Fishers' title"})), {}, resolved=[], origin=["b", 3])
    assert state.content["title"] == {"en": "Fishers' title"}  # the later in the hub's order is shown
    assert state.conflicts["title"] == [{"value": {"en": "Elders' title"}, "device": "a", "hub_seq": 2},
                                        {"value": {"en": "Fishers' title"}, "device": "b", "hub_seq": 3}]
    resolved = merge.fold(state, {}, {}, resolved=["title"], origin=["c", 4])
    assert resolved.conflicts == {}


def test_an_edit_made_after_seeing_another_is_no_conflict():
    state = merge.fold(None, None, BASE, resolved=[], origin=["a", 1])
    first = edited(title={"en": "Seed fair"})
    state = merge.fold(state, patch(BASE, first), {}, resolved=[], origin=["a", 2])
    state = merge.fold(state, patch(first, edited(title={"en": "Seed fair 2024"})), {}, resolved=[], origin=["b", 3])
    assert state.conflicts == {} and state.content["title"] == {"en": "Seed fair 2024"}


def test_a_deletion_and_an_edit_made_at_once_keep_the_record_flagged():
    state = merge.fold(None, None, BASE, resolved=[], origin=["a", 1])
    deleted = merge.fold(state, None, {}, resolved=[], origin=["a", 2], delete=True)
    assert deleted.deleted
    revived = merge.fold(deleted, patch(BASE, edited(summary={"en": "kept"})), {}, resolved=[], origin=["b", 3])
    assert not revived.deleted and revived.content["summary"] == {"en": "kept"}
    assert [e["value"] for e in revived.conflicts[merge.DELETED]] == ["deleted", "kept"]
    flagged = merge.concurrent_delete(state, ["c", 4])
    assert [e["value"] for e in flagged.conflicts[merge.DELETED]] == ["kept", "deleted"]


def test_a_local_edit_stays_over_the_folded_state_until_it_comes_back():
    before = BASE
    after = edited(title={"en": "From another device"}, summary={"en": "theirs"})
    mine = edited(summary={"en": "mine"})
    assert merge.rebase(mine, before, after) == edited(title={"en": "From another device"}, summary={"en": "mine"})
    assert merge.touched(mine, before, after) == ["summary"]


values = st.sampled_from([{"en": "one"}, {"en": "two"}, {"en": "three"}, None])
# (device, field, value); a field of None: that device syncs (folds every change sent so far)
edits = st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["title", "summary", "body", None]), values),
                 min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(edits)
def test_devices_folding_the_same_changes_agree_and_lose_nothing(script):
    """Three devices start from one state; each makes its edits on what it has seen (a device
    sees the others' changes only by folding them); every change goes to the hub in one order.
    Folding that order gives one state, and every change's value is either shown or kept in a
    conflict, unless a later change made on top of that value replaced it."""
    start = merge.fold(None, None, BASE, resolved=[], origin=["hub", 0])
    log: list[tuple[int, dict, None]] = []  # (device, patch) in the hub's order
    seen: dict[int, merge.State] = {device: start for device in range(3)}
    for device, name, value in script:
        if name is None:  # a sync: the hub's changes so far, folded in its order, with its own edits on top
            synced = start
            for seq, (who, change, _none) in enumerate(log, 1):
                synced = merge.fold(synced, change, {}, resolved=[], origin=[str(who), seq])
            mine = seen[device].content
            seen[device] = merge.State(merge.rebase(mine, mine, synced.content), synced.conflicts, synced.origins)
            continue
        base = seen[device].content
        new = {**base, name: value}
        log.append((device, merge.make_patch(base, new), None))
        seen[device] = merge.fold(seen[device], merge.make_patch(base, new), {}, resolved=[], origin=[str(device), len(log)])
    final = start
    for seq, (device, change, _known) in enumerate(log, 1):
        final = merge.fold(final, change, {}, resolved=[], origin=[str(device), seq])
    again = start
    for seq, (device, change, _known) in enumerate(log, 1):
        again = merge.fold(again, change, {}, resolved=[], origin=[str(device), seq])
    assert again.to_json() == final.to_json()
    for seq, (_device, change, _known) in enumerate(log, 1):
        for name, entry in change.items():
            replaced = merge.value_hash(entry["value"])  # a later edit made on top of this very value
            later = [s for s, (_d, c, _k) in enumerate(log, 1) if s > seq and name in c and c[name]["base"] == replaced]
            kept = [final.content[name]] + [e["value"] for e in final.conflicts.get(name, [])]
            assert later or entry["value"] in kept, (seq, name)


def test_patches_name_only_changed_fields_with_the_hash_of_what_they_replace():
    after = edited(title={"en": "Seed fair"})
    assert patch(BASE, after) == {"title": {"base": merge.value_hash({"en": "Seed exchange"}), "value": {"en": "Seed fair"}}}
    everything = merge.make_patch(None, after)
    assert set(everything) == set(merge.FIELDS) and all(e["base"] is None for e in everything.values())
    assert list(itertools.islice(merge.FIELDS, 3)) == ["title", "summary", "body"]
