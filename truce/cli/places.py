"""`truce places IN.jsonl -o OUT.jsonl`: find and resolve place names (docs/place.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from truce.cli._common import GazetteerOption


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
    ) -> None:
        """Find place names and resolve them to GeoNames / the project gazetteer.

        With "spans" exactly those character spans are resolved (each in the context of the others);
        without, places are detected first (spaCy NER, gazetteer phrase matching, patterns). Each output
        line is {"id", "places": [{"text","start","end","name","geonameid","lat","lon","country_code",
        "admin1","admin2","feature","precision","geo_precision","confidence", "alternatives"?}]}.
        Ambiguous names carry "alternatives" and a low confidence.
        """
        from truce.annotate import load_nlp
        from truce.errors import TruceError
        from truce.place import load_gazetteer
        from truce.place.jsonl import read_place_requests, run_places

        out = output.open("w", encoding="utf-8") if output else sys.stdout
        count = 0
        try:
            gaz = load_gazetteer(gazetteer or ())
            for row in run_places(read_place_requests(input_path), gaz, load_nlp):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        except TruceError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from e
        finally:
            if output:
                out.close()
        if output:
            typer.echo(f"{count} line(s) written to {output}", err=True)
