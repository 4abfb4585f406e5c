"""The extract contract: its schema, and real output on the demo articles validating against it."""

import json
from pathlib import Path

import jsonschema
import pytest

from truce.contract import extract_schema, extraction_to_json, validate
from truce.pipeline import Resources, extract_article

ROOT = Path(__file__).resolve().parents[1]


def test_published_schema_is_the_bundled_one():
    assert json.loads((ROOT / "docs" / "extract.schema.json").read_text()) == extract_schema()
    jsonschema.Draft202012Validator.check_schema(extract_schema())


@pytest.fixture(scope="module")
def demo_output(demo_articles):
    resources = Resources.load()
    return {aid: extraction_to_json(extract_article(a, resources)) for aid, a in demo_articles.items()}


def test_demo_output_validates_and_points_at_the_text(demo_output, demo_articles):
    for aid, obj in demo_output.items():
        validate(obj)
        text = demo_articles[aid].text
        for item in obj["times"] + obj["places"]:
            assert text[item["start"] : item["end"]] == item["text"]
        for event in obj["events"]:
            ev = event["evidence"]
            assert text[ev["start"] : ev["end"]] == ev["sentence"]
            assert ev["start"] <= ev["trigger"]["start"] < ev["trigger"]["end"] <= ev["end"]
            # a location says how the text supports it; no location, no basis
            assert (event["location"] is None) == (event["location_basis"] is None)
            if event["location_basis"] == "stated":
                loc = event["location"]
                assert ev["start"] <= loc["start"] < ev["end"]  # in the event's own sentence


def test_demo_output_has_real_times_places_and_events(demo_output):
    for obj in demo_output.values():
        assert obj["times"], obj["id"]
        assert obj["places"], obj["id"]
        assert obj["events"], obj["id"]
    days = {t["interval"]["start"] for t in demo_output["000"]["times"] if t["precision"] == "day"}
    assert "2025-11-19" in days and "2025-11-23" in days
    names = {p["country_code"] for p in demo_output["002"]["places"] if p["text"] == "Naqura"}
    assert names == {"LB"}


def test_invalid_output_is_rejected():
    with pytest.raises(jsonschema.ValidationError):
        validate({"id": "x", "published": None, "times": [{"text": "today"}], "places": [], "events": []})
