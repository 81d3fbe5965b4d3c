"""Where the knowledge comes from: countries' shapes, places' coordinates, and what the map
counts.

Boundaries are Natural Earth's 1:110m countries (public domain), shipped in
``resources/geo`` and never fetched (its README says where they came from).

A place may carry coordinates inside the record's existing ``places`` list, written after an
``@`` as latitude and longitude in decimal degrees: ``"Lake Titicaca @ -15.84 -69.34"``. No
schema change, and every export, import and search keeps them as the text they are; a place
without ``@`` is a name only.

The map counts what the dashboard counts (``dashboard.Countable``): public records, the
community and restricted records the unlocked profile may open, and never a sacred record.
The places of a sealed record are sealed with it, so they are read through the store, opened
with the profile's keys, and reach the map only when the profile may read them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from kmdesk.core.errors import InvalidRecord
from kmdesk.core.insight import dashboard
from kmdesk.core.insight.places import parse_place
from kmdesk.core.paths import resource

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library

BOUNDARIES = ("geo", "ne_110m_admin0.json")

# -- boundaries ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, lower case, as records carry it ("" for the few without one)
    name: str  # English, from Natural Earth
    rings: tuple[tuple[float, ...], ...]  # each a flat lon, lat, lon, lat... outline


@cache
def countries() -> tuple[Country, ...]:
    with resource(*BOUNDARIES).open(encoding="utf-8") as fh:
        data = json.load(fh)
    return tuple(Country(c["code"], c["name"], tuple(tuple(ring) for ring in c["rings"])) for c in data["countries"])


# -- what the map shows ----------------------------------------------------------------------------
@dataclass
class Point:
    lat: float
    lon: float
    names: list[str] = field(default_factory=list)
    record_ids: list[str] = field(default_factory=list)


@dataclass
class MapFigures:
    countries: dict[str, int]  # ISO code -> records naming the country
    points: list[Point]  # one per distinct coordinate, with the records placed there


def map_figures(library: Library) -> MapFigures:
    """Records per country and the located places of the records this profile may count.
    Call it off the GUI thread."""
    with library.reading() as session:
        q = dashboard.Countable(library, session)
        counts = {str(code): count for code, count in q.rows(
            "SELECT j.value, count(*) FROM visible r, json_each(r.countries) j GROUP BY 1")}
        public = q.rows("SELECT r.id, r.places FROM visible r WHERE r.access_level = 'public' AND r.places LIKE '%@%'")
        sealed = [row[0] for row in q.rows("SELECT r.id FROM visible r WHERE r.access_level != 'public'")]
    places: list[tuple[str, list[str]]] = [(record_id, json.loads(raw) if isinstance(raw, str) else raw or [])
                                           for record_id, raw in public]
    if sealed:
        places += [(record_id, record.get("places") or []) for record_id, record in library.records.get_many(sealed).items()
                   if not record.get("sealed")]
    points: dict[tuple[float, float], Point] = {}
    for record_id, texts in places:
        for text in texts:
            try:
                place = parse_place(text)
            except InvalidRecord:
                continue  # written before coordinates were checked: shown as a name, not pinned
            if place.lat is None or place.lon is None:
                continue
            point = points.setdefault((place.lat, place.lon), Point(place.lat, place.lon))
            if place.name not in point.names:
                point.names.append(place.name)
            if record_id not in point.record_ids:
                point.record_ids.append(record_id)
    return MapFigures(counts, sorted(points.values(), key=lambda p: (p.lat, p.lon)))
