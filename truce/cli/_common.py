"""Options and helpers shared by the CLI command modules."""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from truce.pipeline import ResourceConfig

DEFAULT_DB = "truce.db"

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="TRUCE_DB",
        help="Database: a SQLite file path or a SQLAlchemy URL (sqlite:///…, postgresql+psycopg://…).",
    ),
]
WorkersOption = Annotated[
    int,
    typer.Option("--workers", "-w", min=0, help="Worker processes for extraction (0 = all cores)."),
]
GazetteerOption = Annotated[
    list[Path] | None,
    typer.Option("--gazetteer", help="Extra gazetteer file(s) (see docs/place.md). Repeatable."),
]
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor registry file(s) (see docs/actors.md). Repeatable."),
]
LexiconOption = Annotated[
    list[Path] | None,
    typer.Option("--lexicon", help="Extra trigger lexicon file(s) (see docs/events.md). Repeatable."),
]
WatchedCountriesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        help="A country you monitor, as an ISO 3166 alpha-2 code (LB, IL, KE). Short reports that "
        "name only a town are read as being about these countries. Repeatable.",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")]


def db_url(db: str) -> str:
    """A bare path becomes a SQLite URL; anything with '://' is used as given."""
    return db if "://" in db else f"sqlite:///{db}"


def resource_config(
    gazetteer: list[Path] | None = None,
    actors: list[Path] | None = None,
    lexicon: list[Path] | None = None,
    countries: list[str] | None = None,
) -> ResourceConfig:
    return ResourceConfig(
        gazetteer_files=tuple(str(p) for p in gazetteer or ()),
        actor_files=tuple(str(p) for p in actors or ()),
        lexicon_files=tuple(str(p) for p in lexicon or ()),
        focus_countries=country_codes(countries),
    )


def country_codes(countries: list[str] | None) -> tuple[str, ...]:
    """Checked ISO2 codes, upper-cased; a bad one stops the command with a clear message."""
    out = []
    for c in countries or ():
        code = c.strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise typer.BadParameter(
                f"{c!r} is not an ISO 3166 alpha-2 country code (e.g. LB, IL, KE)",
                param_hint="--country",
            )
        out.append(code)
    return tuple(out)


def workers_or_default(workers: int) -> int:
    return workers or max(1, os.cpu_count() or 1)


def setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def progress_bar(total: int, desc: str):
    """A progress bar on stderr; silent when stderr is not a terminal and TRUCE_PROGRESS is unset."""
    from tqdm import tqdm

    disable = not (sys.stderr.isatty() or os.environ.get("TRUCE_PROGRESS"))
    return tqdm(total=total, desc=desc, unit="article", disable=disable, file=sys.stderr)


def error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def print_json_line(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, default=str))


def write_span_results(input_path: Path, output: Path | None, process) -> None:
    """The loop of the one-stage commands (`truce times`, `truce places`): one output line per input
    line, in order. A bad line gives ``{"id": "FILE:LINE", "error": ...}``, is reported on stderr,
    and the rest goes on; the command then exits 2. ``process(article, spans)`` returns the line."""
    from truce.span_requests import iter_span_requests

    out = output.open("w", encoding="utf-8") if output else sys.stdout
    count = failed = 0
    try:
        for item in iter_span_requests(input_path):
            if isinstance(item, Exception):
                error(str(item))
                row = {"id": item.source, "error": item.message}
                failed += 1
            else:
                row = process(*item)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if output:
            out.close()
    if output:
        typer.echo(f"{count} line(s) written to {output}", err=True)
    if failed:
        typer.echo(f"{failed} of {count} line(s) could not be read; see the errors above", err=True)
        raise typer.Exit(2)
