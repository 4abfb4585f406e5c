"""Finding time expressions: the project's own patterns, with spaCy's DATE/TIME entities as a backup.

spaCy's small model misses or cuts many expressions ("the night of November 19", "Nov. 23",
"year-end", "between 19 and 23 November", "now", "recently"), and labels some non-times ("under
1701"). The patterns below find what news writes; a spaCy entity is kept where no pattern matched and
the grammar understands it (or it holds a time word). Overlaps keep the longer span.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from truce.time.lexicon import MONTH_ABBR_RE, MONTH_RE, MONTHS, NUMBER_RE, UNIT_RE, WEEKDAY_RE

MONTH_ABBR3 = {m[:3] for m in MONTHS}

_D = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_Y = r"(?:1[89][0-9]{2}|20[0-9]{2})"
_POD = r"(?:morning|afternoon|evening|night|early hours)"
_PREFIX = (
    rf"(?:(?i:the\s+(?:{_POD}|end|beginning|start|middle|first\s+half|second\s+half|weekend|"
    rf"(?:(?:first|second|third|fourth|last|final)\s+)?week)\s+of|"
    r"(?:during\s+)?(?:the\s+)?[Ww]eek\s+(?:of|beginning|starting|commencing))\s+)?"
    r"(?:(?i:early|late|mid)[\s-]+)?"
)
_RANGE = r"(?:\s*(?:-|–|\bto\b)\s*)"
_BETWEEN_RANGE = r"(?:\s*(?:-|–|\band\b|\bto\b)\s*)"

_DATE = (
    rf"(?i:between)\s+(?:{MONTH_RE}\s+{_D}\b{_BETWEEN_RANGE}(?:{MONTH_RE}\s+)?{_D}\b"
    rf"|{_D}{_BETWEEN_RANGE}{_D}\s+(?:(?i:of)\s+)?{MONTH_RE})(?:,?\s+{_Y}\b)?|"
    rf"{_PREFIX}(?:{WEEKDAY_RE},?\s+|(?i:from)\s+)?(?:(?i:the)\s+)?(?:"
    rf"{MONTH_RE}\s+{_D}\b(?:{_RANGE}(?:{MONTH_RE}\s+)?{_D}\b)?(?:,?\s+{_Y}\b)?"
    rf"|{_D}(?:{_RANGE}{_D})?\s+(?:(?i:of)\s+)?(?:{MONTH_RE}|{MONTH_ABBR_RE})(?:,?\s+{_Y}\b)?"
    rf"|{MONTH_RE},?\s+(?:(?i:of)\s+)?{_Y}\b"
    rf"|{MONTH_RE}\s+(?:(?i:of)\s+)?(?i:this|last|next)\s+(?i:year)\b"
    rf"|{MONTH_RE}(?![A-Za-z])(?![\s.]*[0-9])"
    rf")"
)
_NUMERIC = r"\b(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2}))\b"
# a day and month in figures with no year ("on the night of 26/12", "(06/06)"): only after a word that
# introduces a date, so that scores and fractions ("won 3/4 of the seats") stay numbers
_DAY_MONTH = rf"(?:(?i:the\s+{_POD}\s+of)\s+)?\b[0-9]{{1,2}}/[0-9]{{1,2}}\b(?![/0-9])"
_DAY_MONTH_LEAD = re.compile(r"(?i:\b(?:on|of|dated|since|from|until|by|before|after)\s+|\()$")
_WEEKDAY = (
    rf"(?:(?i:the\s+{_POD}\s+of)\s+)?(?:(?i:last|next|this|early|late|past|coming|each|every|the\s+previous|the\s+following)\s+)?"
    rf"{WEEKDAY_RE}s?\b(?:\s+(?i:{_POD})s?\b)?"
)
_CLOCK = (r"(?i:\b(?:[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)(?:\s+(?:GMT|UTC|EST|EDT|local\s+time))?"
          r"|[0-9]{1,2}:[0-9]{2}\b(?:\s+(?:GMT|UTC|EST|EDT|local\s+time))?|noon|midnight|midday|mid[\s-]?(?:afternoon|morning)"
          r"|[0-9]{1,2}(?:\s+o'clock)?\s+in\s+the\s+(?:morning|afternoon|evening)))")
_RELDAY = (
    rf"(?i:\b(?:(?:later|earlier)\s+)?(?:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)|today|tonight|yesterday"
    rf"|tomorrow|overnight|(?:this|last|tomorrow|yesterday)\s+{_POD}|{_POD}\s+(?:yesterday|today|tomorrow))\b)"
)
_THISLAST = (
    r"(?i:\b(?:(?:earlier|later)\s+)?(?:this|last|next|coming|previous|current|latest|"
    r"the\s+(?:past|last|next|coming|previous|following|same|latest|current|preceding|full))\s+"
    r"(?:(?:fiscal|financial)\s+)?(?:week(?:end)?|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)\b)"
    r"|(?i:\bthe\s+(?:fiscal|financial)\s+year\b)"
    r"|(?i:\b(?:earlier|later)\s+in\s+the\s+(?:day|week|month|year)\b)"
    # "the first nine months of the year": the year they belong to is an expression of its own
    r"|(?i:(?:(?<=\bmonths\sof\s)|(?<=\bweeks\sof\s)|(?<=\bquarters\sof\s))the\s+year\b)"
    # a period named by its end, as earnings reports do: "the year ended Aug. 31", "the quarter ending June 30"
    rf"|(?i:\bthe\s+(?:fiscal\s+)?(?:year|quarter)(?=\s+(?:ended|ending)\s+{MONTH_RE}))"
    rf"|(?i:\b(?:last|next|this|past)\s+){MONTH_RE}\b"
)
_NARRATIVE = (
    r"(?i:\b(?:the\s+(?:following|next|previous|preceding|same)|that)\s+(?:day|night|morning|evening|afternoon|"
    r"week|weekend|month|year)\b|\bthe\s+day\s+(?:before|after)\b)"
)
_DURATION = (
    rf"(?i:\b(?:the\s+)?(?:(?:past|last|next|first|coming|previous|final|following|recent|remaining|year-earlier|"
    rf"year-ago)\s+)?"
    rf"(?:(?:about|around|nearly|almost|more\s+than|less\s+than|at\s+least|up\s+to|only|just|some|roughly|"
    rf"approximately)\s+)?{NUMBER_RE}(?:\s+1/2)?[\s-]+(?:and\s+a\s+half[\s-]+)?"
    rf"(?:(?:more|additional|extra|further|full|straight|consecutive|trading|business|working)\s+)?{UNIT_RE}\b"
    rf"(?:[\s-]+(?:old\b|long\b|ago\b|earlier\b|later\b|from\s+now\b|and\s+a\s+half\b))?)"
    rf"|(?i:\b{UNIT_RE}-(?:old|long)\b)"
    r"|(?i:\bthe\s+(?:nineteen\s+)?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"
    r"|(?i:\b(?:just\s+)?(?:days|weeks|months|years|hours)\s+(?:later|earlier|ago)\b)"
)
# "today is the eighth day of Desert Shield", "it's the second day of an offensive": today, counted
# from an event's start (kept only after a present "is", see pattern_spans)
_ORDINAL_DAY = (r"(?i:\bthe\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                r"[0-9]{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|successive\s+)?day\b)")
_IS_BEFORE = re.compile(r"(?i)(?:\bis|\w's|\w’s)\s+$")
_QUARTER = (
    rf"(?i:\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?"
    rf"(?:(?:year-earlier|year-ago|year\s+earlier|(?:next|last|this|previous|prior)\s+year(?:'s)?|{_Y})\s+)?"
    rf"(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|half)"
    rf"|(?:{_Y}|year-ago|year-earlier)\s+(?:quarter|period)"
    rf"|(?:comparable|corresponding|same)\s+(?:quarter|period)\s+(?:of\s+|in\s+)?(?:last\s+year|the\s+(?:previous|prior)"
    rf"\s+year|a\s+year\s+(?:earlier|ago))"
    rf"|(?:latest|current|previous|same|year-earlier|year-ago|year\s+earlier|fiscal)\s+(?:quarter|period)"
    rf"|year-(?:earlier|ago)"
    rf"|Q[1-4])\b(?:\s+(?:of\s+)?(?:fiscal\s+)?{_Y}\b)?)"
)
_YEAR = (
    rf"(?:(?i:\bfiscal|\bthe\s+year|\bcalendar)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?<![$£€0-9.,])\b{_Y}\b"
    r"(?![0-9]|\s*(?:%|percent|per\s+cent)|,[0-9]|\.[0-9])"
    r"|(?i:\bthe\s+year\s+[0-9]{3,6}\b)"
)
_DECADE = (r"(?i:\b(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?:1[5-9]|20)[0-9]0s|'[0-9]0s)\b)"
           r"|(?i:\b(?:the\s+)?(?:[0-9]{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
           r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
           r"twentieth|twenty-first)\s+century\b)")
_SEASON = (rf"(?i:\b(?:(?:this|last|next|early|late|mid|past|coming)[\s-]+)(?:spring|summer|autumn|winter|fall)\b)"
           rf"|(?i:\b(?:spring|summer|autumn|winter|fall)\s+(?:of\s+)?){_Y}\b"
           rf"|\b(?:(?i:in|during|over|through|this|the)\s+)(?:the\s+)?(?:spring|summer|autumn|winter)\b")
_SPOKEN_YEAR = (
    r"(?i:\b(?:the\s+year\s+)?(?:(?:nineteen|eighteen|twenty)\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)\b)"
)
# a month or season with its year spoken, as broadcast transcripts write it: "January nineteen
# ninety-seven", "the winter of nineteen ninety-four"
_SPOKEN_DATED = (rf"(?:(?i:the\s+)?(?i:spring|summer|autumn|winter|fall)\s+(?i:of\s+)?|{MONTH_RE}\s+(?i:of\s+)?)"
                 rf"{_SPOKEN_YEAR}")
_SPECIAL = (
    r"(?i:\b(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?(?:year|month|week)|year[\s-]end|year's\s+end|month[\s-]end)\b)"
    r"|(?i:\bthe\s+new\s+year\b)"
    r"|\b(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year'?s?\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Halloween|Boxing\s+Day"
    r"|Valentine'?s?\s+Day|Labor\s+Day|Election\s+Day|Easter(?:\s+(?:Sunday|Monday|[Ww]eek(?:end)?))?|Good\s+Friday)\b"
)
_REF = (
    r"(?i:\b(?:then[\s-]current|current(?=\s+[a-z])(?!\s+(?:accounts?|affairs|assets|liabilities|ratio|"
    r"flows?|density|source)\b)|right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|recently|lately"
    r"|the\s+(?:near\s+|distant\s+)?future|the\s+past|the\s+(?:near|short|long|longer)\s+term"
    r"|the\s+coming\s+(?:days|weeks|months|years)|the\s+(?:days|weeks|months|years)\s+ahead"
    r"|recent\s+(?:days|weeks|months|years)|an?\s+(?:later|future)\s+date|this\s+(?:[a-z]+\s+)?moment)\b)"
    r"|(?i:(?<=\bfor\s)a\s+(?:little\s+|long\s+|short\s+)?while\b)"
)
_SET = (
    r"(?i:\b(?:daily|weekly|monthly|annually|yearly|hourly|nightly"
    r"|(?:every|each)\s+(?:other\s+)?(?:[0-9]+\s+|few\s+|two\s+|three\s+)?"
    r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year)s?"
    r"|(?:once|twice|[a-z]+\s+times)\s+a\s+(?:day|week|month|year))\b)"
    rf"|(?i:\b(?:every|each)\s+)(?:{WEEKDAY_RE}|{MONTH_RE})"
)

# Every expression starts at a word's start: the lookbehind lets the engine skip the middle of words
# at once instead of trying each alternative there (most of the time detection costs).
PATTERNS: list[tuple[str, re.Pattern]] = [
    (name, re.compile(r"(?<![A-Za-z0-9])(?:" + rx + ")"))
    for name, rx in [
        ("date", _DATE),
        ("numeric", _NUMERIC),
        ("daymonth", _DAY_MONTH),
        ("weekday", _WEEKDAY),
        ("clock", _CLOCK),
        ("relday", _RELDAY),
        ("thislast", _THISLAST),
        ("narrative", _NARRATIVE),
        ("duration", _DURATION),
        ("quarter", _QUARTER),
        ("ordinal_day", _ORDINAL_DAY),
        ("year", _YEAR),
        ("decade", _DECADE),
        ("season", _SEASON),
        ("special", _SPECIAL),
        ("spoken_year", _SPOKEN_YEAR),
        ("spoken_dated", _SPOKEN_DATED),
        ("ref", _REF),
        ("set", _SET),
    ]
]

_DAY_BEFORE = re.compile(r"(?i)\bday\s+(?:before|after)$")
# A TIME at a clock hour followed by the day it falls on is one expression: "10 p.m. Wednesday".
_JOIN = re.compile(r"^(?:,?\s+(?:on\s+)?|\s*,\s*)$")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    source: str  # the pattern name, or "spacy"
    label: str | None = None  # spaCy's label for spaCy entities


def pattern_spans(text: str) -> list[Candidate]:
    """Every pattern match, overlaps resolved (longest first, then earliest)."""
    found = []
    for name, rx in PATTERNS:
        for m in rx.finditer(text):
            start, end = m.span()
            # trim surrounding blanks and a trailing possessive
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1] in " \t\n,":
                end -= 1
            if name == "date" and text[start:start + 5].lower() == "from " and \
                    not re.search(r"\bto\b|[-–]", text[start:end]):
                start += 5  # "from August 6" alone: the date, not the preposition (TIMEX3 extent)
            if name == "duration" and re.match(r"(?i)following\s", text[start:end]):
                start += 10  # "following two days of clashes": the preposition, not "the following two days"
            if name == "duration" and is_age(m.group(0)) and not _AGED_THING.match(text, end):
                continue  # "the 6-year-old", but "the IRA's 8-month-old truce" is how long it has lasted
            if name == "ordinal_day" and not _IS_BEFORE.search(text[max(0, start - 12):start]):
                continue
            if name == "daymonth" and not text[start].isalpha() and \
                    not _DAY_MONTH_LEAD.search(text[max(0, start - 8):start]):
                continue
            if name == "daymonth" and text[start:end] == "9/11":
                continue  # the attacks of September 11, 2001, named as an event: "shortly after 9/11"
            if end > start and not (name == "year" and _labelled_number(text, start)):
                found.append(Candidate(start, end, name))
    return join_adjacent(text, resolve_overlaps(found))


# a person's age ("the 6-year-old", "52 years old") is no time expression; "a year-old truce" is
_AGE = re.compile(r"^(?:the\s+)?(?:[0-9]+|[a-z]+-?[a-z]*)[\s-]+(?:year|month|week|day)s?[\s-]+old$", re.I)
_NOT_AGE = re.compile(r"^(?:the\s+)?(?:a|an|one)\b", re.I)


# what an "N-month-old" describes when it is a span of time, not a person's age
_AGED_THING = re.compile(
    r"[\s-]+(?:truce|ceasefire|cease-fire|war|conflict|siege|blockade|strike|dispute|crisis|campaign|ban|embargo|"
    r"moratorium|freeze|deal|agreement|accord|law|government|coalition|offensive|occupation|insurgency|"
    r"uprising|standoff|stand-off|protests?|movement|slump|recession|boom|peace|investigation|probe|feud|"
    r"rivalry|negotiations|talks|process|policy|alliance|regime|rule|reign|stalemate|deadlock|lockdown|"
    r"curfew|state\s+of\s+emergency)\b", re.I)


def is_age(text: str) -> bool:
    """"the 6-year-old", "52 years old": an age, not a time expression ("a year-old truce" is one)."""
    t = text.strip()
    return bool(_AGE.search(t)) and not _NOT_AGE.search(t)


_NOT_LABELS = {"in", "since", "by", "until", "before", "after", "from", "during", "of", "mid", "early", "late",
               "the", "fiscal", "and", "or", "to", "through", "between", "summer", "spring", "autumn",
               "winter", "fall", "year", "calendar", "on", "for", "around", "about", "circa", "c", "as"}
_PREV_WORD = re.compile(r"([A-Za-z.#]+)\s*$")


def _labelled_number(text: str, start: int) -> bool:
    """A number named by the capitalised word before it ("Resolution 1701", "Flight 1907", "No. 1999")."""
    m = _PREV_WORD.search(text[max(0, start - 25) : start])
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if word.lower() in _NOT_LABELS or word.lower()[:3] in MONTH_ABBR3:
        return False
    return word[:1].isupper() or word in ("#", "no", "number")


# a capitalised month that begins a name: "the March for Life", "the March of the Combatant Mothers"
_MONTH_NAME_AFTER = re.compile(r"\s+(?:for|of\s+the|against)\s+[A-Z]")
_BARE_MONTH = re.compile(rf"^(?:(?i:the)\s+)?{MONTH_RE}$")
# words written in lower case when they mean a time; capitalised after a capitalised word they are
# part of a name: "USA Today", "VOA Today", "High Noon"
_LOWER_TIME_WORDS = {"Today", "Tonight", "Tomorrow", "Yesterday", "Noon", "Midnight", "Now"}
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[\s-]+$")


_MAY_PERSON = re.compile(r"(?:'s|’s)?\s+(?:to\s+(?!(?:January|February|March|April|June|July|August|September|October|"
                         r"November|December)\b)[a-z]+|said|says|told|insisted|added|warned|announced|wants|"
                         r"urged|faces|faced)\b")
_MAY_SUBJECT = re.compile(r"\s+(?:is|was|has|had|will|would|could|cannot|can't|did|does)\s+(?:not\s+)?[a-z]")
# a month written as a surname after a given name or a title, with nothing between
_PERSON_MONTHS = {"May", "June", "April", "August", "January"}
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+\.?)\s+$")
_NOT_GIVEN_NAMES = {"In", "On", "Since", "Until", "Till", "By", "Last", "Next", "This", "That", "Early", "Late", "Mid",
                    "From", "Through", "During", "Before", "After", "Of", "And", "Or", "But", "The", "Every", "Each",
                    "Around", "About", "Between", "Throughout", "Following", "Past", "Coming", "Monday", "Tuesday",
                    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
                    "Sun", "Then", "Also", "As", "Only", "Even", "Sometime", "Sometimes", "When", "Not", "Into", "For",
                    "To", "At", "With", "Like", "Than"}
# "May God protect them", "May he rest in peace": the wish, not the month
_MAY_WISH = re.compile(r"\s+(?:God|Allah|the\s+Lord|he|she|they|we|you|it|his|her|their|our)\b")


def is_name(text: str, start: int, end: int) -> bool:
    """The candidate at ``start``-``end`` is part of a name, not a time: "the March for Life",
    "USA Today", "High Noon"; nor is the "May" of a wish ("May God damn them")."""
    piece = text[start:end]
    if piece == "May" and _MAY_PERSON.match(text, end):
        return True  # "called on May to engage", "May said": a person (the month is "in May", "May 5")
    if piece == "May" and _MAY_SUBJECT.match(text, end) and \
            re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[max(0, start - 3):start]):
        return True  # "May is expected to ...", at the head of a sentence
    if piece in _PERSON_MONTHS and (m := _NAME_BEFORE.search(text[max(0, start - 30):start])) and \
            m.group(1) not in _NOT_GIVEN_NAMES:
        return True  # "Theresa May", "Mrs May", "Brian May": a surname
    if piece == "May" and _MAY_WISH.match(text, end) and \
            re.search(r"(?:^|[.!?:;]\s+|[“\"‘'(]\s*|\n\s*)$", text[max(0, start - 3):start]):
        return True  # at the head of its sentence: "In May he left" keeps the month
    if _BARE_MONTH.match(piece) and _MONTH_NAME_AFTER.match(text, end):
        return True
    if piece in _LOWER_TIME_WORDS:
        before = text[max(0, start - 30):start]
        if _CAPITALISED_BEFORE.search(before) and not re.search(r"[.!?:\"“'‘]\s*[A-Z][A-Za-z]*[\s-]+$", before) \
                and before.strip() and not re.search(r"(?:^|\n)\s*[A-Z][A-Za-z]*[\s-]+$", before):
            return True
    return False


# "a second betrayal" is an ordinal, "three-quarters of its food" a fraction, "ABC's \"This Week\"" and
# "CBS's \"60 Minutes\"" programmes' names: none is a time
_ORDINAL_SECOND = re.compile(r"^(?:a|one)\s+second$", re.I)
_NOT_AFTER_SECOND = re.compile(r"\s+(?:later|earlier|ago|before|after|or|and|to|of|in|from|for|at|the|a|an|"
                               r"longer|more|[,.;:!?])", re.I)
_FRACTION = re.compile(r"^(?:(?:about|around|nearly|almost|some|roughly|more\s+than|less\s+than)\s+)?"
                       r"(?:a|one|two|three)[\s-]quarters?$", re.I)
_OF_NOT_TIME = re.compile(r"\s+of\s+(?!(?:a|the)\s+(?:century|year|decade)|[0-9]{4}|fiscal|this|last|next)", re.I)
_OPEN_QUOTE = re.compile(r"(?:\"|“|``|')\s*$")
_TITLE_WORDS = re.compile(r"^(?:[0-9]+|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)+$")


# "today's youth", "in today's world", "the people of tomorrow": the present age or the future in
# general, which TimeML leaves untagged ("today's editions", "tomorrow's vote" stay dates)
_GENERIC_AFTER_TODAY = re.compile(
    r"(?:'s|’s)\s+(?:[a-z]+\s+)?(?:world|youth|young|society|societies|generations?|children|kids|teenagers|"
    r"consumers|families|parents|women|men|people|economy|economies|culture|standards|technology|"
    r"technologies|computers|machines|cars|workplace|workforce|workers|voters|politics|politicians|"
    r"media|army|armies|military|warfare|terms|money|dollars|prices)\b")
_GENERIC_OF = re.compile(r"(?i)\b(?!(?:as|end|rest|start|beginning|middle|course|events?|editions?|issues?|"
                         r"sessions?|meetings?|part|half|morning|afternoon|evening|night|news)\s)[a-z]+\s+of\s+$")


_RATE_BEFORE = re.compile(r"(?:[0-9]%|[0-9]\s*(?:percent|per\s+cent)|[0-9]\s+[a-z]+|\b(?:profits?|sales|revenue|output))\s+$")
# a season or a holiday describing a thing: "a winter coat", "the Berlin Christmas market attack"
_SEASON_THING = re.compile(r"(?i)(?:a|an)\s+$")
_HOLIDAY_THING = re.compile(r"\s+(?:markets?|trees?|cards?|presents?|gifts?|lights|carols?|decorations|puddings?|"
                            r"crackers?|jumpers?|shopping|songs?|lunch|dinner|tables?|specials?)\b")


def is_not_time(text: str, start: int, end: int) -> bool:
    """A candidate that reads as a time but is none: "a second betrayal" (an ordinal), "about
    three-quarters of its food" (a fraction), a programme's title in quotes ("This Week", "60 Minutes"),
    the present age or the future in general ("today's youth", "the people of tomorrow")."""
    piece = text[start:end]
    if piece.lower() in ("winter", "summer", "spring", "autumn", "fall") and \
            _SEASON_THING.search(text[max(0, start - 4):start]) and re.match(r"\s+[a-z]", text[end:end + 3]):
        return True
    if piece in ("Christmas", "Easter", "Thanksgiving", "Halloween") and _HOLIDAY_THING.match(text, end):
        return True
    if piece.lower() in ("today", "tomorrow"):
        if _GENERIC_AFTER_TODAY.match(text, end):
            return True
        before = text[max(0, start - 20):start]
        if _GENERIC_OF.search(before) and not re.search(r"(?i)\bas\s+of\s+$", before) and \
                not re.match(r"\s*(?:,\s*)?(?:[0-9]|at\b|morning|afternoon|evening|night)", text[end:end + 12]):
            return True
    if _ORDINAL_SECOND.match(piece):
        return bool(re.match(r"\s+[a-z]", text[end:end + 3])) and not _NOT_AFTER_SECOND.match(text, end)
    if _FRACTION.match(piece) and _OF_NOT_TIME.match(text, end):
        return True
    if piece.lower() in ("annually", "yearly") and _RATE_BEFORE.search(text[max(0, start - 30):start]):
        return True  # "to rise 8.5% annually", "10,000 units annually": a rate of growth or output
    if re.fullmatch(r"(?i)minutes|seconds|hours|days", piece) and re.match(r"\s+apart\b", text[end:end + 7]):
        return True  # "minutes apart": how close two events were, not a time
    if piece.lower() == "noon" and re.search(r"(?i)\bhigh\s+$", text[max(0, start - 6):start]):
        return True  # "high noon comes today": the idiom
    if _TITLE_WORDS.match(piece) and _OPEN_QUOTE.search(text[max(0, start - 3):start]) and \
            re.match(r"(?:\s+(?:[A-Z][a-z]+|[Ww]ith|of|the|and))*\s*[,.]?\s*(?:\"|”|''|')", text[end:end + 40]) and \
            not _BARE_MONTH.match(piece) and not re.search(r"\b(?:of|on|in)\s*$", text[max(0, start - 8):start]):
        return True
    return False


# a four-digit number that counts something: "2000 residents", "More than 1500 people were displaced"
_COUNTED_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:people|persons|residents|police|officers|youths?|children|men|women|staff|personnel|"
    r"troops|soldiers|fighters|militants|families|households|students|protesters|demonstrators|supporters|"
    r"workers|villagers|refugees|civilians|migrants|prisoners|cattle|livestock|animals|goats|camels|houses|"
    r"homes|acres|hectares|shillings|dollars|euros|pounds|rupees)\b")
_QUANTIFIED = re.compile(r"(?i:\b(?:than|about|some|over|around|nearly|almost|least|approximately|roughly|"
                         r"estimated|another|additional)\s+)$")
_COUNTED_ANY = re.compile(r"\s+[a-z]{3,}s\b")
_YEAR_LEAD = re.compile(r"(?i:\b(?:in|since|of|by|from|until|till|to|before|after|during|the|early|late|mid|"
                        r"around|until|between|and|through|spring|summer|autumn|fall|winter|year|fiscal)\s+)$")


_TENURE = re.compile(r"\s*[-–]\s*\)")


def is_tenure(text: str, start: int, end: int) -> bool:
    """A year opening a tenure in a name's label: "Police Forces of Kenya (2013-)"."""
    return bool(re.fullmatch(r"[0-9]{4}", text[start:end])) and text[start - 1:start] == "(" and \
        bool(_TENURE.match(text, end))


def is_count(text: str, start: int, end: int) -> bool:
    """A bare four-digit number followed by what it counts ("2000 residents", "1500 people"), with no
    word before it that introduces a year ("in 2000", "the 2008 election" stay years)."""
    piece = text[start:end]
    if not re.fullmatch(r"[0-9]{4}", piece):
        return False
    before = text[max(0, start - 20):start]
    m = _COUNTED_AFTER.match(text, end) or (_QUANTIFIED.search(before) and _COUNTED_ANY.match(text, end))
    if not m or re.match(r"\s+(?:elections?|polls?|votes?|census|season|budget|olympics|games)\b", text[end:], re.I):
        return False
    return not _YEAR_LEAD.search(before)


def resolve_overlaps(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping spans (then the earliest); O(n log n) in the number of spans."""
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    starts: list[int] = []  # the kept spans, sorted by start; they never overlap each other
    kept: list[Candidate] = []
    for c in found:
        i = bisect.bisect_left(starts, c.start)
        if i > 0 and kept[i - 1].end > c.start:
            continue
        if i < len(kept) and kept[i].start < c.end:
            continue
        starts.insert(i, c.start)
        kept.insert(i, c)
    return kept


def join_adjacent(text: str, spans: list[Candidate]) -> list[Candidate]:
    """Join a clock time with the day right after it ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6"), and
    "the day before" with the day it counts from ("the day before last Tuesday's hearing")."""
    out: list[Candidate] = []
    for c in spans:
        if out and out[-1].source == "clock" and c.source in ("weekday", "date", "relday") \
                and _JOIN.match(text[out[-1].end : c.start] or " "):
            prev = out[-1]
            out[-1] = Candidate(prev.start, c.end, "clock+day")
            continue
        if out and out[-1].source == "narrative" and c.source in ("weekday", "date", "relday", "special") and \
                _DAY_BEFORE.search(text[out[-1].start : out[-1].end]) and text[out[-1].end : c.start] == " ":
            prev = out[-1]
            out[-1] = Candidate(prev.start, c.end, "narrative+day")  # "the day before last Tuesday"
            continue
        if out and c.source == "clock" and out[-1].source in ("weekday", "relday") and \
                text[out[-1].end : c.start] == " ":
            prev = out[-1]
            out[-1] = Candidate(prev.start, c.end, "day+clock")
            continue
        out.append(c)
    return out
