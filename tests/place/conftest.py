"""Fixtures for the place stage: the gazetteer is loaded once per session (built on first use)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gaz():
    from truce.place import load_gazetteer

    return load_gazetteer()
