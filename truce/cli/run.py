"""``truce run PATH...``: ingest, extract, resolve and store."""

from __future__ import annotations

from typing import Annotated

import typer

from truce.cli._common import (
    DEFAULT_DB,
    ActorsOption,
    DbOption,
    GazetteerOption,
    LexiconOption,
    VerboseOption,
    WatchedCountriesOption,
    WorkersOption,
    db_url,
    error,
    progress_bar,
    resource_config,
    setup_logging,
    workers_or_default,
)
from truce.cli.ingest import PublishedOption


def print_report(report) -> None:
    for failure in report.ingest_failures:
        error(f"{failure.source}: {failure.error}")
    for failure in report.extract_failures:
        error(f"{failure.article.source or failure.article.id}: {failure.error}")
    typer.echo(
        f"articles: {len(report.stored)} new, {len(report.duplicates)} already stored; "
        f"extracted {report.extracted} ({report.events} events); "
        f"incidents: {report.incidents_created} new, {report.incidents_updated} updated; "
        f"failures: {report.failures}"
    )


def register(app: typer.Typer) -> None:
    @app.command("run")
    def run_command(
        inputs: Annotated[
            list[str] | None,
            typer.Argument(help="Files, folders, globs, feeds or URLs. None: process what is pending."),
        ] = None,
        published: PublishedOption = None,
        retry_failed: Annotated[
            bool,
            typer.Option(
                "--retry-failed",
                help="Also retry what failed before: inputs that could not be read, articles that could not be processed.",
            ),
        ] = False,
        db: DbOption = DEFAULT_DB,
        workers: WorkersOption = 0,
        gazetteer: GazetteerOption = None,
        actors: ActorsOption = None,
        lexicon: LexiconOption = None,
        country: WatchedCountriesOption = None,
        verbose: VerboseOption = False,
    ) -> None:
        """Ingest the inputs, extract events, resolve them into incidents and store everything.

        Work is committed in batches: an interrupted run keeps what it committed, and running
        `truce run` again (with or without inputs) resumes with the articles still pending.
        """
        setup_logging(verbose)
        from truce.runner import ingest, process_pending, retry_ingest_failures
        from truce.store import Store

        config = resource_config(gazetteer, actors, lexicon, country)
        with Store.open(db_url(db)) as store:
            day = published.date() if published else None
            report = ingest(inputs or [], store, published=day)
            if retry_failed:
                retry_ingest_failures(store, published=day, report=report)
            bar = progress_bar(0, "extract")
            with bar:
                report = process_pending(
                    store,
                    config,
                    workers=workers_or_default(workers),
                    retry_failed=retry_failed,
                    progress=bar.update,
                    report=report,
                    on_total=lambda n: bar.reset(total=n),
                )
        print_report(report)
        if report.failures and not report.extracted and not report.duplicates:
            raise typer.Exit(1)
