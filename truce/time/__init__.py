"""The time stage: find time expressions, normalise them against the publication date, date events.

Public surface:
    find_times(doc, article) -> list[TimeExpression]
    normalise_time(text, published, ...) -> TimeExpression
    date_event(doc, article, trigger, times) -> EventDate
"""

from __future__ import annotations

import datetime as dt

from truce.records import Article, EventDate, TimeExpression

__all__ = ["find_times", "normalise_time", "date_event"]


def find_times(doc, article: Article) -> list[TimeExpression]:
    """Every time expression in the article, normalised. (First version: to be deepened, issue 3.)"""
    raise NotImplementedError


def normalise_time(text: str, published: dt.date | None) -> TimeExpression:
    raise NotImplementedError


def date_event(doc, article: Article, trigger: tuple[int, int], times: list[TimeExpression]) -> EventDate:
    """The date of the event whose trigger spans ``trigger`` (character offsets)."""
    raise NotImplementedError
