"""Persisting the resolver's state and outcomes (docs/resolve.md): links, stories, incidents.

Functions here take an open connection; ``Store`` owns the transactions. Whole records are kept as
JSON (``to_jsonable``) and rebuilt with ``from_jsonable``; the columns beside them are for queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from truce.records import Incident, Revision, from_jsonable, to_jsonable
from truce.store import _schema as t
from truce.store._rows import Origin

if TYPE_CHECKING:
    from truce.resolve.state import ArticleLink, ResolveOutcome, ResolverState, Story


def _next_seq(conn: Connection, table: sa.Table) -> int:
    value = conn.execute(sa.select(sa.func.max(table.c.seq))).scalar()
    return int(value or 0) + 1


def _existing_seq(conn: Connection, table: sa.Table, key: sa.Column, value: str) -> int | None:
    return conn.execute(sa.select(table.c.seq).where(key == value)).scalar()


def save_outcome(conn: Connection, outcome: ResolveOutcome, now: dt.datetime) -> None:
    _save_links(conn, outcome.articles)
    _save_stories(conn, outcome.stories_changed)
    incidents = list(outcome.created) + list(outcome.updated)
    _save_incidents(conn, incidents, now)
    merged = dict(outcome.merged)
    # A "merged" revision is recorded on the surviving incident and names the one it absorbed;
    # incidents created and absorbed within one batch appear only there.
    merged.update(
        {str(r.new): iid for iid, r in outcome.revisions if r.field == "merged" and r.new and iid != r.new}
    )
    survivor = _survivors(merged)
    _apply_merges(conn, survivor)
    for incident_id, revision in outcome.revisions:
        # An incident created and merged within one batch is never saved: its history goes to
        # the incident it was merged into.
        _insert_revision(conn, survivor.get(incident_id, incident_id), revision)
    em = t.event_mentions
    for mention_id, incident_id in outcome.mention_incident.items():
        conn.execute(
            em.update()
            .where(em.c.id == mention_id)
            .values(incident_id=survivor.get(incident_id, incident_id), set_aside=None)
        )
    for aside in outcome.set_aside:
        conn.execute(em.update().where(em.c.id == aside.mention_id).values(set_aside=aside.reason))


def _survivors(merged: dict[str, str]) -> dict[str, str]:
    """Each merged incident id → the incident that finally holds it (merges can chain)."""
    final: dict[str, str] = {}
    for old in merged:
        target, seen = merged[old], {old}
        while target in merged and target not in seen:
            seen.add(target)
            target = merged[target]
        final[old] = target
    return final


def _apply_merges(conn: Connection, survivor: dict[str, str]) -> None:
    """Delete merged incidents; their mentions and history now belong to the survivor."""
    inc, im, rv, em = t.incidents, t.incident_mentions, t.revisions, t.event_mentions
    for old, new in survivor.items():
        conn.execute(em.update().where(em.c.incident_id == old).values(incident_id=new))
        conn.execute(rv.update().where(rv.c.incident_id == old).values(incident_id=new))
        conn.execute(im.delete().where(im.c.incident_id == old))
        conn.execute(inc.delete().where(inc.c.id == old))


def replace_state(conn: Connection, state: ResolverState, now: dt.datetime) -> None:
    tables = (t.incident_mentions, t.revisions, t.incidents, t.article_links, t.stories, t.origins)
    for table in tables:
        conn.execute(table.delete())
    conn.execute(t.articles.update().values(origin_id=None, story_id=None))
    conn.execute(t.event_mentions.update().values(incident_id=None))
    _save_links(conn, state.articles)
    _save_stories(conn, state.stories)
    _save_incidents(conn, state.incidents, now)
    em = t.event_mentions
    for incident in state.incidents:
        for revision in incident.history:
            _insert_revision(conn, incident.id, revision)
        for mention_id in incident.mention_ids:
            conn.execute(em.update().where(em.c.id == mention_id).values(incident_id=incident.id))


def _save_links(conn: Connection, links: Iterable[ArticleLink]) -> None:
    links = list(links)
    if not links:
        return
    al = t.article_links
    seq = _next_seq(conn, al)
    origin_ids: set[str] = set()
    for link in links:
        old_seq = _existing_seq(conn, al, al.c.article_id, link.article_id)
        conn.execute(al.delete().where(al.c.article_id == link.article_id))
        old_origin = conn.execute(
            sa.select(t.articles.c.origin_id).where(t.articles.c.id == link.article_id)
        ).scalar()
        if old_origin:
            origin_ids.add(old_origin)
        conn.execute(
            al.insert().values(
                article_id=link.article_id,
                origin_id=link.origin_id,
                story_id=link.story_id,
                duplicate_of=link.duplicate_of,
                origin_reason=link.origin_reason,
                seq=old_seq if old_seq is not None else seq,
                record=to_jsonable(link),
            )
        )
        if old_seq is None:
            seq += 1
        conn.execute(
            t.articles.update()
            .where(t.articles.c.id == link.article_id)
            .values(origin_id=link.origin_id, story_id=link.story_id)
        )
        origin_ids.add(link.origin_id)
    _refresh_origins(conn, origin_ids)


def _refresh_origins(conn: Connection, origin_ids: set[str]) -> None:
    al, a, o = t.article_links, t.articles, t.origins
    for origin_id in sorted(origin_ids):
        n, first, last = conn.execute(
            sa.select(sa.func.count(), sa.func.min(a.c.published), sa.func.max(a.c.published))
            .select_from(al.outerjoin(a, a.c.id == al.c.article_id))
            .where(al.c.origin_id == origin_id)
        ).one()
        conn.execute(o.delete().where(o.c.id == origin_id))
        if n:
            conn.execute(
                o.insert().values(
                    id=origin_id, n_articles=n, first_published=first, last_published=last
                )
            )


def _save_stories(conn: Connection, stories: Iterable[Story]) -> None:
    st = t.stories
    for story in stories:
        conn.execute(st.delete().where(st.c.id == story.id))
        conn.execute(
            st.insert().values(
                id=story.id,
                n_articles=len(story.article_ids),
                first=story.first,
                last=story.last,
                record=to_jsonable(story),
            )
        )


def _save_incidents(conn: Connection, incidents: Iterable[Incident], now: dt.datetime) -> None:
    inc, im = t.incidents, t.incident_mentions
    seq = _next_seq(conn, inc)
    for incident in incidents:
        old_seq = _existing_seq(conn, inc, inc.c.id, incident.id)
        row = _incident_row(incident, old_seq if old_seq is not None else seq, now)
        if old_seq is None:
            conn.execute(inc.insert().values(**row))
            seq += 1
        else:
            conn.execute(inc.update().where(inc.c.id == incident.id).values(**row))
        conn.execute(im.delete().where(im.c.incident_id == incident.id))
        mention_ids = list(dict.fromkeys(incident.mention_ids))
        if mention_ids:
            rows = [{"incident_id": incident.id, "mention_id": m} for m in mention_ids]
            conn.execute(im.insert(), rows)


def _incident_row(incident: Incident, seq: int, now: dt.datetime) -> dict[str, Any]:
    date, place = incident.date, incident.location
    fatalities = incident.fatalities or {}
    return {
        "id": incident.id,
        "plover_type": incident.plover_type.upper(),
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "country": place.country_code.upper() if place and place.country_code else None,
        "admin1": place.admin1 if place else None,
        "place": (place.name or place.text) if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "fatalities_best": fatalities.get("best"),
        "n_articles": len(set(incident.article_ids)),
        "n_origins": incident.independent_sources,
        "corroboration": incident.corroboration,
        "seq": seq,
        "updated_at": now,
        "record": to_jsonable(incident),
    }


def where_kind_place_time(query, c, type, country, since, until):  # noqa: A002
    """The filters events and incidents share: PLOVER type, country (ISO alpha-2), and a date
    interval overlapping [since, until] (undated rows are left out when either is given)."""
    if type:
        query = query.where(c.plover_type == type.upper())
    if country:
        query = query.where(c.country == country.upper())
    if since:
        query = query.where(sa.func.coalesce(c.date_end, c.date_start) >= since)
    if until:
        query = query.where(c.date_start <= until)
    return query


def _insert_revision(conn: Connection, incident_id: str, revision: Revision) -> None:
    conn.execute(
        t.revisions.insert().values(
            incident_id=incident_id,
            field=revision.field,
            old=to_jsonable(revision.old),
            new=to_jsonable(revision.new),
            article_id=revision.article_id,
            at=revision.at,
        )
    )


def load_state(conn: Connection) -> ResolverState:
    from truce.resolve.state import ArticleLink, ResolverState, Story

    al = t.article_links
    links = conn.execute(sa.select(al.c.record).order_by(al.c.seq)).scalars()
    stories = conn.execute(sa.select(t.stories.c.record).order_by(t.stories.c.id)).scalars()
    incidents = conn.execute(sa.select(t.incidents.c.record).order_by(t.incidents.c.seq)).scalars()
    return ResolverState(
        articles=[from_jsonable(ArticleLink, r) for r in links],
        stories=[from_jsonable(Story, r) for r in stories],
        incidents=[from_jsonable(Incident, r) for r in incidents],
    )


def incidents(
    conn: Connection,
    *,
    type: str | None,  # noqa: A002
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
    corroboration: str | None,
    min_sources: int | None,
    limit: int | None,
    offset: int = 0,
) -> list[Incident]:
    c = t.incidents.c
    query = sa.select(c.record)
    query = where_kind_place_time(query, c, type, country, since, until)
    if corroboration:
        query = query.where(c.corroboration == corroboration)
    if min_sources:
        query = query.where(c.n_origins >= min_sources)
    query = query.order_by(c.date_start.is_(None), c.date_start, c.seq)
    query = query.limit(limit).offset(offset or None)
    return [from_jsonable(Incident, r) for r in conn.execute(query).scalars()]


def incident(conn: Connection, incident_id: str) -> Incident | None:
    record = conn.execute(
        sa.select(t.incidents.c.record).where(t.incidents.c.id == incident_id)
    ).scalar()
    if record is None:
        return None
    found = from_jsonable(Incident, record)
    stored = [r for _, r in revisions(conn, incident_id)]
    if len(stored) > len(found.history):
        found.history = stored
    return found


def revisions(conn: Connection, incident_id: str | None) -> list[tuple[str, Revision]]:
    r = t.revisions.c
    query = sa.select(t.revisions).order_by(r.id)
    if incident_id is not None:
        query = query.where(r.incident_id == incident_id)
    out = []
    for row in conn.execute(query).mappings():
        at = row["at"]
        if at is not None and at.tzinfo is None:
            at = at.replace(tzinfo=dt.timezone.utc)
        revision = Revision(row["field"], row["old"], row["new"], row["article_id"], at)
        out.append((row["incident_id"], revision))
    return out


def stories(conn: Connection) -> list[Story]:
    from truce.resolve.state import Story

    rows = conn.execute(sa.select(t.stories.c.record).order_by(t.stories.c.first, t.stories.c.id))
    return [from_jsonable(Story, r) for r in rows.scalars()]


def origins(conn: Connection) -> list[Origin]:
    al = t.article_links.c
    members: dict[str, list[str]] = {}
    query = sa.select(al.origin_id, al.article_id).order_by(al.seq)
    for origin_id, article_id in conn.execute(query):
        members.setdefault(origin_id, []).append(article_id)
    rows = conn.execute(sa.select(t.origins).order_by(t.origins.c.first_published, t.origins.c.id))
    return [
        Origin(r["id"], members.get(r["id"], []), r["first_published"], r["last_published"])
        for r in rows.mappings()
    ]
