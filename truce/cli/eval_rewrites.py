"""``truce eval rewrites``: accuracy and F1 of the sentence-rewrite detector on MSRP pairs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from truce.errors import InputError
from truce.records import to_jsonable


def register(app: typer.Typer) -> None:
    @app.command("rewrites")
    def eval_rewrites(
        msrp: Annotated[
            Path,
            typer.Option(
                "--msrp",
                help="MSRP folder (with msr_paraphrase_train.txt) or file, e.g. ../shared/eval/msrp_train.",
            ),
        ],
        limit: Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N pairs.")] = None,
        json_out: Annotated[bool, typer.Option("--json", help="Print the report as one JSON line.")] = False,
    ) -> None:
        """Measure the lexical sentence-rewrite detector used to find rewritten articles (origins).

        Prints accuracy, precision, recall and F1 at the detector's threshold over all pairs, the majority-class baseline, and a held-out check (threshold tuned on the first half, scored on the second). See docs/resolve.md.
        """  # noqa: E501 - one line per paragraph, so the help text wraps to the terminal
        from truce.eval.rewrites import evaluate_rewrites

        try:
            report = evaluate_rewrites(msrp, limit)
        except InputError as e:
            typer.echo(f"error: {e}", err=True)
            raise typer.Exit(2) from e
        if json_out:
            typer.echo(json.dumps(to_jsonable(report)))
            return
        a, h = report.all_pairs, report.held_out
        typer.echo(f"MSRP pairs: {a.n} ({report.path})")
        typer.echo(f"threshold {report.threshold:.2f}: accuracy {a.accuracy:.3f}  precision {a.precision:.3f}  "
                   f"recall {a.recall:.3f}  F1 {a.f1:.3f}")
        typer.echo(f"majority baseline (all paraphrase): accuracy {report.majority_baseline:.3f}")
        typer.echo(f"held out (threshold {report.tuned_threshold:.2f} tuned on the first half; {h.n} pairs): "
                   f"accuracy {h.accuracy:.3f}  F1 {h.f1:.3f}")
