"""Fixtures for the store tests: a fresh database per test.

Every test taking ``store`` runs on SQLite. Set ``TRUCE_TEST_POSTGRES`` to a SQLAlchemy URL of a
scratch PostgreSQL database (``postgresql+psycopg://user@/db?host=/socket/dir``; needs psycopg) and
they run on PostgreSQL too. That database is wiped (schema ``public`` dropped) before each test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from truce.store import Store

POSTGRES_URL = os.environ.get("TRUCE_TEST_POSTGRES")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


def fresh_postgres() -> str:
    """Empty the scratch PostgreSQL database and return its URL."""
    import sqlalchemy as sa

    assert POSTGRES_URL
    engine = sa.create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return POSTGRES_URL


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path):
    url = str(tmp_path / "truce.db") if request.param == "sqlite" else fresh_postgres()
    with Store.open(url) as s:
        yield s
