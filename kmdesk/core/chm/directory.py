"""The practitioner directory (CHM work programme 4.2.C): people and organizations with their
expertise (CBD subjects, GBF targets), languages, country and region, local or pulled from the
CHM, filtered through the search index's facets.

Contact details (a record's ``identifiers`` ``email``, ``phone``, ``website``) are shown only
for an entry whose current FPIC consent covers ``list_in_directory``, the same consent machinery
that decides sharing; the vCard export holds listed, public entries only, so a non-public
record never leaves its sealing through it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.store.records import display_title
from kmdesk.core.trust import consent

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

TYPES = ("person", "organization")
CONTACT_KEYS = consent.CONTACT_KEYS  # the rule that shows or withholds them is ``consent.withhold_contacts``


@dataclass
class Entry:
    id: str
    type: str
    name: str
    expertise: dict[str, list[Any]]  # {"subjects": [...], "gbf_targets": [...]}
    languages: list[str]
    countries: list[str]
    regions: list[str]
    listed: bool  # consent to be listed: contacts shown, exported
    public: bool
    source: str  # "library" or "chm"
    contacts: dict[str, str] = field(default_factory=dict)
    consented_by: str = ""  # who gave the consent to be listed ("" when not listed, or sealed)
    consented_on: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _filters(expertise: list[str], languages: list[str], countries: list[str]) -> dict[str, list[str]]:
    """Facet filters of the search index: an expertise is a CBD subject identifier or a GBF
    target number."""
    filters: dict[str, list[str]] = {"type": list(TYPES)}
    targets = [e for e in expertise if e.isdigit()]
    subjects = [e for e in expertise if not e.isdigit()]
    if targets:
        filters["gbf_targets"] = targets
    if subjects:
        filters["subjects"] = subjects
    if languages:
        filters["languages"] = languages
    if countries:
        filters["countries"] = [c.lower() for c in countries]
    return filters


def entries(library: Library, *, expertise: list[str] = (), languages: list[str] = (), countries: list[str] = (),  # type: ignore[assignment]
            langs: tuple[str, ...] = ("en",), today: date | None = None) -> list[Entry]:
    """The directory's entries matching every filter given, by name."""
    today = today or date.today()
    filters = _filters(list(expertise), list(languages), list(countries))
    total = library.index.search("", filters=filters, limit=1, snippets=False, facets=False).total  # a listing: every match, by name
    ids = [h.id for h in library.index.search("", filters=filters, limit=max(total, 1), snippets=False, facets=False).hits]
    records = library.records.get_many(ids)
    out = []
    for record_id in ids:
        record = records.get(record_id)
        if record is None or record.get("sealed"):
            continue
        listing = consent.listing_consent({"consents": library.consent.of(record_id)}, today)
        listed = listing is not None
        ids_ = record.get("identifiers") or {}
        out.append(Entry(record_id, record["type"], display_title(record, langs),
                         {"subjects": list(record.get("subjects") or []), "gbf_targets": list(record.get("gbf_targets") or [])},
                         list(record.get("languages") or []), list(record.get("countries") or []), list(record.get("places") or []),
                         listed, record["access"]["level"] == "public", "chm" if "chm" in ids_ else "library",
                         {k: str(ids_[k]) for k in CONTACT_KEYS if listed and ids_.get(k)},
                         str((listing or {}).get("granted_by") or ""), str((listing or {}).get("given_on") or "")))
    return sorted(out, key=lambda e: e.name.casefold())


def set_contacts(library: Library, record_id: str, contacts: dict[str, str]) -> dict[str, str]:
    """Change a person's or organization's contact details (an empty value removes one); they
    live in its ``identifiers``, sealed with the record when it is not public. The change starts
    from the stored details (``Library.get(for_edit=True)``), so those withheld from the reader
    are kept, not dropped; it returns the details the reader may see after it."""
    record = library.records.get(record_id, for_edit=True)
    if record["type"] not in TYPES:
        raise InvalidRecord(f"contact details belong to people and organizations, not to a {record['type']}",
                            field="type", value=record["type"])
    unknown = set(contacts) - set(CONTACT_KEYS)
    if unknown:
        raise InvalidRecord(f"unknown contact field {sorted(unknown)[0]}: use {', '.join(CONTACT_KEYS)}", field="identifiers")
    identifiers = {**(record.get("identifiers") or {}), **contacts}
    identifiers = {k: v for k, v in identifiers.items() if v}
    updated = library.records.update(record_id, {"identifiers": identifiers})
    return {k: v for k, v in (updated.get("identifiers") or {}).items() if k in CONTACT_KEYS}


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def vcard(entry: Entry) -> str:
    """One vCard 4.0 (RFC 6350) of a listed entry."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"KIND:{'org' if entry.type == 'organization' else 'individual'}",
             f"FN:{_escape(entry.name)}"]
    if entry.type == "organization":
        lines.append(f"ORG:{_escape(entry.name)}")
    if entry.contacts.get("email"):
        lines.append(f"EMAIL:{_escape(entry.contacts['email'])}")
    if entry.contacts.get("phone"):
        lines.append(f"TEL:{_escape(entry.contacts['phone'])}")
    if entry.contacts.get("website"):
        lines.append(f"URL:{entry.contacts['website']}")
    lines += [f"LANG;PREF={n}:{lang}" for n, lang in enumerate(entry.languages[:9], 1)]
    lines += [f"ADR:;;;{_escape(', '.join(entry.regions))};;;{country.upper()}" for country in entry.countries]
    expertise = [*entry.expertise["subjects"], *(f"GBF-TARGET-{int(t):02d}" for t in entry.expertise["gbf_targets"])]
    if expertise:
        lines.append("CATEGORIES:" + ",".join(_escape(e) for e in expertise))
    lines.append(f"UID:urn:uuid:{entry.id}" if len(entry.id) == 36 else f"UID:{_escape(entry.id)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def vcards(found: list[Entry]) -> tuple[str, int]:
    """The vCards of the listed, public entries among ``found``, and how many were left out."""
    kept = [e for e in found if e.listed and e.public]
    return "".join(vcard(e) for e in kept), len(found) - len(kept)
