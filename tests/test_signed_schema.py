"""Every column of the schema is part of a signed form (``trust.rows.SIGNED``) or declared
unsigned with the reason it may be (``trust.rows.UNSIGNED``): a column added to the model
without either fails here, so no new field can decide anything unsigned by oversight."""

from __future__ import annotations

from kmdesk.core.store import model
from kmdesk.core.trust import rows


def _columns() -> dict[str, set[str]]:
    return {name: set(table.columns.keys()) for name, table in model.Base.metadata.tables.items()}


def test_every_column_is_signed_or_declared_unsigned_with_a_reason():
    undeclared = []
    for table, columns in _columns().items():
        if f"{table}.*" in rows.UNSIGNED:
            continue
        for column in sorted(columns):
            if column not in rows.SIGNED.get(table, ()) and f"{table}.{column}" not in rows.UNSIGNED:
                undeclared.append(f"{table}.{column}")
    assert undeclared == [], "add these to a signed form in trust/rows.py, or to UNSIGNED with why"


def test_signed_forms_and_declarations_name_only_real_columns():
    columns = _columns()
    for table, signed in rows.SIGNED.items():
        assert set(signed) <= columns[table], table
        assert not any(f"{table}.{column}" in rows.UNSIGNED for column in signed), table
        assert f"{table}.*" not in rows.UNSIGNED, table
    for declared, why in rows.UNSIGNED.items():
        table, column = declared.split(".")
        assert why.strip(), declared
        assert table in columns and (column == "*" or column in columns[table]), declared


def test_every_signed_table_but_profiles_carries_a_row_signature_and_a_signer_rule():
    columns = _columns()
    for table in rows.SIGNED:
        if table == "profiles":
            assert "certificate" in columns[table]
            continue
        assert {"row_sig", "row_signer"} <= columns[table], table
        assert table in rows.MAY_SIGN, table


def test_the_signed_form_covers_the_table_library_and_every_signed_column():
    row = {"id": 7, "name": "Women", "community": "Ayllu", "kind": "strict", "is_community": False,
           "description": {}, "key_version": 1}
    base = rows.canonical("protocols", "library-a", row)
    assert rows.canonical("protocols", "library-b", row) != base
    assert rows.canonical("communities", "library-a", row) != rows.canonical("communities", "library-a", {**row, "id": 8})
    for column, changed in (("id", 8), ("name", "Healers"), ("kind", "open"), ("community", None), ("key_version", 2),
                            ("is_community", True)):
        assert rows.canonical("protocols", "library-a", {**row, column: changed}) != base, column
    assert rows.canonical("protocols", "library-a", {**row, "is_community": 0}) == base  # SQLite's 0 is False


def test_every_test_the_threat_model_names_exists():
    """docs/security.md names, per attack class, the test that proves it: each must be a test."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    text = (root / "docs" / "security.md").read_text(encoding="utf-8")
    table = text[text.index("## Threat model"):text.index("## Known limits")]
    named = {name for name in re.findall(r"\b(test_\w+)\b", table) if not (root / "tests" / f"{name}.py").is_file()}
    defined = {name for path in (root / "tests").glob("test_*.py")
               for name in re.findall(r"^def (test_\w+)", path.read_text(encoding="utf-8"), re.M)}
    assert len(named) > 20 and named <= defined, sorted(named - defined)
    for path in re.findall(r"tests/(test_\w+)\.py", table):
        assert (root / "tests" / f"{path}.py").exists(), path
