"""Tables of articles: CSV and TSV exports with a header row (truce/ingest/_readers.py)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from truce.ingest import IngestFailure, read_inputs
from truce.records import Article

STRIKE = "An Israeli drone strike near Tyre killed two people on Tuesday, the health ministry said."
TALKS = "Delegations met in Naqoura on Wednesday for a second round of talks."


def read(path: Path) -> tuple[list[Article], list[IngestFailure]]:
    results = list(read_inputs([str(path)]))
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, IngestFailure)]


def test_csv_columns_are_read_by_their_usual_names(tmp_path: Path, caplog) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "row,Headline,Body,Publish Date,Source,Link,sentiment\n"
        f'1,Strike near Tyre,"{STRIKE}",2025-11-19,Wire,https://ex.com/1,0.2\n'
        f'2,,"{TALKS}\nA second paragraph, with a comma.",2025-12-03,Paper,,\n',
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        articles, failures = read(path)
    assert failures == []
    first, second = articles
    assert (first.title, first.outlet, first.url, first.published) == (
        "Strike near Tyre", "Wire", "https://ex.com/1", dt.date(2025, 11, 19))
    assert second.text.endswith("with a comma.") and second.published == dt.date(2025, 12, 3)
    assert first.source.endswith("export.csv:2") and second.source.endswith("export.csv:4")
    assert "row" in caplog.text and "sentiment" in caplog.text  # columns ignored, said once


def test_tsv_and_a_bad_row_do_not_stop_the_table(tmp_path: Path) -> None:
    path = tmp_path / "wire.tsv"
    path.write_text(f"text\tdate\n{STRIKE}\tnot a date at all\n\t2025-01-01\n{TALKS}\t2025-12-03\n",
                    encoding="utf-8")  # fmt: skip
    articles, failures = read(path)
    assert [a.text for a in articles] == [TALKS]
    bad_date, no_text = failures  # each names its line; the rows after them are still read
    assert bad_date.source == f"{path}:2" and "published" in bad_date.error
    assert no_text.source == f"{path}:3" and "text" in no_text.error


def test_a_table_without_a_text_column_is_one_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    articles, failures = read(path)
    assert articles == [] and len(failures) == 1
    assert "no text column" in failures[0].error and str(path) in failures[0].source
