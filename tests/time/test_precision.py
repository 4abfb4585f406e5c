import pytest

from truce.time.precision import acled_time_precision, ucdp_date_prec


@pytest.mark.parametrize(
    "precision, acled, ucdp",
    [("day", 1, 1), ("reported", 2, 2), ("week", 2, 3), ("month", 3, 4), ("quarter", 3, 5),
     ("season", 3, 5), ("year", 3, 5), ("decade", 3, 5), ("unknown", 3, 5), (None, 3, 5), ("nonsense", 3, 5)],
)
def test_codes(precision, acled, ucdp):
    assert acled_time_precision(precision) == acled
    assert ucdp_date_prec(precision) == ucdp


def test_every_record_precision_has_a_code():
    import typing

    from truce.records import TimePrecision

    for p in typing.get_args(TimePrecision):
        assert 1 <= acled_time_precision(p) <= 3
        assert 1 <= ucdp_date_prec(p) <= 5


def test_acled_event_date_is_the_middle_of_a_known_period():
    import datetime as dt

    from truce.records import EventDate
    from truce.time.precision import acled_event_date

    d = dt.date.fromisoformat
    assert acled_event_date(EventDate(d("2024-05-03"), d("2024-05-03"), "day")) == d("2024-05-03")
    assert acled_event_date(EventDate(d("2024-05-03"), d("2024-05-04"), "reported")) == d("2024-05-03")
    assert acled_event_date(EventDate(d("2024-08-01"), d("2024-08-31"), "month")) == d("2024-08-15")
    # a Monday-to-Sunday week: its Wednesday
    assert acled_event_date(EventDate(d("2024-10-14"), d("2024-10-20"), "week")) == d("2024-10-16")
    # another span: its middle day
    assert acled_event_date(EventDate(d("2024-08-09"), d("2024-08-13"), "week")) == d("2024-08-11")
    assert acled_event_date(EventDate(None, d("2024-08-13"), "week")) == d("2024-08-13")
    assert acled_event_date(EventDate(None, None, "unknown")) is None
