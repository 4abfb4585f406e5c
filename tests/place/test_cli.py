import json

from typer.testing import CliRunner

from truce.cli import app


def test_places_with_and_without_spans(tmp_path, gaz, nlp):
    text = "Israeli jets struck Khiam and the outskirts of Naqoura, in southern Lebanon."
    s = text.index("Naqoura")
    rows = [
        {"id": "a", "text": text, "published": "2025-11-20", "spans": [[s, s + 7]]},
        {"id": "b", "text": text},
    ]
    inp = tmp_path / "in.jsonl"
    inp.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["places", str(inp), "-o", str(out)])
    assert res.exit_code == 0, res.output
    a, b = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert a["id"] == "a" and len(a["places"]) == 1
    p = a["places"][0]
    assert p["geonameid"] == 278832 and p["country_code"] == "LB" and p["precision"] == 2
    assert {q["text"] for q in b["places"]} >= {"Khiam", "Naqoura", "southern Lebanon"}


def test_places_bad_line_names_the_line(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "a", "text": "In Tyre."}\nnot json\n', encoding="utf-8")
    res = CliRunner().invoke(app, ["places", str(inp)])
    assert res.exit_code == 2
    assert "in.jsonl:2" in res.output


def test_places_bad_gazetteer_file(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": "a", "text": "In Tyre."}\n', encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_text(
        "name\talternate_names\tlat\tlon\tcountry\tfeature\nX\t\t200\t35\tLB\tPPL\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["places", str(inp), "--gazetteer", str(bad)])
    assert res.exit_code == 2
    assert "bad.tsv:2" in res.output


def test_places_country_option_reads_short_reports_as_that_theatre(tmp_path, gaz, nlp):
    inp = tmp_path / "in.jsonl"
    row = {"id": "a", "text": "Two women are killed by unknown gunmen on Garissa."}
    inp.write_text(json.dumps(row) + "\n", encoding="utf-8")
    plain = CliRunner().invoke(app, ["places", str(inp)])
    watched = CliRunner().invoke(app, ["places", str(inp), "--country", "ke"])
    assert plain.exit_code == 0 and watched.exit_code == 0, watched.output
    assert json.loads(plain.stdout)["places"] == []  # NER reads "Garissa" as a person
    (p,) = json.loads(watched.stdout)["places"]
    assert p["name"] == "Garissa" and p["country_code"] == "KE"
    bad = CliRunner().invoke(app, ["places", str(inp), "--country", "Kenya"])
    assert bad.exit_code == 2 and "ISO 3166" in bad.output
