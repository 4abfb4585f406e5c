"""Small records the store returns besides the pipeline's own (``truce.records``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from truce.records import Article

ArticleStatus = Literal["ingested", "extracted", "failed"]
STATUSES: tuple[ArticleStatus, ...] = ("ingested", "extracted", "failed")


@dataclass(slots=True)
class AddResult:
    """What ``Store.add_articles`` did with a batch.

    ``new_ids``: stored now. ``duplicate_ids``: ids of the given articles whose text (content hash)
    was already stored, or appeared earlier in the batch; ``duplicate_of`` maps each to the stored
    id. ``conflict_ids``: ids already used by a *different* text; not stored, recorded as failures.
    """

    new_ids: list[str] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)
    duplicate_of: dict[str, str] = field(default_factory=dict)
    conflict_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class StoredArticle:
    """An article with what the store knows about it."""

    article: Article
    status: ArticleStatus
    error: str | None
    ingested_at: dt.datetime
    origin_id: str | None = None
    story_id: str | None = None


@dataclass(slots=True)
class Failure:
    """An input that never became an article (``source``: file, "file:line" or URL)."""

    source: str
    kind: str
    error: str
    at: dt.datetime


@dataclass(slots=True)
class Origin:
    """Articles that derive from one original: independent sources are counted by origin."""

    id: str
    article_ids: list[str]
    first_published: dt.date | None = None
    last_published: dt.date | None = None


@dataclass(slots=True)
class StoreStats:
    """Counts for summaries (``truce demo``, ``truce run``)."""

    articles: dict[str, int]  # by status
    failures: int
    events: int
    events_by_type: dict[str, int]
    events_by_country: dict[str, int]
    events_by_place: dict[str, int]  # the 20 most frequent places
    first_event_date: dt.date | None
    last_event_date: dt.date | None
    incidents: int
    incidents_by_corroboration: dict[str, int]
    origins: int
    stories: int
