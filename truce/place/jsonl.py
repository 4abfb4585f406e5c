"""`truce places`: places for JSON lines of ``{"id", "text", "published"?, "spans"?}``.

With ``spans`` (a list of ``[start, end]`` character offsets) exactly those spans are resolved (to
measure resolution apart from detection); without them the stage detects and resolves. Each output
line is ``{"id", "places": [...]}`` with the ``places`` objects of the ``extract`` contract.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from truce.contract import place_to_json
from truce.errors import MalformedRecord
from truce.records import Article

__all__ = ["read_place_requests", "places_for_request", "run_places"]


def _published(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as e:
        raise MalformedRecord(
            where, f"'published' must be an ISO date (YYYY-MM-DD), got {value!r}"
        ) from e


def read_place_requests(path: Path) -> Iterator[tuple[Article, list[tuple[int, int]] | None]]:
    """One JSON object per line (blank lines skipped); bad lines raise ``MalformedRecord`` naming the line."""
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise MalformedRecord(
                    where, f"not valid JSON ({e.msg}); expected one object per line"
                ) from e
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise MalformedRecord(where, 'each line needs an object with a "text" string')
            spans = row.get("spans")
            if spans is not None:
                try:
                    spans = [(int(s), int(e)) for s, e in spans]
                except (TypeError, ValueError) as e:
                    raise MalformedRecord(
                        where, '"spans" must be a list of [start, end] pairs'
                    ) from e
                bad = [(s, e) for s, e in spans if not 0 <= s < e <= len(row["text"])]
                if bad:
                    raise MalformedRecord(
                        where, f"span(s) {bad} fall outside the text ({len(row['text'])} chars)"
                    )
            yield (
                Article(
                    id=str(row.get("id", n)),
                    text=row["text"],
                    published=_published(row.get("published"), where),
                    published_source="metadata" if row.get("published") else "unknown",
                    source=where,
                ),
                spans,
            )


def places_for_request(
    article: Article, spans: list[tuple[int, int]] | None, gazetteer, nlp
) -> dict[str, Any]:
    from truce.place import find_places, resolve_spans

    if spans is not None:
        places = resolve_spans(article, spans, gazetteer)
    else:
        places = find_places(nlp(article.text), article, gazetteer)
    out = []
    for p in places:
        obj = place_to_json(p)
        if p.alternatives:
            obj["alternatives"] = p.alternatives
        out.append(obj)
    return {"id": article.id, "places": out}


def run_places(
    requests: Iterable[tuple[Article, list[tuple[int, int]] | None]], gazetteer, nlp_loader
) -> Iterator[dict[str, Any]]:
    """Process requests in order; spaCy is loaded (by ``nlp_loader``) only if a line needs detection."""
    nlp = None
    for article, spans in requests:
        if spans is None and nlp is None:
            nlp = nlp_loader()
        yield places_for_request(article, spans, gazetteer, nlp)
