"""Calendar arithmetic for the time grammar: shifting dates, choosing years, TIMEX3 values to intervals."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from truce.records import Interval

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_VALUE_RES = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$"), "day"),
    (re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$"), "week"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})$"), "decade"),
    (re.compile(r"^(\d{2})$"), "century"),
]


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: dt.date, amount: float, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (negative: back). Units are TIMEX3 letters (D, W, M, Q, Y...)."""
    if unit in ("M", "Q", "Y", "DE", "CE"):
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * amount
        whole = int(months)
        out = add_months(day, whole)
        rest = months - whole
        return out + dt.timedelta(days=round(rest * 30.44)) if rest else out
    days = {"D": 1, "W": 7, "WE": 7, "FN": 14, "H": 1 / 24, "TM": 1 / 1440, "S": 1 / 86400}[unit] * amount
    return day + dt.timedelta(days=round(days) if abs(days) >= 1 else 0)


def iso_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"  # TIMEX3 years have four digits, also before 1000


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday of ``year``, by the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    day = (h + weekday_shift - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def format_at(day: dt.date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-sized period that contains ``day``."""
    if unit in ("D", "H", "TM", "S"):
        return day.isoformat()
    if unit in ("W", "FN"):
        return iso_week(day)
    if unit == "WE":
        return iso_week(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def value_interval(value: str | None) -> tuple[Interval | None, str]:
    """The days a TIMEX3 date value covers, and its precision; (None, "unknown") if not a date."""
    if not value:
        return None, "unknown"
    for rx, kind in _VALUE_RES:
        m = rx.match(value)
        if not m:
            continue
        try:
            if kind == "day":
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                return Interval(d, d), "day"
            if kind == "week":
                start = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
                if value.endswith("-WE"):
                    return Interval(start + dt.timedelta(days=5), start + dt.timedelta(days=6)), "week"
                return Interval(start, start + dt.timedelta(days=6)), "week"
            year = int(m.group(1))
            if kind == "month":
                month = int(m.group(2))
                return Interval(dt.date(year, month, 1), month_end(year, month)), "month"
            if kind == "quarter":
                q = int(m.group(2))
                return Interval(dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q)), "quarter"
            if kind == "half":
                h = int(m.group(2))
                return Interval(dt.date(year, 6 * h - 5, 1), month_end(year, 6 * h)), "year"
            if kind == "season":
                first, last = SEASON_MONTHS[m.group(2)]
                end_year = year + 1 if last < first else year
                return Interval(dt.date(year, first, 1), month_end(end_year, last)), "season"
            if kind == "year":
                return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31)), "year"
            if kind == "decade":
                return Interval(dt.date(year * 10 or 1, 1, 1), dt.date(year * 10 + 9, 12, 31)), "decade"
            if kind == "century":
                return Interval(dt.date(year * 100 or 1, 1, 1), dt.date(year * 100 + 99, 12, 31)), "century"
        except ValueError:
            return None, "unknown"
    return None, "unknown"


def choose(candidates: list[dt.date], ref: dt.date, tense: str | None, *, strict_future: bool = False,
           ends: list[dt.date] | None = None, default_past: bool = False, future_window: int = 0) -> dt.date:
    """Pick among candidate dates (or period starts) for an expression that names no year/week.

    Past tense: the latest not after ``ref`` (a period counts if it started by then); future: the
    earliest not before it (a period counts if it has not ended; ``strict_future`` excludes ``ref``
    itself, as "will meet on Thursday" said on a Thursday means next week); otherwise the nearest
    (or, with ``default_past``, the past one when no tense is known: news mostly reports the past,
    unless a candidate starts within ``future_window`` days after ``ref``).
    """
    ends = ends or candidates
    if tense is None and default_past and future_window:
        # no verb to go by: a date just ahead ("the Jan. 14 deadline") is the coming one
        soon = [c for c in candidates if ref < c <= ref + dt.timedelta(days=future_window)]
        if soon:
            return min(soon)
    if tense == "past" or (tense is None and default_past):
        ok = [c for c in candidates if c <= ref]
        if ok:
            return max(ok)
    elif tense == "future":
        ok = [c for c, e in zip(candidates, ends, strict=True) if (e > ref if strict_future else e >= ref)]
        if ok:
            return min(ok)

    def distance(pair):
        c, e = pair
        if c <= ref <= e:
            return (0, 0)
        return (min(abs((c - ref).days), abs((e - ref).days)), 0 if c <= ref else 1)

    return min(zip(candidates, ends, strict=True), key=distance)[0]
