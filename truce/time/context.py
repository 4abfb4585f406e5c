"""What a time expression is resolved against, and the calendar choices made against it.

``Context`` carries the publication date, the governing verb's tense and the narrative's reference
dates; the helpers here pick the year of a month-day, the week of a weekday, the season or quarter a
bare name means, and build the partial result (``_Result``) the grammar in ``normalise`` returns.
A date that cannot exist or cannot be placed raises ``_Unresolvable`` with the reason, which
``normalise`` turns into precision "unknown".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from truce.records import Interval
from truce.time import calendar as cal
from truce.time.lexicon import SEASONS

__all__ = ["Context", "MIN_YEAR", "MAX_YEAR", "RELATIVE_TO_EVENT", "CLOCK_WITHOUT_DAY"]

MIN_YEAR, MAX_YEAR = 1000, 2200
_PUBLICATION_SLACK_DAYS = 3
# reasons that keep a resolved expression from dating an event on its own
RELATIVE_TO_EVENT = "relative to an event, not a date: placed against the publication date"
CLOCK_WITHOUT_DAY = "a time of day with no day in the text: placed on the publication date"
_FUTURE_WINDOW_DAYS = 30  # with no tense, a month or date this close ahead is the coming one


@dataclass(frozen=True, slots=True)
class Context:
    """What an expression is resolved against."""

    published: dt.date | None
    tense: str | None = None  # "past", "future", "present" or None (no verb found)
    previous: dt.date | None = None  # the narrative's reference date (last day-precise date before)
    # the last date with an explicit year earlier in the same paragraph: "On October 8, 2023 ...
    # on October 10" stays in 2023 even when the article is from 2024
    absolute: dt.date | None = None
    quarter: int | None = None  # the quarter last named nearby ("third-quarter profit ... the quarter")
    lead: str = ""  # the words just before the expression ("since", "by", "over the", ...)
    # the start of the last dated expression of any precision before it ("In March 1989 ... the
    # following month", "In 1998 ... later that year"): the reference for narrative months and years
    coarse: dt.date | None = None
    clock_later: bool = False  # a clock time goes with the expression's day ("at 1.30pm on Thursday")


@dataclass(slots=True)
class _Result:
    type: str
    value: str | None
    interval: Interval | None = None
    precision: str | None = None
    anchor: str | None = None
    reason: str | None = None
    deadline: bool = False
    open_ended: bool = False


class _Unresolvable(Exception):
    """An expression the grammar recognised but cannot place (bad date, no anchor)."""


def _year(text: str, ref: dt.date | None) -> int:
    if text.startswith("'"):
        yy = int(text[1:])
        base = (ref.year if ref else 2000) // 100 * 100
        year = base + yy
        if ref and year > ref.year + 20:
            year -= 100
        return year
    return int(text)


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Unresolvable(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")


def _make_date(year: int, month: int, day: int) -> dt.date:
    _check_year(year)
    try:
        return dt.date(year, month, day)
    except ValueError as e:
        month_name = dt.date(2000, month, 1).strftime("%B") if 1 <= month <= 12 else str(month)
        raise _Unresolvable(f"{month_name} {day} does not exist ({e})") from e


def _need(ctx: Context) -> dt.date:
    if ctx.published is None:
        raise _Unresolvable("no publication date to resolve a relative expression against")
    return ctx.published


def _ref(ctx: Context) -> dt.date:
    """The reference date for expressions that may follow the narrative ("the following day")."""
    if ctx.previous is not None:
        return ctx.previous
    return _need(ctx)


def _resolve_month_day(month: int, day: int, ctx: Context) -> dt.date:
    ref = ctx.published or ctx.absolute
    if ref is None:
        raise _Unresolvable("no year and no publication date")
    candidates = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not candidates:
        _make_date(ref.year, month, day)  # raises with the reason
    # an explicit date a few days after an (often estimated) publication date is this year's,
    # not last year's: the report is about the coming days or its date is off by a little
    slack = ref + dt.timedelta(days=_PUBLICATION_SLACK_DAYS) if ctx.tense != "future" else ref
    picked = cal.choose(candidates, slack, ctx.tense, default_past=True, future_window=_FUTURE_WINDOW_DAYS)
    if ctx.absolute is not None and ctx.tense == "past" and abs((picked - ctx.absolute).days) > 183:
        # the narrative is told about another year: stay near its last explicit date
        near = [c for c in (dt.date(y, month, day) for y in (ctx.absolute.year - 1, ctx.absolute.year,
                                                               ctx.absolute.year + 1) if _valid(y, month, day))
                if abs((c - ctx.absolute).days) <= 183]
        if near and (ctx.published is None or min(near) <= ctx.published or ctx.tense == "future"):
            picked = min(near, key=lambda c: abs((c - ctx.absolute).days))
    return picked


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _resolve_month(month: int, ctx: Context) -> tuple[int, int]:
    ref = _need(ctx)
    starts = [dt.date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
    ends = [cal.month_end(s.year, month) for s in starts]
    picked = cal.choose(starts, ref, ctx.tense, ends=ends, default_past=True, future_window=_FUTURE_WINDOW_DAYS)
    return picked.year, month


def _resolve_weekday(wd: int, ctx: Context, rel: str | None = None, later_today: bool = False) -> dt.date:
    """``later_today``: a time of day goes with it ("at midday on Thursday", "Thursday evening",
    "later on Thursday"), so a future verb on the publication's own weekday means later that day."""
    ref = _need(ctx)
    offset = wd - ref.isoweekday()
    if later_today and rel is None and offset == 0 and ctx.tense == "future":
        return ref
    if rel in ("last", "past", "previous"):
        back = (ref.isoweekday() - wd) % 7 or 7
        return ref - dt.timedelta(days=back)
    if rel in ("next", "coming", "following", "upcoming"):
        fwd = (wd - ref.isoweekday()) % 7 or 7
        return ref + dt.timedelta(days=fwd)
    if rel == "this":
        return ref + dt.timedelta(days=offset)
    candidates = [ref + dt.timedelta(days=offset + k) for k in (-7, 0, 7)]
    return cal.choose(candidates, ref, ctx.tense, strict_future=True, default_past=True)


def _resolve_season(season: str, year: int | None, rel: str | None, ctx: Context) -> str:
    code = SEASONS[season]
    if year is not None:
        return f"{year:04d}-{code}"
    ref = _need(ctx)
    first, last = cal.SEASON_MONTHS[code]
    cands, ends = [], []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        start = dt.date(y, first, 1)
        end = cal.month_end(y + 1 if last < first else y, last)
        cands.append(start)
        ends.append(end)
    if rel in ("last", "past", "previous"):
        ok = [c for c, e in zip(cands, ends, strict=True) if e < ref]
        picked = max(ok)
    elif rel in ("next", "coming", "upcoming"):
        ok = [c for c in cands if c > ref]
        picked = min(ok)
    elif rel == "this":
        tense = ctx.tense
        picked = cal.choose(cands, ref, tense, ends=ends)
    else:
        picked = cal.choose(cands, ref, ctx.tense, ends=ends)
    return f"{picked.year:04d}-{code}"


def _quarter_year(q: int, ctx: Context) -> int:
    ref = _need(ctx)
    cur = cal.quarter_of(ref)
    if q > cur and ctx.tense not in ("future", "present"):
        # a quarter that has not begun yet, named with no verb looking ahead, is last year's:
        # "fourth-quarter results" in January
        return ref.year - 1
    return ref.year


def _interval_for(value: str) -> tuple[Interval | None, str]:
    return cal.value_interval(value)


def _date(value: str, anchor: str | None = "published") -> _Result:
    interval, precision = _interval_for(value)
    return _Result("DATE", value, interval, precision, anchor)
