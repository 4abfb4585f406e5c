"""`truce times`: time expressions for JSON lines of ``{"id", "text", "published", "spans"?}``.

With ``spans`` (a list of ``[start, end]`` character offsets) exactly those spans are normalised, so
normalisation can be measured apart from detection; without them the stage detects and normalises.
Each output line is ``{"id", "published", "times": [...]}`` with the ``times`` objects of the
``extract`` contract.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from truce.contract import time_to_json
from truce.errors import MalformedRecord
from truce.records import Article

log = logging.getLogger(__name__)

__all__ = ["read_time_requests", "times_for_request", "run_times"]


def _parse_published(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise MalformedRecord(where, f"'published' must be an ISO date (YYYY-MM-DD), got {value!r}") from e


def read_time_requests(path: Path) -> Iterator[tuple[Article, list[tuple[int, int]] | None]]:
    """Read the input file: one JSON object per line; blank lines are skipped."""
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise MalformedRecord(where, f"not valid JSON ({e.msg}); expected one object per line") from e
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise MalformedRecord(where, 'each line needs an object with a "text" string')
            spans = row.get("spans")
            if spans is not None:
                try:
                    spans = [(int(s), int(e)) for s, e in spans]
                except (TypeError, ValueError) as e:
                    raise MalformedRecord(where, '"spans" must be a list of [start, end] pairs') from e
                bad = [(s, e) for s, e in spans if not 0 <= s < e <= len(row["text"])]
                if bad:
                    raise MalformedRecord(where, f"span(s) {bad} fall outside the text ({len(row['text'])} chars)")
            article = Article(
                id=str(row.get("id", n)),
                text=row["text"],
                published=_parse_published(row.get("published"), where),
                published_source="metadata" if row.get("published") else "unknown",
                source=where,
            )
            yield article, spans


def times_for_request(article: Article, spans: list[tuple[int, int]] | None, nlp) -> dict[str, Any]:
    """One output object: the article id, its publication date and its normalised times."""
    from truce.time import find_times, normalise_spans

    doc = nlp(article.text)
    times = normalise_spans(doc, article, spans) if spans is not None else find_times(doc, article)
    return {
        "id": article.id,
        "published": article.published.isoformat() if article.published else None,
        "times": [time_to_json(t) for t in times],
    }


def run_times(requests: Iterable[tuple[Article, list[tuple[int, int]] | None]], nlp) -> Iterator[dict[str, Any]]:
    for article, spans in requests:
        yield times_for_request(article, spans, nlp)
