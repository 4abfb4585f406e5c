"""``truce export``: incidents to ACLED, UCDP, PLOVER or GeoJSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from truce.cli._common import DEFAULT_DB, DbOption, db_url
from truce.cli.listing import CountryOption, SinceOption, TypeOption, UntilOption, _day


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_command(
        format: Annotated[  # noqa: A002
            str, typer.Option("--format", "-f", help="acled, ucdp, plover or geojson.")
        ] = "acled",
        output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default: stdout).")] = None,
        type: TypeOption = None,  # noqa: A002
        country: CountryOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """Export resolved incidents in a format analysts already use.

        acled: CSV with ACLED's columns (events ACLED codes: violence, protests, agreements, arrests).
        ucdp: CSV with UCDP GED's columns (violent incidents, low/best/high fatalities).
        plover: JSON lines in the PLOVER event shape. geojson: a FeatureCollection of located incidents.
        """
        from truce.export import FORMATS, export_incidents
        from truce.store import Store

        if format not in FORMATS:
            typer.echo(f"error: unknown format {format!r}; choose one of {', '.join(FORMATS)}", err=True)
            raise typer.Exit(2)
        with Store.open(db_url(db)) as store:
            incidents = store.incidents(type=type, country=country, since=_day(since), until=_day(until))
            ids = sorted({a for i in incidents for a in i.article_ids})
            articles = {a.id: a for a in store.articles(ids=ids)}
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            n = export_incidents(format, incidents, articles, out)
        finally:
            if output:
                out.close()
        typer.echo(f"exported {n} incident(s) as {format}", err=True)
