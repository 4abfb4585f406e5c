"""The command line, end to end and in-process (Typer's runner calls the real commands)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce.cli import app
from truce.contract import validate

DEMO = Path(__file__).resolve().parents[2] / "truce" / "data" / "demo"

runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


@pytest.fixture(scope="module")
def news_dir(tmp_path_factory):
    """The demo articles as .txt files with .meta.json sidecars giving their dates."""
    folder = tmp_path_factory.mktemp("news")
    for line in (DEMO / "seeds.jsonl").read_text().splitlines():
        row = json.loads(line)
        shutil.copy(DEMO / row["file"], folder / row["file"])
        meta = folder / (Path(row["file"]).stem + ".meta.json")
        meta.write_text(json.dumps({"published": row["published"], "outlet": f"outlet-{row['id']}"}))
    return folder


@pytest.fixture(scope="module")
def db(news_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "truce.db"
    result = invoke("run", str(news_dir), "--db", str(path), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "5 new" in result.output
    return path


def test_help_answers_for_every_command():
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("ingest", "run", "extract", "events", "incidents", "incident", "export", "demo", "times", "places", "eval"):
        assert command in result.output
        sub = invoke(*command.split(), "--help")
        assert sub.exit_code == 0, command
        assert "Usage" in sub.output


def test_ingest_twice_stores_each_article_once(news_dir, tmp_path):
    path = tmp_path / "t.db"
    first = invoke("ingest", str(news_dir), "--db", str(path))
    assert first.exit_code == 0 and "stored 5 new article(s), 0 already stored" in first.output
    second = invoke("ingest", str(news_dir), "--db", str(path))
    assert second.exit_code == 0 and "stored 0 new article(s), 5 already stored" in second.output
    from truce.store import Store

    with Store.open(str(path)) as store:
        assert len(store.articles()) == 5


def test_run_resolves_the_demo_into_incidents(db):
    result = invoke("incidents", "--db", str(db), "--json")
    assert result.exit_code == 0
    incidents = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert incidents
    beirut = [
        i for i in incidents
        if i["plover_type"] == "ASSAULT" and i["date"] and i["date"]["start"] == "2025-11-23"
    ]
    assert beirut, "the 23 November Beirut strike is an incident"
    # Every incident keeps at least one report.
    assert all(i["article_ids"] for i in incidents)
    shown = invoke("incident", incidents[0]["id"], "--db", str(db))
    assert shown.exit_code == 0 and "sources:" in shown.output
    missing = invoke("incident", "no-such-id", "--db", str(db))
    assert missing.exit_code == 1


def test_running_again_changes_nothing(db, news_dir):
    before = invoke("incidents", "--db", str(db), "--json").output
    again = invoke("run", str(news_dir), "--db", str(db), "--workers", "1")
    assert again.exit_code == 0 and "0 new, 5 already stored" in again.output
    assert invoke("incidents", "--db", str(db), "--json").output == before


def test_events_filters_and_json(db):
    result = invoke("events", "--db", str(db), "--type", "ASSAULT", "--json")
    events = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert events and all(e["plover_type"] == "ASSAULT" for e in events)
    article = events[0]["article_id"]
    table = invoke("events", "--db", str(db), "--article", article)
    assert table.exit_code == 0 and f"{article}:e" in table.output
    other = {e["article_id"] for e in events} - {article}
    assert not any(f"{o}:e" in table.output for o in other)


@pytest.mark.parametrize("fmt", ["acled", "ucdp", "plover", "geojson"])
def test_export_formats(db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = invoke("export", "--db", str(db), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text()
    if fmt in ("acled", "ucdp"):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows
        date_col = "event_date" if fmt == "acled" else "date_start"
        assert any(r[date_col] == "2025-11-23" for r in rows)
    elif fmt == "plover":
        records = [json.loads(line) for line in text.splitlines()]
        assert {"event_type", "actor", "recipient", "location"} <= set(records[0])
    else:
        collection = json.loads(text)
        assert collection["type"] == "FeatureCollection" and collection["features"]
        lon, lat = collection["features"][0]["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_unknown_export_format_is_a_clear_error(db):
    result = invoke("export", "--db", str(db), "--format", "xml")
    assert result.exit_code == 2 and "unknown format" in result.output


def test_extract_is_stateless_and_follows_the_contract(tmp_path):
    rows = [json.loads(line) for line in (DEMO / "seeds.jsonl").read_text().splitlines()]
    lines = [
        json.dumps({"id": r["id"], "text": (DEMO / r["file"]).read_text(), "published": r["published"]})
        for r in rows[:2]
    ]
    lines.insert(1, "{not json")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    result = invoke("extract", str(src), "-o", str(out), "--workers", "1")
    assert result.exit_code == 0, result.output
    objs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(objs) == 3
    assert [o["id"] for o in (objs[0], objs[2])] == ["000", "001"]
    assert "error" in objs[1] and objs[1]["events"] == []
    for obj in objs:
        validate(obj)
    assert objs[0]["events"] and objs[0]["times"] and objs[0]["places"]


def test_one_bad_input_never_stops_the_batch(tmp_path, news_dir):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(news_dir / "002_b13c8db75fe5f318.txt", folder / "good.txt")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "bad.jsonl").write_text('{"id": "x", "text": "Israeli jets struck Tyre on Monday."}\n{oops\n')
    # Longer than the parser accepts: stored, then fails in extraction and is kept as failed.
    (folder / "huge.txt").write_text("Israeli jets struck Tyre. " * 90_000)
    path = tmp_path / "t.db"
    result = invoke("run", str(folder), "--db", str(path), "--workers", "1", "--published", "2025-12-01")
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "binary.txt" in result.output and "bad.jsonl:2" in result.output
    from truce.store import Store

    with Store.open(str(path)) as store:
        statuses = {a.article.source.rsplit("/", 1)[-1]: a.status for a in store.stored_articles()}
        assert statuses["good.txt"] == "extracted"
        assert statuses["huge.txt"] == "failed"
        assert len(store.failed_articles()) == 1
    # Retrying reads the unreadable inputs again and re-extracts the failed article: all fail again.
    retry = invoke("run", "--db", str(path), "--workers", "1", "--retry-failed")
    assert "failures: 4" in retry.output and "more than the parser takes" in retry.output


@pytest.mark.parametrize("command", ["times", "places"])
def test_one_stage_commands_keep_going_past_a_bad_line(tmp_path, command):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "Israeli jets struck Tyre on Monday.", "published": "2025-01-02"}\n'
        "not json\n"
        '{"id": "c", "text": "Talks resumed in Naqoura on Wednesday.", "published": "2025-12-04"}\n'
    )
    out = tmp_path / "out.jsonl"
    result = invoke(command, str(src), "-o", str(out))
    assert result.exit_code == 2 and "in.jsonl:2" in result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", f"{src}:2", "c"]
    assert "error" in rows[1] and command in rows[2] and rows[2][command]
