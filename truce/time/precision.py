"""Map truce's time precision onto the codes of the data sets analysts export to.

ACLED ``time_precision`` (ACLED Codebook): 1 = the day is known; 2 = only a part of a week or a
period of days is known (the event is coded to the middle of it); 3 = only the month (or coarser)
is known. UCDP GED ``date_prec``: 1 = exact day; 2 = a period of 2-6 days; 3 = a week; 4 = a month
(8-30 days); 5 = more than a month (a year, or only known to lie within a longer period).

"reported" (dated only by the article's publication date) is ACLED 2 / UCDP 2: it happened on or
shortly before that day, which is what the codebooks' "a few days" codes express.
"""

from __future__ import annotations

__all__ = ["acled_time_precision", "ucdp_date_prec"]

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
