"""``truce ingest PATH...``: store articles without extracting them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from truce.cli._common import DEFAULT_DB, DbOption, VerboseOption, db_url, error, setup_logging

PublishedOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--published",
        formats=["%Y-%m-%d"],
        help="Publication date for inputs whose metadata and text give none (YYYY-MM-DD).",
    ),
]


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_command(
        inputs: Annotated[
            list[str],
            typer.Argument(help="Files, folders, globs, feeds (.xml/.rss/.atom) or article URLs."),
        ],
        published: PublishedOption = None,
        db: DbOption = DEFAULT_DB,
        verbose: VerboseOption = False,
    ) -> None:
        """Read articles and store them, deduplicated by content. Nothing is extracted yet.

        Ingesting the same article twice stores it once. Inputs that cannot be read are listed with
        their error and recorded; the rest of the batch goes on.
        """
        setup_logging(verbose)
        from truce.runner import ingest
        from truce.store import Store

        with Store.open(db_url(db)) as store:
            report = ingest(inputs, store, published=published.date() if published else None)
        for failure in report.ingest_failures:
            error(f"{failure.source}: {failure.error}")
        typer.echo(
            f"stored {len(report.stored)} new article(s), {len(report.duplicates)} already stored, "
            f"{len(report.ingest_failures)} failed"
        )
        if report.ingest_failures and not report.stored and not report.duplicates:
            raise typer.Exit(1)
