"""The time stage's cost against the spaCy parse it reads, on real Guardian articles.

    python benchmarks/bench_time.py [--limit N] [--repeat R]

Parses each article once (timed: that is the parse the pipeline pays anyway), then runs
``find_times`` over the parsed documents (timed separately, best of R repeats) and prints seconds,
articles per second, expressions found and the time stage's share of the parse time (goal: < 10%).
It also splits the time stage into detection and normalisation. One process, one core.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import guardian_articles  # noqa: E402

from truce.annotate import load_nlp  # noqa: E402
from truce.time import find_times  # noqa: E402
from truce.time.resolve import find_candidates  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="articles to use (default: all 249)")
    parser.add_argument("--repeat", type=int, default=3, help="repeats of the time stage; the best counts")
    args = parser.parse_args()
    articles = guardian_articles(args.limit)
    chars = sum(len(a.text) for a in articles)
    nlp = load_nlp()
    nlp(articles[0].text)  # warm up

    t0 = time.perf_counter()
    docs = [nlp(a.text) for a in articles]
    parse_s = time.perf_counter() - t0

    find_times(docs[0], articles[0])  # compile the patterns before timing
    best_time = best_detect = float("inf")
    found = 0
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        for doc, a in zip(docs, articles, strict=True):
            find_candidates(doc, a.text)
        best_detect = min(best_detect, time.perf_counter() - t0)
        t0 = time.perf_counter()
        found = sum(len(find_times(doc, a)) for doc, a in zip(docs, articles, strict=True))
        best_time = min(best_time, time.perf_counter() - t0)

    n = len(articles)
    print(f"articles             {n}  ({chars / n:,.0f} characters on average)")
    print(f"spaCy parse          {parse_s:8.2f} s  {n / parse_s:8.1f} articles/s")
    print(f"time stage           {best_time:8.2f} s  {n / best_time:8.1f} articles/s"
          f"  ({found} expressions, {found / n:.1f} per article)")
    print(f"  detection          {best_detect:8.2f} s")
    print(f"  normalisation      {best_time - best_detect:8.2f} s  (incl. tense and narrative context)")
    share = best_time / parse_s
    print(f"time / parse         {share:8.1%}  (goal < 10%: {'met' if share < 0.10 else 'NOT met'})")


if __name__ == "__main__":
    main()
