"""``kmdesk trash list|restore|empty``: a deleted record is listed with a short date and who
deleted it, comes back by its short id, and is forgotten only when asked (or with --yes)."""

from __future__ import annotations

import io
import json
import re
import sys

import pytest
from conftest import KEEPER_PASSPHRASE, open_as_custodian

from kmdesk.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def data(tmp_path, monkeypatch):
    directory = tmp_path / "lib"
    with open_as_custodian(directory) as library:
        library.access.add_protocol("Healers")
        library.access.create_profile("Visitor", "visitor passphrase", ["contributor"])
        public = library.records.add({"type": "resource", "title": {"en": "Seed bank guide"}})
        hidden = library.records.add({"type": "practice", "title": {"en": "Healers' dye recipe"},
                                      "access": {"level": "restricted", "protocols": ["Healers"]}})
    monkeypatch.setenv("KMDESK_PASSPHRASE", KEEPER_PASSPHRASE)
    return directory, public["id"], hidden["id"]


def test_delete_list_restore_and_empty(data, capsys, monkeypatch):
    directory, public, hidden = data
    common = ["--data-dir", str(directory), "--profile", "Keeper"]
    code, out, _ = run(capsys, "delete", public, "--yes", *common)
    assert code == 0 and "trash restore" in out
    assert run(capsys, "delete", hidden[:8], "--yes", *common)[0] == 0

    code, out, _ = run(capsys, "trash", "list", *common)
    assert code == 0 and "Seed bank guide" in out and "Healers' dye recipe" in out and "Keeper" in out
    assert not re.search(r"\d{4}-\d\d-\d\dT", out)  # a short date people read, not ISO
    assert re.search(r"\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d", out)

    monkeypatch.setenv("KMDESK_PASSPHRASE", "visitor passphrase")
    code, out, _ = run(capsys, "trash", "list", "--data-dir", str(directory), "--profile", "Visitor")
    assert "[restricted knowledge]" in out and "dye" not in out
    code, _, err = run(capsys, "trash", "restore", hidden[:8], "--data-dir", str(directory), "--profile", "Visitor")
    assert code == 2 and "cannot restore a record you cannot open" in err
    monkeypatch.setenv("KMDESK_PASSPHRASE", KEEPER_PASSPHRASE)

    code, out, _ = run(capsys, "trash", "restore", public[:8], *common)
    assert code == 0 and f"restored {public}" in out
    code, out, _ = run(capsys, "list", "--json", *common)
    assert public in {item["id"] for item in json.loads(out)}

    code, _, err = run(capsys, "trash", "empty", *common)  # a script must say --yes
    assert code == 2 and "--yes" in err

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    assert run(capsys, "trash", "empty", hidden[:8], *common)[0] == 1
    code, out, _ = run(capsys, "trash", "empty", hidden[:8], "--yes", "--json", *common)
    assert code == 0 and json.loads(out) == {"forgotten": [hidden], "left": 0}
    code, out, _ = run(capsys, "trash", "list", *common)
    assert out.strip() == "the trash is empty"
    code, _, err = run(capsys, "trash", "restore", hidden[:8], *common)
    assert code == 2 and "no record" in err


def test_a_trashed_records_id_points_at_the_trash(data, capsys):
    """Was: "no record with id ..." for a record one 'trash restore' away."""
    directory, public, _hidden = data
    run(capsys, "delete", public, "--yes", "--data-dir", str(directory), "--profile", "Keeper")
    code, _, err = run(capsys, "show", public[:8], "--data-dir", str(directory))
    assert code != 0 and f"record {public} is in the trash: 'kmdesk trash restore {public[:8]}'" in err
    code, _, err = run(capsys, "show", "ffffffff", "--data-dir", str(directory))
    assert code != 0 and "no record with id ffffffff" in err and "trash" not in err
