"""The detection patterns on their own (no parse)."""

import time

import pytest

from truce.time.detect import is_age, pattern_spans


def _spans(text):
    return [text[c.start : c.end] for c in pattern_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On the night of November 19, forces struck.", ["the night of November 19"]),
        ("The Nov. 23 strike was the first.", ["The Nov. 23"]),
        ("by year-end, before the new year", ["year-end", "the new year"]),
        ("between 19 and 23 November", ["between 19 and 23 November"]),
        ("02 Aug: residents barricaded the road", ["02 Aug"]),
        ("at 10 p.m. Wednesday", ["10 p.m. Wednesday"]),
        ("Resolution 1701 was adopted in 2006.", ["2006"]),
        ("Jan Egeland spoke in Lucky Summer estate.", []),
        ("a 60-day truce over the past five weeks", ["60-day", "the past five weeks"]),
        ("in the winter of nineteen ninety-four", ["the winter of nineteen ninety-four"]),
    ],
)
def test_patterns(text, expected):
    assert _spans(text) == expected


def test_ages():
    assert is_age("6-year-old") and is_age("the 52-year-old") and is_age("52 years old")
    assert not is_age("year-old") and not is_age("a year-old")


def test_many_matches_stay_fast():
    text = "Monday Tuesday " * 3000
    t0 = time.perf_counter()
    assert len(pattern_spans(text)) == 6000
    assert time.perf_counter() - t0 < 5


def test_month_names_need_a_word_end():
    assert _spans("The Mayor spoke in Maybury.") == []


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Thousands joined the March for Peace on the coast road.", []),
        ("Mourners walked in the March of the Mothers downtown.", []),
        ("He told USA Today that shelling resumed.", []),
        ("Talks resumed in March for the first time.", ["March"]),
        ("Today the army withdrew.", ["Today"]),
        ("The envoy said: Today we sign.", ["Today"]),
    ],
)
def test_times_inside_names(text, kept):
    from truce.time.detect import is_name

    found = [text[c.start : c.end] for c in pattern_spans(text) if not is_name(text, c.start, c.end)]
    assert found == kept
