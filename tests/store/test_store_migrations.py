"""The versioned schema: fresh databases, old databases migrated, portability to PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.schema import CreateTable

from truce.errors import StoreError
from truce.store import MIGRATIONS, SCHEMA_VERSION, Store, migrate
from truce.store import _schema

from tests.store.store_records import article, extraction


def _inspect_schema(engine: sa.Engine) -> dict[str, dict[str, object]]:
    insp = sa.inspect(engine)
    out = {}
    for table in sorted(insp.get_table_names()):
        out[table] = {
            "columns": {c["name"]: (c["nullable"], type(c["type"]).__name__) for c in insp.get_columns(table)},
            "indexes": sorted(i["name"] for i in insp.get_indexes(table)),
            "pk": sorted(insp.get_pk_constraint(table)["constrained_columns"]),
        }
    return out


def test_a_fresh_database_is_at_the_latest_version(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.db") as store:
        assert store.schema_version() == SCHEMA_VERSION == MIGRATIONS[-1].version
        with store.engine.connect() as conn:
            versions = conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version")).scalars()
            assert list(versions) == [m.version for m in MIGRATIONS]


def test_migrations_build_exactly_the_current_schema() -> None:
    migrated = sa.create_engine("sqlite://")
    migrate(migrated)
    declared = sa.create_engine("sqlite://")
    _schema.metadata.create_all(declared)
    assert _inspect_schema(migrated) == _inspect_schema(declared)


def test_an_old_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    assert migrate(engine, target=1) == 1  # a database written by the first release
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO articles (id, content_hash, text, published, published_source, language,"
            " source, ingested_at, status) VALUES ('old1', :h, :t, '2024-10-30', 'metadata', 'en',"
            " 'old.txt', '2024-10-31 08:00:00', 'ingested')"
        ), {"h": article(1).content_hash, "t": article(1).text})  # fmt: skip
    engine.dispose()

    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        (info,) = store.stored_articles()
        assert info.article.id == "old1" and info.article.published == dt.date(2024, 10, 30)
        assert info.origin_id is None and info.ingested_at.tzinfo is not None
        # the old article is pending and goes through the newer tables like any other
        assert [a.id for a in store.pending_articles()] == ["old1"]
        store.save_extractions([extraction(info.article)])
        assert len(store.events(article_id="old1")) == 1
        assert store.add_articles([article(1)]).duplicate_of == {"a1": "old1"}


def test_a_step_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from truce.store import _migrations

    engine = sa.create_engine(f"sqlite:///{tmp_path / 'half.db'}")
    migrate(engine, target=2)
    original = _migrations.MIGRATIONS[2].apply

    def broken(conn: sa.Connection) -> None:
        original(conn)
        raise RuntimeError("disk full")

    monkeypatch.setattr(_migrations, "MIGRATIONS", (*MIGRATIONS[:2], _migrations.Migration(3, "x", broken)))
    # through Store.open, whose SQLite connections run DDL inside real transactions
    with pytest.raises(RuntimeError):
        Store.open(tmp_path / "half.db")
    monkeypatch.undo()
    # nothing of the failed step remains (its CREATE TABLEs would clash), so a retry applies it
    with Store.open(tmp_path / "half.db") as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    with Store.open(path) as store, store.engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', '2030-01-01')"
        ))  # fmt: skip
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE customers (id INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="not a truce database"):
        Store.open(path)


def test_schema_and_migrations_compile_for_postgresql() -> None:
    """No SQLite-only SQL: every table and every migration step renders for PostgreSQL."""
    from sqlalchemy.dialects import postgresql

    dialect = postgresql.dialect()
    for table in _schema.metadata.sorted_tables:
        ddl = str(CreateTable(table).compile(dialect=dialect))
        assert "JSON" in ddl or "record" not in table.c
    statements: list[str] = []
    engine = sa.create_mock_engine(
        "postgresql+psycopg://", lambda sql, *a, **k: statements.append(str(sql.compile(dialect=dialect)))
    )
    for step in MIGRATIONS:
        step.apply(engine)  # type: ignore[arg-type]
    assert any(s.startswith("ALTER TABLE articles ADD COLUMN origin_id VARCHAR(255)") for s in statements)
    assert sum(s.lstrip().startswith("CREATE TABLE") for s in statements) == len(_schema.metadata.tables) - 1


def test_an_old_database_is_migrated_on_postgresql(empty_postgres: str) -> None:
    url = empty_postgres
    engine = sa.create_engine(url)
    assert migrate(engine, target=1) == 1
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO articles (id, content_hash, text, published, published_source, language,"
            " source, ingested_at, status) VALUES ('old1', :h, :t, '2024-10-30', 'metadata', 'en',"
            " 'old.txt', '2024-10-31 08:00:00+00', 'ingested')"
        ), {"h": article(1).content_hash, "t": article(1).text})  # fmt: skip
    engine.dispose()
    with Store.open(url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert [a.id for a in store.pending_articles()] == ["old1"]
        declared = sa.create_engine("sqlite://")
        _schema.metadata.create_all(declared)
        assert set(_inspect_schema(store.engine)) == set(_inspect_schema(declared))
