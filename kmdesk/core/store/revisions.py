"""The schema revision this code is written for: the head of the Alembic scripts, read from their
text, so a command that only reads (``reader``) knows it without importing alembic or SQLAlchemy
and without touching a database. A library at ``SCHEMA_HEAD`` is read as it is; one behind it is
upgraded by the store first. A test keeps it equal to what alembic itself finds.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from kmdesk.core import paths

# the lines ``migrations/script.py.mako`` writes: ``revision = '0006'``, ``down_revision = '0005'``
_ASSIGNED = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _links(script: Path) -> tuple[str, tuple[str, ...]]:
    """A script's revision and the revisions it follows (none for the first, two for a merge)."""
    found = {name: ast.literal_eval(value) for name, value in _ASSIGNED.findall(script.read_text(encoding="utf-8"))}
    revision, down = found.get("revision"), found.get("down_revision")
    if not isinstance(revision, str):
        raise RuntimeError(f"{script.name}: no 'revision = ...' line")
    follows = () if down is None else (down,) if isinstance(down, str) else tuple(down)
    return revision, follows


def script_head(versions: Path) -> str:
    """The one revision in the ``versions`` folder that no other script follows."""
    links = [_links(script) for script in sorted(versions.glob("*.py"))]
    followed = {down for _revision, follows in links for down in follows}
    heads = sorted(revision for revision, _follows in links if revision not in followed)
    if len(heads) != 1:
        raise RuntimeError(f"the migrations in {versions} have {len(heads)} heads ({', '.join(heads)}), not one")
    return heads[0]


def script_revisions(versions: Path) -> frozenset[str]:
    """Every revision this code's scripts know: a library at any other was made by a newer kmdesk."""
    return frozenset(_links(script)[0] for script in versions.glob("*.py"))


SCHEMA_HEAD = script_head(paths.migrations() / "versions")
KNOWN_REVISIONS = script_revisions(paths.migrations() / "versions")
