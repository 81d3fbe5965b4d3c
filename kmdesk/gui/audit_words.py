"""The audit log and the custodian's view in a person's words: translated event names, details
as "what: value" lines instead of JSON, records named by their titles where the profile may read
them, and the sync credentials' internal protocol named for what it is.

The core records events with stable codes (``sync_sent``, ``member_add``); this is the one place
that turns them into words, as ``access_words`` does for access levels.
"""

from __future__ import annotations

from typing import Any

from kmdesk.core.trust.access import SYNC_PROTOCOL
from kmdesk.gui.qt import QCoreApplication


def event_name(action: str) -> str:
    """An audit event's code as words; an unknown code (a newer core) shows as its words."""
    names = {
        "attach": QCoreApplication.translate("audit", "File attached"), "detach": QCoreApplication.translate("audit", "File removed"),
        "community_add": QCoreApplication.translate("audit", "Community added"), "consent_grant": QCoreApplication.translate("audit", "Consent recorded"),
        "consent_withdraw": QCoreApplication.translate("audit", "Consent withdrawn"), "export": QCoreApplication.translate("audit", "Export"), "import": QCoreApplication.translate("audit", "Import"),
        "labels_import": QCoreApplication.translate("audit", "Hub labels imported"), "member_add": QCoreApplication.translate("audit", "Member added"),
        "member_remove": QCoreApplication.translate("audit", "Member removed"), "passphrase_change": QCoreApplication.translate("audit", "Passphrase changed"),
        "profile_create": QCoreApplication.translate("audit", "Profile created"), "protocol_add": QCoreApplication.translate("audit", "Protocol added"),
        "share": QCoreApplication.translate("audit", "Selected for sharing"), "unshare": QCoreApplication.translate("audit", "Sharing stopped"),
        "target_add": QCoreApplication.translate("audit", "Sync target added"), "unlock": QCoreApplication.translate("audit", "Unlocked"), "unlock_failed": QCoreApplication.translate("audit", "Unlock refused"),
        "view": QCoreApplication.translate("audit", "Protected record read"), "view_attachment": QCoreApplication.translate("audit", "Protected file opened"),
        "sync_sent": QCoreApplication.translate("audit", "Sent to the target"), "sync_retracted": QCoreApplication.translate("audit", "Taken down from the target"),
        "sync_failed": QCoreApplication.translate("audit", "Refused by the target"),
        "access_change": QCoreApplication.translate("audit", "Access changed"),
        "consent_attest": QCoreApplication.translate("audit", "Consent attested"),
        "consent_import": QCoreApplication.translate("audit", "Consent imported"),
        "repair": QCoreApplication.translate("audit", "Damaged text repaired"),
        "target_edit": QCoreApplication.translate("audit", "Sync target changed"),
        "target_remove": QCoreApplication.translate("audit", "Sync target removed"),
        "trust_upgrade": QCoreApplication.translate("audit", "Library file protection upgraded"),
        "hub_join": QCoreApplication.translate("audit", "Joined a community hub"),
        "hub_sync": QCoreApplication.translate("audit", "Synced with the community hub"),
        "restore": QCoreApplication.translate("audit", "Restored from the trash"),
        "trash_empty": QCoreApplication.translate("audit", "Forgotten for good (trash emptied)"),
    }
    return names.get(action, action.replace("_", " "))


def protocol_name(name: str) -> str:
    """A protocol as people know it; kmdesk's own protocol for the sync credentials is not one."""
    return QCoreApplication.translate("audit", "Sync credentials (held by custodians)") if name == SYNC_PROTOCOL else name


def _value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_value(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_value(item)}" for key, item in value.items())
    return protocol_name(str(value))


def details_text(details: dict[str, Any] | None) -> str:
    """An event's details as "what: value" pairs, names in words where kmdesk knows them."""
    labels = {"roles": QCoreApplication.translate("audit", "roles"), "profile": QCoreApplication.translate("audit", "profile"), "kind": QCoreApplication.translate("audit", "kind"), "url": QCoreApplication.translate("audit", "address"),
              "access": QCoreApplication.translate("audit", "access"), "target": QCoreApplication.translate("audit", "target"), "op": QCoreApplication.translate("audit", "to do"), "count": QCoreApplication.translate("audit", "count"),
              "format": QCoreApplication.translate("audit", "format"), "records": QCoreApplication.translate("audit", "records"), "reason": QCoreApplication.translate("audit", "reason"), "name": QCoreApplication.translate("audit", "name"),
              "protocol": QCoreApplication.translate("audit", "protocol"), "file": QCoreApplication.translate("audit", "file"), "scope": QCoreApplication.translate("audit", "scope"),
              "files": QCoreApplication.translate("audit", "files")}
    return "; ".join(f"{labels.get(key, key.replace('_', ' '))}: {_value(value)}"
                     for key, value in (details or {}).items())


def target_text(target: str, titles: dict[str, dict[str, str]], pick: Any) -> str:
    """What an event was about: a record by its title when this profile may read it (else "a
    protected record"), anything else (a profile, a protocol) by its name."""
    if target in titles:
        return pick(titles[target]) or QCoreApplication.translate("audit", "a protected record")
    return protocol_name(target)
