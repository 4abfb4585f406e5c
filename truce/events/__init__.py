"""The events stage: triggers, PLOVER and ACLED types, roles, counts, attribution, modality, salience.

Public surface:
    load_lexicon(extra_files=()) -> Lexicon
    find_events(doc, article, times, places, actors, lexicon) -> tuple[list[EventMention], list[CountClaim]]
"""

from __future__ import annotations

__all__ = ["load_lexicon", "find_events"]


def load_lexicon(extra_files=()):
    raise NotImplementedError


def find_events(doc, article, times, places, actors, lexicon):
    raise NotImplementedError
