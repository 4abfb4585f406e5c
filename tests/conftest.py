"""Shared fixtures. Heavy resources are loaded once per test session.

Tests that need the development data read it from ``$TRUCE_SHARED`` or ``../shared``. Outside CI
they are skipped when it is missing; in CI (``CI=true``) a missing folder is an error, so those tests
can never pass silently by not running.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _shared_dir() -> Path:
    env = os.environ.get("TRUCE_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    path = _shared_dir()
    if not (path / "eval").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"development data not found at {path} (set TRUCE_SHARED)")
        pytest.skip(f"development data not found at {path}")
    return path


@pytest.fixture(scope="session")
def eval_dir(shared_dir: Path) -> Path:
    return shared_dir / "eval"


@pytest.fixture(scope="session")
def nlp():
    from truce.annotate import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def demo_articles():
    from truce.demo import demo_articles

    return {a.id: a for a in demo_articles()}


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server for the session (skipped outside CI when none is installed)."""
    from tests.pg import TempPostgres, find_pg_bin

    bin_dir = find_pg_bin()
    try:
        import psycopg  # noqa: F401
    except ImportError:
        bin_dir = None
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL (Debian package postgresql) and psycopg are required in CI")
        pytest.skip("PostgreSQL is not installed")
    server = TempPostgres(bin_dir)
    try:
        yield server.start()
    finally:
        server.stop()
