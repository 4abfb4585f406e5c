"""Putting detection and the grammar together over one article.

Candidates come from the patterns and spaCy's entities; each is normalised in text order with its
context: the governing verb's tense, the words before it, and the narrative's reference date (the
last day-precise date earlier in the same paragraph, or anywhere before for explicitly relative
expressions such as "the following day").
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

from truce.records import Article, Interval, TimeExpression
from truce.time.calendar import value_interval
from truce.time.context import CLOCK_WITHOUT_DAY, RELATIVE_TO_EVENT, Context
from truce.time.detect import (Candidate, is_age, is_count, is_name, is_not_time, is_tenure, pattern_spans,
                               resolve_overlaps)
from truce.time.lexicon import MONTHS
from truce.time.normalise import normalise
from truce.time.tense import tense_at

log = logging.getLogger(__name__)

_TRIM_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|since|until|till|before|after|during|from|for|over|through|throughout|within|"
    r"around|about|of|as of|to|between|just|only|approximately|nearly|almost|more than|less than|some|"
    r"roughly|barely|under|and|or|than|up to|as early as|as late as)\s+)+",
    re.I,
)
_TIME_WORD = re.compile(
    r"\b(?:[0-9]{4}|today|tonight|yesterday|tomorrow|now|ago|later|earlier|recent\w*|"
    r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur)\w*|"
    r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    r"mon\w*|tue\w*|wed\w*|thu\w*|fri\w*|sat\w*|sun\w*|morning|afternoon|evening|noon|midnight|"
    r"spring|summer|autumn|winter|season|past|future|annual\w*|daily|weekly|monthly)\b",
    re.I,
)
_PERIOD = re.compile(r"\bperiod\b", re.I)
_NARRATIVE_WORDS = re.compile(r"\b(?:following|next|previous|preceding|same|that|later|earlier|before|after)\b", re.I)
# a part of the day with no day of its own ("in the morning", "overnight") belongs to the narrative's
# current day, which may have been named in an earlier paragraph
_DAYLESS_PART = re.compile(r"(?i)(?:(?:the|early|late|mid)[\s-]+)?(?:morning|afternoon|evening|night|dawn|dusk|daybreak)$"
                           r"|overnight$")
_NEWS_DAYS = 7
_CITATION = re.compile(r"\([^()]*,\s*$")
_APPOSED = re.compile(r"(?i)the\s+(?:day|night)\s+(?:before|after)")
_APPOSITION = re.compile(r"\s*,\s*")
_EVENT_AFTER = re.compile(r"\s+(?!(?:and|or|but|when|as|while)\b)[A-Za-z]")  # a noun phrase or clause follows
_LEAD_WORDS = 4
_NARRATIVE_REACH = 300  # characters within which an explicit year carries over to a bare month-day
_QUARTER_REACH = 1000  # characters within which a quarter sets the granularity of "a year earlier"
# another reporting period ("the nine months", "the first half", "the year ended ...") ends the quarter's view
_OTHER_PERIOD = re.compile(r"P(?:[2-9]|1[01])M|P1Y|[0-9]{4}-H[12]")
_SAME_PERIOD = re.compile(r"(?i)the\s+(?:year-earlier|year-ago|comparable|corresponding|same)\s+period")
_YEAR_BACK = re.compile(r"\b(?:a|one) year (?:ago|earlier|before)\b|\byear[- ](?:earlier|ago)\b", re.I)
# spaCy labels these DATE, but alone they describe a thing ("quarterly results"), not a time
_NOT_ALONE = {"quarterly", "seasonal", "annual", "daily life", "the day", "the time", "time"}


def find_candidates(doc, text: str) -> list[Candidate]:
    """Pattern matches plus the spaCy DATE/TIME entities no pattern explains."""
    cands = pattern_spans(text)
    extra: list[Candidate] = []
    for ent in getattr(doc, "ents", ()):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        if end <= start or is_age(text[start:end]) or text[start:end] in ("march", "may"):
            continue  # "watch the Americans march away": months are written with a capital
        overlapping = [c for c in cands if c.start < end and start < c.end]
        if not overlapping:
            if _TIME_WORD.search(text[start:end]) and text[start:end].lower() not in _NOT_ALONE:
                extra.append(Candidate(start, end, "spacy", ent.label_))
            continue
        lo = min(c.start for c in overlapping)
        hi = max(c.end for c in overlapping)
        if start <= lo and hi <= end and (end - start) > (hi - lo) and len(overlapping) == 1:
            # spaCy's span is longer: take it only if the grammar reads the whole of it
            probe = normalise(text[start:end], Context(None))
            if probe.reason is None or not probe.reason.startswith("not understood"):
                for c in overlapping:
                    cands.remove(c)
                extra.append(Candidate(start, end, "spacy", ent.label_))
    if extra:
        cands = resolve_overlaps(cands + extra)
    kept = [c for c in cands if not is_name(text, c.start, c.end) and not is_count(text, c.start, c.end)
            and not is_not_time(text, c.start, c.end) and not is_tenure(text, c.start, c.end)]
    for c in kept:
        c.start = _without_article(text, c.start, c.end)
    # "most recently last October": the date says when; "recently" only ranks it
    return [c for i, c in enumerate(kept) if not (
        text[c.start:c.end].lower() == "recently" and i + 1 < len(kept) and text[c.end:kept[i + 1].start] == " ")]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    m = _TRIM_LEAD.match(piece)
    if m:
        start += m.end()
    while end > start and text[end - 1] in " ,.;:'’\n":
        end -= 1
    if text[start:end].lower().endswith(("'s", "’s")):
        end -= 2
    return _without_article(text, start, end), end


def _without_article(text: str, start: int, end: int) -> int:
    """The start of the span without an article before an adjectival duration: in "The 60-day truce"
    the duration is the adjective, the article belongs to the noun."""
    m = _ARTICLE_BEFORE_ADJECTIVE.match(text, start, end)
    return m.end() if m else start


_ARTICLE_BEFORE_ADJECTIVE = re.compile(
    r"(?i:the|an?)\s+(?=[\w.]+-(?:second|minute|hour|day|night|week|month|year|decade)s?(?:-(?:old|long))?$)"
)


def _under_since(doc, start: int, end: int) -> bool:
    """The expression hangs, through nouns and prepositions only, on a "since" a few words before it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    node = span.root
    for _ in range(5):
        if node.head == node:
            return False
        node = node.head
        if node.lower_ == "since" and node.i < span.start:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return False
    return False


_MONTH_DAY = re.compile(r"([a-z]{3})[a-z]*\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?\b|([0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3})")


_MONTH_KEYS = {m[:3] for m in MONTHS}


def _same_date_key(text: str) -> str | None:
    """"Jan. 14", "January 14th" and "14 January" share the key "jan-14"."""
    m = _MONTH_DAY.search(text.lower())
    if not m:
        return None
    month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    if month not in _MONTH_KEYS:
        return None
    return f"{month}-{int(day)}"


# earnings reports name a period by its last day: "the year ended Aug. 31", "the quarter ending June 30"
_ENDED = re.compile(r"\s+(?:ended|ending)\s+((?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2}|[0-9]{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+[0-9]{4})?)")


def _period_ended(te: TimeExpression, end_text: str, article: Article) -> TimeExpression:
    """"the year ended Aug. 31" is a year-long period (``P1Y``, TIMEX3 writes the length when the
    calendar year is not meant); "the quarter ended July 31" is the calendar quarter holding most of
    the three months to that day (``…-Q2``)."""
    end = normalise(end_text, Context(article.published, "past"))
    day = end.interval.end if end.interval is not None and end.precision == "day" else None
    if te.text.lower().endswith("year"):
        interval = Interval(day - dt.timedelta(days=364), day) if day is not None else None
        return replace(te, type="DURATION", value="P1Y", interval=interval, precision="year", anchor=None)
    if day is None:
        return te
    middle = day - dt.timedelta(days=45)
    value = f"{middle.year:04d}-Q{(middle.month - 1) // 3 + 1}"
    interval, precision = value_interval(value)
    return replace(te, value=value, interval=interval, precision=precision, anchor="absolute")


# a dated report of something earlier: "On 3 December 2019, it was reported that ...", "On 25
# November, sources said that ...": words like "last week" or "two months ago" in what follows count
# from the report's day, not from the article's
_REPORTED_THAT = re.compile(
    r",?\s+(?:it\s+(?:was|has\s+been)\s+(?:reported|announced|confirmed|claimed)"
    r"|(?:[\w'-]+\s+){1,4}(?:reported|said|told\s+[\w\s]{1,30}?|announced|stated|claimed|confirmed))"
    r"\s+that\b", re.I)


def _names_a_thing(doc, start: int, end: int) -> bool:
    """The expression stands before a noun it modifies ("the August 1988 cease-fire"): it labels a
    thing rather than moving the narrative to that year."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any(t.dep_ in ("compound", "nmod", "amod") and t.head.i >= span.end and t.head.pos_ in ("NOUN", "PROPN")
               for t in span)


def _news_day(day, published: dt.date | None) -> bool:
    """The day is the news of the week before publication, not the backstory ("The embassy bombings,
    on Aug. 7, ..." two weeks earlier): a part of the day in a later paragraph may belong to it."""
    return published is not None and 0 <= (published - day).days <= _NEWS_DAYS


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def normalise_candidates(doc, article: Article, cands: list[Candidate], *, keep_all: bool = False
                         ) -> list[TimeExpression]:
    text = article.text
    out: list[TimeExpression] = []
    last_day: tuple[int, object] | None = None  # (start offset, date) of the last day-precise date
    last_absolute: tuple[int, object] | None = None  # ... of the last date written with its year
    seen: dict[str, TimeExpression] = {}  # month-day expressions already resolved, by their words
    last_quarter: tuple[int, str] | None = None  # (start offset, quarter number) of the last quarter
    last_dated: tuple[int, object] | None = None  # (start offset, first day) of the last dated expression
    last_period: tuple[int, str] | None = None  # (start offset, length) of the last reporting period ("the nine months")
    parsed = doc is not None and doc.has_annotation("DEP")
    reported: tuple[int, int, dt.date] | None = None  # (from, to, day) of a report's own date in force
    for c in cands:
        piece = text[c.start : c.end]
        before = text[max(0, c.start - 40) : c.start].split()
        lead = " ".join(before[-_LEAD_WORDS:]).lower()
        tense = tense_at(doc, c.start, c.end) if doc is not None else None
        if _CITATION.search(text[max(0, c.start - 120):c.start]) and text[c.end:c.end + 1] == ")":
            tense = None  # "(Letters, 19 April)": a citation's date, which no verb governs
        if parsed and "since" not in lead.split() and _under_since(doc, c.start, c.end):
            lead = (lead + " since").strip()  # "since the outbreak of war on October 8, 2023"
        para = _paragraph_start(text, c.start)
        previous = None
        if last_day is not None and (last_day[0] >= para or _NARRATIVE_WORDS.search(piece) or c.source == "clock"
                                     or (_DAYLESS_PART.match(piece) and _news_day(last_day[1], article.published))):
            previous = last_day[1]
        absolute = None
        if last_absolute is not None and last_absolute[0] >= para and c.start - last_absolute[0] <= _NARRATIVE_REACH:
            absolute = last_absolute[1]
        quarter = None
        if last_quarter is not None and (c.start - last_quarter[0] <= _QUARTER_REACH or _PERIOD.search(piece)):
            # the quarter in view; "the year-earlier period", "the latest period" name the report's
            # period wherever they stand in it
            quarter = int(last_quarter[1])
        coarse = None
        if last_dated is not None and (last_dated[0] >= para or _NARRATIVE_WORDS.search(piece)):
            coarse = last_dated[1]
        published = article.published
        if reported is not None and reported[0] <= c.start < reported[1]:
            published = reported[2]  # "On 3 December, it was reported that 'last week' ...": that day's "last week"
        te = normalise(piece, Context(published, tense, previous, absolute=absolute, lead=lead,
                                      quarter=quarter, coarse=coarse), start=c.start, type_hint=c.label)
        if published != article.published and te.anchor == "published":
            te = replace(te, anchor=f"previous:{published.isoformat()}")
        if not keep_all and te.reason and te.reason.startswith("not understood") and \
                c.source not in ("date", "numeric", "year", "weekday", "given"):
            continue
        if out and _APPOSED.fullmatch(piece) and _APPOSITION.fullmatch(text[out[-1].end : c.start]) \
                and out[-1].precision == "day" and out[-1].interval is not None and not out[-1].deadline:
            # "Oct. 12, the day before the stock market plunge": the same day, said again by an event
            first = out[-1]
            te = replace(te, type=first.type, value=first.value, interval=first.interval, precision="day",
                         anchor=f"previous:{first.interval.start.isoformat()}", reason=None)
        elif _APPOSED.fullmatch(piece) and _EVENT_AFTER.match(text, c.end) and te.reason is None:
            # "Kidnapped the day after Ayyub's third birthday": a day counted from an event, not from
            # the narrative's last date
            te = replace(te, reason=RELATIVE_TO_EVENT)
        key = _same_date_key(piece)
        if key and te.precision == "day" and te.value and te.value[:1].isdigit():
            first = seen.get(key)
            if first is None:
                seen[key] = te
            elif first.value != te.value and not re.search(r"[0-9]{4}", piece):
                # the same month and day written again in one article is the same date
                te.value, te.interval = first.value, replace(first.interval, end=te.interval.end) \
                    if te.deadline or te.open_ended else first.interval
                te.anchor = f"previous:{first.value}"
        if (ended := _ENDED.match(text, c.end)) and re.fullmatch(r"(?i)the (?:fiscal |financial )?(?:year|quarter)", piece):
            te = _period_ended(te, ended.group(1), article)
        if last_quarter is not None and c.start - last_quarter[0] <= _QUARTER_REACH and te.value \
                and re.fullmatch(r"[0-9]{4}", te.value) and _YEAR_BACK.search(piece):
            # "third-quarter profit fell from $5 million a year earlier": the same quarter a year back
            te.value = f"{te.value}-Q{last_quarter[1]}"
            te.interval, te.precision = value_interval(te.value)
        if te.value and re.fullmatch(r"[0-9]{4}-Q[1-4]", te.value):
            if last_quarter is None or c.start - last_quarter[0] > _QUARTER_REACH:
                last_quarter = (c.start, te.value[-1])
            else:
                # the report's quarter, named first, stays in view when another is mentioned in passing
                # ("third-quarter net rose ... After a flat second quarter ... the year-earlier period")
                last_quarter = (c.start, last_quarter[1])
        elif te.value and _OTHER_PERIOD.fullmatch(te.value):
            last_quarter = None  # "Net for the nine months was ... a year earlier": that period, not the quarter
            last_period = (c.start, te.value) if te.value.startswith("P") else None
        if last_quarter is None and last_period is not None and te.start - last_period[0] <= _QUARTER_REACH \
                and _SAME_PERIOD.fullmatch(piece):
            # "Net for the nine months ... In the year-earlier period": the same length of time, a year back,
            # as TimeBank writes it (P9M)
            te = replace(te, type="DURATION", value=last_period[1])
        out.append(te)
        # "Three days later" is written as its length (P3D) but lands on a day the narrative goes on from
        landed = te.type == "DURATION" and bool(te.anchor) and te.anchor.startswith("previous:")
        if te.interval is None or (te.type not in ("DATE", "TIME") and not landed) or not te.value \
                or not (te.value[:1].isdigit() or landed):
            continue
        if te.precision == "day" and te.anchor == "absolute" and (said := _REPORTED_THAT.match(text, c.end)):
            sentence_end = text.find(". ", said.end())
            reported = (said.end(), len(text) if sentence_end < 0 else sentence_end, te.interval.start)
        if te.reason in (CLOCK_WITHOUT_DAY, RELATIVE_TO_EVENT):
            continue  # a guess ("6pm" with no day, "the day after ...") anchors nothing after it
        if not te.deadline and te.interval.start is not None and te.precision != "unknown":
            last_dated = (c.start, te.interval.start)
        if te.precision == "day" and not te.deadline and not te.open_ended and te.interval.start == te.interval.end:
            last_day = (c.start, te.interval.start)
        if te.anchor == "absolute" and te.precision in ("day", "month") and te.interval.start is not None \
                and not (parsed and _names_a_thing(doc, c.start, c.end)):
            last_absolute = (c.start, te.interval.start)
    return _share_sets(text, out)


_WEEKDAY_ALONE = re.compile(r"(?i)(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_WEEKDAY_CODE = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}


def _share_sets(text: str, out: list[TimeExpression]) -> list[TimeExpression]:
    """"on Monday and Tuesday nights": the plural that makes the second weekday a recurring time makes
    the first one recurring too."""
    for i in range(len(out) - 1):
        te, nxt = out[i], out[i + 1]
        m = _WEEKDAY_ALONE.fullmatch(te.text)
        if m and nxt.type == "SET" and nxt.value and nxt.value.startswith("XXXX-WXX-") and \
                re.fullmatch(r"\s*(?:and|or|,)\s*", text[te.end:nxt.start]):
            suffix = nxt.value[len("XXXX-WXX-") + 1:]
            out[i] = replace(te, type="SET", value=f"XXXX-WXX-{_WEEKDAY_CODE[m.group(1).lower()]}{suffix}",
                             interval=None, precision="unknown", anchor=None, reason="a recurring time, not one date")
    return out
