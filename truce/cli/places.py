"""`truce places IN.jsonl -o OUT.jsonl`: find and resolve place names (docs/place.md)."""

from __future__ import annotations

from pathlib import Path

import typer

from truce.cli._common import GazetteerOption, WatchedCountriesOption


def register(app: typer.Typer) -> None:
    @app.command("places")
    def places(
        input_path: Path = typer.Argument(
            ...,
            exists=True,
            dir_okay=False,
            metavar="IN.jsonl",
            help='JSON lines {"id", "text", "published"?, "spans"?: [[start, end], ...]}.',
        ),
        output: Path | None = typer.Option(
            None,
            "--output",
            "-o",
            metavar="OUT.jsonl",
            help="Write JSON lines here (default: standard output).",
        ),
        gazetteer: GazetteerOption = None,
        country: WatchedCountriesOption = None,
    ) -> None:
        """Find place names and resolve them to GeoNames / the project gazetteer.

        With "spans" exactly those character spans are resolved (each in the context of the others);
        without, places are detected first (spaCy NER, gazetteer phrase matching, patterns). Each output
        line is {"id", "places": [{"text","start","end","name","geonameid","lat","lon","country_code",
        "admin1","admin2","feature","precision","geo_precision","confidence", "alternatives"?}]}.
        Ambiguous names carry "alternatives" and a low confidence.
        """
        from truce.annotate import load_nlp
        from truce.cli._common import country_codes, write_span_results
        from truce.errors import TruceError
        from truce.place import load_gazetteer
        from truce.place.jsonl import places_for_request

        focus = country_codes(country)
        try:
            gaz = load_gazetteer(gazetteer or ())
        except TruceError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from e

        def process(article, spans):
            # spaCy is loaded (once, cached) only when a line needs detection
            return places_for_request(
                article, spans, gaz, load_nlp() if spans is None else None, focus
            )

        write_span_results(input_path, output, process)
