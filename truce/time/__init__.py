"""The time stage: find time expressions, normalise them against the publication date, date events.

Public surface:
    find_times(doc, article) -> list[TimeExpression]
    normalise_time(text, published, ...) -> TimeExpression
    normalise_spans(doc, article, spans) -> list[TimeExpression]
    date_event(doc, article, trigger, times) -> EventDate

``truce.time.precision`` maps a precision to ACLED's ``time_precision`` and UCDP's ``date_prec``.
"""

from __future__ import annotations

import datetime as dt
import logging

from truce.records import Article, TimeExpression
from truce.time.context import Context
from truce.time.detect import Candidate
from truce.time.event import date_event
from truce.time.normalise import normalise
from truce.time.resolve import find_candidates, normalise_candidates

log = logging.getLogger(__name__)

__all__ = ["find_times", "normalise_time", "normalise_spans", "date_event"]


def normalise_time(
    text: str,
    published: dt.date | None,
    *,
    start: int = 0,
    tense: str | None = None,
    previous: dt.date | None = None,
    lead: str = "",
    type_hint: str | None = None,
) -> TimeExpression:
    """Normalise one time expression's text against the publication date.

    ``tense`` ("past", "future", "present") is the tense of the verb that governs it, ``previous`` the
    narrative's last day-precise date, ``lead`` the words before it ("since", "by", "over the").
    ``start`` offsets the returned span. Never raises: unresolvable text comes back with precision
    "unknown" and a reason.
    """
    return normalise(text, Context(published, tense, previous, lead=lead), start=start, type_hint=type_hint)


def find_times(doc, article: Article) -> list[TimeExpression]:
    """Every time expression in the article, in text order, normalised against its publication date
    and the narrative (each expression may anchor on the day-precise dates before it)."""
    return normalise_candidates(doc, article, find_candidates(doc, article.text))


def normalise_spans(doc, article: Article, spans: list[tuple[int, int]]) -> list[TimeExpression]:
    """Normalise exactly the given character spans (gold spans), in text order, with the same context
    as ``find_times``: this measures normalisation apart from detection."""
    cands = [Candidate(int(s), int(e), "given") for s, e in sorted(spans)]
    return normalise_candidates(doc, article, cands, keep_all=True)

