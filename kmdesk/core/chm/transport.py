"""HTTP for the sync adapters: one ``requests`` session per target, bounded timeouts, and the
network's failures turned into ``TransientError`` once, here, so each adapter only reads the
answers that mean something for its protocol (401, 403, 404, 405, validation errors).
"""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote

import requests

from kmdesk.core.chm.errors import TargetMisconfigured, TransientError

# (connect, read) seconds: a field laptop on a weak link waits, but never forever.
TIMEOUT = (10.0, 60.0)
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


def segment(value: object) -> str:
    """One URL path segment from data (a record id, a domain name), quoted so that no value can
    change the path: ``/``, ``?``, ``#`` and ``%`` are escaped, and ``.``/``..`` (which clients
    and servers resolve as "this"/"parent" directory) become ``%2E``."""
    quoted = quote(str(value), safe="")
    return quoted.replace(".", "%2E") if quoted in (".", "..") else quoted


def retry_after(response: requests.Response) -> float | None:
    """Seconds the server asked us to wait (``Retry-After`` as seconds or an HTTP date)."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class Transport:
    """``request`` answers the response for every status an adapter must interpret, and raises
    ``TransientError`` for the ones that only mean "try again later"."""

    def __init__(self, base_url: str, *, timeout: tuple[float, float] = TIMEOUT, session: requests.Session | None = None,
                 user_agent: str = "kmdesk-sync") -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = user_agent

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self.timeout)
        url = self.base_url + path
        try:
            response = self.session.request(method, url, **kwargs)
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema) as exc:
            raise TargetMisconfigured(f"{self.base_url} is not a usable address ({exc}): check the target's --url") from exc
        except (requests.ConnectionError, requests.Timeout) as exc:
            # includes a connection dropped after the request went out: the change may have
            # landed, which is why every adapter call is idempotent.
            raise TransientError(f"{method} {path}: no answer ({type(exc).__name__})") from exc
        except requests.RequestException as exc:
            raise TransientError(f"{method} {path}: {exc}") from exc
        if response.status_code in TRANSIENT_STATUS:
            raise TransientError(f"{method} {path}: HTTP {response.status_code}", retry_after=retry_after(response))
        return response

    def close(self) -> None:
        self.session.close()


def json_or_empty(response: requests.Response) -> Any:
    """The JSON body, or ``{}`` when there is none (the CHM answers 403 with an empty body)."""
    try:
        return response.json()
    except ValueError:
        return {}
