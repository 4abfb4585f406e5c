"""Measuring the sentence-rewrite detector (``truce.resolve.sentence_similarity``) on MSRP.

The Microsoft Research Paraphrase corpus holds news sentence pairs labelled paraphrase or not
(``msr_paraphrase_train.txt``, tab-separated: Quality, #1 ID, #2 ID, #1 String, #2 String). The
report gives accuracy, precision, recall and F1 at the detector's fixed threshold, and — to show
how much is left to tuning — the threshold that would be best on the first half of the pairs and
the scores it gives on the second half.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from truce.errors import InputError, MalformedRecord
from truce.resolve import PARAPHRASE_THRESHOLD, sentence_similarity

log = logging.getLogger(__name__)

__all__ = ["SentencePair", "Scores", "RewriteReport", "read_msrp", "score_pairs", "evaluate_rewrites"]

MSRP_FILES = ("msr_paraphrase_train.txt", "msr_paraphrase_test.txt", "msr_paraphrase_data.txt")


@dataclass(frozen=True, slots=True)
class SentencePair:
    label: bool
    a: str
    b: str


@dataclass(frozen=True, slots=True)
class Scores:
    n: int
    accuracy: float
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class RewriteReport:
    path: str
    threshold: float
    all_pairs: Scores  # at the detector's own threshold
    majority_baseline: float  # accuracy of always answering "paraphrase"
    tuned_threshold: float  # best on the first half
    held_out: Scores  # second half, at the tuned threshold


def _find_file(path: Path) -> Path:
    if path.is_file():
        return path
    for name in MSRP_FILES:
        if (path / name).is_file():
            return path / name
    raise InputError(str(path), f"no MSRP file found (looked for {', '.join(MSRP_FILES)})")


def read_msrp(path: Path) -> list[SentencePair]:
    """Pairs from an MSRP file, or from the first MSRP file found in a folder."""
    file = _find_file(path)
    pairs = []
    with file.open(encoding="utf-8-sig") as f:
        header = f.readline()
        if not header.lower().startswith("quality"):
            raise MalformedRecord(f"{file}:1", "not an MSRP file: the header should start with 'Quality'")
        for n, line in enumerate(f, start=2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 5 or parts[0] not in ("0", "1"):
                log.warning("%s:%d: skipped, not a labelled pair", file, n)
                continue
            pairs.append(SentencePair(parts[0] == "1", parts[3], parts[4]))
    if not pairs:
        raise InputError(str(file), "no labelled pairs")
    return pairs


def _scores(labels: list[bool], predicted: list[bool]) -> Scores:
    tp = sum(1 for y, p in zip(labels, predicted) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted) if y and not p)
    correct = sum(1 for y, p in zip(labels, predicted) if y == p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(len(labels), correct / len(labels) if labels else 0.0, precision, recall, f1)


def score_pairs(pairs: list[SentencePair]) -> list[float]:
    return [sentence_similarity(p.a, p.b) for p in pairs]


def _best_threshold(labels: list[bool], sims: list[float]) -> float:
    best_t, best_acc = PARAPHRASE_THRESHOLD, -1.0
    for step in range(20, 91):
        t = step / 100
        acc = sum(1 for y, s in zip(labels, sims) if (s >= t) == y)
        if acc > best_acc:
            best_t, best_acc = t, acc
    return best_t


def evaluate_rewrites(path: Path, limit: int | None = None) -> RewriteReport:
    pairs = read_msrp(path)
    if limit is not None:
        pairs = pairs[:limit]
    sims = score_pairs(pairs)
    labels = [p.label for p in pairs]
    overall = _scores(labels, [s >= PARAPHRASE_THRESHOLD for s in sims])
    half = len(pairs) // 2
    tuned = _best_threshold(labels[:half], sims[:half])
    held = _scores(labels[half:], [s >= tuned for s in sims[half:]])
    return RewriteReport(
        path=str(_find_file(path)),
        threshold=PARAPHRASE_THRESHOLD,
        all_pairs=overall,
        majority_baseline=sum(labels) / len(labels),
        tuned_threshold=tuned,
        held_out=held,
    )
