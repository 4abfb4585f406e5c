"""Cleaning a time expression's words before the grammar reads them.

``clean`` lower-cases and normalises punctuation and abbreviations; ``LEAD_RE`` and ``MOD_RE`` find
the prepositions and modifiers ("since", "by", "early", "the end of") that the grammar sets aside;
``rewrite`` turns hedged or roundabout wordings into the plain form the grammar reads ("sometime
next year" → "next year", "two to three weeks" → "two weeks", "the corresponding period last year"
→ "the year-earlier period"), leaving the value TimeML gives them unchanged.
"""

from __future__ import annotations

import re

from truce.time.numbers import spoken_year

__all__ = ["clean", "rewrite", "LEAD_RE", "MOD_RE", "DEADLINE_LEAD"]

_LEADS = ("at least", "at most", "at the latest", "no more than", "no less than", "on", "in", "at", "by", "since", "until", "till", "til", "before", "after", "during", "from",
          "for", "over", "through", "throughout", "within", "around", "about", "of", "as of", "to",
          "between", "starting", "beginning", "ending", "prior to", "up to", "ahead of", "no later than",
          "as early as", "as late as", "later than", "earlier than", "just", "only", "approximately",
          "nearly", "almost", "more than", "less than", "some", "roughly", "barely", "under", "past",
          "this past", "the past")
LEAD_RE = re.compile(r"^(?:" + "|".join(sorted((re.escape(x) for x in _LEADS if x not in
                                                  ("past", "this past", "the past", "some")),
                                                 key=len, reverse=True)) + r")\s+")
MOD_RE = re.compile(
    r"^(?:the )?(?:(early|late|mid|the end of|end of|the beginning of|beginning of|the start of|start of|"
    r"the middle of|middle of|the turn of|the close of|the first half of|the second half of)[\s-]+)"
)


DEADLINE_LEAD = re.compile(
    r"(?:\b(?:until|till|by|through|ahead of)|\b(?:extended|postponed|delayed|moved|pushed|rescheduled|adjourned|"
    r"deferred|set)(?: \w+)? to|\bset)$"
)


def clean(text: str) -> str:
    s = text.lower().replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    s = re.sub(r"\b([ap])\.\s?m\.?", r"\1m", s)
    s = re.sub(r"\b([ap])\s?m\b", r"\1m", s)
    s = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|thu|thurs|fri|sat|sun)\.",
               r"\1", s)
    s = re.sub(r"[\"“”()]", " ", s)
    s = re.sub(r"(?<=[a-z])'s\b|(?<=s)'(?=\s|$)", "", s)
    s = re.sub(r"\s+", " ", s).strip(" ,.;:!?")
    s = re.sub(r"\b([0-9]+) 1/2\b", r"\1.5", s)
    return s


def rewrite(s: str, narrative_day: bool = False) -> str:
    """The cleaned expression in the plain form the grammar reads. ``narrative_day``: the text has
    named a day before it ("later in the day" is that day, else the report's)."""
    if (sp := re.fullmatch(r"(.+? )((?:eighteen|nineteen|twenty|two thousand)\b.*)", s)) \
            and (spoken := spoken_year(sp.group(2))):
        s = f"{sp.group(1)}{spoken}"  # "january nineteen ninety-seven" reads as "january 1997"
    # "the current fiscal year" is the current year, "earlier in the year" this year
    s = re.sub(r"\b(?:fiscal|financial) (?=year\b)", "", s)
    s = re.sub(r"^(?:earlier|later) in the (week|month|year)$", r"this \1", s)
    if re.fullmatch(r"(?:earlier|later) in the day", s):
        s = "the same day" if narrative_day else "today"  # the narrative's day, else the report's
    # hedges around a time that leave its value alone: "sometime next year", "the next year or so",
    # "1994 or later", "1990 and beyond", "a good part of 1990", "post-1959", "each of the past three years"
    s = re.sub(r"^(?:sometime|some time|a good part of|much of|most of|each of|post-|pre-)\s*(?=\S)", "", s)
    s = re.sub(r"\s+(?:or so|or later|or earlier|or more|and beyond|and later|and after)$", "", s)
    s = re.sub(r" or so (?=ago$|earlier$|later$)", " ", s)  # "a week or so ago"
    s = re.sub(r"^this past (?=spring|summer|fall|autumn|winter|week|weekend|month|year)", "last ", s)
    # "a three-year period", "a one-year term": the length; "two to three weeks": TimeML writes the first
    s = re.sub(r"^(?:(?:a|an|the) )?([a-z0-9]+[- ](?:day|week|month|year|decade))[- ](?:period|term|span|stretch|spell|window)$",
               r"\1", s)
    s = re.sub(r"^((?:the (?:next|past|last|first) )?)([a-z0-9]+) (?:to|or|-) [a-z0-9]+ "
               r"(seconds|minutes|hours|days|weeks|months|years|decades)$", r"\1\2 \3", s)
    # "the year-earlier nine months": the nine months; "the first two quarters of 1990": its first half
    s = re.sub(r"^the (?:year-earlier|year-ago|comparable|corresponding) (?=[a-z0-9]+ (?:months|weeks|days)$)", "", s)
    s = re.sub(r"^(?:the )?first two quarters(?: of)? (?=[0-9]{4}$)", "the first half of ", s)
    # "the corresponding period last year" is the year-earlier period (the report's quarter a year back)
    s = re.sub(r"^(?:the )?(?:comparable|corresponding|same) (quarter|period) (?:of |in )?(?:last year|the previous year|"
               r"the prior year|a year earlier|a year ago)$", r"the year-earlier \1", s)
    return s
