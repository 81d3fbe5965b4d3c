"""The hub's side: connecting to PostgreSQL (SQLAlchemy 2 and psycopg 3), making its schema, its
device roles, and the few statements a sync runs there.

Nothing here decides what a row means: the hub is a log of signed bytes. Every failure to reach
it becomes ``HubUnavailable`` (the library works on, the next sync sends what waits), every
refusal by the database (a role writing as another device) ``HubError``.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import create_engine, exc, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection, Engine

from kmdesk.core import paths
from kmdesk.core.hub import schema as hub
from kmdesk.core.hub.errors import HubError, HubUnavailable

CONNECT_TIMEOUT = 5  # seconds: a hub that does not answer is down for this sync
OLDEST_SERVER = (14,)  # PostgreSQL: the oldest major version the hub's schema and policies are tested against
_DEVICE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,30}$")


def sqlalchemy_url(url: str) -> str:
    """``postgresql://...`` (as PostgreSQL tools write it) as SQLAlchemy's psycopg 3 URL."""
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    raise HubError(f"{safe_url(url)} is not a PostgreSQL address (postgresql://user@host/database)")


def safe_url(url: str) -> str:
    """The address with its password hidden, to show or store."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def without_password(url: str) -> tuple[str, str | None]:
    """(the address without its password, the password)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url, None
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{user}@{host}")), parts.password


def with_passfile(url: str, passfile: str | None) -> str:
    """The address reading its password from a libpq password file (``passfile``)."""
    if passfile is None:
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "passfile"] + [("passfile", passfile)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def connect(url: str) -> Engine:
    """An engine for the hub at ``url`` (nothing is sent until it is used)."""
    return create_engine(sqlalchemy_url(url), pool_pre_ping=True, pool_size=2, max_overflow=2,
                         connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": "kmdesk"})


@contextmanager
def reaching(url: str) -> Iterator[None]:
    """Turn the database's errors into the hub's: down or unreachable, or refused."""
    try:
        yield
    except (exc.OperationalError, exc.InterfaceError) as error:
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error) else type(error).__name__
        raise HubUnavailable(f"the hub at {safe_url(url)} cannot be reached ({reason}); nothing was lost: "
                             "the library works on and the next sync sends what waits", url=safe_url(url)) from None
    except exc.DBAPIError as error:
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
        raise HubError(f"the hub at {safe_url(url)} refused: {reason}", url=safe_url(url)) from None


def init(url: str) -> str:
    """Create or upgrade the hub's schema at ``url`` (a role that may create schemas and roles:
    the server's administrator); returns its revision."""
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    engine = connect(url)
    try:
        with reaching(url), engine.begin() as connection:
            version = connection.dialect.server_version_info or ()
            if version < OLDEST_SERVER:
                raise HubError(f"the server at {safe_url(url)} runs PostgreSQL {'.'.join(map(str, version))}: the hub needs "
                               f"PostgreSQL {'.'.join(map(str, OLDEST_SERVER))} or newer (docs/hub.md); nothing was changed",
                               url=safe_url(url))
            config = Config()
            config.set_main_option("script_location", str(paths.package_path("kmdesk.core.hub", "migrations")))
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")
            return ScriptDirectory.from_config(config).get_current_head() or ""
    finally:
        engine.dispose()


def add_device(url: str, name: str) -> str:
    """Make a login role for one device (as the server's administrator) and return the
    address that device joins with, its new password in it."""
    if not _DEVICE_NAME.match(name):
        raise HubError(f"{name!r} is not a device name (lower-case letters, digits and _, starting with a letter)")
    engine = connect(url)
    password = secrets.token_urlsafe(24)
    try:
        with reaching(url), engine.begin() as connection:
            database = str(connection.exec_driver_sql("SELECT current_database()").scalar())
            group = hub.device_group(database)
            if not connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": group}).first():
                raise HubError(f"the hub at {safe_url(url)} has no schema yet: run 'kmdesk hub init' first")
            role = f"{database}_{name}"[:63]
            if connection.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}).first():
                raise HubError(f"a device named {name} already exists on this hub")
            connection.exec_driver_sql(f'CREATE ROLE "{role}" LOGIN PASSWORD \'{password}\' IN ROLE "{group}"')
    finally:
        engine.dispose()
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{role}:{password}@{host}"))


@dataclass
class HubRow:
    """One change as the hub gives it back."""

    hub_seq: int
    device_id: str
    device_seq: int
    kind: str
    key: str
    op: str
    signer: str
    body: bytes
    signature: bytes


class Hub:
    """A device's connection to its hub, for one library."""

    def __init__(self, url: str, library_id: str) -> None:
        self.url = url
        self.library_id = library_id
        self.engine = connect(url)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with reaching(self.url), self.engine.begin() as connection:
            yield connection

    def library_key(self) -> bytes | None:
        with self.begin() as connection:
            found = connection.execute(select(hub.libraries.c.library_key)
                                       .where(hub.libraries.c.library_id == self.library_id)).scalar()
            return bytes(found) if found is not None else None

    def libraries(self) -> list[tuple[str, bytes]]:
        with self.begin() as connection:
            return [(row[0], bytes(row[1])) for row in connection.execute(
                select(hub.libraries.c.library_id, hub.libraries.c.library_key))]

    def register(self, library_key: bytes, device_id: str, label: str, signer: str) -> None:
        """Record the library (if new), this device and its signing profile (each once)."""
        with self.begin() as connection:
            connection.execute(pg_insert(hub.libraries).values(library_id=self.library_id, library_key=library_key)
                               .on_conflict_do_nothing())
            connection.execute(pg_insert(hub.devices).values(device_id=device_id, library_id=self.library_id, label=label)
                               .on_conflict_do_nothing())
            self._signer(connection, device_id, signer)

    def add_signer(self, device_id: str, signer: str) -> None:
        with self.begin() as connection:
            self._signer(connection, device_id, signer)

    @staticmethod
    def _signer(connection: Connection, device_id: str, signer: str) -> None:
        connection.execute(pg_insert(hub.device_signers).values(device_id=device_id, profile=signer)
                           .on_conflict_do_nothing())

    def signers(self, device_id: str) -> set[str]:
        with self.begin() as connection:
            return set(connection.execute(select(hub.device_signers.c.profile)
                                          .where(hub.device_signers.c.device_id == device_id)).scalars())

    def push(self, device_id: str, rows: Sequence[dict[str, Any]], chunks: Iterable[tuple[str, int, bytes]]) -> None:
        """Append changes (and the attachment chunks they name) in one transaction. A change
        already there (the same device and sequence: a push cut short and sent again) is left
        as it is. The lock makes the hub's sequence follow commit order."""
        with self.begin() as connection:
            connection.execute(select(func.pg_advisory_xact_lock(hub.PUSH_LOCK)))
            parts = [{"library_id": self.library_id, "device_id": device_id, "blob": blob, "chunk": number, "data": data}
                     for blob, number, data in chunks]
            if parts:
                connection.execute(pg_insert(hub.blobs).on_conflict_do_nothing(), parts)
            if rows:
                connection.execute(pg_insert(hub.changes).on_conflict_do_nothing(index_elements=["device_id", "device_seq"]),
                                   [{**row, "library_id": self.library_id, "device_id": device_id} for row in rows])

    def pull(self, after: int, limit: int) -> list[HubRow]:
        """The next changes after hub sequence ``after``, in the hub's order."""
        c = hub.changes.c
        with self.begin() as connection:
            rows = connection.execute(select(c.hub_seq, c.device_id, c.device_seq, c.kind, c.key, c.op, c.signer, c.body,
                                             c.signature).where(c.library_id == self.library_id, c.hub_seq > after)
                                      .order_by(c.hub_seq).limit(limit)).all()
        return [HubRow(int(r[0]), r[1], int(r[2]), r[3], r[4], r[5], r[6], bytes(r[7]), bytes(r[8])) for r in rows]

    def chunks(self, device_id: str, blob: str) -> Iterator[bytes]:
        """An attachment's stored bytes as ``device_id`` pushed them, chunk by chunk."""
        b = hub.blobs.c
        number = 0
        while True:
            with self.begin() as connection:
                data = connection.execute(select(b.data).where(b.library_id == self.library_id, b.device_id == device_id,
                                                               b.blob == blob, b.chunk == number)).scalar()
            if data is None:
                return
            yield bytes(data)
            number += 1

    def newest(self) -> int:
        """The hub's newest sequence for this library (0: none): what a sync needs, read from
        the index without counting the log, whose length is the library's."""
        c = hub.changes.c
        with self.begin() as connection:
            return int(connection.execute(select(func.max(c.hub_seq)).where(c.library_id == self.library_id)).scalar() or 0)

    def head(self) -> dict[str, Any]:
        """The hub's newest sequence for this library and how many changes it holds."""
        c = hub.changes.c
        with self.begin() as connection:
            newest, total = connection.execute(select(func.max(c.hub_seq), func.count())
                                               .where(c.library_id == self.library_id)).one()
        return {"hub_seq": int(newest or 0), "changes": int(total or 0)}

    def change_at(self, hub_seq: int) -> tuple[str, int] | None:
        """(device, device sequence) of the change the hub holds at ``hub_seq``, if any."""
        c = hub.changes.c
        with self.begin() as connection:
            found = connection.execute(select(c.device_id, c.device_seq).where(
                c.library_id == self.library_id, c.hub_seq == hub_seq)).first()
        return (str(found[0]), int(found[1])) if found is not None else None

    def device_seq(self, device_id: str) -> int:
        """The highest sequence the hub holds from ``device_id`` (0: none)."""
        c = hub.changes.c
        with self.begin() as connection:
            return int(connection.execute(select(func.coalesce(func.max(c.device_seq), 0))
                                          .where(c.device_id == device_id)).scalar() or 0)

    def devices(self) -> list[dict[str, Any]]:
        d = hub.devices.c
        with self.begin() as connection:
            rows = connection.execute(select(d.device_id, d.label, d.role_name, d.joined_at)
                                      .where(d.library_id == self.library_id).order_by(d.joined_at)).all()
        return [{"device": r[0], "label": r[1], "role": r[2], "joined_at": r[3].isoformat(timespec="seconds")} for r in rows]

