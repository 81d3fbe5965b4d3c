"""This device's membership of a hub: joining, what it remembers, and the hub's state as seen
from here.

A device joins with an unlocked profile: that profile signs its changes, and its own trust
anchor holds the library key the hub must carry (a hub holding another library is refused; one
holding none is given this one). The address is kept without its password; the password goes
to a libpq password file in the user's state folder, outside the library, so a copy of the
library on another machine is not this device (it joins again, as a new device). The library's
folder is kept too: a copy on the same machine (which shares the state folder, and so the
password file) is not this device either while the library it was copied from is still there as
this device; it joins again as a new one, and syncs only after that (two libraries sending as one
device would lose changes: the hub keeps the first change it gets under each device sequence).
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import platformdirs
from sqlalchemy import delete, select

from kmdesk.core.hub import local, server
from kmdesk.core.hub.errors import (
    CopiedLibrary,
    HubError,
    HubUnavailable,
    NoCredentials,
    NotJoined,
    WrongLibrary,
)
from kmdesk.core.store import records as rec
from kmdesk.core.trust import signing as trust

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

LIBRARY_ID = "library_id"  # meta key: the library's identity, the same on every device that holds it
FOLDER = "folder"  # hub state key: the folder of the library that is this device
STATE_DIR_ENV = "KMDESK_STATE_DIR"
PASSWORD_KEPT = "password_kept"  # hub state key: "1" when the join kept the device's password in its password file


@dataclass
class Joined:
    url: str
    device_id: str
    library_id: str


def state_dir() -> Path:
    override = os.environ.get(STATE_DIR_ENV)
    return Path(override).expanduser() if override else Path(platformdirs.user_state_dir("kmdesk", "kmdesk"))


def passfile(library_id: str, device_id: str) -> Path:
    return state_dir() / "hub" / f"{library_id}-{device_id}.pgpass"


def _write_passfile(path: Path, url: str, password: str) -> None:
    """A libpq password file (``*:*:database:user:password``), made 0600 in a 0700 folder."""
    parts = urlsplit(url)
    database = parts.path.lstrip("/") or "*"

    def escaped(text: str) -> str:
        return text.replace("\\", "\\\\").replace(":", "\\:")

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f"*:*:{escaped(database)}:{escaped(parts.username or '*')}:{escaped(password)}\n")


def joined(library: Library) -> Joined:
    """The hub this library joined, or ``NotJoined``."""
    with library.engine.connect() as connection:
        if not local.installed(connection):
            raise NotJoined("this library has not joined a hub: run 'kmdesk hub join URL'")
        url, device, library_id = (local.get(connection, key) for key in ("url", "device_id", "library_id"))
    if not url or not device or not library_id:
        raise NotJoined("this library has not joined a hub: run 'kmdesk hub join URL'")
    return Joined(url, device, library_id)


def _folder(library: Library) -> str:
    return str(library.data_dir.resolve())


def _device_in(folder: Path) -> str | None:
    """The hub device id the library in ``folder`` holds (None: no library, or not joined). One
    that cannot be read (locked, damaged) counts as holding it: only a join makes a new device."""
    path = folder / "library.db"
    if not path.exists():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hubsync_state'").fetchone() is None:
                return None  # a library that never joined a hub
            found = connection.execute("SELECT value FROM hubsync_state WHERE key = 'device_id'").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return "?"
    return str(found[0]) if found else None


def copied_from(library: Library) -> Path | None:
    """The folder of the library this one was copied from, when that one is still there as the
    same hub device (None: this library is that device, or was moved rather than copied)."""
    with library.engine.connect() as connection:
        if not local.installed(connection):
            return None
        folder, device_id = local.get(connection, FOLDER), local.get(connection, "device_id")
    if not folder or not device_id or folder == _folder(library):
        return None
    held = _device_in(Path(folder))
    return Path(folder) if held in (device_id, "?") else None


def copy_warning(original: Path) -> str:
    return (f"this library is a copy of the one at {original}, which is this hub device: two libraries cannot sync as "
            "one device. Join the hub again from this copy ('kmdesk hub join URL') and it becomes a device of its own")


def claim(library: Library) -> None:
    """Before a sync: ``CopiedLibrary`` when this library is a copy of another on this machine
    that is the same device; else this folder is the device's (a library moved, or joined
    before folders were kept, takes it). ``NotJoined`` when it joined no hub."""
    joined(library)
    original = copied_from(library)
    if original is not None:
        raise CopiedLibrary(copy_warning(original) + "; nothing was sent")
    with library.writing() as session:
        if local.get(session, FOLDER) != _folder(library):
            local.put(session, FOLDER, _folder(library))


def _libpq_password() -> bool:
    """Whether libpq has a password of its own to offer (``PGPASSWORD``, or a password file)."""
    if os.environ.get("PGPASSWORD"):
        return True
    named = os.environ.get("PGPASSFILE")
    return Path(named).expanduser().is_file() if named else (Path.home() / ".pgpass").is_file()


def missing_credentials(library: Library, found: Joined) -> str | None:
    """Why this device cannot log in to its hub from this machine (None: it can try): its join
    kept the password in a file in this user's state folder, and that file is not here (the library
    was copied or moved from another machine, or the state folder was lost)."""
    if passfile(found.library_id, found.device_id).exists():
        return None
    with library.engine.connect() as connection:
        kept = local.get(connection, PASSWORD_KEPT)
    if kept == "0" or (kept is None and _libpq_password()):  # joined with PGPASSWORD or ~/.pgpass: libpq's to find
        return None
    return (f"this device's hub password is not on this machine (it is kept outside the library, in {state_dir() / 'hub'}): "
            "was this library copied or moved from another machine? Join the hub from here ('kmdesk hub join URL', "
            "with a device's address from 'kmdesk hub device-add') and it syncs as a device of its own; nothing was sent")


def require_credentials(library: Library) -> Joined:
    """The joined hub, or ``NoCredentials`` when this device's password is not on this machine."""
    found = joined(library)
    missing = missing_credentials(library, found)
    if missing is not None:
        raise NoCredentials(missing)
    return found


def connect(found: Joined) -> server.Hub:
    """The hub this device joined, connected with its password file when it has one (the
    credentials checked first: ``require_credentials`` or ``missing_credentials``)."""
    path = passfile(found.library_id, found.device_id)
    return server.Hub(server.with_passfile(found.url, str(path) if path.exists() else None), found.library_id)


def _library_id(library: Library, hub: server.Hub, library_key: bytes) -> str:
    """The library's id on this hub: the hub's, when it carries this library key; this
    library's own (made once) when the hub carries none; ``WrongLibrary`` otherwise."""
    carried = hub.libraries()
    mine = library.meta(LIBRARY_ID)
    for library_id, key in carried:
        if key == library_key:
            return library_id
        if library_id == mine:
            raise WrongLibrary(f"the hub carries library {mine} under another library key: this is not the same "
                               "library (or the hub was tampered with); nothing was sent")
    if carried:
        raise WrongLibrary(f"the hub carries another library ({', '.join(i for i, _ in carried)}), not this one "
                           f"(library key {trust.b64(library_key)[:12]}...); nothing was sent")
    return mine or str(uuid.uuid4())


def join(library: Library, url: str, *, label: str | None = None) -> dict[str, Any]:
    """Join the hub at ``url`` as this device (again: the same device when this machine holds its
    password file and this library is not a copy of another still here, else a new one). Everything the library holds is offered at the next sync;
    what the hub already has is recognised and not sent twice."""
    library.refuse_if_read_only()
    me = library.access.require()
    if me.library_key is None:
        raise HubError("this library has no library key yet: a custodian unlocks it once before it joins a hub")
    address, password = server.without_password(url)
    probe = server.Hub(url, "")
    try:
        library_id = _library_id(library, probe, me.library_key)
    finally:
        probe.close()
    local.install(library.engine)
    copy = copied_from(library)
    with library.writing() as session:
        device_id = local.get(session, "device_id")
        same = (device_id is not None and local.get(session, "library_id") == library_id
                and passfile(library_id, device_id).exists() and copy is None)
        if not same:
            device_id = str(uuid.uuid4())
            session.execute(delete(local.outgoing))  # another device's signed changes: staged again as this one's
            local.mark_everything(session.connection())
            local.put(session, "device_seq", "0")
        assert device_id is not None
        if local.get(session, "library_id") != library_id:
            for table in (local.shadow, local.rowmap, local.conflicts, local.pending, local.quarantine):
                session.execute(delete(table))
            local.put(session, "last_seq", "0")
        local.put(session, "url", address)
        local.put(session, "device_id", device_id)
        local.put(session, "library_id", library_id)
        local.put(session, FOLDER, _folder(library))
        local.put(session, "joined_at", rec.now())
        local.put(session, PASSWORD_KEPT, "1" if password is not None or same else "0")
        library.audit.record(session, "hub_join", device_id, {"url": server.safe_url(address), "library": library_id,
                                                              "new_device": not same})
    library.set_meta(LIBRARY_ID, library_id)
    if password is not None:
        _write_passfile(passfile(library_id, device_id), address, password)
    hub = server.Hub(server.with_passfile(address, str(passfile(library_id, device_id)) if password else None), library_id)
    try:
        hub.register(me.library_key, device_id, label or os.uname().nodename, me.name)
    finally:
        hub.close()
    return {"url": server.safe_url(address), "device": device_id, "library": library_id, "new_device": not same}


def status(library: Library) -> dict[str, Any]:
    """The hub's state as this device sees it: joined where, last sync, what waits here, and,
    when the hub answers, its newest sequence and whether either side went back in time."""
    found = joined(library)
    with library.reading() as session:
        values = {key: local.get(session, key) for key in ("last_seq", "device_seq", "last_sync_at", "last_error",
                                                            "joined_at", "last_change")}
        counts = local.counts(session)
    out: dict[str, Any] = {"url": server.safe_url(found.url), "device": found.device_id, "library": found.library_id,
                           "hub_seq_seen": int(values["last_seq"] or 0), "last_sync_at": values["last_sync_at"],
                           "last_error": values["last_error"], "joined_at": values["joined_at"],
                           "pending": counts["dirty"] + counts["unpushed"], "awaiting_hub": counts["outgoing"] - counts["unpushed"],
                           "conflicts": counts["conflicts"], "quarantined": counts["quarantined"], "warnings": [],
                           "credentials": True}
    missing = missing_credentials(library, found)
    if missing is not None:  # not asked: without this device's password the hub would only refuse it
        out.update(reachable=False, credentials=False, error=missing)
        return out
    hub = connect(found)
    try:
        head = hub.head()
        out.update(reachable=True, hub_seq=head["hub_seq"], hub_changes=head["changes"], devices=len(hub.devices()))
        out["warnings"] = witness(head["hub_seq"] if still_there(hub, values["last_change"]) else -1,
                                  hub.device_seq(found.device_id), out["hub_seq_seen"], int(values["device_seq"] or 0))
    except HubUnavailable as exc:
        out.update(reachable=False, error=str(exc))
    finally:
        hub.close()
    original = copied_from(library)
    if original is not None:
        out["warnings"].append(copy_warning(original))
    return out


def still_there(hub: server.Hub, last_change: str | None) -> bool:
    """Whether the last change this device pulled ("hub_seq device device_seq") is still at its
    place on the hub: a hub restored from an older backup, or replaced, has lost or moved it."""
    parts = (last_change or "").split()
    return len(parts) != 3 or hub.change_at(int(parts[0])) == (parts[1], int(parts[2]))


def witness(hub_seq: int, hub_device_seq: int, seen: int, device_seq: int) -> list[str]:
    """What the hub's sequences say about time going backwards, on either side."""
    out = []
    if hub_seq < seen:  # -1: the last change seen here is not at its place on the hub
        held = f"it holds changes up to {hub_seq}" if hub_seq >= 0 else "the last change seen here is no longer on it"
        out.append(f"the hub went back in time: {held}, this device has seen {seen} (restored from an older backup, or "
                   "replaced?); what this device holds is offered again")
    if hub_device_seq > device_seq:
        out.append(f"this library went back in time: the hub holds this device's changes up to {hub_device_seq}, "
                   f"the library remembers {device_seq} (restored from an older copy?); the next sync brings them back")
    return out


def quarantined(library: Library) -> list[dict[str, Any]]:
    """The hub's changes this device refused, oldest first, each with its reason."""
    joined(library)
    with library.reading() as session:
        rows = session.execute(select(local.quarantine).order_by(local.quarantine.c.hub_seq))
        return [dict(row._mapping) for row in rows]
