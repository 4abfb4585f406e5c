"""Build the ACLED sub-type model from ACLED exports, and measure it honestly on a held-out file.

    python -m truce.events.train --data ../shared/eval/acled_dev                 # cross-file report
    python -m truce.events.train --data ../shared/eval/acled_dev --out truce/data/acled_model.json

Each note is run through the per-article stages (annotate, actors, counts, the event rules without the
model); the main event's features (``truce.events.acled_model.event_features``) are paired with the row's
sub-event type. The cross-file report trains on each file and tests on every other one (Kenya ->
Afghanistan and the reverse), comparing the rules alone with rules + model. The model written to
``--out`` is trained on all files. It stores only per-feature weights (single lemmas and rule names that
occur in at least ``--min-df`` notes), never text from the data.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from truce.events.acled_model import MODEL_VERSION, SUB_TO_TYPE, AcledModel, event_features

log = logging.getLogger(__name__)

__all__ = ["collect", "fit", "main"]


def collect(rows, nlp, registry, lexicon) -> list[tuple[list[str], str, str | None]]:
    """(features, gold sub-type, rule sub-type) for each row's main event (rows with no event skipped)."""
    from truce.actors import find_actors
    from truce.events import assemble, code_events
    from truce.events.counts import find_counts
    from truce.eval.acled import row_article

    out = []
    articles = [row_article(r) for r in rows]
    for row, article, doc in zip(rows, articles, nlp.pipe(a.text for a in articles), strict=True):
        try:
            actors = find_actors(doc, article, registry)
            counts = find_counts(doc, article, actors)
            cands = code_events(doc, article, actors, counts, [], lexicon)
        except Exception as e:  # noqa: BLE001 - as in the pipeline, one failing note must not stop training
            log.warning("%s: skipped (%s: %s)", article.id, type(e).__name__, e)
            continue
        if not cands:
            continue
        n = len(list(doc.sents))
        main = max(cands, key=lambda c: (assemble.salience(c, n, 0), -c.trigger.start))
        if main.acled_type is None:
            continue
        out.append((event_features(main, list(doc.sents)), row.sub_event_type, main.acled_sub))
    return out


def fit(
    samples: list[tuple[list[str], str, str | None]], *, min_df: int = 3, l2: float = 1e-3,
    epochs: int = 300, lr: float = 0.05, prune: float = 0.02,
) -> AcledModel:  # fmt: skip
    """Multinomial logistic regression (full-batch Adam) over binary features."""
    classes = sorted({s[1] for s in samples if s[1] in SUB_TO_TYPE})
    df: Counter[str] = Counter()
    for feats, _, _ in samples:
        df.update(set(feats))
    vocab = sorted(f for f, c in df.items() if c >= min_df)
    index = {f: i for i, f in enumerate(vocab)}
    usable = [s for s in samples if s[1] in SUB_TO_TYPE]
    x = np.zeros((len(usable), len(vocab)), dtype=np.float32)
    y = np.zeros(len(usable), dtype=np.int64)
    cls_index = {c: i for i, c in enumerate(classes)}
    for r, (feats, gold, _) in enumerate(usable):
        for f in set(feats):
            j = index.get(f)
            if j is not None:
                x[r, j] = 1.0
        y[r] = cls_index[gold]
    n, d, k = len(usable), len(vocab), len(classes)
    w = np.zeros((d, k), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    onehot = np.eye(k, dtype=np.float32)[y]
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        gw = x.T @ g + l2 * w
        gb = g.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        w -= lr * (mw / (1 - beta1**t)) / (np.sqrt(vw / (1 - beta2**t)) + eps)
        b -= lr * (mb / (1 - beta1**t)) / (np.sqrt(vb / (1 - beta2**t)) + eps)
    weights: dict[str, dict[int, float]] = {}
    for j, f in enumerate(vocab):
        row = {c: round(float(w[j, c]), 3) for c in range(k) if abs(w[j, c]) >= prune}
        if row:
            weights[f] = row
    return AcledModel(classes, [round(float(v), 3) for v in b], weights)


def _score(model: AcledModel | None, samples, total_rows: int) -> dict:
    sub_ok = type_ok = 0
    for feats, gold, rule in samples:
        pred = rule
        if model is not None:
            sub, p = model.predict(feats)
            if p >= model.min_confidence:
                pred = sub
        sub_ok += pred == gold
        type_ok += SUB_TO_TYPE.get(pred or "") == SUB_TO_TYPE.get(gold)
    n = max(total_rows, 1)
    return {"sub_event_type_accuracy": round(sub_ok / n, 4), "event_type_accuracy": round(type_ok / n, 4)}


def _save(model: AcledModel, path: Path) -> None:
    data = {
        "version": MODEL_VERSION,
        "about": "ACLED sub-event type model for truce.events; built by `python -m truce.events.train`.",
        "classes": model.classes,
        "bias": model.bias,
        "min_confidence": model.min_confidence,
        "weights": {f: {str(k): v for k, v in row.items()} for f, row in sorted(model.weights.items())},
    }
    path.write_text(json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder of ACLED CSV exports")
    parser.add_argument("--out", type=Path, help="write the model trained on all files here")
    parser.add_argument("--min-df", type=int, default=3)
    parser.add_argument("--limit", type=int, help="first N rows per file (quick checks)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    from truce.actors import load_registry
    from truce.annotate import load_nlp
    from truce.eval.acled import acled_files, load_acled
    from truce.events.lexicon import load_lexicon

    nlp, registry, lexicon = load_nlp(), load_registry(), load_lexicon(model=False)
    per_file = {}
    for path in acled_files(args.data):
        rows = load_acled(path)[: args.limit] if args.limit else load_acled(path)
        per_file[path.name] = (collect(rows, nlp, registry, lexicon), len(rows))
        print(f"{path.name}: {len(rows)} rows, {len(per_file[path.name][0])} with a typed main event",
              file=sys.stderr)  # fmt: skip
    report = {}
    for test_name, (test_samples, test_rows) in per_file.items():
        train = [s for name, (ss, _) in per_file.items() if name != test_name for s in ss]
        if not train:
            continue
        model = fit(train, min_df=args.min_df)
        report[f"train on others, test on {test_name}"] = {
            "rules": _score(None, test_samples, test_rows),
            "rules+model": _score(model, test_samples, test_rows),
        }
    print(json.dumps(report, indent=2))
    if args.out:
        model = fit([s for ss, _ in per_file.values() for s in ss], min_df=args.min_df)
        _save(model, args.out)
        print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(model.weights)} features)",
              file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
