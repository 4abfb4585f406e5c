"""Fixtures for the store tests: a fresh SQLite database per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.store import Store


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "truce.db") as s:
        yield s
