"""The pipeline composes the per-article stages: annotate → time → place → actors → events.

``extract_article`` is the one function every runner calls (the local process pool here, Ray in
``truce.scale``): it takes an ``Article`` and the loaded ``Resources`` and returns an ``Extraction``.
Resolution across articles (origins, stories, incidents) and storage happen after it, in the caller.

Resources (spaCy model, gazetteer, actor registry, trigger lexicon) are loaded once per process.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from truce import actors as actors_stage
from truce import events as events_stage
from truce import place as place_stage
from truce import time as time_stage
from truce.annotate import DEFAULT_MODEL, annotate, load_nlp
from truce.errors import ResourceLoadError, TruceError
from truce.records import Article, Extraction

log = logging.getLogger(__name__)

__all__ = [
    "ResourceConfig",
    "Resources",
    "load_resources",
    "extract_article",
    "extract_many",
    "Extractor",
    "ExtractFailure",
]


@dataclass(frozen=True)
class ResourceConfig:
    """What to load: picklable, so it can be sent to worker processes and Ray actors."""

    model: str = DEFAULT_MODEL
    gazetteer_files: tuple[str, ...] = ()
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    # ISO2 codes of the countries the user watches: the place stage reads each article as a
    # theatre watching them would (see truce.place.find_places)
    focus_countries: tuple[str, ...] = ()


@dataclass
class Resources:
    """Everything the stages read besides the article: loaded once per process."""

    config: ResourceConfig
    nlp: object
    gazetteer: object
    registry: object
    lexicon: object

    @classmethod
    def load(cls, config: ResourceConfig | None = None) -> Resources:
        config = config or ResourceConfig()
        return cls(
            config=config,
            nlp=load_nlp(config.model),
            gazetteer=place_stage.load_gazetteer([Path(p) for p in config.gazetteer_files]),
            registry=actors_stage.load_registry([Path(p) for p in config.actor_files]),
            lexicon=events_stage.load_lexicon([Path(p) for p in config.lexicon_files]),
        )


@dataclass
class ExtractFailure:
    """An article the stages could not process; the batch goes on without it."""

    article: Article
    error: str


def extract_article(article: Article, resources: Resources) -> Extraction:
    """Run every per-article stage over one article."""
    doc = annotate(article, resources.nlp)
    times = time_stage.find_times(doc, article)
    places = place_stage.find_places(
        doc, article, resources.gazetteer, resources.config.focus_countries
    )
    actors = actors_stage.find_actors(doc, article, resources.registry)
    events, counts = events_stage.find_events(
        doc, article, times, places, actors, resources.lexicon, resources.registry
    )
    return Extraction(
        article=article, times=times, places=places, actors=actors, events=events, counts=counts
    )


@functools.lru_cache(maxsize=2)
def load_resources(config: ResourceConfig) -> Resources:
    """``Resources.load``, once per process and configuration."""
    return Resources.load(config)


# --- running over many articles -------------------------------------------------------------

_worker_resources: Resources | None = None


_worker_error: str | None = None


def _init_worker(config: ResourceConfig) -> None:
    # An exception raised here would make the pool respawn workers forever and the run hang, so
    # the error is kept and raised, clearly, by the first task instead.
    global _worker_resources, _worker_error
    try:
        _worker_resources = load_resources(config)
    except Exception as e:  # noqa: BLE001 - reported to the parent by _extract_in_worker
        _worker_error = f"{type(e).__name__}: {e}" if not isinstance(e, TruceError) else str(e)


def _extract_in_worker(article: Article) -> Extraction | ExtractFailure:
    if _worker_resources is None:
        raise ResourceLoadError(f"a worker could not load truce's resources: {_worker_error}")
    return _extract_safely(article, _worker_resources)


def _extract_and_print_in_worker(article: Article):
    return _extract_in_worker(article), _print_safely(article)


def _print_safely(article: Article):
    """The resolver's per-article text work (``truce.resolve.article_print``), done here so that it
    runs in the extraction workers, not in the one process that resolves; None if it fails (the
    resolver then does it itself, and reports any error there)."""
    from truce.resolve.origins import article_print  # the resolver's imports only when asked for

    try:
        return article_print(article)
    except Exception:  # noqa: BLE001 - the resolver redoes it and raises there
        log.exception("fingerprinting failed for article %s", article.id)
        return None


def _extract_safely(article: Article, resources: Resources) -> Extraction | ExtractFailure:
    # One bad article must never stop a batch: any failure inside the stages is recorded with the
    # article and the run goes on. The error keeps its type so the report says what failed.
    try:
        return extract_article(article, resources)
    except TruceError as e:
        return ExtractFailure(article, str(e))
    except Exception as e:  # noqa: BLE001 - a stage bug must not lose the rest of the batch
        log.exception("extraction failed for article %s", article.id)
        return ExtractFailure(article, f"{type(e).__name__}: {e}")


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


class Extractor:
    """Runs ``extract_article`` over batches of articles, in this process or in a worker pool.

    The pool (and each worker's resources) is created on first use and kept until ``close()``, so a
    run that extracts many batches loads spaCy and the gazetteer once per worker, not per batch.
    Use it as a context manager.
    """

    def __init__(
        self,
        config: ResourceConfig | None = None,
        *,
        workers: int | None = None,
        resources: Resources | None = None,
    ):
        self.config = config or (resources.config if resources else ResourceConfig())
        self.workers = workers or default_workers()
        self._resources = resources
        self._pool = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def extract(
        self, articles: Iterable[Article], progress: Callable[[int], None] | None = None
    ) -> Iterator[Extraction | ExtractFailure]:
        """Extract every article, yielding results in input order; failures are yielded, not raised."""
        articles = list(articles)
        if self._in_process(articles):
            if self._resources is None:
                self._resources = load_resources(self.config)
            for article in articles:
                result = _extract_safely(article, self._resources)
                if progress:
                    progress(1)
                yield result
            return
        yield from self._in_pool(_extract_in_worker, articles, progress)

    def extract_with_prints(
        self, articles: Iterable[Article], progress: Callable[[int], None] | None = None
    ) -> Iterator[tuple[Extraction | ExtractFailure, object]]:
        """Like ``extract``, each result paired with the article's ``truce.resolve.ArticlePrint``
        (None if it could not be made), computed in the same worker as the extraction."""
        articles = list(articles)
        if self._in_process(articles):
            for article, result in zip(articles, self.extract(articles, progress)):
                yield result, _print_safely(article)
            return
        yield from self._in_pool(_extract_and_print_in_worker, articles, progress)

    def _in_process(self, articles: list[Article]) -> bool:
        # one worker, resources given by the caller, or a single article with no pool yet: a pool
        # would only cost its start-up
        return (
            self.workers <= 1
            or self._resources is not None
            or (len(articles) <= 1 and not self._pool)
        )

    def _in_pool(self, task, articles: list[Article], progress: Callable[[int], None] | None):
        if self._pool is None:
            ctx = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
            self._pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=(self.config,))
        for result in self._pool.imap(task, articles, chunksize=1):
            if progress:
                progress(1)
            yield result


def extract_many(
    articles: Sequence[Article] | Iterable[Article],
    config: ResourceConfig | None = None,
    *,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    resources: Resources | None = None,
) -> Iterator[Extraction | ExtractFailure]:
    """Extract every article, in input order, with ``workers`` processes (default: all cores).

    ``progress`` is called with 1 after each article. With one worker (or ``resources`` given) the
    work happens in this process, which is what tests and small inputs want.
    """
    with Extractor(config, workers=workers, resources=resources) as extractor:
        yield from extractor.extract(articles, progress)
