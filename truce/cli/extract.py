"""``truce extract IN.jsonl -o OUT.jsonl``: the stateless extractor behind the extract contract."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from truce.cli._common import (
    ActorsOption,
    GazetteerOption,
    LexiconOption,
    VerboseOption,
    WatchedCountriesOption,
    WorkersOption,
    error,
    progress_bar,
    resource_config,
    setup_logging,
    workers_or_default,
)


def register(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        input: Annotated[Path, typer.Argument(help="JSON lines: {id, text, published, title?, url?, outlet?}.")],
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write JSON lines here (default: stdout).")
        ] = None,
        workers: WorkersOption = 0,
        gazetteer: GazetteerOption = None,
        actors: ActorsOption = None,
        lexicon: LexiconOption = None,
        country: WatchedCountriesOption = None,
        verbose: VerboseOption = False,
    ) -> None:
        """Extract times, places and events from each input line, statelessly (no database).

        One output line per input line, in input order, following docs/extract.schema.json. A line
        that cannot be read or processed gives an object with an "error" key, and the rest goes on.
        """
        setup_logging(verbose)
        from truce.contract import extraction_to_json, failure_to_json
        from truce.ingest import IngestFailure, read_inputs
        from truce.pipeline import ExtractFailure, extract_many

        if not input.exists():
            error(f"{input}: no such file")
            raise typer.Exit(2)
        items = list(read_inputs([str(input)]))
        articles = [i for i in items if not isinstance(i, IngestFailure)]
        config = resource_config(gazetteer, actors, lexicon, country)
        out = open(output, "w", encoding="utf-8") if output else sys.stdout
        failures = 0
        try:
            with progress_bar(len(articles), "extract") as bar:
                results = iter(
                    extract_many(articles, config, workers=workers_or_default(workers), progress=bar.update)
                )
                for item in items:
                    if isinstance(item, IngestFailure):
                        obj = failure_to_json(item.source, None, item.error)
                        error(f"{item.source}: {item.error}")
                        failures += 1
                    else:
                        result = next(results)
                        if isinstance(result, ExtractFailure):
                            obj = failure_to_json(result.article.id, result.article.published, result.error)
                            error(f"{result.article.source or result.article.id}: {result.error}")
                            failures += 1
                        else:
                            obj = extraction_to_json(result)
                    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        finally:
            if output:
                out.close()
        if failures:
            typer.echo(f"{failures} of {len(items)} input lines failed; see the errors above.", err=True)
