"""truce: monitor a ceasefire or a conflict from the news.

The public surface is re-exported here; everything else is internal and may change.
"""

from truce.records import (
    ActorMention,
    Article,
    CountClaim,
    EventMention,
    Evidence,
    Extraction,
    Incident,
    PlaceMention,
    TimeExpression,
)

__version__ = "0.1.0"

__all__ = [
    "ActorMention",
    "Article",
    "CountClaim",
    "EventMention",
    "Evidence",
    "Extraction",
    "Incident",
    "PlaceMention",
    "TimeExpression",
    "__version__",
]
