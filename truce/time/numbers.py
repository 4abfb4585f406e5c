"""Numbers in time expressions: words and digits, spoken years, TIMEX3 duration values."""

from __future__ import annotations

import re

from truce.time.lexicon import ONES, TENS, UNITS

__all__ = ["number", "spoken_year", "num_text", "unit_code", "duration_value"]


def number(word: str) -> float | None:
    """A number written in digits or words; None for vague amounts ("several", "a few")."""
    w = word.strip().replace(",", "")
    if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", w):
        return float(w)
    if w in ("a", "an", "one", "a single", "single"):
        return 1
    if re.fullmatch(r"(?:a|an|one) and a half", w):
        return 1.5
    if re.fullmatch(r"half an?|a half", w):
        return 0.5
    if w in ("a couple", "a couple of", "couple of", "a pair of"):
        return 2
    if w in ONES:
        return ONES[w]
    parts = re.split(r"[- ]", w)
    if parts and parts[0] in TENS:
        return TENS[parts[0]] + (ONES.get(parts[1], 0) if len(parts) > 1 else 0)
    if w in ("dozen", "a dozen"):
        return 12
    if m := re.fullmatch(r"(.+?) (hundred|thousand)", w):  # "a hundred", "two thousand"
        n = number(m.group(1))
        return None if n is None else n * (100 if m.group(2) == "hundred" else 1000)
    return None


_SPOKEN_CENTURY = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}


def spoken_year(s: str) -> int | None:
    """ "nineteen ninety-six" → 1996, "two thousand and one" → 2001, "twenty ten" → 2010."""
    s = s.removeprefix("the year ").replace("-", " ")
    if s.startswith("two thousand"):
        rest = s[len("two thousand"):].strip().removeprefix("and ").strip()
        if not rest:
            return 2000
        n = number(rest)
        return 2000 + int(n) if n is not None and 1 <= n <= 99 else None  # "two thousand years" is no year
    first, _, rest = s.partition(" ")
    if first not in _SPOKEN_CENTURY or not rest:
        return None
    rest = rest.replace("oh ", "")
    n = number(rest)
    if n is None or not 1 <= n <= 99:
        return None
    return _SPOKEN_CENTURY[first] + int(n)


def num_text(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def unit_code(word: str) -> str | None:
    w = word.rstrip("s") if word not in ("centuries",) else word
    if word.endswith("ies"):
        w = word[:-3] + "y"
    return UNITS.get(w) or UNITS.get(word)


_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "TM"), "TM": (60, "S")}


def duration_value(n: float | None, unit: str) -> str:
    if n is not None and n != int(n) and unit in _SMALLER:
        # "5 1/2 hours" → PT5H30M, "2 1/2 years" → P2Y6M
        factor, small = _SMALLER[unit]
        whole, rest = int(n), round((n - int(n)) * factor)
        head = duration_value(whole, unit) if whole else ("PT" if small in ("H", "TM", "S") else "P")
        if small in ("H", "TM", "S") and "T" not in head:
            head += "T"
        return f"{head}{rest}{'M' if small == 'TM' else small}"
    amount = "X" if n is None else num_text(n)
    if unit in ("H", "TM", "S"):
        return f"PT{amount}{'M' if unit == 'TM' else unit}"
    if unit == "FN":
        return f"P{'X' if n is None else num_text(2 * n)}W"
    if unit in ("DE", "CE") and n is not None:
        return f"P{num_text(n * (10 if unit == 'DE' else 100))}Y"  # "two decades" → P20Y
    if unit in ("DE", "CE"):
        return f"PX{'E' if unit == 'DE' else 'C'}"  # "decades", "centuries": TIMEX3's decade and century units
    if unit == "WE":
        return f"P{amount}WE"
    if unit == "Y" and n is not None and n >= 1000 and n % 1000 == 0:
        return f"P{num_text(n // 1000)}L"  # "two thousand years": TIMEX3 counts millennia with L
    return f"P{amount}{unit}"
