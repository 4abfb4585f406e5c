"""Articles and failures in the store: idempotent ingest, statuses, opening errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from truce.errors import StoreError
from truce.ingest import IngestFailure
from truce.records import Article
from truce.store import Store, database_url

from tests.store.store_records import article


def test_ingesting_twice_changes_nothing(store: Store) -> None:
    batch = [article(1), article(2), article(3)]
    first = store.add_articles(batch)
    assert first.new_ids == ["a1", "a2", "a3"] and first.duplicate_ids == []
    before = store.stored_articles()
    again = store.add_articles(batch)
    assert again.new_ids == [] and again.duplicate_ids == ["a1", "a2", "a3"]
    assert store.stored_articles() == before
    assert store.stats().articles == {"ingested": 3, "extracted": 0, "failed": 0}


def test_same_text_under_another_id_or_url_is_a_reported_duplicate(store: Store) -> None:
    store.add_articles([article(1)])
    copy = article(1, url="https://elsewhere.example/copy")
    copy.id = "copy-1"
    reflowed = article(1, text="Report 1: an Israeli strike near Tyre\nkilled 1   people, officials said.")
    reflowed.id = "reflowed"
    result = store.add_articles([copy, reflowed])
    assert result.new_ids == []
    assert result.duplicate_of == {"copy-1": "a1", "reflowed": "a1"}
    assert [a.id for a in store.articles()] == ["a1"]


def test_duplicates_within_one_batch(store: Store) -> None:
    twin = article(1)
    twin.id = "twin"
    result = store.add_articles([article(1), twin])
    assert result.new_ids == ["a1"] and result.duplicate_of == {"twin": "a1"}


def test_an_id_reused_for_another_text_is_refused_and_recorded(store: Store) -> None:
    store.add_articles([article(1)])
    other = article(2)
    other.id = "a1"
    result = store.add_articles([other])
    assert result.conflict_ids == ["a1"] and result.new_ids == []
    assert store.article("a1").text == article(1).text
    (failure,) = store.failures()
    assert failure.source == "in/2.txt" and failure.kind == "IdConflict"


def test_articles_round_trip_and_filters(store: Store) -> None:
    a = article(4, title="T", url="https://x.example/4", outlet="X", language="en")
    store.add_articles([a, article(5)])
    (back,) = store.articles(ids=["a4"])
    assert back == a
    assert [x.id for x in store.articles(ids=["a5", "a4"])] == ["a5", "a4"]
    assert [x.id for x in store.articles(limit=1)] == ["a4"]
    store.mark_failed("a5", "spaCy crashed\non this text")
    assert [x.id for x in store.pending_articles()] == ["a4"]
    assert [x.id for x in store.failed_articles()] == ["a5"]
    (info,) = store.stored_articles(status="failed")
    assert info.error == "spaCy crashed on this text" and info.ingested_at.tzinfo is not None
    with pytest.raises(StoreError):
        store.articles(status="done")
    with pytest.raises(StoreError):
        store.mark_failed("nope", "x")


def test_unknown_publication_date_is_kept_unknown(store: Store) -> None:
    a = article(6)
    a.published, a.published_source = None, "unknown"
    store.add_articles([a])
    back = store.article("a6")
    assert back.published is None and back.published_source == "unknown"


def test_failures_are_recorded_once_per_source_and_cleared_by_success(store: Store) -> None:
    store.record_failure("in/1.txt", "empty file", "EmptyInput")
    store.record_failures([IngestFailure("in/1.txt", "binary file", "BinaryInput"), ("feed.xml", "not XML")])
    assert [(f.source, f.kind, f.error) for f in store.failures()] == [
        ("in/1.txt", "BinaryInput", "binary file"),
        ("feed.xml", "InputError", "not XML"),
    ]
    store.add_articles([article(1)])  # the file was fixed and read again
    assert [f.source for f in store.failures()] == ["feed.xml"]
    assert store.clear_failures() == 1 and store.failures() == []


def test_data_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "persist.db"
    with Store.open(path) as s:
        s.add_articles([article(1)])
    with Store.open(f"sqlite:///{path}") as s:
        assert [a.id for a in s.articles()] == ["a1"]
        assert s.article("a1").published == dt.date(2025, 11, 1)


def test_opening_errors_are_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "folder.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        Store.open(junk)
    with pytest.raises(StoreError, match="database URL"):
        Store.open("nosuchdialect://x")


def test_database_url() -> None:
    assert database_url("truce.db") == "sqlite:///truce.db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_ingesting_a_folder_twice_stores_each_article_once(store: Store, tmp_path: Path) -> None:
    from truce.ingest import read_inputs

    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Report {n}. An Israeli strike hit the south.", encoding="utf-8")
    (folder / "copy.txt").write_text("Report 0.  An Israeli strike\nhit the south.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"")
    results = [list(read_inputs([str(folder)])) for _ in range(2)]
    first = store.add_articles([r for r in results[0] if isinstance(r, Article)])
    store.record_failures([r for r in results[0] if isinstance(r, IngestFailure)])
    second = store.add_articles([r for r in results[1] if isinstance(r, Article)])
    assert len(first.new_ids) == 3 and len(first.duplicate_ids) == 1  # copy.txt: same text
    assert second.new_ids == [] and len(second.duplicate_ids) == 4
    assert len(store.articles()) == 3
    assert [f.source for f in store.failures()] == [str(folder / "bad.txt")]


def test_errors_never_show_a_password() -> None:
    with pytest.raises(StoreError) as e:
        Store.open("postgresql+psycopg://truce:s3cret@127.0.0.1:1/nodb?connect_timeout=2")
    assert "s3cret" not in str(e.value) and "***" in str(e.value)
