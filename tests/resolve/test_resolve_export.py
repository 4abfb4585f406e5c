"""Exports say when an incident's place is only a guess (every report's ``location_basis`` is
"mentioned"): ACLED and UCDP get a precision no finer than 2, PLOVER and GeoJSON a flag."""

from __future__ import annotations

import csv
import io
import json

from tests.resolve.builders import day, synthetic

from truce.export import export_incidents
from truce.resolve import Resolver


def _one_incident(clock, basis: str):
    s = "An Israeli drone strike killed 3 people near a Tyre family's house on Tuesday."
    b = synthetic("a", [s])
    m = b.event(s, "strike", "ASSAULT", "drone", date=day(2025, 11, 18), place="Tyre", actors=["Israel"], killed=3)
    m.location_basis = basis
    m.acled_event_type, m.acled_sub_event_type = "Explosions/Remote violence", "Air/drone strike"
    m.location.geo_precision = 1
    resolver = Resolver(clock=clock)
    resolver.add([b.extraction()])
    (incident,) = resolver.incidents
    return incident, {"a": b.article}


def _rows(fmt, incident, articles):
    out = io.StringIO()
    export_incidents(fmt, [incident], articles, out)
    return out.getvalue()


def test_a_guessed_place_is_exported_as_near_it(clock):
    incident, articles = _one_incident(clock, "mentioned")
    (acled,) = csv.DictReader(io.StringIO(_rows("acled", incident, articles)))
    assert (acled["location"], acled["geo_precision"]) == ("Tyre", "2")
    (ucdp,) = csv.DictReader(io.StringIO(_rows("ucdp", incident, articles)))
    assert ucdp["where_prec"] == "2"
    assert json.loads(_rows("plover", incident, articles))["location"]["guessed"] is True
    (feature,) = json.loads(_rows("geojson", incident, articles))["features"]
    assert feature["properties"]["place_guessed"] is True


def test_a_stated_place_keeps_its_precision(clock):
    incident, articles = _one_incident(clock, "stated")
    (acled,) = csv.DictReader(io.StringIO(_rows("acled", incident, articles)))
    assert acled["geo_precision"] == "1"
    (ucdp,) = csv.DictReader(io.StringIO(_rows("ucdp", incident, articles)))
    assert ucdp["where_prec"] == "1"
    assert json.loads(_rows("plover", incident, articles))["location"]["guessed"] is False


def test_listings_mark_a_guessed_place(clock):
    from truce.cli.listing import incident_line, show_incident

    incident, articles = _one_incident(clock, "mentioned")
    assert "~Tyre (LB)" in incident_line(incident)
    assert "a guess" in show_incident(incident, articles)
    incident, _ = _one_incident(clock, "stated")
    assert "~" not in incident_line(incident) and " Tyre (LB)" in incident_line(incident)
