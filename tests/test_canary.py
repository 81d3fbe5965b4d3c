"""Restricted knowledge never touches disk, the index, exports or output in plaintext.

A sacred and a restricted record, each holding unique canary strings, are created through the
public API; then every file under the data directory, every export and everything printed is
searched for them in every encoding we can think of. A custodian can still read them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import open_as_custodian

from kmdesk.core.io import exporter
from kmdesk.core.store.library import Library

SACRED = "Qzxsacredcanary Ĳsvärd 雪豹之歌"
RESTRICTED = "Wqvrestrictedcanary mérou Лось"
PASS = "canary custodian passphrase"


def forms(secret: str) -> list[bytes]:
    """The secret as a program might write it: whole, word by word, in several encodings."""
    pieces = {secret, secret.lower(), secret.upper(), *secret.split(), *secret.lower().split()}
    out: set[bytes] = set()
    for piece in pieces:
        if len(piece) < 3:
            continue
        out.add(piece.encode("utf-8"))
        out.add(piece.encode("utf-16-le"))
        out.add(piece.encode("utf-16-be"))
        out.add(json.dumps(piece).strip('"').encode("ascii"))  # \\u escapes
    return sorted(out)


def leaks(blob: bytes) -> list[bytes]:
    return [form for secret in (SACRED, RESTRICTED) for form in forms(secret) if form in blob]


@pytest.fixture
def library(tmp_path):
    lib = open_as_custodian(tmp_path / "lib", PASS)
    lib.access.add_community("Siida Njárga", "no")
    lib.access.add_protocol("Noaidi knowledge", community="Siida Njárga", kind="strict")
    yield lib
    lib.close()


def test_canaries_never_reach_disk_exports_or_output(library, tmp_path):
    sacred = library.records.add({"type": "traditional_knowledge", "title": {"se": SACRED}, "body": {"en": SACRED},
                                  "keywords": [SACRED.split()[0]], "community": "Siida Njárga",
                                  "access": {"level": "sacred", "custodians": ["Keeper"]}, "labels": ["TK SS"]})
    restricted = library.records.add({"type": "traditional_knowledge", "title": {"en": RESTRICTED}, "summary": {"fr": RESTRICTED},
                                      "creators": [{"name": RESTRICTED, "role": "knowledge_holder"}], "community": "Siida Njárga",
                                      "access": {"level": "restricted", "protocols": ["Noaidi knowledge"]}})
    library.records.update(restricted["id"], {"body": {"ru": RESTRICTED + " — второй вариант"}})
    library.records.add({"type": "practice", "title": {"en": "Public reindeer calendar"}})

    # while unlocked the custodian finds and reads them (from the in-memory index)
    assert library.records.get(sacred["id"])["title"] == {"se": SACRED}
    assert [h.id for h in library.index.search("Wqvrestrictedcanary").hits] == [restricted["id"]]

    export = tmp_path / "export.json"
    exporter.export(library, "json", export)
    library.lock()
    locked_export = tmp_path / "locked.json"
    exporter.export(library, "json", locked_export)
    assert library.index.search("Wqvrestrictedcanary").total == 0
    library.close()

    env = {**os.environ, "KMDESK_DATA_DIR": str(tmp_path / "lib")}
    printed = b""
    for args in (["list"], ["list", "--json"], ["export", "--format", "json"], ["search", "Qzxsacredcanary", "--json"],
                 ["show", restricted["id"], "--json"], ["audit", "--json"]):
        result = subprocess.run([sys.executable, "-m", "kmdesk.cli", *args], capture_output=True, env=env, timeout=120)
        printed += result.stdout + result.stderr

    assert leaks(printed) == []
    assert leaks(export.read_bytes()) == [] and leaks(locked_export.read_bytes()) == []
    assert [r["id"] for r in json.loads(export.read_text(encoding="utf-8"))["records"]] != []
    files = [p for p in (tmp_path / "lib").rglob("*") if p.is_file()]
    assert any(p.suffix == ".db" for p in files) and any("index" in p.parts for p in files)
    for path in files:
        assert leaks(path.read_bytes()) == [], f"canary found in {path}"

    # and after a fresh unlock they are still readable
    with Library.open(tmp_path / "lib") as again:
        again.unlock("Keeper", PASS)
        assert again.records.get(restricted["id"])["body"]["ru"].startswith(RESTRICTED)
        assert again.records.get(sacred["id"])["body"] == {"en": SACRED}


CONSENT_FIELDS = ("granted_by", "community", "process", "recipient", "informed_language", "informed_method",
                  "conditions", "evidence")


def consent_canaries() -> dict[str, str]:
    """One unique string per consent text field (witnesses and the withdrawal's too)."""
    names = [*CONSENT_FIELDS, "witness", "withdrawn_by", "withdrawal_reason"]
    return {name: f"Kqc{name.replace('_', '')}canary" for name in names}


def consent_leaks(blob: bytes) -> list[str]:
    return [text for text in consent_canaries().values() if any(form in blob for form in forms(text))]


def _disk(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.rglob("*") if p.is_file())


def test_consent_text_of_non_public_records_stays_sealed_through_a_kmd_transfer(library, tmp_path):
    from kmdesk.core.io import importer

    canary = consent_canaries()
    record = library.records.add({"type": "traditional_knowledge", "title": {"en": "Drum making"}, "community": "Siida Njárga",
                                  "access": {"level": "restricted", "protocols": ["Noaidi knowledge"]}})
    grant = {name: canary[name] for name in CONSENT_FIELDS}
    library.consent.grant(record["id"], {**grant, "witnesses": [canary["witness"]], "scope": ["view_community"],
                                         "informed_on": "2024-01-02", "given_on": "2024-02-03"})
    library.consent.withdraw(record["id"], by=canary["withdrawn_by"], reason=canary["withdrawal_reason"])
    (opened,) = library.consent.of(record["id"])
    assert opened["conditions"] == canary["conditions"] and opened["withdrawal_reason"] == canary["withdrawal_reason"]
    archive = tmp_path / "move.kmd"
    exporter.export(library, "kmd", archive, sealed_passphrase="transfer words")
    library.lock()
    assert library.consent.of(record["id"])[0]["sealed"]

    env = {**os.environ, "KMDESK_DATA_DIR": str(tmp_path / "lib")}
    printed = b""
    for args in (["consent", "show", record["id"], "--json"], ["show", record["id"], "--json"], ["export", "--format", "json"]):
        result = subprocess.run([sys.executable, "-m", "kmdesk.cli", *args], capture_output=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        printed += result.stdout + result.stderr
    assert consent_leaks(printed) == []
    assert consent_leaks(_disk(tmp_path / "lib")) == [] and consent_leaks(archive.read_bytes()) == []

    with open_as_custodian(tmp_path / "other", PASS) as other:
        other.access.add_community("Siida Njárga", "no")
        other.access.add_protocol("Noaidi knowledge", community="Siida Njárga", kind="strict")
        report = importer.run(other, importer.open_source(archive, passphrase="transfer words"))
        assert report["counts"] == {"imported": 1}
        (moved,) = other.consent.of(record["id"])
        assert {k: moved[k] for k in (*CONSENT_FIELDS, "witnesses", "withdrawn_by")} == \
            {**grant, "witnesses": [canary["witness"]], "withdrawn_by": canary["withdrawn_by"]}
        assert other.consent.problems(record["id"]) == []
    assert consent_leaks(_disk(tmp_path / "other")) == []
