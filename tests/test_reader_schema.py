"""The reader has no schema of its own: its plain rows are written from ``model``
(``write_row_classes``) and the revision it expects is the migration scripts' head
(``revisions``), so a schema change is made in the model and a migration, nowhere else."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from sqlalchemy import JSON

from kmdesk.core.store import model, row_classes, write_row_classes
from kmdesk.core.store.engine import head_revision
from kmdesk.core.store.revisions import SCHEMA_HEAD, script_head

RERUN = "run `python -m kmdesk.core.store.write_row_classes`"


def test_row_classes_are_what_the_model_writes():
    """Fails when a column is added to (or changed in) model.py and the reader's rows were not
    written again."""
    assert write_row_classes.TARGET.read_text(encoding="utf-8") == write_row_classes.render(), RERUN


@pytest.mark.parametrize("name", list(write_row_classes.ROWS))
def test_a_plain_row_reads_every_column_of_its_table(name):
    """Every column of the table, by the model's names and in its order, but the few a row is
    declared to leave out; its JSON columns are the model's JSON columns."""
    mapped_name, left_out, _note = write_row_classes.ROWS[name]
    table = getattr(model, mapped_name).__table__
    row_class = getattr(row_classes, name)
    names = [f.name for f in fields(row_class)]
    assert names == [key for key in table.columns.keys() if key not in left_out], RERUN
    assert row_class.JSON == {key for key in names if isinstance(table.columns[key].type, JSON)}, RERUN
    assert row_class.SELECT.endswith(f" FROM {table.name}")


def _model_with(tmp_path: Path, line_after: str, added: str):
    """A copy of model.py with ``added`` after ``line_after``, imported as a module of its own."""
    source = Path(model.__file__).read_text(encoding="utf-8")
    assert line_after in source
    path = tmp_path / "model_changed.py"
    path.write_text(source.replace(line_after, line_after + "\n" + added, 1), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("model_changed", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["model_changed"] = module  # the declarative classes resolve their annotations through it
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["model_changed"]
    return module


def test_a_column_added_to_the_model_is_read_and_the_check_sees_it(tmp_path):
    changed = _model_with(tmp_path, "    source_url: Mapped[str | None] = mapped_column(Text)",
                          "    rights: Mapped[dict[str, Any]] = mapped_column(default=dict)")
    text = write_row_classes.render(changed)
    assert text != write_row_classes.render()  # the first test above fails until the rows are written again
    record_row = text[text.index("class RecordRow"):text.index("class HistoryRow")]
    assert "    rights: dict[str, Any]\n" in record_row
    assert "records.rights" in record_row and '"rights"' in record_row.split("JSON:")[1].split("\n\n")[0]


def test_a_row_leaving_out_a_column_the_table_lacks_is_refused():
    with pytest.raises(ValueError, match="profiles has no column nickname"):
        write_row_classes.read_columns(model.Profile.__table__, frozenset({"nickname"}))


def test_the_schema_head_is_the_one_alembic_finds():
    assert SCHEMA_HEAD == head_revision()


def _script(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(f'"""A migration."""\n\n{body}\nbranch_labels = None\n', encoding="utf-8")


def test_the_head_is_read_from_the_scripts_text(tmp_path):
    _script(tmp_path, "0001_a.py", "revision = '0001'\ndown_revision = None")
    _script(tmp_path, "0002_b.py", 'revision: str = "0002"\ndown_revision: str | None = "0001"')
    assert script_head(tmp_path) == "0002"
    _script(tmp_path, "0003_c.py", "revision = '0003'\ndown_revision = '0001'")
    with pytest.raises(RuntimeError, match="2 heads \\(0002, 0003\\)"):
        script_head(tmp_path)
    _script(tmp_path, "0004_merge.py", "revision = '0004'\ndown_revision = ('0002', '0003')")
    assert script_head(tmp_path) == "0004"
