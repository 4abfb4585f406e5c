"""The store on a real PostgreSQL server: the same run gives the same record as on SQLite."""

from __future__ import annotations

import pytest

from truce.demo import demo_articles
from truce.pipeline import Resources
from truce.records import to_jsonable
from truce.runner import process_pending
from truce.store import Store

pytestmark = pytest.mark.slow


def _run(url: str, resources: Resources) -> dict:
    with Store.open(url) as store:
        added = store.add_articles(demo_articles())
        again = store.add_articles(demo_articles())
        process_pending(store, resources=resources)
        return {
            "new": len(added.new_ids),
            "duplicates_second_time": len(again.duplicate_ids),
            "events": [to_jsonable(e) for e in store.events()],
            "incidents": sorted(
                (i.id, i.plover_type, tuple(sorted(i.article_ids)), i.independent_sources)
                for i in store.incidents()
            ),
            "origins": sorted(tuple(o.article_ids) for o in store.origins()),
            "schema": store.schema_version(),
        }


def test_postgres_store_matches_sqlite(postgres_url, tmp_path):
    resources = Resources.load()
    on_pg = _run(postgres_url, resources)
    on_sqlite = _run(f"sqlite:///{tmp_path / 'truce.db'}", resources)
    assert on_pg["new"] == 5 and on_pg["duplicates_second_time"] == 5
    assert on_pg["incidents"] and on_pg == on_sqlite
    # Reopening migrates nothing and loses nothing.
    with Store.open(postgres_url) as store:
        assert len(store.articles()) == 5
        assert store.resolver_state().articles
