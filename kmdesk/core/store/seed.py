"""The demo library: what a person sees on the very first start.

It comes with three demo profiles so every part of consent and access can be tried at once;
their passphrases are in the README (a real library starts with its own first custodian).
"""

from __future__ import annotations

from kmdesk.core.chm.demo import add_reference_targets
from kmdesk.core.errors import AccessDenied
from kmdesk.core.io import library_file
from kmdesk.core.store.library import Library
from kmdesk.core.trust.memberships import community_protocol_name

SEEDED = "demo_seeded"
DEMO_CUSTODIAN = ("Demo Custodian", "kmdesk demo custodian", ["custodian"])
DEMO_OTHERS = (
    ("Demo Contributor", "kmdesk demo contributor", ["contributor"]),
    ("Demo Visitor", "kmdesk demo visitor", ["viewer"]),
)


def seed_demo(library: Library) -> int:
    """Fill an empty library from ``resources/demo/library.json`` once; returns records added.

    A library that already holds records, or was seeded before (and then emptied by its user),
    is left alone: the demo must never come back over someone's own work. In a library without
    profiles the demo profiles are created; otherwise an unlocked custodian must be loading it.
    """
    if library.meta(SEEDED) or library.records.count():
        return 0
    data = library_file.read(library_file.DEMO)
    unlocked_here = False
    if not library.access.has_profiles():
        name, secret, roles = DEMO_CUSTODIAN
        library.access.create_profile(name, secret, roles)
        library.unlock(name, secret)
        unlocked_here = True
        for other, other_secret, other_roles in DEMO_OTHERS:
            library.access.create_profile(other, other_secret, other_roles)
    elif library.access.current is None or "custodian" not in library.access.current.roles:
        raise AccessDenied("unlock a custodian profile to load the demo library")
    try:
        report = library.imports.library_file(data)
        add_reference_targets(library)  # the local reference CHM that `make run` starts beside the app
        if unlocked_here and data.get("communities"):
            library.access.add_member(community_protocol_name(data["communities"][0]["name"]), DEMO_OTHERS[0][0])
        library.set_meta(SEEDED, "1")
    finally:
        if unlocked_here:
            library.lock()
    imported: int = report["counts"].get("imported", 0)
    return imported
