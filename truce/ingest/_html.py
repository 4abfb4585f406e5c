"""HTML to text: whole pages through trafilatura, feed fragments through the standard library."""

from __future__ import annotations

import html as html_lib
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from truce.errors import EmptyInput

log = logging.getLogger(__name__)

# A page counts as an article only if some line of what trafilatura kept reads like prose: a
# sentence of at least 8 words, or a 20-word run. Menus, link lists and cookie banners are short
# lines, or long runs of names separated by bars and bullets with no sentence in them.
_PROSE_LINE_WORDS = 8
_LONG_LINE_WORDS = 20
_SENTENCE_END = re.compile(r"[a-z0-9%)\]][.!?][\"'”’)]?(?:\s|$)")
_SEPARATORS = re.compile(r"\s[|•·/>›»]\s")


def _is_prose(line: str) -> bool:
    words = line.split()
    if len(_SEPARATORS.findall(line)) >= 3:  # "Home | World | Politics | ..."
        return False
    return len(words) >= _LONG_LINE_WORDS or (
        len(words) >= _PROSE_LINE_WORDS and bool(_SENTENCE_END.search(line))
    )


@dataclass
class PageText:
    text: str
    title: str | None
    date: str | None
    outlet: str | None
    url: str | None
    language: str | None


def extract_page(html: str, source: str, url: str | None = None) -> PageText:
    """The main text and metadata of an HTML page; ``EmptyInput`` when no article text remains."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        # Only dates the page states as metadata (meta tags, JSON-LD, time elements, URL): no
        # guessing from body text, so a date from a sidebar never becomes the publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        raise EmptyInput(source, "no article text in the HTML (only scripts, navigation or markup)")
    if not any(_is_prose(line) for line in text.splitlines()):
        raise EmptyInput(
            source,
            "no article text in the HTML: what remains after removing scripts and navigation "
            "is only short lines (menus, links)",
        )
    return PageText(
        text=text,
        title=_clean(doc.title),
        date=_clean(doc.date),
        outlet=_clean(doc.sitename),
        url=_clean(doc.url) or url,
        language=_clean(getattr(doc, "language", None)),
    )


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "iframe", "svg", "head"}


class _FragmentText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary or content): one paragraph a line."""
    if "<" not in fragment:
        return _tidy(html_lib.unescape(fragment))
    parser = _FragmentText()
    parser.feed(fragment)
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str:
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
