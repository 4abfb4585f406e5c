"""The store: the only code that talks to the database (SQLAlchemy 2; SQLite by default).

    with Store.open("truce.db") as store:        # or "sqlite:///path", "postgresql+psycopg://…"
        added = store.add_articles(articles)      # keyed by content hash: idempotent
        store.save_extractions(batch)             # one transaction per batch
        store.save_resolution(outcome)            # the resolver's changes
        store.events(type="ASSAULT", country="LB")

Tables, the migration steps and the service functions are described in docs/store.md.
"""

from __future__ import annotations

from truce.store._migrations import LATEST as SCHEMA_VERSION
from truce.store._migrations import MIGRATIONS, migrate
from truce.store._rows import AddResult, Failure, Origin, StoredArticle, StoreStats
from truce.store._store import DEFAULT_DB, Store, database_url

__all__ = [
    "DEFAULT_DB",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "Failure",
    "Origin",
    "Store",
    "StoreStats",
    "StoredArticle",
    "database_url",
    "migrate",
]
