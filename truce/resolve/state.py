"""The resolver's persistent state and its per-batch outcome, as plain records.

Everything the store must keep between runs is in ``ResolverState``: one ``ArticleLink`` per
article (its origin, its story and the text fingerprints new articles are compared with), one
``Story`` per story and every ``Incident`` (with its claims and history). The in-memory indexes
(MinHash LSH, inverted index, incident blocks) are rebuilt from these records when a ``Resolver``
starts, so nothing else needs saving. ``to_jsonable``/``from_jsonable`` round-trip every record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from truce.records import Incident, Revision, from_jsonable, to_jsonable

__all__ = ["ArticleLink", "Story", "ResolverState", "SetAside", "ResolveOutcome", "STATE_VERSION"]

STATE_VERSION = 1


@dataclass(slots=True)
class ArticleLink:
    """One article as the resolver knows it: where it came from and what it is like.

    ``origin_id`` groups copies and rewrites of one original; ``story_id`` groups articles about the
    same developing story. ``duplicate_of`` is set when the article is the same text re-ingested
    (same content hash, same or unknown outlet): it shares the first copy's origin and story and its
    events are not counted again. ``outlet_key`` is the outlet, else the URL's host, else None.

    The fingerprints are compact text (base64 of little-endian uint32 arrays, see
    ``truce.resolve._text.pack_u32``): ``minhash`` the MinHash signature of the text's 3-word
    shingles (64 values); ``sentences`` one string per informative sentence, three arrays separated
    by spaces (CRC32 of its words, of its content stems, of its numbers); ``terms`` two arrays
    separated by a space: the content stems' CRC32 and their counts (for stories).
    """

    article_id: str
    content_hash: str
    origin_id: str
    story_id: str
    published: dt.date | None = None
    outlet_key: str | None = None
    url: str | None = None
    duplicate_of: str | None = None
    origin_reason: str = "new"  # "new", "same text", "near copy", "rewrite", "re-ingested"
    minhash: str = ""
    sentences: list[str] = field(default_factory=list)
    terms: str = ""


@dataclass(slots=True)
class Story:
    """A developing story: its articles and the span of their publication dates."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    first: dt.date | None = None
    last: dt.date | None = None


@dataclass(slots=True)
class ResolverState:
    """Everything the resolver needs to continue where it stopped. Persist all of it."""

    version: int = STATE_VERSION
    articles: list[ArticleLink] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return to_jsonable(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ResolverState:
        state = from_jsonable(cls, data)
        # JSON object keys are strings already; nothing else needs converting.
        return state


@dataclass(slots=True)
class SetAside:
    """An event mention that was not made (or attached to) an incident, and why."""

    mention_id: str
    article_id: str
    reason: str


@dataclass(slots=True)
class ResolveOutcome:
    """What one ``Resolver.add`` call changed.

    ``articles``: the link of every article in the batch (in input order). ``created`` and
    ``updated``: the incidents as they are now (an incident created in this batch is only in
    ``created``). ``revisions``: (incident id, revision) for every change, in order.
    ``mention_incident``: mention id → incident id for every mention placed in this batch.
    ``set_aside``: mentions not placed, with the reason. ``merged``: incident id → the id of the
    incident it was merged into (a new report bridged two incidents that are one event): the store
    deletes the merged incident and points its mentions at the survivor.
    """

    articles: list[ArticleLink] = field(default_factory=list)
    created: list[Incident] = field(default_factory=list)
    updated: list[Incident] = field(default_factory=list)
    revisions: list[tuple[str, Revision]] = field(default_factory=list)
    mention_incident: dict[str, str] = field(default_factory=dict)
    set_aside: list[SetAside] = field(default_factory=list)
    stories_changed: list[Story] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)
