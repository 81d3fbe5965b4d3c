"""A place as a record writes it: a name, and latitude and longitude after an ``@``
(``"Lake Titicaca @ -15.84 -69.34"``). Light on imports: ``show`` reads places without the store."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kmdesk.core.errors import InvalidRecord

_PLACE = re.compile(r"^(?P<name>.*?)\s*@\s*(?P<lat>[-+]?\d+(?:\.\d+)?)[\s,;]+(?P<lon>[-+]?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Place:
    name: str
    lat: float | None = None
    lon: float | None = None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


def parse_place(text: str) -> Place:
    """A place as written in a record: its name, and its coordinates when it has them.
    ``InvalidRecord`` when the text has an ``@`` whose coordinates cannot be read or are off
    the globe: a typo must not pin the place somewhere else."""
    if "@" not in text:
        return Place(text.strip())
    found = _PLACE.match(text)
    if not found:
        raise InvalidRecord(f"places: '{text}' — after @ come latitude and longitude, e.g. 'Cusco @ -13.53 -71.97'",
                            field="places", value=text)
    lat, lon = float(found["lat"]), float(found["lon"])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidRecord(f"places: '{text}' — latitude is -90 to 90 and longitude -180 to 180",
                            field="places", value=text)
    return Place(found["name"].strip(), lat, lon)


def format_place(name: str, lat: float | None = None, lon: float | None = None) -> str:
    """The text a place is stored as (``parse_place`` reads it back)."""
    if lat is None or lon is None:
        return name.strip()
    return f"{name.strip()} @ {lat:.5g} {lon:.5g}"


def located(text: str) -> Place | str:
    """A place with coordinates, to be shown in degrees; else the text to show as it is (the
    name of a place without coordinates, or text that is not a readable place)."""
    try:
        place = parse_place(text)
    except InvalidRecord:
        return text
    return place if place.located else place.name
