"""Readers for each input format. Each yields ``Article`` or ``IngestFailure`` and never raises for
one bad record; an ``InputError`` that concerns a whole file is raised for the caller to record."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from truce.errors import InputError, MalformedRecord
from truce.ingest._build import META_FIELDS, Context, IngestFailure, make_article
from truce.ingest._decode import decode_text, read_capped
from truce.ingest._html import extract_page
from truce.records import Article

log = logging.getLogger(__name__)

Result = Article | IngestFailure

_TITLE_MAX = 200
_INNER_SENTENCE = re.compile(
    r"\b(?!(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Sen|Rep|Gov|Jr|Sr|No|Vs)\.)[A-Za-z0-9]{2,}[.!?]\s+[A-Z]"
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


# --- plain text ------------------------------------------------------------------------------


def read_txt_file(path: Path, source: str, ctx: Context) -> Iterator[Result]:
    text = decode_text(read_capped(path, source, ctx.size_cap), source)
    meta = dict(read_sidecar(path))
    yield from text_article(text, source, ctx, meta)


def text_article(text: str, source: str, ctx: Context, meta: Mapping[str, Any]) -> Iterator[Result]:
    meta = dict(meta)
    if not meta.get("title"):
        meta["title"] = guess_title(text)
    yield make_article(text, meta, source=source, default_published=ctx.default_published)


def sidecar_paths(path: Path) -> list[Path]:
    """``story.meta.json`` (and ``story.txt.meta.json``) beside ``story.txt``."""
    return [path.with_name(path.stem + ".meta.json"), path.with_name(path.name + ".meta.json")]


def read_sidecar(path: Path) -> Mapping[str, Any]:
    for sidecar in sidecar_paths(path):
        if not sidecar.is_file():
            continue
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise MalformedRecord(
                str(sidecar), f"unreadable metadata sidecar ({e}); fix it or remove it"
            ) from e
        if not isinstance(data, dict):
            raise MalformedRecord(str(sidecar), "metadata sidecar must hold one JSON object")
        _warn_unknown(data, str(sidecar), allowed=META_FIELDS)
        return data
    return {}


def guess_title(text: str) -> str | None:
    """The first line, when it reads like a headline: short, one phrase, not ending like a
    sentence (a lead paragraph cut off mid-sentence is not a headline either)."""
    for line in text.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        sentence_like = line.endswith((".", "!", "?", ",", ";", ":")) or _INNER_SENTENCE.search(line)
        if len(line) <= _TITLE_MAX and not sentence_like:
            return line
        return None
    return None


# --- HTML -------------------------------------------------------------------------------------


def read_html_file(path: Path, source: str, ctx: Context) -> Iterator[Result]:
    data = read_capped(path, source, ctx.size_cap)
    yield from html_article(html_bytes_to_text(data, source), source, ctx)


def html_bytes_to_text(data: bytes, source: str, declared: str | None = None) -> str:
    if declared is None:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii") if m else None
    return decode_text(data, source, declared=declared)


def html_article(
    html: str,
    source: str,
    ctx: Context,
    url: str | None = None,
    fallback: Mapping[str, Any] | None = None,
) -> Iterator[Result]:
    """An article from a page; ``fallback`` metadata (a feed entry's) fills what the page lacks."""
    page = extract_page(html, source, url=url)
    meta: dict[str, Any] = {
        "title": page.title,
        "url": page.url,
        "outlet": page.outlet,
        "published": page.date,
        "language": page.language,
    }
    for key, value in (fallback or {}).items():
        if meta.get(key) in (None, "") and value not in (None, ""):
            meta[key] = value
    yield make_article(page.text, meta, source=source, default_published=ctx.default_published)


# --- JSON and JSON lines ----------------------------------------------------------------------


def read_json_file(path: Path, source: str, ctx: Context) -> Iterator[Result]:
    text = decode_text(read_capped(path, source, ctx.size_cap), source)
    yield from json_articles(text, source, ctx, base=path.parent)


def json_articles(
    text: str, source: str, ctx: Context, base: Path | None = None
) -> Iterator[Result]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        hint = " (one object per line? name the file .jsonl)" if e.msg == "Extra data" else ""
        raise MalformedRecord(
            source, f"not valid JSON: {e.msg} at line {e.lineno} column {e.colno}{hint}"
        ) from e
    if isinstance(data, dict):
        yield _record_result(data, source, ctx, base)
    elif isinstance(data, list):
        for i, item in enumerate(data, 1):
            yield _record_result(item, f"{source} record {i}", ctx, base)
    else:
        raise MalformedRecord(source, "JSON must be one object or a list of objects")


# --- CSV / TSV: one article per row ----------------------------------------------------------

# Column names exports use for each field (compared lower-cased, spaces and hyphens as underscores).
_CSV_COLUMNS = {
    "text": ("text", "body", "content", "article", "full_text", "article_text", "story"),
    "title": ("title", "headline"),
    "url": ("url", "link", "article_url"),
    "outlet": ("outlet", "source", "publisher", "source_name", "media"),
    "published": ("published", "date", "publish_date", "published_at", "publication_date", "pubdate",
                  "pub_date", "datetime"),
    "language": ("language", "lang"),
    "id": ("id", "article_id", "doc_id", "guid"),
}


def read_csv_file(path: Path, source: str, ctx: Context) -> Iterator[Result]:
    """A table of articles, one per row, with a header naming its columns: ``text`` (or ``body``,
    ``content`` ...) and optionally title, url, outlet (``source``), published (``date``), language
    and id. ``.tsv`` files are tab-separated. Other columns are ignored, with one warning."""
    text = decode_text(read_capped(path, source, ctx.size_cap), source)
    yield from csv_articles(text, source, ctx, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")


def csv_articles(text: str, source: str, ctx: Context, delimiter: str = ",") -> Iterator[Result]:
    csv.field_size_limit(max(ctx.size_cap, 1 << 20))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(rows)
    except (StopIteration, csv.Error) as e:
        raise MalformedRecord(source, f"no header row ({e})" if str(e) else "empty table") from e
    names = [re.sub(r"[\s-]+", "_", h.strip().lower()) for h in header]
    columns: dict[str, int] = {}
    for field, aliases in _CSV_COLUMNS.items():
        index = next((names.index(a) for a in aliases if a in names), None)
        if index is not None:
            columns[field] = index
    if "text" not in columns:
        raise MalformedRecord(source, "no text column (expected one of: " + ", ".join(_CSV_COLUMNS["text"]) + ")")
    ignored = [h for i, h in enumerate(header) if i not in columns.values() and h.strip()]
    if ignored:
        log.warning("%s: columns ignored: %s", source, ", ".join(ignored))
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as e:
            yield IngestFailure(f"{source}:{rows.line_num}", f"malformed CSV row: {e}", "MalformedRecord")
            return  # the reader cannot resynchronise after a broken quote
        if not any(cell.strip() for cell in row):
            continue
        item = {field: (row[i] if i < len(row) and row[i].strip() else None) for field, i in columns.items()}
        yield _record_result(item, f"{source}:{rows.line_num}", ctx, None)


def read_jsonl_file(path: Path, source: str, ctx: Context) -> Iterator[Result]:
    text = decode_text(read_capped(path, source, ctx.size_cap), source)
    yield from jsonl_articles(text, source, ctx, base=path.parent)


def jsonl_articles(
    text: str, source: str, ctx: Context, base: Path | None = None
) -> Iterator[Result]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            message = f"malformed JSON line: {e.msg} at column {e.colno}"
            yield IngestFailure(where, message, "MalformedRecord")
            continue
        yield _record_result(item, where, ctx, base)


def _record_result(item: Any, where: str, ctx: Context, base: Path | None) -> Result:
    try:
        return record_article(item, where, ctx, base)
    except InputError as e:
        return IngestFailure.from_error(e)


def record_article(item: Any, where: str, ctx: Context, base: Path | None = None) -> Article:
    """One JSON record ``{"id", "text", "title", "url", "outlet", "published", "language"}``.

    Instead of ``text`` a record read from a file may give ``file``: the path of a text file,
    relative to the JSON file's folder (a manifest of plain-text articles with their metadata).
    """
    if not isinstance(item, dict):
        raise MalformedRecord(where, f"expected a JSON object, got {type(item).__name__}")
    _warn_unknown(item, where, allowed=(*META_FIELDS, "text", "file"))
    meta = {key: item.get(key) for key in META_FIELDS}
    if item.get("text") is not None:
        text = item["text"]
    elif item.get("file") is not None:
        text = _record_file_text(item["file"], where, ctx, base)
        if not meta.get("title"):
            meta["title"] = guess_title(text)
    else:
        raise MalformedRecord(where, 'record has no "text" (or "file") field')
    return make_article(text, meta, source=where, default_published=ctx.default_published)


def _record_file_text(name: Any, where: str, ctx: Context, base: Path | None) -> str:
    if base is None:
        raise MalformedRecord(where, '"file" is only allowed in records read from a local file')
    if not isinstance(name, str) or not name.strip():
        raise MalformedRecord(where, '"file" must be a path')
    path = base / name
    if not path.is_file():
        raise MalformedRecord(where, f'"file" {name!r}: no such file in {base}')
    return decode_text(read_capped(path, f"{where} ({path})", ctx.size_cap), f"{where} ({path})")


def _warn_unknown(data: Mapping[str, Any], where: str, allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        log.debug("%s: ignoring fields %s", where, ", ".join(unknown))
