"""The current database schema (SQLAlchemy Core), the one every query uses.

Portable types only (String, Text, Integer, Float, Date, DateTime, JSON), so the same tables work on
SQLite and PostgreSQL. Whole records are kept as JSON (``truce.records.to_jsonable``) next to the
columns that queries filter on. ``_migrations.py`` builds this schema step by step; a test checks
that the two agree.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

ID = sa.String(255)


def _json() -> sa.JSON:
    return sa.JSON(none_as_null=True)


schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
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
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("error", sa.Text),
    sa.Column("origin_id", ID, index=True),
    sa.Column("story_id", ID, index=True),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

extractions = sa.Table(
    "extractions",
    metadata,
    sa.Column("article_id", ID, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("times", _json(), nullable=False),
    sa.Column("places", _json(), nullable=False),
    sa.Column("actors", _json(), nullable=False),
    sa.Column("counts", _json(), nullable=False),
    sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("article_id", ID, sa.ForeignKey("articles.id"), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),  # salience order within the article
    sa.Column("plover_type", sa.String(40), nullable=False, index=True),
    sa.Column("plover_mode", sa.String(40)),
    sa.Column("acled_event_type", sa.String(80)),
    sa.Column("acled_sub_event_type", sa.String(80)),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(16)),
    sa.Column("country", sa.String(8), index=True),  # ISO 3166 alpha-2 of the event's place
    sa.Column("place", sa.String(300)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("record", _json(), nullable=False),
    sa.Column("incident_id", ID, index=True),
    sa.Column("set_aside", sa.Text),
)

origins = sa.Table(
    "origins",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("first_published", sa.Date),
    sa.Column("last_published", sa.Date),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", ID, primary_key=True),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("first", sa.Date),
    sa.Column("last", sa.Date),
    sa.Column("record", _json(), nullable=False),
)

# The resolver's view of each article: origin, story and the fingerprints later articles are
# compared with (docs/resolve.md). Only the resolver reads ``record``.
article_links = sa.Table(
    "article_links",
    metadata,
    sa.Column("article_id", ID, primary_key=True),
    sa.Column("origin_id", ID, nullable=False, index=True),
    sa.Column("story_id", ID, nullable=False, index=True),
    sa.Column("duplicate_of", ID),
    sa.Column("origin_reason", sa.String(40)),
    sa.Column("seq", sa.Integer, nullable=False),  # order the resolver saw the articles in
    sa.Column("record", _json(), nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
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
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("record", _json(), nullable=False),
)

incident_mentions = sa.Table(
    "incident_mentions",
    metadata,
    sa.Column("incident_id", ID, sa.ForeignKey("incidents.id"), primary_key=True),
    sa.Column("mention_id", ID, primary_key=True, index=True),
)

revisions = sa.Table(
    "revisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", ID, sa.ForeignKey("incidents.id"), nullable=False, index=True),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("old", _json()),
    sa.Column("new", _json()),
    sa.Column("article_id", ID),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)
