"""The English words the time grammar is built from: month and weekday names, numbers, units.

These are closed grammatical classes of English (like spaCy's ``spacy/lang/en`` tables), not
knowledge about the world that a user would extend, so they live with the grammar rather than in
``truce/data``. Regular-expression fragments are built here once, at import, from the tables.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

WEEKDAYS: dict[str, int] = {}  # ISO weekday, Monday = 1
for _i, _names in enumerate(
    [
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ],
    start=1,
):
    for _n in _names:
        WEEKDAYS[_n] = _i

UNITS: dict[str, str] = {
    "second": "S",
    "sec": "S",
    "minute": "TM",
    "min": "TM",
    "hour": "H",
    "hr": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "FN",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "yr": "Y",
    "decade": "DE",
    "century": "CE",
    "centuries": "CE",
}


ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "thirtieth": 30, "thirty-first": 31,
}
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "numerous", "a number of", "dozens of",
                 "hundreds of", "a couple of", "couple of", "a couple")

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "midday": "MI", "dawn": "MO", "dusk": "EV", "early hours": "NI", "daybreak": "MO"}


def _alt(words) -> str:
    return "|".join(sorted((w.replace(".", r"\.") for w in words), key=len, reverse=True))


_MONTH_FULL = [m for m in MONTHS if len(m) > 3 or m == "may"]
_MONTH_ABBR = [m for m in MONTHS if len(m) <= 4 and m != "may"]
# Month names in running text are capitalised; abbreviations may carry a full stop.
MONTH_RE = "(?:" + _alt([m.capitalize() for m in _MONTH_FULL] + [m.upper() for m in _MONTH_FULL]) + \
    "|(?:" + _alt([m.capitalize() for m in _MONTH_ABBR]) + r")(?:\.|(?=\s?[0-9])))"
WEEKDAY_RE = "(?:" + _alt([w.capitalize() for w in WEEKDAYS if len(w) > 4]) + ")"
NUMBER_WORD_RE = (
    "(?:(?:" + _alt(TENS) + ")(?:[- ](?:" + _alt([k for k in ONES if ONES[k] and ONES[k] < 10]) + "))?|"
    + _alt(ONES) + ")"
)
NUMBER_RE = (
    r"(?:(?:a|an|one|" + NUMBER_WORD_RE + r")\s+(?:hundred|thousand)|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + NUMBER_WORD_RE
    + r"|(?:a|an|one)(?:\s+and\s+a\s+half)?|half\s+an?|" + _alt(VAGUE_NUMBERS) + ")"
)
UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries)"
# After a day number a bare abbreviation is a month even without a full stop: "02 Aug: residents ..."
MONTH_ABBR_RE = "(?:" + _alt([m.capitalize() for m in _MONTH_ABBR]) + r")\b\.?"
