"""List the ACLED notes whose event date the whole pipeline gets wrong (a debugging aid, not a test).

`truce eval acled` scores the first event's date by whether its interval starts on the coded
`event_date`; this script runs the same pipeline over the same rows and writes one JSON line per
miss, with what a reader needs to sort the misses by cause: the trigger, the time expressions
found, the event's date and precision and the day `acled_event_date` would export.

    python benchmarks/acled_date_misses.py ../shared/eval/acled_dev -o /tmp/date_misses.jsonl \
        [--limit N] [--workers 2]

It prints the counts (rows, misses by start, misses by the exported ACLED day) at the end.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from truce.eval.acled import acled_files, load_acled, row_article  # noqa: E402
from truce.pipeline import ExtractFailure, extract_many  # noqa: E402
from truce.time.precision import acled_event_date  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="an ACLED CSV export or a folder of them")
    ap.add_argument("-o", "--out", type=Path, required=True, help="JSON lines, one per miss")
    ap.add_argument("--limit", type=int, default=None, help="the first N rows of each file")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args(argv)
    logging.getLogger("truce").setLevel(logging.WARNING)

    rows = []
    for path in acled_files(args.data):
        file_rows = load_acled(path)
        rows.extend(file_rows[: args.limit] if args.limit else file_rows)
    articles = [row_article(r) for r in rows]
    n = start_misses = day_misses = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for row, out in zip(rows, extract_many(articles, workers=args.workers), strict=True):
            n += 1
            event = None if isinstance(out, ExtractFailure) or not out.events else out.events[0]
            date = event.date if event is not None else None
            start = date.start if date is not None else None
            day = acled_event_date(date) if date is not None else None
            if start == row.event_date and day == row.event_date:
                continue
            start_misses += start != row.event_date
            day_misses += day != row.event_date
            times = [] if isinstance(out, ExtractFailure) else [
                {"text": t.text, "value": t.value, "precision": t.precision} for t in out.times]
            fh.write(json.dumps({
                "file": row.file, "line": row.line, "gold": row.event_date.isoformat(),
                "start": start.isoformat() if start else None,
                "end": date.end.isoformat() if date is not None and date.end else None,
                "acled_day": day.isoformat() if day else None,
                "precision": date.precision if date is not None else None,
                "trigger": row.notes[event.trigger_start:event.trigger_end] if event is not None else None,
                "date_text": date.text if date is not None else None,
                "times": times, "note": row.notes,
            }, ensure_ascii=False) + "\n")
    print(f"rows {n}; date start wrong {start_misses} ({1 - start_misses / max(n, 1):.4f} right); "
          f"exported ACLED day wrong {day_misses} ({1 - day_misses / max(n, 1):.4f} right)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
