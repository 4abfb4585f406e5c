"""`truce eval times --tempeval DIR`: detection and normalisation scores on TimeML (docs/time.md)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

_ROWS = [
    ("documents", "docs", "d"),
    ("gold expressions", "gold", "d"),
    ("system expressions", "system", "d"),
    ("strict P", "strict_p", "f"),
    ("strict R", "strict_r", "f"),
    ("strict F1", "strict_f1", "f"),
    ("relaxed P", "relaxed_p", "f"),
    ("relaxed R", "relaxed_r", "f"),
    ("relaxed F1", "relaxed_f1", "f"),
    ("type accuracy", "type_accuracy", "f"),
    ("value accuracy", "value_accuracy", "f"),
    ("value P", "value_p", "f"),
    ("value R", "value_r", "f"),
    ("value F1", "value_f1", "f"),
]


def register(app: typer.Typer) -> None:
    @app.command("times")
    def times(
        tempeval: Path | None = typer.Option(
            None, "--tempeval", exists=True, file_okay=False,
            help="The tempeval3 folder (holding TBAQ-cleaned/TimeBank and /AQUAINT .tml files).",
        ),
        acled: Path | None = typer.Option(
            None, "--acled", exists=True,
            help="Also (or only) score event dates on ACLED notes (a folder of CSV exports): the first verb "
            "of each note is the trigger, publication is event_date + 1 day.",
        ),
        given_spans: bool = typer.Option(
            False, "--given-spans", help="Normalise the gold spans instead of detecting: scores normalisation alone."
        ),
        limit: int | None = typer.Option(
            None, "--limit", min=1, help="Score only the first N documents (ACLED: the first N notes per file)."
        ),
        errors: Path | None = typer.Option(
            None, "--errors", help="Write every miss, spurious expression and wrong value here (JSON lines)."
        ),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON object per subset instead of a table."),
    ) -> None:
        """Detection P/R/F1 (strict: same span; relaxed: overlapping) and value accuracy / value-F1 on
        TimeBank and AQUAINT, each document's creation time standing in for the publication date;
        with --acled, exact-day accuracy of event dates on ACLED notes."""
        from truce.annotate import load_nlp
        from truce.eval.times import evaluate_acled_dates, evaluate_times, load_tempeval

        logging.getLogger("truce").setLevel(logging.WARNING)
        if tempeval is None and acled is None:
            raise typer.BadParameter("give --tempeval DIR, --acled DIR or both")
        if acled is not None:
            acled_errors: list[dict] = []
            report = evaluate_acled_dates(acled, load_nlp(), limit=limit, errors=acled_errors)
            if errors:
                # with --tempeval as well, the TempEval errors follow in the same file
                with errors.open("w", encoding="utf-8") as fh:
                    for e in acled_errors:
                        fh.write(json.dumps({"kind": "acled_date", **e}, ensure_ascii=False) + "\n")
            if as_json:
                for name, counts in report.items():
                    typer.echo(json.dumps({"acled_file": name, **counts}))
            else:
                typer.echo("ACLED notes: event dates against the coded day")
                typer.echo(f"  {'file':40} {'notes':>6} {'exact day':>10} {'starts on it':>13} {'ACLED day':>10}")
                for name, counts in report.items():
                    typer.echo(f"  {name:40} {counts['notes']:6d} {counts['accuracy']:10.3f} "
                               f"{counts['start_accuracy']:13.3f} {counts['acled_day_accuracy']:10.3f}")
                typer.echo("  (exact day: the interval is that day alone; starts on it: how `truce eval acled` "
                           "scores; ACLED day: the one day ACLED would code, a month's 15th, a week's Wednesday)")
            if tempeval is None:
                return
        docs = load_tempeval(tempeval, limit=limit)
        counts: dict[str, int] = {"all": len(docs)}
        for d in docs:
            counts[d.subset] = counts.get(d.subset, 0) + 1
        scores = evaluate_times(docs, load_nlp(), given_spans=given_spans)
        if errors:
            with errors.open("a" if acled is not None else "w", encoding="utf-8") as fh:
                for e in scores["all"].errors:
                    fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        subsets = [k for k in scores if k != "all"] + ["all"]
        table = {k: {"docs": counts.get(k, 0), **scores[k].as_dict()} for k in subsets}
        if as_json:
            for k in subsets:
                typer.echo(json.dumps({"subset": k, "given_spans": given_spans, **table[k]}))
            return
        mode = "normalisation of gold spans" if given_spans else "detection + normalisation"
        typer.echo(f"TempEval-3 TBAQ ({mode})")
        typer.echo(f"  {'':22}" + "".join(f"{k:>12}" for k in subsets))
        for label, key, kind in _ROWS:
            cells = "".join(
                f"{table[k][key]:>12d}" if kind == "d" else f"{table[k][key]:>12.3f}" for k in subsets
            )
            typer.echo(f"  {label:22}{cells}")
