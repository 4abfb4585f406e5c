"""Extractions and event mentions: batches, resume after interruption, retries, filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from truce.records import Article, Extraction, to_jsonable
from truce.store import Store

from tests.store.store_records import KIRYAT, article, extraction, mention

D = dt.date


@dataclass
class Failed:  # the shape of truce.pipeline.ExtractFailure
    article: Article
    error: str


def test_extraction_round_trips_exactly(store: Store) -> None:
    a = article(18)
    ex = extraction(a, [mention(a, 0), mention(a, 1, plover="PROTEST", place=None, day=None)])
    store.add_articles([a])
    assert store.save_extractions([ex]) == 1
    back = store.extraction("a18")
    assert isinstance(back, Extraction)
    assert to_jsonable(back) == to_jsonable(ex)
    assert back.events[0].date.span == (30, 37)  # tuples survive JSON
    assert store.extraction("nope") is None
    assert [x.id for x in store.articles(status="extracted")] == ["a18"]


def test_resume_after_an_interrupted_batch(store: Store) -> None:
    articles = [article(n) for n in range(1, 7)]
    store.add_articles(articles)
    store.save_extractions([extraction(a) for a in articles[:2]])  # batch 1 committed

    def crashing_batch() -> Iterator[Extraction]:
        yield extraction(articles[2])
        yield extraction(articles[3])
        raise KeyboardInterrupt  # the user pressed Ctrl-C mid-batch

    with pytest.raises(KeyboardInterrupt):
        store.save_extractions(crashing_batch())
    # batch 1 is kept, batch 2 rolled back whole: nothing half-written
    assert [a.id for a in store.articles(status="extracted")] == ["a1", "a2"]
    assert {e.article_id for e in store.events()} == {"a1", "a2"}
    assert store.extraction("a3") is None
    # the next run resumes with what is pending
    pending = store.pending_articles()
    assert [a.id for a in pending] == ["a3", "a4", "a5", "a6"]
    store.save_extractions([extraction(a) for a in pending])
    assert store.pending_articles() == []
    assert store.stats().events == 6


def test_a_failed_article_is_recorded_and_retried(store: Store) -> None:
    a, b = article(1), article(2)
    store.add_articles([a, b])
    store.save_extractions([extraction(a), Failed(b, "ValueError: bad offsets")])
    (info,) = store.stored_articles(status="failed")
    assert info.article.id == "a2" and info.error == "ValueError: bad offsets"
    retry = store.failed_articles()
    store.save_extractions([extraction(x) for x in retry])
    assert store.failed_articles() == []
    (info,) = store.stored_articles(ids=["a2"])
    assert info.status == "extracted" and info.error is None


def test_extracting_again_replaces_the_old_events(store: Store) -> None:
    a = article(3)
    store.save_extractions([extraction(a, [mention(a, 0), mention(a, 1), mention(a, 2)])])  # adds a
    assert len(store.events(article_id="a3")) == 3
    store.save_extractions([extraction(a, [mention(a, 0, plover="PROTEST")])])
    (only,) = store.events(article_id="a3")
    assert only.plover_type == "PROTEST"
    assert [x.id for x in store.articles()] == ["a3"]


def test_saving_something_else_is_refused_and_rolls_back(store: Store) -> None:
    a = article(1)
    with pytest.raises(TypeError):
        store.save_extractions([extraction(a), {"not": "a record"}])
    assert store.articles() == []


def test_event_filters(store: Store) -> None:
    a, b, c = article(10), article(12), article(20)
    store.save_extractions([
        extraction(a, [mention(a, 0, day=D(2025, 11, 10)), mention(a, 1, plover="PROTEST", day=D(2025, 11, 9))]),
        extraction(b, [mention(b, 0, place=KIRYAT, modality="claimed")]),
        extraction(c, [mention(c, 0, day=None, place=None, modality="threatened")]),
    ])  # fmt: skip
    ids = lambda events: [e.id for e in events]  # noqa: E731
    assert ids(store.events()) == ["a10:e1", "a10:e0", "a12:e0", "a20:e0"]  # by date, undated last
    assert ids(store.events(type="assault")) == ["a10:e0", "a12:e0", "a20:e0"]
    assert ids(store.events(country="il")) == ["a12:e0"]
    assert ids(store.events(country="LB")) == ["a10:e1", "a10:e0"]
    assert ids(store.events(since=D(2025, 11, 10))) == ["a10:e0", "a12:e0"]
    assert ids(store.events(until=D(2025, 11, 9))) == ["a10:e1"]
    assert ids(store.events(since=D(2025, 11, 11), until=D(2025, 11, 30))) == ["a12:e0"]
    assert ids(store.events(article_id="a20")) == ["a20:e0"]
    assert ids(store.events(modality="claimed")) == ["a12:e0"]
    assert ids(store.events(limit=2)) == ["a10:e1", "a10:e0"]
    assert ids(store.events(limit=2, offset=2)) == ["a12:e0", "a20:e0"]
    assert ids(store.events(offset=3)) == ["a20:e0"]
    stats = store.stats()
    assert stats.events_by_type == {"ASSAULT": 3, "PROTEST": 1}
    assert stats.events_by_country == {"LB": 2, "IL": 1}
    assert stats.events_by_place == {"Tyre": 2, "Kiryat Shmona": 1}
    assert (stats.first_event_date, stats.last_event_date) == (D(2025, 11, 9), D(2025, 11, 12))


def test_results_for_a_duplicate_article_are_refused_clearly(store: Store) -> None:
    from truce.errors import StoreError

    a = article(1)
    store.add_articles([a])
    twin = article(1)
    twin.id = "twin"
    with pytest.raises(StoreError, match="its text is, as 'a1'"):
        store.save_extractions([extraction(twin)])
    assert store.events() == []
