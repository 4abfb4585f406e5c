"""The place stage: find place names, resolve them against the gazetteer, locate events.

Public surface:
    load_gazetteer(extra_files=()) -> Gazetteer
    find_places(doc, article, gazetteer) -> list[PlaceMention]
    locate_event(doc, article, trigger, places) -> PlaceMention | None
"""

from __future__ import annotations

__all__ = ["load_gazetteer", "find_places", "locate_event"]


def load_gazetteer(extra_files=()):
    raise NotImplementedError


def find_places(doc, article, gazetteer):
    raise NotImplementedError


def locate_event(doc, article, trigger, places):
    raise NotImplementedError
