"""What the hub's operator (or anyone who can write to its database) can and cannot do, tried
against a real PostgreSQL: read every table for what must never be there, alter rows, write as
another device, and sign changes a profile could not make. Each attempt is refused and named."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import psycopg
import pytest
from hub_support import MEMBER_PASS, PASS, device, join, new_hub, public, restricted, sync, template
from sqlalchemy import select

from kmdesk.cli import main
from kmdesk.core.hub import device as hub_device
from kmdesk.core.hub import envelope, server
from kmdesk.core.hub.errors import WrongLibrary
from kmdesk.core.store import attachments
from kmdesk.core.store.library import Library

CANARY = "zq-canary-7f3a9c-lupine"


@pytest.fixture
def pair(tmp_path: Path, pg_server, monkeypatch):
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    hub = new_hub(pg_server)
    base = template(tmp_path / "template")
    a, b = device(tmp_path / "a", base), device(tmp_path / "b", base)
    urls = [join(a, hub, "laptop_a"), join(b, hub, "laptop_b")]
    yield hub, a, b, urls
    a.close()
    b.close()


def everything_on_the_hub(hub) -> bytes:
    """Every row of every table of the hub's schema, as bytes (text columns and byte columns)."""
    out = []
    for (table,) in hub.query("SELECT tablename FROM pg_tables WHERE schemaname = 'kmdesk_hub'"):
        for row in hub.query(f"SELECT * FROM kmdesk_hub.{table}"):
            for value in row:
                out.append(bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode())
    return b"\n".join(out)


def test_the_hub_never_holds_restricted_plaintext_a_passphrase_or_a_private_key(pair, tmp_path):
    hub, a, b, _urls = pair
    record = a.records.add(restricted(f"Healing song {CANARY}", body={"en": f"verse {CANARY}"}, keywords=[CANARY],
                                      creators=[{"name": f"Elder {CANARY}", "role": "knowledge_holder"}]))
    a.records.update(record["id"], {"summary": {"en": f"sung at dawn {CANARY}"}})
    a.consent.grant(record["id"], {"granted_by": f"Council {CANARY}", "scope": ["view_community"],
                                   "witnesses": [f"Witness {CANARY}"], "conditions": f"only {CANARY}"})
    song = tmp_path / "song.txt"
    song.write_text(f"lyrics {CANARY}", encoding="utf-8")
    attachments.add(a, record["id"], song)
    public_record = a.records.add(public("Open workshop notes"))
    sync(a)
    sync(b)
    assert b.records.get(record["id"])["body"] == {"en": f"verse {CANARY}"}  # it did travel, sealed

    held = everything_on_the_hub(hub)
    assert b"Open workshop notes" in held and public_record["id"].encode() in held  # the scan sees what is there
    assert record["id"].encode() in held
    private = a.access.current.private_key
    for secret in (CANARY.encode(), PASS.encode(), MEMBER_PASS.encode(), private, base64.b64encode(private),
                   private.hex().encode(), a.access.current.signing_key, base64.b64encode(a.access.current.signing_key)):
        assert secret not in held
    for (table,) in hub.query("SELECT tablename FROM pg_tables WHERE schemaname = 'kmdesk_hub'"):
        columns = {name for (name,) in hub.query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'kmdesk_hub' AND table_name = %s",
            (table,))}
        assert not columns & {"wrapped_key", "kdf", "trust", "passphrase"}, table
    bodies = [json.loads(bytes(body)) for (body,) in hub.query("SELECT body FROM kmdesk_hub.changes WHERE kind = 'profile'")]
    assert bodies and all(set(b["data"]["row"]) <= {"id", "name", "roles", "public_key", "verify_key", "certificate",
                                                    "created_at", "key_version", "previous"} for b in bodies)


def test_a_row_altered_on_the_hub_is_refused_named_and_quarantined(pair, tmp_path, capsys, monkeypatch):
    hub, a, b, _urls = pair
    monkeypatch.setenv("KMDESK_PASSPHRASE", PASS)
    record = a.records.add(public("Rotational grazing"))
    sync(a)
    hub.execute("UPDATE kmdesk_hub.changes SET body = convert_to(replace(convert_from(body, 'UTF8'), 'Rotational', "
                "'Forged'), 'UTF8') WHERE kind = 'record'")
    report = sync(b)
    assert len(report.refused) == 1
    assert record["id"] in report.refused[0] and "signature" in report.refused[0] and "altered" in report.refused[0]
    assert record["id"] not in {r["id"] for r in b.records.iter_all()}
    [held] = hub_device.quarantined(b)
    assert held["key"] == record["id"] and "does not verify" in held["reason"]
    b.close()
    code = main(["--data-dir", str(tmp_path / "b"), "hub", "quarantine", "--profile", "Keeper"])
    out = capsys.readouterr().out
    assert code == 0 and record["id"] in out and "does not verify" in out

    a.records.update(record["id"], {"summary": {"en": "moved between pastures"}})
    sync(a)
    b2 = Library.open(tmp_path / "b")
    b2.unlock("Keeper", PASS)
    try:
        sync(b2)  # the next, honest change of the record is whole: it applies
        assert b2.records.get(record["id"])["summary"] == {"en": "moved between pastures"}
    finally:
        b2.close()


def test_columns_moved_on_the_hub_are_refused(pair):
    hub, a, b, _urls = pair
    first, second = a.records.add(public("First")), a.records.add(public("Second"))
    sync(a)
    hub.execute("UPDATE kmdesk_hub.changes SET key = %s WHERE key = %s", (second["id"], first["id"]))
    report = sync(b)
    assert any("do not match what was signed" in line for line in report.refused)
    assert b.records.get(second["id"])["title"] == {"en": "Second"}


def test_a_device_role_cannot_write_as_another_device_nor_change_the_log(pair):
    hub, a, b, urls = pair
    a.records.add(public("Anything"))
    sync(a)
    dev_a, dev_b = hub_device.joined(a).device_id, hub_device.joined(b).device_id
    with psycopg.connect(urls[1], autocommit=True) as connection:  # laptop_b's own login
        for statement, params in (
                ("UPDATE kmdesk_hub.changes SET op = 'delete'", ()),
                ("DELETE FROM kmdesk_hub.changes", ()),
                ("DELETE FROM kmdesk_hub.blobs", ()),
                ("INSERT INTO kmdesk_hub.changes (library_id, device_id, device_seq, kind, key, op, signer, body, signature) "
                 "SELECT library_id, %s, 999, kind, key, op, signer, body, signature FROM kmdesk_hub.changes LIMIT 1", (dev_a,)),
                ("INSERT INTO kmdesk_hub.changes (library_id, device_id, device_seq, kind, key, op, signer, body, signature, "
                 "pushed_by) SELECT library_id, device_id, 999, kind, key, op, signer, body, signature, pushed_by FROM "
                 "kmdesk_hub.changes LIMIT 1", ()),
                ("INSERT INTO kmdesk_hub.changes (library_id, device_id, device_seq, kind, key, op, signer, body, signature) "
                 "SELECT library_id, %s, 999, kind, key, op, 'Somebody', body, signature FROM kmdesk_hub.changes LIMIT 1",
                 (dev_b,)),
                ("INSERT INTO kmdesk_hub.changes (hub_seq, library_id, device_id, device_seq, kind, key, op, signer, body, "
                 "signature) SELECT 1, library_id, %s, 998, kind, key, op, signer, body, signature FROM kmdesk_hub.changes "
                 "LIMIT 1", (dev_b,)),
                ("INSERT INTO kmdesk_hub.device_signers (device_id, profile) VALUES (%s, 'Ama')", (dev_a,)),
                ("CREATE TABLE kmdesk_hub.mine (x int)", ()),
        ):
            with pytest.raises(psycopg.Error):
                connection.execute(statement, params)
    assert hub.query("SELECT count(*) FROM kmdesk_hub.changes WHERE device_seq >= 998") == [(0,)]


def _forge(library, hub_url: str, change: envelope.Change, signing_key: bytes) -> None:
    """Push one change signed with ``signing_key`` through a device's own login."""
    body, signature = envelope.sign(change, signing_key)
    target = server.Hub(hub_url, change.library)
    try:
        target.add_signer(change.device, change.signer)
        target.push(change.device, [{"device_seq": change.seq, "kind": change.kind, "key": change.key, "op": change.op,
                                     "signer": change.signer, "body": body, "signature": signature}], [])
    finally:
        target.close()


def test_changes_a_signer_could_not_make_or_did_not_sign_are_refused(pair, tmp_path):
    hub, a, b, urls = pair
    fishers = a.records.add({"type": "practice", "title": {"en": "Net mending"},
                             "access": {"level": "restricted", "protocols": ["Fishers"]}})
    sync(a)
    sync(b)
    joined = hub_device.joined(a)
    with a.reading() as session:
        from kmdesk.core.hub import payloads
        from kmdesk.core.store.model import Record

        row = session.get(Record, fishers["id"])
        payload = payloads.record_row(row)
    a.lock()
    a.unlock("Ama", MEMBER_PASS)  # a contributor, but no member of Fishers
    ama_key = a.access.current.signing_key
    delete = envelope.Change(joined.library_id, joined.device_id, 9000, "record", fishers["id"], "delete", "Ama",
                             {"base_seq": 0, "chained": False, "resolved": []})
    _forge(a, urls[0], delete, ama_key)
    impostor = envelope.Change(joined.library_id, joined.device_id, 9001, "record", fishers["id"], "put", "Keeper",
                               {"payload": payload, "base_seq": 0, "chained": False, "resolved": [], "patch": None})
    _forge(a, urls[0], impostor, ama_key)  # Ama's key, Keeper's name
    report = sync(b)
    assert any("Ama" in line and "may not delete this record" in line for line in report.refused)
    assert any("signature by Keeper does not verify" in line for line in report.refused)
    assert b.records.get(fishers["id"])["title"] == {"en": "Net mending"}


def test_sacred_records_never_leave_their_device(pair):
    hub, a, b, _urls = pair
    sacred = a.records.add({"type": "traditional_knowledge", "title": {"en": "Initiation site"},
                            "access": {"level": "sacred", "custodians": ["Keeper"]}})
    sync(a)
    sync(b)
    assert hub.query("SELECT count(*) FROM kmdesk_hub.changes WHERE key LIKE %s", (sacred["id"] + "%",)) == [(0,)]
    assert sacred["id"] not in {r["id"] for r in b.records.iter_all()}


def test_a_hub_holding_another_library_is_refused(pg_server, tmp_path, monkeypatch):
    monkeypatch.setenv("KMDESK_STATE_DIR", str(tmp_path / "state"))
    hub = new_hub(pg_server)
    first = device(tmp_path / "first", template(tmp_path / "one"))
    other = device(tmp_path / "other", template(tmp_path / "two"))  # another library: its own library key
    try:
        join(first, hub, "first")
        with pytest.raises(WrongLibrary):
            join(other, hub, "other")
    finally:
        first.close()
        other.close()


def test_a_row_whose_writer_signature_does_not_match_is_refused(pair):
    """The envelope's signer is certified and may change protocols, but the row it carries is not
    the row its writer signed: this device's own check of the row refuses it."""
    hub, a, b, urls = pair
    joined = hub_device.joined(a)
    with a.reading() as session:
        from kmdesk.core.hub import payloads
        from kmdesk.core.store.model import Protocol

        row = payloads.protocol_payload(session.scalar(select(Protocol).where(Protocol.name == "Fishers")))
    row["description"] = {"en": "changed after it was signed"}
    change = envelope.Change(joined.library_id, joined.device_id, 9100, "protocol", "Fishers", "put", "Keeper",
                             {"row": row})
    _forge(a, urls[0], change, a.access.current.signing_key)
    report = sync(b)
    assert any("Fishers" in line and "does not match its signature" in line for line in report.refused)
    assert b.integrity().rows == []


def test_rows_pulled_keep_passing_this_devices_own_checks(pair, tmp_path):
    hub, a, b, _urls = pair
    record = a.records.add(restricted("Healing song", body={"en": "verse"}))
    a.records.update(record["id"], {"summary": {"en": "sung at dawn"}})
    a.consent.grant(record["id"], {"granted_by": "Council", "scope": ["view_community"]})
    note = tmp_path / "note.txt"
    note.write_text("a note", encoding="utf-8")
    attachments.add(a, record["id"], note)
    a.access.add_member("Fishers", "Ama")
    sync(a)
    report = sync(b)
    assert report.refused == []
    found = b.integrity()
    assert found.damaged == [] and found.rows == []
    assert [h["action"] for h in b.history.of(record["id"])] == ["create", "edit"]
    assert b.consent.of(record["id"])[0]["granted_by"] == "Council"
