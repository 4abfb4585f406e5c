"""Throughput of the whole per-article pipeline against a bare spaCy parse, on the same texts.

    python benchmarks/bench_pipeline.py [--limit N]

Prints, side by side, seconds and articles per second for (1) bare spaCy (``nlp.pipe`` over the
texts with the same model) and (2) truce's extraction (parse + time + place + actors + events), and
each stage's share of truce's time, plus the slowest article. One process, so the figures compare
like with like; ``truce run --workers`` scales across cores on top of this.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import guardian_articles  # noqa: E402

from truce import actors as actors_stage  # noqa: E402
from truce import events as events_stage  # noqa: E402
from truce import place as place_stage  # noqa: E402
from truce import time as time_stage  # noqa: E402
from truce.pipeline import Resources  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=100, help="articles to process (default 100)")
    args = parser.parse_args()
    articles = guardian_articles(args.limit)
    chars = sum(len(a.text) for a in articles)

    t0 = time.perf_counter()
    resources = Resources.load()
    load_s = time.perf_counter() - t0
    nlp = resources.nlp

    # Warm up both paths on one article so lazy initialisation is not counted.
    nlp(articles[0].text)

    t0 = time.perf_counter()
    for _ in nlp.pipe([a.text for a in articles], batch_size=16):
        pass
    bare_s = time.perf_counter() - t0

    stage_s: dict[str, float] = defaultdict(float)
    slowest = (0.0, "")
    t_all = time.perf_counter()
    for article in articles:
        t_article = time.perf_counter()
        t = time.perf_counter()
        doc = nlp(article.text)
        stage_s["parse"] += time.perf_counter() - t
        t = time.perf_counter()
        times = time_stage.find_times(doc, article)
        stage_s["time"] += time.perf_counter() - t
        t = time.perf_counter()
        places = place_stage.find_places(doc, article, resources.gazetteer)
        stage_s["place"] += time.perf_counter() - t
        t = time.perf_counter()
        actors = actors_stage.find_actors(doc, article, resources.registry)
        stage_s["actors"] += time.perf_counter() - t
        t = time.perf_counter()
        events_stage.find_events(
            doc, article, times, places, actors, resources.lexicon, resources.registry
        )
        stage_s["events"] += time.perf_counter() - t
        elapsed = time.perf_counter() - t_article
        if elapsed > slowest[0]:
            slowest = (elapsed, f"{article.id} ({len(article.text):,} chars)")
    truce_s = time.perf_counter() - t_all

    n = len(articles)
    print(f"articles: {n}, characters: {chars:,}, resources loaded in {load_s:.2f} s")
    print(f"{'':28}{'seconds':>10}{'articles/s':>12}{'chars/s':>12}")
    print(f"{'bare spaCy (nlp.pipe)':28}{bare_s:10.2f}{n / bare_s:12.1f}{chars / bare_s:12,.0f}")
    print(f"{'truce extract_article':28}{truce_s:10.2f}{n / truce_s:12.1f}{chars / truce_s:12,.0f}")
    print(f"truce / bare spaCy: {truce_s / bare_s:.2f}x")
    print("stage shares of truce time:")
    for stage, seconds in stage_s.items():
        print(f"  {stage:8}{seconds:8.2f} s  {100 * seconds / truce_s:5.1f}%")
    print(f"time stage / parse: {100 * stage_s['time'] / stage_s['parse']:.1f}%")
    print(f"slowest article: {slowest[1]} in {slowest[0]:.2f} s")


if __name__ == "__main__":
    main()
