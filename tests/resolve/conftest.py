"""Fixtures for the resolver tests; the record builders are in ``builders.py``."""

from __future__ import annotations

import pytest

from tests.resolve.builders import FIXED_NOW, demo_extractions


@pytest.fixture
def demo_extractions_by_id(demo_articles):
    return demo_extractions(demo_articles)


@pytest.fixture
def clock():
    return lambda: FIXED_NOW


