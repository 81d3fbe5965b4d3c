"""The dashboard's figures (counted in SQLite's JSON arrays, consent histories folded once per
distinct history) against a plain recount in Python, record by record, on a generated library
that holds every edge: each access level, sacred records, a record withdrawn at two CHMs,
expiring, expired and withdrawn consent, records with no targets, a deleted record whose
consent events and sync states outlive it, and odd or broken values written straight into the
database (a hand-edited or damaged file)."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

import pytest
from conftest import open_as_custodian

from kmdesk.core.insight import dashboard
from kmdesk.core.insight.dashboard import Slice
from kmdesk.core.store.library import Library
from kmdesk.core.store.model import RemoteState
from kmdesk.core.trust import consent

PASS = {"Keeper": "keeper passphrase", "Weaver": "weaver passphrase", "Guest": "guest passphrase"}
TODAY = date(2026, 6, 1)
STATE = {"sent": "shared", "queued": "waiting", "failed": "refused", "retracted": "withdrawn",
         "not_eligible": "withdrawn"}
CONSENT = {consent.ConsentState.VALID: "valid", consent.ConsentState.EXPIRING_SOON: "expiring",
           consent.ConsentState.EXPIRED: "expired", consent.ConsentState.WITHDRAWN: "withdrawn"}
# values no form writes, stored as they are: each figure must read them as the recount does
ODD_LISTS = ['[5, "5", null, "", 5.0, [1], {"a": 2}, 5, "A", "pe"]', '"7"', "7", '{"7": 1}', "null", "[1,", "[]",
             "not json", '["pe", "pe", "B", 13]']
ODD_TEXT = [None, "", "2019", "19", "2019-13-45", "x2019", "20190101", "  2020"]
ODD_DATES = ["2025-13-01", "", "soon", True, 20250101, None, "2026-05-31", "2026-06-01T10:00", [2025], "2026-08-01"]


@pytest.fixture
def lib(tmp_path):
    library = open_as_custodian(tmp_path / "lib", PASS["Keeper"])
    library.access.create_profile("Weaver", PASS["Weaver"], ["contributor"])
    library.access.create_profile("Guest", PASS["Guest"], ["viewer"])
    library.access.add_community("Ayllu Chawaytire", "pe")
    library.access.add_community("Kawésqar", "cl")
    library.access.add_protocol("Weavers' council", community="Ayllu Chawaytire", kind="strict")
    library.access.add_protocol("Open circle", kind="open")
    library.access.add_member("Weavers' council", "Weaver")
    for name in ("chm", "chm2"):
        library.sync.add_target(name, "chm", "http://127.0.0.1:9/", settings={"country": "pe"})
    yield library
    library.close()


def build(lib: Library) -> list[str]:
    """About a hundred records through the library's own doors, with consent, sync states at
    two CHMs, and a deleted record; returns the records' ids."""
    rng = random.Random(16)
    ids: list[str] = []
    for i in range(100):
        level = rng.choice(["public", "public", "community", "restricted", "sacred"])
        access: dict[str, Any] = {"level": level}
        if level == "restricted":
            access["protocols"] = rng.choice([["Weavers' council"], ["Open circle"], ["Weavers' council", "Open circle"]])
            access["sharing"] = rng.choice(["all", "any"])
        if level == "sacred" or (level == "community" and i % 4 == 0):
            access["custodians"] = ["Keeper"]
        record = lib.records.add({
            "type": rng.choice(["traditional_knowledge", "practice", "resource"]), "title": {"en": f"record {i}"},
            "community": rng.choice(["Ayllu Chawaytire", "Kawésqar"] + ([None] if level != "community" else [])),
            "gbf_targets": rng.sample(range(1, 24), rng.randint(0, 3)), "gbf_goals": rng.sample("ABCD", rng.randint(0, 2)),
            "countries": rng.sample(["pe", "cl", "bo"], rng.randint(0, 2)), "languages": rng.sample(["quz", "es", "en"], rng.randint(0, 2)),
            "date": rng.choice([None, "2019", "2019-05", "2021-11-02", "2024"]), "access": access})
        ids.append(record["id"])
        if i % 3 == 0:  # consent: valid, expiring within 90 days, expired, withdrawn, renewed
            expires = rng.choice([None, TODAY + timedelta(days=30), TODAY + timedelta(days=90),
                                  TODAY + timedelta(days=91), TODAY - timedelta(days=1), TODAY])
            first = lib.consent.grant(record["id"], {"granted_by": "Council", "scope": ["share_chm"], "given_on": "2025-01-01",
                                                     **({"expires_on": expires.isoformat()} if expires else {})})
            if i % 9 == 0:
                lib.consent.withdraw(record["id"], by="Council", consent_id=first["id"],
                                     on=rng.choice(["2025-06-01", "2026-07-01", None]))
            if i % 7 == 0:
                lib.consent.grant(record["id"], {"granted_by": "Council", "scope": ["view_community"],
                                                 "given_on": rng.choice(["2025-06-02", "2025-01-01", "2027-01-01"])})
    deleted = lib.records.add({"type": "practice", "title": {"en": "gone"}, "gbf_targets": [4], "access": {"level": "public"}})
    lib.consent.grant(deleted["id"], {"granted_by": "Council", "scope": ["share_chm"], "given_on": "2025-01-01"})
    with lib.writing() as session:
        for n, record_id in enumerate(ids[:60] + [deleted["id"]]):
            for target, status in (("chm", ["sent", "queued", "failed", "retracted", "not_eligible", "odd"][n % 6]),
                                   ("chm2", ["retracted", "not_eligible", "failed", "sent"][n % 4])):
                if n % 5 != 4 or target == "chm":
                    message = ["the CHM needs a country", None, ""][n % 3] if status == "failed" else None
                    session.add(RemoteState(record_id=record_id, target=target, status=status, message=message,
                                            updated_at="2026-01-01"))
    lib.records.delete(deleted["id"])
    return ids


def spoil(lib: Library, ids: list[str]) -> None:
    """Odd values over some records, and consent events no form writes, written into the file
    with SQLite alone (the library's other doors refuse them)."""
    db = sqlite3.connect(lib.data_dir / "library.db")
    with db:
        for n, record_id in enumerate(ids[::2]):
            odd = n % len(ODD_LISTS)
            db.execute("UPDATE records SET gbf_targets = :t, gbf_goals = :g, countries = :c, languages = :l,"
                       " type = :type, community = :community, date = :date WHERE id = :id",
                       {"t": ODD_LISTS[odd], "g": ODD_LISTS[(odd + 1) % len(ODD_LISTS)],
                        "c": ODD_LISTS[(odd + 2) % len(ODD_LISTS)], "l": ODD_LISTS[(odd + 3) % len(ODD_LISTS)],
                        "type": ["", "practice", "7"][n % 3], "community": ODD_TEXT[n % len(ODD_TEXT)],
                        "date": ODD_TEXT[(n + 3) % len(ODD_TEXT)], "id": record_id})
        db.execute("UPDATE records SET date = 2019 WHERE id = ?", (ids[1],))
        # a BLOB where text belongs (JSON cannot hold one), on a record every profile counts
        db.execute("UPDATE records SET gbf_targets = x'5b355d', community = x'41' WHERE id ="
                   " (SELECT min(id) FROM records WHERE access_level = 'public' AND id != ?)", (ids[1],))
        # odd dates, a withdrawal without a date or before its grant, a consent granted twice
        # under one id, an event of another kind
        events = []
        for n, record_id in enumerate(ids[1::3]):
            consent_id = f"odd-{n % 4}"
            data = {"given_on": ODD_DATES[n % len(ODD_DATES)], "expires_on": ODD_DATES[(n + 3) % len(ODD_DATES)]}
            if n % 4 == 3:
                events.append((record_id, consent_id, "withdraw", {"withdrawn_on": ODD_DATES[(n + 5) % len(ODD_DATES)]}))
            events.append((record_id, consent_id, "grant", data))
            if n % 3 == 0:
                events.append((record_id, consent_id, ["withdraw", "amend"][n % 2],
                               {"withdrawn_on": ODD_DATES[(n + 1) % len(ODD_DATES)], "withdrawn_by": [None, "Elder", 0][n % 3]}))
            if n % 5 == 0:
                events.append((record_id, consent_id, "grant", {"given_on": "2025-02-02", "withdrawn_by": "Elder"}))
                events.append((record_id, consent_id, "withdraw", {}))
        db.executemany("INSERT INTO consent_events (record_id, consent_id, kind, at, by, data)"
                       " VALUES (?, ?, ?, '2026-01-01', 'hand', ?)",
                       [(record_id, consent_id, kind, json.dumps(data)) for record_id, consent_id, kind, data in events])
    db.close()


def recount(lib: Library, public_only: bool = False) -> tuple[dict[str, Any], dict[tuple[str, str], set[str]]]:
    """The figures, one record at a time, straight from the database file: who may count by
    ``consent.can_view`` (sacred never), each field as it is stored, consent by
    ``consent.consent_state`` over each record's events in order. Also the records each bar of the
    consent chart and of the JSON lists holds, to check what a click on it lists."""
    viewer = None if public_only else lib.access.viewer()
    db = sqlite3.connect(lib.data_dir / "library.db")
    counted, fields, holders = count_fields(db, viewer)
    states: dict[str, set[str]] = defaultdict(set)
    reasons: dict[str, set[str]] = defaultdict(set)
    for record_id, status, message in db.execute("SELECT record_id, status, message FROM remote_state"):
        if record_id in counted and status in STATE:
            states[STATE[status]].add(record_id)
            if status == "failed":
                reasons[message or ""].add(record_id)
    histories: dict[str, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for record_id, consent_id, kind, data in db.execute(
            "SELECT record_id, consent_id, kind, data FROM consent_events ORDER BY id"):
        if record_id in counted:
            histories[record_id].append((consent_id, kind, json.loads(data)))
    for record_id, events in histories.items():
        consents = fold_events(events)
        state = CONSENT.get(consent.consent_state(consents, TODAY, dashboard.SOON_DAYS)) if consents else None
        if state:
            holders[("consent", state)].add(record_id)
    db.close()
    figures = {
        "total": len(counted), "types": dict(fields["types"]), "communities": dict(fields["communities"]),
        "years": dict(fields["years"]), "languages": dict(fields["languages"]), "countries": dict(fields["countries"]),
        "targets": {n: fields["gbf_targets"][str(n)] for n in range(1, 24)},
        "goals": {g: fields["gbf_goals"][g] for g in "ABCD"},
        "sharing": {state: len(states[state]) for state in dashboard.SHARING_STATES},
        "refusals": sorted(((reason, len(ids)) for reason, ids in reasons.items()), key=lambda r: (-r[1], r[0])),
        "consent": {state: len(holders[("consent", state)]) for state in dashboard.CONSENT_STATES}}
    return figures, holders


def count_fields(db: sqlite3.Connection, viewer: Any) -> tuple[set[str], dict[str, Counter[str]],
                                                               dict[tuple[str, str], set[str]]]:
    """The records ``viewer`` may count, each field's values counted over them, and the records
    holding each value of the JSON lists."""
    kinds = dict(db.execute("SELECT name, kind FROM protocols"))
    counted: set[str] = set()
    fields: dict[str, Counter[str]] = defaultdict(Counter)
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in db.execute("SELECT id, type, community, date, gbf_targets, gbf_goals, countries, languages,"
                          " access_level, access_protocols, access_sharing, custodians FROM records"):
        record_id, kind, community, day, targets, goals, countries, languages, level, protocols, sharing, custodians = row
        access = {"level": level, "protocols": json.loads(protocols), "sharing": sharing, "custodians": json.loads(custodians)}
        if level == "sacred" or not consent.can_view(viewer, access, community if isinstance(community, str) else None, kinds):
            continue
        counted.add(record_id)
        for name, value in (("types", kind), ("communities", community)):
            if isinstance(value, str) and value:
                fields[name][value] += 1
        if isinstance(day, str) and re.match("[0-9]{4}", day):
            fields["years"][day[:4]] += 1
        for name, stored in (("gbf_targets", targets), ("gbf_goals", goals), ("countries", countries),
                             ("languages", languages)):
            for item in stored_list(stored):
                if item not in (None, ""):
                    fields[name][str(item)] += 1
                    holders[(name, str(item))].add(record_id)
    return counted, fields, holders


def stored_list(stored: Any) -> list[Any]:
    """A JSON list column's items; nothing when it holds anything else."""
    try:
        items = json.loads(stored) if isinstance(stored, str) else None
    except ValueError:
        return []
    return items if isinstance(items, list) else []


def fold_events(events: list[tuple[str, str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """A record's consents from its events in order: each grant a consent, each later event
    under its id a withdrawal of the consent last granted under that id."""
    consents: list[dict[str, Any]] = []
    latest: dict[str, dict[str, Any]] = {}
    for consent_id, kind, data in events:
        if kind == "grant":
            latest[consent_id] = {key: data.get(key) for key in ("given_on", "expires_on", "withdrawn_on", "withdrawn_by")}
            consents.append(latest[consent_id])
        elif consent_id in latest:
            item = latest[consent_id]
            item["withdrawn_on"] = data.get("withdrawn_on") or item["withdrawn_on"]
            item["withdrawn_by"] = (data.get("withdrawn_by") or item["withdrawn_by"]
                                    or (None if data.get("withdrawn_on") else "a withdrawal without a date"))
    return consents


def as_dict(figures: dashboard.Figures) -> dict[str, Any]:
    return {name: getattr(figures, name) for name in ("total", "types", "communities", "years", "languages", "countries",
                                                      "targets", "goals", "sharing", "refusals", "consent")}


@pytest.mark.parametrize("profile", [None, "Guest", "Weaver", "Keeper"])
def test_the_figures_are_a_plain_recount_of_the_records_each_profile_may_count(lib, profile):
    ids = build(lib)
    lib.lock()
    if profile:
        lib.unlock(profile, PASS[profile])
    spoil(lib, ids)
    expected, holders = recount(lib)
    assert as_dict(dashboard.figures(lib, TODAY)) == expected
    # the library holds every edge the figures must get right
    assert expected["total"] and expected["sharing"]["withdrawn"] and expected["refusals"]
    assert all(expected["consent"].values()) if profile in ("Weaver", "Keeper") else expected["consent"]["valid"]
    for state in dashboard.CONSENT_STATES:
        assert dashboard.slice_ids(lib, Slice("consent", state), TODAY) == sorted(holders[("consent", state)])
    # a click on a bar of a JSON list lists the records holding the item (an object, written in
    # Python's spelling on the bar, is the one item no click can find)
    lists = [(dimension, value) for dimension, value in holders if dimension != "consent" and value[:1] != "{"]
    assert {value for dimension, value in lists if dimension == "languages"} & {"pe", "B", "13", "5.0", "[1]"}
    for dimension, value in lists:
        assert dashboard.slice_ids(lib, Slice(dimension, value)) == sorted(holders[(dimension, value)]), (dimension, value)
    if profile:  # a report leaves the library: public records only, whoever is unlocked
        assert as_dict(dashboard.figures(lib, TODAY, public_only=True)) == recount(lib, public_only=True)[0]
