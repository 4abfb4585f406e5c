"""Publication dates: metadata values and datelines at the top of an article's text.

Rules (docs/ingest.md): a date given in metadata wins; else a dateline in the first lines of the
text; else the caller's default; else unknown. Nothing here ever falls back to today: strings
without an explicit four-digit year ("yesterday", "3 hours ago") are not dates for this purpose.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "December 3, 2025", "Dec. 3", "3 December 2025", "2025-12-03"
_DATE_FORMS = (
    rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b",
    rf"{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?\b",
    r"(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?:T[\d:.+\-Z]*)?(?!\w)",
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?"
_AGENCY = r"(?:\s*\((?:Reuters|AP|AFP|dpa|Xinhua|Anadolu|[A-Z][A-Za-z ]{1,20})\))?"
_SEP = r"\s*(?:[-–—|:]|\(|$)"
_CITY = r"[A-Z][A-Za-z'’.\- ]{1,40}(?:,\s*[A-Z][A-Za-z'’.\- ]{1,30})?,\s+"
_LABEL = (
    r"(?P<label>(?:First\s+)?Published|Posted|(?:Last\s+)?Updated|Last\s+modified|Date"
    r"|This\s+(?:story|article|report)\s+(?:is|was)\s+(?:from|published(?:\s+on)?))"
    r"(?:\s+on)?\s*:?\s*"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = []
for _form in _DATE_FORMS:
    _PATTERNS += [
        ("label", re.compile(rf"^{_LABEL}{_WEEKDAY}?{_form}{_TIME}", re.I)),
        ("city", re.compile(rf"^{_CITY}{_WEEKDAY}?{_form}{_AGENCY}{_SEP}")),
        ("line", re.compile(rf"^{_WEEKDAY}?{_form}{_TIME}{_SEP}")),
    ]

# How far into an article a dateline may sit.
_MAX_LINES = 6
_MAX_CHARS = 1500


def parse_date_value(value: Any) -> dt.date | None:
    """A metadata date (ISO string, RFC 2822 string, date, datetime or struct_time) or None.

    Raises ``ValueError`` for a string that is not a date with an explicit year, so a bad field is
    reported rather than silently replaced.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        raise ValueError(f"published {value!r} is not a date (use YYYY-MM-DD)")
    text = value.strip()
    iso = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", text)
    if iso:
        return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
    if not re.search(r"\b(?:19|20)\d\d\b", text):
        raise ValueError(f"published {value!r} has no explicit year (use YYYY-MM-DD)")
    import email.utils

    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        raise ValueError(f"published {value!r} is not a date (use YYYY-MM-DD)")
    return parsed.date()


def find_dateline(text: str, default: dt.date | None = None) -> dt.date | None:
    """The publication date written at the top of ``text``, or None.

    Recognised at the start of one of the first lines: "BEIRUT, Dec 3 (Reuters) -",
    "December 3, 2025 —", "Wednesday, December 3, 2025", "Published: 3 Dec 2025 10:04 GMT",
    "This story is from March 10, 2002", "2025-12-03". A "Published" label beats "Updated".
    A dateline without a year takes the year that puts it nearest ``default``; without a default
    it is not used (guessing the year from other dates in the text was wrong on real wire copy).
    """
    found: list[tuple[int, dt.date]] = []
    lines = [ln.strip() for ln in text[:_MAX_CHARS].splitlines() if ln.strip()][:_MAX_LINES]
    for line in lines:
        for kind, pattern in _PATTERNS:
            m = pattern.match(line)
            if not m:
                continue
            date = _date_from_match(m, default)
            if date is None:
                continue
            rank = 0 if kind != "label" or not _is_update(m["label"]) else 1
            found.append((rank, date))
            break
    if not found:
        return None
    found.sort(key=lambda item: item[0])  # stable: the first line wins among equals
    return found[0][1]


def _is_update(label: str) -> bool:
    return "updated" in label.lower()


def _date_from_match(m: re.Match[str], default: dt.date | None) -> dt.date | None:
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"][:3].lower()]
    day = int(groups["day"])
    if groups.get("year"):
        return _safe_date(int(groups["year"]), month, day)
    if default is None:
        return None
    candidates = [_safe_date(default.year + k, month, day) for k in (-1, 0, 1)]
    valid = [c for c in candidates if c is not None]
    return min(valid, key=lambda c: abs((c - default).days)) if valid else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
