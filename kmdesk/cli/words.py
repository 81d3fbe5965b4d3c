"""English words for the core's reason and error codes at the command line (the GUI has its
own, translated)."""

from __future__ import annotations

from typing import Any

REASONS = {
    "not_selected": "nobody selected it for sharing",
    "not_public": "its access level is {level}, not public",
    "needs_consent": "traditional knowledge needs a current consent covering 'share with national CHM'",
    "consent_expired": "the consent expired",
    "consent_withdrawn": "the consent was withdrawn",
    "consent_not_covering": "the current consent does not cover sharing with the CHM",
    "label_forbids": "the label {label} forbids sharing",
    "sacred_never": "sacred knowledge never leaves this device",
}


def explain(reason: dict[str, Any]) -> str:
    text = REASONS.get(reason["code"], reason["code"])
    try:
        return text.format(**reason.get("params", {}))
    except (KeyError, IndexError):
        return text
