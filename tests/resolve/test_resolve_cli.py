"""``truce eval rewrites`` on a small slice of MSRP."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from truce.cli import app


@pytest.mark.eval
def test_eval_rewrites_prints_scores_and_json(eval_dir):
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "rewrites", "--msrp", str(eval_dir / "msrp_train"), "--limit", "200"])
    assert result.exit_code == 0, result.output
    assert "accuracy" in result.output and "F1" in result.output
    result = runner.invoke(
        app, ["eval", "rewrites", "--msrp", str(eval_dir / "msrp_train"), "--limit", "200", "--json"]
    )
    report = json.loads(result.output)
    assert report["all_pairs"]["n"] == 200 and 0.6 < report["all_pairs"]["accuracy"] <= 1.0


def test_eval_rewrites_missing_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["eval", "rewrites", "--msrp", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no MSRP file found" in result.output
