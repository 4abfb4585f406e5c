"""`truce eval acled|plover|india`: measure the event coder on development data (docs/events.md)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

_DATA_HELP = "Folder with the development data set (or one file of it)."
_LIMIT_HELP = "Score only the first N items (per file for ACLED) - for quick checks."
_JSON_HELP = "Print the report as one JSON object instead of a table."
_WORKERS_HELP = "Worker processes for the pipeline (default: all cores)."


def _progress(total_hint: str):
    from tqdm import tqdm

    bar = tqdm(desc=total_hint, unit="item", leave=False)
    return bar, bar.update


def _print_metrics(title: str, metrics: dict) -> None:
    typer.echo(title)
    for key, value in metrics.items():
        if isinstance(value, (list, dict)):
            continue
        typer.echo(f"  {key:28} {value}")


def register(app: typer.Typer) -> None:
    @app.command("acled")
    def acled(
        data: Path = typer.Option(..., "--data", exists=True, help=_DATA_HELP + " ACLED CSV exports with notes."),
        limit: int | None = typer.Option(None, "--limit", min=1, help=_LIMIT_HELP),
        workers: int | None = typer.Option(None, "--workers", min=1, help=_WORKERS_HELP),
        sample: int | None = typer.Option(
            None, "--sample", min=1,
            help="Score N notes drawn at random from all files (same notes for the same --seed): a quick, "
            "representative check.",
        ),  # fmt: skip
        seed: int = typer.Option(0, "--seed", help="Random seed for --sample."),
        theatre: bool = typer.Option(
            False, "--theatre",
            help="Read each note as a team watching its country would (as `truce run --country` "
            "does, with the row's country).",
        ),  # fmt: skip
        as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
    ) -> None:
        """Run the pipeline over ACLED notes and score the main event: type, sub-type, fatalities,
        actor 1 country and inter code, date and location (publication date = event date + 1 day)."""
        from truce.eval.acled import evaluate_acled

        logging.getLogger("truce").setLevel(logging.WARNING)
        bar, tick = _progress("acled")
        try:
            report = evaluate_acled(
                data, limit=limit, workers=workers, progress=tick, sample=sample, seed=seed, theatre=theatre
            )
        finally:
            bar.close()
        if as_json:
            typer.echo(json.dumps(report))
            return
        for name, metrics in report["files"].items():
            _print_metrics(name, metrics)
        _print_metrics("overall", report["overall"])
        typer.echo("  top sub-event confusions (gold -> predicted):")
        for c in report["overall"]["top_sub_event_confusions"]:
            typer.echo(f"    {c['count']:5}  {c['gold']} -> {c['predicted']}")
        typer.echo(f"  {report['seconds']} s, {report['articles_per_second']} notes/s")

    @app.command("plover")
    def plover(
        data: Path = typer.Option(..., "--data", exists=True, help=_DATA_HELP + " PLOVER gold-standard records."),
        limit: int | None = typer.Option(None, "--limit", min=1, help=_LIMIT_HELP),
        workers: int | None = typer.Option(None, "--workers", min=1, help=_WORKERS_HELP),
        as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
    ) -> None:
        """PLOVER category accuracy on the hand-coded sentences (older categories mapped to PLOVER 2021)."""
        from truce.eval.plover import evaluate_plover

        logging.getLogger("truce").setLevel(logging.WARNING)
        bar, tick = _progress("plover")
        try:
            report = evaluate_plover(data, limit=limit, workers=workers, progress=tick)
        finally:
            bar.close()
        if as_json:
            typer.echo(json.dumps(report))
            return
        _print_metrics("PLOVER gold-standard records", report)
        for cat, m in report["per_category"].items():
            typer.echo(f"    {cat:12} n={m['n']:3}  main={m['main']:.3f}  any={m['any']:.3f}")

    @app.command("india")
    def india(
        data: Path = typer.Option(..., "--data", exists=True, help=_DATA_HELP + " IndiaPoliceEvents final data."),
        limit: int | None = typer.Option(None, "--limit", min=1, help=_LIMIT_HELP),
        workers: int | None = typer.Option(None, "--workers", min=1, help=_WORKERS_HELP),
        as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
    ) -> None:
        """Sentence-level precision and recall of police KILL and ARREST events."""
        from truce.eval.india import evaluate_india

        logging.getLogger("truce").setLevel(logging.WARNING)
        bar, tick = _progress("india")
        try:
            report = evaluate_india(data, limit=limit, workers=workers, progress=tick)
        finally:
            bar.close()
        if as_json:
            typer.echo(json.dumps(report))
            return
        typer.echo(f"IndiaPoliceEvents: {report['sentences']} sentences, {report['failed']} failed, "
                   f"{report['seconds']} s")  # fmt: skip
        for label in ("KILL", "ARREST"):
            m = report[label]
            typer.echo(f"  {label:7} precision {m['precision']:.3f}  recall {m['recall']:.3f}  f1 {m['f1']:.3f}"
                       f"  (tp {m['tp']}, fp {m['fp']}, fn {m['fn']})")  # fmt: skip
