"""Make ``ne_110m_admin0.json`` from Natural Earth's 1:110m admin-0 countries, once, by hand.

Natural Earth is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).
kmdesk never fetches it: the shapes come from the copy geopandas 0.14.4 shipped on PyPI
(``geopandas/datasets/naturalearth_lowres``, itself made from ne_110m_admin_0_countries by
geopandas' ``naturalearth_creation.py``). Run with pyshp and pycountry installed (development
only, not dependencies of kmdesk)::

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*'
    python resources/geo/make_boundaries.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

Each country keeps its ISO 3166-1 alpha-2 code (the code records carry; alpha-3 in the source),
its English name and its rings as flat [lon, lat, lon, lat, ...] lists rounded to 0.01 degree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pycountry
import shapefile

# source rows without an ISO 3166 alpha-3 code: Kosovo has the user-assigned XK; the others none
_NO_ISO = {"Kosovo": "xk"}


def main(source: str) -> None:
    reader = shapefile.Reader(source, encoding="iso-8859-1")
    countries = []
    for shape, record in zip(reader.shapes(), reader.records()):
        row = record.as_dict()
        found = pycountry.countries.get(alpha_3=row["iso_a3"])
        code = found.alpha_2.lower() if found else _NO_ISO.get(row["name"], "")
        bounds = [*shape.parts, len(shape.points)]
        rings = [[round(value, 2) for point in shape.points[start:end] for value in point]
                 for start, end in zip(bounds, bounds[1:])]
        countries.append({"code": code, "name": row["name"], "rings": rings})
    out = {
        "source": "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries, via geopandas 0.14.4 "
                  "(geopandas/datasets/naturalearth_lowres)",
        "licence": "Public domain (Natural Earth terms of use: https://www.naturalearthdata.com/about/terms-of-use/)",
        "countries": sorted(countries, key=lambda c: (c["code"] or "~", c["name"])),
    }
    target = Path(__file__).with_name("ne_110m_admin0.json")
    target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{target}: {len(countries)} countries, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
