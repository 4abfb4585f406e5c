"""Resolution across articles: origins (copies and rewrites), stories, and incidents.

Public surface (docs/resolve.md):

- ``Resolver(prior=None, *, clock=None)``; ``Resolver.add(extractions, prints=None) -> ResolveOutcome``;
  ``Resolver.state() -> ResolverState``
- ``article_print(article) -> ArticlePrint``: the per-article text work, for the extraction workers
- the state and outcome records: ``ResolverState``, ``ArticleLink``, ``Story``, ``ResolveOutcome``,
  ``SetAside``
- the rewrite detector: ``sentence_similarity``, ``is_paraphrase``, ``article_fingerprint``,
  ``alignment``
"""

from __future__ import annotations

from truce.resolve._resolver import Resolver
from truce.resolve.origins import ArticlePrint, article_print
from truce.resolve.rewrites import (
    PARAPHRASE_THRESHOLD,
    alignment,
    article_fingerprint,
    is_paraphrase,
    sentence_similarity,
)
from truce.resolve.state import ArticleLink, ResolveOutcome, ResolverState, SetAside, Story

__all__ = [
    "Resolver",
    "ArticlePrint",
    "article_print",
    "ResolverState",
    "ResolveOutcome",
    "ArticleLink",
    "Story",
    "SetAside",
    "sentence_similarity",
    "is_paraphrase",
    "article_fingerprint",
    "alignment",
    "PARAPHRASE_THRESHOLD",
]
