"""The demo sync targets: the local reference server that ``make run`` starts beside the app,
so the demo library syncs end to end with no internet (README, "Sync to the national CHM").

The settings stand for what a national focal point would configure once: the organisation
reference every document carries, a resource type, a subject and a fallback link. They are
demo values and say so; a real target gets its own with ``kmdesk target add``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

DEFAULT_URL = "http://127.0.0.1:8765"
# the reference server's demo account (the app starts without loading the server's code)
DEFAULT_EMAIL = "demo@kmdesk.local"
DEFAULT_PASSWORD = "kmdesk demo"
DEFAULT_API_KEY = "kmdesk-demo-api-key"
CHM_TARGET = "Local reference CHM"
BIOLAND_TARGET = "Local reference Bioland"
DEMO_SETTINGS: dict[str, Any] = {
    "realm": "CHM",
    "auth_prefix": "Bearer",
    "organization": "kmdesk-demo-organization@1",
    "resource_types": ["kmdesk-demo-resource-type"],
    "cbd_subjects": ["CBD-SUBJECT-8J"],  # Traditional knowledge, innovations and practices (Article 8(j))
    "link": "https://www.cbd.int/traditional-knowledge",
    "publisher": "kmdesk demo",
}


def reference_url() -> str:
    """Where the demo targets point: ``KMDESK_REFSERVER_URL`` or the port ``make run`` uses."""
    return os.environ.get("KMDESK_REFSERVER_URL", DEFAULT_URL)


def add_reference_targets(library: Library, url: str | None = None, *, chm: str = CHM_TARGET,
                          bioland: str | None = BIOLAND_TARGET, settings: dict[str, Any] | None = None) -> None:
    """Add a CHM target (and, unless ``bioland`` is None, a Bioland one) on the reference server,
    with its demo account sealed in the vault like any other credentials."""
    url = url or reference_url()
    library.sync.add_target(chm, "chm", url, settings={**DEMO_SETTINGS, **(settings or {})},
                            credentials={"user": DEFAULT_EMAIL, "password": DEFAULT_PASSWORD})
    if bioland:
        library.sync.add_target(bioland, "bioland", url, settings={}, credentials={"api_key": DEFAULT_API_KEY})
