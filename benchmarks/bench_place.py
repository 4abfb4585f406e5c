"""Benchmark the place stage: gazetteer load time (cold build, warm cache) and places resolved per second.

    .venv/bin/python benchmarks/bench_place.py [--skip-cold]

The cold build runs in a temporary cache folder so the user's cache is left alone.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-cold", action="store_true", help="Skip the cold build (about 30 s).")
    args = ap.parse_args()

    from truce.place.gazetteer import load_cached

    if not args.skip_cold:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            load_cached(Path(tmp))
            cold = time.perf_counter() - t
            t = time.perf_counter()
            load_cached(Path(tmp))
            warm_tmp = time.perf_counter() - t
        print(f"gazetteer cold build + cache write: {cold:6.2f} s")
        print(f"gazetteer warm load (fresh cache):  {warm_tmp:6.2f} s")

    from truce.place import find_places, load_gazetteer, resolve_place

    load_gazetteer()  # make sure the default cache exists
    t = time.perf_counter()
    gaz = load_gazetteer()
    print(
        f"gazetteer warm load (default cache): {time.perf_counter() - t:6.2f} s, {len(gaz):,} places"
    )

    names = [
        "Naqoura",
        "Ras EnNakoura",
        "Ayn al-Hilweh",
        "Dahiyeh",
        "Beirut",
        "Tyre",
        "Sidon",
        "Khiam",
        "Kfar Kila",
        "Metula",
        "Kiryat Shmona",
        "Alexandria",
        "Paris",
        "Springfield",
        "Lebanon",
        "Gaza",
        "Aleppo",
        "Kabul",
        "Nairobi",
        "Odaisseh",
    ]
    t = time.perf_counter()
    n = 0
    while time.perf_counter() - t < 3.0:
        for name in names:
            resolve_place(name, gaz)
            n += 1
    el = time.perf_counter() - t
    print(f"resolve_place (no context):          {n / el:8,.0f} names/s")

    from truce.annotate import load_nlp
    from truce.demo import demo_articles

    nlp = load_nlp()
    arts = demo_articles()
    docs = [(a, nlp(a.text)) for a in arts]
    t = time.perf_counter()
    found = 0
    rounds = 0
    while time.perf_counter() - t < 3.0:
        for a, doc in docs:
            found += len(find_places(doc, a, gaz))
        rounds += 1
    el = time.perf_counter() - t
    chars = sum(len(a.text) for a in arts) * rounds
    print(
        f"find_places (parsed demo articles):  {found / el:8,.0f} places/s, {chars / el / 1000:,.0f} k chars/s "
        f"(spaCy parse not included)"
    )
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpu")


if __name__ == "__main__":
    main()
