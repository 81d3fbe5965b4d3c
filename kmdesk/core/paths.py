"""Where kmdesk finds its shipped resources and the user's library.

What kmdesk reads at run time is package data, found through ``importlib.resources`` the same
way from a source checkout (editable install), an installed wheel and a frozen build:
``kmdesk.resources`` (the top-level ``resources/`` folder, mapped in pyproject.toml),
``kmdesk/translations`` (``.qm`` compiled by ``kmdesk.i18n_build``) and the Alembic migrations
in ``kmdesk/core/store/migrations``. Nothing is ever written there: the user's data lives in
``default_data_dir``.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import platformdirs


def package_path(package: str, *parts: str) -> Path:
    """A file or folder shipped in ``package``, as a real path: Qt, Alembic and SQLite open
    files by name, and kmdesk is only ever installed unpacked (wheel, frozen folder)."""
    found = files(package).joinpath(*parts)
    if not isinstance(found, Path):
        raise RuntimeError(f"kmdesk must be installed unpacked: {package} is not on the file system ({found!r})")
    return found


def resource(*parts: str) -> Path:
    """A file shipped in ``resources/`` (vocabularies, demo library, icons)."""
    return package_path("kmdesk.resources", *parts)


def translations() -> Path:
    """The folder of compiled translations, ``kmdesk_<language>.qm``."""
    return package_path("kmdesk", "translations")


def migrations() -> Path:
    """The Alembic script folder (``env.py``, ``versions/``)."""
    return package_path("kmdesk.core.store", "migrations")


def default_data_dir() -> Path:
    """The user's library: ``KMDESK_DATA_DIR`` wins over the platform's data directory so field
    kits and tests can point anywhere without touching the user's own library."""
    override = os.environ.get("KMDESK_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("kmdesk", "kmdesk"))


def state_dir() -> Path:
    """What kmdesk keeps for this user outside any library (the rollback witness,
    ``trust.witness``): ``KMDESK_STATE_DIR`` wins over the platform's state directory, so tests
    and field kits can point anywhere."""
    override = os.environ.get("KMDESK_STATE_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_state_dir("kmdesk", "kmdesk"))
