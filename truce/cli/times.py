"""`truce times IN.jsonl -o OUT.jsonl`: find and normalise time expressions (docs/time.md)."""

from __future__ import annotations

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
        from truce.cli._common import write_span_results
        from truce.time.jsonl import times_for_request

        nlp = load_nlp()
        write_span_results(input_path, output, lambda article, spans: times_for_request(article, spans, nlp))
