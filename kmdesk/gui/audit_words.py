"""The audit log and the custodian's view in a person's words: translated event names, details
as "what: value" lines instead of JSON, records named by their titles where the profile may read
them, and the sync credentials' internal protocol named for what it is.

The core records events with stable codes (``sync_sent``, ``member_add``); this is the one place
that turns them into words, as ``access_words`` does for access levels.
"""

from __future__ import annotations

from typing import Any

from kmdesk.core.access import SYNC_PROTOCOL
from kmdesk.gui.qt import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("audit", text)


def event_name(action: str) -> str:
    """An audit event's code as words; an unknown code (a newer core) shows as its words."""
    names = {
        "attach": _t("File attached"), "detach": _t("File removed"),
        "community_add": _t("Community added"), "consent_grant": _t("Consent recorded"),
        "consent_withdraw": _t("Consent withdrawn"), "export": _t("Export"), "import": _t("Import"),
        "labels_import": _t("Hub labels imported"), "member_add": _t("Member added"),
        "member_remove": _t("Member removed"), "passphrase_change": _t("Passphrase changed"),
        "profile_create": _t("Profile created"), "protocol_add": _t("Protocol added"),
        "share": _t("Selected for sharing"), "unshare": _t("Sharing stopped"),
        "target_add": _t("Sync target added"), "unlock": _t("Unlocked"), "unlock_failed": _t("Unlock refused"),
        "view": _t("Protected record read"), "view_attachment": _t("Protected file opened"),
        "sync_sent": _t("Sent to the target"), "sync_retracted": _t("Taken down from the target"),
        "sync_failed": _t("Refused by the target"),
    }
    return names.get(action, action.replace("_", " "))


def protocol_name(name: str) -> str:
    """A protocol as people know it; kmdesk's own protocol for the sync credentials is not one."""
    return _t("Sync credentials (held by custodians)") if name == SYNC_PROTOCOL else name


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_value(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_value(item)}" for key, item in value.items())
    return protocol_name(str(value))


def details_text(details: dict[str, Any] | None) -> str:
    """An event's details as "what: value" pairs, names in words where kmdesk knows them."""
    labels = {"roles": _t("roles"), "profile": _t("profile"), "kind": _t("kind"), "url": _t("address"),
              "access": _t("access"), "target": _t("target"), "op": _t("to do"), "count": _t("count"),
              "format": _t("format"), "records": _t("records"), "reason": _t("reason"), "name": _t("name"),
              "protocol": _t("protocol"), "file": _t("file"), "scope": _t("scope")}
    return "; ".join(f"{labels.get(key, key.replace('_', ' '))}: {_value(value)}"
                     for key, value in (details or {}).items())


def target_text(target: str, titles: dict[str, dict[str, str]], pick: Any) -> str:
    """What an event was about: a record by its title when this profile may read it (else "a
    protected record"), anything else (a profile, a protocol) by its name."""
    if target in titles:
        return pick(titles[target]) or _t("a protected record")
    return protocol_name(target)
