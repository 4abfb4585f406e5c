"""Dating an event from its trigger: which time expression says when it happened.

In order: the time expression that governs the trigger (attached to the same verb, or to the trigger
itself: "the Nov. 23 strike"); else the nearest one in the trigger's sentence; else the paragraph's
current reference date (the last dated expression before the trigger in its paragraph); else the
publication date with precision "reported", so a reader can tell "happened that day" from
"reported that day": the interval then runs from the day before publication (the usual news lag)
to the publication day.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from truce.records import Article, EventDate, TimeExpression
from truce.time.normalise import CLOCK_WITHOUT_DAY, RELATIVE_TO_EVENT
from truce.time.tense import _verb_of

log = logging.getLogger(__name__)

_USABLE_TYPES = ("DATE", "TIME", "DURATION")
REPORTING_LAG_DAYS = 1  # an event dated only by its report happened that day or up to this many days before


def _usable(t: TimeExpression) -> bool:
    if t.interval is None or t.precision in ("unknown", "reported") or t.type not in _USABLE_TYPES:
        return False
    if t.deadline:  # "by year-end" bounds a plan, it does not date an occurrence
        return False
    if t.value and t.value.endswith("_REF"):
        return False
    if t.reason in (RELATIVE_TO_EVENT, CLOCK_WITHOUT_DAY):  # guesses, not dates
        return False
    return t.interval.start is not None or t.interval.end is not None


_PRECISION_ORDER = ("day", "week", "month", "quarter", "season", "year", "decade", "century")


def _rank(t: TimeExpression) -> tuple[bool, bool, int]:
    """Prefer occurrences to background: a date over a duration, a closed interval over an open one
    ("since July"), then the finer precision."""
    order = _PRECISION_ORDER.index(t.precision) if t.precision in _PRECISION_ORDER else len(_PRECISION_ORDER)
    return (t.type == "DURATION", t.open_ended, order)


_SHIFT = re.compile(r"\b(?:before|after|previous|preceding|following|next|earlier|later|prior)\b", re.I)


def _shifted(t: TimeExpression) -> bool:
    """Counted from another date in the text: "the day before", "the previous day"."""
    return bool(t.anchor and t.anchor.startswith("previous:") and _SHIFT.search(t.text))


def _to_date(t: TimeExpression) -> EventDate:
    assert t.interval is not None
    return EventDate(t.interval.start, t.interval.end, t.precision, t.text, (t.start, t.end))


def _sentence(doc, pos: int):
    for s in doc.sents:
        if s.start_char <= pos < s.end_char:
            return s
    return None


def _attachment(doc, t: TimeExpression, trigger_tokens, trigger_verb) -> tuple[int, bool]:
    """How the expression hangs on the trigger: (steps up the parse to reach it, or 99; and whether
    it first reaches a verb of another clause, as "the previous day" in "fires were lit after a man
    was shot the previous day" reaches "shot" before "lit")."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return 99, False
    node = span.root
    foreign = False
    for steps in range(8):
        if node in trigger_tokens or (trigger_verb is not None and node == trigger_verb):
            return steps, foreign
        if node.pos_ in ("VERB", "AUX") and node not in span and node.dep_ not in ("aux", "auxpass"):
            foreign = True
        if node.head is node:
            break
        node = node.head
    return 99, foreign or _verb_of(span.root) is not None


BEFORE_REFERENCE_DAYS = 31  # "days/weeks after X": X is taken to lie within the month before
_BEFORE_MARKERS = {"after", "following", "since"}
# words of harm: "two were killed following an attack", "one dead after two groups clashed" name the
# attack's or the clash's own outcome, so the event in the "after" clause happened then, not before
_OUTCOME_LEMMAS = {"kill", "die", "dead", "injure", "wound", "hurt", "maim", "death", "casualty", "injury",
                   "injured", "wounded", "killed", "burn", "destroy", "damage", "displace", "flee"}


def _after_clause(doc, start: int, end: int) -> tuple[bool, bool]:
    """Whether the trigger sits in a clause or phrase headed by "after"/"following"/"since", i.e. it
    names an earlier event the sentence's own event is measured from; and whether what it is measured
    from is its own outcome (a killing, an injury: then it is no earlier event)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False, False
    node = span.root
    for _ in range(6):
        marker = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in _BEFORE_MARKERS), None)
        if marker is not None:
            return True, _is_outcome(node.head, marker)
        if node.dep_ == "pobj" and node.head.lower_ in _BEFORE_MARKERS:
            return True, _is_outcome(node.head.head, node.head)
        if node.dep_ in ("ROOT", "ccomp", "conj") or node.head is node:
            return False, False
        node = node.head
    return False, False


def _nominal_trigger(doc, start: int, end: int) -> bool:
    """The trigger is a noun ("following an attack"), not a clause ("after a man was shot")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ in ("NOUN", "PROPN")


def _is_outcome(head, marker) -> bool:
    """The word an "after" clause hangs on, a word conjoined with it, or a word of its sentence
    before the "after" is a harm: "3 killed and 5 wounded following an attack", "one dead and several
    injured after two groups clashed" (whatever the parse made of it)."""
    words = [head, *head.conjuncts, *(t for t in marker.sent if t.i < marker.i)]
    return any(w.lemma_.lower() in _OUTCOME_LEMMAS or w.lower_ in _OUTCOME_LEMMAS for w in words)


def date_event(doc, article: Article, trigger: tuple[int, int], times: list[TimeExpression]) -> EventDate:
    """The date of the event whose trigger spans ``trigger`` (character offsets into the article)."""
    start, end = trigger
    usable = [t for t in times if _usable(t)]
    parsed = doc is not None and doc.has_annotation("DEP")
    sent = _sentence(doc, start) if parsed else None
    if sent is not None:
        inside = [t for t in usable if sent.start_char <= t.start < sent.end_char]
        if inside:
            tspan = doc.char_span(start, end, alignment_mode="expand")
            trigger_tokens = set(tspan) if tspan is not None else set()
            trigger_verb = _verb_of(tspan.root) if tspan is not None and len(tspan) else None
            scored = [(t, *_attachment(doc, t, trigger_tokens, trigger_verb)) for t in inside]
            governing = [(t, steps) for t, steps, foreign in scored if steps < 99 and not foreign]
            if governing:
                # a precise occurrence first, then the closest attachment, then the nearest in the text
                # and a date named outright before one counted from another ("On 30 June, protesters lit
                # fires after a man was shot the previous day": the shooting is the previous day's event)
                best = min(governing, key=lambda ts: (_rank(ts[0]), _shifted(ts[0]), ts[1],
                                                      abs(ts[0].start - start)))[0]
                return _to_date(best)
            # else the nearest that belongs to no other clause. A date attached to another clause
            # ("lit bonfires as they demanded the removal of officials accused of bungling the
            # August 8 polls") dates that clause's event, not this one.
            local = [t for t, steps, foreign in scored if not foreign]
            if local:
                return _to_date(min(local, key=lambda t: (_rank(t), abs(t.start - start))))
    # the paragraph's current reference date: the last dated expression before the trigger
    para_start = article.text.rfind("\n", 0, start) + 1
    earlier = [t for t in usable if para_start <= t.start < start and t.type != "DURATION"]
    if earlier:
        reference = earlier[-1]
        after, outcome = _after_clause(doc, start, end) if parsed else (False, False)
        nominal = _nominal_trigger(doc, start, end) if parsed else False
        same_sentence = sent is not None and sent.start_char <= reference.start < sent.end_char
        if after and not outcome and reference.interval.start is not None and not (same_sentence and nominal):
            # "The meeting comes just days after Israel assassinated X": the event precedes the
            # reference date by an unstated span; say so rather than give it the meeting's day.
            # Not so when the date opens the event's own sentence ("On 19 March, two soldiers
            # were killed following an attack") or the clause is the harm's cause ("one dead
            # after two groups clashed"): the attack and the clash are that day's event.
            ref = reference.interval.start
            return EventDate(
                ref - dt.timedelta(days=BEFORE_REFERENCE_DAYS), ref - dt.timedelta(days=1), "month",
                reference.text, (reference.start, reference.end),
            )
        return _to_date(reference)
    pub = article.published
    if pub is None:
        return EventDate(None, None, "unknown")
    # Only the report dates it: it happened on the publication day or, with the news cycle's usual
    # lag, the day before. The interval says exactly that; the precision says where it came from.
    return EventDate(pub - dt.timedelta(days=REPORTING_LAG_DAYS), pub, "reported")
