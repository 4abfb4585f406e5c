"""`truce times IN.jsonl -o OUT.jsonl`: find and normalise time expressions (docs/time.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("times")
    def times(
        input_path: Path = typer.Argument(
            ..., exists=True, dir_okay=False, metavar="IN.jsonl",
            help='JSON lines {"id", "text", "published" (YYYY-MM-DD), "spans"?: a list of start, end character pairs}.',
        ),
        output: Path | None = typer.Option(
            None, "--output", "-o", metavar="OUT.jsonl", help="Write JSON lines here (default: standard output)."
        ),
    ) -> None:
        """Normalise time expressions against each line's publication date.

        With "spans" only those character spans are normalised (to measure normalisation apart from
        detection); without, expressions are detected first. Each output line is
        {"id", "published", "times": [{"text","start","end","type","value","interval","precision",...}]}.
        """
        from truce.annotate import load_nlp
        from truce.errors import TruceError
        from truce.time.jsonl import read_time_requests, run_times

        nlp = load_nlp()
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        count = 0
        try:
            for row in run_times(read_time_requests(input_path), nlp):
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
