"""`truce places`: places for JSON lines of ``{"id", "text", "published"?, "spans"?}``.

With ``spans`` (a list of ``[start, end]`` character offsets) exactly those spans are resolved (to
measure resolution apart from detection); without them the stage detects and resolves. Each output
line is ``{"id", "places": [...]}`` with the ``places`` objects of the ``extract`` contract.
"""

from __future__ import annotations

from typing import Any

from truce.contract import place_to_json
from truce.records import Article
from truce.span_requests import read_span_requests

__all__ = ["read_place_requests", "places_for_request"]


read_place_requests = read_span_requests  # the shared reader; kept under this stage's name


def places_for_request(
    article: Article, spans: list[tuple[int, int]] | None, gazetteer, nlp, focus=()
) -> dict[str, Any]:
    from truce.place import find_places, resolve_spans

    if spans is not None:
        places = resolve_spans(article, spans, gazetteer, focus)
    else:
        places = find_places(nlp(article.text), article, gazetteer, focus)
    out = []
    for p in places:
        obj = place_to_json(p)
        if p.alternatives:
            obj["alternatives"] = p.alternatives
        out.append(obj)
    return {"id": article.id, "places": out}
