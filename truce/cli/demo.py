"""``truce demo``: the whole pipeline on the five bundled articles, and a summary of what it found."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from truce.cli._common import VerboseOption, WorkersOption, progress_bar, setup_logging, workers_or_default


def register(app: typer.Typer) -> None:
    @app.command("demo")
    def demo_command(
        db: Annotated[
            str | None,
            typer.Option("--db", help="Keep the demo database here (default: a temporary file)."),
        ] = None,
        workers: WorkersOption = 0,
        verbose: VerboseOption = False,
    ) -> None:
        """Run truce on the five bundled Israel–Lebanon articles and print what it found.

        Articles, their independent origins and stories, events by type, incidents with their
        sources, places and dates. Pass --db to keep the database and explore it with
        `truce incidents --db FILE`.
        """
        setup_logging(verbose)
        with tempfile.TemporaryDirectory(prefix="truce-demo-") as tmp:
            path = db or str(Path(tmp) / "demo.db")
            typer.echo(demo_summary(path, workers_or_default(workers)))


def demo_summary(db: str, workers: int) -> str:
    from truce.cli._common import db_url
    from truce.cli.listing import incident_line
    from truce.demo import demo_articles
    from truce.runner import process_pending
    from truce.store import Store

    articles = demo_articles()
    with Store.open(db_url(db)) as store:
        store.add_articles(articles)
        with progress_bar(len(articles), "demo") as bar:
            report = process_pending(store, workers=min(workers, 2), progress=bar.update)
        stats = store.stats()
        incidents = store.incidents()
        origins = store.origins()
        stories = store.stories()
        events = store.events()

    lines = [f"truce demo — {len(articles)} articles about the Israel–Lebanon ceasefire", ""]
    lines.append(
        f"articles: {sum(stats.articles.values())} ({', '.join(f'{n} {s}' for s, n in stats.articles.items())})"
    )
    lines.append(
        f"origins:  {len(origins)} independent ("
        + "; ".join("+".join(o.article_ids) for o in origins)
        + ")"
    )
    lines.append(f"stories:  {len(stories)} (" + "; ".join("+".join(s.article_ids) for s in stories) + ")")
    lines.append("")
    lines.append(f"events: {stats.events}")
    for kind, n in sorted(stats.events_by_type.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {kind:12} {n}")
    lines.append("")
    lines.append("places (most mentioned in events):")
    for place, n in list(stats.events_by_place.items())[:10]:
        lines.append(f"  {place:30} {n}")
    dated = [e for e in events if e.date and e.date.start]
    if dated:
        lines.append("")
        lines.append(
            f"dates: {stats.first_event_date} … {stats.last_event_date}; "
            f"{sum(1 for e in dated if e.date.precision == 'day')} events dated to the day, "
            f"{sum(1 for e in dated if e.date.precision == 'reported')} only by publication date"
        )
    lines.append("")
    lines.append(f"incidents: {len(incidents)} ({', '.join(f'{n} {g}' for g, n in stats.incidents_by_corroboration.items())})")
    multi = sorted(incidents, key=lambda i: (-len(i.article_ids), i.id))
    for incident in multi[:15]:
        lines.append("  " + incident_line(incident))
    if report.failures:
        lines.append("")
        lines.append(f"failures: {report.failures}")
    lines.append("")
    lines.append("Explore: truce demo --db demo.db, then truce incidents --db demo.db; truce incident ID --db demo.db")
    return "\n".join(lines)
