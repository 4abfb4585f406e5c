"""Publication dates: metadata values and datelines (truce/ingest/_dates.py)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from truce.ingest import find_dateline, parse_date_value

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIRUT, Dec 3, 2025 (Reuters) - Israeli strikes hit the south.", D(2025, 12, 3)),
        ("December 3, 2025 — Israeli strikes hit the south.", D(2025, 12, 3)),
        ("Wednesday, December 3, 2025\n\nIsraeli strikes hit the south.", D(2025, 12, 3)),
        ("Strike hits Tyre\nPublished: 3 Dec 2025 10:04 GMT\nBody.", D(2025, 12, 3)),
        ("Updated 5 Dec 2025\nPublished on 3 December 2025\nBody.", D(2025, 12, 3)),
        ("JERUSALEM, Oct. 30, 2024 (AP) — Officials met.", D(2024, 10, 30)),
        ("2025-12-03T10:00:00Z\nBody text.", D(2025, 12, 3)),
        ("Headline\nTYRE, Lebanon, Nov. 20, 2025 - A drone strike.", D(2025, 11, 20)),
        ("This story is from March 10, 2002\n\nlucknow: the committee met.", D(2002, 3, 10)),
        ("Last modified on Thu 4 Dec 2025 08.10 GMT\nBody.", D(2025, 12, 4)),
    ],
)
def test_dateline_forms(text: str, expected: dt.date) -> None:
    assert find_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a date inside a sentence is an event date, not a dateline
        "Lebanon and Israel held talks on Wednesday, December 3, 2025, in Naqoura.",
        "May 5 people died in the strike, officials said.",
        "Officials met on Thursday.",
        "",
        # too far down the article
        "\n".join(["A line of the article body."] * 8) + "\nDecember 3, 2025 — late",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_yearless_dateline_takes_the_year_nearest_the_default() -> None:
    text = "BEIRUT, Dec 30 (Reuters) - Strikes continued."
    assert find_dateline(text, D(2026, 1, 2)) == D(2025, 12, 30)
    assert find_dateline(text, D(2025, 12, 31)) == D(2025, 12, 30)


def test_yearless_dateline_without_a_default_is_not_guessed() -> None:
    # wire copy mentions other years ("the February 1997 accord"): never borrow one
    assert find_dateline("WARSAW, February 26 (Xinhua) --\nUnlike the February 1997 accord.") is None
    assert find_dateline("BEIRUT, Dec 3 (Reuters) - The truce held.") is None


def test_invalid_calendar_date_is_ignored() -> None:
    assert find_dateline("February 30, 2025 — Body.") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-03", D(2025, 12, 3)),
        ("2025-12-03T23:59:00+02:00", D(2025, 12, 3)),
        ("Wed, 03 Dec 2025 10:00:00 GMT", D(2025, 12, 3)),
        ("December 3, 2025", D(2025, 12, 3)),
        (dt.datetime(2025, 12, 3, 8), D(2025, 12, 3)),
        (time.strptime("2025-12-03", "%Y-%m-%d"), D(2025, 12, 3)),
        (None, None),
        ("", None),
    ],
)
def test_parse_date_value(value: object, expected: dt.date | None) -> None:
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "3 hours ago", "Wednesday", "soon 2025", 20251203])
def test_parse_date_value_never_guesses(value: object) -> None:
    with pytest.raises(ValueError):
        parse_date_value(value)


@pytest.mark.eval
def test_datelines_on_real_news(eval_dir) -> None:
    """On real articles a dateline is either right or absent: TempEval-3 (AP, NYT, Xinhua wire
    copy, mostly datelines without a date) and the Times of India ("This story is from ...")."""
    import html
    import json
    import re

    wrong = found = 0
    for path in sorted((eval_dir / "tempeval3" / "TBAQ-cleaned").glob("*/*.tml")):
        doc = path.read_text(encoding="utf-8")
        dct = re.search(r'<DCT><TIMEX3[^>]*value="(\d{4}-\d\d-\d\d)', doc)
        body = re.search(r"<TEXT>(.*)</TEXT>", doc, re.S)
        if not (dct and body):
            continue
        date = find_dateline(html.unescape(re.sub(r"<[^>]+>", "", body.group(1))))
        if date is not None:
            found += 1
            wrong += abs((date - D.fromisoformat(dct.group(1))).days) > 1
    assert wrong == 0, f"{wrong} of {found} TempEval datelines off by more than a day"

    rows = (eval_dir / "india_police_events" / "metadata.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in rows.splitlines()[:300] if line.strip()]
    dated = [r for r in rows if r["full_text"].startswith("This story is from")]
    found_dates = [(find_dateline(r["full_text"]), D.fromisoformat(r["date"])) for r in rows]
    assert all(got == gold for got, gold in found_dates if got is not None)  # never wrong
    assert sum(got is not None for got, _ in found_dates) >= 0.98 * len(dated) > 0
