"""Dublin Core XML (OAI-DC records in one ``<records>`` file): the lingua franca of
repositories. Multilingual text keeps its ``xml:lang``; Local Contexts labels travel as
``dc:rights`` statements naming the label, as Local Contexts asks labels to be shown."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO
from xml.etree import ElementTree as ET

from kmdesk.core import vocab

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("oai_dc", OAI_DC)
ET.register_namespace("dc", DC)


def _add(parent: ET.Element, name: str, text: str, lang: str | None = None) -> None:
    element = ET.SubElement(parent, f"{{{DC}}}{name}")
    element.text = text
    if lang:
        element.set(XML_LANG, lang)


def element(record: dict[str, Any]) -> ET.Element:
    root = ET.Element(f"{{{OAI_DC}}}dc")
    _add(root, "identifier", f"urn:uuid:{record['id']}")
    for scheme, value in (record.get("identifiers") or {}).items():
        _add(root, "identifier", f"{scheme}:{value}")
    for field, name in (("title", "title"), ("summary", "description"), ("body", "description")):
        for lang, text in (record.get(field) or {}).items():
            _add(root, name, text, lang)
    for creator in record.get("creators") or []:
        _add(root, "publisher" if creator["role"] == "publisher" else
             "creator" if creator["role"] in ("author", "knowledge_holder") else "contributor", creator["name"])
    for keyword in record.get("keywords") or []:
        _add(root, "subject", keyword)
    for subject in record.get("subjects") or []:
        _add(root, "subject", subject)
    for target in record.get("gbf_targets") or []:
        _add(root, "subject", f"GBF-TARGET-{target:02d}")
    if record.get("date"):
        _add(root, "date", record["date"])
    _add(root, "type", record.get("resource_kind") or record["type"])
    for language in record.get("languages") or []:
        _add(root, "language", language)
    for country in record.get("countries") or []:
        _add(root, "coverage", country.upper())
    for place in record.get("places") or []:
        _add(root, "coverage", place)
    if record.get("source_url"):
        _add(root, "source", record["source_url"])
    if record.get("licence"):
        _add(root, "rights", record["licence"])
    known = vocab.label_vocab()
    for code in record.get("labels") or []:
        name = vocab.title(known[code]) if code in known else code
        _add(root, "rights", f"Local Contexts label {code}: {name}")
    return root


def write(records: Iterable[dict[str, Any]], fh: BinaryIO) -> int:
    root = ET.Element("records")
    count = 0
    for record in records:
        root.append(element(record))
        count += 1
    ET.indent(root)
    ET.ElementTree(root).write(fh, encoding="utf-8", xml_declaration=True)
    return count
