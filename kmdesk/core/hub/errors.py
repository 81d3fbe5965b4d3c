"""The hub's typed errors: each has a code the faces turn into words, and a message that says
what happened and what still works."""

from __future__ import annotations

from kmdesk.core.errors import KmdeskError


class HubError(KmdeskError):
    """The hub refused something or holds something unexpected (its message says what)."""

    code = "hub_error"


class HubUnavailable(HubError):
    """The hub cannot be reached (server down, no network, wrong address or password): nothing
    was lost, the library works on, and the next sync sends what waits."""

    code = "hub_unavailable"


class NoCredentials(HubError):
    """This device's hub password is not on this machine (the library was copied or moved from
    another machine, or the state folder was lost): it joins again before it syncs."""

    code = "hub_no_credentials"


class NotJoined(HubError):
    code = "hub_not_joined"


class WrongLibrary(HubError):
    """The hub holds another library (its library key is not this library's)."""

    code = "hub_wrong_library"


class CopiedLibrary(HubError):
    """This library is a copy of another on this machine that is the same hub device: it joins
    again (as a new device) before it syncs."""

    code = "hub_copied_library"


class Refused(Exception):
    """One change from the hub failed a check; it is quarantined with this reason, never applied."""
