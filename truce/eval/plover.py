"""Evaluate PLOVER category coding on the PLOVER gold-standard records (hand-coded sentences).

The records were coded in an early PLOVER version whose categories were still CAMEO's names; they are
mapped to PLOVER 2021 through the CAMEO root they stood for and ``CAMEO2PLOVER-2021.txt`` (read from the
same folder): INVESTIGATE = CAMEO 09, DEMAND = 10, DISAPPROVE = 11, FIGHT = 19. Each sentence goes
through the whole pipeline; the main (first) event's category is scored, and so is whether any event in
the sentence has the gold category.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from truce.errors import InputError
from truce.records import Article

log = logging.getLogger(__name__)

__all__ = ["load_gsr", "cameo_to_plover", "evaluate_plover"]

# early PLOVER names that were CAMEO root categories
_OLD_NAME_TO_CAMEO_ROOT = {"INVESTIGATE": "09", "DEMAND": "10", "DISAPPROVE": "11", "FIGHT": "19"}


def cameo_to_plover(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER category, from CAMEO2PLOVER-2021.txt ("190: ASSAULT, , military # ...")."""
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(str(path), f"cannot read the CAMEO to PLOVER table ({e})") from e
    for line in lines:
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def load_gsr(folder: Path) -> list[tuple[str, str, str]]:
    """(id, sentence, PLOVER 2021 category) for every coded sentence in the gold-standard file."""
    gsr = folder / "PLOVER_GSR_CAMEO.txt"
    try:
        records = json.loads(gsr.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(str(gsr), f"cannot read the PLOVER gold-standard records ({e})") from e
    table = cameo_to_plover(folder / "CAMEO2PLOVER-2021.txt")
    out = []
    for r in records:
        event, text = r.get("event"), r.get("text")
        if not event or not text or event == "DOCUMENT":
            continue
        if event in _OLD_NAME_TO_CAMEO_ROOT:
            event = table.get(_OLD_NAME_TO_CAMEO_ROOT[event], event)
        out.append((r.get("id", ""), text, event))
    return out


def evaluate_plover(
    data: Path, *, limit: int | None = None, workers: int | None = None,
    progress: Callable[[int], None] | None = None, resources=None,
) -> dict:  # fmt: skip
    """Category accuracy of the main event, and of any event, over the gold sentences."""
    from truce.pipeline import ExtractFailure, extract_many

    items = load_gsr(Path(data))
    if limit:
        items = items[:limit]
    articles = [Article(id=i, text=text) for i, text, _ in items]
    started = time.perf_counter()
    results = list(extract_many(articles, workers=workers, progress=progress, resources=resources))
    elapsed = time.perf_counter() - started
    main_ok = any_ok = no_event = failed = 0
    per_cat: dict[str, Counter] = {}
    confusion: Counter = Counter()
    for (_, _, gold), res in zip(items, results, strict=True):
        c = per_cat.setdefault(gold, Counter())
        c["n"] += 1
        if isinstance(res, ExtractFailure):
            failed += 1
            continue
        if not res.events:
            no_event += 1
            confusion[(gold, "-")] += 1
            continue
        pred = res.events[0].plover_type
        main_ok += pred == gold
        c["main"] += pred == gold
        hit = any(e.plover_type == gold for e in res.events)
        any_ok += hit
        c["any"] += hit
        if pred != gold:
            confusion[(gold, pred)] += 1
    n = max(len(items), 1)
    return {
        "sentences": len(items),
        "failed": failed,
        "no_event": no_event,
        "category_accuracy": round(main_ok / n, 4),
        "any_event_accuracy": round(any_ok / n, 4),
        "per_category": {
            k: {"n": v["n"], "main": round(v["main"] / v["n"], 3), "any": round(v["any"] / v["n"], 3)}
            for k, v in sorted(per_cat.items())
        },
        "top_confusions": [{"gold": g, "predicted": p, "count": k} for (g, p), k in confusion.most_common(10)],
        "seconds": round(elapsed, 1),
    }
