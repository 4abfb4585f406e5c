"""Dating an event from its trigger: which time expression says when it happened.

In order: the time expression that governs the trigger (attached to the same verb, or to the trigger
itself: "the Nov. 23 strike"); else the nearest one in the trigger's sentence; else the paragraph's
current reference date (the last dated expression before the trigger in its paragraph); else the
publication date with precision "reported", so a reader can tell "happened that day" from
"reported that day".
"""

from __future__ import annotations

import logging

from truce.records import Article, EventDate, TimeExpression
from truce.time.tense import _verb_of

log = logging.getLogger(__name__)

_USABLE_TYPES = ("DATE", "TIME", "DURATION")


def _usable(t: TimeExpression) -> bool:
    if t.interval is None or t.precision in ("unknown", "reported") or t.type not in _USABLE_TYPES:
        return False
    if t.deadline:  # "by year-end" bounds a plan, it does not date an occurrence
        return False
    if t.value and t.value.endswith("_REF"):
        return False
    return t.interval.start is not None or t.interval.end is not None


def _to_date(t: TimeExpression) -> EventDate:
    assert t.interval is not None
    return EventDate(t.interval.start, t.interval.end, t.precision, t.text, (t.start, t.end))


def _sentence(doc, pos: int):
    for s in doc.sents:
        if s.start_char <= pos < s.end_char:
            return s
    return None


def _governs(doc, t: TimeExpression, trigger_tokens, trigger_verb) -> bool:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    # attached to the trigger itself ("the Nov. 23 strike") or to a word inside the trigger span
    node = root
    for _ in range(4):
        if node in trigger_tokens:
            return True
        if node.head is node:
            break
        node = node.head
    verb = _verb_of(root)
    return verb is not None and (verb in trigger_tokens or (trigger_verb is not None and verb == trigger_verb))


def date_event(doc, article: Article, trigger: tuple[int, int], times: list[TimeExpression]) -> EventDate:
    """The date of the event whose trigger spans ``trigger`` (character offsets into the article)."""
    start, end = trigger
    usable = [t for t in times if _usable(t)]
    sent = _sentence(doc, start) if doc is not None else None
    if sent is not None:
        inside = [t for t in usable if sent.start_char <= t.start < sent.end_char]
        if inside:
            tspan = doc.char_span(start, end, alignment_mode="expand")
            trigger_tokens = set(tspan) if tspan is not None else set()
            trigger_verb = _verb_of(tspan.root) if tspan is not None and len(tspan) else None
            governing = [t for t in inside if _governs(doc, t, trigger_tokens, trigger_verb)]
            # a precise date beats a duration, then the closest to the trigger
            pool = governing or inside
            best = min(pool, key=lambda t: (t.type == "DURATION", abs(t.start - start)))
            return _to_date(best)
    # the paragraph's current reference date: the last dated expression before the trigger
    para_start = article.text.rfind("\n", 0, start) + 1
    earlier = [t for t in usable if para_start <= t.start < start and t.type != "DURATION"]
    if earlier:
        return _to_date(earlier[-1])
    pub = article.published
    if pub is None:
        return EventDate(None, None, "unknown")
    return EventDate(pub, pub, "reported")
