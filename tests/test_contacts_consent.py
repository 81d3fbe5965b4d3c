"""Issue 27: the contact details of a person or organization without a valid consent to be
listed (list_in_directory) never leave an unlocked view.

A public person record holds a unique e-mail and phone (a canary) and no consent. The canary
must be absent from a locked ``kmdesk show`` (with its history), ``kmdesk search`` (for the
e-mail and its local part), every export format, the report's data, the on-disk index and the
documents sent to the reference CHM and Bioland; present in the unlocked ``library.records.get``. Once
a list_in_directory consent is granted, the directory and a locked show carry them (naming the
consent); withdrawing it withholds them again.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import subprocess
import sys

from kmdesk.core.chm import directory
from kmdesk.core.chm.demo import BIOLAND_TARGET, CHM_TARGET
from kmdesk.core.chm.runner import Backoff, run_sync
from kmdesk.core.insight import report
from kmdesk.core.io import exporter
from kmdesk.core.store.library import Library
from kmdesk.core.trust import consent

PASS = "contacts custodian passphrase"
REFSERVER_SEED = 27
LOCAL = "zqxcontactcanary"
EMAIL = f"{LOCAL}@example.org"
PHONE = "+51 9876 54321"
PHONE_DIGITS = "987654321"  # however the phone is spaced, these digits in a row are the canary


def leaks(blob: bytes) -> list[str]:
    text = blob.decode("utf-8", errors="replace")
    utf16 = blob.decode("utf-16-le", errors="replace")
    found = [form for form in (EMAIL, LOCAL, PHONE) if form in text or form in utf16 or form.upper() in text]
    digits = "".join(ch for ch in text if ch.isdigit())
    return found + ([PHONE_DIGITS] if PHONE_DIGITS in digits else [])


def cli(tmp_path, *args: str) -> bytes:
    env = {**os.environ, "KMDESK_DATA_DIR": str(tmp_path / "lib")}
    env.pop("KMDESK_PASSPHRASE", None)
    result = subprocess.run([sys.executable, "-m", "kmdesk.cli", *args], capture_output=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def exports(library: Library) -> dict[str, bytes]:
    out = {}
    for fmt in exporter.FORMATS:
        buffer = io.BytesIO()
        exporter.export(library, fmt, buffer)
        out[fmt] = buffer.getvalue()
    return out


def test_contacts_without_consent_never_leave_an_unlocked_view(ref_library, ref_server, tmp_path):
    person = ref_library.records.add({"type": "person", "title": {"en": "Rosa Condori"}, "summary": {"en": "Keeper of native potato varieties."},
                      "creators": ["Rosa Condori"], "gbf_targets": [13], "countries": ["pe"], "languages": ["es"],
                      "identifiers": {"email": EMAIL, "orcid": "0000-0002-1825-0097"}})
    assert directory.set_contacts(ref_library, person["id"], {"phone": PHONE}) == {"email": EMAIL, "phone": PHONE}
    record_id = person["id"]

    # the editor sees and keeps them
    unlocked = ref_library.records.get(record_id)
    assert unlocked["identifiers"] == {"email": EMAIL, "orcid": "0000-0002-1825-0097", "phone": PHONE}
    assert not consent.contacts_allowed(unlocked, consent.date.today())

    # every export format, by whoever exports
    for fmt, blob in exports(ref_library).items():
        assert leaks(blob) == [], fmt
    assert b"0000-0002-1825-0097" in exports(ref_library)["json"]  # other identifiers still travel

    # the report's data
    gathered = report.gather(ref_library)
    assert any(e.id == record_id for s in gathered.sections for e in s.entries)
    assert leaks(repr(gathered).encode() + json.dumps(dataclasses.asdict(gathered), default=str).encode()) == []

    # the documents sent to the reference CHM and Bioland (a person needs no consent to be shared)
    for target in (CHM_TARGET, BIOLAND_TARGET):
        ref_library.sync.share([record_id], target)
        assert run_sync(ref_library, target, sleep=lambda s: None, backoff=Backoff(base=0.0)).pushed == 1
    assert record_id in ref_server.documents() and record_id in ref_server.nodes()
    assert leaks(json.dumps(ref_server.documents()).encode() + json.dumps(ref_server.nodes()).encode()) == []
    assert leaks(ref_server.traffic()) == []

    # the on-disk index: never indexed nor stored
    assert ref_library.index.search(LOCAL).total == 0 and ref_library.index.search("Condori").total == 1
    for path in (tmp_path / "lib" / "index").rglob("*"):
        if path.is_file():
            assert leaks(path.read_bytes()) == [], path

    # locked reads of the store
    ref_library.lock()
    locked = ref_library.records.get(record_id)
    assert locked["identifiers"] == {"orcid": "0000-0002-1825-0097"}
    assert leaks(json.dumps(ref_library.history.of(record_id)).encode()) == []
    assert leaks(json.dumps(list(ref_library.records.get_many([record_id]).values())).encode()) == []
    ref_library.close()

    # the locked command line
    printed = cli(tmp_path, "show", record_id, "--json", "--history") + cli(tmp_path, "show", record_id, "--history")
    assert b"Rosa Condori" in printed
    for query in (LOCAL, EMAIL, "Condori"):
        printed += cli(tmp_path, "search", query, "--json") + cli(tmp_path, "search", query)
    printed += cli(tmp_path, "export", "--format", "json") + cli(tmp_path, "export", "--format", "csv")
    printed += cli(tmp_path, "list", "--json")
    assert leaks(printed) == []


def test_a_consent_to_be_listed_shows_them_and_its_withdrawal_withholds_them_again(ref_library, tmp_path):
    person = ref_library.records.add({"type": "person", "title": {"en": "Rosa Condori"}, "countries": ["pe"],
                      "identifiers": {"email": EMAIL, "phone": PHONE}})
    record_id = person["id"]
    ref_library.consent.grant(record_id, {"granted_by": "Rosa Condori", "scope": ["list_in_directory"], "given_on": "2025-01-10",
                                  "form": "written"})
    (entry,) = directory.entries(ref_library)
    assert entry.listed and entry.contacts == {"email": EMAIL, "phone": PHONE} and entry.consented_by == "Rosa Condori"
    assert "EMAIL:" + EMAIL in directory.vcards([entry])[0]
    ref_library.lock()
    assert ref_library.records.get(record_id)["identifiers"] == {"email": EMAIL, "phone": PHONE}
    ref_library.close()
    assert EMAIL.encode() in cli(tmp_path, "show", record_id, "--json")
    assert EMAIL.encode() in cli(tmp_path, "export", "--format", "json")

    with Library.open(tmp_path / "lib") as again:
        again.unlock("Keeper", PASS)
        again.consent.withdraw(record_id, by="Rosa Condori", reason="no longer wishes to be listed")
        (entry,) = directory.entries(again)
        assert not entry.listed and entry.contacts == {}
        assert again.records.get(record_id)["identifiers"] == {"email": EMAIL, "phone": PHONE}  # the editor still has them
        for fmt, blob in exports(again).items():
            assert leaks(blob) == [], fmt
        again.lock()
        assert again.records.get(record_id)["identifiers"] == {}
        assert directory.entries(again)[0].contacts == {}
    assert leaks(cli(tmp_path, "show", record_id, "--json", "--history")) == []


def test_a_locked_edit_of_an_open_library_keeps_withheld_contacts(tmp_path):
    """A library without profiles is edited with no profile unlocked: reads withhold the
    contacts, but a change (here, of the phone) starts from the stored ones and keeps them."""
    with Library.open(tmp_path / "open") as library:
        person = library.records.add({"type": "person", "title": {"en": "Rosa Condori"}, "identifiers": {"email": EMAIL}})
        assert person["identifiers"] == {}
        assert directory.set_contacts(library, person["id"], {"phone": PHONE}) == {}
        library.records.update(person["id"], {"summary": {"en": "Seed keeper."}})
        assert library.records.get(person["id"], for_edit=True)["identifiers"] == {"email": EMAIL, "phone": PHONE}
