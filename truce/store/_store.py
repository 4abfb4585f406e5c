"""``Store``: the only code that opens database connections. Every write is one transaction."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from truce.errors import StoreError
from truce.records import Article, EventMention, Extraction, from_jsonable, to_jsonable
from truce.store import _resolution
from truce.store import _schema as t
from truce.store._migrations import LATEST, current_version, migrate
from truce.store._rows import STATUSES, AddResult, Failure, Origin, StoredArticle, StoreStats

if TYPE_CHECKING:
    from truce.records import Incident, Revision
    from truce.resolve.state import ResolveOutcome, ResolverState, Story

log = logging.getLogger(__name__)

DEFAULT_DB = "truce.db"
_CHUNK = 500  # ids per IN (...) clause


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL from a URL or a file path (``truce.db`` → ``sqlite:///truce.db``)."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{text}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive timestamps; everything the store writes is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=dt.timezone.utc)
    return value


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class Store:
    """The truce database: articles, failures, extractions, event mentions and the resolution.

    Open with ``Store.open(url_or_path)`` (migrates the schema to the latest version); use as a
    context manager or call ``close()``. Each service call that writes is one transaction: it
    commits whole or not at all.
    """

    def __init__(self, engine: Engine):
        self.engine = engine

    # --- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, db: str | Path = DEFAULT_DB, *, migrate_schema: bool = True) -> Store:
        """Open (creating if needed) the database at ``db``: a path or a SQLAlchemy URL."""
        url = database_url(db)
        shown = re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)  # never print a password
        try:
            engine = sa.create_engine(url)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as e:
            hint = ""
            if url.startswith("postgresql") and isinstance(e, ImportError):
                hint = " (install the PostgreSQL driver: pip install 'truce[postgres]')"
            raise StoreError(f"cannot use database URL {shown!r}: {e}{hint}") from e
        url = engine.url.render_as_string(hide_password=True)
        if engine.dialect.name == "sqlite":
            _configure_sqlite(engine, url)
        store = cls(engine)
        try:
            if migrate_schema:
                migrate(engine)
            else:
                with engine.connect() as conn:
                    version = current_version(conn)
                if version != LATEST:
                    raise StoreError(
                        f"database {url} has schema version {version}, expected {LATEST}; "
                        "open it with migration enabled"
                    )
        except sa.exc.SQLAlchemyError as e:
            engine.dispose()
            raise StoreError(f"cannot open database {url}: {_short(e)}") from e
        except StoreError:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return current_version(conn)

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(truce_write=True)
                with conn.begin():
                    yield conn
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(
                f"database write failed ({_short(e)}); nothing from this batch was saved"
            ) from e

    # --- articles -----------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store new articles, keyed by content hash: a text already stored is a duplicate.

        The same article ingested twice (or the same text under another URL) changes nothing and
        is reported in ``duplicate_ids``. A stored article's failure record for the same source is
        cleared. One transaction for the whole batch.
        """
        batch = list(articles)
        result = AddResult()
        if not batch:
            return result
        with self._write() as conn:
            known_hash = _existing(conn, t.articles.c.content_hash, [a.content_hash for a in batch])
            known_id = _existing(conn, t.articles.c.id, [a.id for a in batch])
            rows, sources = [], []
            now = _now()
            for article in batch:
                if article.content_hash in known_hash:
                    result.duplicate_ids.append(article.id)
                    result.duplicate_of[article.id] = known_hash[article.content_hash]
                    continue
                if article.id in known_id:
                    result.conflict_ids.append(article.id)
                    _insert_failure(
                        conn,
                        article.source or article.id,
                        "IdConflict",
                        f"article id {article.id!r} is already used by a different text; "
                        "give this article another id",
                        now,
                    )
                    continue
                known_hash[article.content_hash] = article.id
                known_id[article.id] = article.content_hash
                rows.append(_article_row(article, now))
                result.new_ids.append(article.id)
                if article.source:
                    sources.append(article.source)
            if rows:
                conn.execute(t.articles.insert(), rows)
            for chunk in _chunks(sources):
                conn.execute(t.failures.delete().where(t.failures.c.source.in_(chunk)))
        log.info(
            "stored %d new articles, %d duplicates, %d id conflicts",
            len(result.new_ids), len(result.duplicate_ids), len(result.conflict_ids),
        )  # fmt: skip
        return result

    def articles(
        self,
        status: str | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[Article]:
        """Stored articles in ingest order, optionally by status ("ingested", "extracted",
        "failed") and/or ids."""
        return [s.article for s in self.stored_articles(status=status, ids=ids, limit=limit)]

    def stored_articles(
        self,
        status: str | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[StoredArticle]:
        """Like ``articles`` with each article's status, error, ingest time, origin and story."""
        if status is not None and status not in STATUSES:
            raise StoreError(f"unknown article status {status!r} (one of {', '.join(STATUSES)})")
        query = sa.select(t.articles).order_by(t.articles.c.ingested_at, t.articles.c.id)
        if status is not None:
            query = query.where(t.articles.c.status == status)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            if ids is None:
                rows = list(conn.execute(query).mappings())
            else:
                rows = []
                for chunk in _chunks(list(ids)):
                    rows += conn.execute(query.where(t.articles.c.id.in_(chunk))).mappings()
                order = {i: n for n, i in enumerate(ids)}
                rows.sort(key=lambda r: order[r["id"]])
        return [_stored_article(r) for r in rows]

    def article(self, article_id: str) -> Article | None:
        found = self.articles(ids=[article_id])
        return found[0] if found else None

    def pending_articles(self) -> list[Article]:
        """Articles ingested but not yet extracted: what an interrupted run still has to do."""
        return self.articles(status="ingested")

    def failed_articles(self) -> list[Article]:
        """Articles whose extraction failed (``truce run --retry-failed`` extracts them again)."""
        return self.articles(status="failed")

    def mark_failed(self, article_id: str, error: str) -> None:
        with self._write() as conn:
            _mark_failed(conn, article_id, error)

    # --- failures -----------------------------------------------------------------------------

    def record_failure(self, source: str, error: str, kind: str = "InputError") -> None:
        """Record an input that never became an article (replacing an older record for it)."""
        self.record_failures([(source, error, kind)])

    def record_failures(self, failures: Iterable[Any]) -> int:
        """Record many failures in one transaction: ``IngestFailure`` records or
        (source, error[, kind]) tuples. Returns how many."""
        rows = [_failure_tuple(f) for f in failures]
        if not rows:
            return 0
        now = _now()
        with self._write() as conn:
            for source, error, kind in rows:
                _insert_failure(conn, source, kind, error, now)
        return len(rows)

    def failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.failures).order_by(t.failures.c.id)).mappings()
            return [Failure(r["source"], r["kind"], r["error"], _aware(r["at"])) for r in rows]

    def clear_failures(self, sources: Sequence[str] | None = None) -> int:
        """Forget failure records (all, or those of ``sources``); returns how many."""
        with self._write() as conn:
            if sources is None:
                return conn.execute(t.failures.delete()).rowcount
            n = 0
            for chunk in _chunks(list(sources)):
                query = t.failures.delete().where(t.failures.c.source.in_(chunk))
                n += conn.execute(query).rowcount
            return n

    # --- extractions and events ---------------------------------------------------------------

    def save_extractions(self, results: Iterable[Any]) -> int:
        """Save one batch of pipeline results in one transaction; returns how many were saved.

        Each result is an ``Extraction`` (its article becomes "extracted"; an earlier extraction of
        the same article is replaced; an article not stored yet is added first) or a failure with
        ``.article`` and ``.error`` (``truce.pipeline.ExtractFailure``: the article becomes
        "failed"). If anything raises mid-batch, the whole batch is rolled back and earlier batches
        stay committed.
        """
        with self._write() as conn:
            return _save_results(conn, results)

    def save_batch(self, results: Iterable[Any], outcome: ResolveOutcome | None = None) -> int:
        """``save_extractions`` and ``save_resolution`` in ONE transaction.

        Use it when a batch is extracted and resolved together: if the run stops between the two
        saves, neither is kept, so the batch's articles are still pending and the next run resolves
        them (with two transactions they could end up extracted but never resolved).
        """
        with self._write() as conn:
            n = _save_results(conn, results)
            if outcome is not None:
                _resolution.save_outcome(conn, outcome, _now())
            return n

    def extraction(self, article_id: str) -> Extraction | None:
        """The stored extraction of one article, rebuilt as an ``Extraction`` record."""
        article = self.article(article_id)
        if article is None:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(t.extractions).where(t.extractions.c.article_id == article_id)
            ).mappings().first()
        if row is None:
            return None
        data = {k: row[k] for k in ("times", "places", "actors", "counts")}
        data["events"] = [to_jsonable(e) for e in self.events(article_id=article_id)]
        data["article"] = to_jsonable(article)
        return from_jsonable(Extraction, data)

    def events(
        self,
        *,
        type: str | None = None,  # noqa: A002 - the CLI's name for it
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article_id: str | None = None,
        modality: str | None = None,
        incident_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[EventMention]:
        """Stored event mentions, filtered; ordered by date, then article and salience.

        ``type``: PLOVER type (case-insensitive); ``country``: ISO alpha-2 of the event's place;
        ``since``/``until``: the event's date interval overlaps [since, until] (undated events are
        left out when either is given). ``limit``/``offset`` page through the results.
        """
        c = t.event_mentions.c
        query = sa.select(c.record)
        query = _resolution.where_kind_place_time(query, c, type, country, since, until)
        if article_id:
            query = query.where(c.article_id == article_id)
        if modality:
            query = query.where(c.modality == modality.lower())
        if incident_id:
            query = query.where(c.incident_id == incident_id)
        query = query.order_by(c.date_start.is_(None), c.date_start, c.article_id, c.position)
        query = query.limit(limit).offset(offset or None)
        with self.engine.connect() as conn:
            return [from_jsonable(EventMention, r) for r in conn.execute(query).scalars()]

    # --- resolution ---------------------------------------------------------------------------

    def save_resolution(self, outcome: ResolveOutcome) -> None:
        """Persist what one ``Resolver.add`` changed, in one transaction (docs/resolve.md)."""
        with self._write() as conn:
            _resolution.save_outcome(conn, outcome, _now())

    def save_resolver_state(self, state: ResolverState) -> None:
        """Replace the stored resolution with ``state`` whole, in one transaction."""
        with self._write() as conn:
            _resolution.replace_state(conn, state, _now())

    def resolver_state(self) -> ResolverState:
        """The resolver's complete state, to build the next ``Resolver`` from."""
        with self.engine.connect() as conn:
            return _resolution.load_state(conn)

    def incidents(
        self,
        *,
        type: str | None = None,  # noqa: A002
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        corroboration: str | None = None,
        min_sources: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Incident]:
        """Stored incidents, filtered like ``events``; ``min_sources``: independent origins."""
        with self.engine.connect() as conn:
            return _resolution.incidents(
                conn, type=type, country=country, since=since, until=until,
                corroboration=corroboration, min_sources=min_sources, limit=limit, offset=offset,
            )  # fmt: skip

    def incident(self, incident_id: str) -> Incident | None:
        """One incident with its claims, discrepancies and full revision history."""
        with self.engine.connect() as conn:
            return _resolution.incident(conn, incident_id)

    def revisions(self, incident_id: str | None = None) -> list[tuple[str, Revision]]:
        """(incident id, revision) pairs in the order they were saved."""
        with self.engine.connect() as conn:
            return _resolution.revisions(conn, incident_id)

    def stories(self) -> list[Story]:
        with self.engine.connect() as conn:
            return _resolution.stories(conn)

    def origins(self) -> list[Origin]:
        with self.engine.connect() as conn:
            return _resolution.origins(conn)

    # --- summary ------------------------------------------------------------------------------

    def stats(self) -> StoreStats:
        with self.engine.connect() as conn:
            return _stats(conn)


# --- helpers (all take an open connection) ----------------------------------------------------


def _configure_sqlite(engine: Engine, url: str) -> None:
    database = engine.url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        parent = Path(database).expanduser().parent
        if not parent.is_dir():
            raise StoreError(f"cannot open database {url}: folder {parent} does not exist")

    # pysqlite commits implicitly before DDL and starts transactions lazily; take over so that a
    # migration step or a batch (DDL included) is one real transaction: BEGIN ... COMMIT.
    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # a write batch takes the write lock up front, so two writers wait for each other
        # (busy_timeout) instead of failing when a reader upgrades to a writer
        write = conn.get_execution_options().get("truce_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _short(e: Exception) -> str:
    text = str(getattr(e, "orig", None) or e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def _existing(conn: Connection, column: sa.Column, values: Sequence[str]) -> dict[str, str]:
    """Map each stored value of ``column`` among ``values`` to the row's id (or hash, for ids)."""
    other = t.articles.c.id if column is t.articles.c.content_hash else t.articles.c.content_hash
    found: dict[str, str] = {}
    unique = list(dict.fromkeys(values))
    for chunk in _chunks(unique):
        for value, partner in conn.execute(sa.select(column, other).where(column.in_(chunk))):
            found[value] = partner
    return found


def _article_row(article: Article, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "text": article.text,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "published_source": article.published_source,
        "language": article.language,
        "source": article.source,
        "ingested_at": now,
        "status": "ingested",
        "error": None,
    }


def _stored_article(row: Any) -> StoredArticle:
    article = Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        published=row["published"],
        published_source=row["published_source"],
        language=row["language"],
        source=row["source"],
        content_hash=row["content_hash"],
    )
    return StoredArticle(
        article=article,
        status=row["status"],
        error=row["error"],
        ingested_at=_aware(row["ingested_at"]),
        origin_id=row["origin_id"],
        story_id=row["story_id"],
    )


def _ensure_article(conn: Connection, article: Article) -> None:
    a = t.articles.c
    exists = conn.execute(sa.select(a.id).where(a.id == article.id)).first()
    if exists is not None:
        return
    twin = conn.execute(sa.select(a.id).where(a.content_hash == article.content_hash)).scalar()
    if twin is not None:
        raise StoreError(
            f"article {article.id!r} is not stored but its text is, as {twin!r}: save results "
            "for the stored articles (pending_articles()), not for duplicates"
        )
    conn.execute(t.articles.insert().values(**_article_row(article, _now())))


def _mark_failed(conn: Connection, article_id: str, error: str) -> None:
    done = conn.execute(
        t.articles.update()
        .where(t.articles.c.id == article_id)
        .values(status="failed", error=" ".join(error.split()))
    )
    if done.rowcount == 0:
        raise StoreError(
            f"no stored article has id {article_id!r}; add it before marking it failed"
        )


def _failure_tuple(f: Any) -> tuple[str, str, str]:
    if hasattr(f, "source") and hasattr(f, "error"):
        return str(f.source), str(f.error), str(getattr(f, "kind", "") or "InputError")
    source, error, *rest = f
    return str(source), str(error), str(rest[0]) if rest else "InputError"


def _insert_failure(conn: Connection, source: str, kind: str, error: str, now: dt.datetime) -> None:
    conn.execute(t.failures.delete().where(t.failures.c.source == source))
    conn.execute(
        t.failures.insert().values(source=source, kind=kind, error=" ".join(error.split()), at=now)
    )


def _save_results(conn: Connection, results: Iterable[Any]) -> int:
    n = 0
    for result in results:
        if isinstance(result, Extraction):
            _save_extraction(conn, result)
        elif hasattr(result, "article") and hasattr(result, "error"):
            _ensure_article(conn, result.article)
            _mark_failed(conn, result.article.id, str(result.error))
        else:
            raise TypeError(f"cannot save {type(result).__name__}: expected an Extraction")
        n += 1
    return n


def _save_extraction(conn: Connection, extraction: Extraction) -> None:
    article = extraction.article
    _ensure_article(conn, article)
    conn.execute(t.event_mentions.delete().where(t.event_mentions.c.article_id == article.id))
    conn.execute(t.extractions.delete().where(t.extractions.c.article_id == article.id))
    conn.execute(
        t.extractions.insert().values(
            article_id=article.id,
            times=to_jsonable(extraction.times),
            places=to_jsonable(extraction.places),
            actors=to_jsonable(extraction.actors),
            counts=to_jsonable(extraction.counts),
            extracted_at=_now(),
        )
    )
    rows = [_mention_row(m, i) for i, m in enumerate(extraction.events)]
    if rows:
        conn.execute(t.event_mentions.insert(), rows)
    conn.execute(
        t.articles.update()
        .where(t.articles.c.id == article.id)
        .values(status="extracted", error=None)
    )


def _mention_row(mention: EventMention, position: int) -> dict[str, Any]:
    date, place = mention.date, mention.location
    return {
        "id": mention.id,
        "article_id": mention.article_id,
        "position": position,
        "plover_type": mention.plover_type.upper(),
        "plover_mode": mention.plover_mode,
        "acled_event_type": mention.acled_event_type,
        "acled_sub_event_type": mention.acled_sub_event_type,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "country": place.country_code.upper() if place and place.country_code else None,
        "place": place.name or place.text if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "modality": mention.modality,
        "record": to_jsonable(mention),
        "incident_id": None,
        "set_aside": None,
    }


def _count_by(conn: Connection, column: sa.Column, limit: int | None = None) -> dict[str, int]:
    n = sa.func.count().label("n")
    query = sa.select(column, n).where(column.is_not(None)).group_by(column)
    query = query.order_by(n.desc(), column)
    if limit:
        query = query.limit(limit)
    return {str(k): int(v) for k, v in conn.execute(query)}


def _count(conn: Connection, table: sa.Table) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0)


def _stats(conn: Connection) -> StoreStats:
    by_status = {s: 0 for s in STATUSES} | _count_by(conn, t.articles.c.status)
    em = t.event_mentions.c
    latest = sa.func.max(sa.func.coalesce(em.date_end, em.date_start))
    first, last = conn.execute(sa.select(sa.func.min(em.date_start), latest)).one()
    return StoreStats(
        articles=by_status,
        failures=_count(conn, t.failures),
        events=_count(conn, t.event_mentions),
        events_by_type=_count_by(conn, em.plover_type),
        events_by_country=_count_by(conn, em.country),
        events_by_place=_count_by(conn, em.place, limit=20),
        first_event_date=first,
        last_event_date=last,
        incidents=_count(conn, t.incidents),
        incidents_by_corroboration=_count_by(conn, t.incidents.c.corroboration),
        origins=_count(conn, t.origins),
        stories=_count(conn, t.stories),
    )
