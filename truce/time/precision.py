"""Map truce's time precision onto the codes of the data sets analysts export to.

ACLED ``time_precision`` (ACLED Codebook): 1 = the day is known; 2 = only a part of a week or a
period of days is known (the event is coded to the middle of it); 3 = only the month (or coarser)
is known. UCDP GED ``date_prec``: 1 = exact day; 2 = a period of 2-6 days; 3 = a week; 4 = a month
(8-30 days); 5 = more than a month (a year, or only known to lie within a longer period).

"reported" (dated only by the article's publication date) is ACLED 2 / UCDP 2: it happened on or
shortly before that day, which is what the codebooks' "a few days" codes express.

ACLED gives every event one ``event_date`` even when only the week or month is known: the middle of
the period ("In August" is coded August 15, "the week beginning October 15th" its Wednesday).
``acled_event_date`` picks that day from an ``EventDate``'s interval.
"""

from __future__ import annotations

import datetime as dt

from truce.records import EventDate

__all__ = ["acled_time_precision", "ucdp_date_prec", "acled_event_date"]

_ACLED = {
    "day": 1,
    "reported": 2,
    "week": 2,
    "month": 3,
    "quarter": 3,
    "season": 3,
    "year": 3,
    "decade": 3,
    "century": 3,
    "unknown": 3,
}

_UCDP = {
    "day": 1,
    "reported": 2,
    "week": 3,
    "month": 4,
    "quarter": 5,
    "season": 5,
    "year": 5,
    "decade": 5,
    "century": 5,
    "unknown": 5,
}


def acled_time_precision(precision: str | None) -> int:
    """ACLED's ``time_precision`` (1-3) for a truce precision; anything unrecognised is 3 (least precise)."""
    return _ACLED.get((precision or "unknown").lower(), 3)


def ucdp_date_prec(precision: str | None) -> int:
    """UCDP GED's ``date_prec`` (1-5) for a truce precision; anything unrecognised is 5 (least precise)."""
    return _UCDP.get((precision or "unknown").lower(), 5)


def acled_event_date(when: EventDate) -> dt.date | None:
    """The single day ACLED's ``event_date`` would carry for this event date: the day itself when it
    is known (and the first day of a "reported" interval, the day before publication); the middle of
    the period otherwise: a calendar month's 15th, a Monday-to-Sunday week's Wednesday, the middle
    day (rounded down) of any other span. An open interval gives its known end; None when neither
    end is known."""
    start, end = when.start, when.end
    if start is None or end is None or when.precision in ("day", "reported") or end <= start:
        return start if start is not None else end
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and (start.year, start.month) == (end.year, end.month):
        return start.replace(day=15)  # a whole calendar month
    if (end - start).days == 6 and start.isoweekday() == 1:
        return start + dt.timedelta(days=2)  # an ISO week: its Wednesday
    if when.precision == "month" and start.day == 1:
        # an interval from a named month to publication ("since December 2017"): that month's middle
        return start.replace(day=15)
    return start + dt.timedelta(days=(end - start).days // 2)
