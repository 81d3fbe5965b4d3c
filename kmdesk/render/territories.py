"""Country names in the interface language (the dashboard, the map and the report show them)."""

from __future__ import annotations

import langcodes


def territory_name(code: str, lang: str) -> str:
    """An ISO 3166 code as the country's name in ``lang`` (CLDR, from ``language_data``), else
    the code as written. ``library_model.country_name`` gives Qt's English names only."""
    try:
        name = langcodes.Language.get(f"und-{code.upper()}").territory_name(lang)
    except (ValueError, LookupError):
        return code.upper()
    return name if name and "[" not in name else code.upper()
