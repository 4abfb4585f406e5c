"""Evaluate sentence-level police KILL and ARREST detection on IndiaPoliceEvents (Times of India, 2002).

Each labelled sentence goes through the whole pipeline as its own article (published on its story's
date). The corpus's KILL means that police or security forces killed someone, so a sentence is
predicted KILL when it holds an asserted or claimed ASSAULT event that killed someone (a killing
trigger or a fatality count) whose actor, as the event coder found it, is the police or security
forces ("police shot dead two rioters", "killed in police firing", "killed when the police fired");
ARREST when it holds an asserted or claimed arrest event (COERCE/arrest). Precision, recall and F1
are reported for each label.

An earlier predictor took any killing in a sentence that names the police (precision 0.507, recall
0.771 on all 21,391 sentences); reading the coder's actor instead gives 0.957 / 0.458, F1 0.620 over
0.612, and measures the coder's "who did it" rather than a keyword.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path

from truce.errors import InputError
from truce.records import Article, EventMention

log = logging.getLogger(__name__)

__all__ = ["load_sentences", "predict_labels", "evaluate_india"]

_POLICE = re.compile(
    r"\b(police\w*|cops?|constables?|security (?:forces|personnel)|paramilitary|army|troops?|jawans?|"
    r"crpf|srp|rapid action force|raf|bsf|officers?|inspector|sub-inspector|si|si's|home guards?)\b",
    re.I,
)
_KILL_WORDS = frozenset("kill killing die death dead murder shoot massacre".split())
_STATUS_OK = ("asserted", "claimed", "historical")


def load_sentences(folder: Path) -> list[tuple[str, str, dt.date | None, set[str]]]:
    """(id, text, story date, labels) for every sentence in ``sents.jsonl``."""
    dates: dict[int, dt.date] = {}
    meta = folder / "metadata.jsonl"
    sents = folder / "sents.jsonl"
    try:
        if meta.exists():
            for line in meta.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    try:
                        dates[r["doc_id"]] = dt.date.fromisoformat(r["date"])
                    except (KeyError, ValueError, TypeError):
                        pass
        out = []
        for line in sents.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            out.append((f"{r['doc_id']}:{r['sent_id']}", r["sent_text"], dates.get(r["doc_id"]),
                        set(r.get("sent_labels") or ())))  # fmt: skip
    except (OSError, ValueError, KeyError) as e:
        raise InputError(str(sents), f"cannot read IndiaPoliceEvents sentences ({e})") from e
    return out


def _kills(e: EventMention, text: str) -> bool:
    trigger = text[e.trigger_start : e.trigger_end].lower()
    return e.plover_type == "ASSAULT" and (
        e.fatalities is not None and (e.fatalities.best or e.fatalities.low or 0) > 0
        or any(trigger.startswith(w[:4]) for w in _KILL_WORDS)
    )


def _by_state_forces(e: EventMention) -> bool:
    return any(
        a.role == "actor" and (
            a.acled_inter == 1 and any(k in (a.actor_id or "") for k in ("police", "military"))
            or _POLICE.search(a.text) is not None)
        for a in e.actors
    )  # fmt: skip


def predict_labels(events: list[EventMention], text: str) -> set[str]:
    """The labels a sentence gets from its events."""
    labels = set()
    for e in events:
        if e.modality not in _STATUS_OK:
            continue
        if _kills(e, text) and _by_state_forces(e):
            labels.add("KILL")
        if e.plover_type == "COERCE" and e.plover_mode == "arrest":
            labels.add("ARREST")
    return labels


def evaluate_india(
    data: Path, *, limit: int | None = None, workers: int | None = None,
    progress: Callable[[int], None] | None = None, resources=None,
) -> dict:  # fmt: skip
    """Sentence-level precision, recall and F1 for KILL and ARREST."""
    from truce.pipeline import ExtractFailure, extract_many

    items = load_sentences(Path(data))
    if limit:
        items = items[:limit]
    articles = [
        Article(id=i, text=text, published=date, published_source="metadata" if date else "unknown")
        for i, text, date, _ in items
    ]
    started = time.perf_counter()
    results = list(extract_many(articles, workers=workers, progress=progress, resources=resources))
    elapsed = time.perf_counter() - started
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in ("KILL", "ARREST")}
    failed = 0
    for (_, text, _, gold), res in zip(items, results, strict=True):
        if isinstance(res, ExtractFailure):
            failed += 1
            pred: set[str] = set()
        else:
            pred = predict_labels(res.events, text)
        for label, c in counts.items():
            if label in pred and label in gold:
                c["tp"] += 1
            elif label in pred:
                c["fp"] += 1
            elif label in gold:
                c["fn"] += 1
    report: dict = {"sentences": len(items), "failed": failed, "seconds": round(elapsed, 1)}
    for label, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        report[label] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), **c}
    return report
