"""Local Contexts Hub projects (API v2): parse a project's TK/BC labels and notices, fetch one
when online with the community's API key. The store caches what this returns for offline use.

A Hub project answers ``GET {base}/projects/{unique_id}/`` with ``unique_id``, ``title``,
``tk_labels`` and ``bc_labels`` (each ``label_type``, ``name``, ``label_text``, ``language``,
``language_tag``, ``community``, ``translations``) and ``notice`` (``notice_type``, ``name``,
``default_text``). Labels are matched to kmdesk's vocabulary by ``label_type``; the
community's own wording and language are kept as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kmdesk.core import vocab
from kmdesk.core.errors import KmdeskError
from kmdesk.core.store import text as txt

if TYPE_CHECKING:
    import requests

HUB = "https://localcontextshub.org/api/v2"
TIMEOUT = (5, 20)


class HubError(KmdeskError):
    code = "hub_error"


@dataclass
class HubLabel:
    code: str
    name: str
    text: str
    language: str | None
    community: str | None
    translations: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class HubProject:
    unique_id: str
    title: str
    labels: list[HubLabel]
    notices: list[HubLabel]

    @property
    def codes(self) -> list[str]:
        return [label.code for label in self.labels + self.notices]


def _code_for(group: str, label_type: str) -> str:
    for item in vocab.local_contexts()[group]:
        if label_type in (item.get("label_type"), item.get("notice_type")):
            return str(item["code"])
    raise HubError(f"unknown Local Contexts {group[:-1].replace('_', ' ')} type '{label_type}'", label_type=label_type)


def _label(group: str, item: dict[str, Any], type_key: str, text_key: str) -> HubLabel:
    if not isinstance(item, dict) or not item.get(type_key):
        raise HubError(f"a {group[:-1].replace('_', ' ')} without '{type_key}'")
    return HubLabel(
        code=_code_for(group, item[type_key]),
        name=item.get("name") or "",
        text=item.get(text_key) or "",
        language=item.get("language_tag") or item.get("language") or None,
        community=item.get("community") if isinstance(item.get("community"), str) else None,
        translations=list(item.get("translations") or []),
    )


def parse_project(data: Any) -> HubProject:
    """A Hub API v2 project document → labels and notices with kmdesk codes."""
    if not isinstance(data, dict) or not data.get("unique_id"):
        raise HubError("not a Local Contexts Hub project (no 'unique_id')")
    data = txt.repair(data)  # the text boundary: nothing the store or index cannot hold
    labels = [_label("tk_labels", item, "label_type", "label_text") for item in data.get("tk_labels") or []]
    labels += [_label("bc_labels", item, "label_type", "label_text") for item in data.get("bc_labels") or []]
    notices = [_label("notices", item, "notice_type", "default_text") for item in data.get("notice") or []]
    return HubProject(unique_id=str(data["unique_id"]), title=str(data.get("title") or ""), labels=labels, notices=notices)


def fetch_project(unique_id: str, api_key: str, *, base_url: str = HUB,
                  session: requests.Session | None = None) -> Any:
    """Fetch a project's JSON from the Hub, as it came (``parse_project`` checks it); network
    and HTTP problems become ``HubError``."""
    import requests  # only when fetching: every command that opens a library imports this module

    http = session or requests.Session()
    try:
        response = http.get(f"{base_url.rstrip('/')}/projects/{unique_id}/", headers={"X-Api-Key": api_key}, timeout=TIMEOUT)
    except requests.RequestException as exc:
        raise HubError(f"could not reach the Local Contexts Hub: {type(exc).__name__}") from None
    if response.status_code in (401, 403):
        raise HubError("the Local Contexts Hub refused the API key", status=response.status_code)
    if response.status_code == 404:
        raise HubError(f"no Local Contexts Hub project {unique_id}", status=404)
    if not response.ok:
        raise HubError(f"the Local Contexts Hub answered {response.status_code}", status=response.status_code)
    try:
        return response.json()
    except ValueError:
        raise HubError("the Local Contexts Hub answered something that is not JSON") from None
