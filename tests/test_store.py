"""The store: records, validation, history, migrations and the index kept in step."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from kmdesk.core.errors import Cancelled, InvalidRecord, NotFound, StoreError
from kmdesk.core.io import exporter, library_file
from kmdesk.core.store.engine import head_revision, make_engine, migrate
from kmdesk.core.store.library import Library


@pytest.fixture
def lib(tmp_path):
    with Library.open(tmp_path / "lib") as library:
        yield library


def make(**overrides):
    record = {"type": "practice", "title": {"en": "Rotational grazing on communal rangeland"},
              "summary": {"en": "Herders move cattle between wet- and dry-season pastures."},
              "keywords": ["pastoralism", "rangeland"], "gbf_targets": [10, 22], "countries": ["KE"]}
    record.update(overrides)
    return record


def test_add_get_roundtrip_multilingual(lib):
    record = lib.records.add(make(title={"en": "Seed fair", "es": "Feria de semillas", "zh": "种子交换会"}))
    again = lib.records.get(record["id"])
    assert again["title"] == {"en": "Seed fair", "es": "Feria de semillas", "zh": "种子交换会"}
    assert again["countries"] == ["ke"]  # normalised to lower-case ISO
    assert again["gbf_targets"] == [10, 22]
    assert again["revision"] == 1


@pytest.mark.parametrize("bad, field", [
    ({"type": "poem"}, "type"),
    ({"title": {}}, "title"),
    ({"gbf_targets": [24]}, "gbf_targets"),
    ({"gbf_goals": ["E"]}, "gbf_goals"),
    ({"countries": ["Kenya"]}, "countries"),
    ({"date": "2024-13"}, "date"),
    ({"title": {"not a tag!": "x"}}, "title"),
    ({"colour": "red"}, "colour"),
    ({"labels": ["TK ZZ"]}, "labels"),
])
def test_invalid_records_name_the_field_and_store_nothing(lib, bad, field):
    with pytest.raises(InvalidRecord) as err:
        lib.records.add(make(**bad))
    assert field in str(err.value)
    assert lib.records.count() == 0


def test_edit_history_who_when_what(lib):
    record = lib.records.add(make(), by="Amina")
    lib.records.update(record["id"], {"title": {"en": "Seasonal grazing plan"}, "keywords": ["pastoralism"]}, by="Joseph")
    history = lib.history.of(record["id"])
    assert [h["action"] for h in history] == ["create", "edit"]
    assert history[1]["by"] == "Joseph"
    assert history[1]["changes"]["title"] == [{"en": "Rotational grazing on communal rangeland"}, {"en": "Seasonal grazing plan"}]
    assert set(history[1]["changes"]) == {"title", "keywords"}
    assert lib.records.get(record["id"])["revision"] == 2


def test_no_op_edit_changes_nothing(lib):
    record = lib.records.add(make())
    lib.records.update(record["id"], {"keywords": ["pastoralism", "rangeland"]})
    assert lib.records.get(record["id"])["revision"] == 1
    assert len(lib.history.of(record["id"])) == 1


def test_delete_keeps_history_and_leaves_index(lib):
    record = lib.records.add(make())
    assert lib.index.search("grazing").total == 1
    lib.records.delete(record["id"])
    with pytest.raises(NotFound):
        lib.records.get(record["id"])
    assert lib.index.search("grazing").total == 0
    assert [h["action"] for h in lib.history.of(record["id"])] == ["create", "delete"]


def test_index_follows_every_change(lib):
    record = lib.records.add(make())
    assert [h.id for h in lib.index.search("rangeland").hits] == [record["id"]]
    lib.records.update(record["id"], {"title": {"en": "Mangrove replanting"}})
    assert lib.index.search("mangrove").total == 1
    assert lib.check().ok


def test_check_reports_drift_and_reindex_repairs(lib):
    a = lib.records.add(make())
    lib.records.add(make(title={"en": "Fish weir"}))
    lib.index.public.delete([a["id"]])  # the index loses a document behind the store's back
    drift = lib.check()
    assert drift.missing == [a["id"]] and not drift.ok
    seen = []
    assert lib.index.reindex(progress=lambda done, total: seen.append((done, total))) == 2
    assert seen[-1] == (2, 2)
    assert lib.check().ok


def test_queued_index_work_survives_a_crash(tmp_path):
    """An id left in index_queue (crash after commit, before indexing) is indexed on reopen."""
    with Library.open(tmp_path / "lib") as lib:
        record = lib.records.add(make())
        lib.index.public.delete([record["id"]])
        with lib.engine.begin() as connection:  # the queue row a crash left, as the file holds it
            connection.exec_driver_sql("INSERT INTO index_queue (record_id) VALUES (?)", (record["id"],))
    with Library.open(tmp_path / "lib") as lib:
        assert lib.index.search("rangeland").total == 1
        assert lib.check().ok


def test_missing_index_is_rebuilt_on_open(tmp_path):
    import shutil
    with Library.open(tmp_path / "lib") as lib:
        lib.records.add(make())
    shutil.rmtree(tmp_path / "lib" / "index")
    with Library.open(tmp_path / "lib") as lib:
        assert lib.index.search("rangeland").total == 1


def test_sqlite_runs_in_wal_with_foreign_keys(lib):
    with lib.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_library_made_by_first_revision_is_upgraded(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(folder / "library.db")
    migrate(engine, "0001")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO records (id, type, title, summary, body, keywords, gbf_goals, gbf_targets, subjects, "
            "countries, places, languages, creators, identifiers, revision, created_at, updated_at) VALUES "
            "('0b0c6f9e-2c1a-4c0e-9a57-0d7a3e6c1b22', 'practice', :title, '{}', '{}', '[]', '[]', '[3]', '[]', "
            "'[]', '[]', '[]', '[]', '{}', 1, '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00')"),
            {"title": json.dumps({"fr": "Pêche traditionnelle"})})
    engine.dispose()
    with Library.open(folder) as lib:
        record = lib.records.get("0b0c6f9e-2c1a-4c0e-9a57-0d7a3e6c1b22")
        assert record["title"] == {"fr": "Pêche traditionnelle"}
        assert record["access"]["level"] == "public"
        with lib.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        assert lib.index.search("peche").total == 1
    assert (folder / "backups" / "library-0001.db").exists()


def test_a_library_made_by_a_newer_kmdesk_is_refused_and_left_alone(tmp_path):
    """Was: "upgrading the library from revision 0008 to 0007", a backup, then alembic's own error."""
    folder = tmp_path / "newer"
    Library.open(folder).close()
    engine = make_engine(folder / "library.db")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    before = (folder / "library.db").read_bytes()
    with pytest.raises(StoreError, match=r"made by a newer kmdesk \(revision 9999; this one knows up to"):
        Library.open(folder)
    assert (folder / "library.db").read_bytes() == before and not (folder / "backups").exists()


def test_json_export_import_roundtrip_exact(tmp_path, lib):
    a = lib.records.add(make(title={"en": "Seed fair", "ar": "معرض البذور"}), by="Amina")
    lib.records.update(a["id"], {"summary": {"en": "Annual exchange."}}, by="Joseph")
    lib.records.add(make(type="resource", resource_kind="guide", title={"ru": "Руководство по пастбищам"}))
    path = tmp_path / "out.json"
    exporter.export(lib, "json", path)
    with Library.open(tmp_path / "copy") as copy:
        report = copy.imports.library_file(library_file.read(path))
        assert report["counts"] == {"imported": 2}
        exporter.export(copy, "json", tmp_path / "again.json")
        assert library_file.read(tmp_path / "again.json") == library_file.read(path)


def test_import_reports_row_by_row_and_cancel_changes_nothing(lib, tmp_path):
    good, bad = make(), make(gbf_targets=[99])
    report = lib.imports.library_file({"records": [good, bad]})
    assert [r["status"] for r in report["rows"]] == ["imported", "error"]
    assert "gbf_targets" in report["rows"][1]["reason"]
    before = lib.records.count()
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        lib.imports.library_file({"records": [make(), make()]}, cancel=lambda: next(calls))
    assert lib.records.count() == before


def test_unreadable_library_files_get_clear_errors(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "kmdesk-library", "records": [', encoding="utf-8")
    with pytest.raises(InvalidRecord, match="broken.json: not valid JSON"):
        library_file.read(broken)
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(InvalidRecord, match="not a kmdesk library file"):
        library_file.read(other)
