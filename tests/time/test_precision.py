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
