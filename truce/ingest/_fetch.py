"""Fetching URLs with httpx: timeouts, a streamed size cap and content-type checks.

The ``httpx.Client`` is injected, so tests drive it with ``httpx.MockTransport`` or a local server,
and callers choose proxies, certificates or timeouts. Nothing here runs unless a URL is given.
"""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass

import httpx

from truce.errors import FetchError, TooLarge

log = logging.getLogger(__name__)

USER_AGENT = "truce/0.1 (news monitoring; +https://github.com/truce)"
DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=10.0)

HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml", "application/feed+xml",
}  # fmt: skip
TEXT_TYPES = {"text/plain"}
JSON_TYPES = {"application/json", "application/x-ndjson", "application/jsonl"}
# Servers that do not know what they send: look at the bytes instead.
_UNKNOWN_TYPES = {"", "application/octet-stream", "binary/octet-stream"}


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str  # lower-case media type without parameters; sniffed when the server gave none
    charset: str | None
    body: bytes


def default_client() -> httpx.Client:
    return httpx.Client(
        timeout=DEFAULT_TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )


def fetch(url: str, client: httpx.Client, size_cap: int) -> Fetched:
    """GET ``url``; ``FetchError`` for network and HTTP failures or a type truce cannot read."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(
                    url, f"HTTP {response.status_code} {response.reason_phrase} (check the URL)"
                )
            media, charset = _media_type(response.headers.get("content-type", ""))
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > size_cap:
                raise TooLarge(
                    url, f"response is {declared} bytes, over the size cap of {size_cap}"
                )
            if media not in _UNKNOWN_TYPES and not _readable(media):
                raise FetchError(
                    url,
                    f"unsupported content type {media} (truce reads HTML, plain text, JSON "
                    "and RSS/Atom feeds)",
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > size_cap:
                    raise TooLarge(url, f"response exceeds the size cap of {size_cap} bytes")
            final_url = str(response.url)
    except httpx.TimeoutException as e:
        message = f"timed out ({type(e).__name__}); the site may be slow or down"
        raise FetchError(url, message) from e
    except httpx.ConnectError as e:
        message = f"could not connect ({_first_line(e)}); is the host reachable?"
        raise FetchError(url, message) from e
    except httpx.TooManyRedirects as e:
        raise FetchError(url, "too many redirects") from e
    except httpx.InvalidURL as e:
        raise FetchError(url, f"invalid URL ({_first_line(e)})") from e
    except httpx.HTTPError as e:
        raise FetchError(url, f"could not fetch ({type(e).__name__}: {_first_line(e)})") from e
    sniffed = sniff_type(bytes(body[:2048]))
    if media in _UNKNOWN_TYPES:
        if sniffed is None:
            raise FetchError(
                url, "the server gave no content type and the data is not HTML, XML or text"
            )
        media = sniffed
    media = _reconcile(media, sniffed)
    return Fetched(url=final_url, content_type=media, charset=charset, body=bytes(body))


def _reconcile(declared: str, sniffed: str | None) -> str:
    """Servers mislabel: a feed sent as text/html, an XHTML page sent as application/xml."""
    if declared in HTML_TYPES and sniffed == "application/xml":
        return sniffed
    if (declared in FEED_TYPES or declared.endswith("+xml")) and sniffed == "text/html":
        return sniffed
    return declared


def _readable(media: str) -> bool:
    return media in HTML_TYPES | FEED_TYPES | TEXT_TYPES | JSON_TYPES or media.endswith("+xml")


def _media_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    media = parts[0].lower()
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip().strip('"') or None
    return media, charset


def sniff_type(head: bytes) -> str | None:
    """A media type guessed from the first bytes: HTML, a feed (XML) or plain text, else None."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    if start.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
        if b"<html" in start and not any(tag in start for tag in (b"<rss", b"<feed", b"<rdf")):
            return "text/html"  # XHTML
        return "application/xml"
    if start.startswith((b"{", b"[")):
        return "application/json"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    return "text/plain" if b"\x00" not in head else None


def _first_line(e: Exception) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__
