"""The reference server's own view of the CHM resource schema (``refserver``): which
properties a resource document may carry, which are mandatory, the thesaurus domains it checks
terms against, and ``validate_resource``, the error list ``PUT documents/x/validate`` answers.

Kept apart from kmdesk's mapping (``chm_document``) on purpose: it checks what the client sends,
so it must not share the client's mistakes.
"""

from __future__ import annotations

import re
from typing import Any

from kmdesk.core import vocab

LSTRINGS = {"title", "summary", "authors", "publisher", "source", "rights", "relevantInformation", "keywords"}
TERMS = {"resourceTypes": None, "countryRegions": "countries", "gbfTargets": "GBF-TARGETS", "gbfGoals": "GBF-GOALS",
         "cbdSubjects": "CBD-SUBJECTS", "tags": None}
LINKS = {"resourceLinks", "relevantDocuments"}
OTHER = {"header", "publicationDate", "organizations", "notes"}
UN_LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")  # the only locales the CHM's lstrings and header accept
MANDATORY = ("title", "resourceTypes", "authors", "organizations", "publicationDate", "resourceLinks", "summary", "cbdSubjects")
PLACEMENT_TERMS = ("Document", "Learning Resource", "Project", "Event", "Organization", "Expert")
COUNTRIES = ("ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv bw by "
             "bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et fi fj fk "
             "fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir "
             "is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk "
             "ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm "
             "pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf "
             "tg th tj tk tl tm tn to tr tt tv tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw").split()


def thesaurus() -> dict[str, list[dict[str, Any]]]:
    gbf = vocab.gbf()
    return {"GBF-TARGETS": [{"identifier": t["identifier"], "title": t["title"]} for t in gbf["targets"]],
            "GBF-GOALS": [{"identifier": g["identifier"], "title": g["title"]} for g in gbf["goals"]],
            "CBD-SUBJECTS": [{"identifier": s["identifier"], "title": s["title"]} for s in vocab.cbd_subjects()],
            "countries": [{"identifier": c, "title": {"en": c.upper()}} for c in COUNTRIES]}


def validate_resource(document: Any, known: dict[str, set[str]]) -> list[dict[str, Any]]:
    """The CHM's answer to ``PUT documents/x/validate?schema=resource``: its error list."""
    if not isinstance(document, dict) or not isinstance(document.get("header"), dict):
        return [{"code": "Error.Mandatory", "property": "header"}]
    errors, languages = _header_errors(document["header"])
    for name, value in document.items():
        errors += _property_errors(name, value, languages, known)
    return errors + _content_errors(document)


def _header_errors(header: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Any]]:
    """The header's errors (schema, identifier, languages) and the languages it declares."""
    errors: list[dict[str, Any]] = []
    if header.get("schema") != "resource":
        errors.append({"code": "Error.InvalidValue", "property": "header.schema"})
    if not isinstance(header.get("identifier"), str) or not header["identifier"]:
        errors.append({"code": "Error.Mandatory", "property": "header.identifier"})
    elif not re.match(r"^[A-Za-z0-9\-_]{11,128}$", header["identifier"]):  # the identifiers the CHM takes
        errors.append({"code": "Error.InvalidValue", "property": "header.identifier", "value": header["identifier"]})
    languages = header.get("languages")
    if not isinstance(languages, list) or not languages:
        errors.append({"code": "Error.Mandatory", "property": "header.languages"})
        languages = []
    errors += [{"code": "Error.InvalidValue", "property": "header.languages", "value": tag} for tag in languages if tag not in UN_LANGUAGES]
    return errors, languages


def _property_errors(name: str, value: Any, languages: list[Any], known: dict[str, set[str]]) -> list[dict[str, Any]]:
    """The errors of one property: unknown to the schema, of the wrong shape, in a language the
    header does not declare, or a term outside its thesaurus domain."""
    if name not in LSTRINGS | set(TERMS) | LINKS | OTHER:
        return [{"code": "Error.InvalidProperty", "property": name}]
    if name in LSTRINGS:
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            return [{"code": "Error.InvalidType", "property": name}]
        return [{"code": "Error.UnspecifiedLocale", "property": f"{name}.{tag}", "locale": tag}
                for tag in value if tag not in languages or tag not in UN_LANGUAGES]
    if name in TERMS:
        if not isinstance(value, list) or not all(isinstance(t, dict) and isinstance(t.get("identifier"), str) for t in value):
            return [{"code": "Error.InvalidType", "property": name}]
        domain = TERMS[name]
        return [{"code": "Error.UnexpectedTerm", "property": name, "value": t["identifier"]}
                for t in value if t["identifier"] not in known[domain]] if domain else []
    if name in LINKS and (not isinstance(value, list) or not all(
            isinstance(link, dict) and str(link.get("url", "")).startswith(("http://", "https://")) for link in value)):
        return [{"code": "Error.InvalidValue", "property": name}]
    return []


def _content_errors(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Mandatory properties missing, and a malformed date, organisation or over-long summary."""
    errors = [{"code": "Error.Mandatory", "property": name} for name in MANDATORY if not document.get(name)]
    date = document.get("publicationDate")
    if date and not (isinstance(date, str) and re.match(r"^\d{4}-(0[1-9]|1[0-2])$", date)):
        errors.append({"code": "Error.InvalidValue", "property": "publicationDate"})
    for ref in document.get("organizations") or []:
        if not isinstance(ref, dict) or not re.match(r"^[^@\s]+@[^@\s]+$", str(ref.get("identifier", ""))):
            errors.append({"code": "Error.InvalidValue", "property": "organizations"})
    for text in (document.get("summary") or {}).values() if isinstance(document.get("summary"), dict) else []:
        if len(str(text).split()) > 301:  # 300 words and the ellipsis a cut summary ends with
            errors.append({"code": "Error.InvalidValue", "property": "summary"})
    return errors
