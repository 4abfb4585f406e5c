"""Plausibility of the curated coordinates: inside their country, near their district."""

from truce.place._resolve import haversine_km
from truce.place.gazetteer import _supplement_path, read_supplement

BOUNDS = {  # lat_min, lat_max, lon_min, lon_max (generous boxes)
    "LB": (33.05, 34.70, 35.09, 36.65),
    "IL": (29.45, 33.35, 34.25, 35.92),
    "PS": (31.20, 32.56, 34.20, 35.60),
    "SY": (32.30, 37.35, 35.60, 42.40),
}


def _rows():
    return read_supplement(_supplement_path())


def test_places_lie_inside_their_country():
    bad = []
    for r in _rows():
        box = BOUNDS.get(r.country)
        if box and r.feature != "PCLI":
            lat0, lat1, lon0, lon1 = box
            if not (lat0 <= r.lat <= lat1 and lon0 <= r.lon <= lon1):
                bad.append((r.line, r.name, r.lat, r.lon))
    assert not bad


def test_places_lie_near_their_district_and_governorate():
    rows = _rows()
    by_name = {r.name: r for r in rows}
    bad = []
    for r in rows:
        for admin, limit in ((r.admin2, 30), (r.admin1, 75)):
            a = by_name.get(admin)
            if a is None or a is r:
                continue
            d = haversine_km(r.lat, r.lon, a.lat, a.lon)
            if d > limit:
                bad.append((r.line, r.name, admin, round(d)))
    assert not bad


def test_border_villages_lie_near_the_blue_line():
    rows = {r.name: r for r in _rows()}
    for name in [
        "Aita ash-Shaab",
        "Maroun al-Ras",
        "Kfar Kila",
        "Odaisseh",
        "Mais al-Jabal",
        "Naqoura",
        "Metula",
        "Shlomi",
        "Avivim",
        "Misgav Am",
    ]:
        r = rows[name]
        assert 33.0 < r.lat < 33.35, name


def test_lebanese_places_lie_north_of_israeli_neighbours():
    rows = {r.name: r for r in _rows()}
    assert rows["Kfar Kila"].lat > rows["Metula"].lat - 0.01
    assert rows["Aita ash-Shaab"].lat > rows["Shtula"].lat
    assert rows["Naqoura"].lat > rows["Rosh Hanikra"].lat
