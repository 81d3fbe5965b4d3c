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
    text = str(REASONS.get(reason["code"], reason["code"]))
    params = dict(reason.get("params") or {})
    if "label" in params:  # "TK Clan", the label's name, not its code "TK CL"
        from kmdesk.core import vocab

        params["label"] = vocab.label_vocab().get(params["label"], {}).get("name") or params["label"]
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def match_reason(reason: dict[str, Any]) -> str:
    """A matchmaking reason (``core.chm.match``) in words: names and titles, never a code."""
    from kmdesk.core import vocab
    from kmdesk.core.chm.evidence import term_name

    kind, params = reason["kind"], reason["params"]
    if kind == "term":
        return "both about " + ", ".join(term_name(k, "en") for k in params["keys"])
    if kind == "target":
        targets = {t["number"]: t for t in vocab.gbf()["targets"]}
        return "same target " + ", ".join(f"{n} ({vocab.short_title(targets[n])})" for n in params["numbers"] if n in targets)
    if kind == "subject":
        subjects = {s["identifier"]: vocab.title(s) for s in vocab.cbd_subjects()}
        return "same subject: " + ", ".join(subjects[i] for i in params["ids"] if i in subjects)
    if kind == "country":
        return "same country: " + country_names(params["codes"])
    if kind == "language":
        return "speaks " + ", ".join(language_name(c) for c in params["codes"])
    if kind == "words":
        return "shares the words " + ", ".join(params["words"])
    return ""


def field_name(field: str) -> str:
    """A record field as the history names it: "GBF targets", "resource kind", never ``gbf_targets``."""
    return {"gbf_goals": "GBF goals", "gbf_targets": "GBF targets", "source_url": "source"}.get(field, field.replace("_", " "))


def field_value(value: Any) -> str:
    """A record field's value as people read it (a hub conflict's versions): texts by their
    language's name, lists joined, never Python's ``{'en': ...}``."""
    if isinstance(value, dict):
        return ", ".join(f'{language_name(key)} "{text}"' if isinstance(text, str) else f"{key}: {field_value(text)}"
                         for key, text in value.items()) or "(empty)"
    if isinstance(value, list):
        return "; ".join(field_value(item) for item in value) or "(empty)"
    return "(empty)" if value is None or value == "" else str(value)


def remote_status(state: dict[str, Any]) -> str:
    """A record's state at a target in words, as the window's sync panel says it ("submitted for
    review", "selected, not sent"), never the stored code ("sent (workflow)", "not_sent")."""
    code, message = state.get("status"), state.get("message")
    if code == "sent":
        return {"draft": "sent as draft", "workflow": "submitted for review"}.get(message or "", "sent")
    if code == "failed":
        return f"failed: {message or ''}"
    if code == "queued" and message:
        return f"queued (last try: {message})"
    words = {"queued": "queued", "not_shared": "not shared", "not_sent": "selected, not sent",
             "retracted": "retracted", "not_eligible": "not eligible, taken down"}
    return words.get(code or "", code or "")


def place_words(text: str) -> str:
    """A record's place as "Vanua Levu (16.6° S, 179.2° E)", never the stored "@ -16.6 179.2"."""
    from kmdesk.core.insight.places import located

    place = located(text)
    if isinstance(place, str) or place.lat is None or place.lon is None:
        return str(place)
    return (f"{place.name} ({abs(place.lat):g}° {'N' if place.lat >= 0 else 'S'}, "
            f"{abs(place.lon):g}° {'E' if place.lon >= 0 else 'W'})")


def country_names(codes: list[str]) -> str:
    """ISO country codes as their English names (``pe`` -> "Peru"), a code none is known for as written."""
    from kmdesk.render.territories import territory_name

    return ", ".join(territory_name(code, "en") for code in codes)


def when(value: str) -> str:
    """An ISO 8601 timestamp in local time as "22 Jun 2025 07:00"; anything else as written."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%-d %b %Y %H:%M")


def day(value: str | None) -> str:
    """A date as "20 Jun 2025" (consent given, expiring, withdrawn); "?" when there is none,
    anything that is not an ISO date as written."""
    from datetime import date

    if not value:
        return "?"
    try:
        return date.fromisoformat(value).strftime("%-d %b %Y")
    except (TypeError, ValueError):
        return value


def language_name(tag: str) -> str:
    """A language tag as its English name (``es`` -> "Spanish"), the tag when none is known."""
    import langcodes

    try:
        return str(langcodes.Language.get(tag).display_name("en"))
    except (ValueError, LookupError):
        return tag


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
