"""Scripts of record texts and the fonts that draw them.

A record may hold Arabic, Chinese, Cyrillic, Devanagari... A system without a font for one of
those scripts shows empty boxes, and a person cannot tell a missing font from broken data, so
the window says once which script lacks a font (``FontCheck``), naming the packages the README
lists. kmdesk also carries open fonts for the scripts its interface and report are written in
(resources/fonts: Noto Sans for Latin, Cyrillic and Greek, Noto Sans Arabic, WenQuanYi Micro
Hei for Chinese), registered with Qt at start for whatever the system cannot draw
(``register_bundled``), so a fresh machine shows no boxes in the six interface languages.
The script of a language tag (``language_direction``) also decides a paragraph's
direction when its first letters are borrowed from another script.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

import langcodes
from PySide6.QtGui import QFontDatabase

WritingSystem = QFontDatabase.WritingSystem

# Unicode ranges -> the writing system a font must support (Latin needs no check: every
# desktop has it, and Qt falls back to it for digits and punctuation).
_RANGES: tuple[tuple[int, int, WritingSystem], ...] = (
    (0x0370, 0x03FF, WritingSystem.Greek),
    (0x0400, 0x052F, WritingSystem.Cyrillic),
    (0x0530, 0x058F, WritingSystem.Armenian),
    (0x0590, 0x05FF, WritingSystem.Hebrew),
    (0x0600, 0x06FF, WritingSystem.Arabic),
    (0x0750, 0x077F, WritingSystem.Arabic),
    (0x0700, 0x074F, WritingSystem.Syriac),
    (0x0780, 0x07BF, WritingSystem.Thaana),
    (0x07C0, 0x07FF, WritingSystem.Nko),
    (0x0900, 0x097F, WritingSystem.Devanagari),
    (0x0980, 0x09FF, WritingSystem.Bengali),
    (0x0A00, 0x0A7F, WritingSystem.Gurmukhi),
    (0x0A80, 0x0AFF, WritingSystem.Gujarati),
    (0x0B00, 0x0B7F, WritingSystem.Oriya),
    (0x0B80, 0x0BFF, WritingSystem.Tamil),
    (0x0C00, 0x0C7F, WritingSystem.Telugu),
    (0x0C80, 0x0CFF, WritingSystem.Kannada),
    (0x0D00, 0x0D7F, WritingSystem.Malayalam),
    (0x0D80, 0x0DFF, WritingSystem.Sinhala),
    (0x0E00, 0x0E7F, WritingSystem.Thai),
    (0x0E80, 0x0EFF, WritingSystem.Lao),
    (0x0F00, 0x0FFF, WritingSystem.Tibetan),
    (0x1000, 0x109F, WritingSystem.Myanmar),
    (0x10A0, 0x10FF, WritingSystem.Georgian),
    (0x1780, 0x17FF, WritingSystem.Khmer),
    (0x3040, 0x30FF, WritingSystem.Japanese),
    (0x3400, 0x4DBF, WritingSystem.SimplifiedChinese),
    (0x4E00, 0x9FFF, WritingSystem.SimplifiedChinese),
    (0xAC00, 0xD7AF, WritingSystem.Korean),
    (0xFB50, 0xFDFF, WritingSystem.Arabic),
    (0xFE70, 0xFEFF, WritingSystem.Arabic),
)
_RTL_SCRIPTS = {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"}
FONT_PACKAGES = "fonts-noto-core fonts-noto-cjk"
# The fonts kmdesk carries (resources/fonts, with their licences), by the writing systems they
# are there for; Latin is checked too here, since a system with no fonts at all has none.
BUNDLED_FONTS: dict[str, tuple[WritingSystem, ...]] = {
    "NotoSans-Regular.ttf": (WritingSystem.Latin, WritingSystem.Cyrillic, WritingSystem.Greek),
    "NotoSans-Bold.ttf": (WritingSystem.Latin, WritingSystem.Cyrillic, WritingSystem.Greek),
    "NotoSansArabic-Regular.ttf": (WritingSystem.Arabic,),
    "NotoSansArabic-Bold.ttf": (WritingSystem.Arabic,),
    "wqy-microhei.ttc": (WritingSystem.SimplifiedChinese, WritingSystem.TraditionalChinese),
}
# the families those files hold (the PDF report asks for them by name)
BUNDLED_FAMILIES = {"latin": "Noto Sans", "arabic": "Noto Sans Arabic", "chinese": "WenQuanYi Micro Hei"}
_registered: set[str] = set()


def bundled_font_files() -> dict[str, object]:
    """File name -> path of each font kmdesk carries."""
    from kmdesk.core.paths import resource

    return {name: resource("fonts", name) for name in BUNDLED_FONTS}


def register_bundled(everything: bool = False) -> list[str]:
    """Register with Qt (needs a QGuiApplication) the carried fonts for the writing systems no
    installed font draws, or all of them (``everything``: the PDF report wants its TrueType
    fonts whatever else is installed). The file names registered by this call."""
    have = set() if everything else installed_writing_systems()
    added = []
    for name, path in bundled_font_files().items():
        if name in _registered or (not everything and set(BUNDLED_FONTS[name]) <= have):
            continue
        if QFontDatabase.addApplicationFont(str(path)) >= 0:
            _registered.add(name)
            added.append(name)
    return added


def writing_systems(texts: Iterable[str]) -> set[WritingSystem]:
    """The writing systems (beyond Latin) that ``texts`` need a font for."""
    found: set[WritingSystem] = set()
    for text in texts:
        for char in set(text):
            point = ord(char)
            if point < 0x0370:
                continue
            for low, high, system in _RANGES:
                if low <= point <= high:
                    found.add(system)
                    break
    return found


def installed_writing_systems() -> set[WritingSystem]:
    return set(QFontDatabase.writingSystems())


def needs_latin(texts: Iterable[str]) -> bool:
    return any(char.isascii() and char.isalpha() for text in texts for char in text)


def without_font(texts: Iterable[str]) -> list[WritingSystem]:
    """The writing systems ``texts`` need (Latin included) that no font Qt knows can draw."""
    texts = list(texts)
    needed = writing_systems(texts) | ({WritingSystem.Latin} if needs_latin(texts) else set())
    return sorted(needed - installed_writing_systems(), key=lambda system: system.value)


def record_texts(record: dict[str, Any]) -> list[str]:
    """Every text of a record a font must draw."""
    texts = [text for name in ("title", "summary", "body") for text in (record.get(name) or {}).values()]
    return [*texts, *(record.get("keywords") or []), *(record.get("places") or []), record.get("community") or ""]


class FontCheck:
    """Tells once per writing system (per window) that no installed font can draw it."""

    def __init__(self, available: set[WritingSystem] | None = None) -> None:
        self.available = installed_writing_systems() if available is None else available
        self.warned: set[WritingSystem] = set()

    def missing(self, record: dict[str, Any]) -> list[WritingSystem]:
        """Writing systems of ``record`` without a font and not yet warned about (then marked)."""
        needed = writing_systems(record_texts(record)) - self.available - self.warned
        self.warned |= needed
        return sorted(needed, key=lambda system: system.value)


def writing_system_name(system: WritingSystem) -> str:
    """Qt's own (translated) name of a writing system, e.g. "Arabic"."""
    return QFontDatabase.writingSystemName(system)


def language_direction(tag: str) -> str | None:
    """``rtl``/``ltr`` from the script a language is written in (``ar`` -> Arab -> rtl,
    ``ar-Latn`` -> ltr), None for a tag the registry cannot place."""
    try:
        script = langcodes.Language.get(tag).maximize().script
    except (ValueError, LookupError):
        return None
    if not script:
        return None
    return "rtl" if script in _RTL_SCRIPTS else "ltr"


def bidi_isolate(text: str) -> str:
    """``text`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (Unicode bidi X5c),
    so a Latin name inside an Arabic sentence (or the reverse) keeps its own order and does not
    pull the punctuation around it to its side. Neutral-only text is left as it is."""
    if not any(unicodedata.bidirectional(char) in ("L", "R", "AL") for char in text):
        return text
    return f"\u2068{text}\u2069"
