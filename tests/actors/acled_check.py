"""Check counts against ACLED notes (not a test: run by hand, it reads the development data).

    .venv/bin/python tests/actors/acled_check.py ../shared/eval/acled_dev/*.csv [--all] [--show N]

For each note, the predicted fatalities are the note's own coding remark ("Fatalities coded as N",
``reporter == "ACLED"``) if any, else the sum of its killed claims that are neither cumulative nor background (0 when none).
Without ``--all`` only notes with coded fatalities > 0 are scored.
"""

from __future__ import annotations

import argparse
import csv

from truce.annotate import load_nlp
from truce.events.counts import find_counts
from truce.records import Article


def predicted(claims) -> int:
    coded = [c for c in claims if c.kind == "killed" and c.reporter == "ACLED"]
    if coded:
        return coded[-1].best or 0
    return sum(
        c.best or 0 for c in claims if c.kind == "killed" and not c.cumulative and not c.background
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--all", action="store_true", help="score every note, not only fatal ones")
    ap.add_argument("--show", type=int, default=0, help="print this many misses")
    args = ap.parse_args()
    rows = []
    for path in args.paths:
        with open(path, encoding="utf-8") as f:
            rows += list(csv.DictReader(f))
    if not args.all:
        rows = [r for r in rows if int(r["fatalities"]) > 0]
    nlp = load_nlp()
    ok, misses = 0, []
    for r, doc in zip(rows, nlp.pipe([r["notes"] for r in rows], batch_size=64)):
        pred = predicted(find_counts(doc, Article(id="n", text=r["notes"]), []))
        if pred == int(r["fatalities"]):
            ok += 1
        else:
            misses.append((int(r["fatalities"]), pred, r["notes"][:200]))
    print(f"{len(rows)} notes, fatalities exact match {ok / len(rows):.3f}")
    for miss in misses[: args.show]:
        print(miss)


if __name__ == "__main__":
    main()
