"""Reading files, folders and globs (truce/ingest/__init__.py, _readers.py, _decode.py, _html.py).

Every bad input gives one failure naming the file (and line), and the batch goes on."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from truce.ingest import IngestFailure, article_id, read_inputs
from truce.records import Article, content_hash

BODY = (
    "An Israeli drone strike on a car near Tyre killed two people on Tuesday, "
    "the Lebanese health ministry said.\nThe Israeli military said it targeted a Hezbollah member."
)
def read(*inputs: object, **kwargs: object) -> tuple[list[Article], list[IngestFailure]]:
    results = list(read_inputs([str(i) for i in inputs], **kwargs))
    articles = [r for r in results if isinstance(r, Article)]
    failures = [r for r in results if isinstance(r, IngestFailure)]
    assert len(articles) + len(failures) == len(results)
    return articles, failures


def only_failure(failures: list[IngestFailure]) -> IngestFailure:
    assert len(failures) == 1, failures
    return failures[0]


# --- plain text and sidecars ---------------------------------------------------------------------


def test_txt_with_sidecar_metadata(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Strike near Tyre\n\n" + BODY, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(
        json.dumps({"title": "Two killed near Tyre", "url": "https://ex.com/1", "outlet": "Ex",
                    "published": "2025-11-18", "id": "tyre-1"}),
        encoding="utf-8",
    )
    (articles, failures) = read(tmp_path)
    assert failures == []
    (a,) = articles
    assert (a.id, a.title, a.url, a.outlet) == ("tyre-1", "Two killed near Tyre", "https://ex.com/1", "Ex")
    assert (a.published, a.published_source) == (dt.date(2025, 11, 18), "metadata")
    assert a.text.startswith("Strike near Tyre\n\nAn Israeli drone strike")
    assert a.source == str(tmp_path / "story.txt")


def test_txt_without_metadata_gets_a_stable_id_and_a_headline_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Strike near Tyre\r\n" + BODY + "\r\n", encoding="utf-8")
    (a,), _ = read(path)
    (b,), _ = read(path)
    assert a.id == b.id == article_id(a.text) == content_hash(a.text)[:16]
    assert a.title == "Strike near Tyre"
    assert "\r" not in a.text
    (c,), _ = read(_write(tmp_path / "b.txt", BODY))
    assert c.title is None  # the first line is a sentence, not a headline


def test_date_rules_metadata_then_dateline_then_default_then_unknown(tmp_path: Path) -> None:
    default = dt.date(2025, 12, 31)
    dateline = _write(tmp_path / "dl.txt", "BEIRUT, Dec 3, 2025 (Reuters) - " + BODY)
    plain = _write(tmp_path / "plain.txt", BODY)
    meta = _write(tmp_path / "meta.txt", "BEIRUT, Dec 3, 2025 (Reuters) - Other. " + BODY)
    _write(tmp_path / "meta.meta.json", json.dumps({"published": "2025-12-04"}))

    (a,), _ = read(meta, published=default)
    assert (a.published, a.published_source) == (dt.date(2025, 12, 4), "metadata")
    (a,), _ = read(dateline, published=default)
    assert (a.published, a.published_source) == (dt.date(2025, 12, 3), "dateline")
    (a,), _ = read(plain, published=default)
    assert (a.published, a.published_source) == (default, "default")
    (a,), _ = read(plain)
    assert (a.published, a.published_source) == (None, "unknown")  # never today


def test_bad_sidecar_is_an_error_naming_the_sidecar(tmp_path: Path) -> None:
    _write(tmp_path / "s.txt", BODY)
    _write(tmp_path / "s.meta.json", "{not json")
    articles, failures = read(tmp_path / "s.txt")
    assert articles == []
    f = only_failure(failures)
    assert f.source == str(tmp_path / "s.meta.json") and f.kind == "MalformedRecord"


# --- bad files -----------------------------------------------------------------------------------


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\t\n")
    _write(tmp_path / "good.txt", BODY)
    articles, failures = read(tmp_path)
    assert len(articles) == 1
    assert {f.source for f in failures} == {str(tmp_path / "empty.txt"), str(tmp_path / "blank.txt")}
    assert all(f.kind == "EmptyInput" and "empty" in f.error for f in failures)


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (bytes(range(256)) * 4, "binary"),
        (b"text\x00with\x00nul\x00bytes" * 10, "binary"),
    ],
)
def test_binary_file(tmp_path: Path, data: bytes, word: str) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    f = only_failure(read(path)[1])
    assert f.kind == "BinaryInput" and word in f.error and f.source == str(path)
    assert "\n" not in str(f)


def test_cp1252_text_is_decoded_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    text = "\u201cCaf\u00e9 na\u00efve\u201d \u2014 the strike hit Marjayoun\u2019s outskirts, \u20ac5m damage."
    path = tmp_path / "win.txt"
    path.write_bytes(text.encode("cp1252"))
    with caplog.at_level(logging.WARNING):
        (a,), failures = read(path)
    assert failures == [] and a.text == text
    assert any("win.txt" in r.message and "cp1252" in r.message for r in caplog.records)


def test_latin1_bytes_undefined_in_cp1252_still_decode(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Beyrouth \u00e9t\u00e9 ".encode("latin-1") + b"\x81\x8d and more text here.")
    (a,), failures = read(path)
    assert failures == [] and a.text.startswith("Beyrouth \u00e9t\u00e9")


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(BODY.encode("utf-16"))
    (a,), failures = read(path)
    assert failures == [] and a.text == BODY


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.txt", BODY * 50)
    _write(tmp_path / "small.txt", BODY)
    articles, failures = read(tmp_path, size_cap=1000)
    assert [a.source for a in articles] == [str(tmp_path / "small.txt")]
    f = only_failure(failures)
    assert f.kind == "TooLarge" and f.source == str(big) and "size cap" in f.error


def test_default_size_cap_is_20_mb(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as fh:
        fh.truncate(20 * 1024 * 1024 + 1)  # sparse: no 20 MB written
    f = only_failure(read(path)[1])
    assert f.kind == "TooLarge" and "20.0 MB" in f.error


def test_missing_paths_unmatched_globs_and_unsupported_types(tmp_path: Path) -> None:
    pdf = _write(tmp_path / "report.pdf", "x")
    articles, failures = read(tmp_path / "nope.txt", tmp_path / "*.zzz", pdf)
    assert articles == []
    assert [f.error for f in failures] == [
        "no such file or folder",
        "no files match this pattern",
        failures[2].error,
    ]
    assert "unsupported file type '.pdf'" in failures[2].error


# --- folders and globs ---------------------------------------------------------------------------


def test_folders_recurse_skip_hidden_and_sidecars_and_read_each_file_once(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "First. " + BODY)
    _write(tmp_path / "a.meta.json", json.dumps({"title": "A"}))
    _write(tmp_path / "sub" / "deeper" / "b.txt", "Second. " + BODY)
    _write(tmp_path / ".hidden" / "c.txt", "Hidden. " + BODY)
    _write(tmp_path / "notes.md", "ignored in folders")
    articles, failures = read(tmp_path, tmp_path / "a.txt", tmp_path / "**" / "*.txt")
    assert failures == []
    assert [Path(a.source).name for a in articles] == ["a.txt", "b.txt"]
    assert articles[0].title == "A"


# --- JSON and JSON lines -------------------------------------------------------------------------


def test_json_object_and_list(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.json", json.dumps({"id": "x1", "text": BODY, "published": "2025-11-18",
                                                    "language": "en-GB", "extra": 1}))
    many = _write(tmp_path / "many.json", json.dumps([{"text": "One. " + BODY}, {"title": "no text"}, 7]))
    articles, failures = read(one, many)
    assert [a.id for a in articles][0] == "x1" and articles[0].language == "en"
    assert len(articles) == 2
    assert [(f.source, f.kind) for f in failures] == [
        (f"{many} record 2", "MalformedRecord"),
        (f"{many} record 3", "MalformedRecord"),
    ]
    assert 'no "text"' in failures[0].error and "object" in failures[1].error


def test_invalid_json_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.json", '{"text": "a"}\n{"text": "b"}\n')
    f = only_failure(read(path)[1])
    assert f.kind == "MalformedRecord" and "line 2" in f.error and ".jsonl" in f.error


def test_jsonl_errors_name_file_and_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": BODY, "published": "2025-11-18", "outlet": "Ex"}),
        '{"id": "broken", "text": ',
        "",
        json.dumps({"id": "no-text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "bad-date", "text": BODY, "published": "yesterday"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "ok2", "text": "Another. " + BODY}),
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    articles, failures = read(path)
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert articles[0].source == f"{path}:1" and articles[0].outlet == "Ex"
    assert [f.source for f in failures] == [f"{path}:{n}" for n in (2, 4, 5, 6, 7)]
    assert "malformed JSON line" in failures[0].error
    assert "yesterday" in failures[3].error
    assert all("\n" not in str(f) and str(f).startswith(str(path)) for f in failures)


# --- HTML ----------------------------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path: Path, page_html: str) -> None:
    (a,), failures = read(_write(tmp_path / "page.html", page_html))
    assert failures == []
    assert a.title == "Drone strike near Tyre kills two"
    assert a.outlet == "Example News"
    assert (a.published, a.published_source) == (dt.date(2025, 11, 18), "metadata")
    assert "killed two people" in a.text and "Hezbollah operative" in a.text
    for junk in ("window.tracking", "document.write", "Privacy", "color: red"):
        assert junk not in a.text


def test_html_of_only_scripts_and_navigation_is_an_error(tmp_path: Path) -> None:
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(40))
    page = (
        "<html><head><script>" + "var a = 1;" * 300 + "</script></head><body><nav><ul>" + links
        + "</ul></nav><script>init()</script><div class='menu'>Home | About | Contact</div></body></html>"
    )
    path = _write(tmp_path / "nav.htm", page)
    f = only_failure(read(path)[1])
    assert f.kind == "EmptyInput" and f.source == str(path) and "no article text" in f.error


def test_html_in_a_declared_legacy_charset(tmp_path: Path, page_html: str) -> None:
    page = page_html.replace('charset="utf-8"', 'charset="windows-1252"').replace("Tyre", "T\u00fcre")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    (a,), failures = read(path)
    assert failures == [] and "T\u00fcre" in a.text


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_mojibake_is_repaired_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    mangled = "the proposed \u00e2\u20ac\u02dcbhoomi pujan\u00e2\u20ac\u2122 was \u00c3\u00a9tabli. " + BODY
    path = _write(tmp_path / "toi.jsonl", json.dumps({"id": "m1", "text": mangled}) + "\n")
    with caplog.at_level(logging.WARNING):
        (a,), _ = read(path)
    assert a.text.startswith("the proposed \u2018bhoomi pujan\u2019 was \u00e9tabli.")
    assert any("repaired 3" in r.message for r in caplog.records)
    # genuine accents, dashes and a lone odd pair are left alone
    genuine = "Caf\u00e9 \u201cna\u00efve\u201d \u2014 S\u00e3o Paulo \u00c2\u00b7 " + BODY
    (b,), _ = read(_write(tmp_path / "ok.txt", genuine))
    assert b.text == genuine


def test_html_whose_only_long_line_is_a_menu_is_an_error(tmp_path: Path) -> None:
    menu = " | ".join(["Home", "World", "Middle East", "Politics", "Business", "Sport", "Culture",
                       "Opinion", "Video", "Podcasts", "Newsletters", "Sign in", "Subscribe"])
    words = "Sign in Subscribe Search Menu Home News World Local Sports Weather Traffic Jobs"
    page = f"<html><body><div><p>{menu}</p><p>{words}</p></div><script>x()</script></body></html>"
    f = only_failure(read(_write(tmp_path / "menu.html", page))[1])
    assert f.kind == "EmptyInput" and "no article text" in f.error


def test_jsonl_manifest_of_text_files(tmp_path: Path) -> None:
    _write(tmp_path / "texts" / "a.txt", "Strike near Tyre\n" + BODY)
    lines = [
        json.dumps({"id": "000", "file": "texts/a.txt", "published": "2025-12-04"}),
        json.dumps({"id": "001", "file": "texts/missing.txt"}),
    ]
    path = _write(tmp_path / "seeds.jsonl", "\n".join(lines))
    (a,), (f,) = read(path)
    assert (a.id, a.title, a.published, a.source) == ("000", "Strike near Tyre", dt.date(2025, 12, 4), f"{path}:1")
    assert f.source == f"{path}:2" and "no such file" in f.error


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("U.S. envoy Hochstein visits Beirut", "U.S. envoy Hochstein visits Beirut"),
        ("Gen. Haddad meets Dr. Aoun in Baabda", "Gen. Haddad meets Dr. Aoun in Baabda"),
        ("Talks were held in Naqura, mediated by the US. The discussions aim to stabilize the", None),
        ("Israeli jets struck the south on Tuesday.", None),
    ],
)
def test_title_from_the_first_line_only_when_it_is_a_headline(
    tmp_path: Path, first_line: str, title: str | None
) -> None:
    (a,), _ = read(_write(tmp_path / "t.txt", first_line + "\n" + BODY))
    assert a.title == title


def test_failures_can_be_retried_by_reading_their_inputs_again(tmp_path: Path) -> None:
    from truce.ingest import retry_inputs

    path = _write(tmp_path / "batch.jsonl", json.dumps({"id": "ok", "text": BODY}) + "\n{broken\n")
    _write(tmp_path / "s.txt", BODY)
    _write(tmp_path / "s.meta.json", "{bad")
    failures = [f for f in read_inputs([str(tmp_path)]) if isinstance(f, IngestFailure)]
    assert [f.source for f in failures] == [f"{path}:2", str(tmp_path / "s.meta.json")]
    assert retry_inputs([f.source for f in failures]) == [str(path), str(tmp_path / "s.txt")]
    assert retry_inputs(["feed.xml entry 3", "feed.xml entry 4", "a.json record 2",
                         "http://127.0.0.1:8080/x", "x.jsonl:3 (texts/a.txt)"]) == [
        "feed.xml", "a.json", "http://127.0.0.1:8080/x", "x.jsonl"]
    # once fixed, reading them again gives the articles
    path.write_text(json.dumps({"id": "ok", "text": BODY}) + "\n" + json.dumps({"id": "fixed", "text": "Fixed. " + BODY}) + "\n")
    (tmp_path / "s.meta.json").write_text(json.dumps({"id": "s"}))
    articles, failures = read(*retry_inputs([f"{path}:2", str(tmp_path / "s.meta.json")]))
    assert failures == [] and [a.id for a in articles] == ["ok", "fixed", "s"]


def test_an_unexpected_parser_error_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000  # json.loads hits the recursion limit
    bad = _write(tmp_path / "a_deep.json", deep)
    _write(tmp_path / "b_good.txt", BODY)
    articles, failures = read(tmp_path)
    assert len(articles) == 1
    f = only_failure(failures)
    assert f.source == str(bad) and "RecursionError" in f.error


@pytest.mark.parametrize(
    ("extra", "published"),
    [
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
         '"2025-11-17T08:00:00Z", "dateModified": "2025-11-19"}</script>', dt.date(2025, 11, 17)),
        ('<p>By Staff | <time datetime="2025-11-18T10:00">Nov 18, 2025</time></p>', dt.date(2025, 11, 18)),
        ("<footer>\u00a9 2025 Example News. All rights reserved.</footer>", None),
        ("<p>Last updated 2 hours ago</p>", None),
    ],
)
def test_html_dates_come_from_page_metadata_never_from_guesses(
    tmp_path: Path, extra: str, published: dt.date | None
) -> None:
    body = ("<p>An Israeli drone strike on a car near the southern Lebanese city of Tyre killed two "
            "people on Tuesday, the ministry said.</p>")
    page = f"<html><head><title>T</title></head><body><article>{extra}{body}</article></body></html>"
    (a,), _ = read(_write(tmp_path / "p.html", page))
    assert a.published == published
    assert a.published_source == ("metadata" if published else "unknown")
