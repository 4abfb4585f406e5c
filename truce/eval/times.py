"""Evaluate the time stage on TimeML documents (TempEval-3 TimeBank + AQUAINT, TBAQ-cleaned).

Each ``.tml`` file gives a document's text with ``<TIMEX3>`` tags and its creation time (DCT), which
plays the publication date. We strip the tags, keep gold spans as character offsets, run the time
stage over the plain text and compare:

* detection: strict (same span) and relaxed (overlapping spans) precision, recall and F1;
* normalisation: value accuracy over relaxed matches, and value-F1, where a system expression counts
  as correct when it overlaps a gold expression and has the same value (TempEval-3's value score:
  P = correct / system, R = correct / gold).

With ``given_spans=True`` the gold spans are handed to the normaliser, which measures normalisation
apart from detection.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from truce.errors import InputError
from truce.records import Article, TimeExpression

log = logging.getLogger(__name__)

__all__ = ["GoldTimex", "TimeMLDoc", "load_timeml", "load_tempeval", "evaluate_times", "Scores"]

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class GoldTimex:
    tid: str
    text: str
    start: int
    end: int
    type: str
    value: str


@dataclass(slots=True)
class TimeMLDoc:
    name: str
    subset: str
    dct: dt.date
    text: str
    gold: list[GoldTimex] = field(default_factory=list)

    def article(self) -> Article:
        return Article(id=self.name, text=self.text, published=self.dct, published_source="metadata")


def load_timeml(path: Path, subset: str = "") -> TimeMLDoc:
    """Read one TimeML file: the text inside ``<TEXT>`` with tags stripped, gold TIMEX3 as offsets."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', raw)
    if not dct_match:
        dct_match = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', raw)
    if not dct_match:
        raise InputError(str(path), "no document creation time (DCT) found; is this a TimeML file?")
    dct = dt.date.fromisoformat(dct_match.group(1)[:10])
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if not body:
        raise InputError(str(path), "no <TEXT> element found; is this a TimeML file?")
    src = body.group(1)
    parts: list[str] = []
    length = 0
    open_timex: dict | None = None
    gold: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(src):
        piece = html.unescape(src[pos : m.start()])
        parts.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name = m.group(1), m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            attrs = dict(_ATTR.findall(m.group(3)))
            open_timex = {"start": length, **attrs}
        elif open_timex is not None:
            start = open_timex["start"]
            gold.append(
                GoldTimex(
                    tid=open_timex.get("tid", ""),
                    text="",
                    start=start,
                    end=length,
                    type=open_timex.get("type", "DATE"),
                    value=open_timex.get("value", ""),
                )
            )
            open_timex = None
    piece = html.unescape(src[pos:])
    parts.append(piece)
    text = "".join(parts)
    for g in gold:
        g.text = text[g.start : g.end]
    return TimeMLDoc(name=path.name, subset=subset or path.parent.name, dct=dct, text=text, gold=gold)


def load_tempeval(folder: Path, limit: int | None = None) -> list[TimeMLDoc]:
    """Every ``.tml`` file under ``folder`` (TBAQ-cleaned/TimeBank and /AQUAINT), sorted by path."""
    folder = Path(folder)
    if (folder / "TBAQ-cleaned").is_dir():
        folder = folder / "TBAQ-cleaned"
    paths = sorted(folder.rglob("*.tml"))
    if not paths:
        raise InputError(str(folder), "no .tml files found; point --tempeval at the tempeval3 folder")
    if limit:
        paths = paths[:limit]
    return [load_timeml(p, p.parent.name) for p in paths]


@dataclass(slots=True)
class Scores:
    gold: int = 0
    system: int = 0
    strict: int = 0  # system spans equal to a gold span
    relaxed_gold: int = 0  # gold spans overlapped by some system span
    relaxed_system: int = 0  # system spans overlapping some gold span
    value_pairs: int = 0  # relaxed matched pairs
    value_correct: int = 0  # ... with the same value
    type_correct: int = 0
    errors: list[dict] = field(default_factory=list)

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        sp = self.strict / self.system if self.system else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        rp = self.relaxed_system / self.system if self.system else 0.0
        rr = self.relaxed_gold / self.gold if self.gold else 0.0
        vp = self.value_correct / self.system if self.system else 0.0
        vr = self.value_correct / self.gold if self.gold else 0.0
        return {
            "gold": self.gold,
            "system": self.system,
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": self._f(sp, sr),
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": self._f(rp, rr),
            "value_accuracy": self.value_correct / self.value_pairs if self.value_pairs else 0.0,
            "type_accuracy": self.type_correct / self.value_pairs if self.value_pairs else 0.0,
            "value_p": vp,
            "value_r": vr,
            "value_f1": self._f(vp, vr),
        }

    def add(self, other: Scores) -> None:
        for name in ("gold", "system", "strict", "relaxed_gold", "relaxed_system", "value_pairs",
                     "value_correct", "type_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def canonical_value(value: str) -> str:
    """A TIMEX3 value in one notation: week numbers padded ("2000-W7" → "2000-W07"), trailing
    unspecified parts dropped ("1949-XX" → "1949", "199X" → "199"). Only notation is folded:
    a value of another granularity or another day stays different."""
    v = value.strip().upper()
    v = re.sub(r"-W([0-9])(?![0-9])", r"-W0\1", v)
    while v.endswith("-XX") and len(v) > 3:
        v = v[:-3]
    return re.sub(r"(?<=[0-9])X+$", "", v)


def _same_value(system: str | None, gold: str) -> bool:
    if system is None:
        return False
    return canonical_value(system) == canonical_value(gold)


def score_document(doc: TimeMLDoc, predicted: list[TimeExpression]) -> Scores:
    s = Scores(gold=len(doc.gold), system=len(predicted))
    gold_spans = {(g.start, g.end) for g in doc.gold}
    s.strict = sum(1 for p in predicted if (p.start, p.end) in gold_spans)
    s.relaxed_system = sum(1 for p in predicted if any(p.start < g.end and g.start < p.end for g in doc.gold))
    used: set[int] = set()
    for g in doc.gold:
        overlapping = [
            (i, p) for i, p in enumerate(predicted) if p.start < g.end and g.start < p.end and i not in used
        ]
        if not overlapping:
            s.errors.append({"doc": doc.name, "kind": "missed", "text": g.text, "gold": g.value})
            continue
        s.relaxed_gold += 1
        # prefer the exact span, then the largest overlap
        i, p = max(overlapping, key=lambda ip: (
            (ip[1].start, ip[1].end) == (g.start, g.end),
            min(ip[1].end, g.end) - max(ip[1].start, g.start),
        ))
        used.add(i)
        s.value_pairs += 1
        if _same_value(p.value, g.value):
            s.value_correct += 1
        else:
            s.errors.append({"doc": doc.name, "kind": "value", "text": g.text, "system_text": p.text,
                             "gold": g.value, "system": p.value, "dct": doc.dct.isoformat()})
        if p.type == g.type:
            s.type_correct += 1
    for p in predicted:
        if not any(p.start < g.end and g.start < p.end for g in doc.gold):
            s.errors.append({"doc": doc.name, "kind": "spurious", "text": p.text, "system": p.value})
    return s


def evaluate_times(
    docs: Iterable[TimeMLDoc],
    nlp,
    *,
    given_spans: bool = False,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Scores]:
    """Score the time stage per subset and in total (key ``"all"``)."""
    from truce.time import find_times, normalise_spans

    out: dict[str, Scores] = {"all": Scores()}
    for doc in docs:
        article = doc.article()
        sdoc = nlp(doc.text)
        if given_spans:
            predicted = normalise_spans(sdoc, article, [(g.start, g.end) for g in doc.gold])
        else:
            predicted = find_times(sdoc, article)
        s = score_document(doc, predicted)
        out.setdefault(doc.subset, Scores()).add(s)
        out["all"].add(s)
        if progress:
            progress(1)
    return out


# --- ACLED notes: event dates -------------------------------------------------------------------

_ACLED_DATE_FORMATS = ("%d %B %Y", "%d-%m-%y", "%Y-%m-%d", "%d-%b-%y", "%d/%m/%Y")


def _acled_date(value: str) -> dt.date | None:
    value = value.strip()
    for fmt in _ACLED_DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def evaluate_acled_dates(folder: Path, nlp, *, limit: int | None = None,
                         progress: Callable[[int], None] | None = None,
                         errors: list[dict] | None = None) -> dict[str, dict]:
    """Exact-day accuracy of ``date_event`` on ACLED notes, per file and overall.

    Each note is an article published the day after its ``event_date`` (how the development set
    was built); the trigger is the note's first verb, a stand-in for the event coder's trigger so
    that dating can be measured on its own. ``exact``: the event date's interval is exactly the coded
    day; ``start``: it starts on that day (how ``truce eval acled`` scores dates; an event dated
    only by its report, "reported", spans the day before publication and the publication day);
    ``acled_day``: ``acled_event_date`` (the day ACLED would code: a month's 15th, a week's middle)
    is that day. Notes whose event date does not start on the coded day are appended to ``errors`` when given.
    """
    import csv

    from truce.records import Article
    from truce.time import date_event, find_times
    from truce.time.precision import acled_event_date

    folder = Path(folder)
    paths = [folder] if folder.is_file() else sorted(folder.glob("*.csv"))
    if not paths:
        raise InputError(str(folder), "no ACLED .csv files found")
    csv.field_size_limit(1 << 30)
    report: dict[str, dict] = {}
    total = {"notes": 0, "exact": 0, "start": 0, "acled_day": 0}
    for path in paths:
        counts = {"notes": 0, "exact": 0, "start": 0, "acled_day": 0, "by_precision": {}}
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if limit is not None and i >= limit:
                    break
                gold = _acled_date(row.get("event_date", ""))
                note = row.get("notes") or ""
                if gold is None or not note.strip():
                    continue
                article = Article(id=f"{path.stem}:{i}", text=note, published=gold + dt.timedelta(days=1))
                doc = nlp(note)
                verbs = [t for t in doc if t.pos_ == "VERB"]
                trigger = (verbs[0].idx, verbs[0].idx + len(verbs[0])) if verbs else (0, min(1, len(note)))
                when = date_event(doc, article, trigger, find_times(doc, article))
                right = when.start == gold and when.end == gold
                counts["notes"] += 1
                counts["exact"] += right
                counts["start"] += when.start == gold
                acled_day = acled_event_date(when)
                counts["acled_day"] += acled_day == gold
                if errors is not None and (when.start != gold or acled_day != gold):
                    errors.append({"file": path.name, "row": i, "gold": gold.isoformat(),
                                   "start": when.start.isoformat() if when.start else None,
                                   "end": when.end.isoformat() if when.end else None,
                                   "acled_day": acled_day.isoformat() if acled_day else None,
                                   "precision": when.precision, "note": note})
                bucket = counts["by_precision"].setdefault(when.precision, [0, 0])
                bucket[0] += 1
                bucket[1] += right
                if progress:
                    progress(1)
        counts["accuracy"] = counts["exact"] / counts["notes"] if counts["notes"] else 0.0
        counts["start_accuracy"] = counts["start"] / counts["notes"] if counts["notes"] else 0.0
        counts["acled_day_accuracy"] = counts["acled_day"] / counts["notes"] if counts["notes"] else 0.0
        report[path.name] = counts
        for key in ("notes", "exact", "start", "acled_day"):
            total[key] += counts[key]
    total["accuracy"] = total["exact"] / total["notes"] if total["notes"] else 0.0
    total["start_accuracy"] = total["start"] / total["notes"] if total["notes"] else 0.0
    total["acled_day_accuracy"] = total["acled_day"] / total["notes"] if total["notes"] else 0.0
    report["all"] = total
    return report
