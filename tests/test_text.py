"""The text boundary (core/text.py): nothing a store or index cannot hold gets in, and a library
that an older kmdesk let such text into still opens and is repaired by ``kmdesk check``."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import select

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.store import text
from kmdesk.core.store.library import Library
from kmdesk.core.store.model import HistoryEntry, Record


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KMDESK_FAST_KDF": "1"}
    return subprocess.run([sys.executable, "-m", "kmdesk.cli", "--data-dir", str(data_dir), *args],
                          capture_output=True, env=env)


def test_clean_normalises_to_nfc_and_line_feeds():
    decomposed = unicodedata.normalize("NFD", "Intercambio de semillas de papá")
    assert text.clean(decomposed, "title") == "Intercambio de semillas de papá"
    assert text.clean("a\r\nb\rc", "body") == "a\nb\nc"
    assert text.clean("tab\tand\nline", "body") == "tab\tand\nline"


@pytest.mark.parametrize("bad, words", [("\ud800", "surrogate"), ("bad \udcff byte", "byte 0xff"),
                                        ("bell\x07", "U+0007"), ("c1\x85", "U+0085"), ("del\x7f", "U+007F")])
def test_clean_refuses_what_cannot_be_stored_and_names_the_field(bad, words):
    with pytest.raises(InvalidRecord) as caught:
        text.clean(bad, "title[en]")
    assert str(caught.value).startswith("title[en]: ") and words in str(caught.value)


def test_repair_replaces_and_keeps_healthy_values_as_they_are():
    healthy = {"title": {"es": "papá"}, "keywords": ["a"]}
    assert text.repair(healthy) is healthy and text.readable(healthy) is healthy
    assert text.repair({"t": ["x\ud800\x01"]}) == {"t": ["x\ufffd"]}
    assert text.readable({"t": "x\udcff"}) == {"t": "x\ufffd"}


def test_every_text_of_a_record_passes_the_boundary(library):
    for field, value in [("title", {"en": "bad \udcff"}), ("keywords", ["ok", "\ud800"]), ("community", "x\x00"),
                         ("creators", [{"name": "\udcff", "role": "author"}]), ("places", ["\x1b[31m"]),
                         ("identifiers", {"doi": "10.1/\ud800"})]:
        record = {"type": "resource", "title": {"en": "T"}, field: value}
        with pytest.raises(InvalidRecord) as caught:
            library.records.add(record)
        assert str(caught.value).startswith(field)
    assert library.records.count() == 4


def test_cli_argument_with_an_undecodable_byte_is_refused_and_the_library_keeps_working(tmp_path):
    lib = tmp_path / "lib"
    _cli("init", data_dir=lib)
    added = _cli("add", "--type", "resource", "--title", os.fsdecode(b"bad \xff byte"), data_dir=lib)
    assert added.returncode != 0
    assert b"byte 0xff" in added.stderr and b"internal error" not in added.stderr
    listed = _cli("list", data_dir=lib)
    assert listed.returncode == 0, listed.stderr


def _poison(lib: Path) -> str:
    """What an older kmdesk allowed: a lone surrogate and a control character written to a
    record and its history."""
    with Library.open(lib) as library:
        record_id = library.records.add({"type": "resource", "title": {"en": "healthy seed"}})["id"]
        with library.writing() as session:
            row = session.get(Record, record_id)
            row.title = {"en": "bad \udcff seed"}
            row.keywords = ["bell\x07"]
            for entry in session.scalars(select(HistoryEntry).where(HistoryEntry.record_id == record_id)):
                entry.changes = {"title": [None, {"en": "bad \udcff seed"}]}
    return record_id


def test_a_library_already_holding_bad_text_opens_and_check_repairs_it(tmp_path):
    lib = tmp_path / "lib"
    record_id = _poison(lib)
    with Library.open(lib) as library:  # used to fail in every command: the indexer hit the surrogate
        assert library.records.get(record_id)["title"] == {"en": "bad \ufffd seed"}
        assert library.index.search("seed").total == 1
    checked = _cli("check", data_dir=lib)
    assert checked.returncode == 0, checked.stderr
    assert b"repaired invalid text" in checked.stdout and b"1 record" in checked.stdout
    with Library.open(lib) as library:
        with library.reading() as session:
            row = session.get(Record, record_id)
            assert row.title == {"en": "bad \ufffd seed"} and row.keywords == ["bell"]
            changes = [e.changes for e in session.scalars(select(HistoryEntry).where(HistoryEntry.record_id == record_id))]
        assert all(text.readable(c) is c for c in changes)  # nothing left that reading would repair
        assert text.repair_library(library) == 0  # nothing left to repair


def test_hub_text_passes_the_boundary():
    from kmdesk.core.io import localcontexts

    project = localcontexts.parse_project({"unique_id": "p1", "title": "Seeds \ud800 project\x07",
                                           "tk_labels": [{"label_type": "attribution", "name": "TK A",
                                                          "label_text": "Text \udcff"}]})
    assert project.title == "Seeds \ufffd project"
    assert all(text.readable(label.text) is label.text for label in project.labels)


def test_consent_text_passes_the_boundary():
    from kmdesk.core.trust import consent

    grant = {"granted_by": "Council \udcff", "scope": ["share_chm"], "given_on": "2024-01-02"}
    with pytest.raises(InvalidRecord, match="consent.granted_by: the byte 0xff"):
        consent.normalize_consent(grant)
    with pytest.raises(InvalidRecord, match="consent.witnesses"):
        consent.normalize_consent({**grant, "granted_by": "Council", "witnesses": ["a\x00"]})


def test_names_of_profiles_communities_and_protocols_pass_the_boundary(tmp_path):
    with Library.open(tmp_path / "lib") as library:
        with pytest.raises(InvalidRecord, match="name: the byte 0xff"):
            library.access.create_profile("bad \udcff", "a long passphrase", ["custodian"])
        library.access.create_profile("keeper", "a long passphrase", ["custodian"])
        library.unlock("keeper", "a long passphrase")
        with pytest.raises(InvalidRecord, match="name: character 4 is the control character"):
            library.access.add_community("bad\x1b[31m")
        with pytest.raises(InvalidRecord, match="name: character 1 is U\\+D800"):
            library.access.add_protocol("\ud800")
        assert library.access.communities() == [] and library.access.protocols() == []
