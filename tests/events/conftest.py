"""Fixtures for the events tests: the lexicon and the whole pipeline's resources, loaded once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def lexicon():
    from truce.events import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def resources():
    from truce.pipeline import Resources

    return Resources.load()


@pytest.fixture(scope="session")
def code(nlp, lexicon):
    """Code one text with the event rules alone (no actors, counts or attributions): candidates."""
    from truce.events import code_events
    from truce.records import Article

    def run(text: str):
        article = Article(id="t", text=text)
        return code_events(nlp(text), article, [], [], [], lexicon)

    return run


@pytest.fixture(scope="session")
def extract(resources):
    """Run the whole per-article pipeline over a text: the Extraction."""
    import datetime as dt

    from truce.pipeline import extract_article
    from truce.records import Article

    def run(text: str, published: dt.date | None = dt.date(2025, 12, 4), article_id: str = "t"):
        return extract_article(
            Article(id=article_id, text=text, published=published, published_source="metadata"), resources
        )

    return run
