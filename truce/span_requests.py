"""Reading the input of the one-stage commands (`truce times`, `truce places`).

Each line is ``{"id", "text", "published"?, "spans"?}``; ``spans`` is a list of ``[start, end]``
character offsets to process exactly (to measure a stage apart from detection).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from truce.errors import MalformedRecord
from truce.records import Article

__all__ = ["Spans", "iter_span_requests", "read_span_requests"]

Spans = list[tuple[int, int]]


def _published(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise MalformedRecord(where, f"'published' must be an ISO date (YYYY-MM-DD), got {value!r}") from e


def _spans(row: dict[str, Any], where: str) -> Spans | None:
    spans = row.get("spans")
    if spans is None:
        return None
    try:
        spans = [(int(s), int(e)) for s, e in spans]
    except (TypeError, ValueError) as e:
        raise MalformedRecord(where, '"spans" must be a list of [start, end] pairs') from e
    bad = [(s, e) for s, e in spans if not 0 <= s < e <= len(row["text"])]
    if bad:
        raise MalformedRecord(where, f"span(s) {bad} fall outside the text ({len(row['text'])} chars)")
    return spans


def iter_span_requests(path: Path) -> Iterator[tuple[Article, Spans | None] | MalformedRecord]:
    """Each line's request, in order; a bad line is yielded as its ``MalformedRecord`` (naming the
    file and line) instead of raised, so one bad line never stops the rest."""
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield _request(line, f"{path}:{n}", n)
            except MalformedRecord as e:
                yield e


def read_span_requests(path: Path) -> Iterator[tuple[Article, Spans | None]]:
    """Like ``iter_span_requests``, but the first bad line raises its ``MalformedRecord``."""
    for item in iter_span_requests(path):
        if isinstance(item, MalformedRecord):
            raise item
        yield item


def _request(line: str, where: str, n: int) -> tuple[Article, Spans | None]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        raise MalformedRecord(where, f"not valid JSON ({e.msg}); expected one object per line") from e
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise MalformedRecord(where, 'each line needs an object with a "text" string')
    spans = _spans(row, where)
    article = Article(
        id=str(row.get("id", n)),
        text=row["text"],
        published=_published(row.get("published"), where),
        published_source="metadata" if row.get("published") else "unknown",
        source=where,
    )
    return article, spans
