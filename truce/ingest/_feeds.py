"""RSS and Atom feeds (feedparser): each entry becomes an article.

An entry's text is the longest of its ``content`` values and its ``summary``, as plain text. Only
an entry with neither is fetched from its link (when ``fetch_links`` is on), because fetching means
network access and feeds that carry their text should be read offline.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from typing import Any

from truce.errors import FeedError, InputError
from truce.ingest._build import Context, IngestFailure, make_article
from truce.ingest._fetch import HTML_TYPES, fetch
from truce.ingest._html import fragment_to_text
from truce.ingest._readers import Result, html_article, html_bytes_to_text

log = logging.getLogger(__name__)


def feed_articles(
    data: bytes, source: str, ctx: Context, base_url: str | None = None
) -> Iterator[Result]:
    """The entries of the feed in ``data`` (bytes: feedparser never fetches anything itself).

    ``base_url`` (the feed's own URL) resolves relative entry links.
    """
    import feedparser

    headers = {"content-type": "application/xml"}
    if base_url:
        headers["content-location"] = base_url
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.entries:
        if parsed.bozo:
            raise FeedError(
                source, f"not an RSS/Atom feed: the XML does not parse ({_reason(parsed)})"
            )
        if not parsed.version:
            raise FeedError(source, "not an RSS/Atom feed (no <rss>, <feed> or <rdf> element)")
        log.warning("%s: feed has no entries", source)
        return
    if parsed.bozo:
        log.warning(
            "%s: feed is not well-formed (%s); reading what parses", source, _reason(parsed)
        )
    feed_meta = parsed.get("feed", {})
    outlet = feed_meta.get("title") or None
    language = feed_meta.get("language") or None
    for i, entry in enumerate(parsed.entries, 1):
        where = f"{source} entry {i}"
        try:
            yield from _entry_articles(entry, where, ctx, outlet, language)
        except InputError as e:
            yield IngestFailure.from_error(e)


def _entry_articles(
    entry: Any, where: str, ctx: Context, outlet: str | None, language: str | None
) -> Iterator[Result]:
    meta = {
        "title": fragment_to_text(entry.get("title", "")) or None,
        "url": entry.get("link") or None,
        "outlet": outlet,
        "published": _entry_date(entry),
        "language": language,
    }
    text = entry_text(entry)
    if text:
        yield make_article(text, meta, source=where, default_published=ctx.default_published)
        return
    link = meta["url"]
    if not link:
        raise FeedError(where, "entry has no content, no summary and no link to fetch")
    if not ctx.fetch_links:
        raise FeedError(
            where, f"entry has no text; its link {link} was not fetched (fetching is off)"
        )
    fetched = fetch(link, ctx.client_factory(), ctx.size_cap)
    if fetched.content_type not in HTML_TYPES:
        raise FeedError(where, f"linked page {link} is {fetched.content_type}, not HTML")
    html = html_bytes_to_text(fetched.body, link, fetched.charset)
    yield from html_article(html, link, ctx, url=fetched.url, fallback=meta)


def entry_text(entry: Any) -> str:
    """The longest text among an entry's content values and its summary, tags removed."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [fragment_to_text(c) for c in candidates if c and c.strip()]
    return max(texts, key=len, default="")


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    text = str(exc).strip() if exc is not None else "unknown error"
    return text.splitlines()[0] if text else type(exc).__name__
