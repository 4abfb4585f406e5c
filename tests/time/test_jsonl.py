"""`truce times`: JSON lines in, the extract contract's time objects out."""

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from truce.cli import app
from truce.contract import extract_schema
from truce.errors import MalformedRecord
from truce.time.jsonl import read_time_requests

runner = CliRunner()


def _write(path, rows):
    path.write_text("\n".join(json.dumps(r) if isinstance(r, dict) else r for r in rows) + "\n", encoding="utf-8")
    return path


def test_spans_are_normalised_exactly_and_detection_runs_without(tmp_path):
    text = "Talks will resume on January 7, after the envoys met on Wednesday."
    inp = _write(tmp_path / "in.jsonl", [
        {"id": "a", "text": text, "published": "2025-12-04", "spans": [[21, 30]]},
        {"id": "b", "text": text, "published": "2025-12-04"},
        {"id": "c", "text": "It happened on November 19."},
    ])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["times", str(inp), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert [(t["text"], t["value"]) for t in rows[0]["times"]] == [("January 7", "2026-01-07")]
    assert {t["text"]: t["value"] for t in rows[1]["times"]} == {"January 7": "2026-01-07", "Wednesday": "2025-12-03"}
    (unknown,) = rows[2]["times"]
    assert unknown["precision"] == "unknown" and unknown["reason"]
    time_schema = {"$defs": extract_schema()["$defs"], **extract_schema()["$defs"]["time"]}
    for row in rows:
        for t in row["times"]:
            jsonschema.validate(t, time_schema)


@pytest.mark.parametrize(
    "line, message",
    [
        ("not json", "not valid JSON"),
        (json.dumps({"id": "x"}), '"text"'),
        (json.dumps({"text": "abc", "spans": [[0, 10]]}), "outside the text"),
        (json.dumps({"text": "abc", "published": "yesterday"}), "ISO date"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path, line, message):
    path = _write(tmp_path / "bad.jsonl", [json.dumps({"text": "fine"}), line])
    with pytest.raises(MalformedRecord) as e:
        list(read_time_requests(path))
    assert f"{path}:2" in str(e.value) and message in str(e.value)


def test_cli_reports_bad_input_without_a_traceback(tmp_path):
    path = _write(tmp_path / "bad.jsonl", ["not json"])
    result = runner.invoke(app, ["times", str(path)])
    assert result.exit_code == 2
    assert "not valid JSON" in result.output
