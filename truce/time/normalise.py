"""The time grammar: one time expression's text → a TIMEX3 value, type, interval and precision.

The expression is cleaned (lower case, abbreviations without full stops, leading prepositions and
modifiers set aside) and matched against a cascade of rules, most specific first. Each rule resolves
against a ``Context``: the publication date, the tense of the verb that governs the expression, and
the narrative's reference date (the last day-precise date before it in the text), so "on Wednesday"
in a past-tense report means the Wednesday before publication and "the following day" means the day
after the previous date.

Nothing here raises on bad input: an expression that cannot be resolved is returned with precision
"unknown" and a ``reason``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace

from truce.records import Interval, TimeExpression
from truce.time import calendar as cal
from truce.time.numbers import duration_value, number, spoken_year, unit_code
from truce.time.lexicon import (
    MONTHS,
    ONES,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TENS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)

from truce.time.clean import DEADLINE_LEAD, LEAD_RE, MOD_RE, clean, rewrite
from truce.time.context import (
    CLOCK_WITHOUT_DAY,
    MAX_YEAR,
    MIN_YEAR,
    RELATIVE_TO_EVENT,
    Context,
    _check_year,
    _date,
    _PUBLICATION_SLACK_DAYS,
    _make_date,
    _need,
    _ref,
    _resolve_month,
    _resolve_month_day,
    _resolve_season,
    _resolve_weekday,
    _Result,
    _Unresolvable,
    _valid,
    _year,
    _quarter_year,
)

log = logging.getLogger(__name__)


# --- rule fragments ---------------------------------------------------------------------------

_M = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_M2 = "(?P<month2>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WD = "(?P<wd>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_D = r"(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?"
_D2 = r"(?P<day2>[0-9]{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>[0-9]{4}|'[0-9]{2})"
_ORD = "(?P<ord>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|[0-9]{1,2}(?:st|nd|rd|th))"
_NUM = (r"(?P<num>(?:(?:a|an|one|(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(ONES) + r"))?|"
        + "|".join(sorted(ONES, key=len, reverse=True)) + r") (?:hundred|thousand))|"
        r"[0-9][0-9,]*(?:\.[0-9]+)?|(?:a|an|one) and a half|half an?|a couple of|a couple|couple of|"
        r"a dozen|dozen|(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(ONES) + r"))?|"
        + "|".join(sorted(ONES, key=len, reverse=True)) + r"|a|an|"
        + "|".join(sorted(VAGUE_NUMBERS, key=len, reverse=True)) + ")")
_U = (r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|"
      r"months?|quarters?|years?|yrs?|decades?|century|centuries)")
_SEASON = "(?P<season>" + "|".join(SEASONS) + ")"
_POD = "(?P<pod>morning|afternoon|evening|night|overnight|midday|dawn|dusk|early hours|daybreak)"
_POD2 = _POD.replace("<pod>", "<pod2>")
_TIME = (r"(?P<hour>[0-9]{1,2})(?:[:.](?P<minute>[0-9]{2}))?\s?(?P<ampm>am|pm)?"
         r"(?:\s(?P<tz>gmt|utc|est|edt|cst|pst|cet|local time|local))?")


# --- the rules --------------------------------------------------------------------------------

_LOOKING_AHEAD = {"will", "would", "could", "might", "may", "can", "shall", "should", "must", "to", "'ll"}
_REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "the present": "PRESENT_REF", "present": "PRESENT_REF",
    "the moment": "PRESENT_REF", "this time": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "this moment": "PRESENT_REF", "a later date": "FUTURE_REF", "a future date": "FUTURE_REF",
    "more recently": "PAST_REF", "most recently": "PAST_REF",
    "so far": "PRESENT_REF", "to date": "PRESENT_REF", "as yet": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "formerly": "PAST_REF", "the past": "PAST_REF", "past": "PAST_REF", "earlier": "PAST_REF",
    "once": "PAST_REF", "in the past": "PAST_REF", "the time": "PAST_REF", "then": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the longer term": "FUTURE_REF", "shortly": "FUTURE_REF", "later": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the days ahead": "FUTURE_REF", "the weeks ahead": "FUTURE_REF",
    "the months ahead": "FUTURE_REF", "the years ahead": "FUTURE_REF", "the coming weeks": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "then current": "PAST_REF", "then-current": "PAST_REF",
}

_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year day": (1, 1),
    "new years day": (1, 1), "new year's day": (1, 1), "new year eve": (12, 31), "new years eve": (12, 31),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine day": (2, 14), "valentines day": (2, 14),
    "boxing day": (12, 26), "independence day": (7, 4), "labor day": None, "thanksgiving": None,
    "thanksgiving day": None, "easter": None, "easter sunday": None, "easter monday": None,
    "good friday": None, "easter week": None, "easter weekend": None,
    "election day": None,  # the United States' federal Election Day
}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    offset = (weekday - first.isoweekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def _holiday(name: str, year: int | None, ctx: Context) -> dt.date:
    def on(y: int) -> dt.date:
        if name.startswith("thanksgiving"):
            return _nth_weekday(y, 11, 4, 4)
        if name == "election day":  # the Tuesday after the first Monday of November
            return _nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1)
        if name in ("easter", "easter sunday", "easter week", "easter weekend"):
            return cal.easter(y)
        if name == "good friday":
            return cal.easter(y) - dt.timedelta(days=2)
        if name == "easter monday":
            return cal.easter(y) + dt.timedelta(days=1)
        if name == "labor day":
            return _nth_weekday(y, 9, 1, 1)
        month, day = _HOLIDAYS[name]
        return dt.date(y, month, day)

    if year is not None:
        _check_year(year)
        return on(year)
    ref = _need(ctx)
    return cal.choose([on(y) for y in (ref.year - 1, ref.year, ref.year + 1)], ref, ctx.tense)


def _time_value(m: re.Match) -> str | None:
    hour = int(m.group("hour"))
    minute = int(m.group("minute") or 0)
    ampm = m.group("ampm")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def _time_of_narrative_day(clock: str, ctx: Context) -> _Result:
    """A time of day with no day of its own: on the narrative's current day; with none before it,
    a guess on the publication day that dates no event (``CLOCK_WITHOUT_DAY``)."""
    d = _ref(ctx)
    anchor = "published" if ctx.previous is None else f"previous:{ctx.previous.isoformat()}"
    res = _Result("TIME", f"{d.isoformat()}T{clock}", dt_interval(d), "day", anchor)
    if ctx.previous is None:
        res.reason = CLOCK_WITHOUT_DAY
    return res


def _rules(s: str, ctx: Context) -> _Result | None:  # noqa: C901 - a flat cascade reads best
    full = re.fullmatch
    # ISO and numeric dates
    if m := full(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:t([0-9]{2}:[0-9]{2}))?", s):
        d = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m.group(4):
            return _Result("TIME", f"{d.isoformat()}T{m.group(4)}", dt_interval(d), "day", "absolute")
        return _date(d.isoformat(), "absolute")
    if m := full(r"([0-9]{4})-([0-9]{2})", s):
        _check_year(int(m.group(1)))
        if 1 <= int(m.group(2)) <= 12:
            return _date(s, "absolute")
    if m := full(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4})", s):
        year = _year(m.group(3) if len(m.group(3)) == 4 else "'" + m.group(3), ctx.published)
        a, b = int(m.group(1)), int(m.group(2))
        readings = [(year, a, b), (year, b, a)] if a != b else [(year, a, b)]  # month/day, day/month
        valid = [dt.date(*r) for r in readings if _valid(*r)]
        if not valid:
            _make_date(year, a, b)  # raises with the reason
        # US (month/day) or British (day/month) order: the reading nearest the publication date,
        # and not after it unless the verb looks ahead
        pub = ctx.published
        if pub is not None and len(valid) > 1:
            ok = [v for v in valid if v <= pub + dt.timedelta(days=_PUBLICATION_SLACK_DAYS)] \
                if ctx.tense != "future" else valid
            picked = min(ok or valid, key=lambda v: abs((v - pub).days))
        else:
            picked = valid[0]
        return _date(picked.isoformat(), "absolute")
    # a day and month in figures without a year, as field reports write them ("on the evening of
    # 14/01"): the day/month or month/day reading nearest the publication date, not after it unless
    # the verb looks ahead
    if m := full(r"([0-9]{1,2})/([0-9]{1,2})", s):
        a, b = int(m.group(1)), int(m.group(2))
        readings = [(b, a), (a, b)] if a != b else [(a, b)]  # (month, day): day/month first
        picked = []
        for month, day in readings:
            if 1 <= month <= 12 and _valid(2000, month, day):
                picked.append(_resolve_month_day(month, day, ctx))
        if not picked:
            raise _Unresolvable(f"{s} is no day and month")
        pub = ctx.published
        best = min(picked, key=lambda v: abs((v - pub).days)) if pub is not None else picked[0]
        return _date(best.isoformat())
    # full dates: [weekday,] Month D[,] Y | [weekday,] D Month Y | the Dth of Month Y
    if m := (full(rf"(?:{_WD},? )?(?:the )?{_M} {_D},? {_Y}", s)
             or full(rf"(?:{_WD},? )?(?:the )?{_D} (?:of )?{_M},? {_Y}", s)):
        year = _year(m.group("year"), ctx.published)
        d = _make_date(year, MONTHS[m.group("month")], int(m.group("day")))
        return _date(d.isoformat(), "absolute")
    # ranges: between 19 and 23 November, 19-23 November, November 19-23, from November 19 to 23
    if m := (full(rf"(?:between |from )?(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)? ?(?:and|to|-) ?"
                  rf"{_D2} (?:of )?{_M}(?:,? {_Y})?", s)
             or full(rf"(?:between |from )?{_M} (?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)? ?(?:and|to|-) ?"
                     rf"{_D2}(?:,? {_Y})?", s)
             or full(rf"(?:between |from )?{_M} {_D} ?(?:and|to|-) ?{_M2} {_D2}(?:,? {_Y})?", s)):
        month = MONTHS[m.group("month")]
        month2 = MONTHS[m.group("month2")] if "month2" in m.re.groupindex and m.group("month2") else month
        if m.group("year"):
            y = _year(m.group("year"), ctx.published)
            first = _make_date(y, month, int(m.group("day")))
        else:
            first = _resolve_month_day(month, int(m.group("day")), ctx)
        last = _make_date(first.year + (1 if month2 < month else 0), month2, int(m.group("day2")))
        if last < first:
            raise _Unresolvable("the range ends before it starts")
        span = (last - first).days
        value = f"{first.year:04d}-{first.month:02d}" if month == month2 else first.isoformat()
        if " and " in s and not s.startswith("between ") and "between" not in ctx.lead.split()[-1:]:
            value = first.isoformat()  # "April 24 and 25" lists two days: TimeML's first is the first day
        return _Result("DATE", value, Interval(first, last), "week" if span <= 7 else "month", "published")
    # Month D / D Month / the Dth of Month (no year)
    if m := (full(rf"(?:{_WD},? )?(?:the )?{_M} {_D}", s)
             or full(rf"(?:{_WD},? )?(?:the )?{_D} (?:of )?{_M}", s)):
        month, day = MONTHS[m.group("month")], int(m.group("day"))
        if not 1 <= day <= 31:
            raise _Unresolvable(f"day {day} of a month does not exist")
        try:
            dt.date(2000, month, day)  # a leap year: February 29 is a real date
        except ValueError as e:
            raise _Unresolvable(f"{m.group('month').capitalize()} {day} does not exist") from e
        d = _resolve_month_day(month, day, ctx)
        anchor = "published"
        if ctx.absolute is not None and (ctx.published is None or d.year != ctx.published.year):
            anchor = f"previous:{ctx.absolute.isoformat()}"
        return _date(d.isoformat(), anchor)
    if m := full(rf"(?:the )?{_ORD} (?:of )?{_M}", s):
        day = ORDINALS.get(m.group("ord")) or int(re.sub(r"\D", "", m.group("ord")))
        month = MONTHS[m.group("month")]
        try:
            dt.date(2000, month, day)
        except ValueError as e:
            raise _Unresolvable(f"the {m.group('ord')} of {m.group('month').capitalize()} does not exist") from e
        return _date(_resolve_month_day(month, day, ctx).isoformat())
    if m := full(rf"(?:the )?{_M}(?: of)? (?P<rel>this|last|next) year", s):
        year = _need(ctx).year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
        return _date(f"{year:04d}-{MONTHS[m.group('month')]:02d}")
    # Month Y, Month
    if m := full(rf"(?:the )?{_M},? (?:of )?{_Y}", s):
        year = _year(m.group("year"), ctx.published)
        _check_year(year)
        return _date(f"{year:04d}-{MONTHS[m.group('month')]:02d}", "absolute")
    if m := full(rf"(?:the )?(?:(?P<rel>this|last|next|past|coming|previous) )?{_M}", s):
        month = MONTHS[m.group("month")]
        rel = m.group("rel")
        ref = _need(ctx)
        if rel in ("last", "past", "previous"):
            year = ref.year if month < ref.month else ref.year - 1
        elif rel in ("next", "coming"):
            year = ref.year if month > ref.month else ref.year + 1
        elif rel == "this":
            year = ref.year
        else:
            year, month = _resolve_month(month, ctx)
        return _date(f"{year:04d}-{month:02d}")
    # years, decades, centuries
    if re.fullmatch(r"(?:the year )?(?:eighteen|nineteen|twenty|two thousand)\b.*", s) and (year := spoken_year(s)):
        return _date(f"{year:04d}", "absolute")
    if m := full(rf"(?P<pre>(?:fiscal|fy|the year|calendar|financial year|fiscal year|year|calendar year|the) )?{_Y}", s):
        year = _year(m.group("year"), ctx.published)
        if not m.group("pre") and not 1800 <= year <= 2100:
            return None  # a bare number such as "Resolution 1701" is no year
        _check_year(year)
        return _date(f"{year:04d}", "absolute")
    if m := full(r"(?:the )?(?:(?P<c>[0-9]{2})|')?(?P<d>[0-9])0s", s):
        if m.group("c"):
            century = int(m.group("c"))
        else:
            ref_year = ctx.published.year if ctx.published else 2000
            century = ref_year // 100 if int(m.group("d")) <= (ref_year % 100) // 10 else ref_year // 100 - 1
        return _date(f"{century:02d}{m.group('d')}", "absolute")
    if m := full(r"(?:the )?(?:nineteen |eighteen )?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", s):
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
                "nineties": 9}[m.group("w")]
        century = 18 if "eighteen" in s else 19
        return _date(f"{century:02d}{tens}", "absolute")
    if m := full(rf"(?:the )?{_ORD} century", s):
        n = ORDINALS.get(m.group("ord")) or int(re.sub(r"\D", "", m.group("ord")))
        return _date(f"{n - 1:02d}", "absolute")
    # holidays and the new year
    if m := full(r"(?:the )?new year", s):
        ref = _need(ctx)
        year = ref.year if (ref.month == 1 and ref.day <= 15) else ref.year + 1
        return _date(f"{year:04d}-01-01")
    if m := full(r"(?P<h>" + "|".join(sorted((re.escape(k) for k in _HOLIDAYS), key=len, reverse=True))
                 + rf")(?:,? {_Y})?", s):
        year = _year(m.group("year"), ctx.published) if m.group("year") else None
        day = _holiday(m.group("h"), year, ctx)
        if m.group("h") in ("easter week", "easter weekend") and year is None and ctx.published is not None:
            # the week in progress when it holds publication ("as Easter week began")
            this_year = cal.easter(ctx.published.year)
            if this_year - dt.timedelta(days=6) <= ctx.published <= this_year + dt.timedelta(days=1):
                day = this_year
        if m.group("h") == "easter week":
            return _date(cal.iso_week(day))
        if m.group("h") == "easter weekend":
            return _date(cal.iso_week(day) + "-WE")
        return _date(day.isoformat())
    # year-end and friends
    if m := full(r"(?:the )?(?:(?:end of|close of) (?:the )?(?P<u>year|month|week)|(?P<u2>year|month)[- ]?end|"
                 r"(?P<u3>year|month) end|year's end)(?: (?P<year>[0-9]{4}))?", s):
        unit = m.group("u") or m.group("u2") or m.group("u3") or "year"
        ref = _need(ctx)
        if unit == "year":
            year = int(m.group("year")) if m.group("year") else ref.year
            if not m.group("year") and ctx.tense == "past" and "since" in ctx.lead.split()[-1:] \
                    and ctx.published is not None and dt.date(year, 12, 1) > ctx.published:
                year -= 1  # "the change since year-end": the last one passed
            last = dt.date(year, 12, 31)
            # "year-end", the accounts' word, is their last day (as TimeBank writes it); "the end of the
            # year" stays the year, its last weeks the interval
            value = f"{year:04d}-12-31" if "year-end" in s else f"{year:04d}"
            res = _Result("DATE", value, Interval(dt.date(year, 12, 1), last), "month", "published")
        elif unit == "month":
            last = cal.month_end(ref.year, ref.month)
            res = _Result("DATE", f"{ref.year:04d}-{ref.month:02d}", Interval(last.replace(day=max(1, last.day - 9)),
                          last), "week", "published")
        else:
            start = ref - dt.timedelta(days=ref.isoweekday() - 1)
            res = _Result("DATE", cal.iso_week(ref), Interval(start + dt.timedelta(days=4),
                          start + dt.timedelta(days=6)), "week", "published")
        return res
    # today, yesterday, tonight, ... with optional part of day
    if (m := full(rf"(?:(?:early|late|later|earlier) )?(?:(?P<w>today|tonight|yesterday|tomorrow|the day before yesterday|"
                  rf"the day after tomorrow|overnight|this|last)(?: {_POD})?|{_POD2} (?P<w2>yesterday|today|tomorrow))", s)) \
            and (m.group("w") not in ("this", "last") or m.group("pod")):
        ref = _need(ctx)
        w = m.group("w") or m.group("w2")
        anchor = "published"
        if w == "overnight" and s == "overnight" and ctx.previous is not None:
            # the night before the narrative's day ("closed lower Friday ... depressed initially by
            # overnight losses in New York"), as "yesterday" is the day before publication
            ref, anchor = ctx.previous, f"previous:{ctx.previous.isoformat()}"
        if w == "last":
            w = "yesterday" if m.group("pod") != "night" else "last night"
        offset = 0
        if "day before yesterday" in w:
            offset = -2
        elif "day after tomorrow" in w:
            offset = 2
        elif "yesterday" in w or w in ("last night", "overnight"):
            offset = -1
        elif "tomorrow" in w:
            offset = 1
        d = ref + dt.timedelta(days=offset)
        pod = m.group("pod") or m.group("pod2") or ("night" if w in ("tonight", "last night", "overnight") else None)
        if pod:
            # a night runs past midnight: "overnight" in a Thursday paper is Wednesday night and the
            # small hours of Thursday, which another report calls "early on Thursday"
            interval = Interval(d, d + dt.timedelta(days=1)) if pod in ("night", "overnight") else dt_interval(d)
            return _Result("TIME", f"{d.isoformat()}T{PARTS_OF_DAY[pod]}", interval, "day", anchor)
        return _date(d.isoformat())
    # "the day before last Tuesday", "the day after Christmas": a day counted from a named day
    if m := full(r"(?:the )?day (?P<ba>before|after) (?P<rest>.+)", s):
        inner = _rules(m.group("rest"), ctx)
        if inner is not None and inner.interval is not None and inner.precision == "day" and inner.interval.start:
            d = inner.interval.start + dt.timedelta(days=-1 if m.group("ba") == "before" else 1)
            return _date(d.isoformat(), inner.anchor)
    # narrative days: the following day, the next day, that day, the same day, the day before
    if m := full(rf"(?:(?:the|that|this) )?(?P<which>following|next|previous|same|preceding|prior)? ?"
                 rf"(?P<u>day|night|morning|evening|afternoon|week|month|year|weekend)(?: (?P<ba>before|after|earlier|later))?", s):
        which, u, ba = m.group("which"), m.group("u"), m.group("ba")
        if which or ba or s.startswith("that ") or s == "the same day":
            base = _ref(ctx)
            from_text = ctx.previous is not None
            if re.fullmatch(r"next (?:week|weekend|month|year)", s):
                base, from_text = _need(ctx), False  # "next year" counts from the report, "the next year" from the story
            if u in ("month", "year") and ctx.coarse is not None and s.startswith(("the ", "that ")):
                base, from_text = ctx.coarse, True  # "that year" after "in 1998", "the following month" after "in March"
            step = 0
            if which in ("following", "next") or ba in ("after", "later"):
                step = 1
            elif which in ("previous", "preceding", "prior") or ba in ("before", "earlier"):
                step = -1
            unit = {"day": "D", "night": "D", "morning": "D", "evening": "D", "afternoon": "D", "week": "W",
                    "month": "M", "year": "Y", "weekend": "WE"}[u]
            d = cal.shift(base, step, unit if unit != "WE" else "W")
            anchor = f"previous:{base.isoformat()}" if from_text else "published"
            value = cal.format_at(d, unit)
            if u in PARTS_OF_DAY:
                res = _Result("TIME", f"{value}T{PARTS_OF_DAY[u]}", dt_interval(d), "day", anchor)
            else:
                res = _date(value, anchor)
            if not from_text and step and not re.fullmatch(r"next (?:week|weekend|month|year)", s):
                # "the day after a group of robbers shot a teacher": relative to an event, not a date
                res.reason = RELATIVE_TO_EVENT
            return res
    if m := full(rf"(?:on )?{_WD}(?:s(?: {_POD}s?)?| {_POD2}s)", s):
        p = m.group("pod") or m.group("pod2")
        pod = f"T{PARTS_OF_DAY[p]}" if p else ""
        return _Result("SET", f"XXXX-WXX-{WEEKDAYS[m.group('wd')]}{pod}", None, None, None)
    # "the previous Friday", "the following Monday": next to the narrative's date
    if m := full(rf"the (?P<rel>previous|preceding|following|next) {_WD}", s):
        base = _ref(ctx)
        wd = WEEKDAYS[m.group("wd")]
        if m.group("rel") in ("previous", "preceding"):
            d = base - dt.timedelta(days=(base.isoweekday() - wd) % 7 or 7)
        else:
            d = base + dt.timedelta(days=(wd - base.isoweekday()) % 7 or 7)
        anchor = f"previous:{ctx.previous.isoformat()}" if ctx.previous is not None else "published"
        return _date(d.isoformat(), anchor)
    # weekday [part of day], part of day weekday, last/next/this weekday
    if m := (full(rf"(?:(?P<rel>last|next|this|past|coming|previous|following|upcoming) )?{_WD}(?: {_POD})?", s)
             or full(rf"(?:the |this )?{_POD} of {_WD}", s)):
        rel = m.group("rel") if "rel" in m.re.groupindex else None
        later = m.group("pod") in ("afternoon", "evening", "night") or bool(re.search(r"\blater(?: on| in the day on)?$", ctx.lead)) \
            or ctx.clock_later
        d = _resolve_weekday(WEEKDAYS[m.group("wd")], ctx, rel, later_today=later)
        return _with_part_of_day(_date(d.isoformat()), m.group("pod"))
    # "4 in the morning", "10 o'clock in the evening"
    if m := full(r"(?P<hour>[0-9]{1,2})(?: o'clock)? in the (?P<pod>morning|afternoon|evening|night)", s):
        hour = int(m.group("hour"))
        if m.group("pod") != "morning" and hour < 12:
            hour += 12
        if hour > 24 or (m.group("pod") == "morning" and hour == 12):
            raise _Unresolvable(f"{s} is not a time of day")
        return _time_of_narrative_day(f"{hour:02d}:00", ctx)
    # a part of the day alone ("mid-afternoon", "in the morning"): of the narrative's day; with no
    # day before it, a guess on the publication day that dates no event
    if s != "midnight" and (m := full(r"(?:the|mid|early|late)[ -]*(?P<pod>morning|afternoon|evening|night|dawn|dusk|daybreak)", s)):
        return _time_of_narrative_day(PARTS_OF_DAY[m.group("pod")], ctx)
    # quarters and halves
    if m := full(rf"(?:the )?(?P<which>last|final|latter|closing|opening) (?P<unit>quarter|half) (?:of )?(?:fiscal )?{_Y}", s):
        # "the last half of 1989": with the year named, "last" is the year's final part
        year = _year(m.group("year"), ctx.published)
        _check_year(year)
        first = m.group("which") == "opening"
        letter = "Q" if m.group("unit") == "quarter" else "H"
        return _date(f"{year:04d}-{letter}{1 if first else (4 if letter == 'Q' else 2)}", "absolute")
    if s in ("year-earlier", "year earlier", "year-ago", "year ago", "the year-earlier", "the year-ago",
             "a year-earlier", "a year-ago"):
        return _date(f"{_need(ctx).year - 1:04d}")
    if m := full(rf"(?:the )?(?:(?:comparable|corresponding|same) )?(?:(?P<yrel>year-earlier|year earlier|year-ago|year ago|"
                 rf"next year|last year|this year|previous year|prior year|prior-year) |(?P<pyear>[0-9]{{4}}) )?"
                 rf"(?:(?P<rel>this|last|next|fiscal|latest|current|previous|past|recent|same|comparable|corresponding) )?"
                 rf"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])[ -]?)?(?:(?P<unit>quarter|half|period))?"
                 rf"(?:(?: of|,)? (?:fiscal )?{_Y})?", s):
        ord_ = m.group("ord")
        unit = m.group("unit") or ("quarter" if ord_ and ord_.startswith("q") else None)
        yrel, rel = m.group("yrel"), m.group("rel") or ("the" if s.startswith("the ") else None)
        explicit = m.group("year") or m.group("pyear")
        latest_period = unit == "period" and rel in ("latest", "recent") and not ord_ and not yrel and not explicit
        known = ord_ or yrel or explicit or (rel and unit != "period") or ctx.quarter is not None or latest_period
        if unit == "period" and yrel and not ord_ and ctx.quarter is None and not explicit:
            # "the year-earlier period" with no quarter in view: the year before
            shift = 1 if yrel.startswith("next") else 0 if yrel.startswith("this") else -1
            return _date(f"{_need(ctx).year + shift:04d}")
        if unit == "period" and explicit and not ord_ and not yrel and ctx.quarter is None:
            year = _year(explicit, ctx.published)  # "the 1988 period" with no quarter in view: that year
            _check_year(year)
            return _date(f"{year:04d}", "absolute")
        if unit and known and (unit != "period" or ord_ or ctx.quarter is not None or latest_period):
            # "the latest period" with no quarter named: the last quarter reported, as "the latest quarter"
            n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(ord_ or "", None)
            if n is None and ord_:
                n = int(re.sub(r"\D", "", ord_))
            letter = "Q" if unit in ("quarter", "period") else "H"
            count = 4 if letter == "Q" else 2
            shift = 0
            if yrel:
                shift = 1 if yrel.startswith("next") else 0 if yrel.startswith("this") else -1
            if explicit:
                year = _year(explicit, ctx.published)
                _check_year(year)
            else:
                year = _need(ctx).year + shift
            if n is None:
                ref = _need(ctx)
                cur = cal.quarter_of(ref) if letter == "Q" else (1 if ref.month <= 6 else 2)
                if letter == "Q" and ctx.quarter is not None and rel not in ("last", "previous", "past", "next",
                                                                            "this", "current") \
                        and not (unit == "quarter" and rel in ("latest", "recent")):
                    n = ctx.quarter  # "the quarter", "the year-ago period": the quarter in view
                    if not explicit and not yrel and n > cur:
                        year -= 1
                else:
                    if rel in ("last", "previous", "past", "latest", "recent", "the", "same") or yrel:
                        n = cur - 1
                    elif rel == "next":
                        n = cur + 1
                    else:
                        n = cur
                    if n < 1:
                        n, year = n + count, year - 1
                    if n > count:
                        n, year = n - count, year + 1
            elif not explicit and not yrel and letter == "Q":
                year = _quarter_year(n, ctx)
            if not 1 <= n <= count:
                raise _Unresolvable(f"there is no quarter or half number {n}")
            return _date(f"{year:04d}-{letter}{n}")
    # weekends: the one before publication in a past-tense report, the next one in a future one
    if m := full(r"(?:(?P<rel>the|this|last|next|past|coming|previous|following) )?weekend", s):
        ref = _need(ctx)
        rel = m.group("rel")
        saturday = ref + dt.timedelta(days=6 - ref.isoweekday())  # the Saturday of ref's week
        if rel in ("last", "past", "previous") or (rel in ("the", "this", None) and ctx.tense in ("past", None)):
            if ref.isoweekday() < 6 or rel in ("last", "past", "previous"):
                saturday -= dt.timedelta(days=7)
        elif rel in ("next", "following"):
            saturday += dt.timedelta(days=7)
        return _date(cal.iso_week(saturday) + "-WE")
    # this/last/next + unit
    if m := full(rf"(?:(?:earlier|later|early|late) )?(?:the (?=current |full |latest |same |previous |coming |next ))?"
                 rf"(?P<rel>this|last|next|past|coming|previous|current|latest|the|"
                 rf"recent|upcoming|prior|preceding|same|full)\s(?P<unit>week|weekend|month|year|decade|century)", s):
        rel, unit = m.group("rel"), UNITS[m.group("unit")]
        ref = _need(ctx)
        step = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "next": 1, "coming": 1,
                "upcoming": 1}.get(rel, 0)
        if rel == "latest" and unit == "Y":
            step = -1  # "the latest fiscal year": the last one completed
        if rel in ("past", "the") and unit in ("W", "M", "Y") and rel == "past":
            end = ref
            return _Result("DURATION", duration_value(1, unit), Interval(cal.shift(ref, -1, unit), end),
                           {"W": "week", "M": "month", "Y": "year"}[unit], "published")
        d = cal.shift(ref, step, unit if unit != "WE" else "W")
        return _date(cal.format_at(d, unit))
    # seasons
    if m := full(rf"(?:(?P<rel>this|last|next|past|coming|the|early|late|mid) )?{_SEASON}(?:(?: of)? {_Y})?", s):
        year = _year(m.group("year"), ctx.published) if m.group("year") else None
        return _date(_resolve_season(m.group("season"), year, m.group("rel"), ctx))
    # N units ago / earlier / later / from now
    if m := full(rf"(?:(?:about|around|some|nearly|almost|more than|less than|over|only|just) )?(?:{_NUM}[ -])?{_U}"
                 rf" (?P<dir>ago|earlier|before|later|after|from now|hence|back|on)", s):
        n = number(m.group("num")) if m.group("num") else None
        unit = unit_code(m.group("unit"))
        direction = -1 if m.group("dir") in ("ago", "earlier", "before", "back") else 1
        narrative = m.group("dir") in ("earlier", "later", "before", "after", "on")
        # "in 2014 ... three years later": months and years count forwards from the narrative's last
        # dated expression of any precision, days and weeks from its last day ("a year earlier" stays
        # the comparison with a year before publication that business news means by it)
        coarse = narrative and direction > 0 and unit not in ("D", "W", "H", "TM", "S") and ctx.coarse is not None
        if n is None:
            if direction < 0 and not narrative:
                _need(ctx)
                return _Result("DATE", "PAST_REF", None, "unknown", "published", reason="vague past reference")
            base = ctx.coarse if coarse else _ref(ctx) if narrative else _need(ctx)
            lo = cal.shift(base, direction * 2, unit)
            hi = cal.shift(base, direction * 9, unit)
            lo, hi = min(lo, hi), max(lo, hi)
            anchor = f"previous:{base.isoformat()}" if narrative and (ctx.previous or coarse) else "published"
            if unit in ("H", "TM", "S"):  # "a few hours later": the same day, as far as a date goes
                res = _Result("DATE", base.isoformat(), dt_interval(base), "day", anchor,
                              reason="a vague number of units from the reference date")
            else:
                prec = "week" if unit == "D" else "month" if unit == "W" else "year"
                res = _Result("DATE", cal.format_at(lo, "M" if unit in ("D", "W") else "Y"), Interval(lo, hi), prec,
                              anchor, reason="a vague number of units from the reference date")
            return _as_length(res, None, unit, m.group("dir"))
        base = _ref(ctx) if narrative and unit in ("D", "W", "H", "TM") else ctx.coarse if coarse else _need(ctx)
        d = cal.shift(base, direction * n, unit)
        anchor = f"previous:{base.isoformat()}" if base is ctx.previous or coarse else "published"
        # "a decade ago" is a year ten years back, not the decade it falls in
        shown = {"FN": "W", "DE": "Y", "CE": "Y"}.get(unit, unit)
        res = _date(cal.format_at(d, shown), anchor)
        if narrative and base is not ctx.previous and unit in ("D", "W", "H", "TM"):
            # "the same men were attacked 2 days earlier" with no date before it: earlier than an
            # event, not than the publication
            res.reason = RELATIVE_TO_EVENT
        return _as_length(res, n, unit, m.group("dir"))
    # times of day, alone or with a day
    if m := full(rf"(?:(?:at|around|about|by|after|before|shortly after|shortly before) )?(?P<clock>{_TIME}|noon|midnight|midday)"
                 rf"(?:,? (?:on )?(?P<rest>.+))?", s):
        if m.group("ampm") or m.group("minute") or m.group("clock") in ("noon", "midnight", "midday"):
            if (res := _with_clock(m, m.group("rest"), ctx)) is not None:
                return res
    if m := full(rf"(?P<rest>.+?),? (?:at )?(?P<clock>{_TIME}|noon|midnight|midday)", s):
        if m.group("ampm") or m.group("minute") or m.group("clock") in ("noon", "midnight", "midday"):
            if (res := _with_clock(m, m.group("rest"), ctx)) is not None:
                return res
    if m := full(rf"(?:the )?(?P<nth>first|second|third|fourth|last|final) week of {_M}(?:,? {_Y})?", s):
        # "the first week of August": the ISO week holding its 1st (8th, 15th, 22nd) or last day
        month = MONTHS[m.group("month")]
        if m.group("year"):
            year = _year(m.group("year"), ctx.published)
            _check_year(year)
        else:
            year, month = _resolve_month(month, ctx)
        nth = m.group("nth")
        day = cal.month_end(year, month) - dt.timedelta(days=3) if nth in ("last", "final") else \
            dt.date(year, month, 1 + 7 * ("first", "second", "third", "fourth").index(nth))
        return _date(cal.iso_week(day), "absolute" if m.group("year") else "published")
    if m := full(r"(?:the )?week of (?P<rest>.+)", s):
        inner = _rules(m.group("rest"), ctx)
        if inner and inner.interval and inner.precision == "day" and inner.interval.start:
            return _date(cal.iso_week(inner.interval.start), inner.anchor)
    # "the night of November 19", "the morning of Wednesday"
    if m := full(rf"(?:the |this )?{_POD} of (?P<rest>.+)", s):
        inner = _rules(m.group("rest"), ctx)
        if inner and inner.interval and inner.precision == "day":
            return _with_part_of_day(inner, m.group("pod"))
    # sets
    if m := full(r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly|biweekly|fortnightly)", s):
        value = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                 "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "biweekly": "P2W",
                 "fortnightly": "P2W"}[m.group("adv")]
        return _Result("SET", value, None, None, None)
    if m := full(rf"(?:every|each|once a|twice a|(?:[a-z0-9]+) times a|once every|once per|per) (?:(?P<other>other) )?"
                 rf"(?:{_NUM} )?(?:{_U}|{_WD}|{_M})(?: {_POD})?", s):
        if m.group("wd"):
            value = f"XXXX-WXX-{WEEKDAYS[m.group('wd')]}"
        elif m.group("month"):
            value = f"XXXX-{MONTHS[m.group('month')]:02d}"
        else:
            n = number(m.group("num")) if m.group("num") else 1
            if m.group("other"):
                n = 2 * (n or 1)
            value = duration_value(n, unit_code(m.group("unit")))
        return _Result("SET", value, None, None, None)
    if m := full(r"this (?:[a-z]+ )?moment", s):
        s = "this moment"  # "at this crucial moment"
    if full(r"an? (?:little |long |short )?while", s):
        return _Result("DURATION", "PXX", None, "unknown", None, reason="a vague length of time")
    # "today is the eighth day of the blockade": the day it is said, counted from the event's start
    if full(r"the (?:[a-z]+|[0-9]{1,3}(?:st|nd|rd|th)) (?:straight |consecutive |successive )?day", s) and \
            re.search(r"(?:\bis|'s)$", ctx.lead):
        return _date(_need(ctx).isoformat())
    # "in recent years", "in past years": when, vaguely, rather than how long (TimeBank writes them
    # PAST_REF twice as often as PXY; "recent months", "recent weeks" stay lengths, as it writes those)
    if full(r"(?:in )?(?:recent|past) years", s):
        pub = ctx.published
        return _Result("DATE", "PAST_REF", Interval(None, pub) if pub else None, "unknown",
                       "published" if pub else None, reason="vague past reference")
    # "will one day be", "hopes to one day return": an indefinite future, not a day's length
    if s in ("one day", "some day", "someday") and ctx.lead.split()[-1:] and \
            ctx.lead.split()[-1] in _LOOKING_AHEAD:
        pub = ctx.published
        return _Result("DATE", "FUTURE_REF", Interval(pub, None) if pub else None, "unknown",
                       "published" if pub else None, reason="vague future reference")
    # durations: [the] [past|next|first...] N unit[s] [old|long], bare plural units
    if m := full(rf"(?:(?:the|a|an|over the|in the|for the|during the|within the) )?"
                 rf"(?:(?P<rel>past|last|next|first|coming|previous|final|latest|following|preceding|initial|recent|"
                 rf"remaining|ensuing|subsequent|prior|other) )?(?:(?:about|around|some|nearly|almost|more than|"
                 rf"less than|over|under|at least|up to|only|just|roughly|approximately) )?{_NUM}[ -](?:and a half[ -])?"
                 rf"(?:(?:more|additional|extra|further|full|long|whole|straight|consecutive|trading|business|"
                 rf"working) )?{_U}"
                 rf"(?:[ -](?P<tail>old|long|and a half|plus))?", s) or \
            full(rf"(?:(?:the|over the|in the|for the) )?(?:(?P<rel>past|last|next|first|coming|recent|several|few|many) )?"
                 rf"(?P<num>){_U}(?:[ -](?P<tail>old|long))?", s):
        unit = unit_code(m.group("unit"))
        if unit is None:
            return None
        if m.group("num"):
            n = number(m.group("num"))
            if m.group("num") in ("a", "an") and m.group("unit").endswith("s"):
                n = None  # "a decades-long conflict"
            if n is not None and "and a half" in s:
                n += 0.5
        else:
            n = None
            if m.group("unit") in UNITS and m.group("unit") != "centuries":  # singular: "the year", "year-old"
                n = 1
        value = duration_value(n, unit)
        rel = m.group("rel")
        interval = None
        anchor = None
        if rel in ("past", "last", "previous", "recent", "preceding", "prior") or m.group("tail") == "old":
            if ctx.published is not None and n is not None:
                interval = Interval(cal.shift(ctx.published, -n, unit), ctx.published)
                anchor = "published"
        elif rel in ("next", "coming", "remaining", "following", "ensuing", "subsequent"):
            if ctx.published is not None and n is not None:
                interval = Interval(ctx.published, cal.shift(ctx.published, n, unit))
                anchor = "published"
        prec = {"S": "day", "TM": "day", "H": "day", "D": "day", "W": "week", "WE": "week", "FN": "week",
                "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}[unit]
        if rel in ("past", "last") and not m.group("num") and m.group("unit") == "year" and interval is not None \
                and ctx.published is not None:
            # "over the past year": the twelve months to publication, which TimeBank writes as the year
            # before ("1997") rather than as a length
            return _Result("DATE", f"{ctx.published.year - 1:04d}", interval, prec, anchor)
        return _Result("DURATION", value, interval, prec, anchor)
    # vague references
    if s in _REF_WORDS or (m := full(r"(?:in )?recent (?:days|weeks|months|years|times)|(?:the )?past (?:few )?(?:days|weeks|months|years)", s)):
        value = _REF_WORDS.get(s, "PAST_REF")
        pub = ctx.published
        if value == "PRESENT_REF":
            return _Result("DATE", value, Interval(pub, pub) if pub else None, "day" if pub else "unknown",
                           "published" if pub else None, reason=None if pub else "no publication date")
        interval = Interval(None, pub) if value == "PAST_REF" else Interval(pub, None)
        return _Result("DATE", value, interval if pub else None, "unknown", "published" if pub else None,
                       reason=f"vague {'past' if value == 'PAST_REF' else 'future'} reference")
    return None


def _as_length(res: _Result, n: float | None, unit: str, direction: str) -> _Result:
    """"three days later", "a few hours later", "a day earlier": TimeML's value is the length ("P3D",
    with "later" as its signal); the interval stays the day the narrative lands on, which is what
    events are dated by. Years and months "earlier" keep their date ("a year earlier" compares with
    the year before, as business news means it)."""
    if direction not in ("later", "earlier") or unit not in ("D", "W", "H", "TM", "S"):
        return res
    return replace(res, type="DURATION", value=duration_value(n, unit))


def _with_part_of_day(res: _Result, pod: str | None) -> _Result:
    """TIMEX3's part-of-day value for "Friday night", "the morning of November 19": the day with
    a suffix (``2025-11-19TNI``), type TIME; the interval stays the day, which is what events are
    dated by."""
    code = PARTS_OF_DAY.get(pod or "")
    if code is None or res.value is None or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", res.value):
        return res
    return replace(res, type="TIME", value=f"{res.value}T{code}")


def dt_interval(d: dt.date) -> Interval:
    return Interval(d, d)


def _with_clock(m: re.Match, rest: str | None, ctx: Context) -> _Result | None:
    clock = m.group("clock")
    if clock in ("noon", "midday"):
        hhmm = "12:00"
    elif clock == "midnight":
        hhmm = "24:00"
    else:
        hhmm = _time_value(m)
        if hhmm is None:
            raise _Unresolvable(f"{clock} is not a time of day")
    if rest:
        inner = _rules(rest.strip(" ,"), replace(ctx, clock_later=True))
        if inner is None or inner.interval is None or inner.precision != "day":
            return None
        d = inner.interval.start
        anchor = inner.anchor
    else:
        d = _ref(ctx)
        anchor = "published" if ctx.previous is None else f"previous:{ctx.previous.isoformat()}"
        if ctx.previous is None:
            res = _Result("TIME", f"{d.isoformat()}T{hhmm}", dt_interval(d), "day", anchor)
            res.reason = CLOCK_WITHOUT_DAY
            return res
    return _Result("TIME", f"{d.isoformat()}T{hhmm}", dt_interval(d), "day", anchor)


# --- the public entry ---------------------------------------------------------------------------


def _apply_lead(res: _Result, ctx: Context) -> _Result:
    """Deadlines and open intervals from the words before the expression."""
    lead = ctx.lead.lower().strip()
    last = lead.split()[-1] if lead else ""
    two = " ".join(lead.split()[-2:])
    if res.interval is None or res.type not in ("DATE", "TIME"):
        return res
    pub = ctx.published
    if two in ("or before", "or after", "or about", "or around"):
        return res  # "on or before October 8th": the date itself is the best estimate
    if last == "since" or two in ("starting from", "beginning in", "ever since"):
        # open to the publication date; a start after it (a wrong or missing date) leaves the end open
        end = pub if pub is not None and (res.interval.start is None or res.interval.start <= pub) else None
        res.interval = Interval(res.interval.start, end)
        res.open_ended = True
    elif last in ("by", "until", "till", "til") or two in ("no later", "later than", "up to") \
            or lead.endswith("no later than"):
        start = pub if pub is not None and (res.interval.end is None or pub <= res.interval.end) else None
        res.interval = Interval(start, res.interval.end)
        res.deadline = True
    elif last == "before" or lead.endswith("ahead of") or lead.endswith("prior to"):
        if res.interval.start is not None:
            end = res.interval.start - dt.timedelta(days=1)
            start = pub if pub is not None and pub <= end else None
            res.interval = Interval(start, end)
            res.deadline = True
    elif last == "after" and res.interval.end is not None:
        res.interval = Interval(res.interval.end + dt.timedelta(days=1), None)
        res.open_ended = True
    return res


def normalise(text: str, ctx: Context, start: int = 0, type_hint: str | None = None) -> TimeExpression:
    """Resolve one time expression. Never raises: failures come back with precision "unknown"."""
    end = start + len(text)
    s = clean(text)
    lead_words = ""
    while True:
        m = LEAD_RE.match(s)
        if not m:
            break
        lead_words += m.group(0)
        s = s[m.end():]
    mod = None
    if (mm := MOD_RE.match(s)) and len(s) > mm.end() and not (
            mm.group(1).endswith("half of") and re.fullmatch(r"(?:fiscal )?[0-9]{4}", s[mm.end():])):
        mod = mm.group(1)  # ("the first half of 1990" is the half-year 1990-H1, read below)
        s = s[mm.end():]
    # "earlier in the day" with no day named before it: the report's day, but only as a guess
    dayless = ctx.previous is None and re.fullmatch(r"(?:earlier|later) in the day", s) is not None
    s = rewrite(s, narrative_day=ctx.previous is not None)
    if s == "the year" and re.search(r"\b(?:months|weeks|quarters) of$", (ctx.lead + " " + lead_words).strip()):
        s = "this year"  # "the first nine months of the year"
    if lead_words:
        ctx = replace(ctx, lead=(ctx.lead + " " + lead_words).strip())
    if ctx.lead.lower().split()[-1:] == ["since"] and ctx.tense != "past":
        ctx = replace(ctx, tense="past")  # "since November" looks back whatever the verb ("will stay since ...")
    if ctx.lead.lower().split()[-1:] in (["until"], ["till"]) and ctx.tense is None:
        ctx = replace(ctx, tense="future")  # "funded until February" with no verb read: a term still running
    if ctx.tense == "past" and DEADLINE_LEAD.search(ctx.lead.lower()):
        # "extended its offer until Nov. 9", "set Nov. 10 as the deadline": the verb's tense says
        # when the deadline was set, not where the date lies
        ctx = replace(ctx, tense="present")
    kind = type_hint if type_hint in ("DATE", "TIME", "DURATION", "SET") else "DATE"
    try:
        res = _rules(s, ctx) if s else None
        if res is None and mod is not None:
            res = _rules(mm.group(0).strip() + " " + s if mm else s, ctx)
    except _Unresolvable as e:
        return TimeExpression(text, start, end, kind, "XXXX-XX-XX", None, "unknown", reason=str(e))
    except (ValueError, OverflowError, KeyError) as e:  # calendar arithmetic at the edges of dt.date
        log.debug("could not resolve %r: %s", text, e)
        return TimeExpression(text, start, end, kind, "XXXX-XX-XX", None, "unknown",
                              reason=f"could not resolve: {e}")
    if res is None:
        res = _absolute_fallback(s, ctx)
    if res is None:
        reason = "not understood"
        if ctx.published is None:
            reason = "not understood (and no publication date)"
        return TimeExpression(text, start, end, kind, "XXXX-XX-XX", None, "unknown", reason=reason)
    if mod is not None and res.interval is not None and res.interval.start and res.interval.end:
        res.interval = _narrow(res.interval, mod)
    res = _apply_lead(res, ctx)
    if dayless and res.reason is None:
        res.reason = CLOCK_WITHOUT_DAY  # dates no event: "killed to avenge a murder earlier in the day"
    if ctx.tense == "past" and ctx.published is not None and res.reason is None and res.anchor and \
            res.anchor.startswith("previous:") and res.interval is not None and res.interval.start is not None \
            and res.interval.start > ctx.published + dt.timedelta(days=1):
        # "Two weeks later, she found out" cannot lie after the report: counted from an event the
        # narrative did not date, not from the date before it
        res.reason = RELATIVE_TO_EVENT
    precision = res.precision or "unknown"
    reason = res.reason
    if res.type == "SET" and reason is None:
        reason = "a recurring time, not one date"
    elif precision == "unknown" and reason is None:
        reason = f"no calendar interval for {res.value}"  # the contract: unknown always says why
    return TimeExpression(text, start, end, res.type, res.value, res.interval, precision,  # type: ignore[arg-type]
                          deadline=res.deadline, open_ended=res.open_ended, anchor=res.anchor, reason=reason)


def _narrow(interval: Interval, mod: str) -> Interval:
    a, b = interval.start, interval.end
    assert a is not None and b is not None
    third = (b - a).days // 3
    if mod in ("early", "the beginning of", "beginning of", "the start of", "start of", "the first half of"):
        return Interval(a, a + dt.timedelta(days=third))
    if mod in ("late", "the end of", "end of", "the close of", "the second half of"):
        return Interval(b - dt.timedelta(days=third), b)
    if mod in ("mid", "the middle of", "middle of"):
        return Interval(a + dt.timedelta(days=third), b - dt.timedelta(days=third))
    return interval


def _absolute_fallback(s: str, ctx: Context) -> _Result | None:
    """dateparser for absolute dates in forms the grammar lacks ("3rd Dec. 2025", "2025/12/03")."""
    if not re.search(r"[0-9]{4}", s) or not (re.search("|".join(MONTHS), s) or re.search(r"[0-9]+[/.][0-9]+", s)):
        return None
    import dateparser

    try:
        parsed = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True,
                                                               "RETURN_AS_TIMEZONE_AWARE": False})
    except (ValueError, OverflowError, TypeError) as e:
        log.debug("dateparser failed on %r: %s", s, e)
        return None
    if parsed is None or not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return _date(parsed.date().isoformat(), "absolute")
