"""Versioned schema: an ordered list of migration steps and the code that applies them.

Each step is frozen: it declares the tables exactly as they were at that version (never imported
from ``_schema.py``, which is the *current* schema), so an old database always goes through the
same steps. A step runs in its own transaction together with the ``schema_version`` row recording
it. Steps use SQLAlchemy constructs and plain ``ALTER TABLE … ADD COLUMN`` / ``CREATE INDEX``,
which SQLite and PostgreSQL both accept.

To change the schema: append a step here, update ``_schema.py`` to match, and run the tests (one of
them compares a migrated database with ``_schema.py``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import CreateColumn

from truce.errors import StoreError

log = logging.getLogger(__name__)

ID = sa.String(255)


def _json() -> sa.JSON:
    return sa.JSON(none_as_null=True)


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _v1_ingest(conn: Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "articles",
        md,
        sa.Column("id", ID, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.String(300)),
        sa.Column("published", sa.Date),
        sa.Column("published_source", sa.String(16), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("ingested_at", _ts(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, index=True),
        sa.Column("error", sa.Text),
    )
    sa.Table(
        "failures",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("at", _ts(), nullable=False),
    )
    md.create_all(conn, checkfirst=False)


def _v2_extraction(conn: Connection) -> None:
    md = sa.MetaData()
    sa.Table("articles", md, sa.Column("id", ID, primary_key=True))  # for the foreign keys only
    sa.Table(
        "extractions",
        md,
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("times", _json(), nullable=False),
        sa.Column("places", _json(), nullable=False),
        sa.Column("actors", _json(), nullable=False),
        sa.Column("counts", _json(), nullable=False),
        sa.Column("extracted_at", _ts(), nullable=False),
    )
    sa.Table(
        "event_mentions",
        md,
        sa.Column("id", ID, primary_key=True),
        sa.Column("article_id", ID, sa.ForeignKey("articles.id"), nullable=False, index=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("plover_type", sa.String(40), nullable=False, index=True),
        sa.Column("plover_mode", sa.String(40)),
        sa.Column("acled_event_type", sa.String(80)),
        sa.Column("acled_sub_event_type", sa.String(80)),
        sa.Column("date_start", sa.Date, index=True),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("country", sa.String(8), index=True),
        sa.Column("place", sa.String(300)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("record", _json(), nullable=False),
    )
    new = [md.tables["extractions"], md.tables["event_mentions"]]
    md.create_all(conn, tables=new, checkfirst=False)


def _v3_resolution(conn: Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "origins",
        md,
        sa.Column("id", ID, primary_key=True),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("first_published", sa.Date),
        sa.Column("last_published", sa.Date),
    )
    sa.Table(
        "stories",
        md,
        sa.Column("id", ID, primary_key=True),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("first", sa.Date),
        sa.Column("last", sa.Date),
        sa.Column("record", _json(), nullable=False),
    )
    sa.Table(
        "article_links",
        md,
        sa.Column("article_id", ID, primary_key=True),
        sa.Column("origin_id", ID, nullable=False, index=True),
        sa.Column("story_id", ID, nullable=False, index=True),
        sa.Column("duplicate_of", ID),
        sa.Column("origin_reason", sa.String(40)),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("record", _json(), nullable=False),
    )
    sa.Table(
        "incidents",
        md,
        sa.Column("id", ID, primary_key=True),
        sa.Column("plover_type", sa.String(40), nullable=False, index=True),
        sa.Column("date_start", sa.Date, index=True),
        sa.Column("date_end", sa.Date),
        sa.Column("country", sa.String(8), index=True),
        sa.Column("admin1", sa.String(200)),
        sa.Column("place", sa.String(300)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_origins", sa.Integer, nullable=False),
        sa.Column("corroboration", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("updated_at", _ts(), nullable=False),
        sa.Column("record", _json(), nullable=False),
    )
    sa.Table(
        "incident_mentions",
        md,
        sa.Column("incident_id", ID, sa.ForeignKey("incidents.id"), primary_key=True),
        sa.Column("mention_id", ID, primary_key=True, index=True),
    )
    sa.Table(
        "revisions",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", ID, sa.ForeignKey("incidents.id"), nullable=False, index=True),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("old", _json()),
        sa.Column("new", _json()),
        sa.Column("article_id", ID),
        sa.Column("at", _ts(), nullable=False),
    )
    md.create_all(conn, checkfirst=False)
    add_column(conn, "articles", sa.Column("origin_id", ID), index=True)
    add_column(conn, "articles", sa.Column("story_id", ID), index=True)
    add_column(conn, "event_mentions", sa.Column("incident_id", ID), index=True)
    add_column(conn, "event_mentions", sa.Column("set_aside", sa.Text))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles and failures", _v1_ingest),
    Migration(2, "extractions and event mentions", _v2_extraction),
    Migration(3, "origins, stories, incidents and revisions", _v3_resolution),
)
LATEST = MIGRATIONS[-1].version


def add_column(conn: Connection, table: str, column: sa.Column, *, index: bool = False) -> None:
    """``ALTER TABLE … ADD COLUMN`` (nullable columns only: SQLite and PostgreSQL accept it)."""
    sa.Table(table, sa.MetaData(), column)  # binds the column so it compiles
    ddl = CreateColumn(column).compile(dialect=conn.dialect)
    conn.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN {ddl}"))
    if index:
        conn.execute(sa.text(f"CREATE INDEX ix_{table}_{column.name} ON {table} ({column.name})"))


_version_table = sa.Table(
    "schema_version",
    sa.MetaData(),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("applied_at", _ts(), nullable=False),
)


def current_version(conn: Connection) -> int:
    """The schema version of the database (0 for an empty one)."""
    if not sa.inspect(conn).has_table("schema_version"):
        tables = set(sa.inspect(conn).get_table_names())
        if tables:
            raise StoreError(
                f"the database has tables ({', '.join(sorted(tables)[:5])}) but no schema_version: "
                "it is not a truce database; give another --db"
            )
        return 0
    value = conn.execute(sa.select(sa.func.max(_version_table.c.version))).scalar()
    return int(value or 0)


def migrate(engine: Engine, target: int | None = None) -> int:
    """Apply every step after the database's version up to ``target`` (default: the latest).

    Returns the version reached. A database newer than this code raises ``StoreError``.
    """
    target = LATEST if target is None else target
    with engine.begin() as conn:
        version = current_version(conn)
        if version == 0:
            _version_table.create(conn, checkfirst=True)
    if version > LATEST:
        raise StoreError(
            f"the database has schema version {version}, newer than this truce knows ({LATEST}); "
            "upgrade truce to read it"
        )
    for step in MIGRATIONS:
        if version < step.version <= target:
            log.info("migrating the store to schema version %d: %s", step.version, step.description)
            with engine.begin() as conn:
                step.apply(conn)
                conn.execute(
                    _version_table.insert().values(
                        version=step.version,
                        description=step.description,
                        applied_at=dt.datetime.now(dt.timezone.utc),
                    )
                )
            version = step.version
    return version
