"""The run service: ingest → store → extract → resolve → store, in committed batches.

``run`` is what ``truce run`` and ``truce demo`` call (and what a web API would call). It is
resumable: articles are stored first, then extracted and resolved batch by batch, each batch in one
transaction, so an interrupted run loses nothing it committed and the next run picks up the
articles still pending.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from truce.ingest import IngestFailure, read_inputs, retry_inputs
from truce.pipeline import Extractor, ExtractFailure, ResourceConfig, Resources
from truce.records import Article, Extraction
from truce.resolve import Resolver

log = logging.getLogger(__name__)

__all__ = ["RunReport", "ingest", "retry_ingest_failures", "run", "process_pending"]

DEFAULT_BATCH = 32


@dataclass
class RunReport:
    """What a run did, for the command line to print and tests to check."""

    stored: list[str] = field(default_factory=list)  # ids of newly stored articles
    duplicates: list[str] = field(default_factory=list)  # ids of inputs already in the store
    ingest_failures: list[IngestFailure] = field(default_factory=list)
    extracted: int = 0
    extract_failures: list[ExtractFailure] = field(default_factory=list)
    events: int = 0
    incidents_created: int = 0
    incidents_updated: int = 0

    @property
    def failures(self) -> int:
        return len(self.ingest_failures) + len(self.extract_failures)


def ingest(
    inputs: Sequence[str],
    store,
    *,
    published: dt.date | None = None,
    report: RunReport | None = None,
) -> RunReport:
    """Read inputs and store the articles (deduplicated by content); record the failures."""
    report = report or RunReport()
    articles: list[Article] = []
    failures: list[IngestFailure] = []
    for item in read_inputs(inputs, published=published):
        (failures if isinstance(item, IngestFailure) else articles).append(item)
    report.ingest_failures.extend(failures)
    store.record_failures(failures)
    if articles:
        added = store.add_articles(articles)
        report.stored.extend(added.new_ids)
        report.duplicates.extend(added.duplicate_ids)
    return report


def retry_ingest_failures(
    store, *, published: dt.date | None = None, report: RunReport | None = None
) -> RunReport:
    """Read again the inputs that never became articles; those that fail again are recorded again."""
    sources = [f.source for f in store.failures()]
    report = report or RunReport()
    if not sources:
        return report
    store.clear_failures(sources)
    return ingest(retry_inputs(sources), store, published=published, report=report)


def process_pending(
    store,
    config: ResourceConfig | None = None,
    *,
    workers: int = 1,
    retry_failed: bool = False,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int], None] | None = None,
    resources: Resources | None = None,
    report: RunReport | None = None,
    on_total: Callable[[int], None] | None = None,
    worker_prints: bool = True,
) -> RunReport:
    """Extract and resolve every stored article not yet processed (and the failed ones, if asked).

    With ``worker_prints`` (the default) the extraction workers also compute each article's
    ``article_print`` (the resolver's text work) and the resolver only uses it: the outcome is the
    same either way, but the one process that resolves does less."""
    report = report or RunReport()
    todo = list(store.pending_articles())
    if retry_failed:
        todo += list(store.failed_articles())
    if on_total:
        on_total(len(todo))
    if not todo:
        return report
    resolver = Resolver(store.resolver_state())
    with Extractor(config, workers=workers, resources=resources) as extractor:
        for lo in range(0, len(todo), batch_size):
            batch = todo[lo : lo + batch_size]
            _process_batch(batch, extractor, resolver, store, report, progress, worker_prints)
    return report


def _process_batch(batch, extractor, resolver, store, report, progress, worker_prints=True) -> None:
    ok: list[Extraction] = []
    failed: list[ExtractFailure] = []
    prints = {}
    if worker_prints:
        for result, fp in extractor.extract_with_prints(batch, progress):
            (failed if isinstance(result, ExtractFailure) else ok).append(result)
            if fp is not None and not isinstance(result, ExtractFailure):
                prints[result.article.id] = fp
    else:
        for result in extractor.extract(batch, progress):
            (failed if isinstance(result, ExtractFailure) else ok).append(result)
    outcome = resolver.add(ok, prints)
    # Extractions and their resolution commit together: if the run stops here, the whole batch
    # is still pending next time, never "extracted but not resolved".
    store.save_batch([*ok, *failed], outcome)
    report.extracted += len(ok)
    report.events += sum(len(x.events) for x in ok)
    report.extract_failures.extend(failed)
    report.incidents_created += len(outcome.created)
    report.incidents_updated += len(outcome.updated)


def run(
    inputs: Sequence[str],
    store,
    config: ResourceConfig | None = None,
    *,
    published: dt.date | None = None,
    workers: int = 1,
    retry_failed: bool = False,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int], None] | None = None,
    resources: Resources | None = None,
    on_total: Callable[[int], None] | None = None,
) -> RunReport:
    """Ingest ``inputs``, then extract, resolve and store everything pending."""
    report = ingest(inputs, store, published=published) if inputs else RunReport()
    if retry_failed:
        retry_ingest_failures(store, published=published, report=report)
    return process_pending(
        store,
        config,
        workers=workers,
        retry_failed=retry_failed,
        batch_size=batch_size,
        progress=progress,
        resources=resources,
        report=report,
        on_total=on_total,
    )
