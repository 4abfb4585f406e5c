"""Listing commands over the store: ``events``, ``incidents``, ``incident ID``, ``stories``, ``origins``.

Every listing prints a table for people and, with ``--json``, JSON lines for scripts.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from truce.cli._common import DEFAULT_DB, DbOption, JsonOption, db_url, error, print_json_line
from truce.records import EventMention, Incident, to_jsonable

TypeOption = Annotated[str | None, typer.Option("--type", "-t", help="PLOVER category, e.g. ASSAULT.")]
CountryOption = Annotated[
    str | None, typer.Option("--country", "-c", help="ISO alpha-2 country code of the place, e.g. LB.")
]
SinceOption = Annotated[
    dt.datetime | None, typer.Option("--since", formats=["%Y-%m-%d"], help="On or after (YYYY-MM-DD).")
]
UntilOption = Annotated[
    dt.datetime | None, typer.Option("--until", formats=["%Y-%m-%d"], help="On or before (YYYY-MM-DD).")
]
LimitOption = Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most this many.")]


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


def _date_text(date) -> str:
    if date is None or date.start is None:
        return "?"
    text = date.start.isoformat()
    if date.end and date.end != date.start:
        text += f"..{date.end.isoformat()}"
    return text


def _place_text(place, guessed: bool = False) -> str:
    """The place's name and country; "~" before a guess (named near the event, not attached)."""
    if place is None:
        return "?"
    name = ("~" if guessed else "") + (place.name or place.text)
    return f"{name} ({place.country_code})" if place.country_code else name


def _count_text(count) -> str:
    if not count:
        return ""
    if isinstance(count, dict):
        low, best, high = count.get("low"), count.get("best"), count.get("high")
    else:
        low, best, high = count.low, count.best, count.high
    if low is not None and high is not None and low != high:
        return f"{best} ({low}-{high})"
    return str(best)


def _actor_text(actors, role: str) -> str:
    names = [a.name or a.text for a in actors if a.role == role]
    return ", ".join(dict.fromkeys(names))


def event_line(e: EventMention) -> str:
    kind = e.plover_type + (f"/{e.plover_mode}" if e.plover_mode else "")
    who = _actor_text(e.actors, "actor") or "-"
    whom = _actor_text(e.actors, "recipient")
    killed = _count_text(e.fatalities)
    parts = [
        f"{e.id:12}",
        f"{_date_text(e.date):23}",
        f"{kind:22}",
        f"{_place_text(e.location, e.location_basis == 'mentioned')[:28]:28}",
        who + (f" → {whom}" if whom else ""),
    ]
    if killed:
        parts.append(f"killed {killed}")
    if e.modality != "asserted":
        parts.append(f"[{e.modality}]")
    return "  ".join(parts)


def incident_line(i: Incident) -> str:
    kind = i.plover_type + (f"/{i.plover_mode}" if i.plover_mode else "")
    killed = _count_text(i.fatalities)
    return "  ".join(
        [
            f"{i.id:16}",
            f"{_date_text(i.date):23}",
            f"{kind:22}",
            f"{_place_text(i.location, i.location_guessed)[:28]:28}",
            f"{len(i.article_ids)} art / {i.independent_sources} src",
            f"{i.corroboration:18}",
            f"killed {killed}" if killed else "",
        ]
    ).rstrip()


def register(app: typer.Typer) -> None:
    @app.command("events")
    def events_command(
        type: TypeOption = None,  # noqa: A002
        country: CountryOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        article: Annotated[str | None, typer.Option("--article", help="Only this article's events.")] = None,
        modality: Annotated[
            str | None, typer.Option("--modality", help="asserted, claimed, denied, threatened, ...")
        ] = None,
        limit: LimitOption = None,
        db: DbOption = DEFAULT_DB,
        json: JsonOption = False,
    ) -> None:
        """List event mentions (one per article that reports them), filtered.

        A place shown as ~Name is a guess: named near the event, not attached to it."""
        from truce.store import Store

        with Store.open(db_url(db)) as store:
            events = store.events(
                type=type, country=country, since=_day(since), until=_day(until),
                article_id=article, modality=modality, limit=limit,
            )  # fmt: skip
        for e in events:
            print_json_line(to_jsonable(e)) if json else typer.echo(event_line(e))
        if not json:
            typer.echo(f"{len(events)} event(s)", err=True)

    @app.command("incidents")
    def incidents_command(
        type: TypeOption = None,  # noqa: A002
        country: CountryOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        min_sources: Annotated[
            int | None, typer.Option("--min-sources", min=1, help="At least this many independent sources.")
        ] = None,
        corroboration: Annotated[
            str | None,
            typer.Option("--corroboration", help="single source, claimed by a party, contested, corroborated, officially confirmed"),
        ] = None,
        limit: LimitOption = None,
        db: DbOption = DEFAULT_DB,
        json: JsonOption = False,
    ) -> None:
        """List incidents: events resolved across articles, with their source counts.

        A place shown as ~Name is a guess: every report names it near the event, none attaches it."""
        from truce.store import Store

        with Store.open(db_url(db)) as store:
            incidents = store.incidents(
                type=type, country=country, since=_day(since), until=_day(until),
                corroboration=corroboration, min_sources=min_sources, limit=limit,
            )  # fmt: skip
        for i in incidents:
            print_json_line(to_jsonable(i)) if json else typer.echo(incident_line(i))
        if not json:
            typer.echo(f"{len(incidents)} incident(s)", err=True)

    @app.command("incident")
    def incident_command(
        incident_id: Annotated[str, typer.Argument(help="Incident id, as `truce incidents` lists it.")],
        db: DbOption = DEFAULT_DB,
        json: JsonOption = False,
    ) -> None:
        """Show one incident: its sources, claims, discrepancies and history."""
        from truce.store import Store

        with Store.open(db_url(db)) as store:
            incident = store.incident(incident_id)
            if incident is None:
                error(f"no incident {incident_id!r} in {db}; `truce incidents` lists them")
                raise typer.Exit(1)
            articles = {a.id: a for a in store.articles(ids=incident.article_ids)}
        if json:
            print_json_line(to_jsonable(incident))
            return
        typer.echo(show_incident(incident, articles))

    @app.command("stories")
    def stories_command(db: DbOption = DEFAULT_DB, json: JsonOption = False) -> None:
        """List stories: articles about the same developing story."""
        from truce.store import Store

        with Store.open(db_url(db)) as store:
            stories = store.stories()
        for s in stories:
            if json:
                print_json_line(to_jsonable(s))
            else:
                span = f"{s.first or '?'}..{s.last or '?'}"
                typer.echo(f"{s.id:16}  {span:23}  {len(s.article_ids)} article(s): {', '.join(s.article_ids)}")

    @app.command("origins")
    def origins_command(db: DbOption = DEFAULT_DB, json: JsonOption = False) -> None:
        """List origins: articles that derive from one original (copies and rewrites)."""
        from truce.store import Store

        with Store.open(db_url(db)) as store:
            origins = store.origins()
        for o in origins:
            if json:
                print_json_line(to_jsonable(o))
            else:
                typer.echo(f"{o.id:16}  {len(o.article_ids)} article(s): {', '.join(o.article_ids)}")


def show_incident(incident: Incident, articles: dict) -> str:
    """A readable report of one incident."""
    i = incident
    lines = [
        f"incident {i.id}: {i.plover_type}" + (f"/{i.plover_mode}" if i.plover_mode else ""),
        f"  ACLED:        {i.acled_event_type or '-'} / {i.acled_sub_event_type or '-'}",
        f"  date:         {_date_text(i.date)} ({i.date.precision if i.date else 'unknown'})",
        f"  place:        {_place_text(i.location, i.location_guessed)}"
        + (" (a guess: named near the event in every report, not attached to it)" if i.location_guessed else ""),
        f"  actors:       {_actor_text(i.actors, 'actor') or '-'}",
        f"  recipients:   {_actor_text(i.actors, 'recipient') or '-'}",
        f"  killed:       {_count_text(i.fatalities) or '-'}",
        f"  injured:      {_count_text(i.injured) or '-'}",
        f"  sources:      {len(i.article_ids)} article(s), {i.independent_sources} independent origin(s)",
        f"  grade:        {i.corroboration}",
        "  reports:",
    ]
    for article_id in i.article_ids:
        a = articles.get(article_id)
        label = (a.outlet or a.url or a.title or "") if a else ""
        lines.append(f"    - {article_id} {label[:70]}")
    if i.claims:
        lines.append("  claims:")
        for c in i.claims:
            source = f" ({c.source})" if c.source else ""
            lines.append(f"    - {c.field} = {c.value!s:.40} in {c.article_id}{source}: \"{c.quote[:90]}\"")
    if i.discrepancies:
        lines.append("  discrepancies:")
        for d in i.discrepancies:
            lines.append(f"    - {d.field}:")
            for c in d.claims:
                lines.append(f"        {c.article_id}: {c.value!s:.30} — \"{c.quote[:80]}\"")
    if i.history:
        lines.append("  history:")
        for r in i.history:
            lines.append(f"    - {r.at:%Y-%m-%d %H:%M} {r.field}: {r.old!s:.30} → {r.new!s:.30} (article {r.article_id})")
    return "\n".join(lines)
