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

from truce.annotate import doc_text, in_dateline
from truce.records import Article, EventDate, TimeExpression
from truce.time.context import CLOCK_WITHOUT_DAY, RELATIVE_TO_EVENT
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
    return (t.type == "DURATION" and not _shifted(t), t.open_ended, order)  # "three days later" is a day


_SHIFT = re.compile(r"\b(?:before|after|previous|preceding|following|next|earlier|later|prior)\b", re.I)


def _shifted(t: TimeExpression) -> bool:
    """Counted from another date in the text: "the day before", "the previous day"."""
    return _read_from_another(t) and bool(_SHIFT.search(t.text))


def _read_from_another(t: TimeExpression) -> bool:
    """Anchored on another date of the text rather than named outright ("overnight" after "On 5 June")."""
    return bool(t.anchor and t.anchor.startswith("previous:"))


def _to_date(t: TimeExpression) -> EventDate:
    assert t.interval is not None
    return EventDate(t.interval.start, t.interval.end, t.precision, t.text, (t.start, t.end))


def _sentence(doc, pos: int):
    for s in doc.sents:
        if s.start_char <= pos < s.end_char:
            return s
    return None


# nouns naming another event: a date reaching the trigger through one of them dates that event ("teachers
# gathered to protest the murder of a colleague on October 13th": the 13th is the murder's day)
_EVENT_NOUNS = {
    "murder", "killing", "killings", "death", "deaths", "attack", "attacks", "arrest", "arrests", "shooting",
    "abduction", "kidnapping", "raid", "raids", "strike", "strikes", "bombing", "assassination", "events",
    "event", "incident", "acquittal", "ruling", "verdict", "decision", "election", "elections", "polls",
    "clash", "clashes", "violence", "demolition", "eviction", "evictions", "ban", "dismissal", "sacking",
}


_ABOVE = 20  # added to the steps of a date that reaches the trigger only through a clause above it


def _attachment(doc, t: TimeExpression, trigger_tokens, trigger_verb, ancestors=()) -> tuple[int, bool]:
    """How the expression hangs on the trigger: (steps up the parse to reach it, or 99; and whether
    it first reaches a verb of another clause, as "the previous day" in "fires were lit after a man
    was shot the previous day" reaches "shot" before "lit"). A verb whose clause holds the trigger
    ("On 19 March, 3 were killed following an attack") governs it too, one step further; a relative
    clause of the trigger ("demonstrations that spread across 1-2 December") is no other clause; a
    date reaching the trigger through an event noun it governs ("protested the murder ... on
    October 13th") is that event's."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return 99, False
    node = span.root
    foreign = _past_another_clause(doc, trigger_tokens, span)
    through_event = False
    for steps in range(8):
        if node in trigger_tokens or (trigger_verb is not None and node == trigger_verb):
            return steps, foreign or through_event
        if node in ancestors and not foreign:
            return steps + 1 + _ABOVE, False
        if node.pos_ in ("VERB", "AUX") and node not in span and node.dep_ not in ("aux", "auxpass") and \
                not (node.dep_ in ("relcl", "acl") and node.head in trigger_tokens):
            foreign = True
        if node.pos_ == "NOUN" and node not in span and node.lower_ in _EVENT_NOUNS and \
                node.head in trigger_tokens | ({trigger_verb} if trigger_verb is not None else set()) | \
                {c for tok in trigger_tokens for c in tok.children if c.dep_ == "prep"}:
            through_event = True
        if node.dep_ == "prep" and (node.head in trigger_tokens or node.head == trigger_verb) and any(
                c.dep_ == "dobj" and c.lower_ in _EVENT_NOUNS and c.i < node.i for c in node.head.children):
            # "protested the killing of a student by a mob on 7 Oct": the parser hangs the date on the
            # verb, but after an event noun as its object it is that event's
            through_event = True
        if node.head == node:
            break
        node = node.head
    return 99, foreign or through_event or _verb_of(span.root) is not None


_CLAUSE_MARKERS = {"after", "following", "because", "when", "since", "as"}


def _past_another_clause(doc, trigger_tokens, span) -> bool:
    """The expression comes after a subordinate clause that follows the trigger and has a verb of
    its own ("residents protest over insecurity after a child had gone missing several days earlier"):
    whatever the parser says, it dates that clause's event."""
    if not trigger_tokens:
        return False
    last = max(tok.i for tok in trigger_tokens)
    marker = None
    for tok in doc[last + 1 : span.start]:
        if tok.is_sent_start:
            return False
        if marker is None and tok.lower_ in _CLAUSE_MARKERS and tok.dep_ in ("mark", "prep"):
            marker = tok
        elif marker is not None and tok.pos_ == "VERB":
            return True
    return False


def _labels_a_thing(doc, t: TimeExpression, trigger_tokens) -> bool:
    """A year or month that names a thing rather than when this event happened: "the 2017 General
    Election", "the March 2012 bombing", "the 2007 elections" (a modifier of a noun other than the
    trigger)."""
    if t.precision not in ("month", "quarter", "season", "year", "decade", "century"):
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    # the word that attaches the expression (a determiner it swallowed belongs to the noun: "the
    # March 2012 bombing")
    roots = [tok for tok in span if tok.head not in span and tok.dep_ != "det"] or [span.root]
    root = roots[0]
    return root.dep_ in ("compound", "nmod", "amod", "nummod") and root.head not in span and \
        root.head.pos_ in ("NOUN", "PROPN") and root.head not in trigger_tokens


def _ancestors(tspan) -> set:
    """The verbs whose clauses hold the trigger: up from it, past "after"/"following" phrases and
    subordinate clauses, to the sentence's root."""
    out = set()
    node = tspan.root
    for _ in range(8):
        if node.head == node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            out.add(node)
    return out


BEFORE_REFERENCE_DAYS = 31  # "days/weeks after X": X is taken to lie within the month before
_BEFORE_MARKERS = {"after", "following", "since"}
_GAP = re.compile(r"(?:\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s+)?"
                  r"\b(?P<unit>days?|weeks?|months?)\s*$", re.I)
_GAP_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10}


def _after_gap(doc, start: int, end: int):
    """The trigger sits in a clause or phrase headed by "after"/"following" that a span of time
    precedes ("just days after Israel assassinated X", "two days after the attack"): it names an
    earlier event, that long before the date the sentence is about. Returns (count or None, unit
    letter, the marker's offset) or None. Without a span ("were killed following an attack", "one dead after two groups
    clashed") the two are one occasion and nothing moves."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    node = span.root
    for _ in range(6):
        marker = next((c for c in node.children if c.dep_ == "mark" and c.lower_ in _BEFORE_MARKERS), None)
        if marker is None and node.dep_ == "pobj" and node.head.lower_ in _BEFORE_MARKERS:
            marker = node.head
        if marker is not None:
            before = doc_text(doc)[max(0, marker.idx - 30):marker.idx]
            m = _GAP.search(before)
            if not m:
                return None
            n = _GAP_NUMBERS.get((m.group("n") or "").lower()) if not (m.group("n") or "").isdigit() \
                else int(m.group("n"))
            return n, m.group("unit")[0].upper(), marker.idx
        if node.dep_ in ("ROOT", "ccomp", "conj") or node.head == node:
            return None
        node = node.head
    return None


def _before(when: EventDate, gap) -> EventDate:
    """The event ``gap`` before ``when``: exactly that many days or weeks when counted, else
    somewhere in the month before."""
    ref = when.start
    if ref is None:
        return when
    n, unit, _ = gap
    if n is not None and unit in ("D", "W") and when.precision == "day":
        day = ref - dt.timedelta(days=n * (7 if unit == "W" else 1))
        return EventDate(day, day, "day", when.text, when.span)
    return EventDate(ref - dt.timedelta(days=BEFORE_REFERENCE_DAYS), ref - dt.timedelta(days=1), "month",
                     when.text, when.span)


def date_event(doc, article: Article, trigger: tuple[int, int], times: list[TimeExpression]) -> EventDate:
    """The date of the event whose trigger spans ``trigger`` (character offsets into the article)."""
    start, end = trigger
    usable = [t for t in times if _usable(t)]
    parsed = doc is not None and doc.has_annotation("DEP")
    sent = _sentence(doc, start) if parsed else None
    if sent is not None:
        # a dateline ("KHARTOUM, June 14 (Reuters) -") says when the report was filed, not when the
        # events of its sentence happened; it stays the paragraph's reference date below
        inside = [t for t in usable if sent.start_char <= t.start < sent.end_char
                  and not in_dateline(doc, t.start)]
        if inside:
            tspan = doc.char_span(start, end, alignment_mode="expand")
            trigger_tokens = set(tspan) if tspan is not None else set()
            trigger_verb = _verb_of(tspan.root) if tspan is not None and len(tspan) else None
            ancestors = _ancestors(tspan) if tspan is not None and len(tspan) else set()
            # a year or month naming a thing ("the 2017 General Election") dates no event, governing or not
            inside = [t for t in inside if not _labels_a_thing(doc, t, trigger_tokens)]
            scored = [(t, *_attachment(doc, t, trigger_tokens, trigger_verb, ancestors)) for t in inside]
            governing = [(t, steps) for t, steps, foreign in scored if steps < 99 and not foreign]
            if governing:
                # a precise occurrence first, then the closest attachment, then the nearest in the text
                # and a date named outright before one counted from another ("On 30 June, protesters lit
                # fires after a man was shot the previous day": the shooting is the previous day's event)
                # a date of the trigger's own clause comes before one of a clause above it ("killed
                # three on Saturday, the latest attack since a ceasefire took effect in November":
                # the ceasefire's date is November)
                # and, at the same precision, a date named outright before a time read from it ("On 5
                # June, militants raided Solhan overnight": ACLED codes 5 June, not the night's eve)
                best = min(governing, key=lambda ts: (ts[1] >= _ABOVE, _rank(ts[0]), _shifted(ts[0]),
                                                      _read_from_another(ts[0]), ts[1], abs(ts[0].start - start)))[0]
                gap = _after_gap(doc, start, end)
                if gap and best.start < gap[2]:  # a date inside the "after" clause is its own event's
                    return _before(_to_date(best), gap)
                return _to_date(best)
            # else the nearest that belongs to no other clause. A date attached to another clause
            # ("lit bonfires as they demanded the removal of officials accused of bungling the
            # August 8 polls") dates that clause's event, not this one.
            local = [t for t, steps, foreign in scored if not foreign]
            if local:
                return _to_date(min(local, key=lambda t: (_rank(t), abs(t.start - start))))
    # the paragraph's current reference date: the last dated expression before the trigger
    para_start = article.text.rfind("\n", 0, start) + 1
    earlier = [t for t in usable if para_start <= t.start < start and t.type != "DURATION"
               and not (parsed and _labels_a_thing(doc, t, set()))]
    if earlier:
        reference = earlier[-1]
        gap = _after_gap(doc, start, end) if parsed else None
        if gap and reference.interval.start is not None:
            # "The meeting comes just days after Israel assassinated X": the event precedes the
            # reference date by the span named; unstated, it lies somewhere in the month before.
            return _before(_to_date(reference), gap)
        return _to_date(reference)
    pub = article.published
    if pub is None:
        return EventDate(None, None, "unknown")
    # Only the report dates it: it happened on the publication day or, with the news cycle's usual
    # lag, the day before. The interval says exactly that; the precision says where it came from.
    return EventDate(pub - dt.timedelta(days=REPORTING_LAG_DAYS), pub, "reported")
