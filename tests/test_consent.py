"""Consent, access and the sharing rule: explicit cases for every state and reason, and an
independently written oracle that hypothesis checks the rule against."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.trust import consent as c
from kmdesk.core.trust.consent import ConsentState, Viewer

TODAY = date(2025, 6, 15)
VOCAB = {
    "TK A": {"sharing": "allows"},
    "TK SS": {"sharing": "forbids"},
    "TK CO": {"sharing": "forbids"},
    "BC CV": {"sharing": "restricts"},
    "TK NC": {"sharing": "restricts"},
    "BC R": {},  # an entry that does not say: blocks
}


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


def grant(given: int | None = -100, expires: int | None = None, withdrawn: int | None = None,
          scope: tuple[str, ...] = ("share_chm",)) -> dict:
    return {"granted_by": "Ayllu assembly", "scope": list(scope),
            "given_on": None if given is None else day(given),
            "expires_on": None if expires is None else day(expires),
            "withdrawn_on": None if withdrawn is None else day(withdrawn)}


def record(type_: str = "traditional_knowledge", level: str = "public", consents: list | None = None,
           labels: list | None = None, community: str | None = None) -> dict:
    return {"type": type_, "community": community, "access": {"level": level, "protocols": [], "sharing": "all"},
            "labels": labels or [], "consents": consents or []}


def codes(rec: dict, selected: bool = True) -> list[str]:
    return [r.code for r in c.sharing_eligibility(rec, selected=selected, today=TODAY, label_vocab=VOCAB).reasons]


# -- consent state ---------------------------------------------------------------------------
@pytest.mark.parametrize("consents, state", [
    ([], ConsentState.NONE),
    ([grant()], ConsentState.VALID),
    ([grant(given=None)], ConsentState.VALID),  # undated: counts, as the oldest
    ([grant(expires=31)], ConsentState.VALID),
    ([grant(expires=30)], ConsentState.EXPIRING_SOON),
    ([grant(expires=1)], ConsentState.EXPIRING_SOON),
    ([grant(expires=0)], ConsentState.EXPIRED),  # not valid on its expiry day
    ([grant(expires=-5)], ConsentState.EXPIRED),
    ([grant(given=1)], ConsentState.NONE),  # given tomorrow: not valid yet
    ([grant(given=0)], ConsentState.VALID),
    ([grant(withdrawn=-1)], ConsentState.WITHDRAWN),
    ([grant(withdrawn=0)], ConsentState.WITHDRAWN),
    ([grant(withdrawn=10)], ConsentState.VALID),  # a withdrawal dated later takes effect later
    ([grant(expires=-5, withdrawn=-10)], ConsentState.WITHDRAWN),
    ([grant(-300, expires=-200), grant(-100)], ConsentState.VALID),  # renewed
    ([grant(-300), grant(-100, expires=-1)], ConsentState.EXPIRED),  # the latest decides
    ([grant(-300, withdrawn=-50), grant(-10)], ConsentState.VALID),  # re-granted after a withdrawal
    ([grant(-300), grant(-100, withdrawn=-50, scope=("research",))], ConsentState.WITHDRAWN),  # withdrawal revokes all before it
    ([grant(-50), grant(-300, withdrawn=-10)], ConsentState.WITHDRAWN),
    ([grant(-300, withdrawn=-50), grant(-50)], ConsentState.WITHDRAWN),  # same day: the withdrawal wins
    ([grant(-300, withdrawn=-50), grant(1)], ConsentState.WITHDRAWN),  # future re-grant not yet
])
def test_consent_state(consents, state):
    assert c.consent_state(consents, TODAY) is state


def test_soon_days_is_a_parameter():
    assert c.consent_state([grant(expires=40)], TODAY, soon_days=60) is ConsentState.EXPIRING_SOON
    assert c.consent_state([grant(expires=40)], TODAY, soon_days=10) is ConsentState.VALID


def test_unreadable_dates_count_against_sharing():
    assert c.consent_state([{**grant(), "expires_on": "someday"}], TODAY) is ConsentState.EXPIRED
    assert c.consent_state([{**grant(), "given_on": "last spring"}], TODAY) is ConsentState.NONE
    assert c.consent_state([{**grant(), "withdrawn_on": "??"}], TODAY) is ConsentState.WITHDRAWN
    assert c.consent_state([{**grant(), "withdrawn_by": "elders"}], TODAY) is ConsentState.WITHDRAWN


def test_dates_may_be_date_objects_or_timestamps():
    assert c.consent_state([{"scope": ["share_chm"], "given_on": TODAY, "expires_on": "2025-06-20T00:00:00+00:00"}],
                           TODAY) is ConsentState.EXPIRING_SOON


def test_current_scopes():
    assert c.current_scopes([grant(scope=("research", "share_chm"))], TODAY) == {"research", "share_chm"}
    assert c.current_scopes([grant(scope=("research", "share_chm")), grant(-10, scope=("view_community",))], TODAY) == {"view_community"}
    assert c.current_scopes([grant(expires=-1)], TODAY) == set()
    assert c.current_scopes([grant(withdrawn=-1)], TODAY) == set()
    assert c.current_scopes([grant(expires=3)], TODAY) == {"share_chm"}  # expiring soon is still in force


# -- normalize -------------------------------------------------------------------------------
def test_normalize_consent_canonical_shape():
    clean = c.normalize_consent({"granted_by": " Council of elders ", "scope": ["share_chm", "research"],
                                 "given_on": "2023-03-12", "expires_on": date(2026, 3, 12), "witnesses": ["Rosa", " "],
                                 "form": "community_assembly", "recorded_at": "2023-03-13T10:00:00+00:00"})
    assert clean["granted_by"] == "Council of elders"
    assert clean["scope"] == ["share_chm", "research"]
    assert clean["expires_on"] == "2026-03-12" and clean["withdrawn_on"] is None and clean["witnesses"] == ["Rosa"]
    assert clean["recorded_at"] == "2023-03-13T10:00:00+00:00" and "evidence" not in clean
    assert c.normalize_consent(clean) == clean


@pytest.mark.parametrize("data, field", [
    ({"scope": ["share_chm"]}, "consent.granted_by"),
    ({"granted_by": "x"}, "consent.scope"),
    ({"granted_by": "x", "scope": []}, "consent.scope"),
    ({"granted_by": "x", "scope": "share_chm"}, "consent.scope"),
    ({"granted_by": "x", "scope": ["sell_everything"]}, "consent.scope"),
    ({"granted_by": "x", "scope": ["research"], "form": "telepathy"}, "consent.form"),
    ({"granted_by": "x", "scope": ["research"], "given_on": "12/03/2023"}, "consent.given_on"),
    ({"granted_by": "x", "scope": ["research"], "given_on": "2023-03-12", "expires_on": "2023-03-01"}, "consent.expires_on"),
    ({"granted_by": "x", "scope": ["research"], "withdrawn_by": "elders"}, "consent.withdrawn_on"),
    ({"granted_by": "x", "scope": ["research"], "witnesses": "Rosa"}, "consent.witnesses"),
    ({"granted_by": 7, "scope": ["research"]}, "consent.granted_by"),
    ({"granted_by": "x", "scope": ["research"], "colour": "red"}, "consent.colour"),
])
def test_normalize_consent_refuses(data, field):
    with pytest.raises(InvalidRecord) as info:
        c.normalize_consent(data)
    assert info.value.params["field"] == field


# -- the sharing rule: explicit --------------------------------------------------------------
def test_eligible_tk_with_consent():
    verdict = c.sharing_eligibility(record(consents=[grant()]), selected=True, today=TODAY, label_vocab=VOCAB)
    assert verdict.eligible and verdict.reasons == []


def test_each_reason_alone():
    assert codes(record(consents=[grant()]), selected=False) == ["not_selected"]
    assert codes(record(level="community", consents=[grant()])) == ["not_public"]
    assert codes(record(level="sacred", consents=[grant()])) == ["sacred_never"]
    assert codes(record()) == ["needs_consent"]
    assert codes(record(consents=[grant(given=5)])) == ["needs_consent"]
    assert codes(record(consents=[grant(expires=-1)])) == ["consent_expired"]
    assert codes(record(consents=[grant(withdrawn=-1)])) == ["consent_withdrawn"]
    assert codes(record(consents=[grant(scope=("research",))])) == ["consent_not_covering"]
    assert codes(record(consents=[grant()], labels=["TK SS"])) == ["label_forbids"]


def test_reason_params_for_the_words():
    verdict = c.sharing_eligibility(record(level="restricted", consents=[grant(expires=-1)], labels=["TK CO", "TK A", "TK SS"]),
                                    selected=True, today=TODAY, label_vocab=VOCAB)
    assert [(r.code, r.params) for r in verdict.reasons] == [
        ("not_public", {"level": "restricted"}), ("consent_expired", {"expires_on": day(-1)}),
        ("label_forbids", {"label": "TK CO"}), ("label_forbids", {"label": "TK SS"})]
    verdict = c.sharing_eligibility(record(consents=[grant(withdrawn=-3)]), selected=True, today=TODAY, label_vocab=VOCAB)
    assert verdict.reasons[0].params == {"withdrawn_on": day(-3)}
    verdict = c.sharing_eligibility(record(consents=[grant(scope=("research", "commercial"))]), selected=True, today=TODAY, label_vocab=VOCAB)
    assert verdict.reasons[0].params == {"scopes": ["commercial", "research"]}


def test_every_failing_reason_is_listed():
    assert codes(record(level="sacred", labels=["TK SS"]), selected=False) == ["not_selected", "sacred_never", "needs_consent", "label_forbids"]


def test_who_needs_consent():
    assert codes(record(type_="resource")) == []  # a published guide needs none
    assert codes(record(type_="practice")) == []
    assert codes(record(type_="practice", community="Ayllu Chawaytire")) == ["needs_consent"]
    assert codes(record(type_="resource", labels=["TK A"])) == ["needs_consent"]  # a TK label says it is TK
    assert codes(record(type_="resource", labels=["BC CV"])) == []  # a BC label does not


def test_labels():
    assert c.label_blocks_sharing(["TK A", "BC CV", "TK NC"], VOCAB) == []
    assert c.label_blocks_sharing(["TK SS", "TK A", "TK SS"], VOCAB) == ["TK SS"]
    assert c.label_blocks_sharing(["TK Unknown", "BC R"], VOCAB) == ["TK Unknown", "BC R"]  # cannot vouch: block
    assert codes(record(type_="resource", labels=["BC R"])) == ["label_forbids"]


def test_consent_expiring_soon_still_shares():
    assert codes(record(consents=[grant(expires=2)])) == []


def test_withdrawal_after_sync_makes_record_ineligible_again():
    rec = record(consents=[grant(-100, withdrawn=20)])
    assert c.sharing_eligibility(rec, selected=True, today=TODAY, label_vocab=VOCAB).eligible
    later = c.sharing_eligibility(rec, selected=True, today=TODAY + timedelta(days=20), label_vocab=VOCAB)
    assert [r.code for r in later.reasons] == ["consent_withdrawn"]


# -- the sharing rule: against an oracle -----------------------------------------------------
def oracle_state(consents: list[dict], today: date) -> tuple[str, dict | None]:
    """Replay grants and withdrawals in date order: a grant puts its consent in force, a
    withdrawal clears whatever is in force. Same-day withdrawals come after grants."""
    events = []
    for index, item in enumerate(consents):
        given = date.fromisoformat(item["given_on"]) if item["given_on"] else date.min
        if given <= today:
            events.append((given, 0, index, item))
        if item["withdrawn_on"] and date.fromisoformat(item["withdrawn_on"]) <= today:
            events.append((date.fromisoformat(item["withdrawn_on"]), 1, index, None))
    in_force, ever_withdrawn = None, False
    for _, kind, _, item in sorted(events, key=lambda e: e[:3]):
        in_force = item
        ever_withdrawn = ever_withdrawn or kind == 1
    if in_force is None:
        return ("withdrawn" if ever_withdrawn else "none"), None
    if in_force["expires_on"] and date.fromisoformat(in_force["expires_on"]) <= today:
        return "expired", in_force
    return "in_force", in_force


def oracle(rec: dict, selected: bool, today: date) -> tuple[bool, set[str]]:
    level = rec["access"]["level"]
    is_tk = rec["type"] == "traditional_knowledge" or bool(rec["community"]) or any(l.startswith("TK ") for l in rec["labels"])
    state, in_force = oracle_state(rec["consents"], today)
    covered = state == "in_force" and "share_chm" in in_force["scope"]
    forbidding = [l for l in rec["labels"] if VOCAB.get(l, {}).get("sharing") not in ("allows", "restricts")]
    eligible = selected and level == "public" and (not is_tk or covered) and not forbidding
    expected = set()
    if not selected:
        expected.add("not_selected")
    if level == "sacred":
        expected.add("sacred_never")
    if level in ("community", "restricted"):
        expected.add("not_public")
    if is_tk and not covered:
        expected.add({"none": "needs_consent", "withdrawn": "consent_withdrawn", "expired": "consent_expired",
                      "in_force": "consent_not_covering"}[state])
    if forbidding:
        expected.add("label_forbids")
    return eligible, expected


offsets = st.one_of(st.none(), st.integers(-60, 60))
consents_st = st.lists(st.builds(
    lambda g, e, w, scope: {"granted_by": "x", "scope": sorted(scope),
                            "given_on": None if g is None else day(g),
                            "expires_on": None if e is None or g is None else day(g + abs(e) + 1),
                            "withdrawn_on": None if w is None else day(w)},
    offsets, offsets, offsets, st.sets(st.sampled_from(c.SCOPES), min_size=1)), max_size=4)
records_st = st.builds(
    lambda t, community, level, labels, consents: record(t, level, consents, labels, community),
    st.sampled_from(["traditional_knowledge", "practice", "resource", "person", "event"]),
    st.sampled_from([None, "", "Ayllu Chawaytire"]),
    st.sampled_from(c.LEVELS),
    st.lists(st.sampled_from([*VOCAB, "TK Unknown", "BC Other"]), unique=True, max_size=3),
    consents_st)


@settings(max_examples=600, deadline=None)
@given(rec=records_st, selected=st.booleans(), shift=st.integers(-40, 40))
def test_sharing_rule_matches_the_oracle(rec, selected, shift):
    today = TODAY + timedelta(days=shift)
    verdict = c.sharing_eligibility(rec, selected=selected, today=today, label_vocab=VOCAB)
    eligible, expected = oracle(rec, selected, today)
    assert verdict.eligible == eligible
    assert verdict.eligible == (not verdict.reasons)
    assert {r.code for r in verdict.reasons} == expected
    assert [r.code for r in verdict.reasons].count("label_forbids") == len(
        [l for l in rec["labels"] if VOCAB.get(l, {}).get("sharing") not in ("allows", "restricts")])


@settings(max_examples=400, deadline=None)
@given(consents=consents_st, shift=st.integers(-40, 40))
def test_consent_state_matches_the_oracle(consents, shift):
    today = TODAY + timedelta(days=shift)
    state, in_force = oracle_state(consents, today)
    got = c.consent_state(consents, today)
    if state == "in_force":
        expires = in_force["expires_on"]
        soon = expires is not None and (date.fromisoformat(expires) - today).days <= 30
        assert got is (ConsentState.EXPIRING_SOON if soon else ConsentState.VALID)
        assert c.current_scopes(consents, today) == set(in_force["scope"])
    else:
        assert got.value == state
        assert c.current_scopes(consents, today) == set()


# -- who may see and edit -------------------------------------------------------------------
ROSA = Viewer("Rosa", frozenset({"contributor"}), frozenset({"Weavers"}), frozenset({"Ayllu"}))
AIYANA = Viewer("Aiyana", frozenset({"custodian"}), frozenset({"Weavers", "Healers"}), frozenset({"Ayllu"}))
MEI = Viewer("Mei", frozenset({"viewer"}))
KINDS = {"Weavers": "strict", "Healers": "strict", "Festival": "open"}


def access(level: str, protocols: tuple[str, ...] = (), sharing: str = "all", custodians: tuple[str, ...] = ()) -> dict:
    return {"level": level, "protocols": list(protocols), "sharing": sharing, "custodians": list(custodians)}


@pytest.mark.parametrize("acc, community, visible_to", [
    (access("public"), None, {None, "Rosa", "Aiyana", "Mei"}),
    (access("community"), "Ayllu", {"Rosa", "Aiyana"}),
    (access("community"), "Another ayllu", set()),
    (access("community"), None, set()),
    (access("community", custodians=("Aiyana",)), "Another ayllu", {"Aiyana"}),
    (access("restricted", ("Weavers",)), "Ayllu", {"Rosa", "Aiyana"}),
    (access("restricted", ("Weavers", "Healers"), "all"), "Ayllu", {"Aiyana"}),
    (access("restricted", ("Weavers", "Healers"), "any"), "Ayllu", {"Rosa", "Aiyana"}),
    (access("restricted", ("Festival",)), "Ayllu", {"Rosa", "Aiyana", "Mei"}),  # open: every profile, not the locked app
    (access("restricted", ("Festival", "Healers"), "all"), "Ayllu", {"Aiyana"}),
    (access("restricted", ("Unknown protocol",)), "Ayllu", set()),  # unknown kind: strict
    (access("restricted", ()), "Ayllu", set()),
    (access("sacred", custodians=("Aiyana",)), "Ayllu", {"Aiyana"}),
    (access("sacred", custodians=("Rosa",)), "Ayllu", set()),  # named, but not a custodian any more
    (access("sacred"), "Ayllu", set()),
    (access("secret"), "Ayllu", set()),
])
def test_can_view(acc, community, visible_to):
    for viewer in (None, ROSA, AIYANA, MEI):
        name = viewer.name if viewer else None
        assert c.can_view(viewer, acc, community, KINDS) == (name in visible_to), name


def test_can_edit():
    assert c.can_edit(ROSA, access("restricted", ("Weavers",)), "Ayllu", KINDS)
    assert not c.can_edit(MEI, access("public"), None, KINDS)  # viewers only view
    assert not c.can_edit(None, access("public"), None, KINDS)
    assert c.can_edit(ROSA, access("public"), None, KINDS)
    assert not c.can_edit(ROSA, access("restricted", ("Festival",)), "Ayllu", KINDS)  # open to read, not to edit
    assert c.can_edit(AIYANA, access("sacred", custodians=("Aiyana",)), "Ayllu", KINDS)
    assert not c.can_edit(ROSA, access("sacred", custodians=("Aiyana",)), "Ayllu", KINDS)


def test_an_editor_never_drops_what_they_cannot_see():
    assert c.protocols_editor_may_drop(ROSA, ["Weavers", "Healers"]) == {"Weavers"}
    assert c.protocols_editor_may_drop(None, ["Weavers"]) == set()
    assert c.check_protocol_change(ROSA, ["Weavers", "Healers"], ["Healers"]) == []
    problems = c.check_protocol_change(ROSA, ["Weavers", "Healers"], ["Weavers", "Festival"])
    assert len(problems) == 2 and "remove protocol 'Healers'" in problems[1] and "apply protocol 'Festival'" in problems[0]
    assert c.check_protocol_change(AIYANA, ["Weavers", "Healers"], []) == []
    assert c.check_protocol_change(None, ["Weavers"], ["Weavers"]) == []
    assert c.check_protocol_change(None, ["Weavers"], []) != []


@settings(max_examples=300, deadline=None)
@given(level=st.sampled_from([*c.LEVELS, "other"]), protocols=st.lists(st.sampled_from(list(KINDS)), unique=True, max_size=3),
       sharing=st.sampled_from(["all", "any"]), custodians=st.lists(st.sampled_from(["Rosa", "Aiyana", "Mei"]), unique=True))
def test_locked_sees_only_public_and_sacred_only_custodians(level, protocols, sharing, custodians):
    acc = {"level": level, "protocols": protocols, "sharing": sharing, "custodians": custodians}
    assert c.can_view(None, acc, "Ayllu", KINDS) == (level == "public")
    if level == "sacred":
        for viewer in (ROSA, AIYANA, MEI):
            assert c.can_view(viewer, acc, "Ayllu", KINDS) == ("custodian" in viewer.roles and viewer.name in custodians)
    for viewer in (ROSA, AIYANA, MEI):
        if c.can_edit(viewer, acc, "Ayllu", KINDS):
            assert c.can_view(viewer, acc, "Ayllu", KINDS) and viewer.roles & {"custodian", "contributor"}
