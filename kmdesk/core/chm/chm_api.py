"""The CBD Clearing-House documents API (api/v2013 and the 2023 one-call workflow).

A record reaches the national CHM as a ``resource`` document submitted for the national
authority's review; a Bioland portal then shows it by its ``countryRegions``. Every call is
idempotent by the record's UUID: a submit that finds the identifier already there updates it
(``Error.IdentifierExists`` -> ``PUT``), and a retraction of something already gone succeeds.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import requests

from kmdesk.core.chm import chm_document
from kmdesk.core.chm.chm_document import TargetSettings
from kmdesk.core.chm.errors import AuthFailed, RecordRejected, SyncError, TargetMisconfigured, UnknownRealm
from kmdesk.core.chm.transport import Transport, json_or_empty, segment

TOKEN_PATH = "/api/v2013/authentication/token"
VALIDATE_PATH = "/api/v2013/documents/x/validate"
WORKFLOW_PATH = "/api/v2023/documents/schemas/resource/{identifier}"
DRAFT_PATH = "/api/v2013/documents/{identifier}/versions/draft"
DOCUMENT_PATH = "/api/v2013/documents/{identifier}"
THESAURUS_PATH = "/api/v2013/thesaurus/domains/{domain}/terms"
THESAURUS_DOMAINS = ("GBF-TARGETS", "GBF-GOALS", "CBD-SUBJECTS", "countries")
# Renew a token once this fraction of its lifetime has passed: a fixed margin would sign in again
# before every call when tokens live short, and cut it close when they live long.
RENEW_FRACTION = 0.75
ADDITIONAL_INFO = "Submitted from kmdesk with the knowledge holders' free, prior and informed consent."


@dataclass(frozen=True)
class PushResult:
    revision: str
    via: str  # "workflow" (submitted for review) or "draft" (saved as a draft)


class ChmClient:
    def __init__(self, url: str, email: str, password: str, settings: TargetSettings | None = None, *,
                 transport: Transport | None = None, vocabularies: Mapping[str, Iterable[str]] | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.transport = transport or Transport(url)
        self.email, self.password = email, password
        self.settings = settings or TargetSettings()
        self.vocabularies = vocabularies
        self.clock = clock
        self._token: str | None = None
        self._renew_at = 0.0

    # -- authentication ---------------------------------------------------------------------
    def _login(self) -> None:
        if not self.email or not self.password:
            raise TargetMisconfigured("this CHM target has no account: add --user and --password-file")
        response = self.transport.request("POST", TOKEN_PATH, json={"email": self.email, "password": self.password})
        if response.status_code in (401, 403):
            url = self.transport.base_url + TOKEN_PATH
            raise AuthFailed(f"the CHM at {url} refused the e-mail or password (HTTP {response.status_code}): check the "
                             "target's --user and --password-file, and that its --url is the CHM that account is on",
                             status=response.status_code, sign_in=url)
        if response.status_code in (404, 405):
            raise TargetMisconfigured(f"no CHM sign-in at {self.transport.base_url}{TOKEN_PATH} (HTTP {response.status_code}): "
                                      "check the target's --url")
        if response.status_code != 200:
            raise SyncError(f"token request answered HTTP {response.status_code}")
        body = json_or_empty(response)
        token = body.get("authenticationToken")
        if not token:
            raise SyncError("the token answer held no authenticationToken")
        self._token = token
        now = self.clock()
        try:
            lifetime = datetime.fromisoformat(str(body.get("expiration"))).timestamp() - now
        except ValueError:
            lifetime = 0.0
        if lifetime <= 0:  # no readable expiry (or clocks that disagree): assume a quarter-hour; a 401 renews anyway
            lifetime = 15 * 60
        self._renew_at = now + RENEW_FRACTION * lifetime

    def _headers(self) -> dict[str, str]:
        if self._token is None or self.clock() >= self._renew_at:
            self._login()
        return {"Authorization": f"{self.settings.auth_prefix} {self._token}", "Realm": self.settings.realm}

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """An authenticated call; a 401 renews the token once, a second one means the account
        lost its rights."""
        response = self.transport.request(method, path, headers=self._headers(), **kwargs)
        if response.status_code == 401:
            self._token = None
            response = self.transport.request(method, path, headers=self._headers(), **kwargs)
            if response.status_code == 401:
                raise AuthFailed(f"{method} {path}: the CHM refused a fresh token (HTTP 401)", status=401,
                                 url=self.transport.base_url + path)
        if response.status_code == 403:
            raise AuthFailed(f"{method} {path}: this account may not do that in realm {self.settings.realm} (HTTP 403)",
                             status=403, url=self.transport.base_url + path, realm=self.settings.realm)
        if response.status_code == 400 and _about_realm(response):
            said = _said(response)
            raise UnknownRealm(f"the CHM does not know the realm '{self.settings.realm}' (HTTP 400"
                               + (f": {said}" if said else "") + "): check the target's --realm "
                               "(CHM, or CHM-DEV on the development host); nothing was sent, the queue is kept",
                               realm=self.settings.realm, status=400)
        return response

    # -- documents --------------------------------------------------------------------------
    def document(self, record: Mapping[str, Any]) -> dict[str, Any]:
        return chm_document.to_document(record, self.settings)

    def validate(self, record: Mapping[str, Any], document: Mapping[str, Any]) -> None:
        """Local checks first (no round trip for what we know is missing), then the CHM's own."""
        errors = chm_document.record_problems(record, self.settings, self.vocabularies)
        if errors:
            raise RecordRejected(errors)
        response = self._call("PUT", VALIDATE_PATH, params={"schema": chm_document.SCHEMA}, json=document)
        if response.status_code in (404, 405):
            raise TargetMisconfigured(f"no CHM documents API at {self.transport.base_url} (HTTP {response.status_code}): "
                                      "check the target's --url")
        errors = _errors(response)
        if errors:
            raise RecordRejected(errors)
        if response.status_code >= 400:
            raise RecordRejected([], f"validation answered HTTP {response.status_code}")

    def push(self, record: Mapping[str, Any]) -> PushResult:
        document = self.document(record)
        self.validate(record, document)
        identifier = document["header"]["identifier"]
        path = WORKFLOW_PATH.format(identifier=segment(identifier))
        body = {"document": document, "additionalInfo": ADDITIONAL_INFO}
        params = {"realm": self.settings.realm.lower()}
        response = self._call("POST", path, params=params, json=body)
        if response.status_code in (404, 405):  # an older host without the 2023 workflow
            return self._save_draft(identifier, document)
        if any(e.get("code") == "Error.IdentifierExists" for e in _errors(response)):
            response = self._call("PUT", path, params=params, json=body)
        return PushResult(_revision(self._ok(response, identifier)), "workflow")

    def _save_draft(self, identifier: str, document: Mapping[str, Any]) -> PushResult:
        response = self._call("PUT", DRAFT_PATH.format(identifier=segment(identifier)), params={"schema": chm_document.SCHEMA}, json=document)
        return PushResult(_revision(self._ok(response, identifier)), "draft")

    def _ok(self, response: requests.Response, identifier: str) -> Any:
        errors = _errors(response)
        if errors or response.status_code >= 400:
            raise RecordRejected(errors, None if errors else f"{identifier}: HTTP {response.status_code}")
        return json_or_empty(response)

    def retract(self, identifier: str) -> None:
        """Delete the draft (or the submission under review) and, if published, the document.
        404 means "not there": already gone is what we wanted."""
        identifier = chm_document.chm_identifier(identifier)  # as it was sent
        for path in (DRAFT_PATH, DOCUMENT_PATH):
            response = self._call("DELETE", path.format(identifier=segment(identifier)))
            if response.status_code >= 400 and response.status_code != 404:
                raise RecordRejected(_errors(response), f"retracting {identifier}: HTTP {response.status_code}")

    # -- vocabularies -----------------------------------------------------------------------
    def fetch_vocabularies(self) -> dict[str, list[str]]:
        """The thesaurus identifiers the checks use, fresh from the CHM (cached by the caller)."""
        out: dict[str, list[str]] = {}
        for domain in THESAURUS_DOMAINS:
            response = self.transport.request("GET", THESAURUS_PATH.format(domain=segment(domain)))
            if response.status_code != 200:
                raise SyncError(f"thesaurus {domain}: HTTP {response.status_code}")
            out[domain] = [t["identifier"] for t in json_or_empty(response) if isinstance(t, dict) and "identifier" in t]
        return out


def _errors(response: requests.Response) -> list[dict[str, Any]]:
    body = json_or_empty(response)
    if isinstance(body, dict):
        if isinstance(body.get("errors"), list):
            return [e for e in body["errors"] if isinstance(e, dict)]
        if isinstance(body.get("code"), str) and body["code"].startswith("Error."):
            return [body]
    return []


def _said(response: requests.Response) -> str:
    """The server's own words in an error answer (its ``message``, or a short text body)."""
    body = json_or_empty(response)
    if isinstance(body, dict):
        return str(body.get("message") or body.get("error") or "")[:200]
    if isinstance(body, str):
        return body[:200]
    return "" if body else response.text.strip()[:200]


def _about_realm(response: requests.Response) -> bool:
    """A 400 about the Realm header: the CHM says "Realm header missing or unknown" (in a
    message or as a text body); a validation error may name the ``realm`` property instead."""
    if any(e.get("property") == "realm" for e in _errors(response)):
        return True
    body = json_or_empty(response)
    if isinstance(body, dict):
        words = " ".join(str(body.get(k) or "") for k in ("message", "error", "code"))
    elif isinstance(body, str):
        words = body
    else:
        words = "" if body else response.text
    return "realm" in words.casefold()


def _revision(body: Any) -> str:
    if isinstance(body, dict):
        return str(body.get("revision") or body.get("documentID") or "sent")
    return "sent"
