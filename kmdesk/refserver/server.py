"""A local stand-in for the CBD Clearing-House documents API and a Bioland (Drupal JSON:API)
site, so sync can be tested and demonstrated end to end with no internet (DESIGN §5).

It speaks both protocols as their documentation describes them, keeps what it receives in
SQLite (a file with ``--data``, memory otherwise), enforces authentication, the realm,
mandatory properties, thesaurus terms and locales, and can be told to misbehave: fail the next
N calls or a random fraction of them (500/503 with ``Retry-After``), answer slowly, apply a
request and then drop the connection (the lost answer that idempotency exists for), expire
every token, or keep JSON:API read-only.

From tests: ``with RefServer().start() as server: server.url ...`` (port 0 picks a free port);
as a process: ``python -m kmdesk.refserver.server --port 8765 [--data FILE]`` and steer it
with ``POST /_control`` ``{"action": "fail_next", "count": 3, "status": 503}``. The schema it
checks documents against is ``refserver_schema``, the faults ``refserver_faults``, the search
index ``refserver_index``.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import secrets
import socket
import sqlite3
import sys
import threading
import time
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from kmdesk.core.chm.demo import DEFAULT_API_KEY, DEFAULT_EMAIL, DEFAULT_PASSWORD
from kmdesk.core.paths import resource
from kmdesk.refserver import index as refserver_index
from kmdesk.refserver.faults import Faults
from kmdesk.refserver.schema import PLACEMENT_TERMS, thesaurus, validate_resource

CHM_WEB = "https://chm.cbd.int"  # where the index says a document can be read
TRAFFIC_CAP = 64 * 1024 * 1024  # what a test can search for canaries; bounded so a bench cannot fill memory

# Realms the CHM answers to; a Realm header naming another (or none) is answered 400 "Realm
# header missing or unknown", one of these that is not the server's own is a realm this account
# has no rights in (403).
REALMS = ("CHM", "CHM-DEV", "ABS", "ABS-DEV", "BCH", "BCH-DEV")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class State:
    """Documents, nodes, accounts, tokens and faults, behind one lock."""

    def __init__(self, data: Path | None, *, email: str, password: str, api_key: str, realm: str, token_ttl: float,
                 seed: int | None) -> None:
        self.lock = threading.RLock()
        self.db = sqlite3.connect(str(data) if data else ":memory:", check_same_thread=False, isolation_level=None)
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS documents (identifier TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL,
                                                  realm TEXT NOT NULL, document TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS nodes (uuid TEXT PRIMARY KEY, vid INTEGER NOT NULL, node TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS terms (uuid TEXT PRIMARY KEY, name TEXT UNIQUE NOT NULL);""")
        refserver_index.create_tables(self.db)
        for name in PLACEMENT_TERMS:
            self.db.execute("INSERT OR IGNORE INTO terms VALUES (?, ?)", (str(uuid.uuid5(uuid.NAMESPACE_URL, "tags/" + name)), name))
        self.email, self.password, self.api_key, self.realm, self.token_ttl = email, password, api_key, realm, token_ttl
        self.tokens: dict[str, float] = {}
        self.sessions: dict[str, str] = {}  # session cookie -> CSRF token
        self.faults = Faults()
        self.rng = random.Random(seed)
        self.calls = 0
        self.created: dict[str, int] = {}  # identifier -> times a document/node was created (a duplicate shows as 2)
        self.traffic = bytearray()
        self.thesaurus = thesaurus()
        self.known = {domain: {t["identifier"] for t in terms} for domain, terms in self.thesaurus.items()}

    def control(self, action: str, **args: Any) -> dict[str, Any]:
        """Steer the server (the same actions over ``POST /_control`` and from Python)."""
        with self.lock:
            f = self.faults
            if action == "fail_next":
                f.fail_next, f.fail_status, f.retry_after = int(args.get("count", 1)), int(args.get("status", 503)), args.get("retry_after")
            elif action == "fail_rate":
                f.fail_rate, f.fail_status, f.retry_after = float(args["rate"]), int(args.get("status", 503)), args.get("retry_after")
                if "seed" in args:
                    self.rng.seed(args["seed"])
            elif action == "drop_next":
                f.drop_next = int(args.get("count", 1))
            elif action == "drop_rate":
                f.drop_rate = float(args["rate"])
            elif action == "delay":
                f.delay = float(args["seconds"])
            elif action == "expire_tokens":
                self.tokens.clear()
                self.sessions.clear()
            elif action == "token_ttl":
                self.token_ttl = float(args["seconds"])
            elif action == "read_only":
                f.read_only = bool(args.get("on", True))
            elif action == "legacy":
                f.legacy = bool(args.get("on", True))
            elif action == "publish":  # the national authority approves a submission
                self.db.execute("UPDATE documents SET state='published' WHERE identifier=?", (args["identifier"],))
            elif action == "central_put":  # records other countries and agencies published
                refserver_index.put(self.db, list(args["records"]), CHM_WEB)
            elif action == "central_withdraw":
                refserver_index.withdraw(self.db, str(args["identifier"]))
            elif action == "reset":
                self.faults = Faults()
            else:
                raise ValueError(f"unknown control action {action!r}")
            return self.snapshot()

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            documents = {row[0]: {"state": row[1], "revision": row[2], "realm": row[3], "document": json.loads(row[4])}
                         for row in self.db.execute("SELECT identifier, state, revision, realm, document FROM documents")}
            nodes = {row[0]: {"vid": row[1], **json.loads(row[2])} for row in self.db.execute("SELECT uuid, vid, node FROM nodes")}
            return {"documents": documents, "nodes": nodes, "calls": self.calls, "created": dict(self.created)}

    def index_docs(self) -> list[dict[str, Any]]:
        """What the search index holds: central records and the published pushes."""
        with self.lock:
            docs = [json.loads(row[0]) for row in self.db.execute("SELECT doc FROM central")]
            for identifier, revision, document, updated in self.db.execute(
                    "SELECT identifier, revision, document, updated_at FROM documents WHERE state='published'"):
                when = datetime.fromisoformat(updated).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
                docs.append(refserver_index.published_doc(identifier, revision, when, json.loads(document), CHM_WEB))
            return docs

    def fault(self) -> tuple[str | None, float]:
        """Decide this call's fate: ("fail", 0) / ("drop", 0) / (None, delay)."""
        with self.lock:
            self.calls += 1
            return self.faults.decide(self.rng)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms delayed-ACK stall
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002  (quiet: tests read traffic, not stderr)
        return

    # -- plumbing ---------------------------------------------------------------------------
    def _dispatch(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        with state.lock:
            if len(state.traffic) < TRAFFIC_CAP:
                state.traffic += self.requestline.encode() + b"\n" + bytes(self.headers) + raw + b"\n"
        url = urlsplit(self.path)
        self.route, self.query = url.path, {k: v[0] for k, v in parse_qs(url.query).items()}
        try:
            self.body = json.loads(raw) if raw else None
        except ValueError:
            self._send(400, {"code": "Error.InvalidJson"})
            return
        if self.route.startswith("/_control"):
            self._control()
            return
        fate, delay = state.fault()
        if delay:
            time.sleep(delay)
        if fate == "fail":
            extra = {"Retry-After": str(state.faults.retry_after)} if state.faults.retry_after is not None else {}
            self._send(state.faults.fail_status, {"code": "Error.Unavailable"}, headers=extra)
            return
        if fate == "drop":
            self.wfile = io.BytesIO()  # the work is done, the answer is lost
        self._route()
        if fate == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _dispatch

    def _send(self, status: int, body: Any = None, *, content_type: str = "application/json", headers: dict[str, str] | None = None) -> None:
        data = b"" if body is None else (body.encode() if isinstance(body, str) else json.dumps(body).encode())
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _route(self) -> None:
        method, path = self.command, self.route
        parts = [unquote(part) for part in path.strip("/").split("/")]  # split first: an escaped "/" is data
        if path == "/api/v2013/authentication/token" and method == "POST":
            return self._token()
        if path.startswith("/api/v2013/thesaurus/domains/") and method == "GET" and len(parts) == 6:
            terms = self.server.state.thesaurus.get(parts[4])
            return self._send(200, terms) if terms is not None else self._send(404, {"code": "Error.NotFound"})
        if path == "/api/v2013/index/select" and method == "GET":  # public, as the CHM's own
            try:
                return self._send(200, refserver_index.select(self.server.state.index_docs(), self.query))
            except ValueError as exc:
                return self._send(400, {"error": str(exc)})
        if path.startswith("/api/"):
            if not self._chm_authorized():
                return None
            return self._chm(method, parts)
        if path == "/user/login" and method == "POST":
            return self._login()
        if path == "/session/token" and method == "GET":
            return self._csrf()
        if path.startswith("/jsonapi/"):
            return self._jsonapi(method, parts)
        return self._send(404, {"code": "Error.NotFound"})

    def _control(self) -> None:
        state = self.server.state
        if self.command == "GET":
            return self._send(200, state.snapshot())
        try:
            return self._send(200, state.control(**(self.body or {})))
        except (TypeError, ValueError, KeyError) as exc:
            return self._send(400, {"error": str(exc)})

    # -- CHM --------------------------------------------------------------------------------
    def _token(self) -> None:
        state = self.server.state
        body = self.body if isinstance(self.body, dict) else {}
        if body.get("email") != state.email or body.get("password") != state.password:
            return self._send(403)
        token = secrets.token_hex(16)
        with state.lock:
            state.tokens[token] = time.time() + state.token_ttl
            expires = datetime.fromtimestamp(state.tokens[token], timezone.utc).isoformat()
        return self._send(200, {"authenticationToken": token, "expiration": expires})

    def _chm_authorized(self) -> bool:
        state = self.server.state
        prefix, _, token = (self.headers.get("Authorization") or "").partition(" ")
        with state.lock:
            valid = prefix in ("Bearer", "Token", "Ticket") and state.tokens.get(token, 0) > time.time()
        if not valid:
            self._send(401, {"code": "Error.Unauthorized"})
            return False
        if self.headers.get("Realm") not in REALMS:  # as the CHM answers it: a message, no property
            self._send(400, {"statusCode": 400, "message": "Realm header missing or unknown"})
            return False
        if self.headers.get("Realm") != state.realm:
            self._send(403, {"code": "Error.Forbidden", "message": f"no rights in realm {self.headers.get('Realm')!r}"})
            return False
        return True

    def _chm(self, method: str, parts: list[str]) -> None:
        state = self.server.state
        if parts[:4] == ["api", "v2013", "documents", "x"] and parts[4:] == ["validate"] and method == "PUT":
            if self.query.get("schema") != "resource":
                return self._send(400, {"code": "Error.InvalidValue", "property": "schema"})
            return self._send(200, {"errors": validate_resource(self.body, state.known)})
        if parts[:5] == ["api", "v2023", "documents", "schemas", "resource"] and len(parts) == 6 and method in ("POST", "PUT"):
            if state.faults.legacy:
                return self._send(404, {"code": "Error.NotFound"})
            if self.query.get("realm", "").upper() != state.realm:
                return self._send(400, {"code": "Error.InvalidValue", "property": "realm"})
            body = self.body if isinstance(self.body, dict) else {}
            return self._save(parts[5], body.get("document"), "review", create_only=method == "POST")
        if parts[:3] == ["api", "v2013", "documents"] and len(parts) == 6 and parts[4:] == ["versions", "draft"]:
            if method == "PUT":
                return self._save(parts[3], self.body, "draft", create_only=False)
            if method == "DELETE":
                with state.lock:
                    gone = state.db.execute("DELETE FROM documents WHERE identifier=? AND state IN ('draft', 'review')", (parts[3],)).rowcount
                return self._send(200 if gone else 404, {} if gone else {"code": "Error.NotFound"})
        if parts[:3] == ["api", "v2013", "documents"] and len(parts) == 4:
            if method == "DELETE":
                with state.lock:
                    gone = state.db.execute("DELETE FROM documents WHERE identifier=? AND state='published'", (parts[3],)).rowcount
                return self._send(200 if gone else 404, {} if gone else {"code": "Error.NotFound"})
            if method == "GET":
                doc = state.snapshot()["documents"].get(parts[3])
                return self._send(200, doc["document"]) if doc else self._send(404, {"code": "Error.NotFound"})
        return self._send(404, {"code": "Error.NotFound"})

    def _save(self, identifier: str, document: Any, new_state: str, *, create_only: bool) -> None:
        state = self.server.state
        errors = validate_resource(document, state.known)
        if not errors and document["header"]["identifier"] != identifier:
            errors = [{"code": "Error.InvalidValue", "property": "header.identifier"}]
        if errors:
            return self._send(400, {"errors": errors})
        with state.lock:
            row = state.db.execute("SELECT revision, state FROM documents WHERE identifier=?", (identifier,)).fetchone()
            if row and create_only:
                return self._send(400, {"code": "Error.IdentifierExists", "message": f"{identifier} already exists: use PUT"})
            revision = (row[0] + 1) if row else 1
            if row is None:
                state.created[identifier] = state.created.get(identifier, 0) + 1
            kept = "published" if row and row[1] == "published" and new_state == "draft" else new_state
            state.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)",
                             (identifier, kept, revision, state.realm, json.dumps(document), datetime.now(timezone.utc).isoformat()))
        return self._send(200, {"identifier": identifier, "revision": revision, "state": new_state})

    # -- Bioland (Drupal JSON:API) ------------------------------------------------------------
    def _login(self) -> None:
        state = self.server.state
        body = self.body if isinstance(self.body, dict) else {}
        if self.query.get("_format") != "json" or body.get("name") != state.email.split("@")[0] or body.get("pass") != state.password:
            return self._send(400, {"message": "Sorry, unrecognized username or password."})
        session, csrf = secrets.token_hex(16), secrets.token_hex(16)
        with state.lock:
            state.sessions[session] = csrf
        return self._send(200, {"current_user": {"name": body["name"]}, "csrf_token": csrf},
                          headers={"Set-Cookie": f"SESSkmdesk={session}; Path=/; HttpOnly"})

    def _session(self) -> str | None:
        for part in (self.headers.get("Cookie") or "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == "SESSkmdesk":
                return value
        return None

    def _csrf(self) -> None:
        state = self.server.state
        with state.lock:
            csrf = state.sessions.get(self._session() or "")
        return self._send(200, csrf or secrets.token_hex(16), content_type="text/plain")

    def _jsonapi_authorized(self) -> bool:
        state = self.server.state
        if self.headers.get("api-key"):
            return self.headers["api-key"] == state.api_key
        with state.lock:
            csrf = state.sessions.get(self._session() or "")
        return csrf is not None and self.headers.get("X-CSRF-Token") == csrf

    def _jsonapi(self, method: str, parts: list[str]) -> None:
        state = self.server.state
        if parts[:3] == ["jsonapi", "taxonomy_term", "tags"] and method == "GET":
            name = self.query.get("filter[name]")
            with state.lock:
                rows = state.db.execute("SELECT uuid, name FROM terms" + (" WHERE name=?" if name else ""), (name,) if name else ()).fetchall()
            return self._send(200, {"data": [{"type": "taxonomy_term--tags", "id": u, "attributes": {"name": n}} for u, n in rows]},
                              content_type="application/vnd.api+json")
        if parts[:3] != ["jsonapi", "node", "content"] or len(parts) > 4:
            return self._jsonapi_error(404, "Not Found")
        if method == "GET" and len(parts) == 4:
            node = state.snapshot()["nodes"].get(parts[3])
            return self._send(200, {"data": node}, content_type="application/vnd.api+json") if node else self._jsonapi_error(404, "Not Found")
        if state.faults.read_only:
            return self._jsonapi_error(405, "Method Not Allowed")
        if not self._jsonapi_authorized():
            return self._jsonapi_error(403, "The current user is not permitted to do this.")
        if (self.headers.get("Content-Type") or "").split(";")[0] != "application/vnd.api+json" and method != "DELETE":
            return self._jsonapi_error(415, "Unsupported Media Type")
        if method == "POST" and len(parts) == 3:
            return self._node_write(None)
        if method == "PATCH" and len(parts) == 4:
            return self._node_write(parts[3])
        if method == "DELETE" and len(parts) == 4:
            with state.lock:
                gone = state.db.execute("DELETE FROM nodes WHERE uuid=?", (parts[3],)).rowcount
            return self._send(204) if gone else self._jsonapi_error(404, "Not Found")
        return self._jsonapi_error(405, "Method Not Allowed")

    def _jsonapi_error(self, status: int, detail: str, pointer: str = "") -> None:
        error = {"status": str(status), "title": detail, "detail": detail, **({"source": {"pointer": pointer}} if pointer else {})}
        return self._send(status, {"errors": [error]}, content_type="application/vnd.api+json")

    def _node_write(self, existing: str | None) -> None:
        state = self.server.state
        data = (self.body or {}).get("data") if isinstance(self.body, dict) else None
        if not isinstance(data, dict) or data.get("type") != "node--content":
            return self._jsonapi_error(422, "data.type must be node--content", "/data/type")
        node_id = data.get("id") or existing or str(uuid.uuid4())
        if not _UUID.match(str(node_id)) or (existing and node_id != existing):
            return self._jsonapi_error(422, "IDs should be properly generated and formatted UUIDs", "/data/id")
        attributes = data.get("attributes") or {}
        for name in ("title", "langcode"):
            if not attributes.get(name):
                return self._jsonapi_error(422, f"{name}: This value should not be null.", f"/data/attributes/{name}")
        placement = (((data.get("relationships") or {}).get("field_type_placement") or {}).get("data") or {}).get("id")
        with state.lock:
            if not state.db.execute("SELECT 1 FROM terms WHERE uuid=?", (placement,)).fetchone():
                return self._jsonapi_error(422, "field_type_placement: unknown term", "/data/relationships/field_type_placement")
            row = state.db.execute("SELECT vid FROM nodes WHERE uuid=?", (node_id,)).fetchone()
            if existing is None and row:
                return self._jsonapi_error(409, f"Conflict: Entity already exists with UUID {node_id}")
            if existing is not None and not row:
                return self._jsonapi_error(404, "Not Found")
            vid = (row[0] + 1) if row else 1
            if row is None:
                state.created[node_id] = state.created.get(node_id, 0) + 1
            node = {"type": "node--content", "id": node_id, "attributes": attributes, "relationships": data.get("relationships")}
            state.db.execute("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?)", (node_id, vid, json.dumps(node)))
        node["attributes"] = {**attributes, "drupal_internal__vid": vid}
        return self._send(201 if existing is None else 200, {"data": node}, content_type="application/vnd.api+json")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: State

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away mid-answer is an ordinary event here (tests kill clients)."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class RefServer:
    """The server as an object: ``start()`` serves on a background thread."""

    def __init__(self, data: Path | None = None, *, email: str = DEFAULT_EMAIL, password: str = DEFAULT_PASSWORD,
                 api_key: str = DEFAULT_API_KEY, realm: str = "CHM", token_ttl: float = 3600.0, seed: int | None = None) -> None:
        self.state = State(data, email=email, password=password, api_key=api_key, realm=realm, token_ttl=token_ttl, seed=seed)
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self, host: str = "127.0.0.1", port: int = 0) -> RefServer:
        self._httpd = _Server((host, port), Handler)
        self._httpd.state = self.state
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="kmdesk-refserver", daemon=True)
        self._thread.start()
        return self

    @property
    def url(self) -> str:
        assert self._httpd is not None, "start() the server first"
        host, port = self._httpd.server_address[:2]
        return f"http://{host.decode() if isinstance(host, bytes) else host}:{port}"

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> RefServer:
        return self if self._httpd else self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def control(self, action: str, **args: Any) -> dict[str, Any]:
        return self.state.control(action, **args)

    def documents(self) -> dict[str, dict[str, Any]]:
        documents: dict[str, dict[str, Any]] = self.state.snapshot()["documents"]
        return documents

    def nodes(self) -> dict[str, dict[str, Any]]:
        nodes: dict[str, dict[str, Any]] = self.state.snapshot()["nodes"]
        return nodes

    def created(self) -> dict[str, int]:
        created: dict[str, int] = self.state.snapshot()["created"]
        return created

    def traffic(self) -> bytes:
        with self.state.lock:
            return bytes(self.state.traffic)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kmdesk.refserver.server", description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--data", type=Path, help="keep documents in this SQLite file (default: memory)")
    parser.add_argument("--email", default=DEFAULT_EMAIL, help="the CHM account (its part before @ is the Bioland user name)")
    parser.add_argument("--password", default=DEFAULT_PASSWORD)
    parser.add_argument("--api-key", default=DEFAULT_API_KEY)
    parser.add_argument("--realm", default="CHM")
    parser.add_argument("--central", type=Path, default=resource("demo", "chm_central.json"),
                        help="central CHM records its search index publishes (default: the demo's; '' for none)")
    args = parser.parse_args(argv)
    server = RefServer(args.data, email=args.email, password=args.password, api_key=args.api_key, realm=args.realm)
    if str(args.central) not in ("", "."):
        with server.state.lock:
            refserver_index.seed(server.state.db, json.loads(args.central.read_text(encoding="utf-8"))["records"], CHM_WEB)
    server.start(args.host, args.port)
    print(f"kmdesk reference CHM/Bioland server on {server.url} (account {args.email})", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
