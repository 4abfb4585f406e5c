"""Place arithmetic for incident matching: distances, precision, containment, grid cells."""

from __future__ import annotations

import math

from truce.records import PlaceMention

__all__ = ["place_precision", "distance_km", "place_match", "grid_cell", "is_precise"]

SAME_PLACE_KM = 10.0  # both precise and this close: the same place
MAX_PRECISE_KM = 15.0  # both precise and farther apart: never the same incident
CELL_DEGREES = 0.3  # blocking grid: ≥ 16.7 km up to 60° latitude, so 3×3 cells cover MAX_PRECISE_KM

_FEATURE_PRECISION = {"ADM1": 4, "ADM2": 3, "ADM3": 3, "PCLI": 6, "PCL": 6, "PCLD": 6, "RGN": 5}


def place_precision(place: PlaceMention) -> int:
    """UCDP ``where_prec`` (1 exact … 6 country); inferred from the feature code when missing."""
    if place.precision is not None:
        return place.precision
    if place.feature in _FEATURE_PRECISION:
        return _FEATURE_PRECISION[place.feature]
    if place.lat is not None and place.lon is not None:
        return 1
    if place.admin1:
        return 4
    return 6 if place.country_code else 7


def is_precise(place: PlaceMention | None) -> bool:
    return (
        place is not None
        and place.lat is not None
        and place.lon is not None
        and place_precision(place) <= 2
    )


def distance_km(a: PlaceMention, b: PlaceMention) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_match(a: PlaceMention | None, b: PlaceMention | None) -> float | None:
    """Evidence points that two places are one (2 same, 1 coarse-compatible, 0.5 same country,
    0 unknown); None when they cannot be the same place."""
    if a is None or b is None:
        return 0.0
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 2.0
    pa, pb = place_precision(a), place_precision(b)
    if is_precise(a) and is_precise(b):
        d = distance_km(a, b)
        if d <= SAME_PLACE_KM:
            return 2.0
        return 1.0 if d <= MAX_PRECISE_KM else None
    coarse, fine = (a, b) if pa >= pb else (b, a)
    pc = max(pa, pb)
    if pc >= 5:
        return 0.5 if (a.country_code and b.country_code) else 0.0
    if pc == 4:
        if coarse.admin1 and fine.admin1:
            return 1.0 if coarse.admin1 == fine.admin1 else None
        return 0.5
    # pc == 3, a district; both admin1 and admin2 must agree where known
    if coarse.admin1 and fine.admin1 and coarse.admin1 != fine.admin1:
        return None
    if coarse.admin2 and fine.admin2:
        return 1.0 if coarse.admin2 == fine.admin2 else None
    return 0.5


def grid_cell(place: PlaceMention) -> tuple[int, int]:
    return (math.floor(place.lat / CELL_DEGREES), math.floor(place.lon / CELL_DEGREES))  # type: ignore[operator]
