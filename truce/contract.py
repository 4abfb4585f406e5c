"""The ``extract`` JSON contract: the stable boundary that evaluation, exports and other tools read.

One output object per input article, in input order. The JSON Schema lives in
``docs/extract.schema.json`` (and is bundled as ``truce/data/extract.schema.json``); a test checks
both are the same file and that real output validates against it. Change it only compatibly:
add optional keys, never rename or remove one.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from truce.records import (
    Article,
    Attribution,
    CountClaim,
    EventDate,
    EventMention,
    Extraction,
    PlaceMention,
    TimeExpression,
)

__all__ = ["CONTRACT_VERSION", "extraction_to_json", "failure_to_json", "extract_schema", "validate"]

CONTRACT_VERSION = "1.1"  # 1.1 (2026-11-23): events gain the optional `location_basis`


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def time_to_json(t: TimeExpression) -> dict[str, Any]:
    return {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "type": t.type,
        "value": t.value,
        "interval": (
            {"start": _iso(t.interval.start), "end": _iso(t.interval.end)} if t.interval else None
        ),
        "precision": t.precision,
        "deadline": t.deadline,
        "open_ended": t.open_ended,
        "anchor": t.anchor,
        "reason": t.reason,
    }


def place_to_json(p: PlaceMention) -> dict[str, Any]:
    return {
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "name": p.name,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "feature": p.feature,
        "precision": p.precision,
        "geo_precision": p.geo_precision,
        "confidence": round(p.confidence, 3),
    }


def count_to_json(c: CountClaim | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "low": c.low,
        "best": c.best,
        "high": c.high,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "victims": c.victims,
        "reporter": c.reporter,
    }


def _date_to_json(d: EventDate | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"start": _iso(d.start), "end": _iso(d.end), "precision": d.precision, "text": d.text}


def _attribution_to_json(a: Attribution | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"text": a.text, "name": a.name, "start": a.start, "end": a.end, "party": a.party}


def event_to_json(e: EventMention) -> dict[str, Any]:
    return {
        "id": e.id,
        "plover_type": e.plover_type,
        "plover_mode": e.plover_mode,
        "acled_event_type": e.acled_event_type,
        "acled_sub_event_type": e.acled_sub_event_type,
        "date": _date_to_json(e.date),
        "location": place_to_json(e.location) if e.location else None,
        "location_basis": e.location_basis if e.location else None,
        "actors": [
            {
                "text": a.text,
                "name": a.name,
                "country": a.country,
                "acled_inter": a.acled_inter,
                "role": a.role,
                "start": a.start,
                "end": a.end,
            }
            for a in e.actors
        ],
        "fatalities": count_to_json(e.fatalities),
        "injured": count_to_json(e.injured),
        "attribution": _attribution_to_json(e.attribution),
        "modality": e.modality,
        "evidence": {
            "sentence": e.sentence,
            "start": e.sentence_start,
            "end": e.sentence_end,
            "trigger": {
                "start": e.trigger_start,
                "end": e.trigger_end,
                "text": _trigger_text(e),
            },
        },
    }


def _trigger_text(e: EventMention) -> str:
    lo = e.trigger_start - e.sentence_start
    return e.sentence[lo : lo + (e.trigger_end - e.trigger_start)]


def _article_published(a: Article) -> str | None:
    return _iso(a.published)


def extraction_to_json(x: Extraction) -> dict[str, Any]:
    """The contract object for one article."""
    return {
        "id": x.article.id,
        "published": _article_published(x.article),
        "published_source": x.article.published_source,
        "times": [time_to_json(t) for t in x.times],
        "places": [place_to_json(p) for p in x.places],
        "events": [event_to_json(e) for e in x.events],
        "counts": [count_to_json(c) | {"kind": c.kind, "cumulative": c.cumulative} for c in x.counts],
    }


def failure_to_json(article_id: str, published, error: str) -> dict[str, Any]:
    """The contract object for an article the stages could not process: empty lists and the error."""
    return {
        "id": article_id,
        "published": _iso(published),
        "times": [],
        "places": [],
        "events": [],
        "error": error,
    }


@lru_cache(maxsize=1)
def extract_schema() -> dict[str, Any]:
    text = (resources.files("truce") / "data" / "extract.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(obj: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``obj`` does not follow the contract."""
    import jsonschema

    jsonschema.validate(obj, extract_schema())
