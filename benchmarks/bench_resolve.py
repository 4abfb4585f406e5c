"""Benchmark: resolve synthetic event-mention sets of growing size; print time and peak memory.

    .venv/bin/python benchmarks/bench_resolve.py                 # 100k, 200k, 400k, 800k mentions
    .venv/bin/python benchmarks/bench_resolve.py --sizes 1000000

Each size runs in a fresh process (so its peak RSS is its own). The generator draws real-world
events first, then reports of them:

- a steady stream of about 1,000 mentions a day (so 100k mentions span 100 days and 800k span
  800 days: a monitoring archive grows by time, at a steady daily volume), with bursts (one week
  in ten is an escalation week with about 5× the events);
- 40 countries × 60 places each (coordinates scattered around each country's centre), country and
  place popularity Zipf (s = 1); each report gives the place exactly (70 %), only its province (15 %),
  only the country (8 %), or no place (7 %);
- PLOVER categories with a conflict-news skew (ASSAULT 40 %, CONSULT 12 %, ...);
- each event is reported by 1–6 articles (geometric), each article reports 1–8 events; a report
  dates the event to the day (60 %), the week (10 %), the month (5 %), only by publication (20 %),
  or not at all (5 %), and may carry a fatality figure;
- articles have short unique texts (so origins and stories run, cheaply).

Timing covers ``Resolver.add`` only (batches of 2,000 articles), not the generation.

``--workers`` splits the work as ``truce run`` can on 2 cores: a second process (standing for the
extraction workers) computes each batch's ``article_print`` (the per-article text work: sentence
features, term counts, MinHash) one batch ahead, while the main process resolves the previous batch
with ``Resolver.add(batch, prints)``. It reports the main process's CPU (the resolver, with the
transfer of articles and prints), the worker's CPU, their sum (the whole work) and the wall time
of the resolving loop.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import multiprocessing
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from truce.records import (
    Article,
    CountClaim,
    EventActor,
    EventDate,
    EventMention,
    Extraction,
    PlaceMention,
)
from truce.resolve import Resolver
from truce.resolve.origins import article_print

PLOVER = [("ASSAULT", 40), ("CONSULT", 12), ("ACCUSE", 8), ("PROTEST", 7), ("THREATEN", 6),
          ("MOBILIZE", 5), ("REQUEST", 5), ("AGREE", 4), ("REJECT", 4), ("RETREAT", 2), ("SUPPORT", 2),
          ("SANCTION", 1), ("SEIZE", 2), ("COERCE", 1), ("AID", 1)]
START = dt.date(2023, 10, 1)
MENTIONS_PER_DAY = 1000
BATCH = 2000
WORDS = [f"w{i}" for i in range(5000)]


def _world(rng: random.Random):
    countries = []
    for c in range(40):
        lat, lon = rng.uniform(-30, 55), rng.uniform(-20, 120)
        places = []
        for p in range(60):
            places.append(dict(name=f"P{c}-{p}", lat=lat + rng.gauss(0, 1.5), lon=lon + rng.gauss(0, 1.5),
                               admin1=f"A{c}-{p % 8}", country_code=f"C{c}", geonameid=c * 1000 + p))
        actors = [(f"ACT{c}-{k}", f"K{c}") for k in range(4)]
        countries.append((f"C{c}", lat, lon, places, actors))
    return countries


def _day(rng: random.Random, days: int) -> dt.date:
    # bursts: one week in ten is an escalation week with five times the events
    while True:
        d = rng.randrange(days)
        if (d // 7) % 10 == 0 or rng.random() < 0.2:
            return START + dt.timedelta(days=d)


def _events(rng: random.Random, world, n_mentions: int) -> Iterator[dict]:
    made = 0
    types = [t for t, _ in PLOVER]
    days = max(30, n_mentions // MENTIONS_PER_DAY)
    # Zipf (s = 1) popularity: the busiest country has about 23 % of the events, the busiest
    # place about 21 % of its country's
    country_weights = [1 / (i + 1) for i in range(len(world))]
    place_weights = [1 / (i + 1) for i in range(len(world[0][3]))]
    weights = [w for _, w in PLOVER]
    while made < n_mentions:
        country, clat, clon, places, actors = rng.choices(world, country_weights)[0]
        place = rng.choices(places, place_weights)[0]
        reports = min(1 + int(rng.expovariate(0.8)), 6)
        made += reports
        yield dict(type=rng.choices(types, weights)[0], day=_day(rng, days), place=place, country=country,
                   clat=clat, clon=clon, actor=rng.choice(actors),
                   killed=rng.choice([None, None, None, 1, 2, 3, 5, 10]), reports=reports)


def _mention(rng: random.Random, ev: dict, article: str, k: int, published: dt.date) -> EventMention:
    r = rng.random()
    place = ev["place"]
    if r < 0.70:
        loc = PlaceMention(place["name"], 0, 1, name=place["name"], lat=place["lat"], lon=place["lon"],
                           country_code=ev["country"], admin1=place["admin1"], precision=1,
                           geonameid=place["geonameid"], feature="PPL")
    elif r < 0.85:
        loc = PlaceMention(place["admin1"], 0, 1, name=place["admin1"], country_code=ev["country"],
                           admin1=place["admin1"], precision=4, feature="ADM1")
    elif r < 0.93:
        loc = PlaceMention(ev["country"], 0, 1, name=ev["country"], lat=ev["clat"], lon=ev["clon"],
                           country_code=ev["country"], precision=6, feature="PCLI")
    else:
        loc = None
    d = ev["day"]
    r = rng.random()
    if r < 0.60:
        date = EventDate(d, d, "day", "on Tuesday")
    elif r < 0.70:
        monday = d - dt.timedelta(days=d.weekday())
        date = EventDate(monday, monday + dt.timedelta(days=6), "week", "this week")
    elif r < 0.75:
        first = d.replace(day=1)
        date = EventDate(first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1),
                         "month", "this month")
    elif r < 0.95:
        date = EventDate(published, published, "reported")
    else:
        date = EventDate(None, None, "unknown")
    name, kcountry = ev["actor"]
    actors = [EventActor(name, name, kcountry, 1, "actor", 0, 1, actor_id=name)]
    killed = None
    if ev["killed"] is not None and rng.random() < 0.6:
        n = ev["killed"] + (rng.random() < 0.2)
        killed = CountClaim("killed", n, n, n, str(n), 0, 1)
    sentence = f"Report {rng.choice(WORDS)} of {ev['type'].lower()} near {place['name']}."
    return EventMention(
        id=f"{article}:e{k}", article_id=article, plover_type=ev["type"], plover_mode=None,
        acled_event_type=None, acled_sub_event_type=None, trigger_start=0, trigger_end=1,
        sentence_start=0, sentence_end=len(sentence), sentence=sentence, date=date, location=loc,
        actors=actors, fatalities=killed, modality="asserted",
    )


def generate(n_mentions: int, seed: int = 7) -> Iterator[list[Extraction]]:
    """Batches of extractions whose mentions add up to ``n_mentions``."""
    rng = random.Random(seed)
    world = _world(rng)
    pending: list[tuple[dict, int]] = []  # (event, reports still to write)
    batch: list[Extraction] = []
    n_articles = made = 0
    events = _events(rng, world, n_mentions)
    exhausted = False
    while made < n_mentions:
        while not exhausted and len(pending) < 4000:
            try:
                ev = next(events)
            except StopIteration:
                exhausted = True
                break
            pending.append((ev, ev["reports"]))
        if not pending:
            break
        k = min(1 + int(rng.expovariate(0.35)), 8, n_mentions - made)
        n_articles += 1
        aid = f"a{n_articles}"
        picks = sorted({rng.randrange(len(pending)) for _ in range(k)}, reverse=True)
        published = max(pending[i][0]["day"] for i in picks) + dt.timedelta(days=rng.randrange(3))
        text = " ".join(rng.choice(WORDS) for _ in range(24))
        article = Article(id=aid, text=text, published=published)
        mentions = []
        for j, i in enumerate(picks, start=1):
            ev, left = pending[i]
            mentions.append(_mention(rng, ev, aid, j, published))
            if left <= 1:
                pending[i] = pending[-1]
                pending.pop()
            else:
                pending[i] = (ev, left - 1)
        made += len(mentions)
        batch.append(Extraction(article=article, events=mentions))
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _prints(articles: list[Article]) -> tuple[dict, float]:
    c0 = time.process_time()
    out = {a.id: article_print(a) for a in articles}
    return out, time.process_time() - c0


def run_one(n: int, workers: bool = False) -> dict:
    resolver = Resolver()
    seconds = cpu = worker_cpu = 0.0
    mentions = articles = 0
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) if workers else None
    batches = generate(n)
    batch = next(batches, None)
    future = pool.submit(_prints, [e.article for e in batch]) if pool and batch else None
    while batch is not None:
        t0, c0 = time.perf_counter(), time.process_time()
        if pool is None:
            resolver.add(batch)
        else:
            prints, spent = future.result()
            worker_cpu += spent
            seconds += time.perf_counter() - t0
            cpu += time.process_time() - c0
            following = next(batches, None)  # generation is untimed
            t0, c0 = time.perf_counter(), time.process_time()
            if following is not None:
                future = pool.submit(_prints, [e.article for e in following])
            resolver.add(batch, prints)
        seconds += time.perf_counter() - t0
        cpu += time.process_time() - c0
        articles += len(batch)
        mentions += sum(len(e.events) for e in batch)
        batch = next(batches, None) if pool is None else following
    if pool is not None:
        pool.shutdown()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mentions": mentions, "articles": articles, "incidents": len(resolver.incidents),
            "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "worker_cpu_seconds": round(worker_cpu, 1),
            "peak_rss_mb": round(peak_mb), "cpu_us_per_mention": round(1e6 * (cpu + worker_cpu) / mentions, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 400_000, 800_000])
    parser.add_argument("--workers", action="store_true",
                        help="fingerprint articles in a second process, one batch ahead (see above)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.workers)))
        return
    print(f"{'mentions':>9} {'articles':>9} {'incidents':>9} {'wall s':>8} {'cpu s':>8} {'worker s':>8} "
          f"{'µs/mention':>10} {'main µs':>8} {'peak MB':>8} {'load':>10}")
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n)] + (["--workers"] if args.workers else [])
        load_before = os.getloadavg()[0]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        main_us = round(1e6 * r["cpu_seconds"] / r["mentions"], 1)
        load = f"{load_before:.1f}-{os.getloadavg()[0]:.1f}"
        print(f"{r['mentions']:>9} {r['articles']:>9} {r['incidents']:>9} {r['seconds']:>8} {r['cpu_seconds']:>8} "
              f"{r['worker_cpu_seconds']:>8} {r['cpu_us_per_mention']:>10} {main_us:>8} {r['peak_rss_mb']:>8} "
              f"{load:>10}", flush=True)
    print("wall s: the resolving loop; cpu s: the main process; worker s: the fingerprinting process "
          "(--workers); µs/mention: (cpu + worker) CPU per mention; main µs: the main process's CPU per "
          "mention; peak MB: the main process's RSS; load: the 1-minute load average before and after")


if __name__ == "__main__":
    main()
