"""The actors stage: find who is named, resolve to the actor registry, resolve "the group" and pronouns.

Public surface:
    load_registry(extra_files=()) -> ActorRegistry
    find_actors(doc, article, registry) -> list[ActorMention]
"""

from __future__ import annotations

__all__ = ["load_registry", "find_actors"]


def load_registry(extra_files=()):
    raise NotImplementedError


def find_actors(doc, article, registry):
    raise NotImplementedError
