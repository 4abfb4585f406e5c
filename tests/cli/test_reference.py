from pathlib import Path

from truce.cli import app
from truce.cli.reference import render

ROOT = Path(__file__).resolve().parents[2]


def test_cli_reference_matches_the_commands():
    expected = render(app)
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `python -m truce.cli.reference > docs/cli.md`"


def test_every_command_is_documented():
    text = render(app)
    for name in ("ingest", "run", "extract", "events", "incidents", "incident", "export", "demo"):
        assert f"### `truce {name}`" in text
