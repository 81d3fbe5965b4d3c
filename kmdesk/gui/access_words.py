"""Translated words for access levels, consent states, roles and the reasons a record may not
be shared: the GUI's counterpart of ``kmdesk/cli/words.py``, through ``QCoreApplication.translate``.

The core speaks in stable codes (``not_public``, ``expiring_soon`` ...); only here do they
become sentences, so a translator finds them in one context ("access") and the CLI and the GUI
say the same thing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kmdesk.core import vocab
from kmdesk.core.trust import consent
from kmdesk.gui import icon
from kmdesk.gui.qt import QCoreApplication, QIcon

CONSENT_ICONS = {"valid": "consent-valid", "expiring_soon": "consent-expiring", "expired": "consent-expired",
                 "withdrawn": "consent-withdrawn", "none": "consent-none"}


def level_explanation(level: str) -> str:
    """What an access level means for the people around the record, in plain words."""
    return {
        "public": QCoreApplication.translate("access", "Anyone using this library can read it. It may go to the national Clearing-House "
                      "Mechanism when a consent covers that and no label forbids it."),
        "community": QCoreApplication.translate("access", "Only members of the record's community can read it. Its texts are encrypted on "
                         "this computer; others see that it exists, not what it says."),
        "restricted": QCoreApplication.translate("access", "Only members of the cultural protocols ticked below can read it (all of them, or "
                          "any one, as chosen). Its texts are encrypted; others see a sealed record."),
        "sacred": QCoreApplication.translate("access", "Only the custodians named below can read it, and nobody else even sees that it "
                      "exists. It never leaves this computer: no export, no sync."),
    }.get(level, level)


def level_icon(level: str) -> QIcon:
    return icon(f"access-{level}" if level in consent.LEVELS else "access-restricted")


def consent_state_name(state: str) -> str:
    return {
        "valid": QCoreApplication.translate("access", "Valid"),
        "expiring_soon": QCoreApplication.translate("access", "Expiring soon"),
        "expired": QCoreApplication.translate("access", "Expired"),
        "withdrawn": QCoreApplication.translate("access", "Withdrawn"),
        "none": QCoreApplication.translate("access", "No consent"),
    }.get(state, state)


def consent_state_explanation(state: str) -> str:
    return {
        "valid": QCoreApplication.translate("access", "A current consent is in force."),
        "expiring_soon": QCoreApplication.translate("access", "The consent in force ends within 30 days; ask the community whether to renew it."),
        "expired": QCoreApplication.translate("access", "The consent has expired; the record is not shared until a new consent is recorded."),
        "withdrawn": QCoreApplication.translate("access", "The community withdrew its consent; the record is retracted from the CHM at the next sync."),
        "none": QCoreApplication.translate("access", "No consent has been recorded."),
    }.get(state, state)


def consent_icon(state: str) -> QIcon:
    return icon(CONSENT_ICONS.get(state, "consent-none"))


def record_consent_state(record: dict[str, Any], today: date | None = None) -> str:
    """The consent state of a record today, by the core's pure rule."""
    return consent.consent_state(list(record.get("consents") or []), today or date.today()).value


def role_name(role: str) -> str:
    words = {"custodian": QCoreApplication.translate("access", "custodian"),
             "contributor": QCoreApplication.translate("access", "contributor"),
             "viewer": QCoreApplication.translate("access", "viewer")}
    return words.get(role, role)


def roles_text(roles: list[str]) -> str:
    return ", ".join(role_name(r) for r in roles)


def reason_text(reason: consent.Reason | dict[str, Any], lang: str) -> str:
    """Why a record may not be shared, in words (the GUI's ``cli.words.explain``)."""
    code = reason.code if isinstance(reason, consent.Reason) else reason["code"]
    params = dict(reason.params if isinstance(reason, consent.Reason) else reason.get("params") or {})
    levels = vocab.titles("access_levels", lang)
    scopes = vocab.titles("consent_scopes", lang)
    if code == "not_selected":
        return QCoreApplication.translate("access", "Nobody has selected it for sharing yet.")
    if code == "not_public":
        return QCoreApplication.translate("access", "Its access level is {level}, not public.").format(level=levels.get(str(params.get("level")), params.get("level")))
    if code == "sacred_never":
        return QCoreApplication.translate("access", "Sacred knowledge never leaves this computer.")
    if code == "needs_consent":
        return QCoreApplication.translate("access", "It is a community's knowledge: it needs a current consent covering “Share with the national CHM”.")
    if code == "consent_expired":
        return QCoreApplication.translate("access", "The consent expired on {date}.").format(date=params.get("expires_on", ""))
    if code == "consent_withdrawn":
        return QCoreApplication.translate("access", "The consent was withdrawn on {date}.").format(date=params.get("withdrawn_on", ""))
    if code == "consent_not_covering" and params.get("sealed"):
        return QCoreApplication.translate("access", "The current consent's scope is sealed: unlock a profile that may read "
                                                    "this record to see whether it covers sharing with the CHM.")
    if code == "consent_not_covering":
        allowed = ", ".join(scopes.get(s, s) for s in params.get("scopes") or [])
        return QCoreApplication.translate("access", "The current consent does not cover sharing with the CHM (it allows: {scopes}).").format(
            scopes=allowed or QCoreApplication.translate("access", "nothing"))
    if code == "label_forbids":
        label = params.get("label", "")  # named as the Local Contexts name it ("TK Clan"), not by its code "TK CL"
        return QCoreApplication.translate("access", "The label {label} forbids sharing.").format(
            label=vocab.label_vocab().get(label, {}).get("name") or label)
    if code == "damaged":
        return QCoreApplication.translate("access", "It failed its integrity check ({problem}): it cannot be shared.").format(
            problem=params.get("problem", ""))
    return code


def label_kind(code: str) -> str:
    """``tk``, ``bc`` or ``notice``: which badge a Local Contexts label code gets."""
    if "Notice" in code:
        return "notice"
    return "bc" if code.startswith("BC ") else "tk"


def label_icon(code: str) -> QIcon:
    return icon(f"label-{label_kind(code)}")
