"""The time stage: find time expressions, normalise them against the publication date, date events.

Public surface:
    find_times(doc, article) -> list[TimeExpression]
    normalise_time(text, published, ...) -> TimeExpression
    date_event(doc, article, trigger, times) -> EventDate
"""

from __future__ import annotations

import datetime as dt
import logging

from truce.records import Article, EventDate, Interval, TimeExpression

log = logging.getLogger(__name__)

__all__ = ["find_times", "normalise_time", "date_event"]


def _dateparser_settings(published: dt.date) -> dict:
    return {
        "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def normalise_time(text: str, published: dt.date | None, *, start: int = 0, label: str = "DATE") -> TimeExpression:
    """Normalise one time expression against the publication date (first version: dateparser)."""
    kind = "TIME" if label == "TIME" else "DATE"
    if published is None:
        return TimeExpression(text, start, start + len(text), kind, "XXXX-XX-XX", None, "unknown",
                              reason="no publication date")
    import dateparser

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_dateparser_settings(published))
    except (ValueError, OverflowError) as e:  # dateparser raises these on nonsense input
        parsed = None
        log.debug("dateparser failed on %r: %s", text, e)
    if parsed is None:
        return TimeExpression(text, start, start + len(text), kind, "XXXX-XX-XX", None, "unknown",
                              reason="not understood")
    day = parsed.date()
    return TimeExpression(text, start, start + len(text), kind, day.isoformat(), Interval(day, day), "day",
                          anchor="published")


def find_times(doc, article: Article) -> list[TimeExpression]:
    """Every time expression in the article, normalised (first version: spaCy DATE/TIME entities)."""
    out = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            out.append(normalise_time(ent.text, article.published, start=ent.start_char, label=ent.label_))
    return out


def date_event(doc, article: Article, trigger: tuple[int, int], times: list[TimeExpression]) -> EventDate:
    """The date of the event whose trigger spans ``trigger`` (character offsets)."""
    sent = None
    for s in doc.sents:
        if s.start_char <= trigger[0] < s.end_char:
            sent = s
            break
    if sent is not None:
        inside = [t for t in times if sent.start_char <= t.start < sent.end_char and t.interval is not None
                  and t.precision not in ("unknown",)]
        if inside:
            best = min(inside, key=lambda t: abs(t.start - trigger[0]))
            return EventDate(best.interval.start, best.interval.end, best.precision, best.text,
                             (best.start, best.end))
    pub = article.published
    return EventDate(pub, pub, "reported" if pub else "unknown")
