"""Where kmdesk finds its shipped resources and the user's library."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    """A file shipped in ``resources/`` (vocabularies, demo library, icons)."""
    return RESOURCES.joinpath(*parts)


def default_data_dir() -> Path:
    """The user's library: ``KMDESK_DATA_DIR`` wins over the platform's data directory so field
    kits and tests can point anywhere without touching the user's own library."""
    override = os.environ.get("KMDESK_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("kmdesk", "kmdesk"))
