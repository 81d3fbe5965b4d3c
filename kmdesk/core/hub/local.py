"""What a device keeps about its hub, inside its own library.db: made when it joins.

- ``hubsync_state``: the hub's address, this device's id, the library id, the last hub sequence
  applied and the last device sequence given, the last sync's time and error;
- ``hubsync_dirty``: what changed here since it was last staged, written by triggers in the
  transaction of the change itself, so no write path can forget to say it (a kill between the
  change and a sync loses nothing);
- ``hubsync_outgoing``: signed changes staged for the hub, kept until the hub's log gives them
  back in its order (pushed or not: a push cut short is sent again, the hub ignores a copy);
- ``hubsync_shadow``: per replicated row, the hub's state of it as last applied here (the common
  ancestor of a merge), sealed like the record it shadows;
- ``hubsync_rowmap``: the hub's key of a history row, which has no identity of its own;
- ``hubsync_conflicts``: records in conflict and the field, values sealed in the shadow;
- ``hubsync_pending``: a field's base or resolution waiting for the next staged change;
- ``hubsync_quarantine``: changes from the hub that failed a check, named with the reason.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Column,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

metadata = MetaData()

state = Table("hubsync_state", metadata, Column("key", String(40), primary_key=True), Column("value", Text, nullable=False))
dirty = Table("hubsync_dirty", metadata, Column("kind", String(16), primary_key=True),
              Column("key", String(300), primary_key=True))
outgoing = Table(
    "hubsync_outgoing", metadata,
    Column("device_seq", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(16), nullable=False), Column("key", String(300), nullable=False, index=True),
    Column("op", String(8), nullable=False), Column("signer", String(200), nullable=False),
    Column("body", LargeBinary, nullable=False), Column("signature", LargeBinary, nullable=False),
    Column("pushed", Integer, nullable=False, default=0),
)
shadow = Table(
    "hubsync_shadow", metadata,
    Column("kind", String(16), primary_key=True), Column("key", String(300), primary_key=True),
    Column("hub_seq", Integer, nullable=False), Column("device", String(64), nullable=False),
    Column("digest", String(64), nullable=False),  # of the payload as last applied: what a push compares with
    Column("row", Text),        # a record's payload (row and keys) as last applied; None for other kinds
    Column("state", Text),      # a record's merged state when it is not the row's (plain or sealed JSON)
    Column("deleted", Integer, nullable=False, default=0),
    Column("conflicted", Integer, nullable=False, default=0),
)
rowmap = Table("hubsync_rowmap", metadata, Column("kind", String(16), primary_key=True),
               Column("key", String(300), primary_key=True), Column("local_id", Integer, nullable=False, index=True))
conflicts = Table("hubsync_conflicts", metadata, Column("record_id", String(36), primary_key=True),
                  Column("field", String(40), primary_key=True), Column("hub_seq", Integer, nullable=False))
pending = Table("hubsync_pending", metadata, Column("record_id", String(36), primary_key=True),
                Column("field", String(40), primary_key=True), Column("base", Text),
                Column("resolved", Integer, nullable=False, default=0))
quarantine = Table(
    "hubsync_quarantine", metadata,
    Column("hub_seq", Integer, primary_key=True, autoincrement=False), Column("device", String(64), nullable=False),
    Column("kind", String(16), nullable=False), Column("key", String(300), nullable=False),
    Column("reason", Text, nullable=False), Column("at", String(32), nullable=False),
)

# (table, kind, key of the new row, key of the old row, columns whose change matters)
_WATCHED = (
    ("records", "record", "NEW.id", "OLD.id", None),
    ("record_keys", "record", "NEW.record_id", "OLD.record_id", None),
    ("record_history", "history", "NEW.id", "OLD.id", None),
    ("consent_events", "consent", "NEW.id", "OLD.id", None),
    ("attachments", "attachment", "NEW.record_id || '/' || NEW.sha256", "OLD.record_id || '/' || OLD.sha256", None),
    ("profiles", "profile", "NEW.name", "OLD.name", "name, roles, public_key, verify_key, certificate"),
    ("protocols", "protocol", "NEW.name", "OLD.name", None),
    ("communities", "community", "NEW.name", "OLD.name", None),
    ("memberships", "membership", "NEW.protocol_id || ':' || NEW.profile_id",
     "OLD.protocol_id || ':' || OLD.profile_id", None),
)


def _triggers() -> list[str]:
    out = []
    for table, kind, new_key, old_key, columns in _WATCHED:
        mark = "INSERT OR IGNORE INTO hubsync_dirty(kind, key) VALUES ('{kind}', {key});"
        for verb, key in (("INSERT", new_key), ("UPDATE", new_key), ("DELETE", old_key)):
            on = f"UPDATE OF {columns}" if verb == "UPDATE" and columns else verb
            body = mark.format(kind=kind, key=key)
            if verb == "UPDATE":  # a renamed row: its old key must go too
                body += mark.format(kind=kind, key=old_key)
            out.append(f"CREATE TRIGGER IF NOT EXISTS hubsync_{table}_{verb.lower()} AFTER {on} ON {table} "
                       f"BEGIN {body} END")
    return out


def install(engine: Engine) -> None:
    """Make the tables and triggers (a library that joined keeps them; doing it again is harmless)."""
    with engine.begin() as connection:
        metadata.create_all(connection, checkfirst=True)
        for statement in _triggers():
            connection.exec_driver_sql(statement)


def installed(connection: Connection) -> bool:
    return connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='hubsync_state'").first() is not None


def mark_everything(connection: Connection) -> None:
    """Every replicated row marked changed: what a library joining a hub offers it."""
    for table, kind, new_key, _old, _columns in _WATCHED:
        key = new_key.replace("NEW.", "")
        connection.exec_driver_sql(f"INSERT OR IGNORE INTO hubsync_dirty(kind, key) SELECT '{kind}', {key} FROM {table}")


def get(session: Session | Connection, key: str, default: str | None = None) -> str | None:
    value = session.execute(select(state.c.value).where(state.c.key == key)).scalar()
    return value if value is not None else default


def put(session: Session | Connection, key: str, value: str) -> None:
    session.execute(delete(state).where(state.c.key == key))
    session.execute(insert(state).values(key=key, value=value))


def dirty_mark(session: Session) -> int:
    """The newest mark's rowid: marks written after it (by applying the hub's changes) are dropped."""
    return int(session.execute(text("SELECT coalesce(max(rowid), 0) FROM hubsync_dirty")).scalar() or 0)


def drop_marks_after(session: Session, mark: int) -> None:
    session.execute(text("DELETE FROM hubsync_dirty WHERE rowid > :mark"), {"mark": mark})


def counts(session: Session) -> dict[str, Any]:
    return {
        "dirty": session.execute(select(func.count()).select_from(dirty)).scalar() or 0,
        "outgoing": session.execute(select(func.count()).select_from(outgoing)).scalar() or 0,
        "unpushed": session.execute(select(func.count()).select_from(outgoing).where(outgoing.c.pushed == 0)).scalar() or 0,
        "conflicts": session.execute(select(func.count(func.distinct(conflicts.c.record_id)))).scalar() or 0,
        "quarantined": session.execute(select(func.count()).select_from(quarantine)).scalar() or 0,
    }
