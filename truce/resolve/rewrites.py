"""Sentence-level rewrite detection: is one sentence a rewording of another, and how many sentences
of one article have a counterpart in another.

The sentence similarity is lexical (no model): the mean of the Dice overlap of the two sentences'
words and the share of the *shorter* sentence's content stems found in the longer one, less a
penalty when the sentences carry different numbers ("5 rockets" vs "6 rockets" is a different fact).
On the MSRP news pairs it reaches 0.73 accuracy and 0.82 F1 (``truce eval rewrites``), at the level of
the lexical baselines in the literature, and costs microseconds per pair.

An article-level rewrite (the demo's 000 and 001) is decided by alignment: the share of an article's
informative sentences that have a close counterpart in the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from truce.resolve._text import content_stems, pack_u32, split_sentences, stable_hash, unpack_u32, words

__all__ = [
    "SentenceFeatures",
    "sentence_features",
    "sentence_similarity",
    "is_paraphrase",
    "article_fingerprint",
    "alignment",
    "PARAPHRASE_THRESHOLD",
    "ALIGN_THRESHOLD",
]

# Tuned on half of MSRP train and checked on the other half (docs/resolve.md).
PARAPHRASE_THRESHOLD = 0.43
# Sentences of two articles count as aligned above this (stricter: whole articles, many pairs).
ALIGN_THRESHOLD = 0.40
NUMBER_PENALTY = 0.15
# A sentence needs this many content stems to take part in article alignment (skips "Hezbollah rejects").
MIN_STEMS = 5


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What the similarity needs from one sentence: hashed words, hashed content stems, numbers."""

    words: frozenset[int]
    stems: frozenset[int]
    numbers: frozenset[int]

    @classmethod
    def from_lists(cls, words_: Sequence[int], stems: Sequence[int], numbers: Sequence[int]):
        return cls(frozenset(words_), frozenset(stems), frozenset(numbers))

    def pack(self) -> str:
        """Compact text form (three base64 uint32 arrays separated by spaces), for the store."""
        return " ".join(pack_u32(sorted(s)) for s in (self.words, self.stems, self.numbers))

    @classmethod
    def unpack(cls, text: str) -> SentenceFeatures:
        parts = (text.split(" ") + ["", "", ""])[:3]
        return cls(*(frozenset(int(v) for v in unpack_u32(p)) for p in parts))


def sentence_features(sentence: str) -> SentenceFeatures:
    stems = content_stems(sentence)
    return SentenceFeatures(
        words=frozenset(stable_hash(w) for w in words(sentence)),
        stems=frozenset(stable_hash(s) for s in stems),
        numbers=frozenset(stable_hash(s) for s in stems if s[:1].isdigit()),
    )


def _similarity(a: SentenceFeatures, b: SentenceFeatures) -> float:
    if not a.words or not b.words:
        return 0.0
    dice = 2 * len(a.words & b.words) / (len(a.words) + len(b.words))
    if a.stems and b.stems:
        cover = len(a.stems & b.stems) / max(len(a.stems), len(b.stems))
    else:
        cover = 0.0
    score = 0.5 * dice + 0.5 * cover
    if (a.numbers or b.numbers) and a.numbers != b.numbers:
        score -= NUMBER_PENALTY
    return score


def sentence_similarity(a: str | SentenceFeatures, b: str | SentenceFeatures) -> float:
    """A score in [-0.15, 1]: 1 for the same words; about 0.43 and above for a rewording."""
    fa = a if isinstance(a, SentenceFeatures) else sentence_features(a)
    fb = b if isinstance(b, SentenceFeatures) else sentence_features(b)
    return _similarity(fa, fb)


def is_paraphrase(a: str, b: str, threshold: float = PARAPHRASE_THRESHOLD) -> bool:
    return sentence_similarity(a, b) >= threshold


def article_fingerprint(text: str) -> list[SentenceFeatures]:
    """The informative sentences of an article, as features (what the store keeps per article)."""
    return article_features(text)[0]


def article_features(text: str) -> tuple[list[SentenceFeatures], dict[int, int]]:
    """The informative sentences' features and the whole text's content-stem counts (hashed), in
    one pass over the text."""
    out = []
    terms: dict[int, int] = {}
    for sentence in split_sentences(text):
        stems = content_stems(sentence)
        hashed = [stable_hash(s) for s in stems]
        for h in hashed:
            terms[h] = terms.get(h, 0) + 1
        if len(set(hashed)) >= MIN_STEMS:
            out.append(SentenceFeatures(
                words=frozenset(stable_hash(w) for w in words(sentence)),
                stems=frozenset(hashed),
                numbers=frozenset(h for s, h in zip(stems, hashed) if s[:1].isdigit()),
            ))
    return out, terms


@dataclass(frozen=True, slots=True)
class Alignment:
    aligned_a: int  # sentences of A with a counterpart in B
    aligned_b: int
    total_a: int
    total_b: int

    @property
    def share(self) -> float:
        """The larger of the two aligned shares: a short rewrite of a long story still counts."""
        sa = self.aligned_a / self.total_a if self.total_a else 0.0
        sb = self.aligned_b / self.total_b if self.total_b else 0.0
        return max(sa, sb)


def alignment(
    a: Sequence[SentenceFeatures], b: Sequence[SentenceFeatures], threshold: float = ALIGN_THRESHOLD
) -> Alignment:
    """Count the sentences of each article whose best counterpart in the other scores ≥ threshold."""
    matched_b: set[int] = set()
    aligned_a = 0
    for fa in a:
        best, best_j = 0.0, -1
        for j, fb in enumerate(b):
            if not (fa.stems & fb.stems):
                continue
            s = _similarity(fa, fb)
            if s > best:
                best, best_j = s, j
        if best >= threshold:
            aligned_a += 1
            matched_b.add(best_j)
    return Alignment(aligned_a, len(matched_b), len(a), len(b))
