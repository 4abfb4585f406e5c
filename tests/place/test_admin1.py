"""The first-order divisions file (truce/data/gazetteer_admin1.tsv): plausible coordinates, and
resolution that prefers a division when the text says "province/state/..." but keeps a bare name
that is also a town as the town."""

from collections import Counter
from pathlib import Path

import pytest

from truce.place import gazetteer as gz
from truce.place import resolve_place
from truce.place._resolve import haversine_km

MARGIN = 1.0  # degrees around the box of a country's GeoNames towns


def _rows():
    return gz.read_supplement(gz._supplement_path(gz.ADMIN1))


@pytest.fixture(scope="module")
def town_boxes(gaz):
    boxes: dict[str, list[float]] = {}
    for i, cc in enumerate(gaz.ccs):
        if gaz.sources[i] != "geonames" or gaz.features[i] in ("PCLI", "PCLS") or not cc:
            continue
        lat, lon = gaz.lats[i], gaz.lons[i]
        b = boxes.get(cc)
        if b is None:
            boxes[cc] = [lat, lat, lon, lon]
        else:
            b[0], b[1] = min(b[0], lat), max(b[1], lat)
            b[2], b[3] = min(b[2], lon), max(b[3], lon)
    return boxes


def test_divisions_lie_inside_their_country(town_boxes):
    bad = []
    for r in _rows():
        lat0, lat1, lon0, lon1 = town_boxes[r.country]
        if not (lat0 - MARGIN <= r.lat <= lat1 + MARGIN and lon0 - MARGIN <= r.lon <= lon1 + MARGIN):
            bad.append((r.line, r.name, r.country, r.lat, r.lon))
    assert not bad


def test_divisions_lie_near_a_town_of_their_country(gaz):
    """A centroid far from every town of its country is a typo (a swapped or negated coordinate)."""
    by_cc: dict[str, list[tuple[float, float]]] = {}
    for i, cc in enumerate(gaz.ccs):
        if gaz.sources[i] == "geonames" and gaz.features[i] not in ("PCLI", "PCLS"):
            by_cc.setdefault(cc, []).append((gaz.lats[i], gaz.lons[i]))
    bad = []
    for r in _rows():
        pts = by_cc[r.country]
        near = min(abs(r.lat - a) + abs(r.lon - b) for a, b in pts)
        if near > 3.0:  # degrees, Manhattan: the Sahara and Tibesti have few towns
            bad.append((r.line, r.name, round(near, 1)))
    assert not bad


def test_file_is_well_formed_and_has_no_duplicates():
    rows = _rows()
    assert len(rows) >= 500
    assert all(r.feature in ("ADM1", "RGN") for r in rows)
    keys = Counter((r.country, r.name.lower()) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []
    per_country = Counter(r.country for r in rows if r.feature == "ADM1")
    assert per_country["AF"] + 3 == 34  # Helmand, Kandahar, Nangarhar are in the supplement
    assert per_country["NG"] == 37
    assert per_country["KE"] == 47


def test_distinct_provinces_are_far_apart():
    rows = [r for r in _rows() if r.country == "AF"]
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            assert haversine_km(a.lat, a.lon, b.lat, b.lon) > 30, (a.name, b.name)


def test_the_index_is_rebuilt_when_the_file_changes(tmp_path, monkeypatch):
    before = gz._fingerprint()
    real = gz._supplement_path

    def fake(name: str = gz.SUPPLEMENT) -> Path:
        if name != gz.ADMIN1:
            return real(name)
        p = tmp_path / name
        p.write_text(real(name).read_text(encoding="utf-8") + "Extra\t\t1\t1\tAF\tADM1\n")
        return p

    monkeypatch.setattr(gz, "_supplement_path", fake)
    assert gz._fingerprint() != before


@pytest.mark.parametrize(
    "text, cc, feature",
    [
        ("Takhar", "AF", "ADM1"),  # not a town in China
        ("Badakhshan", "AF", "ADM1"),
        ("Paktia province", "AF", "ADM1"),
        ("Zabul", "AF", "ADM1"),
        ("Kabul province", "AF", "ADM1"),
        ("Borno state", "NG", "ADM1"),
        ("Kano State", "NG", "ADM1"),
        ("Nord-Kivu", "CD", "ADM1"),
        ("Donetsk region", "UA", "ADM1"),
        ("Donetsk oblast", "UA", "ADM1"),
        ("Marsabit County", "KE", "ADM1"),
        ("Cabo Delgado", "MZ", "ADM1"),
        ("Deir ez-Zor governorate", "SY", "ADM1"),
        ("Lower Shabelle", "SO", "ADM1"),
        ("Tillaberi region", "NE", "ADM1"),
        ("Sinaloa", "MX", "ADM1"),  # not a village of that name in Chiapas
        ("Antioquia", "CO", "ADM1"),  # not Antakya, which lists it as an old name
        ("Raqqa province", "SY", "ADM1"),
    ],
)
def test_division_readings(gaz, text, cc, feature):
    m = resolve_place(text, gaz)
    assert (m.country_code, m.feature) == (cc, feature)


@pytest.mark.parametrize(
    "text, cc",
    [
        ("Kabul", "AF"),
        ("Kano", "NG"),
        ("Donetsk", "UA"),
        ("Beirut", "LB"),
        ("Gaza", "PS"),
        ("Raqqa", "SY"),
        ("Ar-Raqqa", "SY"),  # a spelling of the city as well as of its governorate
        ("Hama", "SY"),
    ],
)
def test_a_bare_name_that_is_a_town_stays_the_town(gaz, text, cc):
    m = resolve_place(text, gaz)
    assert m.country_code == cc and m.feature not in ("ADM1",)


def test_coded_divisions_hold_their_geonames_towns(gaz):
    """A division with a GeoNames admin1 code names that code's towns; their median point lies
    near the division's centroid (a wrong code would put the towns hundreds of km away)."""
    import statistics

    rows = [r for r in _rows() if r.admin1_code]
    assert len(rows) >= 400
    towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for i, cc in enumerate(gaz.ccs):
        if gaz.sources[i] == "geonames" and gaz.features[i] not in ("PCLI", "PCLS", "ADM1"):
            towns.setdefault((cc, gaz.admin1[i]), []).append((gaz.lats[i], gaz.lons[i]))
    bad = []
    for r in rows:
        pts = towns.get((r.country, r.name))
        if not pts:
            bad.append((r.line, r.name, "no towns"))
            continue
        lat = statistics.median(p[0] for p in pts)
        lon = statistics.median(p[1] for p in pts)
        if haversine_km(r.lat, r.lon, lat, lon) > 150:
            bad.append((r.line, r.name, round(haversine_km(r.lat, r.lon, lat, lon))))
    assert not bad


def test_towns_carry_their_division_name(gaz):
    kabul = resolve_place("Kabul", gaz)
    assert kabul.admin1 == "Kabul Province"
