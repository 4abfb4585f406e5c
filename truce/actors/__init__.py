"""The actors stage: find who is named, resolve to the actor registry, resolve "the group" and pronouns.

Public surface:
    load_registry(extra_files=()) -> ActorRegistry
    find_actors(doc, article, registry) -> list[ActorMention]
    find_attributions(doc, article, actors) -> list[Attribution]
    country_default(mentions, iso3, registry) -> None   (fills the country of "police", "gunmen")

The registry files and their format are described in docs/actors.md.
"""

from __future__ import annotations

from truce.actors.attribution import find_attributions
from truce.actors.finder import country_default, find_actors
from truce.actors.registry import ActorEntry, ActorRegistry, load_registry

__all__ = [
    "load_registry",
    "find_actors",
    "find_attributions",
    "country_default",
    "ActorRegistry",
    "ActorEntry",
]
