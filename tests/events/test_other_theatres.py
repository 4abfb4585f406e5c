"""ACLED types on hand-written notes from theatres the development data does not cover.

The ACLED development notes are all from Kenya and Afghanistan; these notes (Syria, Ukraine, Sudan,
Nigeria, Mexico, Myanmar, Lebanon, Yemen, Colombia, India, Pakistan, DRC, Somalia, Iraq, Haiti ...) check
that the rules hold on other wording: shelling, interceptions, territory taken, bases set up, bombs as
grammatical agents.
"""

import datetime as dt
from pathlib import Path

import pytest

_NOTES = Path(__file__).parent / "data" / "acled_style_notes.tsv"


def _rows():
    for line in _NOTES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            country, day, etype, sub, fatalities, note, *gap = line.split("\t")
            marks = [pytest.mark.xfail(reason=gap[0], strict=True)] if gap else []
            yield pytest.param(dt.date.fromisoformat(day), etype, sub, int(fatalities), note,
                               id=f"{country}-{day}", marks=marks)  # fmt: skip


@pytest.mark.parametrize("day, etype, sub, fatalities, note", list(_rows()))
def test_main_event_type_and_toll_on_other_theatres(extract, day, etype, sub, fatalities, note):
    result = extract(note, published=day + dt.timedelta(days=1))
    assert result.events, "no event found"
    main = result.events[0]
    assert (main.acled_event_type, main.acled_sub_event_type) == (etype, sub)
    assert (main.fatalities.best if main.fatalities else 0) == fatalities
