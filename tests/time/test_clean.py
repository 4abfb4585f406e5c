"""Cleaning and plain-form rewrites of a time expression's words."""

import pytest

from truce.time.clean import LEAD_RE, clean, rewrite


def test_clean_folds_case_abbreviations_and_halves():
    assert clean("Sept. 27, 1989.") == "sept 27, 1989"
    assert clean("10 P.M. Wednesday") == "10 pm wednesday"
    assert clean("5 1/2 hours") == "5.5 hours"


def test_lead_words_are_found():
    m = LEAD_RE.match("no later than friday")
    assert m and m.group(0) == "no later than "


@pytest.mark.parametrize(
    "text, plain",
    [
        ("sometime next year", "next year"),
        ("the next two years or so", "the next two years"),
        ("a week or so ago", "a week ago"),
        ("this past spring", "last spring"),
        ("a three-year period", "three-year"),
        ("two to three weeks", "two weeks"),
        ("the year-earlier nine months", "nine months"),
        ("the corresponding period last year", "the year-earlier period"),
        ("the first two quarters of 1990", "the first half of 1990"),
        ("january nineteen ninety-seven", "january 1997"),
        ("friday", "friday"),  # nothing to rewrite
    ],
)
def test_rewrite(text, plain):
    assert rewrite(text) == plain


def test_later_in_the_day_is_the_narratives_day_when_there_is_one():
    assert rewrite("later in the day", narrative_day=True) == "the same day"
    assert rewrite("later in the day") == "today"
