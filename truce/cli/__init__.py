"""The ``truce`` command line: one thin module per command over importable functions.

Commands never write SQL or reach into a stage's internals: they call the stage functions, the
pipeline and the store's service functions.
"""

from __future__ import annotations

import typer

from truce.cli import (
    demo,
    eval_events,
    eval_places,
    eval_rewrites,
    eval_times,
    export,
    extract,
    ingest,
    listing,
    places,
    run,
    times,
)

app = typer.Typer(
    name="truce",
    help="Monitor a ceasefire or conflict from the news: every incident once, with its evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure accuracy on development data (see docs/evaluation.md).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

for module in (ingest, run, extract, listing, export, demo, times, places):
    module.register(app)
for module in (eval_times, eval_places, eval_events, eval_rewrites):
    module.register(eval_app)


def main() -> None:
    # Errors truce raises on purpose already say what failed and what to do: print them as one
    # line instead of a traceback. Anything else is a bug and keeps its traceback.
    from truce.errors import TruceError

    try:
        app()
    except TruceError as e:
        typer.echo(f"error: {e}", err=True)
        raise SystemExit(1) from None
