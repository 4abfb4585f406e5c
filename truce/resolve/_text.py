"""Text features shared by origins, stories and the rewrite detector: sentences, stems, shingles.

Everything here is deterministic across processes (hashes are CRC32, never Python's ``hash``), so
fingerprints saved by the store compare equal after a reload.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import lru_cache

__all__ = [
    "split_sentences",
    "content_stems",
    "stem",
    "word_shingles",
    "stable_hash",
    "fold",
    "pack_u32",
    "unpack_u32",
]

_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\S)")
_WORD = re.compile(r"\w+(?:[.,]\d+)*", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"'})
# Suffixes stripped by the light stemmer, longest first; the remaining stem keeps at least 3 letters.
_SUFFIXES = ("ations", "ation", "ments", "ment", "ness", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    # spaCy's English stop-word table is plain data shipped with the installed package (no model).
    from spacy.lang.en.stop_words import STOP_WORDS

    extra = {"said", "says", "say", "according", "told", "reported", "reportedly", "also", "mr", "ms"}
    return frozenset(STOP_WORDS | extra)


def fold(text: str) -> str:
    """NFKC, straight apostrophes and quotes, lower case."""
    # Short strings (actor names, name words) come back again and again: they are cached; whole
    # texts are not (the cache would keep them alive).
    if len(text) <= 64:
        return _fold_short(text)
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()


def split_sentences(text: str) -> list[str]:
    """Sentences by punctuation and line breaks; good enough for alignment, not for offsets."""
    parts = _SENTENCE_BREAK.split(text.strip())
    return [p.strip() for p in parts if p and p.strip()]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light suffix-stripping stem: "strikes", "striking" → "strik"; numbers are kept whole."""
    if word[:1].isdigit():
        return word.replace(",", "")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    folded = fold(text).replace("'s ", " ")
    return _WORD.findall(folded)


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content (no stop words, no single letters), in text order."""
    stops = _stop_words()
    return [stem(w) for w in words(text) if w not in stops and (len(w) > 1 or w.isdigit())]


def word_shingles(text: str, k: int = 3) -> set[str]:
    """Overlapping k-word shingles of the folded text (all words kept: copies keep function words)."""
    ws = words(text)
    if len(ws) < k:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1)}


@lru_cache(maxsize=200_000)
def stable_hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8"))


def pack_u32(values) -> str:
    """Unsigned 32-bit ints as compact base64 text (how fingerprints are kept and stored)."""
    import base64

    import numpy as np

    return base64.b64encode(np.asarray(values, dtype="<u4").tobytes()).decode("ascii")


def unpack_u32(text: str):
    import base64

    import numpy as np

    return np.frombuffer(base64.b64decode(text), dtype="<u4")
