"""Fixtures for the store tests: a fresh database per test, on SQLite and on PostgreSQL.

Every test taking ``store`` runs twice: on a SQLite file and on the session's throw-away PostgreSQL
server (``postgres_url`` in tests/conftest.py; skipped where PostgreSQL is not installed, required
in CI). The PostgreSQL database is emptied before and after each test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from truce.store import Store


def _wipe(url: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def empty_postgres(postgres_url: str) -> Iterator[str]:
    """The URL of an empty PostgreSQL database, emptied again afterwards."""
    _wipe(postgres_url)
    yield postgres_url
    _wipe(postgres_url)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = str(tmp_path / "truce.db")
    else:
        url = request.getfixturevalue("empty_postgres")
    with Store.open(url) as s:
        yield s
