"""Ingest: read news reports from files, folders, globs, feeds and URLs into ``Article`` records.

    read_inputs(["news/", "extra/*.html", "feed.xml", "https://example.com/a"], published=...)

yields one ``Article`` per report and one ``IngestFailure`` per input that could not be read, in
input order, and never raises for one bad input: the batch goes on. Formats, the publication-date
rules and every error are described in docs/ingest.md.
"""

from __future__ import annotations

import datetime as dt
import glob
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import httpx

from truce.errors import FetchError, InputError
from truce.ingest._build import Context, IngestFailure, article_id, make_article
from truce.ingest._dates import find_dateline, parse_date_value
from truce.ingest._decode import DEFAULT_SIZE_CAP, decode_text, read_capped
from truce.ingest._feeds import feed_articles
from truce.ingest._fetch import (
    FEED_TYPES,
    HTML_TYPES,
    JSON_TYPES,
    TEXT_TYPES,
    default_client,
    fetch,
)
from truce.ingest._readers import (
    html_article,
    html_bytes_to_text,
    json_articles,
    jsonl_articles,
    read_csv_file,
    read_html_file,
    read_json_file,
    read_jsonl_file,
    read_txt_file,
    text_article,
)
from truce.records import Article

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_SIZE_CAP",
    "SUPPORTED_SUFFIXES",
    "IngestFailure",
    "article_id",
    "expand_inputs",
    "find_dateline",
    "is_url",
    "make_article",
    "parse_date_value",
    "read_inputs",
    "retry_inputs",
]


def _read_feed_file(path: Path, source: str, ctx: Context) -> Iterator[Article | IngestFailure]:
    return feed_articles(read_capped(path, source, ctx.size_cap), source, ctx)


_READERS: dict[str, Callable[[Path, str, Context], Iterator[Article | IngestFailure]]] = {
    ".txt": read_txt_file,
    ".text": read_txt_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".json": read_json_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
    ".tsv": read_csv_file,
    ".xml": _read_feed_file,
    ".rss": _read_feed_file,
    ".atom": _read_feed_file,
}
SUPPORTED_SUFFIXES = tuple(_READERS)
_GLOB_CHARS = set("*?[")


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_inputs(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    published: dt.date | None = None,
    size_cap: int = DEFAULT_SIZE_CAP,
    client: httpx.Client | None = None,
    fetch_links: bool = True,
) -> Iterator[Article | IngestFailure]:
    """Read every input: files, folders (recursively), glob patterns, feed files and URLs.

    ``published`` is the publication date of articles that state none (in metadata or a dateline).
    ``size_cap`` bounds each file and each download, in bytes. ``client`` fetches URLs (one with
    timeouts is made, and closed, when a URL needs it). ``fetch_links``: fetch the linked page of a
    feed entry that carries no text.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one input, not a sequence of characters
    own_client: list[httpx.Client] = []

    def client_factory() -> httpx.Client:
        if client is not None:
            return client
        if not own_client:
            own_client.append(default_client())
        return own_client[0]

    ctx = Context(
        default_published=published,
        size_cap=size_cap,
        fetch_links=fetch_links,
        client_factory=client_factory,
    )
    try:
        for item in expand_inputs(inputs):
            if isinstance(item, IngestFailure):
                results: Iterator[Article | IngestFailure] = iter((item,))
            elif isinstance(item, Path):
                results = _guarded(str(item), lambda p=item: _read_file(p, ctx))
            else:
                results = _guarded(item, lambda u=item: _read_url(u, ctx))
            for result in results:
                if isinstance(result, IngestFailure):
                    log.warning("%s", result)
                yield result
    finally:
        for c in own_client:
            c.close()


def retry_inputs(sources: Iterable[str]) -> list[str]:
    """The inputs to read again to retry failures, from their ``source`` strings.

    "file.jsonl:7", "file.json record 3" and "feed.xml entry 2" give the whole file or feed (its
    other records come back as duplicates, which the store ignores); a sidecar gives its text
    file; anything else is read as it is. Order kept, duplicates dropped.
    """
    out: list[str] = []
    for source in sources:
        source = re.sub(r" \([^()]*\)$", "", source)  # "x.jsonl:3 (texts/a.txt)"
        m = re.fullmatch(r"(.+) (?:entry|record) \d+", source)
        if m:
            source = m.group(1)
        elif not is_url(source) and (m := re.fullmatch(r"(.+):\d+", source)):
            source = m.group(1)
        if source.endswith(".meta.json"):
            stem = source[: -len(".meta.json")]
            candidates = (stem + suffix for suffix in (".txt", ".text", ""))
            texts = [c for c in candidates if Path(c).is_file()]
            source = texts[0] if texts else source
        if source not in out:
            out.append(source)
    return out


def expand_inputs(
    inputs: Sequence[str | os.PathLike[str]],
) -> Iterator[Path | str | IngestFailure]:
    """Files (as ``Path``), URLs (as ``str``) and failures for inputs that name nothing readable.

    Folders are walked recursively in name order, keeping files with a supported suffix and skipping
    hidden entries and ``*.meta.json`` sidecars. Globs are expanded (``**`` included). A file named
    twice is read once.
    """
    seen: set[Path] = set()

    def once(path: Path) -> Iterator[Path]:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            yield path

    for raw in inputs:
        value = os.fspath(raw)
        if is_url(value):
            yield value
            continue
        path = Path(value).expanduser()
        if path.is_dir():
            for found in _walk(path):
                yield from once(found)
        elif path.is_file():
            yield from once(path)
        elif _GLOB_CHARS & set(value):
            matches = sorted(glob.glob(os.path.expanduser(value), recursive=True))
            if not matches:
                yield IngestFailure(value, "no files match this pattern", "InputError")
            for match in matches:
                mpath = Path(match)
                if mpath.is_dir():
                    for found in _walk(mpath):
                        yield from once(found)
                elif _supported(mpath):
                    yield from once(mpath)
        elif path.exists():
            yield IngestFailure(value, "not a regular file or folder", "InputError")
        else:
            yield IngestFailure(value, "no such file or folder", "InputError")


def _walk(folder: Path) -> Iterator[Path]:
    skipped = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if not name.startswith(".") and _supported(path):
                yield path
            elif not name.lower().endswith(".meta.json"):
                skipped += 1
    if skipped:
        log.info("%s: skipped %d hidden or unsupported files", folder, skipped)


def _supported(path: Path) -> bool:
    name = path.name.lower()
    return path.suffix.lower() in _READERS and not name.endswith(".meta.json")


def _guarded(
    source: str, read: Callable[[], Iterator[Article | IngestFailure]]
) -> Iterator[Article | IngestFailure]:
    """Run one input's reader, turning an ``InputError`` (or an I/O error) into a failure.

    Anything else a parser raises on a strange input (lxml, feedparser, a recursion limit) is a
    failure of that input too, logged with its traceback, so one file can never stop a batch.
    """
    try:
        yield from read()
    except InputError as e:
        yield IngestFailure.from_error(e)
    except OSError as e:
        yield IngestFailure(source, f"cannot read: {e.strerror or e}", "InputError")
    except Exception as e:  # noqa: BLE001 - one bad input must not lose the rest of the batch
        log.exception("%s: unexpected error while reading", source)
        first = str(e).strip().splitlines()[0] if str(e).strip() else ""
        message = f"could not be read ({type(e).__name__}: {first}); please report it"
        yield IngestFailure(source, message, "InputError")


def _read_file(path: Path, ctx: Context) -> Iterator[Article | IngestFailure]:
    source = str(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(SUPPORTED_SUFFIXES)
        suffix = path.suffix or "(none)"
        raise InputError(source, f"unsupported file type {suffix!r} (truce reads {known})")
    yield from reader(path, source, ctx)


def _read_url(url: str, ctx: Context) -> Iterator[Article | IngestFailure]:
    fetched = fetch(url, ctx.client_factory(), ctx.size_cap)
    media = fetched.content_type
    if media in HTML_TYPES:
        html = html_bytes_to_text(fetched.body, url, fetched.charset)
        yield from html_article(html, url, ctx, url=fetched.url)
    elif media in FEED_TYPES or media.endswith("+xml"):
        yield from feed_articles(fetched.body, url, ctx, base_url=fetched.url)
    elif media in TEXT_TYPES:
        text = decode_text(fetched.body, url, declared=fetched.charset)
        yield from text_article(text, url, ctx, {"url": fetched.url})
    elif media in JSON_TYPES:
        text = decode_text(fetched.body, url, declared=fetched.charset)
        if media == "application/json":
            yield from json_articles(text, url, ctx)
        else:
            yield from jsonl_articles(text, url, ctx)
    else:  # fetch() only lets readable types through; kept for a clear message if that changes
        raise FetchError(url, f"unsupported content type {media}")

