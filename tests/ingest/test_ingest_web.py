"""Feeds and URLs (truce/ingest/_feeds.py, _fetch.py): httpx through MockTransport and a real local
HTTP server on 127.0.0.1; nothing leaves the machine."""

from __future__ import annotations

import datetime as dt
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from truce.ingest import IngestFailure, read_inputs
from truce.records import Article

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><language>en-us</language>
<item><title>Strike on Nabatieh</title><link>http://127.0.0.1:{port}/n1</link>
<pubDate>Wed, 19 Nov 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;An Israeli strike on a house in Nabatieh killed three people, the health ministry
said.&lt;/p&gt;&lt;script&gt;evil()&lt;/script&gt;</description></item>
<item><title>Only a link</title><link>http://127.0.0.1:{port}/page</link>
<pubDate>Thu, 20 Nov 2025 08:00:00 GMT</pubDate></item>
<item><title>Nothing at all</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Talks in Naqoura</title><id>urn:1</id><updated>2025-12-03T10:00:00Z</updated>
<summary>Short summary.</summary>
<content type="html">&lt;p&gt;Lebanese and Israeli civilian envoys met in Naqoura on Wednesday.&lt;/p&gt;
&lt;p&gt;The US mediated the meeting.&lt;/p&gt;</content></entry></feed>"""


def split(results: list[object]) -> tuple[list[Article], list[IngestFailure]]:
    return (
        [r for r in results if isinstance(r, Article)],
        [r for r in results if isinstance(r, IngestFailure)],
    )


# --- a real local server ----------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, ctype, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(page_html: str) -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    routes: dict[str, tuple[int, str, bytes]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    port = httpd.server_address[1]
    routes["/page"] = (200, "text/html; charset=utf-8", page_html.encode())
    routes["/feed"] = (200, "application/rss+xml", RSS.format(port=port).encode())
    routes["/plain"] = (200, "text/plain; charset=utf-8", b"December 3, 2025 -- Envoys met in Naqoura today, officials said.")
    routes["/pdf"] = (200, "application/pdf", b"%PDF-1.7")
    routes["/notxml"] = (200, "application/rss+xml", b"this is { not xml at all")
    yield f"http://127.0.0.1:{port}", routes
    httpd.shutdown()
    httpd.server_close()


def test_article_url_from_a_real_server(server: tuple[str, dict]) -> None:
    base, _ = server
    articles, failures = split(list(read_inputs([f"{base}/page"])))
    assert failures == []
    (a,) = articles
    assert a.source == f"{base}/page" and a.url == f"{base}/page"
    assert a.title == "Drone strike near Tyre kills two" and a.published == dt.date(2025, 11, 18)


def test_feed_url_uses_summaries_and_fetches_only_entries_without_text(server: tuple[str, dict]) -> None:
    base, _ = server
    articles, failures = split(list(read_inputs([f"{base}/feed"])))
    assert [a.title for a in articles] == ["Strike on Nabatieh", "Drone strike near Tyre kills two"]
    first, fetched = articles
    assert first.text.startswith("An Israeli strike on a house in Nabatieh") and "evil" not in first.text
    assert (first.outlet, first.language, first.published) == ("Example Wire", "en", dt.date(2025, 11, 19))
    assert first.source == f"{base}/feed entry 1"
    assert "Hezbollah operative" in fetched.text  # the linked page, fetched
    assert fetched.published == dt.date(2025, 11, 18)  # the page's own date beats the entry's
    f = failures[0]
    assert len(failures) == 1 and f.source == f"{base}/feed entry 3" and "no link" in f.error


def test_feed_links_are_not_fetched_when_fetching_is_off(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(RSS.format(port=9), encoding="utf-8")
    articles, failures = split(list(read_inputs([str(path)], fetch_links=False)))
    assert len(articles) == 1
    assert [f.source for f in failures] == [f"{path} entry 2", f"{path} entry 3"]
    assert "not fetched" in failures[0].error


def test_atom_file_prefers_full_content_over_summary(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    (a,) = list(read_inputs([str(path)]))
    assert isinstance(a, Article)
    assert a.text == "Lebanese and Israeli civilian envoys met in Naqoura on Wednesday.\nThe US mediated the meeting."
    assert (a.outlet, a.published, a.published_source) == ("Atom News", dt.date(2025, 12, 3), "metadata")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("this is { not xml at all", "not an RSS/Atom feed"),
        ("<html><body><p>A web page, not a feed.</p></body></html>", "not an RSS/Atom feed"),
        ('<?xml version="1.0"?><rss><channel><title>x', "not an RSS/Atom feed"),
    ],
)
def test_feed_that_is_not_a_feed(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    (f,) = list(read_inputs([str(path)]))
    assert isinstance(f, IngestFailure) and f.kind == "FeedError"
    assert f.source == str(path) and needle in f.error


def test_url_errors_from_a_real_server(server: tuple[str, dict]) -> None:
    base, _ = server
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    inputs = [f"{base}/missing", f"{base}/pdf", f"{base}/notxml", f"http://127.0.0.1:{closed}/x", f"{base}/plain"]
    articles, failures = split(list(read_inputs(inputs)))
    assert [a.source for a in articles] == [f"{base}/plain"]
    assert articles[0].published == dt.date(2025, 12, 3) and articles[0].published_source == "dateline"
    by_source = {f.source: f for f in failures}
    assert "HTTP 404" in by_source[f"{base}/missing"].error
    assert "unsupported content type application/pdf" in by_source[f"{base}/pdf"].error
    assert by_source[f"{base}/notxml"].kind == "FeedError"
    unreachable = by_source[f"http://127.0.0.1:{closed}/x"]
    assert unreachable.kind == "FetchError" and "could not connect" in unreachable.error


# --- MockTransport: conditions a local server cannot easily produce -----------------------------------


def _client(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler), timeout=1.0)


def test_timeout_is_a_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    (f,) = list(read_inputs(["https://slow.example/a"], client=_client(handler)))
    assert isinstance(f, IngestFailure) and f.kind == "FetchError" and "timed out" in f.error


def test_download_over_the_size_cap_is_stopped() -> None:
    def stream() -> Iterator[bytes]:
        for _ in range(100):
            yield b"<p>" + b"x" * 1000 + b"</p>"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, content=stream())

    (f,) = list(read_inputs(["https://big.example/a"], client=_client(handler), size_cap=10_000))
    assert isinstance(f, IngestFailure) and f.kind == "TooLarge"


def test_declared_length_over_the_cap_is_refused_before_reading() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html", "content-length": "999999"}, content=b"")

    (f,) = list(read_inputs(["https://big.example/b"], client=_client(handler), size_cap=1000))
    assert isinstance(f, IngestFailure) and f.kind == "TooLarge"


def test_missing_content_type_is_sniffed(page_html: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=page_html.encode())

    (a,) = list(read_inputs(["https://nohdr.example/a"], client=_client(handler)))
    assert isinstance(a, Article) and "killed two people" in a.text


def test_charset_from_the_header() -> None:
    text = "December 3, 2025 \u2014 Envoys met in Naq\u00f4ura, officials said."

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/plain; charset=iso-8859-15"},
                              content=text.replace("\u2014", "-").encode("iso-8859-15"))

    (a,) = list(read_inputs(["https://enc.example/a"], client=_client(handler)))
    assert isinstance(a, Article) and "Naq\u00f4ura" in a.text


def test_mislabelled_feed_with_relative_links_and_xhtml_sent_as_xml(page_html: str) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Mislabelled</title>'
        "<item><title>Relative</title><link>/news/1</link></item></channel></rss>"
    )
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + page_html.replace("<!doctype html>", "")
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/feeds/all":
            return httpx.Response(200, headers={"content-type": "text/html"}, content=feed.encode())
        return httpx.Response(200, headers={"content-type": "application/xml"}, content=xhtml.encode())

    (a,) = list(read_inputs(["https://news.example/feeds/all"], client=_client(handler)))
    assert isinstance(a, Article), a
    assert seen == ["https://news.example/feeds/all", "https://news.example/news/1"]
    assert "Hezbollah operative" in a.text and a.outlet == "Example News"
