"""The calendar choices made against a Context."""

import datetime as dt

import pytest

from truce.time.context import Context, _make_date, _resolve_month_day, _resolve_weekday, _Unresolvable

THU = dt.date(2025, 12, 4)


def test_weekday_by_tense():
    assert _resolve_weekday(3, Context(THU, "past")) == dt.date(2025, 12, 3)
    assert _resolve_weekday(4, Context(THU, "future")) == dt.date(2025, 12, 11)
    # with a time of day later on, a future on the publication's own weekday is that day
    assert _resolve_weekday(4, Context(THU, "future"), later_today=True) == THU


def test_month_day_stays_near_an_explicit_year_told_in_the_past():
    ctx = Context(dt.date(2024, 10, 20), "past", absolute=dt.date(2023, 10, 8))
    assert _resolve_month_day(10, 10, ctx) == dt.date(2023, 10, 10)


def test_impossible_dates_say_why():
    with pytest.raises(_Unresolvable, match="February 30"):
        _make_date(2025, 2, 30)
