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
    "damaged": "it failed its integrity check ({problem})",
}


def explain(reason: dict[str, Any]) -> str:
    if reason["code"] == "consent_not_covering" and (reason.get("params") or {}).get("sealed"):
        return "the current consent's scope is sealed: unlock to see whether it covers sharing with the CHM"
    text = REASONS.get(reason["code"], reason["code"])
    try:
        return text.format(**reason.get("params", {}))
    except (KeyError, IndexError):
        return text


# Why a sync run stopped, by the error's code; the error's own message when its params do not fit.
STOPPED = {
    "unknown_realm": "the CHM does not know the realm '{realm}' (HTTP {status}: Realm header missing or unknown): "
                     "set the right one with 'kmdesk target edit NAME --realm CHM' (CHM-DEV on the development "
                     "host); nothing was sent and every record stays queued",
    "auth_failed": "the CHM at {sign_in} refused the e-mail or password (HTTP {status}): check the target's --user "
                   "and --password-file, and that its --url is the CHM that account is on; every record stays queued",
}


def stopped_words(code: str | None, params: dict[str, Any], message: str) -> str:
    text = STOPPED.get(code or "")
    if text is None:
        return message
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return message
