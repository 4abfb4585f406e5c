"""Stories: single-pass, time-aware clustering of articles about the same developing story.

A new article joins the story of its most similar earlier article when the TF-IDF cosine is high
enough and the story is still active (its last article within ``STORY_WINDOW_DAYS``); an article
of a known origin joins that origin's story. Nothing already placed is ever reclustered.
"""

from __future__ import annotations

import datetime as dt

from truce.resolve.state import Story

__all__ = ["StoryIndex", "STORY_THRESHOLD", "UNDATED_STORY_THRESHOLD", "STORY_WINDOW_DAYS"]

STORY_THRESHOLD = 0.2
UNDATED_STORY_THRESHOLD = 0.35
STORY_WINDOW_DAYS = 7


class StoryIndex:
    def __init__(self) -> None:
        self.stories: dict[str, Story] = {}

    def add_story(self, story: Story) -> None:
        self.stories[story.id] = story

    def active(self, story_id: str, published: dt.date | None) -> bool:
        story = self.stories[story_id]
        if published is None or story.last is None:
            return True
        first = story.first or story.last
        return (first - dt.timedelta(days=STORY_WINDOW_DAYS)) <= published <= (
            story.last + dt.timedelta(days=STORY_WINDOW_DAYS)
        )

    def choose(
        self,
        published: dt.date | None,
        similar: list[tuple[str, float]],
        story_of: dict[str, str],
    ) -> str | None:
        """The story to join, from (article id, cosine) pairs best first; None for a new story."""
        threshold = STORY_THRESHOLD if published is not None else UNDATED_STORY_THRESHOLD
        for article_id, cosine in similar:
            if cosine < threshold:
                break
            story_id = story_of.get(article_id)
            if story_id is not None and self.active(story_id, published):
                return story_id
        return None

    def place(self, story_id: str | None, article_id: str, published: dt.date | None) -> Story:
        story = self.stories.get(story_id) if story_id else None
        if story is None:
            story = Story(id=story_id or f"s:{article_id}")
            self.stories[story.id] = story
        story.article_ids.append(article_id)
        if published is not None:
            story.first = published if story.first is None else min(story.first, published)
            story.last = published if story.last is None else max(story.last, published)
        return story
