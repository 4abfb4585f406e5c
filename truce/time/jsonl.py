"""`truce times`: time expressions for JSON lines of ``{"id", "text", "published", "spans"?}``.

With ``spans`` (a list of ``[start, end]`` character offsets) exactly those spans are normalised, so
normalisation can be measured apart from detection; without them the stage detects and normalises.
Each output line is ``{"id", "published", "times": [...]}`` with the ``times`` objects of the
``extract`` contract.
"""

from __future__ import annotations

import logging
from typing import Any

from truce.contract import time_to_json
from truce.records import Article
from truce.span_requests import read_span_requests

log = logging.getLogger(__name__)

__all__ = ["read_time_requests", "times_for_request"]


read_time_requests = read_span_requests  # the shared reader; kept under this stage's name


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
