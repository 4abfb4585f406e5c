"""The run service: batches commit whole, and an interrupted run resumes where it stopped."""

from __future__ import annotations

import pytest

from truce.demo import demo_articles
from truce.pipeline import Resources
from truce.runner import process_pending
from truce.store import Store


class Interrupted(Exception):
    pass


class StopsAfterOneBatch:
    """The real store, with a crash injected when the second batch is saved."""

    def __init__(self, store: Store):
        self._store = store
        self.batches = 0

    def save_batch(self, results, outcome):
        self.batches += 1
        if self.batches == 2:
            raise Interrupted("power cut")
        return self._store.save_batch(results, outcome)

    def __getattr__(self, name):
        return getattr(self._store, name)


@pytest.fixture(scope="module")
def resources():
    return Resources.load()


def _summary(store: Store):
    return (
        sorted((i.plover_type, tuple(sorted(i.article_ids)), i.independent_sources) for i in store.incidents()),
        sorted(tuple(o.article_ids) for o in store.origins()),
    )


def test_interrupted_run_resumes_and_ends_where_an_uninterrupted_one_does(tmp_path, resources):
    with Store.open(str(tmp_path / "whole.db")) as store:
        store.add_articles(demo_articles())
        report = process_pending(store, resources=resources, batch_size=2)
        assert report.extracted == 5
        expected = _summary(store)

    with Store.open(str(tmp_path / "cut.db")) as store:
        store.add_articles(demo_articles())
        flaky = StopsAfterOneBatch(store)
        with pytest.raises(Interrupted):
            process_pending(flaky, resources=resources, batch_size=2)
        # The first batch is committed; the interrupted one is still pending, nothing half-saved.
        assert len(store.articles(status="extracted")) == 2
        assert len(store.pending_articles()) == 3
        report = process_pending(store, resources=resources, batch_size=2)
        assert report.extracted == 3
        assert not store.pending_articles()
        assert _summary(store) == expected


def test_nothing_pending_does_nothing(tmp_path, resources):
    with Store.open(str(tmp_path / "empty.db")) as store:
        report = process_pending(store, resources=resources)
        assert report.extracted == 0 and report.failures == 0
