"""The run has the extraction workers fingerprint each article (``article_print``) for the resolver;
what it stores is the same as when the resolver fingerprints the articles itself."""

from __future__ import annotations

import json

import pytest

from truce.demo import demo_articles
from truce.pipeline import Extractor, ResourceConfig, Resources
from truce.records import to_jsonable
from truce.resolve import article_print
from truce.runner import process_pending
from truce.store import Store


@pytest.fixture(scope="module")
def resources():
    return Resources.load()


def _stored(store: Store) -> str:
    state = to_jsonable(store.resolver_state().to_json())
    for incident in state["incidents"]:
        for revision in incident["history"]:
            revision.pop("at", None)  # the wall-clock time of the change
    return json.dumps(state, sort_keys=True, default=str)


def test_worker_prints_leave_the_stored_outcome_unchanged(tmp_path, resources):
    stored = {}
    for worker_prints in (True, False):
        with Store.open(str(tmp_path / f"{worker_prints}.db")) as store:
            store.add_articles(demo_articles())
            report = process_pending(store, resources=resources, batch_size=2, worker_prints=worker_prints)
            assert report.extracted == 5
            stored[worker_prints] = _stored(store)
            links = {a.article_id: a for a in store.resolver_state().articles}
            assert links["000"].origin_id == links["001"].origin_id  # the demo rewrite pair
    assert stored[True] == stored[False]


@pytest.mark.slow
def test_pool_workers_send_each_articles_print_with_its_extraction():
    articles = [demo_articles()[k] for k in (0, 1)]
    with Extractor(ResourceConfig(), workers=2) as extractor:
        pairs = list(extractor.extract_with_prints(articles))
    assert [result.article.id for result, _ in pairs] == [a.id for a in articles]
    for article, (result, fp) in zip(articles, pairs):
        assert result.events
        expected = article_print(article)
        assert (fp.content_hash, fp.packed_minhash, fp.packed_sentences, fp.packed_terms) == (
            expected.content_hash, expected.packed_minhash, expected.packed_sentences, expected.packed_terms)
