"""An optional linear model that refines the ACLED sub-event type of violent, protest and strategic events.

The rules in ``truce.events.acled`` decide a type from cue words; this model weighs the same evidence
together: the words (lemmas) around the event, the trigger, the rule's decision, the actors' ``inter``
codes and whether deaths were counted. It is a multinomial logistic regression stored as a small JSON
file of per-feature weights (``truce/data/acled_model.json``), built by ``python -m truce.events.train``
from ACLED exports. Its prediction replaces the rule's only when it is confident; without the file the
rules decide alone.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path

from truce.errors import DataFileError
from truce.events.lexicon import ACLED_TYPES

log = logging.getLogger(__name__)

__all__ = ["AcledModel", "load_acled_model", "event_features", "SUB_TO_TYPE", "MODEL_VERSION"]

MODEL_VERSION = 1
SUB_TO_TYPE = {sub: etype for etype, subs in ACLED_TYPES.items() for sub in subs}
_WINDOW_SENTENCES = 2
_MAX_WINDOW_TOKENS = 120
_STOP = frozenset(
    "the a an of in on at to and or for by with from as is be was were been has have had that this it its "
    "their his her they he she which who , . ; : ( ) ' \" - [ ] = / 's".split()
)


@dataclass
class AcledModel:
    classes: list[str]
    bias: list[float]
    weights: dict[str, dict[int, float]]  # feature -> {class index: weight}
    min_confidence: float = 0.5

    def predict(self, features: list[str]) -> tuple[str, float]:
        scores = list(self.bias)
        for f in set(features):
            for k, w in self.weights.get(f, {}).items():
                scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        best = max(range(len(scores)), key=scores.__getitem__)
        return self.classes[best], exps[best] / total


def load_acled_model(path: Path) -> AcledModel | None:
    """Read a model file; None when it does not exist."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DataFileError(str(path), None, f"cannot read the ACLED model ({e}); rebuild it with "
                            "`python -m truce.events.train`") from e  # fmt: skip
    if data.get("version") != MODEL_VERSION:
        raise DataFileError(str(path), None, f"model version {data.get('version')} is not {MODEL_VERSION}; "
                            "rebuild it with `python -m truce.events.train`")  # fmt: skip
    classes = data["classes"]
    unknown = [c for c in classes if c not in SUB_TO_TYPE]
    if unknown:
        raise DataFileError(str(path), None, f"unknown ACLED sub-event types in the model: {unknown}")
    weights = {f: {int(k): float(w) for k, w in row.items()} for f, row in data["weights"].items()}
    return AcledModel(classes, [float(b) for b in data["bias"]], weights, float(data.get("min_confidence", 0.5)))


def event_features(cand, sents) -> list[str]:
    """Features of one candidate event (see ``truce.events.assemble.Candidate``)."""
    feats = [
        f"trig={cand.lemma}",
        f"plover={cand.trigger.plover}",
        f"mode={cand.trigger.mode}",
        f"rule_sub={cand.acled_sub}",
        f"rule_type={cand.acled_type}",
        f"rule={cand.acled_rule}",
        f"killed={bool(cand.killed)}",
        f"injured={bool(cand.injured)}",
        f"modality={cand.modality}",
    ]
    for a in cand.actors:
        if a.acled_inter is not None:
            feats.append(f"{a.role}_inter={a.acled_inter}")
    for t in cand.merged:
        feats.append(f"merged={t.entry.trigger}")
    window = sents[cand.sent_index : cand.sent_index + 1 + _WINDOW_SENTENCES]
    n = 0
    for sent in window:
        for tok in sent:
            if n >= _MAX_WINDOW_TOKENS:
                break
            n += 1
            lemma = tok.lemma_.lower()
            if lemma in _STOP or tok.like_num or tok.is_punct or len(lemma) < 2:
                continue
            if tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "PERSON", "CARDINAL"):
                continue  # names and dates do not carry over to other countries
            feats.append("w=" + lemma)
    return feats
