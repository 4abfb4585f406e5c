"""`truce eval places` and `truce eval event-location`: the place stage's accuracy (docs/place.md)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

from truce.cli._common import GazetteerOption

_RES_ROWS = [
    ("toponyms (gold, with coordinates)", "toponyms", "d"),
    ("accuracy within 161 km", "acc_161km", "p"),
    ("  ... by raw distance between points", "acc_161km_raw", "p"),
    ("exact GeoNames id", "exact_id", "p"),
    ("median error km", "median_km", "f"),
    ("mean error km", "mean_km", "f"),
    ("unresolved", "unresolved", "d"),
]
_DET_ROWS = [
    ("gold toponyms", "gold", "d"),
    ("found", "found", "d"),
    ("precision (exact span)", "precision", "p"),
    ("recall (exact span)", "recall", "p"),
    ("F1 (exact span)", "f1", "p"),
    ("recall (overlapping span)", "recall_overlap", "p"),
]
_ACLED_ROWS = [
    ("notes (geo_precision 1 or 2)", "notes", "d"),
    ("placed", "placed", "d"),
    ("within 10 km / 25 km", "within_limit", "p"),
    ("geo_precision 1 within 10 km", "geo_precision_1", "p"),
    ("geo_precision 2 within 25 km", "geo_precision_2", "p"),
    ("notes that name ACLED's location", "naming_location", "d"),
    ("  ... within 10 km / 25 km", "within_limit_named", "p"),
]
_MORDECAI3 = {"LGL": (0.827, 0.794), "TR-News": (0.873, 0.843)}


def _fmt(value, kind: str) -> str:
    if value is None:
        return "-"
    return f"{value:.1%}" if kind == "p" else f"{value:,.1f}" if kind == "f" else f"{value:,}"


def _table(title: str, rows, scores: dict) -> None:
    typer.echo(title)
    for label, key, kind in rows:
        typer.echo(f"  {label:<36} {_fmt(scores.get(key), kind):>10}")


def register(app: typer.Typer) -> None:
    @app.command("places")
    def places(
        lgl: Path | None = typer.Option(
            None, "--lgl", exists=True, file_okay=False, help="The lgl folder (lgl.xml)."
        ),
        trnews: Path | None = typer.Option(
            None, "--trnews", exists=True, file_okay=False, help="The tr_news folder (TR-News.xml)."
        ),
        acled: Path | None = typer.Option(
            None,
            "--acled",
            exists=True,
            file_okay=False,
            help="An ACLED folder (CSV exports with notes): main event within 10 km (geo_precision 1) "
            "or 25 km (2) of ACLED's point.",
        ),
        limit: int | None = typer.Option(
            None, "--limit", min=1, help="Score only the first N articles of each corpus."
        ),
        detection: bool = typer.Option(
            True,
            "--detection/--no-detection",
            help="Also run detection (spaCy over every article: slower).",
        ),
        sample: int | None = typer.Option(
            None,
            "--sample",
            min=1,
            help="ACLED: score a random N of the notes (all files together; fixed seed 0) "
            "instead of the first N.",
        ),
        gazetteer: GazetteerOption = None,
        as_json: bool = typer.Option(
            False, "--json", help="Print one JSON object per corpus instead of tables."
        ),
    ) -> None:
        """Toponym resolution with gold spans (accuracy within 161 km, exact GeoNames id, median and
        mean error) and detection without them (exact-span P/R/F1) on LGL and TR-News. Mordecai3's
        published gold-span scores are printed alongside for comparison."""
        from truce.annotate import load_nlp
        from truce.eval.places import (
            evaluate_acled_locations,
            evaluate_detection,
            evaluate_resolution,
            read_acled_notes,
            read_lgl,
            read_trnews,
        )
        from truce.place import load_gazetteer

        if not lgl and not trnews and not acled:
            typer.echo("error: give --lgl DIR, --trnews DIR and/or --acled DIR", err=True)
            raise typer.Exit(2)
        logging.getLogger("truce").setLevel(logging.WARNING)
        gaz = load_gazetteer(gazetteer or ())
        nlp = load_nlp() if detection else None
        for name, folder, reader in (("LGL", lgl, read_lgl), ("TR-News", trnews, read_trnews)):
            if folder is None:
                continue
            arts = reader(folder)
            res = evaluate_resolution(arts, gaz, limit=limit)
            det = evaluate_detection(arts, gaz, nlp, limit=limit) if detection else None
            if as_json:
                typer.echo(json.dumps({"corpus": name, "resolution": res, "detection": det}))
                continue
            acc, exact = _MORDECAI3[name]
            _table(
                f"{name}: resolution with gold spans (Mordecai3: {acc:.1%} within 161 km, {exact:.1%} exact)",
                _RES_ROWS,
                res,
            )
            if det:
                _table(f"{name}: detection", _DET_ROWS, det)
        if acled is not None:
            notes = read_acled_notes(acled)
            if sample:
                import random

                notes = random.Random(0).sample(notes, min(sample, len(notes)))
            nlp = nlp or load_nlp()
            scores = evaluate_acled_locations(notes, gaz, nlp, limit=limit)
            focused = evaluate_acled_locations(notes, gaz, nlp, limit=limit, focus=True)
            if as_json:
                typer.echo(json.dumps({"corpus": "ACLED", "location": scores, "focus": focused}))
            else:
                _table("ACLED notes: main event location (goal 90%)", _ACLED_ROWS, scores)
                _table(
                    "ACLED notes, read with the note's country as the theatre (--country)",
                    _ACLED_ROWS,
                    focused,
                )

    @app.command("event-location")
    def event_location(
        data: Path = typer.Option(
            ...,
            "--data",
            exists=True,
            file_okay=False,
            help="The event_location folder (labeled_text.jsonl).",
        ),
        all_sentences: bool = typer.Option(
            False,
            "--all",
            help="Score every labelled sentence, not only the 496 adjudicated (RELABEL) ones.",
        ),
        limit: int | None = typer.Option(
            None, "--limit", min=1, help="Score only the first N sentences."
        ),
        gazetteer: GazetteerOption = None,
        as_json: bool = typer.Option(
            False, "--json", help="Print a JSON object instead of a table."
        ),
    ) -> None:
        """How often locate_event picks the place the annotators marked as where the event happened
        (text overlap), and says "none" when they marked none."""
        from truce.annotate import load_nlp
        from truce.eval.places import evaluate_event_location, read_event_locations
        from truce.place import load_gazetteer

        logging.getLogger("truce").setLevel(logging.WARNING)
        items = read_event_locations(data)
        if not all_sentences:
            items = [i for i in items if i.adjudicated]
        scores = evaluate_event_location(
            items, load_gazetteer(gazetteer or ()), load_nlp(), limit=limit
        )
        if as_json:
            typer.echo(json.dumps(scores))
            return
        typer.echo(
            "event location"
            + (" (all labelled sentences)" if all_sentences else " (adjudicated sentences)")
        )
        for key, value in scores.items():
            typer.echo(f"  {key:<28} {_fmt(value, 'p' if 'accuracy' in key else 'd'):>10}")
