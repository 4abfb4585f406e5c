"""Text plus whatever metadata came with it into an ``Article``: ids and publication dates."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from truce.errors import EmptyInput, InputError, MalformedRecord
from truce.ingest._dates import find_dateline, parse_date_value
from truce.ingest._decode import repair_mojibake
from truce.records import Article, content_hash

log = logging.getLogger(__name__)

# Fields an input record or sidecar may carry (docs/ingest.md).
META_FIELDS = ("id", "title", "url", "outlet", "published", "language")
ID_LENGTH = 16


def article_id(text: str) -> str:
    """The id of an article that came without one: the first 16 hex digits of its content hash."""
    return content_hash(text)[:ID_LENGTH]


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, a stray byte-order mark removed, outer blank space trimmed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def make_article(
    text: str,
    meta: Mapping[str, Any],
    *,
    source: str,
    default_published: dt.date | None,
) -> Article:
    """An ``Article`` from body text and metadata, applying the date rules.

    Publication date: ``meta["published"]`` ("metadata"), else a dateline at the top of the text
    ("dateline"), else ``default_published`` ("default"), else None ("unknown"). Never today.
    """
    if not isinstance(text, str):
        raise MalformedRecord(source, f"text must be a string, not {type(text).__name__}")
    text, repaired = repair_mojibake(normalise_text(text))
    if repaired:
        log.warning(
            "%s: repaired %d mis-decoded characters (UTF-8 read as cp1252, e.g. 'â€™' for '’')",
            source, repaired,
        )  # fmt: skip
    if not text:
        raise EmptyInput(source, "no text (the text field is empty)")
    for key in ("id", "title", "url", "outlet", "language"):
        value = meta.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise MalformedRecord(source, f"{key} must be a string, not {type(value).__name__}")
    try:
        published = parse_date_value(meta.get("published"))
    except ValueError as e:
        raise MalformedRecord(source, str(e)) from e
    published_source = "metadata"
    if published is None:
        published = find_dateline(text, default_published)
        published_source = "dateline"
    if published is None and default_published is not None:
        published, published_source = default_published, "default"
    if published is None:
        published_source = "unknown"
        log.info("%s: no publication date in metadata or text; marked unknown", source)
    given_id = meta.get("id")
    return Article(
        id=str(given_id).strip() if given_id not in (None, "") else article_id(text),
        text=text,
        title=_str_or_none(meta.get("title")),
        url=_str_or_none(meta.get("url")),
        outlet=_str_or_none(meta.get("outlet")),
        published=published,
        published_source=published_source,  # type: ignore[arg-type]
        language=_language(meta.get("language")),
        source=source,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _language(value: Any) -> str:
    """"en-US" and "EN" become "en"; missing means English, the only language read so far."""
    text = _str_or_none(value)
    if not text:
        return "en"
    return text.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that did not become an article. ``source`` is the file, "file:line" or URL.

    ``error`` is one line saying what is wrong and what to do; ``kind`` is the error class
    ("EmptyInput", "BinaryInput", "TooLarge", "MalformedRecord", "FetchError", "FeedError", ...).
    """

    source: str
    error: str
    kind: str = "InputError"

    def __str__(self) -> str:
        return f"{self.source}: {self.error}"

    @classmethod
    def from_error(cls, error: InputError) -> IngestFailure:
        return cls(source=error.source, error=error.message, kind=type(error).__name__)


@dataclass
class Context:
    """What every reader needs besides its input."""

    default_published: dt.date | None
    size_cap: int
    fetch_links: bool
    client_factory: Callable[[], httpx.Client]
