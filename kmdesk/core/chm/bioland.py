"""A Bioland national CHM site directly, through Drupal's JSON:API (``node--content``).

The node's uuid is the record's UUID (JSON:API lets a client choose the id on create), so a
retry after a lost answer finds the node there (409) and updates it rather than adding a
second one. Many sites keep JSON:API read-only: a 405 stops the run with that said plainly and
leaves every record queued.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests

from kmdesk.core.chm.chm_document import primary_language
from kmdesk.core.chm.errors import AuthFailed, RecordRejected, SyncError, TargetMisconfigured, TargetReadOnly
from kmdesk.core.chm.transport import Transport, json_or_empty, segment

JSONAPI = "application/vnd.api+json"
NODE_PATH = "/jsonapi/node/content"
TERMS_PATH = "/jsonapi/taxonomy_term/tags"
# Record type -> the Bioland "type placement" term (vocabulary ``tags``) that fits it.
PLACEMENT = {"resource": "Document", "practice": "Learning Resource", "traditional_knowledge": "Learning Resource",
             "event": "Event", "organization": "Organization", "person": "Expert", "need": "Project", "offer": "Project"}
READ_ONLY = ("this Bioland site keeps JSON:API read-only (HTTP 405): ask its administrator to allow creating "
             "content through JSON:API; the records stay queued")


@dataclass(frozen=True)
class PushResult:
    revision: str
    via: str = "node"


def node_tags(record: Mapping[str, Any]) -> str:
    """``field_tags``: comma-separated stable term keys (GBF targets, CBD subjects, countries)."""
    keys = [f"GBF-TARGET-{n:02d}" for n in record.get("gbf_targets") or []]
    keys += [s for s in record.get("subjects") or [] if s.startswith("CBD-SUBJECT-")]
    keys += [c.lower() for c in record.get("countries") or []]
    return ",".join(dict.fromkeys(keys))


def node_attributes(record: Mapping[str, Any]) -> dict[str, Any]:
    """One Drupal node holds one language: the record's first title language."""
    lang = primary_language(record)
    text = (record.get("body") or {}).get(lang) or (record.get("summary") or {}).get(lang) or ""
    attributes: dict[str, Any] = {"title": (record.get("title") or {}).get(lang, ""), "langcode": lang,
                                  "body": {"value": text, "format": "plain_text"}, "field_tags": node_tags(record)}
    if record.get("source_url"):
        attributes["field_url"] = {"uri": record["source_url"], "title": attributes["title"]}
    return attributes


class BiolandClient:
    def __init__(self, url: str, *, username: str | None = None, password: str | None = None, api_key: str | None = None,
                 transport: Transport | None = None) -> None:
        self.transport = transport or Transport(url)
        self.username, self.password, self.api_key = username, password, api_key
        self._headers: dict[str, str] | None = None
        self._terms: dict[str, str] = {}

    def _login(self) -> dict[str, str]:
        headers = {"Content-Type": JSONAPI, "Accept": JSONAPI}
        if self.api_key:
            return {**headers, "api-key": self.api_key}
        if not self.username or not self.password:
            raise TargetMisconfigured("this Bioland target has neither an api-key nor a login: add --user and --password-file")
        response = self.transport.request("POST", "/user/login", params={"_format": "json"},
                                          json={"name": self.username, "pass": self.password})
        if response.status_code in (400, 401, 403):
            raise AuthFailed(f"the Bioland site refused the login for {self.username} (HTTP {response.status_code})")
        if response.status_code in (404, 405):
            raise TargetMisconfigured(f"no Drupal sign-in at {self.transport.base_url}/user/login (HTTP {response.status_code}): "
                                      "check the target's --url")
        token = self.transport.request("GET", "/session/token")
        if token.status_code != 200 or not token.text.strip():
            raise SyncError(f"no CSRF token from /session/token (HTTP {token.status_code})")
        return {**headers, "X-CSRF-Token": token.text.strip()}

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """An authenticated call; a 401/403 logs in again once (sessions and CSRF tokens expire)."""
        if self._headers is None:
            self._headers = self._login()
        response = self.transport.request(method, path, headers=self._headers, **kwargs)
        if response.status_code in (401, 403):
            self._headers = self._login()
            response = self.transport.request(method, path, headers=self._headers, **kwargs)
            if response.status_code in (401, 403):
                raise AuthFailed(f"{method} {path}: the Bioland site refused this account (HTTP {response.status_code})")
        if response.status_code == 405:
            raise TargetReadOnly(READ_ONLY)
        if response.status_code == 404 and path in (NODE_PATH, TERMS_PATH):  # the collections themselves are missing
            raise TargetMisconfigured(f"no JSON:API at {self.transport.base_url}{path} (HTTP 404): check the target's --url, "
                                      "and that the site has JSON:API enabled")
        return response

    def _placement(self, record: Mapping[str, Any]) -> str:
        name = PLACEMENT.get(record.get("type", ""), "Document")
        if name not in self._terms:
            response = self._call("GET", TERMS_PATH, params={"filter[name]": name})
            found = [t["id"] for t in json_or_empty(response).get("data", []) if isinstance(t, dict)] if response.status_code == 200 else []
            if not found:
                raise RecordRejected([{"code": "UnknownTerm", "property": "field_type_placement", "value": name}],
                                     f"the site has no '{name}' term in its tags vocabulary")
            self._terms[name] = found[0]
        return self._terms[name]

    def push(self, record: Mapping[str, Any]) -> PushResult:
        identifier = record["id"]
        data = {"type": "node--content", "id": identifier, "attributes": node_attributes(record),
                "relationships": {"field_type_placement": {"data": {"type": "taxonomy_term--tags", "id": self._placement(record)}}}}
        response = self._call("POST", NODE_PATH, json={"data": data})
        if response.status_code == 409:  # it is there already (a lost answer, or an update)
            response = self._call("PATCH", f"{NODE_PATH}/{segment(identifier)}", json={"data": data})
        if response.status_code >= 400:
            raise RecordRejected(_errors(response), f"{identifier}: HTTP {response.status_code} " +
                                 "; ".join(e.get("detail", "") for e in _errors(response)))
        attributes = (json_or_empty(response).get("data") or {}).get("attributes") or {}
        return PushResult(str(attributes.get("drupal_internal__vid") or "sent"))

    def retract(self, identifier: str) -> None:
        response = self._call("DELETE", f"{NODE_PATH}/{segment(identifier)}")
        if response.status_code >= 400 and response.status_code != 404:
            raise RecordRejected(_errors(response), f"deleting {identifier}: HTTP {response.status_code}")


def _errors(response: requests.Response) -> list[dict[str, Any]]:
    body = json_or_empty(response)
    errors = body.get("errors") if isinstance(body, dict) else None
    return [{"code": str(e.get("status", response.status_code)), "property": (e.get("source") or {}).get("pointer", ""),
             "detail": e.get("detail") or e.get("title") or ""} for e in errors or [] if isinstance(e, dict)]
