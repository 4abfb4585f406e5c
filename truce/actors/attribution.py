"""Attribution: who says so ("according to the IDF", "the health ministry reported")."""

from __future__ import annotations

from truce.records import ActorMention, Article, Attribution

__all__ = ["find_attributions"]


def find_attributions(doc, article: Article, actors: list[ActorMention]) -> list[Attribution]:
    return []
