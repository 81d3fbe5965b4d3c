"""What the hub tests share: a fresh hub database on the session's PostgreSQL, device logins, and
device libraries that are copies of one library (as a community's keepers each hold one)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import psycopg

PASS = "keeper passphrase long"
MEMBER_PASS = "member passphrase long"


@dataclass
class HubDb:
    admin_url: str
    database: str

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(self.admin_url) as connection:
            return connection.execute(sql, params).fetchall()

    def execute(self, sql: str, params: tuple = ()) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql, params)


def new_hub(pg_server) -> HubDb:
    from kmdesk.core.hub import server

    database = pg_server.new_database()
    url = pg_server.url(database)
    server.init(url)
    return HubDb(url, database)


def template(folder: Path) -> Path:
    """A library with its custodian Keeper, a contributor Ama (member of Healers), the protocols
    Healers and Fishers and the community Ayllu: what every device starts from."""
    from kmdesk.core.store.library import Library

    with Library.open(folder) as library:
        library.access.create_profile("Keeper", PASS, ["custodian"])
        library.unlock("Keeper", PASS)
        library.access.add_community("Ayllu")
        library.access.add_protocol("Healers")
        library.access.add_protocol("Fishers")
        library.access.create_profile("Ama", MEMBER_PASS, ["contributor"])
        library.access.add_member("Healers", "Ama")
    return folder


def device(folder: Path, copy_of: Path, profile: str = "Keeper"):
    """A device's library: a copy of ``copy_of``, opened and unlocked."""
    from kmdesk.core.store.library import Library

    shutil.copytree(copy_of, folder)
    library = Library.open(folder)
    library.unlock(profile, PASS if profile == "Keeper" else MEMBER_PASS)
    return library


def reopen(folder: Path, profile: str = "Keeper"):
    """A device's library opened again in its own folder, as its next start opens it (a copy in
    another folder is another device: it joins again)."""
    from kmdesk.core.store.library import Library

    library = Library.open(folder)
    library.unlock(profile, PASS if profile == "Keeper" else MEMBER_PASS)
    return library


def join(library, hub: HubDb, name: str) -> str:
    from kmdesk.core.hub import device as hub_device
    from kmdesk.core.hub import server

    url = server.add_device(hub.admin_url, name)
    hub_device.join(library, url, label=name)
    return url


def sync(library):
    from kmdesk.core.hub import sync as hub_sync

    return hub_sync.sync(library)


def public(title: str, **extra) -> dict:
    return {"type": "practice", "title": {"en": title}, **extra}


def restricted(title: str, **extra) -> dict:
    return {"type": "traditional_knowledge", "title": {"en": title},
            "access": {"level": "restricted", "protocols": ["Healers"]}, **extra}
