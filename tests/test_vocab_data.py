"""The shipped data: controlled vocabularies (resources/vocab) and the demo library
(resources/demo/library.json) checked against docs/record-format.md.

These tests read the JSON directly, so a broken data file is caught even while code is changing.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
DEMO_TODAY = date(2026, 11, 24)  # the day the demo's consent states are written for

TYPES = ("traditional_knowledge", "practice", "resource", "person", "organization", "need", "offer", "event")
RESOURCE_KINDS = ("document", "tool", "guide", "case_study", "best_practice", "lesson_learned")
ROLES = ("author", "knowledge_holder", "contributor", "editor", "publisher")
SCOPES = ("view_community", "share_chm", "publish_open", "research", "commercial", "list_in_directory")
FORMS = ("written", "oral_recorded", "community_assembly", "other")
LEVELS = ("public", "community", "restricted", "sacred")
UN_LANGS = ("en", "fr", "es", "ar", "ru", "zh")

# label_type keys as the Local Contexts Hub API v2 sends them (tklabels/bclabels models).
TK_TYPES = {"attribution", "clan", "family", "tk_multiple_community", "community_voice", "creative", "verified",
            "non_verified", "seasonal", "women_general", "men_general", "men_restricted", "women_restricted",
            "culturally_sensitive", "secret_sacred", "commercial", "non_commercial", "community_use_only",
            "outreach", "open_to_collaboration"}
BC_TYPES = {"provenance", "multiple_community", "clan", "collaboration", "commercialization", "research",
            "outreach", "non_commercial", "consent_verified", "consent_non_verified"}
TK_CODES = {"TK A", "TK CL", "TK F", "TK MC", "TK CV", "TK CR", "TK V", "TK NV", "TK S", "TK WG", "TK MG", "TK MR",
            "TK WR", "TK CS", "TK SS", "TK OC", "TK NC", "TK CO", "TK O", "TK CB"}
BC_CODES = {"BC P", "BC MC", "BC CL", "BC CB", "BC OC", "BC R", "BC O", "BC NC", "BC CV", "BC CNV"}
NOTICE_TYPES = {"traditional_knowledge", "biocultural", "attribution_incomplete", "open_to_collaborate"}

TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load(*parts: str):
    path = RESOURCES.joinpath(*parts)
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # must be UTF-8
    assert not re.search(r"\\u[0-9a-fA-F]{4}", text), f"{path.name}: write real characters, not \\u escapes"
    return json.loads(text)


@pytest.fixture(scope="module")
def gbf():
    return load("vocab", "gbf.json")


@pytest.fixture(scope="module")
def types():
    return load("vocab", "record_types.json")


@pytest.fixture(scope="module")
def lc():
    return load("vocab", "local_contexts.json")


@pytest.fixture(scope="module")
def subjects():
    return load("vocab", "cbd_subjects.json")


@pytest.fixture(scope="module")
def library():
    return load("demo", "library.json")


@pytest.fixture(scope="module")
def records(library):
    return library["records"]


# -- vocabularies ---------------------------------------------------------------------------
def test_gbf_goals_and_targets(gbf):
    goals = gbf["goals"]
    assert [g["code"] for g in goals] == ["A", "B", "C", "D"]
    assert [g["identifier"] for g in goals] == [f"GBF-GOAL-{c}" for c in "ABCD"]
    targets = gbf["targets"]
    assert [t["number"] for t in targets] == list(range(1, 24))
    assert [t["identifier"] for t in targets] == [f"GBF-TARGET-{n:02d}" for n in range(1, 24)]
    for item in goals + targets:
        assert item["title"]["en"].strip()
        assert all(lang in UN_LANGS and text.strip() for lang, text in item["title"].items())
    by_number = {t["number"]: t["title"]["en"] for t in targets}
    assert by_number[1] == "Plan and manage all areas to reduce biodiversity loss"
    assert by_number[3] == "Conserve 30% of land, waters and seas"
    assert by_number[22] == ("Ensure participation in decision-making and access to justice and information "
                             "related to biodiversity for all")


def test_record_type_vocabularies(types):
    expected = {"types": TYPES, "resource_kinds": RESOURCE_KINDS, "creator_roles": ROLES, "consent_scopes": SCOPES,
                "consent_forms": FORMS, "access_levels": LEVELS}
    assert set(types) == set(expected)
    for group, keys in expected.items():
        assert tuple(item["key"] for item in types[group]) == keys, group
        for item in types[group]:
            assert item["title"]["en"].strip() and item["description"]["en"].strip()
            assert set(item["title"]) <= set(UN_LANGS)


def test_local_contexts_labels(lc):
    tk, bc, notices = lc["tk_labels"], lc["bc_labels"], lc["notices"]
    assert len(tk) == 20 and len(bc) == 10
    assert {item["label_type"] for item in tk} == TK_TYPES
    assert {item["label_type"] for item in bc} == BC_TYPES
    assert {item["code"] for item in tk} == TK_CODES
    assert {item["code"] for item in bc} == BC_CODES
    assert {item["notice_type"] for item in notices} == NOTICE_TYPES
    codes = [item["code"] for group in lc.values() for item in group]
    assert len(codes) == len(set(codes)), "label codes must be unique across TK, BC and notices"
    for item in tk + bc + notices:
        assert item["name"].strip() and item["meaning"]["en"].strip()
        assert item["sharing"] in ("forbids", "restricts", "allows")
        assert item["category"] in ("provenance", "protocol", "permission", "notice")
    by_code = {item["code"]: item for group in lc.values() for item in group}
    for code in ("TK SS", "TK CO", "TK MR", "TK WR", "TK CS"):
        assert by_code[code]["sharing"] == "forbids", code
    for code in ("TK NC", "BC NC"):
        assert by_code[code]["sharing"] == "restricts", code
    for code in ("TK A", "TK V", "TK S", "BC P", "BC CV", "TK Notice"):
        assert by_code[code]["sharing"] == "allows", code


def test_cbd_subjects(subjects):
    assert isinstance(subjects, list) and len(subjects) >= 20
    ids = [s["identifier"] for s in subjects]
    assert len(ids) == len(set(ids))
    for item in subjects:
        assert item["identifier"].startswith("CBD-SUBJECT-")
        assert item["title"]["en"].strip()



def test_vocabulary_titles_in_all_six_un_languages(gbf, subjects):
    """Every GBF goal, GBF target and CBD subject has a title in ar, en, es, fr, ru and zh,
    so no interface language falls back to English."""
    items = [("goal", g["code"], g) for g in gbf["goals"]]
    items += [("target", t["number"], t) for t in gbf["targets"]]
    items += [("subject", s["identifier"], s) for s in subjects]
    for kind, key, item in items:
        for lang in sorted(UN_LANGS):
            text = item["title"].get(lang)
            assert isinstance(text, str) and text.strip(), (kind, key, lang)


# -- the demo library -----------------------------------------------------------------------
def test_library_envelope_and_counts(library, records):
    assert library["format"] == "kmdesk-library" and library["version"] == 1
    assert len(records) >= 60
    assert {r["type"] for r in records} == set(TYPES)
    assert {r["resource_kind"] for r in records if r["type"] == "resource"} == set(RESOURCE_KINDS)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    for record_id in ids:
        assert uuid.UUID(record_id).version == 4 and str(uuid.UUID(record_id)) == record_id


def _texts(record):
    return {lang for field in ("title", "summary", "body") for lang in (record.get(field) or {})}


def test_every_record_follows_the_format(library, records, lc, subjects):
    codes = {item["code"] for group in lc.values() for item in group}
    protocols = {p["name"] for p in library["protocols"]}
    communities = {c["name"] for c in library["communities"]}
    subject_ids = {s["identifier"] for s in subjects}
    for r in records:
        where = f"{r['id']} {r['title']}"
        assert r["type"] in TYPES, where
        assert (r.get("resource_kind") in RESOURCE_KINDS) if r["type"] == "resource" else r.get("resource_kind") is None, where
        assert any(text.strip() for text in r["title"].values()), where
        for field in ("title", "summary", "body"):
            for lang, text in (r.get(field) or {}).items():
                assert TAG.match(lang) and isinstance(text, str) and text.strip(), (where, field, lang)
        assert set(r["gbf_goals"]) <= set("ABCD") and r["gbf_goals"], where
        assert r["gbf_targets"] and all(isinstance(t, int) and 1 <= t <= 23 for t in r["gbf_targets"]), where
        assert set(r.get("subjects") or []) <= subject_ids, where
        assert all(re.fullmatch(r"[a-z]{2}", c) for c in r.get("countries") or []), where
        assert r["languages"] and all(TAG.match(t) for t in r["languages"]), where
        assert all(c["name"].strip() and c["role"] in ROLES for c in r.get("creators") or []), where
        assert r.get("date") is None or DATE.match(r["date"]), where
        assert set(r.get("labels") or []) <= codes, where
        assert r.get("community") is None or r["community"] in communities, where
        access = r["access"]
        assert access["level"] in LEVELS and access.get("sharing", "all") in ("all", "any"), where
        assert set(access.get("protocols") or []) <= protocols, where
        if access["level"] == "restricted":
            assert access["protocols"], where
        if access["level"] == "community":
            assert r["community"], where
        if access["level"] == "sacred":
            assert access.get("custodians"), where
        for stamp in ("created_at", "updated_at"):
            moment = datetime.fromisoformat(r[stamp])
            assert moment.tzinfo is not None and 2023 <= moment.year <= 2026, where
        assert r["updated_at"] >= r["created_at"], where
        assert r.get("source_url") is None or r["source_url"].startswith("https://"), where
        if r["type"] == "traditional_knowledge":
            assert any(c["role"] == "knowledge_holder" for c in r["creators"]), where


def test_consents_follow_the_format(records):
    for r in records:
        for c in r.get("consents") or []:
            where = f"{r['title']} consent {c.get('id')}"
            assert c["granted_by"].strip() and c["form"] in FORMS, where
            assert c["scope"] and set(c["scope"]) <= set(SCOPES), where
            uuid.UUID(c["id"])
            for key in ("informed_on", "given_on", "expires_on", "withdrawn_on"):
                assert c.get(key) is None or DAY.match(c[key]), (where, key)
            if c.get("expires_on"):
                assert c["expires_on"] > c["given_on"], where
            if c.get("withdrawn_by") or c.get("withdrawal_reason"):
                assert c.get("withdrawn_on"), where


def test_communities_and_protocols(library):
    communities = {c["name"] for c in library["communities"]}
    assert 5 <= len(communities) <= 6
    for c in library["communities"]:
        assert re.fullmatch(r"[a-z]{2}", c["country"]) and c["description"]["en"].strip()
    kinds = Counter(p["kind"] for p in library["protocols"])
    assert set(kinds) == {"strict", "open"}
    for p in library["protocols"]:
        assert p.get("community") is None or p["community"] in communities
        assert p["description"]["en"].strip()


def test_languages_and_access_levels_all_present(records):
    per_lang = Counter(lang for r in records for lang in _texts(r))
    for lang in UN_LANGS:
        assert per_lang[lang] >= 1, lang
    for lang in ("ar", "zh", "ru"):
        assert per_lang[lang] >= 4, lang
    multilingual_titles = [r for r in records if len(r["title"]) >= 2]
    assert len(multilingual_titles) >= 10
    levels = Counter(r["access"]["level"] for r in records)
    assert levels["public"] > len(records) / 2
    assert levels["community"] >= 3 and levels["restricted"] >= 3 and levels["sacred"] >= 2
    assert {r["access"].get("sharing") for r in records if r["access"]["level"] == "restricted"} == {"all", "any"}


def _latest(consents):
    given = [c for c in consents if c.get("given_on") and c["given_on"] <= DEMO_TODAY.isoformat()]
    return max(given, key=lambda c: c["given_on"]) if given else None


def test_demo_shows_every_consent_and_label_state(records):
    tk = [r for r in records if r["type"] == "traditional_knowledge"]
    states = Counter()
    for r in tk:
        c = _latest(r.get("consents") or [])
        if c is None:
            states["none"] += 1
        elif c.get("withdrawn_on"):
            states["withdrawn"] += 1
        elif c.get("expires_on") and c["expires_on"] <= DEMO_TODAY.isoformat():
            states["expired"] += 1
        elif c.get("expires_on") and date.fromisoformat(c["expires_on"]) - DEMO_TODAY <= timedelta(days=30):
            states["expiring_soon"] += 1
        else:
            states["valid_share" if "share_chm" in c["scope"] else "valid_other"] += 1
    for state in ("none", "withdrawn", "expired", "expiring_soon", "valid_share"):
        assert states[state] >= 1, state
    assert any(r["access"]["level"] == "public" and "TK CO" in r["labels"] for r in tk)
    assert any(r["access"]["level"] == "sacred" and "TK SS" in r["labels"] for r in tk)
    assert any(r["access"]["level"] == "public" and not r.get("consents") for r in tk)
    # sacred records hold no sacred content: a short, respectful statement only
    for r in records:
        if r["access"]["level"] == "sacred":
            assert all(len(text) < 400 for text in r["body"].values())


def test_real_validators_accept_the_demo(records):
    """The record and consent validators of kmdesk.core accept every demo record."""
    records_mod = pytest.importorskip("kmdesk.core.store.records")
    consent_mod = pytest.importorskip("kmdesk.core.trust.consent")
    for r in records:
        records_mod.normalize(r)
        for c in r.get("consents") or []:
            consent_mod.normalize_consent(c)
